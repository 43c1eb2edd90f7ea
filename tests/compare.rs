//! Compare side by side and the benefit-year advisor (issue "Compare side by
//! side"), against the shipped library (plans/ and fee-schedules/). Every number is
//! computed by hand from the schedule files in the comments:
//!
//! | code  | office  | summit-ppo-2026 | bayside-ppo-2026 | keystone-ppo-2026 |
//! |-------|---------|-----------------|------------------|-------------------|
//! | D0274 |   94.00 |           68.00 |                  |                   |
//! | D2740 | 1540.00 |          955.00 |           893.00 |           1047.00 |
//! | D2750 | 1540.00 |          955.00 |                  |                   |
//! | D2790 | 1655.00 |         1026.00 |                  |                   |
//! | D2791 | 1295.00 |          803.00 |                  |                   |
//! | D2950 |  365.00 |          226.00 |           212.00 |            248.00 |

use std::path::Path;

use chrono::NaiveDate;
use ferrule::engine::{Flag, PayerSetup, Scenario, advise, compare, scenarios_for};
use ferrule::library::{self, parse_treatment_plan};
use ferrule::model::{Library, TreatmentPlan};
use ferrule::money::Cents;

use super::util::ferrule;

fn c(text: &str) -> Cents {
    Cents::parse(text).unwrap_or_else(|e| panic!("bad amount {text:?}: {e}"))
}

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("bad date {text:?}: {e}"))
}

fn shipped() -> Library {
    let lib = library::load_dir(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    lib
}

fn sample() -> TreatmentPlan {
    library::load_treatment_plan(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/buildup-crown-19.ron"),
    )
    .unwrap_or_else(|e| panic!("sample: {e}"))
}

/// A treatment plan under Summit PPO 1500 with `used` of the maximum used and the
/// $50 deductible met, and the options given as RON.
fn summit_patient(used: &str, options: &str) -> TreatmentPlan {
    let text = format!(
        r#"TreatmentPlan(format: 1,
    patient: (name: "Ada Lind", birth_date: "1975-03-02"),
    coverage: [(plan: "summit-ppo-1500", effective: "2020-01-01",
                benefits_used: "{used}", deductible_met: "50.00")],
    options: [{options}])"#
    );
    parse_treatment_plan(Path::new("test.ron"), &text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

#[test]
fn two_options_under_one_plan_each_see_the_whole_remaining_maximum() {
    // $1,000 of $1,500 used: $500 left; deductible met. Crowns on #8/#9 are front
    // teeth, so no molar downgrade: basis = allowed 955.00, 50% = 477.50.
    // "Two crowns": #8 pays 477.50 (patient 955 - 477.50 = 477.50); #9 pays only the
    //   22.50 left (patient 955 - 22.50 = 932.50). Insurance 500.00, patient 1,410.00,
    //   write-off 2 x (1,540 - 955) = 1,170.00, maximum left 0.00.
    // "Crown #8": priced on its own, it sees the full $500 again: pays 477.50,
    //   patient 477.50, maximum left 500 - 477.50 = 22.50. (Priced after "Two
    //   crowns" against the same maximum it would get nothing.)
    let lib = shipped();
    let plan = summit_patient(
        "1000.00",
        r#"(name: "Two crowns", visits: [(id: 1, name: "Crowns", date: "2026-06-01",
              lines: [(code: "D2740", tooth: "8"), (code: "D2740", tooth: "9")])]),
           (name: "Crown #8", visits: [(id: 1, name: "Crown", date: "2026-06-01",
              lines: [(code: "D2740", tooth: "8")])])"#,
    );
    let before = plan.clone();
    let scenarios = scenarios_for(&plan, &[], &[], d("2026-05-01")).unwrap();
    assert_eq!(scenarios.len(), 2);
    assert_eq!(scenarios[0].setup.label, "summit-ppo-1500");
    let cmp = compare(&lib, &plan, &scenarios, d("2026-05-01")).unwrap();
    assert_eq!(plan, before, "comparing never changes the patient's file");

    let two = cmp.totals[0];
    assert_eq!(two.insurance, c("500.00"));
    assert_eq!(two.patient, c("1410.00"));
    assert_eq!(two.write_off, c("1170.00"));
    assert_eq!(two.fee, c("3080.00"));
    assert_eq!(two.remaining_maximum_after, Some(c("0.00")));
    let one = cmp.totals[1];
    assert_eq!(one.insurance, c("477.50"));
    assert_eq!(one.patient, c("477.50"));
    assert_eq!(one.remaining_maximum_after, Some(c("22.50")));

    // Rows: D2740 #8 is in both (same patient amount: not highlighted); D2740 #9 is
    // in "Two crowns" only, so it comes after the matched row and differs.
    assert_eq!(cmp.rows.len(), 2);
    let (r8, r9) = (&cmp.rows[0], &cmp.rows[1]);
    assert_eq!(
        (r8.key.area.as_str(), r8.key.code.to_string()),
        ("#8", "D2740".to_string())
    );
    assert!(!r8.differs);
    assert_eq!(cmp.line(r8, 1).unwrap().patient, c("477.50"));
    assert_eq!(r9.key.area, "#9");
    assert!(r9.differs);
    assert!(cmp.line(r9, 1).is_none());
    let capped = cmp.line(r9, 0).unwrap();
    assert_eq!(capped.insurance(), c("22.50"));
    assert!(capped.flags.contains(&Flag::MaximumReached));
    assert!(!capped.steps.is_empty(), "each cell keeps its why");
    assert!(cmp.totals_differ.patient && cmp.totals_differ.fee);
    assert_eq!(cmp.cheapest_for_patient(), Some(1));
}

