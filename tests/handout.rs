//! The options handout: golden page text for a 2-option and a 3-option plan
//! (every option side by side on a summary page, then each option's estimate),
//! the summary numbers against the engine's, and `ferrule print --options all`.
//!
//! Rewrite the goldens after a deliberate change with
//! `FERRULE_UPDATE_GOLDEN=1 cargo test --test tests handout`, then read the diff.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::PrivateHome;

use chrono::NaiveDate;
use ferrule::engine;
use ferrule::export::{HandoutPrintout, Paper, layout_handout};
use ferrule::library;
use ferrule::model::Language;
use ferrule::model::{Library, PracticeSettings};
use ferrule::report::printed::{Handout, HandoutSources};

const AS_OF: &str = "2026-11-23";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn as_of() -> NaiveDate {
    NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap()
}

/// The handout of every option of the plan at `path`, default practice.
pub fn handout(lib: &Library, path: &Path) -> Handout {
    handout_in(lib, path, Language::English)
}

/// [`handout`] in `language`.
fn handout_in(lib: &Library, path: &Path, language: Language) -> Handout {
    let doc = library::load_treatment_plan(path).unwrap();
    let scenarios = engine::scenarios_for(&doc, &[], &[], as_of()).unwrap();
    let comparison = engine::compare(lib, &doc, &scenarios, as_of()).unwrap();
    let advice: Vec<_> = scenarios
        .iter()
        .map(|s| engine::advise(lib, &doc, s.option, as_of()).unwrap())
        .collect();
    Handout::new(&HandoutSources {
        practice: &PracticeSettings::default(),
        plan: &doc,
        library: lib,
        comparison: &comparison,
        advice: &advice,
        prepared: as_of(),
        language,
    })
    .unwrap()
}

/// The text of every laid-out page.
fn page_text(h: Handout) -> String {
    let printout = HandoutPrintout {
        handout: h,
        logo: None,
    };
    let layout = layout_handout(&printout, Paper::Letter).unwrap();
    let mut text = String::new();
    for page in 0..layout.pages.len() {
        let _ = writeln!(text, "--- page {} ---", page + 1);
        for line in layout.page_text(page) {
            let _ = writeln!(text, "{line}");
        }
    }
    text
}

