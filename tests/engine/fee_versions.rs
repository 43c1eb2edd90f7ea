//! Fee schedule versions by date: each line is priced with the version of the
//! plan's schedule (and of the office fees) in force on its date of service, and
//! the explanation names the version.

use ferrule::engine::Step;

use crate::util::{Case, assert_row, d, line, row};

/// Contracted fees for a crown: $850 in 2026, $900 from Jan 1, 2027; the office
/// fee $1,400 in 2026, $1,450 from Jan 1, 2027. 50% for major work, no deductible,
/// no maximum.
fn crown_case() -> Case {
    Case::new()
        .office(&[("D2740", "1400.00")])
        .version(
            "office",
            "2027 office fees",
            "2027-01-01",
            &[("D2740", "1450.00")],
        )
        .contracted("ppo-fees", &[("D2740", "850.00")])
        .version(
            "ppo-fees",
            "2027 fees",
            "2027-01-01",
            &[("D2740", "900.00")],
        )
        .plan(
            "ppo",
            r#"network: InNetwork(contracted: "ppo-fees"), coverage: { MajorRestorative: 50 },"#,
        )
        .treatment(
            r#"
    patient: (name: "Vera Version", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Crowns", visits: [
        (id: 1, name: "December", date: "2026-12-31", lines: [(code: "D2740", tooth: "3")]),
        (id: 2, name: "New Year", date: "2027-01-01", lines: [(code: "D2740", tooth: "14")]),
    ])],"#,
        )
}

#[test]
fn a_line_is_priced_with_the_fee_version_in_force_on_its_date() {
    let e = crown_case().estimate(None, "2026-12-01");
    // Dec 31, 2026 (the day before the version): office 1,400, allowed 850,
    // write-off 550; plan 50% x 850 = 425; patient 850 - 425 = 425.
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "550.00", "0.00", &["425.00"], "425.00"),
    );
    // Jan 1, 2027 (its first day): office 1,450, allowed 900, write-off 550;
    // plan 50% x 900 = 450; patient 900 - 450 = 450.
    assert_row(
        &e,
        2,
        row("1450.00", "900.00", "550.00", "0.00", &["450.00"], "450.00"),
    );
}

#[test]
fn the_explanation_names_the_fee_version() {
    let e = crown_case().estimate(None, "2026-12-01");
    let version_sentence = |n: usize| {
        line(&e, n)
            .steps
            .iter()
            .filter(|s| matches!(s, Step::FeeVersion { .. }))
            .map(ferrule::report::sentence)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        version_sentence(1),
        vec!["ppo: priced with ppo-fees as in force before Jan 1, 2027."]
    );
    assert_eq!(
        version_sentence(2),
        vec!["ppo: priced with 2027 fees, from Jan 1, 2027, of ppo-fees."]
    );
    assert_eq!(
        line(&e, 2)
            .steps
            .iter()
            .find(|s| matches!(s, Step::FeeVersion { .. })),
        Some(&Step::FeeVersion {
            plan: "ppo".into(),
            schedule: "ppo-fees".into(),
            version: Some("2027 fees".into()),
            from: d("2027-01-01"),
        })
    );
}

#[test]
fn a_schedule_without_versions_adds_no_step() {
    let e = Case::new()
        .office(&[("D2740", "1400.00")])
        .contracted("ppo-fees", &[("D2740", "850.00")])
        .plan(
            "ppo",
            r#"network: InNetwork(contracted: "ppo-fees"), coverage: { MajorRestorative: 50 },"#,
        )
        .treatment(
            r#"
    patient: (name: "Vera Version", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Crown", visits: [
        (id: 1, name: "January", date: "2027-01-05", lines: [(code: "D2740", tooth: "3")]),
    ])],"#,
        )
        .estimate(None, "2026-12-01");
    assert!(
        !line(&e, 1)
            .steps
            .iter()
            .any(|s| matches!(s, Step::FeeVersion { .. }))
    );
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "550.00", "0.00", &["425.00"], "425.00"),
    );
}

#[test]
fn a_versioned_schedule_file_loads_and_bad_versions_are_reported() {
    use ferrule::library;
    use ferrule::model::SourceFile;
    let file = |versions: &str| SourceFile {
        path: "fee-schedules/ppo.ron".into(),
        text: format!(
            "FeeSchedule(\n    format: 1,\n    id: \"ppo\",\n    name: \"PPO\",\n    kind: Contracted,\n    fees: {{ \"D2740\": \"850.00\" }},\n    versions: [\n{versions}\n    ],\n)\n"
        ),
    };
    let good = library::from_sources(
        &[file(
            r#"        (name: "2027 fees", effective: "2027-01-01", fees: { "D2740": "900.00" }),"#,
        )],
        &[],
    );
    assert!(good.problems.is_empty(), "{:?}", good.problems);
    let schedule = &good.fee_schedules["ppo"];
    let crown = ferrule::model::CdtCode::parse("D2740").unwrap();
    assert_eq!(
        schedule.fee_on(crown, d("2026-12-31")),
        Some(crate::util::c("850.00"))
    );
    assert_eq!(
        schedule.fee_on(crown, d("2027-01-01")),
        Some(crate::util::c("900.00"))
    );

    let bad = library::from_sources(
        &[file(
            "        (name: \"2027 fees\", effective: \"2027-01-01\", fees: { \"D2740\": \"900.00\" }),\n        (name: \"2027 again\", effective: \"2027-01-01\", fees: {}),",
        )],
        &[],
    );
    let problems: Vec<String> = bad.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        vec![
            "fee-schedules/ppo.ron:9:41: two versions start on 2027-01-01: expected one version per date",
            "fee-schedules/ppo.ron:9:41: version \"2027 again\" lists no fees: expected the whole list in force from 2027-01-01",
        ]
    );
}
