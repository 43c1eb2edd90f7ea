//! Issue 13 item 3, derived plans merge the records `deductible`, `maximum` and
//! `settings` field by field: a field the derived file writes replaces the base's,
//! every field it leaves out is inherited (through a chain too), a written
//! `None` drops the base's value, and the resolved record is checked as a whole.

use std::path::PathBuf;

use ferrule::library;
use ferrule::model::plan::DateOfServiceBasis;
use ferrule::model::{Library, ProcedureClass, SourceFile};
use ferrule::money::Cents;

use super::{shipped_schedules, source};

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        path: PathBuf::from(format!("plans/{name}.ron")),
        text: text.to_string(),
    }
}

/// The shipped Summit PPO 1500 ($50 deductible, $150 family, diagnostic and
/// preventive waived, $1,500 maximum, default settings) plus `files`.
fn load(files: Vec<SourceFile>) -> Library {
    let mut plans = vec![source("plans/summit-ppo-1500.ron")];
    plans.extend(files);
    library::from_sources(&shipped_schedules(), &plans)
}

fn problems(library: &Library) -> Vec<String> {
    library.problems.iter().map(ToString::to_string).collect()
}

fn dollars(n: i64) -> Cents {
    Cents::from_dollars(n)
}

#[test]
fn a_record_field_written_overrides_only_that_field() {
    let text = r#"PlanRules(format: 1, id: "one-field", based_on: "summit-ppo-1500", deductible: (individual: "75.00"))"#;
    let library = load(vec![file("one-field", text)]);
    assert_eq!(problems(&library), Vec::<String>::new());
    let plan = &library.plans["one-field"];
    // Written: $75 per person. Inherited from the base: the $150 family cap and
    // the waived classes (not the record's defaults, which have no family cap).
    assert_eq!(plan.deductible.individual, dollars(75));
    assert_eq!(plan.deductible.family, Some(dollars(150)));
    assert_eq!(
        plan.deductible.waived_classes,
        vec![ProcedureClass::Diagnostic, ProcedureClass::Preventive]
    );
    let d = &library.derivations["one-field"];
    assert!(!d.is_inherited("deductible"), "the record is written");
    assert!(!d.is_inherited("deductible.individual"));
    for field in [
        "deductible.family",
        "deductible.waived_classes",
        "maximum",
        "maximum.annual",
    ] {
        assert!(d.is_inherited(field), "{field} is inherited");
    }
}

#[test]
fn a_written_none_drops_the_base_value_and_the_rest_is_still_inherited() {
    let text = r#"PlanRules(format: 1, id: "no-family", based_on: "summit-ppo-1500",
        deductible: (family: None),
        maximum: (annual: None, family_annual: "3000.00"),
    )"#;
    let library = load(vec![file("no-family", text)]);
    assert_eq!(problems(&library), Vec::<String>::new());
    let plan = &library.plans["no-family"];
    assert_eq!(plan.deductible.family, None);
    assert_eq!(plan.deductible.individual, dollars(50), "inherited");
    assert_eq!(plan.maximum.annual, None, "no annual maximum");
    assert_eq!(plan.maximum.family_annual, Some(dollars(3000)));
    assert_eq!(
        plan.maximum.exempt_classes,
        vec![ProcedureClass::Orthodontics],
        "inherited"
    );
}

#[test]
fn a_chain_of_two_merges_each_record_field_from_the_nearest_plan_that_writes_it() {
    // B (on the PPO 1500) writes the family deductible and a switch; C (on B)
    // writes the individual deductible, another switch and the family maximum.
    let b = r#"PlanRules(format: 1, id: "rec-b", based_on: "summit-ppo-1500",
        deductible: (family: "200.00"),
        settings: (date_of_service: Start),
    )"#;
    let c = r#"PlanRules(format: 1, id: "rec-c", based_on: "rec-b",
        deductible: (individual: "80.00"),
        maximum: (family_annual: "4000.00"),
        settings: (write_off_after_maximum: false),
    )"#;
    // C's file comes first: the order of files does not matter.
    let library = load(vec![file("a-rec-c", c), file("b-rec-b", b)]);
    assert_eq!(problems(&library), Vec::<String>::new());
    let plan = &library.plans["rec-c"];
    assert_eq!(plan.deductible.individual, dollars(80), "from C");
    assert_eq!(plan.deductible.family, Some(dollars(200)), "from B");
    assert_eq!(
        plan.deductible.waived_classes,
        vec![ProcedureClass::Diagnostic, ProcedureClass::Preventive],
        "from the root"
    );
    assert_eq!(plan.maximum.annual, Some(dollars(1500)), "from the root");
    assert_eq!(plan.maximum.family_annual, Some(dollars(4000)), "from C");
    assert_eq!(
        plan.settings.date_of_service,
        DateOfServiceBasis::Start,
        "from B"
    );
    assert!(!plan.settings.write_off_after_maximum, "from C");
    assert!(plan.settings.coordinates_benefits, "the root's default");
    // B keeps its own individual deductible (the root's $50).
    assert_eq!(library.plans["rec-b"].deductible.individual, dollars(50));
    let d = &library.derivations["rec-c"];
    assert!(!d.is_inherited("deductible.individual"));
    assert!(d.is_inherited("deductible.family"), "C inherits it from B");
    assert!(d.is_inherited("settings.date_of_service"));
    assert!(!d.is_inherited("settings.write_off_after_maximum"));
}

#[test]
fn a_merged_record_is_checked_with_the_inherited_fields() {
    // The family cap written ($40) is below the inherited $50 per person.
    let text = "PlanRules(\n    format: 1,\n    id: \"low-family\",\n    based_on: \"summit-ppo-1500\",\n    deductible: (family: \"40.00\"),\n)\n";
    let library = load(vec![file("low-family", text)]);
    assert_eq!(
        problems(&library),
        vec![
            "plans/low-family.ron:5:18: family deductible 40.00 is less than the individual deductible 50.00: expected at least the individual amount"
                .to_string()
        ]
    );
    // Near miss: $50, the same as the inherited individual amount, loads.
    let text = text.replace("40.00", "50.00");
    let library = load(vec![file("low-family", &text)]);
    assert_eq!(problems(&library), Vec::<String>::new());
}

#[test]
fn check_resolved_prints_the_merged_record() {
    let dir = super::TempDir::new("merged-records");
    library::seed_library(dir.path()).unwrap();
    let text = r#"PlanRules(format: 1, id: "merged", based_on: "summit-ppo-1500", deductible: (individual: "75.00"))"#;
    std::fs::write(dir.path().join("plans/merged.ron"), text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .args(["check", "--resolved", "merged", "--library"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let printed = library::from_sources(&shipped_schedules(), &[file("printed", &stdout)]);
    assert_eq!(problems(&printed), Vec::<String>::new());
    let plan = &printed.plans["merged"];
    assert_eq!(plan.deductible.individual, dollars(75));
    assert_eq!(plan.deductible.family, Some(dollars(150)), "the base's");
}
