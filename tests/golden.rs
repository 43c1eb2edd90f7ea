//! Golden files: every report Ferrule prints, for every sample treatment plan, pinned
//! as text under `tests/golden/<sample>/`. They were written before the view-model
//! refactor and read by eye once; any change to a printed number or word shows up as
//! a diff here.
//!
//! - `table.txt`: `ferrule estimate` per option (the real binary)
//! - `explain.txt`: `ferrule estimate --explain` per option
//! - `json.txt`: `ferrule estimate --format json` per option
//! - `compare.txt`: `ferrule compare` (every option under the patient's coverage)
//! - `pdf.txt`: the text of every printed page per option, read from the page layout
//!   in process (no external tool, so it can never be skipped)
//!
//! To rewrite them after a deliberate change: `FERRULE_UPDATE_GOLDEN=1 cargo test golden`,
//! then read the diff before committing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use ferrule::engine::{self, EstimateInput};
use ferrule::export::{Paper, Printout, layout_estimate};
use ferrule::library;
use ferrule::model::{Library, PracticeSettings};
use ferrule::report::PrintedEstimate;

const AS_OF: &str = "2026-11-23";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("assets/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// Runs the real binary against the shipped library, with an empty private home;
/// stdout, with the exit code
/// appended when it is not 0 and stderr when there is any.
fn ferrule(args: &[&str]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ferrule"));
    command
        .args(args)
        .args(["--library", ".", "--as-of", AS_OF])
        .current_dir(root());
    // The developer's own practice settings must not change a golden.
    let _home = super::util::private_home(&mut command);
    let out = command.output().expect("run ferrule");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    let code = out.status.code().unwrap_or(-1);
    if code != 0 {
        let _ = writeln!(text, "[exit {code}]");
    }
    if !out.stderr.is_empty() {
        let _ = writeln!(text, "[stderr]\n{}", String::from_utf8_lossy(&out.stderr));
    }
    text
}

/// Compares `actual` with the golden file, or rewrites it under the update flag.
fn check(failures: &mut Vec<String>, path: &Path, actual: &str) {
    if std::env::var_os("FERRULE_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    match std::fs::read_to_string(path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => {
            let first = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
            failures.push(format!(
                "{}: differs from line {}:\n  expected: {:?}\n  actual:   {:?}",
                path.display(),
                first + 1,
                expected.lines().nth(first).unwrap_or("<end>"),
                actual.lines().nth(first).unwrap_or("<end>"),
            ));
        }
        Err(e) => failures.push(format!("{}: {e}", path.display())),
    }
}

fn option_names(path: &Path) -> Vec<String> {
    let doc = library::load_treatment_plan(path).unwrap();
    doc.options.iter().map(|o| o.name.clone()).collect()
}

/// The printed estimate's page text for each option, from the in-process layout.
fn pdf_text(lib: &Library, path: &Path) -> String {
    let as_of = NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap();
    let doc = library::load_treatment_plan(path).unwrap();
    let mut text = String::new();
    for option in &doc.options {
        let input = EstimateInput::from_document(lib, &doc, Some(&option.name), as_of).unwrap();
        let estimate = engine::estimate(&input);
        let printed = PrintedEstimate::new(
            &PracticeSettings::default(),
            &doc,
            lib,
            option,
            &estimate,
            as_of,
        );
        let layout = layout_estimate(&Printout::new(printed, None), Paper::Letter).unwrap();
        let _ = writeln!(text, "=== option: {} ===", option.name);
        for page in 0..layout.pages.len() {
            let _ = writeln!(text, "--- page {} ---", page + 1);
            for line in layout.page_text(page) {
                let _ = writeln!(text, "{line}");
            }
        }
    }
    text
}

#[test]
fn every_report_of_every_sample_matches_its_golden_file() {
    let lib = library::load_dir(root());
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    let mut failures = Vec::new();
    let samples = samples();
    assert!(samples.len() >= 18, "samples missing");
    for path in samples {
        let dir = root().join("tests/golden").join(stem(&path));
        // Relative, so paths in messages do not depend on where the clone is.
        let relative = format!("assets/samples/{}.ron", stem(&path));
        let file = relative.as_str();
        let (mut table, mut explain, mut json) = (String::new(), String::new(), String::new());
        for name in option_names(&path) {
            let header = format!("=== option: {name} ===\n");
            let args = ["estimate", file, "--option", &name];
            table += &header;
            table += &ferrule(&args);
            explain += &header;
            explain += &ferrule(&[&args[..], &["--explain"]].concat());
            json += &header;
            json += &ferrule(&[&args[..], &["--format", "json"]].concat());
        }
        check(&mut failures, &dir.join("table.txt"), &table);
        check(&mut failures, &dir.join("explain.txt"), &explain);
        check(&mut failures, &dir.join("json.txt"), &json);
        check(
            &mut failures,
            &dir.join("compare.txt"),
            &ferrule(&["compare", file]),
        );
        check(&mut failures, &dir.join("pdf.txt"), &pdf_text(&lib, &path));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
