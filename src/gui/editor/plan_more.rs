//! More of the plan form: the benefit year, the classes the deductible is
//! waived for, the pre-authorisation codes, and the pickers inside a frequency
//! limit (what it counts per) and an alternate benefit (which teeth).

use std::path::Path;

use egui::Ui;

use super::plan_model::PlanDraft;
use crate::gui::widgets::commit_edit::{commit_edit, name_combo};
use crate::library;
use crate::model::plan::{BenefitYear, FrequencyScope, FrequencyWindow, ToothCondition};
use crate::model::{CodeSet, ProcedureClass};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn year_text(year: BenefitYear) -> String {
    match year {
        BenefitYear::Calendar => "calendar year".into(),
        BenefitYear::PlanYear { start_month } => {
            let month = MONTHS
                .get(start_month.saturating_sub(1) as usize)
                .copied()
                .unwrap_or("?");
            format!("plan year from {month} 1")
        }
    }
}

/// The benefit year picker.
pub fn benefit_year_ui(ui: &mut Ui, draft: &mut PlanDraft) {
    let shown = year_text(draft.plan.benefit_year);
    let mut chosen = None;
    let response = egui::ComboBox::from_id_salt("plan_benefit_year")
        .selected_text(shown.as_str())
        .show_ui(ui, |ui| {
            let choices = std::iter::once(BenefitYear::Calendar)
                .chain((2..=12).map(|start_month| BenefitYear::PlanYear { start_month }));
            for year in choices {
                let text = year_text(year);
                if ui.selectable_label(text == shown, text).clicked() {
                    chosen = Some(year);
                }
            }
        })
        .response;
    name_combo(&response, "Benefit year", &shown);
    if let Some(year) = chosen {
        draft.edit("benefit_year", |p| p.benefit_year = year);
    }
}

/// A tick per class: the deductible is waived for the ticked ones.
pub fn waived_ui(ui: &mut Ui, draft: &mut PlanDraft) {
    ui.horizontal_wrapped(|ui| {
        for class in ProcedureClass::ALL {
            let mut waived = draft.plan.deductible.waived_classes.contains(&class);
            let text = format!("no deductible for {}", class.label());
            if ui
                .checkbox(&mut waived, class.label())
                .on_hover_text(text)
                .changed()
            {
                draft.edit("deductible", |p| {
                    let list = &mut p.deductible.waived_classes;
                    list.retain(|c| *c != class);
                    if waived {
                        list.push(class);
                        list.sort();
                    }
                });
            }
        }
    });
}

/// The pre-authorisation codes ("D2740, D6010-D6199"); the reason when they
/// cannot be read.
pub fn preauthorization_ui(ui: &mut Ui, draft: &mut PlanDraft) -> Option<Result<(), String>> {
    let value = draft.plan.preauthorization.to_string();
    let label = "Pre-authorisation codes";
    let typed = commit_edit(ui, "plan_preauth", label, &value, "none", 320.0)?;
    Some(parse_codes(&typed).map(|set| {
        draft.edit("preauthorization", |p| p.preauthorization = set);
    }))
}

const SCOPES: [(FrequencyScope, &str); 5] = [
    (FrequencyScope::Patient, "per patient"),
    (FrequencyScope::Tooth, "per tooth"),
    (FrequencyScope::ToothSurface, "per tooth surface"),
    (FrequencyScope::Quadrant, "per quadrant"),
    (FrequencyScope::Arch, "per arch"),
];

/// What frequency limit `i` counts per.
pub fn scope_ui(ui: &mut Ui, draft: &mut PlanDraft, i: usize) {
    let Some(limit) = draft.plan.frequency_limits.get(i) else {
        return;
    };
    let shown = SCOPES
        .iter()
        .find(|(s, _)| *s == limit.scope)
        .map_or("", |(_, t)| t);
    let label = format!("Scope of {}", limit.name);
    let mut chosen = None;
    let response = egui::ComboBox::from_id_salt(("freq_scope", i))
        .selected_text(shown)
        .width(110.0)
        .show_ui(ui, |ui| {
            for (scope, text) in SCOPES {
                if ui.selectable_label(shown == text, text).clicked() {
                    chosen = Some(scope);
                }
            }
        })
        .response;
    name_combo(&response, &label, shown);
    if let Some(scope) = chosen {
        draft.edit("frequency_limits", |p| p.frequency_limits[i].scope = scope);
    }
}

/// Which teeth alternate benefit `i` applies to (a list of teeth is typed in
/// its section as text).
pub fn teeth_ui(ui: &mut Ui, draft: &mut PlanDraft, i: usize) {
    let Some(alternate) = draft.plan.alternate_benefits.get(i) else {
        return;
    };
    let shown = alternate.teeth.label();
    let label = format!("Teeth of {}", alternate.name);
    let mut chosen = None;
    let response = egui::ComboBox::from_id_salt(("alt_teeth", i))
        .selected_text(shown.as_str())
        .width(120.0)
        .show_ui(ui, |ui| {
            let choices = [
                ToothCondition::Any,
                ToothCondition::Posterior,
                ToothCondition::Molar,
                ToothCondition::SecondMolar,
            ];
            for teeth in choices {
                let text = teeth.label();
                if ui.selectable_label(text == shown, text).clicked() {
                    chosen = Some(teeth);
                }
            }
        })
        .response;
    name_combo(&response, &label, &shown);
    if let Some(teeth) = chosen {
        draft.edit("alternate_benefits", |p| {
            p.alternate_benefits[i].teeth = teeth
        });
    }
}

/// Reads "D0120, D0140-D0150" as a code set, with the loader's message.
pub fn parse_codes(text: &str) -> Result<CodeSet, String> {
    let items: Vec<String> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!("{s:?}"))
        .collect();
    let ron = format!("[{}]", items.join(", "));
    library::parse_ron(Path::new("codes"), &ron).map_err(|p| p.message)
}

/// A frequency window in words: "1 per" this.
pub fn window_text(window: FrequencyWindow) -> String {
    match window {
        FrequencyWindow::BenefitYear => "per benefit year".into(),
        FrequencyWindow::RollingMonths { months, .. } => format!("per {months} months, rolling"),
        FrequencyWindow::MonthsToTheDay(n) => format!("per {n} months"),
        FrequencyWindow::MonthsToTheMonth(n) => format!("per {n} months (to the month)"),
        FrequencyWindow::Days(n) => format!("per {n} days"),
        FrequencyWindow::Years(n) => format!("per {n} years"),
        FrequencyWindow::Lifetime => "per lifetime".into(),
    }
}
