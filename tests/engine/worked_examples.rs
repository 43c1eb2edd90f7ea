//! The golden cases of dental-benefits.md (Appendix D), with the document's own
//! numbers. Each test names its case id.

use ferrule::engine::Flag;

use crate::util::{Case, assert_row, c, d, line, remaining, row};

/// E1 (§1.5): PPO in network, one crown.
#[test]
fn e1_ppo_in_network_single_crown() {
    let case = Case::new()
        .office(&[("D2740", "1400.00")])
        .contracted("ppo-fees", &[("D2740", "850.00")])
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00"),
    maximum: (annual: "1500.00"),
    coverage: { MajorRestorative: 50 },"#,
        )
        .treatment(
            r#"
    patient: (name: "Pat Crown", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01", benefits_used: "300.00")],
    options: [(name: "Crown", visits: [
        (id: 1, name: "Seat", date: "2026-06-01", lines: [(code: "D2740", tooth: "30")]),
    ])],"#,
        );
    let e = case.estimate(None, "2026-05-01");
    // Write-off 1,400 - 850 = 550; deductible 50 -> basis 800; 50% = 400 (<= 1,200 left);
    // patient 850 - 400 = 450 (50 deductible + 400 coinsurance).
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
    // Maximum left: 1,500 - 300 = 1,200 before; 1,200 - 400 = 800 after.
    let left = remaining(&e, "ppo", "2026-01-01");
    assert_eq!(left.maximum_before, Some(c("1200.00")));
    assert_eq!(left.maximum_after, Some(c("800.00")));
    assert_eq!(left.deductible_after, c("0.00"));
}

/// E2's plan: 100/100/80/50 (buildups in Major), $50 deductible waived for
/// diagnostic and preventive, $1,500 maximum that preventive counts toward.
const E2_PLAN: &str = r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00", waived_classes: [Diagnostic, Preventive]),
    maximum: (annual: "1500.00"),
    coverage: { Diagnostic: 100, Preventive: 100, BasicRestorative: 80, MajorRestorative: 50 },"#;

fn e2_case(settings: &str) -> Case {
    Case::new()
        .office(&[
            ("D0120", "75.00"),
            ("D1110", "130.00"),
            ("D2331", "230.00"),
            ("D2950", "350.00"),
            ("D2740", "1350.00"),
        ])
        .contracted(
            "ppo-fees",
            &[
                ("D0120", "48.00"),
                ("D1110", "85.00"),
                ("D2331", "140.00"),
                ("D2950", "210.00"),
                ("D2740", "820.00"),
            ],
        )
        .plan("ppo", &format!("{E2_PLAN}\n    {settings}"))
        .treatment(
            r#"
    patient: (name: "Erin Two", birth_date: "1975-03-03"),
    coverage: [(plan: "ppo", effective: "2019-01-01", benefits_used: "1200.00")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Visit", date: "2026-06-01", lines: [
            (code: "D0120"),
            (code: "D1110"),
            (code: "D2331", tooth: "8", surfaces: "MI"),
            (code: "D2950", tooth: "19"),
            (code: "D2740", tooth: "19"),
        ]),
    ])],"#,
        )
}

