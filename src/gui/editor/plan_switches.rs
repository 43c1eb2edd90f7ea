//! The plan form's settings carriers differ on (issue 16): how a denied line is
//! billed for each reason, whether a code's waiting period replaces its
//! class's, the write-off on a downgraded line, how an unlisted cheaper code is
//! priced, and the two later-payer limits in network. Each is inherited or
//! overridden on its own in a derived plan.

use egui::Ui;

use super::plan_list::{derived_controls, row};
use super::plan_model::PlanDraft;
use super::typed::combo;
use crate::model::PlanRules;
use crate::model::plan_settings::{
    DeniedBilling, DeniedBillingByReason, InNetworkCobLimit, UnlistedSubstitute,
};

const BY_REASON: &str = "settings.denied_billing_by_reason";

const BILLINGS: [(Option<DeniedBilling>, &str); 3] = [
    (None, "plan-wide"),
    (Some(DeniedBilling::ContractedFee), "contracted fee"),
    (Some(DeniedBilling::OfficeFee), "office fee"),
];

type Reason = fn(&mut DeniedBillingByReason) -> &mut Option<DeniedBilling>;

/// The reasons a line is denied for, with their words.
const REASONS: [(&str, Reason); 6] = [
    ("excluded", |r| &mut r.excluded),
    ("over a frequency limit", |r| &mut r.frequency),
    ("outside an age limit", |r| &mut r.age),
    ("in a waiting period", |r| &mut r.waiting_period),
    ("missing-tooth clause", |r| &mut r.missing_tooth),
    ("not covered", |r| &mut r.not_covered),
];

const SUBSTITUTES: [(UnlistedSubstitute, &str); 2] = [
    (
        UnlistedSubstitute::SubstituteOfficeFee,
        "the office fee for the cheaper code",
    ),
    (
        UnlistedSubstitute::BilledCodeFee,
        "the performed code's fee (no downgrade)",
    ),
];

const COB_LIMITS: [(InNetworkCobLimit, &str); 2] = [
    (
        InNetworkCobLimit::PrimaryContractedFee,
        "the first plan's contracted fee",
    ),
    (
        InNetworkCobLimit::HigherContractedFee,
        "the higher contracted fee",
    ),
];

/// The switches that are a tick: field, words.
const TICKS: [(&str, &str); 3] = [
    (
        "settings.code_waiting_replaces_class",
        "A code's own waiting period replaces its class's",
    ),
    (
        "settings.write_off_on_downgrade",
        "In network, write off on a line paid as a cheaper code",
    ),
    (
        "settings.own_contract_caps_secondary",
        "As a later payer in network, pay at most its own contracted fee less what was paid",
    ),
];

fn tick<'a>(p: &'a mut PlanRules, field: &str) -> Option<&'a mut bool> {
    let s = &mut p.settings;
    match field {
        "settings.code_waiting_replaces_class" => Some(&mut s.code_waiting_replaces_class),
        "settings.write_off_on_downgrade" => Some(&mut s.write_off_on_downgrade),
        "settings.own_contract_caps_secondary" => Some(&mut s.own_contract_caps_secondary),
        _ => None,
    }
}

/// The label of a denial reason's billing.
pub fn denied_label(reason: &str) -> String {
    format!("Denied line billed at, {reason}")
}

/// The six switches.
pub fn switches_ui(ui: &mut Ui, draft: &mut PlanDraft) {
    by_reason_ui(ui, draft);
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
    let settings = draft.plan.settings.clone();
    let field = "settings.unlisted_substitute";
    row(ui, "Unlisted cheaper code", draft.inherits(field), |ui| {
        let label = "A cheaper code the schedule does not list is priced at";
        let current = settings.unlisted_substitute;
        if let Some(v) = combo(ui, "unlisted", label, current, &SUBSTITUTES, 250.0) {
            draft.edit(field, |p| p.settings.unlisted_substitute = v);
        }
        derived_controls(ui, draft, field);
    });
    let field = "settings.in_network_cob_limit";
    row(ui, "In network with both", draft.inherits(field), |ui| {
        let label = "As a later payer, what the office may collect is limited by";
        let current = settings.in_network_cob_limit;
        if let Some(v) = combo(ui, "cob_limit", label, current, &COB_LIMITS, 250.0) {
            draft.edit(field, |p| p.settings.in_network_cob_limit = v);
        }
        derived_controls(ui, draft, field);
    });
}

/// A denied line's billing per reason ("plan-wide" follows the plan's setting).
fn by_reason_ui(ui: &mut Ui, draft: &mut PlanDraft) {
    let inherited = draft.inherits(BY_REASON);
    ui.horizontal(|ui| {
        let text = egui::RichText::new("Denied lines billed at, by reason:");
        ui.label(if inherited { text.weak() } else { text });
        derived_controls(ui, draft, BY_REASON);
    });
    let mut by_reason = draft.plan.settings.denied_billing_by_reason;
    for (i, (reason, slot)) in REASONS.into_iter().enumerate() {
        row(ui, reason, inherited, |ui| {
            let current = *slot(&mut by_reason);
            let label = denied_label(reason);
            if let Some(v) = combo(ui, ("by_reason", i), &label, current, &BILLINGS, 130.0) {
                draft.edit(BY_REASON, |p| {
                    *slot(&mut p.settings.denied_billing_by_reason) = v;
                });
            }
        });
    }
}
