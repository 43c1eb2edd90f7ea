//! Issue 12: "a test kills a running app (SIGKILL) after an edit and shows the
//! restored document on restart". The real binary runs in an X server (Xvfb);
//! xdotool types a new patient name; the app is killed with SIGKILL; the next
//! start (the app, headless) offers the recovery copy and restores the edit.
//!
//! Needs `Xvfb` and `xdotool` (Debian: `apt-get install xvfb xdotool`). Without
//! them the test says so and stops, unless `FERRULE_REQUIRE_XVFB` is set, as
//! `.ci/run` does: there it fails instead of passing unseen.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable as _;
use ferrule::gui::FerruleApp;
use ferrule::library::{self, recovery};

use super::{harness, today};

/// Kills the child processes when the test ends, however it ends.
struct Killed(Vec<Child>);

impl Drop for Killed {
    fn drop(&mut self) {
        for child in &mut self.0 {
            child.kill().ok();
            child.wait().ok();
        }
    }
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A display number no X server uses. A lock left by an X server that is gone
/// (its process no longer exists) does not count: screenshot runs leave them.
fn free_display() -> u32 {
    (90..1000)
        .find(|n| {
            let lock = format!("/tmp/.X{n}-lock");
            let live = std::fs::read_to_string(&lock)
                .ok()
                .is_some_and(|pid| Path::new(&format!("/proc/{}", pid.trim())).exists());
            let stale = !live && Path::new(&lock).exists();
            if stale {
                std::fs::remove_file(&lock).ok();
                std::fs::remove_file(format!("/tmp/.X11-unix/X{n}")).ok();
            }
            !live && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
        })
        .expect("a free X display number between 90 and 999")
}

fn xdotool(display: &str, args: &[&str]) -> String {
    let out = Command::new("timeout")
        .arg("60")
        .arg("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .expect("run xdotool");
    assert!(out.status.success(), "xdotool {args:?} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Waits until `done` holds, up to `limit`.
fn wait_for(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    done()
}

/// Xvfb on `display` and the real app in it, opening `plan`, with its home and
/// state under `dir` (state in `dir/state`).
fn app_in_xvfb(display: &str, dir: &Path, plan: &Path) -> Killed {
    let xvfb = Command::new("Xvfb")
        .args([display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut children = Killed(vec![xvfb]);
    std::thread::sleep(Duration::from_secs(1));
    let app = Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .arg("--library")
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg(plan)
        .env("DISPLAY", display)
        .env("HOME", dir.join("home"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_RUNTIME_DIR", dir)
        .env_remove("FERRULE_LIBRARY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    children.0.push(app);
    children
}

/// Types `name` into the patient's name field (top left of a 1280x800 window)
/// and presses Enter.
fn rename_patient(display: &str, name: &str) {
    let window = xdotool(display, &["search", "--sync", "--name", "Ferrule"]);
    let window = window.lines().next().unwrap_or_default().to_string();
    std::thread::sleep(Duration::from_secs(1));
    xdotool(display, &["windowfocus", "--sync", &window]);
    xdotool(display, &["mousemove", "150", "61", "click", "1"]);
    xdotool(display, &["key", "ctrl+a"]);
    xdotool(display, &["type", "--delay", "50", name]);
    xdotool(display, &["key", "Return"]);
}

#[test]
fn an_edit_survives_sigkill_of_the_real_app_and_is_restored_on_restart() {
    if !(have("Xvfb") && have("xdotool")) {
        assert!(
            std::env::var_os("FERRULE_REQUIRE_XVFB").is_none(),
            "Xvfb and xdotool are needed (apt-get install xvfb xdotool)"
        );
        println!("note: Xvfb or xdotool missing; the SIGKILL test did not run");
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sigkill");
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(dir.join("home")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan = dir.join("plan.ron");
    std::fs::copy(root.join("assets/samples/buildup-crown-19.ron"), &plan).unwrap();
    let state = dir.join("state");
    let recovery_dir = state.join("ferrule/recovery");

    let display = format!(":{}", free_display());
    let mut children = app_in_xvfb(&display, &dir, &plan);
    rename_patient(&display, "Marisol Test");

    // The recovery copy appears a few seconds after the edit, with no save.
    let kept = || {
        recovery::find_recoveries(&recovery_dir)
            .iter()
            .any(|(_, r)| {
                r.as_ref()
                    .is_ok_and(|r| r.plan.patient.name == "Marisol Test")
            })
    };
    assert!(wait_for(Duration::from_secs(30), kept), "no recovery copy");
    // SIGKILL: no exit handler runs.
    let app = children.0.last_mut().unwrap();
    app.kill().unwrap();
    app.wait().unwrap();
    drop(children);
    assert_eq!(
        library::load_treatment_plan(&plan).unwrap().patient.name,
        "Marisol Vega",
        "the file itself was never saved"
    );

    // Restart: the copy is offered and restoring brings the edit back, unsaved.
    let opened = library::load_treatment_plan(&plan).unwrap();
    let mut restarted = FerruleApp::new(
        library::sample(),
        None,
        Some((plan.clone(), opened)),
        today(),
    );
    restarted.set_native_dialogs(false);
    restarted.set_recovery_dir(Some(recovery_dir.clone()), 3.0);
    let mut h = harness(restarted);
    h.get_by_label("Restore").click();
    h.run();
    let document = &h.state().state.document;
    assert_eq!(document.plan.patient.name, "Marisol Test");
    assert_eq!(document.path.as_deref(), Some(plan.as_path()));
    assert!(document.is_modified());
}
