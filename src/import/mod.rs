//! Bringing outside data in, as plain data and without I/O: X12 271 eligibility
//! responses into a draft plan and the patient's coverage, and fee schedules from
//! and to CSV. The caller reads and writes the files (`library`), shows the review
//! list, and lets a person confirm.
//!
//! - [`x12`]: the tokenizer (separators from the ISA header).
//! - [`read271`]: the 271 hierarchy into an [`eligibility::Eligibility`].
//! - [`plan_map`], [`coverage_map`]: benefit facts into `PlanRules` and `Coverage`,
//!   with a [`review::ReviewItem`] for everything not mapped.
//! - [`fees_csv`]: fee schedule CSV import and export.

pub mod amounts;
pub mod codes;
pub mod coverage_map;
pub mod eligibility;
pub mod fees_csv;
pub mod limits;
pub mod next_year;
pub mod plan_map;
pub mod read271;
pub mod review;
pub mod x12;

use chrono::NaiveDate;

pub use coverage_map::{CoverageState, MemberCoverage};
pub use eligibility::Eligibility;
pub use plan_map::PlanDraft;
pub use read271::Read271Error;
pub use review::ReviewItem;

use crate::model::PlanRules;

/// A plan id from a carrier's name: "SUMMIT DENTAL" -> "summit-dental-271".
pub fn plan_id_from(payer: &str) -> String {
    let words: Vec<String> = payer
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "imported-271".into()
    } else {
        format!("{}-271", words.join("-"))
    }
}

/// A 271 read and mapped: the draft plan (from the first active member with
/// benefit facts) and every member's coverage.
#[derive(Clone, Debug, PartialEq)]
pub struct Import271 {
    /// What the file says.
    pub eligibility: Eligibility,
    /// The member the plan was drafted from.
    pub plan_member: usize,
    /// The draft plan and its review list.
    pub draft: PlanDraft,
    /// Each member's coverage, in file order.
    pub members: Vec<MemberCoverage>,
}

/// Reads `text` as a 271 and maps it to plan `plan_id`; `base` is the library plan
/// being updated, if any. `today` dates the verification when the file has no date.
pub fn import_271(
    text: &str,
    plan_id: &str,
    base: Option<&PlanRules>,
    today: NaiveDate,
) -> Result<Import271, Read271Error> {
    let eligibility = read271::read_271(text)?;
    let members = &eligibility.members;
    let plan_member = members
        .iter()
        .position(|m| m.is_active() && m.benefits.len() > 1)
        .or_else(|| members.iter().position(|m| !m.benefits.is_empty()))
        .unwrap_or(0);
    let Some(member) = members.get(plan_member) else {
        return Err(Read271Error::NoMembers);
    };
    let draft = plan_map::draft_plan(&eligibility, member, plan_id, base);
    let members = (0..members.len())
        .filter_map(|i| coverage_map::coverage_of(&eligibility, i, plan_id, today))
        .collect();
    Ok(Import271 {
        eligibility,
        plan_member,
        draft,
        members,
    })
}
