//! The app: draws the panels from a read-only context, then applies the commands
//! they pushed, in order; records undo steps; asks before losing unsaved changes;
//! and keeps the window title and the remembered preferences up to date.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{Ui, ViewportCommand};

mod dispatch;
mod eligibility;
mod keys;
mod lines;
mod patients;
mod print;
mod recovery;
mod reload;
mod saving;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::autosave::Autosave;
use super::command::{Command, Commands, Edit};
use super::files::{DialogKind, DialogReply, FileDialogs};
use super::library_watch::{LibraryWatch, WatchPlan};
use super::panels::{self, PanelCtx, Panels};
use super::patients::PatientList;
use super::prefs::{PREFS_KEY, Prefs};
use super::print::{Practice, PrintPreview};
use super::questions::{OverwriteAsk, Pending, SaveOrigin};
use super::state::{AppState, Document, View, blank_plan};
use crate::library;
use crate::model::{Applied, Library, TreatmentPlan};

/// The Ferrule desktop app.
pub struct FerruleApp {
    /// Library, document, estimates, selection.
    pub state: AppState,
    panels: Panels,
    prefs: Prefs,
    dialogs: FileDialogs,
    commands: Commands,
    /// Commands from shortcuts pressed while a text field had focus: they run one
    /// frame later, after the field has committed its text.
    deferred: Vec<Command>,
    /// The unsaved-changes prompt is open for this action.
    prompt: Option<Pending>,
    /// Continue with this action once the "Save as" started by the prompt succeeds.
    after_save: Option<Pending>,
    /// The user agreed to close; the next close request goes through.
    allow_close: bool,
    /// The title last sent to the window.
    title: String,
    /// The print preview.
    print: PrintPreview,
    /// The practice details printed, read when the preview first opens.
    practice: Option<Practice>,
    /// Where the practice settings file is; None: no config folder (defaults,
    /// and the settings cannot be saved).
    practice_path: Option<PathBuf>,
    /// Open saved PDFs in the system's viewer (off in tests).
    open_viewer: bool,
    /// Recovery copies of unsaved work.
    autosave: Autosave,
    /// Set when the system asks the app to stop (SIGTERM, SIGHUP).
    stop_requested: Arc<AtomicBool>,
    /// A save waiting for "overwrite?" to be answered.
    overwrite: Option<OverwriteAsk>,
    /// The default patient folder (the practice settings may name another).
    patients_dir: Option<PathBuf>,
    /// The patient folder's index.
    patients: PatientList,
    /// eframe's settings file (recent files name patients): kept owner-only.
    settings_file: Option<PathBuf>,
    /// The library watch to start on the first frame.
    watch_plan: Option<WatchPlan>,
    /// The running library watch.
    library_watch: Option<LibraryWatch>,
    /// The plan and fee schedule editors.
    pub editors: super::editor::Editors,
}

impl FerruleApp {
    /// The app for a library (and the folder it is reloaded from), an optional open
    /// document, and the date estimates are made on.
    pub fn new(
        library: Library,
        library_dir: Option<PathBuf>,
        document: Option<(PathBuf, TreatmentPlan)>,
        today: NaiveDate,
    ) -> FerruleApp {
        let document = match document {
            // The file as it is now is what this document replaces when saved.
            Some((path, plan)) => match library::fingerprint(&path) {
                Ok(Some(disk)) => Document::opened(plan, path, disk),
                _ => Document::new(plan, Some(path)),
            },
            None => Document::new(blank_plan(today), None),
        };
        FerruleApp {
            state: AppState::new(library, library_dir, document, today),
            panels: Panels::default(),
            prefs: Prefs::default(),
            dialogs: FileDialogs::new(true),
            commands: Commands::default(),
            deferred: Vec::new(),
            prompt: None,
            after_save: None,
            allow_close: false,
            title: String::new(),
            print: PrintPreview::default(),
            practice: None,
            practice_path: None,
            open_viewer: true,
            autosave: Autosave::default(),
            stop_requested: Arc::new(AtomicBool::new(false)),
            overwrite: None,
            patients_dir: None,
            patients: PatientList::default(),
            settings_file: None,
            watch_plan: None,
            library_watch: None,
            editors: super::editor::Editors::default(),
        }
    }

