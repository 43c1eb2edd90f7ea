//! Building the [`PrintedEstimate`] from the estimate table (`ColumnSet::Printed`)
//! and the remaining benefits: one short function per part. Every amount and
//! sum comes from those two; every text from `report::fmt`, `report::wording`
//! and [`words`].

use chrono::{Days, NaiveDate};

use super::lang::{self, Language, Msg, say};
use super::parts::{
    BenefitsColumn, BenefitsRow, BenefitsTable, Fact, PartyBlock, PracticeHeader, PrintedEstimate,
    PrintedNote, PrintedPayer, PrintedRow, PrintedSummary, PrintedTable, PrintedVisit, SummaryRow,
};
use super::procedure;
use super::words;
use crate::engine::Estimate;
use crate::model::practice::DEFAULT_DISCLAIMER;
use crate::model::{Coverage, Library, PracticeSettings, TreatmentOption, TreatmentPlan};
use crate::report::Names;
use crate::report::columns::{Column, ColumnKey, ColumnSet, PayerColumn};
use crate::report::estimate_table::{EstimateTable, Row, VisitGroup};
use crate::report::fmt;
use crate::report::ortho::ortho_views;
use crate::report::remaining::{
    self, DEDUCTIBLE_NOW, MAXIMUM_AFTER, RemainingBenefits, RemainingRow,
};
use crate::report::wording::{PlanNaming, patient_es};

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
    /// The language the patient reads it in.
    pub language: Language,
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
        let language = plan.patient.language.unwrap_or_default();
        PrintedEstimate::new_in(
            practice, plan, library, option, estimate, prepared, language,
        )
    }

    /// Like [`PrintedEstimate::new`], in `language` whatever the patient's is.
    pub fn new_in(
        practice: &PracticeSettings,
        plan: &TreatmentPlan,
        library: &Library,
        option: &TreatmentOption,
        estimate: &Estimate,
        prepared: NaiveDate,
        language: Language,
    ) -> PrintedEstimate {
        let names = Names {
            catalogue: &library.catalogue,
            plans: &library.plans,
        };
        // Coding notes are for staff: the patient's notes come with the rows.
        let table = EstimateTable::new(option, estimate, &[], &names);
        let remaining = RemainingBenefits::new(estimate, &names);
        let mut printed = PrintedEstimate::from_sources(&PrintSources {
            practice,
            plan,
            table: &table,
            remaining: &remaining,
            names,
            prepared,
            language,
        });
        if language == Language::Spanish {
            spanish_notes(&mut printed, estimate, &table, &names);
        }
        printed.ortho = ortho_views(option, estimate, &names, (language, true));
        printed
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
        let lang = s.language;
        let date = lang::long_date(lang, s.prepared);
        PrintedEstimate {
            option: s.table.option,
            language: lang,
            title: Msg::Title.text(lang).to_string(),
            document_title: say(lang, Msg::DocumentTitle, &[("patient", &patient.name)]),
            continued: say(
                lang,
                Msg::Continued,
                &[("option", &s.table.option_name), ("date", &date)],
            ),
            footer: say(
                lang,
                Msg::Footer,
                &[
                    ("practice", &lang::practice_name(lang, &s.practice.name)),
                    ("id", &estimate_id),
                    ("date", &date),
                ],
            ),
            practice: practice_header_in(s.practice, lang),
            facts: facts_in(s.practice, &estimate_id, s.prepared, lang),
            patient: patient_block(s.plan, lang),
            no_insurance: payers.is_empty().then(|| no_insurance(lang)),
            payers,
            table: treatment_table(s),
            summary: summary(s.table, lang),
            notes: notes(s.table, lang),
            remaining: benefits(s.remaining, lang),
            disclaimer: disclaimer(s.practice, lang),
            estimate_id,
            ortho: Vec::new(),
        }
    }
}

/// The practice's name and the lines under it; blank settings are left out.
#[cfg(test)]
pub(super) fn practice_header(practice: &PracticeSettings) -> PracticeHeader {
    practice_header_in(practice, Language::English)
}

