//! Issue 15 parts C and D: the office-side documentation checklist (text and a
//! PDF page) and narratives filled from the plan with blanks for the clinician.

use std::path::Path;

use ferrule::export::{Paper, layout_checklist};
use ferrule::library;
use ferrule::model::LineId;
use ferrule::report::coding::{Checklist, NarrativeError, narrative};

use super::{plan, visit};
use crate::library::TempDir;
use crate::util::ferrule;

fn sample(name: &str) -> ferrule::model::TreatmentPlan {
    library::load_treatment_plan(Path::new(&format!("assets/samples/{name}"))).unwrap()
}

#[test]
fn the_checklist_lists_each_high_scrutiny_line_with_its_items() {
    let lib = library::sample();
    let plan = sample("buildup-crown-19.ron");
    let list = Checklist::new(&plan, &plan.options[0], &lib.coding);
    let titles: Vec<&str> = list.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Core buildup (D2950)", "Single crowns (D2710-D2794)"]
    );
    assert_eq!(list.sections[0].lines, ["Line 1: D2950 #19, 2026-12-03"]);
    // The crown is listed on its seat date (completed at visit 2, Dec 17).
    assert_eq!(list.sections[1].lines, ["Line 2: D2740 #19, 2026-12-17"]);
    assert!(
        list.sections[0]
            .items
            .iter()
            .any(|i| i.starts_with("Pre-op X-ray"))
    );
    // Near miss: a cleaning has no checklist.
    let cleaning = plan_with_cleaning();
    let none = Checklist::new(&cleaning, &cleaning.options[0], &lib.coding);
    assert!(none.sections.is_empty());
    assert!(
        none.text()
            .contains("No procedure of this option has a documentation checklist.")
    );
}

fn plan_with_cleaning() -> ferrule::model::TreatmentPlan {
    plan(&visit(1, "2026-12-01", r#"(code: "D1110")"#), "")
}

#[test]
fn the_checklist_prints_as_an_office_only_pdf_page() {
    let lib = library::sample();
    let plan = sample("buildup-crown-19.ron");
    let list = Checklist::new(&plan, &plan.options[0], &lib.coding);
    let layout = layout_checklist(&list, Paper::Letter).unwrap();
    assert_eq!(layout.pages.len(), 1);
    let text = layout.page_text(0);
    assert!(text.contains(&"Documentation checklist"), "{text:?}");
    assert!(text.contains(&"For the office only: not part of the patient's estimate."));
    assert!(text.contains(&"Core buildup (D2950)"));

    let dir = TempDir::new("checklist");
    let out = dir.path().join("checklist.pdf");
    let (code, _, stderr) = ferrule(&[
        "checklist",
        "assets/samples/buildup-crown-19.ron",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn a_buildup_narrative_is_filled_from_the_plan_with_blanks_left() {
    let lib = library::sample();
    let plan = sample("buildup-crown-19.ron");
    let buildup = plan.options[0].visits[0].lines[0].id;
    let n = narrative(&plan, buildup, &lib.coding, &lib.catalogue).unwrap();
    assert_eq!(n.title, "Core buildup: line 1, D2950 #19");
    assert!(n.text.starts_with("Tooth #19, D2950 ("), "{}", n.text);
    assert!(n.text.contains("date of service Dec 3, 2026"), "{}", n.text);
    // Case-specific facts are blanks for the clinician.
    assert!(n.text.contains("[[percent]]%"), "{}", n.text);
    assert!(n.text.contains("[[ferrule height in mm]]"), "{}", n.text);
    // Nothing on file for #19: the history dates are blanks too.
    assert!(
        n.text.contains("root canal [[root canal date, or none]]"),
        "{}",
        n.text
    );
}

#[test]
fn a_remake_gets_the_remake_narrative_with_the_prior_crown_date() {
    let lib = library::sample();
    let plan = sample("crown-remake-30.ron");
    let crown = plan.options[0].visits[0].lines[0].id;
    let n = narrative(&plan, crown, &lib.coding, &lib.catalogue).unwrap();
    assert_eq!(n.title, "Crown remake: line 1, D2790 #30");
    // Seat visit Dec 22, 2026; the history's crown on #30 is 2023-03-28.
    assert!(
        n.text.contains("seated Dec 22, 2026: a remake"),
        "{}",
        n.text
    );
    assert!(n.text.contains("placed Mar 28, 2023 (D2790)"), "{}", n.text);
    assert!(
        n.text.contains("Noted at planning: Open distal margin"),
        "{}",
        n.text
    );
    // The remake line has its note, so no CR2 warning asks for one.
    let notes = super::notes(&plan);
    assert!(notes.iter().all(|n| n.rule != "CR2"), "{notes:?}");

    let (code, stdout, _) = ferrule(&[
        "narrative",
        "assets/samples/crown-remake-30.ron",
        "--line",
        &crown.0.to_string(),
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("Crown remake: line 1, D2790 #30\n\n"),
        "{stdout}"
    );
}

#[test]
fn no_template_or_no_line_is_an_error_not_a_crash() {
    let lib = library::sample();
    let cleaning = plan_with_cleaning();
    let id = cleaning.options[0].visits[0].lines[0].id;
    assert_eq!(
        narrative(&cleaning, id, &lib.coding, &lib.catalogue),
        Err(NarrativeError::NoTemplate("D1110".into()))
    );
    assert_eq!(
        narrative(&cleaning, LineId(999), &lib.coding, &lib.catalogue),
        Err(NarrativeError::NoLine(LineId(999)))
    );
    let (code, _, stderr) = ferrule(&[
        "narrative",
        "assets/samples/family-checkup.ron",
        "--line",
        "999",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no line has id 999"), "{stderr}");
}

#[test]
fn look_alike_codes_tell_each_member_apart() {
    use ferrule::model::CdtCode;
    use ferrule::report::coding::code_reference;
    let lib = library::sample();
    let code = |c: &str| CdtCode::parse(c).unwrap();
    let buildup = code_reference(code("D2950"), &lib.catalogue, &lib.coding);
    assert_eq!(buildup.class_and_area, "major restorative; one tooth");
    let (title, rows) = &buildup.groups[0];
    assert_eq!(title, "Buildups and posts");
    let codes: Vec<String> = rows.iter().map(|r| r.code.to_string()).collect();
    assert_eq!(codes, ["D2949", "D2950", "D2952", "D2954"]);
    assert!(rows.iter().any(|r| r.this && r.code == code("D2950")));
    for group in [["D2790", "D2791"], ["D2792", "D2794"], ["D3351", "D3353"]] {
        for c in group {
            let r = code_reference(code(c), &lib.catalogue, &lib.coding);
            assert_eq!(r.groups.len(), 1, "{c}");
        }
    }
    // Near miss: a cleaning has no look-alike group.
    let cleaning = code_reference(code("D1110"), &lib.catalogue, &lib.coding);
    assert!(cleaning.groups.is_empty());
}
