//! Treatment-plan files: read, check against the library, and save atomically,
//! readable by the owner only (they hold patient data).

use std::io;
use std::path::{Path, PathBuf};

use super::write::write_atomic;
use super::{parse, plan_positions, read};
use crate::model::problem::DocumentProblem;
use crate::model::{Problem, TreatmentPlan};

/// Why a treatment-plan file could not be opened or saved.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// Reading failed.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The file is not a valid treatment plan.
    #[error("{0}")]
    Invalid(Problem),
    /// Writing failed; the previous file, if any, is untouched.
    #[error("cannot save {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The plan could not be turned into RON.
    #[error("cannot write the plan as RON: {0}")]
    Serialize(String),
}

/// Reads and parses a treatment-plan file.
pub fn load_treatment_plan(path: &Path) -> Result<TreatmentPlan, DocumentError> {
    let text = read::read_text(path).map_err(|source| DocumentError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse::parse_treatment_plan(path, &text).map_err(DocumentError::Invalid)
}

/// Saves a treatment plan through [`write_atomic`]: a crash never leaves half a
/// file, the file is owner-only, and a read-only file is refused, not replaced.
pub fn save_treatment_plan(path: &Path, plan: &TreatmentPlan) -> Result<(), DocumentError> {
    let text = parse::to_ron(plan).map_err(|e| DocumentError::Serialize(e.to_string()))?;
    write_atomic(path, text.as_bytes()).map_err(|source| DocumentError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// `problems` of the treatment plan `plan` read from `path`, each at its position
/// in that file (`path:line:col`).
pub fn place_problems(
    path: &Path,
    plan: &TreatmentPlan,
    problems: &[DocumentProblem],
) -> Vec<Problem> {
    // The file was just read to get `plan`; if it cannot be read again, positions
    // fall back to its start rather than losing the problems.
    let text = read::read_text(path).unwrap_or_default();
    plan_positions::place_problems(path, &text, plan, problems)
}
