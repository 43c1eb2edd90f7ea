//! Issue 13, the plan editor's forms: a value is checked as it is typed with the
//! loader's own message and never reaches the plan until it is valid; the rule
//! sections that were text only (frequency limits, alternate benefits, waiting
//! periods, exclusions, missing-tooth clause, bundling, settings) are edited in
//! forms, each change one undo step; and a derived plan's deductible and
//! maximum are inherited or overridden field by field.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::{Command, FerruleApp};
use ferrule::model::PlanRules;
use ferrule::model::plan::{Liability, MissingToothDenial};
use ferrule::money::Cents;

use super::editors::{app_on, code, fresh_library, pick, type_into};

/// Types `text` over the field labelled `label` without pressing Enter.
fn type_only(h: &mut Harness<'_, FerruleApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
    h.run();
}

fn field_text(h: &Harness<'_, FerruleApp>, label: &str) -> Option<String> {
    h.get_by_role_and_label(Role::TextInput, label)
        .accesskit_node()
        .value()
}

fn plan<'a>(h: &'a Harness<'_, FerruleApp>) -> &'a PlanRules {
    &h.state().editors.plans.draft.as_ref().unwrap().plan
}

/// The editor on a new plan from the PPO template (two cleanings a year).
fn new_ppo(name: &str) -> Harness<'static, FerruleApp> {
    let dir = fresh_library(name);
    let mut h = app_on(&dir);
    h.state_mut().push(Command::EditPlans);
    h.run();
    h.get_by_label("PPO 100/80/50").click();
    h.run();
    h.run();
    h
}

fn click(h: &mut Harness<'_, FerruleApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.run();
}

#[test]
fn an_invalid_count_shows_the_loader_message_as_typed_and_never_reaches_the_plan() {
    let mut h = new_ppo("typed-count");
    let loader = "frequency limit \"Cleanings\" allows 0 services: expected 1 or more";
    // Typed, not yet committed: the loader's message is already on the field.
    type_only(&mut h, "Count of Cleanings", "0");
    assert!(h.query_by_label_contains(loader).is_some());
    assert_eq!(plan(&h).frequency_limits[1].count, 2);
    // Enter does not put it in the plan; the typing stays with its reason.
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert_eq!(plan(&h).frequency_limits[1].count, 2);
    assert_eq!(field_text(&h, "Count of Cleanings").as_deref(), Some("0"));
    assert!(h.query_by_label_contains(loader).is_some());
    assert!(!h.state().editors.plans.draft.as_ref().unwrap().can_undo());
    // Near miss: 3 is valid, goes in as one undo step, and the message goes.
    type_into(&mut h, "Count of Cleanings", "3");
    assert_eq!(plan(&h).frequency_limits[1].count, 3);
    assert!(h.query_by_label_contains(loader).is_none());
    assert!(h.state().editors.plans.draft.as_ref().unwrap().can_undo());
}

#[test]
fn codes_and_money_that_do_not_read_keep_the_typing_and_the_plan() {
    let mut h = new_ppo("typed-codes");
    type_into(&mut h, "Codes of Exams", "D0120, D01");
    assert_eq!(
        field_text(&h, "Codes of Exams").as_deref(),
        Some("D0120, D01")
    );
    assert_eq!(
        plan(&h).frequency_limits[0].codes.to_string(),
        "D0120, D0140, D0150, D0180"
    );
    type_into(&mut h, "Deductible", "fifty");
    assert_eq!(plan(&h).deductible.individual, Cents::from_dollars(50));
    assert_eq!(field_text(&h, "Deductible").as_deref(), Some("fifty"));
    // A family maximum below the annual maximum: the loader's cross-check.
    type_only(&mut h, "Family maximum", "1000");
    assert!(
        h.query_by_label_contains(
            "family maximum 1,000.00 is less than the individual maximum 1,500.00"
        )
        .is_some()
    );
    assert_eq!(plan(&h).maximum.family_annual, None);
}

