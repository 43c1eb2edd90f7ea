//! Both wordings of the explanation trail: the staff sentence for every step
//! ([`sentence`], for the screen and the command line) and the patient's note for
//! the steps that changed what a plan pays ([`patient::line_note`], for the
//! printed estimate; [`patient_es::line_note`] in Spanish). A new engine step gets
//! its words here, in every file.

pub mod patient;
pub mod patient_es;
mod staff;
mod staff_entered;
mod staff_rows;
mod staff_settings;

pub use patient::{PlanNaming, line_note};
pub use staff::{rule_plan, sentence};
