//! Undo and redo as whole-document snapshots: a treatment plan is small, so each
//! edit stores the document as it was before.

use crate::model::TreatmentPlan;

/// How many undo steps are kept.
const LIMIT: usize = 200;

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<TreatmentPlan>,
    redo: Vec<TreatmentPlan>,
}

impl History {
    /// Records the document as it was before an edit; a new edit clears redo.
    pub fn record(&mut self, before: TreatmentPlan) {
        self.undo.push(before);
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Steps back: returns the previous document and keeps `current` for redo.
    pub fn undo(&mut self, current: &TreatmentPlan) -> Option<TreatmentPlan> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        Some(previous)
    }

    /// Steps forward again.
    pub fn redo(&mut self, current: &TreatmentPlan) -> Option<TreatmentPlan> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        Some(next)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a document was opened or created).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
