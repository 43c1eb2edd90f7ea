//! One plan's money for one line, as if it were the only plan: allowed fee,
//! downgrade, deductible, percentage, maximums (dental-benefits.md §1.2 steps 2-3
//! and 6-10), and what the office may collect under the plan's contract.

use chrono::NaiveDate;

use super::accumulators::Accumulators;
use super::input::Payer;
use super::rules::{Billing, Outcome};
use super::services::Service;
use super::step::{Flag, Step};
use crate::model::FeeSchedule;
use crate::model::plan::{DeductiblePlacement, DeniedBilling, Liability, Network};
use crate::money::{Cents, Percent};

/// One plan's view of one line.
#[derive(Clone, Debug)]
pub struct PlanLine {
    /// Allowed fee for the performed code.
    pub allowed: Cents,
    /// What the plan would pay alone (after deductible, percentage and maximums).
    pub normal_benefit: Cents,
    /// Deductible taken.
    pub deductible: Cents,
    /// Coverage percentage.
    pub percent: Percent,
    /// The most the office may collect in all (plans plus patient) under this plan's
    /// contract; the office fee when there is no contract.
    pub collectible: Cents,
    /// Whether the plan is contracted with the office (its `collectible` binds).
    pub contracted: bool,
    /// Whether the plan covered the line at all.
    pub covered: bool,
    /// The steps.
    pub steps: Vec<Step>,
    /// The flags.
    pub flags: Vec<Flag>,
    /// Date of service used.
    pub date: NaiveDate,
}

