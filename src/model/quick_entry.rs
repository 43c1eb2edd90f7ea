//! Quick entry: the lines staff say out loud, typed into one field.
//!
//! `2950 19, 2740 19`, `d2740 #19`, `1110`, `2391 30 MOD`, `4341 UR`, `5110 upper`,
//! `crown 19`. Entries are separated by commas or semicolons. Each starts with a code
//! (the D and leading zeros may be left out) or words from the code names, followed
//! by what the code is charted on: teeth (several teeth make several lines), teeth
//! and surfaces, quadrants or arches. Anything that does not fit is refused with the
//! piece named, and nothing is added.

use std::fmt;

use super::code_search::{Rank, search_ranked};
use super::preset::{Preset, find_preset};
use super::{
    Arch, AreaKind, CdtCode, CodeCatalogue, CodeInfo, PlannedLine, Quadrant, Surfaces, Tooth,
};

/// Why a quick entry was refused, in words for the front desk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuickEntryError(pub String);

impl fmt::Display for QuickEntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QuickEntryError {}

fn refuse<T>(message: String) -> Result<T, QuickEntryError> {
    Err(QuickEntryError(message))
}

/// How many candidates an unclear name lists.
const CANDIDATES_SHOWN: usize = 3;

/// The lines `text` names, in order, or why it cannot be read.
pub fn parse_quick_entry(
    catalogue: &CodeCatalogue,
    text: &str,
) -> Result<Vec<PlannedLine>, QuickEntryError> {
    parse_with_presets(catalogue, &[], text)
}

/// The lines `text` names, where an entry may also be a preset's key (followed by
/// the tooth or area when the preset needs one), or why it cannot be read.
pub fn parse_with_presets(
    catalogue: &CodeCatalogue,
    presets: &[Preset],
    text: &str,
) -> Result<Vec<PlannedLine>, QuickEntryError> {
    let mut lines = Vec::new();
    for entry in text.split([',', ';', '\n']) {
        let tokens: Vec<&str> = entry.split_whitespace().collect();
        let Some(first) = tokens.first() else {
            continue;
        };
        if let Some(preset) = find_preset(presets, first) {
            lines.extend(preset_lines(catalogue, preset, &tokens[1..])?);
            continue;
        }
        let (info, rest) = find_code(catalogue, &tokens)?;
        lines.extend(lines_for(info, rest)?);
    }
    if lines.is_empty() {
        return refuse("Type a code and where it goes, such as 2950 19".into());
    }
    Ok(lines)
}

/// The lines of a preset, with the area typed after its key in its `{tooth}` slots.
fn preset_lines(
    catalogue: &CodeCatalogue,
    preset: &Preset,
    area: &[&str],
) -> Result<Vec<PlannedLine>, QuickEntryError> {
    let key = &preset.key;
    match (preset.needs_area(), area.is_empty()) {
        (true, true) => return refuse(format!("\"{key}\" needs a tooth: type {key} 19")),
        (false, false) => {
            return refuse(format!(
                "\"{key}\" ({}) takes no tooth: type {key} alone",
                preset.name
            ));
        }
        _ => {}
    }
    parse_quick_entry(catalogue, &preset.expand(&area.join(" ")))
        .map_err(|why| QuickEntryError(format!("{key}: {why}")))
}

