//! `ferrule compare`: options x plans side by side.
//!
//! No `--plan`: each chosen option under the patient's own coverage; with
//! `--plan`: each chosen option under each named plan alone; no `--option`: every
//! option. With one option under the patient's own coverage, the benefit-year
//! advisor's suggestion is printed too (and put in the JSON as `advice`).

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{Failure, Format, out};
use crate::engine::{self, EstimateError};
use crate::model::Library;
use crate::report::{self, ComparisonTable, comparison::advice_sentence};

/// Prints the comparison.
pub fn run(
    lib: &Library,
    file: &Path,
    options: &[String],
    plans: &[String],
    as_of: NaiveDate,
    format: Format,
) -> Result<ExitCode, Failure> {
    let checked = match super::load_checked(lib, file, as_of, format)? {
        Ok(checked) => checked,
        Err(blocked) => return Ok(blocked),
    };
    let doc = &checked.doc;
    let fail = |e: EstimateError| Failure(format!("{}: {e}", file.display()));
    let scenarios = engine::scenarios_for(doc, options, plans, as_of).map_err(fail)?;
    if scenarios.is_empty() {
        return Err(fail(EstimateError::NoOptions));
    }
    let comparison = engine::compare(lib, doc, &scenarios, as_of).map_err(fail)?;
    let single_option = match scenarios.as_slice() {
        [only] if plans.is_empty() => Some(only),
        _ => None,
    };
    let advice = match single_option {
        Some(only) => engine::advise(lib, doc, only.option, as_of)
            .map_err(fail)?
            .map(|a| (only.option_name.as_str(), a)),
        None => None,
    };
    let table = ComparisonTable::new(&comparison, doc, &super::names(lib));
    match format {
        Format::Json => {
            let mut json = report::json::comparison(&table, advice.as_ref().map(|(n, a)| (*n, a)));
            json.problems = checked.warnings_json();
            let text = serde_json::to_string_pretty(&json).map_err(|e| Failure(e.to_string()))?;
            out(&format!("{text}\n"));
        }
        Format::Table => {
            let title = report::text::comparison_title(&doc.patient.name, as_of);
            out(&report::text::comparison(&title, &table));
            if let Some((name, a)) = &advice {
                out(&report::text::suggestion(&advice_sentence(name, a)));
            }
            out(&report::text::document_problems(&checked.warnings));
        }
    }
    Ok(ExitCode::SUCCESS)
}