/// [`practice_header`] in `lang`.
fn practice_header_in(practice: &PracticeSettings, lang: Language) -> PracticeHeader {
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
        lines.push(say(lang, Msg::Phone, &[("phone", practice.phone.trim())]));
    }
    let tax_id = filled(&practice.tax_id).map(|t| say(lang, Msg::TaxId, &[("id", t)]));
    let ids: Vec<String> = [tax_id, filled(&practice.npi).map(|n| format!("NPI {n}"))]
        .into_iter()
        .flatten()
        .collect();
    if !ids.is_empty() {
        lines.push(ids.join("   ·   "));
    }
    PracticeHeader {
        name: lang::practice_name(lang, &practice.name),
        lines,
    }
}

/// Estimate number, prepared date and valid-until date.
#[cfg(test)]
pub(super) fn facts(
    practice: &PracticeSettings,
    estimate_id: &str,
    prepared: NaiveDate,
) -> Vec<Fact> {
    facts_in(practice, estimate_id, prepared, Language::English)
}

/// [`facts`] in `lang`.
fn facts_in(
    practice: &PracticeSettings,
    estimate_id: &str,
    prepared: NaiveDate,
    lang: Language,
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
        fact(Msg::EstimateNo.text(lang), estimate_id.to_string(), false),
        fact(
            Msg::Prepared.text(lang),
            lang::long_date(lang, prepared),
            false,
        ),
        fact(
            Msg::ValidUntil.text(lang),
            lang::long_date(lang, valid_until),
            true,
        ),
    ]
}

/// Name, date of birth and chart number.
fn patient_block(plan: &TreatmentPlan, lang: Language) -> PartyBlock {
    let patient = &plan.patient;
    // A blank birth date blocks printing; the block never shows a made-up one.
    let mut lines: Vec<String> = patient
        .birth_date
        .map(|d| {
            say(
                lang,
                Msg::DateOfBirth,
                &[("date", &lang::long_date(lang, d))],
            )
        })
        .into_iter()
        .collect();
    if let Some(chart) = patient.chart_number.as_deref().filter(|s| !s.is_empty()) {
        lines.push(say(lang, Msg::Chart, &[("number", chart)]));
    }
    PartyBlock {
        label: Msg::Patient.text(lang).to_string(),
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
            block: payer_block(
                (k, payer),
                coverage(s.plan, k, &payer.plan),
                &s.names,
                s.language,
            ),
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
fn payer_block(
    (k, payer): (usize, &PayerColumn),
    coverage: Option<&Coverage>,
    names: &Names<'_>,
    lang: Language,
) -> PartyBlock {
    let rules = names.plans.get(&payer.plan);
    let mut lines = Vec::new();
    lines.extend(rules.map(|r| r.carrier.clone()).filter(|c| !c.is_empty()));
    if let Some(c) = coverage {
        let member = c.member_id.as_deref().filter(|m| !m.trim().is_empty());
        let masked = member.map(words::mask_member_id);
        lines.extend(masked.map(|id| say(lang, Msg::MemberId, &[("id", &id)])));
        let subscriber = c.subscriber.as_deref().filter(|s| !s.trim().is_empty());
        let relation = lang::relation(lang, c.relationship);
        if let (Some(name), Some(relation)) = (subscriber, relation) {
            let values = [("name", name), ("relation", relation)];
            lines.push(say(lang, Msg::Subscriber, &values));
        }
    }
    lines.extend(rules.map(|r| lang::network(lang, &r.network).to_string()));
    let label = match lang {
        // The table's own role label (the same words the screen uses).
        Language::English => payer.role.clone(),
        _ => lang::payer_role(lang, k),
    };
    PartyBlock {
        label,
        name: payer.name.clone(),
        lines,
        aside: coverage.and_then(|c| c.verified.as_ref()).map(|v| {
            let date = lang::long_date(lang, v.on);
            let values = [("date", date.as_str()), ("source", v.source.trim())];
            say(lang, Msg::Verified, &values)
        }),
    }
}

fn no_insurance(lang: Language) -> PartyBlock {
    PartyBlock {
        label: Msg::Insurance.text(lang).to_string(),
        lines: vec![Msg::NoInsurance.text(lang).to_string()],
        ..PartyBlock::default()
    }
}

/// Visits with lines, their rows and subtotals, and the total row.
fn treatment_table(s: &PrintSources<'_>) -> PrintedTable {
    let (table, lang) = (s.table, s.language);
    let mut columns = table.columns(ColumnSet::Printed);
    if lang != Language::English {
        for c in &mut columns {
            if let Some(title) = lang::column_title(lang, c.key, table.payers.len()) {
                c.title = title.to_string();
            }
        }
    }
    let option = s.plan.option(table.option);
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
            date: lang::long_date(lang, visit.date),
            rows: table
                .rows_of(visit)
                .map(|r| row(r, &columns, option, s))
                .collect(),
            subtotal: visit.subtotal.clone(),
            subtotal_cells: subtotals.then(|| {
                let cells = texts(table.subtotal_cells(visit, &columns));
                relabel(cells, "Visit total", Msg::VisitTotal.text(lang))
            }),
        })
        .collect();
    PrintedTable {
        heading: say(
            lang,
            Msg::PlannedTreatment,
            &[("option", &table.option_name)],
        ),
        total_cells: relabel(
            texts(table.total_cells(&columns)),
            "Total",
            Msg::Total.text(lang),
        ),
        totals: table.totals.clone(),
        visits,
        columns,
    }
}

