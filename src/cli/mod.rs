//! The `ferrule` command line: `check`, `estimate`, and (with no subcommand) the
//! desktop app. Errors become one message on stderr and exit code 2.

use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

mod check;
mod coding;
mod compare;
mod import;
mod print;

pub use import::{FeesCommand, Kind as FeeKind};

use crate::engine::{self, EstimateInput};
use crate::library::{self, Environment};
use crate::model::problem::Severity;
use crate::model::{Library, Problem, TreatmentPlan};
use crate::report;

/// Ferrule: what insurance pays and what the patient owes, line by line.
#[derive(Debug, Parser)]
#[command(name = "ferrule", version)]
pub struct Cli {
    /// Library folder (plans/ and fee-schedules/).
    #[arg(long, global = true, value_name = "DIR")]
    pub library: Option<PathBuf>,
    /// A treatment-plan file to open in the app.
    pub file: Option<PathBuf>,
    /// What to do; none opens the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every plan and fee schedule in the library; exit 2 on any problem.
    Check {
        /// Print this plan as resolved from its based_on chain, as RON.
        #[arg(long, value_name = "PLAN-ID")]
        resolved: Option<String>,
        /// Exit 2 on lint warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Estimate a treatment plan file.
    Estimate {
        /// The treatment-plan file.
        file: PathBuf,
        /// Treatment option name, or its id when names repeat (default: the first).
        #[arg(long)]
        option: Option<String>,
        /// Date the estimate is made, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Show the steps behind every number (table format).
        #[arg(long)]
        explain: bool,
    },
    /// Compare treatment options and plans side by side.
    Compare {
        /// The treatment-plan file.
        file: PathBuf,
        /// Options to compare (repeat; default: every option).
        #[arg(long)]
        option: Vec<String>,
        /// Plan ids to price each option under, instead of the patient's own coverage (repeat).
        #[arg(long)]
        plan: Vec<String>,
        /// Date the estimate is made, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Write the patient estimate as a PDF, or send it to a printer.
    Print {
        /// The treatment-plan file.
        file: PathBuf,
        /// Treatment option name (default: the first).
        #[arg(long, conflicts_with = "options")]
        option: Option<String>,
        /// `all`: the options handout, every option side by side then each in detail.
        #[arg(long, value_enum, value_name = "all")]
        options: Option<Options>,
        /// Date the estimate is made, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<NaiveDate>,
        /// Where to write the PDF.
        #[arg(
            short = 'o',
            long,
            value_name = "OUT.pdf",
            required_unless_present = "printer"
        )]
        output: Option<PathBuf>,
        /// Send it to this printer on this computer (CUPS; see `lpstat -e`).
        #[arg(long, value_name = "NAME")]
        printer: Option<String>,
        /// Copies to print (with --printer).
        #[arg(long, default_value_t = 1, requires = "printer",
              value_parser = clap::value_parser!(u32).range(1..=99))]
        copies: u32,
        /// Paper size.
        #[arg(long, value_enum, default_value_t = Paper::Letter)]
        paper: Paper,
        /// The patient's language for this print (default: the patient's, else English).
        #[arg(long, value_enum, value_name = "LANG")]
        language: Option<Lang>,
        /// Replace OUT.pdf even when it is not a PDF (never the treatment plan itself).
        #[arg(long)]
        force: bool,
    },
    /// Read an X12 271 eligibility response: write a draft plan (review items at its
    /// top), show each member's coverage, and the changes to a library plan.
    #[command(name = "import-271")]
    Import271 {
        /// The 271 file.
        file: PathBuf,
        /// Plan id: a library plan to update, or the new plan's id.
        #[arg(long, value_name = "ID")]
        plan_id: Option<String>,
        /// Where to write the draft (default: plans/ID.ron in the library).
        #[arg(short = 'o', long, value_name = "FILE.ron")]
        output: Option<PathBuf>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Fee schedules as CSV: import and export.
    Fees {
        /// What to do.
        #[command(subcommand)]
        command: FeesCommand,
    },
    /// The office-side documentation checklist of an option (never for the patient).
    Checklist {
        /// The treatment-plan file.
        file: PathBuf,
        /// Treatment option name, or its id when names repeat (default: the first).
        #[arg(long)]
        option: Option<String>,
        /// Write it as a PDF page here (default: print it as text).
        #[arg(short = 'o', long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        /// Paper size.
        #[arg(long, value_enum, default_value_t = Paper::Letter)]
        paper: Paper,
        /// Replace OUT.pdf even when it is not a PDF (never the treatment plan itself).
        #[arg(long)]
        force: bool,
    },
    /// Print a line's narrative, from the library's templates, with blanks to fill.
    Narrative {
        /// The treatment-plan file.
        file: PathBuf,
        /// The line's id (as in `estimate --format json`).
        #[arg(long, value_name = "ID")]
        line: u32,
    },
}

