//! The coordination-of-benefits golden case C1 of dental-benefits.md (§8.3), every
//! secondary method on both of its cases, and the Medicaid and MOB edge cases.

use ferrule::engine::Flag;
use ferrule::model::plan::CobMethod;

use crate::util::{Case, assert_row, c, line, row};

/// The §8.3 line: D3330, fee 1,200; primary in network allowed 800 at 80%, deductible
/// met -> P1 = 640, R = 160, write-off 400. The secondary is 80% with `allowed`.
fn c1_case(method: CobMethod, allowed: &str, secondary_deductible: &str) -> Case {
    Case::new()
        .office(&[("D3330", "1200.00")])
        .contracted("primary-fees", &[("D3330", "800.00")])
        .contracted("secondary-fees", &[("D3330", allowed)])
        .plan(
            "primary",
            r#"
    network: InNetwork(contracted: "primary-fees"),
    coverage: { Endodontics: 80 },"#,
        )
        .plan(
            "secondary",
            &format!(
                r#"
    network: InNetwork(contracted: "secondary-fees"),
    deductible: (individual: "{secondary_deductible}"),
    coverage: {{ Endodontics: 80 }},
    cob: {method:?},"#
            ),
        )
        .treatment(
            r#"
    patient: (name: "Cora Two Plans", birth_date: "1980-01-01"),
    coverage: [
        (plan: "primary", effective: "2020-01-01"),
        (plan: "secondary", effective: "2020-01-01", relationship: Spouse),
    ],
    options: [(name: "Root canal", visits: [
        (id: 1, name: "Endo", date: "2026-04-01", lines: [(code: "D3330", tooth: "30")]),
    ])],"#,
        )
}

/// C1 (§8.3): every COB method, case (i) secondary allowed 850 (N2 = 680) and case
/// (ii) secondary allowed 700 (N2 = 560).
#[test]
fn c1_cob_methods_cases_i_and_ii() {
    // (method, case, secondary allowed, secondary pays, patient)
    let table = [
        // Standard: min(N2, R) = min(680, 160) = 160 | min(560, 160) = 160.
        (CobMethod::Standard, "i", "850.00", "160.00", "0.00"),
        (CobMethod::Standard, "ii", "700.00", "160.00", "0.00"),
        // Non-duplication: 680 - 640 = 40, patient 120 | max(0, 560 - 640) = 0, patient 160.
        (CobMethod::NonDuplication, "i", "850.00", "40.00", "120.00"),
        (CobMethod::NonDuplication, "ii", "700.00", "0.00", "160.00"),
        // Carve-out: computed like non-duplication.
        (CobMethod::CarveOut, "i", "850.00", "40.00", "120.00"),
        (CobMethod::CarveOut, "ii", "700.00", "0.00", "160.00"),
        // MOB (cost-share variant): max(0, 160 - (850 - 680)) = 0 | 160 - (700 - 560) = 20.
        (
            CobMethod::MaintenanceOfBenefits,
            "i",
            "850.00",
            "0.00",
            "160.00",
        ),
        (
            CobMethod::MaintenanceOfBenefits,
            "ii",
            "700.00",
            "20.00",
            "140.00",
        ),
        // Basic: min(680, 850 - 640 = 210, 160) = 160 | min(560, 700 - 640 = 60, 160) = 60.
        (CobMethod::Basic, "i", "850.00", "160.00", "0.00"),
        (CobMethod::Basic, "ii", "700.00", "60.00", "100.00"),
    ];
    for (method, which, allowed, pays, patient) in table {
        let e = c1_case(method, allowed, "0.00").estimate(None, "2026-03-01");
        let l = line(&e, 1);
        assert_eq!(
            crate::util::Row::of(l),
            row(
                "1200.00",
                "800.00",
                "400.00",
                "0.00",
                &["640.00", pays],
                patient
            ),
            "{method:?} case ({which})"
        );
        // The secondary's normal benefit: 80% x 850 = 680 | 80% x 700 = 560.
        let normal = if which == "i" { "680.00" } else { "560.00" };
        assert_eq!(
            l.payers[1].normal_benefit,
            c(normal),
            "{method:?} ({which})"
        );
    }
}

/// C1 (§8.3), secondary deductible: case (i) with a $50 unmet secondary deductible,
/// N2 = 80% x (850 - 50) = 640, so non-duplication pays 640 - 640 = 0.
#[test]
fn c1_secondary_deductible_non_duplication_pays_nothing() {
    let e = c1_case(CobMethod::NonDuplication, "850.00", "50.00").estimate(None, "2026-03-01");
    let l = line(&e, 1);
    assert_eq!(l.payers[1].normal_benefit, c("640.00"));
    assert_eq!(l.payers[1].deductible, c("50.00"));
    // Patient keeps the whole R = 160.
    assert_row(
        &e,
        1,
        row(
            "1200.00",
            "800.00",
            "400.00",
            "0.00",
            &["640.00", "0.00"],
            "160.00",
        ),
    );
}

