//! Every user action as a value. Panels push [`Command`]s while they draw; the app
//! applies them after all panels have drawn, so the document changes in one place and
//! each [`Edit`] becomes exactly one undo step.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::{
    Coverage, HistoryEntry, PlannedLine, PracticeSettings, Tooth, TreatmentOption, TreatmentPlan,
    Visit,
};
use crate::money::Cents;

use super::prefs::ThemeChoice;
use super::state::CellAt;
use crate::export::Paper;

/// Where a planned line sits in the document: option, visit and line index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRef {
    /// Index into `TreatmentPlan::options`.
    pub option: usize,
    /// Index into the option's visits.
    pub visit: usize,
    /// Index into the visit's lines.
    pub line: usize,
}

/// One change to the treatment-plan document.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The patient's full name.
    PatientName(String),
    /// The chart number; None clears it.
    ChartNumber(Option<String>),
    /// Date of birth.
    BirthDate(NaiveDate),
    /// The full set of missing teeth (dates of loss are kept for teeth that stay).
    MissingTeeth(Vec<Tooth>),
    /// Adds a completed service to the patient's history.
    AddHistory(HistoryEntry),
    /// Removes the history entry at this index.
    RemoveHistory(usize),
    /// Replaces the history entry at this index (code, tooth or date corrected).
    ReplaceHistory(usize, HistoryEntry),
    /// Adds a coverage after the existing ones.
    AddCoverage(Coverage),
    /// Removes the coverage at this index.
    RemoveCoverage(usize),
    /// Swaps the coverage at this index with the one before it (secondary becomes primary).
    RaiseCoverage(usize),
    /// Puts the payers in this order (indexes into the current list).
    ReorderCoverage(Vec<usize>),
    /// Points a coverage at another library plan.
    CoveragePlan(usize, String),
    /// Coverage effective date.
    CoverageEffective(usize, NaiveDate),
    /// Benefits already used this benefit year.
    BenefitsUsed(usize, Cents),
    /// Deductible already met this benefit year.
    DeductibleMet(usize, Cents),
    /// Adds a treatment option.
    AddOption(TreatmentOption),
    /// Renames an option.
    RenameOption(usize, String),
    /// Removes an option.
    RemoveOption(usize),
    /// Adds a visit at the end of an option; its id is chosen when applied.
    AddVisit {
        /// Option index.
        option: usize,
        /// Name for people.
        name: String,
        /// Planned date.
        date: NaiveDate,
    },
    /// Removes a visit and its lines.
    RemoveVisit {
        /// Option index.
        option: usize,
        /// Visit index.
        visit: usize,
    },
    /// Moves a visit one place earlier (`up`) or later; its lines and id go with it.
    MoveVisit {
        /// Option index.
        option: usize,
        /// Visit index.
        visit: usize,
        /// Towards the start of the option.
        up: bool,
    },
    /// Changes a visit's planned date.
    VisitDate {
        /// Option index.
        option: usize,
        /// Visit index.
        visit: usize,
        /// The new date.
        date: NaiveDate,
    },
    /// Renames a visit.
    VisitName {
        /// Option index.
        option: usize,
        /// Visit index.
        visit: usize,
        /// The new name.
        name: String,
    },
    /// Appends lines to a visit.
    AddLines {
        /// Option index.
        option: usize,
        /// Visit index.
        visit: usize,
        /// The lines, in order.
        lines: Vec<PlannedLine>,
    },
    /// Removes one line.
    RemoveLine(LineRef),
    /// Sets the visit (by id) at which a line is completed; None = where it starts.
    LineCompletedAt(LineRef, Option<u32>),
    /// Sets a line's fee override; None = the office fee schedule's fee.
    LineFee(LineRef, Option<Cents>),
}

