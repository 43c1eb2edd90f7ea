//! A patient's `Coverage` from one member of a 271: ids, subscriber, relationship,
//! dates, and what is used this benefit year (total minus remaining; unknown stays
//! zero and is listed for review, never guessed).

use chrono::NaiveDate;

use super::amounts::{self, Accumulator, Amounts};
use super::codes;
use super::eligibility::{Benefit, Eligibility, Member, MemberKind};
use super::next_year;
use super::review::ReviewItem;
use crate::model::CdtCode;
use crate::model::treatment_plan::{Coverage, HistoryEntry, Relationship, Verification, YearUsed};
use crate::money::Cents;

/// What the file says about one member.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberCoverage {
    /// "JANE DOE".
    pub name: String,
    /// Subscriber or dependent.
    pub kind: MemberKind,
    /// Active, inactive, or not stated (no EB segment for this member).
    pub state: CoverageState,
    /// The coverage to put on the patient's treatment plan.
    pub coverage: Coverage,
    /// What to check.
    pub review: Vec<ReviewItem>,
}

/// What the carrier says about the coverage being in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoverageState {
    /// EB01 1-5.
    Active,
    /// EB01 6-8.
    Inactive,
    /// No EB segment says either.
    NotStated,
}

/// Deductibles and maximums of one member (facts for out-of-network visits left out).
pub fn amounts_of(member: &Member) -> Amounts {
    amounts_where(member, |_| true)
}

/// The deductibles and maximums of the benefits `keep` chooses.
fn amounts_where(member: &Member, keep: impl Fn(&Benefit) -> bool) -> Amounts {
    let mut out = Amounts::default();
    let mut ignored = Vec::new();
    for b in member.benefits.iter().filter(|b| b.network != "N") {
        if matches!(b.info.as_str(), "C" | "F") && keep(b) {
            amounts::read_amount(b, &mut out, &mut ignored);
        }
    }
    out
}

/// This plan year's used amounts into the coverage, and the next plan year's into
/// `next_year` when the response states them (see [`next_year`]).
fn years(
    member: &Member,
    subscriber: &Member,
    as_of: NaiveDate,
    c: &mut Coverage,
    review: &mut Vec<ReviewItem>,
) {
    let whole = next_year::response_is_next_year(member, subscriber, c.effective, as_of);
    // Lifetime amounts (EB06 32, 33) are one pool: always this year's figures.
    let is_next = |b: &Benefit| {
        !matches!(b.period.as_str(), "32" | "33")
            && (whole.is_some() || next_year::next_year_date(b, as_of).is_some())
    };
    let now = amounts_where(member, |b| !is_next(b));
    let next = amounts_where(member, is_next);
    let used_now = year_used(&now, "", review);
    c.benefits_used = used_now.benefits_used;
    c.deductible_met = used_now.deductible_met;
    c.family_deductible_met = used_now.family_deductible_met;
    c.family_benefits_used = used_now.family_benefits_used;
    c.class_maximum_used = used_now.class_maximum_used;
    let stated = |a: &Amounts| {
        [
            &a.maximum,
            &a.deductible,
            &a.family_deductible,
            &a.family_maximum,
            &a.ortho,
        ]
        .iter()
        .any(|acc| acc.total.is_some() || acc.remaining.is_some() || acc.used.is_some())
    };
    if let Some(begin) = whole {
        review.push(ReviewItem::at(
            &begin.source,
            format!("the response is for the plan year starting {}: its amounts are next year's figures; enter this year's used amounts by hand", begin.from),
        ));
    }
    if stated(&next) {
        c.next_year = Some(year_used(&next, "next plan year: ", review));
    } else if let Some(d) = whole.or_else(|| next_year::mention(member, as_of)) {
        review.push(ReviewItem::at(
            &d.source,
            format!("the carrier speaks of the plan year starting {} but gives no amounts used in it: next year's figures left empty", d.from),
        ));
    }
}

/// The used amounts of one year; unknown ones are zero and listed (`prefix`
/// names the year in those items).
fn year_used(a: &Amounts, prefix: &str, review: &mut Vec<ReviewItem>) -> YearUsed {
    let what = |w: &str| format!("{prefix}{w}");
    let mut out = YearUsed {
        benefits_used: used(
            &a.maximum,
            &what("benefits used toward the annual maximum"),
            review,
        ),
        deductible_met: used(&a.deductible, &what("deductible met"), review),
        ..YearUsed::default()
    };
    if a.family_deductible.total.is_some() {
        out.family_deductible_met =
            used(&a.family_deductible, &what("family deductible met"), review);
    }
    if a.family_maximum.total.is_some() {
        out.family_benefits_used = used(&a.family_maximum, &what("family benefits used"), review);
    }
    if a.ortho.total.is_some() {
        let ortho = used(&a.ortho, &what("orthodontic maximum used"), review);
        out.class_maximum_used.insert("ortho".into(), ortho);
    }
    out
}

