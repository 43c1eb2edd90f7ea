//! The options handout as a view model: a summary page with every option side by
//! side (total, what insurance pays, what the patient pays, the maximum left
//! after, visits and dates, and the benefit-year advice when it saves money),
//! then each option's printed estimate as its detail pages. The summary's
//! amounts are the compare view's cells ([`ComparisonTable`]); each detail is
//! the [`PrintedEstimate`] of that option's scenario, so paper, screen and
//! command line agree.

use chrono::NaiveDate;

use super::PrintedEstimate;
use super::lang::{self, Language, Msg, say};
use crate::engine::{Advice, Comparison};
use crate::model::{Library, OptionId, PracticeSettings, TreatmentOption, TreatmentPlan};
use crate::report::comparison::{ComparisonTable, TotalCell, TotalKey};
use crate::report::{Names, fmt};

/// One row of the summary table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoutRow {
    /// "You pay (estimate)".
    pub label: String,
    /// Printed bold (what the patient pays).
    pub strong: bool,
    /// One cell per option; a cell may have several lines (visits).
    pub cells: Vec<Vec<String>>,
}

/// One option's column heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoutOption {
    /// The option.
    pub option: OptionId,
    /// "Option 1".
    pub number: String,
    /// Its name.
    pub name: String,
}

/// The whole handout, every text ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handout {
    /// The summary page's header, patient and insurance (its table is the first
    /// option's and is not printed on the summary page).
    pub cover: PrintedEstimate,
    /// "Your options side by side".
    pub heading: String,
    /// The sentence under it.
    pub intro: String,
    /// Column headings, in the plan's option order.
    pub options: Vec<HandoutOption>,
    /// Total fee, insurance, patient, maximum left, visits.
    pub rows: Vec<HandoutRow>,
    /// "Ways to pay less" when some option can be scheduled for less.
    pub advice_heading: String,
    /// One paragraph per option whose split over the benefit year saves money.
    pub advice: Vec<String>,
    /// Each option's printed estimate, in column order.
    pub details: Vec<PrintedEstimate>,
}

/// What the handout is made from: the comparison of every option under the
/// patient's own coverage and the advisor's result per scenario.
pub struct HandoutSources<'a> {
    /// Practice settings.
    pub practice: &'a PracticeSettings,
    /// The treatment plan.
    pub plan: &'a TreatmentPlan,
    /// The library it was priced with.
    pub library: &'a Library,
    /// The comparison (one scenario per option).
    pub comparison: &'a Comparison,
    /// The advisor's suggestion per scenario (None: nothing saves).
    pub advice: &'a [Option<Advice>],
    /// The day it is prepared.
    pub prepared: NaiveDate,
    /// The language the patient reads it in.
    pub language: Language,
}

impl Handout {
    /// The handout; None when the comparison has no option of the plan.
    pub fn new(s: &HandoutSources<'_>) -> Option<Handout> {
        let names = Names {
            catalogue: &s.library.catalogue,
            plans: &s.library.plans,
        };
        let table = ComparisonTable::new(s.comparison, s.plan, &names);
        let details: Vec<PrintedEstimate> = s
            .comparison
            .scenarios
            .iter()
            .filter_map(|r| {
                let option = s.plan.option(r.scenario.option)?;
                Some(PrintedEstimate::new_in(
                    s.practice,
                    s.plan,
                    s.library,
                    option,
                    &r.estimate,
                    s.prepared,
                    s.language,
                ))
            })
            .collect();
        let lang = s.language;
        let cover = cover(details.first()?, s);
        let options = table
            .scenarios
            .iter()
            .map(|c| HandoutOption {
                option: c.option,
                number: say(lang, Msg::OptionNumber, &[("n", &c.number.to_string())]),
                name: c.option_name.clone(),
            })
            .collect();
        let mut rows = amount_rows(&table, lang);
        rows.push(HandoutRow {
            label: Msg::Visits.text(lang).to_string(),
            strong: false,
            cells: table
                .scenarios
                .iter()
                .map(|c| {
                    s.plan
                        .option(c.option)
                        .map(|o| visit_lines(o, lang))
                        .unwrap_or_default()
                })
                .collect(),
        });
        let advice = table
            .scenarios
            .iter()
            .zip(s.advice)
            .filter_map(|(c, a)| {
                a.as_ref()
                    .map(|a| advice_paragraph(&c.option_name, a, lang))
            })
            .collect();
        Some(Handout {
            cover,
            heading: Msg::SideBySide.text(lang).to_string(),
            intro: Msg::HandoutIntro.text(lang).to_string(),
            options,
            rows,
            advice_heading: Msg::WaysToSave.text(lang).to_string(),
            advice,
            details,
        })
    }
}

