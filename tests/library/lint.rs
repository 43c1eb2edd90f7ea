//! The plan lint (`ferrule check` warnings): each lint with a plan that triggers
//! it and a near miss that does not, the shipped library lint-clean, and the exit
//! code unchanged unless `--strict`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ferrule::library;
use ferrule::model::SourceFile;

use super::{TempDir, root};
use crate::util::{d, ferrule};

const OFFICE: &str = r#"FeeSchedule(format: 1, id: "office", name: "Office", kind: Office, fees: {
    "D0120": "60.00", "D0150": "110.00", "D1110": "100.00", "D4910": "150.00",
    "D2740": "1400.00", "D2750": "1300.00", "D2790": "1500.00", "D2791": "1200.00",
    "D2792": "1250.00", "D2794": "1500.00", "D2950": "365.00", "D8080": "5000.00",
})"#;

const PPO: &str = r#"FeeSchedule(format: 1, id: "lint-ppo", name: "Lint PPO", kind: Contracted, fees: {
    "D0120": "48.00", "D0150": "90.00", "D1110": "80.00", "D4910": "120.00",
    "D2740": "850.00", "D2750": "900.00", "D2790": "950.00", "D2791": "760.00", "D2950": "226.00",
})"#;

/// The plan file: `rules` start on line 8. Covered: Diagnostic and Preventive
/// 100%, Periodontics 80%, MajorRestorative 50%; not BasicRestorative, not
/// Orthodontics.
fn plan_text(rules: &str) -> String {
    format!(
        "PlanRules(\n    format: 1,\n    id: \"lint\",\n    name: \"Lint\",\n    carrier: \"Test\",\n    network: InNetwork(contracted: \"lint-ppo\"),\n    coverage: {{ Diagnostic: 100, Preventive: 100, Periodontics: 80, MajorRestorative: 50 }},\n{rules}\n)\n"
    )
}

/// The lint's warnings for a plan with `rules`, linted on `today`.
fn warnings_on(rules: &str, today: &str) -> Vec<String> {
    lint_files(&[("lint", plan_text(rules))], today)
}

/// The lint's warnings for plan files `(name, text)` loaded with the two test
/// schedules (they must load without problems).
fn lint_files(files: &[(&str, String)], today: &str) -> Vec<String> {
    let schedule = |id: &str, text: &str| SourceFile {
        path: PathBuf::from(format!("fee-schedules/{id}.ron")),
        text: text.to_string(),
    };
    let plans: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile {
            path: PathBuf::from(format!("plans/{name}.ron")),
            text: text.clone(),
        })
        .collect();
    let lib = library::from_sources(
        &[schedule("office", OFFICE), schedule("lint-ppo", PPO)],
        &plans,
    );
    let problems: Vec<String> = lib.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let texts: BTreeMap<PathBuf, String> = plans.into_iter().map(|f| (f.path, f.text)).collect();
    library::lint(&lib, &texts, d(today))
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn warnings(rules: &str) -> Vec<String> {
    warnings_on(rules, "2026-12-04")
}

const NONE: Vec<String> = Vec::new();

#[test]
fn a_code_outside_the_catalogue_is_flagged() {
    assert_eq!(
        warnings(
            r#"    frequency_limits: [(name: "Exams", codes: ["D0120", "D0001"], count: 2, window: BenefitYear, scope: Patient)],"#
        ),
        vec![
            "plans/lint.ron:8:57: frequency limit \"Exams\" names D0001, which is not in the code catalogue: it can never match a line; expected a code Ferrule knows"
        ]
    );
    assert_eq!(
        warnings(
            r#"    frequency_limits: [(name: "Exams", codes: ["D0001-D0009"], count: 2, window: BenefitYear, scope: Patient)],"#
        ),
        vec![
            "plans/lint.ron:8:49: frequency limit \"Exams\" names D0001-D0009, a range with no code of the catalogue in it: expected codes Ferrule knows"
        ]
    );
    // Near miss: known codes, and a range with a known code in it.
    assert_eq!(
        warnings(
            r#"    frequency_limits: [(name: "Exams", codes: ["D0120", "D0100-D0150"], count: 2, window: BenefitYear, scope: Patient)],"#
        ),
        NONE
    );
}

