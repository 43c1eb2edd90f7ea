//! Amounts a plan takes from a per-code table on top of its usual arithmetic
//! (issue 16 items 4 and 5): a fixed-benefit PPO's fixed benefit, paid within the
//! contracted fee, and a percentage plan's patient copay, taken off the benefit
//! basis before the deductible and the percentage.

use super::step::{Name, Step};
use crate::money::Cents;

/// A fixed-benefit PPO's benefit basis: the fixed benefit (`basis`, the listed
/// amount or a cheaper code's; zero when the code is not listed), never above the
/// contracted fee, so the patient's share of that fee is never negative.
pub fn fixed_benefit(
    plan: &Name,
    basis: Cents,
    contracted: Cents,
    not_listed: bool,
) -> (Cents, Step) {
    let amount = basis.min(contracted);
    let step = Step::FixedBenefit {
        plan: plan.clone(),
        amount,
        contracted,
        not_listed,
        capped: basis > contracted,
    };
    (amount, step)
}

/// The basis left after the plan's copay for the code (`listed`, times the
/// quantity), and the step that says so; the basis unchanged when the code has no
/// copay. The copay never takes the basis below zero.
pub fn plan_copay(plan: &Name, listed: Option<Cents>, basis: Cents) -> (Cents, Option<Step>) {
    let Some(copay) = listed else {
        return (basis, None);
    };
    let copay = copay.min(basis);
    let left = basis - copay;
    let step = Step::PlanCopay {
        plan: plan.clone(),
        copay,
        basis: left,
    };
    (left, Some(step))
}