#[test]
fn one_option_under_three_shipped_plans_has_hand_computed_totals() {
    // Porcelain crown on #19 (buildup at prep 2026-12-03, crown seated 2026-12-17),
    // as of 2026-11-23. The patient's file has Summit with $300 used, $50 unmet.
    //
    // Summit (copied from the file: $1,200 left):
    //   D2950: allowed 226, write-off 139; ded 50 -> 50% x 176 = 88.00; patient 138.00.
    //   D2740: allowed 955, write-off 585; molar paid as D2791 (803): 50% x 803 =
    //   401.50; patient 955 - 401.50 = 553.50.
    //   Insurance 489.50, write-off 724.00, patient 691.50, max left 1,200 - 489.50 = 710.50.
    // Bayside (new coverage, nothing used, $2,000 left):
    //   D2950: bundled into the crown (B2), billed at the network fee: allowed 212,
    //   write-off 153, insurance 0, patient 212.00.
    //   D2740: allowed 893, write-off 647; ded 75 -> 50% x 818 = 409.00; patient 484.00.
    //   Insurance 409.00, write-off 800.00, patient 696.00, max left 2,000 - 409 = 1,591.00.
    // Keystone (new coverage, $1,000 left):
    //   D2950: allowed 248, write-off 117; ded 50 -> 50% x 198 = 99.00; patient 149.00.
    //   D2740: allowed 1,047, write-off 493; 50% x 1,047 = 523.50; patient 523.50.
    //   Insurance 622.50, write-off 610.00, patient 672.50, max left 1,000 - 622.50 = 377.50.
    let lib = shipped();
    let plan = sample();
    let before = plan.clone();
    let ids: Vec<String> = [
        "summit-ppo-1500",
        "bayside-ppo-2000",
        "keystone-ppo-exclusions",
    ]
    .map(String::from)
    .to_vec();
    let as_of = d("2026-11-23");
    let scenarios = scenarios_for(&plan, &["Porcelain crown".to_string()], &ids, as_of).unwrap();
    assert_eq!(scenarios.len(), 3);
    // Summit is on file: its record is copied. Bayside is not: new coverage from the
    // primary's effective date, nothing used.
    assert_eq!(scenarios[0].setup.coverage[0].benefits_used, c("300.00"));
    assert_eq!(scenarios[1].setup.coverage[0].benefits_used, Cents::ZERO);
    assert_eq!(
        scenarios[1].setup.coverage[0].effective,
        Some(d("2024-02-01"))
    );
    let cmp = compare(&lib, &plan, &scenarios, as_of).unwrap();
    assert_eq!(
        plan, before,
        "picking plans never changes the patient's file"
    );

    let got: Vec<(Cents, Cents, Cents, Cents, Option<Cents>)> = cmp
        .totals
        .iter()
        .map(|t| {
            (
                t.fee,
                t.insurance,
                t.write_off,
                t.patient,
                t.remaining_maximum_after,
            )
        })
        .collect();
    let fee = c("1905.00");
    assert_eq!(
        got,
        vec![
            (
                fee,
                c("489.50"),
                c("724.00"),
                c("691.50"),
                Some(c("710.50"))
            ),
            (
                fee,
                c("409.00"),
                c("800.00"),
                c("696.00"),
                Some(c("1591.00"))
            ),
            (
                fee,
                c("622.50"),
                c("610.00"),
                c("672.50"),
                Some(c("377.50"))
            ),
        ]
    );
    assert!(!cmp.totals_differ.fee);
    assert!(cmp.totals_differ.patient);
    assert_eq!(cmp.cheapest_for_patient(), Some(2));
    // Same option: both lines matched in every column, and both differ.
    assert_eq!(cmp.rows.len(), 2);
    assert!(
        cmp.rows
            .iter()
            .all(|r| r.differs && r.cells.iter().all(Option::is_some))
    );
    let buildup = cmp.line(&cmp.rows[0], 1).unwrap();
    assert_eq!(buildup.patient, c("212.00"));
    assert!(buildup.flags.contains(&Flag::Bundled));
}

