//! Issue 14 in the app: File > "Import eligibility…" reads a 271 into a review
//! screen (members, the draft plan's values, what to check), "Use for this
//! patient" puts the coverage on the patient as one undo step, and "Save draft plan
//! to library" writes a new plan file (never over an existing one).

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ferrule::gui::FerruleApp;
use ferrule::gui::command::{Command, Edit};
use ferrule::library;
use ferrule::money::Cents;

use super::{harness, sample, shows, today};

fn fresh_library(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("eligibility-{name}"));
    std::fs::remove_dir_all(&dir).ok();
    library::seed_library(&dir).unwrap();
    dir
}

fn sample_271(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples/271")
        .join(name)
        .display()
        .to_string()
}

fn app(dir: &Path) -> Harness<'static, FerruleApp> {
    let mut app = FerruleApp::new(
        library::load_dir(dir),
        Some(dir.to_path_buf()),
        Some(sample("gold-crown-30.ron")),
        today(),
    );
    app.set_native_dialogs(false);
    harness(app)
}

/// File > Import eligibility… (Ctrl+I), then the path typed (the field has the
/// keyboard as the window opens) and "Read file" clicked.
fn read(h: &mut Harness<'static, FerruleApp>, path: &str) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import eligibility… Ctrl+I").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "271 file").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "271 file")
        .type_text(path);
    h.run();
    h.get_by_label("Read file").click();
    h.run();
    h.run();
}

fn coverage_count(h: &Harness<'static, FerruleApp>) -> usize {
    h.state().state.document.plan.coverage.len()
}

#[test]
fn the_review_screen_shows_members_plan_and_review_and_uses_the_coverage_as_one_undo_step() {
    let dir = fresh_library("use");
    let mut h = app(&dir);
    read(&mut h, &sample_271("ppo-100-80-50.edi"));
    // Members, mapped values and review items, as read off the file by hand.
    assert!(shows(&h, "SUMMIT DENTAL BENEFITS, response of 2026-01-15"));
    h.get_by_label("JANE DOE (subscriber): coverage active");
    assert!(shows(&h, "SDB100200300"));
    assert!(shows(&h, "224.60")); // 1,500.00 maximum - 1,275.40 remaining
    assert!(shows(&h, "Covers basic restorative"));
    assert!(shows(&h, "80%"));
    assert!(shows(&h, "To review (5)"));
    assert!(shows(
        &h,
        "• carrier's note: read it and enter any rule it states [segment 19 MSG: MSG*DEDUCTIBLE WAIVED FOR DIAGNOSTIC AND PREVENTIVE]"
    ));

    let before = coverage_count(&h);
    h.get_by_label("Use for this patient").click();
    h.run();
    assert_eq!(coverage_count(&h), before + 1);
    let added = h
        .state()
        .state
        .document
        .plan
        .coverage
        .last()
        .unwrap()
        .clone();
    assert_eq!(added.member_id.as_deref(), Some("SDB100200300"));
    assert_eq!(added.plan, "summit-dental-benefits-271");
    assert_eq!(added.benefits_used, Cents::from_cents(22_460));
    assert_eq!(added.verified.as_ref().unwrap().source, "271 response");
    // Staff change the figure by hand; reading the 271 in again replaces that card
    // (same member id and plan) instead of adding a second one.
    let index = coverage_count(&h) - 1;
    h.state_mut()
        .push(Command::Edit(Edit::BenefitsUsed(index, Cents::ZERO)));
    h.run();
    h.get_by_label("Use for this patient").click();
    h.run();
    assert_eq!(coverage_count(&h), before + 1);
    assert_eq!(h.state().state.document.plan.coverage.last(), Some(&added));
    // Each use is one undo step: back to the hand-typed 0.00, then to no card.
    h.state_mut().push(Command::Undo);
    h.run();
    let last = h
        .state()
        .state
        .document
        .plan
        .coverage
        .last()
        .unwrap()
        .benefits_used;
    assert_eq!(last, Cents::ZERO);
    h.state_mut().push(Command::Undo);
    h.run();
    h.state_mut().push(Command::Undo);
    h.run();
    assert_eq!(coverage_count(&h), before);
}

