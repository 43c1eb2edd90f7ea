//! Issue 18 item 3: the procedure history in the patient panel lays out only the
//! rows in view (about a dozen, in a box of its own that scrolls), so a patient
//! with thousands of entries on record costs a frame what a dozen do.

use chrono::{Duration, NaiveDate};
use egui_kittest::kittest::Queryable as _;
use ferrule::model::{CdtCode, HistoryEntry};

use super::{harness, sample_app};

#[test]
fn a_long_history_lays_out_only_the_rows_in_view() {
    let mut app = sample_app("family-checkup.ron");
    let start = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
    let code: CdtCode = "D1110".parse().unwrap();
    app.state.document.plan.patient.history = (0..3_000)
        .map(|i| HistoryEntry {
            code,
            date: start + Duration::days(i),
            tooth: None,
            surfaces: None,
            quadrant: None,
            arch: None,
        })
        .collect();
    let h = harness(app);
    let edit_buttons = h.query_all_by_label_contains("Edit history entry").count();
    // 12 rows in view, and egui may lay out one more at the edge.
    assert!(
        (1..=13).contains(&edit_buttons),
        "{edit_buttons} history rows laid out"
    );
    assert!(h.query_by_label("Edit history entry 1").is_some());
    assert!(h.query_by_label("Edit history entry 3000").is_none());
}
