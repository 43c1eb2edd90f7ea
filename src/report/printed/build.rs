//! Building the [`PrintedEstimate`] from the estimate table (`ColumnSet::Printed`)
//! and the remaining benefits: one short function per part. Every amount and
//! sum comes from those two; every text from `report::fmt`, `report::wording`
//! and [`words`].

use chrono::{Days, NaiveDate};

use super::parts::{
    BenefitsColumn, BenefitsRow, BenefitsTable, Fact, PartyBlock, PracticeHeader, PrintedEstimate,
    PrintedNote, PrintedPayer, PrintedRow, PrintedSummary, PrintedTable, PrintedVisit, SummaryRow,
};
use super::words;
use crate::engine::Estimate;
use crate::model::{Coverage, Library, PracticeSettings, TreatmentOption, TreatmentPlan};
use crate::report::Names;
use crate::report::columns::{Column, ColumnSet, PayerColumn};
use crate::report::estimate_table::{EstimateTable, Row, VisitGroup};
use crate::report::fmt;
use crate::report::remaining::{
    self, DEDUCTIBLE_NOW, MAXIMUM_AFTER, RemainingBenefits, RemainingRow,
};

/// What a printed estimate is made from.
#[derive(Clone, Copy, Debug)]
pub struct PrintSources<'a> {
    /// The practice's name, address, validity and disclaimer.
    pub practice: &'a PracticeSettings,
    /// The treatment plan (its patient and coverage).
    pub plan: &'a TreatmentPlan,
    /// The estimate of the option as a table.
    pub table: &'a EstimateTable,
    /// The benefits left after it.
    pub remaining: &'a RemainingBenefits,
    /// Plan names, carriers and networks.
    pub names: Names<'a>,
    /// The day the estimate is prepared.
    pub prepared: NaiveDate,
}

impl PrintedEstimate {
    /// The printed estimate of `option` of `plan`, from its estimate. Pure: the
    /// prepared date is given, and valid-until is that date plus the practice's
    /// validity days.
    pub fn new(
        practice: &PracticeSettings,
        plan: &TreatmentPlan,
        library: &Library,
        option: &TreatmentOption,
        estimate: &Estimate,
        prepared: NaiveDate,
    ) -> PrintedEstimate {
        let names = Names {
            catalogue: &library.catalogue,
            plans: &library.plans,
        };
        // Coding notes are for staff: the patient's notes come with the rows.
        let table = EstimateTable::new(option, estimate, &[], &names);
        let remaining = RemainingBenefits::new(estimate, &names);
        PrintedEstimate::from_sources(&PrintSources {
            practice,
            plan,
            table: &table,
            remaining: &remaining,
            names,
            prepared,
        })
    }

    /// The printed estimate from an estimate table and its remaining benefits.
    pub fn from_sources(s: &PrintSources<'_>) -> PrintedEstimate {
        let patient = &s.plan.patient;
        let estimate_id = words::estimate_id(
            &patient.name,
            s.table.option,
            &s.table.option_name,
            s.prepared,
        );
        let payers = payers(s);
        PrintedEstimate {
            option: s.table.option,
            title: words::TITLE.to_string(),
            document_title: words::document_title(&patient.name),
            continued: words::continued(&s.table.option_name, s.prepared),
            footer: words::footer(&s.practice.name, &estimate_id, s.prepared),
            practice: practice_header(s.practice),
            facts: facts(s.practice, &estimate_id, s.prepared),
            patient: patient_block(s.plan),
            no_insurance: payers.is_empty().then(no_insurance),
            payers,
            table: treatment_table(s.table),
            summary: summary(s.table),
            notes: notes(s.table),
            remaining: benefits(s.remaining),
            disclaimer: s.practice.disclaimer_paragraphs(),
            estimate_id,
        }
    }
}

