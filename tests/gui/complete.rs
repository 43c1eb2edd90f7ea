//! Issue 19 item 4, "a finished line can be marked completed": the line leaves the
//! option and becomes a history entry dated at its visit; each payer's amounts
//! used grow by exactly what the line's estimate showed; one undo takes it all
//! back; and the history entry then counts toward the frequency limits.

use chrono::NaiveDate;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::engine::Flag;
use ferrule::gui::FerruleApp;
use ferrule::gui::command::{Command, Edit};
use ferrule::model::{CdtCode, HistoryEntry, LineId, PlannedLine, Surfaces, Tooth, VisitId};
use ferrule::money::Cents;

use super::{harness, row_texts, sample_app};

fn cents(text: &str) -> Cents {
    Cents::parse(text).unwrap()
}

fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// family-checkup.ron under Harbor Family PPO (in network, Bayside fees; plan
/// year July to June; deductible $50 a person, $150 a family with $100 met,
/// waived for diagnostic and preventive; family maximum $4,000 with $1,240 used).
/// Lines 1..=7 in order: D0120, D0274, D1110 (visit 1, 2026-12-09), D2391 #30 O,
/// D2392 #19 MO (visit 2, 2027-01-13), D4341 UR, D4342 LL (visit 3).
fn app() -> (Harness<'static, FerruleApp>, Vec<LineId>) {
    let h = harness(sample_app("family-checkup.ron"));
    let ids = line_ids(&h);
    (h, ids)
}

fn line_ids(h: &Harness<'_, FerruleApp>) -> Vec<LineId> {
    h.state().state.document.plan.options[0]
        .visits
        .iter()
        .flat_map(|v| v.lines.iter().map(|l| l.id))
        .collect()
}

fn select(h: &mut Harness<'_, FerruleApp>, line: LineId) {
    h.state_mut().push(Command::SelectLine(Some(line)));
    h.run();
}

fn insurance(h: &Harness<'_, FerruleApp>, line: LineId) -> Cents {
    let state = &h.state().state;
    let option = state.document.plan.options[0].id;
    state.estimates.line(option, line).unwrap().insurance()
}

