//! Autosave: a recovery copy of unsaved work, written a short while after each
//! change (and at once when the system asks the app to stop), removed when the
//! work is saved or thrown away. On start, recovery files left by a crash are
//! offered for restoring. The files go through `library::recovery`.

use std::path::{Path, PathBuf};

use crate::library::recovery::{self, Recovery};

use super::state::Document;

/// Seconds between the first unsaved change and its recovery copy.
pub const AUTOSAVE_DELAY: f64 = 3.0;

/// Unsaved work found on start, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The recovery file.
    pub file: PathBuf,
    /// What it holds.
    pub recovery: Recovery,
}

/// Where recovery copies go and what was last written.
#[derive(Debug, Default)]
pub struct Autosave {
    /// The recovery folder; None: no autosave (no home folder, or tests).
    dir: Option<PathBuf>,
    /// Seconds to wait after a change.
    delay: f64,
    /// The recovery file written for the open document, if any.
    written: Option<PathBuf>,
    /// The document revision in that file.
    written_revision: Option<u64>,
    /// When (egui time, seconds) the first change not yet written was seen.
    pending_since: Option<f64>,
    /// Recovery files found on start, offered one at a time.
    pub found: Vec<Found>,
}

impl Autosave {
    /// Autosave into `dir` after `delay` seconds; None turns it off.
    pub fn new(dir: Option<PathBuf>, delay: f64) -> Autosave {
        Autosave {
            dir,
            delay,
            ..Autosave::default()
        }
    }

    /// Reads the recovery files left behind (by a crash or a kill) to offer them.
    pub fn look_for_recoveries(&mut self) {
        let Some(dir) = &self.dir else { return };
        self.found = recovery::find_recoveries(dir)
            .into_iter()
            .filter_map(|(file, read)| read.ok().map(|recovery| Found { file, recovery }))
            .collect();
    }

    /// Called every frame with egui's clock. Writes a recovery copy once the
    /// document has had unsaved changes for the delay; removes it when there are
    /// none. Returns how long to wait before the next check, when one is due, and
    /// an error to show when writing failed.
    pub fn tick(
        &mut self,
        document: &Document,
        revision: u64,
        now: f64,
    ) -> (Option<f64>, Option<String>) {
        if self.dir.is_none() {
            return (None, None);
        }
        if !document.is_modified() {
            self.pending_since = None;
            return (None, self.forget());
        }
        if self.written_revision == Some(revision) {
            return (None, None);
        }
        let since = *self.pending_since.get_or_insert(now);
        let wait = self.delay - (now - since);
        if wait > 0.0 {
            return (Some(wait), None);
        }
        (None, self.write_now(document, revision))
    }

    /// Writes the recovery copy at once (the system asked the app to stop).
    pub fn write_now(&mut self, document: &Document, revision: u64) -> Option<String> {
        let dir = self.dir.as_ref()?;
        let file = recovery::recovery_path(dir, document.path.as_deref());
        // The document was saved elsewhere since the last copy: drop the old one.
        if self.written.as_ref().is_some_and(|old| *old != file) {
            self.forget();
        }
        let copy = Recovery::new(document.path.clone(), document.plan.clone());
        match recovery::write_recovery(&file, &copy) {
            Ok(()) => {
                self.written = Some(file);
                self.written_revision = Some(revision);
                self.pending_since = None;
                None
            }
            Err(e) => {
                self.pending_since = None;
                Some(format!("Could not keep a recovery copy: {e}"))
            }
        }
    }

    /// The work is saved or discarded: its recovery copy goes.
    pub fn forget(&mut self) -> Option<String> {
        self.written_revision = None;
        let file = self.written.take()?;
        recovery::remove_recovery(&file)
            .err()
            .map(|e| format!("Could not remove the recovery copy {}: {e}", file.display()))
    }

    /// Takes over a restored recovery file: it is rewritten under the restored
    /// document's own name from now on, and removed once saved or discarded.
    pub fn adopt(&mut self, file: &Path) {
        self.written = Some(file.to_path_buf());
        self.written_revision = None;
        self.found.retain(|f| f.file != file);
    }

    /// Throws a found recovery file away.
    pub fn discard_found(&mut self, file: &Path) -> Option<String> {
        self.found.retain(|f| f.file != file);
        recovery::remove_recovery(file)
            .err()
            .map(|e| format!("Could not remove {}: {e}", file.display()))
    }
}
