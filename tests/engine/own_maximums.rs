//! Issue 16 item 3: maximums of their own for a code group or code that sit
//! outside the annual maximum (an implant maximum, a fluoride-only benefit), a
//! family orthodontic lifetime maximum, and the rollover bank of
//! dental-benefits.md §2.5 / Appendix D M1; plus item 1's precedence for the
//! plan's own maximums. Shipped groups: "implants" = D6010-D6199, "fluoride" =
//! D1206, D1208, "crowns" = D2510-D2799.

use ferrule::engine::{Estimate, Flag, Step};
use ferrule::money::Cents;
use ferrule::report::wording::sentence;

use crate::util::{Case, assert_row, c, line, remaining, row};

fn fees(case: Case) -> Case {
    case.office(&[
        ("D1206", "55.00"),
        ("D2740", "1400.00"),
        ("D2750", "1300.00"),
        ("D2950", "300.00"),
        ("D6010", "2580.00"),
        ("D6058", "1755.00"),
        ("D8080", "5400.00"),
    ])
    .contracted(
        "ppo-fees",
        &[
            ("D1206", "40.00"),
            ("D2740", "850.00"),
            ("D2750", "800.00"),
            ("D2950", "200.00"),
            ("D6010", "1800.00"),
            ("D6058", "1000.00"),
            ("D8080", "4800.00"),
        ],
    )
}

const PATIENT: &str = r#"patient: (name: "Max Own", birth_date: "1980-01-01"),"#;

fn treatment(coverage_extra: &str, visits: &str) -> String {
    format!(
        r#"{PATIENT}
    coverage: [(plan: "ppo", effective: "2020-01-01"{coverage_extra})],
    options: [(name: "Work", visits: [{visits}])],"#
    )
}

fn has_step(e: &Estimate, n: usize, pred: impl Fn(&Step) -> bool) -> bool {
    line(e, n).steps.iter().any(pred)
}

const IMPLANT_PLAN: &str = r#"
    network: InNetwork(contracted: "ppo-fees"),
    maximum: (annual: "1500.00", class_maximums: [
        (id: "implants", name: "Implant maximum", classes: [], codes: ["@implants"], amount: "1000.00", period: BenefitYear, outside_annual: true),
    ]),
    coverage: { Implants: 50 },"#;

/// The annual maximum is used up, yet the implant maximum (outside it) pays:
/// the fixture 50% x 1,800 = 900 (of 1,000); the abutment crown 50% x 1,000 =
/// 500, capped at the 100 left. The annual maximum is not touched.
#[test]
fn implant_maximum_outside_the_annual_maximum() {
    let case = fees(Case::new()).plan("ppo", IMPLANT_PLAN).treatment(&treatment(
        r#", benefits_used: "1500.00""#,
        r#"(id: 1, name: "Implant", date: "2026-04-01", lines: [(code: "D6010", tooth: "30"), (code: "D6058", tooth: "30")])"#,
    ));
    let e = case.estimate(None, "2026-03-01");
    // Patient 1,800 - 900 = 900; write-off 2,580 - 1,800 = 780.
    assert_row(
        &e,
        1,
        row(
            "2580.00",
            "1800.00",
            "780.00",
            "0.00",
            &["900.00"],
            "900.00",
        ),
    );
    // 1,000 - 900 = 100 left: patient 1,000 - 100 = 900; write-off 755.
    assert_row(
        &e,
        2,
        row(
            "1755.00",
            "1000.00",
            "755.00",
            "0.00",
            &["100.00"],
            "900.00",
        ),
    );
    let outside = line(&e, 1)
        .steps
        .iter()
        .find(|s| matches!(s, Step::OutsideAnnual { .. }))
        .expect("the outside-annual step");
    assert!(
        sentence(outside).contains(
            "paid under its Implant maximum ($1,000.00 left), outside the annual maximum"
        )
    );
    assert!(line(&e, 2).flags.contains(&Flag::MaximumReached));
    let left = remaining(&e, "ppo", "2026-01-01");
    assert_eq!(left.maximum_after, Some(c("0.00")));
    assert_eq!(
        left.class_maximums,
        vec![("Implant maximum".to_string(), c("1000.00"), c("0.00"))]
    );
}

