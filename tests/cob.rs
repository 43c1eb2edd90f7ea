//! Coordination of benefits across two and three payers (issue "Secondary
//! insurance"; dental-benefits.md §8). Every number is computed by hand in the
//! comments.

use std::path::PathBuf;

use ferrule::engine::{self, EstimateInput, Flag};
use ferrule::library::{self, parse_treatment_plan};
use ferrule::model::{Library, SourceFile};
use ferrule::money::Cents;

const OFFICE: &str = r#"FeeSchedule(format: 1, id: "office", name: "Office", kind: Office, fees: {
    "D1110": "130.00", "D2740": "1400.00", "D3330": "1200.00" })"#;

fn fees(id: &str, d1110: &str, d2740: &str, d3330: &str) -> String {
    format!(
        r#"FeeSchedule(format: 1, id: "{id}", name: "{id} fees", kind: Contracted, fees: {{
        "D1110": "{d1110}", "D2740": "{d2740}", "D3330": "{d3330}" }})"#
    )
}

fn plan(id: &str, schedule: &str, max: &str, cob: &str, extra: &str) -> String {
    format!(
        r#"PlanRules(format: 1, id: "{id}", name: "{id}", carrier: "Test", network: InNetwork(contracted: "{schedule}"),
        maximum: (annual: "{max}"), cob: {cob},
        coverage: {{ Preventive: 100, Endodontics: 80, MajorRestorative: 50 }}, {extra})"#
    )
}

fn library(schedules: &[String], plans: &[String]) -> Library {
    let src = |i: usize, t: &String| SourceFile {
        path: PathBuf::from(format!("f{i}.ron")),
        text: t.clone(),
    };
    let mut all = vec![OFFICE.to_string()];
    all.extend(schedules.iter().cloned());
    let lib = library::from_sources(
        &all.iter()
            .enumerate()
            .map(|(i, t)| src(i, t))
            .collect::<Vec<_>>(),
        &plans
            .iter()
            .enumerate()
            .map(|(i, t)| src(100 + i, t))
            .collect::<Vec<_>>(),
    );
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    lib
}

