//! Derived plans (`based_on`): what a derived file overrides and inherits, chains
//! in any file order, circles and missing bases reported at `based_on`, the
//! resolved plan checked like a whole one, the shipped derived plan equal to the
//! whole file it replaced, and `ferrule check --resolved`.

use std::path::PathBuf;

use ferrule::library;
use ferrule::model::{CdtCode, Library, ProcedureClass, SourceFile};
use ferrule::money::{Cents, Percent};

use super::{root, shipped_schedules, source};
use crate::util::ferrule;

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        path: PathBuf::from(format!("plans/{name}.ron")),
        text: text.to_string(),
    }
}

/// The shipped Summit PPO 1500 plus `files`, loaded with the shipped schedules.
fn load(files: &[SourceFile]) -> Library {
    let mut plans = vec![source("plans/summit-ppo-1500.ron")];
    plans.extend(files.iter().map(|f| SourceFile {
        path: f.path.clone(),
        text: f.text.clone(),
    }));
    library::from_sources(&shipped_schedules(), &plans)
}

fn problems(library: &Library) -> Vec<String> {
    library.problems.iter().map(ToString::to_string).collect()
}

fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

const GROUP_B: &str = r#"PlanRules(
    format: 1,
    id: "summit-group-b",
    based_on: "summit-ppo-1500",
    name: "Summit PPO, group B",
    maximum: (annual: "2500.00"),
    coverage: { BasicRestorative: 90, Implants: None },
    code_coverage: { "D4910": 100 },
    frequency_limits: [
        (name: "Exams", codes: ["D0120"], count: 3, window: BenefitYear, scope: Patient),
    ],
)
"#;

#[test]
fn a_derived_plan_overrides_what_it_writes_and_inherits_the_rest() {
    let library = load(&[file("summit-group-b", GROUP_B)]);
    assert_eq!(problems(&library), Vec::<String>::new());
    let base = &library.plans["summit-ppo-1500"];
    let plan = &library.plans["summit-group-b"];

    // Written: replaced. A record merges field by field: the fields it leaves
    // out are the base's (no family maximum, orthodontics exempt).
    assert_eq!(plan.name, "Summit PPO, group B");
    assert_eq!(plan.maximum.annual, Some(Cents::from_dollars(2500)));
    assert_eq!(plan.maximum.family_annual, None);
    assert_eq!(
        plan.maximum.exempt_classes,
        vec![ProcedureClass::Orthodontics]
    );
    // A list written is the whole list.
    assert_eq!(plan.frequency_limits.len(), 1);
    assert_eq!(plan.frequency_limits[0].count, 3);
    // Coverage merges class by class: one changed, one removed, the rest kept.
    let pct = |n| Percent::whole(n).unwrap();
    assert_eq!(plan.coverage[&ProcedureClass::BasicRestorative], pct(90));
    assert!(!plan.coverage.contains_key(&ProcedureClass::Implants));
    assert_eq!(plan.coverage[&ProcedureClass::Diagnostic], pct(100));
    assert_eq!(plan.coverage[&ProcedureClass::MajorRestorative], pct(50));
    assert_eq!(plan.coverage.len(), base.coverage.len() - 1);
    assert_eq!(plan.code_coverage[&code("D4910")], pct(100));

    // Not written: inherited whole.
    assert_eq!(plan.carrier, base.carrier);
    assert_eq!(plan.network, base.network);
    assert_eq!(plan.deductible, base.deductible);
    assert_eq!(plan.bundling, base.bundling);
    assert_eq!(plan.alternate_benefits, base.alternate_benefits);
    assert_eq!(plan.age_limits, base.age_limits);

    // The record an editor greys inherited values from.
    let d = &library.derivations["summit-group-b"];
    assert_eq!(d.based_on, "summit-ppo-1500");
    assert_eq!(d.chain, vec!["summit-ppo-1500".to_string()]);
    for field in [
        "name",
        "maximum",
        "coverage",
        "code_coverage",
        "frequency_limits",
    ] {
        assert!(!d.is_inherited(field), "{field} is written");
    }
    for field in [
        "carrier",
        "network",
        "deductible",
        "bundling",
        "age_limits",
        "cob",
    ] {
        assert!(d.is_inherited(field), "{field} is inherited");
    }
    assert!(!d.class_inherited(ProcedureClass::BasicRestorative));
    assert!(!d.class_inherited(ProcedureClass::Implants));
    assert!(d.class_inherited(ProcedureClass::Diagnostic));
    assert!(!d.code_inherited(code("D4910")));
    assert!(!library.derivations.contains_key("summit-ppo-1500"));
    assert_eq!(
        library.plan_source("summit-group-b"),
        Some(std::path::Path::new("plans/summit-group-b.ron"))
    );
}

