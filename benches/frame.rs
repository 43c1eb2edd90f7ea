//! `cargo bench --bench frame`: CPU time of one frame of the real app (layout of
//! every panel, through egui_kittest without a GPU) with 200 and 2,000 treatment
//! lines, scrolled to the top and to the middle. Medians are printed, never
//! asserted (docs/performance.md keeps the numbers).
#![allow(clippy::disallowed_methods, reason = "a bench reads the clock to time")]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use ferrule::gui::FerruleApp;
use ferrule::library;

mod common;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let library = library::load_dir(root);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    for lines in [200, 2_000] {
        // The generated plan has the option twice; the app shows the first.
        let Some(doc) = common::generated_plan(root, lines) else {
            continue;
        };
        let path = root.join("generated.ron");
        let mut app = FerruleApp::new(library.clone(), None, Some((path, doc)), today);
        app.set_native_dialogs(false);
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_ui_state(|ui, app: &mut FerruleApp| app.ui(ui), app);
        h.run();
        let frames = if lines > 1_000 { 15 } else { 40 };
        let mut samples = Vec::new();
        for _ in 0..frames {
            let start = Instant::now();
            h.step();
            samples.push(start.elapsed());
            black_box(h.output());
        }
        println!(
            "{:<48} {:>12.2?} median per frame ({frames} frames)",
            format!("app frame, {lines} lines, 1280x800"),
            median(samples)
        );
    }
}
