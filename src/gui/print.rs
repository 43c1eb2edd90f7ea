//! Printing: the print preview's state (paper, page, the laid-out estimate cached
//! by revision), the practice settings it prints with, and handing the saved PDF
//! to the system's viewer. The layout and the PDF are the export module's; the
//! preview only draws the layout.

use std::path::{Path, PathBuf};

use crate::engine;
use crate::export::{self, HandoutPrintout, Layout, Logo, Paper, Printout};
use crate::library::practice;
use crate::library::printer::Printers;
use crate::model::{Language, OptionId, PracticeSettings};
use crate::report::PrintedEstimate;
use crate::report::printed::{Handout, HandoutSources};

use super::state::AppState;

/// The practice details printed on estimates, with the logo read once.
#[derive(Clone, Debug, Default)]
pub struct Practice {
    /// Name, address, disclaimer, validity.
    pub settings: PracticeSettings,
    /// The logo, when set and readable.
    pub logo: Option<Logo>,
    /// What went wrong reading them (shown in the preview), if anything.
    pub warning: Option<String>,
    /// The settings file they were read from and are saved to; None when there
    /// is no config folder (the settings cannot be saved then).
    pub path: Option<PathBuf>,
}

impl Practice {
    /// Reads the settings from `path` (their default path, as `ferrule print`
    /// uses); the defaults when there is none.
    pub fn load(path: Option<PathBuf>) -> Practice {
        match path {
            Some(path) => Practice::load_from(path),
            None => Practice::default(),
        }
    }

    /// Reads the settings from `path` (a missing file gives the defaults); saving
    /// them from the app writes there. Problems become a warning and the defaults
    /// are used.
    pub fn load_from(path: PathBuf) -> Practice {
        let mut warning = None;
        let settings = practice::load(&path).unwrap_or_else(|e| {
            warning = Some(format!("{e}; printing with the default practice details"));
            PracticeSettings::default()
        });
        let mut practice = Practice::with_settings(settings, Some(path));
        if practice.warning.is_none() {
            practice.warning = warning;
        }
        practice
    }

    /// These settings, kept at `path`: a relative logo path is relative to the
    /// settings file, and the logo is read now (a problem becomes the warning).
    pub fn with_settings(mut settings: PracticeSettings, path: Option<PathBuf>) -> Practice {
        if let Some(path) = &path {
            settings = settings.with_logo_beside(path);
        }
        let mut warning = None;
        let logo = match settings.logo.as_deref() {
            Some(path) => match practice::read_logo(path) {
                Ok(bytes) => match Logo::from_bytes(bytes) {
                    Ok(logo) => Some(logo),
                    Err(e) => {
                        warning = Some(format!("{}: {e}; printing without it", path.display()));
                        None
                    }
                },
                Err(e) => {
                    warning = Some(format!("{e}; printing without it"));
                    None
                }
            },
            None => None,
        };
        Practice {
            settings,
            logo,
            warning,
            path,
        }
    }
}

/// What the preview, the printer and the first-print questions are asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintJob {
    /// Open the preview on the options handout (the compare view's Print).
    Handout,
    /// Print on this printer.
    Printer(String),
    /// This many copies.
    Copies(u32),
    /// Send what the preview shows to the chosen printer.
    Send,
    /// Ask the print service for its printers again.
    RefreshPrinters,
    /// Do not ask for the practice's details before printing again (this
    /// workstation).
    PracticeLater,
    /// Print in this language this time; None: the patient's.
    Language(Option<Language>),
}

/// What the preview shows: one option's estimate, or the options handout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Printable {
    /// One option's estimate.
    Estimate(Printout),
    /// Every option side by side, then each in detail.
    Handout(HandoutPrintout),
}

impl Printable {
    /// Its pages on `paper`.
    pub fn layout(&self, paper: Paper) -> Result<Layout, String> {
        match self {
            Printable::Estimate(p) => export::layout_estimate(p, paper),
            Printable::Handout(h) => export::layout_handout(h, paper),
        }
        .map_err(|e| e.to_string())
    }

    /// The PDF.
    pub fn pdf(&self, paper: Paper) -> Result<Vec<u8>, String> {
        match self {
            Printable::Estimate(p) => export::estimate_pdf(p, paper),
            Printable::Handout(h) => export::handout_pdf(h, paper),
        }
        .map_err(|e| e.to_string())
    }

    /// A file name for the PDF.
    pub fn file_name(&self) -> String {
        match self {
            Printable::Estimate(p) => format!("{}.pdf", p.estimate.estimate_id),
            Printable::Handout(h) => match h.handout.details.first() {
                Some(first) => format!("{}-options.pdf", first.estimate_id),
                None => "options.pdf".to_string(),
            },
        }
    }
}

/// The print preview window's state.
#[derive(Debug, Default)]
pub struct PrintPreview {
    /// Shown when true.
    pub open: bool,
    /// True: the options handout; false: the shown option's estimate.
    pub handout: bool,
    /// Paper size.
    pub paper: Paper,
    /// The page shown (0-based).
    pub page: usize,
    key: Option<(u64, u64, OptionId, Paper, bool, Option<Language>)>,
    /// What is printed.
    pub printed: Option<Result<Printable, String>>,
    /// Its layout on `paper`.
    pub layout: Option<Result<Layout, String>>,
    /// How many times the layout was made (tests check drawing does not redo it).
    pub computed: u64,
    /// The printers the print service listed when the preview opened (an error
    /// when it could not be asked).
    pub printers: Option<Result<Printers, String>>,
    /// The chosen printer (remembered for this workstation).
    pub printer: Option<String>,
    /// Copies to print.
    pub copies: u32,
    /// The language chosen for this print; None: the patient's.
    pub language: Option<Language>,
}

