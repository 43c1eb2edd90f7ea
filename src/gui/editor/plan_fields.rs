//! The plan editor's form: names, network and schedule, COB, benefit year,
//! coverage by class, deductible and maximums, then every rule section as a
//! form (frequency limits, alternate benefits, age limits, waiting periods,
//! missing-tooth clause, exclusions, pre-authorisation, bundling, DHMO
//! upgrades, settings), notes, and every section as text ("Edit as text", the
//! fallback). Each field is checked as it is typed with the loader's checks; a
//! derived plan's inherited values are greyed, with "override" and "back to
//! inherited" (a record's fields one by one).

use std::collections::BTreeMap;

use egui::{TextEdit, Ui};

use super::plan_benefits;
use super::plan_codes;
use super::plan_extras::{self, read_money};
use super::plan_limits;
use super::plan_list::{Typed, derived_controls, heading, row};
use super::plan_model::{Checked, PlanDraft};
use super::plan_more;
use super::plan_rules;
use super::plan_sections::{self, SECTIONS};
use super::plan_separate;
use super::plan_settings;
use super::plan_switches;
use super::plan_templates;
use super::plan_trial::Env;
use super::typed::{read_required, typed_edit};
use crate::gui::widgets::commit_edit::{name, name_combo};
use crate::model::plan::{CobMethod, Network};
use crate::model::{Library, PlanRules, ProcedureClass};
use crate::money::{Cents, Percent};

pub use super::plan_rules::{codes_label, count_label, paid_as_label};

/// What the form keeps between frames.
#[derive(Debug, Default)]
pub struct FormState {
    /// A section typed as text that could not be read, by its label.
    pub errors: BTreeMap<String, String>,
    /// The text of each section as typed ("Edit as text").
    pub sections: BTreeMap<&'static str, String>,
    /// The draft revision the section texts were taken at.
    pub revision: Option<u64>,
}

/// Draws the whole form for `draft`; `env.checked` holds the loader's
/// problems, each shown on the section it is in.
pub fn form_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>, state: &mut FormState) {
    if state.revision != Some(draft.revision) {
        state.sections.clear();
        state.revision = Some(draft.revision);
    }
    let on = |ui: &mut Ui, fields: &[&str]| field_problems(ui, env.checked, fields);
    heading(ui, "Plan");
    names_ui(ui, draft, env);
    on(ui, &["id", "name", "carrier"]);
    network_row(ui, draft, env.library);
    on(ui, &["network"]);
    plan_benefits::schedules_ui(ui, draft, env);
    on(ui, &["fixed_benefits", "copays"]);
    cob_row(ui, draft);
    on(ui, &["cob"]);
    let inherited = draft.inherits("benefit_year");
    row(ui, "Benefit year", inherited, |ui| {
        plan_more::benefit_year_ui(ui, draft);
        derived_controls(ui, draft, "benefit_year");
    });
    heading(ui, "Coverage by class");
    coverage_rows(ui, draft, env);
    on(ui, &["coverage"]);
    ui.label("Codes paid at a percentage of their own:");
    plan_codes::code_coverage_ui(ui, draft, env);
    on(ui, &["code_coverage"]);
    ui.label("Code groups paid at a percentage of their own:");
    plan_benefits::group_coverage_ui(ui, draft, env);
    on(ui, &["group_coverage"]);
    heading(ui, "Deductible and maximums");
    money_rows(ui, draft, env);
    ui.horizontal(|ui| {
        ui.label("No deductible for:");
        derived_controls(ui, draft, "deductible.waived_classes");
    });
    plan_more::waived_ui(ui, draft);
    plan_settings::deductible_model_ui(ui, draft, env);
    plan_extras::deductible_more_ui(ui, draft);
    ui.label("Separate deductibles");
    plan_separate::separate_ui(ui, draft, env);
    plan_extras::class_maximums_ui(ui, draft, env);
    plan_benefits::rollover_ui(ui, draft, env);
    on(ui, &["deductible", "maximum"]);
    rule_sections(ui, draft, env);
    heading(ui, "Notes");
    notes_row(ui, draft);
    heading(ui, "Every section as text");
    ui.weak("Typed as in a plan file; Apply reads it with the loader's checks.");
    for section in SECTIONS {
        section_ui(ui, draft, state, section);
        on(ui, &[section]);
    }
}

