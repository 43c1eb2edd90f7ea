//! Where the library lives: `--library`, else `FERRULE_LIBRARY`, else the current
//! folder when it has `plans/`, else a per-user data folder seeded on first use from
//! the sample library built into the binary.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::SAMPLE_FILES;

/// Why no library folder could be found or prepared.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
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
    let dir = data_dir.ok_or(LibraryError::NoDataDir)?.join("library");
    if !dir.join("plans").is_dir() {
        seed_library(&dir).map_err(|source| LibraryError::Seed {
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
            fs::create_dir_all(parent)?;
        }
        super::write_atomic(&path, text.as_bytes())?;
    }
    Ok(())
}
