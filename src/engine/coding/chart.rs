//! What a coding condition looks across: the option's lines with their dates of
//! service, and the patient's history on file.

use std::cell::OnceCell;
use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};

use crate::model::coding::{Codes, Condition};
use crate::model::plan::BenefitYear;
use crate::model::{CdtCode, Patient, PlannedLine, Tooth, TreatmentOption};

/// One planned line as the checks see it.
pub struct Planned<'a> {
    /// 1-based position in plan order.
    pub number: usize,
    /// The line.
    pub line: &'a PlannedLine,
    /// Its code.
    pub code: CdtCode,
    /// Date of service: the completion visit's date when one is named (CR5).
    pub date: NaiveDate,
    /// Date of the visit it starts in.
    started: NaiveDate,
}

/// The option's lines and the patient's history.
pub struct Chart<'a> {
    /// The option's lines in plan order.
    pub lines: Vec<Planned<'a>>,
    /// Dates of the visits that look like a delivery: named so, or with no
    /// line of their own (a seat visit the crown is completed at).
    seat_visits: Vec<NaiveDate>,
    /// The benefit year "the same year" means (the first plan's; calendar
    /// without coverage).
    year: BenefitYear,
    /// The option's lines by tooth (indexes into `lines`), and the history on
    /// file by tooth: a condition about the tooth looks at that tooth's only,
    /// so the checks grow with the lines, not their square.
    tooth_lines: HashMap<Tooth, Vec<usize>>,
    /// Built the first time a condition asks about the history: most checks
    /// (and every check that denies, which every estimate runs) never do.
    tooth_history: OnceCell<HashMap<Tooth, Vec<(CdtCode, NaiveDate)>>>,
    patient: &'a Patient,
}

impl<'a> Chart<'a> {
    /// The chart of `option` for `patient`.
    pub fn new(option: &'a TreatmentOption, patient: &'a Patient, year: BenefitYear) -> Chart<'a> {
        let mut lines = Vec::new();
        for visit in &option.visits {
            for line in &visit.lines {
                let date = option.completion_date(visit, line);
                lines.push(Planned {
                    number: lines.len() + 1,
                    line,
                    code: line.code,
                    date,
                    started: visit.date,
                });
            }
        }
        let seat_visits = option
            .visits
            .iter()
            .filter(|v| v.lines.is_empty() || looks_like_delivery(&v.name))
            .map(|v| v.date)
            .collect();
        let mut tooth_lines: HashMap<Tooth, Vec<usize>> = HashMap::new();
        for (at, l) in lines.iter().enumerate() {
            if let Some(tooth) = l.line.tooth {
                tooth_lines.entry(tooth).or_default().push(at);
            }
        }
        Chart {
            lines,
            seat_visits,
            year,
            tooth_lines,
            tooth_history: OnceCell::new(),
            patient,
        }
    }

    /// The benefit year `date` falls in, named by the calendar year it starts in.
    fn benefit_year(&self, date: NaiveDate) -> i32 {
        if date.month() >= self.year.start_month() {
            date.year()
        } else {
            date.year() - 1
        }
    }

    /// True when `condition` holds for `l`.
    pub fn holds(&self, condition: &Condition, l: &Planned<'_>) -> bool {
        let note = || l.line.note.as_deref().unwrap_or("").trim().to_lowercase();
        match condition {
            Condition::SameTooth(codes) => self.others(l, codes).next().is_some(),
            Condition::SameToothSameDay(codes) => self.others(l, codes).any(|o| o.date == l.date),
            Condition::OnFile(codes) => self.on_file(l, codes).next().is_some(),
            Condition::EarlierOnTooth(codes) => {
                self.on_file(l, codes).any(|date| date <= l.date)
                    || self.others(l, codes).any(|o| o.number < l.number)
            }
            Condition::OnFileWithin { codes, months } => {
                let from = l.date.checked_sub_months(Months::new(*months));
                self.on_file(l, codes)
                    .any(|date| date <= l.date && from.is_none_or(|from| date > from))
            }
            Condition::SameToothApart { codes, days } => self
                .others(l, codes)
                .any(|o| (o.date - l.date).num_days().unsigned_abs() > u64::from(*days)),
            Condition::SameToothOtherYear(codes) => self
                .others(l, codes)
                .any(|o| self.benefit_year(o.date) != self.benefit_year(l.date)),
            Condition::PrimaryTooth => l.line.tooth.is_some_and(|t| t.is_primary()),
            Condition::MarkedRemake => l.line.remake,
            Condition::HasNote => !note().is_empty(),
            Condition::NoteMentions(words) => {
                let note = note();
                words.iter().any(|w| note.contains(&w.to_lowercase()))
            }
            Condition::DatedAtPrep => {
                l.line.completed_at.is_none() && self.seat_visits.iter().any(|&d| d > l.started)
            }
            Condition::Not(inner) => !self.holds(inner, l),
            Condition::AnyOf(inner) => inner.iter().any(|c| self.holds(c, l)),
        }
    }

    /// The other lines of the option on `l`'s tooth with one of `codes`.
    fn others<'s>(
        &'s self,
        l: &'s Planned<'_>,
        codes: &'s Codes,
    ) -> impl Iterator<Item = &'s Planned<'a>> + 's {
        let on_tooth = l.line.tooth.and_then(|t| self.tooth_lines.get(&t));
        on_tooth
            .into_iter()
            .flatten()
            .filter_map(|&at| self.lines.get(at))
            .filter(move |o| o.number != l.number && codes.contains(o.code))
    }

    /// The dates of services on file on `l`'s tooth with one of `codes`.
    fn on_file<'s>(
        &'s self,
        l: &'s Planned<'_>,
        codes: &'s Codes,
    ) -> impl Iterator<Item = NaiveDate> + 's {
        let history = self.tooth_history.get_or_init(|| {
            let mut by_tooth: HashMap<Tooth, Vec<(CdtCode, NaiveDate)>> = HashMap::new();
            for h in &self.patient.history {
                if let Some(tooth) = h.tooth {
                    by_tooth.entry(tooth).or_default().push((h.code, h.date));
                }
            }
            by_tooth
        });
        let on_tooth = l.line.tooth.and_then(|t| history.get(&t));
        on_tooth
            .into_iter()
            .flatten()
            .filter(move |(code, _)| codes.contains(*code))
            .map(|&(_, date)| date)
    }
}

/// True for a visit name that says the work is delivered there.
fn looks_like_delivery(name: &str) -> bool {
    let name = name.to_lowercase();
    ["seat", "deliver", "insert", "cement"]
        .iter()
        .any(|w| name.contains(w))
}
