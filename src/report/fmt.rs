//! The one place Ferrule turns values into display text: money, the placeholder
//! dash, "No maximum", dates, benefit years, tooth and area text, payer roles,
//! plan short names and flag words. The CLI, the GUI and the printed estimate all
//! call these, so the same value never reads two ways.
//!
//! ```
//! use ferrule::money::Cents;
//! use ferrule::report::fmt;
//! let fee = Cents::parse("1540").unwrap();
//! assert_eq!(fmt::amount(fee), "1,540.00");
//! assert_eq!(fmt::dollars(fee), "$1,540.00");
//! assert_eq!(fmt::payer_role(1), "Secondary insurance");
//! ```

use chrono::{Datelike as _, NaiveDate};

use crate::engine::Flag;
use crate::model::{Arch, Area, DateStyle, Tooth};
use crate::money::Cents;

/// Shown where there is no value: a scenario without that line, an empty cell.
pub const DASH: &str = "—";

/// Shown where a plan has no annual maximum.
pub const NO_MAXIMUM: &str = "No maximum";

/// "1,540.00": an amount in a money column (the currency is in the heading).
pub fn amount(c: Cents) -> String {
    c.to_string()
}

/// "$1,540.00", "-$12.50": an amount inside a sentence.
pub fn dollars(c: Cents) -> String {
    if c.cents() < 0 {
        format!("-${}", -c)
    } else {
        format!("${c}")
    }
}

/// The amount left under a maximum, or "No maximum".
pub fn maximum(left: Option<Cents>) -> String {
    left.map_or_else(|| NO_MAXIMUM.to_string(), amount)
}

/// "2026-11-23": dates in tables for staff and in the command line.
pub fn iso_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A date in the app's date fields, as the practice chose: "2026-03-14" or
/// "03/14/2026".
pub fn date(d: NaiveDate, style: DateStyle) -> String {
    match style {
        DateStyle::Iso => iso_date(d),
        DateStyle::Us => d.format("%m/%d/%Y").to_string(),
    }
}

/// The hint shown in an empty date field of this style.
pub fn date_hint(style: DateStyle) -> &'static str {
    match style {
        DateStyle::Iso => "YYYY-MM-DD",
        DateStyle::Us => "MM/DD/YYYY",
    }
}

/// "Nov 23, 2026": dates the patient reads.
pub fn long_date(d: NaiveDate) -> String {
    d.format("%b %-d, %Y").to_string()
}

const MESES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// "23 de noviembre de 2026": a date on the Spanish papers.
pub fn long_date_es(d: NaiveDate) -> String {
    let month = MESES.get(d.month0() as usize).copied().unwrap_or_default();
    format!("{} de {month} de {}", d.day(), d.year())
}

/// "Monday".
pub fn weekday(d: NaiveDate) -> String {
    d.format("%A").to_string()
}

/// "2026" for a calendar year, else "2026-07-01 – 2027-06-30" (the screen).
pub fn benefit_year(start: NaiveDate, end: NaiveDate) -> String {
    if (start.month(), start.day(), end.month(), end.day()) == (1, 1, 12, 31)
        && start.year() == end.year()
    {
        start.year().to_string()
    } else {
        format!("{} – {}", iso_date(start), iso_date(end))
    }
}

/// "2026-01-01..2026-12-31" (the command line, where scripts read it).
pub fn benefit_year_span(start: NaiveDate, end: NaiveDate) -> String {
    format!("{}..{}", iso_date(start), iso_date(end))
}

/// "Jan 1, 2026 – Dec 31, 2026" (the printed estimate).
pub fn benefit_year_long(start: NaiveDate, end: NaiveDate) -> String {
    format!("{} – {}", long_date(start), long_date(end))
}

/// "Jan 1 – Dec 31, 2027", or "Jul 1, 2026 – Jun 30, 2027" when the benefit
/// year spans two calendar years (the insurance card's year columns).
pub fn benefit_year_dates(start: NaiveDate, end: NaiveDate) -> String {
    if start.year() == end.year() {
        format!("{} – {}", start.format("%b %-d"), long_date(end))
    } else {
        benefit_year_long(start, end)
    }
}

/// "#19".
pub fn tooth(t: Tooth) -> String {
    format!("#{t}")
}

/// "#19 MO", "upper right quadrant", "upper arch", "sextant 2", "whole mouth".
pub fn area(a: Area) -> String {
    a.to_string()
}

/// A narrow column's text: "#19", "UR", "UA", "sextant 2"; empty for the whole
/// mouth (surfaces have their own column).
pub fn area_short(a: Area) -> String {
    match a {
        Area::Mouth => String::new(),
        Area::Tooth(t) | Area::ToothSurfaces(t, _) => tooth(t),
        Area::Quadrant(q) => format!("{q:?}"),
        Area::Arch(Arch::Upper) => "UA".to_string(),
        Area::Arch(Arch::Lower) => "LA".to_string(),
        Area::Sextant(_) => a.to_string(),
    }
}

