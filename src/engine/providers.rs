//! Provider-specific fees (issue 16 item 7): a line's provider (named on the line,
//! else the treatment plan's, else the practice's default) prices it with their
//! own office fee schedule and their own contracted schedule with a plan, and
//! with the practice's or the plan's where they have none. Each choice is a
//! [`Step::ProviderSchedule`] naming the schedule and why.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::services::Service;
use super::step::Step;
use super::step_detail::{ProviderFrom, ScheduleWhy};
use crate::model::provider::Provider;
use crate::model::{FeeSchedule, FeeScheduleKind, PlanRules, PlannedLine};
use crate::money::Cents;

/// The practice's providers and the library's schedules they name. Empty (the
/// default): no provider applies and every line is priced as before.
#[derive(Clone, Copy, Debug, Default)]
pub struct Providers<'a> {
    /// The providers.
    pub list: &'a [Provider],
    /// The library's fee schedules, by id.
    pub schedules: Option<&'a BTreeMap<String, FeeSchedule>>,
    /// The treatment plan's provider (id).
    pub plan_default: Option<&'a str>,
    /// The practice's default provider (id).
    pub practice_default: Option<&'a str>,
}

impl<'a> Providers<'a> {
    /// The provider of `line` and where it was taken from; an id that names no
    /// provider is passed over, as if none were named.
    pub fn of_line(&self, line: &PlannedLine) -> Option<(&'a Provider, ProviderFrom)> {
        let find = |id: Option<&str>| id.and_then(|id| self.list.iter().find(|p| p.id == id));
        find(line.provider.as_deref())
            .map(|p| (p, ProviderFrom::Line))
            .or_else(|| find(self.plan_default).map(|p| (p, ProviderFrom::Plan)))
            .or_else(|| find(self.practice_default).map(|p| (p, ProviderFrom::Practice)))
    }

    fn schedule(&self, id: &str) -> Option<&'a FeeSchedule> {
        self.schedules?.get(id)
    }
}

/// Prices each service with its provider's office fee schedule when the provider
/// has one that lists the code (a fee entered on the line still wins), and notes
/// the schedule used.
pub fn office_fees<'s>(
    providers: &Providers<'_>,
    practice: &FeeSchedule,
    services: &mut [Service<'s>],
) {
    for s in services.iter_mut() {
        let Some((provider, from)) = providers.of_line(s.line) else {
            continue;
        };
        let own = provider.office_fee_schedule.as_deref();
        let found = own
            .and_then(|id| providers.schedule(id))
            .filter(|f| f.kind == FeeScheduleKind::Office);
        let unit = found.and_then(|f| f.fee_on(s.line.code, s.completed));
        let why = match (own, found, unit) {
            (None, ..) => ScheduleWhy::NoneOfTheirOwn,
            (Some(_), None, _) => ScheduleWhy::OwnMissing,
            (Some(_), Some(_), None) => ScheduleWhy::CodeNotListed,
            (Some(_), Some(_), Some(_)) => ScheduleWhy::Own,
        };
        let schedule = found.filter(|_| unit.is_some()).unwrap_or(practice);
        if let (Some(unit), false) = (unit, s.fee_overridden) {
            let quantity = i64::from(s.line.quantity.max(1));
            s.fee = Cents::from_cents(unit.cents().saturating_mul(quantity));
        }
        s.provider_step = Some(Step::ProviderSchedule {
            provider: provider.name.clone(),
            from,
            plan: None,
            schedule: schedule.name.as_str().into(),
            why,
        });
    }
}

/// The schedule a plan prices the line's provider with: the provider's own
/// contracted schedule with the plan (or its carrier), when it lists the code on
/// `date`, in place of `schedule`, the one the plan's network names, with the step saying which and why. No
/// provider: `schedule`, and no step.
pub fn contracted<'a>(
    providers: &Providers<'a>,
    plan: &PlanRules,
    schedule: &'a FeeSchedule,
    (line, date): (&PlannedLine, NaiveDate),
) -> (&'a FeeSchedule, Option<Step>) {
    let Some((provider, from)) = providers.of_line(line) else {
        return (schedule, None);
    };
    let own = provider.contract_for(&plan.id, &plan.carrier);
    let found = own.and_then(|(id, _)| providers.schedule(id));
    let listed = found.is_some_and(|f| f.fee_on(line.code, date).is_some());
    let why = match (own, found, listed) {
        (None, ..) => ScheduleWhy::NoneOfTheirOwn,
        (Some(_), None, _) => ScheduleWhy::OwnMissing,
        (Some(_), Some(_), false) => ScheduleWhy::CodeNotListed,
        (Some((_, false)), Some(_), true) => ScheduleWhy::Own,
        (Some((_, true)), Some(_), true) => ScheduleWhy::OwnForCarrier,
    };
    let used = found.filter(|_| listed).unwrap_or(schedule);
    let step = Step::ProviderSchedule {
        provider: provider.name.clone(),
        from,
        plan: Some(plan.name.as_str().into()),
        schedule: used.name.as_str().into(),
        why,
    };
    (used, Some(step))
}
