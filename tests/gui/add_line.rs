//! Adding lines: search, pick, tooth chart, "Add line"; the numbers shown are the
//! engine's; undo and redo.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use ferrule::engine::{self, EstimateInput};
use ferrule::gui::widgets::code_search::result_label;
use ferrule::model::{CdtCode, Tooth};

use super::{harness, row_texts, sample_app, today};

fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

#[test]
fn crown_on_30_is_added_and_shows_the_engine_numbers() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Search codes").focus();
    h.run();
    h.get_by_label("Search codes").type_text("crown");
    h.run();
    let info = ferrule::library::sample()
        .catalogue
        .get(code("D2740"))
        .cloned()
        .unwrap();
    h.get_by_label(&result_label(&info)).scroll_to_me();
    h.run();
    h.get_by_label(&result_label(&info)).click();
    h.run();
    h.get_by_label("Tooth 30").click();
    h.run();
    h.get_by_label("Add line").click();
    h.run();

    let plan = h.state().state.document.plan.clone();
    let lines = &plan.options[0].visits[0].lines;
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2].code, code("D2740"));
    assert_eq!(lines[2].tooth, Some(Tooth::Permanent(30)));

    // The engine's own numbers for the same document and date.
    let library = ferrule::library::sample();
    let input = EstimateInput::from_document(&library, &plan, None, today()).unwrap();
    let estimate = engine::estimate(&input);
    let line = estimate.lines.iter().find(|l| l.number == 3).unwrap();
    let cells = row_texts(&h, "Line 3: D2740");
    for amount in [line.fee, line.write_off, line.payers[0].pays, line.patient] {
        assert!(
            cells.contains(&amount.to_string()),
            "{amount} not in the row: {cells:?}"
        );
    }
    // The allowed fee gives way in the row at 1280 wide with the explanation
    // panel open; the panel shows it.
    assert!(super::shows(&h, &line.allowed.to_string()));
    // The new line is selected, so its explanation is on the right.
    let state = &h.state().state;
    let new_line = state.document.plan.options[0].visits[0].lines[2].id;
    assert_eq!(
        state.selected_line,
        Some(new_line),
        "the new line is selected"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().state.document.plan.options[0].visits[0]
            .lines
            .len(),
        2
    );
    assert!(h.query_by_label("Line 3: D2740").is_none());

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().state.document.plan, plan);
    h.get_by_label("Line 3: D2740");
}

#[test]
fn several_teeth_make_several_lines_in_the_chosen_visit() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Search codes").focus();
    h.run();
    h.get_by_label("Search codes").type_text("2391");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state()
            .state
            .estimates
            .option(h.state().state.selected_option)
            .map(|e| e.lines.len()),
        Some(2)
    );
    for tooth in ["Tooth 3", "Tooth 14"] {
        h.get_by_label(tooth).click();
        h.run();
    }
    h.get_by_label("Surface O").click();
    h.run();
    h.get_by_label("Add line").click();
    h.run();
    let lines = &h.state().state.document.plan.options[0].visits[0].lines;
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[2].tooth, Some(Tooth::Permanent(3)));
    assert_eq!(lines[3].tooth, Some(Tooth::Permanent(14)));
    assert!(
        lines[2..]
            .iter()
            .all(|l| l.code == code("D2391")
                && l.surfaces.map(|s| s.to_string()) == Some("O".into()))
    );
    // One click, one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().state.document.plan.options[0].visits[0]
            .lines
            .len(),
        2
    );
}

#[test]
fn add_line_waits_for_a_code_and_a_tooth() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    assert!(super::shows(&h, "Pick a code first"));
    h.get_by_label("Add line").click();
    h.run();
    assert_eq!(
        h.state().state.document.plan.options[0].visits[0]
            .lines
            .len(),
        2
    );
}

#[test]
fn a_search_that_no_longer_lists_the_picked_code_drops_it() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Search codes").focus();
    h.run();
    h.get_by_label("Search codes").type_text("2740");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(super::shows(
        &h,
        "D2740 — All-ceramic crown (zirconia included)"
    ));
    // Typing on: "2740zz" matches nothing, so nothing stays picked.
    h.get_by_label("Search codes").focus();
    h.run();
    h.get_by_label("Search codes").type_text("zz");
    h.run();
    assert!(super::shows(&h, "No code matches."));
    assert!(super::shows(&h, "No code picked"));
    assert!(super::shows(&h, "Pick a code first"));
}

#[test]
fn visits_can_be_added_redated_and_deleted() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Add visit").click();
    h.run();
    assert_eq!(h.state().state.document.plan.options[0].visits.len(), 3);
    let date = h.get_by_label("Visit 3 date");
    date.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Visit 3 date").type_text("2027-01-14");
    h.key_press(Key::Enter);
    h.run();
    let visit = &h.state().state.document.plan.options[0].visits[2];
    assert_eq!(visit.date.to_string(), "2027-01-14");
    assert_eq!(visit.id, ferrule::model::VisitId(3));
    h.get_by_label("Delete visit 3").click();
    h.run();
    assert_eq!(h.state().state.document.plan.options[0].visits.len(), 2);
}

#[test]
fn deleting_a_line_from_the_explanation_panel() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Line 1: D2950").click();
    h.run();
    h.get_by_label("Delete line 1").click();
    h.run();
    let lines = &h.state().state.document.plan.options[0].visits[0].lines;
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].code, code("D2740"));
    // The selection moves on to the next line, as with the Delete key.
    assert_eq!(h.state().state.selected_line, Some(lines[0].id));
}

#[test]
fn delete_key_removes_the_selected_line() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Line 1: D2950").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    let lines = &h.state().state.document.plan.options[0].visits[0].lines;
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].code, code("D2740"));
}

#[test]
fn missing_teeth_are_typed_once_and_marked_on_the_chart() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Missing teeth list").focus();
    h.run();
    h.get_by_label("Missing teeth list").type_text("1, 16 32");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let missing: Vec<Tooth> = h
        .state()
        .state
        .document
        .plan
        .patient
        .missing_teeth
        .iter()
        .map(|m| m.tooth)
        .collect();
    assert_eq!(
        missing,
        vec![
            Tooth::Permanent(1),
            Tooth::Permanent(16),
            Tooth::Permanent(32)
        ]
    );
    // Still a button (a bridge or implant can go there), and still named the same.
    h.get_by_label("Tooth 16");
}