impl Edit {
    /// Applies the edit. An index that no longer exists (the document changed since
    /// the panel drew) is an error, never a panic.
    pub fn apply(&self, plan: &mut TreatmentPlan) -> Result<(), String> {
        let gone = || "that item no longer exists".to_string();
        match self {
            Edit::PatientName(name) => plan.patient.name = name.trim().to_string(),
            Edit::ChartNumber(number) => plan.patient.chart_number = number.clone(),
            Edit::BirthDate(date) => plan.patient.birth_date = *date,
            Edit::MissingTeeth(teeth) => {
                let old = std::mem::take(&mut plan.patient.missing_teeth);
                for tooth in teeth {
                    let since = old.iter().find(|m| m.tooth == *tooth).and_then(|m| m.since);
                    plan.patient
                        .missing_teeth
                        .push(crate::model::treatment_plan::MissingTooth {
                            tooth: *tooth,
                            since,
                        });
                }
            }
            Edit::AddHistory(entry) => plan.patient.history.push(entry.clone()),
            Edit::RemoveHistory(i) => {
                if *i >= plan.patient.history.len() {
                    return Err(gone());
                }
                plan.patient.history.remove(*i);
            }
            Edit::ReplaceHistory(i, entry) => {
                *plan.patient.history.get_mut(*i).ok_or_else(gone)? = entry.clone();
            }
            Edit::AddCoverage(coverage) => plan.coverage.push(coverage.clone()),
            Edit::RemoveCoverage(i) => {
                if *i >= plan.coverage.len() {
                    return Err(gone());
                }
                plan.coverage.remove(*i);
            }
            Edit::ReorderCoverage(order) => {
                let mut sorted = order.clone();
                sorted.sort_unstable();
                if sorted != (0..plan.coverage.len()).collect::<Vec<_>>() {
                    return Err(gone());
                }
                let old = plan.coverage.clone();
                plan.coverage = order.iter().filter_map(|&k| old.get(k).cloned()).collect();
            }
            Edit::RaiseCoverage(i) => {
                if *i == 0 || *i >= plan.coverage.len() {
                    return Err(gone());
                }
                plan.coverage.swap(*i - 1, *i);
            }
            Edit::CoveragePlan(i, id) => coverage(plan, *i)?.plan = id.clone(),
            Edit::CoverageEffective(i, date) => coverage(plan, *i)?.effective = *date,
            Edit::BenefitsUsed(i, amount) => coverage(plan, *i)?.benefits_used = *amount,
            Edit::DeductibleMet(i, amount) => coverage(plan, *i)?.deductible_met = *amount,
            Edit::AddOption(option) => plan.options.push(option.clone()),
            Edit::RenameOption(i, name) => {
                plan.options.get_mut(*i).ok_or_else(gone)?.name = name.trim().to_string();
            }
            Edit::RemoveOption(i) => {
                if *i >= plan.options.len() {
                    return Err(gone());
                }
                plan.options.remove(*i);
            }
            Edit::AddVisit { option, name, date } => {
                let option = plan.options.get_mut(*option).ok_or_else(gone)?;
                let id = option.visits.iter().map(|v| v.id).max().unwrap_or(0) + 1;
                option.visits.push(Visit {
                    id,
                    name: name.clone(),
                    date: *date,
                    lines: Vec::new(),
                });
            }
            Edit::RemoveVisit { option, visit } => {
                let option = plan.options.get_mut(*option).ok_or_else(gone)?;
                if *visit >= option.visits.len() {
                    return Err(gone());
                }
                let removed = option.visits.remove(*visit);
                // A line completed at the removed visit now completes where it starts,
                // rather than pointing at a visit that no longer exists.
                for line in option.visits.iter_mut().flat_map(|v| v.lines.iter_mut()) {
                    if line.completed_at == Some(removed.id) {
                        line.completed_at = None;
                    }
                }
            }
            Edit::MoveVisit { option, visit, up } => {
                let visits = &mut plan.options.get_mut(*option).ok_or_else(gone)?.visits;
                let other = if *up {
                    visit.checked_sub(1)
                } else {
                    Some(visit + 1)
                };
                match other {
                    Some(other) if *visit < visits.len() && other < visits.len() => {
                        visits.swap(*visit, other);
                    }
                    _ => return Err(gone()),
                }
            }
            Edit::VisitDate {
                option,
                visit,
                date,
            } => visit_mut(plan, *option, *visit)?.date = *date,
            Edit::VisitName {
                option,
                visit,
                name,
            } => visit_mut(plan, *option, *visit)?.name = name.trim().to_string(),
            Edit::AddLines {
                option,
                visit,
                lines,
            } => visit_mut(plan, *option, *visit)?
                .lines
                .extend(lines.iter().cloned()),
            Edit::RemoveLine(at) => {
                let visit = visit_mut(plan, at.option, at.visit)?;
                if at.line >= visit.lines.len() {
                    return Err(gone());
                }
                visit.lines.remove(at.line);
            }
            Edit::LineCompletedAt(at, done) => {
                visit_mut(plan, at.option, at.visit)?
                    .lines
                    .get_mut(at.line)
                    .ok_or_else(gone)?
                    .completed_at = *done;
            }
            Edit::LineFee(at, fee) => {
                visit_mut(plan, at.option, at.visit)?
                    .lines
                    .get_mut(at.line)
                    .ok_or_else(gone)?
                    .fee = *fee;
            }
        }
        Ok(())
    }
}

fn coverage(plan: &mut TreatmentPlan, i: usize) -> Result<&mut Coverage, String> {
    plan.coverage
        .get_mut(i)
        .ok_or_else(|| "that coverage no longer exists".to_string())
}

fn visit_mut(plan: &mut TreatmentPlan, option: usize, visit: usize) -> Result<&mut Visit, String> {
    plan.options
        .get_mut(option)
        .and_then(|o| o.visits.get_mut(visit))
        .ok_or_else(|| "that visit no longer exists".to_string())
}

