//! What a 271 eligibility response says, as plain data: the payer, each member
//! (subscriber or dependent) with names, ids, dates and benefit facts (one per EB
//! segment, with the HSD, DTP, MSG and other segments that qualify it). Nothing is
//! interpreted here beyond reading dates and amounts; see `plan_map` and
//! `coverage_map` for what the facts mean to Ferrule.

use chrono::NaiveDate;

use crate::money::{Cents, Percent};

/// Where a fact came from: segment id, position in the file, text as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentRef {
    /// `EB`, `MSG`...
    pub id: String,
    /// Position in the interchange (ISA is 1).
    pub position: usize,
    /// The segment as written.
    pub raw: String,
}

impl std::fmt::Display for SegmentRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "segment {} {}: {}", self.position, self.id, self.raw)
    }
}

/// A whole 271 response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eligibility {
    /// The payer's name (NM1*PR).
    pub payer: String,
    /// The provider the answer is for (NM1*1P).
    pub receiver: Option<String>,
    /// The response date (BHT04).
    pub date: Option<NaiveDate>,
    /// Every member in file order.
    pub members: Vec<Member>,
}

/// Subscriber (HL 22) or dependent (HL 23).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberKind {
    /// The policy holder.
    Subscriber,
    /// A dependent under the subscriber before it.
    Dependent,
}

/// One person the response describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Subscriber or dependent.
    pub kind: MemberKind,
    /// "JANE DOE" as the carrier wrote it (first then last).
    pub name: String,
    /// Member id (NM109), if the carrier sent one for this person.
    pub member_id: Option<String>,
    /// Birth date (DMG02).
    pub birth_date: Option<NaiveDate>,
    /// Relationship code (INS02): 18 self, 01 spouse, 19 child...
    pub relationship_code: Option<String>,
    /// Group number (REF*6P) and group name.
    pub group: Option<String>,
    /// Group name (REF*6P third element).
    pub group_name: Option<String>,
    /// Dates at member level (DTP before the first EB).
    pub dates: Vec<DateFact>,
    /// Benefit facts in file order.
    pub benefits: Vec<Benefit>,
    /// Member-level segments Ferrule does not read (for the review list).
    pub other: Vec<SegmentRef>,
    /// Index of this member's subscriber in `Eligibility::members` (itself for a
    /// subscriber).
    pub subscriber: usize,
}

/// A date or date range with its qualifier (DTP01).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateFact {
    /// `346` plan begin, `356` eligibility begin, `304` last visit...
    pub qualifier: String,
    /// The date, or the first day of a range.
    pub from: NaiveDate,
    /// The last day of a range (RD8).
    pub to: Option<NaiveDate>,
    /// The segment.
    pub source: SegmentRef,
}

/// One EB segment and what qualifies it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Benefit {
    /// EB01: what kind of fact (`1` active, `A` coinsurance, `C` deductible...).
    pub info: String,
    /// EB02: `IND`, `FAM`...
    pub level: String,
    /// EB03 service type codes.
    pub service_types: Vec<String>,
    /// EB04 insurance type (`PR` PPO, `HM` HMO...).
    pub insurance_type: String,
    /// EB05 plan description.
    pub description: String,
    /// EB06 time period qualifier.
    pub period: String,
    /// EB07 amount.
    pub amount: Option<Cents>,
    /// EB08 as the carrier sent it (by the guide, the patient's share).
    pub percent: Option<Percent>,
    /// EB09 quantity qualifier and EB10 quantity (whole numbers only).
    pub quantity: Option<(String, u32)>,
    /// EB11 authorization required.
    pub authorization: String,
    /// EB12 in plan network: `Y`, `N`, `W`, `U` or "".
    pub network: String,
    /// EB13 procedure code when it is a CDT code (`AD` qualifier).
    pub procedure: Option<String>,
    /// HSD frequency segments.
    pub frequencies: Vec<Frequency>,
    /// DTP dates that qualify this fact.
    pub dates: Vec<DateFact>,
    /// MSG free text.
    pub messages: Vec<SegmentRef>,
    /// Other segments after it (REF, III, LS, NM1, AAA...).
    pub other: Vec<SegmentRef>,
    /// The EB segment itself.
    pub source: SegmentRef,
}

/// An HSD segment: so many per period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frequency {
    /// HSD01 quantity qualifier (`VS` visits).
    pub qualifier: String,
    /// HSD02 quantity.
    pub quantity: Option<u32>,
    /// HSD05 time period qualifier.
    pub period: String,
    /// HSD06 number of periods.
    pub periods: Option<u32>,
    /// The segment.
    pub source: SegmentRef,
}

impl Member {
    /// The first member-level date with this qualifier.
    pub fn date(&self, qualifier: &str) -> Option<&DateFact> {
        self.dates.iter().find(|d| d.qualifier == qualifier)
    }

    /// True when an EB segment says the coverage is active (EB01 1-5).
    pub fn is_active(&self) -> bool {
        self.benefits
            .iter()
            .any(|b| matches!(b.info.as_str(), "1" | "2" | "3" | "4" | "5"))
    }

    /// The EB segment that says the coverage is inactive (EB01 6-8), if any.
    pub fn inactive(&self) -> Option<&Benefit> {
        self.benefits
            .iter()
            .find(|b| matches!(b.info.as_str(), "6" | "7" | "8"))
    }
}

/// Reads a date written `CCYYMMDD`.
pub fn date_d8(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y%m%d").ok()
}

/// Reads EB08 (`.2`, `0.2`, `1`, `0`) as a percentage: `.2` is 20%. At most four
/// decimals (hundredths of a percent); no floating point.
pub fn decimal_share(text: &str) -> Option<Percent> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole_ok = whole.is_empty() || whole == "0" || whole == "1";
    if !whole_ok || fraction.len() > 4 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let padded = format!("{fraction:0<4}");
    let bp: u32 = padded.parse().ok()?;
    let bp = if whole == "1" { 10_000 + bp } else { bp };
    Percent::from_basis_points(bp).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_read_exactly() {
        assert_eq!(decimal_share(".2"), Some(Percent::whole(20).unwrap()));
        assert_eq!(
            decimal_share("0.125"),
            Percent::from_basis_points(1250).ok()
        );
        assert_eq!(decimal_share("1"), Some(Percent::HUNDRED));
        assert_eq!(decimal_share("0"), Some(Percent::ZERO));
        assert_eq!(decimal_share("1.5"), None);
        assert_eq!(decimal_share("20"), None);
        assert_eq!(decimal_share("."), None);
    }
}
