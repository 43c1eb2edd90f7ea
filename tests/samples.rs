//! The rule-family samples `assets/samples/rules-*.ron`: each loads against the
//! shipped library without problems, every option estimates, every line balances
//! (fee = write-off + payments + patient), the rule a sample shows flags the line it
//! is meant to flag, and a few key lines per sample match amounts figured by hand
//! from the fee schedules in `fee-schedules/` (office fees from `office-2026.ron`).
//!
//! All estimates are made as of 2026-11-23, so "benefits used" on each coverage
//! record belongs to 2026 and every line dated 2027 starts a fresh benefit year.

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use ferrule::engine::{self, Estimate, EstimateInput, Flag, LineEstimate, Step};
use ferrule::library;
use ferrule::model::Library;
use ferrule::money::Cents;

fn shipped_library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| library::load_dir(Path::new(env!("CARGO_MANIFEST_DIR"))))
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_else(|| panic!("bad as-of date"))
}

fn c(text: &str) -> Cents {
    Cents::parse(text).unwrap_or_else(|e| panic!("bad amount {text:?}: {e}"))
}

/// Loads `assets/samples/<file>`, checks that its first line is a `//` comment
/// naming every rule id in `rules`, that it has no problems with the library,
/// estimates every option and checks that every line balances. Returns the
/// estimates by option name, in file order.
fn estimate_sample(file: &str, rules: &[&str]) -> Vec<(String, Estimate)> {
    let lib = shipped_library();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("//"),
        "{file}: first line should be a comment"
    );
    for rule in rules {
        assert!(
            first.contains(rule),
            "{file}: first line should name rule {rule}: {first}"
        );
    }
    let doc = library::load_treatment_plan(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let problems = ferrule::engine::check::check_document(&doc, lib, as_of());
    assert!(problems.is_empty(), "{file}: {problems:#?}");
    assert!(!doc.options.is_empty(), "{file}: no options");
    doc.options
        .iter()
        .map(|option| {
            let input = EstimateInput::from_document(lib, &doc, Some(&option.name), as_of())
                .unwrap_or_else(|e| panic!("{file} / {}: {e}", option.name));
            let estimate = engine::estimate(&input);
            let lines = option.visits.iter().map(|v| v.lines.len()).sum::<usize>();
            assert_eq!(estimate.lines.len(), lines, "{file} / {}", option.name);
            for l in &estimate.lines {
                assert!(
                    l.balances(),
                    "{file} / {}: line {} {} does not balance: fee {} != write-off {} + insurance {} + patient {}",
                    option.name,
                    l.number,
                    l.code,
                    l.fee,
                    l.write_off,
                    l.insurance(),
                    l.patient
                );
            }
            (option.name.clone(), estimate)
        })
        .collect()
}

/// The only option's estimate.
fn only(mut options: Vec<(String, Estimate)>) -> Estimate {
    assert_eq!(options.len(), 1, "expected one option");
    options.remove(0).1
}

/// Line `number` (1-based, plan order), which must carry `code`.
fn line<'a>(estimate: &'a Estimate, number: usize, code: &str) -> &'a LineEstimate {
    let l = estimate
        .lines
        .iter()
        .find(|l| l.number == number)
        .unwrap_or_else(|| panic!("no line {number}"));
    assert_eq!(l.code.to_string(), code, "line {number} code");
    l
}

fn has(l: &LineEstimate, flag: Flag) {
    assert!(
        l.flags.contains(&flag),
        "line {} {} should be flagged {flag:?}; flags {:?}",
        l.number,
        l.code,
        l.flags
    );
}

fn lacks(l: &LineEstimate, flag: Flag) {
    assert!(
        !l.flags.contains(&flag),
        "line {} {} should not be flagged {flag:?}; flags {:?}",
        l.number,
        l.code,
        l.flags
    );
}

