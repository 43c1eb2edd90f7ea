//! Money as integer cents, exact percentages, and the one rounding rule.
//!
//! Every amount Ferrule handles is a [`Cents`] value: a count of US cents in an `i64`.
//! There is one parser ([`Cents::parse`]) and one display (`Display`, `1,400.00`).
//! Percentages are [`Percent`] values held in basis points (1/100 of a percent), so
//! `62.5%` is exact. The only place an amount is ever rounded is
//! [`Cents::percent_of`]: the product is computed exactly in `i128` and rounded once,
//! to the cent, by the plan's [`Rounding`] rule (half up by default, as
//! dental-benefits.md §1.4 recommends). No floating point is used anywhere.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// An amount of money in US cents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(i64);

/// Why a money string was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing to parse.
    #[error("expected an amount such as \"125.00\", found nothing")]
    Empty,
    /// A character that is not a digit, a separator or the decimal point.
    #[error("expected an amount such as \"125.00\", found {0:?}")]
    Invalid(String),
    /// Three or more digits after the decimal point.
    #[error("expected at most two decimals (cents) in {0:?}")]
    TooManyDecimals(String),
    /// A negative amount where only zero or more makes sense.
    #[error("expected an amount of zero or more, found {0:?}")]
    Negative(String),
    /// Larger than [`Cents::MAX_AMOUNT`], more than any real fee or benefit.
    #[error("amount {0:?} is too large: at most 1,000,000.00 is accepted")]
    TooLarge(String),
}

impl Cents {
    /// Zero dollars.
    pub const ZERO: Cents = Cents(0);

    /// The largest amount [`Cents::parse`] accepts, either sign: $1,000,000.00. No
    /// dental fee, allowance or benefit comes near it, and with every amount below
    /// it a treatment plan's totals stay far from `i64`'s range, so sums are exact.
    pub const MAX_AMOUNT: Cents = Cents(100_000_000);

    /// An amount from a count of cents.
    pub const fn from_cents(cents: i64) -> Cents {
        Cents(cents)
    }

    /// An amount from whole dollars.
    pub const fn from_dollars(dollars: i64) -> Cents {
        Cents(dollars.saturating_mul(100))
    }

    /// The number of cents.
    pub const fn cents(self) -> i64 {
        self.0
    }

    /// True for exactly zero.
    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// True below zero.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// The smaller of two amounts.
    pub fn min(self, other: Cents) -> Cents {
        Cents(self.0.min(other.0))
    }

    /// The larger of two amounts.
    pub fn max(self, other: Cents) -> Cents {
        Cents(self.0.max(other.0))
    }

    /// `self - other`, but never below zero.
    pub fn saturating_sub_floor(self, other: Cents) -> Cents {
        Cents(self.0.saturating_sub(other.0).max(0))
    }

    /// `percent` of this amount, rounded once to the cent by `rounding`.
    ///
    /// This is the only rounding in Ferrule: a plan share is `basis x coverage%`,
    /// computed exactly and rounded here (dental-benefits.md §1.4).
    pub fn percent_of(self, percent: Percent, rounding: Rounding) -> Cents {
        // cents * basis points / 10_000, exact in i128.
        let numerator = i128::from(self.0) * i128::from(percent.basis_points());
        let value = rounding.divide(numerator, 10_000);
        Cents(i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX }))
    }

    /// `percent` of this amount split into `parts` equal parts (an installment),
    /// computed exactly and rounded once by `rounding`, like [`Cents::percent_of`].
    /// Zero parts are taken as one.
    pub fn percent_of_part(self, percent: Percent, parts: u32, rounding: Rounding) -> Cents {
        let numerator = i128::from(self.0) * i128::from(percent.basis_points());
        let value = rounding.divide(numerator, 10_000 * i128::from(parts.max(1)));
        Cents(i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX }))
    }

    /// Parses `"1400"`, `"1400.5"`, `"1,400.00"`, `"$1,400.00"` or `"-12.30"`.
    ///
    /// More than two decimals is an error, never rounded away.
    pub fn parse(text: &str) -> Result<Cents, MoneyError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(MoneyError::Empty);
        }
        let (negative, rest) = match trimmed.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, trimmed),
        };
        let rest = rest.strip_prefix('$').unwrap_or(rest);
        let (whole, fraction) = match rest.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (rest, None),
        };
        let invalid = || MoneyError::Invalid(text.to_string());
        if !valid_whole_part(whole) {
            return Err(invalid());
        }
        let mut cents: i64 = 0;
        for digit in whole.chars().filter(|c| *c != ',') {
            let value = i64::from(digit.to_digit(10).ok_or_else(invalid)?);
            cents = cents
                .checked_mul(10)
                .and_then(|c| c.checked_add(value))
                .ok_or_else(|| MoneyError::TooLarge(text.to_string()))?;
        }
        cents = cents
            .checked_mul(100)
            .ok_or_else(|| MoneyError::TooLarge(text.to_string()))?;
        if let Some(fraction) = fraction {
            if fraction.is_empty() || !fraction.chars().all(|c| c.is_ascii_digit()) {
                return Err(invalid());
            }
            if fraction.len() > 2 {
                return Err(MoneyError::TooManyDecimals(text.to_string()));
            }
            let mut value: i64 = fraction.parse().map_err(|_| invalid())?;
            if fraction.len() == 1 {
                value *= 10;
            }
            cents += value;
        }
        if cents > Cents::MAX_AMOUNT.0 {
            return Err(MoneyError::TooLarge(text.to_string()));
        }
        Ok(Cents(if negative { -cents } else { cents }))
    }

    /// Like [`Cents::parse`], but rejects amounts below zero (fees, allowances, copays).
    pub fn parse_non_negative(text: &str) -> Result<Cents, MoneyError> {
        let value = Cents::parse(text)?;
        if value.is_negative() {
            return Err(MoneyError::Negative(text.to_string()));
        }
        Ok(value)
    }

    /// Plain decimal form without separators, as stored in files and JSON: `1400.00`.
    pub fn to_plain_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// The whole-dollar part: digits, optionally grouped by commas in threes.
