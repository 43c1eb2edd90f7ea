//! The plan draft: the loader's messages and the lint's warnings as a plan is
//! edited, undo, and what a derived plan's file writes.

use chrono::NaiveDate;

use super::*;
use crate::gui::editor::plan_templates::from_template;
use crate::model::plan::Network;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn draft() -> (Library, PlanDraft) {
    let library = library::sample();
    let plan = from_template("PPO 100/80/50", &library).unwrap();
    let draft = PlanDraft::new_plan(plan, PathBuf::from("plans/new-ppo.ron"));
    (library, draft)
}

#[test]
fn a_schedule_that_does_not_exist_gets_the_loaders_message_with_its_line() {
    let (library, mut draft) = draft();
    assert_eq!(draft.check(&library, today()), Checked::default());
    draft.edit("network", |p| {
        p.network = Network::InNetwork {
            contracted: "nowhere".into(),
        };
    });
    let checked = draft.check(&library, today());
    let problem = &checked.problems[0];
    assert!(
        problem
            .message
            .contains("fee schedule \"nowhere\" does not exist")
    );
    assert_eq!(problem.path, PathBuf::from("plans/new-ppo.ron"));
    // The saved text's line 7 is `contracted: "nowhere",` (under `network:`).
    let text = library::plan_file_text(&draft.file()).unwrap();
    assert!(
        text.lines().nth(6).unwrap().contains("\"nowhere\""),
        "{text}"
    );
    assert_eq!(problem.line, 7);
    // Shown on the network field.
    assert_eq!(checked.on("network").count(), 1);
    assert_eq!(checked.on("coverage").count(), 0);
    // Undo brings the clean plan back.
    assert!(draft.undo());
    assert!(draft.check(&library, today()).problems.is_empty());
    assert!(draft.redo());
    assert_eq!(draft.check(&library, today()).problems.len(), 1);
}

#[test]
fn a_rule_on_an_uncovered_class_gets_the_lints_warning_and_a_covered_one_does_not() {
    let (library, mut draft) = draft();
    // The template's crown limit counts D2510-D2799 (major restorative, 50%).
    assert!(draft.check(&library, today()).warnings.is_empty());
    draft.set_class_coverage(ProcedureClass::MajorRestorative, None);
    let warnings = draft.check(&library, today()).warnings;
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("frequency limit \"Crowns\"")),
        "{warnings:?}"
    );
}

#[test]
fn a_derived_plan_writes_only_the_fields_and_classes_it_overrides() {
    let library = library::sample();
    let mut draft = PlanDraft::open(&library, "summit-individual-1000").unwrap();
    draft.back_to_inherited("deductible");
    draft.set_class_coverage(
        ProcedureClass::Diagnostic,
        Some(Percent::whole(90).unwrap()),
    );
    draft.override_field("carrier");
    let PlanFile::Derived(patch) = draft.file() else {
        panic!("a derived plan stays derived");
    };
    assert_eq!(patch.based_on.as_deref(), Some("summit-ppo-1500"));
    assert!(patch.deductible.is_none());
    assert_eq!(
        patch.carrier.as_deref(),
        Some(library.plans["summit-ppo-1500"].carrier.as_str())
    );
    assert_eq!(
        patch.coverage.get(&ProcedureClass::Diagnostic),
        Some(&Some(Percent::whole(90).unwrap()))
    );
    // Implants stay written as removed.
    assert_eq!(patch.coverage.get(&ProcedureClass::Implants), Some(&None));
    assert!(draft.check(&library, today()).problems.is_empty());
}
