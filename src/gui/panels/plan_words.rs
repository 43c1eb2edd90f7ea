//! Plan rules in plain words (frequency windows, downgrades, bundling, ages), for
//! the read-only plan view. No drawing here.

use crate::model::plan::{
    AgeLimit, AlternateBenefit, BenefitYear, BundlingKind, BundlingRule, FrequencyLimit,
    FrequencyScope, FrequencyWindow, Liability, Proximity, ToothMatch,
};
use crate::model::{CdtCode, CodeSet, ProcedureClass};
use crate::money::Cents;

/// Month names for plan years.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2 per benefit year", "1 every 5 years, per tooth", "1 per 6 months to the day",
/// "1 per 90 days", "1 per lifetime".
pub fn frequency_words(limit: &FrequencyLimit) -> String {
    let n = limit.count;
    if n == 0 {
        return "never paid".to_string();
    }
    let window = match limit.window {
        FrequencyWindow::BenefitYear => format!("{n} per benefit year"),
        FrequencyWindow::RollingMonths {
            months: 0,
            boundary_counts: _,
        }
        | FrequencyWindow::MonthsToTheDay(0)
        | FrequencyWindow::MonthsToTheMonth(0)
        | FrequencyWindow::Days(0)
        | FrequencyWindow::Years(0) => format!("{n} per day"),
        FrequencyWindow::RollingMonths {
            months,
            boundary_counts,
        } => {
            let mut text = if months == 1 {
                format!("{n} in the last month, rolling")
            } else {
                format!("{n} in the last {months} months, rolling")
            };
            if boundary_counts {
                text.push_str(&format!(
                    ", counting one exactly {} back",
                    plural(months, "month")
                ));
            }
            text
        }
        FrequencyWindow::MonthsToTheDay(1) => format!("{n} per month to the day"),
        FrequencyWindow::MonthsToTheDay(m) => format!("{n} per {m} months to the day"),
        FrequencyWindow::MonthsToTheMonth(1) => format!("{n} per month to the month"),
        FrequencyWindow::MonthsToTheMonth(m) => format!("{n} per {m} months to the month"),
        FrequencyWindow::Days(1) => format!("{n} per day"),
        FrequencyWindow::Days(d) => format!("{n} per {d} days"),
        FrequencyWindow::Years(1) => format!("{n} every year"),
        FrequencyWindow::Years(y) => format!("{n} every {y} years"),
        FrequencyWindow::Lifetime => format!("{n} per lifetime"),
    };
    match scope_words(limit.scope) {
        Some(scope) => format!("{window}, {scope}"),
        None => window,
    }
}

/// "1 month", "12 months".
pub(crate) fn plural(n: u32, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// What a frequency limit counts separately; nothing for the whole patient.
pub(crate) fn scope_words(scope: FrequencyScope) -> Option<&'static str> {
    match scope {
        FrequencyScope::Patient => None,
        FrequencyScope::Tooth => Some("per tooth"),
        FrequencyScope::ToothSurface => Some("per tooth and surface"),
        FrequencyScope::Quadrant => Some("per quadrant"),
        FrequencyScope::Arch => Some("per arch"),
    }
}

/// "Calendar year (January 1 to December 31)", "Plan year from July 1".
pub(crate) fn benefit_year_words(year: BenefitYear) -> String {
    match year {
        BenefitYear::Calendar => "Calendar year (January 1 to December 31)".to_string(),
        BenefitYear::PlanYear { start_month } => {
            let month = start_month
                .checked_sub(1)
                .and_then(|i| MONTHS.get(i as usize))
                .copied()
                .unwrap_or("January");
            format!("Plan year from {month} 1")
        }
    }
}

/// "Through age 18", "From age 65", "From age 5 through age 18".
pub(crate) fn age_words(limit: &AgeLimit) -> String {
    match (limit.from_age, limit.through_age) {
        (Some(from), Some(through)) => format!("From age {from} through age {through}"),
        (Some(from), None) => format!("From age {from}"),
        (None, Some(through)) => format!("Through age {through}"),
        (None, None) => "Any age".to_string(),
    }
}

/// "D2740, D2750 paid as D2791 on molars": performed codes grouped by the code they are
/// paid as, in the order first seen.
pub fn downgrade_words(rule: &AlternateBenefit) -> String {
    let mut groups: Vec<(CdtCode, Vec<CdtCode>)> = Vec::new();
    for (&from, &to) in &rule.paid_as {
        match groups.iter_mut().find(|(target, _)| *target == to) {
            Some((_, froms)) => froms.push(from),
            None => groups.push((to, vec![from])),
        }
    }
    let pairs: Vec<String> = groups
        .iter()
        .map(|(to, froms)| format!("{} paid as {to}", codes_list(froms)))
        .collect();
    format!("{} {}", pairs.join("; "), rule.teeth.label())
}

/// "D2951 into D2950, D2952, D2954; same tooth, same day; the office writes it off".
pub fn bundling_words(rule: &BundlingRule) -> String {
    let what = match &rule.kind {
        BundlingKind::Included { codes, into } => format!("{codes} into {into}"),
        BundlingKind::MutuallyExclusive { codes } => {
            format!("only one of {codes} (the first listed wins)")
        }
    };
    let tooth = match rule.tooth {
        ToothMatch::Same => "same tooth",
        ToothMatch::Any => "any tooth",
    };
    let when = match rule.when {
        Proximity::SameDay => "same day".to_string(),
        Proximity::SameVisit => "same visit".to_string(),
        Proximity::WithinDays(n) => format!("within {} of each other", plural(n, "day")),
        Proximity::WithinDaysBefore(n) => format!("up to {} before", plural(n, "day")),
        Proximity::WithinDaysAfter(n) => format!("up to {} after", plural(n, "day")),
        Proximity::SameOption => "anywhere in the option".to_string(),
    };
    let who = match rule.liability {
        Liability::Disallow => {
            "in network the office writes it off; out of network the patient pays the office fee"
        }
        Liability::DenyAtContractFee => "the patient pays the contracted fee",
        Liability::DenyAtOfficeFee => "the patient pays the office fee",
    };
    format!("{what}; {tooth}, {when}; {who}")
}

pub(crate) fn yes_no(value: bool) -> &'static str {
    if value { "Yes" } else { "No" }
}

/// "$1,500.00".
pub(crate) fn money(amount: Cents) -> String {
    format!("${amount}")
}

/// "diagnostic, preventive".
pub(crate) fn classes_words(classes: &[ProcedureClass]) -> String {
    classes
        .iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Classes and codes together: "major restorative; D6010-D6199".
pub(crate) fn what_words(classes: &[ProcedureClass], codes: &CodeSet) -> String {
    let mut parts = Vec::new();
    if !classes.is_empty() {
        parts.push(capitalized(&classes_words(classes)));
    }
    if !codes.is_empty() {
        parts.push(codes.to_string());
    }
    if parts.is_empty() {
        "Nothing listed".to_string()
    } else {
        parts.join("; ")
    }
}

/// "D2740, D2750".
pub(crate) fn codes_list(codes: &[CdtCode]) -> String {
    codes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text with its first letter in upper case.
pub(crate) fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
