//! The plan form's issue-16 benefit fields: the fee schedule a fixed-benefit
//! PPO pays from and the copay schedule of a percentage plan (picked from the
//! library's schedules of that kind), coverage per code group, the rollover
//! bank, and a class maximum's codes, place outside the annual maximum and
//! family amount. Code sets typed here may name the library's `@groups`; they
//! are resolved as typed so the live price uses them at once.

use egui::Ui;

use super::plan_list::{Typed, derived_controls, row};
use super::plan_model::{PlanDraft, set_group};
use super::plan_more::parse_codes;
use super::plan_trial::Env;
use super::typed::typed_edit;
use crate::gui::widgets::commit_edit::name_combo;
use crate::model::benefit_rows::Rollover;
use crate::model::code::GroupRef;
use crate::model::plan::ClassMaximum;
use crate::model::{CodeSet, FeeScheduleKind, Library, code_group};
use crate::money::{Cents, Percent};

/// Reads a code set and resolves the library's groups in it; an unknown group
/// is refused with the ids the library has.
pub fn read_codes_in(library: &Library, text: &str) -> Result<CodeSet, String> {
    let mut codes = parse_codes(text)?;
    let unknown = code_group::resolve(&mut codes, &library.code_groups);
    if let Some(id) = unknown.first() {
        let known: Vec<String> = library
            .code_groups
            .keys()
            .map(|k| format!("@{k}"))
            .collect();
        return Err(format!(
            "code group \"{id}\" is not in the library: expected one of {}",
            known.join(", ")
        ));
    }
    Ok(codes)
}

/// Reads an amount of money (not below zero).
fn read_money(text: &str) -> Result<Cents, String> {
    Cents::parse_non_negative(text).map_err(|e| e.to_string())
}

/// Reads an optional amount (blank: none).
pub fn read_optional_money(text: &str) -> Result<Option<Cents>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    read_money(text).map(Some)
}

fn money_text(value: Option<Cents>) -> String {
    value.map(Cents::to_plain_string).unwrap_or_default()
}

/// The two schedule pickers: fixed benefits and copays.
pub fn schedules_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    let rows: [(&str, &'static str, FeeScheduleKind); 2] = [
        (
            "Fixed benefits",
            "fixed_benefits",
            FeeScheduleKind::Scheduled,
        ),
        ("Copays", "copays", FeeScheduleKind::Copay),
    ];
    for (label, field, kind) in rows {
        let current = match field {
            "fixed_benefits" => draft.plan.fixed_benefits.clone(),
            _ => draft.plan.copays.clone(),
        };
        let mut picked = None;
        row(ui, label, draft.inherits(field), |ui| {
            let shown = current.as_deref().unwrap_or("none");
            let response = egui::ComboBox::from_id_salt(("plan_schedule_of", field))
                .selected_text(shown)
                .width(200.0)
                .show_ui(ui, |ui| {
                    if ui.selectable_label(current.is_none(), "none").clicked() {
                        picked = Some(None);
                    }
                    for s in env
                        .library
                        .fee_schedules
                        .values()
                        .filter(|s| s.kind == kind)
                    {
                        let on = current.as_deref() == Some(s.id.as_str());
                        if ui.selectable_label(on, &s.name).clicked() {
                            picked = Some(Some(s.id.clone()));
                        }
                    }
                })
                .response;
            name_combo(&response, &format!("{label} schedule"), shown);
            derived_controls(ui, draft, field);
        });
        if let Some(id) = picked.filter(|id| *id != current) {
            draft.edit(field, |p| match field {
                "fixed_benefits" => p.fixed_benefits = id,
                _ => p.copays = id,
            });
        }
    }
}

/// The label of a code group's coverage field.
pub fn group_coverage_label(id: &str) -> String {
    format!("Coverage of group {id}")
}

fn read_optional_percent(text: &str) -> Result<Option<Percent>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Percent::parse(text).map(Some).map_err(|e| e.to_string())
}

