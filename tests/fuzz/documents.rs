//! Random treatment plans over the document model, estimated against the shipped
//! library: codes drawn from the catalogue with the area each one needs (tooth,
//! surfaces, quadrant, arch, time units), teeth of every kind, dated visits and
//! lines completed at a later visit, quantities 1-3, office fees entered on the
//! line, history on the patient and on the coverage, and coverage under one or two
//! shipped plans with amounts already used. A few lines are odd on purpose (no
//! area, quantity 0, a code the catalogue does not list): the app still estimates
//! while such a line is being fixed, so those estimates must reconcile too.
//!
//! A handful of plans also go through the real binary (`estimate --format json`),
//! which must print the same numbers.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use ferrule::engine::{self, Estimate, EstimateInput};
use ferrule::library::{self, parse_treatment_plan, to_ron};
use ferrule::model::treatment_plan::{CoverageStatus, MissingTooth, Relationship, Verification};
use ferrule::model::{
    Arch, AreaKind, CdtCode, Coverage, HistoryEntry, Library, OptionId, PlannedLine, Quadrant,
    Surfaces, Tooth, TreatmentOption, TreatmentPlan, Visit, VisitId,
};
use ferrule::money::Cents;
use proptest::prelude::*;
use proptest::sample::Index;

use super::{shipped, unsound};
use crate::util::{PrivateHome, d};

