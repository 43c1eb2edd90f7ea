//! The plan form's settings (the smaller switches, each with the usual
//! default), where the deductible sits, and the family deductible's model. In
//! a derived plan each is inherited or overridden on its own.

use egui::Ui;

use super::plan_list::{Typed, derived_controls, row};
use super::plan_model::PlanDraft;
use super::plan_trial::Env;
use super::typed::{combo, read_count};
use crate::model::plan::{
    DateOfServiceBasis, DeductiblePlacement, DeniedBilling, FamilyDeductibleModel,
};

const DATES: [(DateOfServiceBasis, &str); 2] = [
    (DateOfServiceBasis::Completion, "the completing visit"),
    (DateOfServiceBasis::Start, "the first visit"),
];

const DENIED: [(DeniedBilling, &str); 2] = [
    (DeniedBilling::ContractedFee, "the contracted fee"),
    (DeniedBilling::OfficeFee, "the office fee"),
];

const PLACEMENTS: [(DeductiblePlacement, &str); 2] = [
    (
        DeductiblePlacement::BeforeCoinsurance,
        "before the percentage",
    ),
    (
        DeductiblePlacement::AfterCoinsurance,
        "after the percentage",
    ),
];

/// The switches that are a tick: field, words.
const TICKS: [(&str, &str); 4] = [
    (
        "settings.write_off_after_maximum",
        "In network, keep writing off once the maximum is used up",
    ),
    (
        "settings.write_off_when_secondary",
        "Estimate a write-off when this plan is not the primary",
    ),
    (
        "settings.coordinates_benefits",
        "Coordinates benefits (has a COB provision)",
    ),
    (
        "settings.credit_deductible_when_paying_nothing",
        "As a later payer, count the deductible met on a line it pays nothing for",
    ),
];

fn tick<'a>(p: &'a mut crate::model::PlanRules, field: &str) -> Option<&'a mut bool> {
    let s = &mut p.settings;
    match field {
        "settings.write_off_after_maximum" => Some(&mut s.write_off_after_maximum),
        "settings.write_off_when_secondary" => Some(&mut s.write_off_when_secondary),
        "settings.coordinates_benefits" => Some(&mut s.coordinates_benefits),
        "settings.credit_deductible_when_paying_nothing" => {
            Some(&mut s.credit_deductible_when_paying_nothing)
        }
        _ => None,
    }
}

/// The settings.
pub fn settings_ui(ui: &mut Ui, draft: &mut PlanDraft) {
    let settings = draft.plan.settings.clone();
    let field = "settings.date_of_service";
    row(ui, "Date of service", draft.inherits(field), |ui| {
        let label = "Multi-visit work is dated at";
        if let Some(v) = combo(ui, "dos", label, settings.date_of_service, &DATES, 170.0) {
            draft.edit(field, |p| p.settings.date_of_service = v);
        }
        derived_controls(ui, draft, field);
    });
    let field = "settings.denied_lines_billed_at";
    row(ui, "Denied lines billed at", draft.inherits(field), |ui| {
        let label = "Denied lines billed at";
        if let Some(v) = combo(
            ui,
            "denied",
            label,
            settings.denied_lines_billed_at,
            &DENIED,
            170.0,
        ) {
            draft.edit(field, |p| p.settings.denied_lines_billed_at = v);
        }
        derived_controls(ui, draft, field);
    });
    for (field, words) in TICKS {
        ui.horizontal(|ui| {
            let mut on = tick(&mut draft.plan.clone(), field).is_some_and(|b| *b);
            if ui.checkbox(&mut on, words).changed() {
                draft.edit(field, |p| {
                    if let Some(b) = tick(p, field) {
                        *b = on;
                    }
                });
            }
            derived_controls(ui, draft, field);
        });
    }
}

/// Where the deductible sits, and how a family deductible is met.
pub fn deductible_model_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    let deductible = draft.plan.deductible.clone();
    let field = "deductible.placement";
    row(ui, "Deductible taken", draft.inherits(field), |ui| {
        let label = "Deductible placement";
        if let Some(v) = combo(
            ui,
            "placement",
            label,
            deductible.placement,
            &PLACEMENTS,
            170.0,
        ) {
            draft.edit(field, |p| p.deductible.placement = v);
        }
        derived_controls(ui, draft, field);
    });
    let field = "deductible.family_model";
    row(ui, "Family deductible met", draft.inherits(field), |ui| {
        let members = match deductible.family_model {
            FamilyDeductibleModel::AggregateDollars => None,
            FamilyDeductibleModel::MemberCount(n) => Some(n),
        };
        let kinds = [
            (false, "when its dollars add up"),
            (true, "when members each meet theirs:"),
        ];
        let label = "Family deductible model";
        if let Some(count) = combo(ui, "family_model", label, members.is_some(), &kinds, 200.0) {
            let model = if count {
                FamilyDeductibleModel::MemberCount(2)
            } else {
                FamilyDeductibleModel::AggregateDollars
            };
            draft.edit(field, |p| p.deductible.family_model = model);
        }
        if let Some(n) = members {
            let typed = Typed {
                label: "Members who meet the family deductible",
                hint: "",
                width: 30.0,
                field,
            };
            let read = |t: &str| read_count(t, 0);
            typed.show(ui, draft, env, &n.to_string(), read, |p, v| {
                p.deductible.family_model = FamilyDeductibleModel::MemberCount(v);
            });
        }
        derived_controls(ui, draft, field);
    });
}
