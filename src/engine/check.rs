//! What is wrong with a treatment plan before it is priced. A *blocking* problem
//! changes or hides a price (a line dated at a visit that does not exist, a crown
//! with no tooth, an unknown code, a missing fee, dates that cannot be true): the
//! CLI refuses to estimate, compare or print, and the app marks the line and
//! will not print or compare until it is fixed. A *warning* does not change a
//! number and is shown beside it. Pure: the document and the library in, the
//! problems out; `library` adds the file positions.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

pub use crate::model::problem::{DocumentProblem, Severity, Subject};
use crate::model::{AreaKind, Library, PlannedLine, TreatmentOption, TreatmentPlan};

pub use crate::model::treatment_plan::MAX_QUANTITY;

/// Every problem of `plan` with `library`, estimates being made on `as_of`:
/// blocking ones first, each group in document order.
pub fn check_document(
    plan: &TreatmentPlan,
    library: &Library,
    as_of: NaiveDate,
) -> Vec<DocumentProblem> {
    let mut problems = Vec::new();
    year_problems(plan, &mut problems);
    birth_date_problems(plan, &mut problems);
    coverage_problems(plan, library, &mut problems);
    history_problems(plan, as_of, &mut problems);
    if library
        .office_schedule(plan.office_fee_schedule.as_deref())
        .is_none()
    {
        let message = match &plan.office_fee_schedule {
            Some(id) => format!("office fee schedule \"{id}\" is not in the library"),
            None => "the library has no office fee schedule".to_string(),
        };
        problems.push(DocumentProblem::blocking(Subject::Document, message));
    }
    for option in &plan.options {
        option_problems(plan, option, library, &mut problems);
    }
    super::check_staff::staff_problems(plan, library, &mut problems);
    problems.sort_by_key(|p| p.severity);
    problems
}

/// The first year a date in a treatment plan can have: "80-01-01" reads as the
/// year 80, so a two-digit year would silently make a patient 1,900 years old.
const FIRST_YEAR: i32 = 1900;

/// Dates written with a short year (before [`FIRST_YEAR`]).
fn year_problems(plan: &TreatmentPlan, out: &mut Vec<DocumentProblem>) {
    let short = |d: NaiveDate| d.year() < FIRST_YEAR;
    let words = |what: &str, d: NaiveDate| {
        format!("{what} {d} has a year before {FIRST_YEAR}: write the year with four digits")
    };
    if let Some(born) = plan.patient.birth_date.filter(|d| short(*d)) {
        let message = words("birth date", born);
        out.push(DocumentProblem::blocking(Subject::Patient, message));
    }
    for (i, c) in plan.coverage.iter().enumerate() {
        for d in c.effective.into_iter().chain(c.terminates) {
            if short(d) {
                out.push(DocumentProblem::blocking(
                    Subject::Coverage(i),
                    words("coverage date", d),
                ));
            }
        }
    }
    for (i, h) in plan.patient.history.iter().enumerate() {
        if short(h.date) {
            out.push(DocumentProblem::blocking(
                Subject::History(i),
                words("history date", h.date),
            ));
        }
    }
    for option in &plan.options {
        for (k, v) in option.visits.iter().enumerate() {
            if short(v.date) {
                let subject = Subject::Visit(option.id, k);
                out.push(DocumentProblem::blocking(
                    subject,
                    words("visit date", v.date),
                ));
            }
        }
    }
}

/// Age limits use the age on the date of service: a blank birth date leaves them
/// undecided, and one after a visit cannot be true and would make every age limit
/// wrong.
fn birth_date_problems(plan: &TreatmentPlan, out: &mut Vec<DocumentProblem>) {
    let Some(born) = plan.patient.birth_date else {
        let message =
            "Enter the patient's birth date: age limits and the birthday rule need it".to_string();
        out.push(DocumentProblem::blocking(Subject::Patient, message));
        return;
    };
    let first = plan
        .options
        .iter()
        .flat_map(|o| o.visits.iter())
        .filter(|v| v.date < born)
        .min_by_key(|v| v.date);
    if let Some(visit) = first {
        let message = format!(
            "birth date {born} is after the visit \"{}\" on {}",
            visit.name, visit.date
        );
        out.push(DocumentProblem::blocking(Subject::Patient, message));
    }
}

fn coverage_problems(plan: &TreatmentPlan, library: &Library, out: &mut Vec<DocumentProblem>) {
    for (i, coverage) in plan.coverage.iter().enumerate() {
        let subject = Subject::Coverage(i);
        if !library.plans.contains_key(&coverage.plan) {
            let message = format!("plan \"{}\" is not in the library", coverage.plan);
            out.push(DocumentProblem::blocking(subject, message));
        }
        let Some(starts) = coverage.effective else {
            let message = format!("Enter the {} plan's effective date", role(i));
            out.push(DocumentProblem::blocking(subject, message));
            continue;
        };
        if let Some(ends) = coverage.terminates
            && ends < starts
        {
            let message = format!("coverage ends on {ends}, before it starts on {starts}");
            out.push(DocumentProblem::blocking(subject, message));
        }
    }
}

/// "primary", "secondary", "third", "fourth payer's"... as a problem names a plan.
fn role(i: usize) -> String {
    match i {
        0 => "primary".to_string(),
        1 => "secondary".to_string(),
        2 => "third".to_string(),
        n => format!("payer {}", n + 1),
    }
}

