//! The patient folder in the app: which folder it is (the practice setting, else
//! the default the app was started with), the Patients window, and the start
//! screen with the recent patients. The folder is listed on a background thread
//! each time the window opens (unchanged files are not read again).

use std::path::{Path, PathBuf};

use super::FerruleApp;
use crate::gui::panels::patients::{self, PatientsView};
use crate::gui::patients::PatientList;
use crate::library;
use crate::model::DateStyle;

impl FerruleApp {
    /// The patient folder: the one in the practice settings, else the default
    /// given to [`FerruleApp::set_patients_dir`]; None when there is neither.
    pub fn patient_folder(&self) -> Option<PathBuf> {
        self.practice
            .as_ref()
            .and_then(|p| p.settings.patients_folder())
            .map(Path::to_path_buf)
            .or_else(|| self.patients_dir.clone())
    }

    /// The patient folder, created owner-only when missing (a problem is shown
    /// and the folder is still returned: the dialog or the save says the rest).
    pub(super) fn prepared_patient_folder(&mut self) -> Option<PathBuf> {
        let folder = self.patient_folder()?;
        if let Err(e) = library::prepare_patient_folder(&folder) {
            self.state.error(format!(
                "Cannot create the patient folder {}: {e}",
                folder.display()
            ));
        }
        Some(folder)
    }

    /// The index of the patient folder, as far as it is known.
    pub fn patient_list(&self) -> &PatientList {
        &self.patients
    }

    /// True while the start screen (recent patients) is shown.
    pub fn start_screen_shown(&self) -> bool {
        self.panels.start.open
            && self.autosave.found.is_empty()
            && self.prompt.is_none()
            && self.overwrite.is_none()
            && !self.panels.patients.open
    }

    /// Hides the start screen (the app was started for a view of its own).
    pub fn hide_start_screen(&mut self) {
        self.panels.start.open = false;
    }

    /// Opens the Patients window and lists the folder again.
    pub(super) fn show_patients(&mut self, ctx: &egui::Context) {
        self.panels.patients.show();
        self.panels.start.open = false;
        if let Some(folder) = self.patient_folder() {
            self.patients.refresh(ctx, &folder);
        }
    }

    /// Takes in a finished listing; lists the folder for the start screen the
    /// first time; closes the start screen once the document was edited or
    /// replaced.
    pub(super) fn tend_patients(&mut self, ctx: &egui::Context) {
        self.patients.poll();
        let start = &mut self.panels.start;
        if start.open && self.state.document_revision != start.revision {
            start.open = false;
        }
        if self.start_screen_shown()
            && !self.patients.has_started()
            && let Some(folder) = self.patient_folder()
        {
            self.patients.refresh(ctx, &folder);
        }
    }

    /// Draws the Patients window and the start screen.
    pub(super) fn draw_patients(&mut self, ctx: &egui::Context, style: DateStyle) {
        let folder = self.patient_folder();
        let start_shown = self.start_screen_shown();
        let view = PatientsView {
            list: &self.patients,
            folder: folder.as_deref(),
            style,
        };
        let out = &mut self.commands;
        patients::patients_window_ui(ctx, &mut self.panels.patients, &view, out);
        if start_shown {
            patients::start_screen_ui(ctx, &mut self.panels.start, &view, out);
        }
    }
}