/// E2 (§1.5): five lines, the annual maximum ($300 left) runs out on line 4.
#[test]
fn e2_maximum_runs_out_mid_plan() {
    let case = e2_case("");
    let e = case.estimate(None, "2026-05-01");
    // 1 D0120: write-off 75 - 48 = 27; 100%, no deductible -> 48; patient 0.
    assert_row(
        &e,
        1,
        row("75.00", "48.00", "27.00", "0.00", &["48.00"], "0.00"),
    );
    // 2 D1110: write-off 130 - 85 = 45; 100% -> 85; patient 0.
    assert_row(
        &e,
        2,
        row("130.00", "85.00", "45.00", "0.00", &["85.00"], "0.00"),
    );
    // 3 D2331: write-off 230 - 140 = 90; deductible 50; 80% x 90 = 72; patient 140 - 72 = 68.
    assert_row(
        &e,
        3,
        row("230.00", "140.00", "90.00", "50.00", &["72.00"], "68.00"),
    );
    // 4 D2950: write-off 350 - 210 = 140; 50% x 210 = 105, capped at the 95 left;
    //   patient 210 - 95 = 115.
    assert_row(
        &e,
        4,
        row("350.00", "210.00", "140.00", "0.00", &["95.00"], "115.00"),
    );
    // 5 D2740: write-off 1,350 - 820 = 530 (still written off after the maximum);
    //   plan 0 (maximum exhausted); patient 820.
    assert_row(
        &e,
        5,
        row("1350.00", "820.00", "530.00", "0.00", &["0.00"], "820.00"),
    );
    assert!(line(&e, 4).flags.contains(&Flag::MaximumReached));
    assert!(line(&e, 5).flags.contains(&Flag::MaximumReached));
    assert!(line(&e, 3).flags.contains(&Flag::DeductibleApplied));

    // Totals: fee 75 + 130 + 230 + 350 + 1,350 = 2,135; allowed 48 + 85 + 140 + 210 + 820
    // = 1,303; plan 48 + 85 + 72 + 95 + 0 = 300; patient 68 + 115 + 820 = 1,003;
    // write-off 27 + 45 + 90 + 140 + 530 = 832.
    let t = &e.totals;
    assert_eq!(t.fee, c("2135.00"));
    assert_eq!(t.allowed, c("1303.00"));
    assert_eq!(t.deductible, c("50.00"));
    assert_eq!(t.insurance, vec![("ppo".to_string(), c("300.00"))]);
    assert_eq!(t.patient, c("1003.00"));
    assert_eq!(t.write_off, c("832.00"));
}

/// E2, "max left after" column: the benefits left after the first n lines.
#[test]
fn e2_maximum_left_after_each_line() {
    let case = e2_case("");
    // 300 - 48 = 252; 252 - 85 = 167; 167 - 72 = 95; 95 - 95 = 0; 0 - 0 = 0.
    let expected = ["252.00", "167.00", "95.00", "0.00", "0.00"];
    for (n, left) in (1..=5).zip(expected) {
        let e = case.estimate_first(n, None, "2026-05-01");
        assert_eq!(e.lines.len(), n);
        assert_eq!(
            remaining(&e, "ppo", "2026-01-01").maximum_after,
            Some(c(left)),
            "after line {n}"
        );
    }
}

/// E2 with the VARIES switch of §1.5 off: once the maximum is used up the office
/// stops writing off, so line 5 is billed at the office fee.
#[test]
fn e2_no_write_off_after_maximum() {
    let case = e2_case("settings: (write_off_after_maximum: false),");
    let e = case.estimate(None, "2026-05-01");
    // Line 4 still had 95 left when priced: written off as before.
    assert_row(
        &e,
        4,
        row("350.00", "210.00", "140.00", "0.00", &["95.00"], "115.00"),
    );
    // Line 5: maximum exhausted: no write-off, the patient owes the 1,350 fee.
    assert_row(
        &e,
        5,
        row("1350.00", "820.00", "0.00", "0.00", &["0.00"], "1350.00"),
    );
    // Write-off 832 - 530 = 302; patient 1,003 + 530 = 1,533.
    assert_eq!(e.totals.write_off, c("302.00"));
    assert_eq!(e.totals.patient, c("1533.00"));
}

/// E3 (§1.5): out-of-network PPO, the patient is balance-billed.
#[test]
fn e3_out_of_network_balance_bill() {
    let case = Case::new()
        .office(&[("D3330", "1450.00")])
        .allowance("mpa", &[("D3330", "1100.00")])
        .plan(
            "oon",
            r#"
    network: OutOfNetwork(allowed: "mpa"),
    deductible: (individual: "50.00"),
    maximum: (annual: "1500.00"),
    coverage: { Endodontics: 80 },"#,
        )
        .treatment(
            r#"
    patient: (name: "Olive Out", birth_date: "1970-07-07"),
    coverage: [(plan: "oon", effective: "2020-01-01")],
    options: [(name: "Root canal", visits: [
        (id: 1, name: "Endo", date: "2026-04-01", lines: [(code: "D3330", tooth: "30")]),
    ])],"#,
        );
    let e = case.estimate(None, "2026-03-01");
    // Allowed min(1,450, 1,100) = 1,100; deductible 50 -> 1,050; 80% = 840;
    // no write-off; patient 1,450 - 840 = 610 (= 50 + 210 coinsurance + 350 balance bill).
    assert_row(
        &e,
        1,
        row("1450.00", "1100.00", "0.00", "50.00", &["840.00"], "610.00"),
    );
}

