//! Plan limitation rules that decide whether a plan benefits a line at all:
//! eligibility, waiting periods, the missing-tooth clause, bundling, exclusions,
//! classes not covered, age limits and frequency limits (dental-benefits.md §1.2
//! steps 1, 4 and 5). Money is not touched here; see `pricing`.

use chrono::{Datelike, NaiveDate};

use super::input::{EstimateInput, Payer};
use super::services::Service;
use super::step::{Flag, Step};
use super::window::{self, BenefitYearStart, Window, WindowCheck};
use crate::model::family::{self, CodeFamily};
use crate::model::plan::{
    BundlingKind, FrequencyScope, FrequencyWindow, Liability, MissingToothDenial, Proximity,
    ToothMatch,
};
use crate::model::{Area, CdtCode, CodeSet};

/// What a plan decided for one line before any money is computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The plan benefits the line.
    Covered,
    /// The plan pays nothing.
    Denied(Denial),
}

/// Why a plan pays nothing, and who then owes the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Denial {
    /// The flag shown.
    pub flag: Flag,
    /// The explanation.
    pub step: Step,
    /// Who owes the line.
    pub billing: Billing,
}

/// Who owes a denied line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Billing {
    /// As the plan's `denied_lines_billed_at` setting says.
    PlanSetting,
    /// As a bundling rule says.
    Liability(Liability),
    /// The office fee: no coverage on that date, so no contract applies.
    OfficeFee,
}

