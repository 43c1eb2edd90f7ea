//! The engine's results for the open document, recomputed only when the document or
//! the library changed (keyed by their revision counters), never every frame.

use chrono::NaiveDate;

use crate::engine::coding::{self, CodingNote};
use crate::engine::{self, Estimate, EstimateError, EstimateInput, LineEstimate};
use crate::library::document_problems;
use crate::model::{Library, TreatmentPlan};

use super::command::LineRef;

/// Estimates for every option of the document, plus its problems.
#[derive(Debug, Default)]
pub struct EstimateCache {
    key: Option<(u64, u64)>,
    /// One result per treatment option, in document order.
    pub options: Vec<Result<Estimate, String>>,
    /// Coding notes per option (warnings and documentation reminders per line).
    pub notes: Vec<Vec<CodingNote>>,
    /// Problems that make the document unusable with this library.
    pub document_problems: Vec<String>,
    /// How many times the engine ran (tests check that drawing does not recompute).
    pub computed: u64,
}

impl EstimateCache {
    /// Recomputes when `(document revision, library revision)` differs from last time.
    pub fn refresh(
        &mut self,
        key: (u64, u64),
        library: &Library,
        plan: &TreatmentPlan,
        as_of: NaiveDate,
    ) {
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.computed += 1;
        self.document_problems = document_problems(plan, library);
        self.options = (0..plan.options.len())
            .map(|i| estimate_option(library, plan, i, as_of).map_err(|e| e.to_string()))
            .collect();
        self.notes = plan
            .options
            .iter()
            .map(|o| coding::check(o, &plan.patient))
            .collect();
    }

    /// The coding notes of one option (none when it does not exist).
    pub fn notes(&self, option: usize) -> &[CodingNote] {
        self.notes.get(option).map_or(&[], Vec::as_slice)
    }

    /// The estimate of one option, if it could be made.
    pub fn option(&self, option: usize) -> Option<&Estimate> {
        self.options.get(option).and_then(|r| r.as_ref().ok())
    }

    /// Why an option could not be estimated.
    pub fn option_error(&self, option: usize) -> Option<&str> {
        self.options
            .get(option)
            .and_then(|r| r.as_ref().err())
            .map(String::as_str)
    }

    /// The engine's line for a document line. The engine returns one line per planned
    /// line in plan order (visit, then line), numbered from 1.
    pub fn line(&self, plan: &TreatmentPlan, at: LineRef) -> Option<&LineEstimate> {
        let number = line_number(plan, at)?;
        self.option(at.option)?
            .lines
            .iter()
            .find(|l| l.number == number)
    }
}

/// The 1-based number the engine gives a document line.
pub fn line_number(plan: &TreatmentPlan, at: LineRef) -> Option<usize> {
    let option = plan.options.get(at.option)?;
    let visit = option.visits.get(at.visit)?;
    if at.line >= visit.lines.len() {
        return None;
    }
    let before: usize = option
        .visits
        .iter()
        .take(at.visit)
        .map(|v| v.lines.len())
        .sum();
    Some(before + at.line + 1)
}

/// Builds the engine input for the option at `index` (by position, so two options
/// with the same name still get their own estimate) and runs the engine.
fn estimate_option(
    library: &Library,
    plan: &TreatmentPlan,
    index: usize,
    as_of: NaiveDate,
) -> Result<Estimate, EstimateError> {
    let option = plan.options.get(index).ok_or(EstimateError::NoOptions)?;
    let input = EstimateInput::for_option(library, plan, option, &plan.coverage, as_of)?;
    Ok(engine::estimate(&input))
}
