//! Issue 16 item 9: plan settings carriers differ on, each tested at its default
//! (today's numbers) and switched: the billing of a denied line by its reason, a
//! code's waiting period replacing its class's, no write-off on a downgraded line,
//! and the pricing of a downgrade's cheaper code the contract does not list.
//! (The two COB settings are in `in_network_cob`.)
//!
//! One in-network PPO (Diagnostic/Preventive 100, Basic 80, Major/Prostho 50, no
//! deductible) with these fees:
//!
//! | Code  | Office  | Contracted |   | Code  | Office  | Contracted |
//! |-------|---------|------------|---|-------|---------|------------|
//! | D0120 |   75.00 |      48.00 |   | D2740 | 1400.00 |     880.00 |
//! | D1208 |   45.00 |      30.00 |   | D2750 | 1350.00 |     850.00 |
//! | D2150 |  150.00 |  (unlisted)|   | D2791 | 1300.00 |     760.00 |
//! | D2392 |  260.00 |     165.00 |   | D3330 | 1200.00 |     800.00 |
//! | D2950 |  350.00 |     210.00 |   | D6245 | 1300.00 |     800.00 |

use ferrule::engine::{Flag, Step};
use ferrule::report::wording::sentence;

use crate::util::{Case, Row, assert_row, d, line, row};

/// The PPO with `rules` appended; the patient (born 1980, covered from
/// `effective`, tooth #30 missing since 2019) has one option of `visits`.
fn ppo(rules: &str, effective: &str, visits: &str) -> Case {
    Case::new()
        .office(&[
            ("D0120", "75.00"),
            ("D1208", "45.00"),
            ("D2150", "150.00"),
            ("D2392", "260.00"),
            ("D2740", "1400.00"),
            ("D2750", "1350.00"),
            ("D2791", "1300.00"),
            ("D2950", "350.00"),
            ("D3330", "1200.00"),
            ("D6245", "1300.00"),
        ])
        .contracted(
            "ppo-fees",
            &[
                ("D0120", "48.00"),
                ("D1208", "30.00"),
                ("D2392", "165.00"),
                ("D2740", "880.00"),
                ("D2750", "850.00"),
                ("D2791", "760.00"),
                ("D2950", "210.00"),
                ("D3330", "800.00"),
                ("D6245", "800.00"),
            ],
        )
        .plan(
            "ppo",
            &format!(
                r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: {{
        Diagnostic: 100, Preventive: 100, BasicRestorative: 80, MajorRestorative: 50,
        Prosthodontics: 50,
    }},
{rules}"#
            ),
        )
        .treatment(&format!(
            r#"
    patient: (name: "Sam Settings", birth_date: "1980-01-01",
        missing_teeth: [(tooth: "30", since: "2019-01-01")]),
    coverage: [(plan: "ppo", effective: "{effective}")],
    options: [(name: "Plan", visits: [{visits}])],"#
        ))
}

/// Six denials, one per reason: a second exam over a one-a-year limit (line 2),
/// fluoride at 46 (age, line 3), an excluded buildup (line 4), a crown in a
/// 10-year code waiting period (line 5), a pontic for #30, missing before
/// coverage (line 6), and a root canal in a class the plan does not cover (7).
const DENIALS: &str = r#"
    frequency_limits: [(name: "Exams", codes: ["D0120"], count: 1, window: BenefitYear, scope: Patient)],
    age_limits: [(codes: ["D1208"], through_age: 18)],
    exclusions: [(codes: ["D2950"], reason: "Buildups are not a benefit")],
    waiting_periods: [(codes: ["D2740"], months: 120)],
    missing_tooth_clause: (codes: ["D6245"], denies: ReplacingUnitOnly),"#;

const DENIED_LINES: &str = r#"(id: 1, name: "Visit", date: "2026-04-01", lines: [
    (code: "D0120"), (code: "D0120"), (code: "D1208"), (code: "D2950", tooth: "19"),
    (code: "D2740", tooth: "3"), (code: "D6245", tooth: "30"), (code: "D3330", tooth: "14"),
])"#;