fn row(
    row: &Row,
    columns: &[Column],
    option: Option<&TreatmentOption>,
    s: &PrintSources<'_>,
) -> PrintedRow {
    let lang = s.language;
    let completed = match lang {
        Language::English => row.completed.clone(),
        _ => completed_in(row, option, lang),
    };
    // Spanish papers name the procedure and the area in Spanish.
    let cell = |c: &Column| match (lang, c.key) {
        (Language::English, _) => row.cell(c).text,
        (_, ColumnKey::Description) => procedure::description(row, s.names.catalogue, lang),
        (_, ColumnKey::Area) => procedure::area(row.area, lang),
        _ => row.cell(c).text,
    };
    PrintedRow {
        line: row.line,
        number: row.number,
        code: row.code,
        cells: columns.iter().map(cell).collect(),
        completed,
    }
}

/// "Se termina el 17 de diciembre de 2026 (cita «Seat»)": the visit where a
/// line started earlier is completed, found by id as the table does.
fn completed_in(row: &Row, option: Option<&TreatmentOption>, lang: Language) -> Option<String> {
    row.completed.as_ref()?;
    let option = option?;
    let line = option
        .visits
        .iter()
        .flat_map(|v| &v.lines)
        .find(|l| l.id == row.line)?;
    let visit = option
        .visits
        .iter()
        .find(|v| Some(v.id) == line.completed_at)?;
    let date = lang::long_date(lang, visit.date);
    Some(say(
        lang,
        Msg::Completed,
        &[("date", &date), ("visit", &visit.name)],
    ))
}

/// The cells with the summary row's English label replaced.
fn relabel(cells: Vec<String>, english: &str, label: &str) -> Vec<String> {
    cells
        .into_iter()
        .map(|c| if c == english { label.to_string() } else { c })
        .collect()
}

fn texts(cells: Vec<crate::report::Cell>) -> Vec<String> {
    cells.into_iter().map(|c| c.text).collect()
}

/// What each plan pays and the patient's total, from the table's totals.
fn summary(table: &EstimateTable, lang: Language) -> PrintedSummary {
    let rows = table
        .payers
        .iter()
        .zip(&table.totals.payers)
        .map(|(payer, pays)| SummaryRow {
            label: say(lang, Msg::PlanPays, &[("plan", &payer.name)]),
            short_label: say(lang, Msg::PlanPays, &[("plan", &payer.short_name)]),
            amount: fmt::dollars(*pays),
        })
        .collect();
    let has_notes = table.rows.iter().any(|r| r.patient_note.is_some());
    let aside = if has_notes {
        format!(
            "{} {}",
            Msg::AmountsAreEstimates.text(lang),
            Msg::StarredLines.text(lang)
        )
    } else {
        Msg::AmountsAreEstimates.text(lang).to_string()
    };
    PrintedSummary {
        aside,
        rows,
        total_label: Msg::YourTotal.text(lang).to_string(),
        total: fmt::dollars(table.totals.patient),
    }
}

