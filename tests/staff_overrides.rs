//! Issue 16 item 6: figures entered by staff replace the computed ones at their
//! step, and the trail says "entered by staff" with the value replaced. Office
//! D2740 1,400.00, contracted 850.00; D1110 130.00, contracted 85.00; the plan
//! pays major 50% and preventive 100%, deductible 50.00, annual maximum 1,500.00.

use ferrule::engine::step_detail::{StaffFigure, StaffValue};
use ferrule::engine::{Flag, LineEstimate, Step};
use ferrule::money::Cents;

use crate::util::{Case, assert_row, c, line, row};

fn case(line: &str, exceptions: &str) -> Case {
    Case::new()
        .office(&[("D1110", "130.00"), ("D2740", "1400.00")])
        .contracted("ppo-fees", &[("D1110", "85.00"), ("D2740", "850.00")])
        .plan(
            "ppo",
            r#"network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00", waived_classes: [Preventive]),
    maximum: (annual: "1500.00"),
    coverage: { Preventive: 100, MajorRestorative: 50 },
    frequency_limits: [(name: "Cleanings", codes: ["D1110"], count: 2, window: BenefitYear, scope: Patient)],"#,
        )
        .treatment(&format!(
            r#"
    patient: (name: "Stella Staff", birth_date: "1980-01-01",
        history: [(code: "D1110", date: "2026-02-01"), (code: "D1110", date: "2026-06-01")]),
    coverage: [(plan: "ppo", effective: "2020-01-01", exceptions: [{exceptions}])],
    options: [(name: "Plan", visits: [(id: 1, name: "V", date: "2026-10-01", lines: [{line}])])],"#
        ))
}

fn entered(l: &LineEstimate) -> Vec<(&StaffFigure, StaffValue, StaffValue)> {
    l.steps
        .iter()
        .filter_map(|s| match s {
            Step::EnteredByStaff {
                figure,
                value,
                replaced,
                ..
            } => Some((figure, *value, *replaced)),
            _ => None,
        })
        .collect()
}

fn money(text: &str) -> StaffValue {
    StaffValue::Money(c(text))
}

/// Without overrides: allowed 850, deductible 50, plan (850 - 50) x 50% = 400,
/// write-off 1400 - 850 = 550, patient 850 - 400 = 450. No staff step.
#[test]
fn without_overrides_the_crown_is_computed() {
    let e = case(r#"(code: "D2740", tooth: "30")"#, "").estimate(None, "2026-03-01");
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
    assert!(entered(line(&e, 1)).is_empty());
}

/// Allowed fee entered as 800.00: plan (800 - 50) x 50% = 375; write-off
/// 1400 - 800 = 600; patient 800 - 375 = 425. The step names the 850 replaced.
#[test]
fn an_entered_allowed_fee_replaces_the_schedules() {
    let l =
        r#"(code: "D2740", tooth: "30", overrides: (payers: [(plan: "ppo", allowed: "800.00")]))"#;
    let e = case(l, "").estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "800.00",
            "600.00",
            "50.00",
            &["375.00"],
            "425.00",
        ),
    );
    assert_eq!(
        entered(line(&e, 1)),
        vec![(&StaffFigure::AllowedFee, money("800.00"), money("850.00"))]
    );
}

/// Percentage entered as 80: (850 - 50) x 80% = 640; patient 850 - 640 = 210;
/// deductible entered as 0 as well: 850 x 80% = 680, patient 170. A deductible of
/// 20 entered: (850 - 20) x 50% = 415, and the step says 30 of the 50 is left.
#[test]
fn an_entered_percentage_and_deductible_replace_the_plans() {
    let pct = r#"(code: "D2740", tooth: "30", overrides: (payers: [(plan: "ppo", percent: 80)]))"#;
    let e = case(pct, "").estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "850.00",
            "550.00",
            "50.00",
            &["640.00"],
            "210.00",
        ),
    );
    let both = r#"(code: "D2740", tooth: "30",
        overrides: (payers: [(plan: "ppo", percent: 80, deductible: "0.00")]))"#;
    let e = case(both, "").estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "550.00", "0.00", &["680.00"], "170.00"),
    );
    // The computed 50.00 deductible step and flag give way to staff's 0.
    assert!(!line(&e, 1).flags.contains(&Flag::DeductibleApplied));
    assert!(
        !line(&e, 1)
            .steps
            .iter()
            .any(|s| matches!(s, Step::Deductible { .. }))
    );
    let figures: Vec<&StaffFigure> = entered(line(&e, 1)).into_iter().map(|f| f.0).collect();
    assert_eq!(
        figures,
        vec![&StaffFigure::Deductible, &StaffFigure::CoveragePercent]
    );
    let twenty = r#"(code: "D2740", tooth: "30",
        overrides: (payers: [(plan: "ppo", deductible: "20.00")]))"#;
    let e = case(twenty, "").estimate(None, "2026-03-01");
    assert_eq!(line(&e, 1).payers[0].pays, c("415.00"));
    assert!(line(&e, 1).steps.iter().any(|s| matches!(
        s,
        Step::Deductible { amount, remaining, .. } if (*amount, *remaining) == (c("20.00"), c("30.00"))
    )));
}

