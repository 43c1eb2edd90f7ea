//! The estimate as a table every reader shares: one [`Row`] per planned line
//! (keyed by its [`LineId`], with its visit, amounts, flags, coding notes and both
//! wordings of its explanation), [`VisitGroup`]s with subtotals, and the totals.
//! Columns come from [`ColumnSet`]; cells are text made by `report::fmt`. No money
//! is computed here beyond summing lines for visit subtotals.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Names;
pub use super::columns::PayerColumn;
use super::columns::{Align, Column, ColumnKey, ColumnSet};
use super::fmt::{self, Tone};
use super::wording::{PlanNaming, line_note, rule_plan, sentence};
use crate::engine::coding::{CodingNote, NoteKind};
use crate::engine::{Estimate, Flag, LineEstimate};
use crate::model::{Area, CdtCode, LineId, OptionId, PlannedLine, TreatmentOption, Visit, VisitId};
use crate::money::Cents;

/// The money of one row, one visit or the whole option.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Amounts {
    /// Office fee.
    pub fee: Cents,
    /// The primary plan's allowed fee.
    pub allowed: Cents,
    /// Contractual write-off.
    pub write_off: Cents,
    /// Deductible taken by the primary.
    pub deductible: Cents,
    /// What each payer pays, in payer order (one entry per payer).
    pub payers: Vec<Cents>,
    /// What the patient owes.
    pub patient: Cents,
}

impl Amounts {
    /// The amount in a money column; None for other columns.
    pub fn get(&self, key: ColumnKey) -> Option<Cents> {
        match key {
            ColumnKey::Fee => Some(self.fee),
            ColumnKey::Allowed => Some(self.allowed),
            ColumnKey::WriteOff => Some(self.write_off),
            ColumnKey::Deductible => Some(self.deductible),
            ColumnKey::Payer(k) => Some(self.payers.get(k).copied().unwrap_or(Cents::ZERO)),
            ColumnKey::Patient => Some(self.patient),
            _ => None,
        }
    }

    /// All insurance together.
    pub fn insurance(&self) -> Cents {
        self.payers.iter().copied().sum()
    }

    fn add(&mut self, other: &Amounts) {
        self.fee += other.fee;
        self.allowed += other.allowed;
        self.write_off += other.write_off;
        self.deductible += other.deductible;
        if self.payers.len() < other.payers.len() {
            self.payers.resize(other.payers.len(), Cents::ZERO);
        }
        for (sum, pays) in self.payers.iter_mut().zip(&other.payers) {
            *sum += *pays;
        }
        self.patient += other.patient;
    }
}

/// One cell as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// What to show.
    pub text: String,
    /// Its alignment (the column's).
    pub align: Align,
    /// How serious it is (status cells only).
    pub tone: Option<Tone>,
}

/// One planned line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The planned line's id.
    pub line: LineId,
    /// The visit it starts in.
    pub visit: VisitId,
    /// That visit's name.
    pub visit_name: String,
    /// 1-based number in the option, for people.
    pub number: usize,
    /// Date of service.
    pub date: NaiveDate,
    /// Date of the visit it starts in.
    pub started: NaiveDate,
    /// The code.
    pub code: CdtCode,
    /// Where.
    pub area: Area,
    /// Units.
    pub quantity: u32,
    /// Staff name of the code.
    pub description: String,
    /// The patient's wording of the code, with the units when more than one.
    pub patient_description: String,
    /// "Completed Dec 17, 2026 (Seat visit)" when it is finished at a later visit.
    pub completed: Option<String>,
    /// The engine's amounts.
    pub amounts: Amounts,
    /// Reasons, as the engine sorted them.
    pub flags: Vec<Flag>,
    /// The staff sentences, one per step, in the order applied.
    pub explanation: Vec<ExplainedStep>,
    /// The patient's note, when something on the line needs explaining.
    pub patient_note: Option<String>,
    /// Coding warnings and documentation reminders for this line.
    pub notes: Vec<CodingNote>,
    /// The money columns whose number staff entered by hand (marked on screen).
    pub entered: Vec<ColumnKey>,
}

