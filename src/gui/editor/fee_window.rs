//! The "Fee schedules" window (Library > Fee schedules…): pick a schedule and one
//! of its versions, then a table of code, description and fee with search and
//! sorting, fees typed in place, a percentage raise, a paste from a spreadsheet,
//! and the codes the plans use that have no fee, marked. Undo and redo are the
//! window's own. Save writes the file atomically, asks first when the file has
//! comments a save would drop, and the library reloads.

use std::collections::BTreeMap;

use egui::{Color32, TextEdit, Ui};

use super::fee_csv;
use super::fee_model::{self, FeeDraft, PasteProblem, Raise};
use super::fee_table::{self, Sort};
use crate::gui::widgets::commit_edit::{name, name_combo};
use crate::library;
use crate::model::{CdtCode, FeeSchedule, Library, ProcedureClass};
use crate::money::Cents;
use crate::report::fmt;

/// What a paste preview found.
type Preview = Result<Vec<(CdtCode, Cents)>, Vec<PasteProblem>>;

/// The window's state.
#[derive(Debug, Default)]
pub struct FeeWindow {
    /// Shown when true.
    pub open: bool,
    /// The schedule open for editing.
    pub draft: Option<FeeDraft>,
    /// The search text.
    pub search: String,
    /// The table's order.
    pub sort: Sort,
    /// A fee typed that was not accepted, per code.
    pub errors: BTreeMap<CdtCode, String>,
    /// The pasted text.
    pub paste: String,
    /// The last preview of the pasted text.
    pub preview: Option<Preview>,
    /// The percentage typed for a raise.
    pub raise: String,
    /// The class a raise is for; None for every fee.
    pub raise_class: Option<ProcedureClass>,
    /// What the last action did, or why it failed.
    pub message: Option<String>,
    /// The file has comments: Save waits for "save anyway".
    pub ask_comments: bool,
    /// Another schedule picked while this one has unsaved changes.
    pub pending: Option<String>,
    /// "Import CSV…" and "Export CSV…".
    pub csv: fee_csv::CsvState,
}

/// The label of the schedule picker.
pub const PICKER: &str = "Fee schedule";
/// The label of the version picker.
pub const VERSION: &str = "Fee list";

impl FeeWindow {
    /// Opens the window on the first schedule when none is open yet.
    pub fn show(&mut self, library: &Library) {
        self.open = true;
        if self.draft.is_none()
            && let Some(id) = library.fee_schedules.keys().next().cloned()
        {
            self.pick(library, &id);
        }
    }

    /// Opens schedule `id` for editing (unsaved changes to another are dropped).
    pub fn pick(&mut self, library: &Library, id: &str) {
        let Some(schedule) = library.fee_schedules.get(id) else {
            return;
        };
        let path = library.sources.get(id).cloned();
        self.draft = Some(FeeDraft::new(schedule.clone(), path));
        self.errors.clear();
        self.preview = None;
        self.message = None;
        self.ask_comments = false;
    }

    /// Draws the window; true when a save wrote the file (reload the library).
    pub fn ui(&mut self, ctx: &egui::Context, library: &Library) -> bool {
        if !self.open {
            return false;
        }
        let mut open = true;
        let mut saved = false;
        egui::Window::new("Fee schedules")
            .id(super::fees_window_id())
            .open(&mut open)
            // Taller on a tall screen: more fees in view at once.
            .default_size([
                860.0,
                (ctx.content_rect().height() - 120.0).clamp(480.0, 900.0),
            ])
            .max_height(ctx.content_rect().height() - 60.0)
            .show(ctx, |ui| saved = self.body(ui, library));
        self.open = open;
        saved
    }

    fn body(&mut self, ui: &mut Ui, library: &Library) -> bool {
        self.pickers(ui, library);
        let saved = self.toolbar(ui);
        if let Some(draft) = &mut self.draft {
            fee_csv::csv_ui(ui, &mut self.csv, draft, library, &mut self.message);
        }
        let Some(draft) = &self.draft else {
            ui.label("The library has no fee schedule.");
            return saved;
        };
        let missing = fee_model::codes_without_fee(library, &draft.schedule, draft.fees());
        if !missing.is_empty() {
            let text = format!(
                "{} code(s) the plans use have no fee here: marked below.",
                missing.len()
            );
            ui.colored_label(warn(ui), text);
        }
        self.raise_ui(ui, library);
        self.paste_ui(ui);
        ui.separator();
        let Some(draft) = &mut self.draft else {
            return saved;
        };
        let rows = fee_table::rows(draft.fees(), &missing, library, &self.search, self.sort);
        fee_table::table_ui(ui, &rows, &mut self.sort, &mut self.errors, draft);
        saved
    }

