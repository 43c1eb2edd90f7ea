//! Code groups: named sets of codes kept once in the library
//! (`assets/code-groups.ron`) and shared by its plans. A plan names a group as
//! `"@id"` in any code list, and by its id in `group_coverage`; the loader
//! resolves the names, so the engine only ever asks a [`CodeSet`] whether it
//! holds a code.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::code::{CodeSet, GroupRef};

/// The library's code groups file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeGroupsFile {
    /// File format version (1).
    pub format: u32,
    /// The groups by id ("implants").
    #[serde(deserialize_with = "super::unique_map::unique_map")]
    pub groups: BTreeMap<GroupRef, CodeGroup>,
}

impl CodeGroupsFile {
    /// The groups keyed by their ids.
    pub fn into_groups(self) -> CodeGroups {
        self.groups
            .into_iter()
            .map(|(key, group)| (key.id().to_string(), group))
            .collect()
    }
}

/// One named set of codes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeGroup {
    /// A name for people: "Implant services".
    pub name: String,
    /// Its codes and ranges (never another group).
    pub codes: CodeSet,
}

/// The library's groups by id.
pub type CodeGroups = BTreeMap<String, CodeGroup>;

impl GroupRef {
    /// Takes this group's codes from `groups`; false when it is not there.
    pub fn resolve_from(&mut self, groups: &CodeGroups) -> bool {
        self.resolve_with(|id| groups.get(id).map(|g| g.codes.ranges()))
    }
}

/// Resolves every group `set` names from `groups`; returns the ids the library
/// does not have.
pub fn resolve(set: &mut CodeSet, groups: &CodeGroups) -> Vec<String> {
    set.resolve_groups(|id| groups.get(id).map(|g| g.codes.ranges()))
}
