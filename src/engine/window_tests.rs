//! Hand-computed cases for the frequency windows; every expected date is worked out by hand.

use super::*;
use Window as W;
use WindowCheck::{Allowed, Denied};

const CALENDAR: BenefitYearStart = BenefitYearStart { month: 1 };
const JULY: BenefitYearStart = BenefitYearStart { month: 7 };

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const fn roll(months: u32, boundary_counts: bool) -> Window {
    W::RollingMonths {
        months,
        boundary_counts,
    }
}

const fn to_day(months: u32) -> Window {
    W::MonthsToTheDay { months }
}

const fn to_month(months: u32) -> Window {
    W::MonthsToTheMonth { months }
}

fn chk(window: Window, limit: u32, prior: &[NaiveDate], dos: NaiveDate) -> WindowCheck {
    check(window, limit, CALENDAR, prior, dos)
}

fn ok(used: u32) -> WindowCheck {
    Allowed { used }
}

fn denied(used: u32, eligible: NaiveDate) -> WindowCheck {
    Denied {
        used,
        eligible_again: Some(eligible),
    }
}

fn never(used: u32) -> WindowCheck {
    Denied {
        used,
        eligible_again: None,
    }
}

/// One prior service, limit 1: denied the day before `boundary` (pointing at `boundary`),
/// allowed on it and on the day after.
fn assert_boundary(window: Window, service: NaiveDate, boundary: NaiveDate) {
    let before = boundary.pred_opt().unwrap();
    let after = boundary.succ_opt().unwrap();
    let at = |dos| chk(window, 1, &[service], dos);
    assert_eq!(at(before), denied(1, boundary), "{window:?} day before");
    assert_eq!(at(boundary), ok(0), "{window:?} on the boundary");
    assert_eq!(at(after), ok(0), "{window:?} day after");
}

const ALL_KINDS: [Window; 9] = [
    W::BenefitYear,
    roll(12, false),
    roll(12, true),
    roll(1, false),
    to_day(6),
    to_month(6),
    W::Days { days: 180 },
    W::Years { years: 5 },
    W::Lifetime,
];

#[test]
fn q1_six_months_to_the_day_from_jan_15_is_eligible_jul_15() {
    assert_boundary(to_day(6), d(2026, 1, 15), d(2026, 7, 15));
}

#[test]
fn q1_six_months_to_the_month_from_jan_15_is_eligible_jul_1() {
    assert_boundary(to_month(6), d(2026, 1, 15), d(2026, 7, 1));
}

#[test]
fn q1_180_days_from_jan_15_is_eligible_jul_14() {
    assert_boundary(W::Days { days: 180 }, d(2026, 1, 15), d(2026, 7, 14));
}

#[test]
fn every_five_years_crown_from_2021_03_10_is_eligible_2026_03_10() {
    assert_boundary(W::Years { years: 5 }, d(2021, 3, 10), d(2026, 3, 10));
}

#[test]
fn to_the_day_clamps_to_month_end() {
    assert_eq!(add_months_clamped(d(2026, 1, 31), 1), d(2026, 2, 28));
    assert_eq!(add_months_clamped(d(2027, 12, 31), 2), d(2028, 2, 29));
    assert_eq!(add_months_clamped(d(2023, 8, 31), 6), d(2024, 2, 29));
    assert_eq!(sub_months_clamped(d(2026, 3, 31), 1), d(2026, 2, 28));
    assert_boundary(to_day(1), d(2026, 1, 31), d(2026, 2, 28));
    assert_boundary(to_day(2), d(2027, 12, 31), d(2028, 2, 29));
    assert_boundary(to_day(6), d(2023, 8, 31), d(2024, 2, 29));
}

#[test]
fn years_from_leap_day_fall_back_to_feb_28_only_in_common_years() {
    assert_boundary(W::Years { years: 5 }, d(2024, 2, 29), d(2029, 2, 28));
    assert_boundary(W::Years { years: 4 }, d(2024, 2, 29), d(2028, 2, 29));
}

#[test]
fn calendar_benefit_year_resets_on_jan_1() {
    let prior = [d(2026, 3, 1), d(2026, 9, 1)];
    let w = W::BenefitYear;
    assert_eq!(chk(w, 2, &prior, d(2026, 12, 31)), denied(2, d(2027, 1, 1)));
    assert_eq!(chk(w, 2, &prior, d(2027, 1, 1)), ok(0));
    assert_eq!(chk(w, 2, &prior, d(2027, 1, 2)), ok(0));
    assert_eq!(chk(w, 2, &prior[..1], d(2026, 12, 31)), ok(1));
}

#[test]
fn july_plan_year_resets_on_jul_1() {
    let prior = [d(2026, 8, 1), d(2027, 2, 1)];
    let w = W::BenefitYear;
    let july = |dos| check(w, 2, JULY, &prior, dos);
    assert_eq!(july(d(2027, 6, 30)), denied(2, d(2027, 7, 1)));
    assert_eq!(july(d(2027, 7, 1)), ok(0));
    assert_eq!(july(d(2027, 7, 2)), ok(0));
    // Under a calendar year the Aug and Feb services fall in different years.
    assert_eq!(chk(w, 2, &prior, d(2027, 6, 30)), ok(1));
}

