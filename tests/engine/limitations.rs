//! Plan limitations, one test per seed rule marked "plan" or "engine" in
//! seed-rules.md (BU*, CR*, AP*, GE*), plus the frequency, age, missing-tooth,
//! waiting-period, bundling-window and downgrade cases of dental-benefits.md §2, §5-§7.
//!
//! Every test uses the in-network PPO below (no deductible, no maximum unless the
//! test adds one) and these fees:
//!
//! | Code  | Office  | Contracted |   | Code  | Office  | Contracted |
//! |-------|---------|------------|---|-------|---------|------------|
//! | D0120 |   75.00 |      48.00 |   | D2791 | 1300.00 |     760.00 |
//! | D0274 |   90.00 |      60.00 |   | D2949 |  250.00 |     150.00 |
//! | D1110 |  130.00 |      85.00 |   | D2950 |  350.00 |     210.00 |
//! | D1208 |   45.00 |      30.00 |   | D2951 |   60.00 |      40.00 |
//! | D2391 |  200.00 |     150.00 |   | D2952 |  450.00 |     300.00 |
//! | D2740 | 1400.00 |     880.00 |   | D3220 |  250.00 |     150.00 |
//! | D2750 | 1350.00 |     850.00 |   | D3330 | 1200.00 |     800.00 |
//! | D2790 | 1500.00 |     950.00 |   | D3351 |  400.00 |     240.00 |
//! | D6245 | 1300.00 |     800.00 |   | D6740 | 1400.00 |     850.00 |

use ferrule::engine::{Flag, Step};

use crate::util::{Case, assert_row, d, eligible_again, line, row};

/// The PPO's network and coverage; each test appends its own rules.
const PPO: &str = r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: {
        Diagnostic: 100, Preventive: 100, BasicRestorative: 80, MajorRestorative: 50,
        Endodontics: 80, Prosthodontics: 50,
    },"#;

/// A case with the fee table above and plan "ppo" = [`PPO`] + `rules`; `treatment`
/// is the inside of `TreatmentPlan(...)`.
pub(super) fn ppo(rules: &str, treatment: &str) -> Case {
    Case::new()
        .office(&[
            ("D0120", "75.00"),
            ("D0274", "90.00"),
            ("D1110", "130.00"),
            ("D1208", "45.00"),
            ("D2391", "200.00"),
            ("D2740", "1400.00"),
            ("D2750", "1350.00"),
            ("D2790", "1500.00"),
            ("D2791", "1300.00"),
            ("D2949", "250.00"),
            ("D2950", "350.00"),
            ("D2951", "60.00"),
            ("D2952", "450.00"),
            ("D3220", "250.00"),
            ("D3330", "1200.00"),
            ("D3351", "400.00"),
            ("D6245", "1300.00"),
            ("D6740", "1400.00"),
        ])
        .contracted(
            "ppo-fees",
            &[
                ("D0120", "48.00"),
                ("D0274", "60.00"),
                ("D1110", "85.00"),
                ("D1208", "30.00"),
                ("D2391", "150.00"),
                ("D2740", "880.00"),
                ("D2750", "850.00"),
                ("D2790", "950.00"),
                ("D2791", "760.00"),
                ("D2949", "150.00"),
                ("D2950", "210.00"),
                ("D2951", "40.00"),
                ("D2952", "300.00"),
                ("D3220", "150.00"),
                ("D3330", "800.00"),
                ("D3351", "240.00"),
                ("D6245", "800.00"),
                ("D6740", "850.00"),
            ],
        )
        .plan("ppo", &format!("{PPO}\n{rules}"))
        .treatment(treatment)
}

/// A treatment plan for a patient born 1980-01-01, covered since 2020, with one
/// option "Plan" made of `visits`.
pub(super) fn simple(visits: &str) -> String {
    format!(
        r#"
    patient: (name: "Lee Limits", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [{visits}])],"#
    )
}

fn denied_with_crown(l: &ferrule::engine::LineEstimate) -> bool {
    l.steps
        .iter()
        .any(|s| matches!(s, Step::DeniedWithCrown { .. }))
}

