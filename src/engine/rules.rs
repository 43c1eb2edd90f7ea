//! Plan limitation rules that decide whether a plan benefits a line at all:
//! eligibility, waiting periods, the missing-tooth clause, bundling, exclusions,
//! classes not covered, age limits and frequency limits (dental-benefits.md §1.2
//! steps 1, 4 and 5). Money is not touched here; see `pricing`. Bundling and
//! frequency limits live in the submodules of the same names.

mod bundling;
mod frequency;
mod missing_tooth;
mod outcome;
mod waiting;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::coding::{self, CodingNote};
use super::input::{EstimateInput, Payer};
use super::services::Service;
use super::step::{Flag, Step};
use super::window;
use crate::model::coding::Severity;
use crate::model::plan::{BenefitYear, MissingToothDenial};
use crate::model::{Area, LineId, Patient};
use bundling::bundling;
use frequency::{LimitLines, deny_buildups_with_crowns, frequency, reach};
use missing_tooth::MissingBefore;
use outcome::deny;
pub use outcome::{Billing, Denial, Outcome};
pub(crate) use waiting::waiting_replaced;

/// Decides every line for one payer. `order` is the pricing order.
pub fn decide(
    input: &EstimateInput<'_>,
    payer: &Payer<'_>,
    services: &[Service<'_>],
    order: &[usize],
    coding: &CodingDenials,
) -> Vec<Outcome> {
    let plan = payer.plan;
    let basis = plan.settings.date_of_service;
    let mut outcomes = vec![Outcome::Covered; services.len()];
    let mut bundled = bundling(payer, services, order);
    let mut limit_lines = LimitLines::new(input, payer, &reach(payer, services));
    for &i in order {
        let Some(s) = services.get(i) else { continue };
        let dos = s.dos(basis);
        let decided = eligibility(input, payer, services, s, dos)
            .or_else(|| bundled.get_mut(i).and_then(Option::take))
            .or_else(|| coverage_rules(input, payer, s, dos))
            .or_else(|| frequency(payer, &mut limit_lines, s, dos))
            .or_else(|| coding_denial(coding, s));
        match (decided, outcomes.get_mut(i)) {
            (Some(denial), Some(slot)) => *slot = Outcome::Denied(denial),
            // Later lines count it toward the plan's frequency limits.
            (None, Some(_)) => limit_lines.covered(payer, s),
            (_, None) => {}
        }
    }
    deny_buildups_with_crowns(payer, services, &mut outcomes);
    outcomes
}

/// The lines the library's coding checks say carriers deny, by line: they depend
/// on the option only, so one estimate finds them once for all its payers.
pub struct CodingDenials(HashMap<LineId, CodingNote>);

impl CodingDenials {
    /// The option's denied lines (the first note per line); "the same year" is
    /// the first payer's benefit year ([`CodingDenials::year`]).
    pub fn new(input: &EstimateInput<'_>) -> CodingDenials {
        let year = CodingDenials::year(input);
        CodingDenials::from_notes(&coding::denials(
            input.coding,
            input.option,
            input.patient,
            year,
        ))
    }

    /// The denials among an option's coding notes (made for the same benefit
    /// year): the first "will be denied" note of each line.
    pub fn from_notes(notes: &[CodingNote]) -> CodingDenials {
        let mut by_line = HashMap::new();
        for note in notes.iter().filter(|n| n.severity == Severity::Denied) {
            by_line.entry(note.line).or_insert_with(|| note.clone());
        }
        CodingDenials(by_line)
    }

    /// The benefit year the checks of `input` mean by "the same year": the
    /// first payer's (the calendar year without one).
    pub fn year(input: &EstimateInput<'_>) -> BenefitYear {
        input
            .payers
            .first()
            .map(|p| p.plan.benefit_year)
            .unwrap_or_default()
    }
}

/// A line a coding check says carriers deny whatever the plan (BU11): the plan's
/// own reasons above come first.
fn coding_denial(notes: &CodingDenials, s: &Service<'_>) -> Option<Denial> {
    let note = notes.0.get(&s.id)?;
    deny(
        Flag::CodingDenial,
        Step::CodingDenial {
            rule: note.rule.clone(),
            reason: note.message.clone(),
        },
    )
}

/// Step 1: eligibility, checked one by one in this order: coverage dates, waiting
/// periods, the missing-tooth clause. The first that fails decides.
fn eligibility(
    input: &EstimateInput<'_>,
    payer: &Payer<'_>,
    services: &[Service<'_>],
    s: &Service<'_>,
    dos: NaiveDate,
) -> Option<Denial> {
    coverage_dates(payer, dos)
        .or_else(|| waiting_period(payer, s, dos))
        .or_else(|| missing_tooth(input.patient, payer, services, s))
}

/// Coverage not active on the date of service. No contract applies then, so the
/// line is billed at the office fee. A blank effective date is a blocking problem
/// of its own (`check`); until it is entered the coverage counts as started.
fn coverage_dates(payer: &Payer<'_>, dos: NaiveDate) -> Option<Denial> {
    let cov = payer.coverage;
    let started = cov.effective.is_none_or(|e| dos >= e);
    if started && cov.terminates.is_none_or(|t| dos <= t) {
        return None;
    }
    let effective = cov.effective.unwrap_or(dos);
    Some(Denial {
        flag: Flag::NotEligible,
        step: Step::NotEligible {
            plan: payer.names.plan.clone(),
            date: dos,
            effective,
            terminates: cov.terminates,
        },
        billing: Billing::OfficeFee,
    })
}

/// The first waiting period for the line's class or code that the date of service
/// falls in, unless the patient's coverage waives waiting periods.
fn waiting_period(payer: &Payer<'_>, s: &Service<'_>, dos: NaiveDate) -> Option<Denial> {
    let cov = payer.coverage;
    if cov.waiting_periods_waived {
        return None;
    }
    let effective = cov.effective?;
    payer
        .plan
        .waiting_periods
        .iter()
        .filter(|wait| waiting::applies(payer.plan, wait, s.line.code, s.class))
        .find_map(|wait| {
            let covered_from = window::add_months_clamped(effective, wait.months);
            (dos < covered_from).then(|| Denial {
                flag: Flag::WaitingPeriod,
                step: Step::WaitingPeriod {
                    plan: payer.names.plan.clone(),
                    months: wait.months,
                    covered_from,
                },
                billing: Billing::PlanSetting,
            })
        })
}

/// The missing-tooth clause: a unit that replaces a tooth lost before coverage
/// began is denied; under `WholeProsthesis`, so is every unit of that prosthesis
/// (same visit, same arch, also under the clause).
fn missing_tooth(
    patient: &Patient,
    payer: &Payer<'_>,
    services: &[Service<'_>],
    s: &Service<'_>,
) -> Option<Denial> {
    let clause = payer.plan.missing_tooth_clause.as_ref()?;
    if !clause.codes.contains(s.line.code) {
        return None;
    }
    let effective = payer.coverage.effective?;
    let replaced = |svc: &Service<'_>| {
        replaced_before_coverage(patient, svc, effective)
            .or_else(|| missing_tooth::extracted_before(patient, payer.coverage, svc, effective))
    };
    let found = replaced(s).or_else(|| match clause.denies {
        MissingToothDenial::ReplacingUnitOnly => None,
        MissingToothDenial::WholeProsthesis => services
            .iter()
            .filter(|o| {
                o.visit.id == s.visit.id
                    && clause.codes.contains(o.line.code)
                    && o.area.arch() == s.area.arch()
            })
            .find_map(replaced),
    })?;
    let plan = payer.names.plan.clone();
    deny(Flag::MissingTooth, found.step(plan, effective))
}

/// The tooth a unit replaces that the patient's missing-teeth list shows missing
/// before `effective`, and since when: its own tooth; for an arch prosthesis, the
/// first such tooth of its arch.
fn replaced_before_coverage(
    patient: &Patient,
    svc: &Service<'_>,
    effective: NaiveDate,
) -> Option<MissingBefore> {
    let mut before_coverage = patient
        .missing_teeth
        .iter()
        .filter(|m| m.since.is_none_or(|d| d < effective));
    let found = match svc.area {
        Area::Arch(arch) => before_coverage.find(|m| m.tooth.arch() == arch),
        _ => {
            let tooth = svc.area.tooth()?;
            before_coverage.find(|m| m.tooth == tooth)
        }
    };
    found.map(|m| MissingBefore::Listed(m.tooth, m.since))
}

/// Step 5 (part): exclusions, classes not covered, age limits.
fn coverage_rules(
    input: &EstimateInput<'_>,
    payer: &Payer<'_>,
    s: &Service<'_>,
    dos: NaiveDate,
) -> Option<Denial> {
    let plan = payer.plan;
    let name = payer.names.plan.clone();
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
    // A blank birth date blocks the estimate (`check`); no age limit is decided.
    let born = input.patient.birth_date?;
    let age = age_on(born, dos);
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
