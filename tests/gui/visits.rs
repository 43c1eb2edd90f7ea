//! Issue 19: "visits as the patient lives them": a crown prepared at one visit and
//! seated at a later one is listed under the seat visit, marked with its prep date.

use egui_kittest::kittest::Queryable as _;

use super::{harness, sample_app, shows};

#[test]
fn a_crown_is_listed_at_its_seat_visit_with_its_prep_date() {
    let h = harness(sample_app("buildup-crown-19.ron"));
    let seat = h.get_by_label("Visit 2 name").rect();
    let buildup = h.get_by_label("Line 1: D2950").rect();
    let crown = h.get_by_label("Line 2: D2740").rect();
    assert!(
        buildup.top() < seat.top(),
        "the buildup stays at the prep visit"
    );
    assert!(
        crown.top() > seat.top(),
        "the crown is shown at the seat visit"
    );
    assert!(!shows(&h, "    No lines in this visit."));
    let texts: Vec<String> = super::row_texts(&h, "Line 2: D2740");
    assert!(
        texts.iter().any(|t| t.ends_with("(prepared 12/03/2026)")),
        "{texts:?}"
    );
    // The document itself is unchanged: the crown still starts at the prep visit.
    let plan = &h.state().state.document.plan;
    assert_eq!(plan.options[0].visits[0].lines.len(), 2);
}
