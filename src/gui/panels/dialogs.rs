//! Modal and small windows: the unsaved-changes prompt, and the in-app path window
//! that works when no native file dialog is available.

use std::path::{Path, PathBuf};

use egui::{Id, Modal, RichText};

use super::Out;
use crate::gui::autosave::Found;
use crate::gui::command::{Command, OverwriteAnswer};
use crate::gui::widgets::commit_edit::name;

/// Asks what to do with unsaved changes before `what` ("closing", "opening
/// another file"). Save / Discard / Cancel; Escape or a click outside cancels.
pub fn unsaved_prompt_ui(ctx: &egui::Context, document: &str, what: &str, out: Out<'_>) {
    let response = Modal::new(Id::unique("unsaved_prompt")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading("Unsaved changes");
        ui.label(format!("Save the changes to {document} before {what}?"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Save").strong()).clicked() {
                out.push(Command::PromptSave);
            }
            if ui
                .button("Discard")
                .on_hover_text("Throw the changes away")
                .clicked()
            {
                out.push(Command::PromptDiscard);
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::PromptCancel);
            }
        });
    });
    if response.should_close() {
        out.push(Command::PromptCancel);
    }
}

/// Asks before a save writes over a file: the document's own file changed on
/// disk since it was opened (`changed`), or another file exists at `path`.
/// Escape or a click outside cancels.
pub fn overwrite_prompt_ui(ctx: &egui::Context, path: &Path, changed: bool, out: Out<'_>) {
    let response = Modal::new(Id::unique("overwrite_prompt")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        if changed {
            ui.heading("The file changed on disk");
            ui.label(format!(
                "The file changed on disk since you opened it (another program or workstation saved {}): overwrite it, save as a new file, or cancel?",
                path.display()
            ));
        } else {
            ui.heading("Replace the existing file?");
            ui.label(format!(
                "{} already exists. Replace it with this treatment plan?",
                path.display()
            ));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let (yes, hint) = if changed {
                ("Overwrite", "Replace the other version with yours")
            } else {
                ("Replace", "Replace that file with this treatment plan")
            };
            if ui.button(yes).on_hover_text(hint).clicked() {
                out.push(Command::Overwrite(OverwriteAnswer::Overwrite));
            }
            if changed
                && ui
                    .button(RichText::new("Save as a new file").strong())
                    .on_hover_text("Keep the file on disk as it is")
                    .clicked()
            {
                out.push(Command::Overwrite(OverwriteAnswer::SaveAsNew));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::Overwrite(OverwriteAnswer::Cancel));
            }
        });
    });
    if response.should_close() {
        out.push(Command::Overwrite(OverwriteAnswer::Cancel));
    }
}

/// Unsaved work found on start (left by a crash or a kill): restore or discard.
pub fn recovery_prompt_ui(ctx: &egui::Context, found: &Found, out: Out<'_>) {
    let recovery = &found.recovery;
    let belongs = recovery.original.as_deref().map_or_else(
        || "a new treatment plan that was never saved".to_string(),
        |p| p.display().to_string(),
    );
    let patient = recovery.plan.patient.name.trim();
    Modal::new(Id::unique("recovery_prompt")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Unsaved work was found");
        ui.label(format!(
            "Ferrule closed before these changes were saved. They belong to {belongs}{}.",
            if patient.is_empty() {
                String::new()
            } else {
                format!(" (patient {patient})")
            }
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Restore").strong()).clicked() {
                out.push(Command::RestoreRecovery(found.file.clone()));
            }
            if ui
                .button("Discard")
                .on_hover_text("Throw these unsaved changes away")
                .clicked()
            {
                out.push(Command::DiscardRecovery(found.file.clone()));
            }
        });
    });
}

/// The "Open or save by path" window's state.
#[derive(Debug, Default)]
pub struct PathWindow {
    /// Shown when true.
    pub open: bool,
    /// The path typed.
    pub text: String,
    /// Why the window was opened (shown at its top), e.g. no native dialog.
    pub note: Option<String>,
    /// True when it asks where to save the printed estimate (PDF), not a plan.
    pub for_pdf: bool,
}

impl PathWindow {
    /// Opens the window with a suggested path.
    pub fn show_with(&mut self, suggestion: Option<PathBuf>, note: Option<String>) {
        self.open = true;
        self.for_pdf = false;
        self.note = note;
        if let Some(path) = suggestion {
            self.text = path.display().to_string();
        }
    }
}

impl PathWindow {
    /// Opens the window to ask where the PDF goes.
    pub fn show_for_pdf(&mut self, suggestion: Option<PathBuf>, note: Option<String>) {
        self.show_with(suggestion, note);
        self.for_pdf = true;
    }
}

/// Draws the window when open.
pub fn path_window_ui(
    ctx: &egui::Context,
    window: &mut PathWindow,
    recent: &[PathBuf],
    out: Out<'_>,
) {
    if !window.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Open or save by path")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            if let Some(note) = &window.note {
                ui.label(RichText::new(note).weak());
            }
            let (what, hint) = if window.for_pdf {
                ("Printed estimate (.pdf):", "/home/me/estimates/patient.pdf")
            } else {
                ("Treatment-plan file (.ron):", "/home/me/plans/patient.ron")
            };
            ui.label(what);
            let response = egui::TextEdit::singleline(&mut window.text)
                .hint_text(hint)
                .desired_width(440.0)
                .show(ui)
                .response
                .response;
            name(&response, "File path", &window.text, hint);
            let path = PathBuf::from(window.text.trim());
            let has_path = !window.text.trim().is_empty();
            if window.for_pdf {
                if ui
                    .add_enabled(has_path, egui::Button::new("Save PDF here"))
                    .clicked()
                {
                    out.push(Command::SavePdfToPath(path.clone()));
                    window.open = false;
                }
                return;
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(has_path, egui::Button::new("Open"))
                    .clicked()
                {
                    out.push(Command::OpenPath(path.clone()));
                    window.open = false;
                }
                if ui
                    .add_enabled(has_path, egui::Button::new("Save here"))
                    .clicked()
                {
                    out.push(Command::SaveToPath(path.clone()));
                    window.open = false;
                }
            });
            if !recent.is_empty() {
                ui.separator();
                ui.label(RichText::new("Recent files").weak());
                for path in recent {
                    if ui.link(path.display().to_string()).clicked() {
                        window.text = path.display().to_string();
                    }
                }
            }
        });
    if !open {
        window.open = false;
    }
}