/// (line, reason field, fee, contracted) of each denied line.
const REASONS: [(usize, &str, &str, &str); 6] = [
    (2, "frequency", "75.00", "48.00"),
    (3, "age", "45.00", "30.00"),
    (4, "excluded", "350.00", "210.00"),
    (5, "waiting_period", "1400.00", "880.00"),
    (6, "missing_tooth", "1300.00", "800.00"),
    (7, "not_covered", "1200.00", "800.00"),
];

/// A denied line billed at the contracted fee: write-off fee - contracted, the
/// patient the contracted fee; at the office fee: no write-off, the patient the fee.
fn denied_row(fee: &str, contracted: &str, at_office_fee: bool) -> Row {
    if at_office_fee {
        row(fee, contracted, "0.00", "0.00", &["0.00"], fee)
    } else {
        let write_off = crate::util::c(fee) - crate::util::c(contracted);
        row(
            fee,
            contracted,
            &write_off.to_string(),
            "0.00",
            &["0.00"],
            contracted,
        )
    }
}

fn denials_billed(settings: &str) -> ferrule::engine::Estimate {
    ppo(
        &format!("{DENIALS}\n{settings}"),
        "2020-01-01",
        DENIED_LINES,
    )
    .estimate(None, "2026-03-01")
}

/// Item 9, denied billing by reason, default: every reason bills the contracted fee
/// (e.g. line 5: write-off 1400 - 880 = 520, patient 880) and no step mentions a
/// per-reason setting.
#[test]
fn by_default_every_denied_line_is_billed_at_the_contracted_fee() {
    let e = denials_billed("");
    for (n, reason, fee, contracted) in REASONS {
        assert_row(&e, n, denied_row(fee, contracted, false));
        let by_reason = line(&e, n)
            .steps
            .iter()
            .any(|s| matches!(s, Step::DeniedBilledAt { .. }));
        assert!(!by_reason, "{reason}");
    }
}

/// Item 9, denied billing by reason, switched one reason at a time: only that
/// reason's line is billed at the office fee (write-off 0, patient = fee, e.g.
/// line 2: 75); the other five stay at the contracted fee.
#[test]
fn each_reason_can_be_billed_at_the_office_fee_on_its_own() {
    for (_, switched, _, _) in REASONS {
        let e = denials_billed(&format!(
            "    settings: (denied_billing_by_reason: ({switched}: OfficeFee)),"
        ));
        for (n, reason, fee, contracted) in REASONS {
            assert_row(&e, n, denied_row(fee, contracted, reason == switched));
        }
    }
}

/// Item 9: a reason's setting wins over the plan-wide `denied_lines_billed_at`:
/// with every denial at the office fee except frequency at the contracted fee,
/// line 2 is 27 written off / 48 owed and line 3 owes its whole fee 45. The step
/// says which setting billed the frequency line.
#[test]
fn a_reasons_setting_beats_the_plan_wide_one() {
    let e = denials_billed(
        "    settings: (denied_lines_billed_at: OfficeFee, denied_billing_by_reason: (frequency: ContractedFee)),",
    );
    for (n, reason, fee, contracted) in REASONS {
        assert_row(&e, n, denied_row(fee, contracted, reason != "frequency"));
    }
    let step = line(&e, 2)
        .steps
        .iter()
        .find(|s| matches!(s, Step::DeniedBilledAt { .. }))
        .expect("the step of the reason's setting");
    assert_eq!(
        sentence(step),
        "ppo: this plan bills a line denied for a frequency limit at the contracted fee, so the office may collect $48.00 for it."
    );
}

const WAITS: &str = r#"
    waiting_periods: [(classes: [MajorRestorative], months: 12), (codes: ["D2740"], months: 6)],"#;
const REPLACES: &str = "    settings: (code_waiting_replaces_class: true),";

fn crown_on(code: &str, date: &str) -> String {
    format!(r#"(id: 1, name: "Crown", date: "{date}", lines: [(code: "{code}", tooth: "30")])"#)
}

/// Item 9, waiting periods, default: the code's 6 months add to the class's 12, so
/// a crown 7 months after 2026-01-01 is still waiting (until 2027-01-01); billed at
/// the contracted fee: write-off 1400 - 880 = 520, patient 880.
#[test]
fn a_code_waiting_period_adds_to_its_class_by_default() {
    let e = ppo(WAITS, "2026-01-01", &crown_on("D2740", "2026-08-03")).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "880.00", "520.00", "0.00", &["0.00"], "880.00"),
    );
    assert!(line(&e, 1).flags.contains(&Flag::WaitingPeriod));
}