/// The practice's name and the lines under it; blank settings are left out.
pub(super) fn practice_header(practice: &PracticeSettings) -> PracticeHeader {
    fn filled(t: &Option<String>) -> Option<&str> {
        t.as_deref().filter(|t| !t.trim().is_empty())
    }
    let mut lines: Vec<String> = practice
        .address_lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .cloned()
        .collect();
    if !practice.phone.trim().is_empty() {
        lines.push(words::phone(&practice.phone));
    }
    lines.extend(words::practice_ids(
        filled(&practice.tax_id),
        filled(&practice.npi),
    ));
    PracticeHeader {
        name: practice.name.clone(),
        lines,
    }
}

/// Estimate number, prepared date and valid-until date.
pub(super) fn facts(
    practice: &PracticeSettings,
    estimate_id: &str,
    prepared: NaiveDate,
) -> Vec<Fact> {
    let valid_until = prepared
        .checked_add_days(Days::new(u64::from(practice.validity_days)))
        .unwrap_or(prepared);
    let fact = |label: &str, value: String, strong: bool| Fact {
        label: label.to_string(),
        value,
        strong,
    };
    vec![
        fact(words::ESTIMATE_NO, estimate_id.to_string(), false),
        fact(words::PREPARED, fmt::long_date(prepared), false),
        fact(words::VALID_UNTIL, fmt::long_date(valid_until), true),
    ]
}

/// Name, date of birth and chart number.
fn patient_block(plan: &TreatmentPlan) -> PartyBlock {
    let patient = &plan.patient;
    // A blank birth date blocks printing; the block never shows a made-up one.
    let mut lines: Vec<String> = patient
        .birth_date
        .map(words::date_of_birth)
        .into_iter()
        .collect();
    if let Some(chart) = patient.chart_number.as_deref().filter(|s| !s.is_empty()) {
        lines.push(words::chart(chart));
    }
    PartyBlock {
        label: words::PATIENT.to_string(),
        name: patient.name.clone(),
        lines,
        aside: None,
    }
}

/// One block per payer of the table, in payer order.
fn payers(s: &PrintSources<'_>) -> Vec<PrintedPayer> {
    s.table
        .payers
        .iter()
        .enumerate()
        .map(|(k, payer)| PrintedPayer {
            plan: payer.plan.clone(),
            block: payer_block(payer, coverage(s.plan, k, &payer.plan), &s.names),
        })
        .collect()
}

/// The coverage of payer `k`: the plan's `k`th when it is that plan, else the
/// first with that plan.
fn coverage<'a>(plan: &'a TreatmentPlan, k: usize, id: &str) -> Option<&'a Coverage> {
    plan.coverage
        .get(k)
        .filter(|c| c.plan == id)
        .or_else(|| plan.coverage.iter().find(|c| c.plan == id))
}

/// Role, plan name, carrier, masked member id, subscriber, network, verification.
fn payer_block(payer: &PayerColumn, coverage: Option<&Coverage>, names: &Names<'_>) -> PartyBlock {
    let rules = names.plans.get(&payer.plan);
    let mut lines = Vec::new();
    lines.extend(rules.map(|r| r.carrier.clone()).filter(|c| !c.is_empty()));
    if let Some(c) = coverage {
        let member = c.member_id.as_deref().filter(|m| !m.trim().is_empty());
        lines.extend(member.map(words::member_id));
        let subscriber = c.subscriber.as_deref().filter(|s| !s.trim().is_empty());
        lines.extend(subscriber.and_then(|s| words::subscriber(s, c.relationship)));
    }
    lines.extend(rules.map(|r| words::network(&r.network).to_string()));
    PartyBlock {
        label: payer.role.clone(),
        name: payer.name.clone(),
        lines,
        aside: coverage
            .and_then(|c| c.verified.as_ref())
            .map(words::verified),
    }
}

fn no_insurance() -> PartyBlock {
    PartyBlock {
        label: words::INSURANCE.to_string(),
        lines: vec![words::NO_INSURANCE.to_string()],
        ..PartyBlock::default()
    }
}

