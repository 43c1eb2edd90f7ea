//! Changes to a treatment plan, as values. The desktop app turns each user action
//! into one [`Edit`] (one undo step) and applies it with [`TreatmentPlan::apply`];
//! options, visits and lines are named by id, so an edit made against an older
//! screen never lands on the wrong line. Coverage and history entries are short
//! lists edited in place and are named by position.

use chrono::NaiveDate;

use super::code::CdtCode;
use super::completion::Completion;
use super::ids::{LineId, OptionId, VisitId};
use super::ortho::OrthoCase;
use super::overrides::{OverrideField, OverrideValue, PatientException};
use super::tooth::Tooth;
use super::treatment_plan::{
    Coverage, HistoryEntry, Language, MissingTooth, PlannedLine, Relationship, TreatmentOption,
    TreatmentPlan, Verification, Visit, YearUsed,
};
use crate::money::{Cents, Percent};

/// One change to the treatment-plan document.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The patient's full name.
    PatientName(String),
    /// The chart number; None clears it.
    ChartNumber(Option<String>),
    /// The language of the patient's printed papers; None: English.
    PatientLanguage(Option<Language>),
    /// Date of birth; None: not entered yet (blocks the estimate).
    BirthDate(Option<NaiveDate>),
    /// The full set of missing teeth (dates of loss are kept for teeth that stay).
    MissingTeeth(Vec<Tooth>),
    /// When a missing tooth was lost; None: unknown (treated as missing before any
    /// coverage began).
    MissingToothSince(Tooth, Option<NaiveDate>),
    /// Adds a completed service to the patient's history.
    AddHistory(HistoryEntry),
    /// Removes the history entry at this position.
    RemoveHistory(usize),
    /// Replaces the history entry at this position (code, tooth or date corrected).
    ReplaceHistory(usize, HistoryEntry),
    /// Adds a coverage after the existing ones.
    AddCoverage(Box<Coverage>),
    /// Replaces the coverage at this position whole (an eligibility response read
    /// again for the same card).
    ReplaceCoverage(usize, Box<Coverage>),
    /// Removes the coverage at this position.
    RemoveCoverage(usize),
    /// Swaps the coverage at this position with the one before it.
    RaiseCoverage(usize),
    /// Puts the payers in this order (positions in the current list).
    ReorderCoverage(Vec<usize>),
    /// Points a coverage at another library plan.
    CoveragePlan(usize, String),
    /// Coverage effective date; None: not entered yet (blocks the estimate).
    CoverageEffective(usize, Option<NaiveDate>),
    /// Benefits already used this benefit year.
    BenefitsUsed(usize, Cents),
    /// Deductible already met this benefit year.
    DeductibleMet(usize, Cents),
    /// The card's member id; None clears it.
    CoverageMemberId(usize, Option<String>),
    /// Set a coverage's group number.
    CoverageGroup(usize, Option<String>),
    /// The subscriber's name; None clears it.
    CoverageSubscriber(usize, Option<String>),
    /// How the patient is related to the subscriber.
    CoverageRelationship(usize, Relationship),
    /// The subscriber's birth date (the birthday rule); None clears it.
    CoverageSubscriberBirthDate(usize, Option<NaiveDate>),
    /// The last day of coverage; None: it does not end.
    CoverageTerminates(usize, Option<NaiveDate>),
    /// When and how the benefits were verified; None clears it.
    CoverageVerified(usize, Option<Verification>),
    /// Everything used in one benefit year (this one or the next) at once.
    CoverageUsed(usize, BenefitYear, YearUsed),
    /// Adds a treatment option. It keeps its id when that is free, else it gets a
    /// new one; its lines always get new ids (it may be a copy of another option).
    AddOption(TreatmentOption),
    /// Renames an option.
    RenameOption(OptionId, String),
    /// Removes an option.
    RemoveOption(OptionId),
    /// Adds a visit at the end of an option; its id is chosen when applied.
    AddVisit {
        /// The option.
        option: OptionId,
        /// Name for people.
        name: String,
        /// Planned date.
        date: NaiveDate,
    },
    /// Removes a visit and its lines.
    RemoveVisit {
        /// The option.
        option: OptionId,
        /// The visit.
        visit: VisitId,
    },
    /// Moves a visit one place earlier (`up`) or later; its lines go with it.
    MoveVisit {
        /// The option.
        option: OptionId,
        /// The visit.
        visit: VisitId,
        /// Towards the start of the option.
        up: bool,
    },
    /// Changes a visit's planned date.
    VisitDate {
        /// The option.
        option: OptionId,
        /// The visit.
        visit: VisitId,
        /// The new date.
        date: NaiveDate,
    },
    /// Renames a visit.
    VisitName {
        /// The option.
        option: OptionId,
        /// The visit.
        visit: VisitId,
        /// The new name.
        name: String,
    },
    /// Appends lines to a visit; each gets a new id.
    AddLines {
        /// The option.
        option: OptionId,
        /// The visit.
        visit: VisitId,
        /// The lines, in order.
        lines: Vec<PlannedLine>,
    },
    /// Removes one line.
    RemoveLine(LineId),
    /// Sets the visit at which a line is completed; None = where it starts.
    LineCompletedAt(LineId, Option<VisitId>),
    /// Sets a line's fee override; None = the office fee schedule's fee.
    LineFee(LineId, Option<Cents>),
    /// Marks a line completed: it moves into the history and the payers' amounts
    /// used grow by what its estimate showed.
    CompleteLine(Completion),
    /// Marks a line as a remake (CR2) or not.
    LineRemake(LineId, bool),
    /// Sets a line's note for staff; None or blank = no note.
    LineNote(LineId, Option<String>),
    /// Sets or clears (None) one figure entered by staff on a line.
    LineOverride(LineId, OverrideField, Option<OverrideValue>),
    /// Sets a line's provider (practice settings id); None: the default.
    LineProvider(LineId, Option<String>),
    /// Sets a line's orthodontic payment terms; None: not an ortho case.
    LineOrtho(LineId, Option<OrthoCase>),
    /// Sets the exception of the coverage at this position for one code (its
    /// frequency count and percentage; both None removes it, its reason kept
    /// otherwise).
    CoverageException(usize, CdtCode, Option<u32>, Option<Percent>),
    /// Sets the rollover bank of the coverage at this position (as it stood when
    /// the benefit year containing the estimate date began).
    CoverageRolloverBank(usize, Cents),
}

