//! `cargo bench`: how long the engine takes on the shipped samples and on a large
//! generated plan. Plain timing loop (no extra crates); numbers are printed, never
//! asserted.
#![allow(clippy::disallowed_methods, reason = "a bench reads the clock to time")]

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use ferrule::engine::{self, EstimateInput};
use ferrule::library::{self, load_treatment_plan};
use ferrule::model::Library;

mod common;
use common::generated_plan;

fn time(label: &str, iterations: u32, mut f: impl FnMut()) {
    f(); // warm up
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    let per = start.elapsed() / iterations;
    println!("{label:<48} {per:>12.2?} per estimate ({iterations} runs)");
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let start = Instant::now();
    let library = library::load_dir(root);
    println!(
        "{:<48} {:>12.2?}",
        "load the shipped library",
        start.elapsed()
    );
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let mut samples: Vec<_> = std::fs::read_dir(root.join("assets/samples"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    samples.sort();
    for path in &samples {
        let Ok(doc) = load_treatment_plan(path) else {
            continue;
        };
        let Ok(input) = EstimateInput::from_document(&library, &doc, None, as_of) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        time(&name, 2_000, || {
            black_box(engine::estimate(black_box(&input)));
        });
    }
    // A 120-line plan: every line of the frequency sample repeated across 12 visits.
    if let Ok(mut doc) = load_treatment_plan(&root.join("assets/samples/rules-bundling.ron"))
        && let Some(option) = doc.options.first_mut()
    {
        let template = option.visits.clone();
        let mut id = 100;
        for month in 0..12u32 {
            for visit in &template {
                let mut v = visit.clone();
                id += 1;
                v.id = ferrule::model::VisitId(id);
                v.date = v
                    .date
                    .checked_add_months(chrono::Months::new(month))
                    .unwrap_or(v.date);
                for line in &mut v.lines {
                    line.completed_at = None;
                }
                option.visits.push(v);
            }
        }
        // The copied lines share ids with their originals: give them their own.
        for line in option.visits.iter_mut().flat_map(|v| v.lines.iter_mut()) {
            line.id = ferrule::model::LineId::default();
        }
        let lines: usize = option.visits.iter().map(|v| v.lines.len()).sum();
        doc.assign_ids();
        if let Ok(input) = EstimateInput::from_document(&library, &doc, None, as_of) {
            time(&format!("generated plan, {lines} lines"), 200, || {
                black_box(engine::estimate(black_box(&input)));
            });
        }
    }
    compare_at_scale(&library, root, as_of);
}

/// `ferrule compare` work (two options under the patient's coverage) as plans grow:
/// it should grow about linearly with the number of lines.
fn compare_at_scale(library: &Library, root: &Path, as_of: chrono::NaiveDate) {
    for lines in [1_000, 3_000, 10_000] {
        let Some(doc) = generated_plan(root, lines) else {
            continue;
        };
        let Ok(scenarios) = engine::scenarios_for(&doc, &[], &[], as_of) else {
            continue;
        };
        if let Ok(input) = EstimateInput::from_document(library, &doc, None, as_of) {
            time(&format!("estimate one option, {lines} lines"), 3, || {
                black_box(engine::estimate(black_box(&input)));
            });
        }
        time(&format!("compare 2 options x {lines} lines"), 3, || {
            black_box(engine::compare(library, &doc, &scenarios, as_of).ok());
        });
    }
}
