//! Plan rules: what one dental plan covers and how it limits it.
//!
//! This is both the in-memory model and the on-disk shape of a `plans/*.ron` file
//! (see docs/formats.md). Field types validate themselves while parsing (codes,
//! teeth, money, percentages); rules that need the whole library (a fee schedule
//! that must exist, contradictions between rules) are checked by the library loader.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::benefit_rows::{Rollover, SeparateDeductible};
pub use super::bundling::{BundlingKind, BundlingRule, Liability, Proximity, ToothMatch};
use super::code::{CdtCode, CodeSet, GroupRef, ProcedureClass};
pub use super::plan_settings::{
    DateOfServiceBasis, DeniedBilling, DeniedBillingByReason, InNetworkCobLimit, PlanSettings,
    UnlistedSubstitute,
};
use super::tooth::Tooth;
use crate::money::{Cents, Percent, Rounding};

/// One plan's rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRules {
    /// File format version (1).
    pub format: u32,
    /// Stable id that treatment plans refer to, e.g. "summit-ppo-1500".
    pub id: String,
    /// Name staff recognise: "Summit Dental PPO 1500".
    pub name: String,
    /// The (fictional) carrier.
    pub carrier: String,
    /// Plan type and the fee schedule that sets its allowed amounts.
    pub network: Network,
    /// When deductibles, maximums and per-year limits reset.
    #[serde(default)]
    pub benefit_year: BenefitYear,
    /// How the one rounding step breaks ties.
    #[serde(default)]
    pub rounding: Rounding,
    /// Deductible amounts and which classes skip them.
    #[serde(default)]
    pub deductible: Deductible,
    /// Annual, family and class maximums.
    #[serde(default)]
    pub maximum: Maximum,
    /// Coverage percentage by class; a class not listed is not covered.
    #[serde(deserialize_with = "super::unique_map::unique_map")]
    pub coverage: BTreeMap<ProcedureClass, Percent>,
    /// Coverage percentage for single codes; a code entry beats its class.
    #[serde(default, deserialize_with = "super::unique_map::unique_map")]
    pub code_coverage: BTreeMap<CdtCode, Percent>,
    /// Frequency limits.
    #[serde(default)]
    pub frequency_limits: Vec<FrequencyLimit>,
    /// Age limits.
    #[serde(default)]
    pub age_limits: Vec<AgeLimit>,
    /// Waiting periods from the coverage effective date.
    #[serde(default)]
    pub waiting_periods: Vec<WaitingPeriod>,
    /// Replacement of teeth missing before coverage began.
    #[serde(default)]
    pub missing_tooth_clause: Option<MissingToothClause>,
    /// Services the plan never pays for.
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
    /// Codes the carrier wants to review before treatment.
    #[serde(default)]
    pub preauthorization: CodeSet,
    /// Downgrades: pay a performed code as a cheaper one.
    #[serde(default)]
    pub alternate_benefits: Vec<AlternateBenefit>,
    /// Bundling, inclusive and mutually exclusive rules.
    #[serde(default)]
    pub bundling: Vec<BundlingRule>,
    /// How this plan pays when it is secondary.
    #[serde(default)]
    pub cob: CobMethod,
    /// Extra patient charges on a DHMO (e.g. porcelain on molars).
    #[serde(default)]
    pub dhmo_upgrades: Vec<DhmoUpgrade>,
    /// Smaller switches (date of service basis, billing of denied lines, ...).
    #[serde(default)]
    pub settings: PlanSettings,
    /// The date the plan (or the employer group's contract) began, when known.
    /// Only the plan lint reads it: a waiting period longer than the plan has
    /// existed means no member can have served it yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force_since: Option<NaiveDate>,
    /// Free text for people (what the plan is, where its rules came from); never
    /// read by the engine. Kept when a program rewrites the file, unlike comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Fixed-benefit PPO: id of a `Scheduled` fee schedule the plan pays from, while
    /// the network's contracted fees still cap what the office may collect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_benefits: Option<String>,
    /// Id of a `Copay` fee schedule: a percentage plan's per-code patient copay,
    /// taken off the benefit basis before the deductible and the percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copays: Option<String>,
    /// Coverage percentage for the library's code groups: beats the class, not a code entry.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[serde(deserialize_with = "super::unique_map::unique_map")]
    pub group_coverage: BTreeMap<GroupRef, Percent>,
}

