//! Plain domain types: codes, teeth, areas, fee schedules, plan rules, the
//! treatment plan, the loaded library with its problems, and the practice
//! settings. No I/O, no clock, no GUI.

pub mod area;
pub mod benefit_rows;
pub mod bundling;
pub mod code;
pub mod code_group;
pub mod code_search;
pub mod coding;
pub mod completion;
pub mod coverage;
pub mod derived;
pub mod edit;
pub mod family;
pub mod fee_schedule;
pub mod history;
pub mod ids;
pub mod library;
pub mod ortho;
pub mod overrides;
pub mod plan;
pub mod plan_settings;
pub mod practice;
pub mod preset;
pub mod problem;
pub mod provider;
pub mod quick_entry;
pub mod tooth;
pub mod treatment_plan;
pub mod unique_map;

pub use area::Area;
pub use code::{AreaKind, CdtCode, CodeSet, ProcedureClass};
pub use completion::{Completion, PayerUse};
pub use edit::{Applied, Edit, EditError};
pub use family::CodeFamily;
pub use fee_schedule::{CodeCatalogue, CodeInfo, FeeSchedule, FeeScheduleKind, FeeVersion};
pub use ids::{LineId, OptionId, VisitId};
pub use library::{Library, SourceFile};
pub use plan::PlanRules;
pub use practice::{DateStyle, PracticeSettings};
pub use preset::Preset;
pub use problem::Problem;
pub use tooth::{Arch, Quadrant, Surface, Surfaces, Tooth, ToothKind};
pub use treatment_plan::{
    Coverage, HistoryEntry, Language, Patient, PlannedLine, TreatmentOption, TreatmentPlan, Visit,
};
