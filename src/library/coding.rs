//! The coding files (`coding/*.ron`): checks, checklists, narrative templates and
//! look-alike codes, parsed and checked like plans. A bad entry is a problem at
//! its file, line and column and the rest still load; a file that does not parse
//! is one problem and adds nothing. A library folder without `coding/` gets the
//! built-in files.

use super::parse::{check_format, parse};
use super::problem::locate;
use crate::model::coding::{
    CHECK_FIELDS, CodingBook, CodingCheck, CodingFile, NARRATIVE_FIELDS, placeholders,
};
use crate::model::{CodeCatalogue, Problem, SourceFile};

/// Where the coding files sit in a library folder.
pub const CODING_DIR: &str = "coding";

/// The coding files shipped with Ferrule (library path, text).
pub const BUILT_IN: [(&str, &str); 4] = [
    (
        "coding/checks.ron",
        include_str!("../../assets/coding/checks.ron"),
    ),
    (
        "coding/reminders.ron",
        include_str!("../../assets/coding/reminders.ron"),
    ),
    (
        "coding/narratives.ron",
        include_str!("../../assets/coding/narratives.ron"),
    ),
    (
        "coding/look-alikes.ron",
        include_str!("../../assets/coding/look-alikes.ron"),
    ),
];

/// The built-in coding files as sources.
pub fn built_in_sources() -> Vec<SourceFile> {
    BUILT_IN
        .iter()
        .map(|(path, text)| SourceFile {
            path: path.into(),
            text: (*text).to_string(),
        })
        .collect()
}

/// Everything in `files` that passes its checks, and the problems of the rest.
pub fn load_coding(files: &[SourceFile], catalogue: &CodeCatalogue) -> (CodingBook, Vec<Problem>) {
    let mut book = CodingBook::default();
    let mut problems = Vec::new();
    for file in files {
        let parsed: CodingFile = match parse(&file.path, &file.text) {
            Ok(parsed) => parsed,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        if let Err(problem) = check_format(&file.path, &file.text, parsed.format) {
            problems.push(problem);
            continue;
        }
        add_file(&mut book, &mut problems, file, parsed, catalogue);
    }
    (book, problems)
}

/// Adds one parsed file's entries that pass, and a problem for each that does not.
fn add_file(
    book: &mut CodingBook,
    problems: &mut Vec<Problem>,
    file: &SourceFile,
    parsed: CodingFile,
    catalogue: &CodeCatalogue,
) {
    let at = |section: &str, key: &str, n: usize| {
        let mut needles = vec![section];
        needles.extend(std::iter::repeat_n(key, n + 1));
        locate(&file.text, &needles)
    };
    for (n, check) in parsed.checks.into_iter().enumerate() {
        match check_problem(&check) {
            Some(why) => problems.push(Problem::at(&file.path, at("checks:", "id:", n), why)),
            None => book.checks.push(check),
        }
    }
    book.reminders.extend(parsed.reminders);
    for (n, narrative) in parsed.narratives.into_iter().enumerate() {
        match unknown_field(&narrative.text, &NARRATIVE_FIELDS) {
            Some(why) => problems.push(Problem::at(
                &file.path,
                at("narratives:", "title:", n),
                format!("narrative \"{}\": {why}", narrative.title),
            )),
            None => book.narratives.push(narrative),
        }
    }
    for (n, group) in parsed.look_alikes.into_iter().enumerate() {
        let unknown = group.codes.iter().find(|m| catalogue.get(m.code).is_none());
        match unknown {
            Some(m) => problems.push(Problem::at(
                &file.path,
                at("look_alikes:", "title:", n),
                format!(
                    "look-alike group \"{}\": {} is not in the code catalogue; expected catalogue codes",
                    group.title, m.code
                ),
            )),
            None => book.look_alikes.push(group),
        }
    }
}

/// Why a check cannot be used, or None.
fn check_problem(check: &CodingCheck) -> Option<String> {
    let id = &check.id;
    let one_word = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !one_word {
        return Some(format!(
            "check id \"{id}\": expected one word of letters, digits or '-', such as \"BU3\""
        ));
    }
    if check.line.0.is_empty() {
        return Some(format!(
            "check \"{id}\": line: [] names no code; expected the codes of the line the note concerns"
        ));
    }
    unknown_field(&check.reason, &CHECK_FIELDS)
        .or_else(|| unknown_field(&check.instead, &CHECK_FIELDS))
        .map(|why| format!("check \"{id}\": {why}"))
}

/// Why `text` has a placeholder outside `known`, or None.
fn unknown_field(text: &str, known: &[&str]) -> Option<String> {
    placeholders(text)
        .into_iter()
        .find(|p| !known.contains(p))
        .map(|p| {
            let names: Vec<String> = known.iter().map(|k| format!("{{{k}}}")).collect();
            format!(
                "unknown placeholder {{{p}}}; expected one of {}",
                names.join(", ")
            )
        })
}

/// The built-in coding book (always valid: a test loads it).
pub fn built_in(catalogue: &CodeCatalogue) -> CodingBook {
    load_coding(&built_in_sources(), catalogue).0
}
