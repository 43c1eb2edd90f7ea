//! Saving and opening: Ctrl+S saves what is on screen, the in-app path window
//! works without a native dialog, and a file that cannot be read is a message.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use ferrule::gui::{Command, FerruleApp};
use ferrule::library::{self, load_treatment_plan};

use super::{harness, sample, shows, today};

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ferrule-gui-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn ctrl_s_while_typing_saves_the_typed_text() {
    let dir = temp_dir("ctrl-s");
    let path = dir.join("vega.ron");
    let (_, plan) = sample("buildup-crown-19.ron");
    let mut app = FerruleApp::new(library::sample(), None, Some((path.clone(), plan)), today());
    app.set_native_dialogs(false);
    let mut h = harness(app);
    h.get_by_label("Patient name").focus();
    h.run();
    h.get_by_label("Patient name").type_text(" Ruiz");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = load_treatment_plan(&path).unwrap();
    assert_eq!(saved.patient.name, "Marisol Vega Ruiz");
    assert!(!h.state().state.document.is_modified());
    assert_eq!(h.state().window_title(), "Ferrule — vega.ron");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn save_as_and_open_through_the_path_window() {
    let dir = temp_dir("path-window");
    let path = dir.join("new-patient.ron");
    let mut app = FerruleApp::new(library::sample(), None, None, today());
    app.set_native_dialogs(false);
    let mut h = harness(app);
    h.state_mut()
        .push(Command::Edit(ferrule::gui::Edit::PatientName(
            "Ada Lovelace".into(),
        )));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    // No native dialog here: the path window asks instead.
    h.get_by_label("File path").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Save here").click();
    h.run();
    assert_eq!(
        load_treatment_plan(&path).unwrap().patient.name,
        "Ada Lovelace"
    );
    assert_eq!(h.state().window_title(), "Ferrule — new-patient.ron");
    assert_eq!(h.state().prefs().recent.first(), Some(&path));

    // Start over, then open the saved file again by path.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().state.document.plan.patient.name, "");
    h.state_mut().push(Command::OpenPath(path.clone()));
    h.run();
    assert_eq!(h.state().state.document.plan.patient.name, "Ada Lovelace");
    assert_eq!(h.state().state.document.path.as_ref(), Some(&path));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_file_that_cannot_be_opened_is_a_message_not_a_crash() {
    let dir = temp_dir("bad-open");
    let path = dir.join("broken.ron");
    std::fs::write(&path, "TreatmentPlan(format: 1, patient: (").unwrap();
    let mut app = FerruleApp::new(library::sample(), None, None, today());
    app.set_native_dialogs(false);
    let mut h = harness(app);
    h.state_mut().push(Command::OpenPath(path.clone()));
    h.run();
    let message = h.state().state.message.clone().unwrap();
    assert!(message.is_error);
    assert!(
        message.text.starts_with("Could not open:"),
        "{}",
        message.text
    );
    assert!(shows(&h, &message.text));
    assert_eq!(h.state().state.document.path, None);
    std::fs::remove_dir_all(&dir).ok();
}
