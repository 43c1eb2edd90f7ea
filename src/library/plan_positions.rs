//! Where a treatment plan's parts are in its file, so a problem found after
//! parsing (a line with no tooth, a visit id used twice) is reported at
//! `path:line:col` like a parse error. The file is scanned as RON: strings and
//! comments are skipped, and list entries are counted in file order, which is
//! the order the parsed plan keeps.

use std::ops::Range;
use std::path::Path;

use super::text::{position, strip_bom};
use crate::model::problem::{DocumentProblem, Subject};
use crate::model::{Problem, TreatmentPlan};

/// Each problem with its position in `text` (the file at `path` the plan was read
/// from); the start of the file when a part cannot be found.
pub fn place_problems(
    path: &Path,
    text: &str,
    plan: &TreatmentPlan,
    problems: &[DocumentProblem],
) -> Vec<Problem> {
    let text = strip_bom(text);
    let scan = Scanner::new(text);
    problems
        .iter()
        .map(|p| {
            let at = locate(&scan, plan, p.subject).unwrap_or(0);
            Problem::at(path, position(text, at), p.message.clone())
        })
        .collect()
}

/// The byte offset where `subject` starts.
fn locate(scan: &Scanner<'_>, plan: &TreatmentPlan, subject: Subject) -> Option<usize> {
    let doc = scan.first_struct()?;
    let patient = || scan.struct_value(doc.clone(), "patient");
    match subject {
        Subject::Document => Some(doc.start),
        Subject::Patient => {
            let patient = patient()?;
            scan.key(patient.clone(), "birth_date")
                .or(Some(patient.start))
        }
        Subject::History(i) => Some(scan.list(patient()?, "history").get(i)?.start),
        Subject::Coverage(i) => Some(scan.list(doc, "coverage").get(i)?.start),
        Subject::Option(id) => {
            let k = plan.options.iter().position(|o| o.id == id)?;
            Some(scan.list(doc, "options").get(k)?.start)
        }
        Subject::Visit(option, v) => {
            let k = plan.options.iter().position(|o| o.id == option)?;
            let option_span = scan.list(doc, "options").get(k)?.clone();
            Some(scan.list(option_span, "visits").get(v)?.start)
        }
        Subject::Line(id) => line_start(scan, plan, doc, id),
    }
}

fn line_start(
    scan: &Scanner<'_>,
    plan: &TreatmentPlan,
    doc: Range<usize>,
    id: crate::model::LineId,
) -> Option<usize> {
    let options = scan.list(doc, "options");
    for (option, option_span) in plan.options.iter().zip(options) {
        let visits = scan.list(option_span, "visits");
        for (visit, visit_span) in option.visits.iter().zip(visits) {
            if let Some(k) = visit.lines.iter().position(|l| l.id == id) {
                return Some(scan.list(visit_span, "lines").get(k)?.start);
            }
        }
    }
    None
}

