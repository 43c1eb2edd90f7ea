//! The plan form's bundling rules (with who owes a bundled line), DHMO upgrade
//! charges, class maximums, the deductible's finer points and the plan's
//! settings. Money is typed and read as cents.

use egui::Ui;

use super::plan_list::{List, Typed, derived_controls, row};
use super::plan_model::PlanDraft;
use super::plan_more::{self, parse_codes};
use super::plan_trial::Env;
use super::typed::{classes_menu, combo, read_count, read_required};
use crate::model::plan::{
    BundlingKind, BundlingRule, ClassMaximum, DeductiblePeriod, DhmoUpgrade, Liability, Proximity,
    ToothMatch,
};
use crate::model::{CodeSet, PlanRules, ProcedureClass};
use crate::money::Cents;

/// Reads an amount of money (not below zero).
pub fn read_money(text: &str) -> Result<Cents, String> {
    Cents::parse_non_negative(text).map_err(|e| e.to_string())
}

const BUNDLING: &str = "bundling";

const LIABILITIES: [(Liability, &str); 3] = [
    (Liability::Disallow, "office writes it off"),
    (
        Liability::DenyAtContractFee,
        "patient owes the contracted fee",
    ),
    (Liability::DenyAtOfficeFee, "patient owes the office fee"),
];

const TOOTH_MATCHES: [(ToothMatch, &str); 2] = [
    (ToothMatch::Same, "on the same tooth"),
    (ToothMatch::Any, "on any tooth"),
];

/// The kinds of proximity, as picked (the days are typed beside).
const WHEN: [(u8, &str); 6] = [
    (0, "same day"),
    (1, "same visit"),
    (2, "within days"),
    (3, "within days before"),
    (4, "within days after"),
    (5, "same treatment option"),
];

fn when_kind(when: Proximity) -> (u8, Option<u32>) {
    match when {
        Proximity::SameDay => (0, None),
        Proximity::SameVisit => (1, None),
        Proximity::WithinDays(n) => (2, Some(n)),
        Proximity::WithinDaysBefore(n) => (3, Some(n)),
        Proximity::WithinDaysAfter(n) => (4, Some(n)),
        Proximity::SameOption => (5, None),
    }
}

fn when_of(kind: u8, days: u32) -> Proximity {
    match kind {
        0 => Proximity::SameDay,
        1 => Proximity::SameVisit,
        2 => Proximity::WithinDays(days),
        3 => Proximity::WithinDaysBefore(days),
        4 => Proximity::WithinDaysAfter(days),
        _ => Proximity::SameOption,
    }
}

fn rule(p: &mut PlanRules, i: usize) -> Option<&mut BundlingRule> {
    p.bundling.get_mut(i)
}

/// The bundling rules.
pub fn bundling_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    List {
        field: BUNDLING,
        add: "Add a bundling rule",
        items: |p| &p.bundling,
        items_mut: |p| &mut p.bundling,
        new_item: || BundlingRule {
            id: "new".into(),
            name: "New bundling rule".into(),
            kind: BundlingKind::Included {
                codes: CodeSet::default(),
                into: CodeSet::default(),
            },
            tooth: ToothMatch::Same,
            when: Proximity::SameDay,
            liability: Liability::Disallow,
        },
        name: |_, r| format!("bundling rule {}", r.id),
    }
    .show(ui, draft, |ui, draft, i, r, remove| {
        ui.horizontal_wrapped(|ui| {
            let name_width = (ui.available_width() - 70.0).max(200.0);
            let name = format!("bundling rule {}", r.id);
            text(
                ui,
                draft,
                env,
                (&format!("Id of {name}"), 50.0),
                &r.id,
                move |p, v| {
                    if let Some(r) = rule(p, i) {
                        r.id = v;
                    }
                },
            );
            text(
                ui,
                draft,
                env,
                (&format!("Name of {name}"), name_width),
                &r.name,
                move |p, v| {
                    if let Some(r) = rule(p, i) {
                        r.name = v;
                    }
                },
            );
        });
        ui.horizontal_wrapped(|ui| kind_ui(ui, draft, env, i, r));
        ui.horizontal_wrapped(|ui| when_ui(ui, draft, env, i, r));
        ui.horizontal(|ui| {
            ui.label("who pays:");
            let label = format!("Who pays under bundling rule {}", r.id);
            if let Some(l) = combo(ui, "liability", &label, r.liability, &LIABILITIES, 200.0) {
                draft.edit(BUNDLING, |p| {
                    if let Some(r) = p.bundling.get_mut(i) {
                        r.liability = l;
                    }
                });
            }
            remove.button(ui);
        });
    });
}

fn text(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    env: &Env<'_>,
    (label, width): (&str, f32),
    value: &str,
    put: impl Fn(&mut PlanRules, String),
) {
    let typed = Typed {
        label,
        hint: "",
        width,
        field: BUNDLING,
    };
    typed.show(ui, draft, env, value, read_required, put);
}