/// Each payer's payment (payer order), the patient and the write-off.
fn amounts(l: &LineEstimate, pays: &[&str], patient: &str, write_off: &str) {
    let paid: Vec<Cents> = l.payers.iter().map(|p| p.pays).collect();
    let expected: Vec<Cents> = pays.iter().map(|p| c(p)).collect();
    assert_eq!(paid, expected, "line {} {} payments", l.number, l.code);
    assert_eq!(
        l.patient,
        c(patient),
        "line {} {} patient",
        l.number,
        l.code
    );
    assert_eq!(
        l.write_off,
        c(write_off),
        "line {} {} write-off",
        l.number,
        l.code
    );
}

/// The line is bundled by `rule` into line `into` (and flagged so).
fn bundled(l: &LineEstimate, rule: &str, into: usize) {
    has(l, Flag::Bundled);
    let found = l.steps.iter().find_map(|s| match s {
        Step::Bundled {
            rule, into_line, ..
        } => Some((rule.clone(), *into_line)),
        _ => None,
    });
    assert_eq!(
        found,
        Some((rule.to_string(), into)),
        "line {} {} bundling",
        l.number,
        l.code
    );
}

/// The line is paid as `to` (and flagged so).
fn downgraded(l: &LineEstimate, to: &str) {
    has(l, Flag::Downgraded);
    let found = l.steps.iter().find_map(|s| match s {
        Step::Downgraded { to, .. } => Some(to.to_string()),
        _ => None,
    });
    assert_eq!(
        found.as_deref(),
        Some(to),
        "line {} {} paid as",
        l.number,
        l.code
    );
}

fn coordinated(l: &LineEstimate) {
    assert_eq!(l.payers.len(), 2, "line {} {} payers", l.number, l.code);
    assert!(
        l.steps
            .iter()
            .any(|s| matches!(s, Step::Coordination { .. })),
        "line {} {} should show the secondary's coordination: {:?}",
        l.number,
        l.code,
        l.steps
    );
}

#[test]
fn frequency_sample_denies_over_limit_lines_and_the_buildup_with_its_crown() {
    let est = only(estimate_sample(
        "rules-frequency.ron",
        &["CR2", "GE3", "BU12"],
    ));
    // Third exam and cleaning of 2026 (two of each on file): denied, billed at the
    // Summit fee (D0120 81 - 58 = 23 written off; D1110 140 - 101 = 39).
    let exam = line(&est, 1, "D0120");
    has(exam, Flag::FrequencyLimit);
    amounts(exam, &["0.00"], "58.00", "23.00");
    has(line(&est, 2, "D1110"), Flag::FrequencyLimit);

    // Crown #30 seated 2027-01-26, prior crown 2023-05-16: inside 5 years (CR2, GE3).
    // Denied; the patient owes the Summit fee 955.00 (office 1,540 - 955 = 585 off).
    let crown = line(&est, 4, "D2740");
    has(crown, Flag::FrequencyLimit);
    amounts(crown, &["0.00"], "955.00", "585.00");

    // BU12: the buildup on #30 passes its own limit but is denied with the crown:
    // Summit D2950 226.00 owed; 365 - 226 = 139 written off.
    let buildup = line(&est, 3, "D2950");
    has(buildup, Flag::FrequencyLimit);
    assert!(
        buildup
            .steps
            .iter()
            .any(|s| matches!(s, Step::DeniedWithCrown { .. })),
        "{:?}",
        buildup.steps
    );
    amounts(buildup, &["0.00"], "226.00", "139.00");

    // Root planing: upper right done 2025-06-10 -> to the month, eligible 2027-06-01.
    has(line(&est, 5, "D4341"), Flag::FrequencyLimit);
    // Lower right has no history: allowed 205.00 (Summit), 2027 deductible 50 ->
    // 80% x 155.00 = 124.00; patient 205 - 124 = 81.00; write-off 310 - 205 = 105.00.
    let lr = line(&est, 6, "D4341");
    lacks(lr, Flag::FrequencyLimit);
    has(lr, Flag::DeductibleApplied);
    amounts(lr, &["124.00"], "81.00", "105.00");
}

