//! The comparison as people read it: an aligned text table with one column per
//! scenario (`ferrule compare`), the stable JSON layout (`--format json`), and the
//! benefit-year advisor's suggestion in plain words.
//!
//! Money in JSON is a string with exactly two decimals, as in `report::json`.

use std::fmt::Write as _;

use serde::Serialize;

use super::json::{EstimateJson, estimate_json};
use crate::engine::{Advice, Comparison, Flag, ScenarioTotals};
use crate::money::Cents;

/// Shown where a scenario has no such line or no maximum.
const NONE: &str = "—";

/// The advisor's suggestion in plain words, with its trade-off.
pub fn advice_sentence(option: &str, a: &Advice) -> String {
    let quoted: Vec<String> = a.moved_visits.iter().map(|v| format!("\"{v}\"")).collect();
    let (visits, when) = match quoted.as_slice() {
        [one] => (one.clone(), format!("to {}", a.moved_to)),
        [rest @ .., last] => (
            format!("{} and {last}", rest.join(", ")),
            format!("to start {} (same spacing)", a.moved_to),
        ),
        [] => (String::new(), String::new()),
    };
    let days = if a.delay_days == 1 { "day" } else { "days" };
    format!(
        "Moving {visits} of \"{option}\" {when}, in the next benefit year when the deductible \
         and maximum start over, saves the patient {} ({} -> {}). Trade-off: that treatment \
         is delayed by {} {days}. Add it as option \"{}\".",
        a.saving, a.patient_before, a.patient_after, a.delay_days, a.new_option.name
    )
}

/// Renders the comparison: lines (patient amount per scenario), then totals. Rows
/// whose amounts differ across scenarios are marked with "*".
pub fn comparison_table(title: &str, c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{title}");
    let mut header = vec![String::new(), "Line (patient pays)".to_string()];
    header.extend(c.scenarios.iter().map(|s| s.scenario.title()));
    let mut rows: Vec<Vec<String>> = Vec::new();
    for row in &c.rows {
        let mut cells = vec![mark(row.differs), row.label.clone()];
        for k in 0..c.scenarios.len() {
            cells.push(c.line(row, k).map_or_else(
                || NONE.to_string(),
                |l| {
                    let status = status(&l.flags);
                    if status.is_empty() {
                        l.patient.to_string()
                    } else {
                        format!("({status}) {}", l.patient)
                    }
                },
            ));
        }
        rows.push(cells);
    }
    let d = &c.totals_differ;
    let money = |f: &dyn Fn(&ScenarioTotals) -> Cents| -> Vec<String> {
        c.totals.iter().map(|t| f(t).to_string()).collect()
    };
    let totals: Vec<(bool, &str, Vec<String>)> = vec![
        (d.fee, "Office fee", money(&|t| t.fee)),
        (d.insurance, "Insurance", money(&|t| t.insurance)),
        (d.write_off, "Write-off", money(&|t| t.write_off)),
        (d.patient, "Patient", money(&|t| t.patient)),
        (
            d.remaining_maximum_after,
            "Remaining maximum after",
            c.totals
                .iter()
                .map(|t| {
                    t.remaining_maximum_after
                        .map_or_else(|| NONE.to_string(), |m| m.to_string())
                })
                .collect(),
        ),
    ];
    let total_rows: Vec<Vec<String>> = totals
        .into_iter()
        .map(|(differs, name, values)| {
            let mut cells = vec![mark(differs), name.to_string()];
            cells.extend(values);
            cells
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|col| {
            std::iter::once(&header)
                .chain(rows.iter())
                .chain(total_rows.iter())
                .map(|r| r.get(col).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let render = |out: &mut String, row: &[String]| {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(col, s)| {
                let w = widths.get(col).copied().unwrap_or(0);
                if col >= 2 {
                    format!("{s:>w$}")
                } else {
                    format!("{s:<w$}")
                }
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    };
    let rule = "-".repeat(widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1));
    render(&mut out, &header);
    let _ = writeln!(out, "{rule}");
    for row in &rows {
        render(&mut out, row);
    }
    let _ = writeln!(out, "{rule}");
    for row in &total_rows {
        render(&mut out, row);
    }
    if c.scenarios.len() > 1 {
        let _ = writeln!(
            out,
            "\n* differs between scenarios. Each scenario is priced on its own."
        );
    } else {
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "This is an estimate, not a guarantee of payment.");
    out
}

fn mark(differs: bool) -> String {
    if differs { "*" } else { "" }.to_string()
}

/// Short status for a cell: denials and downgrades only (the table is narrow).
fn status(flags: &[Flag]) -> String {
    flags
        .iter()
        .filter(|f| f.is_denial() || **f == Flag::Downgraded || **f == Flag::MaximumReached)
        .map(|f| f.label())
        .collect::<Vec<_>>()
        .join(", ")
}

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

/// Builds the JSON document; `advice` is (option name, advice).
pub fn comparison_json(c: &Comparison, advice: Option<(&str, &Advice)>) -> ComparisonJson {
    let scenarios = c
        .scenarios
        .iter()
        .zip(&c.totals)
        .map(|(r, t)| ScenarioJson {
            option: r.scenario.option_name.clone(),
            setup: r.scenario.setup.label.clone(),
            plans: r
                .scenario
                .setup
                .coverage
                .iter()
                .map(|cov| cov.plan.clone())
                .collect(),
            totals: ScenarioTotalsJson {
                fee: t.fee,
                insurance: t.insurance,
                write_off: t.write_off,
                patient: t.patient,
                remaining_maximum_after: t.remaining_maximum_after,
            },
            estimate: estimate_json(
                (r.scenario.option, &r.scenario.option_name),
                c.as_of,
                &r.estimate,
                &r.notes,
            ),
        })
        .collect();
    let rows = c
        .rows
        .iter()
        .map(|row| RowJson {
            label: row.label.clone(),
            code: row.key.code.to_string(),
            area: row.key.area.clone(),
            differs: row.differs,
            cells: (0..c.scenarios.len())
                .map(|k| {
                    c.line(row, k).map(|l| CellJson {
                        line: l.number,
                        fee: l.fee,
                        insurance: l.insurance(),
                        write_off: l.write_off,
                        patient: l.patient,
                        flags: l.flags.clone(),
                    })
                })
                .collect(),
        })
        .collect();
    let d = &c.totals_differ;
    ComparisonJson {
        as_of: c.as_of.to_string(),
        scenarios,
        rows,
        totals_differ: TotalsDifferJson {
            fee: d.fee,
            insurance: d.insurance,
            write_off: d.write_off,
            patient: d.patient,
            remaining_maximum_after: d.remaining_maximum_after,
        },
        advice: advice.map(|(option, a)| AdviceJson {
            option: option.to_string(),
            new_option: a.new_option.name.clone(),
            moved_visits: a.moved_visits.clone(),
            moved_to: a.moved_to.to_string(),
            delay_days: a.delay_days,
            patient_before: a.patient_before,
            patient_after: a.patient_after,
            saving: a.saving,
            text: advice_sentence(option, a),
        }),
    }
}