/// The first option's estimate with the handout's title, footer and running
/// header (its header, patient and insurance are the summary page's).
fn cover(first: &PrintedEstimate, s: &HandoutSources<'_>) -> PrintedEstimate {
    let lang = s.language;
    let date = lang::long_date(lang, s.prepared);
    let mut cover = first.clone();
    cover.title = Msg::HandoutTitle.text(lang).to_string();
    let patient = [("patient", s.plan.patient.name.as_str())];
    cover.document_title = say(lang, Msg::HandoutDocumentTitle, &patient);
    cover.continued = format!("{date} · continued");
    if lang != Language::English {
        cover.continued = say(
            lang,
            Msg::Continued,
            &[("option", &cover.title), ("date", &date)],
        );
    }
    let practice = lang::practice_name(lang, &s.practice.name);
    let footer = [("practice", practice.as_str()), ("date", &date)];
    cover.footer = say(lang, Msg::HandoutFooter, &footer);
    let estimate_no = Msg::EstimateNo.text(lang);
    cover.facts.retain(|f| f.label != estimate_no);
    cover
}

/// The compare view's total rows the patient needs, with the patient's labels.
fn amount_rows(table: &ComparisonTable, lang: Language) -> Vec<HandoutRow> {
    [
        (TotalKey::Fee, Msg::TotalFee),
        (TotalKey::Insurance, Msg::InsurancePays),
        (TotalKey::Patient, Msg::YouPay),
        (TotalKey::MaximumAfter, Msg::MaximumLeft),
    ]
    .into_iter()
    .filter_map(|(key, label)| {
        let row = table.totals.iter().find(|r| r.key == key)?;
        let cell = |c: &TotalCell| match c.amount {
            Some(_) => c.text.clone(),
            None => Msg::NoMaximum.text(lang).to_string(),
        };
        Some(HandoutRow {
            label: label.text(lang).to_string(),
            strong: key == TotalKey::Patient,
            cells: row.cells.iter().map(|c| vec![cell(c)]).collect(),
        })
    })
    .collect()
}

/// "Crown prep: Dec 3, 2026", one line per visit of the option (a visit where
/// a crown is seated counts even though its line started earlier).
fn visit_lines(option: &TreatmentOption, lang: Language) -> Vec<String> {
    option
        .visits
        .iter()
        .map(|v| {
            let date = lang::long_date(lang, v.date);
            say(lang, Msg::VisitOn, &[("visit", &v.name), ("date", &date)])
        })
        .collect()
}

/// The advisor's suggestion as the patient reads it.
pub fn advice_paragraph(option: &str, a: &Advice, lang: Language) -> String {
    let quoted: Vec<String> = a.moved_visits.iter().map(|v| format!("\"{v}\"")).collect();
    let and = match lang {
        Language::English => "and",
        Language::Spanish => "y",
    };
    let (what, visits) = match quoted.as_slice() {
        [one] => (Msg::AdviceOneVisit, one.clone()),
        [rest @ .., last] => (
            Msg::AdviceVisits,
            format!("{} {and} {last}", rest.join(", ")),
        ),
        [] => (Msg::AdviceVisits, String::new()),
    };
    let what = say(lang, what, &[("visits", &visits)]);
    let n = a.delay_days.to_string();
    let days = say(
        lang,
        if a.delay_days == 1 {
            Msg::Day
        } else {
            Msg::Days
        },
        &[("n", &n)],
    );
    say(
        lang,
        Msg::Advice,
        &[
            ("option", option),
            ("what", &what),
            ("date", &lang::long_date(lang, a.moved_to)),
            ("saving", &fmt::dollars(a.saving)),
            ("after", &fmt::dollars(a.patient_after)),
            ("before", &fmt::dollars(a.patient_before)),
            ("days", &days),
        ],
    )
}
