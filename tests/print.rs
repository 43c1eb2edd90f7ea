//! The printed patient estimate: the PDF shows the engine's numbers exactly, pages
//! break between rows with the column header and "Page N of M" on every page, and
//! `ferrule print` writes a PDF. Text is read back with poppler's `pdftotext`;
//! when it is not installed those checks are skipped with a note.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use ferrule::engine::{self, Estimate, EstimateInput, LineEstimate};
use ferrule::export::{self, Paper, Printout};
use ferrule::library::{self, practice};
use ferrule::model::practice::{DEFAULT_DISCLAIMER, PracticeSettings};
use ferrule::model::{Library, TreatmentPlan};
use ferrule::money::Cents;
use ferrule::report::{ColumnKey, PrintedEstimate};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("print");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Estimates `plan` as of `as_of` and prints it with the default practice settings
/// and no logo.
fn print(lib: &Library, plan: &TreatmentPlan, as_of: NaiveDate) -> (Estimate, Printout) {
    let input = EstimateInput::from_document(lib, plan, None, as_of).unwrap();
    let estimate = engine::estimate(&input);
    let printed = PrintedEstimate::new(
        &PracticeSettings::default(),
        plan,
        lib,
        input.option,
        &estimate,
        as_of,
    );
    (estimate, Printout::new(printed, None))
}

/// `pdftotext -layout` of the file, one string per page. A missing pdftotext fails
/// the test (CI installs poppler-utils): a PDF check must never pass unseen.
fn pdf_pages(pdf: &Path) -> Option<Vec<String>> {
    let out = match Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
    {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!("pdftotext not found: install poppler-utils (apt-get install poppler-utils)")
        }
        Err(e) => panic!("pdftotext: {e}"),
    };
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

/// `pdfinfo`'s page count, when poppler-utils is installed.
fn pdfinfo_pages(pdf: &Path) -> Option<usize> {
    let out = Command::new("pdfinfo").arg(pdf).output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
}

/// Whitespace collapsed, so wrapped sentences can be searched.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The amounts of a line in column order: fee, network discount (when printed),
/// each payer, patient.
fn row_amounts(line: &LineEstimate, with_write_off: bool) -> Vec<Cents> {
    let mut amounts = vec![line.fee];
    if with_write_off {
        amounts.push(line.write_off);
    }
    amounts.extend(line.payers.iter().map(|p| p.pays));
    amounts.push(line.patient);
    amounts
}

/// The text row of line `line` (by its code and number) shows `amounts` in order.
fn assert_row(pages: &[String], line: &LineEstimate, amounts: &[Cents]) {
    let number = line.number.to_string();
    let code = line.code.to_string();
    let row = pages
        .iter()
        .flat_map(|p| p.lines())
        .find(|l| {
            let mut words = l.split_whitespace();
            words
                .next()
                .is_some_and(|w| w.trim_end_matches('*') == number)
                && l.contains(&code)
        })
        .unwrap_or_else(|| panic!("no row for line {number} {code}"));
    let cells: Vec<&str> = row.split_whitespace().collect();
    let expected: Vec<String> = amounts.iter().map(ToString::to_string).collect();
    let tail = &cells[cells.len() - expected.len()..];
    assert_eq!(tail, expected.as_slice(), "line {number}: {row}");
}

