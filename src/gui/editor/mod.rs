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
}
