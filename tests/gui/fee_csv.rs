//! Issue 14 in the fee schedule editor: "Export CSV…" writes the list being
//! edited as CSV (asking before replacing a file), "Import CSV…" reads one back
//! into the schedule as one undo step, and a CSV with bad rows names each row and
//! changes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ferrule::gui::{Command, FerruleApp};
use ferrule::library;
use ferrule::model::CdtCode;
use ferrule::money::Cents;

use super::{harness, today};

fn fresh_library(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fee-csv-{name}"));
    std::fs::remove_dir_all(&dir).ok();
    library::seed_library(&dir).unwrap();
    dir
}

fn app_on(dir: &Path, schedule: &str) -> Harness<'static, FerruleApp> {
    let mut app = FerruleApp::new(
        library::load_dir(dir),
        Some(dir.to_path_buf()),
        None,
        today(),
    );
    app.set_native_dialogs(false);
    let mut h = harness(app);
    h.state_mut().push(Command::EditFeeSchedules);
    h.run();
    let library = h.state().state.library.clone();
    h.state_mut().editors.fees.pick(&library, schedule);
    h.run();
    h
}

fn fees(h: &Harness<'_, FerruleApp>) -> BTreeMap<CdtCode, Cents> {
    let draft = h.state().editors.fees.draft.as_ref().unwrap();
    draft.fees().clone()
}

fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

/// Clicks `button` ("Import CSV…" or "Export CSV…"), types `path` and clicks `go`.
fn csv(h: &mut Harness<'_, FerruleApp>, button: &str, path: &Path, go: &str) {
    h.get_by_label(button).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "CSV file").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "CSV file")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label(go).click();
    h.run();
    h.run();
}

fn shows(h: &Harness<'_, FerruleApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn an_exported_csv_imports_back_equal_as_one_undo_step() {
    let dir = fresh_library("round-trip");
    let mut h = app_on(&dir, "bayside-ppo-2026");
    let original = fees(&h);
    assert_eq!(original[&code("D1110")], Cents::from_cents(9_500));
    let file = dir.join("bayside.csv");
    csv(&mut h, "Export CSV…", &file, "Export");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("code,fee,description\n"), "{text}");
    assert!(text.contains("\nD1110,95.00,"), "{text}");
    assert_eq!(text.lines().count(), original.len() + 1);
    // Exporting again over the file asks first; "Replace it" writes.
    std::fs::write(&file, "old").unwrap();
    csv(&mut h, "Export CSV…", &file, "Export");
    assert!(shows(&h, "already exists"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "old");
    h.get_by_label("Replace it").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    // Change fees, then import the CSV: the list is the exported one again.
    {
        let draft = h.state_mut().editors.fees.draft.as_mut().unwrap();
        draft.set_fee(code("D1110"), Some(Cents::from_cents(1)));
        draft.set_fee(code("D2140"), None);
    }
    let changed = fees(&h);
    csv(&mut h, "Import CSV…", &file, "Import");
    assert_eq!(fees(&h), original);
    assert!(shows(&h, "fee(s) imported from the CSV"));
    // One undo step takes the whole import back.
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(fees(&h), changed);
}

#[test]
fn a_csv_with_bad_rows_names_them_and_changes_nothing() {
    let dir = fresh_library("bad-rows");
    let mut h = app_on(&dir, "bayside-ppo-2026");
    let before = fees(&h);
    let file = dir.join("bad.csv");
    std::fs::write(&file, "code,fee\nD1110,101.00\nD2140,abc\nD9999X,5.00\n").unwrap();
    csv(&mut h, "Import CSV…", &file, "Import");
    assert!(shows(&h, "Nothing imported: fix these rows"));
    assert!(shows(&h, "Row 3, column fee:"));
    assert!(shows(&h, "Row 4, column code:"));
    assert_eq!(fees(&h), before);
    assert!(!h.state().editors.fees.draft.as_ref().unwrap().can_undo());
}
