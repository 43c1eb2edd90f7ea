//! Recovery files: a copy of unsaved work, written by the app a few seconds after
//! each change and when it is asked to stop, so a crash, a kill or a logout never
//! loses an edit. One file per open document, in a folder only the owner can
//! read (`$XDG_STATE_HOME/ferrule/recovery`, else `~/.local/state/ferrule/recovery`);
//! removed after a successful save or when the changes are discarded.

#![allow(clippy::disallowed_methods)] // the recovery folder is read and written here

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::document::DocumentError;
use super::parse;
use super::read::read_text;
use super::write::{create_private_dir, write_atomic};
use crate::model::TreatmentPlan;

/// The recovery file format version.
const RECOVERY_FORMAT: u32 = 1;

/// Unsaved work and where it belongs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    /// File format version (1).
    pub format: u32,
    /// The file the work was opened from or last saved to; None for a new plan.
    pub original: Option<PathBuf>,
    /// The treatment plan as it was when written.
    pub plan: TreatmentPlan,
}

impl Recovery {
    /// Unsaved work on `plan`, which belongs to `original`.
    pub fn new(original: Option<PathBuf>, plan: TreatmentPlan) -> Recovery {
        Recovery {
            format: RECOVERY_FORMAT,
            original,
            plan,
        }
    }
}

/// The recovery folder by the XDG rules: `$XDG_STATE_HOME/ferrule/recovery` when it
/// is an absolute path, else `$HOME/.local/state/ferrule/recovery`; None without
/// either.
pub fn recovery_dir(xdg_state_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let base = xdg_state_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            home.map(PathBuf::from)
                .filter(|p| !p.as_os_str().is_empty())
                .map(|h| h.join(".local").join("state"))
        })?;
    Some(base.join("ferrule").join("recovery"))
}

/// The recovery file for a document: named by a hash of its path (or
/// "untitled" and the process id for a new plan), never by the patient's name.
pub fn recovery_path(dir: &Path, original: Option<&Path>) -> PathBuf {
    let name = match original {
        Some(path) => {
            // FNV-1a over the path's bytes: stable, short, says nothing about the patient.
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for byte in path.as_os_str().as_encoded_bytes() {
                hash ^= u64::from(*byte);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
            format!("document-{hash:016x}.ron")
        }
        None => format!("untitled-{}.ron", std::process::id()),
    };
    dir.join(name)
}

/// Writes `recovery` to `path`, creating the folder owner-only (0700) first; the
/// file itself is owner-only (0600) like every saved document.
pub fn write_recovery(path: &Path, recovery: &Recovery) -> Result<(), DocumentError> {
    let write_error = |source| DocumentError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent() {
        create_private_dir(dir).map_err(write_error)?;
    }
    let text = parse::to_ron(recovery).map_err(|e| DocumentError::Serialize(e.to_string()))?;
    write_atomic(path, text.as_bytes()).map_err(write_error)
}

/// Every recovery file in `dir`, oldest name first, each read or with why it
/// could not be read. A missing folder has none.
pub fn find_recoveries(dir: &Path) -> Vec<(PathBuf, Result<Recovery, DocumentError>)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let read = read_recovery(&path);
            (path, read)
        })
        .collect()
}

fn read_recovery(path: &Path) -> Result<Recovery, DocumentError> {
    let text = read_text(path).map_err(|source| DocumentError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut recovery: Recovery = parse::parse(path, &text).map_err(DocumentError::Invalid)?;
    recovery.plan.assign_ids();
    Ok(recovery)
}

/// Removes a recovery file once its work is saved or discarded; a file already
/// gone is fine.
pub fn remove_recovery(path: &Path) -> std::io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_follows_xdg_state_home() {
        assert_eq!(
            recovery_dir(Some("/s".into()), Some("/home/a".into())),
            Some(PathBuf::from("/s/ferrule/recovery"))
        );
        assert_eq!(
            recovery_dir(Some("relative".into()), Some("/home/a".into())),
            Some(PathBuf::from("/home/a/.local/state/ferrule/recovery"))
        );
        assert_eq!(recovery_dir(None, None), None);
    }

    #[test]
    fn file_names_do_not_name_the_patient() {
        let dir = Path::new("/r");
        let a = recovery_path(dir, Some(Path::new("/plans/Marisol Vega.ron")));
        let b = recovery_path(dir, Some(Path::new("/plans/Ada Lind.ron")));
        assert_ne!(a, b);
        for path in [&a, &b] {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                name.starts_with("document-") && !name.contains("Vega"),
                "{name}"
            );
        }
        assert_eq!(
            a,
            recovery_path(dir, Some(Path::new("/plans/Marisol Vega.ron")))
        );
    }
}