/// BU5: pins (D2951) with a buildup on the same tooth and day are disallowed.
#[test]
fn bu5_pins_with_buildup_disallowed() {
    let case = ppo(
        r#"bundling: [(id: "BU5", name: "Pins are part of the buildup",
            kind: Included(codes: ["D2951"], into: ["D2950", "D2952", "D2954"]),
            tooth: Same, when: SameDay, liability: Disallow)],"#,
        &simple(
            r#"(id: 1, name: "Buildup", date: "2026-04-01", lines: [
                (code: "D2950", tooth: "19"),
                (code: "D2951", tooth: "19"),
                (code: "D2951", tooth: "30"),
            ])"#,
        ),
    );
    let e = case.estimate(None, "2026-03-01");
    // D2950: 50% x 210 = 105; patient 105; write-off 350 - 210 = 140.
    assert_row(
        &e,
        1,
        row("350.00", "210.00", "140.00", "0.00", &["105.00"], "105.00"),
    );
    // D2951 #19: disallowed in network: plan 0, patient 0, whole 60 written off.
    assert_row(
        &e,
        2,
        row("60.00", "40.00", "60.00", "0.00", &["0.00"], "0.00"),
    );
    assert!(line(&e, 2).flags.contains(&Flag::Bundled));
    // D2951 #30 has no buildup on its tooth: basic 80% x 40 = 32; patient 8; write-off 20.
    assert_row(
        &e,
        3,
        row("60.00", "40.00", "20.00", "0.00", &["32.00"], "8.00"),
    );
}

/// BU6: D2950 and D2949 on one tooth and day: only one is paid; the code listed first
/// in the rule wins, whatever the line order.
#[test]
fn bu6_buildup_and_foundation_mutually_exclusive() {
    let visits = r#"(id: 1, name: "Buildup", date: "2026-04-01", lines: [
                (code: "D2949", tooth: "19"),
                (code: "D2950", tooth: "19"),
            ])"#;
    let rule = |codes: &str| {
        format!(
            r#"bundling: [(id: "BU6", name: "Buildup or foundation, not both",
            kind: MutuallyExclusive(codes: {codes}), tooth: Same, when: SameDay, liability: Disallow)],"#
        )
    };
    let e = ppo(&rule(r#"["D2950", "D2949"]"#), &simple(visits)).estimate(None, "2026-03-01");
    // D2949 loses: disallowed, 250 written off, patient 0.
    assert_row(
        &e,
        1,
        row("250.00", "150.00", "250.00", "0.00", &["0.00"], "0.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Bundled));
    // D2950 paid: 50% x 210 = 105; patient 105; write-off 140.
    assert_row(
        &e,
        2,
        row("350.00", "210.00", "140.00", "0.00", &["105.00"], "105.00"),
    );

    let e = ppo(&rule(r#"["D2949", "D2950"]"#), &simple(visits)).estimate(None, "2026-03-01");
    // D2949 preferred: 50% x 150 = 75; patient 75; write-off 100.
    assert_row(
        &e,
        1,
        row("250.00", "150.00", "100.00", "0.00", &["75.00"], "75.00"),
    );
    // D2950 disallowed: 350 written off.
    assert_row(
        &e,
        2,
        row("350.00", "210.00", "350.00", "0.00", &["0.00"], "0.00"),
    );
}

/// BU7: a composite on the tooth and day of a buildup is bundled into the buildup.
#[test]
fn bu7_composite_bundled_into_buildup() {
    let case = ppo(
        r#"bundling: [(id: "BU7", name: "Filling under a buildup is part of it",
            kind: Included(codes: ["D2391-D2394"], into: ["D2950"]),
            tooth: Same, when: SameDay, liability: Disallow)],"#,
        &simple(
            r#"(id: 1, name: "Buildup", date: "2026-04-01", lines: [
                (code: "D2950", tooth: "19"),
                (code: "D2391", tooth: "19", surfaces: "O"),
            ])"#,
        ),
    );
    let e = case.estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("350.00", "210.00", "140.00", "0.00", &["105.00"], "105.00"),
    );
    // The composite: plan 0, patient 0, the whole 200 written off.
    assert_row(
        &e,
        2,
        row("200.00", "150.00", "200.00", "0.00", &["0.00"], "0.00"),
    );
    assert!(line(&e, 2).flags.contains(&Flag::Bundled));
}

