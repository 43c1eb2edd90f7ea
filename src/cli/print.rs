//! `ferrule print`: the patient estimate as a PDF, with the practice's details
//! from its settings file, written atomically to the output path, which may not
//! be the treatment plan itself nor, without `--force`, a file that is not a PDF.

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

/// Refuses an output that would destroy something: the treatment plan being
/// printed (never, even with `--force`), or an existing file that is not a PDF
/// (unless `force`). A PDF is replaced: printing again is the usual case.
fn check_output(file: &Path, output: &Path, force: bool) -> Result<(), Failure> {
    if library::same_file(file, output) {
        return Err(Failure(format!(
            "{} is the treatment plan being printed: expected another file name for the PDF, such as {}",
            output.display(),
            file.with_extension("pdf").display()
        )));
    }
    if force {
        return Ok(());
    }
    let start = library::file_start(output, 5)
        .map_err(|e| Failure(format!("cannot write {}: {e}", output.display())))?;
    match start {
        Some(bytes) if bytes != b"%PDF-" => Err(Failure(format!(
            "{} exists and is not a PDF: expected a new file or a PDF to replace (add --force to replace it anyway)",
            output.display()
        ))),
        _ => Ok(()),
    }
}

/// Writes the PDF to `output.0` (`output.1`: `--force`), with the practice
/// settings at `practice_path`.
pub fn run(
    lib: &Library,
    practice_path: Option<&Path>,
    file: &Path,
    option: Option<&str>,
    as_of: NaiveDate,
    (output, force): (&Path, bool),
    paper_size: Paper,
) -> Result<ExitCode, Failure> {
    check_output(file, output, force)?;
    let checked = match super::load_checked(lib, file, as_of, super::Format::Table)? {
        Ok(checked) => checked,
        Err(blocked) => return Ok(blocked),
    };
    let doc = checked.doc;
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
