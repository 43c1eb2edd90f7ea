//! One line across all payers: each payer's normal benefit, coordination of
//! benefits for later payers (dental-benefits.md §8.2), and the write-off and
//! patient portion by subtraction.

use std::borrow::Cow;

use super::accumulators::Accumulators;
use super::carrier_settings::{higher_contracted_fee, own_contract_cap};
use super::estimate::{LineEstimate, PayerShare};
use super::few::Few;
use super::input::{EstimateInput, Payer, PayerNames};
use super::overrides;
use super::pricing::{self, PlanLine};
use super::providers;
use super::rules::Outcome;
use super::services::Service;
use super::step::{Flag, Name, Step};
use crate::model::FeeSchedule;
use crate::model::plan::CobMethod;
use crate::money::Cents;

/// Prices service `i` for every payer and records each payer's use.
pub fn price_line(
    input: &EstimateInput<'_>,
    s: &Service<'_>,
    i: usize,
    outcomes: &mut [Vec<Outcome>],
    accumulators: &mut [Accumulators<'_>],
) -> LineEstimate {
    let fee = s.fee;
    let plan_lines = plan_lines(input, s, i, outcomes, accumulators);
    let mut cap = contract_cap(fee, &input.payers, &plan_lines);
    let cap_steps = std::mem::take(&mut cap.steps);
    let primary = plan_lines
        .first()
        .map(|l| (l.date, l.allowed, l.deductible));
    // The whole trail in one list sized once: the office fee, each payer's
    // steps as they move in, the cap and the settlement.
    let planned: usize = plan_lines.iter().map(|l| l.steps.len() + 1).sum();
    let mut steps = Vec::with_capacity(planned + cap_steps.len() + 5);
    steps.push(Step::OfficeFee {
        fee,
        quantity: s.line.quantity.max(1),
        overridden: s.fee_overridden,
    });
    steps.extend(s.provider_step.clone());
    let payments = pay_in_order(
        &input.payers,
        s,
        plan_lines,
        accumulators,
        cap.collectible,
        &mut steps,
    );
    let mut settled = settle(fee, cap, &payments, input.payers.is_empty());
    staff_write_off(s, payments.paid, &mut settled);
    steps.extend(cap_steps);
    steps.extend(settled.steps);
    let mut flags = payments.flags;
    flags.sort();
    flags.dedup();
    let line = LineEstimate {
        line: s.id,
        number: s.number,
        visit_id: s.visit.id,
        visit: s.visit_name.clone(),
        date: primary.map_or(s.completed, |(date, _, _)| date),
        started: s.started,
        code: s.line.code,
        description: s.description.clone(),
        area: s.area,
        quantity: s.line.quantity.max(1),
        fee,
        allowed: primary.map_or(fee, |(_, allowed, _)| allowed),
        write_off: settled.write_off,
        deductible: primary.map_or(Cents::ZERO, |(_, _, deductible)| deductible),
        payers: payments.shares,
        patient: settled.patient,
        flags,
        steps,
    };
    debug_assert!(
        line.balances(),
        "line {} does not balance: fee {} != write-off {} + payments {} + patient {}",
        line.number,
        line.fee,
        line.write_off,
        line.insurance(),
        line.patient
    );
    line
}

/// Every payer prices line `i` against its benefits as they stood before it;
/// the line's decided outcome moves into its price.
fn plan_lines(
    input: &EstimateInput<'_>,
    s: &Service<'_>,
    i: usize,
    outcomes: &mut [Vec<Outcome>],
    accumulators: &[Accumulators<'_>],
) -> Vec<PlanLine> {
    input
        .payers
        .iter()
        .zip(outcomes.iter_mut())
        .zip(accumulators.iter())
        .map(|((payer, outcome), acc)| {
            // Each line is priced once: its denial (and the step in it) moves.
            let outcome = outcome
                .get_mut(i)
                .map_or(Outcome::Covered, |o| std::mem::replace(o, Outcome::Covered));
            let dos = s.dos(payer.plan.settings.date_of_service);
            let (schedule, by_provider) =
                providers::contracted(&input.providers, payer.plan, payer.schedule, (s.line, dos));
            let payer = with_schedule(payer, schedule);
            let mut line = pricing::price(&payer, input.office_fees, s, outcome, acc);
            line.steps.splice(0..0, by_provider);
            line
        })
        .collect()
}

/// `payer` pricing with `schedule` (a provider's contract in place of the one its
/// network names): borrowed as it is when the schedule is its own.
fn with_schedule<'p, 'a>(payer: &'p Payer<'a>, schedule: &'a FeeSchedule) -> Cow<'p, Payer<'a>> {
    if std::ptr::eq(schedule, payer.schedule) {
        return Cow::Borrowed(payer);
    }
    let names = PayerNames {
        schedule: schedule.name.as_str().into(),
        ..payer.names.clone()
    };
    Cow::Owned(Payer {
        schedule,
        names,
        ..payer.clone()
    })
}

/// What the office may collect on the line in all, and the plan whose contract
/// sets it (None: no contract lowered the office fee).
struct ContractCap {
    collectible: Cents,
    plan: Option<Name>,
    /// Why a later plan raised the cap (NAIC rule), for the trail.
    steps: Vec<Step>,
}

/// The first contracted plan that covers the date sets the cap; a later contracted
/// plan caps it too only when it is set to write off as secondary, or raises it
/// to its own contracted fee when it follows the NAIC rule and covers the line.
/// Without a contract, the office fee.
fn contract_cap(fee: Cents, payers: &[Payer<'_>], plan_lines: &[PlanLine]) -> ContractCap {
    let mut cap = ContractCap {
        collectible: fee,
        plan: None,
        steps: Vec::new(),
    };
    let mut first_contract = true;
    for (payer, line) in payers.iter().zip(plan_lines) {
        if !line.contracted || !line.eligible {
            continue;
        }
        let settings = &payer.plan.settings;
        let raised = match &cap.plan {
            Some(earlier) if !first_contract && line.covered => {
                let own = &payer.names.plan;
                higher_contracted_fee(settings, own, line.allowed, earlier, cap.collectible)
            }
            _ => None,
        };
        if let Some((collectible, step)) = raised {
            cap.collectible = collectible;
            cap.steps.push(step);
            cap.plan = Some(payer.names.plan.clone());
        } else if first_contract || settings.write_off_when_secondary {
            if line.collectible < cap.collectible {
                cap.collectible = line.collectible;
                cap.plan = Some(payer.names.plan.clone());
            }
            first_contract = false;
        }
    }
    cap
}

/// What the payers pay on the line, in payer order, with their explanation.
#[derive(Default)]
struct Payments {
    shares: Vec<PayerShare>,
    /// All payments together.
    paid: Cents,
    /// What Medicaid's payment-in-full rule leaves for the office to write off.
    medicaid_write_off: Cents,
    flags: Vec<Flag>,
}

/// One payer's payment on the line.
struct Payment {
    pays: Cents,
    /// The coordination step of a later payer that covers the line.
    step: Option<Step>,
    /// Its own contract capped its payment (a plan setting).
    capped: Option<Step>,
    /// The part of the balance Medicaid does not pay and the office may not bill.
    medicaid_write_off: Cents,
}

/// Each payer in turn pays against what is left of `collectible`, and records its
/// use of deductible and maximum. The plan lines' steps move into `steps`.
fn pay_in_order(
    payers: &[Payer<'_>],
    s: &Service<'_>,
    plan_lines: Vec<PlanLine>,
    accumulators: &mut [Accumulators<'_>],
    collectible: Cents,
    steps: &mut Vec<Step>,
) -> Payments {
    let mut out = Payments {
        shares: Vec::with_capacity(payers.len()),
        ..Payments::default()
    };
    for (k, ((payer, line), acc)) in payers
        .iter()
        .zip(plan_lines)
        .zip(accumulators.iter_mut())
        .enumerate()
    {
        let payment = if k == 0 {
            primary_payment(&line, s.fee)
        } else {
            let balance = collectible.saturating_sub_floor(out.paid + out.medicaid_write_off);
            coordinate(payer, &line, out.paid, balance)
        };
        record(acc, s, k > 0, payer, &line, payment.pays);
        out.paid += payment.pays;
        out.medicaid_write_off += payment.medicaid_write_off;
        out.shares.push(PayerShare {
            plan: payer.names.id.clone(),
            pays: payment.pays,
            allowed: line.allowed,
            deductible: line.deductible,
            percent: line.percent,
            normal_benefit: line.normal_benefit,
        });
        steps.extend(line.steps);
        steps.extend(payment.step);
        steps.extend(payment.capped);
        out.flags.extend(line.flags);
    }
    out
}

/// The primary pays its own normal benefit (never above the fee). A later plan's
/// contract (a secondary set to write off, Medicaid) limits what the office may
/// still collect after it, not what the primary pays: capping here at the balance
/// cut the primary to the secondary's allowed fee.
fn primary_payment(line: &PlanLine, fee: Cents) -> Payment {
    Payment {
        pays: line.normal_benefit.min(fee),
        step: None,
        capped: None,
        medicaid_write_off: Cents::ZERO,
    }
}

/// A later payer coordinates with what the earlier ones `paid`, by its COB method,
/// against the patient's `balance` before it.
fn coordinate(payer: &Payer<'_>, line: &PlanLine, paid: Cents, balance: Cents) -> Payment {
    let method = payer.plan.cob;
    let normal = line.normal_benefit;
    let formula = match method {
        CobMethod::Standard => normal,
        // Medicaid is the payer of last resort: its allowance is the most all
        // payers together receive, so it pays only what is left of it.
        CobMethod::Medicaid => normal.min(line.allowed.saturating_sub_floor(paid)),
        CobMethod::NonDuplication | CobMethod::CarveOut => normal.saturating_sub_floor(paid),
        // Never above its own normal benefit: without this cap a plan that
        // denied the line (normal 0) or whose allowed is below the balance
        // paid balance - (allowed - normal), past its maximum too.
        CobMethod::MaintenanceOfBenefits => balance
            .saturating_sub_floor(line.allowed.saturating_sub_floor(normal))
            .min(normal),
        CobMethod::Basic => normal.min(line.allowed.saturating_sub_floor(paid)),
    };
    // No method pays more than the plan would as primary, nor more than is owed.
    let by_method = formula.min(normal).min(balance);
    let (pays, capped) = if payer.plan.settings.own_contract_caps_secondary
        && line.contracted
        && line.eligible
        && line.covered
    {
        own_contract_cap(&payer.names.plan, line.allowed, paid, by_method)
    } else {
        (by_method, None)
    };
    let step = line.covered.then(|| Step::Coordination {
        plan: payer.names.plan.clone(),
        method,
        normal_benefit: normal,
        paid_before: paid,
        balance,
        // What the COB method gives; a cap on its own contract follows as its
        // own step.
        pays: by_method,
    });
    // Medicaid's allowance is payment in full: the rest is written off.
    let medicaid_write_off = if method == CobMethod::Medicaid {
        balance - pays
    } else {
        Cents::ZERO
    };
    Payment {
        pays,
        step,
        capped,
        medicaid_write_off,
    }
}

/// Records a covering payer's use of its deductible and maximum. A later payer
/// that pays nothing may or may not count its deductible as met (a plan setting).
fn record(
    acc: &mut Accumulators<'_>,
    s: &Service<'_>,
    later_payer: bool,
    payer: &Payer<'_>,
    line: &PlanLine,
    pays: Cents,
) {
    if !line.covered {
        return;
    }
    let not_credited =
        later_payer && pays.is_zero() && !payer.plan.settings.credit_deductible_when_paying_nothing;
    let deductible = if not_credited {
        Cents::ZERO
    } else {
        line.deductible
    };
    acc.record(s.line.code, s.class, line.date, deductible, pays);
}

/// The line's write-off and patient portion, and the steps that end its trail.
struct Settlement {
    write_off: Cents,
    patient: Cents,
    steps: Few<Step>,
}

/// Step 12: the contract's write-off (and Medicaid's payment in full), then the
/// patient owes the rest of the fee. When the primary alone paid more than a later
/// contract allows, the office keeps that payment and writes off only the rest
/// (the patient then owes nothing).
fn settle(fee: Cents, cap: ContractCap, payments: &Payments, no_insurance: bool) -> Settlement {
    let write_off = (fee - cap.collectible.max(payments.paid)) + payments.medicaid_write_off;
    let mut steps = Few::new();
    if !write_off.is_zero() {
        steps.push(Step::WriteOff {
            plan: cap.plan.unwrap_or_else(|| "Medicaid".into()),
            amount: write_off,
        });
    }
    if no_insurance {
        steps.push(Step::NoInsurance);
    }
    let patient = fee - write_off - payments.paid;
    steps.push(Step::PatientOwes { amount: patient });
    Settlement {
        write_off,
        patient,
        steps,
    }
}

/// A write-off entered by staff replaces the contract's (and its step); the
/// patient owes the rest.
fn staff_write_off(s: &Service<'_>, paid: Cents, settled: &mut Settlement) {
    let fee = s.fee;
    let (write_off, step) = overrides::write_off(s.line, fee, paid, settled.write_off);
    let Some(step) = step else {
        return;
    };
    settled.write_off = write_off;
    settled.patient = fee - write_off - paid;
    // The staff step names the contract's figure it replaces.
    settled
        .steps
        .retain(|st| !matches!(st, Step::PatientOwes { .. } | Step::WriteOff { .. }));
    settled.steps.push(step);
    settled.steps.push(Step::PatientOwes {
        amount: settled.patient,
    });
}
