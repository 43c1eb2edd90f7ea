//! Checks that need more than one file, or that serde cannot express: references
//! between files, duplicate ids, and rules that contradict each other.

use std::collections::BTreeMap;
use std::path::Path;

use super::problem::locate;
use crate::model::plan::{BenefitYear, BundlingKind, FamilyDeductibleModel, Network};
use crate::model::{CodeCatalogue, FeeSchedule, FeeScheduleKind, PlanRules, Problem};

/// Problems with one plan, given the fee schedules that loaded. Each concept is
/// checked by its own function, in the order the problems are listed.
pub fn check_plan(
    path: &Path,
    text: &str,
    plan: &PlanRules,
    schedules: &BTreeMap<String, FeeSchedule>,
    catalogue: &CodeCatalogue,
) -> Vec<Problem> {
    let mut found = Found {
        path,
        text,
        problems: Vec::new(),
    };
    network_schedule(&mut found, plan, schedules);
    benefit_year(&mut found, plan);
    deductible(&mut found, plan);
    maximums(&mut found, plan);
    frequency_limits(&mut found, plan);
    age_limits(&mut found, plan);
    waiting_periods(&mut found, plan);
    exclusions(&mut found, plan, catalogue);
    alternate_benefits(&mut found, plan);
    bundling_rules(&mut found, plan);
    found.problems
}

/// The problems found in one file so far.
struct Found<'a> {
    path: &'a Path,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Found<'_> {
    /// A problem at the text `needles` lead to (see `locate`).
    fn problem(&mut self, needles: &[&str], message: String) {
        self.problems
            .push(Problem::at(self.path, locate(self.text, needles), message));
    }
}

/// The network's fee schedule must exist and be of the right kind.
fn network_schedule(
    found: &mut Found<'_>,
    plan: &PlanRules,
    schedules: &BTreeMap<String, FeeSchedule>,
) {
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
        None => found.problem(
            &["network", &quoted],
            format!(
                "fee schedule {quoted} does not exist: expected the id of a file in fee-schedules/"
            ),
        ),
        Some(schedule) if !wanted.contains(&schedule.kind) => found.problem(
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
}

/// A plan year starts in a real month.
fn benefit_year(found: &mut Found<'_>, plan: &PlanRules) {
    if let BenefitYear::PlanYear { start_month } = plan.benefit_year
        && !(1..=12).contains(&start_month)
    {
        found.problem(
            &["start_month"],
            format!("benefit year start month {start_month}: expected a month from 1 to 12"),
        );
    }
}

/// The family deductible is at least one person's, and met by at least one member.
fn deductible(found: &mut Found<'_>, plan: &PlanRules) {
    let d = &plan.deductible;
    if let Some(family) = d.family
        && family < d.individual
    {
        found.problem(
            &["deductible", "family"],
            format!(
                "family deductible {family} is less than the individual deductible {}: expected at least the individual amount",
                d.individual
            ),
        );
    }
    if d.family_model == FamilyDeductibleModel::MemberCount(0) {
        found.problem(
            &["MemberCount"],
            "family deductible met by 0 members: expected 1 or more".into(),
        );
    }
}

/// The family maximum is at least one person's; class maximum ids are unique.
fn maximums(found: &mut Found<'_>, plan: &PlanRules) {
    if let (Some(annual), Some(family)) = (plan.maximum.annual, plan.maximum.family_annual)
        && family < annual
    {
        found.problem(
            &["family_annual"],
            format!(
                "family maximum {family} is less than the individual maximum {annual}: expected at least the individual amount"
            ),
        );
    }
    let mut seen_ids = Vec::new();
    for max in &plan.maximum.class_maximums {
        if seen_ids.contains(&&max.id) {
            let quoted = format!("\"{}\"", max.id);
            found.problem(
                &["class_maximums", &quoted, &quoted],
                format!(
                    "class maximum id \"{}\" is used twice: expected unique ids",
                    max.id
                ),
            );
        }
        seen_ids.push(&max.id);
    }
}

/// Each frequency limit allows at least one service and names at least one code.
fn frequency_limits(found: &mut Found<'_>, plan: &PlanRules) {
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
            found.problem(
                &[at.as_slice(), &["count"]].concat(),
                format!(
                    "frequency limit \"{}\" allows 0 services: expected 1 or more (use an exclusion for services the plan never pays)",
                    limit.name
                ),
            );
        }
        if limit.codes.is_empty() {
            found.problem(
                &[at.as_slice(), &["codes"]].concat(),
                format!(
                    "frequency limit \"{}\" lists no codes: expected at least one",
                    limit.name
                ),
            );
        }
    }
}

