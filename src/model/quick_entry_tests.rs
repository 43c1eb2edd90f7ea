//! Every form staff type, with the exact lines or the exact refusal.

use super::*;
use crate::model::ProcedureClass;

fn catalogue() -> CodeCatalogue {
    let entry = |code: &str, name: &str, patient: &str, area| CodeInfo {
        code: CdtCode::parse(code).unwrap(),
        name: name.into(),
        patient_text: patient.into(),
        patient_text_es: None,
        class: ProcedureClass::Diagnostic,
        area,
    };
    use AreaKind::*;
    let mut catalogue = CodeCatalogue {
        format: 1,
        codes: vec![
            entry(
                "D0150",
                "Full initial evaluation",
                "First-visit exam",
                Mouth,
            ),
            entry(
                "D0210",
                "Complete intraoral X-ray set",
                "Full X-rays",
                Mouth,
            ),
            entry("D1110", "Routine prophy, adult", "Regular cleaning", Mouth),
            entry(
                "D2390",
                "Direct resin crown, front tooth",
                "Resin cap",
                Tooth,
            ),
            entry(
                "D2391",
                "Resin filling, one surface",
                "White filling",
                ToothSurfaces,
            ),
            entry("D2740", "All-ceramic crown", "Ceramic crown", Tooth),
            entry(
                "D2750",
                "PFM crown, high-noble alloy",
                "Porcelain crown",
                Tooth,
            ),
            entry("D2790", "All-metal cast crown", "Gold crown", Tooth),
            entry(
                "D2950",
                "Core rebuild to retain a crown",
                "Core to hold a crown",
                Tooth,
            ),
            entry("D4341", "Root planing, 4+ teeth", "Deep cleaning", Quadrant),
            entry("D4355", "Gross debridement", "Heavy buildup removal", Mouth),
            entry(
                "D5110",
                "Complete denture, maxillary",
                "Full upper denture",
                Arch,
            ),
            entry(
                "D6010",
                "Implant fixture placement",
                "Implant in the jaw",
                Site,
            ),
        ],
    };
    catalogue.sort();
    catalogue
}

fn parse(text: &str) -> Result<Vec<PlannedLine>, String> {
    parse_quick_entry(&catalogue(), text).map_err(|e| e.0)
}

fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

fn on_tooth(c: &str, tooth: u8) -> PlannedLine {
    PlannedLine::new(code(c), Some(Tooth::Permanent(tooth)))
}

fn plain(c: &str) -> PlannedLine {
    PlannedLine::new(code(c), None)
}

fn filling(tooth: u8, surfaces: &str) -> PlannedLine {
    PlannedLine {
        surfaces: Some(Surfaces::parse(surfaces).unwrap()),
        ..on_tooth("D2391", tooth)
    }
}

#[test]
fn a_code_and_a_tooth_in_every_spelling() {
    for text in ["2950 19", "d2950 #19", "D2950 19", "D2950   19 "] {
        assert_eq!(parse(text), Ok(vec![on_tooth("D2950", 19)]), "{text}");
    }
}

#[test]
fn a_whole_mouth_code_alone_and_leading_zeros_optional() {
    assert_eq!(parse("1110"), Ok(vec![plain("D1110")]));
    assert_eq!(parse("150"), Ok(vec![plain("D0150")]));
}

#[test]
fn tooth_and_surfaces() {
    assert_eq!(parse("2391 30 MOD"), Ok(vec![filling(30, "MOD")]));
    assert_eq!(parse("2391 30 dom"), Ok(vec![filling(30, "MOD")]));
}

#[test]
fn several_teeth_share_the_surfaces_named_for_each_tooth() {
    assert_eq!(
        parse("2391 3 14 O"),
        Ok(vec![filling(3, "O"), filling(14, "O")])
    );
    // O on a front tooth is its biting edge.
    assert_eq!(parse("2391 8 O"), Ok(vec![filling(8, "I")]));
}

#[test]
fn a_letter_is_a_primary_tooth_until_a_tooth_is_named() {
    let line = PlannedLine {
        surfaces: Some(Surfaces::parse("O").unwrap()),
        ..PlannedLine::new(code("D2391"), Some(Tooth::Primary(2)))
    };
    assert_eq!(parse("2391 B O"), Ok(vec![line]));
}

#[test]
fn several_teeth_make_several_lines() {
    assert_eq!(
        parse("2740 19 20 #19"),
        Ok(vec![on_tooth("D2740", 19), on_tooth("D2740", 20)])
    );
}

#[test]
fn quadrant_and_arch() {
    let quad = |q| PlannedLine {
        quadrant: Some(q),
        ..plain("D4341")
    };
    assert_eq!(parse("4341 UR"), Ok(vec![quad(Quadrant::UR)]));
    assert_eq!(
        parse("4341 ur llq"),
        Ok(vec![quad(Quadrant::UR), quad(Quadrant::LL)])
    );
    let arch = |a| PlannedLine {
        arch: Some(a),
        ..plain("D5110")
    };
    assert_eq!(parse("5110 upper"), Ok(vec![arch(Arch::Upper)]));
    assert_eq!(parse("5110 lower"), Ok(vec![arch(Arch::Lower)]));
}

#[test]
fn several_entries_by_comma_or_semicolon() {
    assert_eq!(
        parse("0150, 1110; 2950 19,2740 19,"),
        Ok(vec![
            plain("D0150"),
            plain("D1110"),
            on_tooth("D2950", 19),
            on_tooth("D2740", 19),
        ])
    );
}

