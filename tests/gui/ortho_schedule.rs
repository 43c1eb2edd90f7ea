//! Issue 16 item 8 in the app: an orthodontic line's details show its payment
//! schedule, and typing the months of treatment changes it.

use egui_kittest::kittest::Queryable as _;

use super::{harness, sample_app, shows};

/// ortho-case.ron: D8080 under Harbor (allowed 5,830.00, 50% to a 1,500.00
/// lifetime maximum, patient 4,330.00), 24 months, 25% at banding:
/// 1,457.50 -> plan 728.75 at banding; (5,830 - 1,457.50) x 50% / 24 = 91.09375
/// -> 91.09 a month; 1,500 - 728.75 = 771.25 left: months 1-8 (728.72), month 9
/// takes 42.53. Patient: 1,457.50 - 728.75 = 728.75 down; 3,601.25 / 24 =
/// 150.052 -> 150.05 for months 1-23 (3,451.15), month 24 takes 150.10.
/// Typing 12 months: plan 4,372.50 x 50% / 12 = 182.1875 -> 182.19 for months
/// 1-4 (728.76), month 5 takes 42.49; patient 3,601.25 / 12 = 300.104 -> 300.10
/// for months 1-11 (3,301.10), month 12 takes 300.15.
#[test]
fn the_details_show_the_schedule_and_the_months_change_it() {
    let mut h = harness(sample_app("ortho-case.ron"));
    h.get_by_label("Line 1: D8080").click();
    h.run();
    assert!(shows(
        &h,
        "$728.75 at banding; $91.09 a month in months 1-8, $42.53 in month 9; nothing after month 9. Total $1,500.00."
    ));
    assert!(shows(
        &h,
        "$728.75 at banding; $150.05 a month in months 1-23, $150.10 in month 24. Total $4,330.00."
    ));
    let label = "Months of orthodontic treatment";
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text("12");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    let line = &h.state().state.document.plan.options[0].visits[0].lines[0];
    assert_eq!(line.ortho.as_ref().map(|c| c.months), Some(12));
    assert!(shows(
        &h,
        "$728.75 at banding; $182.19 a month in months 1-4, $42.49 in month 5; nothing after month 5. Total $1,500.00."
    ));
    assert!(shows(
        &h,
        "$728.75 at banding; $300.10 a month in months 1-11, $300.15 in month 12. Total $4,330.00."
    ));
}