/// Each age limit covers somebody and names what it limits.
fn age_limits(found: &mut Found<'_>, plan: &PlanRules) {
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
            found.problem(
                &at,
                format!(
                    "age limit from age {from} through age {through} covers nobody: expected from_age <= through_age"
                ),
            );
        }
        if age.from_age.is_none() && age.through_age.is_none() {
            found.problem(
                &["age_limits"],
                "age limit without from_age or through_age: expected at least one".into(),
            );
        }
        if age.codes.is_empty() && age.classes.is_empty() {
            found.problem(
                &["age_limits"],
                "age limit names no codes or classes: expected at least one".into(),
            );
        }
    }
}

/// Each waiting period names what it delays.
fn waiting_periods(found: &mut Found<'_>, plan: &PlanRules) {
    for wait in &plan.waiting_periods {
        if wait.codes.is_empty() && wait.classes.is_empty() {
            found.problem(
                &["waiting_periods"],
                "waiting period names no codes or classes: expected at least one".into(),
            );
        }
    }
}

/// Each exclusion names what it excludes, and no code is both excluded and given
/// its own coverage.
fn exclusions(found: &mut Found<'_>, plan: &PlanRules, catalogue: &CodeCatalogue) {
    for exclusion in &plan.exclusions {
        if exclusion.codes.is_empty() && exclusion.classes.is_empty() {
            found.problem(
                &["exclusions"],
                "exclusion names no codes or classes: expected at least one".into(),
            );
        }
        for (code, pct) in &plan.code_coverage {
            let excluded = exclusion.codes.contains(*code)
                || exclusion.classes.contains(&catalogue.class_of(*code));
            if excluded && !pct.is_zero() {
                found.problem(
                    &["code_coverage", &format!("\"{code}\"")],
                    format!(
                        "{code} is covered at {pct} here but excluded (\"{}\"): expected one or the other",
                        exclusion.reason
                    ),
                );
            }
        }
    }
}

/// No alternate benefit pays a code as itself, and no two rules pay two codes as
/// each other (A -> B in one rule and B -> A in another would loop).
fn alternate_benefits(found: &mut Found<'_>, plan: &PlanRules) {
    for alt in &plan.alternate_benefits {
        for (from, to) in &alt.paid_as {
            let (rule, code) = (format!("\"{}\"", alt.name), format!("\"{from}\""));
            let at = [rule.as_str(), code.as_str()];
            if from == to {
                found.problem(
                    &at,
                    format!(
                        "alternate benefit \"{}\" pays {from} as itself: expected a different code",
                        alt.name
                    ),
                );
            }
            let loops = plan
                .alternate_benefits
                .iter()
                .any(|other| other.paid_as.get(to) == Some(from) && from != to);
            if loops && from < to {
                found.problem(
                    &at,
                    format!(
                        "alternate benefits pay {from} as {to} and {to} as {from}: expected one direction"
                    ),
                );
            }
        }
    }
}

/// Bundling rule ids are unique and every rule has codes on both sides.
fn bundling_rules(found: &mut Found<'_>, plan: &PlanRules) {
    let mut bundle_ids = Vec::new();
    for rule in &plan.bundling {
        let quoted = format!("\"{}\"", rule.id);
        if bundle_ids.contains(&&rule.id) {
            found.problem(
                &["bundling", &quoted, &quoted],
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
            found.problem(
                &[&quoted],
                format!(
                    "bundling rule \"{}\" has an empty code list: expected codes on both sides",
                    rule.id
                ),
            );
        }
    }
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