#[test]
fn bundling_sample_shows_each_summit_rule_on_its_line() {
    let est = only(estimate_sample(
        "rules-bundling.ron",
        &[
            "B1", "BU5", "B3", "BU6", "B4", "BU7", "B10", "B15", "B18", "B19",
        ],
    ));
    // (line, code, rule, bundled into line). Every rule here disallows: in network
    // the whole office fee is written off and the patient owes nothing.
    let cases = [
        (2, "D0140", "B10", 1),
        (4, "D0274", "B15", 3),
        (5, "D3220", "B19", 8),
        (6, "D9110", "B18", 7),
        (10, "D2951", "B1", 9),
        (12, "D2949", "B3", 11),
        (13, "D2392", "B4", 11),
    ];
    for (number, code, rule, into) in cases {
        let l = line(&est, number, code);
        bundled(l, rule, into);
        let fee = l.fee.to_plain_string();
        amounts(l, &["0.00"], "0.00", &fee);
    }
    // B1: pins D2951 #19, office fee 74.00, all written off.
    amounts(line(&est, 10, "D2951"), &["0.00"], "0.00", "74.00");
    // The buildups themselves are paid: #19 takes the 2027 deductible,
    // 50% x (226 - 50) = 88.00; #30 50% x 226 = 113.00.
    lacks(line(&est, 9, "D2950"), Flag::Bundled);
    amounts(line(&est, 11, "D2950"), &["113.00"], "113.00", "139.00");

    // D2140 #20 O, first basic line of 2026: allowed 106.00, deductible 50 ->
    // 80% x 56.00 = 44.80; patient 106 - 44.80 = 61.20; write-off 160 - 106 = 54.00.
    amounts(line(&est, 7, "D2140"), &["44.80"], "61.20", "54.00");
    // D3330 #19 (the root canal the pulpotomy went into): allowed 931.00, deductible
    // met -> 80% = 744.80; patient 931 - 744.80 = 186.20; write-off 1,410 - 931 = 479.
    let rct = line(&est, 8, "D3330");
    lacks(rct, Flag::Bundled);
    amounts(rct, &["744.80"], "186.20", "479.00");
}

#[test]
fn bayside_bundling_sample_bills_the_buildup_inside_the_crown_to_the_patient() {
    let est = only(estimate_sample(
        "rules-bundling-bayside.ron",
        &["B2", "BU8", "B1", "BU5", "CR5"],
    ));
    // B2/BU8: the buildup is part of the crown benefit, denied at the contracted fee:
    // Bayside D2950 212.00 owed by the patient; 365 - 212 = 153 written off.
    let buildup = line(&est, 1, "D2950");
    bundled(buildup, "B2", 3);
    amounts(buildup, &["0.00"], "212.00", "153.00");
    // B1 pins: disallowed, office fee 74.00 written off.
    let pins = line(&est, 2, "D2951");
    bundled(pins, "B1", 1);
    amounts(pins, &["0.00"], "0.00", "74.00");
    // Crown seated 2027-01-05 (2027 deductible 75): allowed 893.00, 50% x (893 - 75)
    // = 409.00; patient 893 - 409 = 484.00; write-off 1,540 - 893 = 647.00.
    let crown = line(&est, 3, "D2740");
    has(crown, Flag::DeductibleApplied);
    amounts(crown, &["409.00"], "484.00", "647.00");
}

