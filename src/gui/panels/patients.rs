//! The Patients window (File > Patients…) and the start screen's recent patients.
//! The window's search field has the keyboard when it opens; typing narrows the
//! list (name words, chart number, birth date), Up/Down pick a row, Enter or a
//! click opens that patient through the usual open (which asks about unsaved
//! changes first), Escape closes it.

use std::path::Path;

use egui::{Key, Modifiers, RichText, TextEdit, Ui};

use super::Out;
use crate::gui::command::Command;
use crate::gui::patients::{PatientList, RECENT_COUNT};
use crate::gui::widgets::commit_edit::name;
use crate::library::PatientEntry;
use crate::model::DateStyle;
use crate::report::fmt;

/// At most this many rows are drawn; typing narrows the rest.
const MAX_ROWS: usize = 100;

/// The accessible name of the search field.
pub const SEARCH_LABEL: &str = "Search patients";

/// The Patients window's own state.
#[derive(Debug, Default)]
pub struct PatientsWindow {
    /// Shown when true.
    pub open: bool,
    /// What was typed in the search field.
    pub query: String,
    /// The row Up/Down picked (0 = the first match).
    pub selected: usize,
    /// Give the search field the keyboard on the next frame.
    focus: bool,
    /// The search field had the keyboard at the end of the last frame (egui
    /// takes it away on Escape before the next one starts).
    had_focus: bool,
}

impl PatientsWindow {
    /// Opens the window with an empty search that has the keyboard.
    pub fn show(&mut self) {
        *self = PatientsWindow {
            open: true,
            focus: true,
            ..PatientsWindow::default()
        };
    }
}

/// What the panels need to show patients.
pub struct PatientsView<'a> {
    /// The folder's index.
    pub list: &'a PatientList,
    /// The patient folder, when there is one.
    pub folder: Option<&'a Path>,
    /// How dates show.
    pub style: DateStyle,
}

/// Draws the Patients window while it is open.
pub fn patients_window_ui(
    ctx: &egui::Context,
    window: &mut PatientsWindow,
    view: &PatientsView<'_>,
    out: Out<'_>,
) {
    if !window.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Patients")
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(620.0)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 80.0))
        .show(ctx, |ui| window_body_ui(ui, window, view, out));
    if !open {
        window.open = false;
    }
}

fn window_body_ui(ui: &mut Ui, window: &mut PatientsWindow, view: &PatientsView<'_>, out: Out<'_>) {
    let found = view.list.search(&window.query);
    let search_id = ui.make_persistent_id("patients_search");
    let searching = window.had_focus || ui.memory(|m| m.has_focus(search_id));
    // Taken before the field sees them: Up/Down pick a row, Enter opens it,
    // Escape closes the window at once.
    let (up, down, enter, escape) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            searching && i.consume_key(Modifiers::NONE, Key::Enter),
            searching && i.key_pressed(Key::Escape),
        )
    });
    let shown = found.len().min(MAX_ROWS);
    if down {
        window.selected = (window.selected + 1).min(shown.saturating_sub(1));
    }
    if up {
        window.selected = window.selected.saturating_sub(1);
    }
    let hint = "Name, chart number or birth date (MM/DD/YYYY)";
    let response = TextEdit::singleline(&mut window.query)
        .id(search_id)
        .hint_text(hint)
        .desired_width(f32::INFINITY)
        .show(ui)
        .response
        .response;
    name(&response, SEARCH_LABEL, &window.query, hint);
    if window.focus {
        response.request_focus();
        window.focus = false;
    }
    window.had_focus = response.has_focus();
    if response.changed() {
        window.selected = 0;
    }
    if escape {
        window.open = false;
        return;
    }
    if enter && let Some(entry) = found.get(window.selected.min(shown.saturating_sub(1))) {
        open_patient(window, entry, out);
        return;
    }
    status_ui(ui, view, found.len());
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .max_height(ui.available_height() - 24.0)
        .show(ui, |ui| {
            rows_ui(ui, window, &found[..shown], view.style, up || down, out);
        });
    if found.len() > shown {
        ui.label(
            RichText::new(format!(
                "{} more: type more of the name to narrow the list",
                found.len() - shown
            ))
            .weak(),
        );
    }
    problems_ui(ui, view);
}

/// Where the patients are, and why the list is empty.
fn status_ui(ui: &mut Ui, view: &PatientsView<'_>, matches: usize) {
    if let Some(folder) = view.folder {
        ui.label(RichText::new(format!("In {}", folder.display())).weak());
    } else {
        ui.label(
            RichText::new("There is no patient folder: set one in Practice settings.")
                .color(ui.visuals().warn_fg_color),
        );
    }
    if let Some(error) = view.list.error() {
        ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
    }
    match view.list.index() {
        None if view.list.is_loading() => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Listing the patient folder…");
            });
        }
        Some(index) if index.patients.is_empty() => {
            ui.label("No patients saved here yet.");
        }
        Some(_) if matches == 0 => {
            ui.label("No patient matches what you typed.");
        }
        _ => {}
    }
}

