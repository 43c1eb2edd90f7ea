//! The library on disk: a folder with `plans/` and `fee-schedules/` of RON files,
//! plus the code catalogue built into Ferrule. This is the only module that reads
//! or writes files.
//!
//! Loading never stops at the first bad file: [`Library::load_dir`] returns every
//! file that loaded plus a [`Problem`] (`path:line:column: message`) for each one that
//! did not, so the app can show the problems and work with the rest.

mod document;
mod location;
mod parse;
mod problem;
mod validate;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use document::{
    DocumentError, document_problems, load_treatment_plan, save_treatment_plan, write_atomic,
};
pub use location::{LibraryError, resolve_library_dir, seed_library, user_data_dir};
pub use parse::{FORMAT_VERSION, parse_treatment_plan, to_ron};
pub use problem::{Problem, locate};

use crate::model::{CodeCatalogue, FeeSchedule, FeeScheduleKind, PlanRules};

/// The code catalogue shipped with Ferrule.
const CATALOGUE: &str = include_str!("../../assets/cdt-codes.ron");

mod sample {
    include!(concat!(env!("OUT_DIR"), "/sample_library.rs"));
}
pub use sample::SAMPLE_FILES;

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
    /// The file each plan and fee schedule came from, by id.
    pub sources: BTreeMap<String, PathBuf>,
    /// Every problem found, in file order.
    pub problems: Vec<Problem>,
}

/// One file handed to the loader: where it came from and its text.
pub struct SourceFile {
    /// Path shown in problems.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
}

impl Library {
    /// Loads `root/fee-schedules/*.ron` and `root/plans/*.ron`.
    pub fn load_dir(root: &Path) -> Library {
        let mut problems = Vec::new();
        let mut read = |folder: &str| -> Vec<SourceFile> {
            let dir = root.join(folder);
            let entries = match fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    problems.push(Problem::file(&dir, format!("cannot read the folder: {e}")));
                    return Vec::new();
                }
            };
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect();
            paths.sort();
            paths
                .into_iter()
                .filter_map(|path| match fs::read_to_string(&path) {
                    Ok(text) => Some(SourceFile { path, text }),
                    Err(e) => {
                        problems.push(Problem::file(&path, format!("cannot read the file: {e}")));
                        None
                    }
                })
                .collect()
        };
        let schedules = read("fee-schedules");
        let plans = read("plans");
        let mut library = Library::from_sources(&schedules, &plans);
        problems.append(&mut library.problems);
        library.problems = problems;
        library.root = Some(root.to_path_buf());
        library
    }

    /// The sample library built into the binary.
    pub fn sample() -> Library {
        let pick = |prefix: &str| -> Vec<SourceFile> {
            SAMPLE_FILES
                .iter()
                .filter(|(path, _)| path.starts_with(prefix))
                .map(|(path, text)| SourceFile {
                    path: PathBuf::from(path),
                    text: (*text).to_string(),
                })
                .collect()
        };
        Library::from_sources(&pick("fee-schedules/"), &pick("plans/"))
    }

    /// Loads a library from file texts: the pure core of loading.
    pub fn from_sources(schedule_files: &[SourceFile], plan_files: &[SourceFile]) -> Library {
        let mut library = Library::default();
        match parse::parse_catalogue(Path::new("assets/cdt-codes.ron"), CATALOGUE) {
            Ok(catalogue) => library.catalogue = catalogue,
            Err(problem) => library.problems.push(problem),
        }
        for file in schedule_files {
            let schedule = match parse::parse_fee_schedule(&file.path, &file.text) {
                Ok(schedule) => schedule,
                Err(problem) => {
                    library.problems.push(problem);
                    continue;
                }
            };
            let mut problems = validate::check_fee_schedule(&file.path, &file.text, &schedule);
            if library.fee_schedules.contains_key(&schedule.id) {
                problems.push(duplicate_id(
                    file,
                    &schedule.id,
                    "fee schedule",
                    &library.sources,
                ));
            }
            if problems.is_empty() {
                library
                    .sources
                    .insert(schedule.id.clone(), file.path.clone());
                library.fee_schedules.insert(schedule.id.clone(), schedule);
            }
            library.problems.append(&mut problems);
        }
        for file in plan_files {
            let plan = match parse::parse_plan(&file.path, &file.text) {
                Ok(plan) => plan,
                Err(problem) => {
                    library.problems.push(problem);
                    continue;
                }
            };
            let mut problems = validate::check_plan(
                &file.path,
                &file.text,
                &plan,
                &library.fee_schedules,
                &library.catalogue,
            );
            if library.plans.contains_key(&plan.id) {
                problems.push(duplicate_id(file, &plan.id, "plan", &library.sources));
            }
            if problems.is_empty() {
                library
                    .sources
                    .insert(format!("plan:{}", plan.id), file.path.clone());
                library.plans.insert(plan.id.clone(), plan);
            }
            library.problems.append(&mut problems);
        }
        library
    }

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

fn duplicate_id(
    file: &SourceFile,
    id: &str,
    what: &str,
    sources: &BTreeMap<String, PathBuf>,
) -> Problem {
    let key = if what == "plan" {
        format!("plan:{id}")
    } else {
        id.to_string()
    };
    let first = sources
        .get(&key)
        .map_or_else(String::new, |p| format!(" (first in {})", p.display()));
    Problem::at(
        &file.path,
        locate(&file.text, &["id", &format!("\"{id}\"")]),
        format!("duplicate {what} id \"{id}\"{first}: expected every id to be unique"),
    )
}
