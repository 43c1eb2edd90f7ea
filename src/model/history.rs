//! A completed service on the patient's or the carrier's record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::area::Area;
use super::code::CdtCode;
use super::tooth::{Arch, Quadrant, Surfaces, Tooth};

/// A completed service on record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// The code.
    pub code: CdtCode,
    /// Date of service.
    pub date: NaiveDate,
    /// Tooth, when the code names one.
    #[serde(default)]
    pub tooth: Option<Tooth>,
    /// Surfaces, for fillings.
    #[serde(default)]
    pub surfaces: Option<Surfaces>,
    /// Quadrant, for quadrant codes.
    #[serde(default)]
    pub quadrant: Option<Quadrant>,
    /// Arch, for arch codes.
    #[serde(default)]
    pub arch: Option<Arch>,
}

impl HistoryEntry {
    /// The area the entry names.
    pub fn area(&self) -> Area {
        Area::from_parts(self.tooth, self.surfaces, self.quadrant, self.arch, None)
    }
}
