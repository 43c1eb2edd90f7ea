//! Issue 19, "a complete insurance card": member id, subscriber, relationship,
//! the subscriber's birth date and the end date are edited on the card, and the
//! payer-order suggestion follows the birthday rule from those fields; the birth
//! date and the effective date stay blank (marked required) until entered; plans
//! are picked from a sorted, searchable list; amounts used are kept for this
//! benefit year and the next; the verification date and source are on the card.

use egui_kittest::kittest::Queryable as _;
use ferrule::gui::panels::coverage::picker;
use ferrule::gui::{Command, Edit, FerruleApp};
use ferrule::library;
use ferrule::model::Coverage;
use ferrule::model::treatment_plan::Relationship;

use super::{harness, sample, shows, today};

#[test]
fn the_birthday_rule_orders_a_childs_two_plans_from_the_card() {
    // A child on both parents' plans: the father's (Summit, born June 2) is on file
    // as primary, the mother's (Bayside, born March 9) as secondary. The parent
    // whose birthday comes first in the year is primary: the mother's plan.
    let (path, mut plan) = sample("buildup-crown-19.ron");
    plan.coverage.push(Coverage::new(
        "bayside-ppo-2000",
        chrono::NaiveDate::from_ymd_opt(2024, 2, 1).unwrap(),
    ));
    let mut app = FerruleApp::new(library::sample(), None, Some((path, plan)), today());
    app.set_native_dialogs(false);
    let mut h = harness(app);
    for i in 0..2 {
        h.state_mut().push(Command::Edit(Edit::CoverageRelationship(
            i,
            Relationship::Child,
        )));
    }
    h.run();
    // Open both cards and fill in what the birthday rule and the claim need.
    toggle_both_cards(&mut h);
    for (field, text) in [
        ("Primary subscriber birth date", "1979-06-02"),
        ("Secondary subscriber birth date", "1981-03-09"),
        ("Primary member ID", "SDB-1"),
        ("Primary group number", "G-4410"),
    ] {
        type_into(&mut h, field, text);
    }

    let coverage = &h.state().state.document.plan.coverage;
    assert_eq!(
        coverage[0].subscriber_birth_date,
        chrono::NaiveDate::from_ymd_opt(1979, 6, 2)
    );
    assert_eq!(
        coverage[1].subscriber_birth_date,
        chrono::NaiveDate::from_ymd_opt(1981, 3, 9)
    );
    assert_eq!(coverage[0].member_id.as_deref(), Some("SDB-1"));
    assert_eq!(coverage[0].group.as_deref(), Some("G-4410"));
    assert!(shows(
        &h,
        "Suggested payer order: Bayside Dental Network PPO 2000, then Summit Dental PPO 1500"
    ));
    // Close the cards so the button is on screen, then take the suggestion.
    toggle_both_cards(&mut h);
    h.get_by_label("Use suggested order").scroll_to_me();
    h.run();
    h.get_by_label("Use suggested order").click();
    // The cards swap places; their grids measure again over a few frames.
    h.run_steps(8);
    let coverage = &h.state().state.document.plan.coverage;
    assert_eq!(coverage[0].plan, "bayside-ppo-2000");
    assert_eq!(coverage[1].plan, "summit-ppo-1500");
}

/// Opens (or closes) both insurance cards, one at a time: opening one moves the
/// other down.
fn toggle_both_cards(h: &mut egui_kittest::Harness<'static, FerruleApp>) {
    for k in 0..2 {
        h.get_all_by_label("Insurance card")
            .nth(k)
            .unwrap()
            .scroll_to_me();
        h.run();
        h.get_all_by_label("Insurance card").nth(k).unwrap().click();
        // Opening or closing slides; grids settle a few frames later.
        h.run_steps(8);
    }
}

/// A blank document in the app (nothing on file yet).
fn blank_app() -> egui_kittest::Harness<'static, FerruleApp> {
    let mut app = FerruleApp::new(library::sample(), None, None, today());
    app.set_native_dialogs(false);
    harness(app)
}