impl Row {
    /// "Line 2: D2740": the row's name for screen readers and tests.
    pub fn a11y_label(&self) -> String {
        format!("Line {}: {}", self.number, self.code)
    }

    /// The most serious flag's tone; None without flags.
    pub fn tone(&self) -> Option<Tone> {
        self.flags.iter().map(|f| fmt::flag_tone(*f)).min()
    }

    /// The cell of this row in `column`.
    pub fn cell(&self, column: &Column) -> Cell {
        let tone = match column.key {
            ColumnKey::Status => self.tone(),
            _ => None,
        };
        Cell {
            text: self.text(column),
            align: column.align,
            tone,
        }
    }

    fn text(&self, column: &Column) -> String {
        let printed = column.set == ColumnSet::Printed;
        if let Some(amount) = self.amounts.get(column.key) {
            return fmt::amount(amount);
        }
        match column.key {
            // The star points the patient to the notes under the table.
            ColumnKey::Number if printed && self.patient_note.is_some() => {
                format!("{}*", self.number)
            }
            ColumnKey::Number => self.number.to_string(),
            ColumnKey::Date => fmt::iso_date(self.date),
            ColumnKey::Code => self.code.to_string(),
            ColumnKey::Area if printed => fmt::area_printed(self.area),
            ColumnKey::Area => fmt::area(self.area),
            ColumnKey::Tooth => match self.area.tooth() {
                Some(t) => t.to_string(),
                None => fmt::area_short(self.area),
            },
            ColumnKey::Surfaces => self
                .area
                .surfaces()
                .map_or_else(String::new, |s| s.to_string()),
            ColumnKey::Description if printed => self.patient_description.clone(),
            ColumnKey::Description => self.description.clone(),
            ColumnKey::Status if column.set == ColumnSet::Screen => {
                fmt::flag_words_by_tone(&self.flags)
            }
            ColumnKey::Status => fmt::flag_words(&self.flags),
            _ => String::new(),
        }
    }
}

/// One step of a line's explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExplainedStep {
    /// The staff sentence.
    pub sentence: String,
    /// The plan (display name) whose rule produced the step, when one did.
    pub rule_plan: Option<String>,
}

/// One visit and the lines started at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitGroup {
    /// The visit's id.
    pub id: VisitId,
    /// Its name.
    pub name: String,
    /// Its planned date.
    pub date: NaiveDate,
    /// Its lines, in plan order.
    pub lines: Vec<LineId>,
    /// Sums of its lines.
    pub subtotal: Amounts,
}

/// The estimate of one option as a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstimateTable {
    /// The option's id.
    pub option: OptionId,
    /// Its name.
    pub option_name: String,
    /// Payers, primary first; empty without insurance.
    pub payers: Vec<PayerColumn>,
    /// Every visit of the option in order, empty ones too.
    pub visits: Vec<VisitGroup>,
    /// One row per line, in plan order.
    pub rows: Vec<Row>,
    /// The engine's totals.
    pub totals: Amounts,
    /// Every coding note, in the order the checks gave them.
    pub notes: Vec<CodingNote>,
    /// Where each line's row is in `rows`, so finding a row never scans.
    row_at: HashMap<LineId, usize>,
}

