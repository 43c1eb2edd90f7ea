//! Amounts as people read them: right-aligned text made by `report::fmt`. The
//! GUI neither computes nor formats money; it lays out the report's cells.

use egui::{Align, Layout, RichText, Ui};

/// The widest amount a column is sized for.
const WIDEST: &str = "99,999.00";

/// A right-aligned amount filling the cell.
pub fn money_cell(ui: &mut Ui, text: &str) {
    right_aligned(ui, RichText::new(text));
}

/// A right-aligned amount in bold (totals).
pub fn money_total(ui: &mut Ui, text: &str) {
    right_aligned(ui, RichText::new(text).strong());
}

/// Right-aligned text filling the cell (headers of money columns).
pub fn right_aligned(ui: &mut Ui, text: RichText) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.label(text);
    });
}

/// Width of a money column in the current font, with some padding.
pub fn column_width(ui: &Ui) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width = ui.ctx().fonts_mut(|f| {
        f.layout_no_wrap(WIDEST.to_string(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x
    });
    width + 6.0
}

/// Right-aligned text in a cell of exactly `width` (grids size columns from their
/// content, so a right-to-left layout must not be given the whole row).
pub fn right_aligned_fixed(ui: &mut Ui, width: f32, text: RichText) {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        Layout::right_to_left(Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.label(text);
        },
    );
}
