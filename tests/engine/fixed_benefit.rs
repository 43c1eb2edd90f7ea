//! Issue 16 item 4: the fixed-benefit PPO. An in-network plan with a contracted fee
//! schedule and a fixed-benefit (`Scheduled`) schedule: the plan pays the fixed
//! benefit (a deductible comes off it, the coverage percentage applies to it,
//! maximums cap it), the patient owes the contracted fee less the benefit, and the
//! office writes off its fee less the contracted fee.
//!
//! | Code  | Office  | Contracted | Fixed benefit |
//! |-------|---------|------------|---------------|
//! | D0120 |   75.00 |      58.00 |         60.00 |
//! | D1110 |  130.00 |      85.00 |     (none)    |
//! | D2140 |  150.00 |     110.00 |         65.00 |
//! | D2391 |  200.00 |     150.00 |         90.00 |
//! | D2740 | 1400.00 |     955.00 |        400.00 |

use ferrule::engine::{Flag, Step};
use ferrule::report::wording::sentence;

use crate::util::{Case, assert_row, line, row};

/// A fixed-benefit PPO with `rules` appended (coverage 100% for the classes used);
/// one visit on 2026-04-01 with `lines`.
fn fixed_ppo(rules: &str, lines: &str) -> Case {
    Case::new()
        .office(&[
            ("D0120", "75.00"),
            ("D1110", "130.00"),
            ("D2140", "150.00"),
            ("D2391", "200.00"),
            ("D2740", "1400.00"),
        ])
        .contracted(
            "ppo-fees",
            &[
                ("D0120", "58.00"),
                ("D1110", "85.00"),
                ("D2140", "110.00"),
                ("D2391", "150.00"),
                ("D2740", "955.00"),
            ],
        )
        .scheduled(
            "fixed",
            &[
                ("D0120", "60.00"),
                ("D2140", "65.00"),
                ("D2391", "90.00"),
                ("D2740", "400.00"),
            ],
        )
        .plan(
            "fixed-ppo",
            &format!(
                r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: {{ Diagnostic: 100, Preventive: 100, BasicRestorative: 100, MajorRestorative: 100 }},
    fixed_benefits: "fixed",
{rules}"#
            ),
        )
        .treatment(&format!(
            r#"
    patient: (name: "Fay Fixed", birth_date: "1980-01-01"),
    coverage: [(plan: "fixed-ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Visit", date: "2026-04-01", lines: [{lines}]),
    ])],"#
        ))
}

/// Item 4: the crown. Insurance pays the fixed $400; the patient owes the
/// contracted fee less it, 955 - 400 = 555; the office writes off 1400 - 955 = 445.
/// Check: 445 + 400 + 555 = 1400.
#[test]
fn fixed_benefit_ppo_pays_the_fixed_benefit_within_the_contracted_fee() {
    let e = fixed_ppo("", r#"(code: "D2740", tooth: "30")"#).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "955.00", "445.00", "0.00", &["400.00"], "555.00"),
    );
    let l = line(&e, 1);
    let fixed = l
        .steps
        .iter()
        .find(|s| matches!(s, Step::FixedBenefit { .. }))
        .expect("a fixed-benefit step");
    assert_eq!(
        sentence(fixed),
        "fixed-ppo: fixed benefit $400.00 toward the contracted fee of $955.00; the patient owes the other $555.00, plus any deductible or amount over a maximum below."
    );
    // The write-off is explained as the contract's.
    assert!(l.steps.iter().any(|s| matches!(s, Step::WriteOff { .. })));
}

/// Item 4, deductible: a $50 deductible comes off the fixed benefit:
/// 100% x (400 - 50) = 350; patient 955 - 350 = 605; write-off still 445.
/// Check: 445 + 350 + 605 = 1400.
#[test]
fn the_deductible_comes_off_the_fixed_benefit() {
    let e = fixed_ppo(
        r#"    deductible: (individual: "50.00"),"#,
        r#"(code: "D2740", tooth: "30")"#,
    )
    .estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "955.00",
            "445.00",
            "50.00",
            &["350.00"],
            "605.00",
        ),
    );
}

