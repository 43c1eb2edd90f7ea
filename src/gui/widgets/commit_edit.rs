//! A single-line text field that commits once, on Enter or when it loses focus, so
//! typing a name is one undo step and not one per key.

use chrono::NaiveDate;
use egui::{Key, Response, RichText, TextEdit, Ui};

use crate::model::DateStyle;
use crate::report::dates::parse_typed_date;
use crate::report::fmt;

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
    super::focus::take_wish(response, label, text);
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

/// A date field: shows `value` in the practice's style, accepts every form
/// [`parse_typed_date`] reads, and returns the new date when the user commits a
/// different one. A date that does not read keeps the typing in the field with the
/// reason under it; the reason goes as soon as the field holds a valid date.
pub fn date_edit(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    value: NaiveDate,
    style: DateStyle,
    width: f32,
) -> Option<NaiveDate> {
    date_field(ui, id_salt, label, Some(value), style, width, false).flatten()
}

/// A date field that may be blank (a date still to be entered, or one that does
/// not apply): as [`date_edit`], and emptying the field commits `Some(None)`.
pub fn optional_date_edit(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    value: Option<NaiveDate>,
    style: DateStyle,
    width: f32,
) -> Option<Option<NaiveDate>> {
    date_field(ui, id_salt, label, value, style, width, true)
}

fn date_field(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    value: Option<NaiveDate>,
    style: DateStyle,
    width: f32,
    blank_ok: bool,
) -> Option<Option<NaiveDate>> {
    let id = ui.make_persistent_id(id_salt);
    let (buffer_id, error_id) = (id.with("buffer"), id.with("date_error"));
    let shown = value.map(|d| fmt::date(d, style)).unwrap_or_default();
    let hint = fmt::date_hint(style);
    let mut error: Option<String> = ui.data(|d| d.get_temp(error_id));
    let mut buffer: String = ui
        .data(|d| d.get_temp::<String>(buffer_id))
        .unwrap_or_else(|| shown.clone());
    let mut committed = None;
    ui.vertical(|ui| {
        let output = TextEdit::singleline(&mut buffer)
            .id(id)
            .hint_text(hint)
            .desired_width(width)
            .show(ui);
        let response = output.response.response;
        name(&response, label, &buffer, hint);
        let escaped = ui.input(|i| i.key_pressed(Key::Escape));
        let parsed = match buffer.trim() {
            "" if blank_ok => Ok(None),
            _ => parse_typed_date(&buffer).map(Some),
        };
        if response.has_focus() {
            if parsed.is_ok() {
                error = None;
            }
        } else if escaped || buffer == shown {
            error = None;
        } else if response.lost_focus() {
            match parsed {
                Ok(date) => {
                    error = None;
                    committed = (date != value).then_some(date);
                }
                Err(e) => error = Some(e),
            }
        }
        if let Some(e) = &error {
            ui.label(RichText::new(e).small().color(ui.visuals().error_fg_color));
        }
    });
    // The typing stays while the field has focus or its error shows.
    let keep = ui.memory(|m| m.has_focus(id)) || error.is_some();
    ui.data_mut(|d| {
        if keep {
            d.insert_temp(buffer_id, buffer);
        } else {
            d.remove::<String>(buffer_id);
        }
        match error {
            Some(e) => {
                d.insert_temp(error_id, e);
            }
            None => d.remove::<String>(error_id),
        }
    });
    committed
}