/// A predetermination approved 300.00: the plan pays 300 instead of 400; write-off
/// still 550; patient 850 - 300 = 550.
#[test]
fn an_entered_insurance_estimate_replaces_the_computed_benefit() {
    let l = r#"(code: "D2740", tooth: "30", overrides: (payers: [(plan: "ppo", insurance: "300.00")]))"#;
    let e = case(l, "").estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "850.00",
            "550.00",
            "50.00",
            &["300.00"],
            "550.00",
        ),
    );
    assert_eq!(
        entered(line(&e, 1)),
        vec![(
            &StaffFigure::InsuranceEstimate,
            money("300.00"),
            money("400.00")
        )]
    );
}

/// Write-off entered as 500.00 (computed 550): plan 400, patient
/// 1400 - 500 - 400 = 500. Near miss: 1,200.00 is more than the 1,000 the payment
/// leaves, so the write-off is 1,000 and the patient owes 0.
#[test]
fn an_entered_write_off_replaces_the_contracts() {
    let l = r#"(code: "D2740", tooth: "30", overrides: (write_off: "500.00"))"#;
    let e = case(l, "").estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row(
            "1400.00",
            "850.00",
            "500.00",
            "50.00",
            &["400.00"],
            "500.00",
        ),
    );
    assert!(matches!(
        line(&e, 1).steps.last(),
        Some(Step::PatientOwes { amount }) if *amount == c("500.00")
    ));
    assert_eq!(
        entered(line(&e, 1)),
        vec![(&StaffFigure::WriteOff, money("500.00"), money("550.00"))]
    );
    assert!(
        !line(&e, 1)
            .steps
            .iter()
            .any(|s| matches!(s, Step::WriteOff { .. }))
    );
    let l = r#"(code: "D2740", tooth: "30", overrides: (write_off: "1200.00"))"#;
    let e = case(l, "").estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "1000.00", "50.00", &["400.00"], "0.00"),
    );
}

/// Near miss: figures entered for another plan id change nothing here.
#[test]
fn figures_for_another_plan_are_not_used() {
    let l =
        r#"(code: "D2740", tooth: "30", overrides: (payers: [(plan: "other", allowed: "1.00")]))"#;
    let e = case(l, "").estimate(None, "2026-03-01");
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
}

/// Two cleanings a year, two on file: a third is denied (patient the contracted
/// 85, write-off 45). With a medical exception of 3 for this patient it is covered
/// at 100%: plan 85, patient 0; the trail says 3 replaced 2. With an exception of 2
/// (near miss: the plan's own count) it is still denied.
#[test]
fn a_patient_frequency_exception_allows_an_extra_cleaning() {
    let cleaning = r#"(code: "D1110")"#;
    let e = case(cleaning, "").estimate(None, "2026-03-01");
    assert!(line(&e, 1).flags.contains(&Flag::FrequencyLimit));
    assert_row(
        &e,
        1,
        row("130.00", "85.00", "45.00", "0.00", &["0.00"], "85.00"),
    );
    let extra = r#"(code: "D1110", frequency: 3, reason: "medical exception")"#;
    let e = case(cleaning, extra).estimate(None, "2026-03-01");
    assert!(!line(&e, 1).flags.contains(&Flag::FrequencyLimit));
    assert_row(
        &e,
        1,
        row("130.00", "85.00", "45.00", "0.00", &["85.00"], "0.00"),
    );
    let cleanings = StaffFigure::PatientFrequency {
        limit: "Cleanings".into(),
    };
    assert_eq!(
        entered(line(&e, 1)),
        vec![(&cleanings, StaffValue::Count(3), StaffValue::Count(2))]
    );
    let same = r#"(code: "D1110", frequency: 2)"#;
    let e = case(cleaning, same).estimate(None, "2026-03-01");
    assert!(line(&e, 1).flags.contains(&Flag::FrequencyLimit));
}