fn valid_whole_part(whole: &str) -> bool {
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return false;
    }
    if !whole.contains(',') {
        return true;
    }
    let mut groups = whole.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok && groups.all(|g| g.len() == 3)
}

/// Display with thousands separators and two decimals: `1,400.00`, `-12.30`.
impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.0.unsigned_abs();
        let dollars = (abs / 100).to_string();
        let mut grouped = String::with_capacity(dollars.len() + dollars.len() / 3);
        for (i, digit) in dollars.chars().enumerate() {
            if i > 0 && (dollars.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        let sign = if self.0 < 0 { "-" } else { "" };
        let text = format!("{sign}{grouped}.{:02}", abs % 100);
        f.pad(&text)
    }
}

impl Add for Cents {
    type Output = Cents;
    fn add(self, rhs: Cents) -> Cents {
        Cents(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Cents {
    fn add_assign(&mut self, rhs: Cents) {
        *self = *self + rhs;
    }
}

impl Sub for Cents {
    type Output = Cents;
    fn sub(self, rhs: Cents) -> Cents {
        Cents(self.0.saturating_sub(rhs.0))
    }
}

impl SubAssign for Cents {
    fn sub_assign(&mut self, rhs: Cents) {
        *self = *self - rhs;
    }
}

impl Neg for Cents {
    type Output = Cents;
    fn neg(self) -> Cents {
        Cents(self.0.saturating_neg())
    }
}

impl Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents::ZERO, Add::add)
    }
}

/// Files and JSON carry money as a string with two decimals: `"1400.00"`.
impl Serialize for Cents {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_plain_string())
    }
}

/// Reads `"1400.00"`; rejects negative amounts and numbers written without quotes
/// (a bare `1400.5` would pass through floating point).
impl<'de> Deserialize<'de> for Cents {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Cents, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Cents;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount in quotes, such as \"125.00\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cents, E> {
                Cents::parse_non_negative(v).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cents, E> {
                Err(E::custom(format!(
                    "write money in quotes with cents, such as \"{v}.00\""
                )))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cents, E> {
                Err(E::custom(format!(
                    "write money in quotes with cents, such as \"{v}.00\""
                )))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// How the one rounding step breaks a tie at half a cent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rounding {
    /// Half a cent rounds away from zero: 43.725 -> 43.73. The default (§1.4).
    #[default]
    HalfUp,
    /// Half a cent rounds to the even cent: 43.725 -> 43.72 (banker's rounding, as
    /// some practice software does).
    HalfEven,
}

impl Rounding {
    /// `numerator / denominator` rounded to an integer by this rule (`denominator > 0`).
    fn divide(self, numerator: i128, denominator: i128) -> i128 {
        let quotient = numerator.div_euclid(denominator);
        let remainder = numerator.rem_euclid(denominator);
        let twice = remainder * 2;
        let round_up = match twice.cmp(&denominator) {
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => match self {
                // Away from zero: for negatives the floor quotient is already away.
                Rounding::HalfUp => numerator >= 0,
                Rounding::HalfEven => quotient % 2 != 0,
            },
        };
        if round_up { quotient + 1 } else { quotient }
    }
}

/// An exact percentage from 0% to 100%, held in basis points (1% = 100).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(u32);

/// Why a percentage was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PercentError {
    /// Not a number.
    #[error("expected a percentage such as 80 or \"62.5\", found {0:?}")]
    Invalid(String),
    /// Below 0 or above 100.
    #[error("expected a percentage from 0 to 100, found {0}")]
    OutOfRange(String),
    /// More than two decimals.
    #[error("expected at most two decimals in a percentage, found {0:?}")]
    TooPrecise(String),
}

impl Percent {
    /// 0%.
    pub const ZERO: Percent = Percent(0);
    /// 100%.
    pub const HUNDRED: Percent = Percent(10_000);

