//! Issue 16 item 7: provider-specific fees. A line's provider (the line's, else
//! the treatment plan's, else the practice's default) prices it with their own
//! office fee schedule and their own contracted schedule with the plan, falling
//! back to the practice's and the plan's; the trail names the schedule and why.
//!
//! Practice office fees: D2740 1,400.00, D7240 600.00. Plan "ppo" (carrier "Test
//! carrier") contracted: D2740 850.00, D7240 400.00; oral surgery 80%, major 50%,
//! no deductible. The oral surgeon's own office fees: D7240 900.00; their own
//! contract with the plan: D7240 550.00.

use std::collections::BTreeMap;

use ferrule::engine::step_detail::{ProviderFrom, ScheduleWhy};
use ferrule::engine::{LineEstimate, Step};
use ferrule::model::provider::{PracticeProviders, Provider, ProviderContract, ProviderKind};
use ferrule::model::{CdtCode, FeeSchedule, FeeScheduleKind};

use crate::util::{Case, assert_row, c, line, row};

fn schedule(id: &str, kind: FeeScheduleKind, fees: &[(&str, &str)]) -> FeeSchedule {
    FeeSchedule {
        format: 1,
        id: id.into(),
        name: id.into(),
        kind,
        fees: fees
            .iter()
            .map(|(code, amount)| (CdtCode::parse(code).unwrap(), c(amount)))
            .collect::<BTreeMap<_, _>>(),
        versions: Vec::new(),
        notes: None,
    }
}

fn surgeon(contract: ProviderContract) -> Provider {
    Provider {
        id: "dr-cut".into(),
        name: "Dr. Cutter".into(),
        kind: ProviderKind::Specialist,
        office_fee_schedule: Some("surgeon-office".into()),
        contracts: vec![contract],
    }
}

fn hygienist() -> Provider {
    Provider {
        id: "rdh-amy".into(),
        name: "Amy Ng, RDH".into(),
        kind: ProviderKind::Hygienist,
        office_fee_schedule: None,
        contracts: Vec::new(),
    }
}

fn by_plan(schedule: &str) -> ProviderContract {
    ProviderContract {
        plan: Some("ppo".into()),
        carrier: None,
        schedule: schedule.into(),
    }
}

/// The case with these providers; `plan_provider` is the treatment plan's
/// `provider` line (or empty) and `lines` the visit's lines.
fn case(providers: PracticeProviders, plan_provider: &str, lines: &str) -> Case {
    let mut case = Case::new()
        .office(&[("D2740", "1400.00"), ("D7240", "600.00")])
        .contracted("ppo-fees", &[("D2740", "850.00"), ("D7240", "400.00")])
        .contracted("surgeon-ppo", &[("D7240", "550.00")])
        .plan(
            "ppo",
            r#"network: InNetwork(contracted: "ppo-fees"),
    maximum: (annual: "2000.00"),
    coverage: { OralSurgery: 80, MajorRestorative: 50 },"#,
        )
        .treatment(&format!(
            r#"
    patient: (name: "Pia Provider", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    {plan_provider}
    options: [(name: "Plan", visits: [(id: 1, name: "V", date: "2026-06-01", lines: [{lines}])])],"#
        ));
    let office = schedule(
        "surgeon-office",
        FeeScheduleKind::Office,
        &[("D7240", "900.00")],
    );
    case.library.fee_schedules.insert(office.id.clone(), office);
    case.library.providers = providers;
    case
}

fn provider_steps(l: &LineEstimate) -> Vec<(ProviderFrom, Option<String>, String, ScheduleWhy)> {
    l.steps
        .iter()
        .filter_map(|s| match s {
            Step::ProviderSchedule {
                from,
                plan,
                schedule,
                why,
                ..
            } => Some((
                *from,
                plan.as_deref().map(String::from),
                schedule.to_string(),
                *why,
            )),
            _ => None,
        })
        .collect()
}

fn practice(list: Vec<Provider>, default: Option<&str>) -> PracticeProviders {
    PracticeProviders {
        list,
        default: default.map(Into::into),
    }
}

/// The surgeon's line: office fee 900 (their schedule), allowed 550 (their
/// contract), plan 80% x 550 = 440, write-off 900 - 550 = 350, patient 550 - 440
/// = 110. The same line without a provider: fee 600, allowed 400, plan 320,
/// write-off 200, patient 80, and no provider step (near miss).
#[test]
fn the_surgeons_own_schedules_price_their_line() {
    let providers = practice(vec![surgeon(by_plan("surgeon-ppo"))], None);
    let lines = r#"(code: "D7240", tooth: "17", provider: "dr-cut"), (code: "D7240", tooth: "32")"#;
    let e = case(providers, "", lines).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("900.00", "550.00", "350.00", "0.00", &["440.00"], "110.00"),
    );
    assert_eq!(
        provider_steps(line(&e, 1)),
        vec![
            (
                ProviderFrom::Line,
                None,
                "surgeon-office".into(),
                ScheduleWhy::Own
            ),
            (
                ProviderFrom::Line,
                Some("ppo".into()),
                "surgeon-ppo".into(),
                ScheduleWhy::Own
            ),
        ]
    );
    assert_row(
        &e,
        2,
        row("600.00", "400.00", "200.00", "0.00", &["320.00"], "80.00"),
    );
    assert!(provider_steps(line(&e, 2)).is_empty());
}

