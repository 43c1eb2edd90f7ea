//! The printed patient estimate as a view model: practice header, patient and
//! plans, the treatment table (visits, lines by [`LineId`](crate::model::LineId),
//! subtotals, totals), the "you pay" summary, the patient's notes, the benefits
//! left and the disclaimer, every text ready to print. Built from the
//! [`EstimateTable`](super::EstimateTable) with `ColumnSet::Printed` and the
//! [`RemainingBenefits`](super::RemainingBenefits), so the paper shows what the
//! screen and the command line show. `export` lays it out and writes the PDF.
//!
//! ```no_run
//! # use ferrule::report::PrintedEstimate;
//! # fn demo(p: &ferrule::model::PracticeSettings, plan: &ferrule::model::TreatmentPlan,
//! #         option: &ferrule::model::TreatmentOption,
//! #         lib: &ferrule::model::Library, e: &ferrule::engine::Estimate,
//! #         day: chrono::NaiveDate) {
//! let printed = PrintedEstimate::new(p, plan, lib, option, e, day);
//! assert!(printed.estimate_id.starts_with("EST-"));
//! # }
//! ```

mod build;
pub mod handout;
pub mod lang;
mod parts;
mod procedure;
pub mod words;

pub use build::PrintSources;
pub use handout::{Handout, HandoutOption, HandoutRow, HandoutSources};
pub use parts::{
    BenefitsColumn, BenefitsRow, BenefitsTable, Fact, PartyBlock, PracticeHeader, PrintedEstimate,
    PrintedNote, PrintedPayer, PrintedRow, PrintedSummary, PrintedTable, PrintedVisit, SummaryRow,
};

#[cfg(test)]
mod tests;