#[test]
fn save_draft_plan_writes_a_new_library_file_once() {
    let dir = fresh_library("save");
    let mut h = app(&dir);
    read(&mut h, &sample_271("dependent-child.edi"));
    h.get_by_label("Save draft plan to library").click();
    h.run();
    let path = dir.join("plans/keystone-dental-271.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("// Draft plan imported from a 271"),
        "{text}"
    );
    assert!(text.contains("id: \"keystone-dental-271\""), "{text}");
    // The library was read again: the draft's one problem is its fee schedule.
    let problems: Vec<String> = h
        .state()
        .state
        .library
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("keystone-dental-271-fees")),
        "{problems:?}"
    );
    // Saving again does not overwrite.
    std::fs::write(&path, "edited").unwrap();
    h.get_by_label("Save draft plan to library").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited");
    let message = h.state().state.message.clone().unwrap();
    assert!(
        message.is_error && message.text.contains("already exists"),
        "{}",
        message.text
    );
}

#[test]
fn a_270_shows_why_it_cannot_be_imported() {
    let dir = fresh_library("bad");
    let request = dir.join("request.edi");
    let text = std::fs::read_to_string(sample_271("inactive.edi")).unwrap();
    std::fs::write(&request, text.replace("ST*271", "ST*270")).unwrap();
    let mut h = app(&dir);
    let before = h.state().state.document.plan.clone();
    read(&mut h, &request.display().to_string());
    assert!(shows(
        &h,
        "this is a 270 eligibility request (the question), not a 271 response (the answer): import the file the carrier sent back"
    ));
    assert!(h.query_by_label("Use for this patient").is_none());
    assert_eq!(h.state().state.document.plan, before);
}

fn label_shown(h: &Harness<'static, FerruleApp>, text: &str) -> bool {
    h.query_all_by_label(text).next().is_some()
}

#[test]
fn update_an_existing_plan_shows_old_and_new_values_then_writes_the_file_and_reloads() {
    let dir = fresh_library("update");
    // The library copy's maximum is 1,000.00; the 271 states 1,500.00.
    let path = dir.join("plans/summit-ppo-1500.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("annual: \"1500.00\"", "annual: \"1000.00\""),
    )
    .unwrap();
    let mut h = app(&dir);
    assert_eq!(
        h.state().state.library.plans["summit-ppo-1500"]
            .maximum
            .annual,
        Some(Cents::from_cents(100_000))
    );
    read(&mut h, &sample_271("ppo-100-80-50.edi"));
    pick_summit_and_see_the_changes(&mut h);
    // The shipped file has comments: the first click asks, nothing is written.
    let revision = h.state().state.library_revision;
    h.get_by_label("Write updated plan summit-ppo-1500").click();
    h.run();
    h.run();
    assert!(
        shows(&h, "This plan's file has comments; writing it drops them."),
        "{:?}",
        h.state().state.message
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("annual: \"1000.00\"")
    );
    h.get_by_label("Replace anyway").click();
    h.run();
    h.run();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(!written.contains("//"), "{written}");
    let plan = library::load_dir(&dir).plans["summit-ppo-1500"].clone();
    assert_eq!(plan.maximum.annual, Some(Cents::from_cents(150_000)));
    assert_eq!(plan.id, "summit-ppo-1500");
    assert!(
        plan.frequency_limits
            .iter()
            .any(|l| l.codes.to_string() == "D2740")
    );
    // Kept from the library plan: its deductible and coverage.
    assert_eq!(plan.deductible.individual, Cents::from_cents(5_000));
    // The library was read again and holds the new values; nothing left to change.
    let state = &h.state().state;
    assert!(state.library_revision > revision);
    assert_eq!(
        state.library.plans["summit-ppo-1500"].maximum.annual,
        Some(Cents::from_cents(150_000))
    );
    assert!(label_shown(
        &h,
        "summit-ppo-1500 already has every value the 271 states."
    ));
}

/// Searches the plans to update, picks Summit PPO 1500 and checks the side by
/// side changes: field, library value, value from the 271.
fn pick_summit_and_see_the_changes(h: &mut Harness<'static, FerruleApp>) {
    let search = "Search plans to update";
    h.get_by_role_and_label(Role::TextInput, search).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, search)
        .type_text("summit 1500");
    h.run();
    // Narrowed to the one plan; the individual plan is not listed.
    assert!(!label_shown(
        h,
        "Summit Dental Benefits (fictional) — Summit Individual Dental 1000 (in-network PPO)"
    ));
    h.get_by_label("Summit Dental Benefits (fictional) — Summit Dental PPO 1500 (in-network PPO)")
        .click();
    h.run();
    h.run();
    assert!(shows(h, "maximum.annual"), "maximum.annual");
    assert!(shows(h, "1,000.00"), "1,000.00");
    assert!(shows(h, "1,500.00"), "1,500.00");
    assert!(
        shows(h, "frequency_limits[\"D2740\"]"),
        "frequency_limits[\"D2740\"]"
    );
    assert!(shows(h, "1 every 5 years"), "1 every 5 years");
}
