//! The "why this number" trail: typed steps, each rendering as one plain sentence,
//! and the machine-readable flags shown in JSON and as status marks.

use chrono::NaiveDate;
use serde::Serialize;

use super::step_detail::{ProviderFrom, ScheduleWhy, StaffFigure, StaffValue};
use crate::model::plan::{CobMethod, DeniedBilling, Liability};
use crate::model::{CdtCode, ProcedureClass, Tooth};
use crate::money::{Cents, Percent};

/// A name a step carries (a plan's, a fee schedule's): shared, not copied, since
/// nearly every step of every line names its plan.
pub type Name = std::sync::Arc<str>;

/// A machine-readable reason on a line (JSON `flags`, status marks; its words are
/// `report::fmt::flag_word`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Paid as a cheaper code.
    Downgraded,
    /// Over a frequency limit.
    FrequencyLimit,
    /// The class or code is not covered by the plan.
    NotCovered,
    /// Included in another line.
    Bundled,
    /// The maximum cut the payment.
    MaximumReached,
    /// Outside the plan's age range.
    AgeLimit,
    /// Inside a waiting period.
    WaitingPeriod,
    /// Excluded by the plan.
    Excluded,
    /// Deductible taken from this line.
    DeductibleApplied,
    /// Replaces a tooth missing before coverage began.
    MissingTooth,
    /// Coverage not active on the date of service.
    NotEligible,
    /// The carrier wants to review it first.
    PreauthorizationRequired,
    /// The code has no amount on the plan's fee schedule.
    NotOnSchedule,
    /// A coding check to look at.
    CodingWarning,
    /// A coding check says the carrier will deny the line (BU11).
    CodingDenial,
}

impl Flag {
    /// True for flags that mean the plan pays nothing for the line.
    pub fn is_denial(self) -> bool {
        matches!(
            self,
            Flag::FrequencyLimit
                | Flag::NotCovered
                | Flag::Bundled
                | Flag::AgeLimit
                | Flag::WaitingPeriod
                | Flag::Excluded
                | Flag::MissingTooth
                | Flag::NotEligible
                | Flag::CodingDenial
        )
    }
}

