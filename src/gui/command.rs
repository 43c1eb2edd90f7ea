//! Every user action as a value. Panels push [`Command`]s while they draw; the app
//! applies them after all panels have drawn, so the document changes in one place and
//! each [`Edit`] becomes exactly one undo step.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

pub use crate::model::Edit;
use crate::model::{LineId, OptionId, PracticeSettings};

use super::prefs::ThemeChoice;
use super::print::PrintJob;
use super::state::CellAt;
use crate::export::Paper;

/// The answer to "the file changed on disk" or "replace the existing file?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverwriteAnswer {
    /// Write over it.
    Overwrite,
    /// Leave it alone and save under a new name.
    SaveAsNew,
    /// Do not save.
    Cancel,
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
    /// Show the Patients window (search the patient folder).
    Patients,
    /// Put the keyboard in the quick-entry field, to type lines.
    TypeLines,
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
    /// Open the plan editor (Library > Plans…).
    EditPlans,
    /// Open the fee schedule editor (Library > Fee schedules…).
    EditFeeSchedules,
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
    SelectOption(OptionId),
    /// Select a line (the "Why this number" panel follows it).
    SelectLine(Option<LineId>),
    /// Select the next line down the table (across visits).
    SelectNextLine,
    /// Select the line above in the table.
    SelectPreviousLine,
    /// Delete the selected line (one undo step); the next line is selected.
    DeleteSelectedLine,
    /// Mark the selected line completed: it moves into the patient's history.
    CompleteSelectedLine,
    /// Tell the user that what they typed was not accepted.
    ShowError(String),
    /// Answer to the question asked before a save would overwrite a file.
    Overwrite(OverwriteAnswer),
    /// Stop the comparison running in the background.
    CompareCancel,
    /// Start a cancelled comparison again.
    CompareAgain,
    /// Answer to the unsaved-changes prompt: save first.
    PromptSave,
    /// Answer to the unsaved-changes prompt: throw the changes away.
    PromptDiscard,
    /// Answer to the unsaved-changes prompt: do nothing.
    PromptCancel,
    /// Show the comparison instead of the option, or back.
    ToggleCompare,
    /// Include (true) or leave out an option in the comparison.
    CompareOption(OptionId, bool),
    /// Add a column set: the compared options under this library plan alone.
    CompareAddPlan(String),
    /// Remove a plan's columns.
    CompareRemovePlan(String),
    /// Also compare without insurance.
    CompareNoInsurance(bool),
    /// Select a comparison cell: its explanation shows on the right.
    SelectCell(Option<CellAt>),
    /// Open the print preview.
    Print,
    /// Paper size of the preview and the PDF.
    PrintPaper(Paper),
    /// Show this page (0-based) of the preview.
    PrintPage(usize),
    /// Close the print preview.
    ClosePrint,
    /// The options handout, the printer and the first-print questions.
    PrintJob(PrintJob),
    /// Ask where to save the PDF.
    SavePdf,
    /// Write the PDF here and open it.
    SavePdfToPath(PathBuf),
    /// Open the practice settings window.
    PracticeSettings,
    /// Open the window that lists the keyboard shortcuts.
    KeyboardHelp,
    /// Save these practice settings (not a document edit: no undo step).
    SavePractice(PracticeSettings),
    /// Open the unsaved work kept in this recovery file.
    RestoreRecovery(PathBuf),
    /// Throw away the unsaved work kept in this recovery file.
    DiscardRecovery(PathBuf),
    /// Open the eligibility (271) import window.
    ImportEligibility,
    /// Pick the 271 file with the system's dialog.
    ChooseEligibilityFile,
    /// Read this 271 file into the import window.
    ReadEligibility(PathBuf),
    /// Write the imported draft plan into the library's plans/ folder.
    SaveEligibilityPlan,
    /// Put this member's imported coverage on the patient (one undo step).
    UseEligibility(usize),
    /// Compare the imported 271 with this library plan (the "update a plan" diff).
    CompareEligibilityPlan(String),
    /// Write the compared plan over its library file; `true`: even if it has comments.
    UpdateEligibilityPlan(bool),
}