#[test]
fn options_and_no_insurance_line_up_by_tooth_and_code() {
    // Porcelain vs gold under the file's Summit coverage, plus porcelain uninsured.
    // Gold: D2790 allowed 1,026, write-off 629, paid as D2750 (955): 50% = 477.50;
    //   patient 1,026 - 477.50 = 548.50; with the buildup's 138.00: 686.50.
    // No insurance: the office fees, 365 + 1,540 = 1,905.00, no write-off.
    let lib = shipped();
    let plan = sample();
    let as_of = d("2026-11-23");
    let scenarios = vec![
        Scenario::new(
            option_named(&plan, "Porcelain crown"),
            PayerSetup::patient(&plan),
        ),
        Scenario::new(
            option_named(&plan, "Gold crown"),
            PayerSetup::patient(&plan),
        ),
        Scenario::new(
            option_named(&plan, "Porcelain crown"),
            PayerSetup::no_insurance(),
        ),
    ];
    let cmp = compare(&lib, &plan, &scenarios, as_of).unwrap();
    let patient: Vec<Cents> = cmp.patient_totals();
    assert_eq!(patient, vec![c("691.50"), c("686.50"), c("1905.00")]);
    assert_eq!(cmp.totals[2].remaining_maximum_after, None);
    assert_eq!(
        cmp.scenarios[2].scenario.title(),
        "Porcelain crown / no insurance"
    );
    // Rows: D2950 #19 (all three), D2740 #19 (porcelain columns), then D2790 #19
    // (gold only).
    let keys: Vec<String> = cmp
        .rows
        .iter()
        .map(|r| format!("{} {}", r.key.code, r.key.area))
        .collect();
    assert_eq!(keys, ["D2950 #19", "D2740 #19", "D2790 #19"]);
    assert_eq!(
        cmp.rows[1]
            .cells
            .iter()
            .map(Option::is_some)
            .collect::<Vec<_>>(),
        [true, false, true]
    );
    assert!(cmp.rows[0].differs, "138.00 insured vs 365.00 uninsured");

    let names = ferrule::report::Names {
        catalogue: &lib.catalogue,
        plans: &lib.plans,
    };
    let view = ferrule::report::ComparisonTable::new(&cmp, &plan, &names);
    let table = ferrule::report::text::comparison("t", &view);
    assert!(table.contains("Gold crown / summit-ppo-1500"), "{table}");
    assert!(table.contains("*  Patient"), "{table}");
    assert!(table.contains("1,905.00"), "{table}");
}

#[test]
fn unknown_option_or_plan_is_an_error_not_a_panic() {
    let lib = shipped();
    let plan = sample();
    let as_of = d("2026-11-23");
    let err = scenarios_for(&plan, &["Nope".to_string()], &[], as_of).unwrap_err();
    assert!(err.to_string().contains("\"Nope\" does not exist"), "{err}");
    let bad_plan = scenarios_for(&plan, &[], &["no-such-plan".to_string()], as_of).unwrap();
    let err = compare(&lib, &plan, &bad_plan, as_of).unwrap_err();
    assert!(
        err.to_string()
            .contains("\"no-such-plan\" is not in the library"),
        "{err}"
    );
}

