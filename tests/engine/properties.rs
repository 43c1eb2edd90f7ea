//! Properties over random plans and treatment options: whatever the plan and the
//! lines, every line reconciles, nothing is negative, no payer pays more than it
//! allows, no plan pays more in a benefit year than its maximum had left, and the
//! estimate is the same when computed twice.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use crate::util::{Case, d};

/// The codes a random option draws from: (code, tooth, surfaces, office fee in cents).
const CODES: [(&str, Option<&str>, Option<&str>, i64); 16] = [
    ("D0120", None, None, 7_500),
    ("D0274", None, None, 9_000),
    ("D1110", None, None, 13_000),
    ("D1208", None, None, 4_500),
    ("D2391", Some("19"), Some("O"), 20_000),
    ("D2392", Some("30"), Some("MO"), 26_000),
    ("D2740", Some("30"), None, 140_000),
    ("D2750", Some("3"), None, 135_000),
    ("D2790", Some("19"), None, 150_000),
    ("D2950", Some("19"), None, 35_000),
    ("D2951", Some("19"), None, 6_000),
    ("D3220", Some("30"), None, 25_000),
    ("D3330", Some("30"), None, 120_000),
    ("D6245", Some("30"), None, 130_000),
    ("D6740", Some("29"), None, 140_000),
    ("D7140", Some("1"), None, 22_500),
];

/// Codes only used as alternate-benefit targets.
const ALTERNATES: [(&str, i64); 3] = [("D2140", 16_000), ("D2150", 20_000), ("D2791", 130_000)];

const CLASSES: [&str; 7] = [
    "Diagnostic",
    "Preventive",
    "BasicRestorative",
    "MajorRestorative",
    "Endodontics",
    "Prosthodontics",
    "OralSurgery",
];

const COB: [&str; 6] = [
    "Standard",
    "NonDuplication",
    "CarveOut",
    "MaintenanceOfBenefits",
    "Basic",
    "Medicaid",
];

const EFFECTIVE: [&str; 3] = ["2024-01-01", "2025-09-01", "2026-03-01"];

/// Day 0 of the random dates; options span two years from it.
fn base() -> NaiveDate {
    d("2025-06-01")
}

fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

#[derive(Clone, Debug)]
struct PlanSpec {
    /// 0 in network, 1 out of network, 2 indemnity, 3 scheduled, 4 DHMO.
    network: usize,
    /// Schedule amounts as a percentage of the office fee (above 100 tests the cap).
    factor: i64,
    /// Bit i set: code i of CODES is missing from the plan's schedule.
    unlisted: u32,
    coverage: [u32; 7],
    deductible: i64,
    family: bool,
    after_coinsurance: bool,
    half_even: bool,
    annual: Option<i64>,
    /// Benefits used on file, as a percentage of the annual maximum (may exceed it).
    used_percent: i64,
    deductible_met_percent: i64,
    start_month: u32,
    /// Bit set of optional rules, see `plan_ron`.
    rules: u32,
    cob: usize,
    effective: usize,
    terminates: bool,
}

impl PlanSpec {
    fn used(&self) -> i64 {
        self.annual.map_or(0, |a| a * 100 * self.used_percent / 100)
    }

    fn deductible_met(&self) -> i64 {
        self.deductible * 100 * self.deductible_met_percent / 100
    }

    fn starts_at_prep(&self) -> bool {
        self.rules & (1 << 16) != 0
    }

    /// First day of the benefit year containing `date`.
    fn year_start(&self, date: NaiveDate) -> NaiveDate {
        let year = if date.month() >= self.start_month {
            date.year()
        } else {
            date.year() - 1
        };
        NaiveDate::from_ymd_opt(year, self.start_month, 1)
            .unwrap_or_else(|| panic!("no 1st of month {} in {year}", self.start_month))
    }
}

fn plan_spec() -> impl Strategy<Value = PlanSpec> {
    (
        (0usize..5, 40i64..=110, any::<u32>(), any::<u32>()),
        (
            prop::array::uniform7(prop::sample::select(vec![0u32, 50, 60, 70, 80, 90, 100])),
            prop::sample::select(vec![0i64, 25, 50, 75, 100]),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            prop::option::of(prop::sample::select(vec![500i64, 1000, 1500, 2000])),
            0i64..=120,
            0i64..=100,
            prop::sample::select(vec![1u32, 7]),
        ),
        (0usize..6, 0usize..3, any::<bool>()),
    )
        .prop_map(
            |(
                (network, factor, unlisted, rules),
                (coverage, deductible, family, after_coinsurance, half_even),
                (annual, used_percent, deductible_met_percent, start_month),
                (cob, effective, terminates),
            )| PlanSpec {
                network,
                factor,
                // About one code in eight missing from the schedule.
                unlisted: unlisted & unlisted.rotate_left(7) & unlisted.rotate_left(13),
                coverage,
                deductible,
                family,
                after_coinsurance,
                half_even,
                annual,
                used_percent,
                deductible_met_percent,
                start_month,
                rules,
                cob,
                effective,
                terminates,
            },
        )
}

