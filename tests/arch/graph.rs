//! Reading `src/` into a file-level import graph: each file's items, `use`
//! statements and `crate::`/`super::`/`self::` paths, resolved to the file that
//! defines each name (following re-exports and imports along the way). A plain
//! line reader, not a Rust parser: it relies on rustfmt's layout (one item per
//! line, a closing `}` at its opening line's indent).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::util::rust_files;

/// One imported path: its segments, whether it ends in `*`, and its `as` name.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct UsePath {
    pub(super) segments: Vec<String>,
    glob: bool,
    alias: Option<String>,
}

impl UsePath {
    /// The name this import makes visible (None for `as _` and globs).
    fn binds(&self) -> Option<&str> {
        if self.glob {
            return None;
        }
        match &self.alias {
            Some(alias) if alias == "_" => None,
            Some(alias) => Some(alias),
            None => self.segments.last().map(String::as_str),
        }
    }
}

/// A `use` statement or a path written in code, found in one module of one file.
#[derive(Debug)]
pub(super) struct Import {
    /// The module (file module plus inline modules) it was written in.
    pub(super) module: Vec<String>,
    pub(super) path: UsePath,
    /// A `pub use`: a re-export, followed but not counted as an edge.
    public: bool,
    /// Line number, for messages.
    pub(super) line: usize,
}

/// One source file.
#[derive(Debug, Default)]
pub(super) struct ParsedFile {
    /// Item names defined in the file (any module level).
    defined: BTreeSet<String>,
    pub(super) imports: Vec<Import>,
    /// Code lines without comments, with their numbers.
    pub(super) code: Vec<(usize, String)>,
}

/// Every file under `src/` but `main.rs` (the binary root, which nothing imports).
pub(super) struct Tree {
    /// Files by path relative to `src/`.
    pub(super) files: BTreeMap<String, ParsedFile>,
    /// The file of each module path; inline modules map to their file.
    modules: BTreeMap<Vec<String>, String>,
}

