//! `look_back` by hand, and [`check`] against a per-date reference over random
//! dates: in any order, and cut to the look-back range, the answer is the same.

use super::*;

const CALENDAR: BenefitYearStart = BenefitYearStart { month: 1 };

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Each kind's bound, worked out from the module's rules for a DOS of 2026-03-31.
#[test]
fn look_back_per_window_kind() {
    let dos = d(2026, 3, 31);
    let at = |w| look_back(w, CALENDAR, dos);
    // The benefit year containing the DOS; a July year began 2025-07-01.
    assert_eq!(at(Window::BenefitYear), d(2026, 1, 1));
    assert_eq!(
        look_back(Window::BenefitYear, BenefitYearStart { month: 7 }, dos),
        d(2025, 7, 1)
    );
    // 1 month back from Mar 31 clamps to Feb 28 (2026 is no leap year).
    let rolling = Window::RollingMonths {
        months: 1,
        boundary_counts: true,
    };
    assert_eq!(at(rolling), d(2026, 2, 28));
    assert_eq!(at(Window::MonthsToTheDay { months: 1 }), d(2026, 2, 28));
    // To the month: the whole of February.
    assert_eq!(at(Window::MonthsToTheMonth { months: 1 }), d(2026, 2, 1));
    // 31 days before Mar 31 is Feb 28.
    assert_eq!(at(Window::Days { days: 31 }), d(2026, 2, 28));
    assert_eq!(at(Window::Years { years: 5 }), d(2021, 3, 31));
    assert_eq!(at(Window::Lifetime), NaiveDate::MIN);
    // Zero-length windows reach the DOS only.
    assert_eq!(at(Window::Days { days: 0 }), dos);
    assert_eq!(at(Window::MonthsToTheDay { months: 0 }), dos);
}

/// The far end of the calendar saturates instead of failing.
#[test]
fn look_back_saturates_at_the_first_date() {
    let dos = NaiveDate::MIN.succ_opt().unwrap();
    assert_eq!(
        look_back(Window::Years { years: 3 }, CALENDAR, dos),
        NaiveDate::MIN
    );
    assert_eq!(
        look_back(Window::Days { days: 9 }, CALENDAR, dos),
        NaiveDate::MIN
    );
    let huge = Window::Years { years: u32::MAX };
    assert_eq!(look_back(huge, CALENDAR, d(2026, 1, 1)), NaiveDate::MIN);
}

/// The per-date reference: every date's expiry worked out and sorted (the check
/// before it bisected sorted dates).
fn reference(window: Window, limit: u32, prior: &[NaiveDate], dos: NaiveDate) -> WindowCheck {
    let past: Vec<NaiveDate> = prior.iter().copied().filter(|&s| s <= dos).collect();
    let expiry = |s: NaiveDate| -> Option<NaiveDate> {
        match window {
            Window::MonthsToTheDay { months } => s.checked_add_months(Months::new(months)),
            Window::MonthsToTheMonth { months } => {
                s.with_day(1)?.checked_add_months(Months::new(months))
            }
            Window::Days { days } => s.checked_add_days(Days::new(u64::from(days))),
            Window::Years { years } => s.checked_add_months(Months::new(years.checked_mul(12)?)),
            _ => None,
        }
    };
    let (used, eligible) = match window {
        Window::BenefitYear => {
            let (start, end) = CALENDAR.year_containing(dos);
            (past.iter().filter(|&&s| s >= start).count(), end.succ_opt())
        }
        Window::RollingMonths {
            months,
            boundary_counts,
        } => rolling_by_day(&past, dos, months, boundary_counts, limit),
        Window::Lifetime => (past.len(), None),
        _ => {
            let mut e: Vec<Option<NaiveDate>> = past
                .iter()
                .map(|&s| expiry(s).zip(s.succ_opt()).map(|(e, n)| e.max(n)))
                .filter(|e| e.is_none_or(|e| dos < e))
                .collect();
            e.sort_by_key(|e| (e.is_none(), *e));
            let nth = e
                .len()
                .checked_sub(limit as usize)
                .and_then(|i| e.get(i).copied())
                .flatten();
            (e.len(), nth)
        }
    };
    let used_u32 = u32::try_from(used).unwrap();
    if used < limit as usize {
        WindowCheck::Allowed { used: used_u32 }
    } else {
        WindowCheck::Denied {
            used: used_u32,
            eligible_again: eligible.filter(|_| limit > 0),
        }
    }
}

