//! "Mark completed": the [`Completion`] edit for a line, built from the engine's
//! estimate of it (what each payer pays and the deductible it takes), or the reason
//! the line cannot be completed yet. The GUI only picks the engine's amounts; the
//! edit adds them to the coverage when it is applied.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::estimates::EstimateCache;
use crate::engine::window::BenefitYearStart;
use crate::model::plan::DateOfServiceBasis;
use crate::model::{Completion, HistoryEntry, Library, LineId, PayerUse, TreatmentPlan};
use crate::money::Cents;

/// A line ready to be marked completed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ready {
    /// The edit.
    pub completion: Completion,
    /// Payers whose benefit year of the line is not the current one: their
    /// amounts used are for this year only, so they are left unchanged.
    pub other_year: Vec<String>,
}

/// The edit that marks `line` completed, or why it cannot be (shown beside the
/// disabled button).
pub fn completion(
    library: &Library,
    plan: &TreatmentPlan,
    estimates: &EstimateCache,
    today: NaiveDate,
    line: LineId,
) -> Result<Ready, String> {
    let Some(at) = plan.line(line) else {
        return Err("The line no longer exists.".to_string());
    };
    if estimates.blocked() {
        return Err("Fix the problems listed below first: its amounts are not known.".into());
    }
    let Some(estimate) = estimates.line(at.option.id, line) else {
        return Err("This line has no estimate, so its amounts used are not known.".into());
    };
    let Some(info) = library.catalogue.get(at.line.code) else {
        return Err("The code is not in the catalogue.".into());
    };
    let done = at.line;
    let entry = HistoryEntry {
        code: done.code,
        date: estimate.date,
        tooth: done.tooth,
        surfaces: done.surfaces,
        quadrant: done.quadrant,
        arch: done.arch,
    };
    let mut payers = Vec::new();
    let mut other_year = Vec::new();
    for (k, share) in estimate.payers.iter().enumerate() {
        let same = plan.coverage.get(k).is_some_and(|c| *c.plan == *share.plan);
        let Some(rules) = library.plans.get(&*share.plan).filter(|_| same) else {
            return Err("The insurance changed since the estimate was made.".into());
        };
        let service = match rules.settings.date_of_service {
            DateOfServiceBasis::Completion => estimate.date,
            DateOfServiceBasis::Start => estimate.started,
        };
        let year = BenefitYearStart {
            month: rules.benefit_year.start_month(),
        };
        // The amounts used on the card are the current benefit year's.
        if year.year_containing(service) != year.year_containing(today) {
            other_year.push(rules.name.clone());
            continue;
        }
        let maximum = &rules.maximum;
        let counts = !maximum.exempt_classes.contains(&info.class);
        let class_maximums: BTreeMap<String, Cents> = maximum
            .class_maximums
            .iter()
            .filter(|m| m.classes.contains(&info.class))
            .map(|m| (m.id.clone(), share.pays))
            .collect();
        payers.push(PayerUse {
            coverage: k,
            benefits: if counts { share.pays } else { Cents::ZERO },
            deductible: share.deductible,
            family: rules.deductible.family.is_some() || maximum.family_annual.is_some(),
            class_maximums,
        });
    }
    Ok(Ready {
        completion: Completion {
            line,
            entry,
            payers,
        },
        other_year,
    })
}
