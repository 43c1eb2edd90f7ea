//! The coding files load through the validating loader: problems name file, line
//! and column and the other entries and files still load; a seeded library gets
//! editable copies; an office adds a check by writing a file (no rebuild).

use std::path::PathBuf;

use ferrule::engine::coding;
use ferrule::library::{self, load_coding};
use ferrule::model::SourceFile;

use super::{plan, visit};
use crate::library::TempDir;

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: PathBuf::from(path),
        text: text.to_string(),
    }
}

#[test]
fn the_built_in_coding_files_load_without_problems() {
    let sample = library::sample();
    assert!(sample.problems.is_empty(), "{:?}", sample.problems);
    let ids: Vec<&str> = sample.coding.checks.iter().map(|c| c.id.as_str()).collect();
    for rule in [
        "BU1", "BU2", "BU3", "BU4", "BU5", "BU6", "B4", "BU11", "BU13", "BU14", "BU15", "BU16",
        "AP1", "AP3", "CR2", "CR4", "CR5", "CR6",
    ] {
        assert!(ids.contains(&rule), "no check {rule}");
    }
}

#[test]
fn a_bad_check_is_named_at_its_line_and_the_rest_still_load() {
    let catalogue = library::sample().catalogue;
    let mixed = "CodingFile(format: 1, checks: [\n\
        (id: \"OK1\", severity: Information, line: [\"D2740\"], reason: \"Fine.\", instead: \"\"),\n\
        (id: \"BAD\", severity: Information, line: [\"D2740\"], reason: \"On {surface}.\", instead: \"\"),\n\
        (id: \"two words\", severity: Information, line: [\"D2740\"], reason: \"x\", instead: \"\"),\n\
    ])";
    let broken = "CodingFile(format: 1, checks: [\n\
        (id: \"X\", severity: Information, line: [\"D27X0\"], reason: \"x\", instead: \"\"),\n\
    ])";
    let good = "CodingFile(format: 1, checks: [\n\
        (id: \"OK2\", severity: LikelyDenied, line: [\"crowns\"], when: [PrimaryTooth], reason: \"x\", instead: \"y\"),\n\
    ])";
    let (book, problems) = load_coding(
        &[
            file("lib/coding/a.ron", mixed),
            file("lib/coding/b.ron", broken),
            file("lib/coding/c.ron", good),
        ],
        &catalogue,
    );
    let ids: Vec<&str> = book.checks.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["OK1", "OK2"]);
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    assert_eq!(
        shown[0],
        "lib/coding/a.ron:3:2: check \"BAD\": unknown placeholder {surface}; expected one of {tooth}, {code}"
    );
    assert!(
        shown[1].starts_with("lib/coding/a.ron:4:2: check id \"two words\": expected one word"),
        "{}",
        shown[1]
    );
    assert!(shown[2].starts_with("lib/coding/b.ron:2:"), "{}", shown[2]);
    assert!(shown[2].contains("expected a code"), "{}", shown[2]);
}

#[test]
fn an_office_adds_a_check_by_writing_a_file() {
    let dir = TempDir::new("coding-office");
    library::seed_library(dir.path()).unwrap();
    assert!(
        dir.path().join("coding/checks.ron").is_file(),
        "seeded copy"
    );
    std::fs::write(
        dir.path().join("coding/office.ron"),
        r#"CodingFile(format: 1, checks: [(
            id: "OFFICE1",
            severity: LikelyDenied,
            line: ["D2740"],
            when: [Not(HasNote)],
            reason: "Our carrier wants the shade on {tooth}.",
            instead: "Write the shade in the note.",
        )])"#,
    )
    .unwrap();
    let lib = library::load_dir(dir.path());
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    let crown = plan(
        &visit(1, "2026-12-01", r#"(code: "D2740", tooth: "8")"#),
        "",
    );
    let notes = coding::check(
        &lib.coding.checks,
        &crown.options[0],
        &crown.patient,
        Default::default(),
    );
    let office: Vec<&str> = notes
        .iter()
        .filter(|n| n.rule == "OFFICE1")
        .map(|n| n.message.as_str())
        .collect();
    assert_eq!(office, ["Our carrier wants the shade on #8."]);
    // Near miss: with a note the office's check is quiet.
    let noted = plan(
        &visit(
            1,
            "2026-12-01",
            r#"(code: "D2740", tooth: "8", note: "Shade A2")"#,
        ),
        "",
    );
    let notes = coding::check(
        &lib.coding.checks,
        &noted.options[0],
        &noted.patient,
        Default::default(),
    );
    assert!(notes.iter().all(|n| n.rule != "OFFICE1"));
}