/// Item 4, maximum: $300 of a $1,000 maximum left caps the $400 benefit at 300;
/// patient 955 - 300 = 655; the office still writes off 445 (write-off after the
/// maximum is the default). Check: 445 + 300 + 655 = 1400.
#[test]
fn the_maximum_caps_the_fixed_benefit() {
    let case = fixed_ppo(
        r#"    maximum: (annual: "1000.00"),"#,
        r#"(code: "D2740", tooth: "30")"#,
    );
    let e = with_benefits_used(case, "700.00").estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "955.00", "445.00", "0.00", &["300.00"], "655.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::MaximumReached));
}

/// Rebuilds the case's treatment with `used` of the maximum already used.
fn with_benefits_used(case: Case, used: &str) -> Case {
    case.treatment(&format!(
        r#"
    patient: (name: "Fay Fixed", birth_date: "1980-01-01"),
    coverage: [(plan: "fixed-ppo", effective: "2020-01-01", benefits_used: "{used}")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Visit", date: "2026-04-01", lines: [(code: "D2740", tooth: "30")]),
    ])],"#
    ))
}

/// Item 4: a fixed benefit above the contracted fee is cut to it, so the patient
/// never owes less than nothing: D0120 benefit 60 > contracted 58 -> pays 58,
/// patient 0, write-off 75 - 58 = 17. Check: 17 + 58 + 0 = 75.
#[test]
fn a_fixed_benefit_above_the_contracted_fee_is_cut_to_it() {
    let e = fixed_ppo("", r#"(code: "D0120")"#).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("75.00", "58.00", "17.00", "0.00", &["58.00"], "0.00"),
    );
    let capped = line(&e, 1)
        .steps
        .iter()
        .any(|s| matches!(s, Step::FixedBenefit { capped: true, .. }));
    assert!(capped, "the step says the benefit was cut");
}

/// Item 4: a code without a fixed benefit is paid nothing; the patient owes the
/// contracted fee 85 and the office writes off 130 - 85 = 45. Check: 45 + 0 + 85 = 130.
#[test]
fn a_code_without_a_fixed_benefit_is_paid_nothing_but_keeps_the_contract() {
    let e = fixed_ppo("", r#"(code: "D1110")"#).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("130.00", "85.00", "45.00", "0.00", &["0.00"], "85.00"),
    );
    let l = line(&e, 1);
    assert!(l.flags.contains(&Flag::NotOnSchedule));
    let step = l
        .steps
        .iter()
        .find(|s| matches!(s, Step::FixedBenefit { .. }))
        .expect("a fixed-benefit step");
    assert_eq!(
        sentence(step),
        "fixed-ppo: no fixed benefit is listed for this code, so the plan pays nothing and the patient owes the contracted fee of $85.00."
    );
}

/// Item 4 with a downgrade: D2391 on #4 paid as D2140 pays D2140's fixed benefit
/// 65 (below D2391's 90); the patient owes D2391's contracted fee less it,
/// 150 - 65 = 85; write-off 200 - 150 = 50. Check: 50 + 65 + 85 = 200.
#[test]
fn a_downgrade_pays_the_cheaper_codes_fixed_benefit() {
    let e = fixed_ppo(
        r#"    alternate_benefits: [(name: "Composites as amalgam", paid_as: { "D2391": "D2140" }, teeth: Posterior)],"#,
        r#"(code: "D2391", tooth: "4", surfaces: "O")"#,
    )
    .estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "0.00", &["65.00"], "85.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::Downgraded));
}

/// Item 4, the percentage: a class at 50% pays half the fixed benefit,
/// 50% x 400 = 200; patient 955 - 200 = 755. Near miss of the 100% usual value.
#[test]
fn the_coverage_percentage_applies_to_the_fixed_benefit() {
    let e = fixed_ppo(
        r#"    code_coverage: { "D2740": 50 },"#,
        r#"(code: "D2740", tooth: "30")"#,
    )
    .estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "955.00", "445.00", "0.00", &["200.00"], "755.00"),
    );
}
