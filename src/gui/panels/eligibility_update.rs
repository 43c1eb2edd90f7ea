//! "Update an existing plan" in the eligibility review: pick a library plan (the
//! same sorted, searchable list as the coverage plan picker), see each field that
//! the 271 changes (library value | value from the 271, from `report::plan_diff`),
//! and write the updated plan over the plan's file. The app compares and writes;
//! this only draws and pushes commands.

use std::path::PathBuf;

use egui::{Grid, RichText, ScrollArea, Ui};

use super::Out;
use super::coverage::picker::{item_label, matching};
use crate::gui::command::Command;
use crate::gui::widgets::commit_edit;
use crate::import::Import271;
use crate::model::Library;
use crate::report::plan_diff::FieldChange;

/// The accessible name of the plan search field.
pub const SEARCH: &str = "Search plans to update";

/// A library plan compared with the 271.
#[derive(Debug)]
pub struct Compared {
    /// The library plan's id.
    pub id: String,
    /// Its file, when it came from one.
    pub path: Option<PathBuf>,
    /// The 271 mapped onto that plan.
    pub import: Import271,
    /// Each field that differs, in file order.
    pub changes: Vec<FieldChange>,
    /// The file has comments a write would drop: ask first.
    pub ask_comments: bool,
}

/// The section's state across frames.
#[derive(Debug, Default)]
pub struct UpdateState {
    /// What is typed in the search field.
    pub query: String,
    /// The plan chosen and its differences.
    pub compared: Option<Compared>,
}

/// Draws the section: the plan list, then the chosen plan's differences.
pub fn update_ui(ui: &mut Ui, library: &Library, state: &mut UpdateState, out: Out<'_>) {
    ui.label(RichText::new("Update an existing plan").strong());
    ui.horizontal(|ui| {
        ui.label("Plan:");
        let field = egui::TextEdit::singleline(&mut state.query)
            .hint_text("Type a carrier, plan name or id")
            .desired_width(300.0);
        let response = ui.add(field);
        commit_edit::name(&response, SEARCH, &state.query, "");
    });
    ui.columns(2, |cols| {
        ScrollArea::vertical()
            .id_salt("eligibility_update_plans")
            .max_height(150.0)
            .show(&mut cols[0], |ui| {
                let chosen = state.compared.as_ref().map(|c| c.id.as_str());
                for plan in matching(library, &state.query) {
                    let selected = chosen == Some(plan.id.as_str());
                    if ui.selectable_label(selected, item_label(plan)).clicked() {
                        out.push(Command::CompareEligibilityPlan(plan.id.clone()));
                    }
                }
            });
        if let Some(compared) = &state.compared {
            ScrollArea::vertical()
                .id_salt("eligibility_update_diff")
                .max_height(150.0)
                .show(&mut cols[1], |ui| compared_ui(ui, compared, out));
        }
    });
}

/// The differences and the write button (or the question about comments).
fn compared_ui(ui: &mut Ui, compared: &Compared, out: Out<'_>) {
    if compared.changes.is_empty() {
        ui.label(format!(
            "{} already has every value the 271 states.",
            compared.id
        ));
        return;
    }
    Grid::new("eligibility_update_changes")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Field").strong());
            ui.label(RichText::new("In the library").strong());
            ui.label(RichText::new("From the 271").strong());
            ui.end_row();
            for change in &compared.changes {
                ui.label(&change.field);
                ui.label(&change.old);
                ui.label(&change.new);
                ui.end_row();
            }
        });
    if compared.ask_comments {
        ui.label("This plan's file has comments; writing it drops them.");
        ui.horizontal(|ui| {
            if ui.button("Replace anyway").clicked() {
                out.push(Command::UpdateEligibilityPlan(true));
            }
            if ui.button("Keep the file").clicked() {
                out.push(Command::CompareEligibilityPlan(compared.id.clone()));
            }
        });
    } else if ui
        .button(format!("Write updated plan {}", compared.id))
        .clicked()
    {
        out.push(Command::UpdateEligibilityPlan(false));
    }
}
