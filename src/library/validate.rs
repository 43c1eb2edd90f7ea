//! Checks that need more than one file, or that serde cannot express: references
//! between files, duplicate ids, and rules that contradict each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::problem::locate;
use crate::model::plan::{
    BenefitYear, BundlingKind, FamilyDeductibleModel, FrequencyWindow, Network,
};
use crate::model::{CdtCode, CodeCatalogue, FeeSchedule, FeeScheduleKind, PlanRules, Problem};

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
    benefit_tables(&mut found, plan, schedules);
    found
        .problems
        .extend(super::validate_rows::check_rows(path, text, plan));
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
            // `family:`, not `family_model` written before it.
            &["deductible", "family:"],
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

/// Each frequency limit allows at least one service, over a window longer than
/// zero, and names at least one code.
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
        if let Some((variant, unit)) = zero_length(limit.window) {
            found.problem(
                &[at.as_slice(), &["window", variant]].concat(),
                format!(
                    "frequency limit \"{}\" looks back 0 {unit}s: expected a window of 1 {unit} or more",
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

/// The window's name and unit when it has length zero (it would only ever count
/// services on the same day, surely a slip).
fn zero_length(window: FrequencyWindow) -> Option<(&'static str, &'static str)> {
    match window {
        FrequencyWindow::RollingMonths { months: 0, .. } => Some(("RollingMonths", "month")),
        FrequencyWindow::MonthsToTheDay(0) => Some(("MonthsToTheDay", "month")),
        FrequencyWindow::MonthsToTheMonth(0) => Some(("MonthsToTheMonth", "month")),
        FrequencyWindow::Days(0) => Some(("Days", "day")),
        FrequencyWindow::Years(0) => Some(("Years", "year")),
        _ => None,
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

/// No alternate benefit pays a code as itself, and the downgrades never go round
/// in a circle (A as B, B as C, C as A, across any rules): each is reported once,
/// at the rule holding its first step, naming the codes in order.
fn alternate_benefits(found: &mut Found<'_>, plan: &PlanRules) {
    for alt in &plan.alternate_benefits {
        for (from, _) in alt.paid_as.iter().filter(|(from, to)| from == to) {
            let (rule, code) = (format!("\"{}\"", alt.name), format!("\"{from}\""));
            found.problem(
                &["alternate_benefits", &rule, &code],
                format!(
                    "alternate benefit \"{}\" pays {from} as itself: expected a different code",
                    alt.name
                ),
            );
        }
    }
    let mut steps: BTreeMap<CdtCode, BTreeSet<CdtCode>> = BTreeMap::new();
    for alt in &plan.alternate_benefits {
        for (from, to) in alt.paid_as.iter().filter(|(from, to)| from != to) {
            steps.entry(*from).or_default().insert(*to);
        }
    }
    for circle in circles(&steps) {
        let (Some(&first), Some(&second)) = (circle.first(), circle.get(1)) else {
            continue;
        };
        let Some(rule) = plan
            .alternate_benefits
            .iter()
            .find(|alt| alt.paid_as.get(&first) == Some(&second))
        else {
            continue;
        };
        let mut pairs: Vec<String> = circle
            .iter()
            .zip(circle.iter().cycle().skip(1))
            .map(|(from, to)| format!("{from} as {to}"))
            .collect();
        let last = pairs.pop().unwrap_or_default();
        let (name, code) = (format!("\"{}\"", rule.name), format!("\"{first}\""));
        found.problem(
            &["alternate_benefits", &name, &code],
            format!(
                "alternate benefits pay {} and {last}: a circle; expected every chain of downgrades to end",
                pairs.join(", ")
            ),
        );
    }
}

/// Every circle in the downgrade steps, once each, starting at its lowest code.
/// Only codes above the start are followed, so a circle is found from its lowest
/// code only; plans list a handful of downgrades, so the search stays small.
fn circles(steps: &BTreeMap<CdtCode, BTreeSet<CdtCode>>) -> Vec<Vec<CdtCode>> {
    fn walk(
        steps: &BTreeMap<CdtCode, BTreeSet<CdtCode>>,
        path: &mut Vec<CdtCode>,
        found: &mut Vec<Vec<CdtCode>>,
    ) {
        let (Some(&start), Some(&here)) = (path.first(), path.last()) else {
            return;
        };
        for &next in steps.get(&here).into_iter().flatten() {
            if next == start {
                found.push(path.clone());
            } else if next > start && !path.contains(&next) {
                path.push(next);
                walk(steps, path, found);
                path.pop();
            }
        }
    }
    let mut found = Vec::new();
    for &start in steps.keys() {
        walk(steps, &mut vec![start], &mut found);
    }
    found
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

/// A fixed-benefit table needs an in-network PPO and a `Scheduled` schedule; a
/// copay table a percentage plan (PPO or indemnity, not fixed-benefit) and a
/// `Copay` schedule (issue 16 items 4 and 5).
fn benefit_tables(
    found: &mut Found<'_>,
    plan: &PlanRules,
    schedules: &BTreeMap<String, FeeSchedule>,
) {
    let percentage = matches!(
        plan.network,
        Network::InNetwork { .. } | Network::OutOfNetwork { .. } | Network::Indemnity { .. }
    );
    let tables = [
        (
            "fixed_benefits",
            &plan.fixed_benefits,
            FeeScheduleKind::Scheduled,
        ),
        ("copays", &plan.copays, FeeScheduleKind::Copay),
    ];
    for (field, id, kind) in tables {
        let Some(id) = id else { continue };
        let quoted = format!("\"{id}\"");
        let network_fits = match kind {
            FeeScheduleKind::Scheduled => matches!(plan.network, Network::InNetwork { .. }),
            _ => percentage && plan.fixed_benefits.is_none(),
        };
        let message = match schedules.get(id) {
            None => format!(
                "fee schedule {quoted} named by {field} does not exist: expected the id of a file in fee-schedules/"
            ),
            Some(s) if s.kind != kind => format!(
                "fee schedule {quoted} named by {field} holds {}, but {field} expected {}",
                s.kind.label(),
                kind.label()
            ),
            Some(_) if !network_fits => format!(
                "{field} does not apply to this plan's network ({}): expected {}",
                plan.network.label(),
                if kind == FeeScheduleKind::Scheduled {
                    "an InNetwork plan (a fixed-benefit PPO)"
                } else {
                    "an InNetwork, OutOfNetwork or Indemnity plan without fixed_benefits"
                }
            ),
            Some(_) => continue,
        };
        found.problem(&[field, &quoted], message);
    }
}

/// Problems with one fee schedule on its own.
pub fn check_fee_schedule(path: &Path, text: &str, schedule: &FeeSchedule) -> Vec<Problem> {
    let mut problems = Vec::new();
    if schedule.fees.is_empty() {
        problems.push(Problem::at(
            path,
            // The field, not the word in an id such as "office-fees".
            locate(text, &["fees:"]),
            "fee schedule lists no fees: expected at least one code",
        ));
    }
    let mut dates = Vec::new();
    for version in &schedule.versions {
        let date = format!("\"{}\"", version.effective);
        // The k-th version with this date is at the k-th occurrence of it.
        let same_before = dates.iter().filter(|d| **d == version.effective).count();
        let mut needles = vec!["versions"];
        needles.extend(std::iter::repeat_n(date.as_str(), same_before + 1));
        let at = locate(text, &needles);
        if same_before > 0 {
            problems.push(Problem::at(
                path,
                at,
                format!(
                    "two versions start on {}: expected one version per date",
                    version.effective
                ),
            ));
        }
        dates.push(version.effective);
        if version.fees.is_empty() {
            problems.push(Problem::at(
                path,
                at,
                format!(
                    "version \"{}\" lists no fees: expected the whole list in force from {}",
                    version.name, version.effective
                ),
            ));
        }
    }
    problems
}
