//! The practice's own details for printed estimates: name, address, phone, tax id
//! and NPI, how long an estimate stays valid, the disclaimer printed under it, an
//! optional logo; also how the app shows dates and where patients' files are kept. Plain data; `crate::library::practice` reads and saves them
//! (`practice.ron` in the user's config folder).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::provider::{PracticeProviders, Provider, check_providers};

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
    /// How the app shows dates in its date fields (typing accepts both forms).
    pub date_style: DateStyle,
    /// Where patients' treatment plans are kept (a full path); None or blank:
    /// the default, "Ferrule Patients" in the user's documents folder.
    pub patients_folder: Option<PathBuf>,
    /// The practice's providers, with their own fee schedules if they have any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub providers: Vec<Provider>,
    /// The provider (id) of lines and plans that name none; None: the practice's
    /// own schedules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_provider: Option<String>,
}

/// How dates are shown in the app's date fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateStyle {
    /// 2026-03-14.
    Iso,
    /// 03/14/2026 (month first): what a US front desk reads and types.
    #[default]
    Us,
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
            date_style: DateStyle::Us,
            patients_folder: None,
            providers: Vec::new(),
            default_provider: None,
        }
    }
}

impl PracticeSettings {
    /// A message when a value is out of range.
    pub fn check(&self) -> Result<(), String> {
        if self.validity_days == 0 || self.validity_days > MAX_VALIDITY_DAYS {
            return Err(format!(
                "validity_days is {}: expected a number of days from 1 to {MAX_VALIDITY_DAYS}",
                self.validity_days
            ));
        }
        check_providers(&self.providers, self.default_provider.as_deref())?;
        if let Some(folder) = self.patients_folder()
            && !folder.is_absolute()
        {
            return Err(format!(
                "patients_folder is \"{}\": expected a full path, such as /home/office/Patients",
                folder.display()
            ));
        }
        Ok(())
    }

    /// The providers as pricing needs them (attached to the loaded library).
    pub fn practice_providers(&self) -> PracticeProviders {
        PracticeProviders {
            list: self.providers.clone(),
            default: self.default_provider.clone(),
        }
    }

    /// The patient folder the practice chose; None (blank or not set): the default.
    pub fn patients_folder(&self) -> Option<&Path> {
        self.patients_folder
            .as_deref()
            .filter(|p| !p.as_os_str().to_string_lossy().trim().is_empty())
    }

    /// The disclaimer as paragraphs (split on blank lines, inner line breaks
    /// joined), without empty ones.
    pub fn disclaimer_paragraphs(&self) -> Vec<String> {
        paragraphs(&self.disclaimer)
    }

    /// These settings as read from the file at `settings_path`: a relative logo
    /// path is taken from that file's folder.
    pub fn with_logo_beside(mut self, settings_path: &Path) -> PracticeSettings {
        if let (Some(logo), Some(dir)) = (&self.logo, settings_path.parent())
            && logo.is_relative()
        {
            self.logo = Some(dir.join(logo));
        }
        self
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disclaimer_splits_into_paragraphs() {
        let p = paragraphs("One\ntwo.\n\n  \nThree.");
        assert_eq!(p, vec!["One two.".to_string(), "Three.".to_string()]);
        assert_eq!(PracticeSettings::default().disclaimer_paragraphs().len(), 3);
    }

    #[test]
    fn a_relative_logo_is_beside_the_settings_file() {
        let with = |logo: &str| PracticeSettings {
            logo: Some(PathBuf::from(logo)),
            ..PracticeSettings::default()
        };
        let s = with("logo.png").with_logo_beside(Path::new("/cfg/ferrule/practice.ron"));
        assert_eq!(s.logo, Some(PathBuf::from("/cfg/ferrule/logo.png")));
        let s = with("/abs/logo.png").with_logo_beside(Path::new("/cfg/practice.ron"));
        assert_eq!(s.logo, Some(PathBuf::from("/abs/logo.png")));
    }

    #[test]
    fn a_blank_patient_folder_is_the_default_and_a_relative_one_is_refused() {
        let with = |folder: &str| PracticeSettings {
            patients_folder: Some(PathBuf::from(folder)),
            ..PracticeSettings::default()
        };
        assert_eq!(PracticeSettings::default().patients_folder(), None);
        assert_eq!(with("  ").patients_folder(), None);
        assert!(with("  ").check().is_ok());
        let office = with("/srv/office/Patients");
        assert_eq!(
            office.patients_folder(),
            Some(Path::new("/srv/office/Patients"))
        );
        assert!(office.check().is_ok());
        let e = with("Patients").check().unwrap_err();
        assert!(
            e.contains("patients_folder") && e.contains("full path"),
            "{e}"
        );
    }
}