    /// The default patient folder (used unless the practice settings name
    /// another): Open starts there, a new plan is saved there, and the Patients
    /// window lists it. With a folder, an app started on a blank, untouched
    /// document shows the start screen (recent patients, "New patient", "Find
    /// patient…"); without one (the tests' `FerruleApp::new(.., None, ..)`) it
    /// does not.
    pub fn set_patients_dir(&mut self, dir: Option<PathBuf>) {
        let document = &self.state.document;
        let blank = document.path.is_none() && !document.is_modified();
        self.panels.start.open = dir.is_some() && blank;
        self.panels.start.revision = self.state.document_revision;
        self.patients_dir = dir;
    }

    /// Keeps eframe's settings file at `file` owner-only each time it is saved.
    pub fn set_settings_file(&mut self, file: Option<PathBuf>) {
        self.settings_file = file;
    }

    /// Keeps recovery copies of unsaved work in `dir`, `delay` seconds after a
    /// change, and offers the ones left behind by an earlier crash.
    pub fn set_recovery_dir(&mut self, dir: Option<PathBuf>, delay: f64) {
        self.autosave = Autosave::new(dir, delay);
        self.autosave.look_for_recoveries();
    }

    /// The flag a signal handler sets to ask the app to keep a recovery copy and
    /// close.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop_requested)
    }

    /// Recovery files found on start that still wait for an answer.
    pub fn found_recoveries(&self) -> &[super::autosave::Found] {
        &self.autosave.found
    }

    /// Uses native file dialogs and opens saved PDFs in the system's viewer when
    /// true (the default); tests turn both off.
    pub fn set_native_dialogs(&mut self, native: bool) {
        self.dialogs.native = native;
        self.open_viewer = native;
    }

    /// Reads the practice settings from `path` when they are first needed.
    pub fn set_practice_path(&mut self, path: Option<PathBuf>) {
        self.practice_path = path;
    }

    /// Prints with these practice details instead of reading the settings file.
    pub fn set_practice(&mut self, practice: Practice) {
        self.practice = Some(practice);
    }

    /// The print preview (open or not) and its layout.
    pub fn print_preview(&self) -> &PrintPreview {
        &self.print
    }

    /// Takes remembered preferences and applies theme and zoom.
    pub fn set_prefs(&mut self, prefs: Prefs, ctx: &egui::Context) {
        self.prefs = prefs;
        if let Some(path) = self.state.document.path.clone() {
            self.prefs.remember(&path);
        }
        self.prefs.apply(ctx);
    }

    /// The preferences as they would be saved.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The action the unsaved-changes prompt is open for, if it is open.
    pub fn prompt(&self) -> Option<&Pending> {
        self.prompt.as_ref()
    }

    /// The window title: "Ferrule — file.ron*" with * while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let modified = if self.state.document.is_modified() {
            "*"
        } else {
            ""
        };
        format!("Ferrule — {}{modified}", self.state.document.display_name())
    }

    /// Queues a command as if a panel had pushed it (tests, menus of other windows).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Draws one frame and applies what the user did. eframe and the tests both
    /// call this.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        panels::print::register_fonts(&ctx);
        while let Some(reply) = self.dialogs.poll() {
            self.dialog_answered(&ctx, reply);
        }
        self.take_library_changes(&ctx);
        // A "save, then continue" whose path window was closed without saving is
        // abandoned, so a later save does not suddenly quit or open something.
        if !self.panels.path_window.open && !self.dialogs.is_busy() {
            self.after_save = None;
        }
        if self.stop_requested.swap(false, Ordering::SeqCst) {
            self.stop_now(&ctx);
        }
        self.handle_close_request(&ctx);
        self.handle_shortcuts(&ctx);
        self.refresh(&ctx);
        self.tend_patients(&ctx);
        self.draw(ui, &ctx);
        let deferred = std::mem::take(&mut self.deferred);
        for command in deferred {
            self.commands.push(command);
        }
        let commands = self.commands.take();
        if !commands.is_empty() {
            // The panels drew the state before these commands: draw again.
            ctx.request_repaint();
        }
        for command in commands {
            self.run(&ctx, command);
        }
        self.refresh(&ctx);
        self.keep_recovery_copy(&ctx);
        keys::remember_focus(&ctx);
        super::widgets::focus::age_wish(&ctx);
        super::prefs::paint_focus_ring(&ctx);
        self.prefs.zoom = ctx.zoom_factor();
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Brings the engine's results up to date (each only when its inputs changed).
    fn refresh(&mut self, ctx: &egui::Context) {
        self.state.refresh_estimates();
        self.state.refresh_comparison(ctx);
        // Read on the first frame: the date fields show dates the practice's way.
        let practice = self
            .practice
            .get_or_insert_with(|| Practice::load(self.practice_path.clone()));
        if self.print.open {
            self.print.refresh(&self.state, practice);
        }
    }

    fn draw(&mut self, ui: &mut Ui, ctx: &egui::Context) {
        let mut pctx = PanelCtx::new(&self.state);
        pctx.date_style = self
            .practice
            .as_ref()
            .map(|p| p.settings.date_style)
            .unwrap_or_default();
        let out = &mut self.commands;
        egui::Panel::top("menu_bar").show(ui, |ui| {
            panels::menu_bar::menu_bar_ui(ui, &pctx, &self.prefs.recent, self.prefs.theme, out);
        });
        let tall = panels::problems::has_problems(&pctx);
        egui::Panel::bottom("problems")
            .resizable(tall)
            .show(ui, |ui| panels::problems::problems_ui(ui, &pctx));
        let width = ctx.content_rect().width();
        if self
            .panels
            .patient_open
            .unwrap_or(width >= panels::WIDE_ENOUGH_FOR_PATIENT)
        {
            egui::Panel::left("patient")
                .resizable(true)
                .default_size(262.0)
                .size_range(230.0..=480.0)
                .show(ui, |ui| {
                    if panels::details::patient_toggle_ui(ui, true) {
                        self.panels.patient_open = Some(false);
                    }
                    panels::patient::patient_panel_ui(ui, &pctx, &mut self.panels.patient, out);
                });
        } else {
            egui::Panel::left("patient_closed")
                .resizable(false)
                .exact_size(30.0)
                .show(ui, |ui| {
                    if panels::details::patient_toggle_ui(ui, false) {
                        self.panels.patient_open = Some(true);
                    }
                });
        }
        let wide = width >= panels::WIDE_ENOUGH_FOR_DETAILS;
        // The details panel takes its place now, but its contents are drawn after
        // the centre, so the Tab key goes left panel, centre, then right panel,
        // as the screen reads.
        let details_at = details_space(ui, &mut self.panels, wide);
        egui::CentralPanel::default().show(ui, |ui| match pctx.state.view {
            View::Plan => panels::plan::plan_ui(ui, &pctx, &mut self.panels.add_line, out),
            View::Compare => panels::compare::compare_ui(ui, &pctx, out),
        });
        if let Some(rect) = details_at {
            details_body(ui, rect, &mut self.panels, &pctx, out);
        }
        self.draw_windows(ctx, pctx.date_style);
    }

    /// The windows over the panels, the prompts last (on top).
    fn draw_windows(&mut self, ctx: &egui::Context, date_style: crate::model::DateStyle) {
        self.draw_patients(ctx, date_style);
        let out = &mut self.commands;
        if let Some(practice) = &self.practice {
            panels::print::print_preview_ui(ctx, &self.state, &self.print, practice, out);
        }
        panels::dialogs::path_window_ui(ctx, &mut self.panels.path_window, &self.prefs.recent, out);
        panels::practice::practice_window_ui(ctx, &mut self.panels.practice, out);
        panels::keyboard::keyboard_window_ui(ctx, &mut self.panels.keyboard);
        panels::code_reference::code_reference_window_ui(ctx, &self.state.library);
        let state = &self.state;
        panels::eligibility::eligibility_window_ui(
            ctx,
            &state.library,
            &mut self.panels.eligibility,
            out,
        );
        let (library, document) = (&state.library, &state.document.plan);
        if self
            .editors
            .ui(ctx, library, state.library_revision, document, state.today)
        {
            out.push(Command::ReloadLibrary);
        }
        if let Some(ask) = &self.overwrite {
            panels::dialogs::overwrite_prompt_ui(ctx, &ask.path, ask.changed, out);
        } else if let Some(pending) = &self.prompt {
            let name = self.state.document.display_name();
            panels::dialogs::unsaved_prompt_ui(ctx, &name, pending.describe(), out);
        } else if let Some(found) = self.autosave.found.first() {
            panels::dialogs::recovery_prompt_ui(ctx, found, out);
        }
    }

    fn edit(&mut self, edit: &Edit) {
        match self.state.apply_edit(edit) {
            // After adding lines, select the first new one so its explanation shows.
            Some(Applied::Lines(ids)) => self.state.selected_line = ids.first().copied(),
            // A new option (a copy, a split suggestion) is shown at once.
            Some(Applied::Option(id)) => {
                self.state.selected_option = id;
                self.state.selected_line = None;
            }
            _ => {}
        }
    }

    /// Runs `pending` now, or asks first when there are unsaved changes.
    fn unless_unsaved(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.state.document.is_modified() {
            self.prompt = Some(pending);
        } else {
            self.proceed(ctx, pending);
        }
    }

    /// Runs an action whose unsaved-changes question has been answered.
    fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New => {
                self.state
                    .replace_document(Document::new(blank_plan(self.state.today), None));
                self.state.info("New treatment plan");
                // A new patient starts with their name.
                super::widgets::focus::focus_field(ctx, "Patient name");
            }
            Pending::Open => {
                // Patients are opened from the patient folder.
                let directory = self
                    .prepared_patient_folder()
                    .or_else(|| self.document_dir());
                if !self
                    .dialogs
                    .start(ctx, DialogKind::Open, directory.clone(), None)
                {
                    self.panels.path_window.show_with(directory, None);
                }
            }
            Pending::OpenPath(path) => self.open_path(path),
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn dialog_answered(&mut self, ctx: &egui::Context, reply: DialogReply) {
        let unavailable = reply.looks_unavailable();
        match (reply.kind, reply.path) {
            (DialogKind::Open, Some(path)) => self.commands.push(Command::OpenPath(path)),
            (DialogKind::Save, Some(path)) => {
                // Taken now: the "save, then continue" must survive this frame.
                let then = self.after_save.take();
                self.request_save(ctx, path, SaveOrigin::Picked, then);
            }
            (DialogKind::SavePdf, Some(path)) => {
                self.commands.push(Command::SavePdfToPath(path));
            }
            (DialogKind::Eligibility, Some(path)) => {
                self.commands.push(Command::ReadEligibility(path));
            }
            (DialogKind::Eligibility, None) => {}
            (kind, None) if unavailable => {
                let note = Some("No file dialog is available here: type the path instead.".into());
                if kind == DialogKind::SavePdf {
                    let suggestion = self.document_dir().map(|d| d.join(self.print.file_name()));
                    self.panels.path_window.show_for_pdf(suggestion, note);
                } else {
                    let suggestion = self.document_dir();
                    self.panels.path_window.show_with(suggestion, note);
                }
            }
            (_, None) => self.after_save = None,
        }
    }
}

