//! The benefit-year advisor: would the patient pay less if the later visits of an
//! option moved into the next benefit year, where the deductible and the annual
//! maximum start over?
//!
//! For an option with two or more visits, the advisor finds the benefit-year
//! boundary after the first visit (the primary plan's benefit year) and tries
//! moving the last k visits (k = 1 .. n-1, in date order) so that the first of them
//! falls on the first day of the next benefit year; the visits after it keep their
//! gaps, and a visit already past the boundary keeps its date. Lines move with the
//! visit that completes them, so moving a crown's seat visit moves the crown's date
//! of service. Each candidate is priced on its own under the patient's coverage;
//! a candidate that makes any line newly fail a frequency limit is dropped, and the
//! one with the lowest patient total wins (fewer moved visits on ties).

use chrono::{Days, NaiveDate};

use super::compare::{find_option, price};
use super::estimate::Estimate;
use super::input::EstimateError;
use super::step::Flag;
use super::window::BenefitYearStart;
use crate::model::{Library, OptionId, TreatmentOption, TreatmentPlan};
use crate::money::Cents;

/// A cheaper way to schedule an option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advice {
    /// The rescheduled option, ready to add to the plan: "<name> (split at benefit year)".
    pub new_option: TreatmentOption,
    /// Patient total as planned.
    pub patient_before: Cents,
    /// Patient total after the move.
    pub patient_after: Cents,
    /// `patient_before - patient_after` (at least $0.01).
    pub saving: Cents,
    /// How many days later the moved visits start.
    pub delay_days: i64,
    /// The new date of the first moved visit (the first day of the next benefit year,
    /// or its own date when already later).
    pub moved_to: NaiveDate,
    /// Names of the moved visits, in date order.
    pub moved_visits: Vec<String>,
}

/// Suggests splitting `option` across the benefit-year boundary when that
/// saves the patient at least $0.01; None when nothing saves, when the option has
/// fewer than two visits, or when the patient has no coverage.
pub fn advise(
    library: &Library,
    plan: &TreatmentPlan,
    option: OptionId,
    as_of: NaiveDate,
) -> Result<Option<Advice>, EstimateError> {
    let option = find_option(plan, option)?;
    let Some(primary) = plan.coverage.first() else {
        return Ok(None);
    };
    let primary_plan = library
        .plans
        .get(&primary.plan)
        .ok_or_else(|| EstimateError::UnknownPlan(primary.plan.clone()))?;
    let before = price(library, plan, option, &plan.coverage, as_of)?;

    // Visit positions in date order (plan order on equal dates).
    let mut order: Vec<usize> = (0..option.visits.len()).collect();
    order.sort_by_key(|&i| option.visits.get(i).map(|v| (v.date, i)));
    let Some(first) = order.first().and_then(|&i| option.visits.get(i)) else {
        return Ok(None);
    };
    let year = BenefitYearStart {
        month: primary_plan.benefit_year.start_month(),
    };
    let Some(next_year) = year
        .year_containing(first.date)
        .1
        .checked_add_days(Days::new(1))
    else {
        return Ok(None);
    };

    let mut best: Option<(Advice, usize)> = None;
    for k in 1..order.len() {
        let moved = order.get(order.len() - k..).unwrap_or_default();
        let Some(candidate) = shifted(option, moved, next_year) else {
            continue;
        };
        let after = price(library, plan, &candidate.option, &plan.coverage, as_of)?;
        if newly_denied_for_frequency(&before, &after) {
            continue;
        }
        let patient_after = after.totals.patient;
        if best
            .as_ref()
            .is_some_and(|(b, _)| b.patient_after <= patient_after)
        {
            continue;
        }
        let advice = Advice {
            new_option: TreatmentOption {
                // The plan gives the copy its own option and line ids when it is added.
                id: OptionId::default(),
                name: split_name(plan, &option.name),
                visits: candidate.option.visits,
            },
            patient_before: before.totals.patient,
            patient_after,
            saving: before.totals.patient - patient_after,
            delay_days: candidate.delay_days,
            moved_to: candidate.moved_to,
            moved_visits: moved
                .iter()
                .filter_map(|&i| option.visits.get(i))
                .map(|v| v.name.clone())
                .collect(),
        };
        best = Some((advice, k));
    }
    Ok(best
        .map(|(advice, _)| advice)
        .filter(|a| a.saving >= Cents::from_cents(1)))
}

struct Candidate {
    option: TreatmentOption,
    delay_days: i64,
    moved_to: NaiveDate,
}

/// The option with the visits at positions `moved` (date order) shifted so the
/// first of them is on `next_year` at the earliest; None when nothing moves.
fn shifted(option: &TreatmentOption, moved: &[usize], next_year: NaiveDate) -> Option<Candidate> {
    let first = option.visits.get(*moved.first()?)?;
    if first.date >= next_year {
        return None;
    }
    let delay_days = (next_year - first.date).num_days();
    let days = Days::new(u64::try_from(delay_days).ok()?);
    let mut new = option.clone();
    for &i in moved {
        let visit = new.visits.get_mut(i)?;
        visit.date = visit.date.checked_add_days(days)?;
    }
    Some(Candidate {
        option: new,
        delay_days,
        moved_to: next_year,
    })
}

/// True when a line the plan did not deny for frequency is now denied for it.
fn newly_denied_for_frequency(before: &Estimate, after: &Estimate) -> bool {
    after.lines.iter().any(|line| {
        line.flags.contains(&Flag::FrequencyLimit)
            && !before
                .lines
                .iter()
                .find(|b| b.line == line.line)
                .is_some_and(|b| b.flags.contains(&Flag::FrequencyLimit))
    })
}

/// "<name> (split at benefit year)", numbered when the plan already has that name.
fn split_name(plan: &TreatmentPlan, name: &str) -> String {
    let base = format!("{name} (split at benefit year)");
    let taken = |candidate: &str| plan.options.iter().any(|o| o.name == candidate);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{name} (split at benefit year {n})"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}
