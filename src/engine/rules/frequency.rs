//! Step 5 (part): frequency limits, counted over history on file and earlier lines
//! of the option, and BU12: a buildup denied with its crown.

mod index;

use chrono::NaiveDate;

pub(super) use index::LimitLines;

use super::outcome::{Billing, Denial, Outcome};
use crate::engine::input::Payer;
use crate::engine::overrides;
use crate::engine::services::Service;
use crate::engine::step::{Flag, Step};
use crate::engine::window::{self, BenefitYearStart, Window, WindowCheck};
use crate::model::family::{self, CodeFamily};
use crate::model::plan::{FrequencyScope, FrequencyWindow};
use crate::model::{Area, CdtCode, Tooth};

fn window_of(w: FrequencyWindow) -> Window {
    match w {
        FrequencyWindow::BenefitYear => Window::BenefitYear,
        FrequencyWindow::RollingMonths {
            months,
            boundary_counts,
        } => Window::RollingMonths {
            months,
            boundary_counts,
        },
        FrequencyWindow::MonthsToTheDay(months) => Window::MonthsToTheDay { months },
        FrequencyWindow::MonthsToTheMonth(months) => Window::MonthsToTheMonth { months },
        FrequencyWindow::Days(days) => Window::Days { days },
        FrequencyWindow::Years(years) => Window::Years { years },
        FrequencyWindow::Lifetime => Window::Lifetime,
    }
}

/// True when two areas fall in the same counting unit of `scope`. A line without
/// the scoped element (a tooth-scoped limit on a no-tooth line) counts patient-wide.
fn same_scope(scope: FrequencyScope, a: Area, b: Area) -> bool {
    fn same<T: PartialEq>(x: Option<T>, y: Option<T>) -> bool {
        match (x, y) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    }
    match scope {
        FrequencyScope::Patient => true,
        FrequencyScope::Tooth => same(a.tooth(), b.tooth()),
        FrequencyScope::ToothSurface => {
            same(a.tooth(), b.tooth())
                && match (a.surfaces(), b.surfaces()) {
                    (Some(x), Some(y)) => x.overlaps(y),
                    _ => true,
                }
        }
        FrequencyScope::Quadrant => same(a.quadrant(), b.quadrant()),
        FrequencyScope::Arch => same(a.arch(), b.arch()),
    }
}

/// Per limit of `payer`'s plan, the earliest date any line of the option can
/// read: its window's look-back from the first date of service (look-backs only
/// move forward with the date). History older than that is never read, so it
/// is not indexed.
pub(super) fn reach(payer: &Payer<'_>, services: &[Service<'_>]) -> Vec<NaiveDate> {
    let plan = payer.plan;
    let basis = plan.settings.date_of_service;
    let year_start = BenefitYearStart {
        month: plan.benefit_year.start_month(),
    };
    let first = services.iter().map(|s| s.dos(basis)).min();
    plan.frequency_limits
        .iter()
        .map(|l| {
            first.map_or(NaiveDate::MAX, |d| {
                window::look_back(window_of(l.window), year_start, d)
            })
        })
        .collect()
}

/// Step 5 (part): frequency limits. History on file and earlier lines this plan
/// covered both count; lines it denied do not. When several limits deny, the one
/// with the later eligibility date is the true one.
pub(super) fn frequency(
    payer: &Payer<'_>,
    counted: &mut LimitLines,
    s: &Service<'_>,
    dos: NaiveDate,
) -> Option<Denial> {
    let plan = payer.plan;
    let year_start = BenefitYearStart {
        month: plan.benefit_year.start_month(),
    };
    // The denying limit so far, with its eligibility date (None: never again).
    let mut worst: Option<(Option<NaiveDate>, Denial)> = None;
    for (k, limit) in plan
        .frequency_limits
        .iter()
        .enumerate()
        .filter(|(_, l)| l.codes.contains(s.line.code))
    {
        let window = window_of(limit.window);
        // Only services from the window's look-back to the date of service can count.
        let range = (window::look_back(window, year_start, dos), dos);
        let prior = counted.prior(k, limit.scope, s.area, range);
        let count = overrides::frequency_count(payer, limit, s);
        let WindowCheck::Denied {
            used,
            eligible_again,
        } = window::check(window, count, year_start, prior, dos)
        else {
            continue;
        };
        let later = match &worst {
            None => true,
            Some((Some(prev), _)) => eligible_again.is_none_or(|e| e > *prev),
            Some((None, _)) => false,
        };
        if later {
            let denial = Denial {
                flag: Flag::FrequencyLimit,
                step: Step::FrequencyLimit {
                    plan: payer.names.plan.clone(),
                    limit: limit.name.clone(),
                    used,
                    count,
                    eligible_again,
                },
                billing: Billing::PlanSetting,
            };
            worst = Some((eligible_again, denial));
        }
    }
    worst.map(|(_, denial)| denial)
}

/// BU12: a buildup or post on a tooth whose crown in this option fails its frequency
/// limit is denied with it.
pub(super) fn deny_buildups_with_crowns(
    payer: &Payer<'_>,
    services: &[Service<'_>],
    outcomes: &mut [Outcome],
) {
    let crowns = CodeFamily::union(&family::RETAINED_BY_BUILDUP);
    let buildups = CodeFamily::union(&family::BUILT_UNDER_A_CROWN);
    let failed: Vec<(Tooth, CdtCode)> = services
        .iter()
        .zip(outcomes.iter())
        .filter(|(s, o)| {
            crowns.contains(s.line.code)
                && matches!(o, Outcome::Denied(d) if d.flag == Flag::FrequencyLimit)
        })
        .filter_map(|(s, _)| s.area.tooth().map(|t| (t, s.line.code)))
        .collect();
    for (s, outcome) in services.iter().zip(outcomes.iter_mut()) {
        if !buildups.contains(s.line.code) || !matches!(outcome, Outcome::Covered) {
            continue;
        }
        if let Some(&(tooth, crown)) = failed.iter().find(|(t, _)| Some(*t) == s.area.tooth()) {
            *outcome = Outcome::Denied(Denial {
                flag: Flag::FrequencyLimit,
                step: Step::DeniedWithCrown {
                    plan: payer.names.plan.clone(),
                    crown,
                    tooth,
                },
                billing: Billing::PlanSetting,
            });
        }
    }
}
