//! Issue 13, the plan and fee schedule editors in the app: a new plan from the
//! PPO template changed in the editor, saved, priced and checked; fee schedule
//! raises, pastes, missing fees and saves.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::engine::{self, EstimateInput};
use ferrule::gui::{Command, FerruleApp};
use ferrule::library;
use ferrule::model::plan::FrequencyWindow;
use ferrule::model::{CdtCode, ProcedureClass};
use ferrule::money::Cents;

use super::{harness, today};

pub(super) fn fresh_library(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("editor-{name}"));
    std::fs::remove_dir_all(&dir).ok();
    library::seed_library(&dir).unwrap();
    dir
}

pub(super) fn app_on(dir: &Path) -> Harness<'static, FerruleApp> {
    let mut app = FerruleApp::new(
        library::load_dir(dir),
        Some(dir.to_path_buf()),
        None,
        today(),
    );
    app.set_native_dialogs(false);
    harness(app)
}

/// Types `text` over the field labelled `label` and presses Enter.
pub(super) fn type_into(h: &mut Harness<'_, FerruleApp>, label: &str, text: &str) {
    let role = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(role, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    if text.is_empty() {
        h.key_press(Key::Backspace);
    } else {
        h.get_by_role_and_label(role, label).type_text(text);
    }
    h.key_press(Key::Enter);
    h.run();
    h.run();
}

pub(super) fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

fn cents(c: i64) -> Cents {
    Cents::from_cents(c)
}

/// Two cleanings, a silver filling and a porcelain crown on a molar, all in
/// December 2026, under plan `plan`.
fn treatment(plan: &str) -> ferrule::model::TreatmentPlan {
    let text = format!(
        r#"TreatmentPlan(
    format: 1,
    patient: (name: "Test Patient", birth_date: "1980-06-15"),
    coverage: [(plan: "{plan}", relationship: Subscriber, effective: "2020-01-01")],
    options: [(
        name: "Plan",
        visits: [
            (id: 1, name: "Cleaning", date: "2026-12-01", lines: [(code: "D1110")]),
            (id: 2, name: "Work", date: "2026-12-15", lines: [
                (code: "D1110"),
                (code: "D2140", tooth: "3", surfaces: "O"),
                (code: "D2740", tooth: "19"),
            ]),
        ],
    )],
)"#
    );
    library::parse_treatment_plan(Path::new("test.ron"), &text).unwrap()
}

#[test]
fn a_plan_built_from_the_ppo_template_in_the_editor_saves_prices_and_checks_cleanly() {
    let dir = fresh_library("plan");
    let mut h = app_on(&dir);
    h.state_mut().push(Command::EditPlans);
    h.run();
    h.get_by_label("PPO 100/80/50").click();
    h.run();
    h.run();
    // The template pays basic work at 80%, two cleanings a year, porcelain molar
    // crowns at the base-metal rate (D2791), with a $50 deductible.
    type_into(&mut h, "Plan id", "acme-ppo");
    type_into(&mut h, "Plan name", "Acme Dental PPO");
    let basic = ferrule::gui::editor::plan_fields::coverage_label(ProcedureClass::BasicRestorative);
    type_into(&mut h, &basic, "70");
    type_into(&mut h, "Deductible", "0");
    // The cleanings limit, in its form: one per 6 months to the day.
    type_into(&mut h, "Count of Cleanings", "1");
    pick(&mut h, "Window of Cleanings", "months, to the day");
    type_into(&mut h, "Window length of Cleanings", "6");
    // The molar crown downgrade, in its form: paid as D2792 instead of D2791.
    let crowns = "Porcelain crowns on molars paid at the base-metal crown rate";
    type_into(&mut h, &format!("Paid as 1 of {crowns}"), "D2792");
    {
        let window = &h.state().editors.plans;
        let draft = window.draft.as_ref().unwrap();
        assert_eq!(draft.plan.id, "acme-ppo");
        let cleanings = &draft.plan.frequency_limits[1];
        assert_eq!(cleanings.count, 1);
        assert_eq!(cleanings.window, FrequencyWindow::MonthsToTheDay(6));
        let paid_as = &draft.plan.alternate_benefits[1].paid_as;
        assert_eq!(paid_as[&code("D2740")], code("D2792"));
        assert_eq!(paid_as[&code("D2750")], code("D2792"));
        let (_, _, checked) = window.checked.as_ref().unwrap();
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        // The live price moved with the edits: undo the last one and it moves back.
        let after = window.preview.totals().unwrap();
        h.get_by_label("Undo").click();
        h.run();
        let before = h.state().editors.plans.preview.totals().unwrap();
        assert_ne!(after, before);
        h.get_by_label("Redo").click();
        h.run();
        assert_eq!(h.state().editors.plans.preview.totals().unwrap(), after);
    }
    h.get_by_label("Save plan*").click();
    h.run();
    h.run();
    let saved = dir.join("plans/acme-ppo.ron");
    assert!(saved.exists(), "{:?}", h.state().editors.plans.message);
    let library = &h.state().state.library;
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let plan = &library.plans["acme-ppo"];
    assert_eq!(plan.network.schedule_id(), "bayside-ppo-2026");
    assert_eq!(
        plan.frequency_limits[1].window,
        FrequencyWindow::MonthsToTheDay(6)
    );

    prices_as_worked_out_by_hand(library);
    check_strict_is_clean(&dir);
}

