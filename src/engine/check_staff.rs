//! Warnings about figures entered by staff, providers and orthodontic terms
//! (issue 16 items 6-8) that the estimate passes over: none changes a number
//! beyond what the explanation already says, so all are warnings.

use crate::model::ortho::MAX_MONTHS;
use crate::model::problem::{DocumentProblem, Subject};
use crate::model::{Library, PlannedLine, TreatmentPlan};

/// Every such warning of `plan`, in document order.
pub(super) fn staff_problems(
    plan: &TreatmentPlan,
    library: &Library,
    out: &mut Vec<DocumentProblem>,
) {
    let providers = &library.providers.list;
    let unknown = |id: &str| !providers.is_empty() && !providers.iter().any(|p| p.id == id);
    if let Some(id) = plan.provider.as_deref().filter(|id| unknown(id)) {
        let message = format!(
            "the treatment plan's provider \"{id}\" is not in the practice settings: the practice's default provider is used"
        );
        out.push(DocumentProblem::warning(Subject::Document, message));
    }
    let lines = plan
        .options
        .iter()
        .flat_map(|o| o.visits.iter())
        .flat_map(|v| v.lines.iter());
    for line in lines {
        let mut warn = |what: String| {
            let message = format!("{}{}: {what}", line.code, tooth(line));
            out.push(DocumentProblem::warning(Subject::Line(line.id), message));
        };
        for entered in &line.overrides.payers {
            if !plan.coverage.iter().any(|c| c.plan == entered.plan) {
                warn(format!(
                    "figures entered by staff for plan \"{}\" are not used: the patient has no coverage under it",
                    entered.plan
                ));
            }
        }
        if let Some(id) = line.provider.as_deref().filter(|id| unknown(id)) {
            warn(format!(
                "provider \"{id}\" is not in the practice settings: the default provider's fees are used"
            ));
        }
        if let Some(case) = line
            .ortho
            .as_ref()
            .filter(|c| !(1..=MAX_MONTHS).contains(&c.months))
        {
            warn(format!(
                "an orthodontic case of {} months: expected 1 to {MAX_MONTHS}; the schedule uses {}",
                case.months,
                case.months.clamp(1, MAX_MONTHS)
            ));
        }
    }
}

fn tooth(line: &PlannedLine) -> String {
    line.tooth.map(|t| format!(" #{t}")).unwrap_or_default()
}
