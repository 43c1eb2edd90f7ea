//! Issue 16 item 1: the library's code groups file and the `@group` names in
//! plans: unknown names and bad groups are problems at `path:line:col`, derived
//! plans resolve groups too, and a plan naming groups writes them back as written.

use std::path::{Path, PathBuf};

use ferrule::library::{self, load_code_groups, to_ron};
use ferrule::model::code_group::CodeGroups;
use ferrule::model::{CdtCode, SourceFile};

use super::{TempDir, root, shipped_schedules};

fn plan_file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        path: PathBuf::from(name),
        text: text.to_string(),
    }
}

const PLAN: &str = r#"PlanRules(
    format: 1,
    id: "grouped",
    name: "Grouped",
    carrier: "Test",
    network: InNetwork(contracted: "summit-ppo-2026"),
    coverage: { Preventive: 100 },
    group_coverage: { "fluoride": 80 },
    frequency_limits: [(name: "Fluoride", codes: ["@fluoride"], count: 2, window: BenefitYear, scope: Patient)],
)
"#;

fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

#[test]
fn a_plan_resolves_the_shipped_groups() {
    let library = library::from_sources(&shipped_schedules(), &[plan_file("p.ron", PLAN)]);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let plan = &library.plans["grouped"];
    let limit = &plan.frequency_limits[0];
    assert!(limit.codes.contains(code("D1206")));
    assert!(limit.codes.contains(code("D1208")));
    assert!(!limit.codes.contains(code("D1110")));
    // Written back as written: the group's name, not its codes.
    let text = to_ron(plan).unwrap();
    assert!(text.contains("\"@fluoride\""), "{text}");
    assert!(text.contains("\"fluoride\": 80"), "{text}");
}

#[test]
fn an_unknown_group_is_a_problem_at_its_name() {
    let text = PLAN.replace("[\"@fluoride\"]", "[\"@fluorid\"]");
    let library = library::from_sources(&shipped_schedules(), &[plan_file("p.ron", &text)]);
    let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    // Line 9 of the plan; the quote opening "@fluorid" is at column 51.
    assert!(
        problems[0].starts_with("p.ron:9:51: code group \"fluorid\" is not in the library's assets/code-groups.ron: expected one of "),
        "{}",
        problems[0]
    );
    assert!(library.plans.is_empty());
    // In group_coverage the name is written without "@".
    let text = PLAN.replace("{ \"fluoride\": 80 }", "{ \"fluor\": 80 }");
    let library = library::from_sources(&shipped_schedules(), &[plan_file("p.ron", &text)]);
    assert_eq!(library.problems.len(), 1);
    assert_eq!(
        (library.problems[0].line, library.problems[0].column),
        (8, 23)
    );
    // The same unknown name in two code lists is one problem, at its first use.
    let text = PLAN.replace(
        "    frequency_limits:",
        "    preauthorization: [\"@nothing\"],\n    age_limits: [(codes: [\"@nothing\"], through_age: 18)],\n    frequency_limits:",
    );
    let library = library::from_sources(&shipped_schedules(), &[plan_file("p.ron", &text)]);
    let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("p.ron:9:24: code group \"nothing\""),
        "{}",
        problems[0]
    );
}

#[test]
fn a_derived_plan_names_groups_too() {
    let base = plan_file("base.ron", PLAN);
    let derived = plan_file(
        "derived.ron",
        r#"PlanRules(
    format: 1,
    id: "grouped-kids",
    based_on: "grouped",
    age_limits: [(codes: ["@sealants", "@nothing"], through_age: 15)],
)
"#,
    );
    let library = library::from_sources(&shipped_schedules(), &[base, derived]);
    let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("derived.ron:5:40: code group \"nothing\""),
        "{}",
        problems[0]
    );
}

