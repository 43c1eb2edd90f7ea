//! Checks of the plan rows issue 16 added: separate deductibles, the class
//! maximums' codes and family amounts, and the rollover bank.

use super::problem::locate;
use crate::model::{PlanRules, Problem};
use std::path::Path;

/// Problems with the plan's separate deductibles, own maximums and rollover.
pub fn check_rows(path: &Path, text: &str, plan: &PlanRules) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut at = |needles: &[&str], message: String| {
        problems.push(Problem::at(path, locate(text, needles), message));
    };
    separate_deductibles(plan, &mut at);
    own_maximums(plan, &mut at);
    problems
}

/// Separate deductible ids are unique, each names something, family >= individual.
fn separate_deductibles(plan: &PlanRules, at: &mut impl FnMut(&[&str], String)) {
    let mut ids: Vec<&str> = Vec::new();
    for row in &plan.deductible.separate {
        let quoted = format!("\"{}\"", row.id);
        // The k-th row with this id is at the k-th occurrence of it.
        let same_before = ids.iter().filter(|id| **id == row.id).count();
        let mut needles = vec!["separate"];
        needles.extend(std::iter::repeat_n(quoted.as_str(), same_before + 1));
        if same_before > 0 {
            at(
                &needles,
                format!(
                    "separate deductible id \"{}\" is used twice: expected unique ids",
                    row.id
                ),
            );
        }
        ids.push(&row.id);
        if row.classes.is_empty() && row.codes.is_empty() {
            at(
                &needles,
                format!(
                    "separate deductible \"{}\" names no classes or codes: expected at least one",
                    row.id
                ),
            );
        }
        if let Some(family) = row.family
            && family < row.individual
        {
            at(
                &needles,
                format!(
                    "separate deductible \"{}\": family {family} is less than the individual {}: expected at least the individual amount",
                    row.id, row.individual
                ),
            );
        }
    }
}

/// Class maximums name something and their family amount is at least the
/// amount; a rollover bank needs an annual maximum and a cap at least its credit.
fn own_maximums(plan: &PlanRules, at: &mut impl FnMut(&[&str], String)) {
    for max in &plan.maximum.class_maximums {
        let quoted = format!("\"{}\"", max.id);
        if max.classes.is_empty() && max.codes.is_empty() {
            at(
                &["class_maximums", &quoted],
                format!(
                    "class maximum \"{}\" names no classes or codes: expected at least one",
                    max.id
                ),
            );
        }
        if let Some(family) = max.family_amount
            && family < max.amount
        {
            at(
                &["class_maximums", &quoted, "family_amount"],
                format!(
                    "class maximum \"{}\": family amount {family} is less than the amount {}: expected at least the amount per person",
                    max.id, max.amount
                ),
            );
        }
    }
    if let Some(rollover) = &plan.maximum.rollover {
        if plan.maximum.annual.is_none() {
            at(
                &["rollover"],
                "a rollover bank without an annual maximum: expected `annual` (the bank is drawn once it is used up)".into(),
            );
        }
        if rollover.cap < rollover.amount {
            at(
                &["rollover", "cap"],
                format!(
                    "rollover cap {} is less than the yearly credit {}: expected at least the credit",
                    rollover.cap, rollover.amount
                ),
            );
        }
    }
}