impl Command {
    /// Menu text for the commands that appear in menus.
    pub fn label(&self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open…",
            Command::OpenPath(_) => "Open",
            Command::Patients => "Patients…",
            Command::TypeLines => "Type lines (quick entry)",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::SaveToPath(_) => "Save here",
            Command::ShowPathWindow => "Open or save by path…",
            Command::ReloadLibrary => "Reload library",
            Command::EditPlans => "Plans…",
            Command::EditFeeSchedules => "Fee schedules…",
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
            Command::ImportEligibility => "Import eligibility…",
            Command::KeyboardHelp => "Keyboard shortcuts",
            Command::SelectNextLine => "Select the next line",
            Command::SelectPreviousLine => "Select the line above",
            Command::DeleteSelectedLine => "Delete the selected line",
            Command::CompleteSelectedLine => "Mark the selected line completed",
            Command::Edit(_)
            | Command::SelectOption(_)
            | Command::SelectLine(_)
            | Command::ShowError(_)
            | Command::PromptSave
            | Command::PromptDiscard
            | Command::PromptCancel
            | Command::Overwrite(_)
            | Command::CompareCancel
            | Command::CompareAgain
            | Command::CompareOption(..)
            | Command::CompareAddPlan(_)
            | Command::CompareRemovePlan(_)
            | Command::CompareNoInsurance(_)
            | Command::SelectCell(_)
            | Command::PrintPaper(_)
            | Command::PrintPage(_)
            | Command::ClosePrint
            | Command::PrintJob(_)
            | Command::SavePdfToPath(_)
            | Command::SavePractice(_)
            | Command::RestoreRecovery(_)
            | Command::DiscardRecovery(_)
            | Command::ChooseEligibilityFile
            | Command::ReadEligibility(_)
            | Command::SaveEligibilityPlan
            | Command::UseEligibility(_)
            | Command::CompareEligibilityPlan(_)
            | Command::UpdateEligibilityPlan(_) => "",
        }
    }

    /// The keyboard shortcut, shown in menus and handled once per frame.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let ctrl = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        let plain = |key| Some(KeyboardShortcut::new(Modifiers::NONE, key));
        let ctrl_shift = |key| {
            Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                key,
            ))
        };
        match self {
            Command::New => ctrl(Key::N),
            Command::Open => ctrl(Key::O),
            Command::Patients => ctrl(Key::F),
            Command::TypeLines => ctrl(Key::L),
            Command::Save => ctrl(Key::S),
            Command::SaveAs => ctrl_shift(Key::S),
            Command::Quit => ctrl(Key::Q),
            Command::Undo => ctrl(Key::Z),
            Command::Redo => ctrl_shift(Key::Z),
            Command::Print => ctrl(Key::P),
            Command::ImportEligibility => ctrl(Key::I),
            Command::ToggleCompare => ctrl(Key::K),
            Command::CompleteSelectedLine => ctrl(Key::Enter),
            Command::SelectNextLine => plain(Key::ArrowDown),
            Command::SelectPreviousLine => plain(Key::ArrowUp),
            Command::DeleteSelectedLine => plain(Key::Delete),
            _ => None,
        }
    }

    /// A second key for the same command (Backspace deletes a line too).
    pub fn other_shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Command::DeleteSelectedLine => {
                Some(KeyboardShortcut::new(Modifiers::NONE, Key::Backspace))
            }
            _ => None,
        }
    }

    /// Keys for the table's selected line: they act only while no text field has
    /// the keyboard (there the arrows, Delete and Backspace edit the text).
    pub fn is_table_key(&self) -> bool {
        matches!(
            self,
            Command::SelectNextLine
                | Command::SelectPreviousLine
                | Command::DeleteSelectedLine
                | Command::CompleteSelectedLine
        )
    }

    /// The keys shown beside the command in menus and the Keyboard window: its
    /// shortcut, or the zoom keys egui handles itself.
    pub fn keys_text(&self, ctx: &egui::Context) -> Option<String> {
        if let Some(shortcut) = self.shortcut() {
            let keys = ctx.format_shortcut(&shortcut);
            return Some(match self.other_shortcut() {
                Some(other) => format!("{keys} / {}", ctx.format_shortcut(&other)),
                None => keys,
            });
        }
        let zoom = match self {
            Command::ZoomIn => "Ctrl +",
            Command::ZoomOut => "Ctrl -",
            Command::ZoomReset => "Ctrl 0",
            _ => return None,
        };
        Some(zoom.to_string())
    }

    /// The commands the keyboard reaches, in menu order (the Keyboard window's
    /// list): every one of [`Command::with_shortcuts`] plus zoom.
    pub fn keyboard_list() -> [Command; 19] {
        [
            Command::New,
            Command::Open,
            Command::Patients,
            Command::Save,
            Command::SaveAs,
            Command::Print,
            Command::ImportEligibility,
            Command::Quit,
            Command::Undo,
            Command::Redo,
            Command::ToggleCompare,
            Command::TypeLines,
            Command::SelectNextLine,
            Command::SelectPreviousLine,
            Command::DeleteSelectedLine,
            Command::CompleteSelectedLine,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
        ]
    }

    /// Commands with a shortcut, those with Shift first: egui matches shortcuts
    /// ignoring extra modifiers, so Ctrl+Shift+S must be tried before Ctrl+S.
    pub fn with_shortcuts() -> [Command; 16] {
        [
            Command::SaveAs,
            Command::Redo,
            Command::New,
            Command::Open,
            Command::Patients,
            Command::Save,
            Command::Quit,
            Command::Undo,
            Command::Print,
            Command::ImportEligibility,
            Command::ToggleCompare,
            Command::TypeLines,
            Command::CompleteSelectedLine,
            Command::SelectNextLine,
            Command::SelectPreviousLine,
            Command::DeleteSelectedLine,
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