/// Languages a patient's papers print in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// Spanish.
    Es,
}

/// What `print --options` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Options {
    /// Every option: a summary page, then each option's estimate.
    All,
}

/// Paper sizes for printing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Paper {
    /// US Letter, 8.5 x 11 in.
    Letter,
    /// ISO A4.
    A4,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text.
    Table,
    /// The stable JSON layout (docs/json.md).
    Json,
}

/// A failure to report: message for stderr, exit code 2.
#[derive(Debug)]
pub struct Failure(pub String);

/// The folder the library is read from, by the documented rules.
pub fn library_dir(env: &Environment, flag: Option<&Path>) -> Result<PathBuf, Failure> {
    env.library_dir(flag).map_err(|e| Failure(e.to_string()))
}

/// Runs a subcommand; prints results to stdout. `env` is the process environment
/// as `main` read it.
pub fn run(
    env: &Environment,
    library_flag: Option<&Path>,
    command: &Command,
    today: NaiveDate,
) -> Result<ExitCode, Failure> {
    let dir = library_dir(env, library_flag)?;
    let mut lib = library::load_dir(&dir);
    lib.providers = library::practice::providers(env.practice_settings_path().as_deref());
    match command {
        Command::Check { resolved, strict } => {
            check::run(&dir, &lib, resolved.as_deref(), *strict, today)
        }
        Command::Estimate {
            file,
            option,
            as_of,
            format,
            explain,
        } => estimate(
            &lib,
            file,
            option.as_deref(),
            as_of.unwrap_or(today),
            *format,
            *explain,
        ),
        Command::Compare {
            file,
            option,
            plan,
            as_of,
            format,
        } => compare::run(&lib, file, option, plan, as_of.unwrap_or(today), *format),
        Command::Print {
            file,
            option,
            options,
            as_of,
            output,
            printer,
            copies,
            paper,
            language,
            force,
        } => print::run(
            &lib,
            env.practice_settings_path().as_deref(),
            &print::Job {
                file,
                option: option.as_deref(),
                all_options: options.is_some(),
                as_of: as_of.unwrap_or(today),
                output: output.as_deref().map(|o| (o, *force)),
                printer: printer.as_deref().map(|p| (p, *copies)),
                paper: *paper,
                language: language.map(|l| match l {
                    Lang::En => crate::model::Language::English,
                    Lang::Es => crate::model::Language::Spanish,
                }),
            },
        ),
        Command::Import271 {
            file,
            plan_id,
            output,
            force,
        } => import::import_271(
            &lib,
            &dir,
            file,
            plan_id.as_deref(),
            output.as_deref(),
            *force,
            today,
        ),
        Command::Fees { command } => import::fees(&lib, &dir, command),
        Command::Checklist { .. } | Command::Narrative { .. } => coding::run(&lib, command),
    }
}

fn out(text: &str) {
    // A closed pipe (ferrule ... | head) is not an error worth reporting.
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes()).ok();
}