/// The coverage of `elig.members[index]` under plan `plan_id`, verified on the
/// response date (or `today` when the file has none).
pub fn coverage_of(
    elig: &Eligibility,
    index: usize,
    plan_id: &str,
    today: NaiveDate,
) -> Option<MemberCoverage> {
    let member = elig.members.get(index)?;
    let subscriber = elig.members.get(member.subscriber).unwrap_or(member);
    let mut review = Vec::new();
    let mut c = Coverage::blank(plan_id);
    c.member_id = member
        .member_id
        .clone()
        .or_else(|| subscriber.member_id.clone());
    c.subscriber = Some(subscriber.name.clone()).filter(|s| !s.is_empty());
    c.subscriber_birth_date = subscriber.birth_date;
    c.relationship = relationship(member, &mut review);
    dates(member, subscriber, &mut c, &mut review);
    let as_of = elig.date.unwrap_or(today);
    years(member, subscriber, as_of, &mut c, &mut review);
    c.history = history(member);
    c.verified = Some(Verification {
        on: elig.date.unwrap_or(today),
        source: "271 response".into(),
    });
    c.group.clone_from(&subscriber.group);
    Some(MemberCoverage {
        name: member.name.clone(),
        kind: member.kind,
        state: if member.inactive().is_some() {
            CoverageState::Inactive
        } else if member.is_active() {
            CoverageState::Active
        } else {
            CoverageState::NotStated
        },
        coverage: c,
        review,
    })
}

fn relationship(member: &Member, review: &mut Vec<ReviewItem>) -> Relationship {
    if member.kind == MemberKind::Subscriber {
        return Relationship::Subscriber;
    }
    match member
        .relationship_code
        .as_deref()
        .and_then(codes::relationship)
    {
        Some(r) => r,
        None => {
            review.push(ReviewItem::general(
                "the 271 does not say how the dependent is related to the subscriber; set to Other",
            ));
            Relationship::Other
        }
    }
}

/// Effective from eligibility begin (356), else plan begin (346); terminates on
/// eligibility end (357). The subscriber's dates serve a dependent without its own.
fn dates(member: &Member, subscriber: &Member, c: &mut Coverage, review: &mut Vec<ReviewItem>) {
    let find = |q: &str| member.date(q).or_else(|| subscriber.date(q));
    if let Some(d) = find("356") {
        c.effective = Some(d.from);
        c.terminates = d.to;
    } else if let Some(d) = find("346").or_else(|| find("291")) {
        c.effective = Some(d.from);
        review.push(ReviewItem::at(
            &d.source,
            "no eligibility begin date: the coverage's effective date is the plan begin date; check it (waiting periods count from it)",
        ));
    } else {
        review.push(ReviewItem::general(
            "no effective date in the 271; enter it before estimating",
        ));
    }
    if let Some(d) = find("357") {
        c.terminates = Some(d.from);
    }
    if let Some(b) = member.inactive()
        && c.terminates.is_none()
    {
        review.push(ReviewItem::at(
            &b.source,
            "coverage inactive and no end date given: enter the last day of coverage",
        ));
    }
}

/// The amount used of an accumulator; unknown is zero and listed.
fn used(acc: &Accumulator, what: &str, review: &mut Vec<ReviewItem>) -> Cents {
    match acc.used_amount() {
        Some(used) => {
            if let (Some((t, _)), Some((r, src))) = (&acc.total, &acc.remaining)
                && r > t
            {
                review.push(ReviewItem::at(
                    src,
                    format!("remaining {r} is more than the total {t}: {what} set to 0.00"),
                ));
            }
            used
        }
        None => {
            let source = acc
                .remaining
                .as_ref()
                .or(acc.total.as_ref())
                .map(|(_, s)| s.clone());
            if let Some(source) = source {
                review.push(ReviewItem::at(
                    &source,
                    format!("{what}: the 271 gives the total or the remaining amount, not both; enter it by hand"),
                ));
            }
            Cents::ZERO
        }
    }
}

/// Last services the carrier reports (DTP 304 after a code-specific EB).
fn history(member: &Member) -> Vec<HistoryEntry> {
    let mut out = Vec::new();
    for b in &member.benefits {
        let Some(code) = b.procedure.as_deref().and_then(|c| CdtCode::parse(c).ok()) else {
            continue;
        };
        for d in b.dates.iter().filter(|d| d.qualifier == "304") {
            out.push(HistoryEntry {
                code,
                date: d.from,
                tooth: None,
                surfaces: None,
                quadrant: None,
                arch: None,
            });
        }
    }
    out
}
