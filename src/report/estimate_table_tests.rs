//! The estimate table built from a hand-made estimate: columns per reader for 0,
//! 1 and 2 payers, rows and visit groups by id, totals and subtotals, cells.
//!
//! The option: "Crown prep" (Dec 3) starts a buildup and a crown on #19, the crown
//! is completed at "Seat" (Dec 17, no lines of its own), and "Cleaning" (Dec 20)
//! has a prophy. Amounts (each line balances: fee = write-off + payers + patient):
//!
//! | line | fee | allowed | write-off | deductible | primary | secondary | patient |
//! |---|---|---|---|---|---|---|---|
//! | 1 D2950 #19 | 365.00 | 226.00 | 139.00 | 50.00 | 88.00 | 50.00 | 88.00 |
//! | 2 D2740 #19 | 1,540.00 | 955.00 | 585.00 | 0.00 | 477.50 | 200.00 | 277.50 |
//! | 3 D1110 | 140.00 | 101.00 | 39.00 | 0.00 | 101.00 | 0.00 | 0.00 |
//! | total | 2,045.00 | 1,282.00 | 763.00 | 50.00 | 666.50 | 250.00 | 365.50 |

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::engine::coding::NoteKind;
use crate::engine::{PayerShare, Totals};
use crate::model::{AreaKind, CodeCatalogue, CodeInfo, PlanRules, ProcedureClass, Tooth};
use crate::money::Percent;
use crate::report::Names;

fn c(text: &str) -> Cents {
    Cents::parse(text).unwrap()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

const OPTION: &str = r#"(id: 7, name: "Crown #19", visits: [
    (id: 1, name: "Crown prep", date: "2026-12-03", lines: [
        (id: 11, code: "D2950", tooth: Some("19")),
        (id: 12, code: "D2740", tooth: Some("19"), completed_at: Some(2)),
    ]),
    (id: 2, name: "Seat", date: "2026-12-17"),
    (id: 3, name: "Cleaning", date: "2026-12-20", lines: [(id: 13, code: "D1110")]),
])"#;

fn option() -> TreatmentOption {
    ron::from_str(OPTION).unwrap()
}

const PLANS: [&str; 2] = ["summit-ppo-1500", "bayside-ppo-2000"];

/// One line: (id, number, visit, code, area, date), fee, allowed, write-off,
/// deductible, what each payer pays, patient.
fn line(
    (id, number, visit, code, area, date): (u32, usize, u32, &str, Area, NaiveDate),
    money: [&str; 4],
    payers: &[&str],
    patient: &str,
) -> LineEstimate {
    let [fee, allowed, write_off, deductible] = money.map(c);
    LineEstimate {
        line: LineId(id),
        number,
        visit_id: VisitId(visit),
        visit: format!("visit {visit}").into(),
        date,
        started: date,
        code: CdtCode::parse(code).unwrap(),
        description: format!("{code} staff name").into(),
        area,
        quantity: 1,
        fee,
        allowed,
        write_off,
        deductible,
        payers: payers
            .iter()
            .zip(PLANS)
            .map(|(pays, plan)| PayerShare {
                plan: plan.into(),
                pays: c(pays),
                allowed,
                deductible: Cents::ZERO,
                percent: Percent::ZERO,
                normal_benefit: c(pays),
            })
            .collect(),
        patient: c(patient),
        flags: Vec::new(),
        steps: Vec::new(),
    }
}

/// The estimate under the first `payers` plans (amounts of later payers dropped
/// and added to the patient, so lines still balance).
fn estimate(payers: usize) -> Estimate {
    let t19 = Area::Tooth(Tooth::Permanent(19));
    let rows = [
        (
            (11, 1, 1, "D2950", t19, day(12, 3)),
            ["365", "226", "139", "50"],
            ["88", "50"],
            "88",
        ),
        (
            (12, 2, 1, "D2740", t19, day(12, 17)),
            ["1540", "955", "585", "0"],
            ["477.50", "200"],
            "277.50",
        ),
        (
            (13, 3, 3, "D1110", Area::Mouth, day(12, 20)),
            ["140", "101", "39", "0"],
            ["101", "0"],
            "0",
        ),
    ];
    let mut lines: Vec<LineEstimate> = rows
        .iter()
        .map(|(key, money, pays, patient)| line(*key, *money, &pays[..payers], patient))
        .collect();
    for (l, (_, _, pays, _)) in lines.iter_mut().zip(&rows) {
        let dropped: Cents = pays[payers..].iter().map(|p| c(p)).sum();
        l.patient += dropped;
        if payers == 0 {
            l.write_off = Cents::ZERO;
            l.patient = l.fee;
        }
        assert!(l.balances(), "line {} does not balance", l.number);
    }
    let sum = |f: fn(&LineEstimate) -> Cents| lines.iter().map(f).sum::<Cents>();
    let totals = Totals {
        fee: sum(|l| l.fee),
        allowed: sum(|l| l.allowed),
        write_off: sum(|l| l.write_off),
        deductible: sum(|l| l.deductible),
        insurance: (0..payers)
            .map(|k| {
                let pays: Cents = lines
                    .iter()
                    .filter_map(|l| l.payers.get(k))
                    .map(|p| p.pays)
                    .sum();
                (PLANS[k].to_string(), pays)
            })
            .collect(),
        patient: sum(|l| l.patient),
    };
    Estimate {
        lines,
        totals,
        remaining: Vec::new(),
    }
}

