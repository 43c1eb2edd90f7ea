//! Printing from the compare view and the printer controls: the compare view's
//! "Print…" opens the preview on the options handout; the first print asks for
//! the practice's details, and "Later" stops the asking on this workstation;
//! copies and paper are remembered in the app's preferences.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use ferrule::gui::print::Practice;
use ferrule::report::printed::lang::{Language, Msg};

use super::{harness, sample_app};

fn temp_settings(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ferrule-gui-{test}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    dir.join("ferrule").join("practice.ron")
}

#[test]
fn the_compare_views_print_button_previews_every_option_side_by_side() {
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_practice(Practice::default());
    let mut h = harness(app);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Print…").click();
    h.run();
    let preview = h.state().print_preview();
    assert!(preview.open && preview.handout);
    let layout = preview.layout().expect("a layout");
    let first = layout.page_text(0);
    assert!(
        first.contains(&Msg::SideBySide.text(Language::English)),
        "{first:?}"
    );
    assert!(first.contains(&"Porcelain crown") && first.contains(&"Gold crown"));
    // Summary page, then each option's one-page estimate.
    assert_eq!(layout.pages.len(), 3);
    assert!(first.contains(&"Page 1 of 3"), "{first:?}");
    assert!(
        layout
            .page_text(2)
            .contains(&"Planned treatment: Gold crown")
    );
    assert!(
        h.query_by_label("Treatment options for Marisol Vega")
            .is_some()
    );
}

#[test]
fn the_first_print_asks_for_the_practice_and_later_stops_asking() {
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_practice(Practice::load_from(temp_settings("first-print")));
    let mut h = harness(app);
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(h.state().print_preview().open);
    assert!(h.query_by_label("Practice name").is_some(), "asked");
    h.get_by_label("Later").click();
    h.run();
    assert!(h.query_by_label("Practice name").is_none(), "closed");
    assert!(h.state().prefs().practice_later);
    // Printing again does not ask.
    h.get_by_label("Close").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(h.state().print_preview().open);
    assert!(
        h.query_by_label("Practice name").is_none(),
        "not asked again"
    );
}

#[test]
fn copies_and_paper_are_remembered_for_this_workstation() {
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_practice(Practice::default());
    let mut h = harness(app);
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert_eq!(h.state().print_preview().copies, 1);
    h.get_by_label("Number of copies").set_value_accesskit(3.0);
    h.run();
    h.get_by_label("A4").click();
    h.run();
    let printing = &h.state().prefs().printing;
    assert_eq!(printing.copies, 3);
    assert_eq!(printing.paper, ferrule::export::Paper::A4);
    // The next preview starts from them.
    h.get_by_label("Close").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert_eq!(h.state().print_preview().copies, 3);
    assert_eq!(h.state().print_preview().paper, ferrule::export::Paper::A4);
}

#[test]
fn the_patients_language_prints_spanish_and_the_preview_can_switch_this_print() {
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_practice(Practice::default());
    let mut h = harness(app);
    // The patient panel's choice is a document edit (one undo step).
    h.get_by_label("Language of printed papers").click();
    h.run();
    h.get_by_label("Español").click();
    h.run();
    assert_eq!(
        h.state().state.document.plan.patient.language,
        Some(Language::Spanish)
    );
    assert!(h.state().state.history.can_undo());
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    let text = h
        .state()
        .print_preview()
        .layout()
        .unwrap()
        .page_text(0)
        .join("\n");
    assert!(text.contains("Presupuesto de tratamiento"), "{text}");
    assert!(text.contains("Su total aproximado"), "{text}");
    // This print only: English, the patient's choice stays Spanish.
    h.get_by_label("English").click();
    h.run();
    let text = h
        .state()
        .print_preview()
        .layout()
        .unwrap()
        .page_text(0)
        .join("\n");
    assert!(text.contains("Your estimated total"), "{text}");
    assert_eq!(
        h.state().state.document.plan.patient.language,
        Some(Language::Spanish)
    );
}
