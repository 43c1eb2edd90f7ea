//! The desktop app (feature `gui`): eframe/egui, glow renderer. Panels draw from a
//! read-only context and push commands; the app applies them after drawing, keeps
//! undo snapshots, and recomputes estimates only when the document or library
//! changed. The UI never computes money: it shows the engine's numbers.

pub mod app;
pub mod autosave;
pub mod command;
pub mod compare;
pub mod estimates;
pub mod files;
pub mod history;
pub mod panels;
pub mod prefs;
pub mod print;
pub mod state;
pub mod widgets;

use std::path::PathBuf;

use chrono::NaiveDate;

pub use app::{FerruleApp, Pending};
pub use command::{Command, Edit};
pub use state::{AppState, View};

use crate::library::{self, Environment, load_treatment_plan};
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
    let library = library::load_dir(&library_dir);
    let (document, open_error) = match file {
        Some(path) => match load_treatment_plan(&path) {
            Ok(plan) => (Some((path, plan)), None),
            Err(e) => (None, Some(format!("Could not open: {e}"))),
        },
        None => (None, None),
    };
    let mut app = FerruleApp::new(library, Some(library_dir), document, today);
    if let Some(error) = open_error {
        app.state.error(error);
    }
    app.set_practice_path(env.practice_settings_path());
    app.set_recovery_dir(env.recovery_dir(), autosave::AUTOSAVE_DELAY);
    // For screenshots and demos: start in the compare view (with the next library
    // plan as an extra column) or with the print preview open.
    match env.start_view.as_deref() {
        Some("compare") => {
            app.push(Command::ToggleCompare);
            if let Some(id) = compare::next_plan(&app.state.library, &app.state.document.plan) {
                app.push(Command::CompareAddPlan(id));
            }
        }
        Some("print") => app.push(Command::Print),
        _ => {}
    }
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_app_id("ferrule")
            .with_title("Ferrule")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0]),
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
