//! Issue 16 item 1: code groups (the library's `assets/code-groups.ron`, named
//! "@id" in a plan's code lists and by id in `group_coverage`) and the one
//! precedence for rows that overlap: code > code group > class > general. The
//! shipped groups are used: "fluoride" = D1206, D1208; "implants" = D6010-D6199.

use ferrule::engine::Flag;

use crate::util::{Case, assert_row, d, line, row};

/// Office and contracted fees for these tests.
fn fees(case: Case) -> Case {
    case.office(&[
        ("D1110", "140.00"),
        ("D1206", "55.00"),
        ("D1208", "46.00"),
        ("D6010", "2580.00"),
    ])
    .contracted(
        "ppo-fees",
        &[
            ("D1110", "100.00"),
            ("D1206", "40.00"),
            ("D1208", "30.00"),
            ("D6010", "1600.00"),
        ],
    )
}

const PATIENT: &str = r#"patient: (name: "Gus Group", birth_date: "1990-05-05"),"#;

fn coverage(extra: &str) -> String {
    format!(r#"coverage: [(plan: "ppo", effective: "2020-01-01"{extra})],"#)
}

/// Coverage precedence, one line per layer: D1110 only by its class (100%),
/// D1206 by the fluoride group (80% beats the class), D1208 by its own code entry
/// (50% beats the group and the class).
#[test]
fn coverage_code_beats_group_beats_class() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: { Preventive: 100 },
    group_coverage: { "fluoride": 80 },
    code_coverage: { "D1208": 50 },"#,
        )
        .treatment(&format!(
            r#"{PATIENT} {}
    options: [(name: "Cleaning", visits: [
        (id: 1, name: "Recall", date: "2026-04-01", lines: [
            (code: "D1110"), (code: "D1206"), (code: "D1208"),
        ]),
    ])],"#,
            coverage("")
        ));
    let e = case.estimate(None, "2026-03-01");
    // Class: 100% x 100 = 100; patient 0; write-off 140 - 100 = 40.
    assert_row(
        &e,
        1,
        row("140.00", "100.00", "40.00", "0.00", &["100.00"], "0.00"),
    );
    // Group: 80% x 40 = 32; patient 40 - 32 = 8; write-off 55 - 40 = 15.
    assert_row(
        &e,
        2,
        row("55.00", "40.00", "15.00", "0.00", &["32.00"], "8.00"),
    );
    // Code: 50% x 30 = 15; patient 30 - 15 = 15; write-off 46 - 30 = 16.
    assert_row(
        &e,
        3,
        row("46.00", "30.00", "16.00", "0.00", &["15.00"], "15.00"),
    );
}

/// Near miss: with no code entry, D1208 falls to the group (80% x 30 = 24), and a
/// plan without group coverage pays it at the class (100% x 30 = 30).
#[test]
fn coverage_falls_back_layer_by_layer() {
    let with_group = r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: { Preventive: 100 },
    group_coverage: { "fluoride": 80 },"#;
    let class_only = r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: { Preventive: 100 },"#;
    for (plan, pays, patient) in [(with_group, "24.00", "6.00"), (class_only, "30.00", "0.00")] {
        let case = fees(Case::new()).plan("ppo", plan).treatment(&format!(
            r#"{PATIENT} {}
    options: [(name: "Fluoride", visits: [
        (id: 1, name: "Recall", date: "2026-04-01", lines: [(code: "D1208")]),
    ])],"#,
            coverage("")
        ));
        let e = case.estimate(None, "2026-03-01");
        assert_row(
            &e,
            1,
            row("46.00", "30.00", "16.00", "0.00", &[pays], patient),
        );
    }
}

/// A group in a frequency limit counts every code of the group in one pool: the
/// second fluoride of the year (a different code) is denied.
#[test]
fn group_in_a_frequency_limit_shares_one_pool() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: { Preventive: 100 },
    frequency_limits: [(name: "Fluoride", codes: ["@fluoride"], count: 1, window: BenefitYear, scope: Patient)],"#,
        )
        .treatment(&format!(
            r#"{PATIENT} {}
    options: [(name: "Fluoride twice", visits: [
        (id: 1, name: "Spring", date: "2026-04-01", lines: [(code: "D1206")]),
        (id: 2, name: "Autumn", date: "2026-10-01", lines: [(code: "D1208")]),
    ])],"#,
            coverage("")
        ));
    let e = case.estimate(None, "2026-03-01");
    // First: 100% x 40 = 40. Second: denied by frequency; billed at the
    // contracted 30 (the plan's default for denied lines), write-off 16.
    assert_row(
        &e,
        1,
        row("55.00", "40.00", "15.00", "0.00", &["40.00"], "0.00"),
    );
    assert_row(
        &e,
        2,
        row("46.00", "30.00", "16.00", "0.00", &["0.00"], "30.00"),
    );
    assert!(line(&e, 2).flags.contains(&Flag::FrequencyLimit));
}

/// A group in an age limit and in a waiting period: an adult's fluoride is denied
/// by age; an implant 6 months into a 12-month wait on "@implants" is denied.
#[test]
fn group_in_an_age_limit_and_a_waiting_period() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: { Preventive: 100, Implants: 50 },
    age_limits: [(codes: ["@fluoride"], through_age: 18)],
    waiting_periods: [(codes: ["@implants"], months: 12)],"#,
        )
        .treatment(&format!(
            r#"{PATIENT} {}
    options: [(name: "Both", visits: [
        (id: 1, name: "Visit", date: "2026-07-01", lines: [(code: "D1206"), (code: "D6010", tooth: "30")]),
    ])],"#,
            r#"coverage: [(plan: "ppo", effective: "2026-01-01")],"#
        ));
    let e = case.estimate(None, "2026-03-01");
    // Age on 2026-07-01: 36 > 18 -> denied, billed at the contracted 40.
    assert!(line(&e, 1).flags.contains(&Flag::AgeLimit));
    assert_row(
        &e,
        1,
        row("55.00", "40.00", "15.00", "0.00", &["0.00"], "40.00"),
    );
    // Covered from 2026-01-01 + 12 months = 2027-01-01 > 2026-07-01 -> denied.
    assert!(line(&e, 2).flags.contains(&Flag::WaitingPeriod));
    assert_row(
        &e,
        2,
        row("2580.00", "1600.00", "980.00", "0.00", &["0.00"], "1600.00"),
    );
    let _ = d("2026-07-01");
}
