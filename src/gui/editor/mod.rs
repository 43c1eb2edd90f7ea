//! The library editors (Library > Plans…, Library > Fee schedules…): windows that
//! edit plan and fee schedule files with their own undo history, save them
//! atomically through `crate::library`, and ask the app to reload the library.

pub mod fee_csv;
pub mod fee_model;
pub mod fee_table;
pub mod fee_window;
pub mod plan_fields;
pub mod plan_model;
pub mod plan_more;
pub mod plan_preview;
pub mod plan_sections;
pub mod plan_templates;
pub mod plan_window;
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