/// The plan type and where its allowed amounts come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Network {
    /// PPO, office in network: allowed = contracted fee; the difference is written off.
    InNetwork {
        /// Id of a `Contracted` fee schedule.
        contracted: String,
    },
    /// PPO, office out of network: allowed from the plan's allowance schedule; the
    /// patient may be billed the balance.
    OutOfNetwork {
        /// Id of an `Allowance` fee schedule.
        allowed: String,
    },
    /// Indemnity (percent of reasonable and customary): like out of network.
    Indemnity {
        /// Id of an `Allowance` fee schedule.
        allowed: String,
    },
    /// Pays a fixed dollar amount per code.
    ScheduledAllowance {
        /// Id of a `Scheduled` fee schedule.
        schedule: String,
    },
    /// Dental HMO: the patient pays the listed copay; the rest is written off.
    Dhmo {
        /// Id of a `Copay` fee schedule.
        copays: String,
    },
}

impl Network {
    /// The fee schedule id this network refers to.
    pub fn schedule_id(&self) -> &str {
        match self {
            Network::InNetwork { contracted } => contracted,
            Network::OutOfNetwork { allowed } | Network::Indemnity { allowed } => allowed,
            Network::ScheduledAllowance { schedule } => schedule,
            Network::Dhmo { copays } => copays,
        }
    }

    /// True when the office has a contract with the plan (writes off above allowed).
    pub fn is_contracted(&self) -> bool {
        matches!(self, Network::InNetwork { .. } | Network::Dhmo { .. })
    }

    /// A short label: "in-network PPO".
    pub fn label(&self) -> &'static str {
        match self {
            Network::InNetwork { .. } => "in-network PPO",
            Network::OutOfNetwork { .. } => "out-of-network PPO",
            Network::Indemnity { .. } => "indemnity",
            Network::ScheduledAllowance { .. } => "scheduled allowance",
            Network::Dhmo { .. } => "dental HMO",
        }
    }
}

/// When the benefit year starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BenefitYear {
    /// January 1 to December 31.
    #[default]
    Calendar,
    /// A plan year starting on the 1st of `start_month` (1-12).
    PlanYear {
        /// The month the year starts in.
        start_month: u32,
    },
}

impl BenefitYear {
    /// The month (1-12) the benefit year starts in.
    pub fn start_month(self) -> u32 {
        match self {
            BenefitYear::Calendar => 1,
            BenefitYear::PlanYear { start_month } => start_month,
        }
    }
}

/// The deductible.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deductible {
    /// Per person.
    #[serde(default)]
    pub individual: Cents,
    /// Family cap, if any.
    #[serde(default)]
    pub family: Option<Cents>,
    /// How the family cap is reached.
    #[serde(default)]
    pub family_model: FamilyDeductibleModel,
    /// Classes the deductible does not apply to.
    #[serde(default = "default_waived_classes")]
    pub waived_classes: Vec<ProcedureClass>,
    /// Per benefit year (usual) or once per lifetime.
    #[serde(default)]
    pub period: DeductiblePeriod,
    /// Subtract before the percentage (usual) or after it.
    #[serde(default)]
    pub placement: DeductiblePlacement,
    /// Deductibles of their own for some classes, code groups or codes (see `benefit_rows`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub separate: Vec<SeparateDeductible>,
}

fn default_waived_classes() -> Vec<ProcedureClass> {
    vec![ProcedureClass::Diagnostic, ProcedureClass::Preventive]
}

impl Default for Deductible {
    fn default() -> Deductible {
        Deductible {
            individual: Cents::ZERO,
            family: None,
            family_model: FamilyDeductibleModel::default(),
            waived_classes: default_waived_classes(),
            period: DeductiblePeriod::default(),
            placement: DeductiblePlacement::default(),
            separate: Vec::new(),
        }
    }
}

/// How a family deductible is met (dental-benefits.md §2.1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FamilyDeductibleModel {
    /// Met once the family's deductible dollars reach the family amount.
    #[default]
    AggregateDollars,
    /// Met once this many members have each met their own deductible.
    MemberCount(u32),
}