    /// A whole percentage (0-100).
    pub fn whole(percent: u32) -> Result<Percent, PercentError> {
        if percent > 100 {
            return Err(PercentError::OutOfRange(percent.to_string()));
        }
        Ok(Percent(percent * 100))
    }

    /// From basis points (0-10,000).
    pub fn from_basis_points(bp: u32) -> Result<Percent, PercentError> {
        if bp > 10_000 {
            return Err(PercentError::OutOfRange(format!("{}", Percent(bp))));
        }
        Ok(Percent(bp))
    }

    /// Basis points: 80% is 8,000.
    pub const fn basis_points(self) -> u32 {
        self.0
    }

    /// True for 0%.
    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// 100% minus this.
    pub fn complement(self) -> Percent {
        Percent(10_000u32.saturating_sub(self.0))
    }

    /// Parses `"80"`, `"62.5"`, `"62.50%"`.
    pub fn parse(text: &str) -> Result<Percent, PercentError> {
        let trimmed = text.trim().trim_end_matches('%').trim();
        let invalid = || PercentError::Invalid(text.to_string());
        let (whole, fraction) = trimmed.split_once('.').unwrap_or((trimmed, ""));
        if whole.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !fraction.chars().all(|c| c.is_ascii_digit())
        {
            return Err(invalid());
        }
        if fraction.len() > 2 {
            return Err(PercentError::TooPrecise(text.to_string()));
        }
        let whole: u32 = whole
            .parse()
            .map_err(|_| PercentError::OutOfRange(text.to_string()))?;
        let mut frac: u32 = if fraction.is_empty() {
            0
        } else {
            fraction.parse().map_err(|_| invalid())?
        };
        if fraction.len() == 1 {
            frac *= 10;
        }
        let bp = whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(frac))
            .ok_or_else(|| PercentError::OutOfRange(text.to_string()))?;
        if bp > 10_000 {
            return Err(PercentError::OutOfRange(trimmed.to_string()));
        }
        Ok(Percent(bp))
    }
}

/// `80%`, `62.5%`.
impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 100;
        let frac = self.0 % 100;
        let text = if frac == 0 {
            format!("{whole}%")
        } else if frac.is_multiple_of(10) {
            format!("{whole}.{}%", frac / 10)
        } else {
            format!("{whole}.{frac:02}%")
        };
        f.pad(&text)
    }
}

