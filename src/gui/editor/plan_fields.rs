//! The plan editor's form: names, network and schedule, coverage by class,
//! deductible and maximums, COB, each frequency limit's count and codes, each
//! alternate benefit's codes, notes; and every section as text ("Edit as
//! text"). A value typed that cannot be read is kept on its field with the
//! reason; a derived plan's inherited values are greyed, with "override" and
//! "back to inherited".

use std::collections::BTreeMap;

use egui::{RichText, TextEdit, Ui};

use super::plan_model::{Checked, PlanDraft};
use super::plan_more;
use super::plan_sections::{self, SECTIONS};
use super::plan_templates;
use crate::gui::widgets::commit_edit::{commit_edit, name, name_combo};
use crate::model::plan::{CobMethod, Network};
use crate::model::{CdtCode, Library, ProcedureClass};
use crate::money::{Cents, Percent};

/// What the form keeps between frames.
#[derive(Debug, Default)]
pub struct FormState {
    /// A value typed that was not accepted, by field label.
    pub errors: BTreeMap<String, String>,
    /// The text of each section as typed ("Edit as text").
    pub sections: BTreeMap<&'static str, String>,
    /// The draft revision the section texts were taken at.
    pub revision: Option<u64>,
}

/// Width of the labels column.
const LABEL_WIDTH: f32 = 150.0;

/// Draws the whole form for `draft`; `checked` holds the loader's problems,
/// each shown on the field it is in.
pub fn form_ui(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    library: &Library,
    state: &mut FormState,
    checked: Option<&Checked>,
) {
    if state.revision != Some(draft.revision) {
        state.sections.clear();
        state.revision = Some(draft.revision);
    }
    let on = |ui: &mut Ui, fields: &[&str]| field_problems(ui, checked, fields);
    heading(ui, "Plan");
    text_row(ui, draft, state, "Plan id", "id");
    text_row(ui, draft, state, "Plan name", "name");
    text_row(ui, draft, state, "Carrier", "carrier");
    on(ui, &["id", "name", "carrier"]);
    network_row(ui, draft, library);
    on(ui, &["network"]);
    cob_row(ui, draft);
    let inherited = draft.inherits("benefit_year");
    row(ui, "Benefit year", inherited, |ui| {
        plan_more::benefit_year_ui(ui, draft);
        derived_controls(ui, draft, "benefit_year");
    });
    heading(ui, "Coverage by class");
    coverage_rows(ui, draft, state);
    on(ui, &["coverage"]);
    heading(ui, "Deductible and maximums");
    money_rows(ui, draft, state);
    ui.label("No deductible for:");
    plan_more::waived_ui(ui, draft);
    on(ui, &["deductible", "maximum"]);
    heading(ui, "Frequency limits");
    frequency_rows(ui, draft, state);
    on(ui, &["frequency_limits"]);
    heading(ui, "Alternate benefits");
    alternate_rows(ui, draft, state);
    on(ui, &["alternate_benefits"]);
    heading(ui, "Pre-authorisation");
    preauthorization_row(ui, draft, state);
    on(ui, &["preauthorization"]);
    heading(ui, "Notes");
    notes_row(ui, draft);
    heading(ui, "Every section as text");
    ui.weak("Typed as in a plan file; Apply reads it with the loader's checks.");
    for section in SECTIONS {
        section_ui(ui, draft, state, section);
        on(ui, &[section]);
    }
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

fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).strong());
}

/// "inherited" with "override", or "back to inherited", for a derived plan.
fn derived_controls(ui: &mut Ui, draft: &mut PlanDraft, field: &'static str) {
    if draft.derivation.is_none() {
        return;
    }
    if draft.inherits(field) {
        ui.weak("inherited");
        if ui.small_button("override").clicked() {
            draft.override_field(field);
        }
    } else if ui.small_button("back to inherited").clicked() {
        draft.back_to_inherited(field);
    }
}

/// A labelled row; its contents greyed when `inherited`.
fn row(ui: &mut Ui, label: &str, inherited: bool, add: impl FnOnce(&mut Ui)) {
    ui.horizontal(|ui| {
        let text = RichText::new(label);
        let text = if inherited { text.weak() } else { text };
        ui.add_sized([LABEL_WIDTH, 18.0], egui::Label::new(text));
        add(ui);
    });
}

