//! Shipped files with random mutations: every plan, fee schedule and sample
//! treatment plan, with one to four byte, line or token changes (a character
//! deleted, inserted or replaced, a run deleted, a line deleted, doubled or
//! swapped, a number, word or quoted text replaced by another), loaded the way the
//! app loads them. Loading never panics; every problem names a file that was
//! loaded and a position inside it; and whatever still loads is estimated, and
//! every estimate reconciles.

use std::path::Path;
use std::sync::OnceLock;

use ferrule::engine::{self, EstimateInput};
use ferrule::library::{self, parse_treatment_plan};
use ferrule::model::{Library, SourceFile, TreatmentPlan};
use proptest::prelude::*;

use super::{misplaced, shipped, shipped_plans, unsound};
use crate::library::{ron_files, shipped_schedules, source};

/// Characters that matter to RON, and a few that matter to positions (a
/// multi-byte letter, a byte-order mark, curly quotes).
const CHARS: &[char] = &[
    '(', ')', '[', ']', '{', '}', ',', ':', '"', '/', '*', '-', '.', '0', '9', 'D', 'x', '\n', ' ',
    '\\', '#', 'r', 'é', '\u{feff}', '\u{201c}',
];

/// Numbers that sit on an edge somewhere: zero, negatives, past a month or a
/// percentage, past `u32`, fractions, other bases.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "13",
    "100",
    "101",
    "4294967295",
    "4294967296",
    "99999999999999999999",
    "1.5",
    "-0",
    "0x10",
    "1e3",
];

/// Texts to put inside quotes: codes, teeth, surfaces, money and dates on and past
/// their limits, ids of other files, escapes.
const TEXTS: &[&str] = &[
    "",
    "D2740",
    "D9999",
    "2740",
    "33",
    "A",
    "MOD",
    "MX",
    "-5.00",
    "12.345",
    "1000000.00",
    "1000000.01",
    "92233720368547758.07",
    "2026-02-30",
    "0001-01-01",
    "9999-12-31",
    "62.5",
    "100%",
    "summit-ppo-2026",
    "office-2026",
    "lakeview-dhmo-copays-2026",
    "summit-ppo-1500",
    "medicaid-secondary",
    "\\u{0}",
    "\\\"",
];

