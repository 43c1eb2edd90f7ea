//! The library editors (Library > Plans…, Library > Fee schedules…): windows that
//! edit plan and fee schedule files with their own undo history, save them
//! atomically through `crate::library`, and ask the app to reload the library.

pub mod fee_csv;
pub mod fee_model;
pub mod fee_table;
pub mod fee_window;
pub mod plan_benefits;
pub mod plan_codes;
pub mod plan_extras;
pub mod plan_fields;
pub mod plan_limits;
pub mod plan_list;
pub mod plan_model;
pub mod plan_more;
pub mod plan_preview;
pub mod plan_rules;
pub mod plan_sections;
pub mod plan_separate;
pub mod plan_settings;
pub mod plan_switches;
pub mod plan_templates;
pub mod plan_trial;
pub mod plan_window;
pub mod typed;
pub mod undo;

use chrono::NaiveDate;

use crate::model::{Library, TreatmentPlan};

/// The plan editor window's id (Ctrl+Z goes to it when it is on top).
pub fn plans_window_id() -> egui::Id {
    egui::Id::unique("ferrule-plan-editor")
}

/// The fee schedule editor window's id.
pub fn fees_window_id() -> egui::Id {
    egui::Id::unique("ferrule-fee-editor")
}

/// The editor windows.
#[derive(Debug, Default)]
pub struct Editors {
    /// The fee schedule editor.
    pub fees: fee_window::FeeWindow,
    /// The plan editor.
    pub plans: plan_window::PlanWindow,
    /// The library revision the open drafts were read from.
    seen_revision: Option<u64>,
}

impl Editors {
    /// Draws the open editors; true when one saved a file (reload the library).
    /// `library_revision` counts reloads; `document` is the open treatment plan (priced beside the plan editor when
    /// it uses the plan), `today` the date estimates are made on.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        library: &Library,
        library_revision: u64,
        document: &TreatmentPlan,
        today: NaiveDate,
    ) -> bool {
        if self.seen_revision != Some(library_revision) {
            if self.seen_revision.is_some() {
                self.library_reloaded(library);
            }
            self.seen_revision = Some(library_revision);
        }
        let fees = self.fees.ui(ctx, library);
        let inputs = plan_window::Inputs {
            library,
            library_revision,
            document,
            today,
        };
        let plans = self.plans.ui(ctx, &inputs);
        fees || plans
    }

    /// The library was read again (a save here, or another workstation changed a
    /// file): an unchanged draft is read again from it; a changed one stays and
    /// says that its save replaces what is on disk now.
    fn library_reloaded(&mut self, library: &Library) {
        let changed = "The library changed on disk while this was being edited: saving replaces the file with what you see here.";
        if let Some(draft) = &self.plans.draft
            && let Some(id) = draft.saved_id.clone()
        {
            if draft.is_modified() {
                self.plans.message = Some(changed.to_string());
            } else if library.plans.contains_key(&id) {
                self.plans.pick(library, &id);
            }
        }
        if let Some(draft) = &self.fees.draft {
            let id = draft.schedule.id.clone();
            if draft.is_modified() {
                self.fees.message = Some(changed.to_string());
            } else if library.fee_schedules.contains_key(&id) {
                self.fees.pick(library, &id);
            }
        }
    }

    /// Ctrl+Z (`redo` false) or Ctrl+Shift+Z for the editor window on top, when
    /// an editor is the window last worked in; false when the treatment plan's
    /// own history should take it.
    pub fn undo_redo(&mut self, ctx: &egui::Context, redo: bool) -> bool {
        let top = ctx.memory(|m| m.areas().top_layer_id(egui::Order::Middle));
        let on_top = |id: egui::Id| top.is_some_and(|l| l.id == id);
        if self.plans.open && on_top(plans_window_id()) {
            if let Some(draft) = &mut self.plans.draft {
                if redo {
                    draft.redo()
                } else {
                    draft.undo()
                };
            }
            return true;
        }
        if self.fees.open && on_top(fees_window_id()) {
            if let Some(draft) = &mut self.fees.draft {
                if redo {
                    draft.redo()
                } else {
                    draft.undo()
                };
            }
            return true;
        }
        false
    }
}