/// One row per patient: name (the button that opens it), chart, birth date, last
/// changed.
fn rows_ui(
    ui: &mut Ui,
    window: &mut PatientsWindow,
    found: &[&PatientEntry],
    style: DateStyle,
    moved: bool,
    out: Out<'_>,
) {
    egui::Grid::new("patients_rows")
        .num_columns(4)
        .spacing([16.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Name").strong());
            ui.label(RichText::new("Chart").strong());
            ui.label(RichText::new("Born").strong());
            ui.label(RichText::new("Last changed").strong());
            ui.end_row();
            for (i, entry) in found.iter().enumerate() {
                let picked = i == window.selected;
                let row = ui.selectable_label(picked, shown_name(entry));
                if picked && moved {
                    row.scroll_to_me(None);
                }
                let clicked = row.clicked();
                ui.label(entry.chart_number.clone().unwrap_or_default());
                ui.label(
                    entry
                        .birth_date
                        .map(|d| fmt::date(d, style))
                        .unwrap_or_default(),
                );
                ui.label(changed_text(entry, style));
                ui.end_row();
                if clicked {
                    open_patient(window, entry, out);
                }
            }
        });
}

/// The files in the folder that are not treatment plans Ferrule can read.
fn problems_ui(ui: &mut Ui, view: &PatientsView<'_>) {
    let Some(index) = view.list.index().filter(|i| !i.problems.is_empty()) else {
        return;
    };
    let title = format!("{} file(s) could not be read", index.problems.len());
    egui::CollapsingHeader::new(RichText::new(title).color(ui.visuals().warn_fg_color))
        .id_salt("patients_problems")
        .show(ui, |ui| {
            for problem in &index.problems {
                ui.label(format!("{}: {}", problem.file_name, problem.reason));
            }
        });
}

/// Opens a patient and closes the window.
fn open_patient(window: &mut PatientsWindow, entry: &PatientEntry, out: Out<'_>) {
    out.push(Command::OpenPath(entry.path.clone()));
    window.open = false;
}

/// The name, or the file's name when the name was left blank.
fn shown_name(entry: &PatientEntry) -> String {
    if entry.name.is_empty() {
        entry.path.file_name().map_or_else(
            || "(no name)".to_string(),
            |n| format!("(no name) {}", n.to_string_lossy()),
        )
    } else {
        entry.name.clone()
    }
}

/// When the file last changed, as a date.
fn changed_text(entry: &PatientEntry, style: DateStyle) -> String {
    entry
        .changed
        .map(|t| fmt::date(t.date(), style))
        .unwrap_or_default()
}

/// The start screen's state: shown until the blank document is edited or
/// something is opened.
#[derive(Debug, Default)]
pub struct StartScreen {
    /// Shown when true.
    pub open: bool,
    /// The document revision it was opened at: any change closes it.
    pub revision: u64,
}

/// Draws the start screen: the recent patients (each opens on a click), "New
/// patient" and "Find patient…". The blank document stays underneath.
pub fn start_screen_ui(
    ctx: &egui::Context,
    start: &mut StartScreen,
    view: &PatientsView<'_>,
    out: Out<'_>,
) {
    let mut open = start.open;
    egui::Window::new("Welcome")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if ui.button(RichText::new("New patient").strong()).clicked() {
                    out.push(Command::New);
                    start.open = false;
                }
                let find = Command::Patients;
                if ui.button("Find patient…").clicked() {
                    out.push(find);
                    start.open = false;
                }
            });
            ui.add_space(6.0);
            recent_ui(ui, start, view, out);
            ui.label(RichText::new("Or just start typing in the plan behind this window.").weak());
        });
    if !open {
        start.open = false;
    }
}

fn recent_ui(ui: &mut Ui, start: &mut StartScreen, view: &PatientsView<'_>, out: Out<'_>) {
    let recent = view.list.recent(RECENT_COUNT);
    if recent.is_empty() {
        if view.list.is_loading() {
            ui.spinner();
        }
        return;
    }
    ui.label(RichText::new("Recent patients").strong());
    egui::Grid::new("recent_patients")
        .num_columns(3)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for entry in recent {
                if ui.button(shown_name(entry)).clicked() {
                    out.push(Command::OpenPath(entry.path.clone()));
                    start.open = false;
                }
                ui.label(entry.chart_number.clone().unwrap_or_default());
                let born = entry.birth_date.map(|d| fmt::date(d, view.style));
                ui.label(born.map(|b| format!("born {b}")).unwrap_or_default());
                ui.end_row();
            }
        });
    ui.add_space(4.0);
}