fn kind_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>, i: usize, r: &BundlingRule) {
    let included = matches!(r.kind, BundlingKind::Included { .. });
    let label = format!("Kind of bundling rule {}", r.id);
    let kinds = [(true, "included in"), (false, "only one of")];
    if let Some(new) = combo(ui, "kind", &label, included, &kinds, 100.0) {
        let codes = match &r.kind {
            BundlingKind::Included { codes, .. } | BundlingKind::MutuallyExclusive { codes } => {
                codes.clone()
            }
        };
        let kind = if new {
            BundlingKind::Included {
                codes,
                into: CodeSet::default(),
            }
        } else {
            BundlingKind::MutuallyExclusive { codes }
        };
        draft.edit(BUNDLING, |p| {
            if let Some(r) = p.bundling.get_mut(i) {
                r.kind = kind;
            }
        });
    }
    let (codes, into) = match &r.kind {
        BundlingKind::Included { codes, into } => (codes, Some(into)),
        BundlingKind::MutuallyExclusive { codes } => (codes, None),
    };
    let parts = [("codes", Some(codes), false), ("into", into, true)];
    for (what, set, is_into) in parts {
        let Some(set) = set else { continue };
        let label = format!(
            "{} of bundling rule {}",
            if is_into { "Into codes" } else { "Codes" },
            r.id
        );
        ui.label(what);
        let typed = Typed {
            label: &label,
            hint: "D4341",
            width: 150.0,
            field: BUNDLING,
        };
        typed.show(
            ui,
            draft,
            env,
            &set.to_string(),
            parse_codes,
            move |p, v| {
                if let Some(r) = rule(p, i) {
                    match &mut r.kind {
                        BundlingKind::Included { into, .. } if is_into => *into = v,
                        BundlingKind::Included { codes, .. }
                        | BundlingKind::MutuallyExclusive { codes } => *codes = v,
                    }
                }
            },
        );
    }
}

fn when_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>, i: usize, r: &BundlingRule) {
    let label = format!("Tooth of bundling rule {}", r.id);
    if let Some(tooth) = combo(ui, "tooth", &label, r.tooth, &TOOTH_MATCHES, 120.0) {
        draft.edit(BUNDLING, |p| {
            if let Some(r) = p.bundling.get_mut(i) {
                r.tooth = tooth;
            }
        });
    }
    let (kind, days) = when_kind(r.when);
    let label = format!("When of bundling rule {}", r.id);
    if let Some(new) = combo(ui, "when", &label, kind, &WHEN, 140.0) {
        let when = when_of(new, days.unwrap_or(30));
        draft.edit(BUNDLING, |p| {
            if let Some(r) = p.bundling.get_mut(i) {
                r.when = when;
            }
        });
    }
    if let Some(days) = days {
        let label = format!("Days of bundling rule {}", r.id);
        let typed = Typed {
            label: &label,
            hint: "",
            width: 36.0,
            field: BUNDLING,
        };
        let read = |t: &str| read_count(t, 1);
        typed.show(ui, draft, env, &days.to_string(), read, move |p, v| {
            if let Some(r) = rule(p, i) {
                r.when = when_of(kind, v);
            }
        });
    }
}

const UPGRADES: &str = "dhmo_upgrades";