#[test]
fn printed_buildup_crown_shows_the_engine_numbers() {
    let lib = library::load_dir(root());
    let plan =
        library::load_treatment_plan(&root().join("assets/samples/buildup-crown-19.ron")).unwrap();
    let (estimate, printed) = print(&lib, &plan, date("2026-11-23"));
    let valid_until = &printed.estimate.facts[2];
    assert_eq!(
        (valid_until.label.as_str(), valid_until.value.as_str()),
        ("Valid until", "Feb 21, 2027")
    );
    assert!(printed.estimate.table.has_column(ColumnKey::WriteOff));
    let pdf = export::estimate_pdf(&printed, Paper::Letter).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let path = scratch("buildup-crown-19.pdf");
    std::fs::write(&path, &pdf).unwrap();

    let Some(pages) = pdf_pages(&path) else {
        return;
    };
    assert_eq!(pages.len(), 1, "{pages:#?}");
    let text = pages.join("\n");
    assert!(text.contains("Marisol Vega"));
    assert!(text.contains("Treatment estimate"));
    assert!(text.contains("Valid until") && text.contains("Feb 21, 2027"));
    assert!(text.contains("Page 1 of 1"));
    assert!(text.contains("••••0937") && !text.contains("SDB448120937"));
    assert!(text.contains("Benefits verified on Nov 24, 2026 by portal"));
    let first_sentence = DEFAULT_DISCLAIMER.split(". ").next().unwrap();
    assert!(flat(&text).contains(first_sentence), "{first_sentence}");

    assert_eq!(estimate.lines.len(), 2);
    for line in &estimate.lines {
        assert_row(&pages, line, &row_amounts(line, true));
    }
    // Hand-checked in tests/cli.rs: 365.00 / 139.00 / 88.00 / 138.00 and
    // 1,540.00 / 585.00 / 401.50 / 553.50.
    assert!(text.contains("1,540.00"));
    let t = &estimate.totals;
    let total = text
        .lines()
        .find(|l| l.split_whitespace().next() == Some("Total"))
        .expect("a Total row");
    let expected = format!(
        "Total {} {} {} {}",
        t.fee, t.write_off, t.insurance[0].1, t.patient
    );
    assert_eq!(flat(total), expected);
    assert!(text.contains(&format!("${}", t.patient)));

    // Plain-language notes, no staff details.
    let flat_text = flat(&text);
    assert!(
        flat_text.contains("Line 2 Your plan pays only what it would pay for a non-precious metal crown; you pay the difference for a tooth-colored ceramic crown."),
        "{flat_text}"
    );
    assert!(
        !flat_text.contains("D2791"),
        "codes of downgrades are named in words"
    );
    assert!(
        !flat_text.contains("molars paid at"),
        "rule names are for staff"
    );
}

/// A 60-line, 12-visit plan under two PPOs, mixing exams, X-rays, fillings,
/// crowns, root canals, gum therapy and extractions over two benefit years.
fn sixty_line_plan() -> TreatmentPlan {
    let lines = crate::print_pages::LINES;
    let mut visits = String::new();
    let mut n = 0;
    for v in 0..12u32 {
        let day = date("2026-12-01") + chrono::Days::new(u64::from(v) * 21);
        let mut body = Vec::new();
        for _ in 0..5 {
            body.push(lines[n % lines.len()]);
            n += 1;
        }
        visits.push_str(&format!(
            "(id: {}, name: \"Visit {}\", date: \"{day}\", lines: [{}]),\n",
            v + 1,
            v + 1,
            body.join(", ")
        ));
    }
    let text = format!(
        r#"TreatmentPlan(
    format: 1,
    patient: (name: "Jordan Ellison-Whitfield", birth_date: "1975-03-09", chart_number: "C-20077"),
    coverage: [
        (plan: "summit-ppo-1500", member_id: "SDB000111222", relationship: Subscriber, effective: "2020-01-01"),
        (plan: "bayside-ppo-2000", member_id: "BDN7788", subscriber: "Casey Ellison", relationship: Spouse, effective: "2021-06-01"),
    ],
    options: [(name: "Full treatment", visits: [{visits}])],
)"#
    );
    library::parse_treatment_plan(Path::new("sixty.ron"), &text).unwrap()
}