/// Prices `s` under `payer` given the rules' `outcome`. Does not record anything.
pub fn price(
    payer: &Payer<'_>,
    office_fees: &FeeSchedule,
    s: &Service<'_>,
    outcome: &Outcome,
    acc: &Accumulators<'_>,
) -> PlanLine {
    let plan = payer.plan;
    let name = plan.name.clone();
    let fee = s.fee;
    let date = s.dos(plan.settings.date_of_service);
    let quantity = i64::from(s.line.quantity.max(1));
    let times = |c: Cents| Cents::from_cents(c.cents().saturating_mul(quantity));
    let mut steps = Vec::new();
    let mut flags = Vec::new();
    let contracted = plan.network.is_contracted();

    // Allowed for the performed code: the schedule's amount, never above the fee; a
    // code missing from the schedule is allowed at the office fee.
    let listed = payer.schedule.fee(s.line.code).map(times);
    let allowed = match plan.network {
        Network::InNetwork { .. } | Network::OutOfNetwork { .. } | Network::Indemnity { .. } => {
            let allowed = listed.unwrap_or(fee).min(fee);
            steps.push(Step::Allowed {
                plan: name.clone(),
                amount: allowed,
                schedule: payer.schedule.name.clone(),
                not_listed: listed.is_none(),
                capped_at_fee: listed.is_some_and(|l| l > fee),
            });
            if listed.is_none() {
                flags.push(Flag::NotOnSchedule);
            }
            allowed
        }
        Network::ScheduledAllowance { .. } | Network::Dhmo { .. } => fee,
    };
    let percent = plan.coverage_for(s.line.code, s.class);
    let mut line = PlanLine {
        allowed,
        normal_benefit: Cents::ZERO,
        deductible: Cents::ZERO,
        percent,
        collectible: fee,
        contracted,
        covered: false,
        steps,
        flags,
        date,
    };
    if plan.preauthorization.contains(s.line.code) {
        line.flags.push(Flag::PreauthorizationRequired);
        line.steps
            .push(Step::Preauthorization { plan: name.clone() });
    }

    if let Outcome::Denied(denial) = outcome {
        line.flags.push(denial.flag);
        line.steps.push(denial.step.clone());
        line.collectible = match (contracted, denial.billing) {
            (_, Billing::OfficeFee) => fee,
            (false, _) => fee,
            (true, Billing::Liability(Liability::Disallow)) => Cents::ZERO,
            (true, Billing::Liability(Liability::DenyAtContractFee)) => {
                dhmo_or(plan, payer, s, allowed, fee)
            }
            (true, Billing::Liability(Liability::DenyAtOfficeFee)) => fee,
            (true, Billing::PlanSetting) => match plan.settings.denied_lines_billed_at {
                DeniedBilling::ContractedFee => dhmo_or(plan, payer, s, allowed, fee),
                DeniedBilling::OfficeFee => fee,
            },
        };
        if matches!(plan.network, Network::Dhmo { .. }) && denial.billing == Billing::PlanSetting {
            // A DHMO does not cap what it does not cover.
            line.collectible = fee;
        }
        return line;
    }
    line.covered = true;

    if let Network::Dhmo { .. } = plan.network {
        let copay = payer.schedule.fee(s.line.code).map(times);
        line.steps.push(Step::Copay {
            plan: name.clone(),
            amount: copay.unwrap_or(fee),
            not_listed: copay.is_none(),
        });
        let Some(copay) = copay else {
            line.flags.push(Flag::NotOnSchedule);
            line.collectible = fee;
            return line;
        };
        let mut owed = copay;
        for up in plan
            .dhmo_upgrades
            .iter()
            .filter(|u| u.codes.contains(s.line.code) && u.teeth.matches(s.area.tooth()))
        {
            line.steps.push(Step::Upgrade {
                plan: name.clone(),
                name: up.name.clone(),
                amount: up.charge,
            });
            owed += up.charge;
        }
        line.collectible = owed.min(fee);
        return line;
    }

    // Alternate benefit: the basis is the cheaper code's allowed when lower.
    let mut basis = allowed;
    let scheduled = matches!(plan.network, Network::ScheduledAllowance { .. });
    if let Some((rule, to)) = plan.alternate_benefits.iter().find_map(|r| {
        r.paid_as
            .get(&s.line.code)
            .filter(|_| r.teeth.matches(s.area.tooth()))
            .map(|to| (r, *to))
    }) {
        let alt_listed = payer.schedule.fee(to).map(times);
        let alt_office = office_fees.fee(to).map(times);
        // Out of the schedule, the cheaper code is allowed at its office fee.
        let alternate_allowed = if scheduled {
            alt_listed.unwrap_or(Cents::ZERO)
        } else {
            alt_listed.or(alt_office).unwrap_or(allowed)
        };
        if scheduled {
            let own = listed.unwrap_or(Cents::ZERO);
            if alternate_allowed < own {
                line.flags.push(Flag::Downgraded);
                line.steps.push(Step::Downgraded {
                    plan: name.clone(),
                    rule: rule.name.clone(),
                    from: s.line.code,
                    to,
                    alternate_allowed,
                    basis: alternate_allowed.min(fee),
                });
            }
        } else if alternate_allowed < allowed {
            basis = alternate_allowed;
            line.flags.push(Flag::Downgraded);
            line.steps.push(Step::Downgraded {
                plan: name.clone(),
                rule: rule.name.clone(),
                from: s.line.code,
                to,
                alternate_allowed,
                basis,
            });
        }
    }
    if scheduled {
        let own = listed.unwrap_or(Cents::ZERO);
        let downgraded_to = line.steps.iter().find_map(|st| match st {
            Step::Downgraded { basis, .. } => Some(*basis),
            _ => None,
        });
        basis = downgraded_to.unwrap_or(own).min(fee);
        line.steps.push(Step::ScheduledBenefit {
            plan: name.clone(),
            amount: basis,
            not_listed: listed.is_none(),
        });
        if listed.is_none() {
            line.flags.push(Flag::NotOnSchedule);
        }
    }

    // Deductible, then the percentage, rounded once.
    let room = acc.room(s.class, date);
    let deductible = room.deductible.min(basis);
    if plan.deductible.waived_classes.contains(&s.class) && !plan.deductible.individual.is_zero() {
        line.steps.push(Step::DeductibleWaived {
            plan: name.clone(),
            class: s.class,
        });
    }
    let mut share = match plan.deductible.placement {
        DeductiblePlacement::BeforeCoinsurance => {
            if !deductible.is_zero() {
                line.steps.push(Step::Deductible {
                    plan: name.clone(),
                    amount: deductible,
                    remaining: room.individual_deductible - deductible,
                });
            }
            let amount = (basis - deductible).percent_of(percent, plan.rounding);
            line.steps.push(Step::PlanShare {
                plan: name.clone(),
                basis: basis - deductible,
                percent,
                deductible_after: Cents::ZERO,
                amount,
            });
            amount
        }
        DeductiblePlacement::AfterCoinsurance => {
            let gross = basis.percent_of(percent, plan.rounding);
            if !deductible.is_zero() {
                line.steps.push(Step::Deductible {
                    plan: name.clone(),
                    amount: deductible,
                    remaining: room.individual_deductible - deductible,
                });
            }
            let amount = gross.saturating_sub_floor(deductible);
            line.steps.push(Step::PlanShare {
                plan: name.clone(),
                basis,
                percent,
                deductible_after: deductible,
                amount,
            });
            amount
        }
    };
    if !deductible.is_zero() {
        line.flags.push(Flag::DeductibleApplied);
    }
    line.deductible = deductible;

    // Maximums.
    let mut max_exhausted = false;
    for (which, left) in &room.caps {
        if left.is_zero() {
            max_exhausted = true;
        }
        if share > *left {
            line.steps.push(Step::MaximumCapped {
                plan: name.clone(),
                maximum: which.clone(),
                before: share,
                after: *left,
            });
            share = *left;
            if !line.flags.contains(&Flag::MaximumReached) {
                line.flags.push(Flag::MaximumReached);
            }
        }
    }
    line.normal_benefit = share;
    line.collectible = if contracted && (plan.settings.write_off_after_maximum || !max_exhausted) {
        allowed
    } else {
        fee
    };
    line
}

/// The contracted fee a denied line is billed at: the allowed fee, or for a DHMO
/// its copay (office fee when none is listed).
fn dhmo_or(
    plan: &crate::model::PlanRules,
    payer: &Payer<'_>,
    s: &Service<'_>,
    allowed: Cents,
    fee: Cents,
) -> Cents {
    match plan.network {
        Network::Dhmo { .. } => payer.schedule.fee(s.line.code).map_or(fee, |c| c.min(fee)),
        _ => allowed,
    }
}
