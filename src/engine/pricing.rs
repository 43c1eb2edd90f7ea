//! One plan's money for one line, as if it were the only plan: allowed fee,
//! downgrade, deductible, percentage, maximums (dental-benefits.md §1.2 steps 2-3
//! and 6-10), and what the office may collect under the plan's contract.
//!
//! Each step is one function that returns its amount with the steps and flags that
//! explain it ([`Explained`]); `price` chains them and keeps the trail in order.

use chrono::NaiveDate;

use super::accumulators::Accumulators;
use super::benefit_tables::{self, fixed_benefit};
use super::carrier_settings;
use super::few::Few;
use super::input::Payer;
use super::overrides;
use super::rules::{Billing, Denial, Outcome, waiting_replaced};
use super::services::Service;
use super::step::{Flag, Step};
use crate::model::plan::{DeniedBilling, Liability, Network, UnlistedSubstitute};
use crate::model::{CdtCode, FeeSchedule};
use crate::money::{Cents, Percent};

mod context;
mod share;
use context::{Explained, Pricing};
use share::{apply_deductible, apply_maximums, plan_share};

/// Steps one plan's trail of a line usually holds at most.
const TRAIL: usize = 12;

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
    /// Whether the patient had this coverage on the date of service: without it no
    /// contract applies to the line.
    pub eligible: bool,
    /// Whether the plan covered the line at all.
    pub covered: bool,
    /// The steps.
    pub steps: Vec<Step>,
    /// The flags.
    pub flags: Vec<Flag>,
    /// Date of service used.
    pub date: NaiveDate,
}

impl PlanLine {
    /// Appends a step's explanation to the line's trail and returns its amount.
    fn take<T>(&mut self, explained: Explained<T>) -> T {
        self.steps.extend(explained.steps);
        self.flags.extend(explained.flags);
        explained.amount
    }
}

/// Prices `s` under `payer` given the rules' `outcome`. Does not record anything.
pub fn price(
    payer: &Payer<'_>,
    office_fees: &FeeSchedule,
    s: &Service<'_>,
    outcome: Outcome,
    acc: &Accumulators<'_>,
) -> PlanLine {
    let plan = payer.plan;
    let p = Pricing {
        payer,
        office_fees,
        s,
        name: &payer.names.plan,
        quantity: i64::from(s.line.quantity.max(1)),
        date: s.dos(plan.settings.date_of_service),
    };
    let Explained {
        amount: allowed,
        steps,
        flags,
    } = allowed_fee(&p);
    let (allowed, by_staff) = staff_allowed(&p, allowed);
    // Room for a line's usual trail, so pushing steps does not reallocate.
    let mut trail = Vec::with_capacity(TRAIL);
    trail.extend(fee_version(&p).into_iter().chain(steps).chain(by_staff));
    let mut line = PlanLine {
        allowed,
        normal_benefit: Cents::ZERO,
        deductible: Cents::ZERO,
        percent: plan.coverage_for(s.line.code, s.class),
        collectible: s.fee,
        contracted: plan.network.is_contracted(),
        eligible: true,
        covered: false,
        steps: trail,
        flags: flags.into_iter().collect(),
        date: p.date,
    };
    line.take(preauthorization(&p));
    line.steps.extend(overrides::frequency_steps(payer, s));
    if let Outcome::Denied(denial) = outcome {
        line.eligible = denial.flag != Flag::NotEligible;
        line.collectible = line.take(denied(&p, denial, allowed));
        return line;
    }
    line.covered = true;
    line.steps.extend(waiting_replaced(payer, s, p.date));
    if p.is_dhmo() {
        line.collectible = line.take(dhmo_copay(&p));
        return line;
    }
    let basis = line.take(benefit_basis(&p, allowed));
    let basis = line.take(plan_copay(&p, basis));
    let room = acc.room(s.line.code, s.class, line.date);
    line.deductible = line.take(apply_deductible(&p, basis, &room));
    staff_share_inputs(&mut line, payer, s, basis);
    let share = line.take(plan_share(&p, basis, line.deductible, line.percent));
    let capped = line.take(apply_maximums(&p, share, &room));
    let (benefit, by_staff) = overrides::insurance(payer, s, capped.benefit);
    line.steps.extend(by_staff);
    line.normal_benefit = benefit;
    let downgraded = line.flags.contains(&Flag::Downgraded);
    line.collectible = line.take(contract_limit(&p, allowed, capped.exhausted, downgraded));
    line
}

