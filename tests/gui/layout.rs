//! Issue 19, "a layout that never hides money": at 1024x700, 1280x800 and
//! 1920x1080 every row's fee, insurance, patient and status cells are inside the
//! window (the explanation panel starts closed on a narrow window, and the
//! staff-only amounts give way before those do).

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::FerruleApp;

use super::sample_app;

/// (row label, fee, payer, patient, status) of the sample's two lines.
const ROWS: [(&str, &str, &str, &str, &str); 2] = [
    ("Line 1: D2950", "365.00", "88.00", "138.00", "deductible"),
    (
        "Line 2: D2740",
        "1,540.00",
        "401.50",
        "553.50",
        "• downgraded",
    ),
];

/// The visible texts on the row of `label`, each with its right edge.
fn row_cells(h: &Harness<'_, FerruleApp>, label: &str) -> Vec<(String, f32)> {
    let row = h.get_by_label(label).rect();
    h.root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Label)
        .filter(|n| (n.rect().center().y - row.center().y).abs() < 2.0)
        .filter_map(|n| n.accesskit_node().value().map(|v| (v, n.rect().right())))
        .collect()
}

#[test]
fn money_and_status_stay_in_view_at_every_window_size() {
    for (width, height) in [(1024.0, 700.0), (1280.0, 800.0), (1920.0, 1080.0)] {
        let mut h = Harness::builder()
            .with_size(egui::vec2(width, height))
            .build_ui_state(
                |ui, app: &mut FerruleApp| app.ui(ui),
                sample_app("buildup-crown-19.ron"),
            );
        h.run();
        for (label, fee, payer, patient, status) in ROWS {
            let cells = row_cells(&h, label);
            for wanted in [fee, payer, patient, status] {
                let cell = cells.iter().find(|(text, _)| text == wanted);
                let Some((_, right)) = cell else {
                    panic!("{width}x{height}: {label}: {wanted} not shown in {cells:?}");
                };
                assert!(
                    *right <= width,
                    "{width}x{height}: {label}: {wanted} ends at {right}, outside the window"
                );
            }
        }
    }
}

#[test]
fn folding_the_patient_panel_gives_the_table_its_width() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .build_ui_state(
            |ui, app: &mut FerruleApp| app.ui(ui),
            sample_app("buildup-crown-19.ron"),
        );
    h.run();
    let code = |h: &Harness<'_, FerruleApp>| h.get_by_label("Line 1: D2950").rect();
    let fee_right = |h: &Harness<'_, FerruleApp>| {
        row_cells(h, "Line 1: D2950")
            .into_iter()
            .find(|(text, _)| text == "365.00")
            .map(|(_, right)| right)
            .unwrap()
    };
    let (open_left, open_span) = (code(&h).left(), fee_right(&h) - code(&h).left());
    assert!(h.query_by_label("Patient name").is_some());

    h.get_by_label("Close the patient panel").click();
    h.run();
    // The panel (262 px wide) is now a 30 px strip: the table starts over 200 px
    // further left, and the columns up to the fee are at least as wide as before.
    assert!(h.query_by_label("Patient name").is_none());
    let (closed_left, closed_span) = (code(&h).left(), fee_right(&h) - code(&h).left());
    assert!(
        open_left - closed_left > 200.0,
        "the table starts at {closed_left}, was {open_left}"
    );
    assert!(closed_span >= open_span, "{closed_span} < {open_span}");
    for (label, fee, payer, patient, status) in ROWS {
        let cells = row_cells(&h, label);
        for wanted in [fee, payer, patient, status] {
            let right = cells.iter().find(|(text, _)| text == wanted).map(|c| c.1);
            assert!(
                right.is_some_and(|r| r <= 1024.0),
                "{label}: {wanted}: {cells:?}"
            );
        }
    }

    h.get_by_label("Open the patient panel").click();
    h.run();
    assert!(h.query_by_label("Patient name").is_some());
    assert_eq!(code(&h).left(), open_left);
}

/// (row label, fee, primary, secondary, patient, status) of two lines of the
/// two-payer sample, whose status words are the longest of the samples.
const TWO_PAYERS: [(&str, &str, &str, &str, &str, &str); 2] = [
    (
        "Line 4: D2391",
        "220.00",
        "84.80",
        "24.00",
        "36.20",
        "• downgraded",
    ),
    (
        "Line 6: D2740",
        "1,540.00",
        "376.50",
        "32.50",
        "546.00",
        "• downgraded, deductible",
    ),
];

#[test]
fn two_payers_stay_in_view_zoomed_in_too() {
    // Zoomed in, a 1024-pixel window is 820 points wide at 125% and 683 at 150%:
    // the side panels fold and the description gives way; the money stays.
    let cases = [
        (1024.0, 700.0, 1.0),
        (1024.0, 700.0, 1.25),
        (1280.0, 800.0, 1.0),
        (1280.0, 800.0, 1.25),
        (1280.0, 800.0, 1.5),
        (1920.0, 1080.0, 1.0),
        (1920.0, 1080.0, 1.5),
        (2560.0, 1440.0, 1.0),
        (2560.0, 1440.0, 2.0),
    ];
    for (width, height, zoom) in cases {
        let mut h = Harness::builder()
            .with_size(egui::vec2(width, height))
            .build_ui_state(
                |ui, app: &mut FerruleApp| app.ui(ui),
                sample_app("rules-secondary.ron"),
            );
        h.ctx.set_zoom_factor(zoom);
        h.run();
        let points = width / zoom;
        for (label, fee, primary, secondary, patient, status) in TWO_PAYERS {
            bring_into_view(&mut h, label, points, height / zoom);
            let cells = row_cells(&h, label);
            for wanted in [fee, primary, secondary, patient, status] {
                let case = format!("{width}x{height} at {zoom}x: {label}: {wanted}");
                let cell = cells.iter().find(|(text, _)| text == wanted);
                let Some((_, right)) = cell else {
                    panic!("{case} not shown in {cells:?}");
                };
                assert!(*right <= points, "{case} ends at {right} of {points}");
            }
        }
    }
}

/// Scrolls the table down with the mouse wheel until the row labelled `label` is
/// drawn (rows out of view are not laid out at all).
fn bring_into_view(h: &mut Harness<'_, FerruleApp>, label: &str, width: f32, height: f32) {
    h.hover_at(egui::pos2(width * 0.6, height * 0.7));
    h.run_steps(4);
    for _ in 0..40 {
        if h.query_by_label(label).is_some() {
            return;
        }
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -60.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        // Scrolling animates (and shows a tooltip) over a few frames.
        h.run_steps(8);
    }
}
