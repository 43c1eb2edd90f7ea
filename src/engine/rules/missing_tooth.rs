//! Where the missing-tooth clause learns that a tooth was gone before coverage
//! began (issue 16 item 10): the patient's missing-teeth list, or else an
//! extraction of that tooth in the history (the patient's, or the carrier's
//! own), dated before the effective date. The step says which it used.

use chrono::NaiveDate;

use crate::engine::services::Service;
use crate::engine::step::{Name, Step};
use crate::model::{Area, CdtCode, CodeSet, Coverage, HistoryEntry, Patient, Tooth};

/// A tooth a unit replaces that was gone before coverage began, and how we know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MissingBefore {
    /// On the missing-teeth list, since this date when known.
    Listed(Tooth, Option<NaiveDate>),
    /// Extracted with this code on this date, as the history shows.
    Extracted(Tooth, CdtCode, NaiveDate),
}

impl MissingBefore {
    /// The denial's explanation.
    pub(super) fn step(self, plan: Name, effective: NaiveDate) -> Step {
        match self {
            MissingBefore::Listed(tooth, since) => Step::MissingTooth {
                plan,
                tooth,
                since,
                effective,
            },
            MissingBefore::Extracted(tooth, code, date) => Step::MissingToothExtracted {
                plan,
                tooth,
                code,
                date,
                effective,
            },
        }
    }
}

/// The extraction codes: routine and surgical extractions, impactions and
/// leftover roots (D7140-D7250).
fn extractions() -> CodeSet {
    CodeSet::default().with_range(7140, 7250)
}

/// The earliest extraction before `effective` of the tooth the unit replaces
/// (for an arch prosthesis, of any tooth of its arch), from the patient's history
/// and the carrier's.
pub(super) fn extracted_before(
    patient: &Patient,
    coverage: &Coverage,
    svc: &Service<'_>,
    effective: NaiveDate,
) -> Option<MissingBefore> {
    let codes = extractions();
    let replaces = |entry: &HistoryEntry| {
        let Some(tooth) = entry.tooth else {
            return false;
        };
        match svc.area {
            Area::Arch(arch) => tooth.arch() == arch,
            _ => svc.area.tooth() == Some(tooth),
        }
    };
    patient
        .history
        .iter()
        .chain(&coverage.history)
        .filter(|e| codes.contains(e.code) && e.date < effective && replaces(e))
        .min_by_key(|e| e.date)
        .and_then(|e| Some(MissingBefore::Extracted(e.tooth?, e.code, e.date)))
}
