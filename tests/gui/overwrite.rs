//! Issue 12, "never overwrite without asking": a file another program changed on
//! disk since it was opened is not overwritten by Save without asking (and Cancel
//! keeps the other program's version); "Save here" over another existing file
//! asks; a save into the library's plans/ or fee-schedules/ is refused; a
//! read-only file gets a clear message; open and save dialogs start in the
//! patients folder when no file was opened yet.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::{Command, Edit, FerruleApp};
use ferrule::library::{self, load_treatment_plan, save_treatment_plan};

use super::{harness, sample, shows, today};

fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("overwrite-{name}"));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The app (on the built-in library, or the one in `library_dir`) with nothing
/// open, and no native dialogs.
fn app(library_dir: Option<&Path>) -> Harness<'static, FerruleApp> {
    let library = library_dir.map_or_else(library::sample, library::load_dir);
    let mut app = FerruleApp::new(library, library_dir.map(Path::to_path_buf), None, today());
    app.set_native_dialogs(false);
    harness(app)
}

/// The sample saved at `dir/plan.ron` and opened in the app, like File > Open.
fn opened(dir: &Path) -> (Harness<'static, FerruleApp>, PathBuf) {
    let file = dir.join("plan.ron");
    save_treatment_plan(&file, &sample("buildup-crown-19.ron").1).unwrap();
    let mut h = app(None);
    h.state_mut().push(Command::OpenPath(file.clone()));
    h.run();
    assert_eq!(h.state().state.document.path.as_ref(), Some(&file));
    (h, file)
}

fn rename_patient(h: &mut Harness<'_, FerruleApp>, name: &str) {
    h.state_mut()
        .push(Command::Edit(Edit::PatientName(name.into())));
    h.run();
}

/// What another program (another workstation) writes into `file`.
fn other_program_writes(file: &Path, name: &str) {
    let mut plan = load_treatment_plan(file).unwrap();
    plan.patient.name = name.into();
    std::fs::write(file, library::to_ron(&plan).unwrap()).unwrap();
}

fn name_on_disk(file: &Path) -> String {
    load_treatment_plan(file).unwrap().patient.name
}

/// Types `path` into the path window's field and clicks "Save here".
fn save_here(h: &mut Harness<'_, FerruleApp>, path: &Path) {
    h.get_by_label("File path").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Save here").click();
    h.run();
}

fn last_message(h: &Harness<'_, FerruleApp>) -> (String, bool) {
    let message = h.state().state.message.clone().unwrap();
    (message.text, message.is_error)
}

