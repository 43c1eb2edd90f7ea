//! Treatment-plan files: read, check against the library, and save atomically,
//! readable by the owner only (they hold patient data).

use std::io;
use std::path::{Path, PathBuf};

use super::write::write_atomic;
use super::{parse, read};
use crate::model::{AreaKind, Library, Problem, TreatmentPlan};

/// Why a treatment-plan file could not be opened or saved.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// Reading failed.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The file is not a valid treatment plan.
    #[error("{0}")]
    Invalid(Problem),
    /// Writing failed; the previous file, if any, is untouched.
    #[error("cannot save {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The plan could not be turned into RON.
    #[error("cannot write the plan as RON: {0}")]
    Serialize(String),
}

/// Reads and parses a treatment-plan file.
pub fn load_treatment_plan(path: &Path) -> Result<TreatmentPlan, DocumentError> {
    let text = read::read_text(path).map_err(|source| DocumentError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse::parse_treatment_plan(path, &text).map_err(DocumentError::Invalid)
}

/// Saves a treatment plan through [`write_atomic`]: a crash never leaves half a
/// file, the file is owner-only, and a read-only file is refused, not replaced.
pub fn save_treatment_plan(path: &Path, plan: &TreatmentPlan) -> Result<(), DocumentError> {
    let text = parse::to_ron(plan).map_err(|e| DocumentError::Serialize(e.to_string()))?;
    write_atomic(path, text.as_bytes()).map_err(|source| DocumentError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Problems that make a treatment plan unusable with this library, or lines that
/// cannot be estimated as written. Each is a plain sentence.
pub fn document_problems(plan: &TreatmentPlan, library: &Library) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, coverage) in plan.coverage.iter().enumerate() {
        if !library.plans.contains_key(&coverage.plan) {
            problems.push(format!(
                "coverage {}: plan \"{}\" is not in the library",
                i + 1,
                coverage.plan
            ));
        }
    }
    if library
        .office_schedule(plan.office_fee_schedule.as_deref())
        .is_none()
    {
        problems.push(match &plan.office_fee_schedule {
            Some(id) => format!("office fee schedule \"{id}\" is not in the library"),
            None => "the library has no office fee schedule".to_string(),
        });
    }
    for option in &plan.options {
        let mut ids = Vec::new();
        for visit in &option.visits {
            if ids.contains(&visit.id) {
                problems.push(format!(
                    "option \"{}\": visit id {} is used twice",
                    option.name, visit.id
                ));
            }
            ids.push(visit.id);
        }
        for visit in &option.visits {
            for line in &visit.lines {
                let at = format!(
                    "option \"{}\", visit \"{}\", {}",
                    option.name, visit.name, line.code
                );
                if let Some(done) = line.completed_at
                    && !ids.contains(&done)
                {
                    problems.push(format!(
                        "{at}: completed at visit {done}, which does not exist"
                    ));
                }
                let office = library.office_schedule(plan.office_fee_schedule.as_deref());
                if line.fee.is_none() && office.is_some_and(|o| o.fee(line.code).is_none()) {
                    problems.push(format!(
                        "{at}: the office fee schedule has no fee for this code (estimated at $0.00); enter a fee on the line"
                    ));
                }
                let Some(info) = library.catalogue.get(line.code) else {
                    problems.push(format!("{at}: code is not in the catalogue"));
                    continue;
                };
                if info.area.needs_tooth() && line.tooth.is_none() {
                    problems.push(format!("{at}: needs a tooth"));
                }
                if info.area == AreaKind::ToothSurfaces
                    && line.surfaces.is_none_or(|s| s.is_empty())
                {
                    problems.push(format!("{at}: needs surfaces"));
                }
                if info.area == AreaKind::Quadrant
                    && line.quadrant.is_none()
                    && line.tooth.is_none()
                {
                    problems.push(format!("{at}: needs a quadrant"));
                }
                if info.area == AreaKind::Arch && line.arch.is_none() && line.tooth.is_none() {
                    problems.push(format!("{at}: needs an arch"));
                }
                if line.quantity == 0 {
                    problems.push(format!("{at}: quantity 0"));
                }
            }
        }
    }
    problems
}
