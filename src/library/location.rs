//! Where the library lives: `--library`, else `FERRULE_LIBRARY`, else the current
//! folder when it has `plans/`, else a per-user data folder seeded on first use from
//! the sample library built into the binary. Also the one place that reads the
//! process environment ([`Environment::read`]).
#![allow(
    clippy::disallowed_methods,
    reason = "finding folders reads the environment and the file system"
)]

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use super::write::{create_private_dir, write_atomic};
use super::{SAMPLE_FILES, practice};

/// What Ferrule reads from the process environment. `main` reads it once and
/// passes it down; nothing else reads environment variables.
#[derive(Clone, Debug)]
pub struct Environment {
    /// `FERRULE_LIBRARY`: the library folder, when set.
    pub library: Option<OsString>,
    /// `XDG_DATA_HOME`.
    pub xdg_data_home: Option<OsString>,
    /// `XDG_CONFIG_HOME`.
    pub xdg_config_home: Option<OsString>,
    /// `HOME`.
    pub home: Option<OsString>,
    /// `XDG_STATE_HOME` (recovery files).
    pub xdg_state_home: Option<OsString>,
    /// `FERRULE_START_VIEW`: the view the app opens in (for screenshots and demos).
    pub start_view: Option<String>,
    /// The current folder, or why it could not be read.
    pub current_dir: Result<PathBuf, String>,
}

impl Environment {
    /// Reads the variables above and the current folder.
    pub fn read() -> Environment {
        Environment {
            library: std::env::var_os("FERRULE_LIBRARY"),
            xdg_data_home: std::env::var_os("XDG_DATA_HOME"),
            xdg_config_home: std::env::var_os("XDG_CONFIG_HOME"),
            home: std::env::var_os("HOME"),
            xdg_state_home: std::env::var_os("XDG_STATE_HOME"),
            start_view: std::env::var("FERRULE_START_VIEW").ok(),
            current_dir: std::env::current_dir().map_err(|e| e.to_string()),
        }
    }

    /// The library folder by the rules in the module doc, `flag` being `--library`.
    pub fn library_dir(&self, flag: Option<&Path>) -> Result<PathBuf, LibraryError> {
        let cwd = self
            .current_dir
            .as_ref()
            .map_err(|e| LibraryError::CurrentDir(e.clone()))?;
        let data = user_data_dir(self.xdg_data_home.clone(), self.home.clone());
        resolve_library_dir(flag, self.library.clone(), cwd, data)
    }

    /// Where recovery files of unsaved work go (see [`super::recovery::recovery_dir`]).
    pub fn recovery_dir(&self) -> Option<PathBuf> {
        super::recovery::recovery_dir(self.xdg_state_home.clone(), self.home.clone())
    }

    /// The default folder for patients' treatment plans, `<documents>/Ferrule
    /// Patients` (see [`documents_dir`]), created owner-only (0700) when missing;
    /// without a home folder, `<per-user data folder>/patients`. None when there
    /// is neither or it cannot be created.
    pub fn patients_dir(&self) -> Option<PathBuf> {
        let dir = match documents_dir(self.xdg_config_home.clone(), self.home.clone()) {
            Some(documents) => documents.join(PATIENTS_FOLDER_NAME),
            None => user_data_dir(self.xdg_data_home.clone(), self.home.clone())?.join("patients"),
        };
        create_private_dir(&dir).ok()?;
        Some(dir)
    }

    /// The file the desktop app keeps its settings and recent files in (eframe's
    /// `app.ron`), in the per-user data folder; None without one.
    pub fn app_state_path(&self) -> Option<PathBuf> {
        Some(user_data_dir(self.xdg_data_home.clone(), self.home.clone())?.join("app.ron"))
    }

    /// Where the practice settings file is (see [`practice::config_path`]).
    pub fn practice_settings_path(&self) -> Option<PathBuf> {
        practice::config_path(self.xdg_config_home.clone(), self.home.clone())
    }
}