#[test]
fn downgrade_sample_pays_back_tooth_composites_and_molar_crowns_as_cheaper_codes() {
    let est = only(estimate_sample("rules-downgrades.ron", &["CR1", "CR7"]));
    // Every surface count of a back-tooth composite maps to its amalgam.
    downgraded(line(&est, 1, "D2391"), "D2140");
    downgraded(line(&est, 2, "D2392"), "D2150");
    downgraded(line(&est, 3, "D2393"), "D2160");
    downgraded(line(&est, 4, "D2394"), "D2161");
    lacks(line(&est, 5, "D2330"), Flag::Downgraded);
    downgraded(line(&est, 6, "D2740"), "D2791");
    downgraded(line(&est, 7, "D2790"), "D2750");
    lacks(line(&est, 8, "D2740"), Flag::Downgraded);

    // D2392 #5 MO (2026, deductible met): Summit D2392 185.00, D2150 132.00 ->
    // 80% x 132 = 105.60; patient 185 - 105.60 = 79.40; write-off 280 - 185 = 95.00.
    amounts(line(&est, 2, "D2392"), &["105.60"], "79.40", "95.00");
    // D2740 #19 seated 2027-01-25, first 2027 line: D2740 955.00 paid as D2791 803.00,
    // deductible 50 -> 50% x 753 = 376.50; patient 955 - 376.50 = 578.50; off 585.00.
    amounts(line(&est, 6, "D2740"), &["376.50"], "578.50", "585.00");
    // CR7: D2790 #30: D2790 1,026.00 paid as D2750 955.00 -> 50% = 477.50; the patient
    // owes the rest of the D2790 fee, 1,026 - 477.50 = 548.50; write-off 1,655 - 1,026.
    amounts(line(&est, 7, "D2790"), &["477.50"], "548.50", "629.00");
    // Front crown #9: 50% x 955 = 477.50, nothing downgraded.
    amounts(line(&est, 8, "D2740"), &["477.50"], "477.50", "585.00");
}

#[test]
fn bayside_downgrade_sample_pays_buildup_and_post_at_cheaper_rates() {
    let est = only(estimate_sample(
        "rules-downgrades-bayside.ron",
        &["BU9", "BU10"],
    ));
    // BU9: D2950 #19 (2026, deductible met): Bayside D2950 212.00 paid as D2949 107.00
    // -> 50% = 53.50; patient 212 - 53.50 = 158.50; write-off 365 - 212 = 153.00.
    let buildup = line(&est, 1, "D2950");
    downgraded(buildup, "D2949");
    amounts(buildup, &["53.50"], "158.50", "153.00");
    // BU10: D2952 #30 (2027, deductible 75): D2952 374.00 paid as D2950 212.00 ->
    // 50% x (212 - 75) = 68.50; patient 374 - 68.50 = 305.50; write-off 645 - 374.
    let post = line(&est, 2, "D2952");
    downgraded(post, "D2950");
    has(post, Flag::DeductibleApplied);
    amounts(post, &["68.50"], "305.50", "271.00");
    // The crown is not downgraded by Bayside: 50% x 893 = 446.50.
    let crown = line(&est, 3, "D2740");
    lacks(crown, Flag::Downgraded);
    amounts(crown, &["446.50"], "446.50", "647.00");
}

#[test]
fn exclusion_sample_bills_excluded_lines_at_the_office_fee() {
    let est = only(estimate_sample("rules-exclusions.ron", &["CR3", "AP2"]));
    // Keystone bills denied lines at the office fee: nothing written off.
    for (number, code, fee) in [
        (1, "D3351", "430.00"),
        (2, "D3352", "230.00"),
        (3, "D2790", "1655.00"),
        (5, "D6010", "2580.00"),
    ] {
        let l = line(&est, number, code);
        has(l, Flag::Excluded);
        amounts(l, &["0.00"], fee, "0.00");
    }
    // The ceramic crown #14 is covered but needs pre-authorization: Keystone 1,047.00,
    // 2027 deductible 50 -> 50% x 997 = 498.50; patient 1,047 - 498.50 = 548.50;
    // write-off 1,540 - 1,047 = 493.00.
    let crown = line(&est, 4, "D2740");
    has(crown, Flag::PreauthorizationRequired);
    lacks(crown, Flag::Excluded);
    amounts(crown, &["498.50"], "548.50", "493.00");
}