/// Which benefit year amounts used are for, seen from the estimate date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BenefitYear {
    /// The benefit year containing the estimate date.
    This,
    /// The one after it.
    Next,
}

impl Coverage {
    /// What is used in `year`, as the card shows it.
    pub fn used_in(&self, year: BenefitYear) -> YearUsed {
        match year {
            BenefitYear::This => YearUsed {
                benefits_used: self.benefits_used,
                deductible_met: self.deductible_met,
                family_deductible_met: self.family_deductible_met,
                family_members_met: self.family_members_met,
                family_benefits_used: self.family_benefits_used,
                class_maximum_used: self.class_maximum_used.clone(),
                separate_used: self.separate_used.clone(),
            },
            BenefitYear::Next => self.next_year.clone().unwrap_or_default(),
        }
    }

    /// Sets what is used in `year`.
    pub fn set_used(&mut self, year: BenefitYear, used: &YearUsed) {
        match year {
            BenefitYear::This => {
                self.benefits_used = used.benefits_used;
                self.deductible_met = used.deductible_met;
                self.family_deductible_met = used.family_deductible_met;
                self.family_members_met = used.family_members_met;
                self.family_benefits_used = used.family_benefits_used;
                self.class_maximum_used = used.class_maximum_used.clone();
                self.separate_used = used.separate_used.clone();
            }
            BenefitYear::Next => self.next_year = Some(used.clone()),
        }
    }
}

/// What an applied edit created, so the caller can select it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Applied {
    /// Nothing new (a change or a removal).
    #[default]
    Changed,
    /// A new option with this id.
    Option(OptionId),
    /// A new visit in an option.
    Visit(OptionId, VisitId),
    /// New lines, in order.
    Lines(Vec<LineId>),
}

/// Why an edit could not be applied: what it names is gone (the document changed
/// since the screen was drawn) or the change makes no sense.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No option has this id.
    #[error("treatment option {0} no longer exists")]
    NoOption(OptionId),
    /// The option has no visit with this id.
    #[error("visit {1} of treatment option {0} no longer exists")]
    NoVisit(OptionId, VisitId),
    /// No line has this id.
    #[error("line {0} no longer exists")]
    NoLine(LineId),
    /// No history entry at this position.
    #[error("history entry {} no longer exists", .0 + 1)]
    NoHistory(usize),
    /// The tooth is not on the missing list.
    #[error("tooth {0} is not on the missing list")]
    NotMissing(Tooth),
    /// No coverage at this position.
    #[error("insurance {} no longer exists", .0 + 1)]
    NoCoverage(usize),
    /// A new payer order that does not name every payer exactly once.
    #[error("the new payer order does not list every plan exactly once")]
    PayerOrder,
    /// A visit already first (or last) cannot move further.
    #[error("the visit cannot move further")]
    VisitAtEnd,
}