/// Written as a whole number (`80`) or, for fractions, a string (`"62.5"`).
impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(100) {
            serializer.serialize_u32(self.0 / 100)
        } else {
            let text = self.to_string();
            serializer.serialize_str(text.trim_end_matches('%'))
        }
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Percent, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Percent;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a percentage from 0 to 100, such as 80 or \"62.5\"")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Percent, E> {
                u32::try_from(v)
                    .ok()
                    .filter(|v| *v <= 100)
                    .and_then(|v| Percent::whole(v).ok())
                    .ok_or_else(|| E::custom(PercentError::OutOfRange(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Percent, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::custom(PercentError::OutOfRange(v.to_string()))),
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Percent, E> {
                Percent::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_grouped_and_short_forms() {
        assert_eq!(Cents::parse("1400.00"), Ok(Cents(140_000)));
        assert_eq!(Cents::parse("1,400.00"), Ok(Cents(140_000)));
        assert_eq!(Cents::parse("$1,400"), Ok(Cents(140_000)));
        assert_eq!(Cents::parse("12.5"), Ok(Cents(1_250)));
        assert_eq!(Cents::parse("0.07"), Ok(Cents(7)));
        assert_eq!(Cents::parse("-12.30"), Ok(Cents(-1_230)));
        assert_eq!(Cents::parse(" 85 "), Ok(Cents(8_500)));
    }

    #[test]
    fn rejects_more_than_two_decimals_and_junk() {
        assert_eq!(
            Cents::parse("43.725"),
            Err(MoneyError::TooManyDecimals("43.725".into()))
        );
        assert!(matches!(
            Cents::parse("12,34.00"),
            Err(MoneyError::Invalid(_))
        ));
        assert!(matches!(Cents::parse("1.2.3"), Err(MoneyError::Invalid(_))));
        assert!(matches!(Cents::parse("12."), Err(MoneyError::Invalid(_))));
        assert!(matches!(Cents::parse("abc"), Err(MoneyError::Invalid(_))));
        assert_eq!(Cents::parse(""), Err(MoneyError::Empty));
        assert_eq!(
            Cents::parse_non_negative("-1.00"),
            Err(MoneyError::Negative("-1.00".into()))
        );
        assert!(matches!(
            Cents::parse("99999999999999999999"),
            Err(MoneyError::TooLarge(_))
        ));
    }

    #[test]
    fn amounts_above_the_ceiling_are_refused_not_saturated() {
        // Issue 12: "92233720368547758.07" was accepted and totals then saturated.
        assert!(matches!(
            Cents::parse("92233720368547758.07"),
            Err(MoneyError::TooLarge(_))
        ));
        assert_eq!(Cents::parse("1,000,000.00"), Ok(Cents::MAX_AMOUNT));
        assert_eq!(Cents::parse("-1000000"), Ok(-Cents::MAX_AMOUNT));
        assert!(matches!(
            Cents::parse("1000000.01"),
            Err(MoneyError::TooLarge(_))
        ));
        assert!(matches!(
            Cents::parse("-1000000.01"),
            Err(MoneyError::TooLarge(_))
        ));
    }

    #[test]
    fn displays_with_thousands_separators() {
        assert_eq!(Cents(140_000).to_string(), "1,400.00");
        assert_eq!(Cents(123_456_789).to_string(), "1,234,567.89");
        assert_eq!(Cents(5).to_string(), "0.05");
        assert_eq!(Cents(-1_230).to_string(), "-12.30");
        assert_eq!(Cents(10_000_000).to_plain_string(), "100000.00");
        assert_eq!(format!("{:>10}", Cents(8_500)), "     85.00");
    }

    #[test]
    fn r1_half_up_and_half_even_differ_only_at_the_midpoint() {
        // dental-benefits.md §1.4 / Appendix D R1: 87.45 x 50% = 43.725.
        let fifty = Percent::whole(50).unwrap();
        assert_eq!(
            Cents(8_745).percent_of(fifty, Rounding::HalfUp),
            Cents(4_373)
        );
        assert_eq!(
            Cents(8_745).percent_of(fifty, Rounding::HalfEven),
            Cents(4_372)
        );
        // 87.55 x 50% = 43.775: half-even rounds up to the even cent 43.78.
        assert_eq!(
            Cents(8_755).percent_of(fifty, Rounding::HalfEven),
            Cents(4_378)
        );
        // Not a midpoint: both agree. 33.33 x 80% = 26.664 -> 26.66.
        let eighty = Percent::whole(80).unwrap();
        assert_eq!(
            Cents(3_333).percent_of(eighty, Rounding::HalfUp),
            Cents(2_666)
        );
        assert_eq!(
            Cents(3_333).percent_of(eighty, Rounding::HalfEven),
            Cents(2_666)
        );
    }

    #[test]
    fn percent_parses_exactly_and_rejects_out_of_range() {
        assert_eq!(Percent::parse("62.5").unwrap().basis_points(), 6_250);
        assert_eq!(Percent::parse("80%").unwrap().basis_points(), 8_000);
        assert_eq!(Percent::parse("62.5").unwrap().to_string(), "62.5%");
        assert!(matches!(
            Percent::parse("101"),
            Err(PercentError::OutOfRange(_))
        ));
        assert!(matches!(
            Percent::parse("1.234"),
            Err(PercentError::TooPrecise(_))
        ));
        assert_eq!(
            Percent::whole(80).unwrap().complement(),
            Percent::whole(20).unwrap()
        );
    }

    #[test]
    fn money_round_trips_through_ron_as_a_string() {
        let text = ron::to_string(&Cents(140_000)).unwrap();
        assert_eq!(text, "\"1400.00\"");
        assert_eq!(ron::from_str::<Cents>(&text).unwrap(), Cents(140_000));
        assert!(ron::from_str::<Cents>("1400.5").is_err());
        assert!(ron::from_str::<Cents>("\"-3.00\"").is_err());
    }
}
