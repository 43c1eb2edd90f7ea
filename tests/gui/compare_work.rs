//! Issue 12, "long work in the GUI runs off the UI thread with progress and
//! cancel": a large comparison runs in the background while the window keeps
//! drawing ("Comparing… n of m scenarios", Cancel), its result is shown once it
//! is done, a result made for inputs that changed meanwhile is never shown, and a
//! cancelled comparison shows nothing stale.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::engine::{PayerSetup, Scenario, compare};
use ferrule::gui::{Command, FerruleApp, View};
use ferrule::library::{self, parse_treatment_plan};
use ferrule::model::TreatmentPlan;

use super::{harness, shows, today};

/// Two options of `visits` visits with `lines` cleanings and exams each.
fn big_plan(visits: usize, lines: usize) -> TreatmentPlan {
    let mut text = String::from(
        r#"TreatmentPlan(format: 1,
        patient: (name: "Ada Lind", birth_date: "1975-03-02"),
        coverage: [(plan: "summit-ppo-1500", effective: "2020-01-01")],
        options: ["#,
    );
    for option in ["Mornings", "Afternoons"] {
        write!(text, "(name: \"{option}\", visits: [").unwrap();
        for v in 0..visits {
            let date = today() + chrono::Days::new(7 + v as u64);
            write!(
                text,
                "(id: {}, name: \"Visit {}\", date: \"{date}\", lines: [",
                v + 1,
                v + 1
            )
            .unwrap();
            for l in 0..lines {
                let code = if l % 2 == 0 { "D1110" } else { "D0120" };
                write!(text, "(code: \"{code}\"),").unwrap();
            }
            text.push_str("]),");
        }
        text.push_str("]),");
    }
    text.push_str("])");
    parse_treatment_plan(Path::new("big.ron"), &text).unwrap()
}

fn app_with(plan: TreatmentPlan) -> FerruleApp {
    let mut app = FerruleApp::new(library::sample(), None, None, today());
    app.set_native_dialogs(false);
    app.state
        .replace_document(ferrule::gui::state::Document::new(plan, None));
    app
}

/// Draws frames until the comparison is in (at most about a minute).
fn until_compared(h: &mut Harness<'_, FerruleApp>) {
    for _ in 0..6000 {
        // One frame at a time: the progress bar asks for frames all along, so
        // `run` could give up on a busy machine before the result is in.
        h.step();
        if h.state().state.comparison.result.is_some() {
            // Draw what came in.
            h.run_steps(2);
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the comparison never finished");
}

#[test]
fn a_background_comparison_shows_the_engines_totals_when_done() {
    let plan = big_plan(2, 5);
    let mut app = app_with(plan.clone());
    app.state.comparison.inline_limit = 0; // always in the background
    let mut h = harness(app);
    h.state_mut().push(Command::ToggleCompare);
    // Frames, not `run`: the running comparison's progress keeps asking for more.
    h.run_steps(2);
    assert_eq!(h.state().state.view, View::Compare);
    until_compared(&mut h);
    assert!(h.state().state.comparison.progress().is_none());
    let library = library::sample();
    for option in &plan.options {
        let scenario = Scenario::new(option, PayerSetup::patient(&plan));
        let expected = compare(&library, &plan, std::slice::from_ref(&scenario), today()).unwrap();
        let label = format!("Patient total, {}", scenario.title());
        let shown = h.get_by_label(&label).accesskit_node().value();
        assert_eq!(shown, Some(expected.totals[0].patient.to_string()));
    }
    assert_eq!(h.state().state.comparison.computed, 1);
    // Drawing again neither recomputes nor restarts the work.
    h.run();
    assert!(h.state().state.comparison.progress().is_none());
    assert_eq!(h.state().state.comparison.computed, 1);
}

/// A big plan (`visits` visits of `lines` lines per option) in the compare view,
/// with a plan column and no-insurance columns: six scenarios, more work than is
/// done inside a frame.
fn comparing_a_big_plan(visits: usize, lines: usize) -> Harness<'static, FerruleApp> {
    let mut app = app_with(big_plan(visits, lines));
    app.state.compare.add_plan("bayside-ppo-2000");
    app.state.compare.set_no_insurance(true);
    // Straight into the compare view: drawing the long plan first is not the point.
    app.state.view = View::Compare;
    let h = harness(app);
    let (_, total) = h.state().state.comparison.progress().unwrap();
    assert_eq!(total, 6);
    assert!(h.state().state.comparison.result.is_none());
    h
}

#[test]
fn a_cancelled_comparison_shows_nothing_stale() {
    let mut h = comparing_a_big_plan(6, 150);
    // The window keeps drawing: the progress line and its Cancel button.
    let progress = h.get_by_label_contains("Comparing… ");
    let text = progress.accesskit_node().label().unwrap_or_default();
    assert!(text.ends_with(" of 6 scenarios"), "{text}");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().state.comparison.progress().is_none());
    assert!(shows(&h, "Comparison cancelled."));
    // The work that was stopped never shows up, however long we wait.
    for _ in 0..50 {
        h.run();
        std::thread::sleep(Duration::from_millis(10));
    }
    let cache = &h.state().state.comparison;
    assert!(cache.result.is_none() && cache.table.is_none());
    assert!(cache.progress().is_none());
    assert!(h.query_by_label_contains("Patient total,").is_none());
    assert!(h.state().state.comparison.is_cancelled());

    // Asked for again, it runs to the end.
    h.get_by_label("Compare again").click();
    h.run_steps(2);
    until_compared(&mut h);
    assert_eq!(h.state().state.comparison.computed, 2);
    assert!(h.query_all_by_label_contains("Patient total,").count() == 6);
}

#[test]
fn a_result_for_inputs_that_changed_meanwhile_is_never_shown() {
    let mut h = comparing_a_big_plan(4, 200);
    // While it runs, the no-insurance columns go: the running work is dropped.
    h.state_mut().push(Command::CompareNoInsurance(false));
    h.run();
    let (_, total) = h.state().state.comparison.progress().unwrap();
    assert_eq!(total, 4);
    until_compared(&mut h);
    let cache = &h.state().state.comparison;
    assert_eq!(cache.computed, 2);
    let comparison = cache.comparison().unwrap();
    assert_eq!(comparison.scenarios.len(), 4);
    assert!(
        comparison
            .scenarios
            .iter()
            .all(|s| !s.scenario.setup.coverage.is_empty())
    );
}
