//! Finding a code fast: by number ("2740", "D2740") or by words in its name
//! ("crown", "porcelain crown", "buildup").

use crate::model::{CodeCatalogue, CodeInfo};

/// Catalogue entries matching `query`, best first: exact code, code prefix, then
/// names containing every word. An empty query matches nothing.
pub fn search<'a>(catalogue: &'a CodeCatalogue, query: &str) -> Vec<&'a CodeInfo> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let digits = query.trim_start_matches('d');
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut scored: Vec<(u8, &CodeInfo)> = catalogue
        .codes
        .iter()
        .filter_map(|info| {
            let number = format!("{:04}", info.code.number());
            let rank = if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                if number == digits {
                    0
                } else if number.starts_with(digits) {
                    1
                } else if number.contains(digits) {
                    2
                } else {
                    return None;
                }
            } else {
                let haystack = format!("{} {}", info.name, info.patient_text).to_lowercase();
                // "buildup" should find "build-up" and the other way round.
                let squashed: String = haystack.chars().filter(|c| *c != '-').collect();
                let found = words.iter().all(|w| {
                    let w: String = w.chars().filter(|c| *c != '-').collect();
                    squashed.contains(&w) || synonyms(&w).iter().any(|s| squashed.contains(s))
                });
                if !found {
                    return None;
                }
                // Words in the staff name beat words only in the patient wording.
                let name: String = info
                    .name
                    .to_lowercase()
                    .chars()
                    .filter(|c| *c != '-')
                    .collect();
                if words.iter().all(|w| name.contains(&w.replace('-', ""))) {
                    3
                } else {
                    4
                }
            };
            Some((rank, info))
        })
        .collect();
    scored.sort_by_key(|(rank, info)| (*rank, info.code));
    scored.into_iter().map(|(_, info)| info).collect()
}

/// Words the front desk says that the catalogue spells differently.
fn synonyms(word: &str) -> &'static [&'static str] {
    match word {
        "buildup" => &["core rebuild", "foundation fill"],
        "cleaning" => &["prophy"],
        "deep" => &["root planing"],
        "extraction" | "pull" => &["tooth removal"],
        "filling" => &["restoration", "resin"],
        "rct" => &["root canal"],
        "srp" => &["root planing"],
        _ => &[],
    }
}

/// The text of one search result: code and name.
pub fn result_label(info: &CodeInfo) -> String {
    format!("{} — {}", info.code, info.name)
}