#[test]
fn printed_sixty_line_plan_paginates_with_headers_and_page_numbers() {
    let lib = library::load_dir(root());
    let plan = sixty_line_plan();
    let (estimate, printed) = print(&lib, &plan, date("2026-11-23"));
    assert_eq!(estimate.lines.len(), 60);
    let table = &printed.estimate.table;
    assert_eq!(table.visits.len(), 12);
    assert_eq!(printed.estimate.payers.len(), 2);
    // Visit subtotals are sums of the engine's line amounts; the grand total is
    // the engine's.
    let patient_sum: Cents = table.visits.iter().map(|v| v.subtotal.patient).sum();
    assert_eq!(patient_sum, estimate.totals.patient);
    assert_eq!(table.totals.patient, estimate.totals.patient);

    let layout = export::layout_estimate(&printed, Paper::Letter).unwrap();
    let total = layout.pages.len();
    assert!(total >= 3, "60 lines need several pages, got {total}");
    let pdf = export::estimate_pdf(&printed, Paper::Letter).unwrap();
    let path = scratch("sixty-lines.pdf");
    std::fs::write(&path, &pdf).unwrap();
    // The same layout on A4 is longer, never shorter.
    let a4 = export::layout_estimate(&printed, Paper::A4).unwrap();
    assert_eq!((a4.width, a4.height), (595.0, 842.0));
    std::fs::write(
        scratch("sixty-lines-a4.pdf"),
        export::estimate_pdf(&printed, Paper::A4).unwrap(),
    )
    .unwrap();

    let Some(pages) = pdf_pages(&path) else {
        return;
    };
    if let Some(n) = pdfinfo_pages(&path) {
        assert_eq!(n, total);
    }
    assert_eq!(pages.len(), total);
    for (i, page) in pages.iter().enumerate() {
        let footer = format!("Page {} of {total}", i + 1);
        assert!(page.contains(&footer), "page {} lacks {footer:?}", i + 1);
        let has_rows = estimate
            .lines
            .iter()
            .any(|l| page.contains(&l.code.to_string()));
        let header = page.lines().any(|l| {
            let f = flat(l);
            f.contains("Line") && f.contains("Description") && f.contains("Fee")
        });
        assert!(!has_rows || header, "page {} has rows but no header", i + 1);
    }
    // The table runs from page 1 to the page with its Total row; every one of
    // those pages shows the column header (notes, benefits and the disclaimer
    // follow on later pages without it).
    let last_table_page = pages
        .iter()
        .position(|p| {
            p.lines()
                .any(|l| l.split_whitespace().next() == Some("Total"))
        })
        .expect("a Total row");
    assert!(last_table_page >= 1, "the table itself spans pages");
    for page in &pages[..=last_table_page] {
        assert!(flat(page).contains("Description"));
        assert!(flat(page).contains("You pay"));
        assert!(page.contains("Network") && page.contains("discount"));
    }
    assert!(
        pages
            .iter()
            .any(|p| p.contains(&format!("Page 2 of {total}")))
    );
    // Every row is whole on one page: number, code and all amounts on one line.
    for line in &estimate.lines {
        let with_write_off = table.has_column(ColumnKey::WriteOff);
        assert_row(&pages, line, &row_amounts(line, with_write_off));
    }
    let text = flat(&pages.join("\n"));
    assert!(text.contains(&format!(
        "Your estimated total ${}",
        estimate.totals.patient
    )));
    assert!(text.contains("Visit total"));
}

