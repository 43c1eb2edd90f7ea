//! The compare view: scenarios picked without touching the document, totals equal
//! to the engine's comparison, a cell's "why", and the benefit-year advisor's
//! option added as one undoable edit.

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::engine::{PayerSetup, Scenario, advise, compare};
use ferrule::gui::{FerruleApp, View};
use ferrule::library::{self, parse_treatment_plan};

use super::{harness, sample, sample_app, shows, today};

/// The accessible value (the amount shown) of a totals cell.
fn cell_value(h: &egui_kittest::Harness<'_, FerruleApp>, label: &str) -> String {
    h.get_by_label(label)
        .accesskit_node()
        .value()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_plan_column_shows_the_engines_totals_and_leaves_the_document_alone() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert_eq!(h.state().state.view, View::Compare);
    let library = library::sample();
    let (_, plan) = sample("buildup-crown-19.ron");
    let id = ferrule::gui::compare::next_plan(&library, &plan).unwrap();
    let name = &library.plans[&id].name;

    h.get_by_label("Add plan column").click();
    h.run();
    h.get_by_label(&format!("{name} ({id})")).click();
    h.run();
    assert_eq!(h.state().state.compare.plans, vec![id.clone()]);

    for option in ["Porcelain crown", "Gold crown"] {
        let scenario = Scenario::new(
            plan.choose_option(option).unwrap(),
            PayerSetup::plan_alone(&plan, &id, today()),
        );
        let expected = compare(&library, &plan, std::slice::from_ref(&scenario), today()).unwrap();
        let totals = &expected.totals[0];
        let title = scenario.title();
        assert_eq!(
            cell_value(&h, &format!("Patient total, {title}")),
            totals.patient.to_string()
        );
        assert_eq!(
            cell_value(&h, &format!("Insurance total, {title}")),
            totals.insurance.to_string()
        );
        assert_eq!(
            cell_value(&h, &format!("Office fee total, {title}")),
            totals.fee.to_string()
        );
    }
    // Under the patient's own coverage too.
    let own = Scenario::new(
        plan.choose_option("Porcelain crown").unwrap(),
        PayerSetup::patient(&plan),
    );
    let expected = compare(&library, &plan, std::slice::from_ref(&own), today()).unwrap();
    assert_eq!(
        cell_value(&h, &format!("Patient total, {}", own.title())),
        expected.totals[0].patient.to_string()
    );
    assert!(!h.state().state.document.is_modified());
    assert_eq!(h.state().state.document.plan, plan);

    // Drawing again does not recompute; the picker does.
    let computed = h.state().state.comparison.computed;
    h.run();
    assert_eq!(h.state().state.comparison.computed, computed);
    h.get_by_label("No insurance").click();
    h.run();
    assert_eq!(h.state().state.comparison.computed, computed + 1);

    // A cell's "why": the line's steps under that scenario.
    let comparison = h.state().state.comparison.comparison().unwrap().clone();
    let row = &comparison.rows[1];
    let k = comparison
        .scenarios
        .iter()
        .position(|s| s.scenario.title() == format!("Porcelain crown / {id}"))
        .unwrap();
    h.get_by_label(&format!("{}, Porcelain crown / {id}", row.label))
        .click();
    h.run();
    let selected = h.state().state.selected_cell.clone().unwrap();
    assert_eq!(selected.row, row.key);
    assert_eq!(selected.scenario, comparison.scenarios[k].scenario.key());
    let line = comparison.line(row, k).unwrap();
    for step in &line.steps {
        let sentence = ferrule::report::sentence(step);
        assert!(shows(&h, &sentence), "missing sentence: {sentence}");
    }

    // Back to the plan.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert_eq!(h.state().state.view, View::Plan);
}

#[test]
fn the_advisors_option_is_added_as_one_undoable_edit() {
    // $1,200 of $1,500 used: the maximum runs out in 2026, and the seat of the
    // second crown can move to January.
    let text = r#"TreatmentPlan(format: 1,
        patient: (name: "Ada Lind", birth_date: "1975-03-02"),
        coverage: [(plan: "summit-ppo-1500", effective: "2020-01-01",
                    benefits_used: "1200.00", deductible_met: "50.00")],
        options: [(name: "Two crowns", visits: [
            (id: 1, name: "Crown #8", date: "2026-12-01", lines: [(code: "D2740", tooth: "8")]),
            (id: 2, name: "Prep #9", date: "2026-12-10", lines: [(code: "D2740", tooth: "9", completed_at: 3)]),
            (id: 3, name: "Seat #9", date: "2026-12-22"),
        ])])"#;
    let plan = parse_treatment_plan(Path::new("test.ron"), text).unwrap();
    let library = library::sample();
    let advice = advise(&library, &plan, plan.options[0].id, today())
        .unwrap()
        .expect("a saving");
    let mut app = FerruleApp::new(library, None, Some(("ada.ron".into(), plan)), today());
    app.set_native_dialogs(false);
    let mut h = harness(app);
    h.get_by_label("Compare").click();
    h.run();
    let sentence = ferrule::report::comparison::advice_sentence("Two crowns", &advice);
    assert!(shows(&h, &sentence), "missing: {sentence}");

    h.get_by_label("Add as new option").click();
    h.run();
    let options = &h.state().state.document.plan.options;
    assert_eq!(options.len(), 2);
    // The same visits and lines, under an option id and line ids of its own.
    let ids = |o: &ferrule::model::TreatmentOption| {
        let lines = o.visits.iter().flat_map(|v| v.lines.iter());
        lines.map(|l| l.id).collect::<Vec<_>>()
    };
    let mut added = options[1].clone();
    assert_ne!(added.id, options[0].id);
    assert!(ids(&added).iter().all(|id| !ids(&options[0]).contains(id)));
    added.id = advice.new_option.id;
    for (line, original) in added
        .visits
        .iter_mut()
        .flat_map(|v| v.lines.iter_mut())
        .zip(ids(&advice.new_option))
    {
        line.id = original;
    }
    assert_eq!(added, advice.new_option);
    // The new option is compared at once, with the saving the advisor promised.
    let comparison = h.state().state.comparison.comparison().unwrap();
    assert_eq!(
        comparison.patient_totals(),
        vec![advice.patient_before, advice.patient_after]
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.document.plan.options.len(), 1);
}