#[test]
fn age_sample_ends_fluoride_on_the_19th_birthday_and_sealants_after_15() {
    let options = estimate_sample("rules-age-waiting.ron", &["through age"]);
    assert_eq!(options.len(), 2);
    let (before, on) = (&options[0], &options[1]);
    assert_eq!(before.0, "Day before the 19th birthday");
    assert_eq!(on.0, "On the 19th birthday");

    // 2027-01-19, age 18: fluoride covered through 18 -> Summit D1206 40.00 at 100%;
    // write-off 55 - 40 = 15.00.
    let fluoride = line(&before.1, 3, "D1206");
    lacks(fluoride, Flag::AgeLimit);
    amounts(fluoride, &["40.00"], "0.00", "15.00");
    // Sealant at 18, covered through 15: the patient owes Summit's 47.00 (65 - 47 off).
    let sealant = line(&before.1, 4, "D1351");
    has(sealant, Flag::AgeLimit);
    amounts(sealant, &["0.00"], "47.00", "18.00");

    // 2027-01-20, the 19th birthday: fluoride is no longer covered; patient 40.00.
    let fluoride = line(&on.1, 3, "D1206");
    has(fluoride, Flag::AgeLimit);
    amounts(fluoride, &["0.00"], "40.00", "15.00");
    has(line(&on.1, 4, "D1351"), Flag::AgeLimit);
    // The exam and cleaning are not age-limited.
    lacks(line(&on.1, 1, "D0120"), Flag::AgeLimit);
    lacks(line(&on.1, 2, "D1110"), Flag::AgeLimit);
}

#[test]
fn waiting_period_sample_covers_the_filling_from_the_first_day_after_six_months() {
    let est = only(estimate_sample(
        "rules-age-waiting-crestline.ron",
        &["Waiting periods"],
    ));
    // Effective 2026-06-15: basic covered from 2026-12-15. Indemnity, no contract:
    // a denied line is owed at the office fee (D2391 220.00), nothing written off.
    let early = line(&est, 1, "D2391");
    has(early, Flag::WaitingPeriod);
    amounts(early, &["0.00"], "220.00", "0.00");
    // 2026-12-15: covered. Crestline R&C D2392 238.00 (office 280), deductible 100 ->
    // 80% x 138 = 110.40; patient 280 - 110.40 = 169.60 (balance-billed, no write-off).
    let covered = line(&est, 2, "D2392");
    lacks(covered, Flag::WaitingPeriod);
    has(covered, Flag::DeductibleApplied);
    amounts(covered, &["110.40"], "169.60", "0.00");
    // Crown seated 2027-02-24; major covered from 2027-06-15: office fee 1,540.00.
    let crown = line(&est, 3, "D2740");
    has(crown, Flag::WaitingPeriod);
    amounts(crown, &["0.00"], "1540.00", "0.00");
}

#[test]
fn maximum_sample_runs_out_mid_plan_and_resets_in_january() {
    let est = only(estimate_sample(
        "rules-maximum-deductible.ron",
        &["GE2", "maximum", "deductible"],
    ));
    // $1,500 maximum, $1,300 used -> $200.00 left in 2026; deductible $50 unmet.
    // 1. D2140 #20 O: Summit 106.00, deductible 50 -> 80% x 56 = 44.80 (155.20 left);
    //    patient 106 - 44.80 = 61.20; write-off 160 - 106 = 54.00.
    let first = line(&est, 1, "D2140");
    has(first, Flag::DeductibleApplied);
    assert_eq!(first.deductible, c("50.00"));
    amounts(first, &["44.80"], "61.20", "54.00");
    // 2. D2150 #29 MO: no deductible left -> 80% x 132 = 105.60 (49.60 left).
    let second = line(&est, 2, "D2150");
    assert_eq!(second.deductible, Cents::ZERO);
    lacks(second, Flag::MaximumReached);
    amounts(second, &["105.60"], "26.40", "68.00");
    // 3. D2331 #8 MI: 80% x 152 = 121.60, cut to the 49.60 left; patient 152 - 49.60
    //    = 102.40; write-off 230 - 152 = 78.00.
    let third = line(&est, 3, "D2331");
    has(third, Flag::MaximumReached);
    amounts(third, &["49.60"], "102.40", "78.00");
    // 4. D2330 #9 M: nothing left; the patient owes Summit's 125.00 (still written off).
    let fourth = line(&est, 4, "D2330");
    has(fourth, Flag::MaximumReached);
    amounts(fourth, &["0.00"], "125.00", "65.00");
    // 5. D2160 #3 MOD on 2027-01-13: fresh deductible and maximum: Summit 158.00,
    //    deductible 50 -> 80% x 108 = 86.40; patient 158 - 86.40 = 71.60; off 82.00.
    let january = line(&est, 5, "D2160");
    has(january, Flag::DeductibleApplied);
    lacks(january, Flag::MaximumReached);
    assert_eq!(january.deductible, c("50.00"));
    amounts(january, &["86.40"], "71.60", "82.00");
}

