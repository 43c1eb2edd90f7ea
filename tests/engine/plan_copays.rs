//! Issue 16 item 5: a copay schedule on a percentage plan. The code's copay comes
//! off the benefit basis (the allowed fee, or the cheaper code's after a
//! downgrade) before the deductible and the percentage; the patient owes it with
//! the deductible and the coinsurance. Also the loader's checks of `copays` and
//! `fixed_benefits` (item 4).
//!
//! | Code  | Office | Contracted / allowance | Copay |
//! |-------|--------|------------------------|-------|
//! | D0120 |  75.00 |                  48.00 | (none)|
//! | D1208 |  45.00 |                  30.00 | 40.00 |
//! | D2140 | 150.00 |                 120.00 | (none)|
//! | D2391 | 200.00 |                 150.00 | 20.00 |

use std::path::PathBuf;

use ferrule::engine::Step;
use ferrule::library;
use ferrule::model::SourceFile;
use ferrule::report::wording::sentence;

use crate::util::{Case, assert_row, line, row};

/// A plan on `network` (its schedule is "plan-fees") with copays, a $50
/// deductible (diagnostic and preventive waived), 100/100/80, and `rules`.
fn copay_plan(network: &str, rules: &str, lines: &str) -> Case {
    let fees = [
        ("D0120", "48.00"),
        ("D1208", "30.00"),
        ("D2140", "120.00"),
        ("D2391", "150.00"),
    ];
    let case = Case::new().office(&[
        ("D0120", "75.00"),
        ("D1208", "45.00"),
        ("D2140", "150.00"),
        ("D2391", "200.00"),
    ]);
    let case = if network.starts_with("InNetwork") {
        case.contracted("plan-fees", &fees)
    } else {
        case.allowance("plan-fees", &fees)
    };
    case.copays("member-copays", &[("D1208", "40.00"), ("D2391", "20.00")])
        .plan(
            "copay-ppo",
            &format!(
                r#"
    network: {network},
    deductible: (individual: "50.00"),
    coverage: {{ Diagnostic: 100, Preventive: 100, BasicRestorative: 80 }},
    copays: "member-copays",
{rules}"#
            ),
        )
        .treatment(&format!(
            r#"
    patient: (name: "Cy Copay", birth_date: "1980-01-01"),
    coverage: [(plan: "copay-ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Visit", date: "2026-04-01", lines: [{lines}]),
    ])],"#
        ))
}

const IN_NETWORK: &str = r#"InNetwork(contracted: "plan-fees")"#;

/// Item 5, in network: allowed 150, copay 20 -> 130, deductible 50 -> 80, 80% = 64.
/// Patient 150 - 64 = 86 (= 20 copay + 50 deductible + 16 coinsurance); write-off
/// 200 - 150 = 50. Check: 50 + 64 + 86 = 200.
#[test]
fn the_copay_comes_off_the_allowed_fee_before_deductible_and_percentage() {
    let e = copay_plan(
        IN_NETWORK,
        "",
        r#"(code: "D2391", tooth: "8", surfaces: "M")"#,
    )
    .estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "50.00", &["64.00"], "86.00"),
    );
    let l = line(&e, 1);
    let copay = l
        .steps
        .iter()
        .position(|s| matches!(s, Step::PlanCopay { .. }))
        .expect("a copay step");
    let deductible = l
        .steps
        .iter()
        .position(|s| matches!(s, Step::Deductible { .. }))
        .expect("a deductible step");
    assert!(
        copay < deductible,
        "the copay is taken before the deductible"
    );
    assert_eq!(
        sentence(&l.steps[copay]),
        "copay-ppo: the patient's copay of $20.00 for this code comes off first, leaving $130.00 for the deductible and the percentage."
    );
}

/// Item 5, near miss: a code without a copay is priced as before: D0120 allowed
/// 48 at 100%, no deductible -> pays 48, patient 0, write-off 27; no copay step.
#[test]
fn a_code_without_a_copay_is_priced_as_usual() {
    let e = copay_plan(IN_NETWORK, "", r#"(code: "D0120")"#).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("75.00", "48.00", "27.00", "0.00", &["48.00"], "0.00"),
    );
    let copay = line(&e, 1)
        .steps
        .iter()
        .any(|s| matches!(s, Step::PlanCopay { .. }));
    assert!(!copay);
}

/// Item 5: a copay above the allowed fee takes the whole basis and no more:
/// D1208 allowed 30, copay 40 -> copay 30, basis 0, plan pays 0; patient 30,
/// write-off 45 - 30 = 15. Check: 15 + 0 + 30 = 45.
#[test]
fn a_copay_above_the_allowed_fee_takes_only_the_allowed_fee() {
    let e = copay_plan(IN_NETWORK, "", r#"(code: "D1208")"#).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("45.00", "30.00", "15.00", "0.00", &["0.00"], "30.00"),
    );
    let taken = line(&e, 1).steps.iter().find_map(|s| match s {
        Step::PlanCopay { copay, basis, .. } => Some((copay.to_string(), basis.to_string())),
        _ => None,
    });
    assert_eq!(taken, Some(("30.00".to_string(), "0.00".to_string())));
}

/// Item 5, out of network: allowance 150, copay 20 -> 130, deductible 50 -> 80,
/// 80% = 64; no write-off, patient 200 - 64 = 136. Check: 0 + 64 + 136 = 200.
#[test]
fn out_of_network_the_copay_comes_off_the_allowance() {
    let e = copay_plan(
        r#"OutOfNetwork(allowed: "plan-fees")"#,
        "",
        r#"(code: "D2391", tooth: "8", surfaces: "M")"#,
    )
    .estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "0.00", "50.00", &["64.00"], "136.00"),
    );
}