/// The DHMO upgrade charges.
pub fn upgrades_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    List {
        field: UPGRADES,
        add: "Add an upgrade charge",
        items: |p| &p.dhmo_upgrades,
        items_mut: |p| &mut p.dhmo_upgrades,
        new_item: || DhmoUpgrade {
            name: "New upgrade".into(),
            codes: CodeSet::default(),
            teeth: Default::default(),
            charge: Cents::ZERO,
        },
        name: |_, u| u.name.clone(),
    }
    .show(ui, draft, |ui, draft, i, u, remove| {
        ui.horizontal_wrapped(|ui| {
            let label = format!("Name of upgrade {}", i + 1);
            let typed = Typed {
                label: &label,
                hint: "",
                width: 200.0,
                field: UPGRADES,
            };
            typed.show(ui, draft, env, &u.name, read_required, move |p, v| {
                if let Some(u) = p.dhmo_upgrades.get_mut(i) {
                    u.name = v;
                }
            });
            ui.label("charge");
            let label = format!("Charge of {}", u.name);
            let typed = Typed {
                label: &label,
                hint: "0.00",
                width: 70.0,
                field: UPGRADES,
            };
            let shown = u.charge.to_plain_string();
            typed.show(ui, draft, env, &shown, read_money, move |p, v| {
                if let Some(u) = p.dhmo_upgrades.get_mut(i) {
                    u.charge = v;
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("codes");
            let label = format!("Codes of {}", u.name);
            let typed = Typed {
                label: &label,
                hint: "D2740",
                width: 160.0,
                field: UPGRADES,
            };
            typed.show(
                ui,
                draft,
                env,
                &u.codes.to_string(),
                parse_codes,
                move |p, v| {
                    if let Some(u) = p.dhmo_upgrades.get_mut(i) {
                        u.codes = v;
                    }
                },
            );
            let teeth = (u.name.as_str(), UPGRADES);
            plan_more::teeth_ui(ui, draft, env, teeth, &u.teeth, move |p, t| {
                if let Some(u) = p.dhmo_upgrades.get_mut(i) {
                    u.teeth = t;
                }
            });
            remove.button(ui);
        });
    });
}

const PERIODS: [(DeductiblePeriod, &str); 2] = [
    (DeductiblePeriod::BenefitYear, "per benefit year"),
    (DeductiblePeriod::Lifetime, "per lifetime"),
];

/// The class maximums (ortho lifetime and the like), part of `maximum`.
pub fn class_maximums_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    const FIELD: &str = "maximum.class_maximums";
    ui.horizontal(|ui| {
        ui.label("Class maximums");
        derived_controls(ui, draft, FIELD);
    });
    let list = draft.plan.maximum.class_maximums.clone();
    let mut remove = None;
    for (i, m) in list.iter().enumerate() {
        ui.push_id(("class_max", i), |ui| {
            ui.horizontal_wrapped(|ui| {
                class_maximum_ui(ui, draft, env, i, m);
            });
            ui.horizontal(|ui| {
                ui.add_space(12.0);
                super::plan_benefits::class_maximum_more_ui(ui, draft, env, i, m);
                if super::typed::small_button(ui, "remove", &format!("Remove {}", m.name)) {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        draft.edit(FIELD, |p| {
            p.maximum.class_maximums.remove(i);
        });
    }
    if ui.button("Add a class maximum").clicked() {
        let new = ClassMaximum {
            id: "ortho".into(),
            name: "Orthodontic lifetime maximum".into(),
            classes: vec![ProcedureClass::Orthodontics],
            amount: Cents::from_dollars(1500),
            period: DeductiblePeriod::Lifetime,
            codes: CodeSet::default(),
            outside_annual: false,
            family_amount: None,
        };
        draft.edit(FIELD, |p| p.maximum.class_maximums.push(new));
    }
}

fn class_maximum_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>, i: usize, m: &ClassMaximum) {
    const FIELD: &str = "maximum.class_maximums";
    let label = format!("Name of class maximum {}", i + 1);
    let typed = Typed {
        label: &label,
        hint: "",
        width: 200.0,
        field: FIELD,
    };
    typed.show(ui, draft, env, &m.name, read_required, move |p, v| {
        if let Some(m) = p.maximum.class_maximums.get_mut(i) {
            m.name = v;
        }
    });
    let label = format!("Amount of {}", m.name);
    let typed = Typed {
        label: &label,
        hint: "0.00",
        width: 70.0,
        field: FIELD,
    };
    typed.show(
        ui,
        draft,
        env,
        &m.amount.to_plain_string(),
        read_money,
        move |p, v| {
            if let Some(m) = p.maximum.class_maximums.get_mut(i) {
                m.amount = v;
            }
        },
    );
    let label = format!("Period of {}", m.name);
    if let Some(period) = combo(ui, "period", &label, m.period, &PERIODS, 110.0) {
        draft.edit(FIELD, |p| {
            if let Some(r) = p.maximum.class_maximums.get_mut(i) {
                r.period = period;
            }
        });
    }
    if let Some(classes) = classes_menu(ui, &format!("Classes of {}", m.name), &m.classes) {
        draft.edit(FIELD, |p| {
            if let Some(r) = p.maximum.class_maximums.get_mut(i) {
                r.classes = classes;
            }
        });
    }
    let label = format!("Id of {}", m.name);
    let typed = Typed {
        label: &label,
        hint: "ortho",
        width: 60.0,
        field: FIELD,
    };
    typed.show(ui, draft, env, &m.id, read_required, move |p, v| {
        if let Some(m) = p.maximum.class_maximums.get_mut(i) {
            m.id = v;
        }
    });
}

/// The deductible's period, and the classes the annual maximums leave out.
pub fn deductible_more_ui(ui: &mut Ui, draft: &mut PlanDraft) {
    let inherited = draft.inherits("deductible.period");
    let period = draft.plan.deductible.period;
    row(ui, "Deductible applies", inherited, |ui| {
        if let Some(new) = combo(
            ui,
            "ded_period",
            "Deductible period",
            period,
            &PERIODS,
            130.0,
        ) {
            draft.edit("deductible.period", |p| p.deductible.period = new);
        }
        derived_controls(ui, draft, "deductible.period");
    });
    let inherited = draft.inherits("maximum.exempt_classes");
    let exempt = draft.plan.maximum.exempt_classes.clone();
    row(ui, "Outside the maximum", inherited, |ui| {
        let label = "Classes outside the annual maximum";
        if let Some(list) = classes_menu(ui, label, &exempt) {
            draft.edit("maximum.exempt_classes", |p| {
                p.maximum.exempt_classes = list
            });
        }
        derived_controls(ui, draft, "maximum.exempt_classes");
    });
}
