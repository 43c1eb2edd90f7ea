//! BU11: a check of severity "will be denied" makes the estimate show the plan
//! paying nothing, with a step saying why, whatever the plan.

use ferrule::engine::{Flag, Step};

use crate::util::{Case, assert_row, line, row};

/// In-network PPO, crowns and buildups at 50%, no deductible or maximum.
fn case(tooth: &str) -> Case {
    Case::new()
        .office(&[("D2950", "350.00"), ("D2740", "1400.00")])
        .contracted("ppo-fees", &[("D2950", "210.00"), ("D2740", "880.00")])
        .plan(
            "ppo",
            r#"    network: InNetwork(contracted: "ppo-fees"),
    coverage: { MajorRestorative: 50 },"#,
        )
        .treatment(&format!(
            r#"    patient: (name: "Kid", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [(id: 1, name: "Crown", date: "2026-04-01", lines: [
        (code: "D2950", tooth: "{tooth}"),
        (code: "D2740", tooth: "{tooth}"),
    ])])],"#
        ))
}

#[test]
fn bu11_buildup_on_a_baby_tooth_is_denied_in_the_estimate() {
    let e = case("A").estimate(None, "2026-03-01");
    // D2950 #A denied by the coding check; in network the patient owes the
    // contracted fee: plan 0, patient 210, write-off 350 - 210 = 140.
    assert_row(
        &e,
        1,
        row("350.00", "210.00", "140.00", "0.00", &["0.00"], "210.00"),
    );
    let buildup = line(&e, 1);
    assert!(
        buildup.flags.contains(&Flag::CodingDenial),
        "{:?}",
        buildup.flags
    );
    assert!(
        buildup
            .steps
            .iter()
            .any(|s| matches!(s, Step::CodingDenial { rule, .. } if rule == "BU11")),
        "{:?}",
        buildup.steps
    );
    // The crown is untouched: 50% x 880 = 440; patient 440; write-off 520.
    assert_row(
        &e,
        2,
        row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00"),
    );
}

#[test]
fn bu11_near_miss_a_buildup_on_a_permanent_tooth_is_paid() {
    let e = case("3").estimate(None, "2026-03-01");
    // 50% x 210 = 105; patient 105; write-off 140.
    assert_row(
        &e,
        1,
        row("350.00", "210.00", "140.00", "0.00", &["105.00"], "105.00"),
    );
    assert!(!line(&e, 1).flags.contains(&Flag::CodingDenial));
}

#[test]
fn bu11_denial_has_a_staff_sentence_and_a_patient_note() {
    use ferrule::report::wording::sentence;
    let e = case("A").estimate(None, "2026-03-01");
    let step = line(&e, 1)
        .steps
        .iter()
        .find(|s| matches!(s, Step::CodingDenial { .. }))
        .unwrap();
    let words = sentence(step);
    assert!(
        words.starts_with("Coding check BU11: A core buildup on a baby tooth (#A)"),
        "{words}"
    );
    assert!(words.contains("the plan paying nothing"), "{words}");
    let lib = ferrule::library::sample();
    let note = ferrule::report::wording::line_note(
        line(&e, 1),
        &lib.catalogue,
        &ferrule::report::wording::PlanNaming::Single,
    )
    .unwrap_or_default();
    assert!(note.contains("no insurance payment is expected"), "{note}");
    // Near miss: the crown on line 2 has no such note.
    let crown = ferrule::report::wording::line_note(
        line(&e, 2),
        &lib.catalogue,
        &ferrule::report::wording::PlanNaming::Single,
    )
    .unwrap_or_default();
    assert!(
        !crown.contains("no insurance payment is expected"),
        "{crown}"
    );
}

/// A comparison finds an option's coding denials once and shares them between
/// its scenarios (issue 18), but "the same year" is each scenario's first plan's
/// benefit year, so the denials are kept per benefit year. An office check
/// denies a buildup whose crown on the tooth falls in another benefit year:
/// buildup 2026-06-20, crown 2026-07-05 (#19). Under a July plan year they are
/// in different years (denied: plan 0, patient the contracted 210, write-off
/// 140); under the calendar year the same one (paid: 50% x 210 = 105, patient
/// 105, write-off 140). Both orders of the scenarios, and either plan as the
/// patient's own, give both answers.
#[test]
fn compare_keeps_coding_denials_per_benefit_year() {
    use ferrule::engine::{PayerSetup, Scenario, compare};
    use ferrule::model::coding::CodingCheck;

    let body = |year: &str| {
        format!(
            r#"    network: InNetwork(contracted: "ppo-fees"),
    benefit_year: {year},
    coverage: {{ MajorRestorative: 50 }},"#
        )
    };
    let mut case = Case::new()
        .office(&[("D2950", "350.00"), ("D2740", "1400.00")])
        .contracted("ppo-fees", &[("D2950", "210.00"), ("D2740", "880.00")])
        .plan("calendar", &body("Calendar"))
        .plan("july", &body("PlanYear(start_month: 7)"))
        .treatment(
            r#"    patient: (name: "Bo Year", birth_date: "1980-01-01"),
    coverage: [(plan: "calendar", effective: "2020-01-01")],
    options: [(name: "Crown", visits: [
        (id: 1, name: "Buildup", date: "2026-06-20", lines: [(code: "D2950", tooth: "19")]),
        (id: 2, name: "Crown", date: "2026-07-05", lines: [(code: "D2740", tooth: "19")]),
    ])],"#,
        );
    let check: CodingCheck = ron::from_str(
        r#"(
            id: "OFFICE-YEAR",
            severity: Denied,
            line: ["D2950"],
            when: [SameToothOtherYear(["D2740"])],
            reason: "The buildup on {tooth} and its crown are in different benefit years.",
            instead: "Date them in one year.",
        )"#,
    )
    .unwrap();
    case.library.coding.checks = vec![check];
    let as_of = crate::util::d("2026-03-01");
    let denied = row("350.00", "210.00", "140.00", "0.00", &["0.00"], "210.00");
    let paid = row("350.00", "210.00", "140.00", "0.00", &["105.00"], "105.00");
    // The patient's own plan sets the year of the option's notes, so each
    // scenario's denials come from those notes once and are found anew once.
    for own in ["calendar", "july"] {
        let mut doc = case.treatment.clone().unwrap();
        doc.coverage[0].plan = own.to_string();
        let option = &doc.options[0];
        for order in [["calendar", "july"], ["july", "calendar"]] {
            let scenarios: Vec<Scenario> = order
                .iter()
                .map(|id| Scenario::new(option, PayerSetup::plan_alone(&doc, id, as_of)))
                .collect();
            let comparison = compare(&case.library, &doc, &scenarios, as_of).unwrap();
            for (id, result) in order.iter().zip(&comparison.scenarios) {
                let expected = if *id == "july" { &denied } else { &paid };
                assert_row(&result.estimate, 1, expected.clone());
            }
        }
    }
}
