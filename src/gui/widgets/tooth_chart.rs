//! A clickable tooth chart in Universal numbering, drawn as the dentist faces the
//! patient: upper arch 1..16 (primary A..J) left to right, lower arch 32..17
//! (primary T..K). Each tooth is a button named "Tooth 30" for screen readers and
//! tests; missing teeth are greyed but still clickable (a bridge or implant goes
//! there).

use egui::{Color32, Response, RichText, Ui, Vec2};

use crate::model::Tooth;

/// Which dentition the chart shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dentition {
    /// Adult teeth 1-32.
    #[default]
    Permanent,
    /// Baby teeth A-T.
    Primary,
}

/// The two rows of the chart, upper first, each in drawing order.
pub fn rows(dentition: Dentition) -> [Vec<Tooth>; 2] {
    match dentition {
        Dentition::Permanent => [
            (1..=16).map(Tooth::Permanent).collect(),
            (17..=32).rev().map(Tooth::Permanent).collect(),
        ],
        Dentition::Primary => [
            (1..=10).map(Tooth::Primary).collect(),
            (11..=20).rev().map(Tooth::Primary).collect(),
        ],
    }
}

/// Draws the chart; returns the tooth clicked this frame, if any.
pub fn tooth_chart(
    ui: &mut Ui,
    dentition: Dentition,
    selected: &[Tooth],
    missing: &[Tooth],
) -> Option<Tooth> {
    let mut clicked = None;
    let size = Vec2::new(24.0, 22.0);
    ui.spacing_mut().item_spacing.x = 2.0;
    // Two-digit numbers must fit the fixed button width.
    ui.spacing_mut().button_padding.x = 1.0;
    for (row_index, row) in rows(dentition).iter().enumerate() {
        ui.horizontal(|ui| {
            for (i, tooth) in row.iter().enumerate() {
                // A wider gap at the midline helps find the quadrant at a glance.
                if i == row.len() / 2 {
                    ui.add_space(8.0);
                }
                let response = tooth_button(
                    ui,
                    *tooth,
                    size,
                    selected.contains(tooth),
                    missing.contains(tooth),
                );
                if response.clicked() {
                    clicked = Some(*tooth);
                }
            }
        });
        if row_index == 0 {
            ui.add_space(2.0);
        }
    }
    clicked
}

fn tooth_button(ui: &mut Ui, tooth: Tooth, size: Vec2, selected: bool, missing: bool) -> Response {
    let mut text = RichText::new(tooth.to_string()).monospace();
    if missing && !selected {
        text = text.color(ui.visuals().weak_text_color()).strikethrough();
    }
    let mut button = egui::Button::new(text).selected(selected).min_size(size);
    if missing && !selected {
        button = button.fill(missing_fill(ui));
    }
    let response = ui.add(button);
    let state = if missing { " (missing)" } else { "" };
    let response = response.on_hover_text(format!("Tooth {tooth}{state}"));
    let label = format!("Tooth {tooth}");
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, label.clone())
    });
    response
}

fn missing_fill(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_gray(40)
    } else {
        Color32::from_gray(215)
    }
}
