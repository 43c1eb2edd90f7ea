//! Printing: the print preview's state (paper, page, the laid-out estimate cached
//! by revision), the practice settings it prints with, and handing the saved PDF
//! to the system's viewer. The layout and the PDF are the export module's; the
//! preview only draws the layout.

use std::path::{Path, PathBuf};

use crate::export::{self, Layout, Logo, Paper, Printout};
use crate::library::practice;
use crate::model::{OptionId, PracticeSettings};
use crate::report::PrintedEstimate;

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

/// The print preview window's state.
#[derive(Debug, Default)]
pub struct PrintPreview {
    /// Shown when true.
    pub open: bool,
    /// Paper size.
    pub paper: Paper,
    /// The page shown (0-based).
    pub page: usize,
    key: Option<(u64, u64, OptionId, Paper)>,
    /// The estimate as printed, for the shown option.
    pub printed: Option<Result<Printout, String>>,
    /// Its layout on `paper`.
    pub layout: Option<Result<Layout, String>>,
    /// How many times the layout was made (tests check drawing does not redo it).
    pub computed: u64,
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
        );
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.computed += 1;
        let printed = printed_estimate(state, practice);
        self.layout = Some(
            printed
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|p| export::layout_estimate(p, self.paper).map_err(|e| e.to_string())),
        );
        self.printed = Some(printed);
        let pages = self.page_count();
        if self.page >= pages {
            self.page = pages.saturating_sub(1);
        }
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
            Some(Ok(printed)) => {
                export::estimate_pdf(printed, self.paper).map_err(|e| e.to_string())
            }
            Some(Err(e)) => Err(e.clone()),
            None => Err("nothing to print".to_string()),
        }
    }

    /// A file name for the PDF: the estimate number.
    pub fn file_name(&self) -> String {
        match &self.printed {
            Some(Ok(p)) => format!("{}.pdf", p.estimate.estimate_id),
            _ => "estimate.pdf".to_string(),
        }
    }
}

/// Why nothing is printed while a problem changes or hides a price.
pub const BLOCKED: &str = "This plan has problems that change the numbers (marked × in the table and listed below): fix them before printing.";

/// The printed estimate of the shown option, prepared today, from the cached
/// engine result (the same numbers the screen shows).
pub fn printed_estimate(state: &AppState, practice: &Practice) -> Result<Printout, String> {
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
    let printed = PrintedEstimate::new(
        &practice.settings,
        plan,
        &state.library,
        option,
        estimate,
        state.today,
    );
    Ok(Printout::new(printed, practice.logo.clone()))
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
