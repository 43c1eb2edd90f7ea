//! The comparison as people read it: one column per scenario, one row per
//! procedure matched across scenarios (keyed by the engine's [`RowKey`]), one
//! list of total rows with their labels, and the benefit-year advisor's
//! suggestion in plain words. `report::text` and `report::json` render it; the
//! screen's grid draws the same cells.

use chrono::NaiveDate;

use super::Names;
use super::estimate_table::EstimateTable;
use super::fmt;
use super::remaining::{MAXIMUM_AFTER, RemainingBenefits};
use crate::engine::{
    Advice, Comparison, Flag, LineEstimate, RowKey, ScenarioKey, ScenarioTotals, TotalsDiffer,
};
use crate::model::{CdtCode, LineId, OptionId, TreatmentOption, TreatmentPlan};
use crate::money::Cents;

/// Heading of the first column on screen.
pub const SCREEN_LINE_HEADING: &str = "Line";
/// The two amounts a scenario's cell shows on screen, left to right.
pub const CELL_HEADINGS: [&str; 2] = ["Insurance", "Patient"];
/// Shown in a cell whose scenario has no such line.
pub const NO_LINE: &str = fmt::DASH;

/// Heading of the first column on the command line.
pub const LINE_HEADING: &str = "Line (patient pays)";
/// Under the table when there are several scenarios.
pub const DIFFERS_NOTE: &str = "* differs between scenarios. Each scenario is priced on its own.";

/// One scenario column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioColumn {
    /// What identifies it across recomputations.
    pub key: ScenarioKey,
    /// 1-based, as the chart numbers it.
    pub number: usize,
    /// "Porcelain crown / summit-ppo-1500".
    pub title: String,
    /// The option.
    pub option: OptionId,
    /// Its name.
    pub option_name: String,
    /// The payer setup's label.
    pub setup: String,
    /// Plan ids in payer order (empty = no insurance).
    pub plans: Vec<String>,
    /// The engine's totals of the scenario.
    pub totals: ScenarioTotals,
    /// Its full estimate as a table (the "why" behind a cell).
    pub estimate: EstimateTable,
    /// Its benefits left.
    pub remaining: RemainingBenefits,
}

/// One scenario's line in a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineCell {
    /// The line it shows.
    pub line: LineId,
    /// That line's number in its scenario.
    pub number: usize,
    /// Office fee.
    pub fee: Cents,
    /// All insurance.
    pub insurance: Cents,
    /// Write-off.
    pub write_off: Cents,
    /// Patient.
    pub patient: Cents,
    /// Reasons.
    pub flags: Vec<Flag>,
    /// "(downgraded) 546.00": the patient amount with its denials and
    /// downgrades (the narrow text table).
    pub text: String,
    /// The insurance amount as shown.
    pub insurance_text: String,
    /// The patient amount as shown.
    pub patient_text: String,
    /// "D2740 #19 ..., Porcelain crown / summit-ppo-1500": for screen readers.
    pub a11y_label: String,
    /// "patient 546.00, insurance 376.50".
    pub a11y_value: String,
}

/// One procedure across scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparisonLine {
    /// What matched the lines.
    pub key: RowKey,
    /// "D2740 #19 Crown - porcelain/ceramic".
    pub label: String,
    /// The code.
    pub code: CdtCode,
    /// Tooth or area text.
    pub area: String,
    /// The patient amounts are not all the same.
    pub differs: bool,
    /// One per scenario; None = that scenario has no such line.
    pub cells: Vec<Option<LineCell>>,
}

/// Which total a row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TotalKey {
    /// Office fees.
    Fee,
    /// All insurance.
    Insurance,
    /// Write-offs.
    WriteOff,
    /// Patient.
    Patient,
    /// The first plan's annual maximum left after the option.
    MaximumAfter,
}

impl TotalKey {
    /// Every total row, in the order shown.
    pub const ALL: [TotalKey; 5] = [
        TotalKey::Fee,
        TotalKey::Insurance,
        TotalKey::WriteOff,
        TotalKey::Patient,
        TotalKey::MaximumAfter,
    ];

    /// The row's label.
    pub fn label(self) -> &'static str {
        match self {
            TotalKey::Fee => "Office fee",
            TotalKey::Insurance => "Insurance",
            TotalKey::WriteOff => "Write-off",
            TotalKey::Patient => "Patient",
            TotalKey::MaximumAfter => MAXIMUM_AFTER,
        }
    }

    /// The amount in a scenario's totals; None for no maximum.
    pub fn amount(self, t: &ScenarioTotals) -> Option<Cents> {
        match self {
            TotalKey::Fee => Some(t.fee),
            TotalKey::Insurance => Some(t.insurance),
            TotalKey::WriteOff => Some(t.write_off),
            TotalKey::Patient => Some(t.patient),
            TotalKey::MaximumAfter => t.remaining_maximum_after,
        }
    }

    fn differs(self, d: &TotalsDiffer) -> bool {
        match self {
            TotalKey::Fee => d.fee,
            TotalKey::Insurance => d.insurance,
            TotalKey::WriteOff => d.write_off,
            TotalKey::Patient => d.patient,
            TotalKey::MaximumAfter => d.remaining_maximum_after,
        }
    }
}

/// One scenario's total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalCell {
    /// The amount; None for no maximum.
    pub amount: Option<Cents>,
    /// As text ("No maximum" for none).
    pub text: String,
    /// "Patient total, Porcelain crown / summit-ppo-1500".
    pub a11y_label: String,
}

