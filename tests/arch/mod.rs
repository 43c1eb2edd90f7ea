//! The import graph, checked. Reads the `use` lines (and `crate::`/`super::`/`self::`
//! paths in code) of every file under `src/`, resolves them to the files that define
//! the names, and checks two things:
//!
//! - the pure layers stay pure: `engine`, `import`, `model`, `money` and `report`
//!   never reach files, the environment, the clock or a GUI/PDF crate, and `engine`,
//!   `import` and `model` import only the floors below them;
//! - no two files import each other, directly or around a circle.
//!
//! A `pub use` in a module file is its public face, not a dependency: names are
//! followed through it to the file that defines them.

mod graph;

use std::collections::{BTreeMap, BTreeSet};

use graph::Tree;

/// Circles being removed on another branch (none now); every other circle fails the test.
const KNOWN_CIRCLES: &[&[&str]] = &[];

/// Words that must not appear in the code of the pure layers.
const IMPURE: &[&str] = &[
    "egui",
    "eframe",
    "krilla",
    "std::fs",
    "std::env",
    "Local::now",
    "Utc::now",
    "SystemTime",
    "Instant::now",
];

/// Crates the engine and model may use besides their own floors.
const PURE_CRATES: &[&str] = &["std", "core", "alloc", "chrono", "serde", "thiserror"];

/// Crates one pure layer may use besides [`PURE_CRATES`]: `import` reads CSV text
/// already in memory with the `csv` crate (never its file-opening constructors:
/// the words `std::fs`... are checked like everywhere else).
fn extra_crates(layer: &str) -> &'static [&'static str] {
    match layer {
        "import" => &["csv"],
        _ => &[],
    }
}

/// The floors each pure layer may import from inside the crate; `None` means any
/// floor except the impure ones.
fn allowed_floors(layer: &str) -> Option<&'static [&'static str]> {
    match layer {
        "engine" => Some(&["engine", "model", "money"]),
        "model" => Some(&["model", "money"]),
        "money" => Some(&["money"]),
        // Outside data in (X12 271, CSV), as plain data: it maps files' text to the
        // model and knows nothing of the engine, reports, files or screens.
        "import" => Some(&["import", "model", "money"]),
        _ => None,
    }
}

/// Floors no pure layer imports.
const IMPURE_FLOORS: &[&str] = &["library", "gui", "export", "cli"];

/// The layers that compute and describe, and never touch the outside world.
const PURE_LAYERS: &[&str] = &["engine", "import", "model", "money", "report"];

/// The top-level module (floor) a file belongs to: `engine/rules.rs` -> `engine`.
fn floor(rel: &str) -> &str {
    rel.split('/').next().unwrap_or(rel).trim_end_matches(".rs")
}

/// True when `word` occurs in `code` not as part of a longer name.
fn has_word(code: &str, word: &str) -> bool {
    let is_name = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        !before.is_some_and(is_name) && !after.is_some_and(is_name)
    })
}

/// Every import or word in a pure layer that reaches beyond what it may use.
fn purity_violations(tree: &Tree) -> Vec<String> {
    let mut found = Vec::new();
    for (rel, file) in &tree.files {
        let layer = floor(rel);
        if !PURE_LAYERS.contains(&layer) {
            continue;
        }
        for import in &file.imports {
            let at = format!(
                "src/{rel}:{}: {}",
                import.line,
                import.path.segments.join("::")
            );
            if let Some(target) = tree.resolve(&import.module, &import.path, 0) {
                let to = floor(&target);
                let allowed = allowed_floors(layer).is_none_or(|floors| floors.contains(&to));
                if IMPURE_FLOORS.contains(&to) || !allowed {
                    found.push(format!("{at} (`{layer}` imports `{to}`)"));
                }
                continue;
            }
            let root = import.path.segments.first().map_or("", String::as_str);
            let second = import.path.segments.get(1).map_or("", String::as_str);
            let pure_crate = PURE_CRATES.contains(&root)
                || extra_crates(layer).contains(&root)
                || root.starts_with(char::is_uppercase);
            if ["egui", "eframe", "krilla"].contains(&root)
                || (root == "std" && ["fs", "env"].contains(&second))
                || (allowed_floors(layer).is_some() && !pure_crate)
            {
                let what = if root == "std" {
                    format!("std::{second}")
                } else {
                    root.to_string()
                };
                found.push(format!("{at} (`{layer}` uses `{what}`)"));
            }
        }
        for (line, code) in &file.code {
            for word in IMPURE.iter().filter(|w| has_word(code, w)) {
                found.push(format!("src/{rel}:{line}: {code} (`{word}` in `{layer}`)"));
            }
        }
    }
    found
}

/// Groups of files that import each other around a circle (Tarjan's strongly
/// connected components with more than one file), each as one example circle.
fn circles(tree: &Tree) -> Vec<(BTreeSet<String>, String)> {
    let edges = tree.edges();
    let mut components = Vec::new();
    let mut tarjan = Tarjan::default();
    for node in edges.keys() {
        if !tarjan.index.contains_key(node) {
            tarjan.visit(node, &edges, &mut components);
        }
    }
    components
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            let example = example_circle(&c, &edges);
            (c, example)
        })
        .collect()
}

#[derive(Default)]
struct Tarjan {
    index: BTreeMap<String, usize>,
    low: BTreeMap<String, usize>,
    stack: Vec<String>,
    on_stack: BTreeSet<String>,
}