/// Staff's allowed fee, where the plan has an allowed fee (not a scheduled
/// allowance or a DHMO).
fn staff_allowed(p: &Pricing<'_>, computed: Cents) -> overrides::Entered<Cents> {
    match p.plan().network {
        Network::ScheduledAllowance { .. } | Network::Dhmo { .. } => (computed, None),
        _ => overrides::allowed(p.payer, p.s, computed),
    }
}

/// Staff's deductible and percentage (and the patient's own percentage) in place
/// of the computed ones, before the plan's share is worked out.
fn staff_share_inputs(line: &mut PlanLine, payer: &Payer<'_>, s: &Service<'_>, basis: Cents) {
    let computed = line.deductible;
    let (deductible, by_staff) = overrides::deductible(payer, s, computed, basis);
    if by_staff.is_some() {
        overrides::restate_deductible(&mut line.steps, &mut line.flags, computed, deductible);
    }
    line.deductible = deductible;
    line.steps.extend(by_staff);
    let (percent, by_staff) = overrides::percent(payer, s, line.percent);
    line.percent = percent;
    line.steps.extend(by_staff);
}

/// Which version of the plan's fee schedule prices the line, when the schedule
/// has dated versions (a schedule without them says nothing).
fn fee_version(p: &Pricing<'_>) -> Option<Step> {
    let schedule = p.payer.schedule;
    let first = schedule.first_version_date()?;
    let version = schedule.version_on(p.date);
    Some(Step::FeeVersion {
        plan: p.name.clone(),
        schedule: p.payer.names.schedule.clone(),
        version: version.map(|v| v.name.clone()),
        from: version.map_or(first, |v| v.effective),
    })
}

/// Step 2: the allowed fee for the performed code: the schedule's amount, never
/// above the fee; a code missing from the schedule is allowed at the office fee. A
/// scheduled allowance or a DHMO has no allowed fee: the office fee stands in.
fn allowed_fee(p: &Pricing<'_>) -> Explained<Cents> {
    let fee = p.fee();
    match p.plan().network {
        Network::InNetwork { .. } | Network::OutOfNetwork { .. } | Network::Indemnity { .. } => {
            let listed = p.listed(p.code());
            let allowed = listed.unwrap_or(fee).min(fee);
            let explained = Explained::new(allowed).step(Step::Allowed {
                plan: p.name.clone(),
                amount: allowed,
                schedule: p.payer.names.schedule.clone(),
                not_listed: listed.is_none(),
                capped_at_fee: listed.is_some_and(|l| l > fee),
            });
            if listed.is_none() {
                explained.flag(Flag::NotOnSchedule)
            } else {
                explained
            }
        }
        Network::ScheduledAllowance { .. } | Network::Dhmo { .. } => Explained::new(fee),
    }
}

/// The carrier wants to review the code before treatment; the money is unchanged.
fn preauthorization(p: &Pricing<'_>) -> Explained<()> {
    if p.plan().preauthorization.contains(p.code()) {
        Explained::new(())
            .flag(Flag::PreauthorizationRequired)
            .step(Step::Preauthorization {
                plan: p.name.clone(),
            })
    } else {
        Explained::new(())
    }
}

