//! The practice's own details for printed estimates: name, address, phone, tax id
//! and NPI, how long an estimate stays valid, the disclaimer printed under it, and
//! an optional logo. Kept in `practice.ron` in the user's config folder; a missing
//! file means the defaults, a broken one is a [`PracticeError`] naming the problem.

use std::io;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};

use crate::library::{self, Problem};

/// Practice name used until the office fills in its own.
pub const DEFAULT_NAME: &str = "Your dental practice";

/// Days an estimate stays valid unless the practice says otherwise.
pub const DEFAULT_VALIDITY_DAYS: u32 = 90;

/// The longest validity the settings accept (ten years).
pub const MAX_VALIDITY_DAYS: u32 = 3650;

/// Disclaimer printed when the practice has not written its own. Paragraphs are
/// separated by blank lines; the first sentence is the one patients must not miss.
pub const DEFAULT_DISCLAIMER: &str = "\
This is an estimate, not a guarantee of payment. Your insurance plan decides what it pays only when the claim is processed, under the plan terms in effect on the day of treatment.

The figures use the benefit and history information we had on the date this estimate was prepared. Claims from other dental offices, changes to your plan or eligibility, frequency limits and coordination with other coverage can change what your plan pays.

You are responsible for any amount your insurance does not pay, within the limits of our contract with your plan, if we have one. If you would like the plan's own answer before treatment, we can send it a request for a predetermination. The fees on this estimate are honored until the valid-until date shown above.";

/// What the office prints at the top and bottom of a patient estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PracticeSettings {
    /// Practice name, printed large at the top.
    pub name: String,
    /// Street address, one entry per printed line.
    pub address_lines: Vec<String>,
    /// Phone number as it should be printed.
    pub phone: String,
    /// Tax id (TIN/EIN), printed when set.
    pub tax_id: Option<String>,
    /// National Provider Identifier, printed when set.
    pub npi: Option<String>,
    /// How many days after the prepared date the estimate stays valid.
    pub validity_days: u32,
    /// Printed under the estimate; blank lines separate paragraphs.
    pub disclaimer: String,
    /// A PNG or JPEG printed beside the practice name; a relative path is taken
    /// from the folder of the settings file.
    pub logo: Option<PathBuf>,
}

impl Default for PracticeSettings {
    fn default() -> Self {
        PracticeSettings {
            name: DEFAULT_NAME.to_string(),
            address_lines: Vec::new(),
            phone: String::new(),
            tax_id: None,
            npi: None,
            validity_days: DEFAULT_VALIDITY_DAYS,
            disclaimer: DEFAULT_DISCLAIMER.to_string(),
            logo: None,
        }
    }
}

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
    /// The settings could not be turned into RON.
    #[error("cannot write the practice settings as RON: {0}")]
    Serialize(String),
}

impl PracticeSettings {
    /// Reads the settings from `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<PracticeSettings, PracticeError> {
        match std::fs::read_to_string(path) {
            Ok(text) => PracticeSettings::parse(path, &text),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(PracticeSettings::default()),
            Err(source) => Err(PracticeError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Parses settings text (`path` is only used in messages). Fields left out
    /// keep their defaults; `Some(..)` may be left out around optional values.
    pub fn parse(path: &Path, text: &str) -> Result<PracticeSettings, PracticeError> {
        let settings: PracticeSettings = ron::Options::default()
            .with_default_extension(Extensions::IMPLICIT_SOME)
            .from_str(text)
            .map_err(|e| PracticeError::Invalid(Problem::from_ron(path, &e)))?;
        settings.check().map_err(|message| PracticeError::Value {
            path: path.to_path_buf(),
            message,
        })?;
        Ok(settings)
    }

    /// Saves the settings atomically (owner-only on Unix), creating the folder.
    pub fn save(&self, path: &Path) -> Result<(), PracticeError> {
        self.check().map_err(|message| PracticeError::Value {
            path: path.to_path_buf(),
            message,
        })?;
        let text = library::to_ron(self).map_err(|e| PracticeError::Serialize(e.to_string()))?;
        let write_error = |source| PracticeError::Write {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(write_error)?;
        }
        library::write_atomic(path, text.as_bytes()).map_err(write_error)
    }

    /// A message when a value is out of range.
    fn check(&self) -> Result<(), String> {
        if self.validity_days == 0 || self.validity_days > MAX_VALIDITY_DAYS {
            return Err(format!(
                "validity_days is {}: expected a number of days from 1 to {MAX_VALIDITY_DAYS}",
                self.validity_days
            ));
        }
        Ok(())
    }

    /// The disclaimer as paragraphs (split on blank lines, inner line breaks
    /// joined), without empty ones.
    pub fn disclaimer_paragraphs(&self) -> Vec<String> {
        paragraphs(&self.disclaimer)
    }
}

/// Splits text into paragraphs on blank lines; lines inside one are joined by a space.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// Where the practice settings live: `$XDG_CONFIG_HOME/ferrule/practice.ron`, else
/// `~/.config/ferrule/practice.ron`; None when neither variable gives a folder.
/// The only place that reads the environment for these settings.
pub fn default_path() -> Option<PathBuf> {
    config_path(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

/// The pure rule behind [`default_path`]: a relative or empty `XDG_CONFIG_HOME` is
/// ignored, as the XDG specification says.
pub fn config_path(
    xdg_config_home: Option<std::ffi::OsString>,
    home: Option<std::ffi::OsString>,
) -> Option<PathBuf> {
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
        let s = PracticeSettings::parse(Path::new("p.ron"), "()").unwrap();
        assert_eq!(s, PracticeSettings::default());
        let s = PracticeSettings::parse(
            Path::new("p.ron"),
            r#"PracticeSettings(name: "Bright Smiles", npi: "1234567890")"#,
        )
        .unwrap();
        assert_eq!(s.name, "Bright Smiles");
        assert_eq!(s.npi.as_deref(), Some("1234567890"));
        assert_eq!(s.validity_days, 90);
    }

    #[test]
    fn unknown_fields_and_bad_values_are_named() {
        let e = PracticeSettings::parse(Path::new("p.ron"), "(nmae: \"x\")").unwrap_err();
        assert!(e.to_string().starts_with("p.ron:1:"), "{e}");
        assert!(e.to_string().contains("nmae"), "{e}");
        let e = PracticeSettings::parse(Path::new("p.ron"), "(validity_days: 0)").unwrap_err();
        assert!(e.to_string().contains("validity_days"), "{e}");
    }

    #[test]
    fn round_trips_through_ron() {
        let s = PracticeSettings {
            name: "Bright Smiles".into(),
            address_lines: vec!["1 Main St".into(), "Springfield, IL 62701".into()],
            tax_id: Some("12-3456789".into()),
            ..PracticeSettings::default()
        };
        let text = library::to_ron(&s).unwrap();
        assert_eq!(
            PracticeSettings::parse(Path::new("p.ron"), &text).unwrap(),
            s
        );
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

    #[test]
    fn disclaimer_splits_into_paragraphs() {
        let p = paragraphs("One\ntwo.\n\n  \nThree.");
        assert_eq!(p, vec!["One two.".to_string(), "Three.".to_string()]);
        assert_eq!(PracticeSettings::default().disclaimer_paragraphs().len(), 3);
    }
}