fn e4_case(network: &str, coverage: &str) -> Case {
    Case::new()
        .office(&[("D2750", "1300.00")])
        .allowance("rc", &[("D2750", "1180.00")])
        .scheduled("fixed", &[("D2750", "500.00")])
        .plan(
            "plan",
            &format!(
                r#"
    network: {network},
    deductible: (individual: "50.00"),
    coverage: {{ MajorRestorative: {coverage} }},"#
            ),
        )
        .treatment(
            r#"
    patient: (name: "Ida Indemnity", birth_date: "1960-02-02"),
    coverage: [(plan: "plan", effective: "2020-01-01", deductible_met: "50.00")],
    options: [(name: "Crown", visits: [
        (id: 1, name: "Seat", date: "2026-04-01", lines: [(code: "D2750", tooth: "14")]),
    ])],"#,
        )
}

/// E4 (§1.5): indemnity at 50% of R&C, deductible met; and the scheduled variant.
#[test]
fn e4_indemnity_and_scheduled_allowance() {
    let e = e4_case(r#"Indemnity(allowed: "rc")"#, "50").estimate(None, "2026-03-01");
    // 50% x 1,180 = 590; patient 1,300 - 590 = 710 (includes 120 above R&C); no write-off.
    assert_row(
        &e,
        1,
        row("1300.00", "1180.00", "0.00", "0.00", &["590.00"], "710.00"),
    );

    let e = e4_case(r#"ScheduledAllowance(schedule: "fixed")"#, "100").estimate(None, "2026-03-01");
    // The schedule lists 500 -> plan pays min(500, 1,300) = 500; patient 800. A scheduled
    // plan has no allowed fee of its own: the line shows the office fee.
    assert_row(
        &e,
        1,
        row("1300.00", "1300.00", "0.00", "0.00", &["500.00"], "800.00"),
    );
}

/// E5 (§1.5): DHMO copays with the $100 porcelain-on-a-molar upgrade.
#[test]
fn e5_dhmo_copays_and_molar_upgrade() {
    let case = Case::new()
        .office(&[
            ("D0120", "75.00"),
            ("D1110", "130.00"),
            ("D2950", "350.00"),
            ("D2750", "1350.00"),
        ])
        .copays(
            "copays",
            &[
                ("D0120", "0.00"),
                ("D1110", "0.00"),
                ("D2950", "125.00"),
                ("D2750", "525.00"),
            ],
        )
        .plan(
            "dhmo",
            r#"
    network: Dhmo(copays: "copays"),
    deductible: (individual: "0.00"),
    maximum: (),
    coverage: { Diagnostic: 100, Preventive: 100, MajorRestorative: 100 },
    dhmo_upgrades: [
        (name: "Porcelain on a molar", codes: ["D2740-D2752"], teeth: Molar, charge: "100.00"),
    ],"#,
        )
        .treatment(
            r#"
    patient: (name: "Hal Hmo", birth_date: "1990-09-09"),
    coverage: [(plan: "dhmo", effective: "2020-01-01")],
    options: [
        (name: "Molar crown", visits: [
            (id: 1, name: "Crown", date: "2026-04-01", lines: [
                (code: "D2950", tooth: "30"),
                (code: "D2750", tooth: "30"),
            ]),
        ]),
        (name: "Checkup", visits: [
            (id: 1, name: "Recall", date: "2026-04-01", lines: [(code: "D0120"), (code: "D1110")]),
        ]),
        (name: "Premolar crown", visits: [
            (id: 1, name: "Crown", date: "2026-04-01", lines: [(code: "D2750", tooth: "5")]),
        ]),
    ],"#,
        );
    let e = case.estimate(Some("Molar crown"), "2026-03-01");
    // D2950: copay 125; write-off 350 - 125 = 225.
    assert_row(
        &e,
        1,
        row("350.00", "350.00", "225.00", "0.00", &["0.00"], "125.00"),
    );
    // D2750 on molar #30: 525 + 100 upgrade = 625; write-off 1,350 - 625 = 725.
    assert_row(
        &e,
        2,
        row("1350.00", "1350.00", "725.00", "0.00", &["0.00"], "625.00"),
    );
    // Totals: patient 125 + 625 = 750; write-off 225 + 725 = 950; no deductible.
    assert_eq!(e.totals.patient, c("750.00"));
    assert_eq!(e.totals.write_off, c("950.00"));
    assert_eq!(e.totals.deductible, c("0.00"));
    // No annual maximum.
    assert_eq!(remaining(&e, "dhmo", "2026-01-01").maximum_before, None);

    // $0 copays: the exam and cleaning are written off entirely.
    let e = case.estimate(Some("Checkup"), "2026-03-01");
    assert_row(
        &e,
        1,
        row("75.00", "75.00", "75.00", "0.00", &["0.00"], "0.00"),
    );
    assert_row(
        &e,
        2,
        row("130.00", "130.00", "130.00", "0.00", &["0.00"], "0.00"),
    );

    // Premolar #5: no molar upgrade, copay 525; write-off 1,350 - 525 = 825.
    let e = case.estimate(Some("Premolar crown"), "2026-03-01");
    assert_row(
        &e,
        1,
        row("1350.00", "1350.00", "825.00", "0.00", &["0.00"], "525.00"),
    );
}

fn r1_case(rounding: &str) -> Case {
    Case::new()
        .office(&[("D2391", "120.00")])
        .contracted("ppo-fees", &[("D2391", "87.45")])
        .plan(
            "ppo",
            &format!(
                r#"
    network: InNetwork(contracted: "ppo-fees"),
    {rounding}
    coverage: {{ BasicRestorative: 50 }},"#
            ),
        )
        .treatment(
            r#"
    patient: (name: "Rory Round", birth_date: "1985-05-05"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Filling", visits: [
        (id: 1, name: "Fill", date: "2026-04-01", lines: [(code: "D2391", tooth: "19", surfaces: "O")]),
    ])],"#,
        )
}

