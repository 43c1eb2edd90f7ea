//! Fee schedules (office, contracted, allowance, scheduled, copay) and the code
//! catalogue, as read from `fee-schedules/*.ron` and `assets/cdt-codes.ron`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::code::{AreaKind, CdtCode, ProcedureClass};
use super::treatment_plan::Language;
use crate::money::Cents;

/// One fee schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeSchedule {
    /// File format version (1).
    pub format: u32,
    /// Stable id plans refer to, e.g. "summit-ppo-2026".
    pub id: String,
    /// Name for people.
    pub name: String,
    /// What the amounts mean.
    pub kind: FeeScheduleKind,
    /// Amount per code. A code may appear only once. With `versions`, these are
    /// the fees in force before the first version's date.
    #[serde(deserialize_with = "super::unique_map::unique_map")]
    pub fees: BTreeMap<CdtCode, Cents>,
    /// Later versions of the whole list, each in force from its date on (the 2027
    /// contracted fees from January 1, 2027). A version lists every fee it has:
    /// a code it leaves out has no amount on or after its date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<FeeVersion>,
    /// Free text for people (where the fees came from); never read by the engine.
    /// Kept when a program rewrites the file, unlike comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// One dated version of a fee schedule's amounts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeVersion {
    /// Name for people: "2027 fees".
    pub name: String,
    /// The first date of service it prices.
    pub effective: NaiveDate,
    /// Amount per code, the whole list. A code may appear only once.
    #[serde(deserialize_with = "super::unique_map::unique_map")]
    pub fees: BTreeMap<CdtCode, Cents>,
}

impl FeeSchedule {
    /// The amount listed for `code` in the first list (`fees`), if any.
    pub fn fee(&self, code: CdtCode) -> Option<Cents> {
        self.fees.get(&code).copied()
    }

    /// The dated version in force on `date`: the latest one that starts on or
    /// before it; None when `fees` (the first list) is in force.
    pub fn version_on(&self, date: NaiveDate) -> Option<&FeeVersion> {
        self.versions
            .iter()
            .filter(|v| v.effective <= date)
            .max_by_key(|v| v.effective)
    }

    /// The amount for `code` on a date of service, from the version in force.
    pub fn fee_on(&self, code: CdtCode, date: NaiveDate) -> Option<Cents> {
        self.version_on(date)
            .map_or(&self.fees, |v| &v.fees)
            .get(&code)
            .copied()
    }

    /// The first date a version takes over from `fees`, if the schedule has one.
    pub fn first_version_date(&self) -> Option<NaiveDate> {
        self.versions.iter().map(|v| v.effective).min()
    }
}

/// What the amounts of a fee schedule mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeeScheduleKind {
    /// The practice's own fees (UCR, "full fee").
    Office,
    /// A PPO's contracted (allowed) fees for in-network offices.
    Contracted,
    /// A plan's allowance for out-of-network or indemnity claims (R&C, MPA).
    Allowance,
    /// Fixed dollar benefits per code.
    Scheduled,
    /// DHMO patient copays.
    Copay,
}

impl FeeScheduleKind {
    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            FeeScheduleKind::Office => "office fees",
            FeeScheduleKind::Contracted => "contracted fees",
            FeeScheduleKind::Allowance => "plan allowances",
            FeeScheduleKind::Scheduled => "fixed benefits",
            FeeScheduleKind::Copay => "member copays",
        }
    }
}

/// The code catalogue: every code Ferrule knows, with our own names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeCatalogue {
    /// File format version (1).
    pub format: u32,
    /// The codes, sorted.
    pub codes: Vec<CodeInfo>,
}

/// One catalogue entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeInfo {
    /// The code.
    pub code: CdtCode,
    /// Short name for staff.
    pub name: String,
    /// Plain words for patients (printed estimates).
    pub patient_text: String,
    /// The same in Spanish, for Spanish papers (English when missing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_text_es: Option<String>,
    /// Class of service.
    pub class: ProcedureClass,
    /// What kind of area a line with this code names.
    pub area: AreaKind,
}

impl CodeInfo {
    /// The patient's words for this code in `language` (English when the
    /// catalogue has no Spanish for it).
    pub fn patient_words(&self, language: Language) -> &str {
        match (language, &self.patient_text_es) {
            (Language::Spanish, Some(es)) if !es.trim().is_empty() => es,
            _ => &self.patient_text,
        }
    }
}

impl CodeCatalogue {
    /// The entry for `code`.
    pub fn get(&self, code: CdtCode) -> Option<&CodeInfo> {
        self.codes
            .binary_search_by_key(&code, |c| c.code)
            .ok()
            .and_then(|i| self.codes.get(i))
    }

    /// The class of `code`: from the catalogue, else by its number range.
    pub fn class_of(&self, code: CdtCode) -> ProcedureClass {
        self.get(code)
            .map_or_else(|| code.default_class(), |c| c.class)
    }

    /// Staff name of `code`, or a placeholder for unknown codes.
    pub fn name_of(&self, code: CdtCode) -> String {
        self.get(code)
            .map_or_else(|| format!("{code} (not in catalogue)"), |c| c.name.clone())
    }

    /// Sorts the entries so lookups work.
    pub fn sort(&mut self) {
        self.codes.sort_by_key(|c| c.code);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patient_words_are_spanish_when_there_are_some_else_english() {
        let mut info = CodeInfo {
            code: CdtCode::parse("D2790").unwrap(),
            name: "Full-cast gold crown".into(),
            patient_text: "Gold crown".into(),
            patient_text_es: Some("Corona de oro".into()),
            class: ProcedureClass::MajorRestorative,
            area: AreaKind::Tooth,
        };
        assert_eq!(info.patient_words(Language::Spanish), "Corona de oro");
        assert_eq!(info.patient_words(Language::English), "Gold crown");
        info.patient_text_es = Some("  ".into());
        assert_eq!(info.patient_words(Language::Spanish), "Gold crown");
        info.patient_text_es = None;
        assert_eq!(info.patient_words(Language::Spanish), "Gold crown");
    }
}
