//! Deductibles and maximums carried from line to line and from one benefit year to
//! the next (dental-benefits.md §1.2 "update accumulators after every line", §2.1-§2.3,
//! §5.6). Every number is worked out by hand in the comment above it.

use ferrule::engine::Flag;

use crate::util::{Case, assert_row, c, d, line, remaining, row};

/// Office fees and contracted fees shared by these tests.
fn fees(case: Case) -> Case {
    case.office(&[
        ("D2391", "200.00"),
        ("D2392", "260.00"),
        ("D2740", "1400.00"),
    ])
    .contracted(
        "ppo-fees",
        &[
            ("D2392", "165.00"),
            ("D2391", "150.00"),
            ("D2740", "850.00"),
        ],
    )
}

#[test]
fn family_deductible_met_mid_plan() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00", family: "150.00", family_model: AggregateDollars),
    coverage: { BasicRestorative: 80 },"#,
        )
        .treatment(
            r#"
    patient: (name: "Fay Family", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01", family_deductible_met: "120.00")],
    options: [(name: "Fillings", visits: [
        (id: 1, name: "Fill", date: "2026-04-01", lines: [
            (code: "D2391", tooth: "19", surfaces: "O"),
            (code: "D2391", tooth: "30", surfaces: "O"),
        ]),
    ])],"#,
        );
    let e = case.estimate(None, "2026-03-01");
    // Line 1: family left 150 - 120 = 30 < individual 50 -> deductible 30;
    // 80% x (150 - 30) = 96; patient 150 - 96 = 54; write-off 200 - 150 = 50.
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "30.00", &["96.00"], "54.00"),
    );
    // Line 2: the family deductible is met (120 + 30 = 150) -> none; 80% x 150 = 120;
    // patient 30.
    assert_row(
        &e,
        2,
        row("200.00", "150.00", "50.00", "0.00", &["120.00"], "30.00"),
    );
    assert!(!line(&e, 2).flags.contains(&Flag::DeductibleApplied));
    // Dana's own deductible left: 50 - 30 = 20 (the family cap is what stops it).
    assert_eq!(
        remaining(&e, "ppo", "2026-01-01").deductible_after,
        c("20.00")
    );
}

#[test]
fn annual_maximum_runs_out_mid_plan() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    maximum: (annual: "1000.00"),
    coverage: { BasicRestorative: 80 },"#,
        )
        .treatment(
            r#"
    patient: (name: "Max Out", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01", benefits_used: "800.00")],
    options: [(name: "Fillings", visits: [
        (id: 1, name: "Fill", date: "2026-04-01", lines: [
            (code: "D2391", tooth: "19", surfaces: "O"),
            (code: "D2391", tooth: "30", surfaces: "O"),
            (code: "D2391", tooth: "3", surfaces: "O"),
        ]),
    ])],"#,
        );
    let e = case.estimate(None, "2026-03-01");
    // 1,000 - 800 = 200 left. Line 1: 80% x 150 = 120 (left 80); patient 30.
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "0.00", &["120.00"], "30.00"),
    );
    // Line 2: 120 capped at 80 (left 0); patient 150 - 80 = 70.
    assert_row(
        &e,
        2,
        row("200.00", "150.00", "50.00", "0.00", &["80.00"], "70.00"),
    );
    // Line 3: nothing left; patient owes the allowed 150, the write-off stays.
    assert_row(
        &e,
        3,
        row("200.00", "150.00", "50.00", "0.00", &["0.00"], "150.00"),
    );
    assert!(!line(&e, 1).flags.contains(&Flag::MaximumReached));
    assert!(line(&e, 2).flags.contains(&Flag::MaximumReached));
    assert!(line(&e, 3).flags.contains(&Flag::MaximumReached));
    // 120 + 80 + 0 = 200 paid.
    assert_eq!(
        remaining(&e, "ppo", "2026-01-01").maximum_after,
        Some(c("0.00"))
    );
}