impl EstimateTable {
    /// The table for `option`'s estimate; `notes` are its coding notes.
    pub fn new(
        option: &TreatmentOption,
        estimate: &Estimate,
        notes: &[CodingNote],
        names: &Names<'_>,
    ) -> EstimateTable {
        let payers: Vec<PayerColumn> = estimate
            .totals
            .insurance
            .iter()
            .enumerate()
            .map(|(k, (plan, _))| {
                let name = names.plan_name(plan);
                PayerColumn {
                    plan: plan.clone(),
                    short_name: fmt::plan_short_name(&name),
                    name,
                    role: fmt::payer_role(k),
                    role_short: fmt::payer_role_short(k),
                }
            })
            .collect();
        let naming = plan_naming(&payers);
        let index = OptionIndex::new(option, notes);
        let rows: Vec<Row> = estimate
            .lines
            .iter()
            .map(|line| row(&index, line, (names, &naming)))
            .collect();
        let row_at = rows
            .iter()
            .enumerate()
            .map(|(at, r)| (r.line, at))
            .collect();
        let t = &estimate.totals;
        EstimateTable {
            option: option.id,
            option_name: option.name.clone(),
            visits: visit_groups(option, &rows),
            totals: Amounts {
                fee: t.fee,
                allowed: t.allowed,
                write_off: t.write_off,
                deductible: t.deductible,
                payers: t.insurance.iter().map(|(_, c)| *c).collect(),
                patient: t.patient,
            },
            rows,
            row_at,
            payers,
            notes: notes.to_vec(),
        }
    }

    /// The columns `set` shows, in order.
    pub fn columns(&self, set: ColumnSet) -> Vec<Column> {
        set.keys(self.payers.len(), self.has_write_off())
            .into_iter()
            .map(|key| set.column(key, &self.payers))
            .collect()
    }

    /// The row of a line.
    pub fn row(&self, line: LineId) -> Option<&Row> {
        self.rows.get(*self.row_at.get(&line)?)
    }

    /// The rows of a visit, in plan order.
    pub fn rows_of<'a>(&'a self, visit: &'a VisitGroup) -> impl Iterator<Item = &'a Row> {
        visit.lines.iter().filter_map(|id| self.row(*id))
    }

    /// True when some line has a write-off (the printed estimate shows the column).
    pub fn has_write_off(&self) -> bool {
        self.rows.iter().any(|r| !r.amounts.write_off.is_zero())
    }

    /// The totals row: "Total" under the description (the date on the command
    /// line, which has none), amounts under theirs.
    pub fn total_cells(&self, columns: &[Column]) -> Vec<Cell> {
        summary_cells(columns, "Total", &self.totals)
    }

    /// A visit's subtotal row, labelled "Visit total".
    pub fn subtotal_cells(&self, visit: &VisitGroup, columns: &[Column]) -> Vec<Cell> {
        summary_cells(columns, "Visit total", &visit.subtotal)
    }
}

/// A totals-like row: the label in the description column, or the date column
/// when there is no description.
fn summary_cells(columns: &[Column], label: &str, amounts: &Amounts) -> Vec<Cell> {
    let has_description = columns.iter().any(|c| c.key == ColumnKey::Description);
    let label_key = if has_description {
        ColumnKey::Description
    } else {
        ColumnKey::Date
    };
    columns
        .iter()
        .map(|c| Cell {
            text: match amounts.get(c.key) {
                Some(amount) => fmt::amount(amount),
                None if c.key == label_key => label.to_string(),
                None => String::new(),
            },
            align: c.align,
            tone: None,
        })
        .collect()
}

/// "Your plan" with one payer; each plan's short name with several.
fn plan_naming(payers: &[PayerColumn]) -> PlanNaming {
    if payers.len() > 1 {
        PlanNaming::ByName(
            payers
                .iter()
                .map(|p| (p.name.clone(), p.short_name.clone()))
                .collect(),
        )
    } else {
        PlanNaming::Single
    }
}

/// The priced option's lines, visits and coding notes by id: each row finds its
/// own in one step, so building the table grows with the lines, not their square.
struct OptionIndex<'a> {
    lines: HashMap<LineId, &'a PlannedLine>,
    visits: HashMap<VisitId, &'a Visit>,
    notes: HashMap<LineId, Vec<CodingNote>>,
}