const TWO_CROWNS: &str = r#"(name: "Two crowns", visits: [
    (id: 1, name: "Crown #8", date: "2026-12-01", lines: [(code: "D2740", tooth: "8")]),
    (id: 2, name: "Prep #9", date: "2026-12-10", lines: [(code: "D2740", tooth: "9", completed_at: 3)]),
    (id: 3, name: "Seat #9", date: "2026-12-22"),
])"#;

#[test]
fn advisor_moves_the_seat_visit_into_january_when_the_maximum_runs_out() {
    // $1,200 of $1,500 used: $300 left in 2026; 2026 deductible met.
    // As planned (both crowns dated in 2026; #9 is dated at its seat, 2026-12-22):
    //   #8: 50% x 955 = 477.50, capped at the 300.00 left: patient 955 - 300 = 655.00.
    //   #9: nothing left: patient 955.00.                    Patient total 1,610.00.
    // Move "Seat #9" to 2027-01-01 (10 days later): #9's date of service moves with
    //   it into 2027 (new maximum, new $50 deductible): 50% x (955 - 50) = 452.50;
    //   patient 955 - 452.50 = 502.50.                       Patient total 1,157.50.
    //   Saving 1,610.00 - 1,157.50 = 452.50.
    // Moving "Prep #9" too (to Jan 1, seat Jan 13) prices the same and delays more;
    // the fewer moved visits win the tie.
    let lib = shipped();
    let plan = summit_patient("1200.00", TWO_CROWNS);
    let as_of = d("2026-11-23");
    let advice = advise(&lib, &plan, option_id(&plan, "Two crowns"), as_of)
        .unwrap()
        .expect("a saving");
    assert_eq!(advice.patient_before, c("1610.00"));
    assert_eq!(advice.patient_after, c("1157.50"));
    assert_eq!(advice.saving, c("452.50"));
    assert_eq!(advice.moved_visits, ["Seat #9"]);
    assert_eq!(advice.delay_days, 10);
    assert_eq!(advice.moved_to, d("2027-01-01"));
    assert_eq!(advice.new_option.name, "Two crowns (split at benefit year)");
    let dates: Vec<NaiveDate> = advice.new_option.visits.iter().map(|v| v.date).collect();
    assert_eq!(dates, [d("2026-12-01"), d("2026-12-10"), d("2027-01-01")]);

    // The new option, added to the plan, prices as promised and the crown on #9 is
    // dated at its seat visit in 2027.
    let mut with_split = plan.clone();
    with_split
        .apply(&ferrule::model::Edit::AddOption(advice.new_option.clone()))
        .unwrap();
    let scenarios = scenarios_for(&with_split, &[], &[], as_of).unwrap();
    let cmp = compare(&lib, &with_split, &scenarios, as_of).unwrap();
    assert_eq!(cmp.patient_totals(), vec![c("1610.00"), c("1157.50")]);
    let crown9 = cmp.line(&cmp.rows[1], 1).unwrap();
    assert_eq!(
        (crown9.date, crown9.insurance()),
        (d("2027-01-01"), c("452.50"))
    );

    let text = ferrule::report::comparison::advice_sentence("Two crowns", &advice);
    assert!(text.contains("saves the patient 452.50"), "{text}");
    assert!(text.contains("delayed by 10 days"), "{text}");
}

