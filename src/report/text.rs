//! Aligned plain text for the command line: `ferrule estimate` (with `--explain`),
//! `ferrule compare`, the suggested payer order and the file's problems. Every
//! word and number comes from the view models; this only lays them out.

use std::fmt::Display;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::columns::{Align, ColumnSet};
use super::comparison::{ComparisonTable, DIFFERS_NOTE, LINE_HEADING};
use super::estimate_table::EstimateTable;
use super::fmt;
use super::payer_order::PayerOrderSummary;
use super::remaining::RemainingBenefits;
use crate::engine::coding::{CodingNote, NoteKind};

/// The last line of every estimate.
pub const DISCLAIMER: &str = "This is an estimate, not a guarantee of payment.";

/// "Marisol Vega — option "Porcelain crown" — as of 2026-11-23 — summit-ppo-1500".
pub fn estimate_title(patient: &str, table: &EstimateTable, as_of: NaiveDate) -> String {
    let payers = if table.payers.is_empty() {
        "no insurance".to_string()
    } else {
        let ids: Vec<&str> = table.payers.iter().map(|p| p.plan.as_str()).collect();
        ids.join(" then ")
    };
    format!(
        "{patient} — option \"{}\" — as of {} — {payers}",
        table.option_name,
        fmt::iso_date(as_of)
    )
}

/// "Marisol Vega — compare — as of 2026-11-23".
pub fn comparison_title(patient: &str, as_of: NaiveDate) -> String {
    format!("{patient} — compare — as of {}", fmt::iso_date(as_of))
}

/// The estimate table, benefits remaining, every coding note, the steps behind every number when `explain`, the orthodontic payment schedules, and the disclaimer.
pub fn estimate(
    title: &str,
    table: &EstimateTable,
    remaining: &RemainingBenefits,
    explain: bool,
    ortho_views: &[crate::report::ortho::OrthoView],
) -> String {
    let mut out = format!("{title}\n");
    let columns = table.columns(ColumnSet::CommandLine);
    let header: Vec<String> = columns.iter().map(|c| c.title.clone()).collect();
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| columns.iter().map(|c| r.cell(c).text).collect())
        .collect();
    let total: Vec<String> = table
        .total_cells(&columns)
        .into_iter()
        .map(|c| c.text)
        .collect();
    let aligns: Vec<Align> = columns.iter().map(|c| c.align).collect();
    aligned(&mut out, &aligns, &header, &rows, &[total]);
    benefits_remaining(&mut out, remaining);
    coding_notes(&mut out, &table.notes);
    if explain {
        let _ = writeln!(out, "\nWhy these numbers");
        for r in &table.rows {
            let _ = writeln!(out, "  Line {} {} {}:", r.number, r.code, fmt::area(r.area));
            for step in &r.explanation {
                let _ = writeln!(out, "    - {}", step.sentence);
            }
        }
    }
    // The schedule is part of the estimate, so the disclaimer comes after it.
    out.push_str(&ortho(ortho_views));
    let _ = writeln!(out, "\n{DISCLAIMER}");
    out
}

fn benefits_remaining(out: &mut String, remaining: &RemainingBenefits) {
    if remaining.rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nBenefits remaining");
    for r in &remaining.rows {
        // "maximum 1,200.00 -> 710.50", or "No maximum" once when the plan has none.
        let maximum = match (r.maximum_before, r.maximum_after) {
            (None, None) => fmt::maximum(None),
            (before, after) => format!(
                "maximum {} -> {}",
                fmt::maximum(before),
                fmt::maximum(after)
            ),
        };
        let _ = writeln!(
            out,
            "  {} {}: {maximum}; deductible {} -> {}",
            r.plan,
            fmt::benefit_year_span(r.year_start, r.year_end),
            fmt::amount(r.deductible_before),
            fmt::amount(r.deductible_after),
        );
        for m in &r.class_maximums {
            let _ = writeln!(
                out,
                "    {}: {} -> {}",
                m.name,
                fmt::amount(m.before),
                fmt::amount(m.after)
            );
        }
    }
}

