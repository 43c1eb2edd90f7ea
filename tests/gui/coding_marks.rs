//! Issue 15: coding notes are seen where work happens: a mark beside the code in
//! the line's row and a count beside the option's tab.

use egui_kittest::kittest::Queryable as _;

use super::{harness, sample_app};

#[test]
fn the_pins_row_carries_its_bu5_mark_and_the_option_its_count() {
    // rules-bundling.ron line 10: pins (D2951) on #19 the same day as the
    // buildup (line 9): BU5, likely denied or pended.
    let h = harness(sample_app("rules-bundling.ron"));
    let row = h.get_by_label("Line 10: D2951").rect();
    let mark = h.get_by_label("Coding notes on line 10: BU5 likely denied or pended");
    assert!(
        (mark.rect().center().y - row.center().y).abs() < 4.0,
        "the mark is in the pins row: {:?} vs {:?}",
        mark.rect(),
        row
    );
    // Near miss: the exam on line 1 has no coding note, so no mark.
    assert!(
        h.query_by_label_contains("Coding notes on line 1:")
            .is_none()
    );
    // BU5 (line 10), BU6 (line 12) and B4 (line 13) are the option's warnings.
    assert!(
        h.query_by_label("Coding warnings in Recommended: 3")
            .is_some()
    );
}

#[test]
fn a_crown_is_marked_as_a_remake_and_its_narrative_copied() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Line 2: D2740").click();
    h.run();
    h.get_by_label("Remake").click();
    h.run();
    let crown = &h.state().state.document.plan.options[0].visits[0].lines[1];
    assert!(crown.remake, "the checkbox marks the line");
    // Marked without a note: CR2 asks for the narrative, in the row's mark.
    assert!(
        h.query_by_label_contains("Coding notes on line 2: CR2 likely denied or pended")
            .is_some()
    );
    h.get_by_label("Copy narrative").click();
    // One frame: the copy command is in that frame's output.
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_default();
    assert!(
        copied.starts_with("Crown remake: line 2, D2740 #19"),
        "{copied}"
    );
    // Near miss: the buildup (line 1) is not a restoration with a window, so it
    // has no remake box.
    h.get_by_label("Line 1: D2950").click();
    h.run();
    assert!(h.query_by_label("Remake").is_none());
}

#[test]
fn the_code_reference_window_shows_look_alikes() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Code reference").click();
    h.run();
    h.get_by_label("Code reference search").focus();
    h.run();
    h.get_by_label("Code reference search").type_text("D2790");
    h.run();
    h.get_by_label_contains("D2790 —").click();
    h.run();
    assert!(
        h.query_by_label_contains("D2791: All cast metal, mostly base metal")
            .is_some(),
        "the base metal look-alike is listed"
    );
    assert!(
        h.query_by_label_contains("Easily confused: Metal crowns by alloy")
            .is_some()
    );
}
