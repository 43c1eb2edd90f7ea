//! Issue 16's plan fields in the plan editor's forms: the copay and
//! fixed-benefit schedules, coverage per code group, separate deductibles, the
//! rollover bank, a class maximum's codes and family amount, and the six
//! settings carriers differ on. Each is checked as typed, one undo step, priced
//! live, and inherited or overridden on its own in a derived plan.
//!
//! The live price is the editor's sample (exam D0120, cleaning D1110, filling
//! D2392 on tooth 30 MO, crown D2740 on tooth 19, all today) under a new plan
//! from the PPO template on the seeded library: Bayside PPO contracted fees
//! (D0120 $55, D1110 $95, D2150 $124, D2392 $174, D2740 $893; office fees
//! D2392 $280, D2740 $1,540), deductible $50 waived for diagnostic and
//! preventive, 100/100/80/50, D2392 paid as D2150 on back teeth and D2740 as
//! D2791 ($751) on molars. Before any change:
//! - D0120 $55.00 and D1110 $95.00, paid in full;
//! - D2392 paid as D2150: ($124.00 - $50.00 deductible) x 80% = $59.20; the
//!   patient owes $174.00 - $59.20 = $114.80;
//! - D2740 paid as D2791: $751.00 x 50% = $375.50; the patient owes $893.00 -
//!   $375.50 = $517.50;
//! - the plan pays $584.70, the patient $632.30.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ferrule::gui::{Command, FerruleApp};
use ferrule::model::PlanRules;
use ferrule::money::{Cents, Percent};

use super::editors::{app_on, fresh_library, pick, type_into};

fn plan<'a>(h: &'a Harness<'_, FerruleApp>) -> &'a PlanRules {
    &h.state().editors.plans.draft.as_ref().unwrap().plan
}

/// The plan's total and the patient's, as the live price shows them.
fn totals(h: &Harness<'_, FerruleApp>) -> (String, String) {
    h.state().editors.plans.preview.totals().unwrap()
}

fn money(text: &str) -> (String, String) {
    let (plan, patient) = text.split_once(' ').unwrap();
    (plan.to_string(), patient.to_string())
}

fn new_ppo(name: &str) -> Harness<'static, FerruleApp> {
    let dir = fresh_library(name);
    let mut h = app_on(&dir);
    h.state_mut().push(Command::EditPlans);
    h.run();
    h.get_by_label("PPO 100/80/50").click();
    h.run();
    h.run();
    assert_eq!(totals(&h), money("584.70 632.30"));
    h
}

fn click(h: &mut Harness<'_, FerruleApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.run();
}

fn no_problems(h: &Harness<'_, FerruleApp>) {
    let (_, _, checked) = h.state().editors.plans.checked.as_ref().unwrap();
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
}

#[test]
fn a_copay_schedule_picked_on_a_ppo_comes_off_before_the_deductible_and_percentage() {
    // docs/formats.md "Copays on percentage plans". Meridian's copays: D2392
    // $20.00, D2740 $75.00, none for D0120 and D1110.
    // - D2392 paid as D2150: ($124.00 - $20.00 copay - $50.00) x 80% = $43.20;
    // - D2740 paid as D2791: ($751.00 - $75.00) x 50% = $338.00;
    // - the plan pays $55.00 + $95.00 + $43.20 + $338.00 = $531.20, the patient
    //   ($174.00 - $43.20) + ($893.00 - $338.00) = $130.80 + $555.00 = $685.80.
    let mut h = new_ppo("copays-form");
    pick(&mut h, "Copays schedule", "Meridian PPO member copays 2026");
    assert_eq!(plan(&h).copays.as_deref(), Some("meridian-copays-2026"));
    no_problems(&h);
    assert_eq!(totals(&h), money("531.20 685.80"));
    // "none" takes it off again, one step.
    pick(&mut h, "Copays schedule", "none");
    assert_eq!(plan(&h).copays, None);
    assert_eq!(totals(&h), money("584.70 632.30"));
    click(&mut h, "Undo");
    assert_eq!(plan(&h).copays.as_deref(), Some("meridian-copays-2026"));
}

#[test]
fn a_separate_deductible_is_added_and_replaces_the_general_one_on_its_class() {
    // docs/formats.md "Separate deductibles": the crown (major restorative)
    // takes the $150.00 major-services deductible instead of the general one:
    // ($751.00 - $150.00) x 50% = $300.50. The filling keeps the general $50.00:
    // $59.20. The plan pays $55.00 + $95.00 + $59.20 + $300.50 = $509.70; the
    // patient $114.80 + ($893.00 - $300.50) = $114.80 + $592.50 = $707.30.
    let mut h = new_ppo("separate-form");
    click(&mut h, "Add a separate deductible");
    let row = plan(&h).deductible.separate[0].clone();
    assert_eq!(row.name, "Major-services deductible");
    type_into(
        &mut h,
        "Individual amount of Major-services deductible",
        "150",
    );
    assert_eq!(
        plan(&h).deductible.separate[0].individual,
        Cents::from_dollars(150)
    );
    no_problems(&h);
    assert_eq!(totals(&h), money("509.70 707.30"));
    // A group the library does not have is refused as typed.
    type_into(&mut h, "Codes of Major-services deductible", "@implant");
    assert!(h.query_by_label_contains("is not in the library").is_some());
    assert!(plan(&h).deductible.separate[0].codes.is_empty());
    // Near miss: the library's "@implants" reads.
    type_into(&mut h, "Codes of Major-services deductible", "@implants");
    assert_eq!(
        plan(&h).deductible.separate[0].codes.to_string(),
        "@implants"
    );
    click(&mut h, "Remove Major-services deductible");
    assert!(plan(&h).deductible.separate.is_empty());
    assert_eq!(totals(&h), money("584.70 632.30"));
}