#[derive(Clone, Debug)]
enum Mutation {
    DeleteChar(usize),
    InsertChar(usize, char),
    ReplaceChar(usize, char),
    DeleteRun(usize, usize),
    DeleteLine(usize),
    DoubleLine(usize),
    SwapLines(usize, usize),
    Number(usize, &'static str),
    Word(usize, usize),
    Text(usize, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let ch = prop::sample::select(CHARS);
    prop_oneof![
        1 => any::<usize>().prop_map(Mutation::DeleteChar),
        1 => (any::<usize>(), ch.clone()).prop_map(|(at, c)| Mutation::InsertChar(at, c)),
        1 => (any::<usize>(), ch).prop_map(|(at, c)| Mutation::ReplaceChar(at, c)),
        1 => (any::<usize>(), 1usize..60).prop_map(|(at, n)| Mutation::DeleteRun(at, n)),
        1 => any::<usize>().prop_map(Mutation::DeleteLine),
        1 => any::<usize>().prop_map(Mutation::DoubleLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        3 => (any::<usize>(), prop::sample::select(NUMBERS)).prop_map(|(at, n)| Mutation::Number(at, n)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Word(a, b)),
        3 => (any::<usize>(), prop::sample::select(TEXTS)).prop_map(|(at, t)| Mutation::Text(at, t)),
    ]
}

/// `at` as a position in a collection of `len` (one past the end for an empty
/// one: callers check).
fn pick(at: usize, len: usize) -> usize {
    at % len.max(1)
}

/// The byte ranges of the tokens `is_token` starts and `continues` extends:
/// numbers, words, or the insides of quoted texts.
fn tokens(text: &str, kind: char) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(at, _)| *at);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(at, c)) = chars.get(i) {
        let (starts, continues): (bool, fn(char) -> bool) = match kind {
            'n' => (c.is_ascii_digit(), |c| c.is_ascii_digit() || c == '.'),
            'w' => (c.is_ascii_alphabetic() || c == '_', |c| {
                c.is_ascii_alphanumeric() || c == '_'
            }),
            _ => (c == '"', |c| c != '"' && c != '\n'),
        };
        if !starts {
            i += 1;
            continue;
        }
        let first = if kind == 't' { i + 1 } else { i };
        let mut j = first + usize::from(kind != 't');
        while chars.get(j).is_some_and(|&(_, c)| continues(c)) {
            j += 1;
        }
        out.push(if kind == 't' {
            (end_of(first), end_of(j))
        } else {
            (at, end_of(j))
        });
        i = j + 1;
    }
    out
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    let replace = |ranges: Vec<(usize, usize)>, at: &usize, with: &str| -> String {
        match ranges.get(pick(*at, ranges.len().max(1))) {
            Some(&(a, b)) => format!("{}{with}{}", &text[..a], &text[b..]),
            None => text.to_string(),
        }
    };
    match mutation {
        Mutation::DeleteChar(at) if !chars.is_empty() => {
            chars.remove(pick(*at, chars.len()));
        }
        Mutation::InsertChar(at, c) => {
            let i = pick(*at, chars.len() + 1);
            chars.insert(i, *c);
        }
        Mutation::ReplaceChar(at, c) if !chars.is_empty() => {
            let i = pick(*at, chars.len());
            chars[i] = *c;
        }
        Mutation::DeleteRun(at, n) if !chars.is_empty() => {
            let from = pick(*at, chars.len());
            chars.drain(from..(from + n).min(chars.len()));
        }
        Mutation::DeleteLine(at) => {
            lines.remove(pick(*at, lines.len()));
            return lines.join("\n");
        }
        Mutation::DoubleLine(at) => {
            let i = pick(*at, lines.len());
            lines.insert(i, lines[i].clone());
            return lines.join("\n");
        }
        Mutation::SwapLines(a, b) => {
            let n = lines.len();
            lines.swap(pick(*a, n), pick(*b, n));
            return lines.join("\n");
        }
        Mutation::Number(at, n) => return replace(tokens(text, 'n'), at, n),
        Mutation::Word(at, other) => {
            let words = tokens(text, 'w');
            let with = words
                .get(pick(*other, words.len().max(1)))
                .map_or("", |&(a, b)| &text[a..b]);
            return replace(words.clone(), at, with);
        }
        Mutation::Text(at, t) => return replace(tokens(text, 't'), at, t),
        _ => {}
    }
    chars.into_iter().collect()
}

/// Every shipped file the loader reads: (kind, path relative to the root).
fn targets() -> Vec<(char, String)> {
    let mut out = Vec::new();
    for (kind, folder) in [
        ('s', "fee-schedules"),
        ('p', "plans"),
        ('t', "assets/samples"),
    ] {
        out.extend(ron_files(folder).into_iter().map(|rel| (kind, rel)));
    }
    out
}

/// The shipped sample treatment plans, read once.
fn samples() -> &'static [TreatmentPlan] {
    static SAMPLES: OnceLock<Vec<TreatmentPlan>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        ron_files("assets/samples")
            .iter()
            .map(|rel| {
                let file = source(rel);
                parse_treatment_plan(&file.path, &file.text).unwrap_or_else(|p| panic!("{p}"))
            })
            .collect()
    })
}

/// The shipped fee schedules and plans, read once.
fn shipped_files() -> &'static (Vec<SourceFile>, Vec<SourceFile>) {
    static FILES: OnceLock<(Vec<SourceFile>, Vec<SourceFile>)> = OnceLock::new();
    FILES.get_or_init(|| (shipped_schedules(), shipped_plans()))
}

/// Estimates every option of `plan` that can be set up in `library`.
fn estimate_all(library: &Library, plan: &TreatmentPlan, as_of: &str) -> Result<usize, String> {
    let as_of = crate::util::d(as_of);
    let mut done = 0;
    for option in &plan.options {
        let Ok(input) = EstimateInput::for_option(library, plan, option, &plan.coverage, as_of)
        else {
            continue;
        };
        let estimate = engine::estimate(&input);
        if let Some(why) = unsound(&input, option, &estimate) {
            return Err(format!("option {}: {why}", option.id));
        }
        done += 1;
    }
    Ok(done)
}

/// `files` with the one at `path` replaced by `text`.
fn replaced(files: &[SourceFile], path: &str, text: &str) -> Vec<SourceFile> {
    files
        .iter()
        .map(|f| SourceFile {
            path: f.path.clone(),
            text: if f.path == Path::new(path) {
                text.to_string()
            } else {
                f.text.clone()
            },
        })
        .collect()
}