fn catalogue() -> CodeCatalogue {
    CodeCatalogue {
        format: 1,
        codes: vec![CodeInfo {
            code: CdtCode::parse("D2740").unwrap(),
            name: "Crown - porcelain/ceramic".to_string(),
            patient_text: "All-ceramic crown".to_string(),
            patient_text_es: None,
            class: ProcedureClass::MajorRestorative,
            area: AreaKind::Tooth,
        }],
    }
}

fn table(payers: usize, notes: &[CodingNote]) -> EstimateTable {
    let catalogue = catalogue();
    let plans: BTreeMap<String, PlanRules> = BTreeMap::new();
    let names = Names {
        catalogue: &catalogue,
        plans: &plans,
    };
    EstimateTable::new(&option(), &estimate(payers), notes, &names)
}

fn titles(t: &EstimateTable, set: ColumnSet) -> Vec<String> {
    t.columns(set).into_iter().map(|c| c.title).collect()
}

#[test]
fn command_line_columns_for_none_one_and_two_payers() {
    let fixed = [
        "#",
        "Date",
        "Code",
        "Area",
        "Fee",
        "Allowed",
        "Write-off",
        "Deduct.",
    ];
    let with = |payers: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
        v.extend(payers.iter().map(|s| s.to_string()));
        v.extend(["Patient".to_string(), "Status".to_string()]);
        v
    };
    assert_eq!(titles(&table(0, &[]), ColumnSet::CommandLine), with(&[]));
    assert_eq!(
        titles(&table(1, &[]), ColumnSet::CommandLine),
        with(&["summit-ppo-1500"])
    );
    assert_eq!(titles(&table(2, &[]), ColumnSet::CommandLine), with(&PLANS));
}

#[test]
fn screen_and_printed_columns_name_payers_for_their_reader() {
    let two = table(2, &[]);
    assert_eq!(
        titles(&two, ColumnSet::Screen),
        [
            "Tooth",
            "Surf.",
            "Code",
            "Description",
            "Fee",
            "Allowed",
            "Write-off",
            "Deduct.",
            "Primary",
            "Secondary",
            "Patient",
            "Status"
        ]
    );
    let screen = two.columns(ColumnSet::Screen);
    assert_eq!(screen[8].long_title, "summit-ppo-1500 pays");
    assert_eq!(screen[8].align, Align::Right);
    assert_eq!(screen[3].align, Align::Left);
    assert_eq!(
        titles(&two, ColumnSet::Printed),
        [
            "Line",
            "Tooth / area",
            "Code",
            "Description",
            "Fee",
            "Network discount",
            "summit-ppo-1500",
            "bayside-ppo-2000",
            "You pay"
        ]
    );
    assert_eq!(
        titles(&table(1, &[]), ColumnSet::Printed),
        [
            "Line",
            "Tooth / area",
            "Code",
            "Description",
            "Fee",
            "Network discount",
            "Insurance",
            "You pay"
        ]
    );
    // No insurance, no write-off: the patient sees no discount column.
    assert_eq!(
        titles(&table(0, &[]), ColumnSet::Printed),
        [
            "Line",
            "Tooth / area",
            "Code",
            "Description",
            "Fee",
            "You pay"
        ]
    );
}

#[test]
fn totals_equal_the_sum_of_the_rows() {
    for payers in 0..=2 {
        let t = table(payers, &[]);
        let mut sum = Amounts::default();
        for row in &t.rows {
            sum.add(&row.amounts);
        }
        assert_eq!(sum, t.totals, "{payers} payers");
    }
    let t = table(2, &[]);
    assert_eq!(t.totals.fee, c("2045"));
    assert_eq!(t.totals.allowed, c("1282"));
    assert_eq!(t.totals.write_off, c("763"));
    assert_eq!(t.totals.deductible, c("50"));
    assert_eq!(t.totals.payers, [c("666.50"), c("250")]);
    assert_eq!(t.totals.patient, c("365.50"));
    let columns = t.columns(ColumnSet::CommandLine);
    let total: Vec<String> = t
        .total_cells(&columns)
        .into_iter()
        .map(|c| c.text)
        .collect();
    assert_eq!(
        total,
        [
            "", "Total", "", "", "2,045.00", "1,282.00", "763.00", "50.00", "666.50", "250.00",
            "365.50", ""
        ]
    );
}

