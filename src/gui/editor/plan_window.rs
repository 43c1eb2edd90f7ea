//! The "Plans" window (Library > Plans…): the library's plans to search and
//! pick, "New plan" from a template, Duplicate and Delete (asked first; a plan
//! other plans are based on is not deleted); the picked plan's form with its own
//! undo and redo, the loader's problems and the lint's warnings; and a
//! treatment plan priced under the plan as edited. Save writes the file
//! atomically (asking first when it has comments) and the library reloads.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use super::plan_fields::{self, FormState};
use super::plan_model::{Checked, PlanDraft};
use super::plan_preview::Preview;
use super::plan_templates::{self, TEMPLATES};
use super::plan_trial::Env;
use crate::gui::widgets::commit_edit::name;
use crate::library;
use crate::model::{Library, TreatmentPlan};

/// The window's state.
#[derive(Debug, Default)]
pub struct PlanWindow {
    /// Shown when true.
    pub open: bool,
    /// The search text of the plan list.
    pub search: String,
    /// The plan being edited.
    pub draft: Option<PlanDraft>,
    /// The form's typing and messages.
    pub form: FormState,
    /// The treatment plan priced under the draft.
    pub preview: Preview,
    /// What the loader and the lint said, for this revision of the draft.
    pub checked: Option<(u64, PathBuf, Checked)>,
    /// What the last action did, or why it failed.
    pub message: Option<String>,
    /// The file has comments: Save waits for "save anyway".
    pub ask_comments: bool,
    /// Delete asked for this plan id; waiting for an answer.
    pub confirm_delete: Option<String>,
    /// What to do once the user agrees to drop unsaved changes.
    pub pending: Option<Next>,
    /// Counts the plans put in the form (typing left in a field stays with
    /// the plan it was typed for).
    epoch: u64,
}

/// An action that replaces the plan in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Open this library plan.
    Pick(String),
    /// Start a new plan from this template.
    Template(&'static str),
    /// Copy the plan in the form.
    Duplicate,
}

/// What the window needs from the app.
pub struct Inputs<'a> {
    /// The library.
    pub library: &'a Library,
    /// Its revision (the preview prices again when it changes).
    pub library_revision: u64,
    /// The open treatment plan.
    pub document: &'a TreatmentPlan,
    /// The date estimates are made on.
    pub today: NaiveDate,
}

impl PlanWindow {
    /// Opens the window; with no plan in the form yet, on the open treatment
    /// plan's first plan, else the first plan by name.
    pub fn show(&mut self, library: &Library, document: &TreatmentPlan) {
        self.open = true;
        if self.draft.is_some() {
            return;
        }
        let first = document
            .coverage
            .iter()
            .map(|c| c.plan.as_str())
            .find(|id| library.plans.contains_key(*id))
            .map(str::to_string)
            .or_else(|| {
                let mut plans: Vec<_> = library.plans.values().collect();
                plans.sort_by_key(|p| p.name.to_lowercase());
                plans.first().map(|p| p.id.clone())
            });
        if let Some(id) = first {
            self.pick(library, &id);
        }
    }

    /// Opens library plan `id` in the form.
    pub fn pick(&mut self, library: &Library, id: &str) {
        self.draft = PlanDraft::open(library, id);
        self.after_switch();
    }

    fn after_switch(&mut self) {
        self.epoch += 1;
        self.form = FormState::default();
        self.checked = None;
        self.ask_comments = false;
        self.confirm_delete = None;
    }

    /// Starts a new plan from template `template`.
    pub fn new_from(&mut self, library: &Library, template: &str) {
        match plan_templates::from_template(template, library) {
            Ok(plan) => {
                let path = plan_path(library, &plan.id);
                self.draft = Some(PlanDraft::new_plan(plan, path));
                self.message = Some(format!("New plan from the {template} template"));
                self.after_switch();
            }
            Err(e) => self.message = Some(e),
        }
    }