/// The right panel's space ("Why this number"), or its closed strip; the open
/// panel's content rectangle, to be filled by [`details_body`].
fn details_space(ui: &mut Ui, panel_state: &mut Panels, wide: bool) -> Option<egui::Rect> {
    if panel_state.details_open.unwrap_or(wide) {
        let panel = egui::Panel::right("details")
            .resizable(true)
            .default_size(250.0)
            .size_range(200.0..=520.0)
            .show(ui, |ui| {
                let rect = ui.max_rect();
                ui.allocate_space(ui.available_size());
                rect
            });
        return Some(panel.inner);
    }
    egui::Panel::right("details_closed")
        .resizable(false)
        .exact_size(30.0)
        .show(ui, |ui| {
            if panels::details::toggle_ui(ui, false) {
                panel_state.details_open = Some(true);
            }
        });
    None
}

/// The right panel's contents, drawn into the space [`details_space`] kept.
fn details_body(
    ui: &mut Ui,
    rect: egui::Rect,
    panel_state: &mut Panels,
    pctx: &PanelCtx<'_>,
    out: &mut Commands,
) {
    let body = egui::UiBuilder::new()
        .id_salt("details_body")
        .max_rect(rect)
        .layout(egui::Layout::top_down(egui::Align::Min));
    let mut ui = ui.new_child(body);
    ui.set_clip_rect(rect);
    if panels::details::toggle_ui(&mut ui, true) {
        panel_state.details_open = Some(false);
    }
    match pctx.state.view {
        View::Plan => panels::details::details_ui(&mut ui, pctx, out),
        View::Compare => panels::compare::compare_details_ui(&mut ui, pctx),
    }
}

impl eframe::App for FerruleApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        FerruleApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
        // eframe rewrites the file in place after this, keeping its permissions;
        // this makes it owner-only again should it have been removed meanwhile.
        if let Some(file) = &self.settings_file
            && let Err(e) = library::prepare_private_file(file)
        {
            self.state.error(format!(
                "The settings file {} could not be made private: {e}",
                file.display()
            ));
        }
    }

    /// egui's own memory (window positions, widget state) is not kept: only
    /// [`Prefs`] and the window geometry are.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}
