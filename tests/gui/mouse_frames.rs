//! Issue 18 item 3: a mouse move over the app draws no more frames than egui
//! itself needs for a move (a bare window with one label, measured beside it), so
//! Ferrule adds no repaint of its own. egui needs three `run` steps per move here:
//! the frame the event arrives in, and two while the pointer settles. A move that
//! changes a row's hover highlight may take two more for the highlight's fade.

use egui::Pos2;
use egui_kittest::Harness;

use super::{harness, sample_app};

/// The frames a bare egui window draws for one mouse move.
fn bare_window_frames(at: Pos2) -> u64 {
    let mut bare = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui(|ui| {
            ui.label("nothing here");
        });
    bare.run();
    bare.hover_at(at);
    bare.run()
}

#[test]
fn a_mouse_move_over_still_places_draws_what_bare_egui_draws() {
    let floor = bare_window_frames(Pos2::new(640.0, 700.0));
    let mut h = harness(sample_app("family-checkup.ron"));
    // Below the table, the empty explanation panel, a patient-panel label, and
    // back: nothing under the pointer reacts to it.
    let points = [
        Pos2::new(640.0, 700.0),
        Pos2::new(1150.0, 400.0),
        Pos2::new(1150.0, 420.0),
        Pos2::new(60.0, 130.0),
        Pos2::new(641.0, 701.0),
    ];
    for (i, at) in points.into_iter().enumerate() {
        h.hover_at(at);
        let frames = h.run();
        assert!(
            frames <= floor,
            "move {} to {at:?} drew {frames} frames; bare egui draws {floor}",
            i + 1
        );
    }
}

#[test]
fn a_move_across_table_rows_settles_right_after_the_highlight() {
    let floor = bare_window_frames(Pos2::new(640.0, 700.0));
    let mut h = harness(sample_app("family-checkup.ron"));
    for (i, y) in [360.0, 380.0, 400.0, 420.0].into_iter().enumerate() {
        h.hover_at(Pos2::new(500.0, y));
        let frames = h.run();
        assert!(
            frames <= floor + 2,
            "move {} over the rows drew {frames} frames (bare egui {floor})",
            i + 1
        );
    }
}
