//! What a plan decides for a line before any money is computed, shared by the
//! rule checks in `rules` and its submodules.

use crate::engine::step::{Flag, Step};
use crate::model::plan::Liability;

/// What a plan decided for one line before any money is computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The plan benefits the line.
    Covered,
    /// The plan pays nothing.
    Denied(Denial),
}

/// Why a plan pays nothing, and who then owes the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Denial {
    /// The flag shown.
    pub flag: Flag,
    /// The explanation.
    pub step: Step,
    /// Who owes the line.
    pub billing: Billing,
}

/// Who owes a denied line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Billing {
    /// As the plan's `denied_lines_billed_at` setting says.
    PlanSetting,
    /// As a bundling rule says.
    Liability(Liability),
    /// The office fee: no coverage on that date, so no contract applies.
    OfficeFee,
}

/// A denial billed as the plan's setting says.
pub(super) fn deny(flag: Flag, step: Step) -> Option<Denial> {
    Some(Denial {
        flag,
        step,
        billing: Billing::PlanSetting,
    })
}
