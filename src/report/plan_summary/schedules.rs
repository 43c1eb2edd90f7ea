//! The plan summary's "Fixed benefits" and "Copays" sections (issue 16 items 4
//! and 5): what the schedule does, then its amount for each code.

use crate::model::{CodeCatalogue, FeeSchedule, PlanRules};
use crate::report::fmt::dollars as money;

use super::{Block, SummaryLine, code_with_name};

/// A schedule the plan names: its name, or its id when the library lacks it.
fn schedule_name(id: &str, schedule: Option<&FeeSchedule>) -> String {
    schedule.map_or_else(|| format!("{id} (not in the library)"), |s| s.name.clone())
}

/// The schedule's amounts, one line per code; nothing when it is not found.
fn amounts(schedule: Option<&FeeSchedule>, catalogue: &CodeCatalogue) -> Vec<Block> {
    let Some(schedule) = schedule else {
        return Vec::new();
    };
    let lines = schedule
        .fees
        .iter()
        .map(|(code, fee)| SummaryLine::new(code_with_name(*code, catalogue), money(*fee)))
        .collect();
    vec![Block::Caption("Amount by code"), Block::Facts(lines)]
}

/// The fixed-benefit schedule of a fixed-benefit PPO; None for other plans.
pub fn fixed_benefits(
    plan: &PlanRules,
    schedule: Option<&FeeSchedule>,
    catalogue: &CodeCatalogue,
) -> Option<Vec<Block>> {
    let id = plan.fixed_benefits.as_deref()?;
    let mut blocks = vec![Block::Sentence(format!(
        "The plan pays the fixed amount {} lists for a code, never more than the contracted \
         fee; the patient owes the contracted fee less that amount. A code not listed gets \
         nothing.",
        schedule_name(id, schedule)
    ))];
    blocks.extend(amounts(schedule, catalogue));
    Some(blocks)
}

/// The copay schedule of a percentage plan; None when it has none.
pub fn copays(
    plan: &PlanRules,
    schedule: Option<&FeeSchedule>,
    catalogue: &CodeCatalogue,
) -> Option<Vec<Block>> {
    let id = plan.copays.as_deref()?;
    let mut blocks = vec![Block::Sentence(format!(
        "For a code {} lists, the patient pays that copay first; it comes off the allowed fee \
         before the deductible and the percentage. Codes not listed have no copay.",
        schedule_name(id, schedule)
    ))];
    blocks.extend(amounts(schedule, catalogue));
    Some(blocks)
}