fn owned(files: &[SourceFile]) -> Vec<SourceFile> {
    files
        .iter()
        .map(|f| SourceFile {
            path: f.path.clone(),
            text: f.text.clone(),
        })
        .collect()
}

/// Loads the shipped library with the file at `path` mutated to `text`, checks its
/// problems, and estimates the samples against what loaded.
fn library_case(kind: char, path: &str, text: &str) -> Result<(), String> {
    let (shipped_schedules, shipped_plans) = shipped_files();
    let (schedules, plans) = if kind == 's' {
        (
            replaced(shipped_schedules, path, text),
            owned(shipped_plans),
        )
    } else {
        (
            owned(shipped_schedules),
            replaced(shipped_plans, path, text),
        )
    };
    let library = library::from_sources(&schedules, &plans);
    let files: Vec<SourceFile> = schedules.into_iter().chain(plans).collect();
    for problem in &library.problems {
        let shown = problem.to_string();
        if let Some(why) = misplaced(&shown, &files) {
            return Err(why);
        }
        // Another file can only be wrong because of the mutated one: it now
        // repeats the mutated file's id, names a fee schedule that broke, or is
        // based on a plan that broke.
        let elsewhere = problem.path != Path::new(path);
        let explained = problem.message.starts_with("duplicate ")
            || problem.message.starts_with("based on plan \"")
            || (kind == 's' && problem.message.starts_with("fee schedule \""));
        if elsewhere && !explained {
            return Err(format!("{shown}: a problem in a file that was not changed"));
        }
    }
    for sample in samples() {
        estimate_all(&library, sample, "2026-11-23")?;
    }
    Ok(())
}

/// Opens the sample at `path` mutated to `text` and estimates it against the
/// shipped library.
fn treatment_case(path: &str, text: &str) -> Result<(), String> {
    let file = SourceFile {
        path: path.into(),
        text: text.to_string(),
    };
    match parse_treatment_plan(&file.path, &file.text) {
        Err(problem) => misplaced(&problem.to_string(), &[file]).map_or(Ok(()), Err),
        Ok(plan) => estimate_all(shipped(), &plan, "2026-11-23").map(|_| ()),
    }
}

fn run(target: &usize, mutations: &[Mutation]) -> Result<(), TestCaseError> {
    let targets = targets();
    let (kind, path) = &targets[pick(*target, targets.len())];
    let mut text = source(path).text;
    for m in mutations {
        text = apply(&text, m);
    }
    let outcome = if *kind == 't' {
        treatment_case(path, &text)
    } else {
        library_case(*kind, path, &text)
    };
    outcome.map_err(|why| TestCaseError::fail(format!("{path} mutated to:\n{text}\n{why}")))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: super::cases(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Issue 12, item 8: mutated shipped files never panic the loader, every
    /// problem is placed inside a file, and what loads estimates soundly.
    #[test]
    fn mutated_shipped_files_load_and_estimate_soundly(
        target in any::<usize>(),
        // Mostly one change, so that many inputs still load and get estimated.
        mutations in prop_oneof![
            3 => prop::collection::vec(mutation(), 1..=1),
            1 => prop::collection::vec(mutation(), 2..=4),
        ],
    ) {
        run(&target, &mutations)?;
    }
}

/// The mutations do what they say, on a small text.
#[test]
fn mutations_change_what_they_name() {
    let text = "A(x: 12, y: \"D2740\")\nB\n";
    let at = |i: usize| i;
    let cases = [
        (Mutation::Number(at(0), "-1"), "A(x: -1, y: \"D2740\")\nB\n"),
        (Mutation::Text(at(0), "33"), "A(x: 12, y: \"33\")\nB\n"),
        (Mutation::Word(at(0), at(4)), "B(x: 12, y: \"D2740\")\nB\n"),
        (Mutation::DeleteLine(at(0)), "B\n"),
        (
            Mutation::DoubleLine(at(1)),
            "A(x: 12, y: \"D2740\")\nB\nB\n",
        ),
        (
            Mutation::InsertChar(at(0), '('),
            "(A(x: 12, y: \"D2740\")\nB\n",
        ),
        (Mutation::DeleteRun(at(0), 2), "x: 12, y: \"D2740\")\nB\n"),
    ];
    for (mutation, expected) in cases {
        assert_eq!(apply(text, &mutation), expected, "{mutation:?}");
    }
}
