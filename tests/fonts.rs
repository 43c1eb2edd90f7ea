//! Names in any script print: Liberation Sans (embedded) covers Latin with its
//! extensions, Greek and Cyrillic; a letter it cannot draw (Chinese, here)
//! prints as the white-square mark, on the page and in the PDF, never blank.

use std::path::Path;

use chrono::NaiveDate;
use ferrule::engine::{self, EstimateInput};
use ferrule::export::{Paper, Printout, estimate_pdf, layout_estimate};
use ferrule::library;
use ferrule::model::PracticeSettings;
use ferrule::report::PrintedEstimate;

/// The first page's text and the PDF's text of the sample crown estimate for a
/// patient named `name`.
fn printed_for(name: &str) -> (Vec<String>, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = library::load_dir(root);
    let mut plan =
        library::load_treatment_plan(&root.join("assets/samples/buildup-crown-19.ron")).unwrap();
    plan.patient.name = name.to_string();
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let input = EstimateInput::from_document(&lib, &plan, None, day).unwrap();
    let estimate = engine::estimate(&input);
    let printed = PrintedEstimate::new(
        &PracticeSettings::default(),
        &plan,
        &lib,
        input.option,
        &estimate,
        day,
    );
    let printout = Printout::new(printed, None);
    let layout = layout_estimate(&printout, Paper::Letter).unwrap();
    let page = layout.page_text(0).iter().map(|t| t.to_string()).collect();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fonts");
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join(format!("{}.pdf", name.len()));
    std::fs::write(&pdf, estimate_pdf(&printout, Paper::Letter).unwrap()).unwrap();
    (page, crate::handout::pdf_text(&pdf))
}

#[test]
fn greek_and_cyrillic_names_print_as_written() {
    for name in [
        "Ξανθή Παπαδοπούλου",
        "Ёлена Щукина",
        "Łucja Dvořák-Øvergård",
    ] {
        let (page, pdf) = printed_for(name);
        assert!(page.iter().any(|t| t == name), "{name}: {page:?}");
        assert!(pdf.contains(name), "{name} in the PDF:\n{pdf}");
    }
}

#[test]
fn a_chinese_name_prints_the_missing_letter_mark_for_each_letter() {
    let (page, pdf) = printed_for("王芳 Wang");
    assert!(
        page.iter().any(|t| t == "\u{25A1}\u{25A1} Wang"),
        "{page:?}"
    );
    assert!(pdf.contains("\u{25A1}\u{25A1} Wang"), "{pdf}");
    assert!(!pdf.contains('王'));
}