/// Decides every line for one payer. `order` is the pricing order.
pub fn decide(
    input: &EstimateInput<'_>,
    payer: &Payer<'_>,
    services: &[Service<'_>],
    order: &[usize],
) -> Vec<Outcome> {
    let plan = payer.plan;
    let basis = plan.settings.date_of_service;
    let mut outcomes = vec![Outcome::Covered; services.len()];
    let bundled = bundling(payer, services, order);
    for (position, &i) in order.iter().enumerate() {
        let Some(s) = services.get(i) else { continue };
        let dos = s.dos(basis);
        let decided = eligibility(input, payer, services, s, dos)
            .or_else(|| bundled.get(i).cloned().flatten())
            .or_else(|| coverage_rules(input, payer, s, dos))
            .or_else(|| {
                frequency(
                    input,
                    payer,
                    services,
                    &outcomes,
                    &order[..position],
                    s,
                    dos,
                )
            });
        if let (Some(denial), Some(slot)) = (decided, outcomes.get_mut(i)) {
            *slot = Outcome::Denied(denial);
        }
    }
    deny_buildups_with_crowns(payer, services, &mut outcomes);
    outcomes
}

fn deny(flag: Flag, step: Step) -> Option<Denial> {
    Some(Denial {
        flag,
        step,
        billing: Billing::PlanSetting,
    })
}

/// Step 1: coverage dates, waiting periods, missing-tooth clause.
fn eligibility(
    input: &EstimateInput<'_>,
    payer: &Payer<'_>,
    services: &[Service<'_>],
    s: &Service<'_>,
    dos: NaiveDate,
) -> Option<Denial> {
    let plan = payer.plan;
    let cov = payer.coverage;
    let name = plan.name.clone();
    if dos < cov.effective || cov.terminates.is_some_and(|t| dos > t) {
        return Some(Denial {
            flag: Flag::NotEligible,
            step: Step::NotEligible {
                plan: name,
                date: dos,
                effective: cov.effective,
                terminates: cov.terminates,
            },
            billing: Billing::OfficeFee,
        });
    }
    if !cov.waiting_periods_waived {
        for wait in &plan.waiting_periods {
            if wait.classes.contains(&s.class) || wait.codes.contains(s.line.code) {
                let covered_from = window::add_months_clamped(cov.effective, wait.months);
                if dos < covered_from {
                    return deny(
                        Flag::WaitingPeriod,
                        Step::WaitingPeriod {
                            plan: name,
                            months: wait.months,
                            covered_from,
                        },
                    );
                }
            }
        }
    }
    let clause = plan.missing_tooth_clause.as_ref()?;
    if !clause.codes.contains(s.line.code) {
        return None;
    }
    let pre_existing = |tooth| {
        input
            .patient
            .missing_teeth
            .iter()
            .find(|m| m.tooth == tooth && m.since.is_none_or(|d| d < cov.effective))
    };
    // The teeth this unit replaces: its own tooth if missing; an arch prosthesis
    // replaces the missing teeth of its arch.
    let replaced = |svc: &Service<'_>| -> Option<(crate::model::Tooth, Option<NaiveDate>)> {
        match svc.area {
            Area::Arch(arch) => input
                .patient
                .missing_teeth
                .iter()
                .find(|m| m.tooth.arch() == arch && m.since.is_none_or(|d| d < cov.effective))
                .map(|m| (m.tooth, m.since)),
            _ => svc
                .area
                .tooth()
                .and_then(|t| pre_existing(t).map(|m| (t, m.since))),
        }
    };
    let hit = replaced(s).or_else(|| match clause.denies {
        MissingToothDenial::ReplacingUnitOnly => None,
        // Same visit, same arch, also under the clause: the same prosthesis.
        MissingToothDenial::WholeProsthesis => services
            .iter()
            .filter(|o| {
                o.visit.id == s.visit.id
                    && clause.codes.contains(o.line.code)
                    && o.area.arch() == s.area.arch()
            })
            .find_map(replaced),
    })?;
    deny(
        Flag::MissingTooth,
        Step::MissingTooth {
            plan: name,
            tooth: hit.0,
            since: hit.1,
            effective: cov.effective,
        },
    )
}

/// Step 5 (part): exclusions, classes not covered, age limits.
fn coverage_rules(
    input: &EstimateInput<'_>,
    payer: &Payer<'_>,
    s: &Service<'_>,
    dos: NaiveDate,
) -> Option<Denial> {
    let plan = payer.plan;
    let name = plan.name.clone();
    let code = s.line.code;
    if let Some(ex) = plan
        .exclusions
        .iter()
        .find(|e| e.codes.contains(code) || e.classes.contains(&s.class))
    {
        return deny(
            Flag::Excluded,
            Step::Excluded {
                plan: name,
                reason: ex.reason.clone(),
            },
        );
    }
    if plan.coverage_for(code, s.class).is_zero() {
        return deny(
            Flag::NotCovered,
            Step::NotCovered {
                plan: name,
                class: s.class,
            },
        );
    }
    let age = age_on(input.patient.birth_date, dos);
    for limit in &plan.age_limits {
        if !(limit.codes.contains(code) || limit.classes.contains(&s.class)) {
            continue;
        }
        let too_old = limit.through_age.is_some_and(|t| age > t);
        let too_young = limit.from_age.is_some_and(|f| age < f);
        if too_old || too_young {
            return deny(
                Flag::AgeLimit,
                Step::AgeLimit {
                    plan: name,
                    age,
                    through_age: limit.through_age,
                    from_age: limit.from_age,
                },
            );
        }
    }
    None
}

/// Whole years of age on `date`.
pub fn age_on(birth: NaiveDate, date: NaiveDate) -> u32 {
    let mut age = date.year() - birth.year();
    if (date.month(), date.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    u32::try_from(age).unwrap_or(0)
}

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

/// Step 5 (part): frequency limits. History on file and earlier lines this plan
/// covered both count; lines it denied do not.
fn frequency(
    input: &EstimateInput<'_>,
    payer: &Payer<'_>,
    services: &[Service<'_>],
    outcomes: &[Outcome],
    earlier: &[usize],
    s: &Service<'_>,
    dos: NaiveDate,
) -> Option<Denial> {
    let plan = payer.plan;
    let year_start = BenefitYearStart {
        month: plan.benefit_year.start_month(),
    };
    let basis = plan.settings.date_of_service;
    let mut worst: Option<Denial> = None;
    for limit in plan
        .frequency_limits
        .iter()
        .filter(|l| l.codes.contains(s.line.code))
    {
        let history = input
            .patient
            .history
            .iter()
            .chain(payer.coverage.history.iter());
        let mut prior: Vec<NaiveDate> = history
            .filter(|h| limit.codes.contains(h.code) && same_scope(limit.scope, h.area(), s.area))
            .map(|h| h.date)
            .collect();
        prior.extend(earlier.iter().filter_map(|&j| {
            let o = services.get(j)?;
            let covered = matches!(outcomes.get(j), Some(Outcome::Covered));
            (covered
                && limit.codes.contains(o.line.code)
                && same_scope(limit.scope, o.area, s.area))
            .then(|| o.dos(basis))
        }));
        if let WindowCheck::Denied {
            used,
            eligible_again,
        } = window::check(
            window_of(limit.window),
            limit.count,
            year_start,
            &prior,
            dos,
        ) {
            // With several limits denying, the later eligibility date is the true one.
            let later = match &worst {
                Some(Denial {
                    step:
                        Step::FrequencyLimit {
                            eligible_again: Some(prev),
                            ..
                        },
                    ..
                }) => eligible_again.is_none_or(|e| e > *prev),
                Some(_) => false,
                None => true,
            };
            if later {
                worst = deny(
                    Flag::FrequencyLimit,
                    Step::FrequencyLimit {
                        plan: plan.name.clone(),
                        limit: limit.name.clone(),
                        used,
                        count: limit.count,
                        eligible_again,
                    },
                );
            }
        }
    }
    worst
}

/// BU12: a buildup or post on a tooth whose crown in this option fails its frequency
/// limit is denied with it.
fn deny_buildups_with_crowns(
    payer: &Payer<'_>,
    services: &[Service<'_>],
    outcomes: &mut [Outcome],
) {
    let crowns = CodeFamily::union(&family::RETAINED_BY_BUILDUP);
    let buildups = CodeFamily::union(&family::BUILT_UNDER_A_CROWN);
    let failed: Vec<(crate::model::Tooth, CdtCode)> = services
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
                    plan: payer.plan.name.clone(),
                    crown,
                    tooth,
                },
                billing: Billing::PlanSetting,
            });
        }
    }
}

