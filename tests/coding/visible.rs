//! Issue 15 part B: a sample plan's coding warnings and reminders appear in the
//! CLI table without `--explain` and on each line of the JSON.

use crate::util::ferrule;

const SAMPLE: &str = "assets/samples/rules-bundling.ron";

#[test]
fn the_cli_table_lists_warnings_and_reminders_without_explain() {
    let (code, table, _) = ferrule(&["estimate", SAMPLE, "--as-of", "2026-11-23"]);
    assert_eq!(code, 0);
    assert!(table.contains("Coding notes"), "{table}");
    // Line 10: pins the same day as the buildup on #19 (BU5); line 9: the
    // buildup's documentation reminder (BU14).
    assert!(
        table.contains("  Line 10 (BU5, warning, likely denied or pended): Pins on #19"),
        "{table}"
    );
    assert!(
        table.contains("  Line 9 (BU14, reminder, information): Keep a pre-op X-ray"),
        "{table}"
    );
    assert!(!table.contains("Why these numbers"), "no --explain given");
}

#[test]
fn each_json_line_carries_its_warnings() {
    let (code, stdout, _) = ferrule(&[
        "estimate",
        SAMPLE,
        "--as-of",
        "2026-11-23",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let lines = json["lines"].as_array().unwrap();
    let pins = lines.iter().find(|l| l["line"] == 10).unwrap();
    assert_eq!(pins["code"], "D2951");
    let warnings = pins["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0]["rule"], "BU5");
    assert_eq!(warnings[0]["severity"], "likely_denied");
    assert!(
        warnings[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("Pins on #19")
    );
    // Near miss: the exam on line 1 has none.
    let exam = lines.iter().find(|l| l["line"] == 1).unwrap();
    assert_eq!(exam["warnings"], serde_json::json!([]));
    assert_eq!(
        json["disclaimer"],
        "This is an estimate, not a guarantee of payment."
    );
}
