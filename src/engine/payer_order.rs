//! Which plan pays first: the usual order-of-benefits rules (dental-benefits.md
//! §8.1), as a suggestion with the reason; staff set the order.

use std::cmp::Ordering;

use chrono::Datelike;

use crate::model::plan::CobMethod;
use crate::model::treatment_plan::{CoverageStatus, Relationship};
use crate::model::{Coverage, PlanRules};

/// The suggested order: indexes into the coverage list, primary first, with the
/// reason each plan comes before the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayerOrder {
    /// Indexes into the coverage list.
    pub order: Vec<usize>,
    /// For each adjacent pair, why the first pays before the second.
    pub reasons: Vec<String>,
}

/// Compares two coverages; `Less` means `a` pays first. Returns the rule that decided.
fn decide(
    a: (&Coverage, Option<&PlanRules>),
    b: (&Coverage, Option<&PlanRules>),
) -> (Ordering, &'static str) {
    let (ca, pa) = a;
    let (cb, pb) = b;
    let medicaid = |p: Option<&PlanRules>| p.is_some_and(|p| p.cob == CobMethod::Medicaid);
    let coordinates = |p: Option<&PlanRules>| p.is_none_or(|p| p.settings.coordinates_benefits);
    let rules: [(Ordering, &'static str); 6] = [
        (medicaid(pa).cmp(&medicaid(pb)), "Medicaid pays last"),
        (
            coordinates(pa).cmp(&coordinates(pb)),
            "a plan without a coordination-of-benefits provision pays first",
        ),
        (
            (ca.relationship != Relationship::Subscriber)
                .cmp(&(cb.relationship != Relationship::Subscriber)),
            "the plan covering the patient as the subscriber pays before the plan covering them as a dependent",
        ),
        (
            birthday_rule(ca, cb),
            "birthday rule: the parent whose birthday (month and day) comes first in the year",
        ),
        (
            (ca.status != CoverageStatus::Active).cmp(&(cb.status != CoverageStatus::Active)),
            "active-employee coverage pays before COBRA or retiree coverage",
        ),
        (longer(ca, cb), "the plan in force longer pays first"),
    ];
    rules
        .into_iter()
        .find(|(o, _)| *o != Ordering::Equal)
        .unwrap_or((Ordering::Equal, "same rank: keep the order on file"))
}

/// The plan in force longer first; undecided while either effective date is blank.
fn longer(a: &Coverage, b: &Coverage) -> Ordering {
    match (a.effective, b.effective) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => Ordering::Equal,
    }
}

/// Birthday rule for a child on two parents' plans: earlier month/day first; equal
/// birthdays fall through to the next rule (longer coverage).
fn birthday_rule(a: &Coverage, b: &Coverage) -> Ordering {
    if a.relationship != Relationship::Child || b.relationship != Relationship::Child {
        return Ordering::Equal;
    }
    match (a.subscriber_birth_date, b.subscriber_birth_date) {
        (Some(x), Some(y)) => (x.month(), x.day()).cmp(&(y.month(), y.day())),
        _ => Ordering::Equal,
    }
}

/// Suggests the payer order for `coverage` (plans looked up by `plan_of`).
pub fn suggest<'a>(
    coverage: &'a [Coverage],
    plan_of: impl Fn(&str) -> Option<&'a PlanRules>,
) -> PayerOrder {
    let mut order: Vec<usize> = (0..coverage.len()).collect();
    let key = |i: usize| coverage.get(i).map(|c| (c, plan_of(&c.plan)));
    order.sort_by(|&i, &j| match (key(i), key(j)) {
        (Some(a), Some(b)) => decide(a, b).0,
        _ => Ordering::Equal,
    });
    let reasons = order
        .windows(2)
        .filter_map(|w| {
            match (
                w.first().and_then(|&i| key(i)),
                w.get(1).and_then(|&j| key(j)),
            ) {
                (Some(a), Some(b)) => {
                    let (_, why) = decide(a, b);
                    Some(format!("{} before {}: {why}", a.0.plan, b.0.plan))
                }
                _ => None,
            }
        })
        .collect();
    PayerOrder { order, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn child(plan: &str, parent_birth: &str, effective: &str) -> Coverage {
        let mut c = Coverage::new(plan, d(effective));
        c.relationship = Relationship::Child;
        c.subscriber_birth_date = Some(d(parent_birth));
        c
    }

    #[test]
    fn birthday_rule_uses_month_and_day_only() {
        // §8.1: Mom born 1988-09-30, Dad born 1990-03-14 -> Dad's plan is primary.
        let cov = vec![
            child("mom", "1988-09-30", "2020-01-01"),
            child("dad", "1990-03-14", "2024-01-01"),
        ];
        let s = suggest(&cov, |_| None);
        assert_eq!(s.order, vec![1, 0]);
        assert!(
            s.reasons[0].starts_with("dad before mom: birthday rule"),
            "{:?}",
            s.reasons
        );
    }

    #[test]
    fn same_birthday_falls_to_longer_coverage() {
        let cov = vec![
            child("newer", "1985-06-01", "2023-05-01"),
            child("older", "1987-06-01", "2019-02-01"),
        ];
        let s = suggest(&cov, |_| None);
        assert_eq!(s.order, vec![1, 0]);
        assert!(s.reasons[0].contains("in force longer"), "{:?}", s.reasons);
    }

    #[test]
    fn subscriber_before_dependent_and_active_before_cobra() {
        let mut spouse = Coverage::new("spouse", d("2015-01-01"));
        spouse.relationship = Relationship::Spouse;
        let own = Coverage::new("own", d("2024-01-01"));
        let s = suggest(&[spouse, own], |_| None);
        assert_eq!(s.order, vec![1, 0]);
        let mut cobra = Coverage::new("cobra", d("2010-01-01"));
        cobra.status = CoverageStatus::Cobra;
        let active = Coverage::new("active", d("2025-01-01"));
        let s = suggest(&[cobra, active], |_| None);
        assert_eq!(s.order, vec![1, 0]);
        assert!(s.reasons[0].contains("COBRA"), "{:?}", s.reasons);
    }
}