/// History from the future would count toward frequency limits that have not
/// been used yet.
fn history_problems(plan: &TreatmentPlan, as_of: NaiveDate, out: &mut Vec<DocumentProblem>) {
    let patient = &plan.patient;
    for (i, entry) in patient.history.iter().enumerate() {
        let why = if entry.date > as_of {
            format!("after the estimate date {as_of}")
        } else if patient.birth_date.is_some_and(|born| entry.date < born) {
            "before the patient was born".to_string()
        } else {
            continue;
        };
        let (n, code, date) = (i + 1, entry.code, entry.date);
        let message = format!("history entry {n} ({code}) is dated {date}, {why}");
        out.push(DocumentProblem::blocking(Subject::History(i), message));
    }
}

fn option_problems(
    plan: &TreatmentPlan,
    option: &TreatmentOption,
    library: &Library,
    out: &mut Vec<DocumentProblem>,
) {
    let mut ids = BTreeSet::new();
    for (k, visit) in option.visits.iter().enumerate() {
        if !ids.insert(visit.id) {
            let message = format!(
                "option \"{}\": visit id {} is used twice, so lines completed there cannot be dated",
                option.name, visit.id
            );
            out.push(DocumentProblem::blocking(
                Subject::Visit(option.id, k),
                message,
            ));
        }
    }
    let lines = option
        .visits
        .iter()
        .flat_map(|v| v.lines.iter().map(move |l| (v, l)));
    for (visit, line) in lines {
        let at = LineAt {
            option,
            visit_date: visit.date,
            line,
        };
        completion_problems(&at, out);
        code_problems(&at, plan, library, out);
    }
    if option.visits.iter().all(|v| v.lines.is_empty()) {
        let message = format!("option \"{}\" has no procedures yet", option.name);
        out.push(DocumentProblem::warning(
            Subject::Option(option.id),
            message,
        ));
    }
}

/// A line with what the checks need around it.
struct LineAt<'a> {
    option: &'a TreatmentOption,
    visit_date: NaiveDate,
    line: &'a PlannedLine,
}

impl LineAt<'_> {
    fn blocking(&self, what: &str) -> DocumentProblem {
        DocumentProblem::blocking(Subject::Line(self.line.id), self.words(what))
    }

    fn warning(&self, what: &str) -> DocumentProblem {
        DocumentProblem::warning(Subject::Line(self.line.id), self.words(what))
    }

    fn words(&self, what: &str) -> String {
        let tooth = self
            .line
            .tooth
            .map(|t| format!(" #{t}"))
            .unwrap_or_default();
        format!("{}{tooth}: {what}", self.line.code)
    }
}

/// The visit a line is completed at must exist in its option and not come first.
fn completion_problems(at: &LineAt<'_>, out: &mut Vec<DocumentProblem>) {
    let Some(done) = at.line.completed_at else {
        return;
    };
    match at.option.visits.iter().find(|v| v.id == done) {
        None => out.push(at.blocking(&format!(
            "completed at visit {done}, which does not exist in option \"{}\"",
            at.option.name
        ))),
        Some(v) if v.date < at.visit_date => out.push(at.blocking(&format!(
            "completed at \"{}\" on {}, before the visit it starts in ({})",
            v.name, v.date, at.visit_date
        ))),
        Some(_) => {}
    }
}

fn code_problems(
    at: &LineAt<'_>,
    plan: &TreatmentPlan,
    library: &Library,
    out: &mut Vec<DocumentProblem>,
) {
    let line = at.line;
    if line.quantity == 0 {
        out.push(at.blocking("quantity 0: enter at least 1 unit"));
    } else if line.quantity > MAX_QUANTITY {
        out.push(at.blocking(&format!(
            "{} units: at most {MAX_QUANTITY} on one line",
            line.quantity
        )));
    }
    let Some(info) = library.catalogue.get(line.code) else {
        out.push(at.blocking("the code is not in the code catalogue, so it has no class or fee"));
        return;
    };
    let office = library.office_schedule(plan.office_fee_schedule.as_deref());
    if line.fee.is_none() && office.is_some_and(|o| o.fee_on(line.code, at.visit_date).is_none()) {
        out.push(
            at.blocking(
                "the office fee schedule has no fee for this code: enter a fee on the line",
            ),
        );
    }
    area_problems(at, info.area, out);
}

/// The area the code needs: a tooth (the molar downgrade depends on it), surfaces,
/// a quadrant or an arch.
fn area_problems(at: &LineAt<'_>, kind: AreaKind, out: &mut Vec<DocumentProblem>) {
    let line = at.line;
    if kind.needs_tooth() && line.tooth.is_none() {
        out.push(at.blocking("needs a tooth"));
    }
    if kind == AreaKind::ToothSurfaces && line.surfaces.is_none_or(|s| s.is_empty()) {
        out.push(at.blocking("needs surfaces"));
    }
    if kind == AreaKind::Quadrant && line.quadrant.is_none() && line.tooth.is_none() {
        out.push(at.blocking("needs a quadrant"));
    }
    if kind == AreaKind::Arch && line.arch.is_none() && line.tooth.is_none() {
        out.push(at.blocking("needs an arch"));
    }
    let whole_mouth = matches!(
        kind,
        AreaKind::Mouth | AreaKind::TimeUnits | AreaKind::PerCase
    );
    if whole_mouth && line.tooth.is_some() {
        out.push(at.warning("this code is for the whole mouth; the tooth is not used"));
    }
}
