//! Finding a code fast: by number ("2740", "D2740") or by words in its name
//! ("crown", "porcelain crown", "buildup"). Used by the search box and by quick entry.

use super::{CodeCatalogue, CodeInfo};

/// How well a code matched: lower is better.
pub type Rank = u8;

/// Catalogue entries matching `query`, best first: exact code, code prefix, then
/// names containing every word. An empty query matches nothing.
pub fn search<'a>(catalogue: &'a CodeCatalogue, query: &str) -> Vec<&'a CodeInfo> {
    search_ranked(catalogue, query)
        .into_iter()
        .map(|(_, info)| info)
        .collect()
}

/// Like [`search`], with each entry's rank: 0 exact code, 1 code prefix, 2 digits
/// inside the code, 3 every word in the staff name, 4 words also in the patient
/// wording or through a synonym.
pub fn search_ranked<'a>(catalogue: &'a CodeCatalogue, query: &str) -> Vec<(Rank, &'a CodeInfo)> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let digits = query.trim_start_matches('d');
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut scored: Vec<(Rank, &CodeInfo)> = catalogue
        .codes
        .iter()
        .filter_map(|info| {
            let rank = if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                number_rank(info, digits)?
            } else {
                word_rank(info, &words)?
            };
            Some((rank, info))
        })
        .collect();
    scored.sort_by_key(|(rank, info)| (*rank, info.code));
    scored
}

fn number_rank(info: &CodeInfo, digits: &str) -> Option<Rank> {
    let number = format!("{:04}", info.code.number());
    if number == digits {
        Some(0)
    } else if number.starts_with(digits) {
        Some(1)
    } else if number.contains(digits) {
        Some(2)
    } else {
        None
    }
}

fn word_rank(info: &CodeInfo, words: &[&str]) -> Option<Rank> {
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
        Some(3)
    } else {
        Some(4)
    }
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
