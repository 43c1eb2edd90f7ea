//! Inputs shared by the benches: large treatment plans made from a sample.

use std::path::Path;

use ferrule::library::load_treatment_plan;
use ferrule::model::{LineId, TreatmentPlan, VisitId};

/// A plan whose first option repeats the bundling sample's visits until it has at
/// least `lines` lines (a visit a week), with a second option just like it.
pub fn generated_plan(root: &Path, lines: usize) -> Option<TreatmentPlan> {
    let mut doc = load_treatment_plan(&root.join("assets/samples/rules-bundling.ron")).ok()?;
    let mut option = doc.options.first()?.clone();
    let template = option.visits.clone();
    option.visits.clear();
    let mut week = 0u64;
    while option.visits.iter().map(|v| v.lines.len()).sum::<usize>() < lines {
        for visit in &template {
            let mut v = visit.clone();
            week += 1;
            v.id = VisitId(u32::try_from(week).ok()?);
            v.date = v.date.checked_add_days(chrono::Days::new(7 * week))?;
            for line in &mut v.lines {
                line.completed_at = None;
                line.id = LineId::default();
            }
            option.visits.push(v);
        }
    }
    let mut second = option.clone();
    second.name = format!("{} (copy)", option.name);
    second.id = ferrule::model::OptionId::default();
    doc.options = vec![option, second];
    doc.assign_ids();
    Some(doc)
}