#[test]
fn frequency_limits_are_added_filled_in_and_removed_in_their_form() {
    let mut h = new_ppo("freq-form");
    assert_eq!(plan(&h).frequency_limits.len(), 4);
    click(&mut h, "Add a frequency limit");
    assert_eq!(plan(&h).frequency_limits.len(), 5);
    type_into(&mut h, "Name of frequency limit 5", "Sealants");
    type_into(&mut h, "Codes of Sealants", "D1351");
    pick(&mut h, "Window of Sealants", "years");
    type_into(&mut h, "Window length of Sealants", "3");
    pick(&mut h, "Scope of Sealants", "per tooth");
    let limit = plan(&h).frequency_limits[4].clone();
    assert_eq!(limit.name, "Sealants");
    assert_eq!(limit.codes.to_string(), "D1351");
    assert_eq!(
        limit.window,
        ferrule::model::plan::FrequencyWindow::Years(3)
    );
    assert_eq!(limit.scope, ferrule::model::plan::FrequencyScope::Tooth);
    let (_, _, checked) = h.state().editors.plans.checked.as_ref().unwrap();
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    click(&mut h, "Remove Bitewing X-rays");
    let names: Vec<String> = plan(&h)
        .frequency_limits
        .iter()
        .map(|l| l.name.clone())
        .collect();
    assert_eq!(names, ["Exams", "Cleanings", "Crowns", "Sealants"]);
    // One undo step brings the removed limit back where it was.
    click(&mut h, "Undo");
    assert_eq!(plan(&h).frequency_limits[2].name, "Bitewing X-rays");
}

#[test]
fn alternate_benefits_take_more_codes_and_refuse_a_code_listed_twice() {
    let mut h = new_ppo("alt-form");
    let fillings = "Tooth-colored fillings on back teeth paid at the silver-filling rate";
    let more = format!("More codes of {fillings}");
    // D2391 is already paid as D2140: listed twice, refused as typed.
    type_into(&mut h, &more, "D2391 > D2150");
    assert!(h.query_by_label_contains("D2391 is listed twice").is_some());
    assert_eq!(
        plan(&h).alternate_benefits[0].paid_as[&code("D2391")],
        code("D2140")
    );
    type_into(&mut h, &more, "D2410 > D2140");
    let paid_as = &plan(&h).alternate_benefits[0].paid_as;
    assert_eq!(paid_as[&code("D2410")], code("D2140"));
    assert_eq!(paid_as.len(), 5);
    pick(&mut h, &format!("Teeth of {fillings}"), "molars");
    assert_eq!(
        plan(&h).alternate_benefits[0].teeth,
        ferrule::model::plan::ToothCondition::Molar
    );
}

#[test]
fn waiting_periods_exclusions_clause_bundling_and_settings_are_forms() {
    let mut h = new_ppo("rule-forms");
    click(&mut h, "Add a waiting period");
    type_into(&mut h, "Months of waiting period 1", "6");
    assert_eq!(plan(&h).waiting_periods[0].months, 6);
    click(&mut h, "Add an exclusion");
    type_into(&mut h, "Codes of exclusion 1", "D9972");
    type_into(&mut h, "Reason of exclusion 1", "Whitening is cosmetic.");
    let exclusion = &plan(&h).exclusions[0];
    assert_eq!(exclusion.codes.to_string(), "D9972");
    assert_eq!(exclusion.reason, "Whitening is cosmetic.");
    click(&mut h, "The plan has a missing-tooth clause");
    pick(
        &mut h,
        "What the missing-tooth clause refuses",
        "only the replacing unit",
    );
    let clause = plan(&h).missing_tooth_clause.clone().unwrap();
    assert_eq!(clause.denies, MissingToothDenial::ReplacingUnitOnly);
    click(&mut h, "Add a bundling rule");
    type_into(&mut h, "Codes of bundling rule new", "D4355");
    type_into(&mut h, "Into codes of bundling rule new", "D4341");
    pick(
        &mut h,
        "Who pays under bundling rule new",
        "patient owes the contracted fee",
    );
    assert_eq!(plan(&h).bundling[0].liability, Liability::DenyAtContractFee);
    click(
        &mut h,
        "In network, keep writing off once the maximum is used up",
    );
    assert!(!plan(&h).settings.write_off_after_maximum);
    let (_, _, checked) = h.state().editors.plans.checked.as_ref().unwrap();
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    // Each was its own step: undo takes the setting back first.
    click(&mut h, "Undo");
    assert!(plan(&h).settings.write_off_after_maximum);
    assert_eq!(plan(&h).bundling[0].liability, Liability::DenyAtContractFee);
}

