//! Issue 19, "a complete insurance card": member id, subscriber, relationship,
//! the subscriber's birth date and the end date are edited on the card, and the
//! payer-order suggestion follows the birthday rule from those fields.

use egui_kittest::kittest::Queryable as _;
use ferrule::gui::{Command, Edit, FerruleApp};
use ferrule::library;
use ferrule::model::Coverage;
use ferrule::model::treatment_plan::Relationship;

use super::{harness, sample, shows, today};

#[test]
fn the_birthday_rule_orders_a_childs_two_plans_from_the_card() {
    // A child on both parents' plans: the father's (Summit, born June 2) is on file
    // as primary, the mother's (Bayside, born March 9) as secondary. The parent
    // whose birthday comes first in the year is primary: the mother's plan.
    let (path, mut plan) = sample("buildup-crown-19.ron");
    plan.coverage.push(Coverage::new(
        "bayside-ppo-2000",
        chrono::NaiveDate::from_ymd_opt(2024, 2, 1).unwrap(),
    ));
    let mut app = FerruleApp::new(library::sample(), None, Some((path, plan)), today());
    app.set_native_dialogs(false);
    let mut h = harness(app);
    for i in 0..2 {
        h.state_mut().push(Command::Edit(Edit::CoverageRelationship(
            i,
            Relationship::Child,
        )));
    }
    h.run();
    // Open both cards, one at a time: opening one moves the other down.
    for k in 0..2 {
        h.get_all_by_label("Insurance card")
            .nth(k)
            .unwrap()
            .scroll_to_me();
        h.run();
        h.get_all_by_label("Insurance card").nth(k).unwrap().click();
        // Opening or closing slides; grids settle a few frames later.
        h.run_steps(8);
    }
    for (field, date) in [
        ("Primary subscriber birth date", "1979-06-02"),
        ("Secondary subscriber birth date", "1981-03-09"),
    ] {
        h.get_by_label(field).scroll_to_me();
        h.run();
        h.get_by_label(field).focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_label(field).type_text(date);
        h.key_press(egui::Key::Enter);
        h.run();
    }
    h.get_by_label("Primary member ID").scroll_to_me();
    h.run();
    h.get_by_label("Primary member ID").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Primary member ID").type_text("SDB-1");
    h.key_press(egui::Key::Enter);
    h.run();

    let coverage = &h.state().state.document.plan.coverage;
    assert_eq!(
        coverage[0].subscriber_birth_date,
        chrono::NaiveDate::from_ymd_opt(1979, 6, 2)
    );
    assert_eq!(
        coverage[1].subscriber_birth_date,
        chrono::NaiveDate::from_ymd_opt(1981, 3, 9)
    );
    assert_eq!(coverage[0].member_id.as_deref(), Some("SDB-1"));
    assert!(shows(
        &h,
        "Suggested payer order: Bayside Dental Network PPO 2000, then Summit Dental PPO 1500"
    ));
    // Close the cards so the button is on screen, then take the suggestion.
    for k in 0..2 {
        h.get_all_by_label("Insurance card")
            .nth(k)
            .unwrap()
            .scroll_to_me();
        h.run();
        h.get_all_by_label("Insurance card").nth(k).unwrap().click();
        // Opening or closing slides; grids settle a few frames later.
        h.run_steps(8);
    }
    h.get_by_label("Use suggested order").scroll_to_me();
    h.run();
    h.get_by_label("Use suggested order").click();
    // The cards swap places; their grids measure again over a few frames.
    h.run_steps(8);
    let coverage = &h.state().state.document.plan.coverage;
    assert_eq!(coverage[0].plan, "bayside-ppo-2000");
    assert_eq!(coverage[1].plan, "summit-ppo-1500");
}
