//! Printing: Ctrl+P opens a preview of the export module's layout, and "Save PDF…"
//! writes the PDF through the in-app path window when there is no native dialog.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use ferrule::gui::print::Practice;

use super::{harness, sample_app, shows};

#[test]
fn ctrl_p_previews_the_estimate_and_saves_a_pdf() {
    let mut app = sample_app("buildup-crown-19.ron");
    // The default practice details, not whatever the machine's settings file says.
    app.set_practice(Practice::default());
    let mut h = harness(app);
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(h.state().print_preview().open);
    assert!(shows(&h, "Page 1 of 1"));
    assert!(shows(&h, "Estimate for Marisol Vega · Porcelain crown"));
    let layout = h.state().print_preview().layout().unwrap();
    assert!(
        layout
            .page_text(0)
            .iter()
            .any(|t| t.contains("Marisol Vega")),
        "{:?}",
        layout.page_text(0)
    );
    let letter_height = layout.height;

    // A4 lays it out again.
    h.get_by_label("A4").click();
    h.run();
    assert_ne!(
        h.state().print_preview().layout().unwrap().height,
        letter_height
    );

    let dir = std::env::temp_dir().join(format!("ferrule-gui-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("vega-estimate.pdf");
    h.get_by_label("Save PDF…").click();
    h.run();
    h.get_by_label("File path").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Save PDF here").click();
    h.run();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let message = h.state().state.message.clone().unwrap();
    assert!(!message.is_error, "{}", message.text);
    std::fs::remove_dir_all(&dir).ok();

    h.get_by_label("Close").click();
    h.run();
    assert!(!h.state().print_preview().open);
}

#[test]
fn the_file_menu_opens_the_preview() {
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_practice(Practice::default());
    let mut h = harness(app);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Print… Ctrl+P").click();
    h.run();
    assert!(shows(&h, "Page 1 of 1"));
}