fn check_golden(path: &Path, actual: &str) {
    if std::env::var_os("FERRULE_UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap();
    for (n, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        assert_eq!(e, a, "{}: line {}", path.display(), n + 1);
    }
    assert_eq!(expected, actual, "{}", path.display());
}

fn plans() -> [(PathBuf, &'static str); 2] {
    [
        (
            root().join("assets/samples/buildup-crown-19.ron"),
            "two-options.txt",
        ),
        (
            root().join("tests/golden/handout/three-options.ron"),
            "three-options.txt",
        ),
    ]
}

#[test]
fn handouts_of_a_two_and_a_three_option_plan_match_their_golden_text() {
    let lib = library::load_dir(root());
    for (plan, golden) in plans() {
        let text = page_text(handout(&lib, &plan));
        check_golden(&root().join("tests/golden/handout").join(golden), &text);
    }
}

#[test]
fn handout_summary_shows_each_options_totals_visits_and_the_advice_that_saves() {
    let lib = library::load_dir(root());
    let h = handout(&lib, &plans()[1].0);
    let names: Vec<&str> = h.options.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Porcelain crown", "Gold crown", "Extraction"]);
    let row = |label: &str| {
        let row = h.rows.iter().find(|r| r.label == label).unwrap();
        row.cells.iter().map(|c| c.join(" / ")).collect::<Vec<_>>()
    };
    // Summit PPO 1500 with $1,100 of $1,500 used: $400 left. Both crowns use it
    // all up; the extraction (allowed $152, $50 deductible, 80% of $102 = $81.60)
    // leaves $318.40, and the patient pays $50 + $20.40 = $70.40.
    assert_eq!(
        row("Insurance pays (estimate)"),
        ["400.00", "400.00", "81.60"]
    );
    assert_eq!(row("Yearly maximum left after"), ["0.00", "0.00", "318.40"]);
    assert_eq!(row("You pay (estimate)"), ["781.00", "852.00", "70.40"]);
    assert_eq!(
        row("Visits")[0],
        "Crown prep: Dec 3, 2026 / Seat: Dec 17, 2026"
    );
    // The crowns save by seating in January; the one-visit extraction cannot.
    assert_eq!(h.advice.len(), 2);
    assert!(h.advice[0].starts_with("Porcelain crown: moving the visit \"Seat\" to Jan 1, 2027"));
    assert!(h.advice[0].contains("$64.50 ($716.50 instead of $781.00)"));
    // One detail estimate per option, in the same order.
    let detail: Vec<&str> = h.details.iter().map(|d| d.table.heading.as_str()).collect();
    assert_eq!(
        detail,
        [
            "Planned treatment: Porcelain crown",
            "Planned treatment: Gold crown",
            "Planned treatment: Extraction"
        ]
    );
}

/// `pdftotext -layout` of a PDF file (CI installs poppler-utils).
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext not found: install poppler-utils");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn ferrule_print_options_all_writes_the_handout_pdf() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("handout");
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("handout.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .private_home()
        .args([
            "print",
            "assets/samples/buildup-crown-19.ron",
            "--options",
            "all",
        ])
        .args(["--as-of", AS_OF, "--library", "."])
        .arg("-o")
        .arg(&pdf)
        .current_dir(root())
        .env_remove("FERRULE_LIBRARY")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdf_text(&pdf);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages[0].contains("Your options side by side"));
    assert!(pages[0].contains("Page 1 of"));
    assert!(text.contains("Planned treatment: Porcelain crown"));
    assert!(text.contains("Planned treatment: Gold crown"));
}

#[test]
fn ferrule_print_needs_an_output_or_a_printer_and_one_option_choice() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_ferrule"))
            .private_home()
            .args(["print", "assets/samples/buildup-crown-19.ron"])
            .args(args)
            .current_dir(root())
            .output()
            .unwrap()
    };
    let none = run(&[]);
    assert_eq!(none.status.code(), Some(2));
    let both = run(&["--options", "all", "--option", "Gold crown", "-o", "x.pdf"]);
    assert_eq!(both.status.code(), Some(2));
    let copies = run(&["--printer", "PDF", "--copies", "0"]);
    assert_eq!(copies.status.code(), Some(2));
}

#[test]
fn the_spanish_handout_of_the_three_option_plan_matches_its_golden_text() {
    let lib = library::load_dir(root());
    let h = handout_in(&lib, &plans()[1].0, Language::Spanish);
    assert_eq!(h.heading, "Sus opciones, una junto a otra");
    assert!(
        h.advice[0].starts_with("Porcelain crown: si pasa la cita \"Seat\" al 1 de enero de 2027"),
        "{}",
        h.advice[0]
    );
    // Same numbers as the English handout: only the words change.
    let you_pay = h.rows.iter().find(|r| r.strong).unwrap();
    assert_eq!(you_pay.label, "Usted paga (aprox.)");
    assert_eq!(you_pay.cells, [["781.00"], ["852.00"], ["70.40"]]);
    let notes: Vec<&str> = h.details[0].notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        notes[0],
        "$50.00 del costo cuentan para el deducible anual de su plan."
    );
    let text = page_text(h);
    check_golden(
        &root().join("tests/golden/handout/three-options-es.txt"),
        &text,
    );
}