#[test]
fn advisor_refuses_a_move_that_breaks_a_frequency_limit() {
    // Maximum used up in 2026 ($1,500 of $1,500). Bitewings: 1 per benefit year.
    //   Crown #8 2026-12-01: pays 0, patient 955.00.
    //   2026-12-15: D0274 pays 0 (no maximum left), patient 68.00; crown #9 pays 0,
    //   patient 955.00.
    //   Recall 2027-06-01: D0274, first in 2027: pays 68.00, patient 0.00.
    //   Patient total 1,978.00.
    // The recall is already in 2027, so only moving the last two visits changes
    // anything: 2026-12-15 -> 2027-01-01 (17 days) and the recall -> 2027-06-18.
    // Then crown #9 pays 50% x (955 - 50) = 452.50 (patient 502.50) and the first
    // bitewings pay 68.00, but the recall's bitewings are the second set in 2027:
    // denied for frequency (patient 68.00). Total 955 + 0 + 502.50 + 68 = 1,525.50,
    // cheaper, yet refused because a line becomes newly denied for frequency.
    let lib = shipped();
    let options = r#"(name: "Crowns and recall", visits: [
        (id: 1, name: "Crown #8", date: "2026-12-01", lines: [(code: "D2740", tooth: "8")]),
        (id: 2, name: "Crown #9", date: "2026-12-15", lines: [(code: "D0274"), (code: "D2740", tooth: "9")]),
        (id: 3, name: "Recall", date: "2027-06-01", lines: [(code: "D0274")]),
    ])"#;
    let mut plan = summit_patient("1500.00", options);
    let as_of = d("2026-11-23");
    assert_eq!(
        advise(&lib, &plan, option_id(&plan, "Crowns and recall"), as_of).unwrap(),
        None
    );

    // The refused candidate, priced by hand-made dates, is indeed cheaper.
    let mut moved = plan.options[0].clone();
    moved.name = "Moved".into();
    moved.visits[1].date = d("2027-01-01");
    moved.visits[2].date = d("2027-06-18");
    plan.apply(&ferrule::model::Edit::AddOption(moved)).unwrap();
    let scenarios = scenarios_for(&plan, &[], &[], as_of).unwrap();
    let cmp = compare(&lib, &plan, &scenarios, as_of).unwrap();
    assert_eq!(cmp.patient_totals(), vec![c("1978.00"), c("1525.50")]);
    let recall = &cmp.scenarios[1].estimate.lines[3];
    assert!(recall.flags.contains(&Flag::FrequencyLimit));
}

#[test]
fn advisor_returns_none_when_moving_saves_nothing() {
    // Buildup-crown-19, porcelain: $1,200 left, so nothing is capped. Moving the
    // seat to 2027-01-01 puts the crown under a new $50 deductible: 50% x (803 - 50)
    // = 376.50 instead of 401.50, patient 955 - 376.50 = 578.50; total 138 + 578.50
    // = 716.50 > 691.50 as planned. No saving.
    let lib = shipped();
    let plan = sample();
    assert_eq!(
        advise(
            &lib,
            &plan,
            option_id(&plan, "Porcelain crown"),
            d("2026-11-23")
        )
        .unwrap(),
        None
    );
    // One visit: nothing to move.
    let one = summit_patient(
        "1200.00",
        r#"(name: "One", visits: [(id: 1, name: "V", date: "2026-12-01", lines: [(code: "D2740", tooth: "8")])])"#,
    );
    assert_eq!(
        advise(&lib, &one, option_id(&one, "One"), d("2026-11-23")).unwrap(),
        None
    );
    assert!(advise(&lib, &one, option_id(&one, "Nope"), d("2026-11-23")).is_err());
}