/// How often the deductible applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeductiblePeriod {
    /// Every benefit year.
    #[default]
    BenefitYear,
    /// Once for as long as the coverage lasts.
    Lifetime,
}

/// Where the deductible sits relative to the coverage percentage (§1.3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeductiblePlacement {
    /// (allowed - deductible) x %: how carriers adjudicate.
    #[default]
    BeforeCoinsurance,
    /// allowed x % - deductible: a compatibility option some software offers.
    AfterCoinsurance,
}

/// Maximums.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Maximum {
    /// Per person per benefit year; None = no annual maximum.
    #[serde(default)]
    pub annual: Option<Cents>,
    /// Per family per benefit year.
    #[serde(default)]
    pub family_annual: Option<Cents>,
    /// Classes that neither count toward nor are limited by the annual maximum.
    #[serde(default = "default_exempt_classes")]
    pub exempt_classes: Vec<ProcedureClass>,
    /// Separate maximums for some classes (ortho lifetime, implants per year, ...).
    #[serde(default)]
    pub class_maximums: Vec<ClassMaximum>,
    /// Unused annual maximum banked into later years (dental-benefits.md §2.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollover: Option<Rollover>,
}

fn default_exempt_classes() -> Vec<ProcedureClass> {
    vec![ProcedureClass::Orthodontics]
}

impl Default for Maximum {
    fn default() -> Maximum {
        Maximum {
            annual: None,
            family_annual: None,
            exempt_classes: default_exempt_classes(),
            class_maximums: Vec::new(),
            rollover: None,
        }
    }
}

/// A maximum of its own for some classes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassMaximum {
    /// Key used by `class_maximum_used` in a treatment plan's coverage ("ortho").
    pub id: String,
    /// A name for people: "Orthodontic lifetime maximum".
    pub name: String,
    /// The classes it limits.
    pub classes: Vec<ProcedureClass>,
    /// The cap.
    pub amount: Cents,
    /// Per benefit year or lifetime.
    pub period: DeductiblePeriod,
    /// Codes and `@groups` it limits, besides `classes` (see `benefit_rows`).
    #[serde(default, skip_serializing_if = "CodeSet::is_empty")]
    pub codes: CodeSet,
    /// Its lines neither count toward nor are limited by the annual and family maximums.
    #[serde(default, skip_serializing_if = "is_false")]
    pub outside_annual: bool,
    /// A cap for the whole family as well (family orthodontic lifetime maximum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_amount: Option<Cents>,
}

/// "N services per window" for a group of codes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrequencyLimit {
    /// Name for people: "Exams".
    pub name: String,
    /// The codes that share the limit.
    pub codes: CodeSet,
    /// How many are allowed in the window.
    pub count: u32,
    /// The look-back.
    pub window: FrequencyWindow,
    /// What is counted separately.
    pub scope: FrequencyScope,
    /// The group counts services paid at different rates on purpose (cleanings and
    /// periodontal maintenance sharing one pool): silences the lint that warns
    /// about a group mixing classes with different coverage.
    #[serde(default, skip_serializing_if = "is_false")]
    pub shared_pool: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// The look-back of a frequency limit (dental-benefits.md §5.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FrequencyWindow {
    /// Per benefit year.
    BenefitYear,
    /// In the last `months` months, rolling.
    RollingMonths {
        /// Months looked back.
        months: u32,
        /// Whether a service exactly `months` months before still counts.
        boundary_counts: bool,
    },
    /// One per N months, to the day.
    MonthsToTheDay(u32),
    /// One per N months, to the month.
    MonthsToTheMonth(u32),
    /// One per N days.
    Days(u32),
    /// One per N years, to the day.
    Years(u32),
    /// Ever.
    Lifetime,
}

/// What a frequency limit counts separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FrequencyScope {
    /// The whole patient.
    Patient,
    /// Each tooth.
    Tooth,
    /// Each surface of each tooth.
    ToothSurface,
    /// Each quadrant.
    Quadrant,
    /// Each arch.
    Arch,
}

/// Covered only within an age range (by age on the date of service).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeLimit {
    /// Codes the limit applies to.
    #[serde(default)]
    pub codes: CodeSet,
    /// Classes the limit applies to.
    #[serde(default)]
    pub classes: Vec<ProcedureClass>,
    /// Covered through this age, inclusive ("through age 18": not on the 19th birthday).
    #[serde(default)]
    pub through_age: Option<u32>,
    /// Covered from this age on.
    #[serde(default)]
    pub from_age: Option<u32>,
}

