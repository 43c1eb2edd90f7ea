//! `ferrule check`: every problem in the library (exit 2 when there is one), the
//! plan lint's warnings (exit 2 with `--strict`), or one plan as resolved from
//! its `based_on` chain (`--resolved PLAN-ID`).

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{Failure, out};
use crate::library;
use crate::model::Library;

/// Runs `check` on the loaded library `lib` read from `dir`.
pub fn run(
    dir: &Path,
    lib: &Library,
    resolved: Option<&str>,
    strict: bool,
    today: NaiveDate,
) -> Result<ExitCode, Failure> {
    if let Some(id) = resolved {
        return print_resolved(lib, id);
    }
    let warnings = library::lint_library(lib, today);
    let mut text = String::new();
    for p in &lib.problems {
        text.push_str(&format!("{p}\n"));
    }
    for w in &warnings {
        text.push_str(&format!("{w} (warning)\n"));
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let warned = if warnings.is_empty() {
        String::new()
    } else {
        format!(", {} warning{}", warnings.len(), plural(warnings.len()))
    };
    text.push_str(&format!(
        "{}: {} plans, {} fee schedules, {} codes; {} problem{}{warned}\n",
        dir.display(),
        lib.plans.len(),
        lib.fee_schedules.len(),
        lib.catalogue.codes.len(),
        lib.problems.len(),
        plural(lib.problems.len()),
    ));
    out(&text);
    if lib.problems.is_empty() && (warnings.is_empty() || !strict) {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(2))
    }
}

/// The plan `id` as the engine sees it (its `based_on` chain laid out), as RON.
fn print_resolved(lib: &Library, id: &str) -> Result<ExitCode, Failure> {
    let Some(plan) = lib.plans.get(id) else {
        let problems = if lib.problems.is_empty() {
            String::new()
        } else {
            format!(
                " ({} problems in the library: run ferrule check)",
                lib.problems.len()
            )
        };
        return Err(Failure(format!(
            "no plan \"{id}\" loaded{problems}: expected the id of a plan in plans/"
        )));
    };
    let mut text = match lib.derivations.get(id) {
        Some(d) => format!(
            "// \"{id}\" resolved: based on {}\n",
            d.chain
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", based on ")
        ),
        None => format!("// \"{id}\" is a whole plan (no based_on)\n"),
    };
    text.push_str(&library::to_ron(plan).map_err(|e| Failure(e.to_string()))?);
    text.push('\n');
    out(&text);
    Ok(ExitCode::SUCCESS)
}
