//! A single-line text field that commits once, on Enter or when it loses focus, so
//! typing a name is one undo step and not one per key.

use egui::{Key, Response, TextEdit, Ui};

/// A text field showing `value`; returns the new text when the user commits a
/// change. Escape throws the typing away. `label` is the accessible name (and the
/// test handle); draw a visible label beside it yourself when you want one.
pub fn commit_edit(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    value: &str,
    hint: &str,
    width: f32,
) -> Option<String> {
    let id = ui.make_persistent_id(id_salt);
    let buffer_id = id.with("buffer");
    let mut buffer: String = ui
        .data(|d| d.get_temp::<String>(buffer_id))
        .unwrap_or_else(|| value.to_string());
    let output = TextEdit::singleline(&mut buffer)
        .id(id)
        .hint_text(hint)
        .desired_width(width)
        .show(ui);
    let response: Response = output.response.response;
    name(&response, label, &buffer, hint);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(buffer_id, buffer));
        return None;
    }
    ui.data_mut(|d| d.remove::<String>(buffer_id));
    let escaped = ui.input(|i| i.key_pressed(Key::Escape));
    (response.lost_focus() && !escaped && buffer != value).then_some(buffer)
}

/// Gives a text field its accessible name without changing its text value.
pub fn name(response: &Response, label: &str, text: &str, hint: &str) {
    let label = label.to_string();
    let text = text.to_string();
    let hint = hint.to_string();
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::text_edit(true, text.clone(), text.clone(), hint.clone());
        info.label = Some(label.clone());
        info
    });
}

/// Names a widget that has no text of its own to be named by (a combo box shows
/// its value, not what it is for).
pub fn name_combo(response: &Response, label: &str, value: &str) {
    let label = label.to_string();
    let value = value.to_string();
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::new(egui::Role::ComboBox);
        info.label = Some(label.clone());
        info.current_text_value = Some(value.clone());
        info
    });
}

/// Parses a date typed as YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("expected a date as YYYY-MM-DD, found {:?}", text.trim()))
}
