//! "Why this number": a selected line's steps as the report's sentences.

use egui_kittest::kittest::Queryable as _;
use ferrule::engine::{self, EstimateInput, Flag};
use ferrule::library;

use super::{harness, sample, sample_app, shows, today};

#[test]
fn downgraded_crown_explains_itself() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    assert!(shows(
        &h,
        "Select a line to see how its amounts were worked out."
    ));
    h.get_by_label("Line 2: D2740").click();
    h.run();

    let library = library::sample();
    let (_, plan) = sample("buildup-crown-19.ron");
    let input = EstimateInput::from_document(&library, &plan, None, today()).unwrap();
    let estimate = engine::estimate(&input);
    let line = estimate.lines.iter().find(|l| l.number == 2).unwrap();
    assert!(
        line.flags.contains(&Flag::Downgraded),
        "the sample is downgraded"
    );
    assert!(!line.steps.is_empty());
    for step in &line.steps {
        let sentence = ferrule::report::sentence(step);
        assert!(shows(&h, &sentence), "missing sentence: {sentence}");
    }
    // The status is a word, not only a colour: in the table and as a badge.
    assert!(shows(&h, "• downgraded"));
    assert!(!shows(
        &h,
        "Select a line to see how its amounts were worked out."
    ));
}

#[test]
fn coding_notes_show_with_the_line_and_the_fee_can_be_overridden() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Line 1: D2950").click();
    h.run();
    let (_, plan) = sample("buildup-crown-19.ron");
    let checks = library::sample().coding.checks;
    let notes = ferrule::engine::coding::check(
        &checks,
        &plan.options[0],
        &plan.patient,
        Default::default(),
    );
    let buildup = plan.options[0].visits[0].lines[0].id;
    let mine: Vec<_> = notes.iter().filter(|n| n.line == buildup).collect();
    assert!(!mine.is_empty(), "the sample's buildup has coding notes");
    for note in mine {
        assert!(shows(&h, &note.message), "missing note: {}", note.message);
    }

    h.get_by_label("Line fee override").focus();
    h.run();
    h.get_by_label("Line fee override").type_text("150.00");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let fee = ferrule::money::Cents::parse("150.00").unwrap();
    let line = &h.state().state.document.plan.options[0].visits[0].lines[0];
    assert_eq!(line.fee, Some(fee));
    let state = &h.state().state;
    assert_eq!(
        state
            .estimates
            .line(state.selected_option, line.id)
            .unwrap()
            .fee,
        fee
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().state.document.plan.options[0].visits[0].lines[0].fee,
        None
    );
}
