//! Inputs shared by the benches: large treatment plans made from the samples, and
//! large libraries. Each bench uses some of them.
#![allow(
    dead_code,
    reason = "each bench binary uses only some of the generators"
)]

use std::path::Path;

use ferrule::library::load_treatment_plan;
use ferrule::model::{HistoryEntry, LineId, TreatmentPlan, VisitId};

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

/// Samples whose first option's visits make up a generated plan: between them
/// they meet every kind of rule the engine applies (bundling, frequency, age,
/// waiting periods, downgrades, exclusions, checkups).
const VISIT_SOURCES: [&str; 6] = [
    "rules-bundling.ron",
    "rules-frequency.ron",
    "rules-downgrades.ron",
    "rules-exclusions.ron",
    "rules-age-waiting.ron",
    "family-checkup.ron",
];

/// Plans a third payer can be drawn from when a shape asks for three.
const THIRD_PAYER: &str = "crestline-indemnity";

/// Issue 18's shape of a large input: the two-PPO patient of `rules-secondary.ron`
/// (Summit PPO primary, Bayside PPO secondary; `payers` 1 keeps the primary, 3
/// adds an indemnity plan) with `history` items on file and `options` options of
/// exactly `lines` lines each, a visit a week, drawn in turn from the samples
/// above.
pub fn shaped_plan(
    root: &Path,
    lines: usize,
    payers: usize,
    history: usize,
    options: usize,
) -> Option<TreatmentPlan> {
    let samples = root.join("assets/samples");
    let mut doc = load_treatment_plan(&samples.join("rules-secondary.ron")).ok()?;
    let mut templates = Vec::new();
    for name in VISIT_SOURCES {
        let source = load_treatment_plan(&samples.join(name)).ok()?;
        templates.extend(source.options.first()?.visits.iter().cloned());
    }
    let start = chrono::NaiveDate::from_ymd_opt(2026, 12, 7)?;
    let mut option = doc.options.first()?.clone();
    option.visits.clear();
    let mut count = 0;
    let mut week = 0u64;
    while count < lines {
        let template = templates.get(usize::try_from(week).ok()? % templates.len())?;
        let mut v = template.clone();
        v.id = VisitId(u32::try_from(week + 1).ok()?);
        v.date = start.checked_add_days(chrono::Days::new(7 * week))?;
        v.lines.truncate(lines - count);
        for line in &mut v.lines {
            line.completed_at = None;
            line.id = LineId::default();
        }
        count += v.lines.len();
        week += 1;
        option.visits.push(v);
    }
    doc.patient.history = history_like(&option, history, start);
    doc.coverage.truncate(payers.min(2));
    if payers > 2 {
        let mut third = doc.coverage.last()?.clone();
        third.plan = THIRD_PAYER.to_string();
        doc.coverage.push(third);
    }
    doc.options = (0..options.max(1))
        .map(|k| {
            let mut o = option.clone();
            o.name = format!("{} {}", option.name, k + 1);
            o.id = ferrule::model::OptionId::default();
            o
        })
        .collect();
    doc.assign_ids();
    Some(doc)
}

/// `n` history items on file: the option's own codes and areas, one every four
/// days going back from `before` (so frequency limits find some in their windows
/// and most outside).
fn history_like(
    option: &ferrule::model::TreatmentOption,
    n: usize,
    before: chrono::NaiveDate,
) -> Vec<HistoryEntry> {
    let lines: Vec<_> = option.visits.iter().flat_map(|v| v.lines.iter()).collect();
    (0..n)
        .filter_map(|k| {
            let line = lines.get(k % lines.len().max(1))?;
            let date = before.checked_sub_days(chrono::Days::new(4 * (k as u64 + 1)))?;
            Some(HistoryEntry {
                code: line.code,
                date,
                tooth: line.tooth,
                surfaces: line.surfaces,
                quadrant: line.quadrant,
                arch: line.arch,
            })
        })
        .collect()
}

/// A library folder under `dir` with the shipped fee schedules and plans and
/// `extra` more plans: copies of the shipped ones under new ids.
pub fn generated_library(root: &Path, dir: &Path, extra: usize) -> std::io::Result<()> {
    let _ = std::fs::remove_dir_all(dir);
    for sub in ["fee-schedules", "plans"] {
        std::fs::create_dir_all(dir.join(sub))?;
        for entry in std::fs::read_dir(root.join(sub))? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "ron")
                && let Some(name) = path.file_name()
            {
                std::fs::copy(&path, dir.join(sub).join(name))?;
            }
        }
    }
    let mut shipped: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(root.join("plans"))? {
        let path = entry?.path();
        let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "ron") {
            shipped.push((stem, std::fs::read_to_string(&path)?));
        }
    }
    shipped.sort();
    for k in 0..extra {
        let Some((id, text)) = shipped.get(k % shipped.len().max(1)) else {
            break;
        };
        let new_id = format!("{id}-gen-{k}");
        let text = text.replacen(&format!("id: \"{id}\""), &format!("id: \"{new_id}\""), 1);
        std::fs::write(dir.join("plans").join(format!("{new_id}.ron")), text)?;
    }
    Ok(())
}