impl<'a> OptionIndex<'a> {
    fn new(option: &'a TreatmentOption, notes: &[CodingNote]) -> OptionIndex<'a> {
        let mut by_line: HashMap<LineId, Vec<CodingNote>> = HashMap::new();
        for note in notes {
            by_line.entry(note.line).or_default().push(note.clone());
        }
        OptionIndex {
            lines: option
                .visits
                .iter()
                .flat_map(|v| v.lines.iter())
                .map(|l| (l.id, l))
                .collect(),
            visits: option.visits.iter().map(|v| (v.id, v)).collect(),
            notes: by_line,
        }
    }
}

fn row(
    index: &OptionIndex<'_>,
    line: &LineEstimate,
    (names, naming): (&Names<'_>, &PlanNaming),
) -> Row {
    // Lines and visits are found by id in the option that was priced, so two
    // options with the same name never mix.
    let completed = index
        .lines
        .get(&line.line)
        .and_then(|p| p.completed_at)
        .filter(|&at| at != line.visit_id)
        .and_then(|at| index.visits.get(&at))
        .map(|v| format!("Completed {} ({} visit)", fmt::long_date(v.date), v.name));
    let mut patient_description = names
        .catalogue
        .get(line.code)
        .map_or_else(|| line.description.to_string(), |c| c.patient_text.clone());
    if line.quantity > 1 {
        patient_description.push_str(&format!(" ({} units)", line.quantity));
    }
    Row {
        line: line.line,
        visit: line.visit_id,
        visit_name: line.visit.to_string(),
        number: line.number,
        date: line.date,
        started: line.started,
        code: line.code,
        area: line.area,
        quantity: line.quantity,
        description: line.description.to_string(),
        patient_description,
        completed,
        amounts: Amounts {
            fee: line.fee,
            allowed: line.allowed,
            write_off: line.write_off,
            deductible: line.deductible,
            payers: line.payers.iter().map(|p| p.pays).collect(),
            patient: line.patient,
        },
        flags: with_coding_warning(&line.flags, index.notes.get(&line.line)),
        explanation: line
            .steps
            .iter()
            .map(|step| ExplainedStep {
                sentence: sentence(step),
                rule_plan: rule_plan(step).map(str::to_string),
            })
            .collect(),
        patient_note: line_note(line, names.catalogue, naming),
        notes: index.notes.get(&line.line).cloned().unwrap_or_default(),
        entered: super::staff_marks::entered_columns(line, names),
    }
}

/// The engine's flags, plus `coding_warning` when a coding check warns about the
/// line (a likely denial the plan rules do not see), so the row's status and the
/// JSON show it without opening the line.
fn with_coding_warning(flags: &[Flag], notes: Option<&Vec<CodingNote>>) -> Vec<Flag> {
    let mut flags = flags.to_vec();
    let warns = notes.is_some_and(|n| n.iter().any(|n| n.kind == NoteKind::Warning));
    if warns && !flags.contains(&Flag::CodingWarning) {
        flags.push(Flag::CodingWarning);
        flags.sort();
    }
    flags
}

/// Every visit of the option with its rows and subtotal; rows whose visit is not
/// in the option (never, for the option that was priced) get a group of their own
/// from the line's visit name and start date.
fn visit_groups(option: &TreatmentOption, rows: &[Row]) -> Vec<VisitGroup> {
    let mut groups: Vec<VisitGroup> = option
        .visits
        .iter()
        .map(|v| VisitGroup {
            id: v.id,
            name: v.name.clone(),
            date: v.date,
            lines: Vec::new(),
            subtotal: Amounts::default(),
        })
        .collect();
    let mut group_at: HashMap<VisitId, usize> =
        groups.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
    for row in rows {
        let group = match group_at.get(&row.visit) {
            Some(&i) => groups.get_mut(i),
            None => {
                group_at.insert(row.visit, groups.len());
                groups.push(VisitGroup {
                    id: row.visit,
                    name: row.visit_name.clone(),
                    date: row.started,
                    lines: Vec::new(),
                    subtotal: Amounts::default(),
                });
                groups.last_mut()
            }
        };
        if let Some(group) = group {
            group.lines.push(row.line);
            group.subtotal.add(&row.amounts);
        }
    }
    groups
}

#[cfg(test)]
#[path = "estimate_table_tests.rs"]
mod tests;