/// The code an entry starts with and the pieces after it.
fn find_code<'a, 't>(
    catalogue: &'a CodeCatalogue,
    tokens: &'t [&'t str],
) -> Result<(&'a CodeInfo, &'t [&'t str]), QuickEntryError> {
    let first = tokens[0];
    if let Some(code) = code_number(first)? {
        let Some(info) = catalogue.get(code) else {
            return refuse(format!("\"{first}\": {code} is not in the code catalogue"));
        };
        return Ok((info, &tokens[1..]));
    }
    let split = tokens
        .iter()
        .position(|t| is_area(t))
        .unwrap_or(tokens.len());
    if split == 0 {
        return refuse(format!(
            "\"{first}\": start with the code or its name, such as 2740 19 or crown 19"
        ));
    }
    let words = tokens[..split].join(" ");
    let rest = &tokens[split..];
    Ok((by_words(catalogue, &words, rest)?, rest))
}

/// A code typed as digits, with or without the D: "2740", "D2740", "d150".
/// `None` when the piece is not digits at all.
fn code_number(token: &str) -> Result<Option<CdtCode>, QuickEntryError> {
    let digits = token
        .strip_prefix(['d', 'D'])
        .unwrap_or(token)
        .trim_start_matches('#');
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || token.starts_with('#') {
        return Ok(None);
    }
    if digits.len() > 4 {
        return refuse(format!("\"{token}\" is not a code: codes have four digits"));
    }
    Ok(digits.parse().ok().and_then(CdtCode::from_number))
}

/// The one code whose name best fits `words`, among those that take the area typed
/// after them; several equally good ones are listed back.
fn by_words<'a>(
    catalogue: &'a CodeCatalogue,
    words: &str,
    rest: &[&str],
) -> Result<&'a CodeInfo, QuickEntryError> {
    let fits = |area: AreaKind| match rest.first() {
        Some(t) if tooth(t).is_some() => area.needs_tooth(),
        Some(t) if quadrant(t).is_some() => area == AreaKind::Quadrant,
        Some(t) if arch(t).is_some() => area == AreaKind::Arch,
        _ => true,
    };
    let found: Vec<(Rank, &CodeInfo)> = search_ranked(catalogue, words)
        .into_iter()
        .filter(|(_, info)| fits(info.area))
        .collect();
    let Some((best, _)) = found.first() else {
        return refuse(format!("No code matches \"{words}\""));
    };
    let top: Vec<&CodeInfo> = found
        .iter()
        .filter(|(rank, _)| rank == best)
        .map(|(_, info)| *info)
        .collect();
    if let [only] = top.as_slice() {
        return Ok(only);
    }
    let shown: Vec<String> = top
        .iter()
        .take(CANDIDATES_SHOWN)
        .map(|info| format!("{} {}", info.code, info.name))
        .collect();
    let more = if top.len() > CANDIDATES_SHOWN {
        "; …"
    } else {
        ""
    };
    refuse(format!(
        "\"{words}\" fits {} codes: {}{more}. Type the code or more words",
        top.len(),
        shown.join("; ")
    ))
}

/// The lines one entry makes for `info` from the pieces after the code.
fn lines_for(info: &CodeInfo, rest: &[&str]) -> Result<Vec<PlannedLine>, QuickEntryError> {
    let code = info.code;
    let line = |tooth| PlannedLine::new(code, tooth);
    match info.area {
        AreaKind::Tooth | AreaKind::Site => {
            let teeth = all_of(code, rest, tooth, "a tooth (1-32 or A-T)")?;
            if teeth.is_empty() {
                return refuse(format!("{code} needs a tooth, such as {} 19", short(code)));
            }
            Ok(teeth.into_iter().map(|t| line(Some(t))).collect())
        }
        AreaKind::ToothSurfaces => surface_lines(code, rest),
        AreaKind::Quadrant => {
            let quadrants = all_of(code, rest, quadrant, "a quadrant (UR, UL, LL or LR)")?;
            if quadrants.is_empty() {
                return refuse(format!(
                    "{code} needs a quadrant: UR, UL, LL or LR, such as {} UR",
                    short(code)
                ));
            }
            let with = |q| PlannedLine {
                quadrant: Some(q),
                ..line(None)
            };
            Ok(quadrants.into_iter().map(with).collect())
        }
        AreaKind::Arch => {
            let arches = all_of(code, rest, arch, "an arch (upper or lower)")?;
            if arches.is_empty() {
                return refuse(format!("{code} needs the arch: upper or lower"));
            }
            let with = |a| PlannedLine {
                arch: Some(a),
                ..line(None)
            };
            Ok(arches.into_iter().map(with).collect())
        }
        AreaKind::Mouth | AreaKind::TimeUnits | AreaKind::PerCase => match rest.first() {
            Some(extra) => refuse(format!(
                "{code} takes no tooth or area: \"{extra}\" does not belong"
            )),
            None => Ok(vec![line(None)]),
        },
    }
}