    fn pickers(&mut self, ui: &mut Ui, library: &Library) {
        let current = self.draft.as_ref().map(|d| d.schedule.id.clone());
        let mut picked = None;
        ui.horizontal(|ui| {
            ui.label("Schedule:");
            let shown = current
                .as_deref()
                .and_then(|id| library.fee_schedules.get(id))
                .map_or_else(String::new, label);
            let response = egui::ComboBox::from_id_salt("fee_schedule_picker")
                .selected_text(shown.clone())
                .width(320.0)
                .show_ui(ui, |ui| {
                    for (id, schedule) in &library.fee_schedules {
                        let chosen = current.as_deref() == Some(id.as_str());
                        if ui.selectable_label(chosen, label(schedule)).clicked() {
                            picked = Some(id.clone());
                        }
                    }
                })
                .response;
            name_combo(&response, PICKER, &shown);
            if let Some(draft) = &mut self.draft {
                version_picker(ui, draft);
            }
        });
        if let Some(id) = picked {
            if self.draft.as_ref().is_some_and(FeeDraft::is_modified) {
                self.pending = Some(id);
            } else {
                self.pick(library, &id);
            }
        }
        if let Some(id) = self.pending.clone() {
            let text = "This schedule has unsaved changes.";
            ui.horizontal(|ui| {
                ui.colored_label(warn(ui), text);
                if ui.button("Drop the changes").clicked() {
                    self.pending = None;
                    self.pick(library, &id);
                }
                if ui.button("Keep editing").clicked() {
                    self.pending = None;
                }
            });
        }
    }

    /// Search, undo, redo, save and the last message; true when saved.
    fn toolbar(&mut self, ui: &mut Ui) -> bool {
        let mut saved = false;
        ui.horizontal(|ui| {
            let response = ui.add(
                TextEdit::singleline(&mut self.search)
                    .hint_text("code or words")
                    .desired_width(200.0),
            );
            name(&response, "Search fees", &self.search, "code or words");
            let Some(draft) = &mut self.draft else {
                return;
            };
            if ui
                .add_enabled(draft.can_undo(), egui::Button::new("Undo"))
                .clicked()
            {
                draft.undo();
            }
            if ui
                .add_enabled(draft.can_redo(), egui::Button::new("Redo"))
                .clicked()
            {
                draft.redo();
            }
            let save = egui::Button::new(if draft.is_modified() { "Save*" } else { "Save" });
            if ui.add(save).clicked() {
                saved = self.save(false);
            }
            fee_csv::buttons_ui(ui, &mut self.csv);
        });
        if self.ask_comments {
            ui.horizontal(|ui| {
                let text = "This file has comments; saving rewrites it without them (put lasting words in its notes).";
                ui.colored_label(warn(ui), text);
                if ui.button("Save anyway").clicked() {
                    saved = self.save(true);
                }
                if ui.button("Don't save").clicked() {
                    self.ask_comments = false;
                }
            });
        }
        if let Some(message) = &self.message {
            ui.label(message.as_str());
        }
        saved
    }

    /// Writes the schedule; asks first (unless `anyway`) when the file has
    /// comments. True when written.
    pub fn save(&mut self, anyway: bool) -> bool {
        let Some(draft) = &mut self.draft else {
            return false;
        };
        let Some(path) = draft.path.clone() else {
            self.message = Some("This schedule has no file to save to.".into());
            return false;
        };
        if !anyway {
            match library::file_has_comments(&path) {
                Ok(true) => {
                    self.ask_comments = true;
                    return false;
                }
                Ok(false) => {}
                Err(e) => {
                    self.message = Some(format!("Cannot read {}: {e}", path.display()));
                    return false;
                }
            }
        }
        self.ask_comments = false;
        match library::save_fee_schedule(&path, &draft.schedule) {
            Ok(()) => {
                draft.mark_saved();
                self.message = Some(format!("Saved {}", path.display()));
                true
            }
            Err(e) => {
                self.message = Some(e.to_string());
                false
            }
        }
    }