/// Opens the combo box labelled `label` and picks `choice`.
pub(super) fn pick(h: &mut Harness<'_, FerruleApp>, label: &str, choice: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(choice).click();
    h.run();
    h.run();
}

/// A treatment plan priced under the saved "acme-ppo" plan.
fn prices_as_worked_out_by_hand(library: &ferrule::model::Library) {
    // Priced under the saved plan (bayside-ppo-2026 contracted fees, office-2026
    // office fees, no deductible any more, all in calendar year 2026):
    // - 1 Dec, D1110: allowed $95.00, preventive 100% -> plan $95.00, patient $0.
    // - 15 Dec, D1110 again: one cleaning per 6 months now (the first was 14
    //   days before) -> denied, billed at the contracted $95.00: plan $0,
    //   patient $95.00.
    // - D2140 on #3: allowed $99.00, basic now 70% -> plan $69.30, patient $29.70.
    // - D2740 on #19 (a molar): paid as D2792 now, allowed $818.00 x 50% = $409.00;
    //   the patient owes the rest of the D2740 allowed $893.00: $484.00.
    // Plan $95.00 + $0 + $69.30 + $409.00 = $573.30; patient $0 + $95.00 + $29.70
    // + $484.00 = $608.70 (under the $1,500 maximum).
    let document = treatment("acme-ppo");
    let option = &document.options[0];
    let input =
        EstimateInput::for_option(library, &document, option, &document.coverage, today()).unwrap();
    let estimate = engine::estimate(&input);
    let pays: Vec<i64> = estimate
        .lines
        .iter()
        .map(|l| l.payers.iter().map(|p| p.pays.cents()).sum())
        .collect();
    let patient: Vec<i64> = estimate.lines.iter().map(|l| l.patient.cents()).collect();
    assert_eq!(pays, vec![9_500, 0, 6_930, 40_900]);
    assert_eq!(patient, vec![0, 9_500, 2_970, 48_400]);
    assert_eq!(estimate.totals.patient, cents(60_870));
}

/// `ferrule check --strict` on the saved folder: no problem, no warning.
fn check_strict_is_clean(dir: &Path) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .args(["check", "--strict", "--library"])
        .arg(dir)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    assert!(!text.contains("acme-ppo.ron"), "{text}");
}

fn open_fees(h: &mut Harness<'_, FerruleApp>, id: &str) {
    h.state_mut().push(Command::EditFeeSchedules);
    h.run();
    let library = h.state().state.library.clone();
    h.state_mut().editors.fees.pick(&library, id);
    h.run();
}

