//! Issue 19 item 6, patients: File > Patients… (Ctrl+F) searches the patient
//! folder by name, chart number and birth date and opens the patient with Enter;
//! the start screen lists the recent patients and opens one on a click; a new
//! plan is saved in the patient folder, owner-only, as "<name> <chart>.ron".

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::panels::patients::SEARCH_LABEL;
use ferrule::gui::{Command, Edit, FerruleApp};
use ferrule::library;

use super::{harness, sample_app, today};

fn plan_text(name: &str, chart: &str, born: &str) -> String {
    format!(
        "TreatmentPlan(format: 1, patient: (name: \"{name}\", birth_date: \"{born}\", \
         chart_number: \"{chart}\"), coverage: [], options: [])"
    )
}

/// Writes a patient's plan, last changed `days_ago` days before now.
fn patient(dir: &Path, name: &str, chart: &str, born: &str, days_ago: u64) -> PathBuf {
    let path = dir.join(format!("{name}.ron"));
    std::fs::write(&path, plan_text(name, chart, born)).unwrap();
    let when = SystemTime::now() - Duration::from_secs(days_ago * 86_400);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(when)
        .unwrap();
    path
}

/// A folder with three patients: Marisol Vega (changed last), Ada Lind, Victor
/// Vance.
fn three_patients() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    patient(tmp.path(), "Marisol Vega", "10442", "1978-03-14", 1);
    patient(tmp.path(), "Ada Lind", "20117", "1975-03-02", 3);
    patient(tmp.path(), "Victor Vance", "30200", "1990-12-01", 2);
    tmp
}

/// The app on a blank document with `dir` as its patient folder.
fn app_in(dir: &Path) -> Harness<'static, FerruleApp> {
    let mut app = FerruleApp::new(library::sample(), None, None, today());
    app.set_native_dialogs(false);
    app.set_patients_dir(Some(dir.to_path_buf()));
    harness(app)
}

/// Draws frames until the patient folder is listed (at most about ten seconds).
fn until_listed(h: &mut Harness<'_, FerruleApp>) {
    for _ in 0..1000 {
        h.step();
        let list = h.state().patient_list();
        if list.index().is_some() && !list.is_loading() {
            h.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the patient folder was not listed");
}

/// Ctrl+F, then `text` typed without clicking: the search field has the keyboard.
fn search(h: &mut Harness<'_, FerruleApp>, text: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    until_listed(h);
    h.get_by_label(SEARCH_LABEL).type_text(text);
    h.run();
}

fn patient_name(h: &Harness<'_, FerruleApp>) -> String {
    h.state().state.document.plan.patient.name.clone()
}

fn listed(h: &Harness<'_, FerruleApp>, name: &str) -> bool {
    h.query_by_label(name).is_some()
}

#[test]
fn part_of_a_name_then_enter_opens_that_patient() {
    let folder = three_patients();
    let mut h = app_in(folder.path());
    search(&mut h, "va");
    // "va" starts Vance only ("Vega" does not start with "va"); sorted by name.
    assert!(listed(&h, "Victor Vance"));
    assert!(!listed(&h, "Marisol Vega"));
    assert!(!listed(&h, "Ada Lind"));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(patient_name(&h), "Victor Vance");
    assert_eq!(
        h.state().state.document.path.as_deref(),
        Some(folder.path().join("Victor Vance.ron").as_path())
    );
    assert!(
        h.query_by_label(SEARCH_LABEL).is_none(),
        "the window closed"
    );
}

#[test]
fn down_picks_the_next_match_and_enter_opens_it() {
    let folder = three_patients();
    let mut h = app_in(folder.path());
    // "v": Vance and Vega, by name: Victor Vance after Marisol Vega.
    search(&mut h, "v");
    assert!(listed(&h, "Marisol Vega") && listed(&h, "Victor Vance"));
    assert!(!listed(&h, "Ada Lind"));
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(patient_name(&h), "Victor Vance");
}

#[test]
fn search_by_chart_number_and_by_birth_date_typed_month_first() {
    let folder = three_patients();
    let mut h = app_in(folder.path());
    search(&mut h, "10442");
    assert!(listed(&h, "Marisol Vega"));
    assert!(!listed(&h, "Ada Lind") && !listed(&h, "Victor Vance"));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(patient_name(&h), "Marisol Vega");

    search(&mut h, "03/02/1975");
    assert!(listed(&h, "Ada Lind"));
    assert!(!listed(&h, "Marisol Vega") && !listed(&h, "Victor Vance"));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(patient_name(&h), "Ada Lind");
}

#[test]
fn a_click_on_a_row_opens_it_and_unsaved_changes_are_asked_about_first() {
    let folder = three_patients();
    let mut h = app_in(folder.path());
    h.state_mut()
        .push(Command::Edit(Edit::PatientName("New Person".into())));
    h.run();
    search(&mut h, "lind");
    h.get_by_label("Ada Lind").click();
    h.run();
    // The usual open: the unsaved-changes prompt comes first.
    assert!(h.state().prompt().is_some());
    assert_eq!(patient_name(&h), "New Person");
    h.state_mut().push(Command::PromptDiscard);
    h.run();
    assert_eq!(patient_name(&h), "Ada Lind");
}

#[test]
fn escape_closes_the_patients_window_at_once() {
    let folder = three_patients();
    let mut h = app_in(folder.path());
    search(&mut h, "ve");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label(SEARCH_LABEL).is_none());
    assert_eq!(patient_name(&h), "");
}

#[test]
fn the_start_screen_lists_recent_patients_and_a_click_opens_one() {
    let folder = three_patients();
    // Nine more, older: only the eight most recently changed are listed.
    for n in 0..9 {
        patient(
            folder.path(),
            &format!("Older Patient{n}"),
            &format!("9{n}"),
            "1960-01-01",
            10 + n,
        );
    }
    let mut h = app_in(folder.path());
    until_listed(&mut h);
    assert!(h.state().start_screen_shown());
    for name in ["Marisol Vega", "Victor Vance", "Ada Lind"] {
        assert!(listed(&h, name), "{name}");
    }
    assert!(listed(&h, "Older Patient4"));
    assert!(!listed(&h, "Older Patient5"), "only eight are listed");
    assert!(h.query_by_label("New patient").is_some());
    h.get_by_label("Victor Vance").click();
    h.run();
    assert_eq!(patient_name(&h), "Victor Vance");
    assert!(!h.state().start_screen_shown());
    assert!(h.query_by_label("New patient").is_none());
}

#[test]
fn the_start_screen_goes_away_when_the_blank_plan_is_edited_and_find_opens_the_search() {
    let folder = three_patients();
    let mut h = app_in(folder.path());
    until_listed(&mut h);
    h.state_mut()
        .push(Command::Edit(Edit::PatientName("Walk In".into())));
    h.run();
    assert!(!h.state().start_screen_shown());

    let mut h = app_in(folder.path());
    until_listed(&mut h);
    h.get_by_label("Find patient…").click();
    h.run();
    h.get_by_label(SEARCH_LABEL).type_text("lind");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(patient_name(&h), "Ada Lind");
}

#[test]
fn no_start_screen_without_a_patient_folder_or_with_a_document() {
    let mut app = FerruleApp::new(library::sample(), None, None, today());
    app.set_native_dialogs(false);
    let h = harness(app);
    assert!(!h.state().start_screen_shown());
    assert!(h.query_by_label("New patient").is_none());

    let folder = three_patients();
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_patients_dir(Some(folder.path().to_path_buf()));
    let h = harness(app);
    assert!(!h.state().start_screen_shown());
}

#[test]
fn a_new_plan_is_saved_in_the_patient_folder_owner_only() {
    let tmp = tempfile::tempdir().unwrap();
    // Not there yet: created on first use.
    let folder = tmp.path().join("Ferrule Patients");
    let mut h = app_in(&folder);
    h.state_mut()
        .push(Command::Edit(Edit::PatientName("Ada Lovelace".into())));
    h.state_mut()
        .push(Command::Edit(Edit::ChartNumber(Some("A/77".into()))));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    // No native dialog here: the path window suggests the file in the folder.
    let expected = folder.join("Ada Lovelace A 77.ron");
    let typed = h.get_by_label("File path").accesskit_node().value();
    assert_eq!(typed.as_deref(), Some(&*expected.display().to_string()));
    h.get_by_label("Save here").click();
    h.run();
    let saved = library::load_treatment_plan(&expected).unwrap();
    assert_eq!(saved.patient.name, "Ada Lovelace");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&expected), 0o600);
        assert_eq!(mode(&folder), 0o700);
    }
    // The next new plan of the same name does not take the saved file's name.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    // A new plan puts the keyboard in the name field: the name is typed there.
    h.get_by_label("Patient name").type_text("Ada Lovelace");
    h.key_press(Key::Enter);
    h.run();
    h.state_mut()
        .push(Command::Edit(Edit::ChartNumber(Some("A/77".into()))));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    let typed = h.get_by_label("File path").accesskit_node().value();
    let second = folder.join("Ada Lovelace A 77 2.ron");
    assert_eq!(typed.as_deref(), Some(&*second.display().to_string()));
}

