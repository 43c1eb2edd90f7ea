//! Quick entry: typed lines go into the visit with Enter, the focus stays in the
//! field, a refusal adds nothing, and one undo takes back a whole entry.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::FerruleApp;
use ferrule::model::{CdtCode, PlannedLine, Tooth};

use super::{harness, sample_app, shows};

fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

fn prep_visit(h: &Harness<'_, FerruleApp>) -> Vec<PlannedLine> {
    h.state().state.document.plan.options[0].visits[0]
        .lines
        .clone()
}

fn summary(lines: &[PlannedLine]) -> Vec<(String, Option<Tooth>)> {
    lines
        .iter()
        .map(|l| (l.code.to_string(), l.tooth))
        .collect()
}

fn field_text(h: &Harness<'_, FerruleApp>) -> String {
    h.get_by_label("Quick entry")
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

fn enter(h: &mut Harness<'_, FerruleApp>, text: &str) {
    h.get_by_label("Quick entry").type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn typed_lines_go_into_the_visit_and_the_focus_stays_for_the_next() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    let before = prep_visit(&h);
    assert_eq!(before.len(), 2);
    h.get_by_label("Quick entry").focus();
    h.run();
    enter(&mut h, "2950 19, 2740 19");

    let lines = prep_visit(&h);
    let t19 = Some(Tooth::Permanent(19));
    assert_eq!(
        summary(&lines[2..]),
        vec![("D2950".to_string(), t19), ("D2740".to_string(), t19)]
    );
    assert!(h.get_by_label("Quick entry").is_focused(), "focus stays");
    assert_eq!(field_text(&h), "");

    // Straight on with the next entry: no click.
    enter(&mut h, "1110");
    let lines = prep_visit(&h);
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[4].code, code("D1110"));
    assert_eq!(lines[4].tooth, None);
    assert!(h.get_by_label("Quick entry").is_focused());

    // One undo takes back the last entry, the next the two lines before it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(prep_visit(&h).len(), 4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(prep_visit(&h), before);
    assert!(
        h.get_by_label("Quick entry").is_focused(),
        "undo keeps the focus"
    );
}

#[test]
fn an_entry_that_cannot_be_read_shows_why_and_adds_nothing() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    let before = h.state().state.document.plan.clone();
    h.get_by_label("Quick entry").focus();
    h.run();
    enter(&mut h, "1110, 2740");

    assert_eq!(h.state().state.document.plan, before);
    assert!(shows(&h, "D2740 needs a tooth, such as 2740 19"));
    // The text stays to be fixed; the focus stays too.
    assert_eq!(field_text(&h), "1110, 2740");
    assert!(h.get_by_label("Quick entry").is_focused());
    // With text in the field, Ctrl+Z is the field's own: the plan is untouched.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.document.plan, before);
    h.get_by_label("Quick entry").focus();
    h.run();
    let text = field_text(&h);
    h.get_by_label("Quick entry")
        .type_text(&"1110, 2740"[text.len()..]);
    h.run();
    assert_eq!(field_text(&h), "1110, 2740");

    // Fixing it clears the message and adds both lines.
    enter(&mut h, " 30");
    assert!(!shows(&h, "D2740 needs a tooth, such as 2740 19"));
    let lines = prep_visit(&h);
    assert_eq!(
        summary(&lines[2..]),
        vec![
            ("D1110".to_string(), None),
            ("D2740".to_string(), Some(Tooth::Permanent(30)))
        ]
    );
}

#[test]
fn a_preset_key_adds_the_whole_visit_and_the_menu_fills_the_key() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    let before = prep_visit(&h).len();
    h.get_by_label("Quick entry").focus();
    h.run();
    // The built-in "crown" preset: "crown 19" is the office's usual crown.
    enter(&mut h, "crown 19");
    assert_eq!(
        summary(&prep_visit(&h)[before..]),
        vec![("D2740".to_string(), Some(Tooth::Permanent(19)))]
    );
    let before = before + 1;
    // The built-in "rctmolar" preset: root canal, buildup and crown on the tooth typed.
    enter(&mut h, "rctmolar 30");
    let t30 = Some(Tooth::Permanent(30));
    assert_eq!(
        summary(&prep_visit(&h)[before..]),
        vec![
            ("D3330".to_string(), t30),
            ("D2950".to_string(), t30),
            ("D2740".to_string(), t30),
        ]
    );

    // A preset that needs a tooth, picked from the menu, waits for the tooth.
    h.get_by_label("Presets").click();
    h.run();
    h.get_by_label("Buildup and porcelain crown  (crownbu)")
        .click();
    h.run();
    assert_eq!(field_text(&h), "crownbu ");
    assert!(h.get_by_label("Quick entry").is_focused());
    enter(&mut h, "3");
    assert_eq!(
        prep_visit(&h).len(),
        before + 5,
        "three, then two more lines"
    );

    // One without a tooth is added at once.
    h.get_by_label("Presets").click();
    h.run();
    h.get_by_label("New patient: exam, x-rays, cleaning  (newpt)")
        .click();
    h.run();
    let added = summary(&prep_visit(&h)[before + 5..]);
    let codes: Vec<&str> = added.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["D0150", "D0210", "D1110"]);
}
