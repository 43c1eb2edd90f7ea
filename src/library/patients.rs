//! The patient folder's index: every treatment plan (`*.ron`, not in subfolders,
//! not hidden) with its patient's name, chart number and birth date, its path and
//! when it last changed. Each file goes through the safe reader (a regular file of at most 4
//! MiB, so a FIFO never blocks); a file that does not load is listed as a problem
//! (its file name and a short reason), never an error of the whole index. Nothing
//! here logs: the index holds patient data.
#![allow(
    clippy::disallowed_methods,
    reason = "listing the patient folder is this file's job"
)]

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{NaiveDate, NaiveDateTime};

use super::document::{DocumentError, load_treatment_plan};
use super::write::create_private_dir;
use crate::model::Patient;

/// One patient's treatment plan in the folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatientEntry {
    /// The patient's name as saved ("" when not entered).
    pub name: String,
    /// The practice's chart number, when entered.
    pub chart_number: Option<String>,
    /// Date of birth, when known.
    pub birth_date: Option<NaiveDate>,
    /// The file.
    pub path: PathBuf,
    /// When the file last changed, in local time, when the system says.
    pub changed: Option<NaiveDateTime>,
    /// Size and time as listed: an unchanged file is not read again.
    stamp: (u64, Option<SystemTime>),
}

impl PatientEntry {
    /// An entry for a file not listed from disk (tests, lists built by hand).
    pub fn new(
        name: &str,
        chart_number: Option<&str>,
        birth_date: Option<NaiveDate>,
        path: PathBuf,
        changed: Option<NaiveDateTime>,
    ) -> PatientEntry {
        PatientEntry {
            name: name.to_string(),
            chart_number: chart_number.map(str::to_string),
            birth_date,
            path,
            changed,
            stamp: (0, None),
        }
    }
}

/// A file in the folder that could not be read as a treatment plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexProblem {
    /// The file's name (not its whole path).
    pub file_name: String,
    /// Why, in a few words.
    pub reason: String,
}

/// What the patient folder holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PatientIndex {
    /// The folder listed.
    pub folder: PathBuf,
    /// The treatment plans that loaded, in the folder's order.
    pub patients: Vec<PatientEntry>,
    /// The `*.ron` files that did not, by file name.
    pub problems: Vec<IndexProblem>,
}

/// Why the folder itself could not be listed.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the patient folder {path}: {source}")]
pub struct PatientFolderError {
    /// The folder.
    pub path: PathBuf,
    /// The cause.
    pub source: io::Error,
}

/// The birth date of a patient, when known: the one place the index reads it.
fn birth_date_of(patient: &Patient) -> Option<NaiveDate> {
    patient.birth_date
}

/// Creates the patient folder owner-only (0700) when it is missing; an existing
/// folder is left as it is.
pub fn prepare_patient_folder(dir: &Path) -> io::Result<()> {
    create_private_dir(dir)
}

/// Lists the treatment plans in `dir` (created first when missing). Files that
/// have the same size and time as in `previous` (an earlier index of the same
/// folder) are taken from it without reading them again.
pub fn index_patients(
    dir: &Path,
    previous: Option<&PatientIndex>,
) -> Result<PatientIndex, PatientFolderError> {
    let folder_error = |source| PatientFolderError {
        path: dir.to_path_buf(),
        source,
    };
    prepare_patient_folder(dir).map_err(folder_error)?;
    let known: HashMap<&Path, &PatientEntry> = previous
        .filter(|p| p.folder == dir)
        .map(|p| p.patients.iter().map(|e| (e.path.as_path(), e)).collect())
        .unwrap_or_default();
    let mut index = PatientIndex {
        folder: dir.to_path_buf(),
        ..PatientIndex::default()
    };
    for entry in fs::read_dir(dir).map_err(folder_error)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !name.to_ascii_lowercase().ends_with(".ron") {
            continue;
        }
        let path = entry.path();
        // Follows a symlink: what matters is what the reader would open.
        let meta = fs::metadata(&path);
        if meta.as_ref().is_ok_and(fs::Metadata::is_dir) {
            continue;
        }
        let stamp = meta
            .as_ref()
            .map(|m| (m.len(), m.modified().ok()))
            .unwrap_or((0, None));
        if let Some(&old) = known.get(path.as_path())
            && old.stamp == stamp
            && stamp.1.is_some()
        {
            index.patients.push(old.clone());
            continue;
        }
        match load_treatment_plan(&path) {
            Ok(plan) => index.patients.push(PatientEntry {
                name: plan.patient.name.trim().to_string(),
                chart_number: plan
                    .patient
                    .chart_number
                    .as_deref()
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string),
                birth_date: birth_date_of(&plan.patient),
                changed: stamp.1.map(local_time),
                path,
                stamp,
            }),
            Err(e) => index.problems.push(IndexProblem {
                file_name: name,
                reason: short_reason(&e),
            }),
        }
    }
    index.problems.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    Ok(index)
}

/// A time on the local clock's calendar.
fn local_time(time: SystemTime) -> NaiveDateTime {
    chrono::DateTime::<chrono::Local>::from(time).naive_local()
}

/// Why a file did not load, without its path (the list shows the file name).
fn short_reason(error: &DocumentError) -> String {
    match error {
        DocumentError::Read { source, .. } => source.to_string(),
        DocumentError::Invalid(problem) if problem.line > 0 => {
            format!("line {}: {}", problem.line, problem.message)
        }
        DocumentError::Invalid(problem) => problem.message.clone(),
        DocumentError::Write { source, .. } => source.to_string(),
        DocumentError::Serialize(message) => message.clone(),
    }
}
