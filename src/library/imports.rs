//! Files for imports: reading a 271 or a CSV, and writing a draft plan or an
//! imported fee schedule as a new library file (atomically, never over an existing
//! file unless asked, never into the other kind's folder).
#![allow(
    clippy::disallowed_methods,
    reason = "checking where an import may be written is file access"
)]

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{parse, read, write};
use crate::model::{FeeSchedule, PlanRules};

/// Why an import file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ImportFileError {
    /// Reading the input failed.
    #[error("{}: {source}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The output exists and `--force` was not given.
    #[error("{} already exists: choose another name, or replace it with --force", .0.display())]
    Exists(PathBuf),
    /// The output is in the folder for the other kind of file.
    #[error("{path} is inside the library's {1}/ folder, which holds {2} only", path = .0.display())]
    WrongFolder(PathBuf, &'static str, &'static str),
    /// Writing failed.
    #[error("{}: {source}", .path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The value could not be written as RON.
    #[error("could not write RON: {0}")]
    Ron(String),
}

/// The text of an import file (a regular file of at most 4 MiB, UTF-8).
pub fn read_import(path: &Path) -> Result<String, ImportFileError> {
    read::read_text(path).map_err(|source| ImportFileError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// True when `path` (resolved) is inside `library/folder`.
fn inside(path: &Path, library: &Path, folder: &str) -> bool {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(parent) = fs::canonicalize(parent) else {
        return false;
    };
    fs::canonicalize(library.join(folder)).is_ok_and(|f| parent.starts_with(f))
}

/// Writes `text` to `path` as a new file (or over one with `force`), refusing the
/// library folder `forbidden` (`fee-schedules` for a plan, `plans` for fees).
pub fn write_import(
    path: &Path,
    text: &str,
    force: bool,
    library: &Path,
    forbidden: (&'static str, &'static str),
) -> Result<(), ImportFileError> {
    if inside(path, library, forbidden.0) {
        return Err(ImportFileError::WrongFolder(
            path.to_path_buf(),
            forbidden.0,
            forbidden.1,
        ));
    }
    if super::exists(path) && !force {
        return Err(ImportFileError::Exists(path.to_path_buf()));
    }
    write::write_atomic(path, text.as_bytes()).map_err(|source| ImportFileError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// A draft plan as RON, the review items (one line each) as comments at the top.
pub fn draft_plan_text(plan: &PlanRules, review: &[String]) -> Result<String, ImportFileError> {
    let body = parse::to_ron(plan).map_err(|e| ImportFileError::Ron(e.to_string()))?;
    let mut text = String::from(
        "// Draft plan imported from a 271 eligibility response. Check every item below,\n// fix the rules, then delete these lines.\n",
    );
    if review.is_empty() {
        text.push_str("// Nothing to review.\n");
    }
    for item in review {
        let line = item.replace(['\n', '\r'], " ");
        text.push_str(&format!("// REVIEW: {line}\n"));
    }
    text.push_str(&body);
    text.push('\n');
    Ok(text)
}

/// A fee schedule as RON.
pub fn fee_schedule_text(schedule: &FeeSchedule) -> Result<String, ImportFileError> {
    let body = parse::to_ron(schedule).map_err(|e| ImportFileError::Ron(e.to_string()))?;
    Ok(format!("{body}\n"))
}