/// The rule sections, each a form that opens and closes.
fn rule_sections(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    type Section = fn(&mut Ui, &mut PlanDraft, &Env<'_>);
    let sections: [(&str, &str, Section); 9] = [
        (
            "Frequency limits",
            "frequency_limits",
            plan_rules::frequency_ui,
        ),
        (
            "Alternate benefits",
            "alternate_benefits",
            plan_rules::alternates_ui,
        ),
        ("Age limits", "age_limits", plan_limits::age_limits_ui),
        (
            "Waiting periods",
            "waiting_periods",
            plan_limits::waiting_periods_ui,
        ),
        (
            "Missing-tooth clause",
            "missing_tooth_clause",
            plan_limits::missing_tooth_ui,
        ),
        ("Exclusions", "exclusions", plan_limits::exclusions_ui),
        ("Bundling rules", "bundling", plan_extras::bundling_ui),
        (
            "DHMO upgrade charges",
            "dhmo_upgrades",
            plan_extras::upgrades_ui,
        ),
        (
            "Pre-authorisation",
            "preauthorization",
            preauthorization_row,
        ),
    ];
    for (title, field, section) in sections {
        egui::CollapsingHeader::new(egui::RichText::new(title).strong())
            .id_salt(("rules", field))
            .default_open(true)
            .show(ui, |ui| {
                section(ui, draft, env);
                field_problems(ui, env.checked, &[field]);
            });
    }
    egui::CollapsingHeader::new(egui::RichText::new("Settings").strong())
        .id_salt(("rules", "settings"))
        .default_open(true)
        .show(ui, |ui| {
            plan_settings::settings_ui(ui, draft);
            plan_switches::switches_ui(ui, draft);
            field_problems(ui, env.checked, &["settings"]);
        });
}

/// The loader's problems inside `fields`, in the error colour.
fn field_problems(ui: &mut Ui, checked: Option<&Checked>, fields: &[&str]) {
    let Some(checked) = checked else {
        return;
    };
    let colour = ui.visuals().error_fg_color;
    for field in fields {
        for message in checked.on(field) {
            ui.colored_label(colour, message);
        }
    }
}

fn names_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    let rows: [(&str, &'static str, &str); 3] = [
        ("Plan id", "id", "summit-ppo-1500"),
        ("Plan name", "name", ""),
        ("Carrier", "carrier", ""),
    ];
    for (label, field, hint) in rows {
        let value = match field {
            "id" => draft.plan.id.clone(),
            "name" => draft.plan.name.clone(),
            _ => draft.plan.carrier.clone(),
        };
        row(ui, label, draft.inherits(field), |ui| {
            let typed = Typed {
                label,
                hint,
                width: (ui.available_width() - 8.0).clamp(160.0, 320.0),
                field,
            };
            let read = |t: &str| match field {
                "carrier" => Ok(t.trim().to_string()),
                _ => read_required(t),
            };
            typed.show(ui, draft, env, &value, read, move |p, v| match field {
                "id" => p.id = v,
                "name" => p.name = v,
                _ => p.carrier = v,
            });
            if field != "id" {
                derived_controls(ui, draft, field);
            }
        });
    }
}

const NETWORKS: [&str; 5] = [
    "in-network PPO",
    "out-of-network PPO",
    "indemnity",
    "scheduled allowance",
    "dental HMO",
];

fn network_of(kind: &str, schedule: &str) -> Network {
    let id = schedule.to_string();
    match kind {
        "out-of-network PPO" => Network::OutOfNetwork { allowed: id },
        "indemnity" => Network::Indemnity { allowed: id },
        "scheduled allowance" => Network::ScheduledAllowance { schedule: id },
        "dental HMO" => Network::Dhmo { copays: id },
        _ => Network::InNetwork { contracted: id },
    }
}

fn network_row(ui: &mut Ui, draft: &mut PlanDraft, library: &Library) {
    let inherited = draft.inherits("network");
    let kind = draft.plan.network.label();
    let schedule = draft.plan.network.schedule_id().to_string();
    let mut new = None;
    row(ui, "Network", inherited, |ui| {
        let response = egui::ComboBox::from_id_salt("plan_network")
            .selected_text(kind)
            .show_ui(ui, |ui| {
                for choice in NETWORKS {
                    if ui.selectable_label(kind == choice, choice).clicked() {
                        new = Some(network_of(choice, &schedule));
                    }
                }
            })
            .response;
        name_combo(&response, "Network", kind);
        let wanted = plan_templates::schedule_kind(&draft.plan.network);
        let response = egui::ComboBox::from_id_salt("plan_schedule")
            .selected_text(schedule.as_str())
            .width(170.0)
            .show_ui(ui, |ui| {
                for s in library.fee_schedules.values().filter(|s| s.kind == wanted) {
                    if ui.selectable_label(s.id == schedule, &s.name).clicked() {
                        let mut network = draft.plan.network.clone();
                        plan_templates::set_schedule(&mut network, &s.id);
                        new = Some(network);
                    }
                }
            })
            .response;
        name_combo(&response, "Fee schedule of the plan", &schedule);
        derived_controls(ui, draft, "network");
    });
    if let Some(network) = new {
        draft.edit("network", |p| p.network = network);
    }
}

const COB: [(CobMethod, &str); 6] = [
    (CobMethod::Standard, "standard"),
    (CobMethod::NonDuplication, "non-duplication"),
    (CobMethod::CarveOut, "carve-out"),
    (CobMethod::MaintenanceOfBenefits, "maintenance of benefits"),
    (CobMethod::Basic, "basic"),
    (CobMethod::Medicaid, "Medicaid"),
];

fn cob_row(ui: &mut Ui, draft: &mut PlanDraft) {
    let inherited = draft.inherits("cob");
    let shown = COB
        .iter()
        .find(|(m, _)| *m == draft.plan.cob)
        .map_or("", |(_, t)| t);
    let mut chosen = None;
    row(ui, "As secondary (COB)", inherited, |ui| {
        let response = egui::ComboBox::from_id_salt("plan_cob")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (method, text) in COB {
                    if ui.selectable_label(shown == text, text).clicked() {
                        chosen = Some(method);
                    }
                }
            })
            .response;
        name_combo(&response, "COB method", shown);
        derived_controls(ui, draft, "cob");
    });
    if let Some(method) = chosen {
        draft.edit("cob", |p| p.cob = method);
    }
}

