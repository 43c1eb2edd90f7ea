//! An editor's own undo history: whole snapshots of what it edits (a fee schedule
//! or a plan is small), separate from the treatment plan's undo.

/// Snapshots before each change (undo) and after each undo (redo).
#[derive(Debug, Clone)]
pub struct Undo<T> {
    past: Vec<T>,
    future: Vec<T>,
}

impl<T> Default for Undo<T> {
    fn default() -> Self {
        Undo {
            past: Vec::new(),
            future: Vec::new(),
        }
    }
}

impl<T: Clone> Undo<T> {
    /// Remembers `before`, the value a change is about to replace.
    pub fn record(&mut self, before: T) {
        self.past.push(before);
        self.future.clear();
    }

    /// The value before the last change, if any; `current` goes to redo.
    pub fn undo(&mut self, current: &T) -> Option<T> {
        let before = self.past.pop()?;
        self.future.push(current.clone());
        Some(before)
    }

    /// The value the last undo replaced, if any; `current` goes back to undo.
    pub fn redo(&mut self, current: &T) -> Option<T> {
        let after = self.future.pop()?;
        self.past.push(current.clone());
        Some(after)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}
