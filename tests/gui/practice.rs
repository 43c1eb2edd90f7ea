//! Practice settings: File > "Practice settings…" edits the practice details
//! printed on estimates, saves them to the settings file (never to the document or
//! its undo history) and the print preview uses them at once.

use std::path::PathBuf;

use chrono::Days;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::FerruleApp;
use ferrule::gui::print::Practice;
use ferrule::library::practice;
use ferrule::model::practice::DEFAULT_NAME;
use ferrule::report::fmt::long_date;

use ferrule::gui::panels::practice::FIRST_PRINT;

use super::{harness, sample_app, shows, today};

/// A fresh temporary folder for one test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ferrule-gui-{test}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The sample app printing with the settings kept at `path` (not the machine's).
fn app_with_settings_at(path: PathBuf) -> Harness<'static, FerruleApp> {
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_practice(Practice::load_from(path));
    harness(app)
}

/// True while the practice settings window shows its fields.
fn window_open(h: &Harness<'static, FerruleApp>) -> bool {
    h.query_by_label("Practice name").is_some()
}

fn open_window(h: &mut Harness<'static, FerruleApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Practice settings…").click();
    h.run();
    assert!(window_open(h), "the window is open");
}

/// Replaces the text of the field labelled `label`.
fn type_into(h: &mut Harness<'static, FerruleApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

fn page_text(h: &Harness<'static, FerruleApp>) -> Vec<String> {
    let layout = h.state().print_preview().layout().expect("a layout");
    layout
        .page_text(0)
        .into_iter()
        .map(str::to_string)
        .collect()
}

#[test]
fn saved_practice_settings_reach_the_file_and_the_print_preview() {
    let dir = temp_dir("practice-save");
    let path = dir.join("ferrule").join("practice.ron");
    let mut h = app_with_settings_at(path.clone());

    // The preview is open before the change, with the default practice.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(page_text(&h).iter().any(|t| t.contains(DEFAULT_NAME)));
    let computed = h.state().print_preview().computed;

    // The first print asks for the practice's details (they can be saved here).
    assert!(window_open(&h), "the first print opens the practice window");
    assert!(shows(&h, FIRST_PRINT));
    type_into(&mut h, "Practice name", "Bright Smiles Dental");
    h.get_by_label("Valid for (days):")
        .set_value_accesskit(30.0);
    h.run();
    h.get_by_label("Save").click();
    h.run();

    // The file re-loads with the new values; nothing became an undo step.
    let saved = practice::load(&path).unwrap();
    assert_eq!(saved.name, "Bright Smiles Dental");
    assert_eq!(saved.validity_days, 30);
    assert!(!h.state().state.history.can_undo());
    assert!(!h.state().state.document.is_modified());
    let message = h.state().state.message.clone().unwrap();
    assert!(!message.is_error, "{}", message.text);
    assert!(
        message.text.contains("practice settings"),
        "{}",
        message.text
    );
    assert!(!window_open(&h), "the window closed");

    // The open preview was laid out again with the new details.
    assert!(h.state().print_preview().computed > computed);
    let valid_until = long_date(today().checked_add_days(Days::new(30)).unwrap());
    let text = page_text(&h);
    assert!(
        text.iter().any(|t| t.contains("Bright Smiles Dental")),
        "{text:?}"
    );
    assert!(text.iter().any(|t| t.contains(&valid_until)), "{text:?}");

    // And so is a preview opened afresh with Ctrl+P.
    h.get_by_label("Close").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(h.state().print_preview().open);
    let text = page_text(&h);
    assert!(
        text.iter().any(|t| t.contains("Bright Smiles Dental")),
        "{text:?}"
    );
    assert!(text.iter().any(|t| t.contains(&valid_until)), "{text:?}");
    assert!(!text.iter().any(|t| t.contains(DEFAULT_NAME)), "{text:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cancel_discards_the_typing() {
    let dir = temp_dir("practice-cancel");
    let path = dir.join("practice.ron");
    let mut h = app_with_settings_at(path.clone());
    open_window(&mut h);
    type_into(&mut h, "Practice name", "Not kept");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!path.exists(), "nothing was written");
    assert!(!window_open(&h));

    // Opening again shows the settings as they were.
    open_window(&mut h);
    let name = h.get_by_label("Practice name");
    assert_eq!(name.accesskit_node().value().as_deref(), Some(DEFAULT_NAME));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_save_error_shows_in_the_window() {
    let dir = temp_dir("practice-error");
    // A file where the settings folder should be: the folder cannot be made.
    let blocker = dir.join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let path = blocker.join("practice.ron");
    let mut h = app_with_settings_at(path.clone());
    open_window(&mut h);
    type_into(&mut h, "Practice name", "Bright Smiles Dental");
    h.get_by_label("Save").click();
    h.run();
    assert!(!path.exists());
    assert!(window_open(&h), "the window stays open");
    assert!(
        h.query_by_label_contains("Not saved: cannot save the practice settings")
            .is_some()
    );
    // The practice printed is unchanged.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(page_text(&h).iter().any(|t| t.contains(DEFAULT_NAME)));
    std::fs::remove_dir_all(&dir).ok();
}
