//! The plan summary's words for rows of their own (issue 16): coverage by code
//! group, separate deductibles, class maximums that name codes or sit outside the
//! annual maximum, family amounts, and the rollover bank.

use crate::model::benefit_rows::{Rollover, SeparateDeductible};
use crate::model::code_group::CodeGroups;
use crate::model::plan::{ClassMaximum, DeductiblePeriod};
use crate::model::{CodeSet, PlanRules, ProcedureClass};
use crate::report::fmt::{capitalized, dollars as money};

use super::words::classes_words;
use super::{Block, SummaryLine, percentage};

/// A group by the name people know it by: "Fluoride treatments"; the id when the
/// library does not have it.
pub fn group_name(id: &str, groups: &CodeGroups) -> String {
    groups
        .get(id)
        .map_or_else(|| format!("@{id}"), |g| g.name.clone())
}

/// Classes, codes and groups in words, groups by name: "Major restorative,
/// prosthodontics", "Implant services", "Orthodontics; D1110".
pub fn what_words(classes: &[ProcedureClass], codes: &CodeSet, groups: &CodeGroups) -> String {
    let mut parts = Vec::new();
    if !classes.is_empty() {
        parts.push(capitalized(&classes_words(classes)));
    }
    for (lo, hi) in codes.ranges() {
        parts.push(if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}-{hi}")
        });
    }
    for group in codes.groups() {
        parts.push(group_name(group.id(), groups));
    }
    if parts.is_empty() {
        "Nothing listed".to_string()
    } else {
        parts.join("; ")
    }
}

/// Coverage by code group, under its caption; nothing when the plan has none.
pub fn group_coverage(plan: &PlanRules, groups: &CodeGroups) -> Vec<Block> {
    if plan.group_coverage.is_empty() {
        return Vec::new();
    }
    let lines = plan
        .group_coverage
        .iter()
        .map(|(group, p)| percentage(group_name(group.id(), groups), Some(*p)))
        .collect();
    vec![
        Block::Caption("Code groups (beat their class, not a single code)"),
        Block::Percentages(lines),
    ]
}

fn period_words(period: DeductiblePeriod) -> &'static str {
    match period {
        DeductiblePeriod::BenefitYear => "every benefit year",
        DeductiblePeriod::Lifetime => "once per lifetime",
    }
}

/// "$100.00 a person, $300.00 for the family, every benefit year, for major
/// restorative, prosthodontics".
fn separate_words(row: &SeparateDeductible, groups: &CodeGroups) -> String {
    let family = row
        .family
        .map(|f| format!(", {} for the family", money(f)))
        .unwrap_or_default();
    format!(
        "{} a person{family}, {}, for {}",
        money(row.individual),
        period_words(row.period),
        what_words(&row.classes, &row.codes, groups).to_lowercase()
    )
}

/// The plan's separate deductibles, under their caption; nothing when none.
pub fn separate_deductibles(plan: &PlanRules, groups: &CodeGroups) -> Vec<Block> {
    let rows = &plan.deductible.separate;
    if rows.is_empty() {
        return Vec::new();
    }
    let lines = rows
        .iter()
        .map(|row| SummaryLine::new(row.name.clone(), separate_words(row, groups)))
        .collect();
    vec![
        Block::Caption("Deductibles of their own (taken instead of the one above)"),
        Block::Facts(lines),
    ]
}

/// "$1,000.00 per benefit year, for implant services, outside the annual maximum",
/// "$1,500.00 per lifetime, for orthodontics; $3,000.00 for the whole family".
pub fn class_maximum_words(cm: &ClassMaximum, groups: &CodeGroups) -> String {
    let period = match cm.period {
        DeductiblePeriod::BenefitYear => "per benefit year",
        DeductiblePeriod::Lifetime => "per lifetime",
    };
    let mut text = format!(
        "{} {period}, for {}",
        money(cm.amount),
        what_words(&cm.classes, &cm.codes, groups).to_lowercase()
    );
    if cm.outside_annual {
        text.push_str(", outside the annual maximum");
    }
    if let Some(family) = cm.family_amount {
        text.push_str(&format!("; {} for the whole family", money(family)));
    }
    text
}

/// The rollover rule in a line: "A year with paid claims of $700.00 or less adds
/// $350.00 to a bank for later years (at most $1,250.00), drawn once the annual
/// maximum is used up".
pub fn rollover_line(rollover: &Rollover) -> SummaryLine {
    SummaryLine::new(
        "Rollover",
        format!(
            "A year with paid claims of {} or less adds {} to a bank for later years \
             (at most {}), drawn once the annual maximum is used up",
            money(rollover.threshold),
            money(rollover.amount),
            money(rollover.cap)
        ),
    )
}
