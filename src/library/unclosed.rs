//! Finding the string a RON file left unclosed. ron reads an unclosed string on to
//! the next quote in the file and reports the mistake wherever the rest stops
//! making sense, often lines later. This finds the string and proves it is the
//! mistake by closing it and parsing again.

use ron::error::SpannedError;

use super::text::position;

/// Strings tried at most (each costs a parse, and only after a failed one).
const MAX_TRIES: usize = 16;

/// A string literal whose text runs over a line break (byte offsets).
struct RunOn {
    /// The opening quote.
    quote: usize,
    /// The first line break inside it.
    newline: usize,
    /// The quote that closes it as written.
    end: usize,
}

/// When ron's error at `at` (line, column) is explained by a string left unclosed:
/// the position of its opening quote and the line the string runs on to as
/// written. Explained means: closing it at the end of its first line (before a
/// trailing comma, or at the very end) makes `reparse` succeed, or fail later
/// than `at`. Strings are tried in file order, so an earlier string that truly
/// spans lines is passed over when closing it does not help.
pub fn find(
    text: &str,
    at: (usize, usize),
    reparse: impl Fn(&str) -> Option<SpannedError>,
) -> Option<((usize, usize), usize)> {
    let until = offset_of(text, at);
    for string in run_on_strings(text, until).iter().take(MAX_TRIES) {
        for fixed in closings(text, string) {
            let better = match reparse(&fixed) {
                None => true,
                Some(e) => (e.span.start.line, e.span.start.col) > at,
            };
            if better {
                return Some((position(text, string.quote), position(text, string.end).0));
            }
        }
    }
    None
}

/// The text with `string` closed at the end of its first line: before a trailing
/// comma, and at the line's end.
fn closings(text: &str, string: &RunOn) -> Vec<String> {
    let first_line = text.get(string.quote + 1..string.newline).unwrap_or("");
    let trimmed = first_line.trim_end();
    let end = string.quote + 1 + trimmed.len();
    let mut at = Vec::new();
    if trimmed.ends_with(',') {
        at.push(end - 1);
    }
    at.push(end);
    at.into_iter()
        .filter_map(|i| Some(format!("{}\"{}", text.get(..i)?, text.get(i..)?)))
        .collect()
}

/// The byte offset of 1-based (line, column in characters) in `text`.
fn offset_of(text: &str, (line, column): (usize, usize)) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(start..).unwrap_or("");
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// Closed, non-raw strings that contain a line break and end before `until`, in
/// file order. Comments, escapes and raw strings are skipped as RON reads them.
/// Bytes are scanned: every byte that matters is ASCII, and UTF-8 never hides an
/// ASCII byte inside a longer character.
fn run_on_strings(text: &str, until: usize) -> Vec<RunOn> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < until.min(b.len()) {
        match (b[i], b.get(i + 1)) {
            (b'/', Some(b'/')) => i = find_from(b, i, b"\n").unwrap_or(b.len()),
            (b'/', Some(b'*')) => i = block_comment_end(b, i),
            (b'r', Some(b'"' | b'#')) if !is_ident(b.get(i.wrapping_sub(1))) => {
                i = raw_string_end(b, i);
            }
            (b'"', _) => {
                let (end, newline) = string_end(b, i);
                let Some(end) = end else { break };
                if let Some(newline) = newline.filter(|_| end < until) {
                    found.push(RunOn {
                        quote: i,
                        newline,
                        end,
                    });
                }
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    found
}

fn is_ident(byte: Option<&u8>) -> bool {
    byte.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// The offset of the first `needle` at or after `from`.
fn find_from(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The offset of the closing quote of the string opened at `quote` (None: never
/// closed), and of the first line break inside it.
fn string_end(b: &[u8], quote: usize) -> (Option<usize>, Option<usize>) {
    let mut newline = None;
    let mut i = quote + 1;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' => i += 2,
            b'"' => return (Some(i), newline),
            b'\n' => {
                newline.get_or_insert(i);
                i += 1;
            }
            _ => i += 1,
        }
    }
    (None, newline)
}

/// Just past the end of a (nested) block comment starting at `from`.
fn block_comment_end(b: &[u8], from: usize) -> usize {
    let (mut depth, mut i) = (0usize, from);
    while i + 1 < b.len() {
        match (b[i], b[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth = depth.saturating_sub(1);
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// Just past the end of the raw string `r#"..."#` starting at `from`.
fn raw_string_end(b: &[u8], from: usize) -> usize {
    let hashes = b
        .get(from + 1..)
        .map_or(0, |rest| rest.iter().take_while(|&&c| c == b'#').count());
    let open = from + 1 + hashes;
    if b.get(open) != Some(&b'"') {
        return from + 1;
    }
    let mut close = vec![b'"'];
    close.extend(std::iter::repeat_n(b'#', hashes));
    find_from(b, open + 1, &close).map_or(b.len(), |at| at + close.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_strings_over_line_breaks_outside_comments() {
        let text =
            "// \"not a string\n(a: \"one\", b: \"two\nthree\", c: r#\"raw\n\"#, d: \"x\\\"\ny\")";
        let found: Vec<(usize, usize)> = run_on_strings(text, text.len())
            .iter()
            .map(|s| position(text, s.quote))
            .collect();
        assert_eq!(found, vec![(2, 15), (4, 8)]);
    }

    #[test]
    fn offsets_count_characters() {
        let text = "é\nab€c";
        assert_eq!(offset_of(text, (2, 4)), text.find('c').unwrap());
        assert_eq!(offset_of(text, (1, 1)), 0);
    }
}