fn src_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module path of a file by the usual layout (`a/mod.rs` and `a.rs` are `a`).
fn module_of(rel: &str) -> Vec<String> {
    let trimmed = rel.trim_end_matches(".rs");
    let mut parts: Vec<String> = trimmed.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

impl Tree {
    pub(super) fn load() -> Tree {
        let root = src_root();
        let mut paths = Vec::new();
        rust_files(&root, &mut paths);
        let mut texts = BTreeMap::new();
        for path in paths {
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel != "main.rs" {
                texts.insert(rel, std::fs::read_to_string(&path).unwrap());
            }
        }
        Tree::from_texts(&texts)
    }

    /// Builds the tree from file texts keyed by path relative to `src/`.
    pub(super) fn from_texts(texts: &BTreeMap<String, String>) -> Tree {
        let mut modules: BTreeMap<Vec<String>, String> = BTreeMap::new();
        for rel in texts.keys() {
            modules.insert(module_of(rel), rel.clone());
        }
        // `#[path = "x.rs"] mod name;` puts x.rs (beside the declaring file) at name.
        for (rel, text) in texts {
            let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
            let mut pending = None;
            for line in text.lines().map(str::trim) {
                if let Some(p) = line.strip_prefix("#[path = \"") {
                    pending = p.strip_suffix("\"]").map(str::to_string);
                } else if let (Some(file), Some(name)) = (&pending, declared_mod(line)) {
                    let target = if dir.is_empty() {
                        file.clone()
                    } else {
                        format!("{dir}/{file}")
                    };
                    let mut module = module_of(rel);
                    module.push(name);
                    modules.retain(|_, f| *f != target);
                    modules.insert(module, target);
                    pending = None;
                }
            }
        }
        let mut files = BTreeMap::new();
        for (module, rel) in modules.clone() {
            let text = &texts[&rel];
            let file = parse_file(&rel, &module, text, &mut modules);
            files.insert(rel, file);
        }
        Tree { files, modules }
    }

    /// The file that defines what `path` names, seen from `module`; None for
    /// other crates.
    pub(super) fn resolve(
        &self,
        module: &[String],
        path: &UsePath,
        depth: usize,
    ) -> Option<String> {
        let segments = &path.segments;
        let first = segments.first()?;
        let (mut at, rest) = match first.as_str() {
            "crate" => (Vec::new(), &segments[1..]),
            "self" => (module.to_vec(), &segments[1..]),
            "super" => {
                let supers = segments.iter().take_while(|s| *s == "super").count();
                let keep = module.len().checked_sub(supers)?;
                (module[..keep].to_vec(), &segments[supers..])
            }
            name => {
                let mut child = module.to_vec();
                child.push(name.to_string());
                if !self.modules.contains_key(&child) {
                    return None; // another crate
                }
                (module.to_vec(), &segments[..])
            }
        };
        for seg in rest {
            let mut child = at.clone();
            child.push(seg.clone());
            if self.modules.contains_key(&child) {
                at = child;
                continue;
            }
            if seg == "self" {
                break;
            }
            // An item: where the module defines it or where it imports it from.
            return Some(self.item(&at, seg, depth));
        }
        self.modules.get(&at).cloned()
    }

    /// The file defining `name` as seen in `module`: the module's own file, or the
    /// file its `use` of that name leads to.
    fn item(&self, module: &[String], name: &str, depth: usize) -> String {
        let here = self.modules[module].clone();
        let file = &self.files[&here];
        if depth > 8 || file.defined.contains(name) {
            return here;
        }
        let local = file.imports.iter().filter(|i| i.module == module);
        for import in local.clone() {
            if import.path.binds() == Some(name) {
                return self
                    .resolve(module, &import.path, depth + 1)
                    .unwrap_or(here);
            }
        }
        for import in local.filter(|i| i.path.glob) {
            if let Some(target) = self.resolve(module, &import.path, depth + 1) {
                let glob_module = self.modules.iter().find(|(_, f)| **f == target);
                if let Some((m, _)) = glob_module
                    && m.as_slice() != module
                {
                    let found = self.item(m, name, depth + 1);
                    if found != target || self.files[&target].defined.contains(name) {
                        return found;
                    }
                }
            }
        }
        here
    }

    /// File-level edges: importing file -> file defining the name, with the line.
    pub(super) fn edges(&self) -> BTreeMap<String, BTreeMap<String, usize>> {
        let mut edges: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for (rel, file) in &self.files {
            let out = edges.entry(rel.clone()).or_default();
            for import in file.imports.iter().filter(|i| !i.public) {
                if let Some(target) = self.resolve(&import.module, &import.path, 0)
                    && target != *rel
                {
                    out.entry(target).or_insert(import.line);
                }
            }
        }
        edges
    }
}

/// `name` when the line declares a module from another file (`mod name;`).
fn declared_mod(line: &str) -> Option<String> {
    let rest = line.strip_prefix("pub ").unwrap_or(line);
    let rest = match rest.strip_prefix("pub(") {
        Some(r) => r.split_once(") ")?.1,
        None => rest,
    };
    let name = rest.strip_prefix("mod ")?.strip_suffix(';')?;
    Some(name.trim().to_string())
}

/// The name of an inline module opened on this line (`mod name {`).
fn inline_mod(line: &str) -> Option<String> {
    let rest = line.strip_prefix("pub ").unwrap_or(line);
    let name = rest.strip_prefix("mod ")?.strip_suffix(" {")?;
    Some(name.trim().to_string())
}

/// The name an item definition line defines, if it is one.
fn defined_name(line: &str) -> Option<String> {
    let mut rest = line;
    if let Some(r) = rest.strip_prefix("pub") {
        rest = match r.strip_prefix('(') {
            Some(r) => r.split_once(')')?.1.trim_start(),
            None => r.strip_prefix(' ')?,
        };
    }
    for qualifier in ["async ", "unsafe "] {
        rest = rest.strip_prefix(qualifier).unwrap_or(rest);
    }
    let keywords = [
        "fn ",
        "const fn ",
        "struct ",
        "enum ",
        "trait ",
        "type ",
        "const ",
        "static ",
        "union ",
        "macro_rules! ",
    ];
    keywords
        .iter()
        .find_map(|k| rest.strip_prefix(k))
        .and_then(ident)
}

fn ident(text: &str) -> Option<String> {
    let name: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The code of a line without its `//` comment (strings are not parsed: a `//`
/// inside a string cuts the line short, which only hides text, never adds it).
fn strip_comment(line: &str) -> &str {
    line.split("//").next().unwrap_or("")
}

/// Reads one file's items, `use` statements and code paths.
fn parse_file(
    rel: &str,
    module: &[String],
    text: &str,
    modules: &mut BTreeMap<Vec<String>, String>,
) -> ParsedFile {
    let mut file = ParsedFile::default();
    // Inline modules open at an indent and close at a `}` with the same indent
    // (rustfmt keeps it so).
    let mut inline: Vec<(usize, String)> = Vec::new();
    let mut statement: Option<(usize, bool, String)> = None;
    for (n, raw) in text.lines().enumerate() {
        let number = n + 1;
        let indent = raw.len() - raw.trim_start().len();
        let line = strip_comment(raw).trim();
        if inline
            .last()
            .is_some_and(|(i, _)| *i == indent && line == "}")
        {
            inline.pop();
            continue;
        }
        let mut current = module.to_vec();
        current.extend(inline.iter().map(|(_, name)| name.clone()));
        if let Some(name) = inline_mod(line) {
            let mut inner = current.clone();
            inner.push(name.clone());
            modules.entry(inner).or_insert_with(|| rel.to_string());
            inline.push((indent, name));
            continue;
        }
        if let Some(name) = defined_name(line) {
            file.defined.insert(name);
        }
        if statement.is_none() {
            if let Some((public, rest)) = use_start(line) {
                statement = Some((number, public, String::new()));
                let (_, _, text) = statement.as_mut().unwrap();
                text.push_str(rest);
            } else if !line.is_empty() {
                file.code.push((number, line.to_string()));
                for path in code_paths(line) {
                    file.imports.push(Import {
                        module: current.clone(),
                        path,
                        public: false,
                        line: number,
                    });
                }
            }
        } else if let Some((_, _, text)) = statement.as_mut() {
            text.push_str(line);
        }
        if let Some((start, public, text)) = statement.take() {
            if let Some(body) = text.strip_suffix(';') {
                for path in use_tree(body) {
                    file.imports.push(Import {
                        module: current.clone(),
                        path,
                        public,
                        line: start,
                    });
                }
                file.code.push((start, format!("use {body};")));
            } else {
                statement = Some((start, public, text));
            }
        }
    }
    file
}

/// The rest of a line that starts a `use` statement, and whether it is public.
fn use_start(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("use ") {
        return Some((false, rest));
    }
    let rest = line.strip_prefix("pub")?;
    let rest = match rest.strip_prefix('(') {
        Some(r) => r.split_once(')')?.1,
        None => rest,
    };
    rest.trim_start().strip_prefix("use ").map(|r| (true, r))
}

/// Expands a use tree (`a::{b, c::{d as e, *}}`) into paths.
fn use_tree(text: &str) -> Vec<UsePath> {
    let tokens = tokens(text);
    let mut at = 0;
    parse_tree(&tokens, &mut at, &[])
}

/// Identifiers, `*`, `::`, braces and commas.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            let mut word = c.to_string();
            while let Some(&next) = chars.peek().filter(|n| n.is_alphanumeric() || **n == '_') {
                word.push(next);
                chars.next();
            }
            out.push(word);
        } else if c == ':' {
            if chars.next_if_eq(&':').is_some() {
                out.push("::".to_string());
            }
        } else if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    out
}

fn parse_tree(tokens: &[String], at: &mut usize, prefix: &[String]) -> Vec<UsePath> {
    let mut segments = prefix.to_vec();
    while let Some(token) = tokens.get(*at) {
        *at += 1;
        match token.as_str() {
            "::" => continue,
            "{" => {
                let mut out = Vec::new();
                while let Some(next) = tokens.get(*at) {
                    match next.as_str() {
                        "}" => {
                            *at += 1;
                            break;
                        }
                        "," => *at += 1,
                        _ => out.extend(parse_tree(tokens, at, &segments)),
                    }
                }
                return out;
            }
            "*" => {
                return vec![UsePath {
                    segments,
                    glob: true,
                    alias: None,
                }];
            }
            word => segments.push(word.to_string()),
        }
        if tokens.get(*at).is_some_and(|t| t == "::") {
            continue;
        }
        let mut alias = None;
        if tokens.get(*at).is_some_and(|t| t == "as") {
            alias = tokens.get(*at + 1).cloned();
            *at += 2;
        }
        if segments.len() > 1 && segments.last().is_some_and(|s| s == "self") {
            segments.pop();
        }
        return vec![UsePath {
            segments,
            glob: false,
            alias,
        }];
    }
    Vec::new()
}

/// `crate::`, `super::` and `self::` paths written in code.
fn code_paths(line: &str) -> Vec<UsePath> {
    let mut paths = Vec::new();
    for root in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = line[from..].find(root).map(|i| i + from) {
            from = at + root.len();
            let before = line[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String = line[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let segments = path
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            paths.push(UsePath {
                segments,
                glob: false,
                alias: None,
            });
        }
    }
    paths
}