#[test]
fn year_containing_uses_the_start_month() {
    let year = |start: BenefitYearStart, date| start.year_containing(date);
    assert_eq!(year(JULY, d(2026, 6, 30)), (d(2025, 7, 1), d(2026, 6, 30)));
    assert_eq!(year(JULY, d(2026, 7, 1)), (d(2026, 7, 1), d(2027, 6, 30)));
    let leap_year = (d(2028, 1, 1), d(2028, 12, 31));
    assert_eq!(year(CALENDAR, d(2028, 2, 29)), leap_year);
    // A March plan year ends on the last day of February, leap or not.
    let march = BenefitYearStart { month: 3 };
    assert_eq!(year(march, d(2027, 5, 5)), (d(2027, 3, 1), d(2028, 2, 29)));
    // Out-of-range months mean a calendar year.
    for month in [0, 13, u32::MAX] {
        let start = BenefitYearStart { month };
        let calendar_year = (d(2026, 1, 1), d(2026, 12, 31));
        assert_eq!(year(start, d(2026, 6, 30)), calendar_year);
    }
}

#[test]
fn rolling_boundary_excluded_allows_on_the_exact_anniversary() {
    let prior = [d(2026, 1, 10), d(2026, 5, 20)];
    let w = roll(12, false);
    assert_eq!(chk(w, 2, &prior, d(2027, 1, 9)), denied(2, d(2027, 1, 10)));
    assert_eq!(chk(w, 2, &prior, d(2027, 1, 10)), ok(1));
    assert_eq!(chk(w, 2, &prior, d(2027, 1, 11)), ok(1));
}

#[test]
fn rolling_boundary_included_denies_on_the_exact_anniversary() {
    let prior = [d(2026, 1, 10), d(2026, 5, 20)];
    let w = roll(12, true);
    assert_eq!(chk(w, 2, &prior, d(2027, 1, 9)), denied(2, d(2027, 1, 11)));
    assert_eq!(chk(w, 2, &prior, d(2027, 1, 10)), denied(2, d(2027, 1, 11)));
    assert_eq!(chk(w, 2, &prior, d(2027, 1, 11)), ok(1));
    assert_eq!(chk(w, 2, &prior, d(2027, 1, 12)), ok(1));
}

#[test]
fn rolling_service_on_a_missing_day_drops_out_on_the_first_of_the_next_month() {
    // Apr 30 looks back to Mar 30, so a Mar 31 service still counts; May 1 looks back to Apr 1.
    assert_boundary(roll(1, false), d(2026, 3, 31), d(2026, 5, 1));
    let early = chk(roll(1, false), 1, &[d(2026, 3, 31)], d(2026, 4, 15));
    assert_eq!(early, denied(1, d(2026, 5, 1)));
    // Feb 28 looks back to Jan 28 (Jan 31 counts); Mar 1 looks back to Feb 1.
    assert_boundary(roll(1, true), d(2026, 1, 31), d(2026, 3, 1));
}

#[test]
fn rolling_third_visit_waits_for_the_oldest_to_fall_out() {
    let prior = [d(2026, 1, 15), d(2026, 3, 1)];
    let w = roll(12, false);
    assert_eq!(chk(w, 3, &prior, d(2026, 2, 1)), ok(1));
    assert_eq!(chk(w, 2, &prior, d(2026, 6, 1)), denied(2, d(2027, 1, 15)));
}

#[test]
fn to_the_day_two_per_twelve_months_waits_for_the_older_service() {
    let prior = [d(2026, 6, 1), d(2026, 2, 1)];
    let w = to_day(12);
    assert_eq!(chk(w, 2, &prior, d(2026, 10, 1)), denied(2, d(2027, 2, 1)));
    assert_eq!(chk(w, 2, &prior, d(2027, 1, 31)), denied(2, d(2027, 2, 1)));
    assert_eq!(chk(w, 2, &prior, d(2027, 2, 1)), ok(1));
    assert_eq!(chk(w, 2, &prior, d(2027, 6, 1)), ok(0));
}

#[test]
fn over_the_limit_waits_for_enough_expiries() {
    // Limit 2, expiries Feb 19, Mar 3, Mar 12: two must expire, so the second one decides.
    let prior = [d(2026, 1, 20), d(2026, 2, 1), d(2026, 2, 10)];
    let w = W::Days { days: 30 };
    assert_eq!(chk(w, 2, &prior, d(2026, 2, 10)), denied(3, d(2026, 3, 3)));
    assert_eq!(chk(w, 2, &prior, d(2026, 3, 2)), denied(2, d(2026, 3, 3)));
    assert_eq!(chk(w, 2, &prior, d(2026, 3, 3)), ok(1));
}

