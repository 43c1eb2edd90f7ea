//! Issue 16 on the insurance card: a plan with separate deductibles, family
//! amounts or a rollover bank gets a field for each under its amounts used; a
//! typed amount reprices the estimate and is one undo step.

use egui_kittest::kittest::Queryable as _;
use ferrule::money::Cents;

use super::{harness, sample_app};

fn c(text: &str) -> Cents {
    Cents::parse(text).unwrap()
}

fn type_into(h: &mut egui_kittest::Harness<'_, ferrule::gui::FerruleApp>, label: &str, text: &str) {
    let role = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(role, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
}

/// bridge-extracted-granite.ron under granite-ppo-rollover: line 1, D6740 #29,
/// contracted 955.00, prosthodontics 50%, takes the $100.00 major-services
/// deductible: plan (955 - 100) x 50% = 427.50. Typing 60.00 met leaves 40.00:
/// plan (955 - 40) x 50% = 457.50, patient 955 - 457.50 = 497.50. The annual
/// maximum (1,500 - 200 used = 1,300 left) is not reached: 457.50 + 477.50 = 935.
#[test]
fn a_separate_deductible_met_reprices_the_line_and_undoes() {
    let mut h = harness(sample_app("bridge-extracted-granite.ron"));
    let line = |h: &egui_kittest::Harness<'_, ferrule::gui::FerruleApp>| {
        let state = &h.state().state;
        let id = state.document.plan.options[0].visits[0].lines[0].id;
        let line = state.estimates.line(state.selected_option, id).unwrap();
        (line.payers[0].pays, line.patient)
    };
    assert_eq!(line(&h), (c("427.50"), c("527.50")));
    // The plan has a family amount on the major deductible and on the ortho
    // maximum, and a rollover bank: each gets its field.
    for label in [
        "Primary Major-services deductible met by the family",
        "Primary Orthodontic deductible met",
        "Primary Orthodontic lifetime maximum used by the family",
        "Primary rollover bank",
    ] {
        assert!(h.query_by_label(label).is_some(), "no field {label}");
    }

    type_into(&mut h, "Primary Major-services deductible met", "60.00");
    let coverage = &h.state().state.document.plan.coverage[0];
    assert_eq!(
        coverage.separate_used.deductibles_met.get("major"),
        Some(&c("60.00"))
    );
    assert_eq!(line(&h), (c("457.50"), c("497.50")));

    type_into(&mut h, "Primary rollover bank", "350");
    assert_eq!(
        h.state().state.document.plan.coverage[0].rollover_bank,
        c("350.00")
    );

    // Each field is one undo step: the bank first, then the deductible.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().state.document.plan.coverage[0].rollover_bank,
        Cents::ZERO
    );
    assert_eq!(line(&h), (c("457.50"), c("497.50")));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(line(&h), (c("427.50"), c("527.50")));
}

/// An amount that does not read changes nothing; a plan without such rows
/// (Summit) shows no field.
#[test]
fn a_bad_amount_is_refused_and_plain_plans_show_no_fields() {
    let mut h = harness(sample_app("bridge-extracted-granite.ron"));
    type_into(&mut h, "Primary Major-services deductible met", "lots");
    let coverage = &h.state().state.document.plan.coverage[0];
    assert!(coverage.separate_used.deductibles_met.is_empty());
    let h = harness(sample_app("buildup-crown-19.ron"));
    assert!(h.query_by_label("Primary rollover bank").is_none());
}
