//! `ferrule print`: the patient estimate as a PDF, with the practice's details
//! from its settings file, written atomically to the output path.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{Failure, Paper};
use crate::engine::{self, EstimateInput};
use crate::export::{self, Logo, Printout};
use crate::library::{self, practice};
use crate::model::{Library, PracticeSettings};
use crate::report::PrintedEstimate;

/// The export module's paper for the command line's.
fn paper(p: Paper) -> export::Paper {
    match p {
        Paper::Letter => export::Paper::Letter,
        Paper::A4 => export::Paper::A4,
    }
}

/// The practice settings from `path` (None: no config folder), with a relative
/// logo path made relative to the settings file's folder; defaults, with a
/// warning on stderr, when the file is broken.
fn practice_settings(path: Option<&Path>) -> PracticeSettings {
    let Some(path) = path else {
        return PracticeSettings::default();
    };
    let settings = practice::load(path).unwrap_or_else(|e| {
        eprintln!("ferrule: warning: {e}; printing with the default practice details");
        PracticeSettings::default()
    });
    settings.with_logo_beside(path)
}

/// The practice logo, when set and readable; a warning on stderr otherwise.
fn logo(settings: &PracticeSettings) -> Option<Logo> {
    let path = settings.logo.as_deref()?;
    let bytes = match practice::read_logo(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("ferrule: warning: {e}; printing without it");
            return None;
        }
    };
    Logo::from_bytes(bytes)
        .map_err(|e| {
            eprintln!(
                "ferrule: warning: {}: {e}; printing without it",
                path.display()
            )
        })
        .ok()
}

/// Writes the PDF, with the practice settings at `practice_path`.
pub fn run(
    lib: &Library,
    practice_path: Option<&Path>,
    file: &Path,
    option: Option<&str>,
    as_of: NaiveDate,
    output: &Path,
    paper_size: Paper,
) -> Result<ExitCode, Failure> {
    let doc = library::load_treatment_plan(file).map_err(|e| Failure(e.to_string()))?;
    let input = EstimateInput::from_document(lib, &doc, option, as_of)
        .map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let estimate = engine::estimate(&input);
    let settings = practice_settings(practice_path);
    let printed = PrintedEstimate::new(&settings, &doc, lib, input.option, &estimate, as_of);
    let printout = Printout::new(printed, logo(&settings));
    let bytes = export::estimate_pdf(&printout, paper(paper_size))
        .map_err(|e| Failure(format!("cannot make the PDF: {e}")))?;
    library::write_atomic(output, &bytes)
        .map_err(|e| Failure(format!("cannot write {}: {e}", output.display())))?;
    Ok(ExitCode::SUCCESS)
}
