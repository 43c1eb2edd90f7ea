//! More of the plan form: the benefit year, the classes the deductible is
//! waived for, the pre-authorisation codes, and which teeth a rule applies to.

use std::path::Path;

use egui::Ui;

use super::plan_list::Typed;
use super::plan_model::PlanDraft;
use super::plan_trial::Env;
use super::typed::combo;
use crate::gui::widgets::commit_edit::name_combo;
use crate::library;
use crate::model::plan::{BenefitYear, ToothCondition};
use crate::model::tooth::Tooth;
use crate::model::{CodeSet, PlanRules, ProcedureClass};

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
                draft.edit("deductible.waived_classes", |p| {
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

/// The pre-authorisation codes ("D2740, D6010-D6199").
pub fn preauthorization_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    let value = draft.plan.preauthorization.to_string();
    let typed = Typed {
        label: "Pre-authorisation codes",
        hint: "none",
        width: 320.0,
        field: "preauthorization",
    };
    typed.show(ui, draft, env, &value, parse_codes, |p, set| {
        p.preauthorization = set;
    });
}

/// The kinds of tooth condition, as picked (a list of teeth is typed beside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TeethKind {
    Any,
    Posterior,
    Molar,
    SecondMolar,
    Listed,
}

const TEETH: [(TeethKind, &str); 5] = [
    (TeethKind::Any, "any tooth"),
    (TeethKind::Posterior, "back teeth"),
    (TeethKind::Molar, "molars"),
    (TeethKind::SecondMolar, "second and third molars"),
    (TeethKind::Listed, "these teeth:"),
];

fn teeth_kind(teeth: &ToothCondition) -> TeethKind {
    match teeth {
        ToothCondition::Any => TeethKind::Any,
        ToothCondition::Posterior => TeethKind::Posterior,
        ToothCondition::Molar => TeethKind::Molar,
        ToothCondition::SecondMolar => TeethKind::SecondMolar,
        ToothCondition::Teeth(_) => TeethKind::Listed,
    }
}

/// Reads "3, 14, 19" as teeth (Universal numbers or primary letters).
pub fn read_teeth(text: &str) -> Result<Vec<Tooth>, String> {
    let teeth: Result<Vec<Tooth>, String> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| Tooth::parse(s).map_err(|e| e.to_string()))
        .collect();
    let teeth = teeth?;
    if teeth.is_empty() {
        return Err("no tooth: expected one or more teeth".into());
    }
    Ok(teeth)
}

/// Which teeth a rule applies to: a kind, and the teeth typed for a list.
/// `name` is the rule's name (labels "Teeth of {name}"); `put` sets it.
pub fn teeth_ui(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    env: &Env<'_>,
    (name, field): (&str, &'static str),
    teeth: &ToothCondition,
    put: impl Fn(&mut PlanRules, ToothCondition) + Copy,
) {
    ui.label("on");
    let kind = teeth_kind(teeth);
    let label = format!("Teeth of {name}");
    if let Some(new) = combo(ui, "teeth", &label, kind, &TEETH, 140.0) {
        let condition = match new {
            TeethKind::Any => ToothCondition::Any,
            TeethKind::Posterior => ToothCondition::Posterior,
            TeethKind::Molar => ToothCondition::Molar,
            TeethKind::SecondMolar => ToothCondition::SecondMolar,
            // A list starts with the lower first molars, to type over.
            TeethKind::Listed => ToothCondition::Teeth(read_teeth("19, 30").unwrap_or_default()),
        };
        draft.edit(field, |p| put(p, condition));
    }
    if let ToothCondition::Teeth(list) = teeth {
        let value: Vec<String> = list.iter().map(ToString::to_string).collect();
        let label = format!("Teeth listed for {name}");
        let typed = Typed {
            label: &label,
            hint: "3, 14, 19",
            width: 110.0,
            field,
        };
        let read = |t: &str| read_teeth(t).map(ToothCondition::Teeth);
        typed.show(ui, draft, env, &value.join(", "), read, put);
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