#[test]
fn a_code_without_a_fee_anywhere_is_flagged() {
    // D9972 is in the catalogue but neither in lint-ppo nor in the office fees.
    assert_eq!(
        warnings(r#"    preauthorization: ["D9972"],"#),
        vec![
            "plans/lint.ron:8:24: pre-authorization names D9972, which has no fee in \"lint-ppo\" nor in the office fees: expected a fee for every code the plan names"
        ]
    );
    // Near miss: D2794 is not on the contracted list, but the office has a fee.
    assert_eq!(warnings(r#"    preauthorization: ["D2794"],"#), NONE);
}

#[test]
fn a_rule_on_services_the_plan_does_not_cover_is_flagged() {
    // Orthodontics (D8080) is not covered: the limit can never change a number.
    let ortho = r#"    frequency_limits: [(name: "Ortho", codes: ["D8080"], count: 1, window: Lifetime, scope: Patient)],"#;
    assert_eq!(
        warnings(ortho),
        vec![
            "plans/lint.ron:8:31: frequency limit \"Ortho\" counts codes the plan covers none of them, so the rule can never change a number; expected a rule on covered services"
        ]
    );
    assert_eq!(
        warnings("    waiting_periods: [(classes: [BasicRestorative], months: 6)],"),
        vec![
            "plans/lint.ron:8:5: a waiting period of 6 months names services the plan covers none of them, so the rule can never change a number; expected a rule on covered services"
        ]
    );
    // Near misses: the code covered on its own, and a covered class.
    assert_eq!(
        warnings(&format!("{ortho}\n    code_coverage: {{ \"D8080\": 50 }},")),
        NONE
    );
    assert_eq!(
        warnings(
            "    waiting_periods: [(classes: [BasicRestorative, MajorRestorative], months: 6)],"
        ),
        NONE
    );
}

#[test]
fn a_downgrade_to_a_dearer_code_is_flagged() {
    // lint-ppo: D2740 850.00, D2750 900.00 (dearer), D2791 760.00 (cheaper).
    assert_eq!(
        warnings(r#"    alternate_benefits: [(name: "Crowns", paid_as: { "D2740": "D2750" })],"#),
        vec![
            "plans/lint.ron:8:54: alternate benefit \"Crowns\" pays D2740 (850.00) as D2750, which costs more (900.00) in \"lint-ppo\": a downgrade never pays more, so it does nothing; expected a cheaper code"
        ]
    );
    assert_eq!(
        warnings(r#"    alternate_benefits: [(name: "Crowns", paid_as: { "D2740": "D2791" })],"#),
        NONE
    );
}

#[test]
fn a_rule_shadowed_by_an_earlier_one_is_flagged() {
    // The first rule downgrades D2740 on every tooth: the molar one never applies.
    let alternates = |first: &str, second: &str| {
        format!(
            "    alternate_benefits: [\n        (name: \"First\", paid_as: {{ \"D2740\": \"D2791\" }}, teeth: {first}),\n        (name: \"Second\", paid_as: {{ \"D2740\": \"D2791\" }}, teeth: {second}),\n    ],"
        )
    };
    assert_eq!(
        warnings(&alternates("Any", "Molar")),
        vec![
            "plans/lint.ron:10:37: alternate benefit \"Second\" for D2740 is never used: \"First\" comes first and applies on every tooth this one does; expected one rule per code and tooth"
        ]
    );
    // Near miss: molars first, then every tooth (the second still applies to premolars).
    assert_eq!(warnings(&alternates("Molar", "Any")), NONE);

    let exclusions = |second: &str| {
        format!(
            "    exclusions: [\n        (codes: [\"D2790-D2792\"], reason: \"No cast crowns.\"),\n        (codes: [\"{second}\"], reason: \"No base-metal crowns.\"),\n    ],"
        )
    };
    assert_eq!(
        warnings(&exclusions("D2791")),
        vec![
            "plans/lint.ron:10:37: exclusion \"No base-metal crowns.\" is never used: an earlier one (\"No cast crowns.\") already excludes everything it names, and its reason is the one shown; expected each service excluded once"
        ]
    );
    assert_eq!(warnings(&exclusions("D2794")), NONE);
}

#[test]
fn a_code_bundled_with_itself_is_flagged() {
    let rule = |kind: &str| {
        format!(
            "    bundling: [(id: \"B1\", name: \"Test\", kind: {kind}, tooth: Same, when: SameDay, liability: Disallow)],"
        )
    };
    assert_eq!(
        warnings(&rule(
            r#"Included(codes: ["D2950"], into: ["D2900-D2999"])"#
        )),
        vec![
            "plans/lint.ron:8:21: bundling rule \"B1\" bundles D2950 into itself (it is on both sides): expected different codes on each side"
        ]
    );
    assert_eq!(
        warnings(&rule(
            r#"MutuallyExclusive(codes: ["D0150", "D0120-D0150"])"#
        )),
        vec![
            "plans/lint.ron:8:21: bundling rule \"B1\" names D0150 twice, so it is bundled with itself: expected each code once"
        ]
    );
    // Near misses: different codes on each side; each code once.
    assert_eq!(
        warnings(&rule(r#"Included(codes: ["D2950"], into: ["D2740"])"#)),
        NONE
    );
    assert_eq!(
        warnings(&rule(r#"MutuallyExclusive(codes: ["D0150", "D0120"])"#)),
        NONE
    );
}

#[test]
fn a_frequency_pool_mixing_coverage_is_flagged() {
    // D1110 is preventive (100%), D4910 periodontics (80%).
    let pool = |extra: &str| {
        format!(
            "    frequency_limits: [(name: \"Cleanings\", codes: [\"D1110\", \"D4910\"], count: 2, window: BenefitYear, scope: Patient{extra})],"
        )
    };
    assert_eq!(
        warnings(&pool("")),
        vec![
            "plans/lint.ron:8:31: frequency limit \"Cleanings\" counts D1110 (paid at 100%) and D4910 (paid at 80%) in one pool: which comes first changes what the plan pays; expected codes paid alike, or shared_pool: true when the plan means it"
        ]
    );
    // Near misses: the plan says the pool is shared on purpose; D4910 paid at 100%.
    assert_eq!(warnings(&pool(", shared_pool: true")), NONE);
    assert_eq!(
        warnings(&format!(
            "{}\n    code_coverage: {{ \"D4910\": 100 }},",
            pool("")
        )),
        NONE
    );
}

#[test]
fn a_waiting_period_longer_than_the_plan_has_existed_is_flagged() {
    // In force since June 1, 2026: on Dec 4, 2026 a 12-month wait ends June 1,
    // 2027 for every member; a 6-month wait ended Dec 1, 2026.
    let wait = |months: u32| {
        format!(
            "    in_force_since: \"2026-06-01\",\n    waiting_periods: [(classes: [MajorRestorative], months: {months})],"
        )
    };
    assert_eq!(
        warnings(&wait(12)),
        vec![
            "plans/lint.ron:9:53: a waiting period of 12 months is longer than the plan has existed (in force since 2026-06-01): no member can have served it yet; expected a shorter period or an earlier in_force_since"
        ]
    );
    assert_eq!(warnings(&wait(6)), NONE);
    // The same 12 months once the plan is a year old: June 1, 2027.
    assert_eq!(warnings_on(&wait(12), "2027-06-01"), NONE);
}

#[test]
fn a_maximum_lower_than_the_deductible_is_flagged() {
    let plan = |annual: &str| {
        format!("    deductible: (individual: \"100.00\"),\n    maximum: (annual: \"{annual}\"),")
    };
    assert_eq!(
        warnings(&plan("50.00")),
        vec![
            "plans/lint.ron:9:15: annual maximum 50.00 is lower than the deductible 100.00: expected a maximum above the deductible"
        ]
    );
    assert_eq!(warnings(&plan("100.00")), NONE);
}

#[test]
fn the_shipped_library_is_lint_clean() {
    let shipped = library::load_dir(&root());
    let found: Vec<String> = library::lint_library(&shipped, d("2026-12-04"))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found, NONE);
    assert_eq!(
        library::lint_library(&library::sample(), d("2026-12-04")),
        vec![]
    );
    let (code, stdout, stderr) = ferrule(&["check", "--strict"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("warning"), "{stdout}");
}

#[test]
fn warnings_change_the_exit_code_only_with_strict() {
    let dir = TempDir::new("lint-strict");
    for folder in ["plans", "fee-schedules"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
    }
    std::fs::write(dir.path().join("fee-schedules/office.ron"), OFFICE).unwrap();
    std::fs::write(dir.path().join("fee-schedules/lint-ppo.ron"), PPO).unwrap();
    let rules = "    deductible: (individual: \"100.00\"),\n    maximum: (annual: \"50.00\"),";
    std::fs::write(dir.path().join("plans/lint.ron"), plan_text(rules)).unwrap();
    let lib = dir.path().to_str().unwrap();

    let (code, stdout, _) = ferrule(&["check", "--library", lib]);
    assert_eq!(code, 0, "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        vec![
            format!(
                "{lib}/plans/lint.ron:9:15: annual maximum 50.00 is lower than the deductible 100.00: expected a maximum above the deductible (warning)"
            ),
            format!("{lib}: 1 plans, 2 fee schedules, 227 codes; 0 problems, 1 warning"),
        ]
    );
    let (code, _, _) = ferrule(&["check", "--strict", "--library", lib]);
    assert_eq!(code, 2);
}

#[test]
fn a_derived_plan_is_warned_once_per_rule_at_the_file_to_fix() {
    // The base mixes coverage in its cleanings pool (its own warning), and covers
    // its ortho limit's code through code_coverage.
    let base = plan_text(
        "    frequency_limits: [\n        (name: \"Cleanings\", codes: [\"D1110\", \"D4910\"], count: 2, window: BenefitYear, scope: Patient),\n        (name: \"Ortho\", codes: [\"D8080\"], count: 1, window: Lifetime, scope: Patient),\n    ],\n    code_coverage: { \"D8080\": 50 },",
    );
    // The derived plan inherits both limits and drops the ortho coverage: the
    // inherited ortho limit can now never change a number, in this plan only.
    let derived = "PlanRules(\n    format: 1,\n    id: \"lint-b\",\n    based_on: \"lint\",\n    code_coverage: { \"D8080\": None },\n)\n".to_string();
    let never = "the plan covers none of them, so the rule can never change a number; expected a rule on covered services";
    assert_eq!(
        lint_files(&[("lint", base.clone()), ("lint-b", derived)], "2026-12-04"),
        vec![
            format!("plans/lint-b.ron:4:15: frequency limit \"Ortho\" counts codes {never} (the rule is inherited from \"lint\")"),
            "plans/lint.ron:9:16: frequency limit \"Cleanings\" counts D1110 (paid at 100%) and D4910 (paid at 80%) in one pool: which comes first changes what the plan pays; expected codes paid alike, or shared_pool: true when the plan means it".to_string(),
        ]
    );
    // Near miss: a derived plan that changes nothing the rules depend on adds no
    // warning (the base's one is not repeated).
    let same = "PlanRules(format: 1, id: \"lint-c\", based_on: \"lint\", name: \"C\")".to_string();
    assert_eq!(
        lint_files(&[("lint", base), ("lint-c", same)], "2026-12-04").len(),
        1
    );
}
