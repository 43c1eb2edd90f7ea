//! `ferrule print`: the patient estimate as a PDF.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{Failure, Paper};
use crate::library::Library;

/// Writes the PDF.
pub fn run(
    _lib: &Library,
    _file: &Path,
    _option: Option<&str>,
    _as_of: NaiveDate,
    _output: &Path,
    _paper: Paper,
) -> Result<ExitCode, Failure> {
    Err(Failure("print is not available yet".into()))
}
