//! A narrative for one line, from the library's templates: the plan's facts
//! (tooth, code and its name, date of service, earlier treatment on the tooth from
//! the history, age) filled in, and `[[blanks]]` left for the clinician, who must
//! write the case-specific part: identical narratives across patients are an
//! audit flag.

use chrono::NaiveDate;

use super::numbered_lines;
use crate::model::coding::{CodingBook, fill_in};
use crate::model::family::CodeFamily;
use crate::model::{CodeCatalogue, LineId, Patient, PlannedLine, TreatmentPlan};
use crate::report::fmt;

/// A filled narrative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Narrative {
    /// The template's title and the line ("Core buildup: line 1, D2950 #19").
    pub title: String,
    /// The text, with `[[blanks]]` still to fill.
    pub text: String,
}

/// Why no narrative can be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NarrativeError {
    /// No line has this id.
    #[error("no line has id {0}")]
    NoLine(LineId),
    /// The coding files have no template for the code.
    #[error(
        "no narrative template covers {0}; the coding files' narratives list the codes they are for"
    )]
    NoTemplate(String),
}

/// The narrative for line `id` of `plan`.
pub fn narrative(
    plan: &TreatmentPlan,
    id: LineId,
    book: &CodingBook,
    catalogue: &CodeCatalogue,
) -> Result<Narrative, NarrativeError> {
    let (number, line, date) = plan
        .options
        .iter()
        .find_map(|o| numbered_lines(o).into_iter().find(|(_, l, _)| l.id == id))
        .ok_or(NarrativeError::NoLine(id))?;
    let template = book
        .narrative_for(line.code, line.remake)
        .ok_or_else(|| NarrativeError::NoTemplate(line.code.to_string()))?;
    let text = fill_in(&template.text, |field| {
        Some(field_value(field, line, date, &plan.patient, catalogue))
    });
    let area = fmt::area(line.area());
    Ok(Narrative {
        title: format!("{}: line {number}, {} {area}", template.title, line.code)
            .trim_end()
            .to_string(),
        text,
    })
}

/// One placeholder's value; a fact the plan does not have becomes a blank.
fn field_value(
    field: &str,
    line: &PlannedLine,
    date: NaiveDate,
    patient: &Patient,
    catalogue: &CodeCatalogue,
) -> String {
    let prior = |families: &[CodeFamily], blank: &str| {
        line.tooth
            .and_then(|t| {
                patient
                    .history
                    .iter()
                    .filter(|h| h.tooth == Some(t) && h.date <= date)
                    .filter(|h| families.iter().any(|f| f.contains(h.code)))
                    .max_by_key(|h| h.date)
            })
            .map_or_else(
                || format!("[[{blank}]]"),
                |h| format!("{} ({})", fmt::long_date(h.date), h.code),
            )
    };
    match field {
        "tooth" => line
            .tooth
            .map_or_else(|| "[[tooth]]".to_string(), |t| format!("#{t}")),
        "code" => line.code.to_string(),
        "name" => catalogue.name_of(line.code),
        "date" => fmt::long_date(date),
        "prior_crown" => prior(&[CodeFamily::Crowns], "date of the prior crown, or none"),
        "prior_root_canal" => prior(&[CodeFamily::RootCanals], "root canal date, or none"),
        "prior_buildup" => prior(
            &[CodeFamily::CoreBuildup, CodeFamily::PostsAndCores],
            "date of the prior buildup, or none",
        ),
        "patient_age" => patient
            .birth_date
            .and_then(|b| date.years_since(b))
            .map_or_else(|| "[[age]]".to_string(), |y| y.to_string()),
        "note" => line
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map_or_else(|| "[[what was found]]".to_string(), str::to_string),
        other => format!("{{{other}}}"),
    }
}