#[test]
fn secondary_sample_coordinates_bayside_by_non_duplication_on_every_line() {
    let est = only(estimate_sample("rules-secondary.ron", &["Coordination"]));
    for l in &est.lines {
        coordinated(l);
    }
    // D0120: Summit pays its 58.00 in full; Bayside's own 55.00 is less -> 0.
    amounts(line(&est, 1, "D0120"), &["58.00", "0.00"], "0.00", "23.00");
    // D2391 #19 O: Summit 145.00 paid as D2140 106.00 -> 80% = 84.80 (balance 60.20);
    // Bayside D2391 136.00, no downgrade -> 80% = 108.80; 108.80 - 84.80 = 24.00;
    // patient 60.20 - 24.00 = 36.20; write-off 220 - 145 = 75.00.
    let filling = line(&est, 4, "D2391");
    downgraded(filling, "D2140");
    amounts(filling, &["84.80", "24.00"], "36.20", "75.00");
    // D2331 #8 MI: Summit 80% x 152 = 121.60; Bayside 80% x 143 = 114.40 < 121.60 -> 0;
    // patient 152 - 121.60 = 30.40.
    amounts(
        line(&est, 5, "D2331"),
        &["121.60", "0.00"],
        "30.40",
        "78.00",
    );
    // Crown #19 seated 2027-01-27, both deductibles restart:
    // Summit 955 paid as D2791 803, deductible 50 -> 50% x 753 = 376.50 (balance 578.50);
    // Bayside 893, deductible 75 -> 50% x 818 = 409.00; 409.00 - 376.50 = 32.50;
    // patient 578.50 - 32.50 = 546.00; write-off 1,540 - 955 = 585.00.
    let crown = line(&est, 6, "D2740");
    assert_eq!(crown.payers[1].deductible, c("75.00"));
    amounts(crown, &["376.50", "32.50"], "546.00", "585.00");
}

#[test]
fn medicaid_secondary_sample_leaves_the_child_owing_nothing() {
    let est = only(estimate_sample(
        "rules-secondary-medicaid.ron",
        &["Coordination", "Medicaid"],
    ));
    for l in &est.lines {
        coordinated(l);
        assert_eq!(l.patient, Cents::ZERO, "line {} {}", l.number, l.code);
    }
    // D1120: Summit's own records hold two 2026 cleanings, so Summit denies it and the
    // contracted 71.00 is the balance; Medicaid (Keystone list, 77.00 at 100%) pays
    // 71.00; write-off 99 - 71 = 28.00.
    let cleaning = line(&est, 2, "D1120");
    has(cleaning, Flag::FrequencyLimit);
    amounts(cleaning, &["0.00", "71.00"], "0.00", "28.00");
    // D2391 #19 O on 2027-01-12: Summit 145 paid as D2140 106, deductible 50 ->
    // 80% x 56 = 44.80 (balance 100.20); Medicaid's 158.00 covers it -> 100.20;
    // write-off 220 - 145 = 75.00.
    amounts(
        line(&est, 4, "D2391"),
        &["44.80", "100.20"],
        "0.00",
        "75.00",
    );
}