/// The label of a class's coverage field.
pub fn coverage_label(class: ProcedureClass) -> String {
    format!("Coverage {}", class.label())
}

fn coverage_rows(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    for class in ProcedureClass::ALL {
        let label = coverage_label(class);
        let inherited = draft.derivation.is_some() && draft.inherits_class(class);
        let value = draft
            .plan
            .coverage
            .get(&class)
            .map(ToString::to_string)
            .unwrap_or_default();
        row(ui, class.label(), inherited, |ui| {
            let shared: &PlanDraft = draft;
            let read = |t: &str| {
                let percent = parse_percent(t)?;
                env.accept(shared, "coverage", percent, |p, v| set_class(p, class, v))
            };
            let salt = ("plan_cov", class);
            if let Some(percent) = typed_edit(ui, salt, &label, &value, "not covered", 70.0, read) {
                draft.set_class_coverage(class, percent);
            }
            if draft.derivation.is_some() {
                if inherited {
                    ui.weak("inherited");
                } else if ui.small_button("back to inherited").clicked() {
                    draft.class_back_to_inherited(class);
                }
            }
        });
    }
}

fn set_class(plan: &mut PlanRules, class: ProcedureClass, percent: Option<Percent>) {
    match percent {
        Some(p) => plan.coverage.insert(class, p),
        None => plan.coverage.remove(&class),
    };
}

