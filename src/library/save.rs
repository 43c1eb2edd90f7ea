//! Saving plans and fee schedules written by a program (a future editor), and
//! keeping what people wrote: RON comments do not survive a rewrite, so
//! [`has_comments`] lets the editor warn before replacing a hand-written file,
//! and the `notes` field of plans and schedules holds free text that does.
//!
//! A save is atomic ([`write_atomic`]: temporary file, rename, folder sync) and
//! writes what [`parse_plan_file`](super::parse_plan_file) and
//! [`parse_fee_schedule`](super::parse_fee_schedule) read back equal.

use std::io;
use std::path::{Path, PathBuf};

use super::write::write_atomic;
use super::{parse, read};
use crate::model::FeeSchedule;
use crate::model::derived::PlanFile;

/// Why a plan or fee schedule could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing failed; the previous file, if any, is untouched.
    #[error("cannot save {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The value could not be turned into RON.
    #[error("cannot write {path} as RON: {message}")]
    Serialize {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// The text a plan file is saved as: a whole plan, or a derived plan's
/// `based_on` and the fields it writes.
pub fn plan_file_text(plan: &PlanFile) -> Result<String, ron::Error> {
    let mut text = match plan {
        PlanFile::Full(plan) => parse::to_ron(plan)?,
        PlanFile::Derived(patch) => parse::to_ron(patch)?,
    };
    text.push('\n');
    Ok(text)
}

/// Saves a plan file atomically. The file's comments, if any, are not kept: ask
/// [`file_has_comments`] first.
pub fn save_plan_file(path: &Path, plan: &PlanFile) -> Result<(), SaveError> {
    let text = plan_file_text(plan).map_err(|e| SaveError::Serialize {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    write(path, &text)
}

/// Saves a fee schedule atomically (comments are not kept, as for plans).
pub fn save_fee_schedule(path: &Path, schedule: &FeeSchedule) -> Result<(), SaveError> {
    let mut text = parse::to_ron(schedule).map_err(|e| SaveError::Serialize {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    text.push('\n');
    write(path, &text)
}

/// Deletes a plan file (the plan editor's Delete, after the user confirmed).
#[allow(
    clippy::disallowed_methods,
    reason = "the library module owns the plan files"
)]
pub fn delete_plan_file(path: &Path) -> Result<(), SaveError> {
    std::fs::remove_file(path).map_err(|source| SaveError::Write {
        path: path.to_path_buf(),
        source,
    })
}

fn write(path: &Path, text: &str) -> Result<(), SaveError> {
    write_atomic(path, text.as_bytes()).map_err(|source| SaveError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// True when the file at `path` has a comment a save would drop. A missing file
/// has none.
pub fn file_has_comments(path: &Path) -> io::Result<bool> {
    match read::read_text(path) {
        Ok(text) => Ok(has_comments(&text)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// True when RON `text` holds a `//` or `/* */` comment outside its strings
/// ("https://..." in a name is not a comment).
pub fn has_comments(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match (in_string, c) {
            (true, '\\') => {
                chars.next();
            }
            (true, '"') | (false, '"') => in_string = !in_string,
            (false, '/') if matches!(chars.peek(), Some('/' | '*')) => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::has_comments;

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_comments("// a note\nPlanRules()"));
        assert!(has_comments("PlanRules(\n    id: \"x\", /* why */\n)"));
        assert!(has_comments("PlanRules(name: \"a // b\") // real"));
        assert!(!has_comments(
            "PlanRules(name: \"see https://example.org\")"
        ));
        assert!(!has_comments("PlanRules(name: \"a \\\" // quoted\")"));
        assert!(!has_comments("PlanRules(fees: { \"D0120\": \"58.00\" })"));
    }
}