impl TreatmentPlan {
    /// Applies one edit. On error the plan is unchanged.
    pub fn apply(&mut self, edit: &Edit) -> Result<Applied, EditError> {
        match edit {
            Edit::PatientName(name) => self.patient.name = name.trim().to_string(),
            Edit::ChartNumber(number) => self.patient.chart_number = number.clone(),
            Edit::PatientLanguage(language) => self.patient.language = *language,
            Edit::BirthDate(date) => self.patient.birth_date = *date,
            Edit::MissingTeeth(teeth) => self.set_missing_teeth(teeth),
            Edit::MissingToothSince(tooth, since) => {
                let mut missing = self.patient.missing_teeth.iter_mut();
                missing
                    .find(|m| m.tooth == *tooth)
                    .ok_or(EditError::NotMissing(*tooth))?
                    .since = *since;
            }
            Edit::AddHistory(entry) => self.patient.history.push(entry.clone()),
            Edit::RemoveHistory(i) => {
                check(*i < self.patient.history.len(), EditError::NoHistory(*i))?;
                self.patient.history.remove(*i);
            }
            Edit::ReplaceHistory(i, entry) => {
                let slot = self.patient.history.get_mut(*i);
                *slot.ok_or(EditError::NoHistory(*i))? = entry.clone();
            }
            Edit::AddCoverage(coverage) => self.coverage.push(coverage.as_ref().clone()),
            Edit::ReplaceCoverage(i, coverage) => {
                *self.coverage_mut(*i)? = coverage.as_ref().clone()
            }
            Edit::RemoveCoverage(i) => {
                check(*i < self.coverage.len(), EditError::NoCoverage(*i))?;
                self.coverage.remove(*i);
            }
            Edit::RaiseCoverage(i) => {
                check(*i < self.coverage.len(), EditError::NoCoverage(*i))?;
                check(*i > 0, EditError::PayerOrder)?;
                self.coverage.swap(*i - 1, *i);
            }
            Edit::ReorderCoverage(order) => self.reorder_coverage(order)?,
            Edit::CoveragePlan(i, id) => self.coverage_mut(*i)?.plan = id.clone(),
            Edit::CoverageEffective(i, date) => self.coverage_mut(*i)?.effective = *date,
            Edit::BenefitsUsed(i, amount) => self.coverage_mut(*i)?.benefits_used = *amount,
            Edit::DeductibleMet(i, amount) => self.coverage_mut(*i)?.deductible_met = *amount,
            Edit::CoverageMemberId(i, id) => self.coverage_mut(*i)?.member_id = id.clone(),
            Edit::CoverageGroup(i, group) => self.coverage_mut(*i)?.group = group.clone(),
            Edit::CoverageSubscriber(i, name) => self.coverage_mut(*i)?.subscriber = name.clone(),
            Edit::CoverageRelationship(i, r) => self.coverage_mut(*i)?.relationship = *r,
            Edit::CoverageSubscriberBirthDate(i, d) => {
                self.coverage_mut(*i)?.subscriber_birth_date = *d;
            }
            Edit::CoverageTerminates(i, d) => self.coverage_mut(*i)?.terminates = *d,
            Edit::CoverageVerified(i, v) => self.coverage_mut(*i)?.verified = v.clone(),
            Edit::CoverageUsed(i, year, used) => self.coverage_mut(*i)?.set_used(*year, used),
            Edit::CoverageException(i, code, frequency, percent) => {
                set_exception(self.coverage_mut(*i)?, *code, *frequency, *percent);
            }
            Edit::CoverageRolloverBank(i, bank) => self.coverage_mut(*i)?.rollover_bank = *bank,
            Edit::AddOption(option) => return Ok(self.add_option(option)),
            Edit::RenameOption(id, name) => {
                self.option_mut(*id).ok_or(EditError::NoOption(*id))?.name =
                    name.trim().to_string();
            }
            Edit::RemoveOption(id) => {
                let at = self.options.iter().position(|o| o.id == *id);
                self.options.remove(at.ok_or(EditError::NoOption(*id))?);
            }
            _ => return self.apply_to_visits(edit),
        }
        Ok(Applied::Changed)
    }