/// Visits with lines, their rows and subtotals, and the total row.
fn treatment_table(table: &EstimateTable) -> PrintedTable {
    let columns = table.columns(ColumnSet::Printed);
    let with_lines: Vec<&VisitGroup> = table
        .visits
        .iter()
        .filter(|v| !v.lines.is_empty())
        .collect();
    // One visit's subtotal would only repeat the total.
    let subtotals = with_lines.len() > 1;
    let visits = with_lines
        .into_iter()
        .map(|visit| PrintedVisit {
            id: visit.id,
            name: visit.name.clone(),
            date: fmt::long_date(visit.date),
            rows: table.rows_of(visit).map(|r| row(r, &columns)).collect(),
            subtotal: visit.subtotal.clone(),
            subtotal_cells: subtotals.then(|| texts(table.subtotal_cells(visit, &columns))),
        })
        .collect();
    PrintedTable {
        heading: words::planned_treatment(&table.option_name),
        total_cells: texts(table.total_cells(&columns)),
        totals: table.totals.clone(),
        visits,
        columns,
    }
}

fn row(row: &Row, columns: &[Column]) -> PrintedRow {
    PrintedRow {
        line: row.line,
        number: row.number,
        code: row.code,
        cells: columns.iter().map(|c| row.cell(c).text).collect(),
        completed: row.completed.clone(),
    }
}

fn texts(cells: Vec<crate::report::Cell>) -> Vec<String> {
    cells.into_iter().map(|c| c.text).collect()
}

/// What each plan pays and the patient's total, from the table's totals.
fn summary(table: &EstimateTable) -> PrintedSummary {
    let rows = table
        .payers
        .iter()
        .zip(&table.totals.payers)
        .map(|(payer, pays)| SummaryRow {
            label: words::plan_pays(&payer.name),
            short_label: words::plan_pays(&payer.short_name),
            amount: fmt::dollars(*pays),
        })
        .collect();
    let has_notes = table.rows.iter().any(|r| r.patient_note.is_some());
    let aside = if has_notes {
        format!("{} {}", words::AMOUNTS_ARE_ESTIMATES, words::STARRED_LINES)
    } else {
        words::AMOUNTS_ARE_ESTIMATES.to_string()
    };
    PrintedSummary {
        aside,
        rows,
        total_label: words::YOUR_TOTAL.to_string(),
        total: fmt::dollars(table.totals.patient),
    }
}

/// The patient's note of each line that has one, in plan order.
fn notes(table: &EstimateTable) -> Vec<PrintedNote> {
    table
        .rows
        .iter()
        .filter_map(|r| {
            Some(PrintedNote {
                line: r.line,
                number: r.number,
                label: words::line_label(r.number),
                text: r.patient_note.clone()?,
            })
        })
        .collect()
}

/// The remaining-benefits columns the patient sees: all but the deductible
/// before this treatment (what is left after is what matters to them).
pub(super) fn benefits(remaining: &RemainingBenefits) -> BenefitsTable {
    let shown = |title: &str| title != DEDUCTIBLE_NOW;
    let columns = remaining::COLUMNS
        .iter()
        .filter(|(title, _)| shown(title))
        .map(|&(title, align)| BenefitsColumn {
            title: title.to_string(),
            align,
            strong: title == MAXIMUM_AFTER,
        })
        .collect();
    let pick = |cells: [String; 6]| -> Vec<String> {
        remaining::COLUMNS
            .iter()
            .zip(cells)
            .filter(|((title, _), _)| shown(title))
            .map(|(_, cell)| cell)
            .collect()
    };
    let mut rows = Vec::new();
    for r in remaining.rows.iter().filter(|r| r.has_limits()) {
        rows.push(benefits_row(
            r,
            pick(r.cells(fmt::benefit_year_long)),
            false,
        ));
        for m in &r.class_maximums {
            rows.push(benefits_row(r, pick(m.cells()), true));
        }
    }
    BenefitsTable { columns, rows }
}

fn benefits_row(r: &RemainingRow, cells: Vec<String>, separate_maximum: bool) -> BenefitsRow {
    BenefitsRow {
        plan: r.plan.clone(),
        cells,
        separate_maximum,
    }
}