/// Near miss: the same maximum inside the annual one (no `outside_annual`):
/// the used-up annual maximum stops the fixture, which pays nothing.
#[test]
fn implant_maximum_inside_the_annual_maximum_pays_nothing_once_it_is_used() {
    let plan = IMPLANT_PLAN.replace(", outside_annual: true", "");
    let case = fees(Case::new()).plan("ppo", &plan).treatment(&treatment(
        r#", benefits_used: "1500.00""#,
        r#"(id: 1, name: "Implant", date: "2026-04-01", lines: [(code: "D6010", tooth: "30")])"#,
    ));
    let e = case.estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("2580.00", "1800.00", "780.00", "0.00", &["0.00"], "1800.00"),
    );
    assert!(!has_step(&e, 1, |s| matches!(
        s,
        Step::OutsideAnnual { .. }
    )));
}

/// A fluoride-only benefit of $30 a year outside the annual maximum: 100% x 40
/// = 40 capped at 30; patient 10.
#[test]
fn fluoride_only_benefit() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    maximum: (annual: "1000.00", class_maximums: [
        (id: "fluoride", name: "Fluoride benefit", classes: [], codes: ["@fluoride"], amount: "30.00", period: BenefitYear, outside_annual: true),
    ]),
    coverage: { Preventive: 100 },"#,
        )
        .treatment(&treatment(
            "",
            r#"(id: 1, name: "Recall", date: "2026-04-01", lines: [(code: "D1206")])"#,
        ));
    let e = case.estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("55.00", "40.00", "15.00", "0.00", &["30.00"], "10.00"),
    );
    // The annual maximum is untouched: 1,000 before and after.
    assert_eq!(
        remaining(&e, "ppo", "2026-01-01").maximum_after,
        Some(c("1000.00"))
    );
}

/// A family orthodontic lifetime maximum: $1,500 per person, $2,500 for the
/// family, of which a sibling used $1,800. 50% x 4,800 = 2,400 -> 1,500 (the
/// person's) -> 700 (the family's 2,500 - 1,800); patient 4,800 - 700 = 4,100.
#[test]
fn family_orthodontic_lifetime_maximum() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    maximum: (annual: "1500.00", class_maximums: [
        (id: "ortho", name: "Orthodontic lifetime maximum", classes: [Orthodontics], amount: "1500.00", period: Lifetime, family_amount: "2500.00"),
    ]),
    coverage: { Orthodontics: 50 },"#,
        )
        .treatment(&treatment(
            r#", separate_used: (family_class_maximum_used: { "ortho": "1800.00" })"#,
            r#"(id: 1, name: "Banding", date: "2026-04-01", lines: [(code: "D8080")])"#,
        ));
    let e = case.estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row(
            "5400.00",
            "4800.00",
            "600.00",
            "0.00",
            &["700.00"],
            "4100.00",
        ),
    );
    let caps: Vec<(String, Cents, Cents)> = line(&e, 1)
        .steps
        .iter()
        .filter_map(|s| match s {
            Step::MaximumCapped {
                maximum,
                before,
                after,
                ..
            } => Some((maximum.clone(), *before, *after)),
            _ => None,
        })
        .collect();
    assert_eq!(
        caps,
        vec![
            (
                "Orthodontic lifetime maximum".into(),
                c("2400.00"),
                c("1500.00")
            ),
            (
                "Orthodontic lifetime maximum for the family".into(),
                c("1500.00"),
                c("700.00")
            ),
        ]
    );
}

