//! The code reference: a code's class and where it applies, and the codes it is
//! easily mistaken for, each with its one-line difference (from the coding
//! files' look-alike groups).

use crate::model::coding::CodingBook;
use crate::model::{AreaKind, CdtCode, CodeCatalogue};

/// What the reference says about one code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeReference {
    /// "D2950 Core buildup, including any pins".
    pub heading: String,
    /// "Major restorative; one tooth".
    pub class_and_area: String,
    /// Each look-alike group the code is in.
    pub groups: Vec<(String, Vec<LookAlikeRow>)>,
}

/// One member of a look-alike group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookAlikeRow {
    /// The code.
    pub code: CdtCode,
    /// True for the code looked up.
    pub this: bool,
    /// How it differs.
    pub differs: String,
}

/// The reference for `code`.
pub fn code_reference(
    code: CdtCode,
    catalogue: &CodeCatalogue,
    book: &CodingBook,
) -> CodeReference {
    let info = catalogue.get(code);
    let area = info.map_or("", |i| area_words(i.area));
    let class = info.map_or_else(String::new, |i| i.class.label().to_string());
    let groups = book
        .look_alikes_of(code)
        .into_iter()
        .map(|g| {
            let rows = g
                .codes
                .iter()
                .map(|m| LookAlikeRow {
                    code: m.code,
                    this: m.code == code,
                    differs: m.differs.clone(),
                })
                .collect();
            (g.title.clone(), rows)
        })
        .collect();
    CodeReference {
        heading: format!("{code} {}", catalogue.name_of(code)),
        class_and_area: [class, area.to_string()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        groups,
    }
}

/// What a code applies to, in words.
fn area_words(kind: AreaKind) -> &'static str {
    match kind {
        AreaKind::Tooth => "one tooth",
        AreaKind::ToothSurfaces => "one tooth and its surfaces",
        AreaKind::Site => "one site (tooth or implant)",
        AreaKind::Quadrant => "one quadrant",
        AreaKind::Arch => "one arch",
        AreaKind::Mouth => "the whole mouth",
        AreaKind::TimeUnits => "time units",
        AreaKind::PerCase => "one case",
    }
}