/// A contract row naming the carrier (no plan) applies to the plan: same numbers
/// as above (allowed 550, plan 440), and the step says "for the carrier".
#[test]
fn a_carrier_contract_applies_to_its_plans() {
    let row_for_carrier = ProviderContract {
        plan: None,
        carrier: Some("Test carrier".into()),
        schedule: "surgeon-ppo".into(),
    };
    let providers = practice(vec![surgeon(row_for_carrier)], None);
    let lines = r#"(code: "D7240", tooth: "17", provider: "dr-cut")"#;
    let e = case(providers, "", lines).estimate(None, "2026-03-01");
    assert_eq!(line(&e, 1).payers[0].pays, c("440.00"));
    assert_eq!(provider_steps(line(&e, 1))[1].3, ScheduleWhy::OwnForCarrier);
}

/// A hygienist with no schedules of their own, the practice's default provider:
/// the crown is priced as without providers (fee 1,400, allowed 850, plan 50% =
/// 425, write-off 550, patient 425) and the trail says the practice's and the
/// plan's schedules applied because they have none.
#[test]
fn a_default_provider_without_schedules_falls_back() {
    let providers = practice(vec![hygienist()], Some("rdh-amy"));
    let e = case(providers, "", r#"(code: "D2740", tooth: "30")"#).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "550.00", "0.00", &["425.00"], "425.00"),
    );
    assert_eq!(
        provider_steps(line(&e, 1)),
        vec![
            (
                ProviderFrom::Practice,
                None,
                "office".into(),
                ScheduleWhy::NoneOfTheirOwn
            ),
            (
                ProviderFrom::Practice,
                Some("ppo".into()),
                "ppo-fees".into(),
                ScheduleWhy::NoneOfTheirOwn
            ),
        ]
    );
}

/// The treatment plan's provider wins over the practice's default, and the
/// line's over both: with the surgeon on the plan and the hygienist as default,
/// the extraction is the surgeon's (fee 900); a line naming the hygienist is
/// priced at the practice's fees (600, allowed 400).
#[test]
fn the_line_then_the_plan_then_the_practice() {
    let providers = practice(
        vec![surgeon(by_plan("surgeon-ppo")), hygienist()],
        Some("rdh-amy"),
    );
    let lines =
        r#"(code: "D7240", tooth: "17"), (code: "D7240", tooth: "32", provider: "rdh-amy")"#;
    let e = case(providers, r#"provider: "dr-cut","#, lines).estimate(None, "2026-03-01");
    assert_eq!(
        (line(&e, 1).fee, line(&e, 1).allowed),
        (c("900.00"), c("550.00"))
    );
    assert_eq!(provider_steps(line(&e, 1))[0].0, ProviderFrom::Plan);
    assert_eq!(
        (line(&e, 2).fee, line(&e, 2).allowed),
        (c("600.00"), c("400.00"))
    );
    assert_eq!(provider_steps(line(&e, 2))[0].0, ProviderFrom::Line);
}

/// A contracted schedule named but missing from the library falls back to the
/// plan's (allowed 400, plan 320 on the surgeon's 900 fee: write-off 500, patient
/// 80) and says so; a fee entered on the line (700) wins over the provider's
/// office schedule.
#[test]
fn a_missing_schedule_and_an_entered_fee() {
    let providers = practice(vec![surgeon(by_plan("gone"))], None);
    let lines = r#"(code: "D7240", tooth: "17", provider: "dr-cut"), (code: "D7240", tooth: "32", provider: "dr-cut", fee: "700.00")"#;
    let e = case(providers, "", lines).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("900.00", "400.00", "500.00", "0.00", &["320.00"], "80.00"),
    );
    assert_eq!(provider_steps(line(&e, 1))[1].3, ScheduleWhy::OwnMissing);
    assert_eq!(line(&e, 2).fee, c("700.00"));
}

/// A code the surgeon's schedules do not list (a crown) is priced at the
/// practice's fee and the plan's contract: fee 1,400, allowed 850, plan 50% = 425,
/// and both steps say the code is not listed.
#[test]
fn a_code_not_on_the_providers_schedules_uses_the_practices() {
    let providers = practice(vec![surgeon(by_plan("surgeon-ppo"))], None);
    let lines = r#"(code: "D2740", tooth: "30", provider: "dr-cut")"#;
    let e = case(providers, "", lines).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "550.00", "0.00", &["425.00"], "425.00"),
    );
    let whys: Vec<ScheduleWhy> = provider_steps(line(&e, 1))
        .into_iter()
        .map(|s| s.3)
        .collect();
    assert_eq!(
        whys,
        vec![ScheduleWhy::CodeNotListed, ScheduleWhy::CodeNotListed]
    );
}

