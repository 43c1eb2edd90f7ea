//! Which of a line's numbers staff entered by hand (issue 16 item 6): the columns
//! the screen marks, read from the line's "entered by staff" steps.

use crate::engine::step_detail::StaffFigure;
use crate::engine::{LineEstimate, Step};
use crate::report::Names;
use crate::report::columns::ColumnKey;

/// The money columns of `line` whose number comes from a figure staff entered
/// (or that such a figure changed: a payer's percentage marks its payment).
pub fn entered_columns(line: &LineEstimate, names: &Names<'_>) -> Vec<ColumnKey> {
    let payer_of = |name: &str| {
        line.payers
            .iter()
            .position(|p| names.plan_name(&p.plan) == name)
    };
    let mut keys = Vec::new();
    for step in &line.steps {
        let Step::EnteredByStaff { plan, figure, .. } = step else {
            continue;
        };
        let k = plan.as_deref().and_then(payer_of);
        let key = match (figure, k) {
            (StaffFigure::WriteOff, _) => Some(ColumnKey::WriteOff),
            (StaffFigure::AllowedFee, Some(0)) => Some(ColumnKey::Allowed),
            (StaffFigure::Deductible, Some(0)) => Some(ColumnKey::Deductible),
            (_, Some(k)) => Some(ColumnKey::Payer(k)),
            (_, None) => None,
        };
        if let Some(key) = key.filter(|key| !keys.contains(key)) {
            keys.push(key);
        }
    }
    keys
}
