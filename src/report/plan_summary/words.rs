//! Plan rules in plain words: frequency windows, downgrades, bundling, ages,
//! benefit years, lists of classes and codes.

use crate::model::plan::{
    AgeLimit, AlternateBenefit, BenefitYear, BundlingKind, BundlingRule, FrequencyLimit,
    FrequencyScope, FrequencyWindow, Liability, Proximity, ToothMatch,
};
use crate::model::{CdtCode, CodeSet, ProcedureClass};
use crate::report::fmt::{capitalized, plural};

/// Month names for plan years.
pub const MONTHS: [&str; 12] = [
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

/// What a frequency limit counts separately; nothing for the whole patient.
pub fn scope_words(scope: FrequencyScope) -> Option<&'static str> {
    match scope {
        FrequencyScope::Patient => None,
        FrequencyScope::Tooth => Some("per tooth"),
        FrequencyScope::ToothSurface => Some("per tooth and surface"),
        FrequencyScope::Quadrant => Some("per quadrant"),
        FrequencyScope::Arch => Some("per arch"),
    }
}

/// "Calendar year (January 1 to December 31)", "Plan year from July 1".
pub fn benefit_year_words(year: BenefitYear) -> String {
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
pub fn age_words(limit: &AgeLimit) -> String {
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

/// "diagnostic, preventive".
pub fn classes_words(classes: &[ProcedureClass]) -> String {
    classes
        .iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Classes and codes together: "major restorative; D6010-D6199".
pub fn what_words(classes: &[ProcedureClass], codes: &CodeSet) -> String {
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
pub fn codes_list(codes: &[CdtCode]) -> String {
    codes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::plan::ToothCondition;

    fn limit(count: u32, window: FrequencyWindow, scope: FrequencyScope) -> FrequencyLimit {
        FrequencyLimit {
            name: "Test".to_string(),
            codes: CodeSet::default(),
            count,
            window,
            scope,
            shared_pool: false,
        }
    }

    fn words(count: u32, window: FrequencyWindow, scope: FrequencyScope) -> String {
        frequency_words(&limit(count, window, scope))
    }

    #[test]
    fn frequency_limits_read_as_plain_words() {
        use FrequencyScope as S;
        use FrequencyWindow as W;
        assert_eq!(words(2, W::BenefitYear, S::Patient), "2 per benefit year");
        assert_eq!(
            words(1, W::Years(5), S::Tooth),
            "1 every 5 years, per tooth"
        );
        assert_eq!(words(1, W::Years(1), S::Patient), "1 every year");
        assert_eq!(
            words(1, W::MonthsToTheDay(6), S::Patient),
            "1 per 6 months to the day"
        );
        assert_eq!(
            words(1, W::MonthsToTheMonth(24), S::Quadrant),
            "1 per 24 months to the month, per quadrant"
        );
        assert_eq!(words(1, W::Days(90), S::Patient), "1 per 90 days");
        assert_eq!(words(1, W::Lifetime, S::Tooth), "1 per lifetime, per tooth");
        assert_eq!(
            words(1, W::MonthsToTheDay(24), S::ToothSurface),
            "1 per 24 months to the day, per tooth and surface"
        );
        assert_eq!(
            words(
                2,
                W::RollingMonths {
                    months: 12,
                    boundary_counts: false
                },
                S::Arch
            ),
            "2 in the last 12 months, rolling, per arch"
        );
        assert_eq!(
            words(
                1,
                W::RollingMonths {
                    months: 6,
                    boundary_counts: true
                },
                S::Patient
            ),
            "1 in the last 6 months, rolling, counting one exactly 6 months back"
        );
    }

    #[test]
    fn frequency_edge_cases_stay_readable() {
        use FrequencyScope as S;
        use FrequencyWindow as W;
        assert_eq!(words(0, W::BenefitYear, S::Patient), "never paid");
        assert_eq!(words(3, W::Days(0), S::Patient), "3 per day");
        assert_eq!(words(1, W::Years(0), S::Tooth), "1 per day, per tooth");
        assert_eq!(words(1, W::Days(1), S::Patient), "1 per day");
        assert_eq!(
            words(1, W::MonthsToTheDay(1), S::Patient),
            "1 per month to the day"
        );
        assert_eq!(
            words(
                1,
                W::RollingMonths {
                    months: 1,
                    boundary_counts: true
                },
                S::Patient
            ),
            "1 in the last month, rolling, counting one exactly 1 month back"
        );
    }

    #[test]
    fn downgrades_group_codes_by_what_they_are_paid_as() {
        let code = |s: &str| CdtCode::parse(s).unwrap();
        let mut paid_as = BTreeMap::new();
        for from in ["D2740", "D2750", "D2751", "D2752"] {
            paid_as.insert(code(from), code("D2791"));
        }
        let rule = AlternateBenefit {
            name: "Molar crowns".to_string(),
            paid_as,
            teeth: ToothCondition::Molar,
        };
        assert_eq!(
            downgrade_words(&rule),
            "D2740, D2750, D2751, D2752 paid as D2791 on molars"
        );
    }

    #[test]
    fn plan_years_name_their_first_month() {
        assert_eq!(
            benefit_year_words(BenefitYear::PlanYear { start_month: 7 }),
            "Plan year from July 1"
        );
        assert_eq!(
            benefit_year_words(BenefitYear::PlanYear { start_month: 13 }),
            "Plan year from January 1"
        );
    }
}
