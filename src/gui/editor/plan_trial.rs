//! Trying a value on a plan before it is used: the plan as the value would
//! leave it is checked like a saved file, and a problem it brings is the
//! message shown on the field being typed in (the plan itself is not changed).

use chrono::NaiveDate;

use super::plan_model::{Checked, PlanDraft, write};
use super::undo::Undo;
use crate::model::derived::records;
use crate::model::{Library, PlanRules};

/// What a form field needs to try a value on the plan: the library and date the
/// loader checks with, and what it said about the plan as it is.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    /// The library the plan loads into.
    pub library: &'a Library,
    /// The date checks and lint are made on.
    pub today: NaiveDate,
    /// The problems the plan has now (a value is refused only for new ones).
    pub checked: Option<&'a Checked>,
}

impl Env<'_> {
    /// `value` when putting it in the plan (as `field`) brings no new loader
    /// problem; else the loader's message.
    pub fn accept<T: Clone>(
        &self,
        draft: &PlanDraft,
        field: &'static str,
        value: T,
        put: impl FnOnce(&mut PlanRules, T),
    ) -> Result<T, String> {
        draft
            .trial(self, field, |plan| put(plan, value.clone()))
            .map(|()| value)
    }
}

impl PlanDraft {
    /// Checks the plan as `change` would leave it, without changing it: the
    /// loader's message for a problem it brings (one in `field` first).
    pub fn trial(
        &self,
        env: &Env<'_>,
        field: &'static str,
        change: impl FnOnce(&mut PlanRules),
    ) -> Result<(), String> {
        let mut plan = self.plan.clone();
        change(&mut plan);
        let mut derivation = self.derivation.clone();
        if let Some(d) = &mut derivation {
            write(d, field);
        }
        let tried = PlanDraft {
            plan,
            derivation,
            base: None,
            path: self.path.clone(),
            saved_id: self.saved_id.clone(),
            revision: 0,
            saved: None,
            history: Undo::default(),
        };
        let after = tried.check(env.library, env.today);
        let old: Vec<&str> = env
            .checked
            .map(|c| c.problems.iter().map(|p| p.message.as_str()).collect())
            .unwrap_or_default();
        let top = records::record_of(field).unwrap_or(field);
        let mut new = after
            .fields
            .iter()
            .filter(|(_, m)| !old.contains(&m.as_str()));
        if let Some((_, message)) = new.clone().find(|(f, _)| f == top).or_else(|| new.next()) {
            return Err(message.clone());
        }
        match after
            .problems
            .iter()
            .find(|p| !old.contains(&p.message.as_str()))
        {
            Some(problem) => Err(problem.message.clone()),
            None => Ok(()),
        }
    }
}