/// A PPO with a $50 deductible, $1,500 maximum, crowns at 50%, on `benefit_year`.
fn crown_plan(case: Case, benefit_year: &str) -> Case {
    fees(case).plan(
        "ppo",
        &format!(
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    benefit_year: {benefit_year},
    deductible: (individual: "50.00"),
    maximum: (annual: "1500.00"),
    coverage: {{ MajorRestorative: 50 }},"#
        ),
    )
}

#[test]
fn calendar_year_boundary_resets_deductible_and_maximum() {
    let case = crown_plan(Case::new(), "Calendar").treatment(
        r#"
    patient: (name: "Yuri Year", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01", benefits_used: "1400.00", deductible_met: "50.00")],
    options: [(name: "Two crowns", visits: [
        (id: 1, name: "December", date: "2026-12-10", lines: [(code: "D2740", tooth: "3")]),
        (id: 2, name: "January", date: "2027-01-12", lines: [(code: "D2740", tooth: "14")]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-11-15");
    // December uses the 2026 figures on file: deductible met, 1,500 - 1,400 = 100 left;
    // 50% x 850 = 425 capped at 100; patient 850 - 100 = 750; write-off 550.
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "550.00", "0.00", &["100.00"], "750.00"),
    );
    // January 2027: fresh deductible 50 and maximum 1,500; 50% x (850 - 50) = 400;
    // patient 450.
    assert_row(
        &e,
        2,
        row(
            "1400.00",
            "850.00",
            "550.00",
            "50.00",
            &["400.00"],
            "450.00",
        ),
    );
    let y2026 = remaining(&e, "ppo", "2026-01-01");
    assert_eq!(y2026.maximum_before, Some(c("100.00")));
    assert_eq!(y2026.maximum_after, Some(c("0.00")));
    let y2027 = remaining(&e, "ppo", "2027-01-01");
    assert_eq!(y2027.year_end, d("2027-12-31"));
    assert_eq!(y2027.maximum_before, Some(c("1500.00")));
    // 1,500 - 400 = 1,100.
    assert_eq!(y2027.maximum_after, Some(c("1100.00")));
    assert_eq!(y2027.deductible_before, c("50.00"));
    assert_eq!(y2027.deductible_after, c("0.00"));
}

#[test]
fn july_plan_year_boundary_resets_deductible_and_maximum() {
    let case = crown_plan(Case::new(), "PlanYear(start_month: 7)").treatment(
        r#"
    patient: (name: "Jules July", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01", benefits_used: "1400.00", deductible_met: "50.00")],
    options: [(name: "Three crowns", visits: [
        (id: 1, name: "June", date: "2026-06-20", lines: [(code: "D2740", tooth: "3")]),
        (id: 2, name: "July", date: "2026-07-10", lines: [(code: "D2740", tooth: "14")]),
        (id: 3, name: "December", date: "2026-12-15", lines: [(code: "D2740", tooth: "19")]),
    ])],"#,
    );
    // As of 2026-05-01 the figures on file belong to the plan year 2025-07-01..2026-06-30.
    let e = case.estimate(None, "2026-05-01");
    // June 20: deductible met, 100 left: 50% x 850 = 425 capped at 100; patient 750.
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "550.00", "0.00", &["100.00"], "750.00"),
    );
    // July 10, new plan year: deductible 50; 50% x 800 = 400 (left 1,100); patient 450.
    assert_row(
        &e,
        2,
        row(
            "1400.00",
            "850.00",
            "550.00",
            "50.00",
            &["400.00"],
            "450.00",
        ),
    );
    // December 15 is the same plan year as July (no reset on January 1): no deductible;
    // 50% x 850 = 425 (<= 1,100 left); patient 425.
    assert_row(
        &e,
        3,
        row("1400.00", "850.00", "550.00", "0.00", &["425.00"], "425.00"),
    );
    let old = remaining(&e, "ppo", "2025-07-01");
    assert_eq!(old.year_end, d("2026-06-30"));
    assert_eq!(old.maximum_after, Some(c("0.00")));
    // 1,500 - 400 - 425 = 675.
    let new = remaining(&e, "ppo", "2026-07-01");
    assert_eq!(new.year_end, d("2027-06-30"));
    assert_eq!(new.maximum_after, Some(c("675.00")));
}

#[test]
fn coverage_not_yet_effective() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00"),
    coverage: { BasicRestorative: 80 },"#,
        )
        .treatment(
            r#"
    patient: (name: "Nate New", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2026-07-01")],
    options: [(name: "Fillings", visits: [
        (id: 1, name: "June", date: "2026-06-15", lines: [(code: "D2391", tooth: "19", surfaces: "O")]),
        (id: 2, name: "July", date: "2026-07-15", lines: [(code: "D2391", tooth: "30", surfaces: "O")]),
    ])],"#,
        );
    let e = case.estimate(None, "2026-06-01");
    // June 15 is before the effective date: no contract applies, so no write-off and
    // the patient owes the office fee 200; no deductible taken.
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "0.00", "0.00", &["0.00"], "200.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::NotEligible));
    // July 15 is covered and takes the whole deductible: 80% x (150 - 50) = 80;
    // patient 150 - 80 = 70; write-off 50.
    assert_row(
        &e,
        2,
        row("200.00", "150.00", "50.00", "50.00", &["80.00"], "70.00"),
    );
}

#[test]
fn code_missing_from_contracted_schedule_is_allowed_at_the_office_fee() {
    let case = Case::new()
        .office(&[("D2391", "200.00")])
        .contracted("ppo-fees", &[("D2392", "165.00")])
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: { BasicRestorative: 80 },"#,
        )
        .treatment(
            r#"
    patient: (name: "Una Listed", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Filling", visits: [
        (id: 1, name: "Fill", date: "2026-04-01", lines: [(code: "D2391", tooth: "19", surfaces: "O")]),
    ])],"#,
        );
    let e = case.estimate(None, "2026-03-01");
    // Not listed: allowed = office fee 200 (not 0); 80% x 200 = 160; patient 40;
    // nothing to write off.
    assert_row(
        &e,
        1,
        row("200.00", "200.00", "0.00", "0.00", &["160.00"], "40.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::NotOnSchedule));
}

/// CR5: a crown prepped in December and seated in January belongs to January's
/// benefit year.
#[test]
fn crown_seat_date_decides_the_benefit_year() {
    let case = crown_plan(Case::new(), "Calendar").treatment(
        r#"
    patient: (name: "Sid Seat", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01", benefits_used: "1500.00", deductible_met: "50.00")],
    options: [
        (name: "Seat in January", visits: [
            (id: 1, name: "Prep", date: "2026-12-10", lines: [(code: "D2740", tooth: "3", completed_at: 2)]),
            (id: 2, name: "Seat", date: "2027-01-07"),
        ]),
        (name: "Seat in December", visits: [
            (id: 1, name: "Prep", date: "2026-12-10", lines: [(code: "D2740", tooth: "3", completed_at: 2)]),
            (id: 2, name: "Seat", date: "2026-12-22"),
        ]),
    ],"#,
    );
    let e = case.estimate(Some("Seat in January"), "2026-11-15");
    assert_eq!(line(&e, 1).date, d("2027-01-07"));
    // 2027: fresh deductible 50 and maximum; 50% x (850 - 50) = 400; patient 450.
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "850.00",
            "550.00",
            "50.00",
            &["400.00"],
            "450.00",
        ),
    );

    let e = case.estimate(Some("Seat in December"), "2026-11-15");
    // 2026: the 1,500 maximum is used up: plan 0; patient owes the allowed 850.
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "550.00", "0.00", &["0.00"], "850.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::MaximumReached));
}
