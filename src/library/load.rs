//! Loading a library: the folder's RON files read from disk, the built-in sample,
//! or file texts already in memory, each parsed and checked into a [`Library`].
#![allow(
    clippy::disallowed_methods,
    reason = "reading the library folder is what this file is for"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::problem::duplicate_id;
use super::{SAMPLE_FILES, code_groups, coding, derive, lint, parse, presets, read, validate};
use crate::model::code_group::CodeGroups;
use crate::model::derived::PlanFile;
use crate::model::{Library, Problem, SourceFile};

/// The code catalogue shipped with Ferrule.
const CATALOGUE: &str = include_str!("../../assets/cdt-codes.ron");

/// Loads `root/fee-schedules/*.ron` and `root/plans/*.ron`.
pub fn load_dir(root: &Path) -> Library {
    let mut problems = Vec::new();
    let schedules = read_folder(&root.join("fee-schedules"), &mut problems);
    let plans = read_folder(&root.join("plans"), &mut problems);
    let groups = read_code_groups(root, &mut problems);
    let mut library = from_sources_grouped(groups, &schedules, &plans);
    problems.append(&mut library.problems);
    read_presets(root, &mut library, &mut problems);
    read_coding(root, &mut library, &mut problems);
    library.problems = problems;
    library.root = Some(root.to_path_buf());
    library
}

/// The folder's own code groups, when it has the file; else the shipped ones.
fn read_code_groups(root: &Path, problems: &mut Vec<Problem>) -> CodeGroups {
    let path = root.join(code_groups::CODE_GROUPS_PATH);
    if fs::symlink_metadata(&path).is_err() {
        return code_groups::built_in();
    }
    match read::read_text(&path) {
        Ok(text) => {
            let (groups, mut wrong) = code_groups::load_code_groups(&path, &text);
            problems.append(&mut wrong);
            groups
        }
        Err(e) => {
            problems.push(Problem::file(&path, format!("cannot read the file: {e}")));
            CodeGroups::new()
        }
    }
}

/// The folder's own presets, when it has a presets file; a file that cannot be
/// read or parsed leaves the built-in presets in place, with its problems listed.
fn read_presets(root: &Path, library: &mut Library, problems: &mut Vec<Problem>) {
    let path = root.join(presets::PRESETS_PATH);
    if fs::symlink_metadata(&path).is_err() {
        return;
    }
    match read::read_text(&path) {
        Ok(text) => {
            let (found, mut wrong) = presets::load_presets(&path, &text, &library.catalogue);
            let unreadable = found.is_empty() && !wrong.is_empty();
            if !unreadable {
                library.presets = found;
            }
            problems.append(&mut wrong);
        }
        Err(e) => problems.push(Problem::file(&path, format!("cannot read the file: {e}"))),
    }
}

/// The folder's own coding files, when it has a `coding/` folder: they replace
/// the built-in ones (an office edits the seeded copies and adds its own).
fn read_coding(root: &Path, library: &mut Library, problems: &mut Vec<Problem>) {
    let dir = root.join(coding::CODING_DIR);
    if fs::symlink_metadata(&dir).is_err() {
        return;
    }
    let files = read_folder(&dir, problems);
    let (book, mut wrong) = coding::load_coding(&files, &library.catalogue);
    library.coding = book;
    problems.append(&mut wrong);
}

/// The `.ron` files of one folder in name order; a problem for each that cannot
/// be read (a FIFO, a device, a folder, more than [`read::MAX_TEXT_BYTES`]).
fn read_folder(dir: &Path, problems: &mut Vec<Problem>) -> Vec<SourceFile> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Problem::file(dir, format!("cannot read the folder: {e}")));
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
        .filter_map(|path| match read::read_text(&path) {
            Ok(text) => Some(SourceFile { path, text }),
            Err(e) => {
                problems.push(Problem::file(&path, format!("cannot read the file: {e}")));
                None
            }
        })
        .collect()
}

/// The plan lint's warnings for `library` (see `lint`), reading the plan files'
/// texts for positions: from its folder, or the built-in sample's texts.
pub fn lint_library(library: &Library, today: NaiveDate) -> Vec<Problem> {
    let mut texts = BTreeMap::new();
    let plan_files = library
        .sources
        .iter()
        .filter(|(key, _)| key.starts_with("plan:"))
        .map(|(_, path)| path);
    for path in plan_files {
        let text = if library.root.is_some() {
            read::read_text(path).ok()
        } else {
            SAMPLE_FILES
                .iter()
                .find(|(sample, _)| Path::new(sample) == path)
                .map(|(_, text)| (*text).to_string())
        };
        if let Some(text) = text {
            texts.insert(path.clone(), text);
        }
    }
    lint::lint(library, &texts, today)
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
    from_sources(&pick("fee-schedules/"), &pick("plans/"))
}

/// Loads a library from file texts with the shipped code groups.
pub fn from_sources(schedule_files: &[SourceFile], plan_files: &[SourceFile]) -> Library {
    from_sources_grouped(code_groups::built_in(), schedule_files, plan_files)
}

/// Loads a library from file texts and its code groups: the pure core of loading.
pub fn from_sources_grouped(
    groups: CodeGroups,
    schedule_files: &[SourceFile],
    plan_files: &[SourceFile],
) -> Library {
    let mut library = Library {
        code_groups: groups,
        ..Library::default()
    };
    match parse::parse_catalogue(Path::new("assets/cdt-codes.ron"), CATALOGUE) {
        Ok(catalogue) => library.catalogue = catalogue,
        Err(problem) => library.problems.push(problem),
    }
    library.presets = presets::built_in(&library.catalogue);
    library.coding = coding::built_in(&library.catalogue);
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
    load_plans(&mut library, plan_files);
    library
}

/// Loads the plan files: whole plans first, in file order, then the derived ones
/// laid over their bases (see `derive`).
fn load_plans(library: &mut Library, plan_files: &[SourceFile]) {
    let mut derived = Vec::new();
    let mut failed = BTreeSet::new();
    for file in plan_files {
        let mut plan = match parse::parse_plan_file(&file.path, &file.text) {
            Ok(PlanFile::Full(plan)) => plan,
            Ok(PlanFile::Derived(patch)) => {
                derived.push((file, patch));
                continue;
            }
            Err(problem) => {
                library.problems.push(problem);
                continue;
            }
        };
        let groups = &library.code_groups;
        let mut problems = code_groups::resolve_plan(&file.path, &file.text, &mut plan, groups);
        problems.extend(validate::check_plan(
            &file.path,
            &file.text,
            &plan,
            &library.fee_schedules,
            &library.catalogue,
        ));
        if library.plans.contains_key(&plan.id) {
            problems.push(duplicate_id(file, &plan.id, "plan", &library.sources));
        }
        if problems.is_empty() {
            library
                .sources
                .insert(format!("plan:{}", plan.id), file.path.clone());
            library.plans.insert(plan.id.clone(), plan);
        } else {
            failed.insert(plan.id.clone());
        }
        library.problems.append(&mut problems);
    }
    derive::resolve_all(library, derived, failed);
}
