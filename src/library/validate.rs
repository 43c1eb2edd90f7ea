//! Checks that need more than one file, or that serde cannot express: references
//! between files, duplicate ids, and rules that contradict each other.

use std::collections::BTreeMap;
use std::path::Path;

use super::problem::locate;
use crate::model::plan::{BundlingKind, FamilyDeductibleModel, Network};
use crate::model::{CodeCatalogue, FeeSchedule, FeeScheduleKind, PlanRules, Problem};

/// Problems with one plan, given the fee schedules that loaded.
pub fn check_plan(
    path: &Path,
    text: &str,
    plan: &PlanRules,
    schedules: &BTreeMap<String, FeeSchedule>,
    catalogue: &CodeCatalogue,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |needles: &[&str], message: String| {
        problems.push(Problem::at(path, locate(text, needles), message));
    };

    // The network's fee schedule must exist and be of the right kind.
    let schedule_id = plan.network.schedule_id();
    let quoted = format!("\"{schedule_id}\"");
    let wanted: &[FeeScheduleKind] = match plan.network {
        Network::InNetwork { .. } => &[FeeScheduleKind::Contracted],
        Network::OutOfNetwork { .. } | Network::Indemnity { .. } => {
            &[FeeScheduleKind::Allowance, FeeScheduleKind::Contracted]
        }
        Network::ScheduledAllowance { .. } => &[FeeScheduleKind::Scheduled],
        Network::Dhmo { .. } => &[FeeScheduleKind::Copay],
    };
    match schedules.get(schedule_id) {
        None => problem(
            &["network", &quoted],
            format!(
                "fee schedule {quoted} does not exist: expected the id of a file in fee-schedules/"
            ),
        ),
        Some(schedule) if !wanted.contains(&schedule.kind) => problem(
            &["network", &quoted],
            format!(
                "fee schedule {quoted} holds {}, but this plan's network ({}) expected {}",
                schedule.kind.label(),
                plan.network.label(),
                wanted
                    .iter()
                    .map(|k| k.label())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        ),
        Some(_) => {}
    }

    if let crate::model::plan::BenefitYear::PlanYear { start_month } = plan.benefit_year
        && !(1..=12).contains(&start_month)
    {
        problem(
            &["start_month"],
            format!("benefit year start month {start_month}: expected a month from 1 to 12"),
        );
    }

    let d = &plan.deductible;
    if let Some(family) = d.family
        && family < d.individual
    {
        problem(
            &["deductible", "family"],
            format!(
                "family deductible {family} is less than the individual deductible {}: expected at least the individual amount",
                d.individual
            ),
        );
    }
    if d.family_model == FamilyDeductibleModel::MemberCount(0) {
        problem(
            &["MemberCount"],
            "family deductible met by 0 members: expected 1 or more".into(),
        );
    }
    if let (Some(annual), Some(family)) = (plan.maximum.annual, plan.maximum.family_annual)
        && family < annual
    {
        problem(
            &["family_annual"],
            format!(
                "family maximum {family} is less than the individual maximum {annual}: expected at least the individual amount"
            ),
        );
    }
    let mut seen_ids = Vec::new();
    for max in &plan.maximum.class_maximums {
        if seen_ids.contains(&&max.id) {
            problem(
                &[
                    "class_maximums",
                    &format!("\"{}\"", max.id),
                    &format!("\"{}\"", max.id),
                ],
                format!(
                    "class maximum id \"{}\" is used twice: expected unique ids",
                    max.id
                ),
            );
        }
        seen_ids.push(&max.id);
    }

    for (i, limit) in plan.frequency_limits.iter().enumerate() {
        // Point at this limit even when an earlier one has the same name.
        let quoted_name = format!("\"{}\"", limit.name);
        let same_name_before = plan
            .frequency_limits
            .iter()
            .take(i)
            .filter(|l| l.name == limit.name)
            .count();
        let mut at: Vec<&str> = vec!["frequency_limits"];
        at.extend(std::iter::repeat_n(
            quoted_name.as_str(),
            same_name_before + 1,
        ));
        if limit.count == 0 {
            at.push("count");
            problem(
                &at,
                format!(
                    "frequency limit \"{}\" allows 0 services: expected 1 or more (use an exclusion for services the plan never pays)",
                    limit.name
                ),
            );
        }
        if limit.codes.is_empty() {
            at.retain(|n| *n != "count");
            at.push("codes");
            problem(
                &at,
                format!(
                    "frequency limit \"{}\" lists no codes: expected at least one",
                    limit.name
                ),
            );
        }
    }
    for (i, age) in plan.age_limits.iter().enumerate() {
        if let (Some(from), Some(through)) = (age.from_age, age.through_age)
            && from > through
        {
            // The k-th `from_age` in the list belongs to this limit.
            let earlier = plan
                .age_limits
                .iter()
                .take(i)
                .filter(|a| a.from_age.is_some())
                .count();
            let mut at: Vec<&str> = vec!["age_limits"];
            at.extend(std::iter::repeat_n("from_age", earlier + 1));
            problem(
                &at,
                format!(
                    "age limit from age {from} through age {through} covers nobody: expected from_age <= through_age"
                ),
            );
        }
        if age.from_age.is_none() && age.through_age.is_none() {
            problem(
                &["age_limits"],
                "age limit without from_age or through_age: expected at least one".into(),
            );
        }
        if age.codes.is_empty() && age.classes.is_empty() {
            problem(
                &["age_limits"],
                "age limit names no codes or classes: expected at least one".into(),
            );
        }
    }
    for wait in &plan.waiting_periods {
        if wait.codes.is_empty() && wait.classes.is_empty() {
            problem(
                &["waiting_periods"],
                "waiting period names no codes or classes: expected at least one".into(),
            );
        }
    }
    for exclusion in &plan.exclusions {
        if exclusion.codes.is_empty() && exclusion.classes.is_empty() {
            problem(
                &["exclusions"],
                "exclusion names no codes or classes: expected at least one".into(),
            );
        }
        // A code the plan both excludes and gives its own coverage is a contradiction.
        for (code, pct) in &plan.code_coverage {
            let excluded = exclusion.codes.contains(*code)
                || exclusion.classes.contains(&catalogue.class_of(*code));
            if excluded && !pct.is_zero() {
                problem(
                    &["code_coverage", &format!("\"{code}\"")],
                    format!(
                        "{code} is covered at {pct} here but excluded (\"{}\"): expected one or the other",
                        exclusion.reason
                    ),
                );
            }
        }
    }
    for alt in &plan.alternate_benefits {
        for (from, to) in &alt.paid_as {
            if from == to {
                problem(
                    &[&format!("\"{}\"", alt.name), &format!("\"{from}\"")],
                    format!(
                        "alternate benefit \"{}\" pays {from} as itself: expected a different code",
                        alt.name
                    ),
                );
            }
            // A -> B in one rule and B -> A in another would loop.
            let loops = plan
                .alternate_benefits
                .iter()
                .any(|other| other.paid_as.get(to) == Some(from) && from != to);
            if loops && from < to {
                problem(
                    &[&format!("\"{}\"", alt.name), &format!("\"{from}\"")],
                    format!(
                        "alternate benefits pay {from} as {to} and {to} as {from}: expected one direction"
                    ),
                );
            }
        }
    }
    let mut bundle_ids = Vec::new();
    for rule in &plan.bundling {
        if bundle_ids.contains(&&rule.id) {
            problem(
                &[
                    "bundling",
                    &format!("\"{}\"", rule.id),
                    &format!("\"{}\"", rule.id),
                ],
                format!(
                    "bundling rule id \"{}\" is used twice: expected unique ids",
                    rule.id
                ),
            );
        }
        bundle_ids.push(&rule.id);
        let empty = match &rule.kind {
            BundlingKind::Included { codes, into } => codes.is_empty() || into.is_empty(),
            BundlingKind::MutuallyExclusive { codes } => codes.is_empty(),
        };
        if empty {
            problem(
                &[&format!("\"{}\"", rule.id)],
                format!(
                    "bundling rule \"{}\" has an empty code list: expected codes on both sides",
                    rule.id
                ),
            );
        }
    }
    problems
}

/// Problems with one fee schedule on its own.
pub fn check_fee_schedule(path: &Path, text: &str, schedule: &FeeSchedule) -> Vec<Problem> {
    let mut problems = Vec::new();
    if schedule.fees.is_empty() {
        problems.push(Problem::at(
            path,
            locate(text, &["fees"]),
            "fee schedule lists no fees: expected at least one code",
        ));
    }
    problems
}
