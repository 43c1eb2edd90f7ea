//! Issue 16 item 6 in the app: figures typed under "Entered by staff" in the
//! details panel change the line's numbers, are marked in the table, and undo.

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::money::Cents;

use super::{harness, row_texts, sample_app};

const ALLOWED: &str = "Allowed fee entered by staff for Summit Dental PPO 1500";

fn c(text: &str) -> Cents {
    Cents::parse(text).unwrap()
}

/// staff-overrides.ron line 3, crown #9 in 2027 under Summit PPO: office 1,540.00,
/// contracted 955.00, deductible 50, major 50%: plan (955 - 50) x 50% = 452.50.
/// Typing 900.00 as the allowed fee: plan (900 - 50) x 50% = 425.00, write-off
/// 1540 - 900 = 640.00, patient 900 - 425 = 475.00. Then a write-off of 600.00:
/// patient 1540 - 600 - 425 = 515.00. Ctrl+Z takes the write-off back.
#[test]
fn typing_an_allowed_fee_and_a_write_off_changes_the_line() {
    let mut h = harness(sample_app("staff-overrides.ron"));
    h.get_by_label("Line 3: D2740").click();
    h.run();
    h.get_by_label("Entered by staff").click();
    h.run();
    type_into(&mut h, ALLOWED, "900.00");
    let cells = row_texts(&h, "Line 3: D2740");
    // The table (its allowed column is left out at this width) and the panel.
    for amount in ["640.00", "425.00", "475.00"] {
        assert!(
            cells.iter().any(|t| t == amount),
            "{amount} not in {cells:?}"
        );
    }
    assert!(
        super::shows(&h, "900.00"),
        "the panel shows the allowed fee"
    );
    let state = &h.state().state;
    let id = state.document.plan.options[0].visits[1].lines[0].id;
    let line = state.estimates.line(state.selected_option, id).unwrap();
    assert_eq!(
        (
            line.allowed,
            line.write_off,
            line.payers[0].pays,
            line.patient
        ),
        (c("900.00"), c("640.00"), c("425.00"), c("475.00"))
    );

    type_into(&mut h, "Write-off entered by staff", "600.00");
    let state = &h.state().state;
    let line = state.estimates.line(state.selected_option, id).unwrap();
    assert_eq!((line.write_off, line.patient), (c("600.00"), c("515.00")));
    let cells = row_texts(&h, "Line 3: D2740");
    assert!(cells.iter().any(|t| t == "515.00"), "{cells:?}");
    // The entered write-off is marked in the table.
    assert!(
        cells.iter().any(|t| t == "*"),
        "no entered mark in {cells:?}"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let state = &h.state().state;
    let line = state.estimates.line(state.selected_option, id).unwrap();
    assert_eq!((line.write_off, line.patient), (c("640.00"), c("475.00")));
}

/// A percentage that does not read changes nothing.
#[test]
fn a_bad_percentage_is_refused() {
    let mut h = harness(sample_app("staff-overrides.ron"));
    h.get_by_label("Line 3: D2740").click();
    h.run();
    h.get_by_label("Entered by staff").click();
    h.run();
    type_into(
        &mut h,
        "Coverage % entered by staff for Summit Dental PPO 1500",
        "150",
    );
    let line = &h.state().state.document.plan.options[0].visits[1].lines[0];
    assert!(line.overrides.is_empty());
}

fn type_into(h: &mut egui_kittest::Harness<'_, ferrule::gui::FerruleApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
}

/// Issue 16 item 7: with the practice settings sample's providers, the
/// provider-fees sample's extraction is the oral surgeon's (his fee 880.00, his
/// Summit contract 560.00: plan (560 - 50) x 80% = 408.00). Choosing "Default
/// provider" gives it the plan's provider, who has no schedules of her own: the
/// practice's 645.00 and Summit's 426.00: plan (426 - 50) x 80% = 300.80,
/// patient 426 - 300.80 = 125.20.
#[test]
fn choosing_a_lines_provider_reprices_it() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let settings =
        ferrule::library::practice::load(&root.join("assets/practice/providers.ron")).unwrap();
    let mut library = ferrule::library::sample();
    library.providers = settings.practice_providers();
    let mut app = ferrule::gui::FerruleApp::new(
        library,
        None,
        Some(super::sample("provider-fees.ron")),
        super::today(),
    );
    app.set_native_dialogs(false);
    let mut h = harness(app);
    h.get_by_label("Line 2: D7240").click();
    h.run();
    let fees = |h: &egui_kittest::Harness<'_, ferrule::gui::FerruleApp>| {
        let state = &h.state().state;
        let id = state.document.plan.options[0].visits[1].lines[0].id;
        let l = state.estimates.line(state.selected_option, id).unwrap();
        (l.fee, l.allowed, l.payers[0].pays, l.patient)
    };
    assert_eq!(
        fees(&h),
        (c("880.00"), c("560.00"), c("408.00"), c("152.00"))
    );
    let combo = h
        .get_all_by_label("Line provider")
        .find(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .unwrap();
    combo.click();
    h.run();
    h.get_by_label("Default provider").click();
    h.run();
    h.run();
    assert_eq!(
        h.state().state.document.plan.options[0].visits[1].lines[0].provider,
        None
    );
    assert_eq!(
        fees(&h),
        (c("645.00"), c("426.00"), c("300.80"), c("125.20"))
    );
    let cells = row_texts(&h, "Line 2: D7240");
    assert!(cells.iter().any(|t| t == "125.20"), "{cells:?}");
}

/// The patient's exception in the details panel: staff-overrides.ron's third
/// cleaning is allowed by a count of 3 (Summit allows 2): plan 101.00, patient 0.
/// Clearing the count denies it: the patient owes the contracted 101.00 (office
/// 140, write-off 39). Typing 3 again covers it again.
#[test]
fn clearing_and_typing_the_patients_frequency_exception() {
    let mut h = harness(sample_app("staff-overrides.ron"));
    h.get_by_label("Line 1: D1110").click();
    h.run();
    h.get_by_label("Entered by staff").click();
    h.run();
    let label = "Limit count for this patient for Summit Dental PPO 1500";
    let pays = |h: &egui_kittest::Harness<'_, ferrule::gui::FerruleApp>| {
        let state = &h.state().state;
        let id = state.document.plan.options[0].visits[0].lines[0].id;
        let l = state.estimates.line(state.selected_option, id).unwrap();
        (l.payers[0].pays, l.patient, l.write_off)
    };
    assert_eq!(pays(&h), (c("101.00"), c("0.00"), c("39.00")));
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.key_press(egui::Key::Backspace);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert!(
        h.state().state.document.plan.coverage[0]
            .exceptions
            .is_empty()
    );
    assert_eq!(pays(&h), (c("0.00"), c("101.00"), c("39.00")));
    type_into(&mut h, label, "3");
    assert_eq!(pays(&h), (c("101.00"), c("0.00"), c("39.00")));
    assert_eq!(
        h.state().state.document.plan.coverage[0].exceptions[0].frequency,
        Some(3)
    );
}
