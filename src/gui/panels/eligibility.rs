//! File > "Import eligibility…": the review screen for a 271 eligibility response.
//! It shows the members found, the draft plan's mapped values and what staff must
//! check (each with its segment), and offers "Save draft plan to library" and "Use
//! for this patient". Reading and writing happen in the app; this only draws and
//! pushes commands.

use egui::{Grid, RichText, ScrollArea};

use super::Out;
use super::eligibility_update::{UpdateState, update_ui};
use crate::gui::command::Command;
use crate::gui::widgets::commit_edit;
use crate::import::Import271;
use crate::model::Library;
use crate::report::ImportView;

/// A response read, with its view.
#[derive(Debug)]
pub struct Loaded {
    /// The file's text (mapped again onto a library plan to update it).
    pub text: String,
    /// What the file says, mapped.
    pub import: Import271,
    /// The same, as text.
    pub view: ImportView,
}

/// The window's state across frames.
#[derive(Debug, Default)]
pub struct EligibilityWindow {
    /// Shown.
    pub open: bool,
    /// The path typed (or picked).
    pub path: String,
    /// The response read, or why it could not be.
    pub loaded: Option<Result<Loaded, String>>,
    /// The member whose coverage "Use for this patient" takes.
    pub member: usize,
    /// Give the path field the keyboard on the next frame (the window just opened).
    pub focus_path: bool,
    /// "Update an existing plan".
    pub update: UpdateState,
}

/// Draws the window while it is open.
pub fn eligibility_window_ui(
    ctx: &egui::Context,
    library: &Library,
    window: &mut EligibilityWindow,
    out: Out<'_>,
) {
    if !window.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Import eligibility (271)")
        .open(&mut open)
        .collapsible(false)
        .default_size([1000.0, 720.0])
        .show(ctx, |ui| {
            file_row(ui, window, out);
            ui.separator();
            match &window.loaded {
                None => {
                    ui.label("Choose the 271 file the carrier or clearinghouse sent.");
                }
                Some(Err(message)) => {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
                Some(Ok(loaded)) => {
                    review_ui(ui, loaded, &mut window.member, out);
                    ui.separator();
                    update_ui(ui, library, &mut window.update, out);
                }
            }
        });
    if !open {
        window.open = false;
    }
}

/// The path field with "Read file" and "Choose file…".
fn file_row(ui: &mut egui::Ui, window: &mut EligibilityWindow, out: Out<'_>) {
    ui.horizontal(|ui| {
        ui.label("271 file:");
        let field = egui::TextEdit::singleline(&mut window.path)
            .hint_text("/path/to/response.edi")
            .desired_width(420.0);
        let response = ui.add(field);
        commit_edit::name(&response, "271 file", &window.path, "");
        if std::mem::take(&mut window.focus_path) {
            response.request_focus();
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let path = window.path.trim();
        if (ui
            .add_enabled(!path.is_empty(), egui::Button::new("Read file"))
            .clicked()
            || entered)
            && !path.is_empty()
        {
            out.push(Command::ReadEligibility(path.into()));
        }
        if ui.button("Choose file…").clicked() {
            out.push(Command::ChooseEligibilityFile);
        }
    });
}

/// Members, draft plan, review list and the two actions.
fn review_ui(ui: &mut egui::Ui, loaded: &Loaded, member: &mut usize, out: Out<'_>) {
    let view = &loaded.view;
    ui.heading(&view.heading);
    ui.horizontal(|ui| {
        if ui.button("Save draft plan to library").clicked() {
            out.push(Command::SaveEligibilityPlan);
        }
        if ui.button("Use for this patient").clicked() {
            out.push(Command::UseEligibility(*member));
        }
        ui.label(RichText::new(format!("as {}", loaded.import.draft.plan.id)).weak());
    });
    ui.columns(2, |cols| {
        ScrollArea::vertical()
            .id_salt("eligibility_members")
            .max_height(200.0)
            .show(&mut cols[0], |ui| members_ui(ui, view, member));
        ScrollArea::vertical()
            .id_salt("eligibility_plan")
            .max_height(200.0)
            .show(&mut cols[1], |ui| {
                pairs_ui(ui, "Draft plan", "eligibility_plan", &view.plan)
            });
    });
    ui.separator();
    ui.label(RichText::new(format!("To review ({})", view.review.len())).strong());
    ScrollArea::vertical()
        .id_salt("eligibility_review")
        .max_height(110.0)
        .show(ui, |ui| {
            for item in &view.review {
                ui.label(format!("• {item}"));
            }
        });
}

/// Each member with a choice of whose coverage to use.
fn members_ui(ui: &mut egui::Ui, view: &ImportView, member: &mut usize) {
    ui.label(RichText::new("Members").strong());
    for (i, m) in view.members.iter().enumerate() {
        let title = format!("{}: coverage {}", m.title, m.status);
        ui.radio_value(member, i, title);
        Grid::new(("eligibility_member", i))
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for (label, value) in &m.fields {
                    ui.label(label);
                    ui.label(value);
                    ui.end_row();
                }
            });
    }
}

/// A titled two-column grid of labels and values.
fn pairs_ui(ui: &mut egui::Ui, title: &str, id: &str, pairs: &[(String, String)]) {
    ui.label(RichText::new(title).strong());
    Grid::new(id).num_columns(2).striped(true).show(ui, |ui| {
        for (label, value) in pairs {
            ui.label(label);
            ui.label(value);
            ui.end_row();
        }
    });
}