fn medicaid_case(medicaid_allowed: &str) -> Case {
    Case::new()
        .office(&[("D3330", "1200.00")])
        .contracted("primary-fees", &[("D3330", "800.00")])
        .contracted("medicaid-fees", &[("D3330", medicaid_allowed)])
        .plan(
            "primary",
            r#"
    network: InNetwork(contracted: "primary-fees"),
    coverage: { Endodontics: 80 },"#,
        )
        .plan(
            "medicaid",
            r#"
    network: InNetwork(contracted: "medicaid-fees"),
    coverage: { Endodontics: 100 },
    cob: Medicaid,
    settings: (write_off_when_secondary: true),"#,
        )
        .treatment(
            r#"
    patient: (name: "Mo Medicaid", birth_date: "2010-01-01"),
    coverage: [
        (plan: "primary", effective: "2020-01-01", relationship: Child),
        (plan: "medicaid", effective: "2020-01-01", relationship: Child),
    ],
    options: [(name: "Root canal", visits: [
        (id: 1, name: "Endo", date: "2026-04-01", lines: [(code: "D3330", tooth: "30")]),
    ])],"#,
        )
}

/// §8.2 "Secondary Medicaid" on the §8.3 line (primary P1 = 640), Medicaid at 100% of
/// its own allowance, writing off as secondary. What the primary pays never depends on
/// the secondary; Medicaid's allowance caps what the office may collect in all.
#[test]
fn c1_medicaid_secondary_does_not_cut_the_primary() {
    // Medicaid allows 500: the primary's 640 already exceeds it, so Medicaid pays
    // max(0, 500 - 640) = 0 and the patient owes 0; the office keeps the 640:
    // write-off 1,200 - 640 = 560.
    let e = medicaid_case("500.00").estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row(
            "1200.00",
            "800.00",
            "560.00",
            "0.00",
            &["640.00", "0.00"],
            "0.00",
        ),
    );

    // Medicaid allows 700: collectible 700; balance after the primary 700 - 640 = 60;
    // Medicaid's normal benefit 700 pays min(700, 60) = 60; write-off 1,200 - 700 = 500.
    let e = medicaid_case("700.00").estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row(
            "1200.00",
            "800.00",
            "500.00",
            "0.00",
            &["640.00", "60.00"],
            "0.00",
        ),
    );
}

/// MOB (§8.2) never pays more than the secondary's own normal benefit (found by the
/// property test). The primary's coverage starts after the date of service, so the
/// primary pays nothing, no contract applies and the patient owes the 1,200 fee; the
/// secondary is out of network, allowing 850 at 80%.
#[test]
fn c1_maintenance_of_benefits_capped_at_normal_benefit() {
    let case = |exclusion: &str| {
        Case::new()
            .office(&[("D3330", "1200.00")])
            .contracted("primary-fees", &[("D3330", "800.00")])
            .allowance("secondary-fees", &[("D3330", "850.00")])
            .plan(
                "primary",
                r#"
    network: InNetwork(contracted: "primary-fees"),
    coverage: { Endodontics: 80 },"#,
            )
            .plan(
                "secondary",
                &format!(
                    r#"
    network: OutOfNetwork(allowed: "secondary-fees"),
    coverage: {{ Endodontics: 80 }},
    cob: MaintenanceOfBenefits,
    {exclusion}"#
                ),
            )
            .treatment(
                r#"
    patient: (name: "Mia Mob", birth_date: "1980-01-01"),
    coverage: [
        (plan: "primary", effective: "2026-05-01"),
        (plan: "secondary", effective: "2020-01-01", relationship: Spouse),
    ],
    options: [(name: "Root canal", visits: [
        (id: 1, name: "Endo", date: "2026-04-01", lines: [(code: "D3330", tooth: "30")]),
    ])],"#,
            )
    };
    let e = case("").estimate(None, "2026-03-01");
    // N2 = 80% x 850 = 680; MOB: max(0, 1,200 - (850 - 680)) = 1,030, capped at 680;
    // patient 1,200 - 680 = 520; no write-off.
    assert_row(
        &e,
        1,
        row(
            "1200.00",
            "800.00",
            "0.00",
            "0.00",
            &["0.00", "680.00"],
            "520.00",
        ),
    );
    assert!(line(&e, 1).flags.contains(&Flag::NotEligible));

    // A secondary that excludes the code pays nothing (N2 = 0), not 1,200 - 850 = 350.
    let e = case(r#"exclusions: [(codes: ["D3330"], reason: "Not a benefit")],"#)
        .estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row(
            "1200.00",
            "800.00",
            "0.00",
            "0.00",
            &["0.00", "0.00"],
            "1200.00",
        ),
    );
}