#[test]
fn a_raise_of_a_class_rounds_each_changed_fee_to_the_cent() {
    let dir = fresh_library("raise");
    let mut h = app_on(&dir);
    open_fees(&mut h, "bayside-ppo-2026");
    let fees = |h: &Harness<'_, FerruleApp>| {
        h.state()
            .editors
            .fees
            .draft
            .as_ref()
            .unwrap()
            .fees()
            .clone()
    };
    let before = fees(&h);
    assert_eq!(before[&code("D1110")], cents(9_500));
    assert_eq!(before[&code("D2140")], cents(9_900));
    type_into(&mut h, "Raise percent", "3.5");
    h.state_mut().editors.fees.raise_class = Some(ProcedureClass::BasicRestorative);
    h.get_by_label("Apply raise").click();
    h.run();
    let after = fees(&h);
    // D2140 (basic): $99.00 x 3.5% = $3.465, rounded half up to $3.47 -> $102.47.
    assert_eq!(after[&code("D2140")], cents(10_247));
    // D1110 is preventive: untouched.
    assert_eq!(after[&code("D1110")], cents(9_500));
    // Undo puts every fee back.
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(fees(&h), before);
}

#[test]
fn a_paste_with_a_bad_row_names_it_and_applies_nothing() {
    let dir = fresh_library("paste");
    let mut h = app_on(&dir);
    open_fees(&mut h, "bayside-ppo-2026");
    let before = h.state().editors.fees.draft.clone().unwrap();
    h.get_by_label("Paste from a spreadsheet").click();
    h.run();
    h.state_mut().editors.fees.paste = "D1110\t101.00\nD2140\tabc\nD2740,900.00".into();
    h.run();
    h.get_by_label("Preview paste").click();
    h.run();
    assert!(h.query_by_label_contains("Row 2: D2140").is_some());
    // Apply stays off: nothing changed.
    assert!(h.get_by_label("Apply paste").accesskit_node().is_disabled());
    let draft = h.state().editors.fees.draft.as_ref().unwrap();
    assert_eq!(draft.fees(), before.fees());
    // Fixed, it applies both rows as one undo step.
    h.state_mut().editors.fees.paste = "D1110\t101.00\nD2740,900.00".into();
    h.run();
    h.get_by_label("Preview paste").click();
    h.run();
    h.get_by_label("Apply paste").click();
    h.run();
    let draft = h.state().editors.fees.draft.as_ref().unwrap();
    assert_eq!(draft.fees()[&code("D1110")], cents(10_100));
    assert_eq!(draft.fees()[&code("D2740")], cents(90_000));
}

#[test]
fn codes_the_plans_use_without_a_fee_are_marked_and_a_save_round_trips() {
    let dir = fresh_library("missing");
    let mut h = app_on(&dir);
    open_fees(&mut h, "summit-ppo-2026");
    // Summit PPO 1500 pays D2790 as D2750: take D2790's fee away.
    type_into(&mut h, "Search fees", "D2790");
    type_into(&mut h, "Fee D2790", "");
    let fee = h
        .state()
        .editors
        .fees
        .draft
        .as_ref()
        .unwrap()
        .fees()
        .get(&code("D2790"))
        .copied();
    assert_eq!(fee, None);
    assert!(
        h.query_by_label_contains("Summit Dental PPO 1500")
            .is_some()
    );
    // A typed amount that is not money stays on its row, unapplied.
    type_into(&mut h, "Fee D2790", "12.345");
    assert!(h.query_by_label_contains("not accepted").is_some());
    type_into(&mut h, "Fee D2790", "1,234.50");
    assert!(h.query_by_label_contains("No fee; used by").is_none());
    // Saving writes the file (it has comments: asked first), and the library
    // reloads with the new fee.
    h.get_by_label("Save*").click();
    h.run();
    let path = dir.join("fee-schedules/summit-ppo-2026.ron");
    assert!(library::file_has_comments(&path).unwrap());
    let untouched = std::fs::read_to_string(&path).unwrap();
    assert!(
        h.query_by_label_contains("This file has comments")
            .is_some()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), untouched);
    h.get_by_label("Save anyway").click();
    h.run();
    h.run();
    let text = std::fs::read_to_string(&path).unwrap();
    let reread = library::parse_fee_schedule(&path, &text).unwrap();
    assert_eq!(reread.fee(code("D2790")), Some(cents(123_450)));
    let library = &h.state().state.library;
    assert_eq!(
        library.fee_schedules["summit-ppo-2026"].fee(code("D2790")),
        Some(cents(123_450))
    );
}