/// Every tooth name: permanent, primary and a few supernumerary teeth.
fn teeth() -> Vec<Tooth> {
    let mut names: Vec<String> = (1..=32).map(|n| n.to_string()).collect();
    names.extend(('A'..='T').map(String::from));
    names.extend(["51", "60", "66", "82", "AS", "JS", "TS"].map(String::from));
    names
        .iter()
        .map(|n| Tooth::parse(n).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

const QUADRANTS: [Quadrant; 4] = [Quadrant::UR, Quadrant::UL, Quadrant::LL, Quadrant::LR];

/// A line that is odd on purpose.
#[derive(Clone, Copy, Debug)]
enum Odd {
    /// The area its code needs is left out.
    NoArea,
    /// Quantity 0.
    NoUnits,
    /// A code the catalogue does not list.
    Unlisted(u16),
}

/// Where a line (or a history entry) is: indices into the teeth, quadrants and
/// arches, and a bit set of surfaces.
#[derive(Clone, Debug)]
struct AreaSpec {
    tooth: Index,
    surfaces: u8,
    quadrant: Index,
    upper: bool,
    /// Name a tooth instead of the quadrant or arch (allowed for both).
    by_tooth: bool,
}

#[derive(Clone, Debug)]
struct LineSpec {
    code: Index,
    area: AreaSpec,
    quantity: u32,
    fee: Option<i64>,
    /// Completed this many visits later (clamped to the last visit).
    completes: Option<usize>,
    odd: Option<Odd>,
}

#[derive(Clone, Debug)]
struct VisitSpec {
    /// Days after the previous visit (the first: after the start date).
    gap: u64,
    lines: Vec<LineSpec>,
}

#[derive(Clone, Debug)]
struct HistorySpec {
    code: Index,
    area: AreaSpec,
    /// Days before the start date.
    before: u64,
}

#[derive(Clone, Debug)]
struct CoverageSpec {
    plan: Index,
    /// Effective this many days before the start date (negative: after it).
    effective: i64,
    /// Terminates this many days after it is effective.
    terminates: Option<u64>,
    waived: bool,
    used: [i64; 4],
    members_met: u32,
    class_used: i64,
    relationship: Index,
    status: Index,
    history: Vec<HistorySpec>,
}

#[derive(Clone, Debug)]
struct DocSpec {
    /// Days from 2024-01-01 to the first visit.
    start: u64,
    /// Age in days at the start date.
    age: u64,
    missing: Vec<(Index, Option<u64>)>,
    history: Vec<HistorySpec>,
    coverage: Vec<CoverageSpec>,
    options: Vec<Vec<VisitSpec>>,
    office_named: bool,
    /// As-of date: days after the start date.
    as_of: u64,
}

fn area_spec() -> impl Strategy<Value = AreaSpec> {
    (
        any::<Index>(),
        1u8..128,
        any::<Index>(),
        any::<bool>(),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(tooth, surfaces, quadrant, upper, by_tooth)| AreaSpec {
            tooth,
            surfaces,
            quadrant,
            upper,
            by_tooth,
        })
}

/// Mostly small amounts, sometimes up to the 1,000,000.00 ceiling.
fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![4 => 0i64..200_000, 1 => 0i64..=Cents::MAX_AMOUNT.cents()]
}

fn odd() -> impl Strategy<Value = Option<Odd>> {
    prop_oneof![
        12 => Just(None),
        1 => Just(Some(Odd::NoArea)),
        1 => Just(Some(Odd::NoUnits)),
        1 => (0u16..=9999).prop_map(|n| Some(Odd::Unlisted(n))),
    ]
}

fn line_spec(odd: BoxedStrategy<Option<Odd>>) -> impl Strategy<Value = LineSpec> {
    (
        any::<Index>(),
        area_spec(),
        1u32..=3,
        prop::option::weighted(0.2, amount()),
        prop::option::weighted(0.2, 0usize..3),
        odd,
    )
        .prop_map(|(code, area, quantity, fee, completes, odd)| LineSpec {
            code,
            area,
            quantity,
            fee,
            completes,
            odd,
        })
}

fn history_spec() -> impl Strategy<Value = HistorySpec> {
    (any::<Index>(), area_spec(), 1u64..2_500).prop_map(|(code, area, before)| HistorySpec {
        code,
        area,
        before,
    })
}

fn coverage_spec() -> impl Strategy<Value = CoverageSpec> {
    (
        (
            any::<Index>(),
            -400i64..3_000,
            prop::option::weighted(0.3, 1u64..1_500),
        ),
        (
            any::<bool>(),
            prop::array::uniform4(amount()),
            0u32..4,
            amount(),
        ),
        (any::<Index>(), any::<Index>()),
        prop::collection::vec(history_spec(), 0..3),
    )
        .prop_map(
            |(
                (plan, effective, terminates),
                (waived, used, members_met, class_used),
                (relationship, status),
                history,
            )| CoverageSpec {
                plan,
                effective,
                terminates,
                waived,
                used,
                members_met,
                class_used,
                relationship,
                status,
                history,
            },
        )
}

fn doc_spec(odd_lines: bool) -> impl Strategy<Value = DocSpec> {
    let odd = if odd_lines {
        odd().boxed()
    } else {
        Just(None).boxed()
    };
    let visit = (0u64..240, prop::collection::vec(line_spec(odd), 0..5))
        .prop_map(|(gap, lines)| VisitSpec { gap, lines });
    (
        (0u64..1_200, 365u64..32_000, 0u64..700),
        prop::collection::vec((any::<Index>(), prop::option::of(1u64..3_000)), 0..3),
        prop::collection::vec(history_spec(), 0..6),
        prop::collection::vec(coverage_spec(), 0..=2),
        prop::collection::vec(prop::collection::vec(visit, 1..4), 1..3),
        any::<bool>(),
    )
        .prop_map(
            |((start, age, as_of), missing, history, coverage, options, office_named)| DocSpec {
                start,
                age,
                missing,
                history,
                coverage,
                options,
                office_named,
                as_of,
            },
        )
}

/// Turns specs into a treatment plan against `library`.
struct Builder<'a> {
    library: &'a Library,
    teeth: Vec<Tooth>,
    start: NaiveDate,
}

