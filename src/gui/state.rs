//! The app's state: the library, the open document with its undo history and
//! revision, the cached estimates, the selection and the last message. Only
//! [`super::app`] mutates it, by applying commands.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::engine::{RowKey, ScenarioKey};
use crate::library::Fingerprint;
use crate::model::{
    Applied, Edit, Library, LineId, OptionId, TreatmentOption, TreatmentPlan, Visit, VisitId,
};

use super::compare::{CompareCache, CompareSelection};
use super::estimates::EstimateCache;
use super::history::History;

/// A one-line message for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Shown in the error colour when true.
    pub is_error: bool,
}

/// The open treatment plan.
#[derive(Clone, Debug)]
pub struct Document {
    /// The plan being edited.
    pub plan: TreatmentPlan,
    /// Where it is saved; None until the first save.
    pub path: Option<PathBuf>,
    /// The plan as last opened or saved: the document is modified when it differs.
    pub clean: TreatmentPlan,
    /// The file at `path` as last opened or saved here: when it differs at the
    /// next save, another program changed it and the save asks first.
    pub disk: Option<Fingerprint>,
}

impl Document {
    /// A document for a plan just read from `path` (or just created, without one).
    pub fn new(plan: TreatmentPlan, path: Option<PathBuf>) -> Document {
        Document {
            clean: plan.clone(),
            plan,
            path,
            disk: None,
        }
    }

    /// A document read from `path`, whose bytes had this fingerprint.
    pub fn opened(plan: TreatmentPlan, path: PathBuf, disk: Fingerprint) -> Document {
        Document {
            disk: Some(disk),
            ..Document::new(plan, Some(path))
        }
    }

    /// True when there are unsaved changes.
    pub fn is_modified(&self) -> bool {
        self.plan != self.clean
    }

    /// The file name shown in the title ("Untitled" before the first save).
    pub fn display_name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || "Untitled".to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// What the centre of the window shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The open option's visits and lines.
    #[default]
    Plan,
    /// Scenarios side by side.
    Compare,
}

/// A cell of the comparison grid: its row's key and its scenario's key, so the
/// selection survives a recomputation that reorders rows or columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellAt {
    /// The row (area, code, repeat).
    pub row: RowKey,
    /// The column (option and payer setup).
    pub scenario: ScenarioKey,
}

/// Everything the panels read.
#[derive(Debug)]
pub struct AppState {
    /// Plans, fee schedules, the code catalogue, and load problems.
    pub library: Library,
    /// The folder the library is reloaded from; None for the built-in sample.
    pub library_dir: Option<PathBuf>,
    /// The open document.
    pub document: Document,
    /// Undo and redo.
    pub history: History,
    /// Bumped on every document change.
    pub document_revision: u64,
    /// Bumped on every library reload.
    pub library_revision: u64,
    /// Estimates for the current revisions.
    pub estimates: EstimateCache,
    /// The day estimates are made (read once at start).
    pub today: NaiveDate,
    /// The option shown.
    pub selected_option: OptionId,
    /// The line whose explanation is shown.
    pub selected_line: Option<LineId>,
    /// The last message for the status bar.
    pub message: Option<Message>,
    /// What the centre shows.
    pub view: View,
    /// The scenarios compared (not part of the document).
    pub compare: CompareSelection,
    /// The comparison and advice for them.
    pub comparison: CompareCache,
    /// The comparison cell whose explanation is shown.
    pub selected_cell: Option<CellAt>,
}

impl AppState {
    /// State for a library and a document.
    pub fn new(
        library: Library,
        library_dir: Option<PathBuf>,
        document: Document,
        today: NaiveDate,
    ) -> AppState {
        let mut state = AppState {
            library,
            library_dir,
            document,
            history: History::default(),
            document_revision: 0,
            library_revision: 0,
            estimates: EstimateCache::default(),
            today,
            selected_option: OptionId::default(),
            selected_line: None,
            message: None,
            view: View::Plan,
            compare: CompareSelection::default(),
            comparison: CompareCache::default(),
            selected_cell: None,
        };
        state.select_existing_option();
        state.refresh_estimates();
        state
    }

