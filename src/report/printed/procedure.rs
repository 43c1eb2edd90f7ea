//! A row's procedure and area in the patient's language: the catalogue's
//! Spanish wording (`patient_text_es`) and the area in Spanish words. English
//! papers keep the estimate table's cells as they are.

use super::lang::Language;
use crate::model::tooth::{Arch, Quadrant};
use crate::model::{Area, CodeCatalogue};
use crate::report::estimate_table::Row;
use crate::report::fmt;

/// "Corona de cerámica del color del diente (2 unidades)": the catalogue's
/// words for the row's code in `lang`; the table's English words for a code
/// the catalogue lacks.
pub fn description(row: &Row, catalogue: &CodeCatalogue, lang: Language) -> String {
    let Some(info) = catalogue.get(row.code) else {
        return row.patient_description.clone();
    };
    let text = info.patient_words(lang);
    match (lang, row.quantity) {
        (_, 0 | 1) => text.to_string(),
        (Language::English, n) => format!("{text} ({n} units)"),
        (Language::Spanish, n) => format!("{text} ({n} unidades)"),
    }
}

/// "Arriba a la derecha", "#19 MO": the printed area in `lang` (tooth numbers
/// and surface letters are the same in both).
pub fn area(area: Area, lang: Language) -> String {
    if lang == Language::English {
        return fmt::area_printed(area);
    }
    match area {
        Area::Mouth => String::new(),
        Area::Arch(Arch::Upper) => "Dientes de arriba".to_string(),
        Area::Arch(Arch::Lower) => "Dientes de abajo".to_string(),
        Area::Quadrant(q) => quadrant(q).to_string(),
        Area::Sextant(s) => format!("Sextante {s}"),
        Area::Tooth(_) | Area::ToothSurfaces(..) => fmt::area_printed(area),
    }
}

fn quadrant(q: Quadrant) -> &'static str {
    match q {
        Quadrant::UR => "Arriba a la derecha",
        Quadrant::UL => "Arriba a la izquierda",
        Quadrant::LL => "Abajo a la izquierda",
        Quadrant::LR => "Abajo a la derecha",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_in_spanish_name_the_side_and_keep_tooth_numbers() {
        let sp = Language::Spanish;
        assert_eq!(
            area(Area::Quadrant(Quadrant::UR), sp),
            "Arriba a la derecha"
        );
        assert_eq!(area(Area::Arch(Arch::Lower), sp), "Dientes de abajo");
        assert_eq!(area(Area::Mouth, sp), "");
        let tooth = crate::model::tooth::Tooth::parse("19").unwrap();
        assert_eq!(area(Area::Tooth(tooth), sp), "#19");
        assert_eq!(
            area(Area::Quadrant(Quadrant::UR), Language::English),
            "Upper right quadrant"
        );
    }
}