/// The plan's RON body (see `Case::plan`).
fn plan_ron(spec: &PlanSpec, schedule: &str) -> String {
    let network = match spec.network {
        0 => format!("InNetwork(contracted: \"{schedule}\")"),
        1 => format!("OutOfNetwork(allowed: \"{schedule}\")"),
        2 => format!("Indemnity(allowed: \"{schedule}\")"),
        3 => format!("ScheduledAllowance(schedule: \"{schedule}\")"),
        _ => format!("Dhmo(copays: \"{schedule}\")"),
    };
    let coverage: Vec<String> = CLASSES
        .iter()
        .zip(spec.coverage)
        .map(|(class, pct)| format!("{class}: {pct}"))
        .collect();
    let family = if spec.family {
        format!("family: \"{}\",", money(spec.deductible * 300))
    } else {
        String::new()
    };
    let placement = if spec.after_coinsurance {
        "AfterCoinsurance"
    } else {
        "BeforeCoinsurance"
    };
    let annual = spec
        .annual
        .map_or(String::new(), |a| format!("annual: \"{}\"", money(a * 100)));
    let rule = |bit: u32| spec.rules & (1 << bit) != 0;
    let mut limits = Vec::new();
    if rule(0) {
        limits.push(r#"(name: "Exams", codes: ["D0120", "D0150"], count: 2, window: BenefitYear, scope: Patient)"#);
    }
    if rule(1) {
        limits.push(
            r#"(name: "Crowns", codes: ["D2510-D2799"], count: 1, window: Years(5), scope: Tooth)"#,
        );
    }
    if rule(2) {
        limits.push(r#"(name: "Cleanings", codes: ["D1110"], count: 1, window: MonthsToTheDay(6), scope: Patient)"#);
    }
    let mut alternates = Vec::new();
    if rule(3) {
        alternates.push(r#"(name: "Molar crowns", paid_as: { "D2740": "D2791", "D2750": "D2791" }, teeth: Molar)"#);
    }
    if rule(4) {
        alternates.push(r#"(name: "Composites", paid_as: { "D2391": "D2140", "D2392": "D2150" }, teeth: Posterior)"#);
    }
    if rule(5) {
        alternates.push(r#"(name: "Gold", paid_as: { "D2790": "D2750" })"#);
    }
    let mut bundling = Vec::new();
    if rule(6) {
        bundling.push(r#"(id: "pins", name: "Pins", kind: Included(codes: ["D2951"], into: ["D2950"]), tooth: Same, when: SameDay, liability: Disallow)"#);
    }
    if rule(7) {
        bundling.push(r#"(id: "buildup", name: "Buildup", kind: Included(codes: ["D2950"], into: ["D2710-D2799"]), tooth: Same, when: SameOption, liability: DenyAtContractFee)"#);
    }
    if rule(8) {
        bundling.push(r#"(id: "pulpotomy", name: "Pulpotomy", kind: Included(codes: ["D3220"], into: ["D3330"]), tooth: Same, when: WithinDays(90), liability: Disallow)"#);
    }
    let mut extra = String::new();
    if rule(9) {
        extra.push_str(r#"exclusions: [(codes: ["D2790"], reason: "Gold is not a benefit")],"#);
    }
    if rule(10) {
        extra.push_str(
            "waiting_periods: [(classes: [BasicRestorative], months: 6), (classes: [MajorRestorative], months: 12)],",
        );
    }
    if rule(11) {
        extra.push_str(
            r#"missing_tooth_clause: (codes: ["D6200-D6999"], denies: WholeProsthesis),"#,
        );
    } else if rule(12) {
        extra.push_str(
            r#"missing_tooth_clause: (codes: ["D6200-D6999"], denies: ReplacingUnitOnly),"#,
        );
    }
    if rule(13) {
        extra.push_str(r#"age_limits: [(codes: ["D1208"], through_age: 18)],"#);
    }
    if rule(17) {
        extra.push_str(r#"preauthorization: ["D3330"],"#);
    }
    let settings = format!(
        "settings: (write_off_after_maximum: {}, denied_lines_billed_at: {}, date_of_service: {}, write_off_when_secondary: {}),",
        !rule(14),
        if rule(15) {
            "OfficeFee"
        } else {
            "ContractedFee"
        },
        if rule(16) { "Start" } else { "Completion" },
        rule(18),
    );
    format!(
        r#"
    network: {network},
    benefit_year: PlanYear(start_month: {start_month}),
    rounding: {rounding},
    deductible: (individual: "{deductible}", {family} placement: {placement}),
    maximum: ({annual}),
    coverage: {{ {coverage} }},
    frequency_limits: [{limits}],
    alternate_benefits: [{alternates}],
    bundling: [{bundling}],
    cob: {cob},
    {extra}
    {settings}"#,
        start_month = spec.start_month,
        rounding = if spec.half_even { "HalfEven" } else { "HalfUp" },
        deductible = money(spec.deductible * 100),
        coverage = coverage.join(", "),
        limits = limits.join(", "),
        alternates = alternates.join(", "),
        bundling = bundling.join(", "),
        cob = COB.get(spec.cob).copied().unwrap_or("Standard"),
    )
}

/// The plan's schedule: a share of the office fee per code, some codes left out.
fn schedule_fees(spec: &PlanSpec) -> Vec<(String, String)> {
    CODES
        .iter()
        .enumerate()
        .filter(|(i, _)| spec.unlisted & (1 << i) == 0)
        .map(|(_, (code, _, _, fee))| (*code, *fee))
        .chain(ALTERNATES)
        .map(|(code, fee)| (code.to_string(), money(fee * spec.factor / 100)))
        .collect()
}

/// One planned line: which code, which visit starts it, which visit (if any)
/// completes it.
#[derive(Clone, Debug)]
struct LineSpec {
    code: usize,
    visit: usize,
    completed_at: Option<usize>,
}

#[derive(Clone, Debug)]
struct OptionSpec {
    /// Day offsets of the visits from `base()`.
    visits: Vec<u64>,
    lines: Vec<LineSpec>,
    as_of: u64,
    young: bool,
}

fn option_spec() -> impl Strategy<Value = OptionSpec> {
    (
        prop::collection::vec(0u64..730, 1..=4),
        0u64..365,
        any::<bool>(),
    )
        .prop_flat_map(|(visits, as_of, young)| {
            let n = visits.len();
            let line = (0..CODES.len(), 0..n, prop::option::of(0..n)).prop_map(
                |(code, visit, completed_at)| LineSpec {
                    code,
                    visit,
                    completed_at,
                },
            );
            prop::collection::vec(line, 1..=8).prop_map(move |lines| OptionSpec {
                visits: visits.clone(),
                lines,
                as_of,
                young,
            })
        })
}

fn date(offset: u64) -> NaiveDate {
    base()
        .checked_add_days(Days::new(offset))
        .unwrap_or_else(|| panic!("day {offset} is out of range"))
}

/// The treatment plan's RON body and, in plan order, each line's (start, completion)
/// dates.
fn treatment_ron(
    option: &OptionSpec,
    payers: &[&PlanSpec],
) -> (String, Vec<(NaiveDate, NaiveDate)>) {
    let mut visits = Vec::new();
    let mut dates = Vec::new();
    for (v, offset) in option.visits.iter().enumerate() {
        let mut lines = Vec::new();
        for l in option.lines.iter().filter(|l| l.visit == v) {
            let (code, tooth, surfaces, _) = CODES[l.code];
            let mut text = format!("(code: \"{code}\"");
            if let Some(t) = tooth {
                text.push_str(&format!(", tooth: \"{t}\""));
            }
            if let Some(s) = surfaces {
                text.push_str(&format!(", surfaces: \"{s}\""));
            }
            let start = date(*offset);
            let mut end = start;
            if let Some(at) = l.completed_at {
                text.push_str(&format!(", completed_at: {}", at + 1));
                end = end.max(date(option.visits[at]));
            }
            text.push(')');
            lines.push(text);
            dates.push((start, end));
        }
        visits.push(format!(
            "(id: {}, name: \"V{}\", date: \"{}\", lines: [{}])",
            v + 1,
            v + 1,
            date(*offset),
            lines.join(", ")
        ));
    }
    let coverage: Vec<String> = payers
        .iter()
        .enumerate()
        .map(|(k, spec)| {
            let terminates = if spec.terminates {
                "terminates: \"2027-01-31\","
            } else {
                ""
            };
            format!(
                "(plan: \"plan{k}\", effective: \"{}\", {terminates} benefits_used: \"{}\", deductible_met: \"{}\")",
                EFFECTIVE[spec.effective],
                money(spec.used()),
                money(spec.deductible_met()),
            )
        })
        .collect();
    let birth = if option.young {
        "2008-04-10"
    } else {
        "1980-01-01"
    };
    let text = format!(
        r#"
    patient: (
        name: "Random Patient",
        birth_date: "{birth}",
        missing_teeth: [(tooth: "30", since: "2025-06-01")],
        history: [
            (code: "D2740", date: "2022-06-01", tooth: "30"),
            (code: "D0120", date: "2026-02-01"),
            (code: "D1110", date: "2025-12-01"),
        ],
    ),
    coverage: [{coverage}],
    options: [(name: "Random", visits: [{visits}])],"#,
        coverage = coverage.join(", "),
        visits = visits.join(", "),
    );
    (text, dates)
}

fn office_fees() -> Vec<(String, String)> {
    CODES
        .iter()
        .map(|(code, _, _, fee)| (*code, *fee))
        .chain(ALTERNATES)
        .map(|(code, fee)| (code.to_string(), money(fee)))
        .collect()
}

fn pairs(fees: &[(String, String)]) -> Vec<(&str, &str)> {
    fees.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
}

fn build(payers: &[&PlanSpec], option: &OptionSpec) -> (Case, Vec<(NaiveDate, NaiveDate)>) {
    let office = office_fees();
    let mut case = Case::new().office(&pairs(&office));
    for (k, spec) in payers.iter().enumerate() {
        let id = format!("plan{k}-fees");
        let fees = schedule_fees(spec);
        case = match spec.network {
            0 => case.contracted(&id, &pairs(&fees)),
            1 | 2 => case.allowance(&id, &pairs(&fees)),
            3 => case.scheduled(&id, &pairs(&fees)),
            _ => case.copays(&id, &pairs(&fees)),
        };
        case = case.plan(&format!("plan{k}"), &plan_ron(spec, &id));
    }
    let (text, dates) = treatment_ron(option, payers);
    (case.treatment(&text), dates)
}

proptest! {
    // Failures found so far are pinned as named tests (worked_examples.rs), so no
    // regression files are written next to the sources.
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_estimate_reconciles_and_respects_allowed_and_maximums(
        primary in plan_spec(),
        secondary in prop::option::of(plan_spec()),
        option in option_spec(),
    ) {
        let mut payers = vec![&primary];
        payers.extend(secondary.as_ref());
        let (case, dates) = build(&payers, &option);
        let as_of = date(option.as_of).to_string();
        // `estimate` also checks that every line balances and nothing is negative.
        let e = case.estimate(None, &as_of);
        prop_assert_eq!(e.lines.len(), option.lines.len());
        for line in &e.lines {
            prop_assert!(line.balances());
            prop_assert_eq!(line.fee, line.write_off + line.insurance() + line.patient);
            for share in &line.payers {
                prop_assert!(
                    share.pays <= share.allowed,
                    "line {}: {} pays {} above its allowed {}",
                    line.number, share.plan, share.pays, share.allowed
                );
                // No COB method pays more than the plan would pay alone.
                prop_assert!(
                    share.pays <= share.normal_benefit,
                    "line {}: {} pays {} above its normal benefit {}",
                    line.number, share.plan, share.pays, share.normal_benefit
                );
            }
        }
        // Per plan and benefit year: payments <= the maximum left at the start (the
        // maximum less the benefits used on file for the as-of year), and deductible
        // taken <= the individual deductible left at the start.
        for (k, spec) in payers.iter().enumerate() {
            let as_of_year = spec.year_start(date(option.as_of));
            let mut used: std::collections::BTreeMap<NaiveDate, (i64, i64)> = Default::default();
            for line in &e.lines {
                let (start, end) = dates[line.number - 1];
                let dos = if spec.starts_at_prep() { start } else { end };
                let entry = used.entry(spec.year_start(dos)).or_default();
                entry.0 += line.payers[k].pays.cents();
                entry.1 += line.payers[k].deductible.cents();
            }
            for (year, (paid, deductible)) in used {
                let on_file = year == as_of_year;
                if let Some(annual) = spec.annual {
                    let left = if on_file { (annual * 100 - spec.used()).max(0) } else { annual * 100 };
                    prop_assert!(
                        paid <= left,
                        "plan{} paid {} in the year from {} with {} left", k, paid, year, left
                    );
                }
                let left = spec.deductible * 100 - if on_file { spec.deductible_met() } else { 0 };
                prop_assert!(
                    deductible <= left,
                    "plan{} took {} deductible in the year from {} with {} left", k, deductible, year, left
                );
            }
        }
        // Deterministic.
        let again = case.estimate(None, &as_of);
        prop_assert_eq!(e, again);
    }
}
