//! Plan limitations beyond the seed rules (dental-benefits.md §2, §5-§7): frequency
//! counting within an option, several limits on one code, age limits, the
//! missing-tooth clause, waiting periods, bundling windows and downgrade tooth
//! conditions. Fixtures and fees are those of `limitations.rs`.

use ferrule::engine::Flag;

use super::limitations::{ppo, simple};
use crate::util::{Case, assert_row, c, d, eligible_again, line, row};

/// §5.4: earlier lines of the same option count toward a limit. Two exams per benefit
/// year with one on file (2026-02-10): the first planned exam is covered, the second
/// is denied until 2027-01-01.
#[test]
fn frequency_counts_earlier_lines_of_the_option() {
    let case = ppo(
        r#"frequency_limits: [
            (name: "Exams", codes: ["D0120", "D0150"], count: 2, window: BenefitYear, scope: Patient),
        ],"#,
        r#"
    patient: (
        name: "Ed Exam",
        birth_date: "1980-01-01",
        history: [(code: "D0120", date: "2026-02-10")],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "June", date: "2026-06-10", lines: [(code: "D0120")]),
        (id: 2, name: "October", date: "2026-10-10", lines: [(code: "D0120")]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-03-01");
    // June: 2nd of 2, covered at 100%: 48; write-off 27.
    assert_row(
        &e,
        1,
        row("75.00", "48.00", "27.00", "0.00", &["48.00"], "0.00"),
    );
    // October: 3rd, denied; patient the contracted 48.
    assert_row(
        &e,
        2,
        row("75.00", "48.00", "27.00", "0.00", &["0.00"], "48.00"),
    );
    assert_eq!(eligible_again(line(&e, 2)), Some(d("2027-01-01")));
}

/// §5.4: a line denied for frequency consumed no benefit and does not count. One
/// cleaning per 6 months to the day, last 2026-01-15: May is denied (eligible
/// 2026-07-15); August is covered (counting May would have blocked it to November).
#[test]
fn frequency_denied_line_does_not_count() {
    let case = ppo(
        r#"frequency_limits: [
            (name: "Cleanings", codes: ["D1110"], count: 1, window: MonthsToTheDay(6), scope: Patient),
        ],"#,
        r#"
    patient: (
        name: "Cleo Clean",
        birth_date: "1980-01-01",
        history: [(code: "D1110", date: "2026-01-15")],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "May", date: "2026-05-01", lines: [(code: "D1110")]),
        (id: 2, name: "August", date: "2026-08-01", lines: [(code: "D1110")]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("130.00", "85.00", "45.00", "0.00", &["0.00"], "85.00"),
    );
    assert_eq!(eligible_again(line(&e, 1)), Some(d("2026-07-15")));
    assert_row(
        &e,
        2,
        row("130.00", "85.00", "45.00", "0.00", &["85.00"], "0.00"),
    );
    assert!(!line(&e, 2).flags.contains(&Flag::FrequencyLimit));
}

/// Two limits on one code both apply, and the later eligibility date is reported.
/// Bitewings: 1 per benefit year and 1 per 12 months to the day; last 2026-02-01.
#[test]
fn frequency_several_limits_on_one_code_all_apply() {
    let case = ppo(
        r#"frequency_limits: [
            (name: "Bitewings per year", codes: ["D0274"], count: 1, window: BenefitYear, scope: Patient),
            (name: "Bitewings per 12 months", codes: ["D0274"], count: 1, window: MonthsToTheDay(12), scope: Patient),
        ],"#,
        r#"
    patient: (
        name: "Bea Bitewing",
        birth_date: "1980-01-01",
        history: [(code: "D0274", date: "2026-02-01")],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [
        (name: "May", visits: [(id: 1, name: "X-rays", date: "2026-05-01", lines: [(code: "D0274")])]),
        (name: "January", visits: [(id: 1, name: "X-rays", date: "2027-01-15", lines: [(code: "D0274")])]),
        (name: "February", visits: [(id: 1, name: "X-rays", date: "2027-02-01", lines: [(code: "D0274")])]),
    ],"#,
    );
    // May 2026: both deny (next year 2027-01-01; 12 months 2027-02-01): the later one.
    let e = case.estimate(Some("May"), "2026-03-01");
    assert_row(
        &e,
        1,
        row("90.00", "60.00", "30.00", "0.00", &["0.00"], "60.00"),
    );
    assert_eq!(eligible_again(line(&e, 1)), Some(d("2027-02-01")));
    // January 2027: the yearly limit has reset but the 12-month one still denies.
    let e = case.estimate(Some("January"), "2026-03-01");
    assert_row(
        &e,
        1,
        row("90.00", "60.00", "30.00", "0.00", &["0.00"], "60.00"),
    );
    assert_eq!(eligible_again(line(&e, 1)), Some(d("2027-02-01")));
    // February 1, 2027: both allow; 100% x 60 = 60.
    let e = case.estimate(Some("February"), "2026-03-01");
    assert_row(
        &e,
        1,
        row("90.00", "60.00", "30.00", "0.00", &["60.00"], "0.00"),
    );
}

/// Fluoride through age 18 inclusive: born 2008-04-10, the 19th birthday is 2027-04-10.
#[test]
fn age_limit_through_18_ends_on_the_19th_birthday() {
    let case = ppo(
        r#"age_limits: [(codes: ["D1208"], through_age: 18)],"#,
        r#"
    patient: (name: "Kit Kid", birth_date: "2008-04-10"),
    coverage: [(plan: "ppo", effective: "2020-01-01", relationship: Child)],
    options: [
        (name: "Day before", visits: [(id: 1, name: "Fluoride", date: "2027-04-09", lines: [(code: "D1208")])]),
        (name: "Birthday", visits: [(id: 1, name: "Fluoride", date: "2027-04-10", lines: [(code: "D1208")])]),
    ],"#,
    );
    // Age 18 on 2027-04-09: covered at 100%: 30; write-off 15.
    let e = case.estimate(Some("Day before"), "2027-01-01");
    assert_row(
        &e,
        1,
        row("45.00", "30.00", "15.00", "0.00", &["30.00"], "0.00"),
    );
    // Age 19 on 2027-04-10: denied; patient the contracted 30.
    let e = case.estimate(Some("Birthday"), "2027-01-01");
    assert_row(
        &e,
        1,
        row("45.00", "30.00", "15.00", "0.00", &["0.00"], "30.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::AgeLimit));
}

/// §2.8: #30 extracted 2025-11-10, coverage effective 2026-01-01, bridge #29-#31.
fn bridge(denies: &str, missing_since: &str) -> Case {
    ppo(
        &format!(r#"missing_tooth_clause: (codes: ["D6200-D6999"], denies: {denies}),"#),
        &format!(
            r#"
    patient: (
        name: "Bree Bridge",
        birth_date: "1965-01-01",
        missing_teeth: [(tooth: "30", since: "{missing_since}")],
    ),
    coverage: [(plan: "ppo", effective: "2026-01-01")],
    options: [(name: "Bridge", visits: [
        (id: 1, name: "Bridge", date: "2026-06-01", lines: [
            (code: "D6740", tooth: "29"),
            (code: "D6245", tooth: "30"),
            (code: "D6740", tooth: "31"),
        ]),
    ])],"#
        ),
    )
}

#[test]
fn missing_tooth_clause_whole_prosthesis_or_replacing_unit() {
    // Retainer: covered 50% x 850 = 425, patient 425; denied: patient 850. Write-off 550.
    let retainer_paid = row("1400.00", "850.00", "550.00", "0.00", &["425.00"], "425.00");
    let retainer_denied = row("1400.00", "850.00", "550.00", "0.00", &["0.00"], "850.00");
    // Pontic: covered 50% x 800 = 400, patient 400; denied: patient 800. Write-off 500.
    let pontic_paid = row("1300.00", "800.00", "500.00", "0.00", &["400.00"], "400.00");
    let pontic_denied = row("1300.00", "800.00", "500.00", "0.00", &["0.00"], "800.00");

    let e = bridge("WholeProsthesis", "2025-11-10").estimate(None, "2026-05-01");
    assert_row(&e, 1, retainer_denied.clone());
    assert_row(&e, 2, pontic_denied.clone());
    assert_row(&e, 3, retainer_denied);
    for n in 1..=3 {
        assert!(line(&e, n).flags.contains(&Flag::MissingTooth), "line {n}");
    }

    let e = bridge("ReplacingUnitOnly", "2025-11-10").estimate(None, "2026-05-01");
    assert_row(&e, 1, retainer_paid.clone());
    assert_row(&e, 2, pontic_denied);
    assert_row(&e, 3, retainer_paid.clone());
    assert!(line(&e, 2).flags.contains(&Flag::MissingTooth));
    assert!(!line(&e, 1).flags.contains(&Flag::MissingTooth));

    // Lost after coverage began (2026-02-01): the clause does not apply.
    let e = bridge("WholeProsthesis", "2026-02-01").estimate(None, "2026-05-01");
    assert_row(&e, 1, retainer_paid.clone());
    assert_row(&e, 2, pontic_paid);
    assert_row(&e, 3, retainer_paid);
}

/// Waiting periods by class: basic 6 months, major 12 months, from 2026-01-01;
/// diagnostic has none.
#[test]
fn waiting_period_by_class() {
    let case = ppo(
        r#"waiting_periods: [
            (classes: [BasicRestorative], months: 6),
            (classes: [MajorRestorative], months: 12),
        ],"#,
        r#"
    patient: (name: "Walt Wait", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2026-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Exam", date: "2026-02-01", lines: [(code: "D0120")]),
        (id: 2, name: "June", date: "2026-06-30", lines: [(code: "D2391", tooth: "19", surfaces: "O")]),
        (id: 3, name: "July", date: "2026-07-01", lines: [
            (code: "D2391", tooth: "30", surfaces: "O"),
            (code: "D2740", tooth: "3"),
        ]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-01-15");
    // Exam: no wait; 100% x 48.
    assert_row(
        &e,
        1,
        row("75.00", "48.00", "27.00", "0.00", &["48.00"], "0.00"),
    );
    // Basic on 2026-06-30, covered from 2026-07-01: denied; patient 150.
    assert_row(
        &e,
        2,
        row("200.00", "150.00", "50.00", "0.00", &["0.00"], "150.00"),
    );
    assert!(line(&e, 2).flags.contains(&Flag::WaitingPeriod));
    // Basic on 2026-07-01: covered, 80% x 150 = 120.
    assert_row(
        &e,
        3,
        row("200.00", "150.00", "50.00", "0.00", &["120.00"], "30.00"),
    );
    // Major on 2026-07-01, covered from 2027-01-01: denied; patient 880.
    assert_row(
        &e,
        4,
        row("1400.00", "880.00", "520.00", "0.00", &["0.00"], "880.00"),
    );
    assert!(line(&e, 4).flags.contains(&Flag::WaitingPeriod));
}

/// B19: a pulpotomy (2026-03-01) 40 days before the root canal on the same tooth
/// (2026-04-10) is part of it within 90 days, but not within 30.
#[test]
fn bundling_within_days() {
    let treatment = simple(
        r#"(id: 1, name: "Pulpotomy", date: "2026-03-01", lines: [(code: "D3220", tooth: "30")]),
        (id: 2, name: "Root canal", date: "2026-04-10", lines: [(code: "D3330", tooth: "30")])"#,
    );
    let rule = |days: u32| {
        format!(
            r#"bundling: [(id: "B19", name: "Pulpotomy before a root canal",
            kind: Included(codes: ["D3220", "D3221"], into: ["D3310-D3330"]),
            tooth: Same, when: WithinDays({days}), liability: Disallow)],"#
        )
    };
    // Root canal either way: 80% x 800 = 640; patient 160; write-off 400.
    let root_canal = row("1200.00", "800.00", "400.00", "0.00", &["640.00"], "160.00");

    let e = ppo(&rule(90), &treatment).estimate(None, "2026-02-01");
    // Bundled and disallowed: the whole 250 written off.
    assert_row(
        &e,
        1,
        row("250.00", "150.00", "250.00", "0.00", &["0.00"], "0.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Bundled));
    assert_row(&e, 2, root_canal.clone());

    let e = ppo(&rule(30), &treatment).estimate(None, "2026-02-01");
    // 40 > 30 days: paid, 80% x 150 = 120; patient 30; write-off 100.
    assert_row(
        &e,
        1,
        row("250.00", "150.00", "100.00", "0.00", &["120.00"], "30.00"),
    );
    assert_row(&e, 2, root_canal);
}

/// Directional windows: a pulpotomy 40 days *after* the root canal on its tooth is
/// not "before" it, so WithinDaysBefore(90) leaves it alone while WithinDays(90)
/// (either order) and WithinDaysAfter(90) bundle it.
#[test]
fn bundling_within_days_before_is_directional() {
    let rule = |when: &str| {
        format!(
            r#"bundling: [(id: "B19", name: "Pulpotomy before a root canal",
            kind: Included(codes: ["D3220"], into: ["D3310-D3330"]),
            tooth: Same, when: {when}, liability: Disallow)],"#
        )
    };
    let after = simple(
        r#"(id: 1, name: "Root canal", date: "2026-03-01", lines: [(code: "D3330", tooth: "30")]),
        (id: 2, name: "Pulpotomy", date: "2026-04-10", lines: [(code: "D3220", tooth: "30")])"#,
    );
    let before = simple(
        r#"(id: 1, name: "Pulpotomy", date: "2026-03-01", lines: [(code: "D3220", tooth: "30")]),
        (id: 2, name: "Root canal", date: "2026-04-10", lines: [(code: "D3330", tooth: "30")])"#,
    );
    // Bundled: the whole 250 written off. Paid: 80% x 150 = 120, patient 30, write-off 100.
    let bundled = row("250.00", "150.00", "250.00", "0.00", &["0.00"], "0.00");
    let paid = row("250.00", "150.00", "100.00", "0.00", &["120.00"], "30.00");

    let e = ppo(&rule("WithinDaysBefore(90)"), &after).estimate(None, "2026-02-01");
    assert_row(&e, 2, paid);
    let e = ppo(&rule("WithinDays(90)"), &after).estimate(None, "2026-02-01");
    assert_row(&e, 2, bundled.clone());
    let e = ppo(&rule("WithinDaysAfter(90)"), &after).estimate(None, "2026-02-01");
    assert_row(&e, 2, bundled.clone());
    let e = ppo(&rule("WithinDaysBefore(90)"), &before).estimate(None, "2026-02-01");
    assert_row(&e, 1, bundled);
}

/// SameVisit bundling: pins bundle into a buildup of the same visit, not into one of
/// another visit on the same date.
#[test]
fn bundling_same_visit() {
    let treatment = r#"
    patient: (name: "Vi Visit", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [
        (name: "One visit", visits: [
            (id: 1, name: "Morning", date: "2026-04-01", lines: [
                (code: "D2950", tooth: "19"),
                (code: "D2951", tooth: "19"),
            ]),
        ]),
        (name: "Two visits", visits: [
            (id: 1, name: "Morning", date: "2026-04-01", lines: [(code: "D2950", tooth: "19")]),
            (id: 2, name: "Afternoon", date: "2026-04-01", lines: [(code: "D2951", tooth: "19")]),
        ]),
    ],"#;
    let case = ppo(
        r#"bundling: [(id: "BU5", name: "Pins are part of the buildup",
            kind: Included(codes: ["D2951"], into: ["D2950"]),
            tooth: Same, when: SameVisit, liability: Disallow)],"#,
        treatment,
    );
    let e = case.estimate(Some("One visit"), "2026-03-01");
    // Disallowed: 60 written off.
    assert_row(
        &e,
        2,
        row("60.00", "40.00", "60.00", "0.00", &["0.00"], "0.00"),
    );
    let e = case.estimate(Some("Two visits"), "2026-03-01");
    // Not the same visit: 80% x 40 = 32; patient 8; write-off 20.
    assert_row(
        &e,
        2,
        row("60.00", "40.00", "20.00", "0.00", &["32.00"], "8.00"),
    );
}

/// A downgrade whose tooth condition does not match: D2740 on #8 under a molar rule.
#[test]
fn downgrade_tooth_condition_not_matching() {
    let case = ppo(
        r#"alternate_benefits: [(name: "Molar crowns paid as metal", paid_as: { "D2740": "D2791" }, teeth: Molar)],"#,
        &simple(
            r#"(id: 1, name: "Crowns", date: "2026-04-01", lines: [
                (code: "D2740", tooth: "8"),
                (code: "D2740", tooth: "30"),
            ])"#,
        ),
    );
    let e = case.estimate(None, "2026-03-01");
    // #8 is not a molar: 50% x 880 = 440; patient 440.
    assert_row(
        &e,
        1,
        row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00"),
    );
    assert!(!line(&e, 1).flags.contains(&Flag::Downgraded));
    // #30 is: 50% x min(880, 760) = 380; patient 880 - 380 = 500.
    assert_row(
        &e,
        2,
        row("1400.00", "880.00", "520.00", "0.00", &["380.00"], "500.00"),
    );
    assert!(line(&e, 2).flags.contains(&Flag::Downgraded));
    assert_eq!(e.totals.patient, c("940.00"));
}
