//! Issue 12, "autosave and recovery": an edit is kept in a recovery copy (0600)
//! without any save, so an app that is killed loses nothing; the next start offers
//! it back; saving (or discarding) removes it.

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use ferrule::gui::{Command, Edit, FerruleApp};
use ferrule::library::{self, recovery};

use super::{harness, sample, today};

fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The app with the sample copied to `dir/plan.ron` and open, keeping recovery
/// copies in `dir/recovery` at once (no delay, so the test needs no clock).
fn app_in(dir: &Path) -> (FerruleApp, PathBuf) {
    let (_, plan) = sample("buildup-crown-19.ron");
    let file = dir.join("plan.ron");
    if !file.exists() {
        library::save_treatment_plan(&file, &plan).unwrap();
    }
    let plan = library::load_treatment_plan(&file).unwrap();
    let mut app = FerruleApp::new(library::sample(), None, Some((file.clone(), plan)), today());
    app.set_native_dialogs(false);
    app.set_recovery_dir(Some(dir.join("recovery")), 0.0);
    (app, file)
}

#[test]
fn an_unsaved_edit_survives_a_kill_and_is_offered_on_the_next_start() {
    let dir = fresh_dir("recovery-kill");
    let (app, file) = app_in(&dir);
    let mut h = harness(app);
    assert!(h.state().found_recoveries().is_empty());
    h.state_mut()
        .push(Command::Edit(Edit::PatientName("Marisol Vega-Ruiz".into())));
    h.run();
    let edited = h.state().state.document.plan.clone();
    assert!(h.state().state.document.is_modified());

    // The copy is on disk now, before any exit handler could run: a SIGKILL here
    // loses nothing. The harness is dropped without saving, as a kill would.
    let copies = recovery::find_recoveries(&dir.join("recovery"));
    assert_eq!(copies.len(), 1, "{copies:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&copies[0].0)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "recovery copies are owner-only");
        let folder = std::fs::metadata(dir.join("recovery"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(folder & 0o777, 0o700);
    }
    drop(h);
    // The file on disk still has the old name.
    let on_disk = library::load_treatment_plan(&file).unwrap();
    assert_eq!(on_disk.patient.name, "Marisol Vega");

    // Next start: the work is offered, and restoring brings it back as unsaved.
    let (app, _) = app_in(&dir);
    assert_eq!(app.found_recoveries().len(), 1);
    let mut h = harness(app);
    h.get_by_label("Restore").click();
    h.run();
    let state = &h.state().state;
    assert_eq!(state.document.plan, edited);
    assert_eq!(state.document.path.as_deref(), Some(file.as_path()));
    assert!(
        state.document.is_modified(),
        "restored work is not saved yet"
    );

    // Saving writes the file and removes the copy.
    h.state_mut().push(Command::Save);
    h.run();
    assert_eq!(
        library::load_treatment_plan(&file).unwrap().patient.name,
        "Marisol Vega-Ruiz"
    );
    assert!(recovery::find_recoveries(&dir.join("recovery")).is_empty());
}

#[test]
fn discarding_found_work_removes_it_and_keeps_the_file() {
    let dir = fresh_dir("recovery-discard");
    let (app, file) = app_in(&dir);
    let mut h = harness(app);
    h.state_mut()
        .push(Command::Edit(Edit::ChartNumber(Some("C-1".into()))));
    h.run();
    drop(h);
    let (app, _) = app_in(&dir);
    let mut h = harness(app);
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().found_recoveries().is_empty());
    assert!(recovery::find_recoveries(&dir.join("recovery")).is_empty());
    assert!(!h.state().state.document.is_modified());
    assert_eq!(
        library::load_treatment_plan(&file)
            .unwrap()
            .patient
            .chart_number,
        Some("C-10421".into())
    );
}

#[test]
fn undoing_back_to_the_saved_plan_removes_the_copy() {
    let dir = fresh_dir("recovery-undo");
    let (app, _) = app_in(&dir);
    let mut h = harness(app);
    h.state_mut()
        .push(Command::Edit(Edit::PatientName("Someone Else".into())));
    h.run();
    assert_eq!(recovery::find_recoveries(&dir.join("recovery")).len(), 1);
    h.state_mut().push(Command::Undo);
    h.run();
    assert!(recovery::find_recoveries(&dir.join("recovery")).is_empty());
}

#[test]
fn a_stop_request_keeps_the_unsaved_work_at_once_and_closes() {
    // What SIGTERM or SIGHUP (logout, shutdown) does: the signal thread sets the
    // flag; the next frame writes the copy without waiting for the delay.
    let dir = fresh_dir("recovery-sigterm");
    let (mut app, _) = app_in(&dir);
    app.set_recovery_dir(Some(dir.join("recovery")), 3600.0);
    let flag = app.stop_flag();
    let mut h = harness(app);
    h.state_mut()
        .push(Command::Edit(Edit::PatientName("Marisol V.".into())));
    h.run();
    assert!(
        recovery::find_recoveries(&dir.join("recovery")).is_empty(),
        "an hour's delay: no copy yet"
    );
    flag.store(true, std::sync::atomic::Ordering::SeqCst);
    h.run();
    let copies = recovery::find_recoveries(&dir.join("recovery"));
    assert_eq!(copies.len(), 1);
    let kept = copies[0].1.as_ref().unwrap();
    assert_eq!(kept.plan.patient.name, "Marisol V.");
    assert!(
        h.state().prompt().is_none(),
        "no question: the session is ending"
    );
}
