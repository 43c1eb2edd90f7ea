//! Whole flows: a first visit from a blank document, reordering visits, correcting
//! the procedure history, and the explanation's links to the plan's rules.

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::engine::{self, EstimateInput};
use ferrule::gui::FerruleApp;
use ferrule::gui::widgets::code_search::result_label;
use ferrule::library;
use ferrule::model::{CdtCode, Tooth};

use super::{harness, row_texts, sample_app, today};

fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

/// Replaces a text field's text and commits it with Enter.
fn type_into(h: &mut egui_kittest::Harness<'static, FerruleApp>, label: &str, text: &str) {
    let role = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn first_visit_from_a_blank_document_shows_the_engine_numbers() {
    let mut app = FerruleApp::new(library::sample(), None, None, today());
    app.set_native_dialogs(false);
    let mut h = harness(app);

    type_into(&mut h, "Patient name", "Marisol Vega");
    type_into(&mut h, "Birth date", "1984-06-02");
    let patient = &h.state().state.document.plan.patient;
    assert_eq!(patient.name, "Marisol Vega");
    assert_eq!(patient.birth_date.unwrap().to_string(), "1984-06-02");

    // "Add plan", type part of the name, Enter: the picker has the keyboard at once.
    h.get_by_label("Add plan").click();
    h.run();
    h.get_by_label("Search plans").type_text("summ");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let library = library::sample();
    let summit = library
        .plans
        .values()
        .find(|p| p.name == "Summit Dental PPO 1500")
        .unwrap();
    assert_eq!(h.state().state.document.plan.coverage[0].plan, summit.id);
    // A new plan's effective date is blank until entered.
    type_into(&mut h, "Primary effective date", "2024-01-01");

    h.get_by_label("Search codes").focus();
    h.run();
    h.get_by_label("Search codes").type_text("crown");
    h.run();
    let info = library.catalogue.get(code("D2740")).cloned().unwrap();
    h.get_by_label(&result_label(&info)).scroll_to_me();
    h.run();
    h.get_by_label(&result_label(&info)).click();
    h.run();
    h.get_by_label("Tooth 30").click();
    h.run();
    // A blank document already has "Option 1" with "Visit 1" to add into.
    h.get_by_label("Add line").click();
    h.run();

    let plan = h.state().state.document.plan.clone();
    let lines = &plan.options[0].visits[0].lines;
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].code, code("D2740"));
    assert_eq!(lines[0].tooth, Some(Tooth::Permanent(30)));

    let input = EstimateInput::from_document(&library, &plan, None, today()).unwrap();
    let estimate = engine::estimate(&input);
    let line = estimate.lines.iter().find(|l| l.number == 1).unwrap();
    let cells = row_texts(&h, "Line 1: D2740");
    for (what, amount) in [
        ("fee", line.fee),
        ("insurance", line.payers[0].pays),
        ("patient", line.patient),
    ] {
        assert!(
            cells.contains(&amount.to_string()),
            "{what} {amount} not in the row: {cells:?}"
        );
    }
    // With the explanation panel open at 1280 wide, the allowed fee gives way in
    // the row (fee, insurance, patient and status stay); the panel shows it.
    assert!(
        super::shows(&h, &line.allowed.to_string()),
        "allowed {} not in the explanation",
        line.allowed
    );
}

#[test]
fn visits_move_up_and_down_with_their_lines_and_ids() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Add visit").click();
    h.run();
    let before = h.state().state.document.plan.options[0].visits.clone();
    assert_eq!(before.len(), 3);
    assert!(!before[0].lines.is_empty());
    // The first visit cannot move up, the last cannot move down.
    assert!(
        h.get_by_label("Move up visit 1")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        h.get_by_label("Move down visit 3")
            .accesskit_node()
            .is_disabled()
    );

    h.get_by_label("Line 1: D2950").click();
    h.run();
    h.get_by_label("Move down visit 1").click();
    h.run();
    let after = h.state().state.document.plan.options[0].visits.clone();
    assert_eq!(after[0], before[1]);
    assert_eq!(
        after[1], before[0],
        "the lines and the id move with the visit"
    );
    // The selection follows its line.
    assert_eq!(h.state().state.selected_line, Some(before[0].lines[0].id));

    h.get_by_label("Move up visit 3").click();
    h.run();
    let ids: Vec<ferrule::model::VisitId> = h.state().state.document.plan.options[0]
        .visits
        .iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(ids, vec![before[1].id, before[2].id, before[0].id]);

    // Each move is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.document.plan.options[0].visits, after);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.document.plan.options[0].visits, before);
}

