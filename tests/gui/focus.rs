//! Issue 19 item 7, the keyboard: the widget with the keyboard has a clear ring in
//! both themes, Tab goes down the patient panel in screen order, and Tab from the
//! quick entry goes on to the next thing below it, not back to the menu.

use egui::epaint::Shape;
use egui::{Key, Visuals};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::FerruleApp;
use ferrule::gui::prefs::focus_stroke;

use super::{harness, sample_app};

fn app() -> Harness<'static, FerruleApp> {
    harness(sample_app("buildup-crown-19.ron"))
}

fn tab(h: &mut Harness<'_, FerruleApp>) {
    h.key_press(Key::Tab);
    h.run();
}

/// The rectangle of the focused widget, from the accessibility tree.
fn focused_rect(h: &Harness<'_, FerruleApp>) -> Option<egui::Rect> {
    h.root()
        .children_recursive()
        .find(|n| n.is_focused())
        .map(|n| n.rect())
}

/// Contrast ratio of two colours (WCAG relative luminance).
fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
    let luminance = |c: egui::Color32| {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn the_focus_ring_is_two_pixels_and_stands_out_in_both_themes() {
    for visuals in [Visuals::light(), Visuals::dark()] {
        let ring = focus_stroke(&visuals);
        assert_eq!(ring.width, 2.0);
        // 3:1 is the least a focus indicator needs against what is around it.
        for behind in [visuals.panel_fill, visuals.window_fill] {
            let ratio = contrast(ring.color, behind);
            assert!(ratio >= 3.0, "dark={}: {ratio}", visuals.dark_mode);
        }
    }
}

#[test]
fn the_widget_with_the_keyboard_gets_the_ring() {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let mut h = app();
        h.ctx.set_theme(theme);
        h.run();
        // A button (the panel's fold button), then a text field.
        for label in ["Close the patient panel", "Patient name"] {
            h.get_by_label(label).focus();
            h.run();
            let widget = h.get_by_label(label).rect();
            let ring = focus_stroke(&h.ctx.global_style().visuals);
            let drawn = h
                .output()
                .shapes
                .iter()
                .any(|clipped| match &clipped.shape {
                    Shape::Rect(r) => {
                        r.stroke == ring
                            && r.rect.contains_rect(widget.shrink(0.5))
                            && r.rect.width() < widget.width() + 12.0
                    }
                    _ => false,
                });
            assert!(drawn, "{theme:?}: no ring around {label}");
        }
    }
}

#[test]
fn tab_goes_down_the_patient_panel() {
    let mut h = app();
    h.get_by_label("Patient name").focus();
    h.run();
    assert!(h.get_by_label("Patient name").is_focused());
    tab(&mut h);
    assert!(h.get_by_label("Chart number").is_focused());
    tab(&mut h);
    assert!(focused(&h, "Birth date"));
}

/// True when a widget labelled `label` has the keyboard (a date field and its
/// hint may share the label).
fn focused(h: &Harness<'_, FerruleApp>, label: &str) -> bool {
    h.query_all_by_label(label).any(|n| n.is_focused())
}

#[test]
fn tab_from_the_quick_entry_goes_to_what_is_next_on_screen() {
    let mut h = app();
    h.get_by_label("Quick entry").focus();
    h.run();
    let field = h.get_by_label("Quick entry").rect();
    // Enter keeps the keyboard in the field for the next line.
    h.get_by_label("Quick entry").type_text("0120");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.get_by_label("Quick entry").is_focused());
    tab(&mut h);
    let next = focused_rect(&h).expect("something has the keyboard");
    // Not the menu bar nor the patient panel: the next thing in the centre, on
    // the field's row or below it (the code search).
    assert!(!h.get_by_label("File").is_focused());
    let panel_edge = h.get_by_label("Patient name").rect().right();
    assert!(next.left() > panel_edge, "{next:?}");
    assert!(next.top() >= field.top() - 1.0, "{next:?} vs {field:?}");
}

#[test]
fn tab_reaches_the_centre_before_the_right_panel() {
    // With a line selected the right panel has fields ("Line fee override"): Tab
    // from the quick entry passes the centre's widgets first, then the right
    // panel's, and never goes back to the centre in between.
    let mut h = app();
    h.get_by_label("Line 2: D2740").click();
    h.run();
    h.get_by_label("Quick entry").focus();
    h.run();
    let right_edge = h.get_by_label("Line fee override").rect().left() - 90.0;
    let left_edge = h.get_by_label("Patient name").rect().right();
    let (mut centre, mut right) = (0, 0);
    for _ in 0..300 {
        tab(&mut h);
        if focused(&h, "Line fee override") {
            break;
        }
        // Widgets scrolled out of view have no rectangle.
        let Some(at) = focused_rect(&h).filter(|r| r.is_finite()) else {
            continue;
        };
        if at.left() >= right_edge {
            right += 1;
        } else {
            assert_eq!(right, 0, "Tab came back to the centre ({at:?})");
            let menu = at.top() < 32.0;
            assert!(
                at.left() > left_edge && !menu,
                "Tab left the centre for {at:?} first"
            );
            centre += 1;
        }
    }
    assert!(
        focused(&h, "Line fee override"),
        "Tab never reached the right panel"
    );
    assert!(centre > 10 && right > 0, "{centre} centre, {right} right");
}