/// Replaces a text field's text and commits it with Enter.
fn type_into(h: &mut egui_kittest::Harness<'static, FerruleApp>, label: &str, text: &str) {
    let role = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(role, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.key_press(egui::Key::Enter);
    h.run();
}

/// Clicks "Add plan" and types `search` into the picker (it has the keyboard).
fn open_picker(h: &mut egui_kittest::Harness<'static, FerruleApp>, search: &str) {
    h.get_by_label("Add plan").scroll_to_me();
    h.run();
    h.get_by_label("Add plan").click();
    h.run();
    // The search field has the keyboard at once: typing needs no click.
    assert!(h.get_by_label(picker::SEARCH).is_focused());
    h.get_by_label(picker::SEARCH).type_text(search);
    h.run();
}

fn problems_text(h: &egui_kittest::Harness<'static, FerruleApp>) -> Vec<String> {
    let plan = &h.state().state.document.plan;
    ferrule::engine::check::check_document(plan, &library::sample(), today())
        .into_iter()
        .map(|p| p.message)
        .collect()
}

#[test]
fn a_new_patients_birth_date_and_a_new_plans_effective_date_stay_blank_and_marked_required() {
    let mut h = blank_app();
    // Not today: blank, with a red "required" beside it, and the estimate waits.
    assert_eq!(h.state().state.document.plan.patient.birth_date, None);
    assert!(shows(&h, "Birth date required"));
    assert!(problems_text(&h).contains(
        &"Enter the patient's birth date: age limits and the birthday rule need it".to_string()
    ));
    type_into(&mut h, "Birth date", "03/14/1978");
    assert_eq!(
        h.state().state.document.plan.patient.birth_date,
        chrono::NaiveDate::from_ymd_opt(1978, 3, 14)
    );
    assert!(!shows(&h, "Birth date required"));

    open_picker(&mut h, "summit ppo");
    h.key_press(egui::Key::Enter);
    h.run();
    let coverage = &h.state().state.document.plan.coverage;
    assert_eq!(coverage.len(), 1);
    assert_eq!(
        coverage[0].effective, None,
        "a new plan does not start today"
    );
    assert!(shows(&h, "Primary effective date required"));
    assert!(problems_text(&h).contains(&"Enter the primary plan's effective date".to_string()));
    // The keyboard goes to the new plan's effective date: type it and press Enter.
    assert!(h.get_by_label("Primary effective date").is_focused());
    h.get_by_label("Primary effective date")
        .type_text("2024-02-01");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().state.document.plan.coverage[0].effective,
        chrono::NaiveDate::from_ymd_opt(2024, 2, 1)
    );
    assert!(!shows(&h, "Primary effective date required"));
    assert!(
        problems_text(&h)
            .iter()
            .all(|p| !p.starts_with("Enter the"))
    );
}

#[test]
fn the_plan_picker_lists_plans_by_carrier_then_name_and_filters_as_you_type() {
    let mut h = blank_app();
    open_picker(&mut h, "");
    let library = library::sample();
    let mut expected: Vec<&ferrule::model::PlanRules> = library.plans.values().collect();
    expected.sort_by_key(|p| (p.carrier.to_lowercase(), p.name.to_lowercase()));
    // Top to bottom on screen, in that order.
    let tops: Vec<f32> = expected
        .iter()
        .map(|p| {
            let label = picker::item_label(p);
            h.get_by_label(&label).scroll_to_me();
            h.get_by_label(&label).rect().top()
        })
        .collect();
    assert!(
        tops.windows(2).all(|w| w[0] < w[1]),
        "plans are not in carrier, name order: {tops:?}"
    );
    assert_eq!(
        expected.first().map(|p| p.id.as_str()),
        Some("bayside-ppo-2000")
    );

    // "CREST" (any case) leaves the two Crestline plans; Down then Enter takes the
    // second: "Crestline PPO Select" sorts after "Crestline Indemnity Choice".
    h.get_by_label(picker::SEARCH).type_text("CREST");
    h.run();
    let shown: Vec<&str> = library
        .plans
        .values()
        .filter(|p| h.query_by_label(&picker::item_label(p)).is_some())
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(shown, vec!["crestline-indemnity", "crestline-ppo-oon"]);
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let coverage = &h.state().state.document.plan.coverage;
    assert_eq!(coverage.len(), 1);
    assert_eq!(coverage[0].plan, "crestline-ppo-oon");
    assert!(
        h.query_by_label(picker::SEARCH).is_none(),
        "the picker closes"
    );
}

