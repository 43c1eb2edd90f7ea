//! "Import CSV…" and "Export CSV…" in the fee schedule editor, with an in-app
//! path field (as the app's other no-dialog fallbacks). An import reads the file
//! through `library` and `import::fees_csv` and replaces the fees of the list
//! being edited as one undo step; on any bad row nothing is applied and each
//! row's problem is listed. An export writes the list as CSV atomically, never
//! over an existing file unless "Replace it" is clicked.

use std::path::{Path, PathBuf};

use egui::{TextEdit, Ui};

use super::fee_model::FeeDraft;
use crate::gui::widgets::commit_edit::name;
use crate::import::fees_csv::{self, FeeCsvError};
use crate::library;
use crate::model::Library;

/// The label of the CSV path field.
pub const PATH: &str = "CSV file";

/// Which way the CSV goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Read a CSV into the list being edited.
    Import,
    /// Write the list being edited as CSV.
    Export,
}

/// The CSV row's state.
#[derive(Debug, Default)]
pub struct CsvState {
    /// Shown, and which way.
    pub mode: Option<Mode>,
    /// The path typed.
    pub path: String,
    /// Why the last import or export did not happen, one line each.
    pub problems: Vec<String>,
    /// The export's file exists: offer "Replace it".
    pub ask_replace: bool,
}

/// The two toolbar buttons.
pub fn buttons_ui(ui: &mut Ui, state: &mut CsvState) {
    for (text, mode) in [("Import CSV…", Mode::Import), ("Export CSV…", Mode::Export)] {
        if ui.button(text).clicked() {
            state.mode = Some(mode);
            state.problems.clear();
            state.ask_replace = false;
        }
    }
}

/// The path row and what the last try found; `message` gets what was done.
pub fn csv_ui(
    ui: &mut Ui,
    state: &mut CsvState,
    draft: &mut FeeDraft,
    library: &Library,
    message: &mut Option<String>,
) {
    let Some(mode) = state.mode else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(match mode {
            Mode::Import => "CSV to import (code, fee):",
            Mode::Export => "CSV to write:",
        });
        let response = ui.add(
            TextEdit::singleline(&mut state.path)
                .hint_text("/path/to/fees.csv")
                .desired_width(360.0),
        );
        name(&response, PATH, &state.path, "");
        let path = PathBuf::from(state.path.trim());
        let ready = !state.path.trim().is_empty();
        let go = match mode {
            Mode::Import => "Import",
            Mode::Export => "Export",
        };
        if ui.add_enabled(ready, egui::Button::new(go)).clicked() {
            match mode {
                Mode::Import => import(state, &path, draft, library, message),
                Mode::Export => export(state, &path, draft, library, false, message),
            }
        }
        if state.ask_replace && ui.button("Replace it").clicked() {
            export(state, &path, draft, library, true, message);
        }
        if ui.button("Cancel").clicked() {
            *state = CsvState::default();
        }
    });
    for problem in &state.problems {
        ui.colored_label(ui.visuals().warn_fg_color, problem.as_str());
    }
}

/// Reads the CSV and replaces the list's fees, or lists why not.
fn import(
    state: &mut CsvState,
    path: &Path,
    draft: &mut FeeDraft,
    library: &Library,
    message: &mut Option<String>,
) {
    state.problems.clear();
    let schedule = &draft.schedule;
    let read = library::read_import(path)
        .map_err(|e| vec![e.to_string()])
        .and_then(|text| {
            fees_csv::import_fees(
                &text,
                &schedule.id,
                &schedule.name,
                schedule.kind,
                &library.catalogue,
            )
            .map_err(|e| match e {
                FeeCsvError::Rows(rows) => {
                    let mut lines =
                        vec!["Nothing imported: fix these rows and import again.".into()];
                    lines.extend(
                        rows.iter()
                            .map(|p| format!("Row {}, column {}: {}", p.row, p.column, p.message)),
                    );
                    lines
                }
                other => vec![format!("Nothing imported: {other}")],
            })
        });
    match read {
        Ok((imported, notes)) => {
            let count = imported.fees.len();
            draft.replace_fees(imported.fees);
            let mut text = format!("{count} fee(s) imported from the CSV (Undo takes them back)");
            if notes.dated_rows > 0 {
                text.push_str("; its effective dates were not kept");
            }
            *message = Some(text);
            *state = CsvState::default();
        }
        Err(lines) => state.problems = lines,
    }
}

/// Writes the list being edited as CSV.
fn export(
    state: &mut CsvState,
    path: &Path,
    draft: &FeeDraft,
    library: &Library,
    replace: bool,
    message: &mut Option<String>,
) {
    state.problems.clear();
    state.ask_replace = false;
    let mut schedule = draft.schedule.clone();
    schedule.fees = draft.fees().clone();
    let root = library.root.clone().unwrap_or_default();
    let written = fees_csv::export_fees(&schedule, &library.catalogue).and_then(|csv| {
        library::write_import(path, &csv, replace, &root, ("plans", "plans")).map_err(|e| {
            if matches!(e, library::ImportFileError::Exists(_)) {
                state.ask_replace = true;
                format!(
                    "{} already exists: replace it, or type another name",
                    path.display()
                )
            } else {
                e.to_string()
            }
        })
    });
    match written {
        Ok(()) => {
            *message = Some(format!(
                "Wrote {} fee(s) to {}",
                schedule.fees.len(),
                path.display()
            ));
            *state = CsvState::default();
        }
        Err(e) => state.problems = vec![format!("Not exported: {e}")],
    }
}
