//! Both wordings of the explanation trail: the staff sentence for every step
//! ([`sentence`], for the screen and the command line) and the patient's note for
//! the steps that changed what a plan pays ([`patient::line_note`], for the
//! printed estimate). A new engine step gets its words here, in both files.

pub mod patient;
mod staff;

pub use patient::{PlanNaming, line_note};
pub use staff::{rule_plan, sentence};
