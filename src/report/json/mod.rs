//! The stable JSON layouts of `ferrule estimate --format json` (docs/json.md) and
//! `ferrule compare --format json`, built from the view models. Money is a string
//! with exactly two decimals, never a float. Field names never change.

mod comparison;

use chrono::NaiveDate;
use serde::Serialize;

pub use comparison::{ComparisonJson, comparison};

use super::estimate_table::{EstimateTable, Row};
use super::fmt;
use super::remaining::{RemainingBenefits, RemainingRow};
use crate::engine::Flag;
use crate::engine::coding::CodingNote;
use crate::model::coding::Severity as CodingSeverity;
use crate::model::problem::{Problem, Severity};
use crate::model::{LineId, OptionId};
use crate::money::Cents;

/// The whole document.
#[derive(Serialize)]
pub struct EstimateJson {
    /// Treatment option name.
    pub option: String,
    /// Treatment option id.
    pub option_id: OptionId,
    /// As-of date.
    pub as_of: String,
    /// Lines in plan order.
    pub lines: Vec<LineJson>,
    /// Totals.
    pub totals: TotalsJson,
    /// Remaining benefits.
    pub remaining: Vec<RemainingJson>,
    /// Coding warnings and documentation reminders, by line.
    pub notes: Vec<CodingNote>,
    /// Problems with the treatment-plan file (warnings: a blocking problem stops
    /// the estimate and the document is then `{"problems": [...]}` alone).
    pub problems: Vec<ProblemJson>,
    /// That this is an estimate, not a guarantee of payment (seed rule GE5).
    pub disclaimer: &'static str,
}

/// One problem with the treatment-plan file.
#[derive(Clone, Debug, Serialize)]
pub struct ProblemJson {
    /// `blocking` (no estimate until it is fixed) or `warning`.
    pub severity: Severity,
    /// The file.
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl ProblemJson {
    /// A problem placed in its file.
    pub fn new(severity: Severity, problem: &Problem) -> ProblemJson {
        ProblemJson {
            severity,
            file: problem.path.display().to_string(),
            line: problem.line,
            column: problem.column,
            message: problem.message.clone(),
        }
    }
}

/// The document printed instead of an estimate when a problem blocks it.
#[derive(Serialize)]
pub struct ProblemsJson {
    /// Every problem, blocking ones first.
    pub problems: Vec<ProblemJson>,
}

/// One payer's amount.
#[derive(Serialize)]
pub struct PayJson {
    /// Plan id.
    pub plan: String,
    /// Amount.
    pub pays: Cents,
}

/// One line.
#[derive(Serialize)]
pub struct LineJson {
    /// Line number in plan order (for people).
    pub line: usize,
    /// The planned line's stable id.
    pub id: LineId,
    /// Visit name.
    pub visit: String,
    /// Date of service.
    pub date: String,
    /// Code.
    pub code: String,
    /// Tooth or null.
    pub tooth: Option<String>,
    /// Surfaces or null.
    pub surfaces: Option<String>,
    /// Area text ("#19", "upper right quadrant", "whole mouth").
    pub area: String,
    /// Office fee.
    pub fee: Cents,
    /// Allowed fee.
    pub allowed: Cents,
    /// Write-off.
    pub write_off: Cents,
    /// Deductible.
    pub deductible: Cents,
    /// Per payer, in payer order.
    pub insurance: Vec<PayJson>,
    /// Patient.
    pub patient: Cents,
    /// Machine-readable reasons.
    pub flags: Vec<Flag>,
    /// Sentences.
    pub explain: Vec<String>,
    /// The coding checks that fired on this line, warnings and reminders.
    pub warnings: Vec<WarningJson>,
}

/// One coding check on one line.
#[derive(Serialize)]
pub struct WarningJson {
    /// Rule id ("BU3").
    pub rule: String,
    /// `denied`, `likely_denied` or `information`.
    pub severity: CodingSeverity,
    /// Why, in plain words.
    pub message: String,
    /// What to do instead.
    pub instead: String,
}

/// Totals.
#[derive(Serialize)]
pub struct TotalsJson {
    /// Office fees.
    pub fee: Cents,
    /// Allowed fees.
    pub allowed: Cents,
    /// Write-offs.
    pub write_off: Cents,
    /// Deductible.
    pub deductible: Cents,
    /// Per payer.
    pub insurance: Vec<PayJson>,
    /// Patient.
    pub patient: Cents,
}

/// Remaining benefits for one plan and benefit year.
#[derive(Serialize)]
pub struct RemainingJson {
    /// Plan id.
    pub plan: String,
    /// Benefit year start.
    pub year_start: String,
    /// Benefit year end.
    pub year_end: String,
    /// Annual maximum left before (null = no maximum).
    pub maximum_before: Option<Cents>,
    /// Annual maximum left after.
    pub maximum_after: Option<Cents>,
    /// Deductible left before.
    pub deductible_before: Cents,
    /// Deductible left after.
    pub deductible_after: Cents,
}

fn line_json(table: &EstimateTable, r: &Row) -> LineJson {
    LineJson {
        line: r.number,
        id: r.line,
        visit: r.visit_name.clone(),
        date: fmt::iso_date(r.date),
        code: r.code.to_string(),
        tooth: r.area.tooth().map(|t| t.to_string()),
        surfaces: r.area.surfaces().map(|s| s.to_string()),
        area: fmt::area(r.area),
        fee: r.amounts.fee,
        allowed: r.amounts.allowed,
        write_off: r.amounts.write_off,
        deductible: r.amounts.deductible,
        insurance: pays(table, &r.amounts.payers),
        patient: r.amounts.patient,
        flags: r.flags.clone(),
        explain: r.explanation.iter().map(|s| s.sentence.clone()).collect(),
        warnings: r
            .notes
            .iter()
            .map(|n| WarningJson {
                rule: n.rule.clone(),
                severity: n.severity,
                message: n.message.clone(),
                instead: n.instead.clone(),
            })
            .collect(),
    }
}

/// Each payer's plan id with its amount, in payer order.
fn pays(table: &EstimateTable, amounts: &[Cents]) -> Vec<PayJson> {
    table
        .payers
        .iter()
        .zip(amounts)
        .map(|(p, pays)| PayJson {
            plan: p.plan.clone(),
            pays: *pays,
        })
        .collect()
}

fn remaining_json(r: &RemainingRow) -> RemainingJson {
    RemainingJson {
        plan: r.plan.clone(),
        year_start: fmt::iso_date(r.year_start),
        year_end: fmt::iso_date(r.year_end),
        maximum_before: r.maximum_before,
        maximum_after: r.maximum_after,
        deductible_before: r.deductible_before,
        deductible_after: r.deductible_after,
    }
}

/// Builds the JSON document for an estimate table.
pub fn estimate(
    table: &EstimateTable,
    remaining: &RemainingBenefits,
    as_of: NaiveDate,
) -> EstimateJson {
    let t = &table.totals;
    EstimateJson {
        option: table.option_name.clone(),
        option_id: table.option,
        as_of: fmt::iso_date(as_of),
        lines: table.rows.iter().map(|r| line_json(table, r)).collect(),
        totals: TotalsJson {
            fee: t.fee,
            allowed: t.allowed,
            write_off: t.write_off,
            deductible: t.deductible,
            insurance: pays(table, &t.payers),
            patient: t.patient,
        },
        remaining: remaining.rows.iter().map(remaining_json).collect(),
        notes: table.notes.clone(),
        problems: Vec::new(),
        disclaimer: super::text::DISCLAIMER,
    }
}
