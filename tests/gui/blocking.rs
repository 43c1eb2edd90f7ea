//! Issue 12, "problems that can change a number block the number", in the app:
//! the line is marked where its numbers are, the problem is listed, and neither
//! printing nor comparing shows numbers until it is fixed.

use std::path::Path;

use egui::{Key, Modifiers};
use ferrule::gui::print::Practice;
use ferrule::gui::{Command, Edit, FerruleApp};
use ferrule::library;

use super::{harness, row_texts, shows, today};

fn app_with(file: &str) -> FerruleApp {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/blocking")
        .join(file);
    let plan = library::load_treatment_plan(&path).unwrap();
    let mut app = FerruleApp::new(library::sample(), None, Some((path, plan)), today());
    app.set_native_dialogs(false);
    app.set_practice(Practice::default());
    app
}

#[test]
fn a_crown_without_a_tooth_is_marked_and_blocks_printing_and_comparing() {
    let mut h = harness(app_with("crown-without-tooth.ron"));
    assert!(h.state().state.estimates.blocked());
    // Marked on the line and listed below.
    assert!(
        shows(&h, "× D2740: needs a tooth"),
        "the row shows the problem"
    );
    // No amount is shown while a problem would change it: not the crown's, not the totals.
    let row = row_texts(&h, "Line 2: D2740");
    assert!(!row.iter().any(|t| t == "1,540.00"), "{row:?}");
    assert!(row.iter().any(|t| t == "—"), "{row:?}");
    assert!(shows(
        &h,
        "No amounts until the problems listed below are fixed: they would change the numbers."
    ));
    assert!(shows(
        &h,
        "Treatment plan problems (1 to fix before the estimate can be printed or compared)"
    ));

    // Printing shows the reason, not an estimate.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(h.state().print_preview().layout().is_none());
    let reason = format!("Cannot print this option: {}", ferrule::gui::print::BLOCKED);
    assert!(shows(&h, &reason));
    h.state_mut().push(Command::ClosePrint);
    h.run();

    // Comparing too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(shows(
        &h,
        "This plan has problems that change the numbers (marked × in the table and listed below): fix them before comparing."
    ));
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();

    // Removing the line fixes it: the estimate prints again.
    let line = h.state().state.document.plan.options[0].visits[0].lines[1].id;
    h.state_mut().push(Command::Edit(Edit::RemoveLine(line)));
    h.run();
    assert!(!h.state().state.estimates.blocked());
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert!(h.state().print_preview().layout().is_some());
}
