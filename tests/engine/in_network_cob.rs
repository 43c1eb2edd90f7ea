//! Issue 16 item 9, COB with two in-network plans (dental-benefits.md §8.2, §8.4):
//! the later plan's `in_network_cob_limit` (the primary's contracted fee, or the
//! higher of the two under the NAIC model rule, which trims the primary's
//! write-off) and `own_contract_caps_secondary` (its own contracted fee less what
//! was paid caps its payment). Each at its default and switched.
//!
//! The §8.3 line: D3330, fee 1,200; primary in network allowed 800 at 80%,
//! deductible met -> P1 = 640, R = 160, write-off 400. The secondary is 80%, no
//! deductible, with its own contracted fee `allowed` (so N2 = 80% x allowed).

use ferrule::engine::{Estimate, Step};
use ferrule::model::plan::CobMethod;
use ferrule::report::wording::sentence;

use crate::util::{Case, assert_row, line, row};

/// The two-plan case: the secondary on `network` ("InNetwork" or "OutOfNetwork")
/// with `allowed`, COB `method` and `settings`.
fn two_plans(network: &str, allowed: &str, method: CobMethod, settings: &str) -> Estimate {
    let case = Case::new()
        .office(&[("D3330", "1200.00")])
        .contracted("primary-fees", &[("D3330", "800.00")]);
    let (case, schedule) = if network == "InNetwork" {
        let case = case.contracted("secondary-fees", &[("D3330", allowed)]);
        (case, r#"InNetwork(contracted: "secondary-fees")"#)
    } else {
        let case = case.allowance("secondary-fees", &[("D3330", allowed)]);
        (case, r#"OutOfNetwork(allowed: "secondary-fees")"#)
    };
    case.plan(
        "primary",
        r#"
    network: InNetwork(contracted: "primary-fees"),
    coverage: { Endodontics: 80 },"#,
    )
    .plan(
        "secondary",
        &format!(
            r#"
    network: {schedule},
    coverage: {{ Endodontics: 80 }},
    cob: {method:?},
    settings: ({settings}),"#
        ),
    )
    .treatment(
        r#"
    patient: (name: "Nia Two Networks", birth_date: "1980-01-01"),
    coverage: [
        (plan: "primary", effective: "2020-01-01"),
        (plan: "secondary", effective: "2020-01-01", relationship: Spouse),
    ],
    options: [(name: "Root canal", visits: [
        (id: 1, name: "Endo", date: "2026-04-01", lines: [(code: "D3330", tooth: "30")]),
    ])],"#,
    )
    .estimate(None, "2026-03-01")
}

const NAIC: &str = "in_network_cob_limit: HigherContractedFee";
const OWN_CAP: &str = "own_contract_caps_secondary: true";

fn has_step(e: &Estimate, wanted: fn(&Step) -> bool) -> bool {
    line(e, 1).steps.iter().any(wanted)
}

/// Default, secondary allowed 900 (higher): the primary's 800 limits the line:
/// standard pays min(720, 160) = 160, write-off 400, patient 0.
#[test]
fn by_default_the_primarys_contracted_fee_limits_the_line() {
    let e = two_plans("InNetwork", "900.00", CobMethod::Standard, "");
    assert_row(
        &e,
        1,
        row(
            "1200.00",
            "800.00",
            "400.00",
            "0.00",
            &["640.00", "160.00"],
            "0.00",
        ),
    );
    assert!(!has_step(&e, |s| matches!(
        s,
        Step::HigherContractedFee { .. }
    )));
}

/// NAIC, standard COB: the higher fee 900 limits the line: balance 900 - 640 = 260,
/// the secondary pays min(720, 260) = 260; the write-off shrinks to 1200 - 900 =
/// 300. Check: 300 + 640 + 260 + 0 = 1200.
#[test]
fn naic_rule_allows_the_higher_contracted_fee_and_trims_the_write_off() {
    let e = two_plans("InNetwork", "900.00", CobMethod::Standard, NAIC);
    assert_row(
        &e,
        1,
        row(
            "1200.00",
            "800.00",
            "300.00",
            "0.00",
            &["640.00", "260.00"],
            "0.00",
        ),
    );
    let step = line(&e, 1)
        .steps
        .iter()
        .find(|s| matches!(s, Step::HigherContractedFee { .. }))
        .expect("the NAIC step");
    assert_eq!(
        sentence(step),
        "secondary follows the rule for two in-network plans that allows the higher of the two contracted fees: the office may collect up to secondary's $900.00 instead of primary's $800.00, so the write-off is $100.00 smaller."
    );
}

/// NAIC with non-duplication: the secondary pays 720 - 640 = 80 either way; the
/// patient owes the rest of the limit: default 800 - 720 = 80 (write-off 400),
/// NAIC 900 - 720 = 180 (write-off 300). Checks: 400 + 640 + 80 + 80 = 1200;
/// 300 + 640 + 80 + 180 = 1200.
#[test]
fn naic_rule_with_non_duplication_moves_the_difference_to_the_patient() {
    let default = two_plans("InNetwork", "900.00", CobMethod::NonDuplication, "");
    assert_row(
        &default,
        1,
        row(
            "1200.00",
            "800.00",
            "400.00",
            "0.00",
            &["640.00", "80.00"],
            "80.00",
        ),
    );
    let naic = two_plans("InNetwork", "900.00", CobMethod::NonDuplication, NAIC);
    assert_row(
        &naic,
        1,
        row(
            "1200.00",
            "800.00",
            "300.00",
            "0.00",
            &["640.00", "80.00"],
            "180.00",
        ),
    );
}

/// NAIC near misses: a secondary whose fee (700) is lower leaves the primary's 800
/// (standard pays 160, write-off 400); an out-of-network secondary has no
/// negotiated fee, so its allowance 900 changes nothing either.
#[test]
fn naic_rule_needs_a_higher_fee_and_a_contract() {
    for (network, allowed) in [("InNetwork", "700.00"), ("OutOfNetwork", "900.00")] {
        let e = two_plans(network, allowed, CobMethod::Standard, NAIC);
        assert_row(
            &e,
            1,
            row(
                "1200.00",
                "800.00",
                "400.00",
                "0.00",
                &["640.00", "160.00"],
                "0.00",
            ),
        );
        assert!(!has_step(&e, |s| matches!(
            s,
            Step::HigherContractedFee { .. }
        )));
    }
}

/// Own-contract cap, default vs switched, secondary allowed 700 (N2 = 560): by
/// default standard pays min(560, 160) = 160; capped, at most 700 - 640 = 60, so the
/// patient owes 100. Checks: 400 + 640 + 160 + 0 = 1200; 400 + 640 + 60 + 100 = 1200.
#[test]
fn an_in_network_secondary_can_cap_its_payment_at_its_own_contracted_fee() {
    let default = two_plans("InNetwork", "700.00", CobMethod::Standard, "");
    assert_row(
        &default,
        1,
        row(
            "1200.00",
            "800.00",
            "400.00",
            "0.00",
            &["640.00", "160.00"],
            "0.00",
        ),
    );
    let capped = two_plans("InNetwork", "700.00", CobMethod::Standard, OWN_CAP);
    assert_row(
        &capped,
        1,
        row(
            "1200.00",
            "800.00",
            "400.00",
            "0.00",
            &["640.00", "60.00"],
            "100.00",
        ),
    );
    let step = line(&capped, 1)
        .steps
        .iter()
        .find(|s| matches!(s, Step::OwnContractCap { .. }))
        .expect("the cap step");
    assert_eq!(
        sentence(step),
        "secondary: its own contracted fee $700.00 less the $640.00 already paid caps its payment, so it pays $60.00 instead of $160.00."
    );
}

/// Own-contract cap near misses: at 850 the cap 850 - 640 = 210 is above the 160
/// owed (pays 160, no step); out of network the setting does not apply (allowance
/// 700: pays 160).
#[test]
fn the_own_contract_cap_binds_only_below_the_balance_and_in_network() {
    for (network, allowed) in [("InNetwork", "850.00"), ("OutOfNetwork", "700.00")] {
        let e = two_plans(network, allowed, CobMethod::Standard, OWN_CAP);
        assert_row(
            &e,
            1,
            row(
                "1200.00",
                "800.00",
                "400.00",
                "0.00",
                &["640.00", "160.00"],
                "0.00",
            ),
        );
        assert!(!has_step(&e, |s| matches!(s, Step::OwnContractCap { .. })));
    }
}

/// Both settings together, secondary 900: the limit rises to 900 and the own cap
/// (900 - 640 = 260) equals the balance, so it pays 260; write-off 300.
#[test]
fn naic_limit_and_own_cap_together() {
    let e = two_plans(
        "InNetwork",
        "900.00",
        CobMethod::Standard,
        &format!("{NAIC}, {OWN_CAP}"),
    );
    assert_row(
        &e,
        1,
        row(
            "1200.00",
            "800.00",
            "300.00",
            "0.00",
            &["640.00", "260.00"],
            "0.00",
        ),
    );
}
