//! The stable JSON layout of `ferrule estimate --format json` (docs/json.md).
//! Money is a string with exactly two decimals, never a float.

use serde::Serialize;

use super::sentence;
use crate::engine::coding::CodingNote;
use crate::engine::{Estimate, Flag, LineEstimate};
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

fn line_json(l: &LineEstimate) -> LineJson {
    LineJson {
        line: l.number,
        id: l.line,
        visit: l.visit.clone(),
        date: l.date.to_string(),
        code: l.code.to_string(),
        tooth: l.area.tooth().map(|t| t.to_string()),
        surfaces: l.area.surfaces().map(|s| s.to_string()),
        area: l.area.to_string(),
        fee: l.fee,
        allowed: l.allowed,
        write_off: l.write_off,
        deductible: l.deductible,
        insurance: l
            .payers
            .iter()
            .map(|p| PayJson {
                plan: p.plan.clone(),
                pays: p.pays,
            })
            .collect(),
        patient: l.patient,
        flags: l.flags.clone(),
        explain: l.steps.iter().map(sentence).collect(),
    }
}

/// Builds the JSON document for an estimate.
pub fn estimate_json(
    option: (OptionId, &str),
    as_of: chrono::NaiveDate,
    e: &Estimate,
    notes: &[CodingNote],
) -> EstimateJson {
    EstimateJson {
        option: option.1.to_string(),
        option_id: option.0,
        as_of: as_of.to_string(),
        lines: e.lines.iter().map(line_json).collect(),
        totals: TotalsJson {
            fee: e.totals.fee,
            allowed: e.totals.allowed,
            write_off: e.totals.write_off,
            deductible: e.totals.deductible,
            insurance: e
                .totals
                .insurance
                .iter()
                .map(|(plan, pays)| PayJson {
                    plan: plan.clone(),
                    pays: *pays,
                })
                .collect(),
            patient: e.totals.patient,
        },
        remaining: e
            .remaining
            .iter()
            .map(|r| RemainingJson {
                plan: r.plan.clone(),
                year_start: r.year_start.to_string(),
                year_end: r.year_end.to_string(),
                maximum_before: r.maximum_before,
                maximum_after: r.maximum_after,
                deductible_before: r.deductible_before,
                deductible_after: r.deductible_after,
            })
            .collect(),
        notes: notes.to_vec(),
    }
}