    /// The edits of visits and lines.
    fn apply_to_visits(&mut self, edit: &Edit) -> Result<Applied, EditError> {
        match edit {
            Edit::AddVisit { option, name, date } => {
                let visits = &mut self
                    .option_mut(*option)
                    .ok_or(EditError::NoOption(*option))?
                    .visits;
                let id = VisitId(visits.iter().map(|v| v.id.0).max().unwrap_or(0) + 1);
                visits.push(Visit {
                    id,
                    name: name.clone(),
                    date: *date,
                    lines: Vec::new(),
                });
                return Ok(Applied::Visit(*option, id));
            }
            Edit::RemoveVisit { option, visit } => self.remove_visit(*option, *visit)?,
            Edit::MoveVisit { option, visit, up } => self.move_visit(*option, *visit, *up)?,
            Edit::VisitDate {
                option,
                visit,
                date,
            } => self.visit_mut(*option, *visit)?.date = *date,
            Edit::VisitName {
                option,
                visit,
                name,
            } => self.visit_mut(*option, *visit)?.name = name.trim().to_string(),
            Edit::AddLines {
                option,
                visit,
                lines,
            } => return self.add_lines(*option, *visit, lines),
            Edit::RemoveLine(id) => self.remove_line(*id)?,
            Edit::LineCompletedAt(id, done) => self.set_completed_at(*id, *done)?,
            Edit::LineFee(id, fee) => self.line_mut(*id).ok_or(EditError::NoLine(*id))?.fee = *fee,
            Edit::CompleteLine(done) => self.complete_line(done)?,
            Edit::LineRemake(id, on) => {
                self.line_mut(*id).ok_or(EditError::NoLine(*id))?.remake = *on;
            }
            Edit::LineNote(id, note) => {
                let note = note.as_deref().map(str::trim).filter(|n| !n.is_empty());
                self.line_mut(*id).ok_or(EditError::NoLine(*id))?.note = note.map(str::to_string);
            }
            Edit::LineOverride(id, which, value) => self
                .line_mut(*id)
                .ok_or(EditError::NoLine(*id))?
                .overrides
                .set(which.clone(), *value),
            Edit::LineProvider(id, who) => {
                self.line_mut(*id).ok_or(EditError::NoLine(*id))?.provider = who.clone();
            }
            Edit::LineOrtho(id, case) => {
                self.line_mut(*id).ok_or(EditError::NoLine(*id))?.ortho = case.clone();
            }
            _ => {}
        }
        Ok(Applied::Changed)
    }

    fn set_missing_teeth(&mut self, teeth: &[Tooth]) {
        let old = std::mem::take(&mut self.patient.missing_teeth);
        for tooth in teeth {
            let since = old.iter().find(|m| m.tooth == *tooth).and_then(|m| m.since);
            self.patient.missing_teeth.push(MissingTooth {
                tooth: *tooth,
                since,
            });
        }
    }

    fn reorder_coverage(&mut self, order: &[usize]) -> Result<(), EditError> {
        let mut sorted = order.to_vec();
        sorted.sort_unstable();
        check(
            sorted == (0..self.coverage.len()).collect::<Vec<_>>(),
            EditError::PayerOrder,
        )?;
        let old = std::mem::take(&mut self.coverage);
        self.coverage = order.iter().filter_map(|&k| old.get(k).cloned()).collect();
        Ok(())
    }

    fn coverage_mut(&mut self, i: usize) -> Result<&mut Coverage, EditError> {
        self.coverage.get_mut(i).ok_or(EditError::NoCoverage(i))
    }

    fn visit_mut(&mut self, option: OptionId, visit: VisitId) -> Result<&mut Visit, EditError> {
        self.option_mut(option)
            .ok_or(EditError::NoOption(option))?
            .visits
            .iter_mut()
            .find(|v| v.id == visit)
            .ok_or(EditError::NoVisit(option, visit))
    }

    fn add_option(&mut self, option: &TreatmentOption) -> Applied {
        let mut option = option.clone();
        if option.id.is_unassigned() || self.option(option.id).is_some() {
            option.id = self.next_option_id();
        }
        let fresh = (self.next_line_id().0..).map(LineId);
        for (line, id) in option
            .visits
            .iter_mut()
            .flat_map(|v| v.lines.iter_mut())
            .zip(fresh)
        {
            line.id = id;
        }
        let id = option.id;
        self.options.push(option);
        Applied::Option(id)
    }

