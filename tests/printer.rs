//! Printing through CUPS for real: `ferrule print --printer PDF` sends the
//! estimate to the cups-pdf virtual printer, and the PDF it produces is read
//! back with pdftotext. Needs a running `cupsd` with a printer named `PDF`
//! (`.ci/run` sets it up). Without `lpstat` the test says so and passes, unless
//! `FERRULE_REQUIRE_CUPS=1`, when it fails instead.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use ferrule::library::printer;

/// True when the test should run; panics when CUPS is required but missing.
fn cups_available() -> bool {
    let required = std::env::var_os("FERRULE_REQUIRE_CUPS").is_some_and(|v| v == "1");
    let found = Command::new("lpstat").arg("-r").output().is_ok();
    if !found {
        assert!(
            !required,
            "FERRULE_REQUIRE_CUPS=1 but lpstat is missing: install cups and printer-driver-cups-pdf"
        );
        eprintln!(
            "SKIPPED: lpstat not found (install cups); set FERRULE_REQUIRE_CUPS=1 to fail instead"
        );
    }
    found
}

/// Where cups-pdf writes its files: the `Out` setting of cups-pdf.conf with
/// `${HOME}` filled in (its default is ~/PDF).
fn cups_pdf_out() -> PathBuf {
    let home = PathBuf::from(std::env::var_os("HOME").expect("HOME"));
    let conf = std::fs::read_to_string("/etc/cups/cups-pdf.conf").unwrap_or_default();
    conf.lines()
        .filter_map(|l| l.trim().strip_prefix("Out "))
        .next_back()
        .map(|out| PathBuf::from(out.trim().replace("${HOME}", &home.to_string_lossy())))
        .unwrap_or_else(|| home.join("PDF"))
}

/// The file cups-pdf made for job `job` ("...-job_7.pdf"), once it is complete.
fn wait_for_job_file(dir: &Path, job: &str) -> PathBuf {
    let suffix = format!("job_{job}.pdf");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        let found = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().ends_with(&suffix));
        if let Some(entry) = found {
            let path = entry.path();
            let done = Command::new("pdfinfo").arg(&path).output();
            if done.is_ok_and(|o| o.status.success()) {
                return path;
            }
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!("no {suffix} in {} after 60 s", dir.display());
}

#[test]
fn ferrule_print_sends_the_estimate_to_the_cups_pdf_printer_and_its_text_reads_back() {
    if !cups_available() {
        return;
    }
    let printers = printer::list().expect("lpstat");
    assert!(
        printers.names.iter().any(|n| n == "PDF"),
        "no printer named PDF in {:?}: lpadmin -p PDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd",
        printers.names
    );
    let config = Path::new(env!("CARGO_TARGET_TMPDIR")).join("printer-config");
    let out = Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .args(["print", "assets/samples/buildup-crown-19.ron"])
        .args(["--as-of", "2026-11-23", "--library", "."])
        .args(["--printer", "PDF", "--copies", "1", "--paper", "letter"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("FERRULE_LIBRARY")
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // "ferrule: sent to PDF: request id is PDF-7 (0 file(s))"
    let job = stderr
        .split("request id is PDF-")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no job id in {stderr:?}"));
    let file = wait_for_job_file(&cups_pdf_out(), job);
    // The job title (which CUPS logs and cups-pdf names its file after) never
    // names the patient; the page itself does.
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.contains("Ferrule_estimate"), "{name}");
    assert!(
        !name.contains("Vega") && !name.contains("Marisol"),
        "{name}"
    );
    let text = crate::handout::pdf_text(&file);
    assert!(text.contains("Treatment estimate"), "{text}");
    assert!(text.contains("Marisol Vega"), "{text}");
    assert!(
        text.contains("Planned treatment: Porcelain crown"),
        "{text}"
    );
    // The patient's total of the first option, as in tests/golden/buildup-crown-19/pdf.txt.
    assert!(
        text.contains("Your estimated total") && text.contains("$691.50"),
        "{text}"
    );
}

#[test]
fn printing_to_a_printer_cups_does_not_know_fails_with_the_reason() {
    if !cups_available() {
        return;
    }
    let err = printer::send(b"%PDF-1.7\n", "No_Such_Printer", 1, printer::Media::A4).unwrap_err();
    assert!(err.to_string().starts_with("lp failed"), "{err}");
}