/// The printed form: "#19 MO", "Upper right quadrant"; empty for the whole mouth.
pub fn area_printed(a: Area) -> String {
    match a {
        Area::Mouth => String::new(),
        other => capitalized(&other.to_string()),
    }
}

/// "Primary insurance", "Secondary insurance", "Third insurance", "Insurance 4".
pub fn payer_role(index: usize) -> String {
    match index {
        0..=2 => format!("{} insurance", payer_role_short(index)),
        n => format!("Insurance {}", n + 1),
    }
}

/// "Primary", "Secondary", "Third", "Payer 4": narrow headings and labels.
pub fn payer_role_short(index: usize) -> String {
    match index {
        0 => "Primary".to_string(),
        1 => "Secondary".to_string(),
        2 => "Third".to_string(),
        n => format!("Payer {}", n + 1),
    }
}

/// The plan name without filler words or parenthesised remarks, for narrow
/// column headings and notes: "Summit Dental PPO 1500" -> "Summit PPO 1500".
pub fn plan_short_name(name: &str) -> String {
    let mut plain = String::new();
    let mut depth = 0_u32;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let kept: Vec<&str> = plain
        .split_whitespace()
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "dental" | "network" | "plan" | "insurance" | "benefits"
            )
        })
        .collect();
    if kept.is_empty() {
        name.to_string()
    } else {
        kept.join(" ")
    }
}

/// A one- or two-word status for a flag: "downgraded", "frequency", "pre-auth".
pub fn flag_word(flag: Flag) -> &'static str {
    match flag {
        Flag::Downgraded => "downgraded",
        Flag::FrequencyLimit => "frequency",
        Flag::NotCovered => "not covered",
        Flag::Bundled => "bundled",
        Flag::MaximumReached => "maximum reached",
        Flag::AgeLimit => "age limit",
        Flag::WaitingPeriod => "waiting period",
        Flag::Excluded => "excluded",
        Flag::DeductibleApplied => "deductible",
        Flag::MissingTooth => "missing tooth",
        Flag::NotEligible => "not eligible",
        Flag::PreauthorizationRequired => "pre-auth",
        Flag::NotOnSchedule => "not on schedule",
        Flag::CodingWarning => "check coding",
        Flag::CodingDenial => "coding denial",
    }
}

/// How serious a flag is; screens colour by it, text marks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tone {
    /// The plan pays nothing for the line.
    Denied,
    /// The plan pays less than usual.
    Reduced,
    /// Something to look at or do.
    Notice,
    /// Plain information.
    Info,
}

/// The tone of a flag.
pub fn flag_tone(flag: Flag) -> Tone {
    match flag {
        f if f.is_denial() => Tone::Denied,
        Flag::Downgraded | Flag::MaximumReached | Flag::NotOnSchedule => Tone::Reduced,
        Flag::PreauthorizationRequired | Flag::CodingWarning => Tone::Notice,
        _ => Tone::Info,
    }
}

/// The flags' words, comma-separated, in the order given ("downgraded, deductible").
pub fn flag_words(flags: &[Flag]) -> String {
    flags
        .iter()
        .map(|f| flag_word(*f))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The flags' words with the most serious first (the screen's status cell).
pub fn flag_words_by_tone(flags: &[Flag]) -> String {
    let mut sorted = flags.to_vec();
    sorted.sort_by_key(|f| flag_tone(*f));
    flag_words(&sorted)
}