    fn remove_visit(&mut self, option: OptionId, visit: VisitId) -> Result<(), EditError> {
        let visits = &mut self
            .option_mut(option)
            .ok_or(EditError::NoOption(option))?
            .visits;
        let at = visits.iter().position(|v| v.id == visit);
        visits.remove(at.ok_or(EditError::NoVisit(option, visit))?);
        // A line completed at the removed visit now completes where it starts,
        // rather than pointing at a visit that no longer exists.
        for line in visits.iter_mut().flat_map(|v| v.lines.iter_mut()) {
            if line.completed_at == Some(visit) {
                line.completed_at = None;
            }
        }
        Ok(())
    }

    fn move_visit(&mut self, option: OptionId, visit: VisitId, up: bool) -> Result<(), EditError> {
        let visits = &mut self
            .option_mut(option)
            .ok_or(EditError::NoOption(option))?
            .visits;
        let at = visits.iter().position(|v| v.id == visit);
        let at = at.ok_or(EditError::NoVisit(option, visit))?;
        let other = if up { at.checked_sub(1) } else { Some(at + 1) };
        match other {
            Some(other) if other < visits.len() => visits.swap(at, other),
            _ => return Err(EditError::VisitAtEnd),
        }
        Ok(())
    }

    fn add_lines(
        &mut self,
        option: OptionId,
        visit: VisitId,
        lines: &[PlannedLine],
    ) -> Result<Applied, EditError> {
        let fresh = (self.next_line_id().0..).map(LineId);
        let target = self.visit_mut(option, visit)?;
        let mut ids = Vec::with_capacity(lines.len());
        for (line, id) in lines.iter().zip(fresh) {
            ids.push(id);
            target.lines.push(PlannedLine { id, ..line.clone() });
        }
        Ok(Applied::Lines(ids))
    }

    fn remove_line(&mut self, id: LineId) -> Result<(), EditError> {
        for visit in self.options.iter_mut().flat_map(|o| o.visits.iter_mut()) {
            if let Some(at) = visit.lines.iter().position(|l| l.id == id) {
                visit.lines.remove(at);
                return Ok(());
            }
        }
        Err(EditError::NoLine(id))
    }

    /// Applies a [`Completion`]; on error nothing has changed (every coverage is
    /// checked before the line is removed).
    fn complete_line(&mut self, done: &Completion) -> Result<(), EditError> {
        for payer in &done.payers {
            if payer.coverage >= self.coverage.len() {
                return Err(EditError::NoCoverage(payer.coverage));
            }
        }
        self.remove_line(done.line)?;
        self.patient.history.push(done.entry.clone());
        for payer in &done.payers {
            let Some(coverage) = self.coverage.get_mut(payer.coverage) else {
                continue;
            };
            coverage.benefits_used += payer.benefits;
            coverage.deductible_met += payer.deductible;
            if payer.family {
                coverage.family_benefits_used += payer.benefits;
                coverage.family_deductible_met += payer.deductible;
            }
            for (id, amount) in &payer.class_maximums {
                *coverage.class_maximum_used.entry(id.clone()).or_default() += *amount;
            }
        }
        Ok(())
    }

    fn set_completed_at(&mut self, id: LineId, done: Option<VisitId>) -> Result<(), EditError> {
        let option = self.line(id).ok_or(EditError::NoLine(id))?.option;
        if let Some(visit) = done
            && !option.visits.iter().any(|v| v.id == visit)
        {
            return Err(EditError::NoVisit(option.id, visit));
        }
        self.line_mut(id).ok_or(EditError::NoLine(id))?.completed_at = done;
        Ok(())
    }
}

fn check(ok: bool, error: EditError) -> Result<(), EditError> {
    if ok { Ok(()) } else { Err(error) }
}

/// Sets, changes or (with neither figure) removes a coverage's exception for `code`.
fn set_exception(
    coverage: &mut Coverage,
    code: CdtCode,
    frequency: Option<u32>,
    percent: Option<Percent>,
) {
    let at = coverage.exceptions.iter().position(|e| e.code == code);
    match (at, frequency.is_none() && percent.is_none()) {
        (Some(at), true) => {
            coverage.exceptions.remove(at);
        }
        (None, true) => {}
        (Some(at), false) => {
            if let Some(e) = coverage.exceptions.get_mut(at) {
                e.frequency = frequency;
                e.percent = percent;
            }
        }
        (None, false) => coverage.exceptions.push(PatientException {
            code,
            frequency,
            percent,
            reason: None,
        }),
    }
}
