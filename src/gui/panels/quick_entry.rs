//! The quick-entry field: type what is said out loud ("2950 19, 2740 19", "crown
//! 19", "4341 UR") and press Enter. All the lines go into the targeted visit as one
//! edit (one undo step); the field empties and keeps the keyboard focus for the
//! next entry. Text that cannot be read shows why under the field and adds nothing.

use egui::{Key, RichText, Ui};

use super::{Out, PanelCtx};
use crate::gui::command::Edit;
use crate::gui::widgets::commit_edit::name;
use crate::gui::widgets::focus::{Cursor, focus_field_with};
use crate::model::VisitId;
use crate::model::quick_entry::parse_with_presets;

/// The field's own state.
#[derive(Debug, Default)]
pub struct QuickEntry {
    /// What is typed.
    pub text: String,
    /// Why the last Enter added nothing; cleared when the text changes.
    pub error: Option<String>,
}

/// The accessible name of the field.
pub const LABEL: &str = "Quick entry";

/// The field's widget id.
fn field_id() -> egui::Id {
    egui::Id::unique("quick_entry_field")
}

impl QuickEntry {
    /// True when the field has the focus and nothing typed: then Ctrl+Z has no
    /// typing to take back and undoes the last change to the plan instead (so one
    /// Ctrl+Z takes back the entry just added, and the focus stays here).
    pub fn passes_undo(&self, ctx: &egui::Context) -> bool {
        self.text.is_empty() && ctx.memory(|m| m.has_focus(field_id()))
    }
}

/// Draws the field; Enter adds the lines to `visit`.
pub fn quick_entry_ui(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    entry: &mut QuickEntry,
    visit: Option<VisitId>,
    out: Out<'_>,
) {
    let hint = "Quick entry: 2950 19, 2740 19 · 2391 30 MOD · 4341 UR · crown 19";
    let response = ui
        .horizontal(|ui| {
            ui.label(RichText::new("Add by typing").strong());
            presets_menu(ui, ctx, entry, visit, out);
            egui::TextEdit::singleline(&mut entry.text)
                .id(field_id())
                .hint_text(hint)
                .desired_width(ui.available_width())
                .show(ui)
                .response
                .response
        })
        .inner;
    name(&response, LABEL, &entry.text, hint);
    if response.changed() {
        entry.error = None;
    }
    if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        submit(ctx, entry, visit, out);
        // Ready for the next entry without reaching for the mouse.
        response.request_focus();
    }
    if let Some(error) = &entry.error {
        ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
    }
}

/// The presets, by name with their keys: one without a tooth is added at once; one
/// that needs a tooth puts its key in the field, ready for the tooth to be typed.
fn presets_menu(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    entry: &mut QuickEntry,
    visit: Option<VisitId>,
    out: Out<'_>,
) {
    let presets = &ctx.library.presets;
    let menu = ui.add_enabled_ui(!presets.is_empty(), |ui| {
        ui.menu_button("Presets", |ui| {
            for preset in presets {
                let item = ui
                    .button(format!("{}  ({})", preset.name, preset.key))
                    .on_hover_text(&preset.entry);
                if !item.clicked() {
                    continue;
                }
                if preset.needs_area() {
                    entry.text = format!("{} ", preset.key);
                    entry.error = None;
                    // The cursor goes after the key, where the tooth is typed.
                    focus_field_with(ui.ctx(), LABEL, Cursor::AtEnd);
                    ui.close();
                } else {
                    entry.text.clone_from(&preset.key);
                    submit(ctx, entry, visit, out);
                }
            }
        })
        .response
    });
    menu.inner.on_hover_text(
        "Visits booked again and again; type a preset's key in the field (crownbu 19)",
    );
}

/// Reads the text and, when it reads, adds its lines as one edit.
fn submit(ctx: &PanelCtx<'_>, entry: &mut QuickEntry, visit: Option<VisitId>, out: Out<'_>) {
    if entry.text.trim().is_empty() {
        return;
    }
    let Some(visit) = visit else {
        entry.error = Some("Add a visit first: the lines go into a visit".into());
        return;
    };
    match parse_with_presets(&ctx.library.catalogue, &ctx.library.presets, &entry.text) {
        Ok(lines) => {
            out.edit(Edit::AddLines {
                option: ctx.option,
                visit,
                lines,
            });
            entry.text.clear();
            entry.error = None;
        }
        Err(why) => entry.error = Some(why.to_string()),
    }
}

/// The visit new lines go into: the one picked if it still exists, else the shown
/// option's first.
pub fn target_visit(ctx: &PanelCtx<'_>, picked: Option<VisitId>) -> Option<VisitId> {
    let visits = ctx
        .shown_option()
        .map(|o| o.visits.as_slice())
        .unwrap_or_default();
    picked
        .filter(|id| visits.iter().any(|v| v.id == *id))
        .or_else(|| visits.first().map(|v| v.id))
}
