//! Opening and saving treatment plans without ever overwriting by surprise. The
//! file's fingerprint is kept from the moment it is opened or saved; a save to
//! the document's own file asks first when another program (another workstation
//! on a shared folder) changed it since; a path typed in the path window asks
//! before replacing another existing file (the native dialog asks that itself); a
//! save into the library's `plans/` or `fee-schedules/` and a save over a
//! read-only file are refused with a message.

use std::path::{Path, PathBuf};

use super::FerruleApp;
use crate::gui::command::OverwriteAnswer;
use crate::gui::files::DialogKind;
use crate::gui::patients::{free_path_in, suggested_file_name};
use crate::gui::questions::{OverwriteAsk, Pending, SaveOrigin};
use crate::gui::state::Document;
use crate::library::{self, load_treatment_plan_fingerprinted, save_treatment_plan_fingerprinted};

impl FerruleApp {
    /// The save waiting for an answer ("changed on disk", "replace?"), if any.
    pub fn overwrite_question(&self) -> Option<&OverwriteAsk> {
        self.overwrite.as_ref()
    }

    /// Saves to `path` unless that is refused or must be asked first; runs `then`
    /// after a successful save.
    pub(super) fn request_save(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        origin: SaveOrigin,
        then: Option<Pending>,
    ) {
        if let Some(error) = self.refusal(&path) {
            self.state.error(error);
            self.after_save = None;
            return;
        }
        let own = self.is_document_file(&path);
        let changed = own && self.changed_on_disk(&path);
        let exists = !own && origin == SaveOrigin::Typed && library::exists(&path);
        if changed || exists {
            self.overwrite = Some(OverwriteAsk {
                path,
                changed,
                then,
            });
            return;
        }
        self.save_then(ctx, &path, then);
    }

    /// The answer to the overwrite question.
    pub(super) fn answer_overwrite(&mut self, ctx: &egui::Context, answer: OverwriteAnswer) {
        let Some(ask) = self.overwrite.take() else {
            return;
        };
        match answer {
            OverwriteAnswer::Overwrite => self.save_then(ctx, &ask.path, ask.then),
            OverwriteAnswer::SaveAsNew => {
                self.after_save = ask.then;
                self.save_as_new(ctx, &ask.path);
            }
            OverwriteAnswer::Cancel if ask.changed => self.after_save = None,
            OverwriteAnswer::Cancel => {
                // Back to the path window, to type another name.
                self.after_save = ask.then;
                self.panels.path_window.show_with(Some(ask.path), None);
            }
        }
    }

    /// Saves, then runs `then` when it worked.
    fn save_then(&mut self, ctx: &egui::Context, path: &Path, then: Option<Pending>) {
        if self.save_to(path)
            && let Some(pending) = then
        {
            self.proceed(ctx, pending);
        }
    }

    /// Why a save to `path` is refused outright, in words: a library file, a
    /// read-only file, a folder.
    fn refusal(&self, path: &Path) -> Option<String> {
        let library = self
            .state
            .library_dir
            .as_deref()
            .or(self.state.library.root.as_deref());
        if library.is_some_and(|dir| library::in_library_folder(path, dir)) {
            return Some(format!(
                "Not saved: {} is in the library's plans/ or fee-schedules/ folder, which holds insurance plans and fee schedules, not treatment plans. Save it in another folder.",
                path.display()
            ));
        }
        library::can_replace(path)
            .err()
            .map(|e| format!("Not saved to {}: {e}", path.display()))
    }

    /// True when `path` is the open document's own file.
    fn is_document_file(&self, path: &Path) -> bool {
        self.state
            .document
            .path
            .as_deref()
            .is_some_and(|own| own == path || library::same_file(own, path))
    }

    /// True when the file at `path` is not what was opened or saved here; a file
    /// that is gone loses nothing, one that cannot be read to compare is asked about.
    fn changed_on_disk(&self, path: &Path) -> bool {
        match library::fingerprint(path) {
            Ok(None) => false,
            Ok(Some(now)) => !self
                .state
                .document
                .disk
                .as_ref()
                .is_some_and(|then| then.same_content(&now)),
            Err(_) => true,
        }
    }

    /// Saves; returns true on success. The error, if any, is shown once.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        match save_treatment_plan_fingerprinted(path, &self.state.document.plan) {
            Ok(fingerprint) => {
                let document = &mut self.state.document;
                document.path = Some(path.to_path_buf());
                document.clean = document.plan.clone();
                document.disk = Some(fingerprint);
                self.prefs.remember(path);
                self.state.info(format!("Saved {}", path.display()));
                true
            }
            Err(e) => {
                self.state.error(format!("Not saved: {e}"));
                self.after_save = None;
                false
            }
        }
    }

    /// Opens a treatment plan, remembering its fingerprint.
    pub(super) fn open_path(&mut self, path: PathBuf) {
        match load_treatment_plan_fingerprinted(&path) {
            Ok((plan, fingerprint)) => {
                self.prefs.remember(&path);
                self.state.info(format!("Opened {}", path.display()));
                self.state
                    .replace_document(Document::opened(plan, path, fingerprint));
            }
            Err(e) => self.state.error(format!("Could not open: {e}")),
        }
    }

    /// Asks where to save: a native dialog, else the path window. A plan never
    /// saved goes to the patient folder as "<name> <chart>.ron".
    pub(super) fn save_as(&mut self, ctx: &egui::Context) {
        let patient = &self.state.document.plan.patient;
        let name = suggested_file_name(&patient.name, patient.chart_number.as_deref());
        let directory = match self.state.document.path {
            None => self
                .prepared_patient_folder()
                .or_else(|| self.document_dir()),
            Some(_) => self.document_dir(),
        };
        let free = directory.as_deref().map(|d| free_path_in(d, &name));
        let name = free
            .as_deref()
            .and_then(Path::file_name)
            .map_or(name, |n| n.to_string_lossy().into_owned());
        if !self
            .dialogs
            .start(ctx, DialogKind::Save, directory, Some(name))
        {
            let suggestion = self.state.document.path.clone().or(free);
            self.panels.path_window.show_with(suggestion, None);
        }
    }

    /// Asks where to save under a new name beside `taken`, which is left alone.
    fn save_as_new(&mut self, ctx: &egui::Context, taken: &Path) {
        let suggestion = free_name_beside(taken);
        let directory = suggestion.parent().map(Path::to_path_buf);
        let name = suggestion
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        if !self.dialogs.start(ctx, DialogKind::Save, directory, name) {
            let note = format!(
                "{} is left as it is: save under a new name.",
                taken.display()
            );
            self.panels
                .path_window
                .show_with(Some(suggestion), Some(note));
        }
    }

    /// Where saving a PDF or a copy starts: the open file's folder, else the last
    /// file's, else the patient folder.
    pub(super) fn document_dir(&self) -> Option<PathBuf> {
        let folder_of = |p: &Path| p.parent().map(Path::to_path_buf);
        self.state
            .document
            .path
            .as_deref()
            .and_then(folder_of)
            .or_else(|| self.prefs.recent.first().and_then(|p| folder_of(p)))
            .or_else(|| self.patient_folder())
    }
}

/// "plan-2.ron" beside "plan.ron" (the first number not taken).
fn free_name_beside(taken: &Path) -> PathBuf {
    let stem = taken
        .file_stem()
        .map_or_else(|| "treatment-plan".into(), |s| s.to_string_lossy());
    (2..1000)
        .map(|n| taken.with_file_name(format!("{stem}-{n}.ron")))
        .find(|p| !library::exists(p))
        .unwrap_or_else(|| taken.with_file_name(format!("{stem}-new.ron")))
}