impl PrintPreview {
    /// Lays the shown option out again when the document, library, option or paper
    /// changed.
    pub fn refresh(&mut self, state: &AppState, practice: &Practice) {
        if !self.open {
            return;
        }
        let key = (
            state.document_revision,
            state.library_revision,
            state.selected_option,
            self.paper,
            self.handout,
            self.language,
        );
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.computed += 1;
        let language = self.language_for(state);
        let printed = if self.handout {
            handout(state, practice, language).map(Printable::Handout)
        } else {
            printed_estimate(state, practice, language).map(Printable::Estimate)
        };
        self.layout = Some(
            printed
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|p| p.layout(self.paper)),
        );
        self.printed = Some(printed);
        let pages = self.page_count();
        if self.page >= pages {
            self.page = pages.saturating_sub(1);
        }
    }

    /// The language it prints in: the one chosen for this print, else the
    /// patient's, else English.
    pub fn language_for(&self, state: &AppState) -> Language {
        self.language
            .or(state.document.plan.patient.language)
            .unwrap_or_default()
    }

    /// Lays the estimate out again on the next refresh (the practice details
    /// changed, which the cache key does not see).
    pub fn mark_stale(&mut self) {
        self.key = None;
    }

    /// The layout, when it could be made.
    pub fn layout(&self) -> Option<&Layout> {
        self.layout.as_ref().and_then(|r| r.as_ref().ok())
    }

    /// Number of pages (0 without a layout).
    pub fn page_count(&self) -> usize {
        self.layout().map_or(0, |l| l.pages.len())
    }

    /// The PDF of what the preview shows.
    pub fn pdf(&self) -> Result<Vec<u8>, String> {
        match &self.printed {
            Some(Ok(printed)) => printed.pdf(self.paper),
            Some(Err(e)) => Err(e.clone()),
            None => Err("nothing to print".to_string()),
        }
    }

    /// A file name for the PDF: the estimate number.
    pub fn file_name(&self) -> String {
        match &self.printed {
            Some(Ok(p)) => p.file_name(),
            _ => "estimate.pdf".to_string(),
        }
    }
}

/// Why nothing is printed while a problem changes or hides a price.
pub const BLOCKED: &str = "This plan has problems that change the numbers (marked × in the table and listed below): fix them before printing.";

/// The printed estimate of the shown option, prepared today, from the cached
/// engine result (the same numbers the screen shows).
pub fn printed_estimate(
    state: &AppState,
    practice: &Practice,
    language: Language,
) -> Result<Printout, String> {
    if state.estimates.blocked() {
        return Err(BLOCKED.to_string());
    }
    let plan = &state.document.plan;
    let index = state.selected_option;
    let option = state
        .option()
        .ok_or_else(|| "this plan has no treatment options".to_string())?;
    let estimate = state.estimates.option(index).ok_or_else(|| {
        state
            .estimates
            .option_error(index)
            .map_or_else(|| "no estimate".to_string(), str::to_string)
    })?;
    let printed = PrintedEstimate::new_in(
        &practice.settings,
        plan,
        &state.library,
        option,
        estimate,
        state.today,
        language,
    );
    Ok(Printout::new(printed, practice.logo.clone()))
}

/// The options handout: every option under the patient's own coverage, priced
/// on its own as the compare view does, with the benefit-year advice.
pub fn handout(
    state: &AppState,
    practice: &Practice,
    language: Language,
) -> Result<HandoutPrintout, String> {
    if state.estimates.blocked() {
        return Err(BLOCKED.to_string());
    }
    let (plan, lib, day) = (&state.document.plan, &state.library, state.today);
    let scenarios = engine::scenarios_for(plan, &[], &[], day).map_err(|e| e.to_string())?;
    let comparison = engine::compare(lib, plan, &scenarios, day).map_err(|e| e.to_string())?;
    let advice = scenarios
        .iter()
        .map(|s| engine::advise(lib, plan, s.option, day).map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let handout = Handout::new(&HandoutSources {
        practice: &practice.settings,
        plan,
        library: lib,
        comparison: &comparison,
        advice: &advice,
        prepared: day,
        language,
    })
    .ok_or_else(|| "this plan has no treatment options".to_string())?;
    Ok(HandoutPrintout {
        handout,
        logo: practice.logo.clone(),
    })
}

/// Opens a file in the system's viewer without waiting for it. Returns why it
/// could not be started.
pub fn open_in_viewer(path: &Path) -> Result<(), String> {
    let mut command = viewer_command(path);
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot start {:?}: {e}", command.get_program()))?;
    // Reap the viewer launcher when it exits, so it does not linger as a zombie.
    std::thread::Builder::new()
        .name("viewer".into())
        .spawn(move || child.wait())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[allow(clippy::disallowed_methods)] // the system's viewer opens the saved PDF
fn viewer_command(path: &Path) -> std::process::Command {
    let path: PathBuf = path.to_path_buf();
    if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.arg("/C").arg("start").arg("").arg(path);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(path);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(path);
        c
    }
}
