//! Plain domain types: codes, teeth, areas, fee schedules, plan rules and the
//! treatment plan. No I/O, no clock, no GUI.

pub mod area;
pub mod bundling;
pub mod code;
pub mod family;
pub mod fee_schedule;
pub mod plan;
pub mod tooth;
pub mod treatment_plan;
pub mod unique_map;

pub use area::Area;
pub use code::{AreaKind, CdtCode, CodeSet, ProcedureClass};
pub use family::CodeFamily;
pub use fee_schedule::{CodeCatalogue, CodeInfo, FeeSchedule, FeeScheduleKind};
pub use plan::PlanRules;
pub use tooth::{Arch, Quadrant, Surface, Surfaces, Tooth, ToothKind};
pub use treatment_plan::{
    Coverage, HistoryEntry, Patient, PlannedLine, TreatmentOption, TreatmentPlan, Visit,
};
