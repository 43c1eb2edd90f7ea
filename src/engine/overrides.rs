//! Figures entered by staff (issue 16 item 6). Each function takes the computed
//! figure at its step and gives back the one to use, with an "entered by staff"
//! step naming the value it replaced when staff entered one. Line figures come
//! from the line's `overrides` (per payer by plan id); patient exceptions from the
//! coverage's `exceptions`.

use super::input::Payer;
use super::services::Service;
use super::step::{Flag, Step};
use super::step_detail::{StaffFigure, StaffValue};
use crate::model::PlannedLine;
use crate::model::overrides::{PayerOverride, exception_for};
use crate::model::plan::FrequencyLimit;
use crate::money::{Cents, Percent};

/// A figure to use and the step that says staff entered it (None: computed).
pub type Entered<T> = (T, Option<Step>);

fn entered(payer: &Payer<'_>, figure: StaffFigure, value: StaffValue, was: StaffValue) -> Step {
    Step::EnteredByStaff {
        plan: Some(payer.names.plan.clone()),
        figure,
        value,
        replaced: was,
    }
}

fn for_payer<'l>(payer: &Payer<'_>, line: &'l PlannedLine) -> Option<&'l PayerOverride> {
    line.overrides.payer(&payer.plan.id)
}

/// The allowed fee: staff's, never above the office fee (so the write-off is never
/// negative), else the computed one.
pub fn allowed(payer: &Payer<'_>, s: &Service<'_>, computed: Cents) -> Entered<Cents> {
    let Some(value) = for_payer(payer, s.line).and_then(|o| o.allowed) else {
        return (computed, None);
    };
    let value = value.min(s.fee);
    let step = entered(
        payer,
        StaffFigure::AllowedFee,
        StaffValue::Money(value),
        StaffValue::Money(computed),
    );
    (value, Some(step))
}

/// The coverage percentage: the patient's exception for the code replaces the
/// plan's, and a percentage entered on the line replaces both.
pub fn percent(payer: &Payer<'_>, s: &Service<'_>, computed: Percent) -> (Percent, Vec<Step>) {
    let mut steps = Vec::new();
    let mut percent = computed;
    let exception = exception_for(&payer.coverage.exceptions, s.line.code);
    if let Some(value) = exception.and_then(|e| e.percent) {
        steps.push(entered(
            payer,
            StaffFigure::PatientPercent,
            StaffValue::Percent(value),
            StaffValue::Percent(percent),
        ));
        percent = value;
    }
    if let Some(value) = for_payer(payer, s.line).and_then(|o| o.percent) {
        steps.push(entered(
            payer,
            StaffFigure::CoveragePercent,
            StaffValue::Percent(value),
            StaffValue::Percent(percent),
        ));
        percent = value;
    }
    (percent, steps)
}

/// The deductible the line takes: staff's, never above the benefit basis.
pub fn deductible(
    payer: &Payer<'_>,
    s: &Service<'_>,
    computed: Cents,
    basis: Cents,
) -> Entered<Cents> {
    let Some(value) = for_payer(payer, s.line).and_then(|o| o.deductible) else {
        return (computed, None);
    };
    let value = value.min(basis);
    let step = entered(
        payer,
        StaffFigure::Deductible,
        StaffValue::Money(value),
        StaffValue::Money(computed),
    );
    (value, Some(step))
}

/// Makes the computed deductible step agree with staff's figure: its amount and
/// what is left after it (none when staff's figure is zero), and the flag.
pub fn restate_deductible(steps: &mut Vec<Step>, flags: &mut Vec<Flag>, was: Cents, now: Cents) {
    for step in steps.iter_mut() {
        if let Step::Deductible {
            amount, remaining, ..
        } = step
        {
            *remaining = (*remaining + was).saturating_sub_floor(now);
            *amount = now;
        }
    }
    steps.retain(|st| !matches!(st, Step::Deductible { amount, .. } if amount.is_zero()));
    flags.retain(|f| *f != Flag::DeductibleApplied);
    if !now.is_zero() {
        flags.push(Flag::DeductibleApplied);
    }
}

/// What the plan pays alone: staff's figure (a predetermination) in place of the
/// computed benefit after maximums. Coordination and the balance still limit
/// what a later payer pays.
pub fn insurance(payer: &Payer<'_>, s: &Service<'_>, computed: Cents) -> Entered<Cents> {
    let Some(value) = for_payer(payer, s.line).and_then(|o| o.insurance) else {
        return (computed, None);
    };
    let value = value.min(s.fee);
    let step = entered(
        payer,
        StaffFigure::InsuranceEstimate,
        StaffValue::Money(value),
        StaffValue::Money(computed),
    );
    (value, Some(step))
}

/// How many services `limit` allows for this line: the patient's exception for
/// the line's code when the coverage has one, else the limit's own count.
pub fn frequency_count(payer: &Payer<'_>, limit: &FrequencyLimit, s: &Service<'_>) -> u32 {
    exception_for(&payer.coverage.exceptions, s.line.code)
        .and_then(|e| e.frequency)
        .unwrap_or(limit.count)
}

/// One step per frequency limit of the line's code whose count the patient's
/// exception replaces, so the trail says so whether or not the line was allowed.
pub fn frequency_steps(payer: &Payer<'_>, s: &Service<'_>) -> Vec<Step> {
    let Some(count) =
        exception_for(&payer.coverage.exceptions, s.line.code).and_then(|e| e.frequency)
    else {
        return Vec::new();
    };
    payer
        .plan
        .frequency_limits
        .iter()
        .filter(|l| l.codes.contains(s.line.code))
        .map(|l| {
            entered(
                payer,
                StaffFigure::PatientFrequency {
                    limit: l.name.clone(),
                },
                StaffValue::Count(count),
                StaffValue::Count(l.count),
            )
        })
        .collect()
}

/// The line's write-off: staff's, kept between zero and what the payments leave
/// of the fee (so the patient never owes less than nothing).
pub fn write_off(line: &PlannedLine, fee: Cents, paid: Cents, computed: Cents) -> Entered<Cents> {
    let Some(value) = line.overrides.write_off else {
        return (computed, None);
    };
    let value = value.min(fee.saturating_sub_floor(paid)).max(Cents::ZERO);
    let step = Step::EnteredByStaff {
        plan: None,
        figure: StaffFigure::WriteOff,
        value: StaffValue::Money(value),
        replaced: StaffValue::Money(computed),
    };
    (value, Some(step))
}
