//! Issue 16 item 2: deductibles of their own per class, code group or code (a
//! major-services deductible, a separate preventive deductible, an orthodontic
//! lifetime deductible), each with its own individual and family amounts, beside
//! the plan's general deductible; and item 1's precedence for them (code > code
//! group > class > general). Shipped group "crowns" = D2510-D2799.

use ferrule::engine::{Flag, Step};
use ferrule::report::wording::sentence;

use crate::util::{Case, assert_row, line, remaining, row};

fn fees(case: Case) -> Case {
    case.office(&[
        ("D1110", "140.00"),
        ("D2391", "200.00"),
        ("D2740", "1400.00"),
        ("D2750", "1300.00"),
        ("D2950", "300.00"),
        ("D8080", "5400.00"),
    ])
    .contracted(
        "ppo-fees",
        &[
            ("D1110", "100.00"),
            ("D2391", "150.00"),
            ("D2740", "850.00"),
            ("D2750", "800.00"),
            ("D2950", "200.00"),
            ("D8080", "4800.00"),
        ],
    )
}

const PATIENT: &str = r#"patient: (name: "Dee Ductible", birth_date: "1980-01-01"),"#;

fn treatment(coverage_extra: &str, lines: &str) -> String {
    format!(
        r#"{PATIENT}
    coverage: [(plan: "ppo", effective: "2020-01-01"{coverage_extra})],
    options: [(name: "Work", visits: [
        (id: 1, name: "Visit", date: "2026-04-01", lines: [{lines}]),
    ])],"#
    )
}

fn separate_step(e: &ferrule::engine::Estimate, n: usize) -> Option<&Step> {
    line(e, n)
        .steps
        .iter()
        .find(|s| matches!(s, Step::SeparateDeductible { .. }))
}

/// A $100 major-services deductible beside the $50 general one: the filling
/// takes the general deductible, the crown only the major one ($60 of it met
/// already, so $40 applied), and the step says so.
#[test]
fn major_services_deductible_beside_the_general_one() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00", separate: [
        (id: "major", name: "Major-services deductible", classes: [MajorRestorative], individual: "100.00", family: "300.00"),
    ]),
    coverage: { BasicRestorative: 80, MajorRestorative: 50 },"#,
        )
        .treatment(&treatment(
            r#", separate_used: (deductibles_met: { "major": "60.00" })"#,
            r#"(code: "D2391", tooth: "19", surfaces: "O"), (code: "D2740", tooth: "30")"#,
        ));
    let e = case.estimate(None, "2026-03-01");
    // Filling: general 50; 80% x (150 - 50) = 80; patient 150 - 80 = 70; write-off 50.
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "50.00", &["80.00"], "70.00"),
    );
    // Crown: major 100 - 60 met = 40; 50% x (850 - 40) = 405; patient 850 - 405 = 445;
    // write-off 1,400 - 850 = 550.
    assert_row(
        &e,
        2,
        row(
            "1400.00",
            "850.00",
            "550.00",
            "40.00",
            &["405.00"],
            "445.00",
        ),
    );
    assert!(line(&e, 2).flags.contains(&Flag::DeductibleApplied));
    let step = separate_step(&e, 2).expect("the major deductible step");
    assert_eq!(
        sentence(step),
        format!(
            "{}: Major-services deductible $100.00: $40.00 applied; $0.00 of it left after this line.",
            plan_name(&case)
        )
    );
    // The general deductible took only the filling's 50.
    assert_eq!(
        remaining(&e, "ppo", "2026-01-01").deductible_after,
        crate::util::c("0.00")
    );
}

fn plan_name(case: &Case) -> String {
    case.library.plans["ppo"].name.clone()
}

/// A separate $25 preventive deductible applies although Preventive is in the
/// general deductible's waived classes; the general $50 stays untouched.
#[test]
fn separate_preventive_deductible_beats_the_waiver() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00", separate: [
        (id: "prev", name: "Preventive deductible", classes: [Preventive], individual: "25.00"),
    ]),
    coverage: { Preventive: 100 },"#,
        )
        .treatment(&treatment("", r#"(code: "D1110")"#));
    let e = case.estimate(None, "2026-03-01");
    // 100% x (100 - 25) = 75; patient 25; write-off 40.
    assert_row(
        &e,
        1,
        row("140.00", "100.00", "40.00", "25.00", &["75.00"], "25.00"),
    );
    assert!(
        !line(&e, 1)
            .steps
            .iter()
            .any(|s| matches!(s, Step::DeductibleWaived { .. }))
    );
    assert_eq!(
        remaining(&e, "ppo", "2026-01-01").deductible_after,
        crate::util::c("50.00")
    );
}

/// A lifetime orthodontic deductible of $150 ($100 met in an earlier year, as the
/// card shows): $50 applied; the ortho lifetime maximum then caps the payment.
#[test]
fn orthodontic_lifetime_deductible() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00", separate: [
        (id: "ortho", name: "Orthodontic deductible", classes: [Orthodontics], individual: "150.00", period: Lifetime),
    ]),
    maximum: (annual: "1500.00", class_maximums: [
        (id: "ortho", name: "Orthodontic lifetime maximum", classes: [Orthodontics], amount: "2000.00", period: Lifetime),
    ]),
    coverage: { Orthodontics: 50 },"#,
        )
        .treatment(&treatment(
            r#", separate_used: (deductibles_met: { "ortho": "100.00" })"#,
            r#"(code: "D8080")"#,
        ));
    let e = case.estimate(None, "2026-03-01");
    // 150 - 100 = 50 applied; 50% x (4,800 - 50) = 2,375, capped at the 2,000
    // lifetime maximum; patient 4,800 - 2,000 = 2,800; write-off 600.
    assert_row(
        &e,
        1,
        row(
            "5400.00",
            "4800.00",
            "600.00",
            "50.00",
            &["2000.00"],
            "2800.00",
        ),
    );
}