/// BU8: the buildup is part of the crown benefit; the patient owes it at the
/// contracted fee (DenyAtContractFee).
#[test]
fn bu8_buildup_bundled_into_crown_patient_owes_contract_fee() {
    let case = ppo(
        r#"bundling: [(id: "BU8", name: "Buildup is part of the crown",
            kind: Included(codes: ["D2950"], into: ["D2710-D2799"]),
            tooth: Same, when: SameOption, liability: DenyAtContractFee)],"#,
        &simple(
            r#"(id: 1, name: "Prep", date: "2026-04-01", lines: [
                (code: "D2950", tooth: "19"),
                (code: "D2740", tooth: "19", completed_at: 2),
            ]),
            (id: 2, name: "Seat", date: "2026-04-15")"#,
        ),
    );
    let e = case.estimate(None, "2026-03-01");
    // Buildup: plan 0; patient owes the contracted 210; write-off 350 - 210 = 140.
    assert_row(
        &e,
        1,
        row("350.00", "210.00", "140.00", "0.00", &["0.00"], "210.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Bundled));
    // Crown: 50% x 880 = 440; patient 440; write-off 1,400 - 880 = 520.
    assert_row(
        &e,
        2,
        row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00"),
    );
}

/// BU9: a buildup paid as a restorative foundation (alternate benefit).
#[test]
fn bu9_buildup_paid_as_foundation() {
    let case = ppo(
        r#"alternate_benefits: [(name: "Buildup paid as foundation", paid_as: { "D2950": "D2949" })],"#,
        &simple(
            r#"(id: 1, name: "Buildup", date: "2026-04-01", lines: [(code: "D2950", tooth: "19")])"#,
        ),
    );
    let e = case.estimate(None, "2026-03-01");
    // Basis min(210, 150) = 150; 50% = 75; patient 210 - 75 = 135; write-off 140.
    assert_row(
        &e,
        1,
        row("350.00", "210.00", "140.00", "0.00", &["75.00"], "135.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Downgraded));
}

/// BU10: a cast post and core paid as a plain buildup.
#[test]
fn bu10_post_and_core_paid_as_buildup() {
    let case = ppo(
        r#"alternate_benefits: [(name: "Post and core paid as buildup", paid_as: { "D2952": "D2950" })],"#,
        &simple(
            r#"(id: 1, name: "Post", date: "2026-04-01", lines: [(code: "D2952", tooth: "19")])"#,
        ),
    );
    let e = case.estimate(None, "2026-03-01");
    // Basis min(300, 210) = 210; 50% = 105; patient 300 - 105 = 195; write-off 450 - 300 = 150.
    assert_row(
        &e,
        1,
        row("450.00", "300.00", "150.00", "0.00", &["105.00"], "195.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Downgraded));
}

/// BU12: the crown on #19 fails its 5-year limit (crown on file 2023-05-01), and the
/// buildup on #19 is denied with it; #30 is unaffected.
#[test]
fn bu12_buildup_denied_with_crown_that_fails_frequency() {
    let case = ppo(
        r#"frequency_limits: [
            (name: "Crowns", codes: ["D2510-D2799"], count: 1, window: Years(5), scope: Tooth),
        ],"#,
        r#"
    patient: (
        name: "Bo Buildup",
        birth_date: "1980-01-01",
        history: [(code: "D2740", date: "2023-05-01", tooth: "19")],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Crowns", date: "2026-04-01", lines: [
            (code: "D2950", tooth: "19"),
            (code: "D2740", tooth: "19"),
            (code: "D2950", tooth: "30"),
            (code: "D2740", tooth: "30"),
        ]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-03-01");
    // Buildup #19: denied with the crown; patient owes the contracted 210.
    assert_row(
        &e,
        1,
        row("350.00", "210.00", "140.00", "0.00", &["0.00"], "210.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::FrequencyLimit));
    assert!(denied_with_crown(line(&e, 1)));
    // Crown #19: 2023-05-01 + 5 years = 2028-05-01; patient owes the contracted 880.
    assert_row(
        &e,
        2,
        row("1400.00", "880.00", "520.00", "0.00", &["0.00"], "880.00"),
    );
    assert!(line(&e, 2).flags.contains(&Flag::FrequencyLimit));
    assert_eq!(eligible_again(line(&e, 2)), Some(d("2028-05-01")));
    // #30: buildup 50% x 210 = 105, crown 50% x 880 = 440.
    assert_row(
        &e,
        3,
        row("350.00", "210.00", "140.00", "0.00", &["105.00"], "105.00"),
    );
    assert_row(
        &e,
        4,
        row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00"),
    );
}

/// CR1 / CR7: gold crown D2790 on #30 paid at the D2750 allowed fee, deductible $50
/// unmet; in network the patient owes the rest of the D2790 contracted fee.
#[test]
fn cr1_cr7_gold_crown_paid_at_porcelain_fused_rate() {
    let case = ppo(
        r#"deductible: (individual: "50.00"),
        alternate_benefits: [(name: "Gold paid as PFM", paid_as: { "D2790": "D2750" })],"#,
        &simple(
            r#"(id: 1, name: "Seat", date: "2026-04-01", lines: [(code: "D2790", tooth: "30")])"#,
        ),
    );
    let e = case.estimate(None, "2026-03-01");
    // Basis min(950, 850) = 850; deductible 50; 50% x 800 = 400;
    // patient 950 - 400 = 550 (= 100 difference + 50 deductible + 400 coinsurance);
    // write-off 1,500 - 950 = 550.
    assert_row(
        &e,
        1,
        row(
            "1500.00",
            "950.00",
            "550.00",
            "50.00",
            &["400.00"],
            "550.00",
        ),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Downgraded));
}

/// CR2: one crown per tooth per 5 years, counted from the prior crown (2021-03-10).
#[test]
fn cr2_crown_frequency_per_tooth_five_years() {
    let case = ppo(
        r#"frequency_limits: [
            (name: "Crowns", codes: ["D2510-D2799"], count: 1, window: Years(5), scope: Tooth),
        ],"#,
        r#"
    patient: (
        name: "Cy Crown",
        birth_date: "1980-01-01",
        history: [(code: "D2750", date: "2021-03-10", tooth: "30")],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [
        (name: "Day before", visits: [
            (id: 1, name: "Seat", date: "2026-03-09", lines: [(code: "D2740", tooth: "30")]),
        ]),
        (name: "On the day", visits: [
            (id: 1, name: "Seat", date: "2026-03-10", lines: [(code: "D2740", tooth: "30")]),
        ]),
    ],"#,
    );
    let e = case.estimate(Some("Day before"), "2026-03-01");
    // 2026-03-09 < 2021-03-10 + 5 years: denied, eligible 2026-03-10; patient 880.
    assert_row(
        &e,
        1,
        row("1400.00", "880.00", "520.00", "0.00", &["0.00"], "880.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::FrequencyLimit));
    assert_eq!(eligible_again(line(&e, 1)), Some(d("2026-03-10")));

    let e = case.estimate(Some("On the day"), "2026-03-01");
    // Covered: 50% x 880 = 440.
    assert_row(
        &e,
        1,
        row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00"),
    );
    assert!(!line(&e, 1).flags.contains(&Flag::FrequencyLimit));
}

/// CR3: full-cast crowns excluded. In network the patient owes the contracted fee by
/// default, the office fee where the plan bills denied lines at the office fee.
#[test]
fn cr3_full_cast_crown_excluded() {
    let treatment = simple(
        r#"(id: 1, name: "Seat", date: "2026-04-01", lines: [(code: "D2790", tooth: "30")])"#,
    );
    let exclusion =
        r#"exclusions: [(codes: ["D2790-D2792"], reason: "Full-cast crowns are not a benefit")],"#;
    let e = ppo(exclusion, &treatment).estimate(None, "2026-03-01");
    // Plan 0; patient the contracted 950; write-off 1,500 - 950 = 550.
    assert_row(
        &e,
        1,
        row("1500.00", "950.00", "550.00", "0.00", &["0.00"], "950.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Excluded));

    let billed_at_office =
        format!("{exclusion}\n    settings: (denied_lines_billed_at: OfficeFee),");
    let e = ppo(&billed_at_office, &treatment).estimate(None, "2026-03-01");
    // Plan 0; patient the full 1,500; nothing written off.
    assert_row(
        &e,
        1,
        row("1500.00", "950.00", "0.00", "0.00", &["0.00"], "1500.00"),
    );
}

/// CR5: the seat date decides frequency. Prior crown 2021-03-10, 5 years; prep
/// 2026-03-01, seat 2026-03-12.
#[test]
fn cr5_seat_date_decides_frequency() {
    let treatment = r#"
    patient: (
        name: "Sy Seat",
        birth_date: "1980-01-01",
        history: [(code: "D2750", date: "2021-03-10", tooth: "30")],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Prep", date: "2026-03-01", lines: [(code: "D2740", tooth: "30", completed_at: 2)]),
        (id: 2, name: "Seat", date: "2026-03-12"),
    ])],"#;
    let limit = r#"frequency_limits: [
            (name: "Crowns", codes: ["D2510-D2799"], count: 1, window: Years(5), scope: Tooth),
        ],"#;
    let e = ppo(limit, treatment).estimate(None, "2026-02-01");
    // Dated at the seat, 2026-03-12 >= 2026-03-10: covered, 50% x 880 = 440.
    assert_eq!(line(&e, 1).date, d("2026-03-12"));
    assert_row(
        &e,
        1,
        row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00"),
    );

    let prep_dated = format!("{limit}\n    settings: (date_of_service: Start),");
    let e = ppo(&prep_dated, treatment).estimate(None, "2026-02-01");
    // A plan that dates crowns at the prep: 2026-03-01 < 2026-03-10, denied.
    assert_eq!(line(&e, 1).date, d("2026-03-01"));
    assert_row(
        &e,
        1,
        row("1400.00", "880.00", "520.00", "0.00", &["0.00"], "880.00"),
    );
    assert_eq!(eligible_again(line(&e, 1)), Some(d("2026-03-10")));
}

/// AP2: pre-authorization is a flag that does not change the number; apexification
/// can be "not covered" by exclusion or by a 0% code entry.
#[test]
fn ap2_apexification_not_covered_and_preauthorization() {
    let treatment = simple(
        r#"(id: 1, name: "Apex", date: "2026-04-01", lines: [(code: "D3351", tooth: "8")])"#,
    );
    // Covered at 80%: 80% x 240 = 192; patient 48; write-off 400 - 240 = 160.
    let covered = row("400.00", "240.00", "160.00", "0.00", &["192.00"], "48.00");
    let e = ppo("", &treatment).estimate(None, "2026-03-01");
    assert_row(&e, 1, covered.clone());
    assert!(!line(&e, 1).flags.contains(&Flag::PreauthorizationRequired));

    let e = ppo(r#"preauthorization: ["D3351-D3353"],"#, &treatment).estimate(None, "2026-03-01");
    assert_row(&e, 1, covered);
    assert!(line(&e, 1).flags.contains(&Flag::PreauthorizationRequired));

    let e = ppo(
        r#"preauthorization: ["D3351-D3353"],
        exclusions: [(codes: ["D3351-D3353"], reason: "Apexification is not a benefit")],"#,
        &treatment,
    )
    .estimate(None, "2026-03-01");
    // Excluded: plan 0; patient the contracted 240; write-off 160.
    assert_row(
        &e,
        1,
        row("400.00", "240.00", "160.00", "0.00", &["0.00"], "240.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Excluded));
    assert!(line(&e, 1).flags.contains(&Flag::PreauthorizationRequired));

    let e = ppo(r#"code_coverage: { "D3351": 0 },"#, &treatment).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("400.00", "240.00", "160.00", "0.00", &["0.00"], "240.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::NotCovered));
}

/// GE1: coverage differs by class (basic 80%, major 50%).
#[test]
fn ge1_coverage_by_class() {
    let case = ppo(
        "",
        &simple(
            r#"(id: 1, name: "Visit", date: "2026-04-01", lines: [
                (code: "D2391", tooth: "19", surfaces: "O"),
                (code: "D2750", tooth: "3"),
            ])"#,
        ),
    );
    let e = case.estimate(None, "2026-03-01");
    // Basic: 80% x 150 = 120; patient 30; write-off 50.
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "0.00", &["120.00"], "30.00"),
    );
    // Major: 50% x 850 = 425; patient 425; write-off 500.
    assert_row(
        &e,
        2,
        row("1350.00", "850.00", "500.00", "0.00", &["425.00"], "425.00"),
    );
}

/// GE2: the deductible comes off before the percentage.
#[test]
fn ge2_deductible_before_percentage() {
    let case = ppo(
        r#"deductible: (individual: "50.00"),"#,
        &simple(
            r#"(id: 1, name: "Seat", date: "2026-04-01", lines: [(code: "D2740", tooth: "3")])"#,
        ),
    );
    let e = case.estimate(None, "2026-03-01");
    // 50% x (880 - 50) = 415 (not 50% x 880 - 50 = 390); patient 880 - 415 = 465.
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "880.00",
            "520.00",
            "50.00",
            &["415.00"],
            "465.00",
        ),
    );
}

/// GE3: crown frequency is per tooth: a 2024 crown on #3 does not block #19.
#[test]
fn ge3_crown_history_is_per_tooth() {
    let case = ppo(
        r#"frequency_limits: [
            (name: "Crowns", codes: ["D2510-D2799"], count: 1, window: Years(5), scope: Tooth),
        ],"#,
        r#"
    patient: (
        name: "Ty Tooth",
        birth_date: "1980-01-01",
        history: [(code: "D2740", date: "2024-01-01", tooth: "3")],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Crowns", date: "2026-04-01", lines: [
            (code: "D2740", tooth: "19"),
            (code: "D2740", tooth: "3"),
        ]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-03-01");
    // #19: covered, 50% x 880 = 440.
    assert_row(
        &e,
        1,
        row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00"),
    );
    // #3: 2024-01-01 + 5 years = 2029-01-01.
    assert_row(
        &e,
        2,
        row("1400.00", "880.00", "520.00", "0.00", &["0.00"], "880.00"),
    );
    assert_eq!(eligible_again(line(&e, 2)), Some(d("2029-01-01")));
}

/// GE4: two teeth are two lines, each priced on its own (the deductible is taken once).
#[test]
fn ge4_two_teeth_two_lines() {
    let case = ppo(
        r#"deductible: (individual: "50.00"),"#,
        &simple(
            r#"(id: 1, name: "Fill", date: "2026-04-01", lines: [
                (code: "D2391", tooth: "19", surfaces: "O"),
                (code: "D2391", tooth: "30", surfaces: "O"),
            ])"#,
        ),
    );
    let e = case.estimate(None, "2026-03-01");
    assert_eq!(e.lines.len(), 2);
    // #19: 80% x (150 - 50) = 80; patient 70.
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "50.00", &["80.00"], "70.00"),
    );
    // #30: 80% x 150 = 120; patient 30.
    assert_row(
        &e,
        2,
        row("200.00", "150.00", "50.00", "0.00", &["120.00"], "30.00"),
    );
    assert_eq!(line(&e, 1).area.tooth(), Some("19".parse().unwrap()));
    assert_eq!(line(&e, 2).area.tooth(), Some("30".parse().unwrap()));
}
