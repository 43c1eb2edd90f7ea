//! Frequency-limit windows: is a proposed service within a plan's frequency limit,
//! and if not, on which date does it become eligible again?
//!
//! A frequency limit is "N services per window". Given the dates of earlier qualifying
//! services and the proposed date of service (DOS), [`check`] counts the earlier services
//! that fall inside the window seen from the DOS and compares the count with N.
//!
//! # Boundary rules
//!
//! * A service on the same day as the proposed date always counts. Services dated after the
//!   proposed date are ignored. Two services on the same day count as two.
//! * **Per benefit year**: services in the benefit year that contains the proposed date count.
//!   If the limit is used up, the service is allowed again on the first day of the next
//!   benefit year.
//! * **N in the last M months, rolling**: a service counts if it is later than the date M
//!   months before the proposed date. Whether a service exactly M months before still counts
//!   is a plan setting. If the limit is used up, the service is allowed again on the first day
//!   on which enough of the counted services have dropped out of the look-back.
//! * **Every M months, to the day**: a service blocks until the same day of the month,
//!   M months later. If that month is shorter, the last day of that month is used
//!   (a service on Jan 31 with a 1-month limit blocks until Feb 28, or Feb 29 in a leap year).
//! * **Every M months, to the month**: a service blocks until the first day of the month
//!   M months after the month of the service (Jan 15 with 6 months: allowed from Jul 1).
//! * **Every X days**: a service blocks for X days (Jan 15 with 180 days: allowed from Jul 14).
//! * **Every N years**: a service blocks until the same date N years later; a service on
//!   Feb 29 blocks until Feb 28 if the later year is not a leap year.
//! * **Lifetime**: services never stop counting; once the limit is used up the service is never
//!   allowed again.
//! * When the limit is used up under a blocking window (to the day, to the month, days, years),
//!   the service is allowed again on the first date on which enough earlier services have
//!   stopped blocking to leave room for one more.
//! * A limit of 0 means the service is never allowed.
//! * A window of length zero (0 months, 0 days, 0 years) still counts a service on the
//!   proposed date itself, so it acts as "N per day".
//! * A benefit-year start month outside 1-12 is treated as January (calendar year).
//! * Dates at the far ends of the supported calendar never cause a failure: month arithmetic
//!   stops at the last or first supported date, and a date that cannot be reached is reported
//!   as "no eligibility date".

use chrono::{Datelike, Days, Months, NaiveDate};

/// How a frequency limit's look-back is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Window {
    /// N per benefit year: count services in the benefit year that contains the DOS.
    BenefitYear,
    /// N in the last M months, rolling. `boundary_counts`: whether a service exactly M months
    /// before the DOS still counts (payers differ).
    RollingMonths {
        /// Length of the look-back in calendar months.
        months: u32,
        /// Whether a service exactly `months` months before the DOS still counts.
        boundary_counts: bool,
    },
    /// 1 (or N) per M months to the day: a service on day s blocks until s + M calendar months
    /// (Jan 31 + 1 month = Feb 28/29).
    MonthsToTheDay {
        /// Number of calendar months a service blocks for.
        months: u32,
    },
    /// ... to the month: a service in month m blocks until the first day of month m + M.
    MonthsToTheMonth {
        /// Number of whole months, counted from the service's month, that a service blocks for.
        months: u32,
    },
    /// A service on day s blocks until s + X days.
    Days {
        /// Number of days a service blocks for.
        days: u32,
    },
    /// Every N years: a service on day s blocks until the same date N years later
    /// (Feb 29 -> Feb 28).
    Years {
        /// Number of years a service blocks for.
        years: u32,
    },
    /// Ever: services never expire.
    Lifetime,
}

/// Benefit year: the month (1-12) the benefit year starts on the 1st of. 1 = calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BenefitYearStart {
    /// Month (1-12) on whose 1st the benefit year starts; values outside 1-12 mean January.
    pub month: u32,
}

impl BenefitYearStart {
    /// First and last day of the benefit year that contains `date`.
    ///
    /// Near the ends of chrono's calendar the bounds saturate at `NaiveDate::MIN` / `MAX`
    /// instead of failing.
    #[must_use]
    pub fn year_containing(self, date: NaiveDate) -> (NaiveDate, NaiveDate) {
        // An invalid month is a data-entry error; calendar year is the most common plan setup.
        let month = Some(self.month)
            .filter(|m| (1..=12).contains(m))
            .unwrap_or(1);
        // Before the start month we are still in the benefit year that began last calendar year.
        let year = date.year().saturating_sub(i32::from(date.month() < month));
        let start = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN);
        let end = start
            .checked_add_months(Months::new(12))
            .and_then(|next| next.pred_opt())
            .unwrap_or(NaiveDate::MAX);
        (start, end)
    }
}

