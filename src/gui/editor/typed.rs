//! The plan editor's small widgets. The main one is a text field checked as it
//! is typed: on every keystroke the typing is read (and tried on the plan with
//! the loader's checks) and the reason it cannot be used shows beside the field.
//! A valid value is used on Enter or when the field loses focus (one undo step);
//! an invalid one never reaches the plan, and the typing stays in the field with
//! its reason until it is fixed or Escape throws it away.

use egui::{Key, Response, RichText, TextEdit, Ui};

use crate::gui::widgets::commit_edit::{name, name_combo};
use crate::model::ProcedureClass;

/// The typing and the reason it cannot be used, kept between frames.
#[derive(Clone, Debug, Default)]
struct Typing {
    text: String,
    /// The text `error` was worked out for (checked again only when it changes).
    checked: Option<String>,
    error: Option<String>,
}

/// A text field showing `value`; `read` turns the typing into a value or says
/// why it cannot be one (it runs on each change of the typing). Returns the
/// value when the user commits a valid change. `label` is the accessible name.
pub fn typed_edit<T>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    value: &str,
    hint: &str,
    width: f32,
    mut read: impl FnMut(&str) -> Result<T, String>,
) -> Option<T> {
    let id = ui.make_persistent_id(id_salt);
    let typing_id = id.with("typing");
    let mut typing: Typing = ui
        .data(|d| d.get_temp(typing_id))
        .unwrap_or_else(|| Typing {
            text: value.to_string(),
            ..Typing::default()
        });
    let output = TextEdit::singleline(&mut typing.text)
        .id(id)
        .hint_text(hint)
        .desired_width(width)
        .show(ui);
    let response: Response = output.response.response;
    name(&response, label, &typing.text, hint);
    if ui.input(|i| i.key_pressed(Key::Escape)) && (response.has_focus() || response.lost_focus()) {
        ui.data_mut(|d| d.remove::<Typing>(typing_id));
        return None;
    }
    let mut committed = None;
    if typing.text == value {
        typing.error = None;
        typing.checked = None;
    } else if response.lost_focus() {
        match read(&typing.text) {
            Ok(v) => committed = Some(v),
            Err(e) => typing.error = Some(e),
        }
        typing.checked = Some(typing.text.clone());
    } else if typing.checked.as_deref() != Some(typing.text.as_str()) {
        typing.error = read(&typing.text).err();
        typing.checked = Some(typing.text.clone());
    }
    if let Some(error) = &typing.error {
        let colour = ui.visuals().error_fg_color;
        ui.label(RichText::new(error).small().color(colour));
    }
    let keep = committed.is_none()
        && (response.has_focus() || (typing.text != value && typing.error.is_some()));
    ui.data_mut(|d| {
        if keep {
            d.insert_temp(typing_id, typing);
        } else {
            d.remove::<Typing>(typing_id);
        }
    });
    committed
}

/// A combo box of `choices` showing the one equal to `current`; the one picked.
pub fn combo<T: PartialEq + Copy>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    current: T,
    choices: &[(T, &str)],
    width: f32,
) -> Option<T> {
    let shown = choices
        .iter()
        .find(|(c, _)| *c == current)
        .map_or("", |(_, t)| t);
    let mut chosen = None;
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown)
        .width(width)
        .show_ui(ui, |ui| {
            for (choice, text) in choices {
                if ui.selectable_label(*choice == current, *text).clicked() {
                    chosen = Some(*choice);
                }
            }
        })
        .response;
    name_combo(&response, label, shown);
    chosen.filter(|c| *c != current)
}

/// A small button showing `text` whose accessible name is `label`.
pub fn small_button(ui: &mut Ui, text: &str, label: &str) -> bool {
    let response = ui.small_button(text).on_hover_text(label);
    let label = label.to_string();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    response.clicked()
}

/// A menu of ticks, one per class; the classes ticked after a change.
pub fn classes_menu(
    ui: &mut Ui,
    label: &str,
    classes: &[ProcedureClass],
) -> Option<Vec<ProcedureClass>> {
    let shown = if classes.is_empty() {
        "no classes".to_string()
    } else {
        let names: Vec<&str> = classes.iter().map(|c| c.label()).collect();
        names.join(", ")
    };
    let mut changed = None;
    let response = ui
        .menu_button(shorten(&shown, 28), |ui| {
            for class in ProcedureClass::ALL {
                let mut on = classes.contains(&class);
                if ui.checkbox(&mut on, class.label()).changed() {
                    let mut list: Vec<ProcedureClass> =
                        classes.iter().copied().filter(|c| *c != class).collect();
                    if on {
                        list.push(class);
                        list.sort();
                    }
                    changed = Some(list);
                }
            }
        })
        .response
        .on_hover_text(&shown);
    name_combo(&response, label, &shown);
    changed
}

fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_string();
    }
    let cut: String = text.chars().take(most.saturating_sub(1)).collect();
    format!("{cut}...")
}

/// Reads a whole number of at least `least`.
pub fn read_count(text: &str, least: u32) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if n >= least => Ok(n),
        Ok(n) => Err(format!("{n} is too small: expected {least} or more")),
        Err(_) => Err(format!("{:?} is not a whole number", text.trim())),
    }
}

/// Reads an optional whole number (blank: none).
pub fn read_optional_count(text: &str) -> Result<Option<u32>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    read_count(text, 0).map(Some)
}

/// Reads text that must not be blank.
pub fn read_required(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        Err("required: expected some text".into())
    } else {
        Ok(text.to_string())
    }
}
