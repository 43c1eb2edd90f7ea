//! The library loader and the file formats (docs/formats.md): one broken file per
//! kind of bad input with the exact problem it reports, the shipped library, round
//! trips through `to_ron`, saving treatment plans, and the examples in the docs.

mod broken;
mod code_groups;
mod derived;
mod derived_records;
mod disk;
mod docs;
mod lint;
mod location;
mod patients;
mod plan_saving;
mod saving;
mod shipped;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use ferrule::model::SourceFile;

/// The crate root (where `plans/`, `fee-schedules/` and `assets/` live).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under the crate root, named by its path relative to the root (the path
/// shown in problems).
pub fn source(rel: &str) -> SourceFile {
    let text = std::fs::read_to_string(root().join(rel))
        .unwrap_or_else(|e| panic!("cannot read {rel}: {e}"));
    SourceFile {
        path: PathBuf::from(rel),
        text,
    }
}

/// The `.ron` files of a folder under the crate root, as paths relative to the
/// root, sorted.
pub fn ron_files(folder: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join(folder))
        .unwrap_or_else(|e| panic!("cannot read {folder}: {e}"))
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("cannot list {folder}: {e}"))
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".ron"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| format!("{folder}/{name}"))
        .collect()
}

/// Every shipped fee schedule, as the loader is handed them.
pub fn shipped_schedules() -> Vec<SourceFile> {
    ron_files("fee-schedules")
        .iter()
        .map(|rel| source(rel))
        .collect()
}

/// A new empty folder under the system temp folder, unique to this call; removed
/// when the guard is dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!(
            "ferrule-test-{label}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// The problems of a treatment plan with a library, as sentences, checked as of
/// 2026-11-23 (the date the samples are estimated on).
pub fn document_problems(
    plan: &ferrule::model::TreatmentPlan,
    library: &ferrule::model::Library,
) -> Vec<String> {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    ferrule::engine::check::check_document(plan, library, day)
        .into_iter()
        .map(|p| p.message)
        .collect()
}