    /// Draws the window; true when a file was saved or deleted (reload).
    pub fn ui(&mut self, ctx: &egui::Context, inputs: &Inputs<'_>) -> bool {
        if !self.open {
            return false;
        }
        if let Some(draft) = &self.draft {
            let key = (draft.revision, draft.path.clone());
            if self.checked.as_ref().map(|(r, p, _)| (*r, p.clone())) != Some(key) {
                let checked = draft.check(inputs.library, inputs.today);
                self.checked = Some((draft.revision, draft.path.clone(), checked));
            }
            self.preview.refresh(
                draft,
                inputs.library,
                inputs.library_revision,
                inputs.document,
                inputs.today,
            );
        }
        let mut open = true;
        let mut changed = false;
        let height = (ctx.content_rect().height() - 80.0).max(300.0);
        egui::Window::new("Plans")
            .id(super::plans_window_id())
            .open(&mut open)
            .default_size([
                (ctx.content_rect().width() - 40.0).clamp(900.0, 1500.0),
                height,
            ])
            .max_height(height)
            .show(ctx, |ui| changed = self.body(ui, inputs, height - 40.0));
        self.open = open;
        changed
    }

    fn body(&mut self, ui: &mut Ui, inputs: &Inputs<'_>, height: f32) -> bool {
        let library = inputs.library;
        let mut changed = false;
        // The list narrows on a small screen; the priced plan takes about a
        // third of the rest (its descriptions stay readable), the form the rest.
        let total = ui.available_width();
        let list = if total < 1100.0 { 170.0 } else { 230.0 };
        let preview = ((total - list) * 0.38).clamp(300.0, 480.0);
        let width = (total - list - preview - 24.0).max(420.0);
        ui.horizontal_top(|ui| {
            let size = egui::vec2(list, height);
            ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.set_width(list);
                changed |= self.list_ui(ui, library);
            });
            ui.separator();
            let size = egui::vec2(width, height);
            ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.set_width(width);
                changed |= self.form_ui(ui, inputs);
            });
            ui.separator();
            ui.vertical(|ui| self.preview.ui(ui));
        });
        changed
    }

    fn list_ui(&mut self, ui: &mut Ui, library: &Library) -> bool {
        let response = ui.add(
            TextEdit::singleline(&mut self.search)
                .hint_text("name, carrier or id")
                .desired_width(ui.available_width() - 8.0),
        );
        name(
            &response,
            "Search plans",
            &self.search,
            "name, carrier or id",
        );
        ui.horizontal_wrapped(|ui| {
            ui.label("New plan:");
            for (template, _) in TEMPLATES {
                if ui.small_button(template).clicked() {
                    self.then(library, Next::Template(template));
                }
            }
        });
        let mut changed = false;
        ui.horizontal(|ui| {
            let has = self.draft.is_some();
            if ui
                .add_enabled(has, egui::Button::new("Duplicate"))
                .clicked()
            {
                self.then(library, Next::Duplicate);
            }
            let saved = self.draft.as_ref().and_then(|d| d.saved_id.clone());
            if ui
                .add_enabled(saved.is_some(), egui::Button::new("Delete…"))
                .clicked()
            {
                self.confirm_delete = saved;
            }
        });
        changed |= self.delete_ui(ui, library);
        self.pending_ui(ui, library);
        ui.separator();
        let search = self.search.trim().to_lowercase();
        let mut plans: Vec<_> = library
            .plans
            .values()
            .filter(|p| {
                search.is_empty()
                    || [&p.name, &p.carrier, &p.id]
                        .iter()
                        .any(|t| t.to_lowercase().contains(&search))
            })
            .collect();
        plans.sort_by_key(|p| p.name.to_lowercase());
        let current = self.draft.as_ref().and_then(|d| d.saved_id.clone());
        let mut picked = None;
        egui::ScrollArea::vertical()
            .id_salt("plan_list")
            .show(ui, |ui| {
                for plan in plans {
                    let chosen = current.as_deref() == Some(plan.id.as_str());
                    let mut text = RichText::new(&plan.name);
                    if library.derivations.contains_key(&plan.id) {
                        text = text.italics();
                    }
                    if ui.selectable_label(chosen, text).clicked() {
                        picked = Some(plan.id.clone());
                    }
                }
            });
        if let Some(id) = picked {
            self.then(library, Next::Pick(id));
        }
        changed
    }

    /// Does `next` now, or asks first when the form has unsaved changes.
    fn then(&mut self, library: &Library, next: Next) {
        if self.draft.as_ref().is_some_and(PlanDraft::is_modified) {
            self.pending = Some(next);
        } else {
            self.run(library, next);
        }
    }

    fn run(&mut self, library: &Library, next: Next) {
        self.pending = None;
        match next {
            Next::Pick(id) => self.pick(library, &id),
            Next::Template(template) => self.new_from(library, template),
            Next::Duplicate => self.duplicate(library),
        }
    }

    /// "Unsaved changes: drop them?", while an action waits.
    fn pending_ui(&mut self, ui: &mut Ui, library: &Library) {
        let Some(next) = self.pending.clone() else {
            return;
        };
        let what = self.draft.as_ref().map_or("", |d| d.plan.name.as_str());
        let text = format!("{what} has unsaved changes.");
        ui.colored_label(ui.visuals().warn_fg_color, text);
        ui.horizontal(|ui| {
            if ui.button("Drop the changes").clicked() {
                self.run(library, next);
            }
            if ui.button("Keep editing").clicked() {
                self.pending = None;
            }
        });
    }

    fn duplicate(&mut self, library: &Library) {
        let Some(draft) = &self.draft else {
            return;
        };
        let mut copy = draft.clone();
        copy.plan.id = plan_templates::free_id(library, &format!("{}-copy", draft.plan.id));
        copy.plan.name = format!("{} (copy)", draft.plan.name);
        if let Some(derivation) = &mut copy.derivation {
            derivation.overridden.insert("name");
        }
        let path = plan_path(library, &copy.plan.id);
        let mut fresh = PlanDraft::new_plan(copy.plan, path);
        fresh.derivation = copy.derivation;
        fresh.base = copy.base;
        self.message = Some(format!("Copy of {}: not saved yet", draft.plan.name));
        self.draft = Some(fresh);
        self.after_switch();
    }

    /// The "delete?" question; true when a file was deleted.
    fn delete_ui(&mut self, ui: &mut Ui, library: &Library) -> bool {
        let Some(id) = self.confirm_delete.clone() else {
            return false;
        };
        let dependants: Vec<&str> = library
            .derivations
            .iter()
            .filter(|(_, d)| d.based_on == id)
            .map(|(child, _)| child.as_str())
            .collect();
        let warn = ui.visuals().warn_fg_color;
        if !dependants.is_empty() {
            let text = format!(
                "{id} cannot be deleted: {} based on it. Change or delete those first.",
                dependants.join(", ")
            );
            ui.colored_label(warn, text);
            if ui.button("OK").clicked() {
                self.confirm_delete = None;
            }
            return false;
        }
        ui.colored_label(warn, format!("Delete the plan {id} and its file?"));
        let mut deleted = false;
        ui.horizontal(|ui| {
            if ui.button("Delete plan").clicked() {
                deleted = self.delete(library, &id);
            }
            if ui.button("Keep it").clicked() {
                self.confirm_delete = None;
            }
        });
        deleted
    }

    fn delete(&mut self, library: &Library, id: &str) -> bool {
        self.confirm_delete = None;
        let Some(path) = library.plan_source(id) else {
            self.message = Some(format!("{id} has no file"));
            return false;
        };
        match library::delete_plan_file(path) {
            Ok(()) => {
                self.message = Some(format!("Deleted {}", path.display()));
                self.draft = None;
                true
            }
            Err(e) => {
                self.message = Some(e.to_string());
                false
            }
        }
    }

    fn form_ui(&mut self, ui: &mut Ui, inputs: &Inputs<'_>) -> bool {
        let library = inputs.library;
        let mut saved = false;
        ui.horizontal(|ui| {
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
            let text = if draft.is_modified() {
                "Save plan*"
            } else {
                "Save plan"
            };
            if ui.button(text).clicked() {
                saved = self.save(library, false);
            }
        });
        saved |= self.comments_ui(ui, library);
        if let Some(message) = &self.message {
            ui.label(message.as_str());
        }
        let Some(draft) = &mut self.draft else {
            ui.label("Pick a plan on the left, or start a new one from a template.");
            return saved;
        };
        if let Some(d) = &draft.derivation {
            ui.weak(format!(
                "Based on {}: greyed values are inherited from it.",
                d.based_on
            ));
        }
        let checked = self.checked.as_ref().map(|(_, _, c)| c);
        if let Some(checked) = checked {
            checked_ui(ui, checked);
        }
        let env = Env {
            library,
            today: inputs.today,
            checked,
        };
        egui::ScrollArea::vertical()
            .id_salt("plan_form")
            .show(ui, |ui| {
                ui.push_id(self.epoch, |ui| {
                    plan_fields::form_ui(ui, draft, &env, &mut self.form);
                });
            });
        saved
    }

    fn comments_ui(&mut self, ui: &mut Ui, library: &Library) -> bool {
        if !self.ask_comments {
            return false;
        }
        let mut saved = false;
        ui.horizontal_wrapped(|ui| {
            let text = "This file has comments; saving rewrites it without them (put lasting words in the notes).";
            ui.colored_label(ui.visuals().warn_fg_color, text);
            if ui.button("Save anyway").clicked() {
                saved = self.save(library, true);
            }
            if ui.button("Don't save").clicked() {
                self.ask_comments = false;
            }
        });
        saved
    }

    /// Writes the plan's file; a new plan gets `plans/<id>.ron` and never
    /// replaces a file. Asks first (unless `anyway`) when the file has
    /// comments. True when written.
    pub fn save(&mut self, library: &Library, anyway: bool) -> bool {
        let Some(draft) = &mut self.draft else {
            return false;
        };
        if let Some((_, _, checked)) = &self.checked
            && let Some(problem) = checked.problems.first()
        {
            self.message = Some(format!("Not saved: {}", problem.message));
            return false;
        }
        if draft.saved_id.is_none() {
            draft.path = plan_path(library, &draft.plan.id);
            if library.root.is_none() || library::exists(&draft.path) {
                let text = format!(
                    "Not saved: {} exists or cannot be made",
                    draft.path.display()
                );
                self.message = Some(text);
                return false;
            }
        } else if !anyway {
            match library::file_has_comments(&draft.path) {
                Ok(true) => {
                    self.ask_comments = true;
                    return false;
                }
                Ok(false) => {}
                Err(e) => {
                    self.message = Some(format!("Cannot read {}: {e}", draft.path.display()));
                    return false;
                }
            }
        }
        self.ask_comments = false;
        match library::save_plan_file(&draft.path, &draft.file()) {
            Ok(()) => {
                draft.mark_saved();
                self.message = Some(format!("Saved {}", draft.path.display()));
                true
            }
            Err(e) => {
                self.message = Some(e.to_string());
                false
            }
        }
    }
}

fn checked_ui(ui: &mut Ui, checked: &Checked) {
    let error = ui.visuals().error_fg_color;
    let warn = ui.visuals().warn_fg_color;
    for problem in &checked.problems {
        ui.colored_label(error, problem.to_string());
    }
    for warning in &checked.warnings {
        ui.colored_label(warn, format!("Warning: {}", warning.message));
    }
}

/// Where a new plan with `id` is saved: `plans/<id>.ron` in the library folder.
fn plan_path(library: &Library, id: &str) -> PathBuf {
    let root = library.root.clone().unwrap_or_default();
    root.join("plans").join(format!("{id}.ron"))
}
