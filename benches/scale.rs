//! `cargo bench --bench scale`: issue 18's shapes of input. The engine on a
//! two-PPO patient as lines, history and payers grow; compare over 3 options x 10
//! plans; loading a library of 500 and 5,000 plans; printing a 60-line estimate.
//! Each case prints the median of several timed batches; nothing is asserted.
#![allow(clippy::disallowed_methods, reason = "a bench reads the clock to time")]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use ferrule::engine::{self, EstimateInput};
use ferrule::export::{self, Paper, Printout};
use ferrule::library;
use ferrule::model::practice::PracticeSettings;
use ferrule::model::{Library, TreatmentPlan};
use ferrule::report::PrintedEstimate;

mod common;
use common::{generated_library, shaped_plan};

/// Batches timed per case; the median batch is reported.
const BATCHES: usize = 11;

/// Runs `f` in batches of about 20 ms and returns the median time of one run.
fn median(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    f(); // warm up, and a first guess of the cost
    let once = start.elapsed().max(Duration::from_nanos(100));
    let per_batch =
        u32::try_from(Duration::from_millis(20).as_nanos() / once.as_nanos()).unwrap_or(1);
    let per_batch = per_batch.clamp(1, 100_000);
    let mut times: Vec<Duration> = (0..BATCHES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed() / per_batch
        })
        .collect();
    times.sort();
    times.get(BATCHES / 2).copied().unwrap_or_default()
}

/// `cargo bench --bench scale -- WORDS`: only the cases whose label holds WORDS
/// (for a profiler); no words, every case.
fn wanted(label: &str) -> bool {
    let words: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    words.is_empty() || words.iter().any(|w| label.contains(w.as_str()))
}

fn report(label: &str, time: Duration, per: Option<(usize, &str)>) {
    match per {
        Some((n, unit)) if n > 0 => {
            let each = time / u32::try_from(n).unwrap_or(1);
            println!("{label:<52} {time:>12.2?}   {each:>10.2?} per {unit}");
        }
        _ => println!("{label:<52} {time:>12.2?}"),
    }
}

fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn estimate_case(library: &Library, lines: usize, payers: usize, history: usize) {
    let label = format!("estimate {lines} lines, {payers} payers, {history} history");
    if !wanted(&label) {
        return;
    }
    let Some(doc) = shaped_plan(root(), lines, payers, history, 1) else {
        println!("could not build {lines} lines x {payers} payers x {history} history");
        return;
    };
    let Ok(input) = EstimateInput::from_document(library, &doc, None, as_of()) else {
        println!("could not set up {lines} lines x {payers} payers x {history} history");
        return;
    };
    let time = median(|| {
        black_box(engine::estimate(black_box(&input)));
    });
    report(&label, time, Some((lines, "line")));
}

fn compare_case(library: &Library, lines: usize) {
    let label = format!("compare 3 options x 10 plans, {lines} lines");
    if !wanted(&label) {
        return;
    }
    let Some(doc) = shaped_plan(root(), lines, 2, 300, 3) else {
        return;
    };
    let mut ids: Vec<String> = library.plans.keys().cloned().collect();
    ids.sort();
    ids.truncate(10);
    let Ok(scenarios) = engine::scenarios_for(&doc, &[], &ids, as_of()) else {
        println!("could not set up the compare at {lines} lines");
        return;
    };
    let time = median(|| {
        black_box(engine::compare(library, &doc, &scenarios, as_of()).ok());
    });
    let cells = lines * scenarios.len();
    report(&label, time, Some((cells, "line x scenario")));
}

fn library_case(plans: usize) {
    if !wanted(&format!("load a library of {plans} plans")) {
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-library-{plans}"));
    let shipped = std::fs::read_dir(root().join("plans")).map_or(0, |d| {
        d.filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
            .count()
    });
    if let Err(e) = generated_library(root(), &dir, plans.saturating_sub(shipped)) {
        println!("could not write the library of {plans} plans: {e}");
        return;
    }
    let mut loaded = 0;
    let time = median(|| {
        let library = library::load_dir(black_box(&dir));
        loaded = library.plans.len();
    });
    report(
        &format!("load a library of {loaded} plans"),
        time,
        Some((loaded, "plan")),
    );
}

fn pdf_case(library: &Library, doc: &TreatmentPlan) {
    let Ok(input) = EstimateInput::from_document(library, doc, None, as_of()) else {
        return;
    };
    let settings = PracticeSettings::default();
    let mut bytes = 0;
    let time = median(|| {
        let estimate = engine::estimate(&input);
        let printed =
            PrintedEstimate::new(&settings, doc, library, input.option, &estimate, as_of());
        let pdf = export::estimate_pdf(&Printout::new(printed, None), Paper::Letter);
        bytes = pdf.map_or(0, |p| p.len());
    });
    let lines = input
        .option
        .visits
        .iter()
        .map(|v| v.lines.len())
        .sum::<usize>();
    report(
        &format!("estimate and PDF, {lines} lines ({bytes} bytes)"),
        time,
        None,
    );
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn main() {
    let library = library::load_dir(root());
    for lines in [10, 40, 160, 640] {
        estimate_case(&library, lines, 2, 300);
    }
    for history in [0, 300, 3_000] {
        estimate_case(&library, 40, 2, history);
    }
    for payers in [1, 3] {
        estimate_case(&library, 40, payers, 300);
    }
    compare_case(&library, 40);
    compare_case(&library, 160);
    library_case(500);
    library_case(5_000);
    if wanted("estimate and PDF")
        && let Some(doc) = shaped_plan(root(), 60, 2, 300, 1)
    {
        pdf_case(&library, &doc);
    }
}
