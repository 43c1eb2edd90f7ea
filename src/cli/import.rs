//! `ferrule import-271` and `ferrule fees import|export`: outside data in and out,
//! each written atomically as a new file (an existing one only with `--force`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};

use super::{Failure, out};
use crate::import::{self, fees_csv};
use crate::library;
use crate::model::{FeeScheduleKind, Library};
use crate::report::{self, ImportView};

/// `ferrule fees ...`.
#[derive(Debug, Subcommand)]
pub enum FeesCommand {
    /// Read a CSV (code, fee, optional description and effective date) into a fee schedule.
    Import {
        /// The CSV file.
        file: PathBuf,
        /// Id of the new schedule.
        #[arg(long)]
        id: String,
        /// Name for people (default: the id).
        #[arg(long)]
        name: Option<String>,
        /// What the amounts are.
        #[arg(long, value_enum, default_value_t = Kind::Contracted)]
        kind: Kind,
        /// Where to write (default: fee-schedules/ID.ron in the library).
        #[arg(short = 'o', long, value_name = "FILE.ron")]
        output: Option<PathBuf>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Write a library fee schedule as CSV (code, fee, description).
    Export {
        /// The schedule's id.
        id: String,
        /// Where to write.
        #[arg(short = 'o', long, value_name = "FILE.csv")]
        output: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
}

/// Fee schedule kinds on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// The office's own fees.
    Office,
    /// A PPO's contracted fees.
    Contracted,
    /// A plan's allowances (out of network, indemnity).
    Allowance,
    /// Fixed benefits per code.
    Scheduled,
    /// DHMO member copays.
    Copay,
}

impl Kind {
    fn model(self) -> FeeScheduleKind {
        match self {
            Kind::Office => FeeScheduleKind::Office,
            Kind::Contracted => FeeScheduleKind::Contracted,
            Kind::Allowance => FeeScheduleKind::Allowance,
            Kind::Scheduled => FeeScheduleKind::Scheduled,
            Kind::Copay => FeeScheduleKind::Copay,
        }
    }
}

fn fail(e: impl std::fmt::Display) -> Failure {
    Failure(e.to_string())
}

/// `ferrule import-271 FILE [--plan-id ID] [-o FILE] [--force]`.
pub fn import_271(
    lib: &Library,
    dir: &Path,
    file: &Path,
    plan_id: Option<&str>,
    output: Option<&Path>,
    force: bool,
    today: NaiveDate,
) -> Result<ExitCode, Failure> {
    let text = library::read_import(file).map_err(fail)?;
    // Read once to learn the payer (for a default id), then map against the base.
    let first = import::read271::read_271(&text)
        .map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let id = match (plan_id, output.and_then(|o| o.file_stem())) {
        (Some(id), _) => id.to_string(),
        (None, Some(stem)) => stem.to_string_lossy().into_owned(),
        (None, None) => import::plan_id_from(&first.payer),
    };
    let base = lib.plans.get(&id);
    let result = import::import_271(&text, &id, base, today)
        .map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let changes = base.map_or_else(Vec::new, |b| {
        report::plan_diff::plan_changes(b, &result.draft.plan)
    });
    let view = ImportView::new(&result, &changes);
    let path = output.map_or_else(
        || dir.join("plans").join(format!("{id}.ron")),
        Path::to_path_buf,
    );
    let draft = library::draft_plan_text(&result.draft.plan, &view.review).map_err(fail)?;
    library::write_import(
        &path,
        &draft,
        force,
        dir,
        ("fee-schedules", "fee schedules"),
    )
    .map_err(fail)?;
    out(&view.text());
    out(&format!(
        "\nWrote the draft plan to {} with {} item{} to review at its top.\n",
        path.display(),
        view.review.len(),
        if view.review.len() == 1 { "" } else { "s" }
    ));
    Ok(ExitCode::SUCCESS)
}

/// `ferrule fees import|export`.
pub fn fees(lib: &Library, dir: &Path, command: &FeesCommand) -> Result<ExitCode, Failure> {
    match command {
        FeesCommand::Import {
            file,
            id,
            name,
            kind,
            output,
            force,
        } => {
            let text = library::read_import(file).map_err(fail)?;
            let name = name.as_deref().unwrap_or(id);
            let (schedule, notes) =
                fees_csv::import_fees(&text, id, name, kind.model(), &lib.catalogue)
                    .map_err(|e| Failure(format!("{}: {e}", file.display())))?;
            let path = output
                .clone()
                .unwrap_or_else(|| dir.join("fee-schedules").join(format!("{id}.ron")));
            let ron = library::fee_schedule_text(&schedule).map_err(fail)?;
            library::write_import(&path, &ron, *force, dir, ("plans", "plans")).map_err(fail)?;
            let mut text = format!("Wrote {} fees to {}.\n", notes.rows, path.display());
            if notes.dated_rows > 0 {
                text.push_str(&format!(
                    "Note: {} rows had an effective date; fee schedules keep no dates, so they were checked and not stored.\n",
                    notes.dated_rows
                ));
            }
            out(&text);
            Ok(ExitCode::SUCCESS)
        }
        FeesCommand::Export { id, output, force } => {
            let schedule = lib
                .fee_schedules
                .get(id)
                .ok_or_else(|| Failure(format!("no fee schedule with id {id:?} in the library")))?;
            let csv = fees_csv::export_fees(schedule, &lib.catalogue).map_err(Failure)?;
            library::write_import(output, &csv, *force, dir, ("plans", "plans")).map_err(fail)?;
            out(&format!(
                "Wrote {} fees to {}.\n",
                schedule.fees.len(),
                output.display()
            ));
            Ok(ExitCode::SUCCESS)
        }
    }
}
