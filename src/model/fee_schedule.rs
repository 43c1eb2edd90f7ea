//! Fee schedules (office, contracted, allowance, scheduled, copay) and the code
//! catalogue, as read from `fee-schedules/*.ron` and `assets/cdt-codes.ron`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::code::{AreaKind, CdtCode, ProcedureClass};
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
    /// Amount per code. A code may appear only once.
    #[serde(deserialize_with = "super::unique_map::unique_map")]
    pub fees: BTreeMap<CdtCode, Cents>,
}

impl FeeSchedule {
    /// The amount listed for `code`, if any.
    pub fn fee(&self, code: CdtCode) -> Option<Cents> {
        self.fees.get(&code).copied()
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
    /// Class of service.
    pub class: ProcedureClass,
    /// What kind of area a line with this code names.
    pub area: AreaKind,
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