fn parse_percent(text: &str) -> Result<Option<Percent>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Percent::parse(text).map(Some).map_err(|e| e.to_string())
}

fn read_optional_money(text: &str) -> Result<Option<Cents>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    read_money(text).map(Some)
}

fn money_rows(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    let plan = &draft.plan;
    let rows: [(&str, &'static str, Option<Cents>); 4] = [
        (
            "Deductible",
            "deductible.individual",
            Some(plan.deductible.individual),
        ),
        (
            "Family deductible",
            "deductible.family",
            plan.deductible.family,
        ),
        ("Annual maximum", "maximum.annual", plan.maximum.annual),
        (
            "Family maximum",
            "maximum.family_annual",
            plan.maximum.family_annual,
        ),
    ];
    for (label, field, value) in rows {
        let shown = value.map(Cents::to_plain_string).unwrap_or_default();
        row(ui, label, draft.inherits(field), |ui| {
            let typed = Typed {
                label,
                hint: "none",
                width: 100.0,
                field,
            };
            typed.show(
                ui,
                draft,
                env,
                &shown,
                read_optional_money,
                move |p, v| match field {
                    "deductible.individual" => p.deductible.individual = v.unwrap_or(Cents::ZERO),
                    "deductible.family" => p.deductible.family = v,
                    "maximum.annual" => p.maximum.annual = v,
                    _ => p.maximum.family_annual = v,
                },
            );
            derived_controls(ui, draft, field);
        });
    }
}

fn preauthorization_row(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    let inherited = draft.inherits("preauthorization");
    row(ui, "Codes", inherited, |ui| {
        plan_more::preauthorization_ui(ui, draft, env);
        derived_controls(ui, draft, "preauthorization");
    });
}

fn notes_row(ui: &mut Ui, draft: &mut PlanDraft) {
    let id = ui.make_persistent_id("plan_notes");
    let mut text: String = ui
        .data(|d| d.get_temp(id))
        .unwrap_or_else(|| draft.plan.notes.clone().unwrap_or_default());
    let response = ui.add(
        TextEdit::multiline(&mut text)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    name(&response, "Plan notes", &text, "");
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
        if response.lost_focus() {
            let notes = (!text.trim().is_empty()).then_some(text);
            draft.edit("notes", |p| p.notes = notes);
        }
    }
    ui.horizontal(|ui| derived_controls(ui, draft, "notes"));
}

fn section_ui(ui: &mut Ui, draft: &mut PlanDraft, state: &mut FormState, section: &'static str) {
    egui::CollapsingHeader::new(section)
        .id_salt(("section", section))
        .show(ui, |ui| {
            let text = state
                .sections
                .entry(section)
                .or_insert_with(|| plan_sections::text_of(&draft.plan, section));
            let response = ui.add(
                TextEdit::multiline(text)
                    .code_editor()
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            );
            let label = format!("Text of {section}");
            name(&response, &label, text, "");
            let typed = text.clone();
            if response.changed() {
                // Read as typed (on a copy): the reason shows before Apply.
                match plan_sections::apply(&mut draft.clone(), section, &typed) {
                    Ok(()) => state.errors.remove(&label),
                    Err(e) => state.errors.insert(label.clone(), e),
                };
            }
            ui.horizontal(|ui| {
                if ui.button(format!("Apply {section}")).clicked() {
                    match plan_sections::apply(draft, section, &typed) {
                        Ok(()) => {
                            state.errors.remove(&label);
                        }
                        Err(e) => {
                            state.errors.insert(label.clone(), e);
                        }
                    }
                }
                if section != "code_coverage" {
                    derived_controls(ui, draft, section);
                }
            });
            if let Some(error) = state.errors.get(&label) {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
        });
}
