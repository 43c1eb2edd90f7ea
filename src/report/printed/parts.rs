//! The parts of the printed estimate, as plain data: every text the patient
//! reads, ready to lay out, with the line, visit and option ids beside them.

use crate::model::{CdtCode, Language, LineId, OptionId, VisitId};

use crate::report::columns::{Align, Column, ColumnKey};
use crate::report::estimate_table::Amounts;

/// The practice at the top of the first page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PracticeHeader {
    /// Practice name.
    pub name: String,
    /// The lines under it: address lines, "Phone ...", "Tax ID ...   ·   NPI ...".
    pub lines: Vec<String>,
}

/// A labelled value beside the title ("Valid until", "Feb 21, 2027").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// "Valid until".
    pub label: String,
    /// "Feb 21, 2027".
    pub value: String,
    /// True for the value the patient should notice (printed bold).
    pub strong: bool,
}

/// One block of the patient and insurance row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartyBlock {
    /// "Patient", "Primary insurance", "Insurance".
    pub label: String,
    /// The patient's or the plan's name; empty when the block has none.
    pub name: String,
    /// Plain lines under the name ("Date of birth ...", "Member ID ••••0937").
    pub lines: Vec<String>,
    /// A quieter last line ("Benefits verified on ...").
    pub aside: Option<String>,
}

/// One insurance plan as the patient sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedPayer {
    /// Plan id.
    pub plan: String,
    /// The plan's name, carrier, member id, subscriber, network, verification.
    pub block: PartyBlock,
}

/// One treatment line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedRow {
    /// The planned line.
    pub line: LineId,
    /// Its number in the option, for people (notes name it).
    pub number: usize,
    /// The code.
    pub code: CdtCode,
    /// Cell texts in [`PrintedTable::columns`] order ("2*" when it has a note).
    pub cells: Vec<String>,
    /// "Completed Dec 17, 2026 (Seat visit)", printed under the description.
    pub completed: Option<String>,
}

/// One visit and the lines started at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedVisit {
    /// The visit.
    pub id: VisitId,
    /// Its name.
    pub name: String,
    /// Its planned date, as the patient reads it.
    pub date: String,
    /// Its lines, in plan order.
    pub rows: Vec<PrintedRow>,
    /// The sums of its lines (from the estimate table).
    pub subtotal: Amounts,
    /// The "Visit total" row's cells; None when the option has only one visit
    /// with lines (the grand total says it all).
    pub subtotal_cells: Option<Vec<String>>,
}

/// The treatment table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedTable {
    /// "Planned treatment: Porcelain crown".
    pub heading: String,
    /// The printed columns (`ColumnSet::Printed`): titles and alignment.
    pub columns: Vec<Column>,
    /// Visits with lines, in plan order (visits without lines are left out).
    pub visits: Vec<PrintedVisit>,
    /// The engine's totals.
    pub totals: Amounts,
    /// The "Total" row's cells.
    pub total_cells: Vec<String>,
}

impl PrintedTable {
    /// True when the table has this column (the network discount is printed only
    /// when some line has one).
    pub fn has_column(&self, key: ColumnKey) -> bool {
        self.columns.iter().any(|c| c.key == key)
    }

    /// The position of the description column, under which a row's "completed"
    /// line is printed.
    pub fn description_column(&self) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.key == ColumnKey::Description)
    }
}

/// One row of the "you pay" summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRow {
    /// "Summit Dental PPO 1500 pays".
    pub label: String,
    /// "Summit PPO 1500 pays", for when the full label does not fit.
    pub short_label: String,
    /// "$489.50".
    pub amount: String,
}

/// The "you pay" summary under the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedSummary {
    /// The sentence beside the box.
    pub aside: String,
    /// What each plan pays, in payer order.
    pub rows: Vec<SummaryRow>,
    /// "Your estimated total".
    pub total_label: String,
    /// "$691.50".
    pub total: String,
}

/// A note about one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedNote {
    /// The line it is about.
    pub line: LineId,
    /// That line's number, for people.
    pub number: usize,
    /// "Line 2".
    pub label: String,
    /// Plain sentences.
    pub text: String,
}

/// A column of the remaining-benefits table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BenefitsColumn {
    /// Its heading (one of `report::remaining::COLUMNS`).
    pub title: String,
    /// Alignment of heading and cells.
    pub align: Align,
    /// True for the amount the patient should read first (printed bold).
    pub strong: bool,
}

/// One row of the remaining-benefits table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BenefitsRow {
    /// Plan id.
    pub plan: String,
    /// Cell texts in column order.
    pub cells: Vec<String>,
    /// True for a separate maximum (orthodontics, implants) under its plan's row.
    pub separate_maximum: bool,
}

/// Benefits left per plan and benefit year after this treatment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BenefitsTable {
    /// The columns the patient sees.
    pub columns: Vec<BenefitsColumn>,
    /// Plans and years with a limit worth printing; empty when there is none.
    pub rows: Vec<BenefitsRow>,
}

/// Everything a printed estimate shows, ready to lay out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedEstimate {
    /// The option printed.
    pub option: OptionId,
    /// The language it is printed in.
    pub language: Language,
    /// Estimate number ("EST-20261123-7997B5"), also the PDF's file name.
    pub estimate_id: String,
    /// "Treatment estimate".
    pub title: String,
    /// "Treatment estimate for Marisol Vega": the PDF's title and the running
    /// header of later pages.
    pub document_title: String,
    /// "Porcelain crown · Nov 23, 2026 · continued", right of the running header.
    pub continued: String,
    /// "Your dental practice · Estimate EST-... · Prepared Nov 23, 2026", on every
    /// page's foot.
    pub footer: String,
    /// The practice.
    pub practice: PracticeHeader,
    /// Estimate number, prepared date, valid-until date.
    pub facts: Vec<Fact>,
    /// The patient.
    pub patient: PartyBlock,
    /// Plans in payer order; empty when the patient has no insurance.
    pub payers: Vec<PrintedPayer>,
    /// The block printed instead of plans when there are none.
    pub no_insurance: Option<PartyBlock>,
    /// Visits, lines, subtotals and totals.
    pub table: PrintedTable,
    /// What each plan pays and what the patient pays.
    pub summary: PrintedSummary,
    /// One note per line that needs one, in plan order.
    pub notes: Vec<PrintedNote>,
    /// Benefits left after this treatment.
    pub remaining: BenefitsTable,
    /// Disclaimer paragraphs.
    pub disclaimer: Vec<String>,
    /// The payment schedule of each orthodontic case in the option.
    pub ortho: Vec<crate::report::ortho::OrthoView>,
}