/// Item 9, waiting periods, switched: the code's 6 months (served 2026-07-01)
/// replace the class's 12, so the crown is covered: 50% x 880 = 440, patient 440,
/// write-off 520. Check: 520 + 440 + 440 = 1400. The step names both periods.
#[test]
fn a_code_waiting_period_can_replace_its_class() {
    let rules = format!("{WAITS}\n{REPLACES}");
    let e =
        ppo(&rules, "2026-01-01", &crown_on("D2740", "2026-08-03")).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00"),
    );
    let replaced = line(&e, 1).steps.iter().find_map(|s| match s {
        Step::WaitingPeriodReplaced {
            months,
            class_months,
            class_covered_from,
            ..
        } => Some((*months, *class_months, *class_covered_from)),
        _ => None,
    });
    assert_eq!(replaced, Some((6, 12, d("2027-01-01"))));
}

/// Item 9, waiting periods, switched, near misses: before the code's own 6 months
/// end (2026-06-15 < 2026-07-01) the crown still waits, under the code's period; a
/// crown code without its own period (D2750) keeps the class's 12 months.
#[test]
fn a_replacing_code_period_still_holds_back_and_other_codes_keep_the_class() {
    let rules = format!("{WAITS}\n{REPLACES}");
    let early =
        ppo(&rules, "2026-01-01", &crown_on("D2740", "2026-06-15")).estimate(None, "2026-03-01");
    let wait = line(&early, 1).steps.iter().find_map(|s| match s {
        Step::WaitingPeriod {
            months,
            covered_from,
            ..
        } => Some((*months, *covered_from)),
        _ => None,
    });
    assert_eq!(wait, Some((6, d("2026-07-01"))));
    let other =
        ppo(&rules, "2026-01-01", &crown_on("D2750", "2026-08-03")).estimate(None, "2026-03-01");
    // D2750 denied in the class's period: write-off 1350 - 850 = 500, patient 850.
    assert_row(
        &other,
        1,
        row("1350.00", "850.00", "500.00", "0.00", &["0.00"], "850.00"),
    );
}

const MOLAR_CROWNS: &str = r#"
    alternate_benefits: [(name: "Molar crowns as base metal", paid_as: { "D2740": "D2791" }, teeth: Molar)],"#;

/// Item 9, downgraded lines, default: D2740 on #30 paid as D2791: 50% x 760 = 380;
/// the office writes off down to D2740's contracted fee, 1400 - 880 = 520; patient
/// 880 - 380 = 500. Check: 520 + 380 + 500 = 1400.
#[test]
fn a_downgraded_line_is_written_off_by_default() {
    let e = ppo(MOLAR_CROWNS, "2020-01-01", &crown_on("D2740", "2026-04-01"))
        .estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "880.00", "520.00", "0.00", &["380.00"], "500.00"),
    );
}

/// Item 9, downgraded lines, switched: no write-off, so the patient owes the office
/// fee less the payment, 1400 - 380 = 1020. Near miss: a crown on #8 is not
/// downgraded and keeps its write-off (50% x 880 = 440, write-off 520, patient 440).
#[test]
fn a_plan_can_refuse_the_write_off_on_a_downgraded_line() {
    let rules = format!("{MOLAR_CROWNS}\n    settings: (write_off_on_downgrade: false),");
    let visits = r#"(id: 1, name: "Crowns", date: "2026-04-01", lines: [
        (code: "D2740", tooth: "30"), (code: "D2740", tooth: "8"),
    ])"#;
    let e = ppo(&rules, "2020-01-01", visits).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("1400.00", "880.00", "0.00", "0.00", &["380.00"], "1020.00"),
    );
    let step = line(&e, 1)
        .steps
        .iter()
        .find(|s| matches!(s, Step::NoWriteOffOnDowngrade { .. }))
        .expect("the no-write-off step");
    assert_eq!(
        sentence(step),
        "ppo: this plan does not write off on a line it pays as a cheaper code, so the office may bill its fee of $1,400.00."
    );
    assert_row(
        &e,
        2,
        row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00"),
    );
}