#[test]
fn ferrule_print_language_es_prints_the_estimate_in_spanish() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("handout-es");
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("estimate-es.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .private_home()
        .args([
            "print",
            "assets/samples/buildup-crown-19.ron",
            "--language",
            "es",
        ])
        .args(["--as-of", AS_OF, "--library", "."])
        .arg("-o")
        .arg(&pdf)
        .current_dir(root())
        .env_remove("FERRULE_LIBRARY")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdf_text(&pdf);
    for expected in [
        "Presupuesto de tratamiento",
        "Fecha de nacimiento: 14 de mayo de 1981",
        "Su total aproximado",
        "$691.50",
        "Página 1 de 2",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    assert!(!text.contains("Your estimated total"), "{text}");
}

#[test]
fn a_patient_whose_language_is_spanish_gets_spanish_papers_unless_the_print_says_otherwise() {
    let lib = library::load_dir(root());
    let mut doc =
        library::load_treatment_plan(&root().join("assets/samples/buildup-crown-19.ron")).unwrap();
    doc.apply(&ferrule::model::Edit::PatientLanguage(Some(
        Language::Spanish,
    )))
    .unwrap();
    // The field round-trips through the file format.
    let text = ron::ser::to_string(&doc).unwrap();
    assert!(text.contains("language:Some(Spanish)"), "{text}");
    let input = ferrule::engine::EstimateInput::from_document(&lib, &doc, None, as_of()).unwrap();
    let estimate = engine::estimate(&input);
    let settings = PracticeSettings::default();
    let printed = ferrule::report::PrintedEstimate::new(
        &settings,
        &doc,
        &lib,
        input.option,
        &estimate,
        as_of(),
    );
    assert_eq!(printed.title, "Presupuesto de tratamiento");
    let english = ferrule::report::PrintedEstimate::new_in(
        &settings,
        &doc,
        &lib,
        input.option,
        &estimate,
        as_of(),
        Language::English,
    );
    assert_eq!(english.title, "Treatment estimate");
}

/// The printed rows of the family check-up sample in `language`, with the
/// D4341 line (upper right quadrant) at `quantity` units.
fn family_rows(lib: &Library, quantity: u32, language: Language) -> Vec<Vec<String>> {
    let mut doc =
        library::load_treatment_plan(&root().join("assets/samples/family-checkup.ron")).unwrap();
    for line in doc
        .options
        .iter_mut()
        .flat_map(|o| &mut o.visits)
        .flat_map(|v| &mut v.lines)
    {
        if line.code.to_string() == "D4341" {
            line.quantity = quantity;
        }
    }
    let input = ferrule::engine::EstimateInput::from_document(lib, &doc, None, as_of()).unwrap();
    let estimate = engine::estimate(&input);
    let printed = ferrule::report::PrintedEstimate::new_in(
        &PracticeSettings::default(),
        &doc,
        lib,
        input.option,
        &estimate,
        as_of(),
        language,
    );
    let visits = printed.table.visits.into_iter();
    visits.flat_map(|v| v.rows).map(|r| r.cells).collect()
}

fn has_cell(rows: &[Vec<String>], text: &str) -> bool {
    rows.iter().flatten().any(|c| c == text)
}

#[test]
fn spanish_papers_name_procedures_and_areas_in_spanish_and_english_ones_stay_english() {
    let mut lib = library::load_dir(root());
    let es = family_rows(&lib, 1, Language::Spanish);
    for text in [
        "Revisión regular",
        "Limpieza profunda debajo de las encías (4 dientes o más)",
        "Arriba a la derecha",
        "Abajo a la izquierda",
    ] {
        assert!(has_cell(&es, text), "{text:?} in {es:?}");
    }
    assert!(!has_cell(&es, "Regular check-up exam"), "{es:?}");
    let en = family_rows(&lib, 1, Language::English);
    assert!(has_cell(&en, "Deep cleaning below the gums (4+ teeth)"));
    assert!(has_cell(&en, "Upper right quadrant"), "{en:?}");
    // Units in the patient's words.
    let two = family_rows(&lib, 2, Language::Spanish);
    let deep = "Limpieza profunda debajo de las encías (4 dientes o más) (2 unidades)";
    assert!(has_cell(&two, deep), "{two:?}");
    let two_en = family_rows(&lib, 2, Language::English);
    assert!(has_cell(
        &two_en,
        "Deep cleaning below the gums (4+ teeth) (2 units)"
    ));
    // A catalogue entry without Spanish prints its English wording.
    let entry = lib
        .catalogue
        .codes
        .iter_mut()
        .find(|c| c.code.to_string() == "D4341");
    entry.unwrap().patient_text_es = None;
    let fallback = family_rows(&lib, 1, Language::Spanish);
    assert!(has_cell(
        &fallback,
        "Deep cleaning below the gums (4+ teeth)"
    ));
    assert!(has_cell(&fallback, "Revisión regular"));
}
