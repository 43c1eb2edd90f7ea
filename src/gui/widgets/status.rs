//! Status marks for a line's flags: always a word, coloured by kind, so colour is
//! never the only signal.

use egui::{Color32, RichText, Ui};

use crate::engine::Flag;
pub use crate::report::Tone;
use crate::report::fmt::{flag_tone as tone, flag_word, flag_words_by_tone};

/// The colour of a tone in the current theme.
pub fn color(ui: &Ui, tone: Tone) -> Color32 {
    let dark = ui.visuals().dark_mode;
    match (tone, dark) {
        (Tone::Denied, false) => Color32::from_rgb(0xb0, 0x1e, 0x1e),
        (Tone::Denied, true) => Color32::from_rgb(0xff, 0x7b, 0x72),
        (Tone::Reduced, false) => Color32::from_rgb(0x9a, 0x52, 0x00),
        (Tone::Reduced, true) => Color32::from_rgb(0xf0, 0xa8, 0x40),
        (Tone::Notice, false) => Color32::from_rgb(0x1f, 0x5f, 0xae),
        (Tone::Notice, true) => Color32::from_rgb(0x79, 0xb8, 0xff),
        (Tone::Info, _) => ui.visuals().weak_text_color(),
    }
}

/// A leading mark so the kind is readable without colour.
fn mark(tone: Tone) -> &'static str {
    match tone {
        Tone::Denied => "× ",
        Tone::Reduced => "• ",
        Tone::Notice => "! ",
        Tone::Info => "",
    }
}

/// The status cell: mark and words in the colour of the most serious flag.
pub fn status_cell(ui: &mut Ui, flags: &[Flag]) {
    let Some(worst) = flags.iter().map(|f| tone(*f)).min() else {
        return;
    };
    let text = format!("{}{}", mark(worst), flag_words_by_tone(flags));
    ui.add(egui::Label::new(RichText::new(text).color(color(ui, worst))).truncate());
}

/// One badge per flag, wrapping (the explanation panel).
pub fn flag_badges(ui: &mut Ui, flags: &[Flag]) {
    ui.horizontal_wrapped(|ui| {
        for flag in flags {
            let tone = tone(*flag);
            let text = format!("{}{}", mark(tone), flag_word(*flag));
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, color(ui, tone)))
                .corner_radius(4.0)
                .inner_margin(egui::Margin::symmetric(4, 1))
                .show(ui, |ui| {
                    ui.label(RichText::new(text).color(color(ui, tone)));
                });
        }
    });
}