#[test]
fn a_chain_resolves_whatever_the_order_of_its_files() {
    let c = r#"PlanRules(format: 1, id: "chain-c", based_on: "chain-b", name: "C")"#;
    let b = r#"PlanRules(format: 1, id: "chain-b", based_on: "summit-ppo-1500", maximum: (annual: "900.00"))"#;
    // C comes before its base B, which comes after the whole plan.
    let library = load(&[file("a-chain-c", c), file("b-chain-b", b)]);
    assert_eq!(problems(&library), Vec::<String>::new());
    let plan = &library.plans["chain-c"];
    assert_eq!(plan.name, "C");
    assert_eq!(
        plan.maximum.annual,
        Some(Cents::from_dollars(900)),
        "from B"
    );
    assert_eq!(
        library.plans["chain-b"].name, "Summit Dental PPO 1500",
        "B keeps the name"
    );
    assert_eq!(
        plan.deductible, library.plans["summit-ppo-1500"].deductible,
        "from the root"
    );
    assert_eq!(
        library.derivations["chain-c"].chain,
        vec!["chain-b".to_string(), "summit-ppo-1500".to_string()]
    );
    // B's maximum reaches C through B: C only names itself.
    assert!(library.derivations["chain-c"].is_inherited("maximum"));
}

#[test]
fn a_circle_is_reported_at_every_based_on_in_it() {
    let text = |id: &str, base: &str| {
        format!("PlanRules(\n    format: 1,\n    id: \"{id}\",\n    based_on: \"{base}\",\n)\n")
    };
    let library = load(&[
        file("loop-a", &text("loop-a", "loop-b")),
        file("loop-b", &text("loop-b", "loop-a")),
        file("loop-c", &text("loop-c", "loop-a")),
        file("loop-d", &text("loop-d", "loop-d")),
    ]);
    let tail = "expected a chain that ends at a plan without based_on";
    assert_eq!(
        problems(&library),
        vec![
            format!(
                "plans/loop-b.ron:4:15: based_on goes round in a circle: \"loop-b\", based on \"loop-a\", based on \"loop-b\"; {tail}"
            ),
            format!(
                "plans/loop-a.ron:4:15: based_on goes round in a circle: \"loop-a\", based on \"loop-b\", based on \"loop-a\"; {tail}"
            ),
            "plans/loop-c.ron:4:15: based on plan \"loop-a\", which did not load (see its problems): this plan cannot load without it".to_string(),
            format!(
                "plans/loop-d.ron:4:15: based_on goes round in a circle: \"loop-d\", based on \"loop-d\"; {tail}"
            ),
        ]
    );
    assert_eq!(
        library.plans.keys().collect::<Vec<_>>(),
        vec!["summit-ppo-1500"]
    );
}

#[test]
fn a_missing_base_is_reported_at_based_on() {
    let orphan = "PlanRules(\n    format: 1,\n    id: \"orphan\",\n    // based on the old plan\n    based_on: \"no-such-plan\",\n)\n";
    let library = load(&[file("orphan", orphan)]);
    assert_eq!(
        problems(&library),
        vec![
            "plans/orphan.ron:5:15: based on plan \"no-such-plan\", which does not exist: expected the id of another plan in plans/"
        ]
    );
    assert!(!library.plans.contains_key("orphan"));
}