/// R1 (§1.4): 87.45 x 50% = 43.725: half up 43.73, half even 43.72.
#[test]
fn r1_rounding_half_up_and_half_even() {
    let e = r1_case("").estimate(None, "2026-03-01");
    // Default half up: plan 43.73; patient 87.45 - 43.73 = 43.72; write-off 120 - 87.45 = 32.55.
    assert_row(
        &e,
        1,
        row("120.00", "87.45", "32.55", "0.00", &["43.73"], "43.72"),
    );

    let e = r1_case("rounding: HalfUp,").estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("120.00", "87.45", "32.55", "0.00", &["43.73"], "43.72"),
    );

    let e = r1_case("rounding: HalfEven,").estimate(None, "2026-03-01");
    // Half even: plan 43.72; patient 87.45 - 43.72 = 43.73.
    assert_row(
        &e,
        1,
        row("120.00", "87.45", "32.55", "0.00", &["43.72"], "43.73"),
    );
}

fn d1_case(placement: &str) -> Case {
    Case::new()
        .office(&[("D2391", "200.00")])
        .contracted("ppo-fees", &[("D2391", "150.00")])
        .plan(
            "ppo",
            &format!(
                r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00", placement: {placement}),
    coverage: {{ BasicRestorative: 80 }},"#
            ),
        )
        .treatment(
            r#"
    patient: (name: "Dee Ductible", birth_date: "1985-05-05"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Filling", visits: [
        (id: 1, name: "Fill", date: "2026-04-01", lines: [(code: "D2391", tooth: "19", surfaces: "O")]),
    ])],"#,
        )
}

