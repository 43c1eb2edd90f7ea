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
        let before = env.checked.cloned().unwrap_or_default();
        let top = records::record_of(field).unwrap_or(field);
        let in_field = |c: &Checked| c.on(top).count();
        // More problems than before (in the field, or in the whole plan) is a
        // problem the value brings; the same number is not (a rename changes
        // the words of a problem the plan already had).
        let brought = if in_field(&after) > in_field(&before) {
            after.on(top).map(str::to_string).collect::<Vec<_>>()
        } else if after.problems.len() > before.problems.len() {
            after.problems.iter().map(|p| p.message.clone()).collect()
        } else {
            return Ok(());
        };
        let old: Vec<&str> = before.problems.iter().map(|p| p.message.as_str()).collect();
        let message = brought
            .iter()
            .find(|m| !old.contains(&m.as_str()))
            .or(brought.last())
            .cloned()
            .unwrap_or_default();
        Err(message)
    }
}