#[test]
fn a_derived_plan_overrides_and_inherits_field_by_field_and_saves_only_what_differs() {
    let dir = fresh_library("derived");
    let mut h = app_on(&dir);
    h.state_mut().push(Command::EditPlans);
    h.run();
    let library = h.state().state.library.clone();
    h.state_mut()
        .editors
        .plans
        .pick(&library, "summit-individual-1000");
    h.run();
    {
        let draft = h.state().editors.plans.draft.as_ref().unwrap();
        assert!(draft.inherits("carrier"));
        assert!(!draft.inherits("deductible"));
        assert!(draft.inherits_class(ProcedureClass::Diagnostic));
        assert!(!draft.inherits_class(ProcedureClass::BasicRestorative));
    }
    assert!(h.query_all_by_label("inherited").count() > 3);
    // Typing a coverage writes that class in the derived file.
    let diagnostic = ferrule::gui::editor::plan_fields::coverage_label(ProcedureClass::Diagnostic);
    type_into(&mut h, &diagnostic, "90");
    // The deductible goes back to the base's ($50.00 instead of $100.00).
    let draft = h.state_mut().editors.plans.draft.as_mut().unwrap();
    draft.back_to_inherited("deductible");
    assert_eq!(draft.plan.deductible.individual, cents(5_000));
    assert!(!draft.inherits_class(ProcedureClass::Diagnostic));
    h.run();
    h.get_by_label("Save plan*").click();
    h.run();
    // The file has comments: asked first, then saved on "Save anyway".
    h.get_by_label("Save anyway").click();
    h.run();
    h.run();
    let path = dir.join("plans/summit-individual-1000.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("based_on: \"summit-ppo-1500\""), "{text}");
    assert!(!text.contains("\n    deductible:"), "{text}");
    assert!(text.contains("Diagnostic: 90"), "{text}");
    let library = &h.state().state.library;
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let plan = &library.plans["summit-individual-1000"];
    assert_eq!(plan.deductible.individual, cents(5_000));
    assert_eq!(
        plan.coverage[&ProcedureClass::Diagnostic].basis_points(),
        9_000
    );
    // Implants stay removed (written as None), inherited fields stay the base's.
    assert!(!plan.coverage.contains_key(&ProcedureClass::Implants));
    assert_eq!(plan.carrier, library.plans["summit-ppo-1500"].carrier);
}

#[test]
fn a_plan_others_are_based_on_is_not_deleted_and_another_is_after_asking() {
    let dir = fresh_library("delete");
    let mut h = app_on(&dir);
    h.state_mut().push(Command::EditPlans);
    h.run();
    let library = h.state().state.library.clone();
    h.state_mut()
        .editors
        .plans
        .pick(&library, "summit-ppo-1500");
    h.run();
    h.get_by_label("Delete…").click();
    h.run();
    assert!(
        h.query_by_label_contains("summit-ppo-1500 cannot be deleted: summit-individual-1000")
            .is_some()
    );
    assert!(h.query_by_label("Delete plan").is_none());
    assert!(dir.join("plans/summit-ppo-1500.ron").exists());

    h.state_mut()
        .editors
        .plans
        .pick(&library, "prairie-scheduled");
    h.run();
    h.get_by_label("Delete…").click();
    h.run();
    h.get_by_label("Delete plan").click();
    h.run();
    h.run();
    assert!(!dir.join("plans/prairie-scheduled.ron").exists());
    assert!(
        !h.state()
            .state
            .library
            .plans
            .contains_key("prairie-scheduled")
    );
}

