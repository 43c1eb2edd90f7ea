//! The `ferrule` binary: a subcommand runs headless; no subcommand opens the app.

use std::process::ExitCode;

use ferrule::cli::{self, Failure};

fn main() -> ExitCode {
    let args = match cli::parse(std::env::args_os()) {
        Ok(args) => args,
        Err(e) => {
            // clap prints help and version to stdout with success, errors to stderr.
            e.print().ok();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    // The clock is read here, once; the engine only sees this date.
    let today = chrono::Local::now().date_naive();
    let result = match &args.command {
        Some(command) => cli::run(args.library.as_deref(), command, today),
        None => open_app(&args, today),
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("ferrule: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "gui")]
fn open_app(args: &cli::Cli, _today: chrono::NaiveDate) -> Result<ExitCode, Failure> {
    let dir = cli::library_dir(args.library.as_deref())?;
    ferrule::gui::run(dir, args.file.clone()).map_err(Failure)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn open_app(_args: &cli::Cli, _today: chrono::NaiveDate) -> Result<ExitCode, Failure> {
    Err(Failure(
        "this build has no desktop app (built without the \"gui\" feature); try `ferrule --help`"
            .into(),
    ))
}