#[test]
fn completing_a_filling_moves_it_to_the_history_and_adds_what_the_plan_paid() {
    let (mut h, lines) = app();
    let before = h.state().state.document.plan.clone();
    // D2391 on molar #30 is paid as a silver filling (D2140): allowed $99.00.
    // Visit 1 is diagnostic and preventive (no deductible), so this line takes
    // the deductible: $50 (the family has $50 of its $150 left, the patient all
    // $50). The plan pays 80% of $99.00 - $50.00 = $39.20.
    assert_eq!(insurance(&h, lines[3]), cents("39.20"));
    assert!(row_texts(&h, "Line 4: D2391").contains(&"39.20".to_string()));

    select(&mut h, lines[3]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();

    let plan = &h.state().state.document.plan;
    assert!(plan.line(lines[3]).is_none(), "the line left the option");
    assert_eq!(
        plan.patient.history.last(),
        Some(&HistoryEntry {
            code: code("D2391"),
            date: date("2027-01-13"),
            tooth: Some(Tooth::parse("30").unwrap()),
            surfaces: Some(Surfaces::parse("O").unwrap()),
            quadrant: None,
            arch: None,
        })
    );
    let coverage = &plan.coverage[0];
    assert_eq!(coverage.benefits_used, cents("39.20"));
    assert_eq!(coverage.deductible_met, cents("50.00"));
    // The plan has family amounts: $100 + $50 and $1,240 + $39.20.
    assert_eq!(coverage.family_deductible_met, cents("150.00"));
    assert_eq!(coverage.family_benefits_used, cents("1279.20"));
    // The visit is after today (2026-11-25): nothing is asked, the message says
    // which date it got.
    let message = h.state().state.message.clone().unwrap();
    assert!(!message.is_error);
    assert!(message.text.contains("01/13/2027"), "{}", message.text);
    assert!(message.text.contains("after today"), "{}", message.text);
    // The next line down is selected.
    assert_eq!(h.state().state.selected_line, Some(lines[4]));

    // One undo brings back the line (same id), the history and the amounts.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.document.plan, before);
}

#[test]
fn a_completed_x_ray_counts_toward_the_frequency_limit() {
    // Harbor allows one set of bitewings (D0270-D0274) per plan year; cleanings
    // are two a year there, so bitewings are the one-per-period service of this
    // sample. The last bitewings (2026-01-20) were in the plan year before.
    let (mut h, lines) = app();
    // D0274 is diagnostic: 100% of the Bayside fee $64.00, no deductible.
    assert_eq!(insurance(&h, lines[1]), cents("64.00"));

    select(&mut h, lines[1]);
    h.get_by_label("Mark completed").click();
    h.run();

    let plan = &h.state().state.document.plan;
    let entry = plan.patient.history.last().unwrap();
    assert_eq!(
        (entry.code, entry.date),
        (code("D0274"), date("2026-12-09"))
    );
    assert_eq!(plan.coverage[0].benefits_used, cents("64.00"));
    assert_eq!(plan.coverage[0].deductible_met, Cents::ZERO);
    assert_eq!(plan.coverage[0].family_benefits_used, cents("1304.00"));

    // The planned bitewings left the option, so only the history entry can limit
    // another set at the same visit: it is now over the limit.
    let again = add_bitewings(&mut h, &lines);
    let option = h.state().state.document.plan.options[0].id;
    let estimate = h.state().state.estimates.line(option, again).unwrap();
    assert_eq!(estimate.insurance(), Cents::ZERO);
    assert!(
        estimate.flags.contains(&Flag::FrequencyLimit),
        "{:?}",
        estimate.flags
    );

    // Against that: the planned bitewings deleted instead of completed, another
    // set is paid in full.
    let (mut h, lines) = app();
    select(&mut h, lines[1]);
    h.key_press(Key::Delete);
    h.run();
    let again = add_bitewings(&mut h, &lines);
    assert_eq!(insurance(&h, again), cents("64.00"));
}

/// Adds bitewings to visit 1; returns the new line's id.
fn add_bitewings(h: &mut Harness<'_, FerruleApp>, lines: &[LineId]) -> LineId {
    let option = h.state().state.document.plan.options[0].id;
    h.state_mut().push(Command::Edit(Edit::AddLines {
        option,
        visit: VisitId(1),
        lines: vec![PlannedLine::new(code("D0274"), None)],
    }));
    h.run();
    line_ids(h)
        .into_iter()
        .find(|id| !lines.contains(id))
        .unwrap()
}

#[test]
fn a_line_without_amounts_cannot_be_completed() {
    let (mut h, lines) = app();
    // An unknown plan blocks every amount.
    h.state_mut()
        .push(Command::Edit(Edit::CoveragePlan(0, "no-such-plan".into())));
    h.run();
    select(&mut h, lines[1]);
    let button = h.get_by_label("Mark completed");
    assert!(button.accesskit_node().is_disabled());
    let before = h.state().state.document.plan.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert_eq!(h.state().state.document.plan, before);
    let message = h.state().state.message.clone().unwrap();
    assert!(message.is_error, "{}", message.text);
}

#[test]
fn a_completion_naming_a_payer_that_is_gone_changes_nothing() {
    let (h, lines) = app();
    let mut plan = h.state().state.document.plan.clone();
    let before = plan.clone();
    let edit = Edit::CompleteLine(ferrule::model::Completion {
        line: lines[0],
        entry: HistoryEntry {
            code: code("D0120"),
            date: date("2026-12-09"),
            tooth: None,
            surfaces: None,
            quadrant: None,
            arch: None,
        },
        payers: vec![ferrule::model::PayerUse {
            coverage: 1,
            benefits: cents("55.00"),
            ..Default::default()
        }],
    });
    assert!(plan.apply(&edit).is_err());
    assert_eq!(plan, before, "neither the line nor the history changed");
}
