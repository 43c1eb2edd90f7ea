//! Staff sentences for the figures staff entered by hand (issue 16 item 6) and for
//! the provider's fee schedules (issue 16 item 7).

use crate::engine::Step;
use crate::engine::step_detail::{ProviderFrom, ScheduleWhy, StaffFigure, StaffValue};
use crate::report::fmt::dollars as money;

/// The sentence of an `EnteredByStaff` or `ProviderSchedule` step.
pub fn sentence(step: &Step) -> String {
    match step {
        Step::EnteredByStaff {
            plan,
            figure,
            value,
            replaced,
        } => entered(plan.as_deref(), figure, *value, *replaced),
        Step::ProviderSchedule {
            provider,
            from,
            plan,
            schedule,
            why,
        } => provider_schedule(provider, *from, plan.as_deref(), schedule, *why),
        _ => String::new(),
    }
}

fn value(v: StaffValue) -> String {
    match v {
        StaffValue::Money(c) => money(c),
        StaffValue::Percent(p) => p.to_string(),
        StaffValue::Count(n) => n.to_string(),
    }
}

fn entered(plan: Option<&str>, figure: &StaffFigure, v: StaffValue, was: StaffValue) -> String {
    let (v, was) = (value(v), value(was));
    let plan = plan.map(|p| format!("{p}: ")).unwrap_or_default();
    match figure {
        StaffFigure::AllowedFee => {
            format!("{plan}allowed fee {v}, entered by staff (it replaces the computed {was}).")
        }
        StaffFigure::CoveragePercent => {
            format!("{plan}coverage {v} on this line, entered by staff (it replaces {was}).")
        }
        StaffFigure::PatientPercent => format!(
            "{plan}coverage {v} for this patient only, entered by staff (it replaces the plan's {was})."
        ),
        StaffFigure::Deductible => format!(
            "{plan}deductible {v} on this line, entered by staff (it replaces the computed {was})."
        ),
        StaffFigure::InsuranceEstimate => format!(
            "{plan}the plan's own payment is {v}, entered by staff, such as a predetermination's approved amount (it replaces the computed {was})."
        ),
        StaffFigure::WriteOff => {
            format!("Write-off {v}, entered by staff (it replaces the computed {was}).")
        }
        StaffFigure::PatientFrequency { limit } => format!(
            "{plan}the limit \"{limit}\" allows {v} for this patient only, entered by staff (it replaces the plan's {was})."
        ),
    }
}

fn who(provider: &str, from: ProviderFrom) -> String {
    match from {
        ProviderFrom::Line => format!("{provider} (the line's provider)"),
        ProviderFrom::Plan => format!("{provider} (the treatment plan's provider)"),
        ProviderFrom::Practice => format!("{provider} (the practice's default provider)"),
    }
}

fn provider_schedule(
    provider: &str,
    from: ProviderFrom,
    plan: Option<&str>,
    schedule: &str,
    why: ScheduleWhy,
) -> String {
    let who = who(provider, from);
    match (plan, why) {
        (None, ScheduleWhy::Own | ScheduleWhy::OwnForCarrier) => {
            format!("Office fee from {schedule}, the own fee schedule of {who}.")
        }
        (None, ScheduleWhy::NoneOfTheirOwn) => format!(
            "{who} has no office fee schedule of their own, so the practice's, {schedule}, sets the fee."
        ),
        (None, ScheduleWhy::OwnMissing) => format!(
            "The office fee schedule of {who} is not in the library, so the practice's, {schedule}, sets the fee."
        ),
        (None, ScheduleWhy::CodeNotListed) => format!(
            "The office fee schedule of {who} does not list this code, so the practice's, {schedule}, sets the fee."
        ),
        (Some(plan), ScheduleWhy::CodeNotListed) => format!(
            "{plan}: the contracted schedule of {who} does not list this code, so the plan's schedule, {schedule}, applies."
        ),
        (Some(plan), ScheduleWhy::Own) => {
            format!("{plan}: allowed fees from {schedule}, the contract of {who} with this plan.")
        }
        (Some(plan), ScheduleWhy::OwnForCarrier) => format!(
            "{plan}: allowed fees from {schedule}, the contract of {who} with this plan's carrier."
        ),
        (Some(plan), ScheduleWhy::NoneOfTheirOwn) => format!(
            "{plan}: {who} has no contract of their own with this plan, so the plan's schedule, {schedule}, applies."
        ),
        (Some(plan), ScheduleWhy::OwnMissing) => format!(
            "{plan}: the contracted schedule of {who} is not in the library, so the plan's schedule, {schedule}, applies."
        ),
    }
}
