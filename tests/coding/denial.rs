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
