//! Keeping unsaved work safe: the recovery copy after each change, at once when
//! the system asks the app to stop, and restoring a copy left by a crash.

use egui::ViewportCommand;

use super::FerruleApp;
use crate::gui::state::{Document, blank_plan};
use crate::library::load_treatment_plan_fingerprinted;

impl FerruleApp {
    /// Writes or removes the recovery copy as the document needs (every frame).
    pub(super) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let (wait, error) =
            self.autosave
                .tick(&self.state.document, self.state.document_revision, now);
        if let Some(wait) = wait {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.05)));
        }
        if let Some(error) = error {
            self.state.error(error);
        }
    }

    /// The system asked the app to stop (logout, shutdown): keep unsaved work in
    /// a recovery copy, then close without asking.
    pub(super) fn stop_now(&mut self, ctx: &egui::Context) {
        if self.state.document.is_modified() {
            let revision = self.state.document_revision;
            if let Some(error) = self.autosave.write_now(&self.state.document, revision) {
                self.state.error(error);
                return;
            }
        }
        self.allow_close = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// Opens the unsaved work kept in `file`: the document it belongs to (when it
    /// still opens) is the saved version, so the restored work shows as unsaved.
    pub(super) fn restore(&mut self, file: &std::path::Path) {
        let Some(found) = self.autosave.found.iter().find(|f| f.file == file).cloned() else {
            return;
        };
        let original = found.recovery.original.clone();
        // The file as it is now is what a save of the restored work replaces.
        let opened = original
            .as_deref()
            .and_then(|path| load_treatment_plan_fingerprinted(path).ok());
        let (clean, disk) = match opened {
            Some((plan, disk)) => (plan, Some(disk)),
            None => (blank_plan(self.state.today), None),
        };
        let document = Document {
            plan: found.recovery.plan,
            path: original,
            clean,
            disk,
        };
        self.state.replace_document(document);
        self.autosave.adopt(file);
        self.state
            .info("Restored unsaved work: save it to keep it, or close it to throw it away.");
    }
}
