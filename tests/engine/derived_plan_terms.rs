//! Issue 16's plan fields in derived plans (issue 13 item 3): a plan `based_on`
//! another may write `copays`, `fixed_benefits`, `group_coverage`, the separate
//! deductibles, the rollover and the carrier switches; what it writes replaces the
//! base's (a record field by field), the rest is inherited.
//!
//! | Code  | Office | Contracted | Copay |
//! |-------|--------|------------|-------|
//! | D1208 |  45.00 |      30.00 | 40.00 |
//! | D2140 | 150.00 |     120.00 | (none)|
//! | D2391 | 200.00 |     150.00 | 20.00 |

use ferrule::model::plan::InNetworkCobLimit;

use crate::util::{Case, assert_row, row};

/// The base "copay-ppo": in network, $50 deductible (checkups waived by
/// default), 100/100/80, member copays, back-tooth composites paid as amalgam,
/// no write-off once the maximum is used; plus the derived plan `derived` (the
/// inside of its `PlanRules(...)` after `based_on`), which the patient has.
fn with_derived(derived: &str, lines: &str) -> Case {
    let case = Case::new()
        .office(&[("D1208", "45.00"), ("D2140", "150.00"), ("D2391", "200.00")])
        .contracted(
            "plan-fees",
            &[("D1208", "30.00"), ("D2140", "120.00"), ("D2391", "150.00")],
        )
        .copays("member-copays", &[("D1208", "40.00"), ("D2391", "20.00")])
        .plan(
            "copay-ppo",
            r#"
    network: InNetwork(contracted: "plan-fees"),
    deductible: (individual: "50.00"),
    maximum: (annual: "1500.00"),
    coverage: { Diagnostic: 100, Preventive: 100, BasicRestorative: 80 },
    copays: "member-copays",
    alternate_benefits: [
        (name: "Back-tooth composites paid as amalgam", paid_as: { "D2391": "D2140" }, teeth: Posterior),
    ],
    settings: (write_off_after_maximum: false),"#,
        )
        .plan(
            "derived",
            &format!("    based_on: \"copay-ppo\",\n{derived}"),
        );
    case.treatment(&format!(
        r#"
    patient: (name: "Dee Rived", birth_date: "1980-01-01"),
    coverage: [(plan: "derived", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Visit", date: "2026-04-01", lines: [{lines}]),
    ])],"#
    ))
}

/// `copays: None` drops the base's copays: D2391 #8 M allowed 150, deductible 50
/// -> 100 x 80% = 80.00; patient 150 - 80 = 70.00; write-off 200 - 150 = 50.00.
/// (Under the base the $20 copay comes off first: 64.00 / 86.00.)
#[test]
fn copays_none_drops_the_base_copays() {
    let case = with_derived(
        "    copays: None,",
        r#"(code: "D2391", tooth: "8", surfaces: "M")"#,
    );
    assert_eq!(case.library.plans["derived"].copays, None);
    let e = case.estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "50.00", &["80.00"], "70.00"),
    );
}

/// A separate deductible written in the derived plan sits beside the inherited
/// $50 general one. D2391 #8 M: copay 20 -> 130, its own $25 deductible -> 105 x
/// 80% = 84.00, patient 150 - 84 = 66.00. D2140 #9 M (no copay, general
/// deductible): 120 - 50 = 70 x 80% = 56.00, patient 120 - 56 = 64.00, write-off
/// 150 - 120 = 30.00.
#[test]
fn a_separate_deductible_is_added_and_the_general_one_inherited() {
    let case = with_derived(
        r#"    deductible: (separate: [(id: "d2391", name: "Composite deductible", codes: ["D2391"], individual: "25.00")]),"#,
        r#"(code: "D2391", tooth: "8", surfaces: "M"), (code: "D2140", tooth: "9", surfaces: "M")"#,
    );
    let plan = &case.library.plans["derived"];
    assert_eq!(plan.deductible.individual.to_string(), "50.00");
    assert_eq!(plan.deductible.separate.len(), 1);
    let d = &case.library.derivations["derived"];
    assert!(!d.is_inherited("deductible.separate"));
    assert!(d.is_inherited("deductible.individual"));
    let e = case.estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "25.00", &["84.00"], "66.00"),
    );
    assert_row(
        &e,
        2,
        row("150.00", "120.00", "30.00", "50.00", &["56.00"], "64.00"),
    );
}

/// The carrier switches merge one by one: the derived plan turns off the
/// write-off on downgraded lines and keeps the base's "no write-off after the
/// maximum". D2391 #30 O is paid as D2140 (allowed 120): copay 20 -> 100,
/// deductible 50 -> 50 x 80% = 40.00. With no write-off on a downgrade the
/// patient owes the office fee 200 - 40 = 160.00 and nothing is written off
/// (under the base: write-off 50.00, patient 150 - 40 = 110.00).
#[test]
fn carrier_switches_merge_one_by_one() {
    let case = with_derived(
        "    settings: (write_off_on_downgrade: false, in_network_cob_limit: HigherContractedFee),",
        r#"(code: "D2391", tooth: "30", surfaces: "O")"#,
    );
    let settings = &case.library.plans["derived"].settings;
    assert!(!settings.write_off_on_downgrade);
    assert_eq!(
        settings.in_network_cob_limit,
        InNetworkCobLimit::HigherContractedFee
    );
    assert!(!settings.write_off_after_maximum, "inherited from the base");
    let e = case.estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "0.00", "50.00", &["40.00"], "160.00"),
    );
}

/// Group coverage written in a derived plan: fluoride at 50% (the class is 100%).
/// D1208 without the copay: allowed 30, preventive waives the deductible, 50% =
/// 15.00; patient 30 - 15 = 15.00; write-off 45 - 30 = 15.00.
#[test]
fn group_coverage_in_a_derived_plan() {
    let case = with_derived(
        "    copays: None,\n    group_coverage: { \"fluoride\": 50 },",
        r#"(code: "D1208")"#,
    );
    let d = &case.library.derivations["derived"];
    assert!(!d.is_inherited("group_coverage"));
    let e = case.estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("45.00", "30.00", "15.00", "0.00", &["15.00"], "15.00"),
    );
}
