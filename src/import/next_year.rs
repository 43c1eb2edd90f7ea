//! Amounts for the NEXT plan year. A 271 can state a deductible or maximum for
//! the plan year after the one the response date falls in (a DTP 292, 346 or 348
//! after the EB starting later), or be wholly about that year (the member's plan
//! begin date is after the response date while the coverage itself began
//! earlier: a renewal). Those amounts go to `Coverage::next_year`, never into this
//! year's figures; when the carrier speaks of next year but gives no amounts for
//! it, a review item says so.

use chrono::NaiveDate;

use super::eligibility::{Benefit, DateFact, Member};

/// The date qualifiers that say which plan year a fact is for.
const PERIOD_DATES: [&str; 3] = ["292", "346", "348"];

/// The benefit's own date that puts it in a plan year starting after `as_of`.
pub fn next_year_date(b: &Benefit, as_of: NaiveDate) -> Option<&DateFact> {
    b.dates
        .iter()
        .find(|d| PERIOD_DATES.contains(&d.qualifier.as_str()) && d.from > as_of)
}

/// The member-level plan begin date (346, the subscriber's for a dependent without
/// one) when it is after `as_of` and the coverage began before it: the whole
/// response describes the next plan year.
pub fn response_is_next_year<'a>(
    member: &'a Member,
    subscriber: &'a Member,
    effective: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Option<&'a DateFact> {
    let begin = member.date("346").or_else(|| subscriber.date("346"))?;
    let renewal = effective.is_some_and(|e| e < begin.from);
    (begin.from > as_of && renewal).then_some(begin)
}

/// The first fact of any kind the carrier dates in a later plan year.
pub fn mention(member: &Member, as_of: NaiveDate) -> Option<&DateFact> {
    member
        .benefits
        .iter()
        .find_map(|b| next_year_date(b, as_of))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::import::import_271;
    use crate::model::treatment_plan::{Coverage, YearUsed};
    use crate::money::Cents;

    /// A 271 for one subscriber answered on 2026-12-15, with `segments` after the
    /// member's name and dates.
    fn response(dates: &[&str], segments: &[&str]) -> String {
        let mut text = String::from(
            "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*SAMPLEFAMDENT  *261215*0930*^*00501*000000101*0*P*:~",
        );
        let head = [
            "GS*HB*CLEARINGHOUSE*SAMPLEFAMDENT*20261215*0930*101*X*005010X279A1",
            "ST*271*0001*005010X279A1",
            "BHT*0022*11*REQ1*20261215*0930",
            "HL*1**20*1",
            "NM1*PR*2*SUMMIT DENTAL BENEFITS*****PI*99901",
            "HL*2*1*21*1",
            "NM1*1P*2*SAMPLE FAMILY DENTAL*****XX*1234567893",
            "HL*3*2*22*0",
            "NM1*IL*1*DOE*JANE****MI*SDB1",
        ];
        // SE01 counts ST through SE.
        let count = head.len() - 1 + dates.len() + segments.len() + 1;
        let se = format!("SE*{count}*0001");
        let tail = [se.as_str(), "GE*1*101", "IEA*1*000000101"];
        for s in head.iter().chain(dates).chain(segments).chain(&tail) {
            text.push_str(s);
            text.push('~');
        }
        text
    }

    fn coverage(text: &str) -> (Coverage, Vec<String>) {
        let today = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap();
        let import = import_271(text, "summit", None, today).unwrap();
        let member = import.members.into_iter().next().unwrap();
        let review = member.review.iter().map(|r| r.message.clone()).collect();
        (member.coverage, review)
    }

    #[test]
    fn amounts_dated_in_the_next_plan_year_go_to_next_year_not_this_years_figures() {
        let text = response(
            &["DTP*356*D8*20200101", "DTP*346*D8*20260101"],
            &[
                "EB*1*IND*35*PR*SUMMIT PPO",
                "EB*C*IND*35***23*50",
                "EB*C*IND*35***29*0",
                "EB*F*IND*35***23*1500",
                "EB*F*IND*35***29*300",
                "EB*F*IND*35***23*1500",
                "DTP*292*RD8*20270101-20271231",
                "EB*F*IND*35***29*1400",
                "DTP*292*RD8*20270101-20271231",
            ],
        );
        let (c, review) = coverage(&text);
        // This year: 1,500.00 - 300.00 = 1,200.00 used; deductible 50.00 - 0 = 50.00.
        assert_eq!(c.benefits_used, Cents::from_cents(120_000));
        assert_eq!(c.deductible_met, Cents::from_cents(5_000));
        // 2027: 1,500.00 - 1,400.00 = 100.00 used; no deductible stated for it.
        let next = YearUsed {
            benefits_used: Cents::from_cents(10_000),
            ..YearUsed::default()
        };
        assert_eq!(c.next_year, Some(next));
        assert!(
            !review.iter().any(|r| r.contains("plan year starting")),
            "{review:?}"
        );
    }

    #[test]
    fn a_renewal_response_fills_next_year_and_asks_for_this_years_amounts() {
        // Covered since 2020; the plan year the response describes begins 2027-01-01.
        let text = response(
            &["DTP*356*D8*20200101", "DTP*346*D8*20270101"],
            &[
                "EB*1*IND*35*PR*SUMMIT PPO",
                "EB*F*IND*35***23*1500",
                "EB*F*IND*35***29*1500",
            ],
        );
        let (c, review) = coverage(&text);
        assert_eq!(c.benefits_used, Cents::ZERO);
        assert_eq!(c.next_year, Some(YearUsed::default()));
        assert!(
            review
                .iter()
                .any(|r| r.starts_with("the response is for the plan year starting 2027-01-01")),
            "{review:?}"
        );
    }

    #[test]
    fn next_year_spoken_of_without_amounts_is_listed_and_nothing_else_is_said_otherwise() {
        let mut segments = vec![
            "EB*1*IND*35*PR*SUMMIT PPO",
            "EB*F*IND*35***23*1500",
            "EB*F*IND*35***29*1000",
            "EB*A*IND*23*****.2",
            "DTP*292*RD8*20270101-20271231",
        ];
        let text = response(&["DTP*356*D8*20200101"], &segments);
        let (c, review) = coverage(&text);
        assert_eq!(c.benefits_used, Cents::from_cents(50_000));
        assert_eq!(c.next_year, None);
        let said = "the carrier speaks of the plan year starting 2027-01-01 but gives no amounts used in it: next year's figures left empty";
        assert!(review.iter().any(|r| r == said), "{review:?}");
        // Without the dated fact, no word about next year.
        segments.pop();
        let (c, review) = coverage(&response(&["DTP*356*D8*20200101"], &segments));
        assert_eq!(c.next_year, None);
        assert!(
            !review.iter().any(|r| r.contains("plan year")),
            "{review:?}"
        );
    }
}