impl Builder<'_> {
    fn area(&self, kind: AreaKind, spec: &AreaSpec) -> PlannedLine {
        let code = CdtCode::parse("D0120").unwrap_or_else(|e| panic!("{e}"));
        let tooth = Some(*spec.tooth.get(&self.teeth));
        let mut line = PlannedLine::new(code, None);
        match kind {
            AreaKind::Tooth | AreaKind::Site => line.tooth = tooth,
            AreaKind::ToothSurfaces => {
                line.tooth = tooth;
                let letters: String = "MOIDBFL"
                    .chars()
                    .enumerate()
                    .filter(|(i, _)| spec.surfaces & (1 << i) != 0)
                    .map(|(_, c)| c)
                    .collect();
                line.surfaces = Some(Surfaces::parse(&letters).unwrap_or_else(|e| panic!("{e}")));
            }
            AreaKind::Quadrant if spec.by_tooth => line.tooth = tooth,
            AreaKind::Quadrant => line.quadrant = Some(*spec.quadrant.get(&QUADRANTS)),
            AreaKind::Arch if spec.by_tooth => line.tooth = tooth,
            AreaKind::Arch => {
                line.arch = Some(if spec.upper { Arch::Upper } else { Arch::Lower });
            }
            AreaKind::Mouth | AreaKind::TimeUnits | AreaKind::PerCase => {}
        }
        line
    }

    /// A catalogue code and a line naming the area it needs.
    fn line(&self, code: &Index, area: &AreaSpec) -> PlannedLine {
        let info = code.get(&self.library.catalogue.codes);
        let mut line = self.area(info.area, area);
        line.code = info.code;
        line
    }

    fn history(&self, spec: &HistorySpec) -> HistoryEntry {
        let line = self.line(&spec.code, &spec.area);
        HistoryEntry {
            code: line.code,
            date: self.start - Days::new(spec.before),
            tooth: line.tooth,
            surfaces: line.surfaces,
            quadrant: line.quadrant,
            arch: line.arch,
        }
    }

    fn coverage(&self, spec: &CoverageSpec, plan: &str) -> Coverage {
        let effective = if spec.effective >= 0 {
            self.start - Days::new(spec.effective.unsigned_abs())
        } else {
            self.start + Days::new(spec.effective.unsigned_abs())
        };
        let mut coverage = Coverage::new(plan, effective);
        coverage.terminates = spec.terminates.map(|days| effective + Days::new(days));
        coverage.waiting_periods_waived = spec.waived;
        let [used, met, family_met, family_used] = spec.used.map(Cents::from_cents);
        coverage.benefits_used = used;
        coverage.deductible_met = met;
        coverage.family_deductible_met = family_met;
        coverage.family_members_met = spec.members_met;
        coverage.family_benefits_used = family_used;
        if let Some(max) = self
            .library
            .plans
            .get(plan)
            .and_then(|p| p.maximum.class_maximums.first())
        {
            coverage
                .class_maximum_used
                .insert(max.id.clone(), Cents::from_cents(spec.class_used));
        }
        coverage.relationship = *spec.relationship.get(&[
            Relationship::Subscriber,
            Relationship::Spouse,
            Relationship::Child,
            Relationship::Other,
        ]);
        coverage.status = *spec.status.get(&[
            CoverageStatus::Active,
            CoverageStatus::Cobra,
            CoverageStatus::Retiree,
        ]);
        coverage.history = spec.history.iter().map(|h| self.history(h)).collect();
        coverage.verified = Some(Verification {
            on: self.start,
            source: "portal".into(),
        });
        coverage
    }

    fn option(&self, visits: &[VisitSpec]) -> TreatmentOption {
        let mut date = self.start;
        let mut out = Vec::new();
        for (i, spec) in visits.iter().enumerate() {
            date = date + Days::new(spec.gap);
            let lines = spec
                .lines
                .iter()
                .map(|l| {
                    let mut line = self.line(&l.code, &l.area);
                    line.quantity = l.quantity;
                    line.fee = l.fee.map(Cents::from_cents);
                    line.completed_at = l.completes.map(|later| {
                        VisitId(u32::try_from((i + later).min(visits.len() - 1) + 1).unwrap_or(1))
                    });
                    match l.odd {
                        None => {}
                        Some(Odd::NoArea) => {
                            (line.tooth, line.surfaces, line.quadrant, line.arch) =
                                (None, None, None, None);
                        }
                        Some(Odd::NoUnits) => line.quantity = 0,
                        Some(Odd::Unlisted(n)) => {
                            if let Some(code) = CdtCode::from_number(n)
                                && self.library.catalogue.get(code).is_none()
                            {
                                line.code = code;
                            }
                        }
                    }
                    line
                })
                .collect();
            out.push(Visit {
                id: VisitId(u32::try_from(i + 1).unwrap_or(1)),
                name: format!("Visit {}", i + 1),
                date,
                lines,
            });
        }
        TreatmentOption {
            id: OptionId::default(),
            name: "Option".into(),
            visits: out,
        }
    }

    fn plan(&self, spec: &DocSpec) -> TreatmentPlan {
        let age = Days::new(spec.age);
        let mut plan = TreatmentPlan::new("Random Patient", Some(self.start - age));
        plan.patient.chart_number = Some("C-1".into());
        for (tooth, since) in &spec.missing {
            plan.patient.missing_teeth.push(MissingTooth {
                tooth: *tooth.get(&self.teeth),
                since: since.map(|days| self.start - Days::new(days)),
            });
        }
        plan.patient.history = spec.history.iter().map(|h| self.history(h)).collect();
        let ids: Vec<&String> = self.library.plans.keys().collect();
        let mut taken = Vec::new();
        for c in &spec.coverage {
            // Two different plans: the second moves on when it drew the first.
            let mut k = c.plan.index(ids.len());
            if taken.contains(&k) {
                k = (k + 1) % ids.len();
            }
            taken.push(k);
            plan.coverage.push(self.coverage(c, ids[k]));
        }
        plan.office_fee_schedule = spec.office_named.then(|| "office-2026".to_string());
        plan.options = spec.options.iter().map(|o| self.option(o)).collect();
        plan.assign_ids();
        plan
    }
}

