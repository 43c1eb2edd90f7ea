//! The plan form's age limits, waiting periods, exclusions and missing-tooth
//! clause: each rule in a box with its codes, classes and numbers.

use egui::Ui;

use super::plan_list::{List, Typed, derived_controls};
use super::plan_model::PlanDraft;
use super::plan_more::parse_codes;
use super::plan_trial::Env;
use super::typed::{classes_menu, combo, read_count, read_optional_count, read_required};
use crate::model::plan::{
    AgeLimit, Exclusion, MissingToothClause, MissingToothDenial, WaitingPeriod,
};
use crate::model::{CodeSet, PlanRules, ProcedureClass};

/// A code set field of rule `name` (label "Codes of {name}").
fn codes_field(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    env: &Env<'_>,
    (name, field): (&str, &'static str),
    codes: &CodeSet,
    put: impl Fn(&mut PlanRules, CodeSet),
) {
    ui.label("codes");
    let label = format!("Codes of {name}");
    let typed = Typed {
        label: &label,
        hint: "D0120, D0140-D0150",
        width: 200.0,
        field,
    };
    typed.show(ui, draft, env, &codes.to_string(), parse_codes, put);
}

/// The classes of rule `name` (a menu of ticks).
fn classes_field(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    (name, field): (&str, &'static str),
    classes: &[ProcedureClass],
    put: impl FnOnce(&mut PlanRules, Vec<ProcedureClass>),
) {
    ui.label("classes");
    if let Some(list) = classes_menu(ui, &format!("Classes of {name}"), classes) {
        draft.edit(field, |p| put(p, list));
    }
}

const AGES: &str = "age_limits";

/// The age limits.
pub fn age_limits_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    List {
        field: AGES,
        add: "Add an age limit",
        items: |p| &p.age_limits,
        items_mut: |p| &mut p.age_limits,
        new_item: || AgeLimit {
            codes: CodeSet::default(),
            classes: Vec::new(),
            through_age: Some(18),
            from_age: None,
        },
        name: |i, _| format!("age limit {}", i + 1),
    }
    .show(ui, draft, |ui, draft, i, limit, remove| {
        let name = format!("age limit {}", i + 1);
        ui.horizontal_wrapped(|ui| {
            codes_field(ui, draft, env, (&name, AGES), &limit.codes, move |p, v| {
                if let Some(l) = p.age_limits.get_mut(i) {
                    l.codes = v;
                }
            });
            classes_field(ui, draft, (&name, AGES), &limit.classes, |p, v| {
                if let Some(r) = p.age_limits.get_mut(i) {
                    r.classes = v;
                }
            });
        });
        ui.horizontal(|ui| {
            let ages = [
                ("covered from age", "From age of", limit.from_age, true),
                ("through age", "Through age of", limit.through_age, false),
            ];
            for (text, label, value, from) in ages {
                ui.label(text);
                let label = format!("{label} {name}");
                let typed = Typed {
                    label: &label,
                    hint: "any",
                    width: 36.0,
                    field: AGES,
                };
                let shown = value.map(|n| n.to_string()).unwrap_or_default();
                typed.show(ui, draft, env, &shown, read_optional_count, move |p, v| {
                    if let Some(l) = p.age_limits.get_mut(i) {
                        if from {
                            l.from_age = v;
                        } else {
                            l.through_age = v;
                        }
                    }
                });
            }
            remove.button(ui);
        });
    });
}

const WAITS: &str = "waiting_periods";

/// The waiting periods.
pub fn waiting_periods_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    List {
        field: WAITS,
        add: "Add a waiting period",
        items: |p| &p.waiting_periods,
        items_mut: |p| &mut p.waiting_periods,
        new_item: || WaitingPeriod {
            classes: vec![ProcedureClass::MajorRestorative],
            codes: CodeSet::default(),
            months: 12,
        },
        name: |i, _| format!("waiting period {}", i + 1),
    }
    .show(ui, draft, |ui, draft, i, wait, remove| {
        let name = format!("waiting period {}", i + 1);
        ui.horizontal_wrapped(|ui| {
            ui.label("months");
            let label = format!("Months of {name}");
            let typed = Typed {
                label: &label,
                hint: "",
                width: 32.0,
                field: WAITS,
            };
            let read = |t: &str| read_count(t, 1);
            typed.show(
                ui,
                draft,
                env,
                &wait.months.to_string(),
                read,
                move |p, v| {
                    if let Some(w) = p.waiting_periods.get_mut(i) {
                        w.months = v;
                    }
                },
            );
            classes_field(ui, draft, (&name, WAITS), &wait.classes, |p, v| {
                if let Some(r) = p.waiting_periods.get_mut(i) {
                    r.classes = v;
                }
            });
            codes_field(ui, draft, env, (&name, WAITS), &wait.codes, move |p, v| {
                if let Some(w) = p.waiting_periods.get_mut(i) {
                    w.codes = v;
                }
            });
            remove.button(ui);
        });
    });
}