/// Item 5 with a downgrade: D2391 on #30 paid as D2140 (allowed 120); the
/// performed code's copay 20 comes off the downgraded basis: 120 - 20 = 100,
/// deductible 50 -> 50, 80% = 40. Patient 150 - 40 = 110; write-off 50.
/// Check: 50 + 40 + 110 = 200.
#[test]
fn the_copay_comes_off_a_downgraded_basis() {
    let e = copay_plan(
        IN_NETWORK,
        r#"    alternate_benefits: [(name: "Composites as amalgam", paid_as: { "D2391": "D2140" }, teeth: Posterior)],"#,
        r#"(code: "D2391", tooth: "30", surfaces: "O")"#,
    )
    .estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("200.00", "150.00", "50.00", "50.00", &["40.00"], "110.00"),
    );
}

/// The shipped Meridian schedules and one plan `body` (inside `PlanRules(...)`
/// after the id); the problems the loader reports.
fn problems_of(body: &str) -> Vec<String> {
    let schedules: Vec<SourceFile> = [
        "meridian-ppo-2026",
        "meridian-fixed-benefits-2026",
        "meridian-copays-2026",
    ]
    .iter()
    .map(|id| crate::library::source(&format!("fee-schedules/{id}.ron")))
    .collect();
    let plan = SourceFile {
        path: PathBuf::from("plans/p.ron"),
        text: format!(
            "PlanRules(\n    format: 1,\n    id: \"p\",\n    name: \"P\",\n    carrier: \"C\",\n    coverage: {{ Diagnostic: 100 }},\n{body}\n)\n"
        ),
    };
    library::from_sources(&schedules, &[plan])
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Items 4 and 5, the loader: each table must name a schedule of its kind, on a
/// network it fits; the shipped pairing loads clean (near miss).
#[test]
fn the_loader_checks_the_fixed_benefit_and_copay_tables() {
    let ok = problems_of(
        r#"    network: InNetwork(contracted: "meridian-ppo-2026"),
    fixed_benefits: "meridian-fixed-benefits-2026","#,
    );
    assert!(ok.is_empty(), "{ok:#?}");
    let wrong_kind = problems_of(
        r#"    network: InNetwork(contracted: "meridian-ppo-2026"),
    copays: "meridian-fixed-benefits-2026","#,
    );
    assert_eq!(
        wrong_kind,
        vec![
            "plans/p.ron:8:13: fee schedule \"meridian-fixed-benefits-2026\" named by copays holds fixed benefits, but copays expected member copays"
                .to_string()
        ]
    );
    let out_of_network = problems_of(
        r#"    network: OutOfNetwork(allowed: "meridian-ppo-2026"),
    fixed_benefits: "meridian-fixed-benefits-2026","#,
    );
    assert_eq!(out_of_network.len(), 1, "{out_of_network:#?}");
    assert!(
        out_of_network[0].contains("fixed_benefits does not apply to this plan's network"),
        "{out_of_network:#?}"
    );
    let both = problems_of(
        r#"    network: InNetwork(contracted: "meridian-ppo-2026"),
    fixed_benefits: "meridian-fixed-benefits-2026",
    copays: "meridian-copays-2026","#,
    );
    assert_eq!(both.len(), 1, "{both:#?}");
    assert!(both[0].contains("without fixed_benefits"), "{both:#?}");
    let missing = problems_of(
        r#"    network: InNetwork(contracted: "meridian-ppo-2026"),
    copays: "nowhere","#,
    );
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert!(
        missing[0].contains("\"nowhere\" named by copays does not exist"),
        "{missing:#?}"
    );
}

/// Item 5, the printed estimate: the patient's note names the copay they pay
/// besides their share (the first test's line: copay 20).
#[test]
fn the_patient_note_names_the_copay() {
    use ferrule::report::wording::{PlanNaming, line_note};
    let e = copay_plan(
        IN_NETWORK,
        "",
        r#"(code: "D2391", tooth: "8", surfaces: "M")"#,
    )
    .estimate(None, "2026-03-01");
    let catalogue = &library::sample().catalogue;
    let note = line_note(line(&e, 1), catalogue, &PlanNaming::Single).expect("a note");
    assert!(
        note.contains(
            "Your plan has a copay of $20.00 for this service, which you pay besides your share."
        ),
        "{note}"
    );
}

/// Items 4 and 5, derived plans: a plan `based_on` one with copays inherits them
/// (it cannot write `copays` itself; the field is not part of a derived file).
#[test]
fn a_derived_plan_inherits_the_copay_table() {
    let mut plans: Vec<SourceFile> = crate::library::ron_files("plans")
        .iter()
        .map(|rel| crate::library::source(rel))
        .collect();
    plans.push(SourceFile {
        path: PathBuf::from("plans/meridian-ppo-copay-2000.ron"),
        text: r#"PlanRules(
    format: 1,
    id: "meridian-ppo-copay-2000",
    based_on: "meridian-ppo-copay",
    maximum: (annual: "2000.00"),
)
"#
        .to_string(),
    });
    let loaded = library::from_sources(&crate::library::shipped_schedules(), &plans);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let derived = loaded
        .plans
        .get("meridian-ppo-copay-2000")
        .expect("the derived plan");
    assert_eq!(derived.copays.as_deref(), Some("meridian-copays-2026"));
}