/// One step in the computation of a line. `plan` is the plan's display name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    /// The office fee.
    OfficeFee {
        /// Fee for the line (times quantity).
        fee: Cents,
        /// Units.
        quantity: u32,
        /// Entered on the line rather than taken from the schedule.
        overridden: bool,
    },
    /// The plan's allowed fee for the performed code.
    Allowed {
        /// Plan.
        plan: Name,
        /// Allowed amount.
        amount: Cents,
        /// Fee schedule name.
        schedule: Name,
        /// The code was not on the schedule, so the office fee was used.
        not_listed: bool,
        /// The schedule amount was above the office fee and was capped.
        capped_at_fee: bool,
    },
    /// The version of a dated fee schedule that priced the line.
    FeeVersion {
        /// Plan.
        plan: Name,
        /// Fee schedule name.
        schedule: Name,
        /// The version's name ("2027 fees"); None: the schedule's first list.
        version: Option<String>,
        /// The version's first day; for the first list, the day it ends (the
        /// first version's date).
        from: NaiveDate,
    },
    /// Difference the office may not bill.
    WriteOff {
        /// Plan whose contract requires it.
        plan: Name,
        /// Amount written off.
        amount: Cents,
    },
    /// Coverage not active on the date of service.
    NotEligible {
        /// Plan.
        plan: Name,
        /// Date of service.
        date: NaiveDate,
        /// First day of coverage.
        effective: NaiveDate,
        /// Last day of coverage.
        terminates: Option<NaiveDate>,
    },
    /// Inside a waiting period.
    WaitingPeriod {
        /// Plan.
        plan: Name,
        /// Months of waiting.
        months: u32,
        /// First covered day.
        covered_from: NaiveDate,
    },
    /// The missing-tooth clause.
    MissingTooth {
        /// Plan.
        plan: Name,
        /// The replaced tooth.
        tooth: Tooth,
        /// When it was lost, if known.
        since: Option<NaiveDate>,
        /// Coverage start.
        effective: NaiveDate,
    },
    /// Excluded by the plan.
    Excluded {
        /// Plan.
        plan: Name,
        /// The plan's reason.
        reason: String,
    },
    /// The class is not covered (0%).
    NotCovered {
        /// Plan.
        plan: Name,
        /// The class.
        class: ProcedureClass,
    },
    /// Outside the age range.
    AgeLimit {
        /// Plan.
        plan: Name,
        /// Age on the date of service.
        age: u32,
        /// Covered through this age.
        through_age: Option<u32>,
        /// Covered from this age.
        from_age: Option<u32>,
    },
    /// Over a frequency limit.
    FrequencyLimit {
        /// Plan.
        plan: Name,
        /// The limit's name.
        limit: String,
        /// Services already counted.
        used: u32,
        /// The limit.
        count: u32,
        /// When it is allowed again.
        eligible_again: Option<NaiveDate>,
    },
    /// Denied because the crown on the same tooth failed its frequency limit (BU12).
    DeniedWithCrown {
        /// Plan.
        plan: Name,
        /// The crown code.
        crown: CdtCode,
        /// The tooth.
        tooth: Tooth,
    },
    /// Bundled into another line.
    Bundled {
        /// Plan.
        plan: Name,
        /// Rule id ("B1").
        rule: String,
        /// Rule name.
        name: String,
        /// The line it is bundled into: its code.
        into: CdtCode,
        /// 1-based line number of that line in the option.
        into_line: usize,
        /// Who owes it.
        liability: Liability,
    },
    /// Paid as a cheaper code.
    Downgraded {
        /// Plan.
        plan: Name,
        /// Rule name.
        rule: String,
        /// Performed code.
        from: CdtCode,
        /// Code paid as.
        to: CdtCode,
        /// Allowed fee of the cheaper code.
        alternate_allowed: Cents,
        /// The benefit basis used.
        basis: Cents,
        /// The plan's schedule does not list the cheaper code: `alternate_allowed`
        /// is the office's own fee for it.
        office_fee: bool,
    },
    /// Deductible taken.
    Deductible {
        /// Plan.
        plan: Name,
        /// Amount taken from this line.
        amount: Cents,
        /// Individual deductible left afterwards.
        remaining: Cents,
    },
    /// Class skips the deductible.
    DeductibleWaived {
        /// Plan.
        plan: Name,
        /// The class.
        class: ProcedureClass,
    },
    /// The plan's percentage.
    PlanShare {
        /// Plan.
        plan: Name,
        /// Amount the percentage applies to.
        basis: Cents,
        /// Coverage percentage.
        percent: Percent,
        /// Deductible subtracted after the percentage (compatibility placement).
        deductible_after: Cents,
        /// Result, rounded to the cent.
        amount: Cents,
    },
    /// A fixed scheduled benefit.
    ScheduledBenefit {
        /// Plan.
        plan: Name,
        /// Scheduled amount (capped at the fee).
        amount: Cents,
        /// The code not listed: no benefit.
        not_listed: bool,
    },
    /// A maximum cut the payment.
    MaximumCapped {
        /// Plan.
        plan: Name,
        /// Which maximum.
        maximum: String,
        /// Payment before the cap.
        before: Cents,
        /// Payment after the cap.
        after: Cents,
    },
    /// DHMO copay.
    Copay {
        /// Plan.
        plan: Name,
        /// Copay.
        amount: Cents,
        /// The code has no copay listed (patient owes the office fee).
        not_listed: bool,
    },
    /// DHMO extra charge.
    Upgrade {
        /// Plan.
        plan: Name,
        /// What it is.
        name: String,
        /// Charge.
        amount: Cents,
    },
    /// A later payer's coordination of benefits.
    Coordination {
        /// Plan.
        plan: Name,
        /// Method.
        method: CobMethod,
        /// What it would pay as primary.
        normal_benefit: Cents,
        /// Paid by the earlier payers.
        paid_before: Cents,
        /// Patient balance before this payer.
        balance: Cents,
        /// What it pays.
        pays: Cents,
    },
    /// Coverage ended or patient has no insurance on this line.
    NoInsurance,
    /// Pre-authorization required.
    Preauthorization {
        /// Plan.
        plan: Name,
    },
    /// What the patient owes.
    PatientOwes {
        /// Amount.
        amount: Cents,
    },
    /// A fixed-benefit PPO's benefit for the code, within the contracted fee.
    FixedBenefit {
        /// Plan.
        plan: Name,
        /// The fixed benefit (capped at the contracted fee).
        amount: Cents,
        /// The contracted (allowed) fee the patient owes the rest of.
        contracted: Cents,
        /// The code has no fixed benefit: the plan pays nothing for it.
        not_listed: bool,
        /// The listed benefit was above the contracted fee and was cut to it.
        capped: bool,
    },
    /// A percentage plan's per-code patient copay, taken off the benefit basis
    /// before the deductible and the percentage.
    PlanCopay {
        /// Plan.
        plan: Name,
        /// The copay taken (never above the basis).
        copay: Cents,
        /// The basis left for the deductible and the percentage.
        basis: Cents,
    },
    /// A denied line billed by the plan's setting for its denial reason.
    DeniedBilledAt {
        /// Plan.
        plan: Name,
        /// The denial reason.
        reason: Flag,
        /// The fee the setting bills it at.
        billed_at: DeniedBilling,
        /// What the office may collect for it in all.
        amount: Cents,
    },
    /// A code's own waiting period replaced its class's, so the line is covered.
    WaitingPeriodReplaced {
        /// Plan.
        plan: Name,
        /// The code.
        code: CdtCode,
        /// Months of the code's own period.
        months: u32,
        /// The class whose period it replaced.
        class: ProcedureClass,
        /// Months of the class's period.
        class_months: u32,
        /// The day the class's period would have ended.
        class_covered_from: NaiveDate,
    },
    /// The plan does not write off on a downgraded line.
    NoWriteOffOnDowngrade {
        /// Plan.
        plan: Name,
        /// The office fee the office may then collect.
        fee: Cents,
    },
    /// The cheaper code of a downgrade is not on the plan's schedule, and the plan
    /// then prices the line at the performed code's allowed fee: no downgrade.
    SubstituteAtBilledFee {
        /// Plan.
        plan: Name,
        /// Rule name.
        rule: String,
        /// Performed code.
        from: CdtCode,
        /// The cheaper code.
        to: CdtCode,
        /// The performed code's allowed fee used.
        allowed: Cents,
    },
    /// A later in-network payer lets the office collect up to the higher of the
    /// two contracted fees (NAIC model rule).
    HigherContractedFee {
        /// The later plan.
        plan: Name,
        /// The plan whose contract set the limit before.
        earlier_plan: Name,
        /// That limit.
        earlier_fee: Cents,
        /// This plan's contracted fee, the new limit.
        own_fee: Cents,
    },
    /// A later in-network payer pays at most its own contracted fee less what the
    /// earlier plans paid.
    OwnContractCap {
        /// Plan.
        plan: Name,
        /// Its contracted (allowed) fee.
        allowed: Cents,
        /// Paid by the earlier payers.
        paid_before: Cents,
        /// Its payment before the cap.
        before: Cents,
        /// Its payment after.
        after: Cents,
    },
    /// A separate deductible (for some classes, code groups or codes) taken
    /// instead of the general one (issue 16 item 2).
    SeparateDeductible {
        /// Plan.
        plan: Name,
        /// The deductible's name: "Major-services deductible".
        name: String,
        /// Its amount per person.
        individual: Cents,
        /// Amount taken from this line.
        amount: Cents,
        /// Left of it afterwards.
        remaining: Cents,
    },
    /// The line is limited by a maximum of its own instead of the annual one.
    OutsideAnnual {
        /// Plan.
        plan: Name,
        /// The maximum's name: "Implant maximum".
        maximum: String,
        /// Left of it before this line.
        left: Cents,
    },
    /// The annual maximum ran out and the rollover bank paid the rest.
    RolloverDrawn {
        /// Plan.
        plan: Name,
        /// Taken from the bank for this line.
        drawn: Cents,
        /// Left in the bank afterwards.
        left: Cents,
    },
    /// The missing-tooth clause, decided by an extraction in the history.
    MissingToothExtracted {
        /// Plan.
        plan: Name,
        /// The tooth.
        tooth: Tooth,
        /// The extraction's code.
        code: CdtCode,
        /// When it was extracted.
        date: NaiveDate,
        /// Coverage effective date.
        effective: NaiveDate,
    },
    /// A coding check says carriers deny this line whatever the plan (BU11).
    CodingDenial {
        /// The check's rule id.
        rule: String,
        /// Its reason, in plain words.
        reason: String,
    },
    /// A figure entered by staff replaced the computed one.
    EnteredByStaff {
        /// The plan it belongs to; None for the line's write-off.
        plan: Option<Name>,
        /// Which figure.
        figure: StaffFigure,
        /// What staff entered.
        value: StaffValue,
        /// The computed value it replaced.
        replaced: StaffValue,
    },
    /// The fee schedule a line's provider priced it with, and why.
    ProviderSchedule {
        /// The provider's name.
        provider: String,
        /// Where the provider was taken from.
        from: ProviderFrom,
        /// None: the office fee; the plan's name: its contracted (allowed) fees.
        plan: Option<Name>,
        /// The schedule used.
        schedule: Name,
        /// Why that schedule.
        why: ScheduleWhy,
    },
}