#[test]
fn ferrule_print_writes_a_pdf_and_survives_broken_practice_settings() {
    let config = scratch("config");
    std::fs::create_dir_all(config.join("ferrule")).unwrap();
    let run = |out: &Path| {
        Command::new(env!("CARGO_BIN_EXE_ferrule"))
            .args([
                "print",
                "assets/samples/buildup-crown-19.ron",
                "--as-of",
                "2026-11-23",
            ])
            .arg("-o")
            .arg(out)
            .args(["--paper", "a4"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("FERRULE_LIBRARY")
            .env("XDG_CONFIG_HOME", &config)
            .output()
            .unwrap()
    };

    std::fs::write(
        config.join("ferrule/practice.ron"),
        r#"(name: "Bright Smiles Dental", phone: "(555) 010-2030", npi: "1234567893")"#,
    )
    .unwrap();
    let out = scratch("cli.pdf");
    std::fs::remove_file(&out).ok();
    let result = run(&out);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    if let Some(pages) = pdf_pages(&out) {
        let text = pages.join("\n");
        assert!(text.contains("Bright Smiles Dental"));
        assert!(text.contains("NPI 1234567893"));
    }

    std::fs::write(config.join("ferrule/practice.ron"), "(nmae: \"typo\")").unwrap();
    let broken = scratch("cli-broken.pdf");
    let result = run(&broken);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning") && stderr.contains("practice.ron"),
        "{stderr}"
    );
    assert!(std::fs::read(&broken).unwrap().starts_with(b"%PDF-"));
    std::fs::remove_file(config.join("ferrule/practice.ron")).ok();
}

#[test]
fn ferrule_print_fails_with_exit_2_on_an_unknown_option() {
    let out = Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .args([
            "print",
            "assets/samples/buildup-crown-19.ron",
            "--option",
            "Nope",
        ])
        .arg("-o")
        .arg(scratch("never.pdf"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("FERRULE_LIBRARY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nope"));
    assert!(!scratch("never.pdf").exists());
}

#[test]
fn practice_settings_load_defaults_and_save_round_trip() {
    let path = scratch("practice/settings.ron");
    std::fs::remove_file(&path).ok();
    let loaded = practice::load(&path).unwrap();
    assert_eq!(loaded.name, "Your dental practice");
    assert_eq!(loaded.validity_days, 90);
    let mine = PracticeSettings {
        name: "Bright Smiles Dental".into(),
        address_lines: vec!["12 Elm Street".into(), "Springfield, IL 62701".into()],
        tax_id: Some("12-3456789".into()),
        validity_days: 60,
        ..PracticeSettings::default()
    };
    practice::save(&path, &mine).unwrap();
    assert_eq!(practice::load(&path).unwrap(), mine);
    std::fs::write(&path, "(validity_days: \"ninety\")").unwrap();
    let err = practice::load(&path).unwrap_err().to_string();
    assert!(err.contains("settings.ron:1:"), "{err}");
}

#[test]
fn print_logo_must_be_a_png_or_jpeg() {
    let err = export::Logo::from_bytes(b"GIF89a not really".to_vec()).unwrap_err();
    assert!(err.to_string().contains("logo"), "{err}");
    assert!(export::Logo::from_bytes(Vec::new()).is_err());
}

/// Runs `ferrule print SAMPLE -o OUT [EXTRA]` with `plan` as the treatment plan:
/// exit code and stderr.
fn print_to(plan: &Path, out: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let result = Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .arg("print")
        .arg(plan)
        .args(["--as-of", "2026-11-23"])
        .arg("-o")
        .arg(out)
        .args(extra)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("FERRULE_LIBRARY")
        .env("XDG_CONFIG_HOME", scratch("no-config"))
        .output()
        .unwrap();
    (
        result.status.code(),
        String::from_utf8_lossy(&result.stderr).into_owned(),
    )
}

/// A folder with a copy of the sample treatment plan, as `plan.ron`.
fn folder_with_plan(name: &str) -> (PathBuf, PathBuf, Vec<u8>) {
    let dir = scratch(name);
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("plan.ron");
    let bytes = std::fs::read(root().join("assets/samples/buildup-crown-19.ron")).unwrap();
    std::fs::write(&plan, &bytes).unwrap();
    (dir, plan, bytes)
}

// Issue 12, never overwrite: "`print -o` refuses to write over its input", by
// any name that reaches it (the same path, another spelling, a symlink, a hard
// link), with or without --force.
#[test]
fn ferrule_print_never_writes_over_its_own_treatment_plan() {
    let (dir, plan, bytes) = folder_with_plan("print-over-input");
    let spelled = dir.join(".").join("plan.ron");
    let hard = dir.join("hard.pdf");
    std::fs::hard_link(&plan, &hard).unwrap();
    let mut outs = vec![plan.clone(), spelled, hard];
    #[cfg(unix)]
    {
        let link = dir.join("link.pdf");
        std::os::unix::fs::symlink(&plan, &link).unwrap();
        outs.push(link);
    }
    for out in &outs {
        for extra in [&[][..], &["--force"][..]] {
            let (code, stderr) = print_to(&plan, out, extra);
            assert_eq!(code, Some(2), "{}: {stderr}", out.display());
            assert_eq!(
                stderr,
                format!(
                    "ferrule: {} is the treatment plan being printed: expected another file name for the PDF, such as {}\n",
                    out.display(),
                    plan.with_extension("pdf").display()
                )
            );
            assert_eq!(std::fs::read(&plan).unwrap(), bytes, "plan.ron changed");
        }
    }
    std::fs::remove_dir_all(dir).ok();
}

// Issue 12, never overwrite: "`print -o` refuses to write over ... a file that is
// not a PDF unless `--force`"; an earlier PDF is replaced as before.
#[test]
fn ferrule_print_replaces_only_a_pdf_unless_forced() {
    let (dir, plan, _) = folder_with_plan("print-over-other");
    let notes = dir.join("notes.pdf");
    std::fs::write(&notes, "phone Mrs Vega about the crown").unwrap();
    let (code, stderr) = print_to(&plan, &notes, &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "ferrule: {} exists and is not a PDF: expected a new file or a PDF to replace (add --force to replace it anyway)\n",
            notes.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "phone Mrs Vega about the crown"
    );

    let (code, stderr) = print_to(&plan, &notes, &["--force"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(std::fs::read(&notes).unwrap().starts_with(b"%PDF-"));

    let old = dir.join("old.pdf");
    std::fs::write(&old, "%PDF-1.7 an earlier estimate").unwrap();
    let (code, stderr) = print_to(&plan, &old, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let printed = std::fs::read(&old).unwrap();
    assert!(printed.starts_with(b"%PDF-") && printed.len() > 1000);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&old).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the PDF holds patient data");
    }
    std::fs::remove_dir_all(dir).ok();
}