/// D1 (§1.3): allowed 150, deductible 50, 80%: deductible first 80, after 70.
#[test]
fn d1_deductible_placement() {
    let e = d1_case("BeforeCoinsurance").estimate(None, "2026-03-01");
    // (150 - 50) x 80% = 80; patient 150 - 80 = 70; write-off 200 - 150 = 50.
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "50.00", &["80.00"], "70.00"),
    );

    let e = d1_case("AfterCoinsurance").estimate(None, "2026-03-01");
    // 150 x 80% - 50 = 70; patient 150 - 70 = 80.
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "50.00", &["70.00"], "80.00"),
    );
}

fn f1_case(model: &str) -> Case {
    Case::new()
        .office(&[("D2392", "260.00")])
        .contracted("ppo-fees", &[("D2392", "200.00")])
        .plan(
            "family",
            &format!(
                r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00", family: "150.00", family_model: {model}),
    coverage: {{ BasicRestorative: 80 }},"#
            ),
        )
        .treatment(
            r#"
    patient: (name: "Dana Family", birth_date: "2005-05-05"),
    coverage: [(
        plan: "family",
        effective: "2020-01-01",
        deductible_met: "0.00",
        family_deductible_met: "140.00",
        family_members_met: 2,
    )],
    options: [(name: "Filling", visits: [
        (id: 1, name: "July", date: "2026-07-15", lines: [(code: "D2392", tooth: "19", surfaces: "MO")]),
    ])],"#,
        )
}

/// F1 (§2.1): Alex 50 + Blair 50 + Casey 40 = 140 of a 150 family deductible;
/// Dana's $200 basic service in July.
#[test]
fn f1_family_deductible_models() {
    let e = f1_case("AggregateDollars").estimate(None, "2026-07-01");
    // Aggregate: 150 - 140 = 10 left -> Dana's deductible 10; 80% x (200 - 10) = 152;
    // patient 200 - 152 = 48; write-off 260 - 200 = 60.
    assert_row(
        &e,
        1,
        row("260.00", "200.00", "60.00", "10.00", &["152.00"], "48.00"),
    );

    let e = f1_case("MemberCount(3)").estimate(None, "2026-07-01");
    // Member count 3, only 2 met -> Dana owes her full 50; 80% x 150 = 120; patient 80.
    assert_row(
        &e,
        1,
        row("260.00", "200.00", "60.00", "50.00", &["120.00"], "80.00"),
    );
}

fn w1_case() -> Case {
    Case::new()
        .office(&[("D2740", "1400.00")])
        .contracted("ppo-fees", &[("D2740", "850.00")])
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00"),
    coverage: { MajorRestorative: 50 },
    waiting_periods: [(classes: [MajorRestorative], months: 12)],"#,
        )
        .treatment(
            r#"
    patient: (name: "Wendy Wait", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2026-03-01")],
    options: [
        (name: "Seated in March", visits: [
            (id: 1, name: "Prep", date: "2027-02-20", lines: [(code: "D2740", tooth: "3", completed_at: 2)]),
            (id: 2, name: "Seat", date: "2027-03-05"),
        ]),
        (name: "Seated in February", visits: [
            (id: 1, name: "Prep and seat", date: "2027-02-20", lines: [(code: "D2740", tooth: "3")]),
        ]),
    ],"#,
        )
}

/// W1 (§2.6): effective 2026-03-01, 12-month major wait -> covered from 2027-03-01;
/// the crown's date of service is its seat date.
#[test]
fn w1_waiting_period_judged_at_seat_date() {
    let case = w1_case();
    let e = case.estimate(Some("Seated in March"), "2027-02-01");
    let crown = line(&e, 1);
    assert_eq!(crown.date, d("2027-03-05"));
    assert_eq!(crown.started, d("2027-02-20"));
    assert!(!crown.flags.contains(&Flag::WaitingPeriod));
    // Covered: write-off 550; (850 - 50) x 50% = 400; patient 450.
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

    let e = case.estimate(Some("Seated in February"), "2027-02-01");
    assert!(line(&e, 1).flags.contains(&Flag::WaitingPeriod));
    // Denied in the waiting period: plan 0, no deductible taken; in network the patient
    // owes the contracted 850 and 550 is written off.
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "550.00", "0.00", &["0.00"], "850.00"),
    );
}

