//! Help > "Keyboard shortcuts": the shortcuts listed from the command list
//! ([`Command::keyboard_list`], each with its menu label and keys), so the window
//! cannot disagree with the menus or with what the keys do.

use egui::{Grid, RichText};

use crate::gui::command::Command;

/// Keys that are not commands of their own.
const OTHER_KEYS: [(&str, &str); 3] = [
    ("Close the window on top (Cancel)", "Escape"),
    ("Accept what was typed in a field", "Enter"),
    ("Next field / previous field", "Tab / Shift+Tab"),
];

/// The window's rows: what the command does (its menu label) and its keys.
pub fn shortcut_rows(ctx: &egui::Context) -> Vec<(&'static str, String)> {
    Command::keyboard_list()
        .iter()
        .filter_map(|c| c.keys_text(ctx).map(|keys| (c.label(), keys)))
        .collect()
}

/// Draws the window while `open`; its close button and Escape clear `open`.
pub fn keyboard_window_ui(ctx: &egui::Context, open: &mut bool) {
    if !*open {
        return;
    }
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            Grid::new("keyboard_shortcuts")
                .num_columns(2)
                .spacing([24.0, 4.0])
                .striped(true)
                .show(ui, |ui| {
                    for (label, keys) in shortcut_rows(ctx) {
                        ui.label(label.trim_end_matches('…'));
                        ui.label(RichText::new(keys).monospace());
                        ui.end_row();
                    }
                    for (what, keys) in OTHER_KEYS {
                        ui.label(what);
                        ui.label(RichText::new(keys).monospace());
                        ui.end_row();
                    }
                });
        });
}
