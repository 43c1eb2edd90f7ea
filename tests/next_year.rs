//! Issue 19, "benefits used and deductible met per benefit year (current and
//! next)": the card's `next_year` figures are where the engine's next benefit year
//! starts (before, it always started from zero), the current figures still apply
//! to lines this year, and a lifetime deductible is one pool the next-year figures
//! never touch. Every number is worked out by hand in the comment above it.

use crate::util::{Case, assert_row, c, remaining, row};

/// A calendar-year PPO: $50 deductible, $1,500 maximum, crowns at 50% of a
/// $1,000 contracted fee (office fee $1,400); `deductible` is the plan's
/// deductible as RON.
fn crown_plan(deductible: &str) -> Case {
    Case::new()
        .office(&[("D2740", "1400.00")])
        .contracted("ppo-fees", &[("D2740", "1000.00")])
        .plan(
            "ppo",
            &format!(
                r#"
    network: InNetwork(contracted: "ppo-fees"),
    benefit_year: Calendar,
    deductible: {deductible},
    maximum: (annual: "1500.00"),
    coverage: {{ MajorRestorative: 50 }},"#
            ),
        )
}

/// One crown on #3 in December 2026 and one on #14 in January 2027, estimated on
/// 2026-11-15: this benefit year is 2026, the next is 2027.
fn two_crowns(coverage: &str) -> String {
    format!(
        r#"
    patient: (name: "Nell Next", birth_date: "1980-01-01"),
    coverage: [{coverage}],
    options: [(name: "Two crowns", visits: [
        (id: 1, name: "December", date: "2026-12-10", lines: [(code: "D2740", tooth: "3")]),
        (id: 2, name: "January", date: "2027-01-12", lines: [(code: "D2740", tooth: "14")]),
    ])],"#
    )
}

#[test]
fn next_years_benefits_used_leave_less_room_for_a_crown_next_year() {
    let case = crown_plan(r#"(individual: "50.00")"#).treatment(&two_crowns(
        r#"(plan: "ppo", effective: "2020-01-01", benefits_used: "1000.00",
            next_year: (benefits_used: "1200.00", deductible_met: "50.00"))"#,
    ));
    let e = case.estimate(None, "2026-11-15");
    // December 2026 takes this year's figures: deductible not met, so 50 of it;
    // 50% x (1,000 - 50) = 475, within the 1,500 - 1,000 = 500 left; patient
    // 1,000 - 475 = 525; write-off 1,400 - 1,000 = 400.
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "1000.00",
            "400.00",
            "50.00",
            &["475.00"],
            "525.00",
        ),
    );
    // January 2027 takes next year's figures: deductible already met (50 of 50),
    // so 50% x 1,000 = 500; but 1,500 - 1,200 = 300 is all that is left of the
    // maximum, so insurance pays 300 and the patient 1,000 - 300 = 700.
    assert_row(
        &e,
        2,
        row(
            "1400.00",
            "1000.00",
            "400.00",
            "0.00",
            &["300.00"],
            "700.00",
        ),
    );
    let next = remaining(&e, "ppo", "2027-01-01");
    assert_eq!(next.maximum_before, Some(c("300.00")));
    assert_eq!(next.maximum_after, Some(c("0.00")));
    assert_eq!(next.deductible_before, c("0.00"));
    // This year: 500 left before, 500 - 475 = 25 after.
    let this = remaining(&e, "ppo", "2026-01-01");
    assert_eq!(this.maximum_before, Some(c("500.00")));
    assert_eq!(this.maximum_after, Some(c("25.00")));
}

#[test]
fn without_next_year_figures_next_year_starts_from_zero() {
    let case = crown_plan(r#"(individual: "50.00")"#).treatment(&two_crowns(
        r#"(plan: "ppo", effective: "2020-01-01", benefits_used: "1000.00")"#,
    ));
    let e = case.estimate(None, "2026-11-15");
    // January 2027 with nothing on file for 2027: deductible 50, then
    // 50% x (1,000 - 50) = 475 of a fresh 1,500; patient 525.
    assert_row(
        &e,
        2,
        row(
            "1400.00",
            "1000.00",
            "400.00",
            "50.00",
            &["475.00"],
            "525.00",
        ),
    );
}

#[test]
fn a_lifetime_deductible_is_one_pool_that_next_years_figures_do_not_touch() {
    let case = crown_plan(r#"(individual: "50.00", period: Lifetime)"#).treatment(
        r#"
    patient: (name: "Lena Lifetime", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01", deductible_met: "20.00",
        next_year: (deductible_met: "50.00"))],
    options: [(name: "Crown", visits: [
        (id: 1, name: "January", date: "2027-01-12", lines: [(code: "D2740", tooth: "14")]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-11-15");
    // The lifetime deductible has 50 - 20 = 30 left, in 2027 as in 2026: the 50
    // written for next year is not a second pool (it would have made it 0).
    // 50% x (1,000 - 30) = 485; patient 1,000 - 485 = 515.
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "1000.00",
            "400.00",
            "30.00",
            &["485.00"],
            "515.00",
        ),
    );
}

#[test]
fn blank_dates_and_next_years_figures_are_saved_and_read_back_unchanged() {
    use ferrule::library::{parse_treatment_plan, to_ron};
    use ferrule::model::treatment_plan::YearUsed;
    use ferrule::model::{Coverage, TreatmentPlan};
    let mut plan = TreatmentPlan::new("Blank Dates", None);
    let mut coverage = Coverage::blank("summit-ppo-1500");
    coverage.next_year = Some(YearUsed {
        benefits_used: c("1200.00"),
        deductible_met: c("50.00"),
        ..YearUsed::default()
    });
    plan.coverage.push(coverage);
    let text = to_ron(&plan).unwrap();
    let path = std::path::Path::new("blank-dates.ron");
    assert_eq!(parse_treatment_plan(path, &text).unwrap(), plan, "{text}");
    // A file written before these fields existed still reads, with none of them.
    let old = r#"TreatmentPlan(format: 1, patient: (name: "Old", birth_date: "1980-01-01"),
        coverage: [(plan: "summit-ppo-1500", effective: "2020-01-01", benefits_used: "10.00")])"#;
    let read = parse_treatment_plan(path, old).unwrap();
    assert_eq!(
        read.patient.birth_date,
        chrono::NaiveDate::from_ymd_opt(1980, 1, 1)
    );
    assert_eq!(read.coverage[0].next_year, None);
}
