//! Desktop-app behaviour tests (egui_kittest): drive the real `FerruleApp::ui`
//! headless, find widgets by their accessible labels, and check the app state and
//! the numbers shown against the engine's.

mod add_line;
mod app;
mod blocking;
mod card;
mod coding_marks;
mod compare;
mod compare_work;
mod complete;
mod dates;
mod editors;
mod eligibility;
mod explanation;
mod fee_csv;
mod files;
mod focus;
mod handout;
mod history_rows;
mod keyboard;
mod kill;
mod layout;
mod library_watch;
mod mouse_frames;
mod ortho_schedule;
mod overwrite;
mod own_amounts;
mod patients;
mod plan_forms;
mod plan_forms_more;
mod plan_rules;
mod practice;
mod practice_providers;
mod print;
mod quick_entry;
mod recovery;
mod rows;
mod scenario;
mod search;
mod staff_figures;
mod visits;
mod workflow;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::FerruleApp;
use ferrule::library::{self, load_treatment_plan};
use ferrule::model::TreatmentPlan;

/// The date the tests estimate on (pinned: estimates depend on it).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A sample treatment plan from assets/samples.
pub fn sample(name: &str) -> (PathBuf, TreatmentPlan) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(name);
    let plan = load_treatment_plan(&path).unwrap();
    (path, plan)
}

/// The app on the built-in sample library with a sample plan open.
pub fn sample_app(name: &str) -> FerruleApp {
    let mut app = FerruleApp::new(library::sample(), None, Some(sample(name)), today());
    app.set_native_dialogs(false);
    app
}

/// A 1280x800 harness around the whole app.
pub fn harness(app: FerruleApp) -> Harness<'static, FerruleApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut FerruleApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Texts of the plain labels whose vertical centre is on the same row as the
/// widget labelled `row_label` (the table's cells of that line).
pub fn row_texts(harness: &Harness<'_, FerruleApp>, row_label: &str) -> Vec<String> {
    let row = harness.get_by_label(row_label).rect();
    harness
        .root()
        .children_recursive()
        .filter(|node| node.accesskit_node().role() == egui::accesskit::Role::Label)
        .filter(|node| {
            node.accesskit_node().bounding_box().is_some()
                && (node.rect().center().y - row.center().y).abs() < 2.0
        })
        .filter_map(|node| node.accesskit_node().value())
        .collect()
}

/// True when a plain label shows exactly `text`.
pub fn shows(harness: &Harness<'_, FerruleApp>, text: &str) -> bool {
    // A label and its text run both carry the text, so there can be two nodes.
    harness.query_all_by_value(text).next().is_some()
}