fn show_error(ui: &mut Ui, state: &FormState, label: &str) {
    if let Some(error) = state.errors.get(label) {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
}

fn text_row(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    state: &mut FormState,
    label: &str,
    field: &'static str,
) {
    let inherited = draft.inherits(field);
    let value = match field {
        "id" => draft.plan.id.clone(),
        "name" => draft.plan.name.clone(),
        _ => draft.plan.carrier.clone(),
    };
    row(ui, label, inherited, |ui| {
        if let Some(typed) = commit_edit(ui, ("plan_text", field), label, &value, "", 320.0) {
            let typed = typed.trim().to_string();
            if field != "carrier" && typed.is_empty() {
                state.errors.insert(label.into(), "required".into());
            } else {
                state.errors.remove(label);
                match field {
                    "id" => draft.edit("id", |p| p.id = typed),
                    "name" => draft.edit("name", |p| p.name = typed),
                    _ => draft.edit("carrier", |p| p.carrier = typed),
                }
            }
        }
        if field != "id" {
            derived_controls(ui, draft, field);
        }
        show_error(ui, state, label);
    });
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
            .width(200.0)
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

fn coverage_rows(ui: &mut Ui, draft: &mut PlanDraft, state: &mut FormState) {
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
            let salt = ("plan_cov", class);
            if let Some(typed) = commit_edit(ui, salt, &label, &value, "not covered", 70.0) {
                match parse_percent(&typed) {
                    Ok(percent) => {
                        state.errors.remove(&label);
                        draft.set_class_coverage(class, percent);
                    }
                    Err(e) => {
                        state.errors.insert(label.clone(), e);
                    }
                }
            }
            if draft.derivation.is_some() {
                if inherited {
                    ui.weak("inherited");
                } else if ui.small_button("back to inherited").clicked() {
                    draft.class_back_to_inherited(class);
                }
            }
            show_error(ui, state, &label);
        });
    }
}

fn parse_percent(text: &str) -> Result<Option<Percent>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Percent::parse(text).map(Some).map_err(|e| e.to_string())
}

