//! Staff sentences for the steps of fixed-benefit PPOs, percentage-plan copays and
//! the plan settings carriers differ on (issue 16 items 4, 5 and 9).

use crate::engine::{Flag, Step};
use crate::model::plan::DeniedBilling;
use crate::report::fmt::{dollars as money, long_date};

/// One of these steps as one sentence (empty for any other step).
pub(super) fn sentence(step: &Step) -> String {
    match step {
        Step::FixedBenefit { .. } | Step::PlanCopay { .. } => tables(step),
        Step::DeniedBilledAt {
            plan,
            reason,
            billed_at,
            amount,
        } => {
            let at = match billed_at {
                DeniedBilling::ContractedFee => "the contracted fee",
                DeniedBilling::OfficeFee => "the office fee",
            };
            format!(
                "{plan}: this plan bills a line denied {} at {at}, so the office may collect {} for it.",
                reason_words(*reason),
                money(*amount)
            )
        }
        Step::WaitingPeriodReplaced {
            plan,
            code,
            months,
            class,
            class_months,
            class_covered_from,
        } => format!(
            "{plan}: {code} has its own {months}-month waiting period, which replaces the {class_months}-month period for {} services (that one runs until {}); the line is covered.",
            class.label(),
            long_date(*class_covered_from)
        ),
        Step::NoWriteOffOnDowngrade { plan, fee } => format!(
            "{plan}: this plan does not write off on a line it pays as a cheaper code, so the office may bill its fee of {}.",
            money(*fee)
        ),
        Step::SubstituteAtBilledFee {
            plan,
            rule,
            from,
            to,
            allowed,
        } => format!(
            "{plan}: \"{rule}\" would pay {from} as {to}, but the plan's fee schedule does not list {to}; this plan then uses {from}'s own allowed fee, {}, so the line is not downgraded.",
            money(*allowed)
        ),
        _ => coordination(step),
    }
}

/// A fixed-benefit PPO's benefit and a percentage plan's copay.
fn tables(step: &Step) -> String {
    match step {
        Step::FixedBenefit {
            plan,
            contracted,
            not_listed: true,
            ..
        } => format!(
            "{plan}: no fixed benefit is listed for this code, so the plan pays nothing and the patient owes the contracted fee of {}.",
            money(*contracted)
        ),
        Step::FixedBenefit {
            plan,
            amount,
            contracted,
            capped,
            ..
        } => {
            let cut = if *capped {
                " (the listed benefit is more than the contracted fee, so it is cut to it)"
            } else {
                ""
            };
            format!(
                "{plan}: fixed benefit {}{cut} toward the contracted fee of {}; the patient owes the other {}, plus any deductible or amount over a maximum below.",
                money(*amount),
                money(*contracted),
                money(*contracted - *amount)
            )
        }
        Step::PlanCopay { plan, copay, basis } => format!(
            "{plan}: the patient's copay of {} for this code comes off first, leaving {} for the deductible and the percentage.",
            money(*copay),
            money(*basis)
        ),
        _ => String::new(),
    }
}

/// How later in-network payers limit the line.
fn coordination(step: &Step) -> String {
    match step {
        Step::HigherContractedFee {
            plan,
            earlier_plan,
            earlier_fee,
            own_fee,
        } => format!(
            "{plan} follows the rule for two in-network plans that allows the higher of the two contracted fees: the office may collect up to {plan}'s {} instead of {earlier_plan}'s {}, so the write-off is {} smaller.",
            money(*own_fee),
            money(*earlier_fee),
            money(*own_fee - *earlier_fee)
        ),
        Step::OwnContractCap {
            plan,
            allowed,
            paid_before,
            before,
            after,
        } => format!(
            "{plan}: its own contracted fee {} less the {} already paid caps its payment, so it pays {} instead of {}.",
            money(*allowed),
            money(*paid_before),
            money(*after),
            money(*before)
        ),
        _ => String::new(),
    }
}

/// Why a line was denied, as the words after "denied".
fn reason_words(reason: Flag) -> &'static str {
    match reason {
        Flag::Excluded => "as excluded",
        Flag::FrequencyLimit => "for a frequency limit",
        Flag::AgeLimit => "for an age limit",
        Flag::WaitingPeriod => "in a waiting period",
        Flag::MissingTooth => "under the missing-tooth clause",
        Flag::NotCovered => "as not covered",
        _ => "",
    }
}