impl Tarjan {
    fn visit(
        &mut self,
        node: &str,
        edges: &BTreeMap<String, BTreeMap<String, usize>>,
        out: &mut Vec<BTreeSet<String>>,
    ) {
        let n = self.index.len();
        self.index.insert(node.to_string(), n);
        self.low.insert(node.to_string(), n);
        self.stack.push(node.to_string());
        self.on_stack.insert(node.to_string());
        for next in edges.get(node).into_iter().flat_map(BTreeMap::keys) {
            if !self.index.contains_key(next) {
                self.visit(next, edges, out);
                let low = self.low[node].min(self.low[next]);
                self.low.insert(node.to_string(), low);
            } else if self.on_stack.contains(next) {
                let low = self.low[node].min(self.index[next]);
                self.low.insert(node.to_string(), low);
            }
        }
        if self.low[node] == self.index[node] {
            let mut component = BTreeSet::new();
            while let Some(top) = self.stack.pop() {
                self.on_stack.remove(&top);
                let done = top == node;
                component.insert(top);
                if done {
                    break;
                }
            }
            out.push(component);
        }
    }
}

/// One shortest circle through the first file of a component, written
/// `a.rs:12 -> b.rs:3 -> a.rs` (the line of each file's import of the next).
fn example_circle(
    component: &BTreeSet<String>,
    edges: &BTreeMap<String, BTreeMap<String, usize>>,
) -> String {
    let Some(start) = component.first() else {
        return String::new();
    };
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start.as_str()]);
    while let Some(node) = queue.pop_front() {
        for next in edges[node].keys().filter(|n| component.contains(*n)) {
            if next == start {
                let mut path = vec![node];
                while let Some(prev) = came_from.get(path[path.len() - 1]) {
                    path.push(prev);
                }
                path.reverse();
                let mut text: Vec<String> = path
                    .windows(2)
                    .map(|w| format!("src/{}:{}", w[0], edges[w[0]][w[1]]))
                    .collect();
                text.push(format!("src/{node}:{}", edges[node][start]));
                text.push(format!("src/{start}"));
                return text.join(" -> ");
            }
            if !came_from.contains_key(next.as_str()) && next != start {
                came_from.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    component.iter().cloned().collect::<Vec<_>>().join(", ")
}

/// The circles not on the known list.
fn unknown_circles(tree: &Tree) -> Vec<String> {
    circles(tree)
        .into_iter()
        .filter(|(files, _)| {
            !KNOWN_CIRCLES
                .iter()
                .any(|known| known.len() == files.len() && known.iter().all(|k| files.contains(*k)))
        })
        .map(|(files, example)| {
            let files: Vec<&str> = files.iter().map(String::as_str).collect();
            format!("{} import each other, e.g. {example}", files.join(", "))
        })
        .collect()
}

#[test]
fn pure_layers_reach_no_files_clock_gui_or_upper_floors() {
    let found = purity_violations(&Tree::load());
    assert!(found.is_empty(), "impure imports:\n{}", found.join("\n"));
}

#[test]
fn no_file_imports_itself_around_a_circle() {
    let found = unknown_circles(&Tree::load());
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

#[test]
fn engine_model_and_money_use_no_floats() {
    let tree = Tree::load();
    let mut found = Vec::new();
    for (rel, file) in &tree.files {
        if !["engine", "model", "money"].contains(&floor(rel)) {
            continue;
        }
        for (line, code) in &file.code {
            if has_word(code, "f64") || has_word(code, "f32") {
                found.push(format!("src/{rel}:{line}: {code}"));
            }
        }
    }
    assert!(found.is_empty(), "floating point:\n{}", found.join("\n"));
}

/// The checks themselves, on a small made-up tree: they must catch a forbidden
/// import written any of the usual ways, and a circle through a re-export.
#[test]
fn the_checks_catch_forbidden_imports_and_circles() {
    let texts: BTreeMap<String, String> = [
        (
            "lib.rs",
            "pub mod engine;\npub mod library;\npub mod model;\npub mod gui;\n",
        ),
        (
            "engine/mod.rs",
            "mod input;\npub use input::Input;\nuse std::{collections::BTreeMap, fs};\n",
        ),
        (
            "engine/input.rs",
            "use crate::{library::Library, model::Plan};\npub struct Input;\n\
             fn f() { let now = chrono::Local::now(); }\n",
        ),
        ("library/mod.rs", "pub struct Library;\n"),
        (
            "model/mod.rs",
            "mod plan;\npub use plan::Plan;\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
        ),
        (
            "model/plan.rs",
            "pub struct Plan;\nfn f() -> super::super::library::Library {}\n",
        ),
        ("gui/mod.rs", "mod a;\nmod b;\npub use a::A;\n"),
        ("gui/a.rs", "use super::b::B;\npub struct A;\n"),
        ("gui/b.rs", "pub struct B;\nfn f(_: crate::gui::A) {}\n"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let tree = Tree::from_texts(&texts);
    let impure = purity_violations(&tree).join("\n");
    for expected in [
        "src/engine/mod.rs:3: std::fs (`engine` uses `std::fs`)",
        "src/engine/input.rs:1: crate::library::Library",
        "(`Local::now` in `engine`)",
        "src/model/plan.rs:2: super::super::library::Library (`model` imports `library`)",
    ] {
        assert!(
            impure.contains(expected),
            "missing {expected:?} in:\n{impure}"
        );
    }
    assert!(!impure.contains("model::Plan"), "{impure}");
    let found = unknown_circles(&tree);
    assert_eq!(
        found,
        vec![
            "gui/a.rs, gui/b.rs import each other, e.g. \
             src/gui/a.rs:1 -> src/gui/b.rs:2 -> src/gui/a.rs"
                .to_string()
        ]
    );
}
