//! The `ferrule` binary: a subcommand runs headless; no subcommand opens the app.

use std::process::ExitCode;

use chrono::NaiveDate;
use ferrule::cli::{self, Failure};
use ferrule::library::Environment;

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
    // The clock and the environment are read here, once, and passed down.
    let today = today();
    let env = Environment::read();
    let result = match &args.command {
        Some(command) => cli::run(&env, args.library.as_deref(), command, today),
        None => open_app(&args, &env, today),
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("ferrule: {message}");
            ExitCode::from(2)
        }
    }
}

/// Today's date on the local clock: what estimates are made as of.
#[allow(
    clippy::disallowed_methods,
    reason = "main reads the clock once for the whole run"
)]
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[cfg(feature = "gui")]
fn open_app(args: &cli::Cli, env: &Environment, today: NaiveDate) -> Result<ExitCode, Failure> {
    let dir = cli::library_dir(env, args.library.as_deref())?;
    ferrule::gui::run(dir, args.file.clone(), today, env).map_err(Failure)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn open_app(_args: &cli::Cli, _env: &Environment, _today: NaiveDate) -> Result<ExitCode, Failure> {
    Err(Failure(
        "this build has no desktop app (built without the \"gui\" feature); try `ferrule --help`"
            .into(),
    ))
}