/// The shipped sample `provider-fees.ron` with the practice settings sample
/// `assets/practice/providers.ron` (Summit PPO: D1110 office 140 / contracted 101
/// at 100%; D7240 office 645 / contracted 426 at 80%, deductible 50):
/// - the hygienist's cleaning: no schedules of her own: plan 101, write-off 39;
/// - the surgeon's extraction: his office fee 880 and his Summit contract (by
///   carrier) 560: plan (560 - 50) x 80% = 408, write-off 880 - 560 = 320,
///   patient 560 - 408 = 152.
///
/// Without the practice settings: fee 645, allowed 426, plan (426 - 50) x 80% =
/// 300.80, write-off 219, patient 125.20.
#[test]
fn the_provider_sample_with_the_practice_settings_sample() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut lib = ferrule::library::load_dir(root);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    let doc = ferrule::library::load_treatment_plan(&root.join("assets/samples/provider-fees.ron"))
        .unwrap();
    let as_of = crate::util::d("2026-11-23");
    let estimate = |lib: &ferrule::model::Library| {
        let input = ferrule::engine::EstimateInput::from_document(lib, &doc, None, as_of).unwrap();
        let e = ferrule::engine::estimate(&input);
        crate::util::assert_sound(&e);
        e
    };
    let e = estimate(&lib);
    assert_row(
        &e,
        2,
        row("645.00", "426.00", "219.00", "50.00", &["300.80"], "125.20"),
    );

    let settings =
        ferrule::library::practice::load(&root.join("assets/practice/providers.ron")).unwrap();
    lib.providers = settings.practice_providers();
    let e = estimate(&lib);
    assert_row(
        &e,
        1,
        row("140.00", "101.00", "39.00", "0.00", &["101.00"], "0.00"),
    );
    assert_eq!(
        provider_steps(line(&e, 1))[0].3,
        ScheduleWhy::NoneOfTheirOwn
    );
    assert_row(
        &e,
        2,
        row("880.00", "560.00", "320.00", "50.00", &["408.00"], "152.00"),
    );
    let steps = provider_steps(line(&e, 2));
    assert_eq!(
        (steps[0].2.as_str(), steps[1].2.as_str(), steps[1].3),
        (
            "Specialist office fees 2026",
            "Summit Dental PPO specialist fees 2026",
            ScheduleWhy::OwnForCarrier
        )
    );
    let words: Vec<String> = line(&e, 2)
        .steps
        .iter()
        .map(ferrule::report::sentence)
        .collect();
    assert!(
        words.iter().any(|w| w.contains("Office fee from Specialist office fees 2026, the own fee schedule of Dr. Emeka Okafor (the line's provider)")),
        "{words:#?}"
    );
}

/// The practice settings refuse a provider id listed twice and a default that
/// names no provider, saying what was expected.
#[test]
fn practice_settings_check_their_providers() {
    let path = std::path::Path::new("practice.ron");
    let twice = r#"(providers: [(id: "a", name: "A"), (id: "a", name: "B")])"#;
    let e = ferrule::library::practice::parse(path, twice)
        .unwrap_err()
        .to_string();
    assert!(e.contains("provider id \"a\" is listed twice"), "{e}");
    let unknown = r#"(providers: [(id: "a", name: "A")], default_provider: "b")"#;
    let e = ferrule::library::practice::parse(path, unknown)
        .unwrap_err()
        .to_string();
    assert!(e.contains("default_provider is \"b\""), "{e}");
    let fine = r#"(providers: [(id: "a", name: "A")], default_provider: "a")"#;
    assert!(ferrule::library::practice::parse(path, fine).is_ok());
}

/// Why the tests that run `ferrule` give it an empty private home: a practice
/// settings file in the user's config folder reprices lines (here a default
/// provider with their own office fees for D3330), so a developer's own file
/// would change golden outputs. With the private home it cannot.
#[test]
fn a_practice_file_in_the_home_would_change_the_estimate() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config");
    std::fs::create_dir_all(config.join("ferrule")).unwrap();
    std::fs::write(
        config.join("ferrule/practice.ron"),
        r#"(
    providers: [(id: "dr-okafor", name: "Dr. Emeka Okafor", kind: Specialist, office_fee_schedule: "specialist-office-2026")],
    default_provider: "dr-okafor",
)"#,
    )
    .unwrap();
    let args = [
        "estimate",
        "assets/samples/post-core-rct.ron",
        "--library",
        ".",
        "--as-of",
        "2026-11-23",
    ];
    let with_file = std::process::Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("FERRULE_LIBRARY")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    let with_file = String::from_utf8_lossy(&with_file.stdout).into_owned();
    let (code, isolated, err) = crate::util::ferrule(&args);
    assert_eq!(code, 0, "{err}");
    assert_ne!(
        with_file, isolated,
        "the practice file reprices the root canal"
    );
}