/// A patient exception of 80% for D2740: (850 - 50) x 80% = 640; a percentage on
/// the line (60%) wins over it: 800 x 60% = 480, and both steps are shown.
#[test]
fn a_patient_percentage_exception_and_a_line_percentage() {
    let crown = r#"(code: "D2740", tooth: "30")"#;
    let e = case(crown, r#"(code: "D2740", percent: 80)"#).estimate(None, "2026-03-01");
    assert_eq!(line(&e, 1).payers[0].pays, c("640.00"));
    let crown =
        r#"(code: "D2740", tooth: "30", overrides: (payers: [(plan: "ppo", percent: 60)]))"#;
    let e = case(crown, r#"(code: "D2740", percent: 80)"#).estimate(None, "2026-03-01");
    assert_eq!(line(&e, 1).payers[0].pays, c("480.00"));
    assert_eq!(entered(line(&e, 1)).len(), 2);
    assert_eq!(line(&e, 1).patient, Cents::from_cents(85_000 - 48_000));
}

/// The shipped sample `staff-overrides.ron` against the shipped library, as of
/// 2026-11-23 (Summit PPO: D1110 office 140 / contracted 101; D2740 1,540 / 955;
/// deductible 50 waived on preventive; major 50%):
/// 1. third cleaning allowed by the exception: plan 101, write-off 39, patient 0;
/// 2. crown #8, predetermination 400 entered (computed (955 - 50) x 50% = 452.50):
///    plan 400, write-off 585, patient 955 - 400 = 555;
/// 3. crown #9 in 2027, nothing entered: plan 452.50, patient 502.50.
#[test]
fn the_staff_overrides_sample_uses_every_kind_of_figure() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = ferrule::library::load_dir(root);
    let path = root.join("assets/samples/staff-overrides.ron");
    let doc = ferrule::library::load_treatment_plan(&path).unwrap();
    let as_of = crate::util::d("2026-11-23");
    assert!(ferrule::engine::check::check_document(&doc, &lib, as_of).is_empty());
    let input = ferrule::engine::EstimateInput::from_document(&lib, &doc, None, as_of).unwrap();
    let e = ferrule::engine::estimate(&input);
    crate::util::assert_sound(&e);
    assert_row(
        &e,
        1,
        row("140.00", "101.00", "39.00", "0.00", &["101.00"], "0.00"),
    );
    assert_row(
        &e,
        2,
        row(
            "1540.00",
            "955.00",
            "585.00",
            "50.00",
            &["400.00"],
            "555.00",
        ),
    );
    assert_row(
        &e,
        3,
        row(
            "1540.00",
            "955.00",
            "585.00",
            "50.00",
            &["452.50"],
            "502.50",
        ),
    );
    // The patient's note says where the plan's 400.00 comes from.
    let practice = ferrule::model::PracticeSettings::default();
    let printed =
        ferrule::report::PrintedEstimate::new(&practice, &doc, &lib, &doc.options[0], &e, as_of);
    let notes: Vec<&str> = printed.notes.iter().map(|n| n.text.as_str()).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("told us ahead of time that it pays $400.00")),
        "{notes:?}"
    );
}

/// The edit sets and clears one figure; a payer left with nothing is dropped, so
/// the line saves as it did before any figure was entered (no `overrides` field).
#[test]
fn line_override_edits_set_and_clear() {
    use ferrule::model::Edit;
    use ferrule::model::overrides::{OverrideField, OverrideValue};
    let case = case(r#"(code: "D2740", tooth: "30")"#, "");
    let mut plan = case.treatment.clone().unwrap();
    let before = ferrule::library::to_ron(&plan).unwrap();
    assert!(!before.contains("overrides"), "{before}");
    let id = plan.options[0].visits[0].lines[0].id;
    let which = OverrideField::Insurance("ppo".into());
    let value = Some(OverrideValue::Money(c("300.00")));
    plan.apply(&Edit::LineOverride(id, which.clone(), value))
        .unwrap();
    let line = &plan.options[0].visits[0].lines[0];
    assert_eq!(
        line.overrides.payer("ppo").unwrap().insurance,
        Some(c("300.00"))
    );
    plan.apply(&Edit::LineOverride(id, which, None)).unwrap();
    assert!(plan.options[0].visits[0].lines[0].overrides.is_empty());
    assert_eq!(ferrule::library::to_ron(&plan).unwrap(), before);
}

/// Figures for a plan the patient is not covered by, a provider the practice
/// settings do not list and an ortho case of 0 months are warnings (they never
/// block the estimate), each on its line.
#[test]
fn passed_over_figures_are_warnings() {
    use ferrule::engine::check::{Severity, check_document};
    let l = r#"(code: "D2740", tooth: "30", provider: "dr-nobody",
        overrides: (payers: [(plan: "other", allowed: "1.00")]), ortho: (months: 0))"#;
    let mut case = case(l, "");
    let plan = case.treatment.clone().unwrap();
    let as_of = crate::util::d("2026-09-15");
    let messages = |lib: &ferrule::model::Library| -> Vec<String> {
        let problems = check_document(&plan, lib, as_of);
        assert!(
            problems.iter().all(|p| p.severity == Severity::Warning),
            "{problems:?}"
        );
        problems.into_iter().map(|p| p.message).collect()
    };
    let without_providers = messages(&case.library);
    assert_eq!(
        without_providers,
        vec![
            "D2740 #30: figures entered by staff for plan \"other\" are not used: the patient has no coverage under it",
            "D2740 #30: an orthodontic case of 0 months: expected 1 to 120; the schedule uses 1",
        ]
    );
    case.library.providers.list = vec![ferrule::model::provider::Provider {
        id: "dr-lee".into(),
        name: "Dr. Lee".into(),
        kind: ferrule::model::provider::ProviderKind::Dentist,
        office_fee_schedule: None,
        contracts: Vec::new(),
    }];
    let with_providers = messages(&case.library);
    assert!(with_providers.iter().any(|m| m.contains(
        "provider \"dr-nobody\" is not in the practice settings: the default provider's fees are used"
    )));
}
