//! `ferrule print`: the patient estimate as a PDF, with the practice's details
//! from its settings file, written atomically to the output path, which may not
//! be the treatment plan itself nor, without `--force`, a file that is not a PDF.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{Failure, Paper};
use crate::engine::{self, EstimateInput};
use crate::export::{self, HandoutPrintout, Logo, Printout};
use crate::library::{self, practice, printer};
use crate::model::{Language, Library, PracticeSettings, TreatmentPlan};
use crate::report::PrintedEstimate;
use crate::report::printed::{Handout, HandoutSources};

/// The export module's paper for the command line's.
pub(super) fn paper(p: Paper) -> export::Paper {
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
pub(super) fn check_output(file: &Path, output: &Path, force: bool) -> Result<(), Failure> {
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

/// What `ferrule print` was asked to do.
pub struct Job<'a> {
    /// The treatment plan.
    pub file: &'a Path,
    /// `--option`.
    pub option: Option<&'a str>,
    /// `--options all`: the handout.
    pub all_options: bool,
    /// The day it is prepared.
    pub as_of: NaiveDate,
    /// `-o` and `--force`.
    pub output: Option<(&'a Path, bool)>,
    /// `--printer` and `--copies`.
    pub printer: Option<(&'a str, u32)>,
    /// `--paper`.
    pub paper: Paper,
    /// `--language`; None: the patient's (else English).
    pub language: Option<Language>,
}

/// Makes the PDF (one option's estimate, or the options handout with
/// `--options all`), writes it to `-o` and/or sends it to `--printer`.
pub fn run(
    lib: &Library,
    practice_path: Option<&Path>,
    job: &Job<'_>,
) -> Result<ExitCode, Failure> {
    if let Some((output, force)) = job.output {
        check_output(job.file, output, force)?;
    }
    let file = job.file;
    let checked = match super::load_checked(lib, file, job.as_of, super::Format::Table)? {
        Ok(checked) => checked,
        Err(blocked) => return Ok(blocked),
    };
    let doc = checked.doc;
    let settings = practice_settings(practice_path);
    let language = job.language.or(doc.patient.language).unwrap_or_default();
    let bytes = if job.all_options {
        handout(lib, &doc, (&settings, language), job)?
    } else {
        let input = EstimateInput::from_document(lib, &doc, job.option, job.as_of)
            .map_err(|e| Failure(format!("{}: {e}", file.display())))?;
        let estimate = engine::estimate(&input);
        let printed = PrintedEstimate::new_in(
            &settings,
            &doc,
            lib,
            input.option,
            &estimate,
            job.as_of,
            language,
        );
        let printout = Printout::new(printed, logo(&settings));
        export::estimate_pdf(&printout, paper(job.paper))
            .map_err(|e| Failure(format!("cannot make the PDF: {e}")))?
    };
    if let Some((output, _)) = job.output {
        library::write_atomic(output, &bytes)
            .map_err(|e| Failure(format!("cannot write {}: {e}", output.display())))?;
    }
    if let Some((name, copies)) = job.printer {
        let media = match job.paper {
            Paper::Letter => printer::Media::Letter,
            Paper::A4 => printer::Media::A4,
        };
        let said = printer::send(&bytes, name, copies, media)
            .map_err(|e| Failure(format!("cannot print on {name}: {e}")))?;
        eprintln!("ferrule: sent to {name}: {said}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The options handout as PDF bytes: every option under the
/// patient's own coverage, priced on its own, with the advisor's suggestion.
fn handout(
    lib: &Library,
    doc: &TreatmentPlan,
    (settings, language): (&PracticeSettings, Language),
    job: &Job<'_>,
) -> Result<Vec<u8>, Failure> {
    let fail = |e: engine::EstimateError| Failure(format!("{}: {e}", job.file.display()));
    let scenarios = engine::scenarios_for(doc, &[], &[], job.as_of).map_err(fail)?;
    let comparison = engine::compare(lib, doc, &scenarios, job.as_of).map_err(fail)?;
    let advice: Vec<_> = scenarios
        .iter()
        .map(|s| engine::advise(lib, doc, s.option, job.as_of).map_err(fail))
        .collect::<Result<_, _>>()?;
    let handout = Handout::new(&HandoutSources {
        practice: settings,
        plan: doc,
        library: lib,
        comparison: &comparison,
        advice: &advice,
        prepared: job.as_of,
        language,
    })
    .ok_or_else(|| fail(engine::EstimateError::NoOptions))?;
    let printout = HandoutPrintout {
        handout,
        logo: logo(settings),
    };
    export::handout_pdf(&printout, paper(job.paper))
        .map_err(|e| Failure(format!("cannot make the PDF: {e}")))
}
