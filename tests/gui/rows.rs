//! Issue 19 item 1, the table's rows: a click anywhere on a row selects its line,
//! Up/Down move the selection in screen order (across visits), Delete or Backspace
//! removes the selected line as one undo step (Ctrl+Z brings it back with its id),
//! and hovering a row moves nothing.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::FerruleApp;
use ferrule::gui::command::Command;
use ferrule::gui::panels::keyboard::shortcut_rows;
use ferrule::model::LineId;

use super::{harness, sample_app};

/// family-checkup.ron: visit 1 has D0120, D0274, D1110; visit 2 D2391 #30 and
/// D2392 #19; visit 3 D4341 UR and D4342 LL. Line ids follow that order (1..=7).
fn app() -> Harness<'static, FerruleApp> {
    harness(sample_app("family-checkup.ron"))
}

fn ids(h: &Harness<'_, FerruleApp>) -> Vec<LineId> {
    h.state().state.document.plan.options[0]
        .visits
        .iter()
        .flat_map(|v| v.lines.iter().map(|l| l.id))
        .collect()
}

fn selected(h: &Harness<'_, FerruleApp>) -> Option<LineId> {
    h.state().state.selected_line
}

fn press(h: &mut Harness<'_, FerruleApp>, key: Key) {
    h.key_press(key);
    h.run();
}

/// A plain label on the row of `row_label` showing exactly `text`.
fn click_cell(h: &mut Harness<'_, FerruleApp>, row_label: &str, text: &str) {
    let row = h.get_by_label(row_label).rect();
    let cell = h
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Label)
        .filter(|n| (n.rect().center().y - row.center().y).abs() < 2.0)
        .find(|n| n.accesskit_node().value().as_deref() == Some(text))
        .map(|n| n.rect().center());
    let Some(at) = cell else {
        panic!("no cell {text} on {row_label}");
    };
    h.hover_at(at);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

#[test]
fn a_click_on_any_cell_of_a_row_selects_its_line() {
    let mut h = app();
    let lines = ids(&h);
    assert_eq!(selected(&h), None);
    // Any cell will do: here the second filling's description.
    let description = h
        .state()
        .state
        .library
        .catalogue
        .get(ferrule::model::CdtCode::parse("D2392").unwrap())
        .unwrap()
        .name
        .clone();
    click_cell(&mut h, "Line 5: D2392", &description);
    assert_eq!(selected(&h), Some(lines[4]));
    // The tooth cell of the first line.
    click_cell(&mut h, "Line 4: D2391", "30");
    assert_eq!(selected(&h), Some(lines[3]));
}

#[test]
fn arrows_move_the_selection_down_and_up_across_visits() {
    let mut h = app();
    let lines = ids(&h);
    // Nothing selected: Down takes the first line.
    press(&mut h, Key::ArrowDown);
    assert_eq!(selected(&h), Some(lines[0]));
    for (k, line) in lines.iter().enumerate().skip(1) {
        press(&mut h, Key::ArrowDown);
        assert_eq!(selected(&h), Some(*line), "down to line {}", k + 1);
    }
    // The last line stays selected at the bottom.
    press(&mut h, Key::ArrowDown);
    assert_eq!(selected(&h), Some(lines[6]));
    // Up crosses from visit 3 back into visit 2.
    press(&mut h, Key::ArrowUp);
    press(&mut h, Key::ArrowUp);
    assert_eq!(selected(&h), Some(lines[4]));
}

#[test]
fn arrows_in_a_text_field_move_the_cursor_not_the_selection() {
    let mut h = app();
    let lines = ids(&h);
    h.state_mut().push(Command::SelectLine(Some(lines[1])));
    h.run();
    h.get_by_label("Patient name").focus();
    h.run();
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Backspace);
    assert_eq!(selected(&h), Some(lines[1]));
    assert_eq!(ids(&h).len(), 7, "Backspace in a field deletes no line");
}

#[test]
fn delete_removes_the_selected_line_and_undo_brings_it_back_with_its_id() {
    let mut h = app();
    let lines = ids(&h);
    h.state_mut().push(Command::SelectLine(Some(lines[3])));
    h.run();
    press(&mut h, Key::Delete);
    let after: Vec<LineId> = ids(&h);
    assert_eq!(after.len(), 6);
    assert!(!after.contains(&lines[3]));
    // The selection moves to the next line (the other filling).
    assert_eq!(selected(&h), Some(lines[4]));
    // Backspace deletes too; at the end the line above is selected.
    h.state_mut().push(Command::SelectLine(Some(lines[6])));
    h.run();
    press(&mut h, Key::Backspace);
    assert_eq!(ids(&h).len(), 5);
    assert_eq!(selected(&h), Some(lines[5]));
    // Two undo steps, one per deletion; the lines come back with their ids.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(ids(&h), lines);
}

#[test]
fn hovering_a_row_moves_nothing() {
    let mut h = app();
    let rects = |h: &Harness<'_, FerruleApp>| {
        (1..=7)
            .map(|n| {
                let code = [
                    "D0120", "D0274", "D1110", "D2391", "D2392", "D4341", "D4342",
                ];
                h.get_by_label(&format!("Line {n}: {}", code[n - 1])).rect()
            })
            .collect::<Vec<_>>()
    };
    let before = rects(&h);
    for n in [1, 4, 7] {
        h.hover_at(before[n - 1].center() + egui::vec2(120.0, 0.0));
        h.run();
        assert_eq!(rects(&h), before, "hovering row {n}");
    }
}

#[test]
fn the_keyboard_window_lists_the_line_keys() {
    let mut h = app();
    h.run();
    let rows = shortcut_rows(&h.ctx);
    let find = |label: &str| {
        rows.iter()
            .find(|(l, _)| *l == label)
            .map(|(_, k)| k.clone())
    };
    assert!(find("Select the next line").is_some());
    assert!(find("Select the line above").is_some());
    let delete = find("Delete the selected line").unwrap_or_default();
    assert!(
        delete.contains("Del") && delete.contains("Backspace"),
        "{delete}"
    );
    assert!(find("Mark the selected line completed").is_some());
}

#[test]
fn the_arrows_bring_the_selected_row_into_view() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 520.0))
        .build_ui_state(
            |ui, app: &mut FerruleApp| app.ui(ui),
            sample_app("family-checkup.ron"),
        );
    h.run();
    let bottom = |h: &Harness<'_, FerruleApp>| {
        h.query_by_label("Line 7: D4342")
            .map_or(f32::INFINITY, |n| n.rect().bottom())
    };
    assert!(
        bottom(&h) > 520.0,
        "the last line starts out of view: {}",
        bottom(&h)
    );
    for _ in 0..7 {
        press(&mut h, Key::ArrowDown);
    }
    h.run();
    assert_eq!(selected(&h), ids(&h).last().copied());
    assert!(bottom(&h) <= 500.0, "the last line ends at {}", bottom(&h));
}