/// Precedence among the plan's own maximums, one line per layer: the buildup
/// D2950 by the class row ($500), the D2750 crown by the "crowns" group row
/// ($300), the D2740 crown by its code row ($200); a line counts only toward
/// the rows that won, so the class row is left 500 - 100 = 400.
#[test]
fn own_maximum_code_beats_group_beats_class() {
    let case = fees(Case::new())
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    maximum: (annual: "5000.00", class_maximums: [
        (id: "major", name: "Major maximum", classes: [MajorRestorative], amount: "500.00", period: BenefitYear),
        (id: "crowns", name: "Crown maximum", classes: [], codes: ["@crowns"], amount: "300.00", period: BenefitYear),
        (id: "zirconia", name: "Ceramic crown maximum", classes: [], codes: ["D2740"], amount: "200.00", period: BenefitYear),
    ]),
    coverage: { MajorRestorative: 50 },"#,
        )
        .treatment(&treatment(
            "",
            r#"(id: 1, name: "Visit", date: "2026-04-01", lines: [
                (code: "D2950", tooth: "14"), (code: "D2750", tooth: "3"), (code: "D2740", tooth: "30")])"#,
        ));
    let e = case.estimate(None, "2026-03-01");
    // Class: 50% x 200 = 100 (of 500).
    assert_row(
        &e,
        1,
        row("300.00", "200.00", "100.00", "0.00", &["100.00"], "100.00"),
    );
    // Group: 50% x 800 = 400 -> 300; patient 500.
    assert_row(
        &e,
        2,
        row("1300.00", "800.00", "500.00", "0.00", &["300.00"], "500.00"),
    );
    // Code: 50% x 850 = 425 -> 200; patient 650.
    assert_row(
        &e,
        3,
        row("1400.00", "850.00", "550.00", "0.00", &["200.00"], "650.00"),
    );
    let left = remaining(&e, "ppo", "2026-01-01");
    assert_eq!(
        left.class_maximums,
        vec![
            ("Major maximum".to_string(), c("500.00"), c("400.00")),
            ("Crown maximum".to_string(), c("300.00"), c("0.00")),
            ("Ceramic crown maximum".to_string(), c("200.00"), c("0.00")),
        ]
    );
    // The annual maximum counts all three (inside it): 5,000 - 600 = 4,400.
    assert_eq!(left.maximum_after, Some(c("4400.00")));
}

/// Appendix D M1 with a $1,500 annual maximum, $700 threshold, $1,250 cap.
fn rollover_plan(credit: &str) -> String {
    format!(
        r#"
    network: InNetwork(contracted: "ppo-fees"),
    maximum: (annual: "1500.00", rollover: (threshold: "700.00", amount: "{credit}", cap: "1250.00")),
    coverage: {{ Implants: 100 }},"#
    )
}

fn implant_in(date: &str, id: u32) -> String {
    format!(
        r#"(id: {id}, name: "Implant {id}", date: "{date}", lines: [(code: "D6010", tooth: "30")])"#
    )
}

fn drawn(e: &Estimate, n: usize) -> Option<(Cents, Cents)> {
    line(e, n).steps.iter().find_map(|s| match s {
        Step::RolloverDrawn { drawn, left, .. } => Some((*drawn, *left)),
        _ => None,
    })
}

/// M1 year 1 -> 2: 2026 paid $300 (under the $700 threshold) with a $500 credit
/// gives a 2027 bank of 500. A 2027 implant the plan would pay 100% x 1,800 =
/// 1,800 for: 1,500 from the annual maximum and 300 from the bank, 200 left.
#[test]
fn rollover_year_one_credit_then_drawn_in_year_two() {
    let case = fees(Case::new())
        .plan("ppo", &rollover_plan("500.00"))
        .treatment(&treatment(
            r#", benefits_used: "300.00""#,
            &implant_in("2027-03-01", 1),
        ));
    let e = case.estimate(None, "2026-11-01");
    assert_row(
        &e,
        1,
        row("2580.00", "1800.00", "780.00", "0.00", &["1800.00"], "0.00"),
    );
    assert_eq!(drawn(&e, 1), Some((c("300.00"), c("200.00"))));
    let step = line(&e, 1)
        .steps
        .iter()
        .find(|s| matches!(s, Step::RolloverDrawn { .. }))
        .unwrap();
    assert!(
        sentence(step).contains("$300.00 drawn from the rollover bank"),
        "{}",
        sentence(step)
    );
}

