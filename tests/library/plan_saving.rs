//! Keeping what people wrote: plans and fee schedules carry `notes` that survive
//! a save, a file's comments are detected before a save would drop them, and a
//! save (whole plan, derived plan, versioned fee schedule) reads back equal.

use std::path::Path;

use ferrule::library::{
    self, file_has_comments, has_comments, parse_fee_schedule, parse_plan_file, save_fee_schedule,
    save_plan_file,
};
use ferrule::model::FeeVersion;
use ferrule::model::derived::PlanFile;

use super::{TempDir, root, source};
use crate::util::{c, d};

#[test]
fn a_saved_whole_plan_with_notes_reads_back_equal() {
    let shipped = library::load_dir(&root());
    let mut plan = shipped.plans["summit-ppo-1500"].clone();
    plan.notes = Some(
        "Group 4471, checked with the carrier on Nov 3, 2026.\nAsk for the \"2027\" rider.".into(),
    );
    plan.in_force_since = Some(d("2019-01-01"));
    let dir = TempDir::new("save-plan");
    let path = dir.path().join("summit-ppo-1500.ron");

    let file = PlanFile::Full(plan.clone());
    save_plan_file(&path, &file).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(parse_plan_file(&path, &text).unwrap(), file);
    // What a program wrote has no comments to lose.
    assert!(!file_has_comments(&path).unwrap());
}

#[test]
fn a_saved_derived_plan_keeps_based_on_and_only_what_it_writes() {
    let shipped = source("plans/summit-individual-1000.ron");
    let PlanFile::Derived(mut patch) = parse_plan_file(&shipped.path, &shipped.text).unwrap()
    else {
        panic!("the shipped individual plan is derived");
    };
    // Dropping an inherited value is written too, and read back as such.
    patch.missing_tooth_clause = Some(None);
    patch.notes = Some(Some("Sold to individuals only.".into()));
    let file = PlanFile::Derived(patch);
    let dir = TempDir::new("save-derived");
    let path = dir.path().join("summit-individual-1000.ron");
    save_plan_file(&path, &file).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("based_on: \"summit-ppo-1500\""), "{text}");
    assert!(
        !text.contains("carrier"),
        "inherited fields are not written:\n{text}"
    );
    assert_eq!(
        parse_plan_file(&path, &text).unwrap_or_else(|p| panic!("{p}\n{text}")),
        file
    );
}

#[test]
fn a_saved_fee_schedule_with_versions_and_notes_reads_back_equal() {
    let shipped = source("fee-schedules/summit-ppo-2026.ron");
    let mut schedule = parse_fee_schedule(&shipped.path, &shipped.text).unwrap();
    assert!(
        schedule.versions.is_empty(),
        "a file without versions still reads"
    );
    let mut fees = schedule.fees.clone();
    for fee in fees.values_mut() {
        *fee += c("1.00");
    }
    schedule.versions.push(FeeVersion {
        name: "2027 fees".into(),
        effective: d("2027-01-01"),
        fees,
    });
    schedule.notes = Some("From the carrier's letter of Oct 2, 2026.".into());
    let dir = TempDir::new("save-schedule");
    let path = dir.path().join("summit-ppo-2026.ron");
    save_fee_schedule(&path, &schedule).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(parse_fee_schedule(&path, &text).unwrap(), schedule);
}

#[test]
fn hand_written_shipped_files_are_seen_to_have_comments() {
    for rel in [
        "plans/summit-ppo-1500.ron",
        "fee-schedules/summit-ppo-2026.ron",
    ] {
        assert!(has_comments(&source(rel).text), "{rel}");
        assert!(file_has_comments(&root().join(rel)).unwrap(), "{rel}");
    }
    // A file that does not exist yet has nothing to lose.
    assert!(!file_has_comments(Path::new("/nonexistent/ferrule/plan.ron")).unwrap());
}
