//! What the app remembers between runs: theme, zoom and recent files. Never the
//! document: patient data lives only in the files the user saves.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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
}

impl Default for Prefs {
    fn default() -> Prefs {
        Prefs {
            theme: ThemeChoice::System,
            zoom: 1.0,
            recent: Vec::new(),
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