/// Not covered until `months` after the coverage effective date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaitingPeriod {
    /// Classes that wait.
    #[serde(default)]
    pub classes: Vec<ProcedureClass>,
    /// Codes that wait.
    #[serde(default)]
    pub codes: CodeSet,
    /// Calendar months from the effective date.
    pub months: u32,
}

/// The missing-tooth clause (dental-benefits.md §2.8).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingToothClause {
    /// Codes that replace teeth (bridges, implants, partials, dentures).
    pub codes: CodeSet,
    /// Deny the whole prosthesis, or only the unit replacing the tooth.
    pub denies: MissingToothDenial,
}

/// What the missing-tooth clause denies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MissingToothDenial {
    /// Every unit of the prosthesis (the bridge's retainers too).
    WholeProsthesis,
    /// Only the unit that replaces the tooth (the pontic or implant).
    ReplacingUnitOnly,
}

/// Services the plan does not pay for at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// Excluded codes.
    #[serde(default)]
    pub codes: CodeSet,
    /// Excluded classes.
    #[serde(default)]
    pub classes: Vec<ProcedureClass>,
    /// The plan's reason in plain words ("Full-cast crowns are not a benefit").
    pub reason: String,
}

/// A downgrade: the plan pays some codes as cheaper ones on some teeth.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlternateBenefit {
    /// Name for people: "Posterior composites paid as amalgam".
    pub name: String,
    /// Performed code -> the code it is paid as.
    #[serde(deserialize_with = "super::unique_map::unique_map")]
    pub paid_as: BTreeMap<CdtCode, CdtCode>,
    /// The teeth it applies to.
    #[serde(default)]
    pub teeth: ToothCondition,
}

/// Which teeth a rule applies to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToothCondition {
    /// Every tooth (and lines without a tooth).
    #[default]
    Any,
    /// Premolars and molars.
    Posterior,
    /// Molars.
    Molar,
    /// Second molars (and third molars).
    SecondMolar,
    /// These teeth.
    Teeth(Vec<Tooth>),
}

impl ToothCondition {
    /// True when a line on `tooth` meets the condition.
    pub fn matches(&self, tooth: Option<Tooth>) -> bool {
        match (self, tooth) {
            (ToothCondition::Any, _) => true,
            (_, None) => false,
            (ToothCondition::Posterior, Some(t)) => t.is_posterior(),
            (ToothCondition::Molar, Some(t)) => t.is_molar(),
            (ToothCondition::SecondMolar, Some(t)) => t.is_second_molar() || t.is_third_molar(),
            (ToothCondition::Teeth(list), Some(t)) => list.contains(&t),
        }
    }

    /// Words for explanations: "on back teeth".
    pub fn label(&self) -> String {
        match self {
            ToothCondition::Any => "on any tooth".into(),
            ToothCondition::Posterior => "on back teeth".into(),
            ToothCondition::Molar => "on molars".into(),
            ToothCondition::SecondMolar => "on second and third molars".into(),
            ToothCondition::Teeth(list) => {
                let names: Vec<String> = list.iter().map(|t| format!("#{t}")).collect();
                format!("on {}", names.join(", "))
            }
        }
    }
}

/// How a plan pays as secondary (dental-benefits.md §8.2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CobMethod {
    /// Pays its normal benefit, up to what the patient still owes.
    #[default]
    Standard,
    /// Pays its normal benefit minus what the primary paid.
    NonDuplication,
    /// Computed like non-duplication.
    CarveOut,
    /// Keeps the patient's own cost share under this plan.
    MaintenanceOfBenefits,
    /// Pays up to its allowed fee minus what the primary paid.
    Basic,
    /// Medicaid as secondary: pays to its allowance, the rest is written off.
    Medicaid,
}

/// An extra patient charge on a DHMO plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DhmoUpgrade {
    /// Name for people: "Porcelain on a molar".
    pub name: String,
    /// Codes it applies to.
    pub codes: CodeSet,
    /// Teeth it applies to.
    #[serde(default)]
    pub teeth: ToothCondition,
    /// The extra charge.
    pub charge: Cents,
}
