//! Coding knowledge for people: the office-side documentation checklist of an
//! option, narratives filled from the plan, and the look-alike code reference.
//! Plain data and text; the CLI prints them, `export` lays the checklist out and
//! the GUI shows them.

mod checklist;
mod narrative;
mod reference;

pub use checklist::{Checklist, ChecklistSection};
pub use narrative::{Narrative, NarrativeError, narrative};
pub use reference::{CodeReference, LookAlikeRow, code_reference};

use chrono::NaiveDate;

use crate::model::{PlannedLine, TreatmentOption};

/// Each line of `option` in plan order with its 1-based number and its date of
/// service (the completion visit's date when it names one).
pub(crate) fn numbered_lines(option: &TreatmentOption) -> Vec<(usize, &PlannedLine, NaiveDate)> {
    let mut lines = Vec::new();
    for visit in &option.visits {
        for line in &visit.lines {
            let date = option.completion_date(visit, line);
            lines.push((lines.len() + 1, line, date));
        }
    }
    lines
}