fn estimate(
    lib: &Library,
    file: &Path,
    option: Option<&str>,
    as_of: NaiveDate,
    format: Format,
    explain: bool,
) -> Result<ExitCode, Failure> {
    let checked = match load_checked(lib, file, as_of, format)? {
        Ok(checked) => checked,
        Err(blocked) => return Ok(blocked),
    };
    let doc = &checked.doc;
    let input = EstimateInput::from_document(lib, doc, option, as_of)
        .map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let result = engine::estimate(&input);
    let year = engine::coding::benefit_year(lib, &doc.coverage);
    let notes = engine::coding::check(input.coding, input.option, &doc.patient, year);
    let names = names(lib);
    let table = report::EstimateTable::new(input.option, &result, &notes, &names);
    let remaining = report::RemainingBenefits::new(&result, &names);
    match format {
        Format::Json => {
            let mut json = report::json::estimate(&table, &remaining, as_of);
            json.problems = checked.warnings_json();
            let text = serde_json::to_string_pretty(&json).map_err(|e| Failure(e.to_string()))?;
            out(&format!("{text}\n"));
        }
        Format::Table => {
            let title = report::text::estimate_title(&doc.patient.name, &table, as_of);
            let staff = (crate::model::Language::English, false);
            let ortho = report::ortho::ortho_views(input.option, &result, &names, staff);
            let text = report::text::estimate(&title, &table, &remaining, explain, &ortho);
            out(&text);
            if doc.coverage.len() > 1 {
                let order = engine::payer_order::suggest(&doc.coverage, |id| lib.plans.get(id));
                let summary = report::PayerOrderSummary::new(&doc.coverage, &order);
                out(&report::text::payer_order(&summary));
            }
            out(&report::text::document_problems(&checked.warnings));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A treatment plan read and checked against the library: its warnings, placed
/// in the file. A blocking problem never gets this far (see [`load_checked`]).
pub(crate) struct Checked {
    /// The plan.
    pub doc: TreatmentPlan,
    /// Warnings, each at `path:line:col`.
    pub warnings: Vec<Problem>,
}

impl Checked {
    /// The warnings for the JSON document.
    fn warnings_json(&self) -> Vec<report::json::ProblemJson> {
        self.warnings
            .iter()
            .map(|p| report::json::ProblemJson::new(Severity::Warning, p))
            .collect()
    }
}

/// Reads `file` and checks it: a problem that would change or hide a price stops
/// the command with exit 2, each problem as `path:line:col: message` (on stdout as
/// `{"problems": [...]}` for JSON, else on stderr); warnings come back to be shown.
pub(crate) fn load_checked(
    lib: &Library,
    file: &Path,
    as_of: NaiveDate,
    format: Format,
) -> Result<Result<Checked, ExitCode>, Failure> {
    let doc = library::load_treatment_plan(file).map_err(|e| Failure(e.to_string()))?;
    let problems = engine::check::check_document(&doc, lib, as_of);
    let placed = library::place_problems(file, &doc, &problems);
    if !problems.iter().any(|p| p.is_blocking()) {
        return Ok(Ok(Checked {
            doc,
            warnings: placed,
        }));
    }
    if format == Format::Json {
        let json = report::json::ProblemsJson {
            problems: problems
                .iter()
                .zip(&placed)
                .map(|(p, at)| report::json::ProblemJson::new(p.severity, at))
                .collect(),
        };
        let text = serde_json::to_string_pretty(&json).map_err(|e| Failure(e.to_string()))?;
        out(&format!("{text}\n"));
        return Ok(Err(ExitCode::from(2)));
    }
    let lines: Vec<String> = problems
        .iter()
        .zip(&placed)
        .map(|(p, at)| match p.severity {
            Severity::Blocking => at.to_string(),
            Severity::Warning => format!("{at} (warning)"),
        })
        .collect();
    Err(Failure(format!(
        "{}\nnot estimated: fix the problems above first",
        lines.join("\n")
    )))
}

/// What reports look up in the library.
fn names(lib: &Library) -> report::Names<'_> {
    report::Names {
        catalogue: &lib.catalogue,
        plans: &lib.plans,
    }
}

/// Parses the process arguments.
pub fn parse<I: IntoIterator<Item = OsString>>(args: I) -> Result<Cli, clap::Error> {
    Cli::try_parse_from(args)
}
