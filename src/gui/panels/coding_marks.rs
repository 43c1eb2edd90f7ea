//! Coding notes where work happens: a mark beside a line's code in the table and
//! a count beside each option's tab. The full text is in the details panel.

use egui::{RichText, Ui};

use crate::engine::coding::{CodingNote, NoteKind};
use crate::gui::widgets::status::{Tone, color};
use crate::model::coding::Severity;

/// The tone a note is shown in: a denial in the denial colour, other warnings as
/// notices, reminders as information.
pub fn tone(note: &CodingNote) -> Tone {
    match note.severity {
        Severity::Denied => Tone::Denied,
        Severity::LikelyDenied => Tone::Notice,
        Severity::Information => Tone::Info,
    }
}

/// The mark beside line `number`'s code: "!" and the rule ids of its warnings, or
/// "i" when it has reminders only; hovering shows every note.
pub fn row_mark(ui: &mut Ui, number: usize, notes: &[CodingNote]) {
    let Some(worst) = notes.iter().map(tone).min() else {
        return;
    };
    let warnings: Vec<&str> = notes
        .iter()
        .filter(|n| n.kind == NoteKind::Warning)
        .map(|n| n.rule.as_str())
        .collect();
    let text = if warnings.is_empty() {
        "i".to_string()
    } else {
        format!("! {}", warnings.join(" "))
    };
    let response = ui.label(RichText::new(text).small().color(color(ui, worst)));
    let spoken: Vec<String> = notes
        .iter()
        .map(|n| format!("{} {}", n.rule, n.severity.words()))
        .collect();
    let label = format!("Coding notes on line {number}: {}", spoken.join("; "));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label.clone()));
    let hover: Vec<String> = notes
        .iter()
        .map(|n| format!("{} ({}): {}", n.rule, n.severity.words(), n.full_text()))
        .collect();
    response.on_hover_text(hover.join("\n"));
}

/// The number of coding warnings in an option, beside its tab (nothing when
/// there are none).
pub fn option_count(ui: &mut Ui, name: &str, notes: &[CodingNote]) {
    let warnings = notes.iter().filter(|n| n.kind == NoteKind::Warning).count();
    if warnings == 0 {
        return;
    }
    let worst = notes.iter().map(tone).min().unwrap_or(Tone::Notice);
    let response = ui.label(RichText::new(format!("!{warnings}")).color(color(ui, worst)));
    let label = format!("Coding warnings in {name}: {warnings}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label.clone()));
    response.on_hover_text(format!(
        "{warnings} coding warning(s) in this option: see the marks beside the codes"
    ));
}
