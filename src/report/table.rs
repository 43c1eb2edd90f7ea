//! The plain-text estimate table printed by `ferrule estimate`.

use std::fmt::Write as _;

use super::sentence;
use crate::engine::Estimate;
use crate::engine::coding::{CodingNote, NoteKind};
use crate::money::Cents;

/// Renders the estimate as an aligned text table, with explanations when `explain`.
pub fn estimate_table(
    title: &str,
    plan_names: &[String],
    e: &Estimate,
    notes: &[CodingNote],
    explain: bool,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{title}");
    let mut header = vec![
        "#".to_string(),
        "Date".into(),
        "Code".into(),
        "Area".into(),
        "Fee".into(),
        "Allowed".into(),
        "Write-off".into(),
        "Deduct.".into(),
    ];
    for name in plan_names {
        header.push(name.clone());
    }
    header.push("Patient".into());
    header.push("Status".into());
    let money_cols = 4..header.len() - 1;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for l in &e.lines {
        let mut row = vec![
            l.number.to_string(),
            l.date.to_string(),
            l.code.to_string(),
            l.area.to_string(),
            l.fee.to_string(),
            l.allowed.to_string(),
            l.write_off.to_string(),
            l.deductible.to_string(),
        ];
        for k in 0..plan_names.len() {
            row.push(l.payers.get(k).map_or(Cents::ZERO, |p| p.pays).to_string());
        }
        row.push(l.patient.to_string());
        row.push(
            l.flags
                .iter()
                .map(|f| f.label())
                .collect::<Vec<_>>()
                .join(", "),
        );
        rows.push(row);
    }
    let t = &e.totals;
    let mut total = vec![
        "".to_string(),
        "Total".into(),
        "".into(),
        "".into(),
        t.fee.to_string(),
        t.allowed.to_string(),
        t.write_off.to_string(),
        t.deductible.to_string(),
    ];
    for k in 0..plan_names.len() {
        total.push(
            t.insurance
                .get(k)
                .map_or(Cents::ZERO, |(_, c)| *c)
                .to_string(),
        );
    }
    total.push(t.patient.to_string());
    total.push(String::new());
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header)
                .chain(rows.iter())
                .chain(std::iter::once(&total))
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
                if money_cols.contains(&c) {
                    format!("{s:>w$}")
                } else {
                    format!("{s:<w$}")
                }
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    };
    render(&mut out, &header);
    let rule: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
    let _ = writeln!(out, "{}", "-".repeat(rule));
    for row in &rows {
        render(&mut out, row);
    }
    let _ = writeln!(out, "{}", "-".repeat(rule));
    render(&mut out, &total);
    if !e.remaining.is_empty() {
        let _ = writeln!(out, "\nBenefits remaining");
        for r in &e.remaining {
            let max =
                |m: Option<Cents>| m.map_or_else(|| "no maximum".to_string(), |c| c.to_string());
            let _ = writeln!(
                out,
                "  {} {}..{}: maximum {} -> {}; deductible {} -> {}",
                r.plan,
                r.year_start,
                r.year_end,
                max(r.maximum_before),
                max(r.maximum_after),
                r.deductible_before,
                r.deductible_after
            );
            for (name, before, after) in &r.class_maximums {
                let _ = writeln!(out, "    {name}: {before} -> {after}");
            }
        }
    }
    let warnings: Vec<&CodingNote> = notes
        .iter()
        .filter(|n| explain || n.kind == NoteKind::Warning)
        .collect();
    if !warnings.is_empty() {
        let _ = writeln!(out, "\nCoding notes");
        for n in warnings {
            let kind = match n.kind {
                NoteKind::Warning => "warning",
                NoteKind::Reminder => "reminder",
            };
            let _ = writeln!(out, "  Line {} ({}, {kind}): {}", n.number, n.rule, n.message);
        }
    }
    if explain {
        let _ = writeln!(out, "\nWhy these numbers");
        for l in &e.lines {
            let _ = writeln!(out, "  Line {} {} {}:", l.number, l.code, l.area);
            for step in &l.steps {
                let _ = writeln!(out, "    - {}", sentence(step));
            }
        }
    }
    let _ = writeln!(out, "\nThis is an estimate, not a guarantee of payment.");
    out
}
