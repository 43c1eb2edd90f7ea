//! Which waiting periods hold a line back, under the plan's setting that lets a
//! code's own period replace its class's instead of adding to it (issue 16 item
//! 9), and the step for a line that is covered only because of that setting.

use chrono::NaiveDate;

use crate::engine::input::Payer;
use crate::engine::services::Service;
use crate::engine::step::Step;
use crate::engine::window;
use crate::model::plan::WaitingPeriod;
use crate::model::{CdtCode, PlanRules, ProcedureClass};

/// Whether `wait` holds back a line of `code` in `class`: one that lists the code
/// always does; one that lists the class does unless a code period replaces it.
pub(super) fn applies(
    plan: &PlanRules,
    wait: &WaitingPeriod,
    code: CdtCode,
    class: ProcedureClass,
) -> bool {
    wait.codes.contains(code) || (wait.classes.contains(&class) && !replaced_by_code(plan, code))
}

/// The plan lets code periods replace class periods and one lists `code`.
fn replaced_by_code(plan: &PlanRules, code: CdtCode) -> bool {
    plan.settings.code_waiting_replaces_class
        && plan.waiting_periods.iter().any(|w| w.codes.contains(code))
}

/// For a line the plan covers on `dos`: the step saying its code's own period
/// replaced its class's, when the class's longest period had not ended yet (so
/// the line would be denied were the periods added). None otherwise.
pub(crate) fn waiting_replaced(payer: &Payer<'_>, s: &Service<'_>, dos: NaiveDate) -> Option<Step> {
    let plan = payer.plan;
    let code = s.line.code;
    if payer.coverage.waiting_periods_waived || !replaced_by_code(plan, code) {
        return None;
    }
    let effective = payer.coverage.effective?;
    let ends = |w: &WaitingPeriod| window::add_months_clamped(effective, w.months);
    let class_wait = plan
        .waiting_periods
        .iter()
        .filter(|w| w.classes.contains(&s.class) && !w.codes.contains(code))
        .filter(|w| dos < ends(w))
        .max_by_key(|w| w.months)?;
    let code_wait = plan
        .waiting_periods
        .iter()
        .filter(|w| w.codes.contains(code))
        .max_by_key(|w| w.months)?;
    Some(Step::WaitingPeriodReplaced {
        plan: payer.names.plan.clone(),
        code,
        months: code_wait.months,
        class: s.class,
        class_months: class_wait.months,
        class_covered_from: ends(class_wait),
    })
}
