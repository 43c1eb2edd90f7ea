//! Dates as people type them. One parser for every date field of the app:
//! `2026-03-14` (ISO), and month first as in the US: `03/14/2026`, `3/14/2026`,
//! `03-14-2026`. A two-digit year is refused instead of guessed (is `3/14/26`
//! 1926 or 2026?), and so is a day the calendar does not have.
//!
//! ```
//! use chrono::NaiveDate;
//! use ferrule::report::dates::parse_typed_date;
//! let pi_day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
//! assert_eq!(parse_typed_date("3/14/2026"), Ok(pi_day));
//! assert_eq!(parse_typed_date(" 2026-03-14 "), Ok(pi_day));
//! ```

use chrono::NaiveDate;

/// How a date may be typed, for messages.
pub const FORMS: &str = "MM/DD/YYYY or YYYY-MM-DD";

/// Reads a typed date; the error says what to type instead.
pub fn parse_typed_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("Enter a date as {FORMS}"));
    }
    let not_a_date = || format!("\"{text}\" is not a date: type {FORMS}");
    let separator = if text.contains('/') { '/' } else { '-' };
    let parts: Vec<&str> = text.split(separator).collect();
    let numeric = |p: &&str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 3 || !parts.iter().all(numeric) {
        return Err(not_a_date());
    }
    // Four digits first: year, month, day. Otherwise month, day, year.
    let (year, month, day) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else {
        (parts[2], parts[0], parts[1])
    };
    if year.len() != 4 {
        return Err(format!(
            "\"{text}\": type the year with all four digits ({FORMS})"
        ));
    }
    if month.len() > 2 || day.len() > 2 {
        return Err(not_a_date());
    }
    let number = |p: &str| p.parse::<u32>().unwrap_or(0);
    let year = i32::try_from(number(year)).unwrap_or(0);
    NaiveDate::from_ymd_opt(year, number(month), number(day))
        .ok_or_else(|| format!("\"{text}\" is not on the calendar: month 1-12, then the day"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
        Ok(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn every_accepted_form_reads_the_same_day() {
        assert_eq!(parse_typed_date("2026-03-14"), ymd(2026, 3, 14));
        assert_eq!(parse_typed_date("03/14/2026"), ymd(2026, 3, 14));
        assert_eq!(parse_typed_date("3/14/2026"), ymd(2026, 3, 14));
        assert_eq!(parse_typed_date("03-14-2026"), ymd(2026, 3, 14));
        assert_eq!(parse_typed_date("3-4-2026"), ymd(2026, 3, 4));
        assert_eq!(parse_typed_date("2026-3-4"), ymd(2026, 3, 4));
        assert_eq!(parse_typed_date("  12/31/1999 "), ymd(1999, 12, 31));
        assert_eq!(parse_typed_date("02/29/2024"), ymd(2024, 2, 29));
    }

    #[test]
    fn a_two_digit_year_is_refused_not_guessed() {
        assert_eq!(
            parse_typed_date("3/14/26"),
            Err(
                "\"3/14/26\": type the year with all four digits (MM/DD/YYYY or YYYY-MM-DD)".into()
            )
        );
        assert_eq!(
            parse_typed_date("81-05-14"),
            Err(
                "\"81-05-14\": type the year with all four digits (MM/DD/YYYY or YYYY-MM-DD)"
                    .into()
            )
        );
        assert_eq!(
            parse_typed_date("1/2/3"),
            Err("\"1/2/3\": type the year with all four digits (MM/DD/YYYY or YYYY-MM-DD)".into())
        );
    }

    #[test]
    fn a_day_the_calendar_lacks_is_refused() {
        let msg = |t: &str| {
            Err(format!(
                "\"{t}\" is not on the calendar: month 1-12, then the day"
            ))
        };
        assert_eq!(parse_typed_date("13/45/1978"), msg("13/45/1978"));
        assert_eq!(parse_typed_date("02/29/2025"), msg("02/29/2025"));
        assert_eq!(parse_typed_date("2026-14-03"), msg("2026-14-03"));
    }

    #[test]
    fn other_text_says_what_to_type() {
        for text in [
            "March 14",
            "14.03.2026",
            "2026/03",
            "03/14-2026",
            "003/14/2026",
            "x/y/2026",
        ] {
            assert_eq!(
                parse_typed_date(text),
                Err(format!(
                    "\"{text}\" is not a date: type MM/DD/YYYY or YYYY-MM-DD"
                )),
                "{text}"
            );
        }
        assert_eq!(
            parse_typed_date("  "),
            Err("Enter a date as MM/DD/YYYY or YYYY-MM-DD".into())
        );
    }
}
