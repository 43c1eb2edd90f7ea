//! The plan-rules view and the payer-order suggestion, drawn headless (egui_kittest),
//! alone and wired into the app.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ferrule::gui::panels::payer_order::payer_order_ui;
use ferrule::gui::panels::plan_rules::plan_rules_ui;
use ferrule::library::{self, load_treatment_plan};
use ferrule::model::{Coverage, Library};

/// The project folder: its `plans/`, `fee-schedules/` and `assets/samples/`.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn library() -> Library {
    let library = library::load_dir(&root());
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    library
}

/// True when a label shows exactly `text`.
fn shows<S>(harness: &Harness<'_, S>, text: &str) -> bool {
    harness.query_all_by_value(text).next().is_some()
}

/// True when a label's text contains every one of `parts`.
fn shows_containing<S>(harness: &Harness<'_, S>, parts: &[&str]) -> bool {
    harness
        .query_all_by(|node| {
            node.value()
                .is_some_and(|v| parts.iter().all(|p| v.contains(p)))
        })
        .next()
        .is_some()
}

/// The plan-rules view of a library plan in a tall window.
fn plan_rules_harness(plan_id: &str) -> Harness<'static> {
    let library = library();
    let plan = library.plans.get(plan_id).cloned().unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 2400.0))
        .build_ui(move |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| plan_rules_ui(ui, &plan, &library));
        });
    harness.run();
    harness
}

/// Opens a collapsed section by its title.
fn open(harness: &mut Harness<'_>, title: &str) {
    harness.get_by_label(title).click();
    harness.run();
}

#[test]
fn plan_rules_say_what_the_plan_covers() {
    let mut h = plan_rules_harness("summit-ppo-1500");
    assert!(shows(&h, "Summit Dental PPO 1500"));
    assert!(shows(&h, "Summit Dental Benefits (fictional)"));
    assert!(shows(&h, "In-network PPO"));
    assert!(shows_containing(&h, &["plans", "summit-ppo-1500.ron"]));
    assert!(shows(&h, "Basic restorative"));
    assert!(shows(&h, "80%"));
    assert!(shows(&h, "50%"));
    assert!(shows(&h, "not covered"), "orthodontics is not listed");
    assert!(shows(&h, "$50.00"));
    assert!(shows(&h, "$1,500.00"));

    assert!(!shows(&h, "2 per benefit year"));
    open(&mut h, "Frequency limits");
    assert!(shows(&h, "2 per benefit year"));
    assert!(shows(&h, "1 every 5 years, per tooth"));
    assert!(shows(&h, "1 per 60 months to the day"));

    open(&mut h, "Downgrades");
    assert!(shows_containing(&h, &["D2790", "D2750"]));
    assert!(shows(
        &h,
        "D2740, D2750, D2751, D2752 paid as D2791 on molars"
    ));

    open(&mut h, "Bundling rules");
    assert!(shows(&h, "B1"));
    assert!(shows(
        &h,
        "Pins placed with a buildup are part of the buildup"
    ));
    assert!(shows_containing(
        &h,
        &["D2951 into D2950, D2952, D2954", "same day"]
    ));

    open(&mut h, "Pre-authorization");
    assert!(shows_containing(&h, &["D3351-D3353, D6010"]));
}

/// The sections that start collapsed.
const COLLAPSED: [&str; 11] = [
    "Waiting periods",
    "Age limits",
    "Frequency limits",
    "Exclusions",
    "Pre-authorization",
    "Downgrades",
    "Bundling rules",
    "Missing-tooth clause",
    "Extra charges",
    "As secondary payer",
    "Settings",
];

#[test]
fn every_library_plan_draws_every_section() {
    let library = library();
    for (id, plan) in &library.plans {
        let mut h = plan_rules_harness(id);
        assert!(shows(&h, &plan.name), "{id}: missing its name");
        // Opening each section draws all of its text (a missing glyph would panic).
        for title in COLLAPSED {
            if h.query_by_label(title).is_some() {
                open(&mut h, title);
            }
        }
        assert!(shows(&h, "Coordinates benefits"), "{id}: sections not open");
        assert!(shows(&h, "Rounding"), "{id}: settings not open");
    }
    let lakeview = plan_rules_harness("lakeview-dhmo");
    assert!(lakeview.query_by_label("Extra charges").is_some());
}

/// The two coverages of the apexification sample (Harbor first, Summit second).
fn apexification_coverage() -> Vec<Coverage> {
    let path = root().join("assets/samples/apexification-8.ron");
    load_treatment_plan(&path).unwrap().coverage
}

/// The payer-order view; the state is what it returned on the last frame.
fn payer_order_harness(coverage: Vec<Coverage>) -> Harness<'static, Option<Vec<usize>>> {
    let library = library();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 300.0))
        .build_ui_state(
            move |ui, picked: &mut Option<Vec<usize>>| {
                if let Some(order) = payer_order_ui(ui, &coverage, &library) {
                    *picked = Some(order);
                }
            },
            None,
        );
    harness.run();
    harness
}

#[test]
fn payer_order_explains_the_birthday_rule() {
    let h = payer_order_harness(apexification_coverage());
    assert!(shows(
        &h,
        "Suggested payer order: Harbor Family PPO (July plan year), then Summit Dental PPO 1500"
    ));
    assert!(shows_containing(
        &h,
        &["Harbor Family PPO (July plan year) before Summit Dental PPO 1500: birthday rule"]
    ));
    assert!(shows(&h, "This matches the order on file."));
    assert!(h.query_by_label("Use suggested order").is_none());
    assert_eq!(*h.state(), None);
}

#[test]
fn payer_order_offers_to_fix_a_swapped_order() {
    let mut coverage = apexification_coverage();
    coverage.swap(0, 1);
    let mut h = payer_order_harness(coverage);
    assert!(shows_containing(&h, &["birthday rule"]));
    assert!(!shows(&h, "This matches the order on file."));
    assert_eq!(
        *h.state(),
        None,
        "nothing changes until the button is clicked"
    );
    h.get_by_label("Use suggested order").click();
    h.run();
    assert_eq!(*h.state(), Some(vec![1, 0]));
}

#[test]
fn payer_order_is_silent_for_one_plan() {
    let mut coverage = apexification_coverage();
    coverage.truncate(1);
    let h = payer_order_harness(coverage);
    assert!(!shows_containing(&h, &["Suggested payer order"]));
    assert_eq!(*h.state(), None);
}

#[test]
fn the_app_reorders_payers_as_suggested_and_shows_a_plans_rules() {
    let mut app = super::sample_app("apexification-8.ron");
    app.state.document.plan.coverage.swap(0, 1);
    let mut h = super::harness(app);
    // The two cards are tall: bring the button into view first.
    h.get_by_label("Use suggested order").scroll_to_me();
    h.run();
    h.get_by_label("Use suggested order").click();
    h.run_steps(8);
    let order: Vec<String> = h
        .state()
        .state
        .document
        .plan
        .coverage
        .iter()
        .map(|c| c.plan.clone())
        .collect();
    assert_eq!(order, vec!["harbor-plan-year-family", "summit-ppo-1500"]);

    h.get_by_label("Show the Primary plan's rules")
        .scroll_to_me();
    h.run();
    h.get_by_label("Show the Primary plan's rules").click();
    h.run();
    // The window's header names the file the plan came from.
    assert!(shows_containing(&h, &["harbor-plan-year-family.ron"]));
}
