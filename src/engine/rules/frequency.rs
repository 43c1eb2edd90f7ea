//! Step 5 (part): frequency limits, counted over history on file and earlier lines
//! of the option, and BU12: a buildup denied with its crown.

use chrono::NaiveDate;

use super::outcome::{Billing, Denial, Outcome};
use crate::engine::input::{EstimateInput, Payer};
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

/// Everything a plan's frequency limits count, indexed once per estimate by
/// limit: the history on file whose code each limit counts (the patient's and this
/// coverage's), and, growing as lines are decided in pricing order, the earlier
/// lines this plan covered. A line looks only at what its own limits count, and
/// nothing is rescanned to find it.
pub(super) struct LimitLines {
    /// Per limit: (area, date) of the history items it counts, in file order.
    history: Vec<Vec<(Area, NaiveDate)>>,
    /// Per limit: (area, date of service) of the lines decided so far that this
    /// plan covers and the limit counts, in pricing order.
    covered: Vec<Vec<(Area, NaiveDate)>>,
    /// Dates counted for the line being decided (kept to reuse its memory).
    prior: Vec<NaiveDate>,
}

impl LimitLines {
    pub(super) fn new(input: &EstimateInput<'_>, payer: &Payer<'_>) -> LimitLines {
        let limits = &payer.plan.frequency_limits;
        let history = input
            .patient
            .history
            .iter()
            .chain(payer.coverage.history.iter());
        // Grouped by code first (a stable sort keeps file order within a code), so
        // each limit asks once per code on file rather than once per item. The
        // window checks count dates whatever their order.
        let mut items: Vec<(CdtCode, Area, NaiveDate)> =
            history.map(|h| (h.code, h.area(), h.date)).collect();
        items.sort_by_key(|&(code, _, _)| code);
        let by_limit = limits
            .iter()
            .map(|limit| {
                items
                    .chunk_by(|a, b| a.0 == b.0)
                    .filter(|run| {
                        run.first()
                            .is_some_and(|(code, ..)| limit.codes.contains(*code))
                    })
                    .flatten()
                    .map(|&(_, area, date)| (area, date))
                    .collect()
            })
            .collect();
        LimitLines {
            history: by_limit,
            covered: vec![Vec::new(); limits.len()],
            prior: Vec::new(),
        }
    }

    /// Counts `s` (decided covered by this plan) toward every limit of its code.
    pub(super) fn covered(&mut self, payer: &Payer<'_>, s: &Service<'_>) {
        let dos = s.dos(payer.plan.settings.date_of_service);
        for (list, limit) in self.covered.iter_mut().zip(&payer.plan.frequency_limits) {
            if limit.codes.contains(s.line.code) {
                list.push((s.area, dos));
            }
        }
    }

    /// Dates of the services that count toward limit `k` for `s`: history on file
    /// and earlier lines this plan covered, in the limit's scope.
    fn prior(&mut self, k: usize, scope: FrequencyScope, s: &Service<'_>) -> &[NaiveDate] {
        self.prior.clear();
        let in_scope =
            |&(area, date): &(Area, NaiveDate)| same_scope(scope, area, s.area).then_some(date);
        for list in [&self.history, &self.covered] {
            if let Some(list) = list.get(k) {
                self.prior.extend(list.iter().filter_map(in_scope));
            }
        }
        &self.prior
    }
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
        let prior = counted.prior(k, limit.scope, s);
        let window = window_of(limit.window);
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
