//! The app shell: undo/redo, unsaved-changes prompt, title, library problems, and
//! estimates that are only recomputed when something changed.

use egui::{Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::kittest::Queryable as _;
use ferrule::gui::{Command, Edit, FerruleApp, Pending};
use ferrule::library;

use super::{harness, sample_app, shows, today};

#[test]
fn typing_a_name_commits_once_on_enter() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    let field = h.get_by_label("Patient name");
    field.focus();
    h.run();
    h.get_by_label("Patient name").type_text(" Ruiz");
    h.run();
    // Nothing changes while typing.
    assert_eq!(h.state().state.document.plan.patient.name, "Marisol Vega");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().state.document.plan.patient.name,
        "Marisol Vega Ruiz"
    );
    assert!(h.state().state.history.can_undo());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.document.plan.patient.name, "Marisol Vega");
    assert!(
        !h.state().state.history.can_undo(),
        "typing was one undo step"
    );
}

#[test]
fn title_marks_unsaved_changes() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    assert_eq!(h.state().window_title(), "Ferrule — buildup-crown-19.ron");
    h.state_mut()
        .push(Command::Edit(Edit::PatientName("M. Vega".into())));
    h.run();
    assert_eq!(h.state().window_title(), "Ferrule — buildup-crown-19.ron*");
    // Undoing back to the saved state is not a change.
    h.state_mut().push(Command::Undo);
    h.run();
    assert_eq!(h.state().window_title(), "Ferrule — buildup-crown-19.ron");
}

fn request_close(h: &mut egui_kittest::Harness<'_, FerruleApp>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.run();
}

fn sent_close_command(
    h: &egui_kittest::Harness<'_, FerruleApp>,
    wanted: &egui::ViewportCommand,
) -> bool {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(wanted))
}

#[test]
fn closing_a_modified_document_asks_first() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    // Unmodified: the window may close without a question.
    request_close(&mut h);
    assert_eq!(h.state().prompt(), None);

    h.state_mut()
        .push(Command::Edit(Edit::PatientName("Someone Else".into())));
    h.run();
    request_close(&mut h);
    assert_eq!(h.state().prompt(), Some(&Pending::Quit));
    assert!(shows(&h, "Unsaved changes"));
    h.get_by_label("Save");
    h.get_by_label("Discard");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().prompt(), None);
    assert!(
        h.state().state.document.is_modified(),
        "cancel keeps the changes"
    );

    request_close(&mut h);
    h.get_by_label("Discard").click();
    h.step();
    assert!(sent_close_command(&h, &egui::ViewportCommand::Close));
}

#[test]
fn new_with_unsaved_changes_asks_first_then_starts_blank() {
    let mut h = harness(sample_app("gold-crown-30.ron"));
    h.state_mut()
        .push(Command::Edit(Edit::PatientName("Changed".into())));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().prompt(), Some(&Pending::New));
    h.get_by_label("Discard").click();
    h.run();
    let state = &h.state().state;
    assert_eq!(state.document.plan.patient.name, "");
    assert_eq!(state.document.path, None);
    assert!(!state.history.can_undo());
    assert!(shows(&h, "Enter the birth date"));
}

#[test]
fn broken_plan_file_is_listed_with_its_position() {
    let dir = std::env::temp_dir().join(format!("ferrule-gui-broken-{}", std::process::id()));
    let plans = dir.join("plans");
    let schedules = dir.join("fee-schedules");
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::create_dir_all(&schedules).unwrap();
    let source =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fee-schedules/office-2026.ron");
    std::fs::copy(source, schedules.join("office-2026.ron")).unwrap();
    std::fs::write(
        plans.join("x.ron"),
        "PlanRules(\n    format: 1,\n    id: ,\n)\n",
    )
    .unwrap();
    let library = library::load_dir(&dir);
    assert!(!library.problems.is_empty(), "the broken file is a problem");
    let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    let mut app = FerruleApp::new(library, Some(dir.clone()), None, today());
    app.set_native_dialogs(false);
    let h = super::harness(app);
    for problem in &problems {
        assert!(problem.contains("x.ron:"), "{problem}");
        assert!(shows(&h, problem), "problem not shown: {problem}");
    }
    assert!(shows(&h, "Library problems (1): these files were skipped"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn estimates_are_not_recomputed_every_frame() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    let before = h.state().state.estimates.computed;
    for _ in 0..5 {
        h.step();
    }
    assert_eq!(h.state().state.estimates.computed, before);
    h.state_mut()
        .push(Command::Edit(Edit::PatientName("A. Vega".into())));
    h.run();
    assert_eq!(h.state().state.estimates.computed, before + 1);
}

#[test]
fn switching_options_shows_the_other_option() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    assert!(h.query_by_label("Line 2: D2740").is_some());
    h.get_by_label("Option: Gold crown").click();
    h.run();
    assert_eq!(
        h.state().state.selected_option,
        h.state().state.document.plan.options[1].id
    );
    assert!(h.query_by_label("Line 2: D2740").is_none());
    h.get_by_label("Line 2: D2790");
}

#[test]
fn the_main_window_says_the_numbers_are_an_estimate() {
    // Seed rule GE5: the statement is on screen, not only on paper.
    let h = harness(sample_app("buildup-crown-19.ron"));
    assert!(shows(
        &h,
        "This is an estimate, not a guarantee of payment."
    ));
}