/// Rolling, by brute force: count what the look-back holds on the DOS, then try
/// each later day until fewer than `limit` of those are still in the look-back.
fn rolling_by_day(
    past: &[NaiveDate],
    dos: NaiveDate,
    months: u32,
    boundary_counts: bool,
    limit: u32,
) -> (usize, Option<NaiveDate>) {
    let inside = |s: NaiveDate, day: NaiveDate| {
        let lower = sub_months_clamped(day, months);
        s > lower || (boundary_counts && s == lower) || s == day
    };
    let counted: Vec<NaiveDate> = past.iter().copied().filter(|&s| inside(s, dos)).collect();
    let eligible = (1..=500)
        .map(|n| dos + Days::new(n))
        .find(|&day| counted.iter().filter(|&&s| inside(s, day)).count() < limit as usize);
    (counted.len(), eligible)
}

fn sorted(mut v: Vec<NaiveDate>) -> Vec<NaiveDate> {
    v.sort_unstable();
    v
}

/// A small deterministic generator (xorshift): the engine's tests use no
/// random-number crate, and a failure repeats.
struct Dice(u64);

impl Dice {
    /// A number below `n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0.checked_rem(n).unwrap_or(0)
    }

    fn coin(&mut self) -> bool {
        self.below(2) == 1
    }
}

/// Any window kind, with short lengths so the dates below fall on both sides.
fn any_window(dice: &mut Dice) -> Window {
    let months = u32::try_from(dice.below(14)).unwrap();
    match dice.below(7) {
        0 => Window::BenefitYear,
        1 => Window::RollingMonths {
            months,
            boundary_counts: dice.coin(),
        },
        2 => Window::MonthsToTheDay { months },
        3 => Window::MonthsToTheMonth { months },
        4 => Window::Days {
            days: u32::try_from(dice.below(400)).unwrap(),
        },
        5 => Window::Years {
            years: u32::try_from(dice.below(3)).unwrap(),
        },
        _ => Window::Lifetime,
    }
}

fn date_of(days: u64) -> NaiveDate {
    d(2023, 12, 25) + Days::new(days)
}

/// Same answer as the reference, whether the dates come in file order, sorted,
/// or only those from `look_back` to the DOS; 3,000 random cases.
#[test]
fn check_agrees_with_the_reference_and_the_range() {
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    for case in 0..3_000 {
        let window = any_window(&mut dice);
        let limit = u32::try_from(dice.below(4)).unwrap();
        let n = dice.below(25);
        let prior: Vec<NaiveDate> = (0..n).map(|_| date_of(dice.below(1200))).collect();
        let dos = date_of(dice.below(1200));
        let expected = reference(window, limit, &prior, dos);
        let why = format!("case {case}: {window:?} limit {limit} {prior:?} on {dos}");
        assert_eq!(
            check(window, limit, CALENDAR, &prior, dos),
            expected,
            "{why}"
        );
        let ascending = sorted(prior.clone());
        assert_eq!(
            check(window, limit, CALENDAR, &ascending, dos),
            expected,
            "{why}"
        );
        let from = look_back(window, CALENDAR, dos);
        let cut: Vec<NaiveDate> = ascending
            .iter()
            .copied()
            .filter(|s| (from..=dos).contains(s))
            .collect();
        assert_eq!(check(window, limit, CALENDAR, &cut, dos), expected, "{why}");
    }
}
