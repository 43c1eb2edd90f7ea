//! The practice settings file (`practice.ron` in the user's config folder) and the
//! logo it names: where they live, reading, checking and saving them. A missing
//! file means the defaults; a broken one is a [`PracticeError`] naming the problem.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use super::parse::{parse as parse_ron, to_ron};
use super::read::{MAX_LOGO_BYTES, read_bytes, read_text};
use super::write::{create_private_dir, write_atomic};
use crate::model::provider::PracticeProviders;
use crate::model::{PracticeSettings, Problem};

/// Why the practice settings could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum PracticeError {
    /// The file exists but could not be read.
    #[error("cannot read the practice settings {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The file is not valid RON for the settings (`path:line:col: message`).
    #[error("{0}")]
    Invalid(Problem),
    /// A value is out of range.
    #[error("{path}: {message}")]
    Value {
        /// The file.
        path: PathBuf,
        /// What is wrong and what is expected.
        message: String,
    },
    /// Writing failed; the previous file, if any, is untouched.
    #[error("cannot save the practice settings {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The logo file could not be read.
    #[error("cannot read the logo {path}: {source}")]
    Logo {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The settings could not be turned into RON.
    #[error("cannot write the practice settings as RON: {0}")]
    Serialize(String),
}

/// Reads the settings from `path`; a missing file gives the defaults.
pub fn load(path: &Path) -> Result<PracticeSettings, PracticeError> {
    match read_text(path) {
        Ok(text) => parse(path, &text),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(PracticeSettings::default()),
        Err(source) => Err(PracticeError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The providers of the practice settings at `path`, for pricing; none when
/// there is no settings file or it cannot be read (the print command and the
/// app report a broken file where they use it).
pub fn providers(path: Option<&Path>) -> PracticeProviders {
    path.and_then(|p| load(p).ok())
        .map_or_else(PracticeProviders::default, |s| s.practice_providers())
}

/// Parses settings text (`path` is only used in messages). Fields left out keep
/// their defaults; `Some(..)` may be left out around optional values.
pub fn parse(path: &Path, text: &str) -> Result<PracticeSettings, PracticeError> {
    let settings: PracticeSettings = parse_ron(path, text).map_err(PracticeError::Invalid)?;
    settings.check().map_err(|message| PracticeError::Value {
        path: path.to_path_buf(),
        message,
    })?;
    Ok(settings)
}

/// Saves the settings atomically (owner-only on Unix), creating the folder
/// owner-only.
pub fn save(path: &Path, settings: &PracticeSettings) -> Result<(), PracticeError> {
    settings.check().map_err(|message| PracticeError::Value {
        path: path.to_path_buf(),
        message,
    })?;
    let text = to_ron(settings).map_err(|e| PracticeError::Serialize(e.to_string()))?;
    let write_error = |source| PracticeError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir).map_err(write_error)?;
    }
    write_atomic(path, text.as_bytes()).map_err(write_error)
}

/// The bytes of the logo file (whether they are an image is for the PDF writer
/// to say).
pub fn read_logo(path: &Path) -> Result<Vec<u8>, PracticeError> {
    read_bytes(path, MAX_LOGO_BYTES).map_err(|source| PracticeError::Logo {
        path: path.to_path_buf(),
        source,
    })
}

/// Where the practice settings live: `$XDG_CONFIG_HOME/ferrule/practice.ron`, else
/// `~/.config/ferrule/practice.ron`; None when neither variable gives a folder. A
/// relative or empty `XDG_CONFIG_HOME` is ignored, as the XDG specification says.
pub fn config_path(xdg_config_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let base = xdg_config_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            home.map(PathBuf::from)
                .filter(|p| !p.as_os_str().is_empty())
                .map(|h| h.join(".config"))
        })?;
    Some(base.join("ferrule").join("practice.ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults_and_fields_keep_defaults() {
        let s = parse(Path::new("p.ron"), "()").unwrap();
        assert_eq!(s, PracticeSettings::default());
        let s = parse(
            Path::new("p.ron"),
            r#"PracticeSettings(name: "Bright Smiles", npi: "1234567890")"#,
        )
        .unwrap();
        assert_eq!(s.name, "Bright Smiles");
        assert_eq!(s.npi.as_deref(), Some("1234567890"));
        assert_eq!(s.validity_days, 90);
        // Without the setting, dates show month first, as US offices write them.
        assert_eq!(s.date_style, crate::model::DateStyle::Us);
    }

    #[test]
    fn unknown_fields_and_bad_values_are_named() {
        let e = parse(Path::new("p.ron"), "(nmae: \"x\")").unwrap_err();
        assert!(e.to_string().starts_with("p.ron:1:"), "{e}");
        assert!(e.to_string().contains("nmae"), "{e}");
        let e = parse(Path::new("p.ron"), "(validity_days: 0)").unwrap_err();
        assert!(e.to_string().contains("validity_days"), "{e}");
    }

    #[test]
    fn round_trips_through_ron() {
        let s = PracticeSettings {
            name: "Bright Smiles".into(),
            address_lines: vec!["1 Main St".into(), "Springfield, IL 62701".into()],
            tax_id: Some("12-3456789".into()),
            date_style: crate::model::DateStyle::Us,
            patients_folder: Some(PathBuf::from("/srv/office/Ferrule Patients")),
            ..PracticeSettings::default()
        };
        assert!(to_ron(&s).unwrap().contains("date_style: Us"));
        let text = to_ron(&s).unwrap();
        assert_eq!(parse(Path::new("p.ron"), &text).unwrap(), s);
    }

    #[test]
    fn config_path_follows_xdg() {
        assert_eq!(
            config_path(Some("/x".into()), Some("/home/a".into())),
            Some(PathBuf::from("/x/ferrule/practice.ron"))
        );
        assert_eq!(
            config_path(Some("rel".into()), Some("/home/a".into())),
            Some(PathBuf::from("/home/a/.config/ferrule/practice.ron"))
        );
        assert_eq!(config_path(None, None), None);
    }
}