/// `date` plus `months` calendar months, clamping the day to the end of a shorter month
/// (Jan 31 + 1 month = Feb 28/29). Saturates at `NaiveDate::MAX`.
#[must_use]
pub fn add_months_clamped(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` minus `months` calendar months, clamping the day to the end of a shorter month
/// (Mar 31 - 1 month = Feb 28/29). Saturates at `NaiveDate::MIN`.
#[must_use]
pub fn sub_months_clamped(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

/// The outcome of checking one proposed service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowCheck {
    /// Allowed; `used` services counted in the window before this one (so this one is number
    /// used+1 of the limit).
    Allowed {
        /// Earlier services counted in the window.
        used: u32,
    },
    /// Over the limit: `used` services already counted; `eligible_again` is the first date on
    /// which the service would be allowed (None for Lifetime, or when it can never be allowed).
    Denied {
        /// Earlier services counted in the window.
        used: u32,
        /// First date on which the service would be allowed, if any.
        eligible_again: Option<NaiveDate>,
    },
}

/// The earliest date of an earlier service that can change [`check`]'s answer for a service
/// on `dos`: services dated before it neither count nor decide the eligibility date, so a
/// caller may pass only the services dated from it to `dos` (a superset is fine).
///
/// Each bound follows from the window's rule: the start of the benefit year containing `dos`;
/// `dos` minus M months for the rolling and to-the-day windows (a service before it expires
/// on or before `dos`); the first day of that month for to-the-month; `dos` minus X days;
/// `dos` minus N years; for a lifetime limit, every date.
#[must_use]
pub fn look_back(window: Window, year_start: BenefitYearStart, dos: NaiveDate) -> NaiveDate {
    match window {
        Window::BenefitYear => year_start.year_containing(dos).0,
        Window::RollingMonths { months, .. } | Window::MonthsToTheDay { months } => {
            sub_months_clamped(dos, months)
        }
        Window::MonthsToTheMonth { months } => sub_months_clamped(dos, months)
            .with_day(1)
            .unwrap_or(NaiveDate::MIN),
        Window::Days { days } => dos
            .checked_sub_days(Days::new(u64::from(days)))
            .unwrap_or(NaiveDate::MIN),
        Window::Years { years } => years
            .checked_mul(12)
            .map_or(NaiveDate::MIN, |m| sub_months_clamped(dos, m)),
        Window::Lifetime => NaiveDate::MIN,
    }
}

/// Checks a proposed service on `dos` against a frequency limit of `limit` services per
/// `window`.
///
/// `prior` = dates of earlier qualifying services (any order, may contain dates after `dos`,
/// which must be ignored, and duplicates, which each count). `limit` = N (0 means never
/// allowed). `year_start` is only used by [`Window::BenefitYear`]. Dates already in
/// ascending order are checked without copying them.
#[must_use]
pub fn check(
    window: Window,
    limit: u32,
    year_start: BenefitYearStart,
    prior: &[NaiveDate],
    dos: NaiveDate,
) -> WindowCheck {
    // Only services on or before the DOS can use up the limit (§5.4: sequence matters).
    let past = Past::of(prior, dos);
    let past = past.dates();
    // Each kind yields the count and the first later date with room for one more (if denied).
    let (used, eligible_again) = match window {
        Window::BenefitYear => {
            let (start, end) = year_start.year_containing(dos);
            let used = past.iter().filter(|&&s| s >= start).count();
            (used, end.succ_opt())
        }
        Window::RollingMonths {
            months,
            boundary_counts,
        } => rolling(past, dos, months, boundary_counts, limit),
        Window::MonthsToTheDay { months } => by_expiry(past, dos, limit, |s| {
            s.checked_add_months(Months::new(months))
        }),
        Window::MonthsToTheMonth { months } => by_expiry(past, dos, limit, |s| {
            s.with_day(1)
                .and_then(|first| first.checked_add_months(Months::new(months)))
        }),
        Window::Days { days } => by_expiry(past, dos, limit, |s| {
            s.checked_add_days(Days::new(u64::from(days)))
        }),
        Window::Years { years } => by_expiry(past, dos, limit, |s| {
            // More than u32::MAX months is far beyond chrono's range: never expires.
            years
                .checked_mul(12)
                .and_then(|m| s.checked_add_months(Months::new(m)))
        }),
        Window::Lifetime => (past.len(), None),
    };
    // Absurdly long histories saturate rather than wrap.
    let used_u32 = u32::try_from(used).unwrap_or(u32::MAX);
    if used < usize::try_from(limit).unwrap_or(usize::MAX) {
        return WindowCheck::Allowed { used: used_u32 };
    }
    // With a limit of 0 no amount of waiting helps (a new benefit year still starts at 0).
    let eligible_again = eligible_again.filter(|_| limit > 0);
    WindowCheck::Denied {
        used: used_u32,
        eligible_again,
    }
}

/// The earlier services on or before the DOS, in ascending order: borrowed when the caller's
/// dates are already sorted, else copied and sorted.
enum Past<'a> {
    Sorted(&'a [NaiveDate]),
    Copied(Vec<NaiveDate>),
}

impl<'a> Past<'a> {
    fn of(prior: &'a [NaiveDate], dos: NaiveDate) -> Past<'a> {
        if prior.is_sorted() {
            let upto = prior.partition_point(|&s| s <= dos);
            Past::Sorted(prior.get(..upto).unwrap_or_default())
        } else {
            let mut past: Vec<NaiveDate> = prior.iter().copied().filter(|&s| s <= dos).collect();
            past.sort_unstable();
            Past::Copied(past)
        }
    }

    fn dates(&self) -> &[NaiveDate] {
        match self {
            Past::Sorted(dates) => dates,
            Past::Copied(dates) => dates,
        }
    }
}

/// Counts services for the blocking kinds and finds when one more would fit.
///
/// `expiry(s)` is the first day `s` no longer blocks; `None` means it never stops blocking
/// within chrono's range. Returns the count and, when the count reaches `limit`, the
/// (count - limit + 1)-th smallest expiry: once that many services have expired, count < limit.
///
/// Every kind's expiry only moves later as the service date does (and once it is out of range
/// it stays so), so over the sorted dates the blocking ones are a tail found by bisection, and
/// the n-th smallest expiry is the expiry of the n-th blocking date: a few month computations
/// per check instead of one per date.
fn by_expiry(
    past: &[NaiveDate],
    dos: NaiveDate,
    limit: u32,
    expiry: impl Fn(NaiveDate) -> Option<NaiveDate>,
) -> (usize, Option<NaiveDate>) {
    // A zero-length window would block nothing; blocking at least until the next day
    // keeps "a service on the same day always counts" true for every kind.
    let blocks_until = |s: NaiveDate| expiry(s).zip(s.succ_opt()).map(|(e, next)| e.max(next));
    let first = past.partition_point(|&s| blocks_until(s).is_some_and(|e| e <= dos));
    let blocking = past.get(first..).unwrap_or_default();
    let used = blocking.len();
    let nth = used
        .checked_sub(usize::try_from(limit).unwrap_or(usize::MAX))
        .and_then(|i| blocking.get(i).copied())
        .and_then(blocks_until);
    (used, nth)
}

/// Counts services in the rolling look-back and finds the first later date with room for one
/// more.
fn rolling(
    past: &[NaiveDate],
    dos: NaiveDate,
    months: u32,
    boundary_counts: bool,
    limit: u32,
) -> (usize, Option<NaiveDate>) {
    let lower = sub_months_clamped(dos, months);
    // The counted dates are a tail of the sorted ones (the DOS itself is the latest).
    let first =
        past.partition_point(|&s| !(s > lower || (boundary_counts && s == lower) || s == dos));
    let counted = past.get(first..).unwrap_or_default();
    let used = counted.len();
    // The oldest (used - limit + 1) services must drop out; the last of them is `t`.
    let eligible = used
        .checked_sub(usize::try_from(limit).unwrap_or(usize::MAX))
        .and_then(|i| counted.get(i).copied())
        .and_then(|t| {
            // `t` is out on day d once lower(d) >= x, where x = t (boundary excluded)
            // or the day after t (boundary included).
            let x = if boundary_counts { t.succ_opt()? } else { t };
            first_day_lower_reaches(x, months)
        })
        // Zero-month windows can yield a date not after the DOS; the next day is the earliest.
        .and_then(|d| Some(d.max(dos.succ_opt()?)));
    (used, eligible)
}

/// Smallest d with `sub_months_clamped(d, months) >= x`, or None if beyond chrono's range.
///
/// `sub_months_clamped` is non-decreasing in d, so the answer is x + M months, unless the day
/// of x does not exist M months later (Jan 31 + 1 month = Feb 28, but Feb 28 - 1 month =
/// Jan 28 < Jan 31): then no day of that month reaches x and the 1st of the next month does.
fn first_day_lower_reaches(x: NaiveDate, months: u32) -> Option<NaiveDate> {
    let guess = x.checked_add_months(Months::new(months))?;
    if sub_months_clamped(guess, months) >= x {
        Some(guess)
    } else {
        guess.succ_opt()
    }
}

#[cfg(test)]
#[path = "window_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "window_range_tests.rs"]
mod range_tests;
