//! "Why this number": a selected line's steps as the report's sentences.

use egui_kittest::kittest::Queryable as _;
use ferrule::engine::{self, EstimateInput, Flag};
use ferrule::library::Library;

use super::{harness, sample, sample_app, shows, today};

#[test]
fn downgraded_crown_explains_itself() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    assert!(shows(
        &h,
        "Select a line to see how its amounts were worked out."
    ));
    h.get_by_label("Line 2: D2740").click();
    h.run();

    let library = Library::sample();
    let (_, plan) = sample("buildup-crown-19.ron");
    let input = EstimateInput::from_document(&library, &plan, None, today()).unwrap();
    let estimate = engine::estimate(&input);
    let line = estimate.lines.iter().find(|l| l.number == 2).unwrap();
    assert!(
        line.flags.contains(&Flag::Downgraded),
        "the sample is downgraded"
    );
    assert!(!line.steps.is_empty());
    for step in &line.steps {
        let sentence = ferrule::report::sentence(step);
        assert!(shows(&h, &sentence), "missing sentence: {sentence}");
    }
    // The status is a word, not only a colour: in the table and as a badge.
    assert!(shows(&h, "• downgraded"));
    assert!(!shows(
        &h,
        "Select a line to see how its amounts were worked out."
    ));
}
