//! The plan form's separate deductibles (`deductible.separate`): deductibles of
//! their own for some classes, codes or code groups (a preventive, orthodontic
//! or major-services deductible), each in a box with its name, id, what it
//! names, its amounts and its period.

use egui::Ui;

use super::plan_benefits::{read_codes_in, read_optional_money};
use super::plan_extras::read_money;
use super::plan_list::{List, Remove, Typed};
use super::plan_model::PlanDraft;
use super::plan_trial::Env;
use super::typed::{classes_menu, combo, read_required};
use crate::model::benefit_rows::SeparateDeductible;
use crate::model::plan::DeductiblePeriod;
use crate::model::{CodeSet, PlanRules, ProcedureClass};
use crate::money::Cents;

const FIELD: &str = "deductible.separate";

const PERIODS: [(DeductiblePeriod, &str); 2] = [
    (DeductiblePeriod::BenefitYear, "per benefit year"),
    (DeductiblePeriod::Lifetime, "per lifetime"),
];

fn row_of(p: &mut PlanRules, i: usize) -> Option<&mut SeparateDeductible> {
    p.deductible.separate.get_mut(i)
}

/// The separate deductibles.
pub fn separate_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    List {
        field: FIELD,
        add: "Add a separate deductible",
        items: |p| &p.deductible.separate,
        items_mut: |p| &mut p.deductible.separate,
        new_item: || SeparateDeductible {
            id: "major".into(),
            name: "Major-services deductible".into(),
            classes: vec![ProcedureClass::MajorRestorative],
            codes: CodeSet::default(),
            individual: Cents::from_dollars(100),
            family: None,
            period: DeductiblePeriod::BenefitYear,
        },
        name: |_, d| d.name.clone(),
    }
    .show(ui, draft, |ui, draft, i, d, remove| {
        item_ui(ui, draft, env, i, d, remove);
    });
}

fn text_field<'a>(label: &'a str, hint: &'a str, width: f32) -> Typed<'a> {
    Typed {
        label,
        hint,
        width,
        field: FIELD,
    }
}

fn item_ui(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    env: &Env<'_>,
    i: usize,
    d: &SeparateDeductible,
    remove: &mut Remove,
) {
    ui.horizontal_wrapped(|ui| {
        let label = format!("Name of separate deductible {}", i + 1);
        text_field(&label, "", 200.0).show(ui, draft, env, &d.name, read_required, move |p, v| {
            if let Some(d) = row_of(p, i) {
                d.name = v;
            }
        });
        ui.label("id");
        let label = format!("Id of {}", d.name);
        text_field(&label, "major", 70.0).show(
            ui,
            draft,
            env,
            &d.id,
            read_required,
            move |p, v| {
                if let Some(d) = row_of(p, i) {
                    d.id = v;
                }
            },
        );
        ui.label("classes");
        if let Some(list) = classes_menu(ui, &format!("Classes of {}", d.name), &d.classes) {
            draft.edit(FIELD, |p| {
                if let Some(d) = row_of(p, i) {
                    d.classes = list;
                }
            });
        }
    });
    ui.horizontal(|ui| {
        ui.label("codes");
        let label = format!("Codes of {}", d.name);
        let library = env.library;
        let read = |t: &str| read_codes_in(library, t);
        let codes = d.codes.to_string();
        text_field(&label, "D6010-D6199, @implants", 260.0).show(
            ui,
            draft,
            env,
            &codes,
            read,
            move |p, v| {
                if let Some(d) = row_of(p, i) {
                    d.codes = v;
                }
            },
        );
    });
    ui.horizontal_wrapped(|ui| amounts_ui(ui, draft, env, i, d, remove));
}

fn amounts_ui(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    env: &Env<'_>,
    i: usize,
    d: &SeparateDeductible,
    remove: &mut Remove,
) {
    ui.label("per person");
    let label = format!("Individual amount of {}", d.name);
    let text = d.individual.to_plain_string();
    text_field(&label, "0.00", 70.0).show(ui, draft, env, &text, read_money, move |p, v| {
        if let Some(d) = row_of(p, i) {
            d.individual = v;
        }
    });
    ui.label("family");
    let label = format!("Family amount of {}", d.name);
    let text = d.family.map(Cents::to_plain_string).unwrap_or_default();
    let family = text_field(&label, "none", 70.0);
    family.show(ui, draft, env, &text, read_optional_money, move |p, v| {
        if let Some(d) = row_of(p, i) {
            d.family = v;
        }
    });
    let label = format!("Period of {}", d.name);
    if let Some(period) = combo(ui, "separate_period", &label, d.period, &PERIODS, 120.0) {
        draft.edit(FIELD, |p| {
            if let Some(d) = row_of(p, i) {
                d.period = period;
            }
        });
    }
    remove.button(ui);
}