#[test]
fn the_plan_picker_finds_a_plan_by_its_id_and_escape_adds_nothing() {
    let mut h = blank_app();
    open_picker(&mut h, "lakeview-d");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label(picker::SEARCH).is_none());
    assert!(h.state().state.document.plan.coverage.is_empty());
    // Type "summ" and Enter: Summit Dental PPO 1500 sorts before Summit Individual.
    open_picker(&mut h, "summ");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().state.document.plan.coverage[0].plan,
        "summit-ppo-1500"
    );
    // The same picker changes the plan of an existing coverage.
    h.get_by_label("Primary plan").click();
    h.run();
    h.get_by_label(picker::SEARCH).type_text("lakeview-d");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let coverage = &h.state().state.document.plan.coverage;
    assert_eq!(coverage.len(), 1);
    assert_eq!(coverage[0].plan, "lakeview-dhmo");
}

#[test]
fn this_and_next_benefit_years_amounts_are_edited_on_the_card() {
    // The sample's Summit plan is on a calendar year; the tests estimate on
    // 2026-11-25, so next benefit year is 2027.
    let mut h = harness(super::sample_app("buildup-crown-19.ron"));
    assert!(shows(&h, "This benefit year: Jan 1 – Dec 31, 2026"));
    assert!(shows(&h, "Next benefit year: Jan 1 – Dec 31, 2027"));
    type_into(&mut h, "Primary benefits used next year", "1200");
    type_into(&mut h, "Primary deductible met next year", "$50.00");
    type_into(&mut h, "Primary benefits used this year", "400.00");
    let coverage = &h.state().state.document.plan.coverage[0];
    let next = coverage.next_year.clone().unwrap();
    assert_eq!(
        next.benefits_used,
        ferrule::money::Cents::parse("1200.00").unwrap()
    );
    assert_eq!(
        next.deductible_met,
        ferrule::money::Cents::parse("50.00").unwrap()
    );
    assert_eq!(
        coverage.benefits_used,
        ferrule::money::Cents::parse("400.00").unwrap()
    );
    // Summit has a family deductible but no family maximum.
    assert!(
        h.query_by_label("Primary family deductible met next year")
            .is_some()
    );
    assert!(
        h.query_by_label("Primary family benefits used next year")
            .is_none()
    );
    // Each field was one undo step.
    h.state_mut().push(Command::Undo);
    h.run();
    let coverage = &h.state().state.document.plan.coverage[0];
    assert_eq!(
        coverage.benefits_used,
        ferrule::money::Cents::parse("300.00").unwrap()
    );
    assert!(coverage.next_year.is_some());
}

#[test]
fn the_card_keeps_when_and_how_benefits_were_verified() {
    let mut h = harness(super::sample_app("buildup-crown-19.ron"));
    h.get_by_label("Insurance card").click();
    h.run_steps(8);
    type_into(&mut h, "Primary verified by", "phone");
    type_into(&mut h, "Primary verified on", "2026-11-20");
    let verified = h.state().state.document.plan.coverage[0]
        .verified
        .clone()
        .unwrap();
    assert_eq!(verified.source, "phone");
    assert_eq!(
        verified.on,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    );
}

#[test]
fn family_rows_show_only_for_a_plan_with_family_amounts_and_plan_years_read_as_dates() {
    // Harbor (primary here) has a family deductible and a family maximum on a
    // July-June plan year; Summit (secondary) has a family deductible only.
    let mut h = harness(super::sample_app("apexification-8.ron"));
    assert!(shows(&h, "This benefit year: Jul 1, 2026 – Jun 30, 2027"));
    assert!(shows(&h, "Next benefit year: Jul 1, 2027 – Jun 30, 2028"));
    for year in ["this year", "next year"] {
        for row in ["family deductible met", "family benefits used"] {
            assert!(h.query_by_label(&format!("Primary {row} {year}")).is_some());
        }
        let secondary = |row: &str| format!("Secondary {row} {year}");
        assert!(
            h.query_by_label(&secondary("family deductible met"))
                .is_some()
        );
        assert!(
            h.query_by_label(&secondary("family benefits used"))
                .is_none()
        );
    }
    type_into(&mut h, "Primary family deductible met next year", "100");
    let next = h.state().state.document.plan.coverage[0].next_year.clone();
    assert_eq!(
        next.map(|n| n.family_deductible_met),
        Some(ferrule::money::Cents::parse("100.00").unwrap())
    );
}