#[test]
fn history_entries_can_be_corrected() {
    let mut h = harness(sample_app("rules-frequency.ron"));
    let before = h.state().state.document.plan.patient.history.clone();
    assert_eq!(before[4].code, code("D2740"));

    h.get_by_label("Edit history entry 5").click();
    h.run();
    assert_eq!(
        h.get_by_label("History code").value().as_deref(),
        Some("D2740")
    );
    type_into(&mut h, "History code", "2750");
    type_into(&mut h, "History tooth", "31");
    type_into(&mut h, "History date", "2024-01-09");
    h.get_by_label("Save history entry").click();
    h.run();

    let history = &h.state().state.document.plan.patient.history;
    assert_eq!(history.len(), before.len());
    assert_eq!(history[4].code, code("D2750"));
    assert_eq!(history[4].tooth, Some(Tooth::Permanent(31)));
    assert_eq!(history[4].date.to_string(), "2024-01-09");
    assert_eq!(history[..4], before[..4]);
    assert_eq!(history[5], before[5]);
    // Back to adding, and one undo step.
    h.get_by_label("Add history entry");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.document.plan.patient.history, before);

    // The quadrant of a root planing entry survives a corrected date.
    h.get_by_label("Edit history entry 6").click();
    h.run();
    type_into(&mut h, "History date", "2025-07-01");
    h.get_by_label("Save history entry").click();
    h.run();
    let entry = &h.state().state.document.plan.patient.history[5];
    assert_eq!(entry.date.to_string(), "2025-07-01");
    assert_eq!(entry.quadrant, before[5].quadrant);
}

#[test]
fn a_downgrade_step_links_to_the_plan_rules() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Line 2: D2740").click();
    h.run();
    let state = &h.state().state;
    let at = state.selected_line.unwrap();
    let line = state.estimates.line(state.selected_option, at).unwrap();
    let step = line
        .steps
        .iter()
        .position(|s| matches!(s, engine::Step::Downgraded { .. }))
        .expect("the sample's crown is downgraded");
    let engine::Step::Downgraded { plan, .. } = &line.steps[step] else {
        unreachable!()
    };
    let title = format!("Plan rules: {plan}");
    assert!(h.query_by_label(&title).is_none());
    // Steps that are not a plan's rule have no link.
    assert!(
        h.query_by_label("See plan rule for step 1").is_none(),
        "the office fee is not a plan rule"
    );

    h.get_by_label(&format!("See plan rule for step {}", step + 1))
        .click();
    h.run();
    assert!(
        h.query_by_label(&title).is_some(),
        "the rules window is open"
    );
}

#[test]
fn history_entries_take_surfaces_or_a_quadrant() {
    // Issue 19: one past filling or root planing must not deny every surface or
    // quadrant, so history keeps where it was done.
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    for (code, tooth, area, date) in [
        ("2391", "30", "mo", "2025-03-04"),
        ("4341", "", "UR", "2025-04-01"),
    ] {
        type_into(&mut h, "History code", code);
        type_into(&mut h, "History tooth", tooth);
        type_into(&mut h, "History surfaces or area", area);
        type_into(&mut h, "History date", date);
        h.get_by_label("Add history entry").click();
        h.run();
    }
    let history = &h.state().state.document.plan.patient.history;
    assert_eq!(history.len(), 2);
    assert_eq!(
        history[0].surfaces,
        Some(ferrule::model::Surfaces::parse("MO").unwrap())
    );
    assert_eq!(history[0].tooth, Some(Tooth::Permanent(30)));
    assert_eq!(history[1].quadrant, Some(ferrule::model::Quadrant::UR));
    assert_eq!(history[1].tooth, None);
}

#[test]
fn a_missing_tooth_takes_the_date_it_was_lost() {
    // Issue 19: without a date every missing tooth counts as lost before coverage
    // began, so the missing-tooth clause always denied the replacement.
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    type_into(&mut h, "Missing teeth list", "30");
    type_into(&mut h, "Tooth 30 missing since", "11/10/2025");
    let missing = &h.state().state.document.plan.patient.missing_teeth;
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].tooth, Tooth::Permanent(30));
    assert_eq!(
        missing[0].since.map(|d| d.to_string()).as_deref(),
        Some("2025-11-10")
    );
    // Blank again: unknown.
    let role = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(role, "Tooth 30 missing since")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().state.document.plan.patient.missing_teeth[0].since,
        None
    );
}