fn doc(coverage: &[&str], history: &str, visits: &str) -> ferrule::model::TreatmentPlan {
    let coverage: Vec<String> = coverage
        .iter()
        .map(|p| format!(r#"(plan: "{p}", effective: "2026-01-01")"#))
        .collect();
    let text = format!(
        r#"TreatmentPlan(format: 1, patient: (name: "Pat", birth_date: "1980-05-05", history: [{history}]),
        coverage: [{}], options: [(name: "A", visits: [{visits}])])"#,
        coverage.join(", ")
    );
    parse_treatment_plan(std::path::Path::new("doc.ron"), &text).unwrap()
}

fn c(s: &str) -> Cents {
    Cents::parse(s).unwrap()
}

fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[test]
fn secondary_pays_a_line_the_primary_denied_for_frequency() {
    let lib = library(
        &[
            fees("p1-fees", "85.00", "850.00", "800.00"),
            fees("p2-fees", "90.00", "900.00", "850.00"),
        ],
        &[
            plan(
                "p1",
                "p1-fees",
                "1000.00",
                "Standard",
                r#"frequency_limits: [(name: "Cleanings", codes: ["D1110"], count: 1, window: BenefitYear, scope: Patient)]"#,
            ),
            plan("p2", "p2-fees", "1000.00", "Standard", ""),
        ],
    );
    let d = doc(
        &["p1", "p2"],
        r#"(code: "D1110", date: "2026-03-01")"#,
        r#"(id: 1, name: "V", date: "2026-12-01", lines: [(code: "D1110")])"#,
    );
    let e = engine::estimate(&EstimateInput::from_document(&lib, &d, None, as_of()).unwrap());
    let l = &e.lines[0];
    // Primary: one cleaning per year, one on file -> denied; in network the patient
    // can be billed the contracted 85.00; write-off 130 - 85 = 45.
    assert!(l.flags.contains(&Flag::FrequencyLimit));
    assert_eq!(l.payers[0].pays, c("0.00"));
    assert_eq!(l.write_off, c("45.00"));
    // Secondary: allowed 90 at 100% = 90, standard COB pays min(90, 85) = 85.
    assert_eq!(l.payers[1].normal_benefit, c("90.00"));
    assert_eq!(l.payers[1].pays, c("85.00"));
    assert_eq!(l.patient, c("0.00"));
    assert!(l.balances());
}

#[test]
fn each_plans_maximum_runs_out_at_a_different_line() {
    let lib = library(
        &[
            fees("p1-fees", "85.00", "850.00", "800.00"),
            fees("p2-fees", "90.00", "900.00", "850.00"),
        ],
        &[
            plan("p1", "p1-fees", "1000.00", "Standard", ""),
            plan("p2", "p2-fees", "500.00", "Standard", ""),
        ],
    );
    let d = doc(
        &["p1", "p2"],
        "",
        r#"(id: 1, name: "Root canal", date: "2026-12-01", lines: [(code: "D3330", tooth: "3"), (code: "D2740", tooth: "3", completed_at: 2)]),
           (id: 2, name: "Seat", date: "2026-12-15", lines: [(code: "D2740", tooth: "14")])"#,
    );
    let e = engine::estimate(&EstimateInput::from_document(&lib, &d, None, as_of()).unwrap());
    let amounts: Vec<(Cents, Cents, Cents, Cents)> = e
        .lines
        .iter()
        .map(|l| (l.payers[0].pays, l.payers[1].pays, l.patient, l.write_off))
        .collect();
    assert_eq!(
        amounts,
        vec![
            // D3330: p1 80% x 800 = 640 (360 left); balance 160; p2 normal 80% x 850 =
            // 680 capped at its 500 max, pays min(500, 160) = 160 (340 left).
            (c("640.00"), c("160.00"), c("0.00"), c("400.00")),
            // D2740 #3 (seated 12-15): p1 50% x 850 = 425 capped at 360 (max gone);
            // balance 490; p2 50% x 900 = 450 capped at 340 -> 340; patient 150.
            (c("360.00"), c("340.00"), c("150.00"), c("550.00")),
            // D2740 #14: both maximums used up: patient owes the contracted 850.
            (c("0.00"), c("0.00"), c("850.00"), c("550.00")),
        ]
    );
    assert!(e.lines[1].flags.contains(&Flag::MaximumReached));
    assert_eq!(
        e.totals.insurance,
        vec![
            ("p1".to_string(), c("1000.00")),
            ("p2".to_string(), c("500.00"))
        ]
    );
    assert_eq!(e.totals.patient, c("1000.00"));
    assert_eq!(e.totals.fee, c("4000.00"));
    assert!(e.lines.iter().all(|l| l.balances()));
}

#[test]
fn a_tertiary_plan_pays_what_is_left() {
    let lib = library(
        &[
            fees("p1-fees", "85.00", "850.00", "800.00"),
            fees("p2-fees", "90.00", "900.00", "850.00"),
            fees("p3-fees", "90.00", "900.00", "700.00"),
        ],
        &[
            plan("p1", "p1-fees", "2000.00", "Standard", ""),
            plan("p2", "p2-fees", "2000.00", "NonDuplication", ""),
            plan("p3", "p3-fees", "2000.00", "Standard", ""),
        ],
    );
    let d = doc(
        &["p1", "p2", "p3"],
        "",
        r#"(id: 1, name: "V", date: "2026-12-01", lines: [(code: "D3330", tooth: "3")])"#,
    );
    let e = engine::estimate(&EstimateInput::from_document(&lib, &d, None, as_of()).unwrap());
    let l = &e.lines[0];
    // p1: 80% x 800 = 640; balance 160.
    // p2 non-duplication: 80% x 850 = 680 - 640 = 40.
    // p3 standard: 80% x 700 = 560, balance 160 - 40 = 120 -> 120. Patient 0.
    let pays: Vec<Cents> = l.payers.iter().map(|p| p.pays).collect();
    assert_eq!(pays, vec![c("640.00"), c("40.00"), c("120.00")]);
    assert_eq!(l.patient, c("0.00"));
    assert_eq!(l.write_off, c("400.00"));
    assert!(l.balances());
}

#[test]
fn medicaid_secondary_leaves_the_patient_nothing() {
    let lib = library(
        &[
            fees("p1-fees", "85.00", "850.00", "800.00"),
            fees("mcd-fees", "60.00", "500.00", "400.00"),
        ],
        &[
            plan("p1", "p1-fees", "2000.00", "Standard", ""),
            plan("mcd", "mcd-fees", "9999.00", "Medicaid", ""),
        ],
    );
    let d = doc(
        &["p1", "mcd"],
        "",
        r#"(id: 1, name: "V", date: "2026-12-01", lines: [(code: "D2740", tooth: "8")])"#,
    );
    let e = engine::estimate(&EstimateInput::from_document(&lib, &d, None, as_of()).unwrap());
    let l = &e.lines[0];
    // p1: 50% x 850 = 425; balance 425. Medicaid's normal benefit is 50% x 500 =
    // 250, but all payers together get at most its 500 allowance: 500 - 425 = 75.
    // The other 425 - 75 = 350 is written off: patient 0.
    assert_eq!(l.payers[0].pays, c("425.00"));
    assert_eq!(l.payers[1].pays, c("75.00"));
    assert_eq!(l.patient, c("0.00"));
    assert_eq!(l.write_off, c("900.00")); // 1400 - 850 contract + 350 Medicaid
    assert!(l.balances());
}

#[test]
fn secondary_deductible_credit_when_it_pays_nothing_is_a_setting() {
    // §8.3: secondary non-duplication with a $50 deductible. Line 1 (D3330 #3): p1
    // pays 80% x 800 = 640; p2 normal 80% x (850 - 50) = 640, minus 640 = 0.
    // Line 2 (D3330 #14): if p2 counted its deductible as met on line 1, its normal
    // benefit is 80% x 850 = 680 and it pays 680 - 640 = 40; if not, the deductible
    // comes again: 640 - 640 = 0.
    let run = |credit: bool| {
        let p2 = plan(
            "p2",
            "p2-fees",
            "2000.00",
            "NonDuplication",
            &format!(
                r#"deductible: (individual: "50.00"), settings: (credit_deductible_when_paying_nothing: {credit})"#
            ),
        );
        let lib = library(
            &[
                fees("p1-fees", "85.00", "850.00", "800.00"),
                fees("p2-fees", "90.00", "900.00", "850.00"),
            ],
            &[plan("p1", "p1-fees", "2000.00", "Standard", ""), p2],
        );
        let d = doc(
            &["p1", "p2"],
            "",
            r#"(id: 1, name: "V", date: "2026-12-01", lines: [(code: "D3330", tooth: "3"), (code: "D3330", tooth: "14")])"#,
        );
        let e = engine::estimate(&EstimateInput::from_document(&lib, &d, None, as_of()).unwrap());
        assert!(e.lines.iter().all(|l| l.balances()));
        (e.lines[0].payers[1].pays, e.lines[1].payers[1].pays)
    };
    assert_eq!(run(true), (c("0.00"), c("40.00")));
    assert_eq!(run(false), (c("0.00"), c("0.00")));
}
