//! The desktop app (feature `gui`): eframe/egui, glow renderer. Panels draw from a
//! read-only context and push commands; the app applies them after drawing, keeps
//! undo snapshots, and recomputes estimates only when the document or library
//! changed. The UI never computes money: it shows the engine's numbers.

pub mod app;
pub mod autosave;
pub mod background;
pub mod command;
pub mod compare;
pub mod completion;
pub mod editor;
pub mod estimates;
pub mod files;
pub mod history;
pub mod library_watch;
pub mod panels;
pub mod patients;
pub mod prefs;
pub mod print;
pub mod questions;
pub mod state;
pub mod widgets;

use std::path::PathBuf;

use chrono::NaiveDate;

pub use app::FerruleApp;
pub use command::{Command, Edit};
pub use questions::Pending;
pub use state::{AppState, View};

use crate::library::{self, Environment, load_treatment_plan_fingerprinted};
use prefs::{PREFS_KEY, Prefs};

/// Opens the app on the library in `library_dir`, with `file` open if given;
/// estimates in this session are made as of `today`, and `env` (read once by
/// `main`) says where the practice settings are. A file that cannot be read is
/// reported inside the app, not as a failure.
pub fn run(
    library_dir: PathBuf,
    file: Option<PathBuf>,
    today: NaiveDate,
    env: &Environment,
) -> Result<(), String> {
    let mut app = start_app(library_dir, file, today, env);
    // The settings file lists recent files, named after patients: owner-only,
    // in an owner-only folder, before eframe first writes it.
    let settings_file = env.app_state_path();
    if let Some(file) = &settings_file
        && let Err(e) = library::prepare_private_file(file)
    {
        app.state.error(format!(
            "The settings file {} could not be made private: {e}",
            file.display()
        ));
    }
    app.set_settings_file(settings_file.clone());
    // For screenshots and demos: start in the compare view (with the next library
    // plan as an extra column), with the print preview open, or with the plan or
    // fee schedule editor open.
    if env.start_view.is_some() {
        app.hide_start_screen();
    }
    match env.start_view.as_deref() {
        Some("compare") => {
            app.push(Command::ToggleCompare);
            if let Some(id) = compare::next_plan(&app.state.library, &app.state.document.plan) {
                app.push(Command::CompareAddPlan(id));
            }
        }
        Some("print") => app.push(Command::Print),
        // "eligibility:FILE": the 271 import review screen with FILE read.
        Some(view) if view.starts_with("eligibility:") => {
            let path = view.trim_start_matches("eligibility:");
            app.push(Command::ReadEligibility(path.into()));
        }
        Some("plans") => app.push(Command::EditPlans),
        Some("fees") => app.push(Command::EditFeeSchedules),
        _ => {}
    }
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_app_id("ferrule")
            .with_title("Ferrule")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0]),
        persistence_path: settings_file,
        ..Default::default()
    };
    eframe::run_native(
        "Ferrule",
        options,
        Box::new(move |cc| {
            watch_stop_signals(app.stop_flag(), cc.egui_ctx.clone());
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, PREFS_KEY))
                .unwrap_or_default();
            app.set_prefs(prefs, &cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

/// The app on the library in `library_dir` (watched for changes), with `file`
/// open if it can be read, and the folders `env` names.
fn start_app(
    library_dir: PathBuf,
    file: Option<PathBuf>,
    today: NaiveDate,
    env: &Environment,
) -> FerruleApp {
    let mut library = library::load_dir(&library_dir);
    library.providers = library::practice::providers(env.practice_settings_path().as_deref());
    let opened = file.map(|path| {
        let read = load_treatment_plan_fingerprinted(&path);
        (path, read)
    });
    let (document, disk, open_error) = match opened {
        Some((path, Ok((plan, disk)))) => (Some((path, plan)), Some(disk), None),
        Some((_, Err(e))) => (None, None, Some(format!("Could not open: {e}"))),
        None => (None, None, None),
    };
    let mut app = FerruleApp::new(library, Some(library_dir), document, today);
    // The fingerprint of the bytes read, not of what is there a moment later.
    if disk.is_some() {
        app.state.document.disk = disk;
    }
    if let Some(error) = open_error {
        app.state.error(error);
    }
    app.watch_library(library_watch::WATCH_INTERVAL);
    app.set_patients_dir(env.patients_dir());
    app.set_practice_path(env.practice_settings_path());
    app.set_recovery_dir(env.recovery_dir(), autosave::AUTOSAVE_DELAY);
    app
}

/// On SIGTERM or SIGHUP (logout, shutdown, a closed terminal) the app keeps a
/// recovery copy of unsaved work and closes: the signal sets `flag` and wakes
/// the window, which does the rest on its next frame.
fn watch_stop_signals(flag: std::sync::Arc<std::sync::atomic::AtomicBool>, ctx: egui::Context) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        for _ in signals.forever() {
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
            ctx.request_repaint();
        }
    });
}
