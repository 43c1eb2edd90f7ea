//! `ferrule compare`: options x plans side by side.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{Failure, Format};
use crate::library::Library;

/// Prints the comparison.
pub fn run(
    _lib: &Library,
    _file: &Path,
    _options: &[String],
    _plans: &[String],
    _as_of: NaiveDate,
    _format: Format,
) -> Result<ExitCode, Failure> {
    Err(Failure("compare is not available yet".into()))
}
