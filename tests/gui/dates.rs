//! Dates as people type them: a date field takes MM/DD/YYYY as well as
//! YYYY-MM-DD, a date that does not read shows its reason beside the field (and
//! changes nothing) until the field holds a valid date, and the practice setting
//! chooses how the fields show dates.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ferrule::gui::FerruleApp;
use ferrule::gui::print::Practice;
use ferrule::model::{DateStyle, PracticeSettings};

use super::{harness, sample_app, shows};

/// Replaces the text of the field labelled `label` and presses Enter.
fn type_and_enter(h: &mut Harness<'static, FerruleApp>, label: &str, text: &str) {
    h.get_by_role_and_label(TEXT, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(TEXT, label).type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

fn field_text(h: &Harness<'static, FerruleApp>, label: &str) -> String {
    h.get_by_role_and_label(TEXT, label)
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

fn birth_date(h: &Harness<'static, FerruleApp>) -> NaiveDate {
    h.state().state.document.plan.patient.birth_date.unwrap()
}

const TEXT: Role = Role::TextInput;

const NOT_ON_CALENDAR: &str = "\"13/45/1978\" is not on the calendar: month 1-12, then the day";

#[test]
fn a_us_birth_date_is_read_and_a_wrong_one_is_explained_beside_the_field() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    let before = birth_date(&h);
    assert_ne!(before, NaiveDate::from_ymd_opt(1978, 3, 14).unwrap());

    type_and_enter(&mut h, "Birth date", "03/14/1978");
    assert_eq!(
        birth_date(&h),
        NaiveDate::from_ymd_opt(1978, 3, 14).unwrap()
    );
    // Shown back the practice's way (month first by default).
    assert_eq!(field_text(&h, "Birth date"), "03/14/1978");
    assert!(h.state().state.document.is_modified());

    type_and_enter(&mut h, "Birth date", "13/45/1978");
    assert_eq!(
        birth_date(&h),
        NaiveDate::from_ymd_opt(1978, 3, 14).unwrap()
    );
    assert!(
        shows(&h, NOT_ON_CALENDAR),
        "the reason shows beside the field"
    );
    // The typing stays, so it can be corrected.
    assert_eq!(field_text(&h, "Birth date"), "13/45/1978");

    // The reason goes as soon as the field holds a valid date, before Enter.
    h.get_by_role_and_label(TEXT, "Birth date").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(TEXT, "Birth date")
        .type_text("12/05/1978");
    h.run();
    assert!(!shows(&h, NOT_ON_CALENDAR));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        birth_date(&h),
        NaiveDate::from_ymd_opt(1978, 12, 5).unwrap()
    );
    assert!(!shows(&h, NOT_ON_CALENDAR));
}

#[test]
fn a_two_digit_year_is_refused_and_escape_puts_the_date_back() {
    let mut h = harness(sample_app("buildup-crown-19.ron"));
    let before = birth_date(&h);
    let shown = field_text(&h, "Birth date");
    type_and_enter(&mut h, "Birth date", "3/14/78");
    assert_eq!(birth_date(&h), before);
    assert!(shows(
        &h,
        "\"3/14/78\": type the year with all four digits (MM/DD/YYYY or YYYY-MM-DD)"
    ));

    h.get_by_role_and_label(TEXT, "Birth date").focus();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(field_text(&h, "Birth date"), shown);
    assert!(!shows(
        &h,
        "\"3/14/78\": type the year with all four digits (MM/DD/YYYY or YYYY-MM-DD)"
    ));
}

#[test]
fn the_us_setting_shows_dates_month_first() {
    let mut app = sample_app("buildup-crown-19.ron");
    let settings = PracticeSettings {
        date_style: DateStyle::Us,
        ..PracticeSettings::default()
    };
    app.set_practice(Practice::with_settings(settings, None));
    let mut h = harness(app);
    let birth = birth_date(&h);
    assert_eq!(
        field_text(&h, "Birth date"),
        birth.format("%m/%d/%Y").to_string()
    );
    // ISO still reads.
    type_and_enter(&mut h, "Birth date", "1981-05-14");
    assert_eq!(
        birth_date(&h),
        NaiveDate::from_ymd_opt(1981, 5, 14).unwrap()
    );
    assert_eq!(field_text(&h, "Birth date"), "05/14/1981");
}

#[test]
fn choosing_us_dates_in_the_practice_window_saves_and_shows_them() {
    let dir = std::env::temp_dir().join(format!("ferrule-gui-dates-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let path = dir.join("practice.ron");
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_practice(Practice::load_from(path.clone()));
    let mut h = harness(app);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Practice settings…").click();
    h.run();
    h.get_by_label("03/14/2026").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let saved = ferrule::library::practice::load(&path).unwrap();
    assert_eq!(saved.date_style, DateStyle::Us);
    let birth = birth_date(&h);
    assert_eq!(
        field_text(&h, "Birth date"),
        birth.format("%m/%d/%Y").to_string()
    );
    std::fs::remove_dir_all(&dir).ok();
}