/// Every piece read with `read`, repeats dropped; the first that does not read is
/// refused by name.
fn all_of<T: PartialEq>(
    code: CdtCode,
    rest: &[&str],
    read: fn(&str) -> Option<T>,
    what: &str,
) -> Result<Vec<T>, QuickEntryError> {
    let mut out = Vec::new();
    for piece in rest {
        let Some(item) = read(piece) else {
            return refuse(format!("{code}: \"{piece}\" is not {what}"));
        };
        if !out.contains(&item) {
            out.push(item);
        }
    }
    Ok(out)
}

/// Fillings, inlays and onlays: one or more teeth, then the surfaces ("2391 3 14 O").
fn surface_lines(code: CdtCode, rest: &[&str]) -> Result<Vec<PlannedLine>, QuickEntryError> {
    let mut teeth: Vec<Tooth> = Vec::new();
    let mut surfaces: Option<Surfaces> = None;
    for piece in rest {
        // A letter is a primary tooth until a tooth is named; after that it is a surface.
        if let (false, Some(s)) = (teeth.is_empty(), surfaces_of(piece)) {
            if surfaces.is_some() {
                return refuse(format!("{code}: \"{piece}\" names the surfaces twice"));
            }
            surfaces = Some(s);
        } else if surfaces.is_some() {
            return refuse(format!(
                "{code}: \"{piece}\" comes after the surfaces; name the teeth first"
            ));
        } else if let Some(t) = tooth(piece) {
            if !teeth.contains(&t) {
                teeth.push(t);
            }
        } else {
            return refuse(format!("{code}: \"{piece}\" is not a tooth (1-32 or A-T)"));
        }
    }
    let example = format!("{} 30 MOD", short(code));
    if teeth.is_empty() {
        return refuse(format!(
            "{code} needs a tooth and surfaces, such as {example}"
        ));
    }
    let Some(surfaces) = surfaces else {
        return refuse(format!("{code} needs the surfaces, such as {example}"));
    };
    let line = |t: Tooth| PlannedLine {
        surfaces: Some(surfaces.normalized_for(t)),
        ..PlannedLine::new(code, Some(t))
    };
    Ok(teeth.into_iter().map(line).collect())
}

/// The code as staff say it: "2740".
fn short(code: CdtCode) -> String {
    format!("{:04}", code.number())
}

/// True for a piece that names where a code goes rather than the code's name.
fn is_area(piece: &str) -> bool {
    piece.starts_with(|c: char| c.is_ascii_digit() || c == '#')
        || tooth(piece).is_some()
        || quadrant(piece).is_some()
        || arch(piece).is_some()
        || surfaces_of(piece).is_some()
}

/// "19", "#19", "A", "#AS".
fn tooth(piece: &str) -> Option<Tooth> {
    Tooth::parse(piece.strip_prefix('#').unwrap_or(piece)).ok()
}

/// "UR", "ul", "LLQ".
fn quadrant(piece: &str) -> Option<Quadrant> {
    let upper = piece.to_ascii_uppercase();
    match upper.strip_suffix('Q').unwrap_or(&upper) {
        "UR" => Some(Quadrant::UR),
        "UL" => Some(Quadrant::UL),
        "LL" => Some(Quadrant::LL),
        "LR" => Some(Quadrant::LR),
        _ => None,
    }
}

/// "upper", "lower", "max", "mand", "U", "L".
fn arch(piece: &str) -> Option<Arch> {
    match piece.to_ascii_lowercase().as_str() {
        "upper" | "u" | "ua" | "max" | "maxillary" => Some(Arch::Upper),
        "lower" | "l" | "la" | "mand" | "mandibular" => Some(Arch::Lower),
        _ => None,
    }
}

/// "MOD", "o", "DO": surface letters, each at most once.
fn surfaces_of(piece: &str) -> Option<Surfaces> {
    let upper = piece.to_ascii_uppercase();
    let unique = upper.char_indices().all(|(i, c)| !upper[..i].contains(c));
    if piece.is_empty() || piece.len() > 5 || !unique {
        return None;
    }
    Surfaces::parse(piece).ok()
}

#[cfg(test)]
#[path = "quick_entry_tests.rs"]
mod tests;