fn build(spec: &DocSpec) -> (TreatmentPlan, NaiveDate) {
    let library = shipped();
    let start = d("2024-01-01") + Days::new(spec.start);
    let builder = Builder {
        library,
        teeth: teeth(),
        start,
    };
    (builder.plan(spec), start + Days::new(spec.as_of))
}

/// Estimates every option of `plan`; fails the case on an estimate that is not
/// sound.
fn estimates(plan: &TreatmentPlan, as_of: NaiveDate) -> Result<Vec<Estimate>, TestCaseError> {
    let library = shipped();
    let mut out = Vec::new();
    for option in &plan.options {
        let input = EstimateInput::for_option(library, plan, option, &plan.coverage, as_of)
            .map_err(|e| TestCaseError::fail(format!("cannot set up: {e}")))?;
        let estimate = engine::estimate(&input);
        if let Some(why) = unsound(&input, option, &estimate) {
            return Err(TestCaseError::fail(format!("option {}: {why}", option.id)));
        }
        out.push(estimate);
    }
    Ok(out)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: super::cases(512),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Issue 12, item 8: every estimate of a random document reconciles, and the
    /// document reads back from RON as written.
    #[test]
    fn random_treatment_plans_estimate_soundly(spec in doc_spec(true)) {
        let (plan, as_of) = build(&spec);
        let text = to_ron(&plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let again = parse_treatment_plan(std::path::Path::new("random.ron"), &text)
            .map_err(|p| TestCaseError::fail(p.to_string()))?;
        prop_assert_eq!(&again, &plan);
        estimates(&plan, as_of)?;
    }
}

/// The money fields of one JSON line or of the totals, as the CLI prints them.
fn json_money(value: &serde_json::Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for key in ["fee", "allowed", "write_off", "deductible", "patient"] {
        out.insert(
            key.to_string(),
            value[key].as_str().unwrap_or("?").to_string(),
        );
    }
    for (k, share) in value["insurance"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let plan = share["plan"].as_str().unwrap_or("?");
        let pays = share["pays"].as_str().unwrap_or("?");
        out.insert(format!("insurance {k} {plan}"), pays.to_string());
    }
    out
}

/// The same fields from the estimate in memory.
fn engine_money(
    amounts: [Cents; 5],
    insurance: impl Iterator<Item = (String, Cents)>,
) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> =
        ["fee", "allowed", "write_off", "deductible", "patient"]
            .into_iter()
            .zip(amounts)
            .map(|(k, a)| (k.to_string(), a.to_plain_string()))
            .collect();
    for (k, (plan, pays)) in insurance.enumerate() {
        out.insert(format!("insurance {k} {plan}"), pays.to_plain_string());
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 4,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// A handful of random plans through the real binary: `estimate --format json`
    /// exits 0 and prints, line by line (matched by id) and in its totals, the
    /// numbers the engine computes in memory.
    #[test]
    fn the_binary_prints_what_the_engine_computes(spec in doc_spec(false)) {
        let (mut plan, as_of) = build(&spec);
        // A line the office fee schedule has no fee for gets one, so the file is
        // one the desk could print.
        let office = shipped()
            .office_schedule(plan.office_fee_schedule.as_deref())
            .cloned()
            .ok_or_else(|| TestCaseError::fail("no office fee schedule"))?;
        for line in plan.options.iter_mut().flat_map(|o| o.visits.iter_mut()).flat_map(|v| v.lines.iter_mut()) {
            if line.fee.is_none() && office.fee(line.code).is_none() {
                line.fee = Some(Cents::from_cents(12_345));
            }
        }
        let estimates = estimates(&plan, as_of)?;
        let dir = crate::library::TempDir::new("fuzz-json");
        let path = dir.path().join("random.ron");
        library::save_treatment_plan(&path, &plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let root = crate::library::root();
        for (option, estimate) in plan.options.iter().zip(&estimates) {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_ferrule"))
            .private_home()
                .arg("estimate")
                .arg(&path)
                .args(["--option", &option.id.to_string(), "--as-of", &as_of.to_string()])
                .args(["--format", "json", "--library"])
                .arg(&root)
                .env_remove("FERRULE_LIBRARY")
                .output()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let stderr = String::from_utf8_lossy(&out.stderr);
            let json: serde_json::Value = serde_json::from_slice(&out.stdout)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            // A problem that would change a number (e.g. history dated after the
            // estimate date) stops the binary with exit 2 and the problems listed.
            let problems = ferrule::engine::check::check_document(&plan, shipped(), as_of);
            if problems.iter().any(|p| p.is_blocking()) {
                prop_assert_eq!(out.status.code(), Some(2), "{}", stderr);
                let listed = json["problems"].as_array().map_or(0, Vec::len);
                prop_assert_eq!(listed, problems.len());
                prop_assert!(json.get("lines").is_none());
                continue;
            }
            prop_assert_eq!(out.status.code(), Some(0), "{}", stderr);
            let lines = json["lines"].as_array().cloned().unwrap_or_default();
            prop_assert_eq!(lines.len(), estimate.lines.len());
            for line in &estimate.lines {
                let printed = lines
                    .iter()
                    .find(|l| l["id"].as_u64() == Some(u64::from(line.line.0)))
                    .ok_or_else(|| TestCaseError::fail(format!("line id {} not printed", line.line)))?;
                let expected = engine_money(
                    [line.fee, line.allowed, line.write_off, line.deductible, line.patient],
                    line.payers.iter().map(|s| (s.plan.to_string(), s.pays)),
                );
                prop_assert_eq!(json_money(printed), expected, "line id {}", line.line);
            }
            let t = &estimate.totals;
            let expected = engine_money(
                [t.fee, t.allowed, t.write_off, t.deductible, t.patient],
                t.insurance.iter().cloned(),
            );
            prop_assert_eq!(json_money(&json["totals"]), expected);
            prop_assert_eq!(json["option_id"].as_u64(), Some(u64::from(option.id.0)));
        }
    }
}

/// The builder makes what it says: without odd lines, every line has a code from
/// the catalogue, the area that code needs, at least one unit, and a completion
/// visit of its option at or after its own; ids are unique. (So the plans the
/// binary is given are ones the desk could print.)
#[test]
fn built_plans_name_the_areas_their_codes_need() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let catalogue = &shipped().catalogue;
    let mut lines = 0;
    for _ in 0..64 {
        let spec = doc_spec(false)
            .new_tree(&mut runner)
            .unwrap_or_else(|e| panic!("{e}"))
            .current();
        let (plan, _) = build(&spec);
        let mut ids = Vec::new();
        for option in &plan.options {
            for (i, visit) in option.visits.iter().enumerate() {
                assert_eq!(visit.id, VisitId(u32::try_from(i + 1).unwrap()));
                for line in &visit.lines {
                    let area = catalogue.get(line.code).map(|c| c.area);
                    let named = match area {
                        None => false,
                        Some(AreaKind::Tooth | AreaKind::Site) => line.tooth.is_some(),
                        Some(AreaKind::ToothSurfaces) => {
                            line.tooth.is_some() && line.surfaces.is_some_and(|s| !s.is_empty())
                        }
                        Some(AreaKind::Quadrant) => line.quadrant.is_some() || line.tooth.is_some(),
                        Some(AreaKind::Arch) => line.arch.is_some() || line.tooth.is_some(),
                        Some(AreaKind::Mouth | AreaKind::TimeUnits | AreaKind::PerCase) => true,
                    };
                    assert!(named, "{} names {:?}", line.code, line.area());
                    assert!((1..=3).contains(&line.quantity));
                    if let Some(done) = line.completed_at {
                        assert!(done >= visit.id && option.visits.iter().any(|v| v.id == done));
                    }
                    ids.push(line.id);
                    lines += 1;
                }
            }
        }
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "line ids are unique");
    }
    assert!(lines > 100, "only {lines} lines built");
}