const EXCLUSIONS: &str = "exclusions";

/// The exclusions.
pub fn exclusions_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    List {
        field: EXCLUSIONS,
        add: "Add an exclusion",
        items: |p| &p.exclusions,
        items_mut: |p| &mut p.exclusions,
        new_item: || Exclusion {
            codes: CodeSet::default(),
            classes: Vec::new(),
            reason: "Not a benefit of this plan.".into(),
        },
        name: |i, _| format!("exclusion {}", i + 1),
    }
    .show(ui, draft, |ui, draft, i, exclusion, remove| {
        let name = format!("exclusion {}", i + 1);
        ui.horizontal_wrapped(|ui| {
            codes_field(
                ui,
                draft,
                env,
                (&name, EXCLUSIONS),
                &exclusion.codes,
                move |p, v| {
                    if let Some(x) = p.exclusions.get_mut(i) {
                        x.codes = v;
                    }
                },
            );
            classes_field(
                ui,
                draft,
                (&name, EXCLUSIONS),
                &exclusion.classes,
                |p, v| {
                    if let Some(r) = p.exclusions.get_mut(i) {
                        r.classes = v;
                    }
                },
            );
        });
        ui.horizontal(|ui| {
            ui.label("reason");
            let label = format!("Reason of {name}");
            let typed = Typed {
                label: &label,
                hint: "in plain words",
                width: 360.0,
                field: EXCLUSIONS,
            };
            typed.show(
                ui,
                draft,
                env,
                &exclusion.reason,
                read_required,
                move |p, v| {
                    if let Some(x) = p.exclusions.get_mut(i) {
                        x.reason = v;
                    }
                },
            );
            remove.button(ui);
        });
    });
}

const CLAUSE: &str = "missing_tooth_clause";

const DENIALS: [(MissingToothDenial, &str); 2] = [
    (MissingToothDenial::WholeProsthesis, "the whole prosthesis"),
    (
        MissingToothDenial::ReplacingUnitOnly,
        "only the replacing unit",
    ),
];

/// The missing-tooth clause: on or off, its codes and what it refuses.
pub fn missing_tooth_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    let clause = draft.plan.missing_tooth_clause.clone();
    ui.horizontal_wrapped(|ui| {
        let mut on = clause.is_some();
        if ui
            .checkbox(&mut on, "The plan has a missing-tooth clause")
            .changed()
        {
            let new = on.then(|| MissingToothClause {
                codes: parse_codes("D5110-D5899, D6010-D6199, D6200-D6999").unwrap_or_default(),
                denies: MissingToothDenial::WholeProsthesis,
            });
            draft.edit(CLAUSE, |p| p.missing_tooth_clause = new);
        }
        derived_controls(ui, draft, CLAUSE);
    });
    let Some(clause) = clause else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let name = ("missing-tooth clause", CLAUSE);
        codes_field(ui, draft, env, name, &clause.codes, |p, v| {
            if let Some(c) = &mut p.missing_tooth_clause {
                c.codes = v;
            }
        });
        ui.label("refuses");
        let label = "What the missing-tooth clause refuses";
        if let Some(denies) = combo(ui, "denies", label, clause.denies, &DENIALS, 170.0) {
            draft.edit(CLAUSE, |p| {
                if let Some(c) = &mut p.missing_tooth_clause {
                    c.denies = denies;
                }
            });
        }
    });
}
