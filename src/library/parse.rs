//! Reading one RON file into a model type, and writing it back.

use std::path::Path;

use ron::extensions::Extensions;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::problem::{self, locate};
use super::text::strip_bom;
use crate::model::derived::{PlanFile, PlanPatch};
use crate::model::treatment_plan::MAX_QUANTITY;
use crate::model::{CodeCatalogue, FeeSchedule, PlanRules, Problem, TreatmentPlan};

/// The file format version this Ferrule reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// RON as Ferrule reads it: `Some(..)` may be left out around optional values.
fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses `text` (from `path`) as a `T`. A byte-order mark at the start is
/// skipped (positions are counted without it, as editors show them).
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Problem> {
    let text = strip_bom(text);
    options().from_str::<T>(text).map_err(|e| {
        problem::from_ron(path, text, &e, |fixed| options().from_str::<T>(fixed).err())
    })
}

/// Writes a value as pretty RON, in the form [`parse`] reads back.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .extensions(Extensions::IMPLICIT_SOME)
        .indentor("    ".to_string());
    options().to_string_pretty(value, pretty)
}

/// A problem when the format version is not the one this Ferrule reads.
pub(super) fn check_format(path: &Path, text: &str, format: u32) -> Result<(), Problem> {
    if format == FORMAT_VERSION {
        Ok(())
    } else {
        Err(Problem::at(
            path,
            locate(text, &["format:"]),
            format!(
                "unsupported format version {format}: expected {FORMAT_VERSION}, the version this Ferrule reads"
            ),
        ))
    }
}

/// Parses a fee schedule file.
pub fn parse_fee_schedule(path: &Path, text: &str) -> Result<FeeSchedule, Problem> {
    let schedule: FeeSchedule = parse(path, text)?;
    check_format(path, text, schedule.format)?;
    Ok(schedule)
}

/// Parses a plan file (checks that need other files happen in `validate`).
pub fn parse_plan(path: &Path, text: &str) -> Result<PlanRules, Problem> {
    let plan: PlanRules = parse(path, text)?;
    check_format(path, text, plan.format)?;
    Ok(plan)
}

/// Parses a plan file that may be derived from another (`based_on`). A file
/// without `based_on` is read exactly as [`parse_plan`] reads it, with its
/// messages; a derived one is read into the partial form, resolved later.
pub fn parse_plan_file(path: &Path, text: &str) -> Result<PlanFile, Problem> {
    match parse::<PlanPatch>(path, text) {
        Ok(patch) if patch.based_on.is_some() => {
            check_format(path, text, patch.format)?;
            Ok(PlanFile::Derived(patch))
        }
        // A whole plan, or a file neither form reads: the whole plan's reading
        // gives the messages people know ("missing field `coverage`").
        Ok(_) => parse_plan(path, text).map(PlanFile::Full),
        Err(derived_problem) => match parse_plan(path, text) {
            Ok(plan) => Ok(PlanFile::Full(plan)),
            Err(_) if mentions_based_on(text) => Err(derived_problem),
            Err(problem) => Err(problem),
        },
    }
}

/// True when `text` has `based_on` outside a comment.
fn mentions_based_on(text: &str) -> bool {
    text.lines().any(|line| {
        line.split("//")
            .next()
            .is_some_and(|code| code.contains("based_on"))
    })
}

/// A problem at the first line whose quantity is above [`MAX_QUANTITY`].
fn check_quantities(path: &Path, text: &str, plan: &TreatmentPlan) -> Result<(), Problem> {
    let lines = plan
        .options
        .iter()
        .flat_map(|o| &o.visits)
        .flat_map(|v| &v.lines);
    match lines.map(|l| l.quantity).find(|q| *q > MAX_QUANTITY) {
        None => Ok(()),
        Some(quantity) => Err(Problem::at(
            path,
            locate(text, &["quantity", &quantity.to_string()]),
            format!("quantity {quantity} is too large: at most {MAX_QUANTITY} units are accepted"),
        )),
    }
}

/// Parses a treatment-plan file.
pub fn parse_treatment_plan(path: &Path, text: &str) -> Result<TreatmentPlan, Problem> {
    let mut plan: TreatmentPlan = parse(path, text)?;
    check_format(path, text, plan.format)?;
    check_quantities(path, text, &plan)?;
    // Files written before ids existed get them now; saving writes them out.
    plan.assign_ids();
    Ok(plan)
}

/// Parses the code catalogue.
pub fn parse_catalogue(path: &Path, text: &str) -> Result<CodeCatalogue, Problem> {
    let mut catalogue: CodeCatalogue = parse(path, text)?;
    check_format(path, text, catalogue.format)?;
    catalogue.sort();
    Ok(catalogue)
}
