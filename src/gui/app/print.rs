//! Printing from the app: saving the previewed estimate as a PDF, and the practice
//! settings it prints with (edited in their own window, saved to their own file,
//! never part of the document or its undo history).

use super::FerruleApp;
use crate::gui::files::DialogKind;
use crate::gui::print::{Practice, open_in_viewer};
use crate::library::{self, practice, write_atomic};
use crate::model::PracticeSettings;

impl FerruleApp {
    /// Asks where to save the PDF: a native dialog, else the path window.
    pub(super) fn save_pdf_as(&mut self, ctx: &egui::Context) {
        let name = self.print.file_name();
        let directory = self.document_dir();
        if !self.dialogs.start(
            ctx,
            DialogKind::SavePdf,
            directory.clone(),
            Some(name.clone()),
        ) {
            let suggestion = directory.map(|d| d.join(&name));
            self.panels.path_window.show_for_pdf(suggestion, None);
        }
    }

    /// Writes the PDF atomically, then opens it in the system's viewer. Never
    /// over the open treatment plan or another file that is not a PDF (an
    /// earlier printout is replaced, as printing again is the usual case).
    pub(super) fn save_pdf(&mut self, path: &std::path::Path) {
        if let Some(error) = self.pdf_refusal(path) {
            self.state.error(error);
            return;
        }
        let bytes = match self.print.pdf() {
            Ok(bytes) => bytes,
            Err(e) => {
                self.state.error(format!("No PDF: {e}"));
                return;
            }
        };
        if let Err(e) = write_atomic(path, &bytes) {
            self.state
                .error(format!("PDF not saved to {}: {e}", path.display()));
            return;
        }
        if !self.open_viewer {
            self.state.info(format!("Saved PDF {}", path.display()));
            return;
        }
        match open_in_viewer(path) {
            Ok(()) => self
                .state
                .info(format!("Saved PDF {}; opening it to print", path.display())),
            Err(e) => self.state.error(format!(
                "Saved PDF {}, but could not open a viewer: {e}",
                path.display()
            )),
        }
    }

    /// Why the PDF must not be written at `path`, in words.
    fn pdf_refusal(&self, path: &std::path::Path) -> Option<String> {
        let own = self.state.document.path.as_deref();
        if own.is_some_and(|own| own == path || library::same_file(own, path)) {
            return Some(format!(
                "PDF not saved: {} is the treatment plan itself; choose another name ending in .pdf",
                path.display()
            ));
        }
        match library::file_start(path, 5) {
            Ok(Some(start)) if start != b"%PDF-" => Some(format!(
                "PDF not saved: {} exists and is not a PDF; choose another name",
                path.display()
            )),
            Err(e) => Some(format!("PDF not saved to {}: {e}", path.display())),
            _ => None,
        }
    }

    /// Opens the practice settings window on the settings as saved (the file's
    /// own logo path, not the resolved one), else on those in use.
    pub(super) fn open_practice_settings(&mut self) {
        let practice = self
            .practice
            .get_or_insert_with(|| Practice::load(self.practice_path.clone()));
        let path = practice.path.clone();
        let saved = path
            .as_deref()
            .and_then(|p| practice::load(p).ok())
            .unwrap_or_else(|| practice.settings.clone());
        let warning = practice.warning.clone();
        let window = &mut self.panels.practice;
        window.show_with(&saved, path);
        window.default_patients_folder = self.patients_dir.clone();
        window.error = warning;
    }

    /// Saves the practice settings to their file and prints with them from now
    /// on; an error stays in the window.
    pub(super) fn save_practice(&mut self, settings: PracticeSettings) {
        let path = self.practice.as_ref().and_then(|p| p.path.clone());
        let Some(path) = path else {
            self.panels.practice.error =
                Some("Not saved: there is no settings folder (set HOME or XDG_CONFIG_HOME)".into());
            return;
        };
        if let Err(e) = practice::save(&path, &settings) {
            self.panels.practice.error = Some(format!("Not saved: {e}"));
            return;
        }
        let practice = Practice::with_settings(settings, Some(path.clone()));
        match &practice.warning {
            Some(warning) => self.state.error(format!(
                "Saved the practice settings to {}, but {warning}",
                path.display()
            )),
            None => self
                .state
                .info(format!("Saved the practice settings to {}", path.display())),
        }
        self.practice = Some(practice);
        self.print.mark_stale();
        self.panels.practice.open = false;
    }
}
