//! Steps 8-10 of pricing: the deductible a line takes, the plan's percentage and
//! the maximums that cap it.

use super::context::{Explained, Pricing};
use crate::engine::accumulators::Room;
use crate::engine::step::{Flag, Step};
use crate::model::plan::DeductiblePlacement;
use crate::money::{Cents, Percent};

/// Step 8: the deductible this line takes, never more than its basis.
pub(super) fn apply_deductible(p: &Pricing<'_>, basis: Cents, room: &Room<'_>) -> Explained<Cents> {
    let plan = p.plan();
    let deductible = room.deductible.min(basis);
    let mut explained = Explained::new(deductible);
    if let Some((name, individual)) = &room.separate {
        // A separate deductible replaces the general one and its waivers.
        if !deductible.is_zero() {
            explained = explained
                .step(Step::SeparateDeductible {
                    plan: p.name.clone(),
                    name: (*name).to_string(),
                    individual: *individual,
                    amount: deductible,
                    remaining: room.individual_deductible - deductible,
                })
                .flag(Flag::DeductibleApplied);
        }
        return explained;
    }
    if plan.deductible.waived_classes.contains(&p.s.class) && !plan.deductible.individual.is_zero()
    {
        explained = explained.step(Step::DeductibleWaived {
            plan: p.name.clone(),
            class: p.s.class,
        });
    }
    if !deductible.is_zero() {
        explained = explained
            .step(Step::Deductible {
                plan: p.name.clone(),
                amount: deductible,
                remaining: room.individual_deductible - deductible,
            })
            .flag(Flag::DeductibleApplied);
    }
    explained
}

/// Step 9: the plan's percentage, rounded once. The deductible comes off the basis
/// first (GE2), or off the result under the compatibility placement.
pub(super) fn plan_share(
    p: &Pricing<'_>,
    basis: Cents,
    deductible: Cents,
    percent: Percent,
) -> Explained<Cents> {
    let rounding = p.plan().rounding;
    let (basis, deductible_after, amount) = match p.plan().deductible.placement {
        DeductiblePlacement::BeforeCoinsurance => {
            let net = basis - deductible;
            (net, Cents::ZERO, net.percent_of(percent, rounding))
        }
        DeductiblePlacement::AfterCoinsurance => {
            let gross = basis.percent_of(percent, rounding);
            (basis, deductible, gross.saturating_sub_floor(deductible))
        }
    };
    Explained::new(amount).step(Step::PlanShare {
        plan: p.name.clone(),
        basis,
        percent,
        deductible_after,
        amount,
    })
}

/// The plan's share after its maximums.
pub(super) struct Capped {
    /// What the plan pays alone.
    pub(super) benefit: Cents,
    /// Some maximum had nothing left.
    pub(super) exhausted: bool,
}

/// Step 10: every maximum (annual, family, class, lifetime) caps the share at what
/// it has left.
pub(super) fn apply_maximums(p: &Pricing<'_>, share: Cents, room: &Room<'_>) -> Explained<Capped> {
    let mut explained = Explained::new(Capped {
        benefit: share,
        exhausted: false,
    });
    if let Some((maximum, left)) = &room.outside_annual {
        explained.steps.push(Step::OutsideAnnual {
            plan: p.name.clone(),
            maximum: (*maximum).to_string(),
            left: *left,
        });
    }
    for (which, left) in room.caps.iter() {
        explained.amount.exhausted |= left.is_zero();
        let before = explained.amount.benefit;
        if before > *left {
            explained.steps.push(Step::MaximumCapped {
                plan: p.name.clone(),
                maximum: which.to_string(),
                before,
                after: *left,
            });
            explained.amount.benefit = *left;
        }
    }
    if explained.amount.benefit < share {
        explained = explained.flag(Flag::MaximumReached);
    }
    if let Some(r) = room.rollover
        && explained.amount.benefit > r.annual
    {
        let drawn = (explained.amount.benefit - r.annual).min(r.bank);
        explained.steps.push(Step::RolloverDrawn {
            plan: p.name.clone(),
            drawn,
            left: r.bank - drawn,
        });
    }
    explained
}
