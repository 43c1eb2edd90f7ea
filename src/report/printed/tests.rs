//! The printed estimate's own words and parts: masked member ids, stable
//! estimate numbers, the practice header without blank settings, the facts, the
//! remaining-benefits columns the patient sees. Whole estimates are checked by
//! the golden files and `tests/print.rs`.

use chrono::NaiveDate;

use super::words::{self, estimate_id, mask_member_id};
use crate::model::treatment_plan::{Relationship, Verification};
use crate::model::{OptionId, PracticeSettings};
use crate::money::Cents;
use crate::report::remaining::{ClassMaximumLeft, RemainingBenefits, RemainingRow};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn member_ids_are_masked() {
    assert_eq!(mask_member_id("SDB448120937"), "••••0937");
    assert_eq!(mask_member_id("12345"), "••••2345");
    assert_eq!(mask_member_id("1234"), "••••");
    assert_eq!(words::member_id(" SDB448120937 "), "Member ID ••••0937");
}

#[test]
fn estimate_ids_are_stable() {
    let d = day(2026, 11, 23);
    let id = |option: u32, name: &str| estimate_id("Marisol Vega", OptionId(option), name, d);
    let a = id(1, "Porcelain crown");
    assert_eq!(a, id(1, "Porcelain crown"));
    assert_ne!(a, id(2, "Gold crown"));
    // Two options with the same name print different estimate numbers.
    assert_ne!(a, id(2, "Porcelain crown"));
    assert!(a.starts_with("EST-20261123-") && a.len() == 19, "{a}");
}

#[test]
fn subscribers_and_verification_in_words() {
    assert_eq!(words::subscriber("Casey", Relationship::Subscriber), None);
    assert_eq!(
        words::subscriber("Casey Ellison", Relationship::Spouse).as_deref(),
        Some("Subscriber Casey Ellison (spouse)")
    );
    let v = Verification {
        on: day(2026, 11, 24),
        source: " portal ".into(),
    };
    assert_eq!(
        words::verified(&v),
        "Benefits verified on Nov 24, 2026 by portal"
    );
}

#[test]
fn the_practice_header_leaves_blank_settings_out() {
    let practice = PracticeSettings {
        name: "Bright Smiles Dental".into(),
        address_lines: vec!["12 Elm Street".into(), "  ".into()],
        phone: " (555) 010-2030 ".into(),
        tax_id: Some(" ".into()),
        npi: Some("1234567893".into()),
        ..PracticeSettings::default()
    };
    let header = super::build::practice_header(&practice);
    assert_eq!(
        header.lines,
        ["12 Elm Street", "Phone (555) 010-2030", "NPI 1234567893"]
    );
    let both = words::practice_ids(Some("12-3456789"), Some("1234567893"));
    assert_eq!(
        both.as_deref(),
        Some("Tax ID 12-3456789   ·   NPI 1234567893")
    );
}

#[test]
fn valid_until_is_the_prepared_day_plus_the_validity() {
    let practice = PracticeSettings {
        validity_days: 90,
        ..PracticeSettings::default()
    };
    let facts = super::build::facts(&practice, "EST-1", day(2026, 11, 23));
    let shown: Vec<(&str, &str, bool)> = facts
        .iter()
        .map(|f| (f.label.as_str(), f.value.as_str(), f.strong))
        .collect();
    assert_eq!(
        shown,
        [
            ("Estimate no.", "EST-1", false),
            ("Prepared", "Nov 23, 2026", false),
            ("Valid until", "Feb 21, 2027", true),
        ]
    );
}

#[test]
fn remaining_benefits_print_without_the_deductible_before() {
    let c = |t: &str| Cents::parse(t).unwrap();
    let row = |plan: &str, maximum: Option<Cents>, deductible: Cents| RemainingRow {
        plan: plan.into(),
        plan_name: format!("{plan} plan"),
        year_start: day(2026, 1, 1),
        year_end: day(2026, 12, 31),
        maximum_before: maximum,
        maximum_after: maximum,
        deductible_before: c("50"),
        deductible_after: deductible,
        class_maximums: Vec::new(),
    };
    let mut ortho = row("summit", Some(c("1200")), Cents::ZERO);
    ortho.maximum_after = Some(c("710.5"));
    ortho.class_maximums.push(ClassMaximumLeft {
        name: "Orthodontics".into(),
        before: c("1500"),
        after: c("900"),
    });
    let remaining = RemainingBenefits {
        // The second has nothing left to report and is left out.
        rows: vec![ortho, row("medicaid", None, Cents::ZERO)],
    };
    let table = super::build::benefits(&remaining, crate::model::Language::English);
    let titles: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Plan",
            "Benefit year",
            "Maximum left now",
            "Maximum left after",
            "Deductible left after"
        ]
    );
    let strong: Vec<bool> = table.columns.iter().map(|c| c.strong).collect();
    assert_eq!(strong, [false, false, false, true, false]);
    let cells: Vec<(Vec<&str>, bool)> = table
        .rows
        .iter()
        .map(|r| {
            (
                r.cells.iter().map(String::as_str).collect(),
                r.separate_maximum,
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            (
                vec![
                    "summit plan",
                    "Jan 1, 2026 – Dec 31, 2026",
                    "1,200.00",
                    "710.50",
                    "0.00"
                ],
                false
            ),
            (vec!["Orthodontics", "", "1,500.00", "900.00", ""], true),
        ]
    );
}