    /// Brings the estimate cache up to date (cheap when nothing changed).
    pub fn refresh_estimates(&mut self) {
        self.estimates.refresh(
            (self.document_revision, self.library_revision),
            &self.library,
            &self.document.plan,
            self.today,
        );
    }

    /// Brings the comparison up to date; only while the compare view is shown. A
    /// large comparison runs in the background and wakes `ctx` when it is done.
    pub fn refresh_comparison(&mut self, ctx: &egui::Context) {
        if self.view != View::Compare {
            return;
        }
        let key = (
            self.document_revision,
            self.library_revision,
            self.compare.revision,
        );
        let redone = self.comparison.refresh(
            ctx,
            key,
            self.selected_option,
            &self.library,
            &self.document.plan,
            &self.compare,
            self.today,
        );
        if redone && let Some(cell) = &self.selected_cell {
            // Cells are keyed by row and scenario: keep the selection while it exists.
            let exists = self
                .comparison
                .comparison()
                .is_some_and(|c| c.cell(cell.row.clone(), &cell.scenario).is_some());
            if !exists {
                self.selected_cell = None;
            }
        }
    }

    /// Applies one edit as one undo step. Returns false (and shows why) when it
    /// could not be applied; an edit that changes nothing records no step.
    pub fn apply_edit(&mut self, edit: &Edit) -> Option<Applied> {
        let before = self.document.plan.clone();
        let applied = match self.document.plan.apply(edit) {
            Ok(applied) => applied,
            Err(e) => {
                self.document.plan = before;
                self.error(format!("Could not change the plan: {e}"));
                return None;
            }
        };
        if self.document.plan == before {
            return None;
        }
        self.history.record(before);
        self.document_changed();
        Some(applied)
    }

    /// Undoes the last edit.
    pub fn undo(&mut self) {
        if let Some(previous) = self.history.undo(&self.document.plan) {
            self.document.plan = previous;
            self.document_changed();
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        if let Some(next) = self.history.redo(&self.document.plan) {
            self.document.plan = next;
            self.document_changed();
        }
    }

    /// Replaces the document (open, new): history starts over.
    pub fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.history.clear();
        self.selected_option = OptionId::default();
        self.selected_line = None;
        self.document_changed();
    }

    /// Bumps the revision and keeps the selection pointing at something that exists.
    fn document_changed(&mut self) {
        self.document_revision += 1;
        self.select_existing_option();
        if let Some(id) = self.selected_line {
            let in_option = self
                .document
                .plan
                .line(id)
                .is_some_and(|at| at.option.id == self.selected_option);
            if !in_option {
                self.selected_line = None;
            }
        }
    }

    /// Shows the first option when the selected one no longer exists (or none was
    /// selected yet).
    fn select_existing_option(&mut self) {
        let plan = &self.document.plan;
        if plan.option(self.selected_option).is_none() {
            self.selected_option = plan.options.first().map(|o| o.id).unwrap_or_default();
        }
    }

    /// The option shown, if the plan has any.
    pub fn option(&self) -> Option<&TreatmentOption> {
        self.document.plan.option(self.selected_option)
    }

    /// Replaces the library (reload): estimates are recomputed.
    pub fn replace_library(&mut self, library: Library) {
        self.library = library;
        self.library_revision += 1;
    }

    /// Shows an informational message.
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    /// Shows an error message.
    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: true,
        });
    }
}

/// A new, empty plan: one option with one visit today, no coverage yet. The birth
/// date starts at `today`, which the patient panel flags until it is entered.
pub fn blank_plan(today: NaiveDate) -> TreatmentPlan {
    // The birth date stays blank until entered: today would be a wrong one.
    let mut plan = TreatmentPlan::new("", None);
    plan.options.push(TreatmentOption {
        id: OptionId(1),
        name: "Option 1".to_string(),
        visits: vec![Visit {
            id: VisitId(1),
            name: "Visit 1".to_string(),
            date: today,
            lines: Vec::new(),
        }],
    });
    plan
}