#[test]
fn a_resolved_plan_is_checked_like_a_whole_plan() {
    // The family maximum written here is below the individual maximum inherited.
    let text = "PlanRules(\n    format: 1,\n    id: \"odd\",\n    based_on: \"summit-ppo-1500\",\n    maximum: (annual: \"1500.00\", family_annual: \"1000.00\"),\n    network: InNetwork(contracted: \"nowhere\"),\n)\n";
    let library = load(&[file("odd", text)]);
    assert_eq!(
        problems(&library),
        vec![
            "plans/odd.ron:6:36: fee schedule \"nowhere\" does not exist: expected the id of a file in fee-schedules/",
            "plans/odd.ron:5:34: family maximum 1,000.00 is less than the individual maximum 1,500.00: expected at least the individual amount",
        ]
    );
    assert!(!library.plans.contains_key("odd"));

    // A plan based on it says why it cannot load.
    let child = "PlanRules(format: 1, id: \"child\", based_on: \"odd\")";
    let library = load(&[file("odd", text), file("z-child", child)]);
    assert_eq!(
        problems(&library).last().map(String::as_str),
        Some(
            "plans/z-child.ron:1:45: based on plan \"odd\", which did not load (see its problems): this plan cannot load without it"
        )
    );
}

#[test]
fn a_derived_plan_cannot_reuse_an_id() {
    let twin = r#"PlanRules(format: 1, id: "summit-ppo-1500", based_on: "summit-ppo-1500")"#;
    let library = load(&[file("twin", twin)]);
    assert_eq!(
        problems(&library),
        vec![
            "plans/twin.ron:1:26: duplicate plan id \"summit-ppo-1500\" (first in plans/summit-ppo-1500.ron): expected every id to be unique"
        ]
    );
}

#[test]
fn a_typo_in_a_derived_file_is_reported_where_it_is() {
    let text = "PlanRules(\n    format: 1,\n    id: \"typo\",\n    based_on: \"summit-ppo-1500\",\n    maximun: (annual: \"900.00\"),\n)\n";
    let library = load(&[file("typo", text)]);
    let found = problems(&library);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("plans/typo.ron:5:") && found[0].contains("maximun"),
        "{found:?}"
    );
}

/// The proof that resolving is right: the shipped derived plan equals, field for
/// field, the whole file it replaced (kept in tests/library/derived/).
#[test]
fn the_shipped_derived_plan_equals_the_whole_plan_it_replaced() {
    let shipped = library::load_dir(&root());
    let whole = library::from_sources(
        &shipped_schedules(),
        &[source(
            "tests/library/derived/summit-individual-1000.whole.ron",
        )],
    );
    assert_eq!(problems(&whole), Vec::<String>::new());
    let id = "summit-individual-1000";
    assert_eq!(shipped.plans.get(id), whole.plans.get(id));
    assert_eq!(shipped.derivations[id].based_on, "summit-ppo-1500");
    assert!(shipped.derivations[id].is_inherited("network"));
}

#[test]
fn check_resolved_prints_the_plan_as_ron_that_loads_back() {
    let (code, stdout, stderr) = ferrule(&["check", "--resolved", "summit-individual-1000"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with(
            "// \"summit-individual-1000\" resolved: based on \"summit-ppo-1500\"\nPlanRules("
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("based_on"), "{stdout}");
    let again = library::from_sources(&shipped_schedules(), &[file("printed", &stdout)]);
    assert_eq!(problems(&again), Vec::<String>::new());
    let shipped = library::load_dir(&root());
    assert_eq!(
        again.plans.get("summit-individual-1000"),
        shipped.plans.get("summit-individual-1000")
    );

    let (code, stdout, stderr) = ferrule(&["check", "--resolved", "no-such-plan"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "ferrule: no plan \"no-such-plan\" loaded: expected the id of a plan in plans/\n"
    );
}

#[test]
fn a_problem_in_a_value_the_derived_file_does_not_write_is_shown_at_based_on() {
    // The base pays perio maintenance at 100% on its own; the derived plan
    // excludes it: the resolved plan both covers and excludes D4910.
    let base = r#"PlanRules(format: 1, id: "perio-base", name: "Base", carrier: "Test",
    network: InNetwork(contracted: "summit-ppo-2026"),
    coverage: { Periodontics: 80 },
    code_coverage: { "D4910": 100 },
)"#;
    let derived = "PlanRules(\n    format: 1,\n    id: \"perio-variant\",\n    based_on: \"perio-base\",\n    exclusions: [(codes: [\"D4910\"], reason: \"No maintenance.\")],\n)\n";
    let library = load(&[file("perio-base", base), file("perio-variant", derived)]);
    assert_eq!(
        problems(&library),
        vec![
            "plans/perio-variant.ron:4:15: D4910 is covered at 100% here but excluded (\"No maintenance.\"): expected one or the other"
        ]
    );
}
