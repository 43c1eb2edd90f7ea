//! The panels of the main window. Each draws from a read-only [`PanelCtx`] plus
//! its own UI-local state, and pushes commands instead of changing the document.

pub mod add_line;
pub mod code_reference;
pub mod coding_line;
pub mod coding_marks;
pub mod compare;
pub mod coverage;
pub mod details;
pub mod dialogs;
pub mod eligibility;
pub mod eligibility_update;
pub mod keyboard;
pub mod line_table;
pub mod menu_bar;
pub mod ortho_schedule;
pub mod patient;
pub mod patients;
pub mod payer_order;
pub mod plan;
pub mod plan_rules;
pub mod practice;
pub mod practice_providers;
pub mod print;
pub mod problems;
pub mod provider_picker;
pub mod quick_entry;
pub mod staff_figures;

use crate::model::{Library, LineId, OptionId, TreatmentOption, TreatmentPlan};

use super::command::Commands;
use super::estimates::EstimateCache;
use super::state::AppState;

/// What every panel may read during a frame.
pub struct PanelCtx<'a> {
    /// The library.
    pub library: &'a Library,
    /// The document.
    pub plan: &'a TreatmentPlan,
    /// Engine results for the document.
    pub estimates: &'a EstimateCache,
    /// The option shown.
    pub option: OptionId,
    /// The selected line.
    pub selected_line: Option<LineId>,
    /// The day estimates are made.
    pub today: chrono::NaiveDate,
    /// How date fields show dates (the practice setting).
    pub date_style: crate::model::DateStyle,
    /// The whole state, for the few panels that show app-level facts (messages,
    /// undo availability).
    pub state: &'a AppState,
}

impl<'a> PanelCtx<'a> {
    /// The context for the current state.
    pub fn new(state: &'a AppState) -> PanelCtx<'a> {
        PanelCtx {
            library: &state.library,
            plan: &state.document.plan,
            estimates: &state.estimates,
            option: state.selected_option,
            selected_line: state.selected_line,
            today: state.today,
            date_style: crate::model::DateStyle::default(),
            state,
        }
    }

    /// The option shown, if the plan has any.
    pub fn shown_option(&self) -> Option<&'a TreatmentOption> {
        self.plan.option(self.option)
    }

    /// The name of the plan with this library id, or the id when it is unknown.
    pub fn plan_name(&self, id: &str) -> String {
        self.library
            .plans
            .get(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }
}

/// Panel-local state that lives across frames.
#[derive(Debug, Default)]
pub struct Panels {
    /// The add-line tools.
    pub add_line: add_line::AddLinePanel,
    /// The history entry being typed.
    pub patient: patient::PatientPanel,
    /// The open-or-save-by-path window.
    pub path_window: dialogs::PathWindow,
    /// The practice settings window.
    pub practice: practice::PracticeWindow,
    /// The Patients window.
    pub patients: patients::PatientsWindow,
    /// The start screen with the recent patients.
    pub start: patients::StartScreen,
    /// The Keyboard shortcuts window is open.
    pub keyboard: bool,
    /// The eligibility (271) import window.
    pub eligibility: eligibility::EligibilityWindow,
    /// The "Why this number" panel, opened or closed by the user; None: open
    /// when the window is wide enough for it beside every money column.
    pub details_open: Option<bool>,
    /// The patient panel, opened or folded to a thin strip by the user; None:
    /// open when the window is wide enough for it beside every money column.
    pub patient_open: Option<bool>,
}

/// Below this window width the "Why this number" panel starts closed, so the
/// table keeps its fee, insurance, patient and status columns in view.
pub const WIDE_ENOUGH_FOR_DETAILS: f32 = 1200.0;

/// Below this window width (in points, so zooming in counts) the patient panel
/// starts folded, so the table keeps its money and status columns in view.
pub const WIDE_ENOUGH_FOR_PATIENT: f32 = 960.0;

/// Commands pushed this frame, shared by all panels.
pub type Out<'a> = &'a mut Commands;