/// One total row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalRow {
    /// Which total.
    pub key: TotalKey,
    /// Its label.
    pub label: &'static str,
    /// Not the same in every scenario.
    pub differs: bool,
    /// Shown in bold (what the patient pays).
    pub strong: bool,
    /// One per scenario.
    pub cells: Vec<TotalCell>,
}

/// Scenarios side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparisonTable {
    /// The as-of date every scenario was priced at.
    pub as_of: NaiveDate,
    /// Columns.
    pub scenarios: Vec<ScenarioColumn>,
    /// Procedures matched across scenarios, then those found in one only.
    pub rows: Vec<ComparisonLine>,
    /// The totals, in [`TotalKey::ALL`] order.
    pub totals: Vec<TotalRow>,
}

impl ComparisonTable {
    /// The table for a comparison of `plan`'s options.
    pub fn new(c: &Comparison, plan: &TreatmentPlan, names: &Names<'_>) -> ComparisonTable {
        let scenarios: Vec<ScenarioColumn> = c
            .scenarios
            .iter()
            .zip(&c.totals)
            .enumerate()
            .map(|(k, (r, totals))| {
                let s = &r.scenario;
                // The compared option is always in the plan; an empty one keeps
                // the column if it is not.
                let empty = TreatmentOption {
                    id: s.option,
                    name: s.option_name.clone(),
                    visits: Vec::new(),
                };
                let option = plan.option(s.option).unwrap_or(&empty);
                ScenarioColumn {
                    key: s.key(),
                    number: k + 1,
                    title: s.title(),
                    option: s.option,
                    option_name: s.option_name.clone(),
                    setup: s.setup.label.clone(),
                    plans: s
                        .setup
                        .coverage
                        .iter()
                        .map(|cov| cov.plan.clone())
                        .collect(),
                    totals: *totals,
                    estimate: EstimateTable::new(option, &r.estimate, &r.notes, names),
                    remaining: RemainingBenefits::new(&r.estimate, names),
                }
            })
            .collect();
        let rows = c
            .rows
            .iter()
            .map(|row| ComparisonLine {
                key: row.key.clone(),
                label: row.label.clone(),
                code: row.key.code,
                area: row.key.area.clone(),
                differs: row.differs,
                cells: scenarios
                    .iter()
                    .enumerate()
                    .map(|(k, s)| c.line(row, k).map(|l| line_cell(l, &row.label, &s.title)))
                    .collect(),
            })
            .collect();
        let totals = total_rows(&scenarios, &c.totals_differ);
        ComparisonTable {
            as_of: c.as_of,
            scenarios,
            rows,
            totals,
        }
    }

    /// The row with this key.
    pub fn row(&self, key: &RowKey) -> Option<&ComparisonLine> {
        self.rows.iter().find(|r| r.key == *key)
    }
}

fn line_cell(l: &LineEstimate, row_label: &str, title: &str) -> LineCell {
    let status = short_status(&l.flags);
    let patient = fmt::amount(l.patient);
    LineCell {
        line: l.line,
        number: l.number,
        fee: l.fee,
        insurance: l.insurance(),
        write_off: l.write_off,
        patient: l.patient,
        flags: l.flags.clone(),
        text: if status.is_empty() {
            patient.clone()
        } else {
            format!("({status}) {patient}")
        },
        insurance_text: fmt::amount(l.insurance()),
        patient_text: patient.clone(),
        a11y_label: format!("{row_label}, {title}"),
        a11y_value: format!(
            "patient {patient}, insurance {}",
            fmt::amount(l.insurance())
        ),
    }
}

/// Short status for a cell: denials and downgrades only (the table is narrow).
fn short_status(flags: &[Flag]) -> String {
    let shown: Vec<Flag> = flags
        .iter()
        .copied()
        .filter(|f| f.is_denial() || *f == Flag::Downgraded || *f == Flag::MaximumReached)
        .collect();
    fmt::flag_words(&shown)
}

fn total_rows(scenarios: &[ScenarioColumn], differ: &TotalsDiffer) -> Vec<TotalRow> {
    TotalKey::ALL
        .into_iter()
        .map(|key| TotalRow {
            key,
            label: key.label(),
            differs: key.differs(differ),
            strong: key == TotalKey::Patient,
            cells: scenarios
                .iter()
                .map(|s| {
                    let amount = key.amount(&s.totals);
                    TotalCell {
                        amount,
                        text: fmt::maximum(amount),
                        a11y_label: format!("{} total, {}", key.label(), s.title),
                    }
                })
                .collect(),
        })
        .collect()
}

/// The advisor's suggestion in plain words, with its trade-off.
pub fn advice_sentence(option: &str, a: &Advice) -> String {
    let quoted: Vec<String> = a.moved_visits.iter().map(|v| format!("\"{v}\"")).collect();
    let (visits, when) = match quoted.as_slice() {
        [one] => (one.clone(), format!("to {}", fmt::iso_date(a.moved_to))),
        [rest @ .., last] => (
            format!("{} and {last}", rest.join(", ")),
            format!("to start {} (same spacing)", fmt::iso_date(a.moved_to)),
        ),
        [] => (String::new(), String::new()),
    };
    let days = if a.delay_days == 1 { "day" } else { "days" };
    format!(
        "Moving {visits} of \"{option}\" {when}, in the next benefit year when the deductible \
         and maximum start over, saves the patient {} ({} -> {}). Trade-off: that treatment \
         is delayed by {} {days}. Add it as option \"{}\".",
        fmt::amount(a.saving),
        fmt::amount(a.patient_before),
        fmt::amount(a.patient_after),
        a.delay_days,
        a.new_option.name
    )
}