fn money_rows(ui: &mut Ui, draft: &mut PlanDraft, state: &mut FormState) {
    let plan = &draft.plan;
    let rows: [(&str, &'static str, Option<Cents>); 4] = [
        ("Deductible", "deductible", Some(plan.deductible.individual)),
        ("Family deductible", "deductible", plan.deductible.family),
        ("Annual maximum", "maximum", plan.maximum.annual),
        ("Family maximum", "maximum", plan.maximum.family_annual),
    ];
    for (label, field, value) in rows {
        let inherited = draft.inherits(field);
        let shown = value.map(Cents::to_plain_string).unwrap_or_default();
        row(ui, label, inherited, |ui| {
            let salt = ("plan_money", label);
            if let Some(typed) = commit_edit(ui, salt, label, &shown, "none", 100.0) {
                let amount = if typed.trim().is_empty() {
                    Ok(None)
                } else {
                    Cents::parse_non_negative(&typed).map(Some)
                };
                match amount {
                    Ok(amount) => {
                        state.errors.remove(label);
                        set_money(draft, label, amount);
                    }
                    Err(e) => {
                        state.errors.insert(label.into(), e.to_string());
                    }
                }
            }
            if label == "Deductible" || label == "Annual maximum" {
                derived_controls(ui, draft, field);
            }
            show_error(ui, state, label);
        });
    }
}

fn set_money(draft: &mut PlanDraft, label: &str, amount: Option<Cents>) {
    match label {
        "Deductible" => draft.edit("deductible", |p| {
            p.deductible.individual = amount.unwrap_or(Cents::ZERO);
        }),
        "Family deductible" => draft.edit("deductible", |p| p.deductible.family = amount),
        "Annual maximum" => draft.edit("maximum", |p| p.maximum.annual = amount),
        _ => draft.edit("maximum", |p| p.maximum.family_annual = amount),
    }
}

/// The label of a frequency limit's count field.
pub fn count_label(name: &str) -> String {
    format!("Count of {name}")
}

/// The label of a frequency limit's codes field.
pub fn codes_label(name: &str) -> String {
    format!("Codes of {name}")
}

fn frequency_rows(ui: &mut Ui, draft: &mut PlanDraft, state: &mut FormState) {
    let inherited = draft.inherits("frequency_limits");
    ui.horizontal(|ui| derived_controls(ui, draft, "frequency_limits"));
    for i in 0..draft.plan.frequency_limits.len() {
        let Some(limit) = draft.plan.frequency_limits.get(i).cloned() else {
            continue;
        };
        let count = count_label(&limit.name);
        let codes = codes_label(&limit.name);
        row(ui, &limit.name, inherited, |ui| {
            let value = limit.count.to_string();
            if let Some(typed) = commit_edit(ui, ("freq_count", i), &count, &value, "", 40.0) {
                match typed.trim().parse::<u32>() {
                    Ok(n) => {
                        state.errors.remove(&count);
                        draft.edit("frequency_limits", |p| p.frequency_limits[i].count = n);
                    }
                    Err(_) => {
                        let e = format!("{typed:?} is not a whole number");
                        state.errors.insert(count.clone(), e);
                    }
                }
            }
            ui.weak(plan_more::window_text(limit.window));
            plan_more::scope_ui(ui, draft, i);
            let value = limit.codes.to_string();
            if let Some(typed) = commit_edit(ui, ("freq_codes", i), &codes, &value, "", 220.0) {
                match plan_more::parse_codes(&typed) {
                    Ok(set) => {
                        state.errors.remove(&codes);
                        draft.edit("frequency_limits", |p| p.frequency_limits[i].codes = set);
                    }
                    Err(e) => {
                        state.errors.insert(codes.clone(), e);
                    }
                }
            }
            show_error(ui, state, &count);
            show_error(ui, state, &codes);
        });
    }
}

/// The label of an alternate benefit's codes field.
pub fn paid_as_label(name: &str) -> String {
    format!("Paid as: {name}")
}

fn alternate_rows(ui: &mut Ui, draft: &mut PlanDraft, state: &mut FormState) {
    let inherited = draft.inherits("alternate_benefits");
    ui.horizontal(|ui| derived_controls(ui, draft, "alternate_benefits"));
    for i in 0..draft.plan.alternate_benefits.len() {
        let Some(alternate) = draft.plan.alternate_benefits.get(i).cloned() else {
            continue;
        };
        let label = paid_as_label(&alternate.name);
        let value = alternate
            .paid_as
            .iter()
            .map(|(billed, paid)| format!("{billed} > {paid}"))
            .collect::<Vec<_>>()
            .join(", ");
        ui.add_enabled_ui(true, |ui| {
            let text = RichText::new(&alternate.name);
            ui.label(if inherited { text.weak() } else { text });
        });
        row(
            ui,
            &format!("teeth: {}", alternate.teeth.label()),
            inherited,
            |ui| {
                if let Some(typed) =
                    commit_edit(ui, ("alt", i), &label, &value, "D2740 > D2791", 360.0)
                {
                    match parse_pairs(&typed) {
                        Ok(pairs) => {
                            state.errors.remove(&label);
                            draft.edit("alternate_benefits", |p| {
                                p.alternate_benefits[i].paid_as = pairs;
                            });
                        }
                        Err(e) => {
                            state.errors.insert(label.clone(), e);
                        }
                    }
                }
                show_error(ui, state, &label);
            },
        );
    }
}

/// Reads "D2740 > D2791, D2750 > D2791": billed code, then the code paid as.
pub fn parse_pairs(text: &str) -> Result<BTreeMap<CdtCode, CdtCode>, String> {
    let mut pairs = BTreeMap::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let Some((billed, paid)) = item.split_once('>') else {
            return Err(format!(
                "{item:?}: expected a billed code, '>' and the code paid as"
            ));
        };
        let billed = CdtCode::parse(billed.trim()).map_err(|e| e.to_string())?;
        let paid = CdtCode::parse(paid.trim()).map_err(|e| e.to_string())?;
        if pairs.insert(billed, paid).is_some() {
            return Err(format!("{billed} is listed twice"));
        }
    }
    Ok(pairs)
}

fn preauthorization_row(ui: &mut Ui, draft: &mut PlanDraft, state: &mut FormState) {
    let label = "Pre-authorisation codes";
    let inherited = draft.inherits("preauthorization");
    row(ui, "Codes", inherited, |ui| {
        match plan_more::preauthorization_ui(ui, draft) {
            Some(Err(e)) => {
                state.errors.insert(label.into(), e);
            }
            Some(Ok(())) => {
                state.errors.remove(label);
            }
            None => {}
        }
        derived_controls(ui, draft, "preauthorization");
        show_error(ui, state, label);
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
            show_error(ui, state, &label);
        });
}