#[test]
fn a_derived_plan_inherits_and_overrides_record_fields_one_by_one() {
    let dir = fresh_library("derived-fields");
    let mut h = app_on(&dir);
    h.state_mut().push(Command::EditPlans);
    h.run();
    let library = h.state().state.library.clone();
    h.state_mut()
        .editors
        .plans
        .pick(&library, "summit-individual-1000");
    h.run();
    // The individual plan writes its $100 deductible and no family cap; it
    // takes the family model from the group plan.
    let draft = || h.state().editors.plans.draft.as_ref().unwrap();
    assert!(!draft().inherits("deductible.individual"));
    assert!(!draft().inherits("deductible.family"));
    assert!(draft().inherits("deductible.family_model"));
    assert!(draft().inherits("maximum.family_annual"));
    // Back to the group plan's $50 for one field; the family cap stays off.
    click(&mut h, "inherit deductible.individual");
    let plan_now = plan(&h).clone();
    assert_eq!(plan_now.deductible.individual, Cents::from_dollars(50));
    assert_eq!(plan_now.deductible.family, None);
    // A family maximum typed here is written alone.
    type_into(&mut h, "Family maximum", "3000");
    assert!(
        !h.state()
            .editors
            .plans
            .draft
            .as_ref()
            .unwrap()
            .inherits("maximum.family_annual")
    );
    click(&mut h, "Save plan*");
    click(&mut h, "Save anyway");
    let text = std::fs::read_to_string(dir.join("plans/summit-individual-1000.ron")).unwrap();
    assert!(!text.contains("individual: "), "{text}");
    assert!(text.contains("family: None"), "{text}");
    assert!(text.contains("family_annual: \"3000.00\""), "{text}");
    assert!(text.contains("annual: \"1000.00\""), "{text}");
    let library = &h.state().state.library;
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let saved = &library.plans["summit-individual-1000"];
    assert_eq!(saved.deductible.individual, Cents::from_dollars(50));
    assert_eq!(saved.maximum.family_annual, Some(Cents::from_dollars(3000)));
}

#[test]
fn a_section_typed_as_text_is_read_as_typed_and_applied_only_when_it_reads() {
    let mut h = new_ppo("text-section");
    click(&mut h, "waiting_periods");
    // Not a list of waiting periods: the parser's message shows before Apply.
    type_only(&mut h, "Text of waiting_periods", "[(months: twelve)]");
    assert!(h.query_by_label_contains("waiting_periods:1:").is_some());
    click(&mut h, "Apply waiting_periods");
    assert!(plan(&h).waiting_periods.is_empty());
    // Near miss: a number of months reads, and Apply puts it in the plan.
    type_only(
        &mut h,
        "Text of waiting_periods",
        "[(classes: [MajorRestorative], months: 12)]",
    );
    assert!(h.query_by_label_contains("waiting_periods:1:").is_none());
    click(&mut h, "Apply waiting_periods");
    assert_eq!(plan(&h).waiting_periods[0].months, 12);
}

#[test]
fn a_code_gets_a_percentage_of_its_own_in_the_form() {
    let mut h = new_ppo("code-coverage");
    assert!(plan(&h).code_coverage.is_empty());
    // Not a percentage: refused as typed, nothing added.
    type_into(&mut h, "More code coverage", "D4910 = lots");
    assert!(plan(&h).code_coverage.is_empty());
    type_into(&mut h, "More code coverage", "D4910 = 100");
    let pct = |n| ferrule::money::Percent::whole(n).unwrap();
    assert_eq!(plan(&h).code_coverage[&code("D4910")], pct(100));
    type_into(&mut h, "Coverage of D4910", "90");
    assert_eq!(plan(&h).code_coverage[&code("D4910")], pct(90));
    click(&mut h, "Remove coverage of D4910");
    assert!(plan(&h).code_coverage.is_empty());
}
