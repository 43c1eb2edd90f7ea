//! Issue 12, "never a silent wrong number": a treatment plan whose problem would
//! change or hide a price is not estimated, compared or printed. Each file in
//! `tests/blocking/` is the buildup-and-crown sample with one such mistake; the
//! real binary exits 2 and names the file, line and column of the mistake (JSON:
//! a `problems` list instead of an estimate). Before this, each was priced
//! without a word (e.g. the crown at a visit that does not exist was priced at
//! the prep date: insurance 100.00 / patient 855.00 instead of 452.50 / 502.50).

use std::path::Path;

use chrono::NaiveDate;
use ferrule::engine::check::{Severity, check_document};

use super::util::Case;

/// Each broken file and the exact problems it reports, blocking first.
const CASES: &[(&str, &[&str])] = &[
    (
        "blank-birth-date.ron",
        &["6:14: Enter the patient's birth date: age limits and the birthday rule need it"],
    ),
    (
        "blank-effective-date.ron",
        &["12:9: Enter the primary plan's effective date"],
    ),
    (
        "birth-after-visit.ron",
        &[r#"7:9: birth date 2027-05-14 is after the visit "Crown prep" on 2026-12-03"#],
    ),
    (
        "completed-at-missing-visit.ron",
        &[
            r#"33:25: D2740 #19: completed at visit 7, which does not exist in option "Porcelain crown""#,
        ],
    ),
    (
        "coverage-ends-before-start.ron",
        &["11:9: coverage ends on 2023-12-31, before it starts on 2024-02-01"],
    ),
    ("crown-without-tooth.ron", &["33:25: D2740: needs a tooth"]),
    (
        "duplicate-visit-id.ron",
        &[
            r#"36:17: option "Porcelain crown": visit id 1 is used twice, so lines completed there cannot be dated"#,
            r#"33:25: D2740 #19: completed at visit 2, which does not exist in option "Porcelain crown""#,
        ],
    ),
    (
        "filling-without-surfaces.ron",
        &["33:25: D2391 #30: needs surfaces"],
    ),
    (
        "history-in-the-future.ron",
        &["9:19: history entry 1 (D0120) is dated 2099-01-05, after the estimate date 2026-11-23"],
    ),
    (
        "quantity-zero.ron",
        &["32:25: D2950 #19: quantity 0: enter at least 1 unit"],
    ),
    (
        "two-digit-year.ron",
        &["7:9: birth date 0081-05-14 has a year before 1900: write the year with four digits"],
    ),
    (
        "unknown-code.ron",
        &["32:25: D2999 #19: the code is not in the code catalogue, so it has no class or fee"],
    ),
];

/// The binary on the shipped library, as of the samples' date.
fn ferrule(args: &[&str]) -> (i32, String, String) {
    let all = [args, &["--library", ".", "--as-of", "2026-11-23"]].concat();
    super::util::ferrule(&all)
}

#[test]
fn every_blocking_problem_stops_estimate_compare_and_print_with_its_position() {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("blocking");
    std::fs::create_dir_all(&scratch).unwrap();
    for (name, expected) in CASES {
        let file = format!("tests/blocking/{name}");
        let placed: Vec<String> = expected.iter().map(|e| format!("{file}:{e}")).collect();
        let stderr_expected = format!(
            "ferrule: {}\nnot estimated: fix the problems above first\n",
            placed.join("\n")
        );
        for command in ["estimate", "compare"] {
            let (code, stdout, stderr) = ferrule(&[command, &file]);
            assert_eq!(code, 2, "{command} {name}: {stdout}{stderr}");
            assert_eq!(stderr, stderr_expected, "{command} {name}");
            assert!(
                stdout.is_empty(),
                "{command} {name} printed numbers: {stdout}"
            );
        }
        let pdf = scratch.join(name.replace(".ron", ".pdf"));
        let (code, _, stderr) = ferrule(&["print", &file, "-o", pdf.to_str().unwrap()]);
        assert_eq!(code, 2, "print {name}");
        assert_eq!(stderr, stderr_expected, "print {name}");
        assert!(!pdf.exists(), "print {name} wrote a PDF");

        let (code, stdout, _) = ferrule(&["estimate", &file, "--format", "json"]);
        assert_eq!(code, 2, "json {name}");
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let problems = json["problems"].as_array().unwrap();
        assert_eq!(problems.len(), expected.len(), "{name}: {json}");
        for (problem, want) in problems.iter().zip(&placed) {
            assert_eq!(problem["severity"], "blocking");
            let got = format!(
                "{}:{}:{}: {}",
                problem["file"].as_str().unwrap(),
                problem["line"],
                problem["column"],
                problem["message"].as_str().unwrap()
            );
            assert_eq!(&got, want);
        }
        assert!(
            json.get("lines").is_none(),
            "{name}: no estimate with a blocking problem"
        );
    }
}

#[test]
fn the_fixed_file_prices_the_crown_at_its_seat_visit() {
    // The same sample without the mistake: D2740 #19 seated 2026-12-17 pays
    // 50% x 803.00 (paid as D2791) = 401.50, patient 553.50, exit 0.
    let (code, stdout, _) = ferrule(&[
        "estimate",
        "assets/samples/buildup-crown-19.ron",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["lines"][1]["date"], "2026-12-17");
    assert_eq!(json["lines"][1]["insurance"][0]["pays"], "401.50");
    assert_eq!(json["lines"][1]["patient"], "553.50");
    assert_eq!(json["problems"], serde_json::json!([]));
}

#[test]
fn a_code_without_an_office_fee_blocks_and_a_tooth_on_a_whole_mouth_code_warns() {
    let case = Case::new().office(&[("D0120", "65.00")]).treatment(
        r#"patient: (name: "Pat", birth_date: "1980-01-01"),
            options: [(name: "A", visits: [(id: 1, name: "Exam", date: "2026-06-01", lines: [
                (code: "D0120", tooth: "19"),
                (code: "D1110"),
            ])])]"#,
    );
    let plan = case.treatment.as_ref().unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    let problems = check_document(plan, &case.library, day);
    let got: Vec<(Severity, &str)> = problems
        .iter()
        .map(|p| (p.severity, p.message.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Severity::Blocking,
                "D1110: the office fee schedule has no fee for this code: enter a fee on the line"
            ),
            (
                Severity::Warning,
                "D0120 #19: this code is for the whole mouth; the tooth is not used"
            ),
        ]
    );
}

#[test]
fn warnings_are_shown_but_do_not_stop_the_estimate() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("warnings");
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/buildup-crown-19.ron"),
    )
    .unwrap()
    .replacen(
        r#"(id: 2, name: "Seat", date: "2026-12-17", lines: []),"#,
        r#"(id: 2, name: "Seat", date: "2026-12-17", lines: [(code: "D0120", tooth: "3")]),"#,
        1,
    );
    let file = dir.join("warn.ron");
    std::fs::write(&file, text).unwrap();
    let path = file.to_str().unwrap();
    let (code, stdout, _) = ferrule(&["estimate", path]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(&format!(
            "Warnings about the file:\n  - {path}:36:67: D0120 #3: this code is for the whole mouth; the tooth is not used"
        )),
        "{stdout}"
    );
    let (code, stdout, _) = ferrule(&["estimate", path, "--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["problems"][0]["severity"], "warning");
    assert_eq!(json["problems"][0]["line"], 36);
    assert!(json["lines"].as_array().is_some_and(|l| l.len() == 3));
}
