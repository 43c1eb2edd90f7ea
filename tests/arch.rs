//! The engine and model stay pure: no GUI, no files, no clock, no floating point
//! (DEVELOPERS.md: "The engine is pure"; money is integer cents).

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn engine_model_and_money_are_pure() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("engine"), &mut files);
    rust_files(&root.join("model"), &mut files);
    files.push(root.join("money.rs"));
    let banned = [
        "egui", "eframe", "std::fs", "File::", "::now(", "f64", "f32", "Local::", "Utc::",
    ];
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in banned {
                if code.contains(word) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "impure code:\n{}", found.join("\n"));
}

#[test]
fn report_is_plain_data() {
    // The view models are drawn by the GUI and laid out by the PDF writer, so
    // they hold no drawing types, read no files and never ask the clock.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("report"), &mut files);
    let banned = [
        "egui",
        "eframe",
        "krilla",
        "crate::library",
        "crate::gui",
        "crate::export",
        "std::fs",
        "std::env",
        "File::",
        "::now(",
        "Local::",
        "Utc::",
        "f64",
        "f32",
    ];
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in banned {
                if code.contains(word) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "report is not plain data:\n{}",
        found.join("\n")
    );
}
