//! Every ```ron example in docs/formats.md parses as the type its first line names
//! (`// type: PlanRules`), through the same loader the app uses, and passes the
//! loader's checks.

use std::path::{Path, PathBuf};

use ferrule::library::{self, parse_treatment_plan};
use ferrule::model::plan::{FrequencyWindow, Network};
use ferrule::model::{CodeCatalogue, CodeSet, Library, SourceFile};
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::{root, shipped_schedules};

/// One fenced ```ron block: the line its text starts on, the type named on its
/// first line, and its text.
struct Example {
    line: usize,
    kind: String,
    text: String,
}

fn examples(markdown: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Vec<&str>)> = None;
    for (n, line) in markdown.lines().enumerate() {
        match &mut open {
            None if line.trim_end() == "```ron" => open = Some((n + 2, Vec::new())),
            None => {}
            Some((start, lines)) if line.trim_end() == "```" => {
                let text = lines.join("\n") + "\n";
                let kind = lines
                    .first()
                    .and_then(|first| first.trim().strip_prefix("// type:"))
                    .and_then(|rest| rest.split_whitespace().next())
                    .unwrap_or("")
                    .to_string();
                out.push(Example {
                    line: *start,
                    kind,
                    text,
                });
                open = None;
            }
            Some((_, lines)) => lines.push(line),
        }
    }
    assert!(open.is_none(), "a ```ron block is never closed");
    out
}

/// The loader's RON options (its own reader is private to the library module).
fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses a part of a file with the loader's RON options.
fn part<T: DeserializeOwned>(text: &str) -> Result<(), String> {
    options()
        .from_str::<T>(text)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn problems_of(library: &Library) -> Result<(), String> {
    if library.problems.is_empty() {
        Ok(())
    } else {
        let lines: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
        Err(lines.join("\n"))
    }
}

/// Loads one example as the loader would load a file of its type.
fn check(example: &Example, path: &Path, shipped: &Library) -> Result<(), String> {
    let file = || SourceFile {
        path: path.to_path_buf(),
        text: example.text.clone(),
    };
    match example.kind.as_str() {
        "PlanRules" => {
            let library = library::from_sources(&shipped_schedules(), &[file()]);
            problems_of(&library)?;
            (library.plans.len() == 1)
                .then_some(())
                .ok_or_else(|| "the plan did not load".to_string())
        }
        "DerivedPlan" => {
            let mut plans: Vec<SourceFile> = super::ron_files("plans")
                .iter()
                .map(|rel| super::source(rel))
                .collect();
            plans.push(file());
            let library = library::from_sources(&shipped_schedules(), &plans);
            problems_of(&library)?;
            (library.derivations.len() == shipped.derivations.len() + 1)
                .then_some(())
                .ok_or_else(|| "the derived plan did not load".to_string())
        }
        "FeeSchedule" => {
            let library = library::from_sources(&[file()], &[]);
            problems_of(&library)?;
            (library.fee_schedules.len() == 1)
                .then_some(())
                .ok_or_else(|| "the fee schedule did not load".to_string())
        }
        "TreatmentPlan" => {
            let plan = parse_treatment_plan(path, &example.text).map_err(|p| p.to_string())?;
            let problems = super::document_problems(&plan, shipped);
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("\n"))
            }
        }
        "CodeCatalogue" => check_catalogue(&example.text, shipped),
        "PracticeSettings" => library::practice::parse(path, &example.text)
            .map(|_| ())
            .map_err(|e| e.to_string()),
        "CodeSet" => part::<CodeSet>(&example.text),
        "CodeGroupsFile" => check_code_groups(path, &example.text),
        "CodingFile" => check_coding(&file(), shipped),
        "[Network]" => part::<Vec<Network>>(&example.text),
        "[FrequencyWindow]" => part::<Vec<FrequencyWindow>>(&example.text),
        other => Err(format!(
            "unknown type {other:?} on the first line (expected `// type: NAME`)"
        )),
    }
}

/// A catalogue excerpt: format 1, and every entry as in the real catalogue.
fn check_catalogue(text: &str, shipped: &Library) -> Result<(), String> {
    let catalogue: CodeCatalogue = options().from_str(text).map_err(|e| e.to_string())?;
    if catalogue.format != 1 {
        return Err(format!("format {}", catalogue.format));
    }
    for entry in &catalogue.codes {
        if shipped.catalogue.get(entry.code) != Some(entry) {
            return Err(format!("{} differs from assets/cdt-codes.ron", entry.code));
        }
    }
    Ok(())
}

/// A code groups file: no problem and at least one group.
fn check_code_groups(path: &Path, text: &str) -> Result<(), String> {
    let (groups, problems) = library::load_code_groups(path, text);
    match problems.first() {
        Some(problem) => Err(problem.to_string()),
        None if groups.is_empty() => Err("no groups".to_string()),
        None => Ok(()),
    }
}

/// A coding file: no problem and at least one check.
fn check_coding(file: &SourceFile, shipped: &Library) -> Result<(), String> {
    let (book, problems) = library::load_coding(std::slice::from_ref(file), &shipped.catalogue);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(lines.join("\n"));
    }
    (!book.checks.is_empty())
        .then_some(())
        .ok_or_else(|| "the coding file loaded no check".to_string())
}

#[test]
fn formats_doc_examples_parse() {
    // CARGO_MANIFEST_DIR is the crate root, and docs/ sits inside it.
    let doc = root().join("docs/formats.md");
    let markdown = std::fs::read_to_string(&doc)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", doc.display()));
    let examples = examples(&markdown);
    let shipped = library::load_dir(&root());

    let mut failures = Vec::new();
    for example in &examples {
        let path = PathBuf::from(format!("docs/formats.md@{}", example.line));
        if let Err(e) = check(example, &path, &shipped) {
            failures.push(format!(
                "docs/formats.md line {} ({}): {e}",
                example.line, example.kind
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));

    // Each file type has at least one full example.
    for kind in ["FeeSchedule", "PlanRules", "CodeCatalogue", "TreatmentPlan"] {
        assert!(
            examples.iter().any(|e| e.kind == kind),
            "docs/formats.md has no {kind} example"
        );
    }
    // All five kinds of fee schedule are shown.
    for kind in ["Office", "Contracted", "Allowance", "Scheduled", "Copay"] {
        let shown = examples
            .iter()
            .any(|e| e.kind == "FeeSchedule" && e.text.contains(&format!("kind: {kind},")));
        assert!(shown, "docs/formats.md shows no {kind} fee schedule");
    }
}