/// Everything the user can ask the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Change the document (one undo step).
    Edit(Edit),
    /// Start a new, empty treatment plan.
    New,
    /// Pick a file to open.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Save to the current file (or ask where when there is none).
    Save,
    /// Ask where to save.
    SaveAs,
    /// Save to this file.
    SaveToPath(PathBuf),
    /// Show the in-app "Open or save by path" window.
    ShowPathWindow,
    /// Read the library folder again.
    ReloadLibrary,
    /// Close the window (asks first when there are unsaved changes).
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Light, dark or the system's theme.
    Theme(ThemeChoice),
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Normal text size.
    ZoomReset,
    /// Show another treatment option.
    SelectOption(usize),
    /// Select a line (the "Why this number" panel follows it).
    SelectLine(Option<LineRef>),
    /// Tell the user that what they typed was not accepted.
    ShowError(String),
    /// Answer to the unsaved-changes prompt: save first.
    PromptSave,
    /// Answer to the unsaved-changes prompt: throw the changes away.
    PromptDiscard,
    /// Answer to the unsaved-changes prompt: do nothing.
    PromptCancel,
    /// Show the comparison instead of the option, or back.
    ToggleCompare,
    /// Include (true) or leave out an option in the comparison.
    CompareOption(String, bool),
    /// Add a column set: the compared options under this library plan alone.
    CompareAddPlan(String),
    /// Remove a plan's columns.
    CompareRemovePlan(String),
    /// Also compare without insurance.
    CompareNoInsurance(bool),
    /// Select a comparison cell (row, scenario): its explanation shows on the right.
    SelectCell(Option<CellAt>),
    /// Open the print preview.
    Print,
    /// Paper size of the preview and the PDF.
    PrintPaper(Paper),
    /// Show this page (0-based) of the preview.
    PrintPage(usize),
    /// Close the print preview.
    ClosePrint,
    /// Ask where to save the PDF.
    SavePdf,
    /// Write the PDF here and open it.
    SavePdfToPath(PathBuf),
    /// Open the practice settings window.
    PracticeSettings,
    /// Save these practice settings (not a document edit: no undo step).
    SavePractice(PracticeSettings),
}

impl Command {
    /// Menu text for the commands that appear in menus.
    pub fn label(&self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open…",
            Command::OpenPath(_) => "Open",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::SaveToPath(_) => "Save here",
            Command::ShowPathWindow => "Open or save by path…",
            Command::ReloadLibrary => "Reload library",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Theme(ThemeChoice::Light) => "Light theme",
            Command::Theme(ThemeChoice::Dark) => "Dark theme",
            Command::Theme(ThemeChoice::System) => "System theme",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomReset => "Reset zoom",
            Command::ToggleCompare => "Compare side by side",
            Command::Print => "Print…",
            Command::SavePdf => "Save PDF…",
            Command::PracticeSettings => "Practice settings…",
            Command::Edit(_)
            | Command::SelectOption(_)
            | Command::SelectLine(_)
            | Command::ShowError(_)
            | Command::PromptSave
            | Command::PromptDiscard
            | Command::PromptCancel
            | Command::CompareOption(..)
            | Command::CompareAddPlan(_)
            | Command::CompareRemovePlan(_)
            | Command::CompareNoInsurance(_)
            | Command::SelectCell(_)
            | Command::PrintPaper(_)
            | Command::PrintPage(_)
            | Command::ClosePrint
            | Command::SavePdfToPath(_)
            | Command::SavePractice(_) => "",
        }
    }

    /// The keyboard shortcut, shown in menus and handled once per frame.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let ctrl = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        let ctrl_shift = |key| {
            Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                key,
            ))
        };
        match self {
            Command::New => ctrl(Key::N),
            Command::Open => ctrl(Key::O),
            Command::Save => ctrl(Key::S),
            Command::SaveAs => ctrl_shift(Key::S),
            Command::Quit => ctrl(Key::Q),
            Command::Undo => ctrl(Key::Z),
            Command::Redo => ctrl_shift(Key::Z),
            Command::Print => ctrl(Key::P),
            Command::ToggleCompare => ctrl(Key::K),
            _ => None,
        }
    }

    /// Commands with a shortcut, those with Shift first: egui matches shortcuts
    /// ignoring extra modifiers, so Ctrl+Shift+S must be tried before Ctrl+S.
    pub fn with_shortcuts() -> [Command; 9] {
        [
            Command::SaveAs,
            Command::Redo,
            Command::New,
            Command::Open,
            Command::Save,
            Command::Quit,
            Command::Undo,
            Command::Print,
            Command::ToggleCompare,
        ]
    }
}

/// The commands pushed during one frame.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    /// Queues a command.
    pub fn push(&mut self, command: Command) {
        self.0.push(command);
    }

    /// Queues a document edit.
    pub fn edit(&mut self, edit: Edit) {
        self.0.push(Command::Edit(edit));
    }

    /// Takes every queued command, in order.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }
}
