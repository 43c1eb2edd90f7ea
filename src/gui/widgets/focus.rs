//! Moving the keyboard to a text field by its accessible label ("Patient name",
//! "Visit 2 date", "Quick entry") after an action that makes it the next thing to
//! type into: a new patient, a new visit, a new option. The field may not exist
//! yet (it appears once the edit is applied), so the wish waits a few frames for
//! it, and gives up when it does not come.

use egui::{Id, Response};

/// Frames the wish waits for its field.
const TRIES: u8 = 4;

fn wish_id() -> Id {
    Id::unique("ferrule-focus-field-wish")
}

/// Asks for the field labelled `label` to take the keyboard when next drawn.
pub fn focus_field(ctx: &egui::Context, label: impl Into<String>) {
    let wish: Option<(String, u8)> = Some((label.into(), TRIES));
    ctx.data_mut(|d| d.insert_temp(wish_id(), wish));
    ctx.request_repaint();
}

/// Gives the keyboard to the field just drawn when it is the one wished for,
/// with its `text` selected so typing replaces it (a new visit's date starts as
/// the previous visit's). Every named text field calls this (through
/// `commit_edit::name`).
pub fn take_wish(response: &Response, label: &str, text: &str) {
    let ctx = &response.ctx;
    let wish: Option<(String, u8)> = ctx.data(|d| d.get_temp(wish_id())).flatten();
    let Some((wanted, tries)) = wish else {
        return;
    };
    if wanted != label {
        return;
    }
    if response.has_focus() {
        ctx.data_mut(|d| d.insert_temp::<Option<(String, u8)>>(wish_id(), None));
    } else if tries > 0 {
        response.request_focus();
        let mut state = egui::TextEdit::load_state(ctx, response.id).unwrap_or_default();
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(text.chars().count()),
        );
        state.cursor.set_char_range(Some(all));
        state.store(ctx, response.id);
        ctx.request_repaint();
    }
}

/// Counts the frames a wish has waited (call once at the end of each frame), so
/// a field that never appears cannot take the keyboard much later.
pub fn age_wish(ctx: &egui::Context) {
    let wish: Option<(String, u8)> = ctx.data(|d| d.get_temp(wish_id())).flatten();
    if let Some((label, tries)) = wish {
        let next = (tries > 0).then(|| (label, tries - 1));
        ctx.data_mut(|d| d.insert_temp(wish_id(), next));
    }
}
