//! What the app remembers between runs: theme, zoom, recent files, the printer
//! and whether to ask for the practice's details before printing. Never the
//! document: patient data lives only in the files the user saves.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::export::Paper;

/// The key under which eframe stores [`Prefs`].
pub const PREFS_KEY: &str = "ferrule-prefs";

/// How many recent files the File menu lists.
const RECENT_LIMIT: usize = 8;

/// Light, dark, or follow the system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

impl ThemeChoice {
    /// The egui theme preference.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Remembered settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Theme.
    pub theme: ThemeChoice,
    /// egui zoom factor (1.0 = normal).
    pub zoom: f32,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The printer, copies and paper last printed with on this workstation.
    pub printing: PrintingPrefs,
    /// True once the desk chose "Later" when asked for the practice's details
    /// before the first print (not asked again on this workstation).
    pub practice_later: bool,
}

/// How this workstation prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PrintingPrefs {
    /// The printer's name as the print service lists it; None: the default.
    pub printer: Option<String>,
    /// Copies (1 to 99).
    pub copies: u32,
    /// Paper size.
    pub paper: Paper,
}

impl Default for PrintingPrefs {
    fn default() -> PrintingPrefs {
        PrintingPrefs {
            printer: None,
            copies: 1,
            paper: Paper::Letter,
        }
    }
}

impl Default for Prefs {
    fn default() -> Prefs {
        Prefs {
            theme: ThemeChoice::System,
            zoom: 1.0,
            recent: Vec::new(),
            printing: PrintingPrefs::default(),
            practice_later: false,
        }
    }
}

impl Prefs {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Applies theme and zoom to the context.
    pub fn apply(&self, ctx: &egui::Context) {
        ctx.set_theme(self.theme.preference());
        // A zoom outside this range comes from a damaged settings file; ignore it.
        if (0.5..=3.0).contains(&self.zoom) {
            ctx.set_zoom_factor(self.zoom);
        }
    }
}

/// The keyboard focus ring: 2 pixels in the theme's selection colour (dark blue
/// on light, light blue on dark), clear against the panels in both themes.
pub fn focus_stroke(visuals: &egui::Visuals) -> egui::Stroke {
    egui::Stroke::new(2.0, visuals.selection.stroke.color)
}

/// Draws the focus ring around the widget that has the keyboard (any kind:
/// button, field, combo box, check box, table row), on top of it in its own
/// layer, so it is seen whatever the widget draws for itself. Nothing moves:
/// the ring is outside the layout.
pub fn paint_focus_ring(ctx: &egui::Context) {
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return;
    };
    // `read_response` also does the widget's interaction: in a frame with a
    // press or click elsewhere it would take the keyboard from a field that has
    // just asked for it (a menu item that focuses a field). One frame without
    // the ring is not seen: a click always draws again.
    let pressed = ctx.input(|i| i.pointer.any_pressed() || i.pointer.any_click());
    if pressed {
        return;
    }
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    // Only the part in view (a field half scrolled out of its panel).
    let shown = response.interact_rect;
    if !shown.is_positive() {
        return;
    }
    let stroke = focus_stroke(&ctx.global_style().visuals);
    ctx.layer_painter(response.layer_id).rect_stroke(
        shown.expand(1.0),
        egui::CornerRadius::same(3),
        stroke,
        egui::StrokeKind::Outside,
    );
}