/// Precedence, one line per layer: D2740 by its code row ($60), D2750 by the
/// "crowns" group row ($75), D2950 (a major buildup outside the group) by the
/// class row ($100), the filling by the general deductible ($50).
#[test]
fn deductible_code_beats_group_beats_class_beats_general() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00", separate: [
        (id: "major", name: "Major deductible", classes: [MajorRestorative], individual: "100.00"),
        (id: "crowns", name: "Crown deductible", codes: ["@crowns"], individual: "75.00"),
        (id: "zirconia", name: "Ceramic crown deductible", codes: ["D2740"], individual: "60.00"),
    ]),
    coverage: { BasicRestorative: 80, MajorRestorative: 50 },"#,
        )
        .treatment(&treatment(
            "",
            r#"(code: "D2391", tooth: "19", surfaces: "O"), (code: "D2740", tooth: "30"),
            (code: "D2750", tooth: "3"), (code: "D2950", tooth: "14")"#,
        ));
    let e = case.estimate(None, "2026-03-01");
    // General: 80% x (150 - 50) = 80; patient 70.
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "50.00", &["80.00"], "70.00"),
    );
    // Code row: 50% x (850 - 60) = 395; patient 455.
    assert_row(
        &e,
        2,
        row(
            "1400.00",
            "850.00",
            "550.00",
            "60.00",
            &["395.00"],
            "455.00",
        ),
    );
    // Group row: 50% x (800 - 75) = 362.50; patient 437.50.
    assert_row(
        &e,
        3,
        row(
            "1300.00",
            "800.00",
            "500.00",
            "75.00",
            &["362.50"],
            "437.50",
        ),
    );
    // Class row: 50% x (200 - 100) = 50; patient 150.
    assert_row(
        &e,
        4,
        row("300.00", "200.00", "100.00", "100.00", &["50.00"], "150.00"),
    );
}

/// The family amount of a separate deductible: the family has met $120 of its
/// $150, so the crown takes only $30; when the family has met it all, none.
#[test]
fn separate_deductible_family_amount() {
    let plan = r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (separate: [
        (id: "major", name: "Major deductible", classes: [MajorRestorative], individual: "100.00", family: "150.00"),
    ]),
    coverage: { MajorRestorative: 50 },"#;
    // 150 - 120 = 30 < 100: 50% x (850 - 30) = 410; patient 440.
    // Met (150): 50% x 850 = 425; patient 425.
    for (met, ded, pays, patient) in [
        ("120.00", "30.00", "410.00", "440.00"),
        ("150.00", "0.00", "425.00", "425.00"),
    ] {
        let case = fees(Case::new()).plan("ppo", plan).treatment(&treatment(
            &format!(r#", separate_used: (family_deductibles_met: {{ "major": "{met}" }})"#),
            r#"(code: "D2740", tooth: "30")"#,
        ));
        let e = case.estimate(None, "2026-03-01");
        assert_row(
            &e,
            1,
            row("1400.00", "850.00", "550.00", ded, &[pays], patient),
        );
    }
}

/// Near miss: a separate deductible used up in one line is not taken again by
/// the next line it names, and a new benefit year starts it over.
#[test]
fn separate_deductible_carries_across_lines_and_resets_each_year() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (separate: [
        (id: "major", name: "Major deductible", classes: [MajorRestorative], individual: "100.00"),
    ]),
    coverage: { MajorRestorative: 50 },"#,
        )
        .treatment(&format!(
            r#"{PATIENT}
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Work", visits: [
        (id: 1, name: "One", date: "2026-04-01", lines: [(code: "D2740", tooth: "30"), (code: "D2740", tooth: "19")]),
        (id: 2, name: "Two", date: "2027-02-01", lines: [(code: "D2740", tooth: "3")]),
    ])],"#
        ));
    let e = case.estimate(None, "2026-03-01");
    // 1: 50% x (850 - 100) = 375. 2: met, 50% x 850 = 425. 3 (2027): 375 again.
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "850.00",
            "550.00",
            "100.00",
            &["375.00"],
            "475.00",
        ),
    );
    assert_row(
        &e,
        2,
        row("1400.00", "850.00", "550.00", "0.00", &["425.00"], "425.00"),
    );
    assert_row(
        &e,
        3,
        row(
            "1400.00",
            "850.00",
            "550.00",
            "100.00",
            &["375.00"],
            "475.00",
        ),
    );
    assert!(separate_step(&e, 2).is_none());
}
