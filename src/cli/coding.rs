//! `ferrule checklist` (the office-side documentation checklist of an option, as
//! a PDF or text) and `ferrule narrative` (a line's narrative from the library's
//! templates, with blanks for the clinician).

use std::path::Path;
use std::process::ExitCode;

use super::{Command, Failure, out};
use crate::export;
use crate::library;
use crate::model::{Library, LineId, TreatmentPlan};
use crate::report::coding::{Checklist, narrative};

/// Runs `checklist` or `narrative`.
pub fn run(lib: &Library, command: &Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Checklist {
            file,
            option,
            output,
            paper,
            force,
        } => checklist(
            lib,
            &ChecklistJob {
                file,
                option: option.as_deref(),
                output: output.as_deref().map(|o| (o, *force)),
                paper: super::print::paper(*paper),
            },
        ),
        Command::Narrative { file, line } => narrative_of(lib, file, *line),
        _ => Err(Failure("not a coding command".into())),
    }
}

fn load(file: &Path) -> Result<TreatmentPlan, Failure> {
    library::load_treatment_plan(file).map_err(|e| Failure(e.to_string()))
}

/// What `ferrule checklist` was asked to do.
struct ChecklistJob<'a> {
    /// The treatment plan.
    pub file: &'a Path,
    /// `--option` (default: the first).
    pub option: Option<&'a str>,
    /// `-o` and `--force`; None prints text.
    pub output: Option<(&'a Path, bool)>,
    /// Paper size.
    pub paper: export::Paper,
}

/// The checklist of one option: a PDF page when `-o` is given, else text.
fn checklist(lib: &Library, job: &ChecklistJob<'_>) -> Result<ExitCode, Failure> {
    let plan = load(job.file)?;
    let option = match job.option {
        Some(wanted) => plan
            .choose_option(wanted)
            .map_err(|e| Failure(e.to_string()))?,
        None => plan
            .options
            .first()
            .ok_or_else(|| Failure("the treatment plan has no options".into()))?,
    };
    let list = Checklist::new(&plan, option, &lib.coding);
    let Some((output, force)) = job.output else {
        out(&list.text());
        return Ok(ExitCode::SUCCESS);
    };
    super::print::check_output(job.file, output, force)?;
    let bytes = export::checklist_pdf(&list, job.paper).map_err(|e| Failure(e.to_string()))?;
    library::write_atomic(output, &bytes)
        .map_err(|e| Failure(format!("cannot write {}: {e}", output.display())))?;
    Ok(ExitCode::SUCCESS)
}

/// The narrative of line `line` of the plan in `file`.
fn narrative_of(lib: &Library, file: &Path, line: u32) -> Result<ExitCode, Failure> {
    let plan = load(file)?;
    let filled = narrative(&plan, LineId(line), &lib.coding, &lib.catalogue)
        .map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    out(&format!("{}\n\n{}\n", filled.title, filled.text.trim_end()));
    Ok(ExitCode::SUCCESS)
}
