//! What waits for the user's answer: the action behind the unsaved-changes
//! prompt, and a save that waits for "overwrite?" (with where its path came from,
//! which decides what is asked).

use std::path::PathBuf;

/// An action that waits for the unsaved-changes prompt (or for a save to finish).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Start a new plan.
    New,
    /// Pick a file to open.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Quit,
}

impl Pending {
    /// How the prompt names the action.
    pub fn describe(&self) -> &'static str {
        match self {
            Pending::New => "starting a new plan",
            Pending::Open | Pending::OpenPath(_) => "opening another file",
            Pending::Quit => "closing",
        }
    }
}

/// Where the path of a save came from, which decides what is asked first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveOrigin {
    /// The open document's own file (Save, the unsaved-changes prompt's Save).
    Document,
    /// Typed in the path window: replacing another existing file asks first.
    Typed,
    /// Picked in the native dialog, which asks before replacing a file itself.
    Picked,
}

/// A save that waits for the user's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverwriteAsk {
    /// Where the save would write.
    pub path: PathBuf,
    /// True: it is the document's own file and another program changed it since
    /// it was opened or saved here. False: it is another file that exists.
    pub changed: bool,
    /// What to do once saved (the action the unsaved-changes prompt was for).
    pub then: Option<Pending>,
}
