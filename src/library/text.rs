//! Small helpers over file text shared by the reader and the problem reports.

/// The UTF-8 byte-order mark some Windows editors put at the start of a file.
pub const BOM: char = '\u{feff}';

/// `text` without a byte-order mark at its start.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// The 1-based line and column (in characters) of byte offset `at` in `text`.
pub fn position(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
