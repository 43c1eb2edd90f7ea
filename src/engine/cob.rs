//! One line across all payers: each payer's normal benefit, coordination of
//! benefits for later payers (dental-benefits.md §8.2), and the write-off and
//! patient portion by subtraction.

use super::accumulators::Accumulators;
use super::estimate::{LineEstimate, PayerShare};
use super::input::EstimateInput;
use super::pricing::{self, PlanLine};
use super::rules::Outcome;
use super::services::Service;
use super::step::{Flag, Step};
use crate::model::plan::CobMethod;
use crate::money::Cents;

/// Prices service `i` for every payer and records each payer's use.
pub fn price_line(
    input: &EstimateInput<'_>,
    s: &Service<'_>,
    i: usize,
    outcomes: &[Vec<Outcome>],
    accumulators: &mut [Accumulators<'_>],
) -> LineEstimate {
    let fee = s.fee;
    let mut steps = vec![Step::OfficeFee {
        fee,
        quantity: s.line.quantity.max(1),
        overridden: s.fee_overridden,
    }];
    let plan_lines: Vec<PlanLine> = input
        .payers
        .iter()
        .zip(outcomes)
        .zip(accumulators.iter())
        .map(|((payer, outcome), acc)| {
            let outcome = outcome.get(i).cloned().unwrap_or(Outcome::Covered);
            pricing::price(payer, input.office_fees, s, &outcome, acc)
        })
        .collect();

    // What the office may collect: the first contracted plan that covers the date
    // sets the cap; a later contracted plan caps it too only when it is set to
    // write off as secondary. Without a contract, the office fee.
    let mut collectible = fee;
    let mut write_off_plan: Option<String> = None;
    let mut first_contract = true;
    for (payer, line) in input.payers.iter().zip(&plan_lines) {
        let eligible = !line.flags.contains(&Flag::NotEligible);
        if !line.contracted || !eligible {
            continue;
        }
        if first_contract || payer.plan.settings.write_off_when_secondary {
            if line.collectible < collectible {
                collectible = line.collectible;
                write_off_plan = Some(payer.plan.name.clone());
            }
            first_contract = false;
        }
    }

    let mut shares = Vec::new();
    let mut flags: Vec<Flag> = Vec::new();
    let mut paid = Cents::ZERO;
    let mut medicaid_write_off = Cents::ZERO;
    for (k, ((payer, line), acc)) in input
        .payers
        .iter()
        .zip(&plan_lines)
        .zip(accumulators.iter_mut())
        .enumerate()
    {
        steps.extend(line.steps.iter().cloned());
        flags.extend(line.flags.iter().copied());
        let balance = collectible.saturating_sub_floor(paid + medicaid_write_off);
        let normal = line.normal_benefit;
        let pays = if k == 0 {
            // The primary pays its own normal benefit (never above the fee). A later
            // plan's contract (a secondary set to write off, Medicaid) limits what the
            // office may still collect after it, not what the primary pays: capping
            // here at `balance` cut the primary to the secondary's allowed fee.
            normal.min(fee)
        } else {
            let method = payer.plan.cob;
            let formula = match method {
                CobMethod::Standard => normal,
                // Medicaid is the payer of last resort: its allowance is the most all
                // payers together receive, so it pays only what is left of it.
                CobMethod::Medicaid => normal.min(line.allowed.saturating_sub_floor(paid)),
                CobMethod::NonDuplication | CobMethod::CarveOut => {
                    normal.saturating_sub_floor(paid)
                }
                // Never above its own normal benefit: without this cap a plan that
                // denied the line (normal 0) or whose allowed is below the balance
                // paid balance - (allowed - normal), past its maximum too.
                CobMethod::MaintenanceOfBenefits => balance
                    .saturating_sub_floor(line.allowed.saturating_sub_floor(normal))
                    .min(normal),
                CobMethod::Basic => normal.min(line.allowed.saturating_sub_floor(paid)),
            };
            // No method pays more than the plan would as primary, nor more than is owed.
            let pays = formula.min(normal).min(balance);
            if line.covered {
                steps.push(Step::Coordination {
                    plan: payer.plan.name.clone(),
                    method,
                    normal_benefit: normal,
                    paid_before: paid,
                    balance,
                    pays,
                });
            }
            if method == CobMethod::Medicaid {
                // Medicaid's allowance is payment in full: the rest is written off.
                medicaid_write_off += balance - pays;
            }
            pays
        };
        if line.covered {
            // A later payer that pays nothing may or may not count its deductible
            // as met (a plan setting).
            let not_credited = k > 0
                && pays.is_zero()
                && !payer.plan.settings.credit_deductible_when_paying_nothing;
            let deductible = if not_credited {
                Cents::ZERO
            } else {
                line.deductible
            };
            acc.record(s.class, line.date, deductible, pays);
        }
        paid += pays;
        shares.push(PayerShare {
            plan: payer.plan.id.clone(),
            pays,
            allowed: line.allowed,
            deductible: line.deductible,
            percent: line.percent,
            normal_benefit: normal,
        });
    }

    // When the primary alone paid more than a later contract allows, the office keeps
    // that payment and writes off only the rest (the patient then owes nothing).
    let write_off = (fee - collectible.max(paid)) + medicaid_write_off;
    if !write_off.is_zero() {
        steps.push(Step::WriteOff {
            plan: write_off_plan.unwrap_or_else(|| "Medicaid".into()),
            amount: write_off,
        });
    }
    if input.payers.is_empty() {
        steps.push(Step::NoInsurance);
    }
    let patient = fee - write_off - paid;
    steps.push(Step::PatientOwes { amount: patient });
    flags.sort();
    flags.dedup();
    let date = plan_lines.first().map_or(s.completed, |l| l.date);
    LineEstimate {
        line: s.id,
        number: s.number,
        visit_id: s.visit.id,
        visit: s.visit.name.clone(),
        date,
        started: s.started,
        code: s.line.code,
        description: input.catalogue.name_of(s.line.code),
        area: s.area,
        quantity: s.line.quantity.max(1),
        fee,
        allowed: plan_lines.first().map_or(fee, |l| l.allowed),
        write_off,
        deductible: plan_lines.first().map_or(Cents::ZERO, |l| l.deductible),
        payers: shares,
        patient,
        flags,
        steps,
    }
}