/// The text with its first letter in upper case.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lowercases the first letter when the second is lowercase too ("Gold" -> "gold",
/// "X-ray" and "CBCT" stay), so a name can sit inside a sentence.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// "1 month", "12 months".
pub fn plural(n: u32, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// "Yes" or "No".
pub fn yes_no(value: bool) -> &'static str {
    if value { "Yes" } else { "No" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quadrant, Surfaces};

    fn c(text: &str) -> Cents {
        Cents::parse(text).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn money_has_thousands_separators_and_a_leading_minus() {
        assert_eq!(amount(c("1540")), "1,540.00");
        assert_eq!(amount(Cents::from_cents(123_456_780)), "1,234,567.80");
        assert_eq!(amount(c("0.05")), "0.05");
        assert_eq!(amount(c("-1540.25")), "-1,540.25");
        assert_eq!(dollars(c("1540")), "$1,540.00");
        assert_eq!(dollars(c("999.99")), "$999.99");
        assert_eq!(dollars(c("-12.5")), "-$12.50");
        assert_eq!(dollars(Cents::ZERO), "$0.00");
    }

    #[test]
    fn a_missing_maximum_reads_no_maximum() {
        assert_eq!(maximum(None), "No maximum");
        assert_eq!(maximum(Some(c("907.6"))), "907.60");
    }

    #[test]
    fn a_benefit_year_on_the_card_names_its_first_and_last_day() {
        assert_eq!(
            benefit_year_dates(day(2027, 1, 1), day(2027, 12, 31)),
            "Jan 1 – Dec 31, 2027"
        );
        assert_eq!(
            benefit_year_dates(day(2026, 7, 1), day(2027, 6, 30)),
            "Jul 1, 2026 – Jun 30, 2027"
        );
    }

    #[test]
    fn dates_read_in_each_form() {
        let d = day(2026, 11, 3);
        assert_eq!(iso_date(d), "2026-11-03");
        assert_eq!(long_date(d), "Nov 3, 2026");
        assert_eq!(weekday(d), "Tuesday");
        assert_eq!(date(d, DateStyle::Iso), "2026-11-03");
        assert_eq!(date(d, DateStyle::Us), "11/03/2026");
        assert_eq!(date_hint(DateStyle::Us), "MM/DD/YYYY");
        let (jan, dec) = (day(2026, 1, 1), day(2026, 12, 31));
        assert_eq!(benefit_year(jan, dec), "2026");
        assert_eq!(benefit_year_span(jan, dec), "2026-01-01..2026-12-31");
        assert_eq!(benefit_year_long(jan, dec), "Jan 1, 2026 – Dec 31, 2026");
        let (jul, jun) = (day(2026, 7, 1), day(2027, 6, 30));
        assert_eq!(benefit_year(jul, jun), "2026-07-01 – 2027-06-30");
    }

    #[test]
    fn areas_read_short_in_words_and_printed() {
        let t19 = Tooth::Permanent(19);
        let mo = Surfaces::parse("MO").unwrap();
        assert_eq!(tooth(t19), "#19");
        assert_eq!(tooth(Tooth::Primary(1)), "#A");
        assert_eq!(area(Area::ToothSurfaces(t19, mo)), "#19 MO");
        assert_eq!(area(Area::Quadrant(Quadrant::UR)), "upper right quadrant");
        assert_eq!(area(Area::Mouth), "whole mouth");
        assert_eq!(area_short(Area::ToothSurfaces(t19, mo)), "#19");
        assert_eq!(area_short(Area::Quadrant(Quadrant::LL)), "LL");
        assert_eq!(area_short(Area::Arch(Arch::Lower)), "LA");
        assert_eq!(area_short(Area::Mouth), "");
        assert_eq!(
            area_printed(Area::Quadrant(Quadrant::UR)),
            "Upper right quadrant"
        );
        assert_eq!(area_printed(Area::Arch(Arch::Upper)), "Upper arch");
        assert_eq!(area_printed(Area::Tooth(t19)), "#19");
        assert_eq!(area_printed(Area::Mouth), "");
    }

    #[test]
    fn payer_roles_long_and_short() {
        assert_eq!(payer_role(0), "Primary insurance");
        assert_eq!(payer_role(1), "Secondary insurance");
        assert_eq!(payer_role(2), "Third insurance");
        assert_eq!(payer_role(3), "Insurance 4");
        assert_eq!(payer_role_short(0), "Primary");
        assert_eq!(payer_role_short(1), "Secondary");
        assert_eq!(payer_role_short(3), "Payer 4");
    }

    #[test]
    fn short_plan_names_drop_filler() {
        assert_eq!(plan_short_name("Summit Dental PPO 1500"), "Summit PPO 1500");
        assert_eq!(
            plan_short_name("State Medicaid Dental (secondary)"),
            "State Medicaid"
        );
        assert_eq!(plan_short_name("Dental Plan"), "Dental Plan");
    }

    #[test]
    fn flag_words_keep_order_or_put_denials_first() {
        let flags = [Flag::Downgraded, Flag::Bundled, Flag::DeductibleApplied];
        assert_eq!(flag_words(&flags), "downgraded, bundled, deductible");
        assert_eq!(
            flag_words_by_tone(&flags),
            "bundled, downgraded, deductible"
        );
    }

    #[test]
    fn words_change_case_only_where_they_should() {
        assert_eq!(capitalized("upper arch"), "Upper arch");
        assert_eq!(lower_first("Gold crown"), "gold crown");
        assert_eq!(lower_first("X-ray of a tooth"), "X-ray of a tooth");
        assert_eq!(lower_first("CBCT scan"), "CBCT scan");
        assert_eq!(lower_first(""), "");
        assert_eq!(plural(1, "day"), "1 day");
        assert_eq!(plural(3, "day"), "3 days");
    }
}
