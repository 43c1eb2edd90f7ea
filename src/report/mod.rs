//! The one view-model layer: engine results turned into what people read. Plain
//! data, no drawing and no files: the CLI renders it as text and JSON
//! ([`text`], [`json`]), the GUI draws its cells, and `export` lays out the
//! [`PrintedEstimate`] made from it, so the three cannot disagree.
//!
//! - [`fmt`]: every display form (money, dates, areas, payer roles, flag words).
//! - [`wording`]: the staff sentence and the patient note for each step.
//! - [`EstimateTable`]: rows keyed by line id, visit groups, totals; columns
//!   defined once and picked per reader ([`ColumnSet`]).
//! - [`RemainingBenefits`], [`ComparisonTable`], [`PlanSummary`],
//!   [`PayerOrderSummary`].
//! - [`PrintedEstimate`]: the patient's printed estimate, built from the table
//!   and the remaining benefits; `export` lays it out.

pub mod coding;
mod columns;
pub mod comparison;
pub mod dates;
pub mod estimate_table;
pub mod fmt;
pub mod import_view;
pub mod json;
pub mod ortho;
pub mod payer_order;
pub mod plan_diff;
pub mod plan_summary;
pub mod printed;
pub mod remaining;
mod staff_marks;
pub mod text;
pub mod wording;

use std::collections::BTreeMap;

pub use columns::{Align, Column, ColumnKey, ColumnSet};
pub use comparison::{ComparisonTable, TotalKey};
pub use estimate_table::{
    Amounts, Cell, EstimateTable, ExplainedStep, PayerColumn, Row, VisitGroup,
};
pub use fmt::Tone;
pub use import_view::ImportView;
pub use payer_order::PayerOrderSummary;
pub use plan_summary::PlanSummary;
pub use printed::PrintedEstimate;
pub use remaining::RemainingBenefits;
pub use wording::sentence;

use crate::model::{CodeCatalogue, PlanRules};

/// What reports look up by id: the code catalogue (names and patient wording)
/// and the plans (their names). Borrowed from the loaded library.
#[derive(Clone, Copy, Debug)]
pub struct Names<'a> {
    /// The code catalogue.
    pub catalogue: &'a CodeCatalogue,
    /// Plans by id.
    pub plans: &'a BTreeMap<String, PlanRules>,
}

impl Names<'_> {
    /// The plan's name, or its id when it is not known.
    pub fn plan_name(&self, id: &str) -> String {
        self.plans
            .get(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }
}
