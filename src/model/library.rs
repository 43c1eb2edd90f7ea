//! A loaded library: the code catalogue, fee schedules and plans, the file each
//! came from, and the problems found loading them. Plain data; `crate::library`
//! reads the folder and fills it in.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::code_group::CodeGroups;
use super::coding::CodingBook;
use super::derived::Derivation;
use super::{CodeCatalogue, FeeSchedule, FeeScheduleKind, PlanRules, Preset, Problem};

/// Everything loaded from a library folder.
#[derive(Clone, Debug, Default)]
pub struct Library {
    /// The folder, when loaded from disk.
    pub root: Option<PathBuf>,
    /// The code catalogue.
    pub catalogue: CodeCatalogue,
    /// Fee schedules by id.
    pub fee_schedules: BTreeMap<String, FeeSchedule>,
    /// Plans by id.
    pub plans: BTreeMap<String, PlanRules>,
    /// Quick-entry presets, in menu order.
    pub presets: Vec<Preset>,
    /// The file each plan and fee schedule came from, by id.
    pub sources: BTreeMap<String, PathBuf>,
    /// Every problem found, in file order.
    pub problems: Vec<Problem>,
    /// For each derived plan (by id), its base and which fields it inherited.
    pub derivations: BTreeMap<String, Derivation>,
    /// The code groups its plans may name (`@implants`), by id.
    pub code_groups: CodeGroups,
    /// Coding checks, checklists, narratives and look-alike codes.
    pub coding: CodingBook,
    /// The practice's providers (from the practice settings, not the folder).
    pub providers: super::provider::PracticeProviders,
}

/// One file handed to the loader: where it came from and its text.
pub struct SourceFile {
    /// Path shown in problems.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
}

impl Library {
    /// The office fee schedule: the one named, else the first of kind Office.
    pub fn office_schedule(&self, id: Option<&str>) -> Option<&FeeSchedule> {
        match id {
            Some(id) => self
                .fee_schedules
                .get(id)
                .filter(|s| s.kind == FeeScheduleKind::Office),
            None => self
                .fee_schedules
                .values()
                .find(|s| s.kind == FeeScheduleKind::Office),
        }
    }

    /// The file a plan came from.
    pub fn plan_source(&self, id: &str) -> Option<&Path> {
        self.sources
            .get(&format!("plan:{id}"))
            .map(PathBuf::as_path)
    }
}