fn a1_case(network: &str) -> Case {
    Case::new()
        .office(&[("D2392", "260.00"), ("D2150", "200.00")])
        .contracted("ppo-fees", &[("D2392", "165.00"), ("D2150", "120.00")])
        .allowance("ucr", &[("D2392", "200.00"), ("D2150", "150.00")])
        .plan(
            "plan",
            &format!(
                r#"
    network: {network},
    coverage: {{ BasicRestorative: 80 }},
    alternate_benefits: [(
        name: "Back-tooth composites paid as amalgam",
        paid_as: {{ "D2392": "D2150" }},
        teeth: Posterior,
    )],"#
            ),
        )
        .treatment(
            r#"
    patient: (name: "Alma Alternate", birth_date: "1980-01-01"),
    coverage: [(plan: "plan", effective: "2020-01-01")],
    options: [(name: "Filling", visits: [
        (id: 1, name: "Fill", date: "2026-04-01", lines: [(code: "D2392", tooth: "19", surfaces: "MO")]),
    ])],"#,
        )
}

/// A1 (§6.2): posterior composite paid as amalgam, in and out of network.
#[test]
fn a1_posterior_composite_paid_as_amalgam() {
    let e = a1_case(r#"InNetwork(contracted: "ppo-fees")"#).estimate(None, "2026-03-01");
    // Basis min(165, 120) = 120; 80% = 96; patient 165 - 96 = 69; write-off 260 - 165 = 95.
    assert_row(
        &e,
        1,
        row("260.00", "165.00", "95.00", "0.00", &["96.00"], "69.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Downgraded));

    let e = a1_case(r#"OutOfNetwork(allowed: "ucr")"#).estimate(None, "2026-03-01");
    // Basis min(200, UCR D2150 150) = 150; 80% = 120; patient 260 - 120 = 140; no write-off.
    assert_row(
        &e,
        1,
        row("260.00", "200.00", "0.00", "0.00", &["120.00"], "140.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Downgraded));
}

/// A2 (§6.2): molar ceramic crown paid as a base-metal crown, deductible unmet.
#[test]
fn a2_molar_ceramic_crown_paid_as_base_metal() {
    let case = Case::new()
        .office(&[("D2740", "1400.00")])
        .contracted("ppo-fees", &[("D2740", "880.00"), ("D2791", "760.00")])
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00"),
    coverage: { MajorRestorative: 50 },
    alternate_benefits: [(name: "Molar crowns paid as metal", paid_as: { "D2740": "D2791" }, teeth: Molar)],"#,
        )
        .treatment(
            r#"
    patient: (name: "Al Two", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Crown", visits: [
        (id: 1, name: "Seat", date: "2026-04-01", lines: [(code: "D2740", tooth: "30")]),
    ])],"#,
        );
    let e = case.estimate(None, "2026-03-01");
    // 50% x (760 - 50) = 355; patient 880 - 355 = 525; write-off 1,400 - 880 = 520.
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "880.00",
            "520.00",
            "50.00",
            &["355.00"],
            "525.00",
        ),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Downgraded));
}

/// A3 (§6.2): gold crown (D2790) paid at the D2750 allowed fee, deductible met.
#[test]
fn a3_gold_crown_paid_as_porcelain_fused_to_high_noble() {
    let case = Case::new()
        .office(&[("D2790", "1500.00")])
        .contracted("ppo-fees", &[("D2790", "950.00"), ("D2750", "850.00")])
        .plan(
            "ppo",
            r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: { MajorRestorative: 50 },
    alternate_benefits: [(name: "Gold paid as PFM", paid_as: { "D2790": "D2750" })],"#,
        )
        .treatment(
            r#"
    patient: (name: "Al Three", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Crown", visits: [
        (id: 1, name: "Seat", date: "2026-04-01", lines: [(code: "D2790", tooth: "30")]),
    ])],"#,
        );
    let e = case.estimate(None, "2026-03-01");
    // 50% x 850 = 425; patient 950 - 425 = 525 (100 difference + 425 coinsurance);
    // write-off 1,500 - 950 = 550.
    assert_row(
        &e,
        1,
        row("1500.00", "950.00", "550.00", "0.00", &["425.00"], "525.00"),
    );
}