#[test]
fn lifetime_never_expires() {
    let prior = [d(2020, 1, 1)];
    assert_eq!(chk(W::Lifetime, 1, &prior, d(2019, 12, 31)), ok(0));
    assert_eq!(chk(W::Lifetime, 1, &prior, d(2020, 1, 1)), never(1));
    assert_eq!(chk(W::Lifetime, 1, &prior, d(2020, 1, 2)), never(1));
    assert_eq!(chk(W::Lifetime, 1, &prior, d(2090, 1, 1)), never(1));
    assert_eq!(chk(W::Lifetime, 2, &prior, d(2090, 1, 1)), ok(1));
}

#[test]
fn limit_zero_is_never_allowed() {
    for w in ALL_KINDS {
        assert_eq!(chk(w, 0, &[], d(2026, 5, 5)), never(0), "{w:?}");
        let prior = [d(2026, 5, 1)];
        assert_eq!(chk(w, 0, &prior, d(2026, 5, 5)), never(1), "{w:?}");
    }
}

#[test]
fn prior_dates_after_the_dos_are_ignored() {
    let prior = [d(2026, 5, 6), d(2026, 12, 31), d(2030, 1, 1)];
    for w in ALL_KINDS {
        assert_eq!(chk(w, 1, &prior, d(2026, 5, 5)), ok(0), "{w:?}");
    }
}

#[test]
fn same_day_service_and_duplicates_each_count() {
    let dos = d(2026, 5, 5);
    for w in ALL_KINDS {
        let one = chk(w, 1, &[dos], dos);
        assert!(matches!(one, Denied { used: 1, .. }), "{w:?}");
        let two = chk(w, 2, &[dos, dos], dos);
        assert!(matches!(two, Denied { used: 2, .. }), "{w:?}");
        assert_eq!(chk(w, 3, &[dos, dos], dos), ok(2), "{w:?}");
    }
}

#[test]
fn zero_length_windows_limit_per_day() {
    let zero = [
        roll(0, false),
        roll(0, true),
        to_day(0),
        to_month(0),
        W::Days { days: 0 },
        W::Years { years: 0 },
    ];
    for w in zero {
        assert_boundary(w, d(2026, 5, 5), d(2026, 5, 6));
    }
}

#[test]
fn eligible_again_is_the_first_allowed_day_across_three_years() {
    // For every service day over a leap cycle: denied the day before eligible_again, allowed on it.
    let kinds = [
        roll(1, false),
        roll(1, true),
        roll(13, false),
        roll(6, true),
        to_day(1),
        to_month(5),
        W::Days { days: 90 },
        W::Years { years: 1 },
        W::BenefitYear,
    ];
    let mut s = d(2023, 1, 1);
    while s < d(2026, 1, 1) {
        let later = s.checked_add_days(Days::new(3)).unwrap();
        for w in kinds {
            // Limit 1 with one service; limit 2 with two services three days apart.
            for (limit, dos, prior) in [(1, s, vec![s]), (2, later, vec![s, later])] {
                let result = chk(w, limit, &prior, dos);
                let Denied { eligible_again, .. } = result else {
                    // Only a benefit-year reset between the two services leaves room.
                    assert_eq!((w, limit, result), (W::BenefitYear, 2, ok(1)));
                    continue;
                };
                let e = eligible_again.unwrap();
                let before = e.pred_opt().unwrap();
                assert!(e > dos, "{w:?} {s}");
                let (on_before, on_e) = (chk(w, limit, &prior, before), chk(w, limit, &prior, e));
                assert!(matches!(on_before, Denied { .. }), "{w:?} {s}");
                assert!(matches!(on_e, Allowed { .. }), "{w:?} {s}");
            }
        }
        s = s.succ_opt().unwrap();
    }
}

#[test]
fn dates_at_chronos_limits_do_not_panic() {
    let (min, max) = (NaiveDate::MIN, NaiveDate::MAX);
    assert_eq!(add_months_clamped(max, 1), max);
    assert_eq!(sub_months_clamped(min, 1), min);
    assert_eq!(add_months_clamped(min, u32::MAX), max);
    assert_eq!(JULY.year_containing(min).0, min);
    assert_eq!(JULY.year_containing(max).1, max);
    let extremes = [
        roll(u32::MAX, true),
        to_day(u32::MAX),
        to_month(u32::MAX),
        W::Days { days: u32::MAX },
        W::Years { years: u32::MAX },
    ];
    for w in ALL_KINDS.into_iter().chain(extremes) {
        for date in [min, max] {
            let _ = check(w, 1, JULY, &[min, max, date], date);
        }
    }
    // Blocking past the end of the calendar: never allowed again within range.
    assert_eq!(chk(W::Years { years: 1 }, 1, &[max], max), never(1));
    assert_eq!(chk(W::BenefitYear, 1, &[max], max), never(1));
}
