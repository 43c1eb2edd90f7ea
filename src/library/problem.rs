//! Making problems from file text: ron's parse errors in plainer words, and the
//! position of a value that parsed but fails a later check.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ron::error::SpannedError;

use super::text::{position, strip_bom};
use super::unclosed;

use crate::model::{Problem, SourceFile};

/// A RON parse error in `text` as a problem, with ron's position; or, when a
/// string was left unclosed and ron only stumbled lines later, at that string.
/// `reparse` parses a corrected text again (None: it parsed).
pub fn from_ron(
    path: &Path,
    text: &str,
    error: &SpannedError,
    reparse: impl Fn(&str) -> Option<SpannedError>,
) -> Problem {
    let at = (error.span.start.line, error.span.start.col);
    if let Some((quote, runs_to)) = unclosed::find(text, at, reparse) {
        return Problem::at(
            path,
            quote,
            format!(
                "unclosed text: expected a closing \" on this line; as written, the text runs on to line {runs_to}"
            ),
        );
    }
    Problem::at(path, at, polish_ron_message(&error.code.to_string()))
}

/// ron writes identifiers in backticks and "Unexpected missing field"; keep its
/// meaning, read a little more plainly.
fn polish_ron_message(message: &str) -> String {
    // chrono's date errors do not say what a date looks like.
    if matches!(
        message,
        "input is out of range"
            | "input contains invalid characters"
            | "premature end of input"
            | "input is not enough for unique date and time"
            | "trailing input"
    ) {
        return format!("{message}: expected a date written \"YYYY-MM-DD\"");
    }
    if message == "Expected end of string" {
        return "unclosed text: expected a closing \" (the text runs on to the end of the file)"
            .into();
    }
    message
        .replace("Unexpected missing field named", "missing field")
        .replace("Unexpected field named", "unknown field")
        .replace("Unexpected variant named", "unknown value")
        .replace("Unexpected enum variant named", "unknown value")
}

/// The 1-based line and column of the first occurrence of `needles[last]` that follows
/// `needles[0]`, `needles[1]`, ... in order; the position of the last needle found, or
/// the start of the file. Used to point at a value that parsed but fails a check that
/// needs the whole library (a missing fee schedule, a duplicate id).
pub fn locate(text: &str, needles: &[&str]) -> (usize, usize) {
    // Positions count from after a byte-order mark, as the parser's do.
    let text = strip_bom(text);
    let mut offset = 0;
    let mut found = None;
    for needle in needles {
        match find_outside_comments(text, offset, needle) {
            Some(at) => {
                found = Some(at);
                offset = at + needle.len();
            }
            None => break,
        }
    }
    position(text, found.unwrap_or(0))
}

/// The byte offset of the first `needle` at or after `from` that is not inside a
/// `//` comment (so a word in a comment never takes the blame).
fn find_outside_comments(text: &str, from: usize, needle: &str) -> Option<usize> {
    let mut start = from;
    loop {
        let at = start + text.get(start..)?.find(needle)?;
        let line_start = text
            .get(..at)
            .and_then(|b| b.rfind('\n'))
            .map_or(0, |i| i + 1);
        let in_comment = text
            .get(line_start..at)
            .is_some_and(|prefix| prefix.contains("//"));
        if !in_comment {
            return Some(at);
        }
        start = at + needle.len();
    }
}

/// A problem for a file whose id an earlier file already has.
pub fn duplicate_id(
    file: &SourceFile,
    id: &str,
    what: &str,
    sources: &BTreeMap<String, PathBuf>,
) -> Problem {
    let key = if what == "plan" {
        format!("plan:{id}")
    } else {
        id.to_string()
    };
    let first = sources
        .get(&key)
        .map_or_else(String::new, |p| format!(" (first in {})", p.display()));
    Problem::at(
        &file.path,
        locate(&file.text, &["id", &format!("\"{id}\"")]),
        format!("duplicate {what} id \"{id}\"{first}: expected every id to be unique"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_follows_needles_in_order() {
        let text = "a: 1,\nnetwork: In(x: \"s\"),\nother: \"s\"";
        assert_eq!(locate(text, &["network", "\"s\""]), (2, 16));
        assert_eq!(locate(text, &["other", "\"s\""]), (3, 8));
        assert_eq!(locate(text, &["nothing"]), (1, 1));
        let commented = "// the format is 1\nformat: 2";
        assert_eq!(locate(commented, &["format"]), (2, 1));
    }
}