#[test]
fn without_a_write_off_on_downgrade_the_patient_owes_the_office_fee_less_the_plan() {
    // docs/formats.md "Settings carriers differ on", write_off_on_downgrade:
    // the two downgraded lines are not written off, so the patient owes the
    // office fee less the plan: filling $280.00 - $59.20 = $220.80, crown
    // $1,540.00 - $375.50 = $1,164.50; total $1,385.30. The plan pays the same.
    let mut h = new_ppo("downgrade-form");
    let tick = "In network, write off on a line paid as a cheaper code";
    click(&mut h, tick);
    assert!(!plan(&h).settings.write_off_on_downgrade);
    no_problems(&h);
    assert_eq!(totals(&h), money("584.70 1,385.30"));
    click(&mut h, "Undo");
    assert!(plan(&h).settings.write_off_on_downgrade);
    assert_eq!(totals(&h), money("584.70 632.30"));
}

#[test]
fn a_code_group_gets_a_percentage_that_beats_its_class() {
    // docs/formats.md "Code groups": crowns (D2510-D2799) at 60% instead of the
    // major class's 50%: D2740 paid as D2791, $751.00 x 60% = $450.60 (the
    // $50.00 deductible went on the filling before it). The plan pays $55.00 +
    // $95.00 + $59.20 + $450.60 = $659.80; the patient $114.80 + ($893.00 -
    // $450.60 = $442.40) = $557.20.
    let mut h = new_ppo("group-form");
    type_into(&mut h, "Coverage of group crowns", "lots");
    assert!(plan(&h).group_coverage.is_empty());
    type_into(&mut h, "Coverage of group crowns", "60");
    let percents: Vec<(String, Percent)> = plan(&h)
        .group_coverage
        .iter()
        .map(|(g, p)| (g.id().to_string(), *p))
        .collect();
    assert_eq!(percents, [("crowns".into(), Percent::whole(60).unwrap())]);
    no_problems(&h);
    assert_eq!(totals(&h), money("659.80 557.20"));
    // Blank takes the group's percentage away.
    type_into(&mut h, "Coverage of group crowns", "");
    assert!(plan(&h).group_coverage.is_empty());
    assert_eq!(totals(&h), money("584.70 632.30"));
}

#[test]
fn the_rollover_bank_and_a_class_maximums_new_fields_are_forms() {
    let mut h = new_ppo("rollover-form");
    click(&mut h, "Unused maximum rolls over");
    type_into(&mut h, "Rollover cap", "1000");
    let rollover = plan(&h).maximum.rollover.clone().unwrap();
    assert_eq!(rollover.cap, Cents::from_dollars(1000));
    assert_eq!(rollover.threshold, Cents::from_dollars(700));
    click(&mut h, "Add a class maximum");
    let name = "Orthodontic lifetime maximum";
    // A family amount below the member's amount is the loader's problem.
    type_into(&mut h, &format!("Family amount of {name}"), "1000");
    assert_eq!(plan(&h).maximum.class_maximums[0].family_amount, None);
    type_into(&mut h, &format!("Family amount of {name}"), "3000");
    let m = plan(&h).maximum.class_maximums[0].clone();
    assert_eq!(m.family_amount, Some(Cents::from_dollars(3000)));
    type_into(&mut h, &format!("Codes of {name}"), "@implants");
    click(&mut h, &format!("{name} is outside the annual maximum"));
    let m = plan(&h).maximum.class_maximums[0].clone();
    assert_eq!(m.codes.to_string(), "@implants");
    assert!(m.outside_annual);
    no_problems(&h);
}

#[test]
fn a_derived_plan_overrides_one_carrier_switch_and_inherits_the_rest() {
    let dir = fresh_library("derived-switches");
    let mut h = app_on(&dir);
    h.state_mut().push(Command::EditPlans);
    h.run();
    let library = h.state().state.library.clone();
    h.state_mut()
        .editors
        .plans
        .pick(&library, "summit-individual-1000");
    h.run();
    let draft = |h: &Harness<'_, FerruleApp>| h.state().editors.plans.draft.clone().unwrap();
    assert!(draft(&h).inherits("settings.denied_billing_by_reason"));
    let label = ferrule::gui::editor::plan_switches::denied_label("over a frequency limit");
    pick(&mut h, &label, "office fee");
    let d = draft(&h);
    assert!(!d.inherits("settings.denied_billing_by_reason"));
    assert!(d.inherits("settings.write_off_on_downgrade"));
    assert!(d.inherits("copays"));
    click(&mut h, "Save plan*");
    click(&mut h, "Save anyway");
    let text = std::fs::read_to_string(dir.join("plans/summit-individual-1000.ron")).unwrap();
    assert!(text.contains("denied_billing_by_reason"), "{text}");
    assert!(text.contains("OfficeFee"), "{text}");
    assert!(!text.contains("write_off_on_downgrade"), "{text}");
    let library = &h.state().state.library;
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let saved = &library.plans["summit-individual-1000"];
    assert_eq!(
        saved.settings.denied_billing_by_reason.frequency,
        Some(ferrule::model::plan_settings::DeniedBilling::OfficeFee)
    );
}