/// Every coding note, warnings and reminders, with how carriers are expected to
/// treat the line and what to do instead (issue 15: seen without `--explain`).
fn coding_notes(out: &mut String, notes: &[CodingNote]) {
    if notes.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nCoding notes");
    for n in notes {
        let kind = match n.kind {
            NoteKind::Warning => "warning",
            NoteKind::Reminder => "reminder",
        };
        let _ = writeln!(
            out,
            "  Line {} ({}, {kind}, {}): {}",
            n.number,
            n.rule,
            n.severity.words(),
            n.full_text()
        );
    }
}

/// The comparison: lines (patient amount per scenario), then totals. Rows whose
/// amounts differ across scenarios are marked with "*".
pub fn comparison(title: &str, table: &ComparisonTable) -> String {
    let mut out = format!("{title}\n");
    let mark = |differs: bool| if differs { "*" } else { "" }.to_string();
    let mut header = vec![String::new(), LINE_HEADING.to_string()];
    header.extend(table.scenarios.iter().map(|s| s.title.clone()));
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![mark(row.differs), row.label.clone()];
            cells.extend(row.cells.iter().map(|cell| {
                cell.as_ref()
                    .map_or_else(|| fmt::DASH.to_string(), |c| c.text.clone())
            }));
            cells
        })
        .collect();
    let totals: Vec<Vec<String>> = table
        .totals
        .iter()
        .map(|t| {
            let mut cells = vec![mark(t.differs), t.label.to_string()];
            cells.extend(t.cells.iter().map(|c| c.text.clone()));
            cells
        })
        .collect();
    let mut aligns = vec![Align::Left, Align::Left];
    aligns.extend(table.scenarios.iter().map(|_| Align::Right));
    aligned(&mut out, &aligns, &header, &rows, &totals);
    if table.scenarios.len() > 1 {
        let _ = writeln!(out, "\n{DIFFERS_NOTE}");
    } else {
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "{DISCLAIMER}");
    out
}

/// The advisor's suggestion after the comparison.
pub fn suggestion(sentence: &str) -> String {
    format!("\nSuggestion: {sentence}\n")
}

/// The suggested payer order with its reasons.
pub fn payer_order(summary: &PayerOrderSummary) -> String {
    let reasons: Vec<String> = summary.reasons.iter().map(|r| format!("  - {r}")).collect();
    format!(
        "\nSuggested payer order: {} ({})\n{}\n",
        summary.plans.join(" then "),
        summary.verdict(),
        reasons.join("\n")
    )
}

/// Warnings about the treatment-plan file (`path:line:col: message`); empty when
/// there are none. Blocking problems never get here: they stop the command.
pub fn document_problems<P: Display>(problems: &[P]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let list: Vec<String> = problems.iter().map(|p| format!("  - {p}")).collect();
    format!("\nWarnings about the file:\n{}\n", list.join("\n"))
}

/// Header, rule, body, rule, foot: columns as wide as their widest cell, two
/// spaces apart, trailing spaces trimmed.
fn aligned(
    out: &mut String,
    aligns: &[Align],
    header: &[String],
    body: &[Vec<String>],
    foot: &[Vec<String>],
) {
    let all = || std::iter::once(header).chain(body.iter().chain(foot).map(Vec::as_slice));
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            all()
                .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let render = |out: &mut String, row: &[String]| {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, s)| {
                let w = widths.get(c).copied().unwrap_or(0);
                match aligns.get(c) {
                    Some(Align::Right) => format!("{s:>w$}"),
                    _ => format!("{s:<w$}"),
                }
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    };
    let rule = "-".repeat(widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1));
    render(out, header);
    let _ = writeln!(out, "{rule}");
    for row in body {
        render(out, row);
    }
    let _ = writeln!(out, "{rule}");
    for row in foot {
        render(out, row);
    }
}

/// The orthodontic payment schedules (staff wording); empty when there are none.
pub fn ortho(views: &[crate::report::ortho::OrthoView]) -> String {
    if views.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nOrthodontic payment schedule\n");
    for view in views {
        out.push_str(&format!("  {}\n", view.title));
        for party in &view.parties {
            out.push_str(&format!("    - {}: {}\n", party.who, party.text));
        }
    }
    out
}
