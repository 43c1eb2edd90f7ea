//! Coding knowledge as data (issue 15): each coding check of the built-in files
//! fires on a plan and stays quiet on a near miss; the files load through the
//! validating loader; an office adds a check without rebuilding; a "will be
//! denied" check makes the estimate show the plan paying nothing.

mod denial;
mod files;
mod papers;
mod rules;
mod visible;

use std::path::Path;

use ferrule::engine::coding::{self, CodingNote};
use ferrule::library;
use ferrule::model::TreatmentPlan;
use ferrule::model::plan::BenefitYear;

/// A treatment plan with one option made of `visits` (RON visit tuples) and the
/// patient's `history` (RON history entries).
pub fn plan(visits: &str, history: &str) -> TreatmentPlan {
    let text = format!(
        "TreatmentPlan(format: 1, patient: (name: \"Test\", birth_date: \"1980-01-01\", history: [{history}]), coverage: [], options: [(name: \"A\", visits: [{visits}])])"
    );
    library::parse_treatment_plan(Path::new("t.ron"), &text)
        .unwrap_or_else(|p| panic!("test plan does not parse: {p}"))
}

/// One visit on `date` with `lines` (RON line tuples).
pub fn visit(id: u32, date: &str, lines: &str) -> String {
    format!("(id: {id}, name: \"Visit {id}\", date: \"{date}\", lines: [{lines}]),")
}

/// The built-in checks' notes for the plan.
pub fn notes(plan: &TreatmentPlan) -> Vec<CodingNote> {
    notes_in(plan, BenefitYear::Calendar)
}

/// The built-in checks' notes for the plan when its first plan's benefit year is
/// `year`.
pub fn notes_in(plan: &TreatmentPlan, year: BenefitYear) -> Vec<CodingNote> {
    let checks = library::sample().coding.checks;
    coding::check(&checks, &plan.options[0], &plan.patient, year)
}

/// (line number, rule) of every note of `rule`.
pub fn fired(plan: &TreatmentPlan, rule: &str) -> Vec<usize> {
    notes(plan)
        .iter()
        .filter(|n| n.rule == rule)
        .map(|n| n.number)
        .collect()
}
