//! Staff sentences for the steps of issue 16: separate deductibles, maximums of
//! their own outside the annual maximum, the rollover bank, and the missing-tooth
//! clause read from an extraction in the history.

use crate::engine::Step;
use crate::report::fmt::{dollars as money, iso_date as date};

/// One of these steps as one sentence (other steps: empty; `sentence` routes).
pub(super) fn sentence(step: &Step) -> String {
    match step {
        Step::SeparateDeductible {
            plan,
            name,
            individual,
            amount,
            remaining,
        } => format!(
            "{plan}: {name} {}: {} applied; {} of it left after this line.",
            money(*individual),
            money(*amount),
            money(*remaining)
        ),
        Step::OutsideAnnual {
            plan,
            maximum,
            left,
        } => format!(
            "{plan}: paid under its {maximum} ({} left), outside the annual maximum: it neither counts toward nor is limited by it.",
            money(*left)
        ),
        Step::RolloverDrawn { plan, drawn, left } => format!(
            "{plan}: the annual maximum is used up; {} drawn from the rollover bank (unused maximum carried from earlier years), {} left in it.",
            money(*drawn),
            money(*left)
        ),
        Step::MissingToothExtracted {
            plan,
            tooth,
            code,
            date: extracted,
            effective,
        } => format!(
            "{plan}: the history shows tooth #{tooth} extracted ({code}) on {}, before coverage started on {}; the missing-tooth clause means the plan does not pay for replacing it.",
            date(*extracted),
            date(*effective)
        ),
        _ => String::new(),
    }
}