/// A line the plan pays nothing for: what the office may still collect in all,
/// by why it was denied (no coverage, a bundling rule's liability, or the plan's
/// setting for denied lines).
fn denied(p: &Pricing<'_>, denial: Denial, allowed: Cents) -> Explained<Cents> {
    let fee = p.fee();
    let contracted = p.plan().network.is_contracted();
    let settings = &p.plan().settings;
    let by_reason = carrier_settings::denied_billing_by_reason(settings, denial.flag);
    let collectible = match (contracted, denial.billing) {
        (_, Billing::OfficeFee) => fee,
        (false, _) => fee,
        (true, Billing::Liability(Liability::Disallow)) => Cents::ZERO,
        (true, Billing::Liability(Liability::DenyAtContractFee)) => contract_fee(p, allowed),
        (true, Billing::Liability(Liability::DenyAtOfficeFee)) => fee,
        (true, Billing::PlanSetting) => {
            match by_reason.unwrap_or(settings.denied_lines_billed_at) {
                DeniedBilling::ContractedFee => contract_fee(p, allowed),
                DeniedBilling::OfficeFee => fee,
            }
        }
    };
    // A DHMO does not cap what it does not cover.
    let dhmo_uncovered = p.is_dhmo() && denial.billing == Billing::PlanSetting;
    let amount = if dhmo_uncovered { fee } else { collectible };
    let mut steps = Few::one(denial.step);
    let by_setting = contracted && !p.is_dhmo() && denial.billing == Billing::PlanSetting;
    if let Some(billed_at) = by_reason.filter(|_| by_setting) {
        steps.push(Step::DeniedBilledAt {
            plan: p.name.clone(),
            reason: denial.flag,
            billed_at,
            amount,
        });
    }
    Explained {
        amount,
        steps,
        flags: Few::one(denial.flag),
    }
}

/// The contracted fee a denied line is billed at: the allowed fee, or for a DHMO
/// its copay (office fee when none is listed).
fn contract_fee(p: &Pricing<'_>, allowed: Cents) -> Cents {
    if p.is_dhmo() {
        p.payer
            .schedule
            .fee_on(p.code(), p.date)
            .map_or(p.fee(), |c| c.min(p.fee()))
    } else {
        allowed
    }
}

/// Step 3 for a DHMO: the patient owes the copay plus any upgrade charges, never
/// above the fee; a code without a listed copay is billed at the office fee.
fn dhmo_copay(p: &Pricing<'_>) -> Explained<Cents> {
    let fee = p.fee();
    let copay = p.listed(p.code());
    let mut explained = Explained::new(fee).step(Step::Copay {
        plan: p.name.clone(),
        amount: copay.unwrap_or(fee),
        not_listed: copay.is_none(),
    });
    let Some(copay) = copay else {
        return explained.flag(Flag::NotOnSchedule);
    };
    let mut owed = copay;
    let tooth = p.s.area.tooth();
    for up in p
        .plan()
        .dhmo_upgrades
        .iter()
        .filter(|u| u.codes.contains(p.code()) && u.teeth.matches(tooth))
    {
        explained.steps.push(Step::Upgrade {
            plan: p.name.clone(),
            name: up.name.clone(),
            amount: up.charge,
        });
        owed += up.charge;
    }
    explained.amount = owed.min(fee);
    explained
}

/// The plan pays the line as a cheaper code (alternate benefit).
struct Downgrade<'r> {
    /// The alternate-benefit rule's name.
    rule: &'r str,
    /// The code paid as.
    to: CdtCode,
    /// That code's allowed fee.
    alternate_allowed: Cents,
    /// The benefit basis it gives.
    basis: Cents,
    /// The schedule does not list the cheaper code: its office fee was used.
    office_fee: bool,
    /// The line is paid as the cheaper code (its amount is below the line's own);
    /// false when the plan prices an unlisted cheaper code at the billed code's fee.
    lower: bool,
}

/// Step 3: what the percentage applies to: the allowed fee, or the cheaper code's
/// allowed fee when the plan downgrades the line. A plan paying from a table (a
/// scheduled allowance, a fixed-benefit PPO) pays its listed amount (or the
/// cheaper code's), never above the fee, nor above the contracted fee in network.
fn benefit_basis(p: &Pricing<'_>, allowed: Cents) -> Explained<Cents> {
    let table = p.benefit_table();
    let listed = table.and_then(|t| p.listed_in(t, p.code()));
    let own = if table.is_some() {
        listed.unwrap_or(Cents::ZERO)
    } else {
        allowed
    };
    let downgrade = alternate_benefit(p, allowed, own, table);
    let mut explained = Explained::new(own);
    match &downgrade {
        Some(d) if d.lower => {
            explained.amount = d.basis;
            explained = explained.flag(Flag::Downgraded).step(Step::Downgraded {
                plan: p.name.clone(),
                rule: d.rule.to_string(),
                from: p.code(),
                to: d.to,
                alternate_allowed: d.alternate_allowed,
                basis: d.basis,
                office_fee: d.office_fee,
            });
        }
        Some(d) => {
            explained = explained.step(Step::SubstituteAtBilledFee {
                plan: p.name.clone(),
                rule: d.rule.to_string(),
                from: p.code(),
                to: d.to,
                allowed,
            });
        }
        None => {}
    }
    if table.is_none() {
        return explained;
    }
    let fixed_benefit_ppo = !matches!(p.plan().network, Network::ScheduledAllowance { .. });
    let step = if fixed_benefit_ppo {
        let (amount, step) = fixed_benefit(p.name, explained.amount, allowed, listed.is_none());
        explained.amount = amount;
        step
    } else {
        explained.amount = explained.amount.min(p.fee());
        Step::ScheduledBenefit {
            plan: p.name.clone(),
            amount: explained.amount,
            not_listed: listed.is_none(),
        }
    };
    explained = explained.step(step);
    if listed.is_none() {
        explained = explained.flag(Flag::NotOnSchedule);
    }
    explained
}