/// The name of the patient folder inside the user's documents folder.
pub const PATIENTS_FOLDER_NAME: &str = "Ferrule Patients";

/// The user's documents folder: `XDG_DOCUMENTS_DIR` from `user-dirs.dirs` in the
/// config folder (as desktops set it, `$HOME` expanded), else `~/Documents`; None
/// without a home folder.
pub fn documents_dir(xdg_config_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let home = PathBuf::from(home.filter(|h| !h.is_empty())?);
    let config = xdg_config_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .unwrap_or_else(|| home.join(".config"));
    let from_desktop = super::read::read_text(&config.join("user-dirs.dirs"))
        .ok()
        .and_then(|text| documents_in_user_dirs(&text, &home));
    Some(from_desktop.unwrap_or_else(|| home.join("Documents")))
}

/// The documents folder named in the text of a `user-dirs.dirs` file: the line
/// `XDG_DOCUMENTS_DIR="$HOME/Documents"`. A folder set to the home folder itself
/// means "none" in that file, and gives None here.
pub fn documents_in_user_dirs(text: &str, home: &Path) -> Option<PathBuf> {
    let value = text
        .lines()
        .map(str::trim)
        .find_map(|line| line.strip_prefix("XDG_DOCUMENTS_DIR="))?
        .trim()
        .trim_matches('"');
    let path = match value.strip_prefix("$HOME") {
        Some(rest) => home.join(rest.trim_start_matches('/')),
        None => PathBuf::from(value),
    };
    (path.is_absolute() && path != home && path != Path::new("/")).then_some(path)
}

/// Why no library folder could be found or prepared.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The current folder could not be read.
    #[error("cannot read the current folder: {0}")]
    CurrentDir(String),
    /// The folder named by `--library` or `FERRULE_LIBRARY` does not exist.
    #[error("library folder {0} does not exist")]
    Missing(PathBuf),
    /// No home or data folder to put the per-user library in.
    #[error("no per-user data folder: set HOME, XDG_DATA_HOME or FERRULE_LIBRARY")]
    NoDataDir,
    /// The per-user library could not be written.
    #[error("cannot prepare the library in {path}: {source}")]
    Seed {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

/// Ferrule's per-user data folder: `$XDG_DATA_HOME/ferrule` or
/// `~/.local/share/ferrule`.
pub fn user_data_dir(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    xdg_data_home
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            home.filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local/share"))
        })
        .map(|base| base.join("ferrule"))
}

/// Picks the library folder by the rules in the module doc; seeds the per-user
/// folder when it is the one picked and has no `plans/` yet.
pub fn resolve_library_dir(
    flag: Option<&Path>,
    env: Option<OsString>,
    cwd: &Path,
    data_dir: Option<PathBuf>,
) -> Result<PathBuf, LibraryError> {
    if let Some(dir) = flag
        .map(Path::to_path_buf)
        .or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
    {
        return if dir.is_dir() {
            Ok(dir)
        } else {
            Err(LibraryError::Missing(dir))
        };
    }
    if cwd.join("plans").is_dir() {
        return Ok(cwd.to_path_buf());
    }
    let data_dir = data_dir.ok_or(LibraryError::NoDataDir)?;
    let dir = data_dir.join("library");
    if !dir.join("plans").is_dir() {
        // The data folder also holds the app's list of recent (patient) files.
        create_private_dir(&data_dir)
            .and_then(|()| seed_library(&dir))
            .map_err(|source| LibraryError::Seed {
                path: dir.clone(),
                source,
            })?;
    }
    Ok(dir)
}

/// Writes the built-in sample library into `dir` (existing files are kept).
pub fn seed_library(dir: &Path) -> io::Result<()> {
    for (rel, text) in SAMPLE_FILES {
        let path = dir.join(rel);
        if path.exists() {
            continue;
        }
        if let Some(parent) = path.parent() {
            // Owner-only: assets/samples/ holds (fictional) patient files.
            create_private_dir(parent)?;
        }
        write_atomic(&path, text.as_bytes())?;
    }
    Ok(())
}