#[test]
fn visits_group_rows_by_id_with_subtotals() {
    let t = table(2, &[]);
    let groups: Vec<(&str, usize)> = t
        .visits
        .iter()
        .map(|v| (v.name.as_str(), v.lines.len()))
        .collect();
    assert_eq!(groups, [("Crown prep", 2), ("Seat", 0), ("Cleaning", 1)]);
    let prep = &t.visits[0];
    assert_eq!(prep.lines, [LineId(11), LineId(12)]);
    // 365 + 1,540; 88 + 477.50; 88 + 277.50.
    assert_eq!(prep.subtotal.fee, c("1905"));
    assert_eq!(prep.subtotal.payers[0], c("565.50"));
    assert_eq!(prep.subtotal.patient, c("365.50"));
    let printed = t.columns(ColumnSet::Printed);
    let cells: Vec<String> = t
        .subtotal_cells(prep, &printed)
        .into_iter()
        .map(|c| c.text)
        .collect();
    assert_eq!(
        cells,
        [
            "",
            "",
            "",
            "Visit total",
            "1,905.00",
            "724.00",
            "565.50",
            "250.00",
            "365.50"
        ]
    );
    let rows: Vec<usize> = t.rows_of(prep).map(|r| r.number).collect();
    assert_eq!(rows, [1, 2]);
}

#[test]
fn rows_carry_their_words() {
    let note = CodingNote {
        number: 1,
        line: LineId(11),
        rule: "BU14".to_string(),
        kind: NoteKind::Reminder,
        message: "Keep a pre-op X-ray.".to_string(),
        severity: crate::model::coding::Severity::Information,
        instead: String::new(),
    };
    let t = table(2, std::slice::from_ref(&note));
    let crown = t.row(LineId(12)).unwrap();
    assert_eq!(crown.a11y_label(), "Line 2: D2740");
    assert_eq!(crown.visit, VisitId(1));
    assert_eq!(
        crown.completed.as_deref(),
        Some("Completed Dec 17, 2026 (Seat visit)")
    );
    assert_eq!(crown.patient_description, "All-ceramic crown");
    assert!(crown.notes.is_empty());
    assert_eq!(t.row(LineId(11)).unwrap().notes, [note]);
    let text = |set: ColumnSet, line: u32| -> Vec<String> {
        let row = t.row(LineId(line)).unwrap();
        t.columns(set).iter().map(|c| row.cell(c).text).collect()
    };
    assert_eq!(
        text(ColumnSet::CommandLine, 12),
        [
            "2",
            "2026-12-17",
            "D2740",
            "#19",
            "1,540.00",
            "955.00",
            "585.00",
            "0.00",
            "477.50",
            "200.00",
            "277.50",
            ""
        ]
    );
    assert_eq!(
        text(ColumnSet::Screen, 13)[..4],
        ["", "", "D1110", "D1110 staff name"]
    );
    assert_eq!(text(ColumnSet::CommandLine, 13)[3], "whole mouth");
    assert_eq!(text(ColumnSet::Printed, 13)[1], "");
}

#[test]
fn status_words_and_tone_follow_the_flags() {
    let mut e = estimate(1);
    e.lines[1].flags = vec![Flag::Downgraded, Flag::Bundled, Flag::DeductibleApplied];
    let catalogue = catalogue();
    let plans = BTreeMap::new();
    let names = Names {
        catalogue: &catalogue,
        plans: &plans,
    };
    let t = EstimateTable::new(&option(), &e, &[], &names);
    let row = t.row(LineId(12)).unwrap();
    let status = |set: ColumnSet| {
        let column = set.column(ColumnKey::Status, &t.payers);
        row.cell(&column)
    };
    assert_eq!(
        status(ColumnSet::CommandLine).text,
        "downgraded, bundled, deductible"
    );
    assert_eq!(
        status(ColumnSet::Screen).text,
        "bundled, downgraded, deductible"
    );
    assert_eq!(status(ColumnSet::Screen).tone, Some(Tone::Denied));
    assert_eq!(t.row(LineId(11)).unwrap().tone(), None);
}