#[test]
fn another_program_changes_the_file_and_save_asks_first() {
    let dir = fresh_dir("changed");
    let (mut h, file) = opened(&dir);
    rename_patient(&mut h, "Marisol Vega-Ruiz");
    other_program_writes(&file, "Written At The Other Desk");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let question = h.state().overwrite_question().cloned().unwrap();
    assert!(question.changed);
    assert_eq!(question.path, file);
    assert!(shows(&h, "The file changed on disk"));
    assert_eq!(name_on_disk(&file), "Written At The Other Desk");

    // Cancel: the other program's version stays, the edit stays unsaved.
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().overwrite_question().is_none());
    assert_eq!(name_on_disk(&file), "Written At The Other Desk");
    assert!(h.state().state.document.is_modified());

    // Asked again, and this time overwritten on purpose.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Overwrite").click();
    h.run();
    assert!(h.state().overwrite_question().is_none());
    assert_eq!(name_on_disk(&file), "Marisol Vega-Ruiz");
    assert!(!h.state().state.document.is_modified());

    // Unchanged on disk since that save: the next save does not ask.
    rename_patient(&mut h, "Marisol Vega");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state().overwrite_question().is_none());
    assert_eq!(name_on_disk(&file), "Marisol Vega");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_new_time_alone_does_not_ask_but_new_bytes_of_the_same_size_do() {
    let dir = fresh_dir("same-size");
    let (mut h, file) = opened(&dir);
    rename_patient(&mut h, "Marisol Vega-Ruiz");
    // The same bytes written again (a copy, a sync tool): nothing would be lost.
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state().overwrite_question().is_none());
    assert_eq!(name_on_disk(&file), "Marisol Vega-Ruiz");

    // Another name of the same length: same size, other bytes.
    other_program_writes(&file, "Marisol Vega-Ruia");
    rename_patient(&mut h, "Marisol Vega");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state().overwrite_question().is_some_and(|q| q.changed));
    assert_eq!(name_on_disk(&file), "Marisol Vega-Ruia");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn save_as_a_new_file_leaves_the_changed_file_alone() {
    let dir = fresh_dir("save-as-new");
    let (mut h, file) = opened(&dir);
    rename_patient(&mut h, "Marisol Vega-Ruiz");
    other_program_writes(&file, "Written At The Other Desk");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Save as a new file").click();
    h.run();
    // The path window suggests a free name beside the file.
    let copy = dir.join("plan-2.ron");
    let typed = h.get_by_label("File path").accesskit_node().value();
    assert_eq!(typed.as_deref(), Some(copy.display().to_string().as_str()));
    h.get_by_label("Save here").click();
    h.run();
    assert_eq!(name_on_disk(&copy), "Marisol Vega-Ruiz");
    assert_eq!(name_on_disk(&file), "Written At The Other Desk");
    assert_eq!(h.state().state.document.path.as_ref(), Some(&copy));
    assert!(!h.state().state.document.is_modified());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn save_here_over_an_existing_file_asks_first() {
    let dir = fresh_dir("save-here");
    let other = dir.join("other-patient.ron");
    std::fs::write(&other, "another patient's plan").unwrap();
    let mut h = app(None);
    rename_patient(&mut h, "Ada Lovelace");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    save_here(&mut h, &other);
    let question = h.state().overwrite_question().cloned().unwrap();
    assert!(!question.changed);
    assert!(shows(&h, "Replace the existing file?"));
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "another patient's plan"
    );

    // Cancel goes back to the path window; the file is untouched.
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().overwrite_question().is_none());
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "another patient's plan"
    );
    assert_eq!(h.state().state.document.path, None);
    h.get_by_label("Save here").click();
    h.run();
    h.get_by_label("Replace").click();
    h.run();
    assert_eq!(name_on_disk(&other), "Ada Lovelace");
    assert_eq!(h.state().state.document.path.as_ref(), Some(&other));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_treatment_plan_is_never_saved_into_the_library() {
    let dir = fresh_dir("library");
    let library_dir = dir.join("library");
    library::seed_library(&library_dir).unwrap();
    let plan_file = library_dir.join("plans/summit-ppo-1500.ron");
    let before = std::fs::read(&plan_file).unwrap();
    let mut h = app(Some(&library_dir));
    rename_patient(&mut h, "Ada Lovelace");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    let new_schedule = library_dir.join("fee-schedules/ada.ron");
    let roundabout = library_dir.join("plans/../plans/ada.ron");
    for target in [&plan_file, &new_schedule, &roundabout] {
        save_here(&mut h, target);
        assert!(h.state().overwrite_question().is_none());
        let (text, is_error) = last_message(&h);
        assert!(is_error, "{text}");
        assert!(
            text.contains("library's plans/ or fee-schedules/"),
            "{text}"
        );
        assert!(shows(&h, &text));
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        h.run();
    }
    assert_eq!(std::fs::read(&plan_file).unwrap(), before);
    assert!(!new_schedule.exists());
    assert!(!library_dir.join("plans/ada.ron").exists());
    assert_eq!(h.state().state.document.path, None);
    assert!(h.state().state.document.is_modified());
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn a_read_only_file_gets_a_clear_message_and_stays_as_it_is() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = fresh_dir("read-only");
    let (mut h, file) = opened(&dir);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    rename_patient(&mut h, "Marisol Vega-Ruiz");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state().overwrite_question().is_none());
    let (text, is_error) = last_message(&h);
    assert!(is_error);
    assert!(text.contains("the file is read-only"), "{text}");
    assert!(shows(&h, &text));
    assert_eq!(name_on_disk(&file), "Marisol Vega");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    assert!(h.state().state.document.is_modified());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn dialogs_start_in_the_patients_folder_until_a_file_is_opened() {
    let dir = fresh_dir("patients");
    let mut app = FerruleApp::new(library::sample(), None, None, today());
    app.set_native_dialogs(false);
    app.set_patients_dir(Some(dir.clone()));
    let mut h = harness(app);
    rename_patient(&mut h, "Ada Lovelace");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    let suggested = dir.join("Ada Lovelace.ron");
    let typed = h.get_by_label("File path").accesskit_node().value();
    assert_eq!(
        typed.as_deref(),
        Some(suggested.display().to_string().as_str())
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_printed_estimate_is_never_saved_over_the_plan_or_another_file() {
    let dir = fresh_dir("pdf");
    let (mut h, file) = opened(&dir);
    h.state_mut()
        .set_practice(ferrule::gui::print::Practice::default());
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "not a PDF").unwrap();
    let plan_bytes = std::fs::read(&file).unwrap();
    for target in [&file, &notes] {
        h.state_mut().push(Command::Print);
        h.run();
        h.state_mut().push(Command::SavePdfToPath(target.clone()));
        h.run();
        let (text, is_error) = last_message(&h);
        assert!(is_error, "{text}");
        assert!(text.starts_with("PDF not saved"), "{text}");
    }
    assert_eq!(std::fs::read(&file).unwrap(), plan_bytes);
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "not a PDF");
    // An earlier printout is replaced, as printing again is the usual case.
    let pdf = dir.join("estimate.pdf");
    std::fs::write(&pdf, "%PDF-1.7 an older estimate").unwrap();
    h.state_mut().push(Command::SavePdfToPath(pdf.clone()));
    h.run();
    assert!(!last_message(&h).1, "{}", last_message(&h).0);
    assert_ne!(
        std::fs::read(&pdf).unwrap(),
        b"%PDF-1.7 an older estimate".to_vec()
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn saving_from_the_unsaved_changes_prompt_asks_too_and_then_goes_on() {
    let dir = fresh_dir("prompt");
    let (mut h, file) = opened(&dir);
    rename_patient(&mut h, "Marisol Vega-Ruiz");
    other_program_writes(&file, "Written At The Other Desk");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(h.state().overwrite_question().is_some_and(|q| q.changed));
    assert_eq!(name_on_disk(&file), "Written At The Other Desk");
    h.get_by_label("Overwrite").click();
    h.run();
    assert_eq!(name_on_disk(&file), "Marisol Vega-Ruiz");
    // Saved, so the new plan the prompt was for is started.
    assert_eq!(h.state().state.document.path, None);
    assert_eq!(h.state().state.document.plan.patient.name, "");
    std::fs::remove_dir_all(&dir).ok();
}