const COMPOSITES: &str = r#"
    alternate_benefits: [(name: "Composites as amalgam", paid_as: { "D2392": "D2150" }, teeth: Posterior)],"#;

fn filling() -> String {
    r#"(id: 1, name: "Filling", date: "2026-04-01", lines: [(code: "D2392", tooth: "19", surfaces: "MO")])"#
        .to_string()
}

/// Item 9, unlisted substitute, default: D2150 is not on the contract, so its
/// office fee 150 is the downgrade basis: 80% x 150 = 120; patient 165 - 120 = 45;
/// write-off 260 - 165 = 95. Check: 95 + 120 + 45 = 260. The sentence says the
/// amount is the office fee.
#[test]
fn an_unlisted_cheaper_code_is_priced_at_its_office_fee_by_default() {
    let e = ppo(COMPOSITES, "2020-01-01", &filling()).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("260.00", "165.00", "95.00", "0.00", &["120.00"], "45.00"),
    );
    let step = line(&e, 1)
        .steps
        .iter()
        .find(|s| matches!(s, Step::Downgraded { .. }))
        .expect("a downgrade");
    assert_eq!(
        sentence(step),
        "ppo: D2392 is paid as D2150 (\"Composites as amalgam\"); the plan's fee schedule does not list D2150, so the office fee for D2150, $150.00, is used, and benefits are figured on $150.00."
    );
}

/// Item 9, unlisted substitute, switched: the line is priced at D2392's own
/// contracted fee 165: 80% x 165 = 132; patient 33; write-off 95. Check:
/// 95 + 132 + 33 = 260. Not flagged as downgraded; the step says which fee.
#[test]
fn an_unlisted_cheaper_code_can_be_priced_at_the_billed_codes_fee() {
    let rules = format!("{COMPOSITES}\n    settings: (unlisted_substitute: BilledCodeFee),");
    let e = ppo(&rules, "2020-01-01", &filling()).estimate(None, "2026-03-01");
    assert_row(
        &e,
        1,
        row("260.00", "165.00", "95.00", "0.00", &["132.00"], "33.00"),
    );
    let l = line(&e, 1);
    assert!(!l.flags.contains(&Flag::Downgraded));
    let step = l
        .steps
        .iter()
        .find(|s| matches!(s, Step::SubstituteAtBilledFee { .. }))
        .expect("the substitute step");
    assert_eq!(
        sentence(step),
        "ppo: \"Composites as amalgam\" would pay D2392 as D2150, but the plan's fee schedule does not list D2150; this plan then uses D2392's own allowed fee, $165.00, so the line is not downgraded."
    );
}

/// Item 9, unlisted substitute, near miss: when the contract lists D2150 (120) the
/// setting changes nothing (dental-benefits.md §6.2): 80% x 120 = 96, patient 69,
/// write-off 95, under either setting; the sentence calls 120 the allowed fee.
#[test]
fn a_listed_cheaper_code_is_priced_from_the_contract_under_either_setting() {
    for setting in ["SubstituteOfficeFee", "BilledCodeFee"] {
        let e = listed_d2150(setting).estimate(None, "2026-03-01");
        assert_row(
            &e,
            1,
            row("260.00", "165.00", "95.00", "0.00", &["96.00"], "69.00"),
        );
        let step = line(&e, 1)
            .steps
            .iter()
            .find(|s| matches!(s, Step::Downgraded { .. }))
            .expect("a downgrade");
        assert!(
            sentence(step).contains("D2150 is allowed $120.00"),
            "{setting}"
        );
    }
}

/// The composite case with D2150 on the contract at 120.
fn listed_d2150(setting: &str) -> Case {
    Case::new()
        .office(&[("D2150", "150.00"), ("D2392", "260.00")])
        .contracted("ppo-fees", &[("D2150", "120.00"), ("D2392", "165.00")])
        .plan(
            "ppo",
            &format!(
                r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: {{ BasicRestorative: 80 }},
{COMPOSITES}
    settings: (unlisted_substitute: {setting}),"#
            ),
        )
        .treatment(&format!(
            r#"
    patient: (name: "Sam Settings", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [{}])],"#,
            filling()
        ))
}
