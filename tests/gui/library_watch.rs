//! Issue 12, "reload the library when its files change": another workstation
//! changes a plan file in the shared library folder, and the app reloads the
//! library by itself and says so; a broken file is reported, not a crash.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use ferrule::gui::FerruleApp;
use ferrule::library;

use super::{harness, sample, shows, today};

fn fresh_library(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("watch-{name}"));
    std::fs::remove_dir_all(&dir).ok();
    library::seed_library(&dir).unwrap();
    dir
}

/// Draws frames until `done` holds (at most about ten seconds).
fn until(h: &mut Harness<'_, FerruleApp>, done: impl Fn(&FerruleApp) -> bool) {
    for _ in 0..1000 {
        // One frame at a time: while the reload message and the background
        // watch keep asking for frames, `run` could give up on a busy machine.
        h.step();
        if done(h.state()) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("gave up waiting");
}

#[test]
fn a_plan_changed_by_another_workstation_is_reloaded_with_a_message() {
    let dir = fresh_library("rename");
    let mut app = FerruleApp::new(
        library::load_dir(&dir),
        Some(dir.clone()),
        Some(sample("buildup-crown-19.ron")),
        today(),
    );
    app.set_native_dialogs(false);
    app.watch_library(Duration::from_millis(20));
    let mut h = harness(app);
    let revision = h.state().state.library_revision;
    assert_eq!(
        h.state().state.library.plans["summit-ppo-1500"].name,
        "Summit Dental PPO 1500"
    );

    let file = dir.join("plans/summit-ppo-1500.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let renamed = text.replace(
        "name: \"Summit Dental PPO 1500\"",
        "name: \"Summit Dental PPO 1500 (2027 rates)\"",
    );
    assert_ne!(text, renamed);
    std::fs::write(&file, renamed).unwrap();
    until(&mut h, |app| app.state.library_revision > revision);
    let state = &h.state().state;
    assert_eq!(
        state.library.plans["summit-ppo-1500"].name,
        "Summit Dental PPO 1500 (2027 rates)"
    );
    let message = state.message.clone().unwrap();
    assert!(!message.is_error);
    assert!(
        message
            .text
            .starts_with("The library files changed on disk"),
        "{}",
        message.text
    );
    assert!(shows(&h, &message.text));

    // A file broken on the other desk: reported below, the rest still loads.
    let revision = h.state().state.library_revision;
    std::fs::write(dir.join("plans/broken.ron"), "PlanRules(format: 1, id: ").unwrap();
    until(&mut h, |app| app.state.library_revision > revision);
    let state = &h.state().state;
    let message = state.message.clone().unwrap();
    assert!(message.is_error);
    assert!(message.text.contains("1 problem(s)"), "{}", message.text);
    assert!(state.library.plans.contains_key("summit-ppo-1500"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unchanged_library_is_not_reloaded() {
    let dir = fresh_library("unchanged");
    let mut app = FerruleApp::new(library::load_dir(&dir), Some(dir.clone()), None, today());
    app.watch_library(Duration::from_millis(10));
    let mut h = harness(app);
    for _ in 0..20 {
        h.run();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(h.state().state.library_revision, 0);
    std::fs::remove_dir_all(&dir).ok();
}