/// The first alternate-benefit rule for this code and tooth, when its cheaper
/// code's amount is below the line's own (`own`). Out of the schedule, the
/// cheaper code is priced as the plan's `unlisted_substitute` setting says (the
/// office fee by default); a plan paying from a `table` that does not list it pays
/// nothing for it.
fn alternate_benefit<'p>(
    p: &'p Pricing<'_>,
    allowed: Cents,
    own: Cents,
    table: Option<&FeeSchedule>,
) -> Option<Downgrade<'p>> {
    let tooth = p.s.area.tooth();
    let (rule, to) = p.plan().alternate_benefits.iter().find_map(|r| {
        r.paid_as
            .get(&p.code())
            .filter(|_| r.teeth.matches(tooth))
            .map(|to| (r, *to))
    })?;
    let downgrade = |alternate_allowed: Cents, office_fee: bool| Downgrade {
        rule: &rule.name,
        to,
        alternate_allowed,
        basis: alternate_allowed,
        office_fee,
        lower: alternate_allowed < own,
    };
    if let Some(table) = table {
        let alternate = p.listed_in(table, to).unwrap_or(Cents::ZERO);
        let d = downgrade(alternate, false);
        return d.lower.then(|| Downgrade {
            basis: alternate.min(p.fee()),
            ..d
        });
    }
    if let Some(listed) = p.listed(to) {
        return Some(downgrade(listed, false)).filter(|d| d.lower);
    }
    match p.plan().settings.unlisted_substitute {
        UnlistedSubstitute::BilledCodeFee => Some(Downgrade {
            lower: false,
            ..downgrade(allowed, false)
        }),
        UnlistedSubstitute::SubstituteOfficeFee => p
            .office_fees
            .fee_on(to, p.date)
            .map(|c| downgrade(p.times_quantity(c), true))
            .filter(|d| d.lower),
    }
}

/// Item 5 of issue 16: a percentage plan's per-code patient copay comes off the
/// benefit basis before the deductible and the percentage (never below zero).
fn plan_copay(p: &Pricing<'_>, basis: Cents) -> Explained<Cents> {
    let listed = p.payer.copays.and_then(|t| p.listed_in(t, p.code()));
    let (left, step) = benefit_tables::plan_copay(p.name, listed, basis);
    let mut explained = Explained::new(left);
    explained.steps.extend(step);
    explained
}

/// Step 12 (this plan's part): what the office may collect in all. Under a contract
/// the allowed fee, unless a maximum ran out and the plan then lets the office bill
/// its fee; without a contract the office fee.
/// A plan set not to write off on a downgraded line lets the office bill its fee.
fn contract_limit(
    p: &Pricing<'_>,
    allowed: Cents,
    max_exhausted: bool,
    downgraded: bool,
) -> Explained<Cents> {
    let plan = p.plan();
    let writes_off = plan.settings.write_off_after_maximum || !max_exhausted;
    if !plan.network.is_contracted() || !writes_off {
        return Explained::new(p.fee());
    }
    if downgraded && !plan.settings.write_off_on_downgrade && allowed < p.fee() {
        return Explained::new(p.fee()).step(Step::NoWriteOffOnDowngrade {
            plan: p.name.clone(),
            fee: p.fee(),
        });
    }
    Explained::new(allowed)
}
