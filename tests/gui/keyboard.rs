//! The keyboard: Escape closes the window on top (one per press; in a text field it
//! first only leaves the field), and Help > "Keyboard shortcuts" lists the
//! shortcuts from the command list.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::FerruleApp;
use ferrule::gui::command::Command;
use ferrule::gui::panels::keyboard::shortcut_rows;
use ferrule::gui::print::Practice;

use super::{harness, sample_app, shows};

fn app() -> Harness<'static, FerruleApp> {
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_practice(Practice::default());
    harness(app)
}

fn escape(h: &mut Harness<'static, FerruleApp>) {
    h.key_press(Key::Escape);
    h.run();
}

fn practice_open(h: &Harness<'static, FerruleApp>) -> bool {
    h.query_by_role_and_label(Role::TextInput, "Practice name")
        .is_some()
}

/// The texts of the labels on the same row as the label showing `text`.
fn same_row(h: &Harness<'static, FerruleApp>, text: &str) -> Vec<String> {
    let y = h.query_all_by_value(text).next().unwrap().rect().center().y;
    h.root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Label)
        .filter(|n| n.accesskit_node().bounding_box().is_some())
        .filter(|n| (n.rect().center().y - y).abs() < 2.0)
        .filter_map(|n| n.accesskit_node().value())
        .collect()
}

#[test]
fn escape_closes_the_print_preview() {
    let mut h = app();
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(h.state().print_preview().open);
    escape(&mut h);
    assert!(!h.state().print_preview().open);
}

#[test]
fn escape_closes_the_practice_window_after_leaving_its_field() {
    let mut h = app();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Practice settings…").click();
    h.run();
    assert!(practice_open(&h));
    escape(&mut h);
    assert!(!practice_open(&h));

    // In a field, the first Escape only leaves the field.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Practice settings…").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Practice name")
        .focus();
    h.run();
    escape(&mut h);
    assert!(practice_open(&h));
    escape(&mut h);
    assert!(!practice_open(&h));
}

#[test]
fn escape_answers_the_unsaved_prompt_with_cancel() {
    let mut h = app();
    h.state_mut()
        .push(Command::Edit(ferrule::model::Edit::PatientName(
            "Ada Lind".into(),
        )));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().prompt().is_some());
    escape(&mut h);
    assert!(h.state().prompt().is_none());
    assert_eq!(h.state().state.document.plan.patient.name, "Ada Lind");
}

#[test]
fn the_keyboard_window_lists_the_commands_with_their_keys() {
    // Every command with a shortcut is in the window's list.
    for command in Command::with_shortcuts() {
        assert!(Command::keyboard_list().contains(&command), "{command:?}");
    }
    let mut h = app();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Keyboard shortcuts").click();
    h.run();

    let rows = shortcut_rows(&h.ctx);
    let texts: Vec<(&str, &str)> = rows.iter().map(|(l, k)| (*l, k.as_str())).collect();
    assert_eq!(
        texts,
        vec![
            ("New", "Ctrl+N"),
            ("Open…", "Ctrl+O"),
            ("Patients…", "Ctrl+F"),
            ("Save", "Ctrl+S"),
            ("Save as…", "Ctrl+Shift+S"),
            ("Print…", "Ctrl+P"),
            ("Import eligibility…", "Ctrl+I"),
            ("Quit", "Ctrl+Q"),
            ("Undo", "Ctrl+Z"),
            ("Redo", "Ctrl+Shift+Z"),
            ("Compare side by side", "Ctrl+K"),
            ("Type lines (quick entry)", "Ctrl+L"),
            ("Select the next line", "Down"),
            ("Select the line above", "Up"),
            ("Delete the selected line", "Delete / Backspace"),
            ("Mark the selected line completed", "Ctrl+Enter"),
            ("Zoom in", "Ctrl +"),
            ("Zoom out", "Ctrl -"),
            ("Reset zoom", "Ctrl 0"),
        ]
    );
    // Each shows as one row of the window: what it does, then its keys.
    for (label, keys) in &texts {
        let row = same_row(&h, keys);
        assert!(
            row.contains(&label.trim_end_matches('…').to_string()),
            "{keys}: {row:?}"
        );
    }
    // (Labels of the panel behind the window may share the row.)
    let save = same_row(&h, "Ctrl+S");
    assert!(
        save.ends_with(&["Save".into(), "Ctrl+S".into()]),
        "{save:?}"
    );
    assert!(shows(&h, "Escape"));

    escape(&mut h);
    assert!(!shows(&h, "Ctrl+Shift+S"));
}