#[test]
fn open_starts_in_the_patient_folder() {
    let folder = three_patients();
    let mut h = app_in(folder.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let typed = h.get_by_label("File path").accesskit_node().value();
    assert_eq!(
        typed.as_deref(),
        Some(&*folder.path().display().to_string())
    );
}

#[test]
fn the_patient_folder_set_in_practice_settings_is_the_one_listed() {
    let default = three_patients();
    let office = tempfile::tempdir().unwrap();
    let chosen = office.path().join("Office Patients");
    let mut app = FerruleApp::new(library::sample(), None, None, today());
    app.set_native_dialogs(false);
    app.set_patients_dir(Some(default.path().to_path_buf()));
    let settings = office.path().join("practice.ron");
    app.set_practice(ferrule::gui::print::Practice::load_from(settings.clone()));
    let mut h = harness(app);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Practice settings…").click();
    h.run();
    // Blank: the default, shown as the hint.
    let field = h.get_by_label("Patient folder");
    assert_eq!(field.accesskit_node().value().as_deref(), Some(""));
    // A relative path is refused in the window.
    field.focus();
    h.run();
    h.get_by_label("Patient folder").type_text("Patients");
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(h.query_by_label_contains("expected a full path").is_some());
    assert_eq!(h.state().patient_folder().as_deref(), Some(default.path()));

    h.get_by_label("Patient folder").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Patient folder")
        .type_text(&chosen.display().to_string());
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let saved = library::practice::load(&settings).unwrap();
    assert_eq!(saved.patients_folder(), Some(chosen.as_path()));
    assert_eq!(h.state().patient_folder(), Some(chosen.clone()));
    // Listed (and created) there: the default folder's patients are not shown.
    patient_in_new_folder(&chosen);
    search(&mut h, "");
    assert!(listed(&h, "Zoe Office"));
    assert!(!listed(&h, "Marisol Vega"));
}

fn patient_in_new_folder(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    patient(dir, "Zoe Office", "1", "2001-02-03", 0);
}
