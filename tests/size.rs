//! Size limits from the style guide: no file in `src/` over 600 lines and no
//! function over 80 lines, except the few listed in `LONG_FUNCTIONS` with the
//! reason they stay long. A long function is a sign a domain step has no name yet.

use std::path::Path;

use super::util::rust_files;

const MAX_FILE_LINES: usize = 600;
const MAX_FUNCTION_LINES: usize = 80;

/// Functions allowed over the limit: (file under src/, function name, why).
const LONG_FUNCTIONS: &[(&str, &str, &str)] = &[];

/// The line without string literals and `//` comments, so braces inside them do
/// not count.
fn code_of(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match (in_string, c) {
            (true, '\\') => {
                chars.next();
            }
            (true, '"') => in_string = false,
            (true, _) => {}
            (false, '"') => in_string = true,
            (false, '\'') => {
                // A char literal such as '{' (but not a lifetime): skip it.
                let rest: String = chars.clone().take(3).collect();
                if rest.len() >= 2 && (rest.chars().nth(1) == Some('\'') || rest.starts_with('\\'))
                {
                    while let Some(n) = chars.next() {
                        if n == '\\' {
                            chars.next();
                        } else if n == '\'' {
                            break;
                        }
                    }
                }
            }
            (false, '/') if chars.peek() == Some(&'/') => break,
            (false, _) => out.push(c),
        }
    }
    out
}

/// The name of the function declared on this line, if any.
fn declared_fn(code: &str) -> Option<String> {
    let words: Vec<&str> = code.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "fn")?;
    let name = words.get(at + 1)?;
    let name: String = name
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let before_ok = words[..at]
        .iter()
        .all(|w| w.starts_with("pub") || matches!(*w, "const" | "async" | "unsafe" | "extern"));
    (before_ok && !name.is_empty()).then_some(name)
}

/// (function name, first line, length in lines) for every function in the text.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<String> = text.lines().map(code_of).collect();
    let mut out = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(name) = declared_fn(line) else {
            continue;
        };
        let mut depth = 0i32;
        let mut opened = false;
        for (end, body) in lines.iter().enumerate().skip(start) {
            for c in body.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if !opened && body.trim_end().ends_with(';') {
                break;
            }
            if opened && depth <= 0 {
                out.push((name.clone(), start + 1, end - start + 1));
                break;
            }
        }
    }
    out
}

#[test]
fn files_and_functions_stay_short() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut allowed_seen = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let relative = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let count = text.lines().count();
        if count > MAX_FILE_LINES {
            problems.push(format!(
                "src/{relative}: {count} lines (limit {MAX_FILE_LINES})"
            ));
        }
        for (name, line, length) in functions(&text) {
            if length <= MAX_FUNCTION_LINES {
                continue;
            }
            if LONG_FUNCTIONS
                .iter()
                .any(|(f, n, _)| *f == relative && *n == name)
            {
                allowed_seen.push((relative.clone(), name));
                continue;
            }
            problems.push(format!(
                "src/{relative}:{line}: fn {name} is {length} lines (limit {MAX_FUNCTION_LINES})"
            ));
        }
    }
    for (file, name, _) in LONG_FUNCTIONS {
        if !allowed_seen.iter().any(|(f, n)| f == file && n == name) {
            problems.push(format!(
                "src/{file}: fn {name} is listed in LONG_FUNCTIONS but is short now (or gone): remove it from the list"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_function_scanner_measures_what_it_should() {
    let text = "fn short() {\n    let s = \"}\";\n}\n\npub(crate) fn two(\n    a: u8,\n) -> u8 {\n    a\n}\ntrait T {\n    fn decl(&self);\n}\n";
    let found = functions(text);
    assert_eq!(
        found,
        vec![("short".to_string(), 1, 3), ("two".to_string(), 5, 5)]
    );
}
