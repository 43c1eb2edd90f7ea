//! Coding checks: the option's lines held against the library's coding checks
//! (data, see `model::coding`), whatever the plan. A check's note sits on the line
//! it concerns; a check of severity "will be denied" also makes the engine deny
//! the line (see [`denials`]), since showing the plan paying would mislead.

mod chart;

use serde::Serialize;

use crate::model::coding::{CodingCheck, Severity, fill_in};
use crate::model::plan::BenefitYear;
use crate::model::{Coverage, Library, LineId, Patient, TreatmentOption};
use chart::{Chart, Planned};

/// How a note reads in lists: a warning to act on, or a reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Denied, likely denied or pended: a coding conflict.
    Warning,
    /// Information: what to keep on file or attach.
    Reminder,
}

/// One note on one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodingNote {
    /// 1-based line number in the option, for people (JSON `line`).
    #[serde(rename = "line")]
    pub number: usize,
    /// The planned line's id: the note belongs to this line (JSON `id`).
    #[serde(rename = "id")]
    pub line: LineId,
    /// Seed rule id ("BU3").
    pub rule: String,
    /// Warning or reminder.
    pub kind: NoteKind,
    /// Plain words: why.
    pub message: String,
    /// How the carrier is expected to treat the line.
    pub severity: Severity,
    /// What to do instead.
    pub instead: String,
}

impl CodingNote {
    /// The reason and the advice in one sentence pair.
    pub fn full_text(&self) -> String {
        if self.instead.is_empty() {
            self.message.clone()
        } else {
            format!("{} {}", self.message, self.instead)
        }
    }
}

/// The benefit year the checks mean by "the same year" (BU16): the first
/// plan's, the calendar year without one.
pub fn benefit_year(library: &Library, coverage: &[Coverage]) -> BenefitYear {
    coverage
        .first()
        .and_then(|c| library.plans.get(&c.plan))
        .map(|p| p.benefit_year)
        .unwrap_or_default()
}

/// Coding notes for every line of `option`, line by line in plan order, each
/// line's notes in check order; `year` is the benefit year of the first plan.
pub fn check(
    checks: &[CodingCheck],
    option: &TreatmentOption,
    patient: &Patient,
    year: BenefitYear,
) -> Vec<CodingNote> {
    notes_of(checks, option, patient, year, |_| true)
}

/// The notes of the checks `wanted` keeps, in `check`'s order.
fn notes_of(
    checks: &[CodingCheck],
    option: &TreatmentOption,
    patient: &Patient,
    year: BenefitYear,
    wanted: impl Fn(&CodingCheck) -> bool,
) -> Vec<CodingNote> {
    let chart = Chart::new(option, patient, year);
    let mut notes = Vec::new();
    for l in &chart.lines {
        notes.extend(
            checks
                .iter()
                .filter(|c| wanted(c) && c.line.contains(l.code))
                .filter(|c| c.when.iter().all(|w| chart.holds(w, l)))
                .map(|c| note(c, l)),
        );
    }
    notes
}

/// The notes of the checks that say the carrier will deny the line, in
/// `check`'s order (`rules::CodingDenials` keeps the first of each line).
pub fn denials(
    checks: &[CodingCheck],
    option: &TreatmentOption,
    patient: &Patient,
    year: BenefitYear,
) -> Vec<CodingNote> {
    // Only the denying checks are held against the lines: this runs on every
    // estimate, and the other notes would be built to be thrown away.
    notes_of(checks, option, patient, year, |c| {
        c.severity == Severity::Denied
    })
}

/// The note `check` puts on `l`.
fn note(check: &CodingCheck, l: &Planned<'_>) -> CodingNote {
    let fill = |name: &str| match name {
        "tooth" => Some(
            l.line
                .tooth
                .map_or_else(|| "this tooth".into(), |t| format!("#{t}")),
        ),
        "code" => Some(l.code.to_string()),
        _ => None,
    };
    CodingNote {
        number: l.number,
        line: l.line.id,
        rule: check.id.clone(),
        kind: match check.severity {
            Severity::Denied | Severity::LikelyDenied => NoteKind::Warning,
            Severity::Information => NoteKind::Reminder,
        },
        message: fill_in(&check.reason, fill),
        severity: check.severity,
        instead: fill_in(&check.instead, fill),
    }
}