#[test]
fn an_implant_site_takes_a_tooth() {
    assert_eq!(parse("6010 30"), Ok(vec![on_tooth("D6010", 30)]));
}

#[test]
fn codes_by_words() {
    assert_eq!(parse("ceramic crown 19"), Ok(vec![on_tooth("D2740", 19)]));
    assert_eq!(parse("core rebuild #19"), Ok(vec![on_tooth("D2950", 19)]));
    assert_eq!(parse("prophy"), Ok(vec![plain("D1110")]));
    assert_eq!(
        parse("denture upper"),
        Ok(vec![PlannedLine {
            arch: Some(Arch::Upper),
            ..plain("D5110")
        }])
    );
    // "buildup" is only in D4355's wording, but that code takes no tooth.
    assert_eq!(parse("buildup 19"), Ok(vec![on_tooth("D2950", 19)]));
}

#[test]
fn an_unclear_name_lists_three_candidates() {
    assert_eq!(
        parse("crown 19"),
        Err(
            "\"crown\" fits 5 codes: D2390 Direct resin crown, front tooth; \
             D2740 All-ceramic crown; D2750 PFM crown, high-noble alloy; …. \
             Type the code or more words"
                .into()
        )
    );
    assert_eq!(
        parse("resin 19"),
        Err(
            "\"resin\" fits 2 codes: D2390 Direct resin crown, front tooth; \
             D2391 Resin filling, one surface. Type the code or more words"
                .into()
        )
    );
}

#[test]
fn what_is_missing_is_named() {
    assert_eq!(
        parse("2740"),
        Err("D2740 needs a tooth, such as 2740 19".into())
    );
    assert_eq!(
        parse("2391"),
        Err("D2391 needs a tooth and surfaces, such as 2391 30 MOD".into())
    );
    assert_eq!(
        parse("2391 30"),
        Err("D2391 needs the surfaces, such as 2391 30 MOD".into())
    );
    assert_eq!(
        parse("4341"),
        Err("D4341 needs a quadrant: UR, UL, LL or LR, such as 4341 UR".into())
    );
    assert_eq!(
        parse("5110"),
        Err("D5110 needs the arch: upper or lower".into())
    );
}

#[test]
fn the_bad_piece_is_named() {
    let cases = [
        ("2740 33", "D2740: \"33\" is not a tooth (1-32 or A-T)"),
        (
            "1110 19",
            "D1110 takes no tooth or area: \"19\" does not belong",
        ),
        (
            "4341 UX",
            "D4341: \"UX\" is not a quadrant (UR, UL, LL or LR)",
        ),
        ("5110 19", "D5110: \"19\" is not an arch (upper or lower)"),
        ("2391 30 MOX", "D2391: \"MOX\" is not a tooth (1-32 or A-T)"),
        ("2391 30 MO D", "D2391: \"D\" names the surfaces twice"),
        (
            "2391 30 MO 31",
            "D2391: \"31\" comes after the surfaces; name the teeth first",
        ),
        ("9999 3", "\"9999\": D9999 is not in the code catalogue"),
        (
            "27400 19",
            "\"27400\" is not a code: codes have four digits",
        ),
        (
            "#19 2740",
            "\"#19\": start with the code or its name, such as 2740 19 or crown 19",
        ),
        ("gold bar 19", "No code matches \"gold bar\""),
        ("1110, 2740", "D2740 needs a tooth, such as 2740 19"),
        (" , ;", "Type a code and where it goes, such as 2950 19"),
    ];
    for (text, message) in cases {
        assert_eq!(parse(text), Err(message.to_string()), "{text}");
    }
}

fn presets() -> Vec<Preset> {
    let preset = |key: &str, name: &str, entry: &str| Preset {
        key: key.into(),
        name: name.into(),
        entry: entry.into(),
    };
    vec![
        preset("newpt", "New patient", "0150, 0210, 1110"),
        preset("crownbu", "Buildup and crown", "2950 {tooth}, 2740 {tooth}"),
    ]
}

fn with_presets(text: &str) -> Result<Vec<PlannedLine>, String> {
    parse_with_presets(&catalogue(), &presets(), text).map_err(|e| e.0)
}

#[test]
fn a_preset_key_adds_all_its_lines_with_the_tooth_typed() {
    let mouth = |c: &str| PlannedLine::new(code(c), None);
    assert_eq!(
        with_presets("NewPt, crownbu 19"),
        Ok(vec![
            mouth("D0150"),
            mouth("D0210"),
            mouth("D1110"),
            on_tooth("D2950", 19),
            on_tooth("D2740", 19),
        ])
    );
    // Codes and presets mix in one entry.
    assert_eq!(
        with_presets("1110, crownbu 3").map(|l| l.len()),
        Ok(3),
        "one cleaning plus the preset's two lines"
    );
}

#[test]
fn a_preset_refuses_a_missing_or_unwanted_tooth() {
    assert_eq!(
        with_presets("crownbu"),
        Err("\"crownbu\" needs a tooth: type crownbu 19".into())
    );
    assert_eq!(
        with_presets("newpt 19"),
        Err("\"newpt\" (New patient) takes no tooth: type newpt alone".into())
    );
    assert_eq!(
        with_presets("crownbu 33"),
        Err("crownbu: D2950: \"33\" is not a tooth (1-32 or A-T)".into())
    );
    // Without presets the key is just words that match no code.
    assert_eq!(parse("newpt"), Err("No code matches \"newpt\"".into()));
}