#[test]
fn cli_compare_json_has_the_scenario_totals() {
    // Both options under the file's Summit coverage (numbers as above):
    // porcelain 489.50 / 724.00 / 691.50, gold 565.50 / 768.00 / 686.50.
    let (code, stdout, stderr) = ferrule(&[
        "compare",
        "assets/samples/buildup-crown-19.ron",
        "--as-of",
        "2026-11-23",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let s = &json["scenarios"];
    assert_eq!(s[0]["option"], "Porcelain crown");
    assert_eq!(s[0]["setup"], "summit-ppo-1500");
    assert_eq!(s[0]["totals"]["fee"], "1905.00");
    assert_eq!(s[0]["totals"]["insurance"], "489.50");
    assert_eq!(s[0]["totals"]["write_off"], "724.00");
    assert_eq!(s[0]["totals"]["patient"], "691.50");
    assert_eq!(s[0]["totals"]["remaining_maximum_after"], "710.50");
    assert_eq!(s[1]["option"], "Gold crown");
    assert_eq!(s[1]["totals"]["insurance"], "565.50");
    assert_eq!(s[1]["totals"]["write_off"], "768.00");
    assert_eq!(s[1]["totals"]["patient"], "686.50");
    assert_eq!(s[1]["estimate"]["lines"][1]["code"], "D2790");
    assert_eq!(json["rows"][0]["code"], "D2950");
    assert_eq!(json["rows"][0]["differs"], false);
    assert_eq!(json["totals_differ"]["patient"], true);
    assert!(json["advice"].is_null());
}

#[test]
fn cli_compare_table_with_plans_and_errors() {
    let (code, stdout, stderr) = ferrule(&[
        "compare",
        "assets/samples/buildup-crown-19.ron",
        "--as-of",
        "2026-11-23",
        "--option",
        "Porcelain crown",
        "--plan",
        "bayside-ppo-2000",
        "--plan",
        "keystone-ppo-exclusions",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Porcelain crown / bayside-ppo-2000"),
        "{stdout}"
    );
    assert!(
        stdout.contains("696.00") && stdout.contains("672.50"),
        "{stdout}"
    );
    assert!(!stdout.contains("Suggestion:"), "{stdout}");
    let (code, _, stderr) = ferrule(&[
        "compare",
        "assets/samples/buildup-crown-19.ron",
        "--plan",
        "no-such-plan",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("\"no-such-plan\" is not in the library"),
        "{stderr}"
    );
}

#[test]
fn cli_compare_prints_the_advisor_suggestion_for_one_option() {
    let dir = std::env::temp_dir().join(format!("ferrule-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("two-crowns.ron");
    let plan = summit_patient("1200.00", TWO_CROWNS);
    library::save_treatment_plan(&path, &plan).unwrap();
    let (code, stdout, stderr) =
        ferrule(&["compare", path.to_str().unwrap(), "--as-of", "2026-11-23"]);
    let (jcode, json, _) = ferrule(&[
        "compare",
        path.to_str().unwrap(),
        "--as-of",
        "2026-11-23",
        "--format",
        "json",
    ]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!((code, jcode), (0, 0), "{stderr}");
    assert!(
        stdout.contains("Suggestion: Moving \"Seat #9\" of \"Two crowns\" to 2027-01-01"),
        "{stdout}"
    );
    assert!(stdout.contains("saves the patient 452.50"), "{stdout}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["advice"]["saving"], "452.50");
    assert_eq!(json["advice"]["delay_days"], 10);
    assert_eq!(
        json["advice"]["new_option"],
        "Two crowns (split at benefit year)"
    );
}

#[test]
fn uninsured_patient_can_price_a_library_plan() {
    // No coverage on file: Bayside alone is new coverage effective from the as-of
    // date (2026-11-23, before the visits), nothing used. Porcelain crown #19 under
    // Bayside: 212.00 + 484.00 = 696.00 (as above); uninsured: 1,905.00.
    let lib = shipped();
    let mut plan = sample();
    plan.coverage.clear();
    let as_of = d("2026-11-23");
    let scenarios = scenarios_for(
        &plan,
        &["Porcelain crown".to_string()],
        &["bayside-ppo-2000".to_string()],
        as_of,
    )
    .unwrap();
    assert_eq!(scenarios[0].setup.coverage[0].effective, Some(as_of));
    let own = scenarios_for(&plan, &["Porcelain crown".to_string()], &[], as_of).unwrap();
    assert_eq!(own[0].setup.label, "no insurance");
    let all: Vec<Scenario> = own.into_iter().chain(scenarios).collect();
    let cmp = compare(&lib, &plan, &all, as_of).unwrap();
    assert_eq!(cmp.patient_totals(), vec![c("1905.00"), c("696.00")]);
    assert_eq!(
        advise(&lib, &plan, option_id(&plan, "Porcelain crown"), as_of).unwrap(),
        None
    );
}

/// The option with this name (the test plans have unique names).
fn option_named<'a>(plan: &'a TreatmentPlan, name: &str) -> &'a ferrule::model::TreatmentOption {
    plan.choose_option(name).unwrap()
}

/// The id of the option with this name; an id no option has when none has it.
fn option_id(plan: &TreatmentPlan, name: &str) -> ferrule::model::OptionId {
    plan.choose_option(name)
        .map_or(ferrule::model::OptionId(999), |o| o.id)
}