#[test]
fn picking_another_plan_with_unsaved_changes_asks_first() {
    let dir = fresh_library("switch");
    let mut h = app_on(&dir);
    h.state_mut().push(Command::EditPlans);
    h.run();
    // The first plan by name is open: Bayside Dental Network PPO 2000.
    assert_eq!(
        h.state().editors.plans.draft.as_ref().unwrap().plan.id,
        "bayside-ppo-2000"
    );
    type_into(&mut h, "Carrier", "Bayside (renamed)");
    h.get_by_label("Keystone Mutual Value PPO").click();
    h.run();
    assert!(h.query_by_label_contains("has unsaved changes").is_some());
    let draft = h.state().editors.plans.draft.as_ref().unwrap();
    assert_eq!(draft.plan.carrier, "Bayside (renamed)");
    h.get_by_label("Drop the changes").click();
    h.run();
    let draft = h.state().editors.plans.draft.as_ref().unwrap();
    assert_eq!(draft.plan.id, "keystone-ppo-exclusions");
    assert!(!draft.is_modified());
}

#[test]
fn ctrl_z_undoes_in_the_editor_window_on_top_not_in_the_treatment_plan() {
    let dir = fresh_library("ctrlz");
    let mut h = app_on(&dir);
    // One change to the treatment plan, so its own undo has something to take.
    h.state_mut()
        .push(Command::Edit(ferrule::gui::Edit::PatientName(
            "Ana Ruiz".into(),
        )));
    h.run();
    open_fees(&mut h, "bayside-ppo-2026");
    let fee = |h: &Harness<'_, FerruleApp>| {
        h.state().editors.fees.draft.as_ref().unwrap().fees()[&code("D2140")]
    };
    type_into(&mut h, "Raise percent", "10");
    h.get_by_label("Apply raise").click();
    h.run();
    // $99.00 + 10% = $108.90.
    assert_eq!(fee(&h), cents(10_890));
    // Click the editor's title bar, as a person working in it would, then Ctrl+Z.
    h.get_by_label("Fee schedules").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(fee(&h), cents(9_900), "the raise is undone in the editor");
    assert_eq!(h.state().state.document.plan.patient.name, "Ana Ruiz");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(fee(&h), cents(10_890), "and redone");
    // With the editor closed, Ctrl+Z is the treatment plan's again.
    h.state_mut().editors.fees.open = false;
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_ne!(h.state().state.document.plan.patient.name, "Ana Ruiz");
}

#[test]
fn a_library_reload_refreshes_an_unchanged_draft_and_keeps_a_changed_one() {
    let dir = fresh_library("reload");
    let mut h = app_on(&dir);
    open_fees(&mut h, "bayside-ppo-2026");
    let fee = |h: &Harness<'_, FerruleApp>| {
        h.state().editors.fees.draft.as_ref().unwrap().fees()[&code("D2140")]
    };
    assert_eq!(fee(&h), cents(9_900));
    // Another workstation raises D2140 to $105.00 in the file.
    let file = dir.join("fee-schedules/bayside-ppo-2026.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let raised = text.replace("\"D2140\": \"99.00\"", "\"D2140\": \"105.00\"");
    assert_ne!(text, raised);
    std::fs::write(&file, raised).unwrap();
    h.state_mut().push(Command::ReloadLibrary);
    h.run();
    assert_eq!(
        fee(&h),
        cents(10_500),
        "an unchanged draft shows the file as it is now"
    );
    // A draft with changes of its own is kept, and says what a save will do.
    type_into(&mut h, "Raise percent", "10");
    h.get_by_label("Apply raise").click();
    h.run();
    assert_eq!(fee(&h), cents(11_550), "$105.00 + 10%");
    h.state_mut().push(Command::ReloadLibrary);
    h.run();
    assert_eq!(fee(&h), cents(11_550));
    let message = h.state().editors.fees.message.clone().unwrap_or_default();
    assert!(message.contains("saving replaces the file"), "{message}");
}