/// A RON text with its strings and comments marked, so structure is read only
/// from code.
struct Scanner<'a> {
    text: &'a str,
    /// For each byte: true when it is code (not inside a string or a comment).
    code: Vec<bool>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Scanner<'a> {
        let bytes = text.as_bytes();
        let mut code = vec![true; bytes.len()];
        let mut i = 0;
        while i < bytes.len() {
            let skip = match (bytes.get(i), bytes.get(i + 1)) {
                (Some(b'"'), _) => string_end(bytes, i),
                (Some(b'/'), Some(b'/')) => bytes[i..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |n| i + n),
                (Some(b'/'), Some(b'*')) => text
                    .get(i + 2..)
                    .and_then(|rest| rest.find("*/"))
                    .map_or(bytes.len(), |n| i + 2 + n + 2),
                _ => i + 1,
            };
            if skip > i + 1 || bytes.get(i) == Some(&b'"') {
                for flag in code.iter_mut().take(skip).skip(i) {
                    *flag = false;
                }
            }
            i = skip.max(i + 1);
        }
        Scanner { text, code }
    }

    fn is_code(&self, at: usize) -> bool {
        self.code.get(at).copied().unwrap_or(false)
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    /// The span of the first `( ... )` in the file: the document's own struct.
    fn first_struct(&self) -> Option<Range<usize>> {
        let open = (0..self.text.len()).find(|&i| self.is_code(i) && self.byte(i) == Some(b'('))?;
        Some(open..self.closing(open)?)
    }

    /// The offset of the bracket matching the opening one at `open`.
    fn closing(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        for i in open..self.text.len() {
            if !self.is_code(i) {
                continue;
            }
            match self.byte(i) {
                Some(b'(' | b'[' | b'{') => depth += 1,
                Some(b')' | b']' | b'}') => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The offset of `key:` directly inside the struct spanning `span`.
    fn key(&self, span: Range<usize>, key: &str) -> Option<usize> {
        let mut depth = 0usize;
        for i in span.clone() {
            if !self.is_code(i) {
                continue;
            }
            match self.byte(i) {
                Some(b'(' | b'[' | b'{') => depth += 1,
                Some(b')' | b']' | b'}') => depth = depth.saturating_sub(1),
                _ if depth == 1 && self.is_key_at(i, key) => return Some(i),
                _ => {}
            }
        }
        None
    }

    fn is_key_at(&self, at: usize, key: &str) -> bool {
        let before_ok = at == 0
            || self
                .byte(at - 1)
                .is_some_and(|b| !(b.is_ascii_alphanumeric() || b == b'_'));
        let rest = self.text.get(at..).unwrap_or("");
        before_ok
            && rest.starts_with(key)
            && rest
                .get(key.len()..)
                .is_some_and(|r| r.trim_start().starts_with(':'))
    }

    /// The first opening bracket `open` after `key:` inside `span`.
    fn value_start(&self, span: Range<usize>, key: &str, open: u8) -> Option<usize> {
        let at = self.key(span.clone(), key)?;
        (at..span.end).find(|&i| self.is_code(i) && self.byte(i) == Some(open))
    }

    /// The span of the struct value of `key:` inside `span`.
    fn struct_value(&self, span: Range<usize>, key: &str) -> Option<Range<usize>> {
        let open = self.value_start(span, key, b'(')?;
        Some(open..self.closing(open)?)
    }

    /// The spans of the `( ... )` entries of the list value of `key:` inside `span`.
    fn list(&self, span: Range<usize>, key: &str) -> Vec<Range<usize>> {
        let Some(open) = self.value_start(span, key, b'[') else {
            return Vec::new();
        };
        let Some(close) = self.closing(open) else {
            return Vec::new();
        };
        let mut entries = Vec::new();
        let mut i = open + 1;
        while i < close {
            if self.is_code(i) && self.byte(i) == Some(b'(') {
                let Some(end) = self.closing(i) else { break };
                entries.push(i..end);
                i = end;
            }
            i += 1;
        }
        entries
    }
}

/// The offset just after the string that starts with the quote at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"// A plan: "options" in a comment and "(x)" in a string do not count.
TreatmentPlan(
    format: 1,
    patient: (name: "Ada (the) Lind", birth_date: "1975-03-02",
        history: [(code: "D0120", date: "2026-01-05"), (code: "D1110", date: "2026-01-05")]),
    coverage: [(plan: "summit-ppo-1500", effective: "2020-01-01")],
    options: [
        (name: "A", visits: [
            (id: 1, name: "Prep", date: "2026-12-01", lines: [
                (code: "D2950", tooth: "19"),
                (code: "D2740"),
            ]),
        ]),
    ],
)"#;

    #[test]
    fn parts_are_found_in_file_order_past_strings_and_comments() {
        let scan = Scanner::new(TEXT);
        let doc = scan.first_struct().unwrap();
        assert_eq!(position(TEXT, doc.start), (2, 14));
        let patient = scan.struct_value(doc.clone(), "patient").unwrap();
        let history = scan.list(patient.clone(), "history");
        assert_eq!(history.len(), 2);
        assert_eq!(position(TEXT, history[1].start), (5, 56));
        let birth = scan.key(patient, "birth_date").unwrap();
        assert_eq!(position(TEXT, birth), (4, 39));
        let options = scan.list(doc, "options");
        let visits = scan.list(options[0].clone(), "visits");
        let lines = scan.list(visits[0].clone(), "lines");
        assert_eq!(lines.len(), 2);
        assert_eq!(position(TEXT, lines[1].start), (11, 17));
    }
}
