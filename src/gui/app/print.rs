//! Printing from the app: saving the previewed estimate as a PDF, and the practice
//! settings it prints with (edited in their own window, saved to their own file,
//! never part of the document or its undo history).

use super::FerruleApp;
use crate::export::Paper;
use crate::gui::files::DialogKind;
use crate::gui::print::{Practice, PrintJob, open_in_viewer};
use crate::library::printer::{self, MAX_COPIES, Media};
use crate::library::{self, practice, write_atomic};
use crate::model::PracticeSettings;
use crate::model::practice::DEFAULT_NAME;

impl FerruleApp {
    /// Opens the print preview on the shown option's estimate or on the options
    /// handout, with this workstation's printer, copies and paper. While the
    /// practice has no name and its settings file can be saved, the practice
    /// window asks for its details first (unless "Later" was chosen here).
    pub(super) fn open_print(&mut self, handout: bool) {
        let practice = self
            .practice
            .get_or_insert_with(|| Practice::load(self.practice_path.clone()));
        let name = practice.settings.name.trim();
        // Only where the answers can be saved (a settings folder exists).
        let unnamed = (name.is_empty() || name == DEFAULT_NAME) && practice.path.is_some();
        let p = &mut self.print;
        p.open = true;
        p.page = 0;
        p.handout = handout;
        p.language = None;
        p.paper = self.prefs.printing.paper;
        p.copies = self.prefs.printing.copies.clamp(1, MAX_COPIES);
        p.printer = self.prefs.printing.printer.clone();
        p.printers = Some(printer::list().map_err(|e| e.to_string()));
        if unnamed && !self.prefs.practice_later && !self.panels.practice.open {
            self.open_practice_settings();
            self.panels.practice.first_print = true;
        }
    }

    /// The handout, the printer choice, sending, and "Later".
    pub(super) fn print_job(&mut self, job: PrintJob) {
        match job {
            PrintJob::Handout => self.open_print(true),
            PrintJob::Printer(name) => {
                self.print.printer = Some(name.clone());
                self.prefs.printing.printer = Some(name);
            }
            PrintJob::Copies(n) => {
                let n = n.clamp(1, MAX_COPIES);
                self.print.copies = n;
                self.prefs.printing.copies = n;
            }
            PrintJob::RefreshPrinters => {
                self.print.printers = Some(printer::list().map_err(|e| e.to_string()));
            }
            PrintJob::Send => self.send_to_printer(),
            PrintJob::Language(language) => self.print.language = language,
            PrintJob::PracticeLater => {
                self.prefs.practice_later = true;
                self.panels.practice.open = false;
            }
        }
    }

    /// Sends what the preview shows to the chosen printer (else the system's
    /// default); the outcome goes to the status line.
    fn send_to_printer(&mut self) {
        let default = match &self.print.printers {
            Some(Ok(list)) => list.default.clone().or_else(|| list.names.first().cloned()),
            _ => None,
        };
        let Some(name) = self.print.printer.clone().or(default) else {
            self.state
                .error("Not printed: no printer is set up on this computer; save the PDF instead");
            return;
        };
        let bytes = match self.print.pdf() {
            Ok(bytes) => bytes,
            Err(e) => {
                self.state.error(format!("Not printed: {e}"));
                return;
            }
        };
        let media = match self.print.paper {
            Paper::Letter => Media::Letter,
            Paper::A4 => Media::A4,
        };
        let copies = self.print.copies.clamp(1, MAX_COPIES);
        match printer::send(&bytes, &name, copies, media) {
            Ok(said) => self.state.info(format!("Sent to {name}: {said}")),
            Err(e) => self.state.error(format!("Not printed on {name}: {e}")),
        }
    }

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
        let providers = settings.practice_providers();
        if self.state.library.providers != providers {
            // New providers price lines differently: estimate again.
            let mut library = self.state.library.clone();
            library.providers = providers;
            self.state.replace_library(library);
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
