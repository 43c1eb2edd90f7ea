//! The presets file: parsed and checked like plans, with each problem at the
//! file, line and column of the preset it concerns. A library folder without
//! `assets/presets.ron` gets the built-in presets; a broken file gets them too,
//! with its problems listed, so quick entry keeps working.

use std::collections::BTreeSet;
use std::path::Path;

use super::parse::{check_format, parse};
use super::problem::locate;
use crate::model::preset::{Preset, PresetFile};
use crate::model::quick_entry::parse_quick_entry;
use crate::model::{CodeCatalogue, Problem};

/// Where the presets file sits in a library folder.
pub const PRESETS_PATH: &str = "assets/presets.ron";

/// The presets shipped with Ferrule.
const BUILT_IN: &str = include_str!("../../assets/presets.ron");

/// The built-in presets (always valid: a test loads them).
pub fn built_in(catalogue: &CodeCatalogue) -> Vec<Preset> {
    load_presets(Path::new(PRESETS_PATH), BUILT_IN, catalogue).0
}

/// The presets in `text` that pass every check, and the problems of the others
/// (or of the whole file, which then yields none).
pub fn load_presets(
    path: &Path,
    text: &str,
    catalogue: &CodeCatalogue,
) -> (Vec<Preset>, Vec<Problem>) {
    let file: PresetFile = match parse(path, text) {
        Ok(file) => file,
        Err(problem) => return (Vec::new(), vec![problem]),
    };
    if let Err(problem) = check_format(path, text, file.format) {
        return (Vec::new(), vec![problem]);
    }
    let mut keys = BTreeSet::new();
    let mut kept = Vec::new();
    let mut problems = Vec::new();
    for preset in file.presets {
        let quoted = format!("\"{}\"", preset.key);
        let at = locate(text, &["presets:", &format!("key: {quoted}")]);
        let why = key_problem(&preset.key)
            .or_else(|| {
                (!keys.insert(preset.key.to_ascii_lowercase()))
                    .then(|| format!("key {quoted} is used twice: expected one preset per key"))
            })
            .or_else(|| entry_problem(catalogue, &preset));
        match why {
            Some(message) => problems.push(Problem::at(path, at, message)),
            None => kept.push(preset),
        }
    }
    (kept, problems)
}

/// Why a key cannot be typed as one, or None.
fn key_problem(key: &str) -> Option<String> {
    let one_word = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '-');
    if !one_word {
        return Some(format!(
            "key \"{key}\": expected one word of letters, digits or '-'"
        ));
    }
    let digits = key.trim_start_matches(['d', 'D']);
    let looks_like_code = digits.chars().all(|c| c.is_ascii_digit());
    looks_like_code.then(|| {
        format!("key \"{key}\" reads as a code number: expected a word such as \"crownbu\"")
    })
}

/// Why the entry adds no lines, or None. An entry with `{tooth}` must read with
/// at least one kind of area: a tooth, a quadrant or an arch.
fn entry_problem(catalogue: &CodeCatalogue, preset: &Preset) -> Option<String> {
    let tries: &[&str] = if preset.needs_area() {
        &["19", "8", "UR", "upper"]
    } else {
        &[""]
    };
    let mut first_error = None;
    for area in tries {
        match parse_quick_entry(catalogue, &preset.expand(area)) {
            Ok(_) => return None,
            Err(why) => {
                first_error.get_or_insert(why.0);
            }
        }
    }
    first_error.map(|why| {
        format!(
            "preset \"{}\": the entry \"{}\" does not read: {why}; expected codes as in the quick-entry field",
            preset.key, preset.entry
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> CodeCatalogue {
        let text = include_str!("../../assets/cdt-codes.ron");
        super::super::parse::parse_catalogue(Path::new("cdt-codes.ron"), text).unwrap_or_default()
    }

    #[test]
    fn the_built_in_presets_all_load() {
        let (presets, problems) = load_presets(Path::new(PRESETS_PATH), BUILT_IN, &catalogue());
        assert_eq!(problems, Vec::new());
        let keys: Vec<&str> = presets.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "newpt", "recall", "child", "crown", "crownbu", "rctmolar", "implant", "srp"
            ]
        );
    }

    #[test]
    fn a_bad_preset_is_named_at_its_line_and_the_others_load() {
        let text = "PresetFile(format: 1, presets: [\n\
            (key: \"ok\", name: \"Fine\", entry: \"1110\"),\n\
            (key: \"bad\", name: \"Unknown code\", entry: \"9999 {tooth}\"),\n\
            (key: \"OK\", name: \"Same key\", entry: \"0150\"),\n\
            (key: \"2740\", name: \"Code as key\", entry: \"0150\"),\n\
            (key: \"two words\", name: \"Spaces\", entry: \"0150\"),\n\
        ])";
        let path = Path::new("lib/assets/presets.ron");
        let (presets, problems) = load_presets(path, text, &catalogue());
        assert_eq!(presets.len(), 1);
        assert_eq!(presets[0].key, "ok");
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "lib/assets/presets.ron:3:2: preset \"bad\": the entry \"9999 {tooth}\" does not read: \"9999\": D9999 is not in the code catalogue; expected codes as in the quick-entry field",
                "lib/assets/presets.ron:4:2: key \"OK\" is used twice: expected one preset per key",
                "lib/assets/presets.ron:5:2: key \"2740\" reads as a code number: expected a word such as \"crownbu\"",
                "lib/assets/presets.ron:6:2: key \"two words\": expected one word of letters, digits or '-'",
            ]
        );
    }

    #[test]
    fn a_broken_file_is_one_problem_with_its_position() {
        let text = "PresetFile(format: 1, presets: [ (key: \"x\" name: \"y\") ])";
        let (presets, problems) = load_presets(Path::new("p.ron"), text, &catalogue());
        assert!(presets.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().starts_with("p.ron:1:"),
            "{}",
            problems[0]
        );
    }
}