/// The patient's note of each line that has one, in plan order.
fn notes(table: &EstimateTable, lang: Language) -> Vec<PrintedNote> {
    table
        .rows
        .iter()
        .filter_map(|r| {
            Some(PrintedNote {
                line: r.line,
                number: r.number,
                label: say(lang, Msg::LineLabel, &[("n", &r.number.to_string())]),
                text: r.patient_note.clone()?,
            })
        })
        .collect()
}

/// The remaining-benefits columns the patient sees: all but the deductible
/// before this treatment (what is left after is what matters to them).
pub(super) fn benefits(remaining: &RemainingBenefits, lang: Language) -> BenefitsTable {
    let shown = |title: &str| title != DEDUCTIBLE_NOW;
    let titles = [
        Msg::BenPlan,
        Msg::BenYear,
        Msg::BenMaximumNow,
        Msg::BenMaximumAfter,
        Msg::BenDeductibleAfter,
    ];
    let columns = remaining::COLUMNS
        .iter()
        .filter(|(title, _)| shown(title))
        .zip(titles)
        .map(|(&(title, align), m)| BenefitsColumn {
            title: m.text(lang).to_string(),
            align,
            strong: title == MAXIMUM_AFTER,
        })
        .collect();
    let year: fn(NaiveDate, NaiveDate) -> String = match lang {
        Language::English => fmt::benefit_year_long,
        Language::Spanish => lang::benefit_year_spanish,
    };
    let no_maximum = Msg::NoMaximum.text(lang);
    let pick = |cells: [String; 6]| -> Vec<String> {
        remaining::COLUMNS
            .iter()
            .zip(cells)
            .filter(|((title, _), _)| shown(title))
            .map(|(_, cell)| {
                if cell == fmt::NO_MAXIMUM {
                    no_maximum.to_string()
                } else {
                    cell
                }
            })
            .collect()
    };
    let mut rows = Vec::new();
    for r in remaining.rows.iter().filter(|r| r.has_limits()) {
        rows.push(benefits_row(r, pick(r.cells(year)), false));
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

/// The practice's disclaimer; the built-in one in the patient's language (a
/// practice's own text prints as written).
fn disclaimer(practice: &PracticeSettings, lang: Language) -> Vec<String> {
    match lang {
        Language::Spanish if practice.disclaimer.trim() == DEFAULT_DISCLAIMER.trim() => {
            DISCLAIMER_ES.iter().map(|p| p.to_string()).collect()
        }
        _ => practice.disclaimer_paragraphs(),
    }
}

/// The built-in disclaimer in Spanish, paragraph by paragraph.
const DISCLAIMER_ES: [&str; 3] = [
    "Este documento es un presupuesto aproximado, no una garantía de pago. Su plan de seguro decide cuánto paga solo cuando procesa la reclamación, según las condiciones del plan vigentes el día del tratamiento.",
    "Las cifras se basan en la información de beneficios y de tratamientos anteriores que teníamos el día en que preparamos este presupuesto. Las reclamaciones de otros consultorios dentales, los cambios en su plan o en su elegibilidad, los límites de frecuencia y la coordinación con otros seguros pueden cambiar lo que paga su plan.",
    "Usted es responsable de cualquier cantidad que su seguro no pague, dentro de los límites de nuestro contrato con su plan, si lo tenemos. Si desea conocer la respuesta del propio plan antes del tratamiento, podemos enviarle una solicitud de predeterminación. Respetamos las tarifas de este presupuesto hasta la fecha de validez indicada arriba.",
];

/// The patient's notes in Spanish, from the same engine steps as the English
/// ones, naming plans the way the table does.
fn spanish_notes(
    printed: &mut PrintedEstimate,
    estimate: &Estimate,
    table: &EstimateTable,
    names: &Names<'_>,
) {
    let naming = if table.payers.len() > 1 {
        PlanNaming::ByName(
            table
                .payers
                .iter()
                .map(|p| (p.name.clone(), p.short_name.clone()))
                .collect(),
        )
    } else {
        PlanNaming::Single
    };
    for note in &mut printed.notes {
        let line = estimate.lines.iter().find(|l| l.line == note.line);
        if let Some(text) = line.and_then(|l| patient_es::line_note(l, names.catalogue, &naming)) {
            note.text = text;
        }
    }
}
