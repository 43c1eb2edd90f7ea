//! The engine's results for the open document, recomputed only when the document or
//! the library changed (keyed by their revision counters), never every frame.

use chrono::NaiveDate;

use crate::engine::check::{DocumentProblem, Subject, check_document};
use crate::engine::coding::{self, CodingNote};
use crate::engine::{self, Estimate, EstimateError, EstimateInput, LineEstimate};
use crate::model::{Library, LineId, OptionId, TreatmentOption, TreatmentPlan};
use crate::report::{EstimateTable, Names, RemainingBenefits};

/// Estimates for every option of the document, plus its problems.
#[derive(Debug, Default)]
pub struct EstimateCache {
    key: Option<(u64, u64)>,
    /// One result per treatment option, in document order.
    pub options: Vec<(OptionId, Result<Estimate, String>)>,
    /// Coding notes per option (warnings and documentation reminders per line).
    pub notes: Vec<(OptionId, Vec<CodingNote>)>,
    /// What the screen shows of each estimate: the table and the benefits left.
    pub views: Vec<(OptionId, EstimateTable, RemainingBenefits)>,
    /// What is wrong with the document, blocking problems first.
    pub document_problems: Vec<DocumentProblem>,
    /// Some problem blocks the numbers (asked by every money cell each frame).
    blocked: bool,
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
        self.document_problems = check_document(plan, library, as_of);
        self.blocked = self
            .document_problems
            .iter()
            .any(DocumentProblem::is_blocking);
        self.options = plan
            .options
            .iter()
            .map(|o| {
                let estimate = estimate_option(library, plan, o, as_of);
                (o.id, estimate.map_err(|e| e.to_string()))
            })
            .collect();
        self.notes = plan
            .options
            .iter()
            .map(|o| {
                (
                    o.id,
                    coding::check(
                        &library.coding.checks,
                        o,
                        &plan.patient,
                        coding::benefit_year(library, &plan.coverage),
                    ),
                )
            })
            .collect();
        let names = Names {
            catalogue: &library.catalogue,
            plans: &library.plans,
        };
        self.views = plan
            .options
            .iter()
            .filter_map(|o| {
                let estimate = self.option(o.id)?;
                let table = EstimateTable::new(o, estimate, self.notes(o.id), &names);
                Some((o.id, table, RemainingBenefits::new(estimate, &names)))
            })
            .collect();
    }

    /// True when a problem changes or hides a price: nothing is printed or
    /// compared until it is fixed.
    pub fn blocked(&self) -> bool {
        self.blocked
    }

    /// The problems about one line.
    pub fn line_problems(&self, line: LineId) -> impl Iterator<Item = &DocumentProblem> {
        self.document_problems
            .iter()
            .filter(move |p| p.subject == Subject::Line(line))
    }

    /// The table of one option's estimate, if it could be made.
    pub fn table(&self, option: OptionId) -> Option<&EstimateTable> {
        self.views
            .iter()
            .find(|(id, ..)| *id == option)
            .map(|(_, table, _)| table)
    }

    /// The benefits left after one option, if it could be estimated.
    pub fn remaining(&self, option: OptionId) -> Option<&RemainingBenefits> {
        self.views
            .iter()
            .find(|(id, ..)| *id == option)
            .map(|(.., remaining)| remaining)
    }

    /// The coding notes of one option (none when it does not exist).
    pub fn notes(&self, option: OptionId) -> &[CodingNote] {
        self.notes
            .iter()
            .find(|(id, _)| *id == option)
            .map_or(&[], |(_, notes)| notes.as_slice())
    }

    fn result(&self, option: OptionId) -> Option<&Result<Estimate, String>> {
        self.options
            .iter()
            .find(|(id, _)| *id == option)
            .map(|(_, r)| r)
    }

    /// The estimate of one option, if it could be made.
    pub fn option(&self, option: OptionId) -> Option<&Estimate> {
        self.result(option).and_then(|r| r.as_ref().ok())
    }

    /// Why an option could not be estimated.
    pub fn option_error(&self, option: OptionId) -> Option<&str> {
        self.result(option)
            .and_then(|r| r.as_ref().err())
            .map(String::as_str)
    }

    /// The engine's line for a planned line of `option`.
    pub fn line(&self, option: OptionId, line: LineId) -> Option<&LineEstimate> {
        self.option(option)?.lines.iter().find(|l| l.line == line)
    }
}

/// Builds the engine input for one option and runs the engine.
fn estimate_option(
    library: &Library,
    plan: &TreatmentPlan,
    option: &TreatmentOption,
    as_of: NaiveDate,
) -> Result<Estimate, EstimateError> {
    let input = EstimateInput::for_option(library, plan, option, &plan.coverage, as_of)?;
    Ok(engine::estimate(&input))
}