/// Step 4: bundling rules over the whole option. Returns, per service, the denial
/// when a rule bundles it.
fn bundling(payer: &Payer<'_>, services: &[Service<'_>], order: &[usize]) -> Vec<Option<Denial>> {
    let plan = payer.plan;
    let basis = plan.settings.date_of_service;
    let rank_in_order = |i: usize| order.iter().position(|&o| o == i).unwrap_or(usize::MAX);
    let near = |rule_when: Proximity, a: &Service<'_>, b: &Service<'_>| match rule_when {
        Proximity::SameDay => a.dos(basis) == b.dos(basis),
        Proximity::SameVisit => a.visit.id == b.visit.id,
        Proximity::WithinDays(n) => {
            (a.dos(basis) - b.dos(basis)).num_days().unsigned_abs() <= u64::from(n)
        }
        // `a` is the line being bundled, `b` the line it is bundled into.
        Proximity::WithinDaysBefore(n) => {
            (0..=i64::from(n)).contains(&(b.dos(basis) - a.dos(basis)).num_days())
        }
        Proximity::WithinDaysAfter(n) => {
            (0..=i64::from(n)).contains(&(a.dos(basis) - b.dos(basis)).num_days())
        }
        Proximity::SameOption => true,
    };
    let same_tooth = |m: ToothMatch, a: &Service<'_>, b: &Service<'_>| match m {
        ToothMatch::Any => true,
        ToothMatch::Same => a.area.tooth().is_some() && a.area.tooth() == b.area.tooth(),
    };
    let mut out: Vec<Option<Denial>> = vec![None; services.len()];
    for rule in &plan.bundling {
        for (i, s) in services.iter().enumerate() {
            if out.get(i).is_some_and(Option::is_some) {
                continue;
            }
            let winner = match &rule.kind {
                BundlingKind::Included { codes, into } => {
                    if !codes.contains(s.line.code) {
                        continue;
                    }
                    order
                        .iter()
                        .filter_map(|&j| services.get(j).map(|t| (j, t)))
                        .find(|(j, t)| {
                            *j != i
                                && into.contains(t.line.code)
                                && near(rule.when, s, t)
                                && same_tooth(rule.tooth, s, t)
                        })
                }
                BundlingKind::MutuallyExclusive { codes } => {
                    let Some(my_rank) = rank_of(codes, s.line.code) else {
                        continue;
                    };
                    let mine = (my_rank, rank_in_order(i));
                    order
                        .iter()
                        .filter_map(|&j| services.get(j).map(|t| (j, t)))
                        .filter(|(j, t)| {
                            *j != i && near(rule.when, s, t) && same_tooth(rule.tooth, s, t)
                        })
                        .filter_map(|(j, t)| {
                            rank_of(codes, t.line.code).map(|r| ((r, rank_in_order(j)), j, t))
                        })
                        .filter(|(theirs, _, _)| *theirs < mine)
                        .min_by_key(|(theirs, _, _)| *theirs)
                        .map(|(_, j, t)| (j, t))
                }
            };
            if let (Some((_, into)), Some(slot)) = (winner, out.get_mut(i)) {
                *slot = Some(Denial {
                    flag: Flag::Bundled,
                    step: Step::Bundled {
                        plan: plan.name.clone(),
                        rule: rule.id.clone(),
                        name: rule.name.clone(),
                        into: into.line.code,
                        into_line: into.number,
                        liability: rule.liability,
                    },
                    billing: Billing::Liability(rule.liability),
                });
            }
        }
    }
    out
}

/// Position of the first range in `codes` that holds `code`: lower wins.
fn rank_of(codes: &CodeSet, code: CdtCode) -> Option<usize> {
    codes
        .ranges()
        .iter()
        .position(|(lo, hi)| *lo <= code && code <= *hi)
}
