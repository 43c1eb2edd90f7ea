//! The JSON layout of `ferrule compare --format json`.

use serde::Serialize;

use super::{EstimateJson, estimate};
use crate::engine::{Advice, Flag};
use crate::money::Cents;
use crate::report::comparison::{
    ComparisonTable, LineCell, ScenarioColumn, TotalKey, advice_sentence,
};
use crate::report::fmt;

/// The whole comparison document.
#[derive(Serialize)]
pub struct ComparisonJson {
    /// As-of date.
    pub as_of: String,
    /// One per column.
    pub scenarios: Vec<ScenarioJson>,
    /// Lines matched across scenarios.
    pub rows: Vec<RowJson>,
    /// Which totals differ across scenarios.
    pub totals_differ: TotalsDifferJson,
    /// The benefit-year advisor's suggestion, when one was asked for and found.
    pub advice: Option<AdviceJson>,
    /// Warnings about the treatment-plan file.
    pub problems: Vec<super::ProblemJson>,
}

/// One scenario.
#[derive(Serialize)]
pub struct ScenarioJson {
    /// Treatment option name.
    pub option: String,
    /// Payer setup label.
    pub setup: String,
    /// Plan ids in payer order (empty = no insurance).
    pub plans: Vec<String>,
    /// The comparison totals.
    pub totals: ScenarioTotalsJson,
    /// The full estimate, in the `ferrule estimate --format json` layout.
    pub estimate: EstimateJson,
}

/// Totals of one scenario.
#[derive(Serialize)]
pub struct ScenarioTotalsJson {
    /// Office fees.
    pub fee: Cents,
    /// All insurance.
    pub insurance: Cents,
    /// Write-offs.
    pub write_off: Cents,
    /// Patient.
    pub patient: Cents,
    /// First plan's maximum left after, as-of benefit year (null = none).
    pub remaining_maximum_after: Option<Cents>,
}

/// One row.
#[derive(Serialize)]
pub struct RowJson {
    /// "D2740 #19 ...".
    pub label: String,
    /// Code.
    pub code: String,
    /// Tooth or area text.
    pub area: String,
    /// Patient amounts differ across scenarios.
    pub differs: bool,
    /// Per scenario: the line or null.
    pub cells: Vec<Option<CellJson>>,
}

/// One cell.
#[derive(Serialize)]
pub struct CellJson {
    /// Line number in that scenario's estimate.
    pub line: usize,
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
}

/// Which totals differ.
#[derive(Serialize)]
pub struct TotalsDifferJson {
    /// Office fee.
    pub fee: bool,
    /// Insurance.
    pub insurance: bool,
    /// Write-off.
    pub write_off: bool,
    /// Patient.
    pub patient: bool,
    /// Remaining maximum after.
    pub remaining_maximum_after: bool,
}

/// The advisor's suggestion.
#[derive(Serialize)]
pub struct AdviceJson {
    /// The option it applies to.
    pub option: String,
    /// Name of the suggested new option.
    pub new_option: String,
    /// Visits moved.
    pub moved_visits: Vec<String>,
    /// New date of the first moved visit.
    pub moved_to: String,
    /// Days later.
    pub delay_days: i64,
    /// Patient total as planned.
    pub patient_before: Cents,
    /// Patient total after the move.
    pub patient_after: Cents,
    /// Saving.
    pub saving: Cents,
    /// The suggestion in words.
    pub text: String,
}

fn scenario_json(s: &ScenarioColumn, table: &ComparisonTable) -> ScenarioJson {
    let t = &s.totals;
    ScenarioJson {
        option: s.option_name.clone(),
        setup: s.setup.clone(),
        plans: s.plans.clone(),
        totals: ScenarioTotalsJson {
            fee: t.fee,
            insurance: t.insurance,
            write_off: t.write_off,
            patient: t.patient,
            remaining_maximum_after: t.remaining_maximum_after,
        },
        estimate: estimate(&s.estimate, &s.remaining, table.as_of),
    }
}

fn cell_json(c: &LineCell) -> CellJson {
    CellJson {
        line: c.number,
        fee: c.fee,
        insurance: c.insurance,
        write_off: c.write_off,
        patient: c.patient,
        flags: c.flags.clone(),
    }
}

fn advice_json(option: &str, a: &Advice) -> AdviceJson {
    AdviceJson {
        option: option.to_string(),
        new_option: a.new_option.name.clone(),
        moved_visits: a.moved_visits.clone(),
        moved_to: fmt::iso_date(a.moved_to),
        delay_days: a.delay_days,
        patient_before: a.patient_before,
        patient_after: a.patient_after,
        saving: a.saving,
        text: advice_sentence(option, a),
    }
}

/// Builds the comparison document; `advice` is (option name, advice).
pub fn comparison(table: &ComparisonTable, advice: Option<(&str, &Advice)>) -> ComparisonJson {
    let differs = |key: TotalKey| table.totals.iter().any(|t| t.key == key && t.differs);
    ComparisonJson {
        as_of: fmt::iso_date(table.as_of),
        scenarios: table
            .scenarios
            .iter()
            .map(|s| scenario_json(s, table))
            .collect(),
        rows: table
            .rows
            .iter()
            .map(|row| RowJson {
                label: row.label.clone(),
                code: row.code.to_string(),
                area: row.area.clone(),
                differs: row.differs,
                cells: row
                    .cells
                    .iter()
                    .map(|c| c.as_ref().map(cell_json))
                    .collect(),
            })
            .collect(),
        totals_differ: TotalsDifferJson {
            fee: differs(TotalKey::Fee),
            insurance: differs(TotalKey::Insurance),
            write_off: differs(TotalKey::WriteOff),
            patient: differs(TotalKey::Patient),
            remaining_maximum_after: differs(TotalKey::MaximumAfter),
        },
        advice: advice.map(|(option, a)| advice_json(option, a)),
        problems: Vec::new(),
    }
}