/// A percentage per code group of the library (blank: the group has none, so
/// its codes take their class's).
pub fn group_coverage_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    for (id, group) in &env.library.code_groups {
        let mut key = GroupRef::named(id);
        key.resolve_from(&env.library.code_groups);
        let percent = draft.plan.group_coverage.get(&key).copied();
        let inherited = draft
            .derivation
            .as_ref()
            .is_some_and(|d| !d.group_coverage_keys.contains(&key));
        ui.horizontal(|ui| {
            let text = egui::RichText::new(format!("{} (@{id})", group.name));
            let text = if inherited { text.weak() } else { text };
            ui.add_sized([260.0, 18.0], egui::Label::new(text));
            let label = group_coverage_label(id);
            let shared: &PlanDraft = draft;
            let put_key = key.clone();
            let read = |t: &str| {
                let p = read_optional_percent(t)?;
                env.accept(shared, "group_coverage", p, |plan, p| {
                    set_group(plan, &put_key, p);
                })
            };
            let value = percent.map(|p| p.to_string()).unwrap_or_default();
            if let Some(p) = typed_edit(ui, label.as_str(), &label, &value, "", 60.0, read) {
                draft.set_group_coverage(key.clone(), p);
            }
            if inherited && percent.is_some() {
                ui.weak("inherited");
            }
        });
    }
}

const ROLLOVER: &str = "maximum.rollover";

/// The rollover bank: on or off, and its threshold, credit and cap.
pub fn rollover_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    let rollover = draft.plan.maximum.rollover.clone();
    row(ui, "Rollover", draft.inherits(ROLLOVER), |ui| {
        let mut on = rollover.is_some();
        if ui.checkbox(&mut on, "Unused maximum rolls over").changed() {
            // dental-benefits.md §2.5's usual numbers, to be changed.
            let new = on.then(|| Rollover {
                threshold: Cents::from_dollars(700),
                amount: Cents::from_dollars(350),
                cap: Cents::from_dollars(1250),
            });
            draft.edit(ROLLOVER, |p| p.maximum.rollover = new);
        }
        derived_controls(ui, draft, ROLLOVER);
    });
    let Some(r) = rollover else {
        return;
    };
    type Put = fn(&mut Rollover, Cents);
    let fields: [(&str, &str, Cents, Put); 3] = [
        ("claims up to", "Rollover threshold", r.threshold, |r, v| {
            r.threshold = v
        }),
        ("bank", "Rollover amount", r.amount, |r, v| r.amount = v),
        ("bank at most", "Rollover cap", r.cap, |r, v| r.cap = v),
    ];
    row(ui, "", draft.inherits(ROLLOVER), |ui| {
        for (words, label, value, put) in fields {
            ui.label(words);
            let typed = Typed {
                label,
                hint: "0.00",
                width: 70.0,
                field: ROLLOVER,
            };
            let text = value.to_plain_string();
            typed.show(ui, draft, env, &text, read_money, move |p, v| {
                if let Some(r) = &mut p.maximum.rollover {
                    put(r, v);
                }
            });
        }
    });
}

/// A class maximum's codes, whether it sits outside the annual maximum, and
/// its family amount (drawn on the class maximum's row).
pub fn class_maximum_more_ui(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    env: &Env<'_>,
    i: usize,
    m: &ClassMaximum,
) {
    const FIELD: &str = "maximum.class_maximums";
    ui.label("codes");
    let label = format!("Codes of {}", m.name);
    let typed = Typed {
        label: &label,
        hint: "D6010-D6199, @implants",
        width: 150.0,
        field: FIELD,
    };
    let library = env.library;
    let read = |t: &str| read_codes_in(library, t);
    typed.show(ui, draft, env, &m.codes.to_string(), read, move |p, v| {
        if let Some(m) = p.maximum.class_maximums.get_mut(i) {
            m.codes = v;
        }
    });
    let mut outside = m.outside_annual;
    let words = "outside the annual maximum";
    let response = ui.checkbox(&mut outside, words);
    let name = format!("{} is outside the annual maximum", m.name);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, outside, &name));
    if response.changed() {
        draft.edit(FIELD, |p| {
            if let Some(m) = p.maximum.class_maximums.get_mut(i) {
                m.outside_annual = outside;
            }
        });
    }
    ui.label("family");
    let label = format!("Family amount of {}", m.name);
    let typed = Typed {
        label: &label,
        hint: "none",
        width: 70.0,
        field: FIELD,
    };
    let text = money_text(m.family_amount);
    typed.show(ui, draft, env, &text, read_optional_money, move |p, v| {
        if let Some(m) = p.maximum.class_maximums.get_mut(i) {
            m.family_amount = v;
        }
    });
}