#[test]
fn bad_groups_files_are_reported() {
    let path = Path::new("code-groups.ron");
    let nested = r#"CodeGroupsFile(
    format: 1,
    groups: {
        "a": (name: "A", codes: ["D1110"]),
        "b": (name: "B", codes: ["D1206", "@a"]),
        "c": (name: "C", codes: []),
    },
)
"#;
    let (groups, problems): (CodeGroups, _) = load_code_groups(path, nested);
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        vec![
            "code-groups.ron:5:43: code group \"b\" names the group \"@a\": expected codes and ranges only (groups do not nest)".to_string(),
            "code-groups.ron:6:26: code group \"c\" lists no codes: expected at least one".to_string(),
        ]
    );
    assert_eq!(groups.keys().collect::<Vec<_>>(), vec!["a"]);
    let twice = nested.replace("\"b\":", "\"a\":");
    let (_, problems) = load_code_groups(path, &twice);
    assert!(
        problems[0]
            .message
            .contains("a is listed twice: expected each code group once"),
        "{problems:?}"
    );
}

/// A library folder's own groups file replaces the shipped groups; without the
/// file the shipped ones apply.
#[test]
fn a_library_folder_uses_its_own_groups() {
    let dir = TempDir::new("code-groups");
    for sub in ["plans", "fee-schedules", "assets"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    for rel in super::ron_files("fee-schedules") {
        std::fs::copy(root().join(&rel), dir.path().join(&rel)).unwrap();
    }
    std::fs::write(dir.path().join("plans/p.ron"), PLAN).unwrap();
    let library = library::load_dir(dir.path());
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    std::fs::write(
        dir.path().join("assets/code-groups.ron"),
        r#"CodeGroupsFile(format: 1, groups: { "fluoride": (name: "Varnish only", codes: ["D1206"]) })"#,
    )
    .unwrap();
    let library = library::load_dir(dir.path());
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let limit = &library.plans["grouped"].frequency_limits[0];
    assert!(limit.codes.contains(code("D1206")));
    assert!(!limit.codes.contains(code("D1208")));
}

/// Issue 16 items 2 and 3: the checks of separate deductibles, class maximums'
/// codes and family amounts, and the rollover bank, each at its row.
#[test]
fn separate_rows_are_checked() {
    let text = r#"PlanRules(
    format: 1,
    id: "rows",
    name: "Rows",
    carrier: "Test",
    network: InNetwork(contracted: "summit-ppo-2026"),
    deductible: (separate: [
        (id: "major", name: "Major", classes: [MajorRestorative], individual: "100.00", family: "50.00"),
        (id: "major", name: "Nothing", individual: "10.00"),
    ]),
    maximum: (
        class_maximums: [
            (id: "ortho", name: "Ortho", classes: [Orthodontics], amount: "1500.00", period: Lifetime, family_amount: "1000.00"),
            (id: "none", name: "None", classes: [], amount: "10.00", period: Lifetime),
        ],
        rollover: (threshold: "700.00", amount: "500.00", cap: "400.00"),
    ),
    coverage: { MajorRestorative: 50 },
)
"#;
    let library = library::from_sources(&shipped_schedules(), &[plan_file("rows.ron", text)]);
    let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    // Each at its row: line 8 column 14 is the first "major", line 9 column 14
    // the second; line 13 column 104 the ortho row's family_amount; line 14
    // column 18 the "none" id; line 16 the rollover record and its cap.
    assert_eq!(
        problems,
        vec![
            "rows.ron:8:14: separate deductible \"major\": family 50.00 is less than the individual 100.00: expected at least the individual amount",
            "rows.ron:9:14: separate deductible id \"major\" is used twice: expected unique ids",
            "rows.ron:9:14: separate deductible \"major\" names no classes or codes: expected at least one",
            "rows.ron:13:104: class maximum \"ortho\": family amount 1,000.00 is less than the amount 1,500.00: expected at least the amount per person",
            "rows.ron:14:18: class maximum \"none\" names no classes or codes: expected at least one",
            "rows.ron:16:9: a rollover bank without an annual maximum: expected `annual` (the bank is drawn once it is used up)",
            "rows.ron:16:59: rollover cap 400.00 is less than the yearly credit 500.00: expected at least the credit",
        ]
    );
    assert!(library.plans.is_empty());
}
