//! Moving the keyboard to a text field by its accessible label ("Patient name",
//! "Visit 2 date", "Quick entry") after an action that makes it the next thing to
//! type into: a new patient, a new visit, a new option. The field may not exist
//! yet (it appears once the edit is applied), so the wish waits a few frames for
//! it, and gives up when it does not come.

use egui::{Id, Response};

/// Frames the wish waits for its field.
const TRIES: u8 = 4;

/// Where the cursor goes in the field that takes the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cursor {
    /// Everything selected, so typing replaces it (a date to retype).
    SelectAll,
    /// After the text, so typing adds to it (a preset's key, then the tooth).
    AtEnd,
}

/// The label wished for, the frames left, and where the cursor goes.
type Wish = Option<(String, u8, Cursor)>;

fn wish_id() -> Id {
    Id::unique("ferrule-focus-field-wish")
}

/// Asks for the field labelled `label` to take the keyboard when next drawn,
/// with its text selected.
pub fn focus_field(ctx: &egui::Context, label: impl Into<String>) {
    focus_field_with(ctx, label, Cursor::SelectAll);
}

/// As [`focus_field`], with the cursor where `cursor` says.
pub fn focus_field_with(ctx: &egui::Context, label: impl Into<String>, cursor: Cursor) {
    let wish: Wish = Some((label.into(), TRIES, cursor));
    ctx.data_mut(|d| d.insert_temp(wish_id(), wish));
    ctx.request_repaint();
}

/// Gives the keyboard to the field just drawn when it is the one wished for,
/// with its `text` selected (a new visit's date starts as the previous visit's)
/// or the cursor after it. Every named text field calls this (through
/// `commit_edit::name`).
pub fn take_wish(response: &Response, label: &str, text: &str) {
    let ctx = &response.ctx;
    let wish: Wish = ctx.data(|d| d.get_temp(wish_id())).flatten();
    let Some((wanted, tries, cursor)) = wish else {
        return;
    };
    if wanted != label {
        return;
    }
    if response.has_focus() {
        ctx.data_mut(|d| d.insert_temp::<Wish>(wish_id(), None));
    } else if tries > 0 {
        response.request_focus();
        let mut state = egui::TextEdit::load_state(ctx, response.id).unwrap_or_default();
        let end = egui::text::CCursor::new(text.chars().count());
        let range = match cursor {
            Cursor::SelectAll => egui::text::CCursorRange::two(egui::text::CCursor::new(0), end),
            Cursor::AtEnd => egui::text::CCursorRange::one(end),
        };
        state.cursor.set_char_range(Some(range));
        state.store(ctx, response.id);
        ctx.request_repaint();
    }
}

/// Counts the frames a wish has waited (call once at the end of each frame), so
/// a field that never appears cannot take the keyboard much later.
pub fn age_wish(ctx: &egui::Context) {
    let wish: Wish = ctx.data(|d| d.get_temp(wish_id())).flatten();
    if let Some((label, tries, cursor)) = wish {
        let next = (tries > 0).then(|| (label, tries - 1, cursor));
        ctx.data_mut(|d| d.insert_temp(wish_id(), next));
    }
}
