//! Resolving derived plans (`based_on`): each is laid over its base, chains in any
//! order of files, then checked exactly like a whole plan. A missing base, a base
//! that did not load, and a circle of `based_on` are problems at the file's
//! `based_on` (see `model::derived` for what a derived file may write).

use std::collections::{BTreeMap, BTreeSet};

use super::problem::{duplicate_id, locate};
use super::{code_groups, validate};
use crate::model::derived::PlanPatch;
use crate::model::{Library, Problem, SourceFile};

/// How resolving a plan id ended.
enum Status {
    /// The plan is in the library.
    Loaded,
    /// It has problems of its own (already reported) or is missing.
    Broken,
    /// There is no plan with that id.
    Missing,
    /// It is part of a circle of `based_on`: the plans in it, in order.
    Circle(Vec<String>),
}

struct Resolver<'a, 'f> {
    library: &'a mut Library,
    pending: BTreeMap<String, (&'f SourceFile, PlanPatch)>,
    /// Plans whose files had problems.
    failed: BTreeSet<String>,
    /// The plans being resolved, outermost first.
    visiting: Vec<String>,
}

/// Resolves every derived plan into `library`; `failed` holds the ids of whole
/// plans that did not load (so a plan based on one says so, rather than "missing").
pub fn resolve_all(
    library: &mut Library,
    derived: Vec<(&SourceFile, PlanPatch)>,
    failed: BTreeSet<String>,
) {
    let mut order = Vec::new();
    let mut pending = BTreeMap::new();
    for (file, patch) in derived {
        let id = patch.id.clone();
        if library.plans.contains_key(&id) || pending.contains_key(&id) {
            let first = pending
                .get(&id)
                .map(|(f, _): &(&SourceFile, PlanPatch)| f.path.clone());
            let mut problem = duplicate_id(file, &id, "plan", &library.sources);
            if let Some(first) = first {
                problem.message = format!(
                    "duplicate plan id \"{id}\" (first in {}): expected every id to be unique",
                    first.display()
                );
            }
            library.problems.push(problem);
            continue;
        }
        order.push(id.clone());
        pending.insert(id, (file, patch));
    }
    let mut resolver = Resolver {
        library,
        pending,
        failed,
        visiting: Vec::new(),
    };
    for id in order {
        resolver.resolve(&id);
    }
}

impl Resolver<'_, '_> {
    fn resolve(&mut self, id: &str) -> Status {
        if self.library.plans.contains_key(id) {
            return Status::Loaded;
        }
        if let Some(at) = self.visiting.iter().position(|v| v == id) {
            return Status::Circle(self.visiting.get(at..).unwrap_or_default().to_vec());
        }
        let Some((file, patch)) = self.pending.remove(id) else {
            return if self.failed.contains(id) {
                Status::Broken
            } else {
                Status::Missing
            };
        };
        let base = patch.based_on.clone().unwrap_or_default();
        self.visiting.push(id.to_string());
        let status = self.resolve(&base);
        self.visiting.pop();
        let problem = |message: String| {
            let at = locate(&file.text, &["based_on", &format!("\"{base}\"")]);
            Problem::at(&file.path, at, message)
        };
        let outcome = match status {
            Status::Loaded => return self.load(file, patch, &base),
            Status::Missing => (
                problem(format!(
                    "based on plan \"{base}\", which does not exist: expected the id of another plan in plans/"
                )),
                Status::Broken,
            ),
            Status::Broken => (
                problem(format!(
                    "based on plan \"{base}\", which did not load (see its problems): this plan cannot load without it"
                )),
                Status::Broken,
            ),
            Status::Circle(members) if members.iter().any(|m| m == id) => (
                problem(format!(
                    "based_on goes round in a circle: {}; expected a chain that ends at a plan without based_on",
                    circle_words(&members, id)
                )),
                Status::Circle(members),
            ),
            Status::Circle(_) => (
                problem(format!(
                    "based on plan \"{base}\", whose based_on goes round in a circle (see its problem)"
                )),
                Status::Broken,
            ),
        };
        self.library.problems.push(outcome.0);
        self.failed.insert(id.to_string());
        outcome.1
    }

    /// Lays `patch` over its loaded `base`, checks the result like any plan, and
    /// keeps it when it has no problems.
    fn load(&mut self, file: &SourceFile, patch: PlanPatch, base: &str) -> Status {
        let Some(base_plan) = self.library.plans.get(base) else {
            return Status::Missing;
        };
        let base_chain = self
            .library
            .derivations
            .get(base)
            .map(|d| d.chain.clone())
            .unwrap_or_default();
        let (mut plan, derivation) = patch.resolve(base_plan, &base_chain);
        let groups = &self.library.code_groups;
        let mut problems = code_groups::resolve_plan(&file.path, &file.text, &mut plan, groups);
        problems.extend(validate::check_plan(
            &file.path,
            &file.text,
            &plan,
            &self.library.fee_schedules,
            &self.library.catalogue,
        ));
        // A problem in a value the file does not write (it found nothing to
        // point at) is shown at the file's based_on.
        let based_on = locate(&file.text, &["based_on", &format!("\"{base}\"")]);
        for problem in &mut problems {
            if (problem.line, problem.column) == (1, 1) {
                (problem.line, problem.column) = based_on;
            }
        }
        if problems.is_empty() {
            let id = plan.id.clone();
            self.library
                .sources
                .insert(format!("plan:{id}"), file.path.clone());
            self.library.derivations.insert(id.clone(), derivation);
            self.library.plans.insert(id, plan);
            Status::Loaded
        } else {
            self.failed.insert(plan.id.clone());
            self.library.problems.append(&mut problems);
            Status::Broken
        }
    }
}

/// "\"a\", based on \"b\", based on \"a\"", starting at `id`.
fn circle_words(members: &[String], id: &str) -> String {
    let start = members.iter().position(|m| m == id).unwrap_or(0);
    members
        .iter()
        .cycle()
        .skip(start)
        .take(members.len() + 1)
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(", based on ")
}
