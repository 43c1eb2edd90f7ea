//! Everything the engine needs, borrowed: the catalogue, the office fees, the
//! patient, the payers in order, one treatment option and the as-of date.

use chrono::NaiveDate;

use super::providers::Providers;
use super::step::Name;
use crate::model::coding::CodingCheck;
use crate::model::treatment_plan::OptionChoiceError;
use crate::model::{
    CodeCatalogue, Coverage, FeeSchedule, Library, OptionId, Patient, PlanRules, TreatmentOption,
    TreatmentPlan,
};

/// One payer: the plan, the fee schedule its network names, and the patient's
/// coverage record under it.
#[derive(Clone, Debug)]
pub struct Payer<'a> {
    /// The plan's rules.
    pub plan: &'a PlanRules,
    /// Its contracted / allowance / scheduled / copay schedule.
    pub schedule: &'a FeeSchedule,
    /// The patient's coverage: dates and what is used this benefit year.
    pub coverage: &'a Coverage,
    /// A fixed-benefit PPO's `Scheduled` schedule (the plan's `fixed_benefits`).
    pub fixed_benefits: Option<&'a FeeSchedule>,
    /// A percentage plan's per-code patient copays (the plan's `copays`).
    pub copays: Option<&'a FeeSchedule>,
    /// Its names, made once for all the steps that carry them.
    pub names: PayerNames,
}

/// A payer's names as the explanation steps carry them: made once per payer and
/// shared, since nearly every step of every line names its plan.
#[derive(Clone, Debug)]
pub struct PayerNames {
    /// The plan's display name.
    pub plan: Name,
    /// The plan's id (a payer's share names its plan by id).
    pub id: Name,
    /// The name of the fee schedule its network names.
    pub schedule: Name,
}

impl PayerNames {
    /// The names of `plan` priced with `schedule`.
    pub fn of(plan: &PlanRules, schedule: &FeeSchedule) -> PayerNames {
        PayerNames {
            plan: plan.name.as_str().into(),
            id: plan.id.as_str().into(),
            schedule: schedule.name.as_str().into(),
        }
    }
}

/// The inputs of one estimate.
#[derive(Clone, Debug)]
pub struct EstimateInput<'a> {
    /// Code names and classes.
    pub catalogue: &'a CodeCatalogue,
    /// The practice's fees.
    pub office_fees: &'a FeeSchedule,
    /// The patient (birth date, missing teeth, history).
    pub patient: &'a Patient,
    /// Payers in order, primary first; empty = no insurance.
    pub payers: Vec<Payer<'a>>,
    /// The option to price.
    pub option: &'a TreatmentOption,
    /// The day the estimate is made: "benefits used" on file apply to the benefit
    /// year containing it.
    pub as_of: NaiveDate,
    /// The library's coding checks: a line one says "will be denied" is denied.
    pub coding: &'a [CodingCheck],
    /// The practice's providers (the library's, from the practice settings);
    /// empty: every line at the practice's and the plans' schedules.
    pub providers: Providers<'a>,
}

/// Why an estimate cannot be set up.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EstimateError {
    /// A coverage names a plan the library does not have.
    #[error("plan \"{0}\" is not in the library")]
    UnknownPlan(String),
    /// A plan names a fee schedule the library does not have.
    #[error("fee schedule \"{0}\" is not in the library")]
    UnknownSchedule(String),
    /// No office fee schedule.
    #[error("the library has no office fee schedule{}", .0.as_ref().map(|id| format!(" \"{id}\"")).unwrap_or_default())]
    NoOfficeFees(Option<String>),
    /// The option asked for by name or id cannot be picked.
    #[error(transparent)]
    Option(#[from] OptionChoiceError),
    /// No option has this id.
    #[error("treatment option {0} does not exist")]
    NoSuchOption(OptionId),
    /// The plan has no options.
    #[error("the treatment plan has no options")]
    NoOptions,
}

impl<'a> EstimateInput<'a> {
    /// Sets up the inputs for `option` (by name when one option has it, else by id;
    /// None = the first) of `plan`, with the plan's own coverage list.
    pub fn from_document(
        library: &'a Library,
        plan: &'a TreatmentPlan,
        option: Option<&str>,
        as_of: NaiveDate,
    ) -> Result<EstimateInput<'a>, EstimateError> {
        let option = match option {
            Some(wanted) => plan.choose_option(wanted)?,
            None => plan.options.first().ok_or(EstimateError::NoOptions)?,
        };
        EstimateInput::for_option(library, plan, option, &plan.coverage, as_of)
    }

    /// Sets up the inputs for `option` of `plan` under `coverage` (the patient's own
    /// list, or another payer setup when comparing).
    pub fn for_option(
        library: &'a Library,
        plan: &'a TreatmentPlan,
        option: &'a TreatmentOption,
        coverage: &'a [Coverage],
        as_of: NaiveDate,
    ) -> Result<EstimateInput<'a>, EstimateError> {
        let payers = payers_for(library, coverage)?;
        let office_fees = library
            .office_schedule(plan.office_fee_schedule.as_deref())
            .ok_or_else(|| EstimateError::NoOfficeFees(plan.office_fee_schedule.clone()))?;
        Ok(EstimateInput {
            catalogue: &library.catalogue,
            office_fees,
            patient: &plan.patient,
            payers,
            option,
            as_of,
            coding: &library.coding.checks,
            providers: Providers {
                list: &library.providers.list,
                schedules: Some(&library.fee_schedules),
                plan_default: plan.provider.as_deref(),
                practice_default: library.providers.default.as_deref(),
            },
        })
    }
}

/// Looks up each coverage's plan and fee schedule in the library.
pub fn payers_for<'a>(
    library: &'a Library,
    coverage: &'a [Coverage],
) -> Result<Vec<Payer<'a>>, EstimateError> {
    coverage
        .iter()
        .map(|c| {
            let plan = library
                .plans
                .get(&c.plan)
                .ok_or_else(|| EstimateError::UnknownPlan(c.plan.clone()))?;
            let optional = |id: &Option<String>| id.as_deref().map(|id| schedule(library, id));
            let schedule = schedule(library, plan.network.schedule_id())?;
            Ok(Payer {
                plan,
                schedule,
                names: PayerNames::of(plan, schedule),
                coverage: c,
                fixed_benefits: optional(&plan.fixed_benefits).transpose()?,
                copays: optional(&plan.copays).transpose()?,
            })
        })
        .collect()
}

/// The library's fee schedule `id`.
fn schedule<'a>(library: &'a Library, id: &str) -> Result<&'a FeeSchedule, EstimateError> {
    library
        .fee_schedules
        .get(id)
        .ok_or_else(|| EstimateError::UnknownSchedule(id.to_string()))
}
