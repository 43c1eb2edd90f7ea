//! Plan settings on which carriers differ (issue 16 item 9), as small decisions the
//! pricing and coordination steps ask: how a denied line is billed by its reason,
//! and how a later in-network payer limits the line.

use super::step::{Flag, Name, Step};
use crate::model::plan::{DeniedBilling, InNetworkCobLimit, PlanSettings};
use crate::money::Cents;

/// The plan's billing for a line denied for `reason` when the plan names one for
/// that reason (`denied_billing_by_reason`); None: `denied_lines_billed_at` applies.
pub fn denied_billing_by_reason(settings: &PlanSettings, reason: Flag) -> Option<DeniedBilling> {
    let by = &settings.denied_billing_by_reason;
    match reason {
        Flag::Excluded => by.excluded,
        Flag::FrequencyLimit => by.frequency,
        Flag::AgeLimit => by.age,
        Flag::WaitingPeriod => by.waiting_period,
        Flag::MissingTooth => by.missing_tooth,
        Flag::NotCovered => by.not_covered,
        _ => None,
    }
}

/// What a later in-network payer makes of the limit an earlier plan's contract
/// set (`limit`, from `earlier_plan`): under the NAIC rule the higher of that and
/// its own contracted fee (`own_fee`, never above the office fee), with the step
/// that says so; None when the plan keeps the earlier limit or its fee is not
/// higher.
pub fn higher_contracted_fee(
    settings: &PlanSettings,
    plan: &Name,
    own_fee: Cents,
    earlier_plan: &Name,
    limit: Cents,
) -> Option<(Cents, Step)> {
    let naic = settings.in_network_cob_limit == InNetworkCobLimit::HigherContractedFee;
    (naic && own_fee > limit).then(|| {
        let step = Step::HigherContractedFee {
            plan: plan.clone(),
            earlier_plan: earlier_plan.clone(),
            earlier_fee: limit,
            own_fee,
        };
        (own_fee, step)
    })
}

/// A later in-network payer that caps its payment at its own contracted fee
/// (`allowed`) less what the earlier plans `paid`: the payment after the cap, and
/// the step when the cap lowered it.
pub fn own_contract_cap(
    plan: &Name,
    allowed: Cents,
    paid: Cents,
    pays: Cents,
) -> (Cents, Option<Step>) {
    let after = pays.min(allowed.saturating_sub_floor(paid));
    let step = (after < pays).then(|| Step::OwnContractCap {
        plan: plan.clone(),
        allowed,
        paid_before: paid,
        before: pays,
        after,
    });
    (after, step)
}