/// Issue 12, overflow: the largest line the loader accepts (a fee at the
/// 1,000,000.00 ceiling, 999 units) on 200 lines still adds up, to the cent. A
/// quantity of 4294967295 used to make the totals saturate; the loader now
/// refuses quantities above 999 (see the error catalogue).
#[test]
fn the_largest_plan_the_loader_accepts_adds_up() {
    let mut line = PlannedLine::new(
        CdtCode::parse("D9239").unwrap_or_else(|e| panic!("{e}")),
        None,
    );
    line.quantity = ferrule::model::treatment_plan::MAX_QUANTITY;
    line.fee = Some(Cents::MAX_AMOUNT);
    let mut plan = TreatmentPlan::new("Largest", Some(d("1980-01-01")));
    plan.coverage
        .push(Coverage::new("summit-ppo-1500", d("2020-01-01")));
    plan.coverage
        .push(Coverage::new("medicaid-secondary", d("2020-01-01")));
    plan.options.push(TreatmentOption {
        id: OptionId::default(),
        name: "Sedation".into(),
        visits: vec![Visit {
            id: VisitId(1),
            name: "Long day".into(),
            date: d("2026-12-01"),
            lines: vec![line; 200],
        }],
    });
    plan.assign_ids();
    let text = to_ron(&plan).unwrap_or_else(|e| panic!("{e}"));
    let read = parse_treatment_plan(std::path::Path::new("largest.ron"), &text)
        .unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(read, plan);

    let estimates = estimates(&read, d("2026-11-01")).unwrap_or_else(|e| panic!("{e}"));
    // 200 lines x 999 units x 100,000,000 cents.
    assert_eq!(estimates[0].totals.fee.cents(), 19_980_000_000_000);
}
