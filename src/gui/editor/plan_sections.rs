//! A plan's sections as RON text ("Edit as text"): the fields the editor has no
//! form for yet (windows and scopes, tooth lists, bundling, exclusions...) are
//! typed as in a plan file and read by the loader's own parser, so its messages
//! (with `line:col` in the box) show on the section.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::plan_model::PlanDraft;
use crate::library;
use crate::model::PlanRules;

/// The sections offered as text, in the order shown.
pub const SECTIONS: [&str; 16] = [
    "code_coverage",
    "deductible",
    "maximum",
    "frequency_limits",
    "alternate_benefits",
    "age_limits",
    "waiting_periods",
    "missing_tooth_clause",
    "exclusions",
    "preauthorization",
    "bundling",
    "dhmo_upgrades",
    "settings",
    "rounding",
    "in_force_since",
    "benefit_year",
];

fn ron<T: Serialize>(value: &T) -> String {
    library::to_ron(value).unwrap_or_else(|e| format!("cannot be shown: {e}"))
}

/// The section's value as RON.
pub fn text_of(plan: &PlanRules, section: &str) -> String {
    match section {
        "code_coverage" => ron(&plan.code_coverage),
        "deductible" => ron(&plan.deductible),
        "maximum" => ron(&plan.maximum),
        "frequency_limits" => ron(&plan.frequency_limits),
        "alternate_benefits" => ron(&plan.alternate_benefits),
        "age_limits" => ron(&plan.age_limits),
        "waiting_periods" => ron(&plan.waiting_periods),
        "missing_tooth_clause" => ron(&plan.missing_tooth_clause),
        "exclusions" => ron(&plan.exclusions),
        "preauthorization" => ron(&plan.preauthorization),
        "bundling" => ron(&plan.bundling),
        "dhmo_upgrades" => ron(&plan.dhmo_upgrades),
        "settings" => ron(&plan.settings),
        "rounding" => ron(&plan.rounding),
        "in_force_since" => ron(&plan.in_force_since),
        "benefit_year" => ron(&plan.benefit_year),
        _ => String::new(),
    }
}

fn parse<T: DeserializeOwned>(section: &str, text: &str) -> Result<T, String> {
    library::parse_ron(Path::new(section), text).map_err(|p| p.to_string())
}

/// Reads `text` as the section and sets it (one undo step); the parser's
/// message when it cannot be read.
pub fn apply(draft: &mut PlanDraft, section: &str, text: &str) -> Result<(), String> {
    match section {
        "code_coverage" => {
            let value: std::collections::BTreeMap<_, _> = parse(section, text)?;
            let old: Vec<_> = draft.plan.code_coverage.keys().copied().collect();
            for code in old {
                if !value.contains_key(&code) {
                    draft.set_code_coverage(code, None);
                }
            }
            for (code, percent) in value {
                draft.set_code_coverage(code, Some(percent));
            }
        }
        "deductible" => set(draft, "deductible", parse(section, text)?, |p, v| {
            p.deductible = v
        }),
        "maximum" => set(draft, "maximum", parse(section, text)?, |p, v| {
            p.maximum = v
        }),
        "frequency_limits" => set(draft, "frequency_limits", parse(section, text)?, |p, v| {
            p.frequency_limits = v;
        }),
        "alternate_benefits" => set(
            draft,
            "alternate_benefits",
            parse(section, text)?,
            |p, v| {
                p.alternate_benefits = v;
            },
        ),
        "age_limits" => set(draft, "age_limits", parse(section, text)?, |p, v| {
            p.age_limits = v
        }),
        "waiting_periods" => set(draft, "waiting_periods", parse(section, text)?, |p, v| {
            p.waiting_periods = v;
        }),
        "missing_tooth_clause" => {
            set(
                draft,
                "missing_tooth_clause",
                parse(section, text)?,
                |p, v| {
                    p.missing_tooth_clause = v;
                },
            );
        }
        "exclusions" => set(draft, "exclusions", parse(section, text)?, |p, v| {
            p.exclusions = v
        }),
        "preauthorization" => set(draft, "preauthorization", parse(section, text)?, |p, v| {
            p.preauthorization = v;
        }),
        "bundling" => set(draft, "bundling", parse(section, text)?, |p, v| {
            p.bundling = v
        }),
        "dhmo_upgrades" => set(draft, "dhmo_upgrades", parse(section, text)?, |p, v| {
            p.dhmo_upgrades = v;
        }),
        "settings" => set(draft, "settings", parse(section, text)?, |p, v| {
            p.settings = v
        }),
        "rounding" => set(draft, "rounding", parse(section, text)?, |p, v| {
            p.rounding = v
        }),
        "in_force_since" => set(draft, "in_force_since", parse(section, text)?, |p, v| {
            p.in_force_since = v;
        }),
        "benefit_year" => set(draft, "benefit_year", parse(section, text)?, |p, v| {
            p.benefit_year = v;
        }),
        _ => return Err(format!("no section called {section:?}")),
    }
    Ok(())
}

fn set<T>(
    draft: &mut PlanDraft,
    field: &'static str,
    value: T,
    put: impl FnOnce(&mut PlanRules, T),
) {
    draft.edit(field, |plan| put(plan, value));
}
