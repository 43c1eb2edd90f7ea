//! The library's code groups (`assets/code-groups.ron`): reading and checking the
//! file, and resolving the `@group` names in a plan against it, with each unknown
//! name a problem at `path:line:col`. A library folder without the file uses the
//! groups shipped with Ferrule.

use std::path::Path;

use super::parse;
use super::problem::locate;
use crate::model::PlanRules;
use crate::model::Problem;
use crate::model::code_group::{self, CodeGroups, CodeGroupsFile};

/// Where the code groups file lives, relative to the library folder.
pub const CODE_GROUPS_PATH: &str = "assets/code-groups.ron";

/// The groups shipped with Ferrule.
const BUILT_IN: &str = include_str!("../../assets/code-groups.ron");

/// The shipped groups (none if the shipped file were broken: its own tests say so).
pub fn built_in() -> CodeGroups {
    load_code_groups(Path::new(CODE_GROUPS_PATH), BUILT_IN).0
}

/// Reads a code groups file: the groups that are sound, and a problem for each
/// that is not (a group naming another group, or no codes). A file that does not
/// parse gives no groups and its parse problem.
pub fn load_code_groups(path: &Path, text: &str) -> (CodeGroups, Vec<Problem>) {
    let file: CodeGroupsFile = match parse::parse(path, text) {
        Ok(file) => file,
        Err(problem) => return (CodeGroups::new(), vec![problem]),
    };
    if let Err(problem) = parse::check_format(path, text, file.format) {
        return (CodeGroups::new(), vec![problem]);
    }
    let mut problems = Vec::new();
    let mut groups = file.into_groups();
    groups.retain(|id, group| {
        let quoted = format!("\"{id}\"");
        if let Some(inner) = group.codes.groups().first() {
            problems.push(Problem::at(
                path,
                locate(text, &[&quoted, &format!("\"@{}\"", inner.id())]),
                format!(
                    "code group \"{id}\" names the group \"@{}\": expected codes and ranges only (groups do not nest)",
                    inner.id()
                ),
            ));
            return false;
        }
        if group.codes.is_empty() {
            problems.push(Problem::at(
                path,
                locate(text, &[&quoted, "codes"]),
                format!("code group \"{id}\" lists no codes: expected at least one"),
            ));
            return false;
        }
        true
    });
    (groups, problems)
}

/// Resolves every group `plan` names from `groups`: a problem at the name for
/// each group the library does not have.
pub fn resolve_plan(
    path: &Path,
    text: &str,
    plan: &mut PlanRules,
    groups: &CodeGroups,
) -> Vec<Problem> {
    // (where to point: the field and the name as written, the group id)
    let mut unknown: Vec<(Vec<String>, String)> = Vec::new();
    for set in plan.code_sets_mut() {
        for id in code_group::resolve(set, groups) {
            unknown.push((vec![format!("\"@{id}\"")], id));
        }
    }
    plan.resolve_group_coverage(|group| {
        if !group.resolve_from(groups) {
            let needle = format!("\"{}\"", group.id());
            unknown.push((
                vec!["group_coverage".into(), needle],
                group.id().to_string(),
            ));
        }
    });
    let mut seen = Vec::new();
    unknown.retain(|entry| {
        let first = !seen.contains(entry);
        seen.push(entry.clone());
        first
    });
    let known: Vec<&str> = groups.keys().map(String::as_str).collect();
    let expected = if known.is_empty() {
        "its groups (it has none)".to_string()
    } else {
        known.join(", ")
    };
    unknown
        .into_iter()
        .map(|(needles, id)| {
            let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
            Problem::at(
                path,
                locate(text, &needles),
                format!(
                    "code group \"{id}\" is not in the library's {CODE_GROUPS_PATH}: expected one of {expected}"
                ),
            )
        })
        .collect()
}
