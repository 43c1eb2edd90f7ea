//! The options handout as a view model: a summary page with every option side by
//! side (total, what insurance pays, what the patient pays, the maximum left
//! after, visits and dates, and the benefit-year advice when it saves money),
//! then each option's printed estimate as its detail pages. The summary's
//! amounts are the compare view's cells ([`ComparisonTable`]); each detail is
//! the [`PrintedEstimate`] of that option's scenario, so paper, screen and
//! command line agree.

use chrono::NaiveDate;

use super::PrintedEstimate;
use crate::engine::{Advice, Comparison};
use crate::model::{Library, OptionId, PracticeSettings, TreatmentOption, TreatmentPlan};
use crate::report::comparison::{ComparisonTable, TotalKey};
use crate::report::{Names, fmt};

/// "Your treatment options".
pub const TITLE: &str = "Your treatment options";
/// Heading of the side-by-side table.
pub const SIDE_BY_SIDE: &str = "Your options side by side";
/// Under the heading.
pub const INTRO: &str = "Each option is priced on its own, as if it were the only treatment. \
The pages after this one show each option line by line.";
/// Heading of the benefit-year advice.
pub const WAYS_TO_SAVE: &str = "Ways to pay less";
/// Row labels of the summary table.
pub const TOTAL_FEE: &str = "Total fee";
/// Row label.
pub const INSURANCE_PAYS: &str = "Insurance pays (estimate)";
/// Row label.
pub const YOU_PAY: &str = "You pay (estimate)";
/// Row label.
pub const MAXIMUM_LEFT: &str = "Yearly maximum left after";
/// Row label.
pub const VISITS: &str = "Visits";

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
                Some(PrintedEstimate::new(
                    s.practice,
                    s.plan,
                    s.library,
                    option,
                    &r.estimate,
                    s.prepared,
                ))
            })
            .collect();
        let mut cover = details.first()?.clone();
        cover.title = TITLE.to_string();
        cover.document_title = format!("{TITLE}: {}", s.plan.patient.name);
        cover.continued = format!("{} · continued", fmt::long_date(s.prepared));
        cover.footer = format!(
            "{} · {TITLE} · {} {}",
            s.practice.name,
            super::words::PREPARED,
            fmt::long_date(s.prepared)
        );
        cover.facts.retain(|f| f.label != super::words::ESTIMATE_NO);
        let options = table
            .scenarios
            .iter()
            .map(|c| HandoutOption {
                option: c.option,
                number: format!("Option {}", c.number),
                name: c.option_name.clone(),
            })
            .collect();
        let mut rows = amount_rows(&table);
        rows.push(HandoutRow {
            label: VISITS.to_string(),
            strong: false,
            cells: table
                .scenarios
                .iter()
                .map(|c| s.plan.option(c.option).map(visit_lines).unwrap_or_default())
                .collect(),
        });
        let advice = table
            .scenarios
            .iter()
            .zip(s.advice)
            .filter_map(|(c, a)| a.as_ref().map(|a| advice_paragraph(&c.option_name, a)))
            .collect();
        Some(Handout {
            cover,
            heading: SIDE_BY_SIDE.to_string(),
            intro: INTRO.to_string(),
            options,
            rows,
            advice_heading: WAYS_TO_SAVE.to_string(),
            advice,
            details,
        })
    }
}

/// The compare view's total rows the patient needs, with the patient's labels.
fn amount_rows(table: &ComparisonTable) -> Vec<HandoutRow> {
    [
        (TotalKey::Fee, TOTAL_FEE),
        (TotalKey::Insurance, INSURANCE_PAYS),
        (TotalKey::Patient, YOU_PAY),
        (TotalKey::MaximumAfter, MAXIMUM_LEFT),
    ]
    .into_iter()
    .filter_map(|(key, label)| {
        let row = table.totals.iter().find(|r| r.key == key)?;
        Some(HandoutRow {
            label: label.to_string(),
            strong: key == TotalKey::Patient,
            cells: row.cells.iter().map(|c| vec![c.text.clone()]).collect(),
        })
    })
    .collect()
}

/// "Crown prep: Dec 3, 2026", one line per visit of the option (a visit where
/// a crown is seated counts even though its line started earlier).
fn visit_lines(option: &TreatmentOption) -> Vec<String> {
    option
        .visits
        .iter()
        .map(|v| format!("{}: {}", v.name, fmt::long_date(v.date)))
        .collect()
}

/// The advisor's suggestion as the patient reads it.
pub fn advice_paragraph(option: &str, a: &Advice) -> String {
    let quoted: Vec<String> = a.moved_visits.iter().map(|v| format!("\"{v}\"")).collect();
    let visits = match quoted.as_slice() {
        [one] => format!("the visit {one}"),
        [rest @ .., last] => format!("the visits {} and {last}", rest.join(", ")),
        [] => "the later visits".to_string(),
    };
    let days = if a.delay_days == 1 { "day" } else { "days" };
    format!(
        "{option}: moving {visits} to {}, in your next benefit year when your deductible \
         and yearly maximum start over, would lower your share by about {} ({} instead of {}). \
         That treatment would wait {} {days}.",
        fmt::long_date(a.moved_to),
        fmt::dollars(a.saving),
        fmt::dollars(a.patient_after),
        fmt::dollars(a.patient_before),
        a.delay_days,
    )
}
