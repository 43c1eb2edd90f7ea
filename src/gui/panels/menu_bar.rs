//! The menu bar: File, Edit, View, Help. Every item is a [`Command`] with its label and
//! shortcut from one place, so the menu and the keyboard cannot drift apart.

use std::path::PathBuf;

use egui::{Button, Ui};

use super::{Out, PanelCtx};
use crate::gui::command::Command;
use crate::gui::prefs::ThemeChoice;

/// Draws the menu bar.
pub fn menu_bar_ui(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    recent: &[PathBuf],
    theme: ThemeChoice,
    out: Out<'_>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Command::New, true, out);
            item(ui, Command::Open, true, out);
            item(ui, Command::Patients, true, out);
            ui.add_enabled_ui(!recent.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in recent {
                        if ui.button(path.display().to_string()).clicked() {
                            out.push(Command::OpenPath(path.clone()));
                        }
                    }
                });
            });
            item(ui, Command::ShowPathWindow, true, out);
            ui.separator();
            item(ui, Command::Save, true, out);
            item(ui, Command::SaveAs, true, out);
            ui.separator();
            item(ui, Command::Print, true, out);
            item(ui, Command::PracticeSettings, true, out);
            ui.separator();
            item(ui, Command::ImportEligibility, true, out);
            item(ui, Command::ReloadLibrary, true, out);
            ui.separator();
            item(ui, Command::Quit, true, out);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, Command::Undo, ctx.state.history.can_undo(), out);
            item(ui, Command::Redo, ctx.state.history.can_redo(), out);
            ui.separator();
            item(ui, Command::TypeLines, true, out);
        });
        ui.menu_button("View", |ui| {
            for choice in [ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::System] {
                let command = Command::Theme(choice);
                if ui.radio(theme == choice, command.label()).clicked() {
                    out.push(command);
                    ui.close();
                }
            }
            ui.separator();
            item(ui, Command::ToggleCompare, true, out);
            ui.separator();
            item(ui, Command::ZoomIn, true, out);
            item(ui, Command::ZoomOut, true, out);
            item(ui, Command::ZoomReset, true, out);
        });
        ui.menu_button("Library", |ui| {
            item(ui, Command::EditPlans, true, out);
            item(ui, Command::EditFeeSchedules, true, out);
            ui.separator();
            item(ui, Command::ReloadLibrary, true, out);
        });
        ui.menu_button("Help", |ui| {
            item(ui, Command::KeyboardHelp, true, out);
            if ui.button("Code reference").clicked() {
                super::code_reference::open(ui.ctx());
                ui.close();
            }
        });
    });
}

/// One menu item with its shortcut text.
fn item(ui: &mut Ui, command: Command, enabled: bool, out: Out<'_>) {
    let mut button = Button::new(command.label());
    if let Some(keys) = command.keys_text(ui.ctx()) {
        button = button.shortcut_text(keys);
    }
    if ui.add_enabled(enabled, button).clicked() {
        out.push(command);
        ui.close();
    }
}
