//! Stable ids (issue 11): options and lines get ids when a file without them is
//! read, ids are written back on save, edits name options, visits and lines by id,
//! and two options that share a name never borrow each other's visits or amounts.

use std::path::Path;

use chrono::NaiveDate;
use ferrule::engine::{self, EstimateInput};
use ferrule::library::{self, parse_treatment_plan};
use ferrule::model::PracticeSettings;
use ferrule::model::{
    Applied, Edit, EditError, LineId, OptionId, PlannedLine, TreatmentOption, TreatmentPlan, Visit,
    VisitId,
};
use ferrule::money::Cents;
use ferrule::report::PrintedEstimate;
use ferrule::report::printed::words::estimate_id;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn c(text: &str) -> Cents {
    Cents::parse(text).unwrap()
}

fn sample() -> TreatmentPlan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/buildup-crown-19.ron");
    library::load_treatment_plan(&path).unwrap()
}

fn all_line_ids(plan: &TreatmentPlan) -> Vec<LineId> {
    plan.options
        .iter()
        .flat_map(|o| o.visits.iter())
        .flat_map(|v| v.lines.iter())
        .map(|l| l.id)
        .collect()
}

#[test]
fn a_file_without_ids_gets_them_on_load_and_keeps_them_through_a_save() {
    // The sample predates ids: options and lines are numbered in file order.
    let plan = sample();
    let options: Vec<OptionId> = plan.options.iter().map(|o| o.id).collect();
    assert_eq!(options, vec![OptionId(1), OptionId(2)]);
    assert_eq!(
        all_line_ids(&plan),
        vec![LineId(1), LineId(2), LineId(3), LineId(4)]
    );

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ids");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("saved.ron");
    library::save_treatment_plan(&path, &plan).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("id: 4,"), "line ids are written: {text}");
    assert_eq!(library::load_treatment_plan(&path).unwrap(), plan);
}

#[test]
fn ids_in_the_file_are_kept_and_duplicates_are_renumbered() {
    let text = r#"TreatmentPlan(format: 1,
        patient: (name: "Ada Lind", birth_date: "1975-03-02"),
        options: [
            (id: 7, name: "Crown", visits: [(id: 1, name: "Prep", date: "2026-12-01",
                lines: [(id: 30, code: "D2740", tooth: "8"), (id: 30, code: "D2950", tooth: "8")])]),
            (id: 7, name: "Crown", visits: [(id: 1, name: "Prep", date: "2026-12-01",
                lines: [(code: "D2740", tooth: "9")])]),
        ])"#;
    let plan = parse_treatment_plan(Path::new("t.ron"), text).unwrap();
    let options: Vec<OptionId> = plan.options.iter().map(|o| o.id).collect();
    assert_eq!(options, vec![OptionId(7), OptionId(8)]);
    assert_eq!(
        all_line_ids(&plan),
        vec![LineId(30), LineId(31), LineId(32)]
    );
}

#[test]
fn edits_name_lines_by_id_and_fail_cleanly_when_they_are_gone() {
    let mut plan = sample();
    let gold = plan.options[1].id;
    let crown = plan.options[1].visits[0].lines[1].id;
    plan.apply(&Edit::LineFee(crown, Some(c("1600.00"))))
        .unwrap();
    assert_eq!(plan.options[1].visits[0].lines[1].fee, Some(c("1600.00")));
    assert_eq!(plan.options[0].visits[0].lines[1].fee, None);

    // Removing the line before it does not make the id point elsewhere.
    let buildup = plan.options[1].visits[0].lines[0].id;
    plan.apply(&Edit::RemoveLine(buildup)).unwrap();
    assert_eq!(plan.line(crown).unwrap().line.fee, Some(c("1600.00")));
    assert_eq!(
        plan.apply(&Edit::RemoveLine(buildup)),
        Err(EditError::NoLine(buildup))
    );
    assert_eq!(
        plan.apply(&Edit::LineCompletedAt(crown, Some(VisitId(9)))),
        Err(EditError::NoVisit(gold, VisitId(9)))
    );

    // New lines get fresh ids, never one in use.
    let before = all_line_ids(&plan);
    let added = plan
        .apply(&Edit::AddLines {
            option: gold,
            visit: VisitId(2),
            lines: vec![PlannedLine::new(
                ferrule::model::CdtCode::parse("D1110").unwrap(),
                None,
            )],
        })
        .unwrap();
    let Applied::Lines(ids) = added else {
        panic!("expected new lines, got {added:?}");
    };
    assert_eq!(ids.len(), 1);
    assert!(!before.contains(&ids[0]));
}

/// Issue 11's bug: with "Option 1" deleted and "New option" pressed, two options
/// are named "Option 2"; printing the new one showed the old one's visit names
/// and dates next to the new one's amounts.
#[test]
fn two_options_with_the_same_name_print_their_own_visits_and_amounts() {
    let lib = library::sample();
    let mut plan = sample();
    let first = plan.options[0].id;
    plan.apply(&Edit::RenameOption(first, "Option 1".into()))
        .unwrap();
    let second = plan.options[1].id;
    plan.apply(&Edit::RenameOption(second, "Option 2".into()))
        .unwrap();
    plan.apply(&Edit::RemoveOption(first)).unwrap();
    // What "New option" adds when one option is left: "Option 2".
    let Applied::Option(new) = plan
        .apply(&Edit::AddOption(TreatmentOption {
            id: OptionId::default(),
            name: "Option 2".into(),
            visits: vec![Visit {
                id: VisitId(1),
                name: "Cleaning visit".into(),
                date: d("2027-01-05"),
                lines: vec![PlannedLine::new(
                    ferrule::model::CdtCode::parse("D1110").unwrap(),
                    None,
                )],
            }],
        }))
        .unwrap()
    else {
        panic!("expected a new option");
    };
    assert_ne!(new, second);
    assert_eq!(plan.options[0].name, plan.options[1].name);

    let as_of = d("2026-11-23");
    let option = plan.option(new).unwrap();
    let input = EstimateInput::for_option(&lib, &plan, option, &plan.coverage, as_of).unwrap();
    let estimate = engine::estimate(&input);
    let printed = PrintedEstimate::new(
        &PracticeSettings::default(),
        &plan,
        &lib,
        option,
        &estimate,
        as_of,
    );
    // The new option's own visit, date and single line; none of the crown's.
    let visits = &printed.table.visits;
    assert_eq!(visits.len(), 1);
    assert_eq!(visits[0].id, VisitId(1));
    assert_eq!(visits[0].name, "Cleaning visit");
    assert_eq!(visits[0].date, "Jan 5, 2027");
    assert_eq!(visits[0].rows.len(), 1);
    assert_eq!(visits[0].rows[0].line, option.visits[0].lines[0].id);
    assert_eq!(visits[0].rows[0].code.to_string(), "D1110");
    assert_eq!(printed.table.totals.fee, estimate.totals.fee);
    // And its own estimate number.
    let other = plan.option(second).unwrap();
    let id = |o: &TreatmentOption| estimate_id(&plan.patient.name, o.id, &o.name, as_of);
    assert_eq!(printed.estimate_id, id(option));
    assert_ne!(printed.estimate_id, id(other));

    // The command line refuses to guess which "Option 2" is meant.
    let err = EstimateInput::from_document(&lib, &plan, Some("Option 2"), as_of).unwrap_err();
    assert!(
        err.to_string().contains("2 options are named \"Option 2\""),
        "{err}"
    );
    let by_id = EstimateInput::from_document(&lib, &plan, Some(&new.to_string()), as_of).unwrap();
    assert_eq!(by_id.option.id, new);
}