    fn raise_ui(&mut self, ui: &mut Ui, library: &Library) {
        ui.horizontal(|ui| {
            ui.label("Add");
            let response = ui.add(
                TextEdit::singleline(&mut self.raise)
                    .hint_text("3.5")
                    .desired_width(60.0),
            );
            name(&response, "Raise percent", &self.raise, "3.5");
            ui.label("% to");
            let shown = self.raise_class.map_or("every fee", ProcedureClass::label);
            let response = egui::ComboBox::from_id_salt("raise_class")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.raise_class, None, "every fee");
                    for class in ProcedureClass::ALL {
                        ui.selectable_value(&mut self.raise_class, Some(class), class.label());
                    }
                })
                .response;
            name_combo(&response, "Raise class", shown);
            if ui.button("Apply raise").clicked() {
                self.apply_raise(library);
            }
            ui.weak("(each change rounded to the cent, half a cent up; \"-2\" lowers)");
        });
    }

    fn apply_raise(&mut self, library: &Library) {
        let Some(draft) = &mut self.draft else {
            return;
        };
        self.message = Some(match Raise::parse(&self.raise) {
            Ok(raise) => {
                let changed = draft.apply_raise(raise, self.raise_class, library);
                format!("{changed} fee(s) changed")
            }
            Err(e) => format!("Raise not applied: {e}"),
        });
    }

    fn paste_ui(&mut self, ui: &mut Ui) {
        egui::CollapsingHeader::new("Paste from a spreadsheet")
            .id_salt("paste_fees")
            .show(ui, |ui| {
                ui.weak("One code and fee per line, separated by a tab or a comma.");
                let response = ui.add(
                    TextEdit::multiline(&mut self.paste)
                        .desired_rows(4)
                        .desired_width(f32::INFINITY),
                );
                name(&response, "Pasted fees", &self.paste, "");
                ui.horizontal(|ui| {
                    if ui.button("Preview paste").clicked() {
                        self.preview = Some(fee_model::parse_paste(&self.paste));
                    }
                    let ready = matches!(&self.preview, Some(Ok(rows)) if !rows.is_empty());
                    if ui
                        .add_enabled(ready, egui::Button::new("Apply paste"))
                        .clicked()
                    {
                        self.apply_paste();
                    }
                });
                self.preview_ui(ui);
            });
    }

    fn preview_ui(&self, ui: &mut Ui) {
        let draft = self.draft.as_ref();
        match &self.preview {
            None => {}
            Some(Ok(rows)) => {
                ui.label(format!("{} fee(s) ready to apply:", rows.len()));
                for (code, fee) in rows.iter().take(12) {
                    let old = draft.and_then(|d| d.fees().get(code).copied());
                    let was = old.map_or_else(|| "new".to_string(), fmt::amount);
                    ui.label(format!("{code}: {} (was {was})", fmt::amount(*fee)));
                }
            }
            Some(Err(problems)) => {
                let text = "Nothing applied: fix these rows and preview again.";
                ui.colored_label(warn(ui), text);
                for problem in problems {
                    let text = format!("Row {}: {}", problem.row, problem.message);
                    ui.colored_label(warn(ui), text);
                }
            }
        }
    }

    fn apply_paste(&mut self) {
        let (Some(draft), Some(Ok(rows))) = (&mut self.draft, &self.preview) else {
            return;
        };
        draft.apply_paste(rows);
        self.message = Some(format!("{} pasted fee(s) applied", rows.len()));
        self.preview = None;
        self.paste.clear();
    }
}

fn version_picker(ui: &mut Ui, draft: &mut FeeDraft) {
    if draft.schedule.versions.is_empty() {
        return;
    }
    ui.label("Fees:");
    let name_of =
        |draft: &FeeDraft, v: Option<usize>| match v.and_then(|i| draft.schedule.versions.get(i)) {
            Some(version) => format!(
                "{} (from {})",
                version.name,
                fmt::iso_date(version.effective)
            ),
            None => "first list".to_string(),
        };
    let shown = name_of(draft, draft.version);
    let mut chosen = draft.version;
    let response = egui::ComboBox::from_id_salt("fee_version_picker")
        .selected_text(shown.clone())
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, name_of(draft, None));
            for i in 0..draft.schedule.versions.len() {
                ui.selectable_value(&mut chosen, Some(i), name_of(draft, Some(i)));
            }
        })
        .response;
    name_combo(&response, VERSION, &shown);
    draft.version = chosen;
}

fn label(schedule: &FeeSchedule) -> String {
    format!("{} ({})", schedule.name, schedule.kind.label())
}

/// The colour of warnings.
pub fn warn(ui: &Ui) -> Color32 {
    ui.visuals().warn_fg_color
}