/// M1 year 2 -> 3: the year began with a bank of 500; an 1,800 implant this
/// year draws 300 (bank 200) and, paid above the threshold, earns no credit:
/// next year's implant gets 1,500 + 200 = 1,700; patient 100.
#[test]
fn rollover_year_two_draws_and_earns_nothing() {
    let case = fees(Case::new())
        .plan("ppo", &rollover_plan("350.00"))
        .treatment(&treatment(
            r#", rollover_bank: "500.00""#,
            &format!(
                "{}, {}",
                implant_in("2026-04-01", 1),
                implant_in("2027-04-01", 2)
            ),
        ));
    let e = case.estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("2580.00", "1800.00", "780.00", "0.00", &["1800.00"], "0.00"),
    );
    assert_eq!(drawn(&e, 1), Some((c("300.00"), c("200.00"))));
    assert_row(
        &e,
        2,
        row(
            "2580.00",
            "1800.00",
            "780.00",
            "0.00",
            &["1700.00"],
            "100.00",
        ),
    );
    assert_eq!(drawn(&e, 2), Some((c("200.00"), c("0.00"))));
}

/// M1 year 3: a bank of 200 and $600 paid (at or under $700) earns the $350
/// credit: next year's bank is 550, so the implant draws 300 of it (250 left).
/// Near miss: $701 paid earns nothing, so only 1,500 + 200 = 1,700 is paid.
#[test]
fn rollover_year_three_credit_and_the_threshold_near_miss() {
    for (used, pays, patient, draw, left) in [
        ("600.00", "1800.00", "0.00", "300.00", "250.00"),
        ("701.00", "1700.00", "100.00", "200.00", "0.00"),
    ] {
        let case = fees(Case::new())
            .plan("ppo", &rollover_plan("350.00"))
            .treatment(&treatment(
                &format!(r#", rollover_bank: "200.00", benefits_used: "{used}""#),
                &implant_in("2027-04-01", 1),
            ));
        let e = case.estimate(None, "2026-11-01");
        assert_row(
            &e,
            1,
            row("2580.00", "1800.00", "780.00", "0.00", &[pays], patient),
        );
        assert_eq!(
            drawn(&e, 1),
            Some((c(draw), c(left))),
            "benefits used {used}"
        );
    }
}

/// The bank never holds more than its cap: 1,000 + a 500 credit = 1,500 -> 1,250.
/// A line that stays inside the annual maximum draws nothing.
#[test]
fn rollover_bank_is_capped_and_untouched_inside_the_annual_maximum() {
    let case = fees(Case::new())
        .plan("ppo", &rollover_plan("500.00"))
        .treatment(&treatment(
            r#", rollover_bank: "1000.00""#,
            &format!(
                "{}, {}",
                implant_in("2027-04-01", 1),
                implant_in("2027-05-01", 2)
            ),
        ));
    let e = case.estimate(None, "2026-11-01");
    // 2027 bank 1,250: line 1 pays 1,500 + 300 (bank 950); line 2: annual used,
    // 950 left in the bank -> pays 950; patient 850.
    assert_eq!(drawn(&e, 1), Some((c("300.00"), c("950.00"))));
    assert_row(
        &e,
        2,
        row(
            "2580.00",
            "1800.00",
            "780.00",
            "0.00",
            &["950.00"],
            "850.00",
        ),
    );
    // Inside the annual maximum the bank is not drawn.
    let case = fees(Case::new())
        .plan("ppo", &rollover_plan("500.00"))
        .treatment(&treatment(
            r#", rollover_bank: "1000.00""#,
            r#"(id: 1, name: "Small", date: "2026-12-01", lines: [(code: "D6058", tooth: "30")])"#,
        ));
    let e = case.estimate(None, "2026-11-01");
    // 100% x 1,000 = 1,000 <= 1,500 annual: nothing drawn.
    assert_row(
        &e,
        1,
        row("1755.00", "1000.00", "755.00", "0.00", &["1000.00"], "0.00"),
    );
    assert_eq!(drawn(&e, 1), None);
}
