//! The plan form's frequency limits and alternate benefits: each rule in a box
//! with its own fields (codes, count, window and its length, scope; billed
//! codes and the code they are paid as, teeth), "Remove" and "Add".

use std::collections::BTreeMap;

use egui::Ui;

use super::plan_list::{List, Remove, Typed};
use super::plan_model::PlanDraft;
use super::plan_more::{self, parse_codes};
use super::plan_trial::Env;
use super::typed::{self, combo, read_count, read_required};
use crate::model::plan::{AlternateBenefit, FrequencyLimit, FrequencyScope, FrequencyWindow};
use crate::model::{CdtCode, CodeSet};

/// The label of a frequency limit's count field.
pub fn count_label(name: &str) -> String {
    format!("Count of {name}")
}

/// The label of a frequency limit's codes field.
pub fn codes_label(name: &str) -> String {
    format!("Codes of {name}")
}

/// The label of a frequency limit's window length field.
pub fn window_length_label(name: &str) -> String {
    format!("Window length of {name}")
}

/// The kinds of window, as picked (the length is typed beside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WindowKind {
    BenefitYear,
    Rolling,
    ToTheDay,
    ToTheMonth,
    Days,
    Years,
    Lifetime,
}

const WINDOWS: [(WindowKind, &str); 7] = [
    (WindowKind::BenefitYear, "per benefit year"),
    (WindowKind::Rolling, "rolling months"),
    (WindowKind::ToTheDay, "months, to the day"),
    (WindowKind::ToTheMonth, "months, to the month"),
    (WindowKind::Days, "days"),
    (WindowKind::Years, "years"),
    (WindowKind::Lifetime, "per lifetime"),
];

fn kind_of(window: FrequencyWindow) -> (WindowKind, Option<u32>) {
    match window {
        FrequencyWindow::BenefitYear => (WindowKind::BenefitYear, None),
        FrequencyWindow::RollingMonths { months, .. } => (WindowKind::Rolling, Some(months)),
        FrequencyWindow::MonthsToTheDay(n) => (WindowKind::ToTheDay, Some(n)),
        FrequencyWindow::MonthsToTheMonth(n) => (WindowKind::ToTheMonth, Some(n)),
        FrequencyWindow::Days(n) => (WindowKind::Days, Some(n)),
        FrequencyWindow::Years(n) => (WindowKind::Years, Some(n)),
        FrequencyWindow::Lifetime => (WindowKind::Lifetime, None),
    }
}

/// The window of `kind` with `length` (kept from the old window where it has one).
fn window_of(kind: WindowKind, length: u32, boundary_counts: bool) -> FrequencyWindow {
    match kind {
        WindowKind::BenefitYear => FrequencyWindow::BenefitYear,
        WindowKind::Rolling => FrequencyWindow::RollingMonths {
            months: length,
            boundary_counts,
        },
        WindowKind::ToTheDay => FrequencyWindow::MonthsToTheDay(length),
        WindowKind::ToTheMonth => FrequencyWindow::MonthsToTheMonth(length),
        WindowKind::Days => FrequencyWindow::Days(length),
        WindowKind::Years => FrequencyWindow::Years(length),
        WindowKind::Lifetime => FrequencyWindow::Lifetime,
    }
}

fn boundary_of(window: FrequencyWindow) -> bool {
    matches!(
        window,
        FrequencyWindow::RollingMonths {
            boundary_counts: true,
            ..
        }
    )
}

const SCOPES: [(FrequencyScope, &str); 5] = [
    (FrequencyScope::Patient, "per patient"),
    (FrequencyScope::Tooth, "per tooth"),
    (FrequencyScope::ToothSurface, "per tooth surface"),
    (FrequencyScope::Quadrant, "per quadrant"),
    (FrequencyScope::Arch, "per arch"),
];

const FREQUENCY: &str = "frequency_limits";

fn limit(p: &mut crate::model::PlanRules, i: usize) -> Option<&mut FrequencyLimit> {
    p.frequency_limits.get_mut(i)
}

/// The frequency limits, each with its fields.
pub fn frequency_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    List {
        field: FREQUENCY,
        add: "Add a frequency limit",
        items: |p| &p.frequency_limits,
        items_mut: |p| &mut p.frequency_limits,
        new_item: || FrequencyLimit {
            name: "New limit".into(),
            codes: CodeSet::default(),
            count: 1,
            window: FrequencyWindow::BenefitYear,
            scope: FrequencyScope::Patient,
            shared_pool: false,
        },
        name: |_, l| l.name.clone(),
    }
    .show(ui, draft, |ui, draft, i, l, remove| {
        limit_ui(ui, draft, env, (i, l), remove);
    });
}

fn limit_ui(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    env: &Env<'_>,
    (i, l): (usize, &FrequencyLimit),
    remove: &mut Remove,
) {
    ui.horizontal_wrapped(|ui| {
        // The name gives way first so the row fits a narrow form.
        let width = (ui.available_width() - 340.0).clamp(110.0, 180.0);
        let label = format!("Name of frequency limit {}", i + 1);
        let field = typed_field(&label, "name", width);
        field.show(ui, draft, env, &l.name, read_required, move |p, v| {
            if let Some(l) = limit(p, i) {
                l.name = v;
            }
        });
        let label = count_label(&l.name);
        let field = typed_field(&label, "", 32.0);
        let value = l.count.to_string();
        let read = |t: &str| read_count(t, 0);
        field.show(ui, draft, env, &value, read, move |p, v| {
            if let Some(l) = limit(p, i) {
                l.count = v;
            }
        });
        window_ui(ui, draft, env, i, l);
        let label = format!("Scope of {}", l.name);
        if let Some(scope) = combo(ui, "scope", &label, l.scope, &SCOPES, 110.0) {
            draft.edit(FREQUENCY, |p| {
                if let Some(r) = p.frequency_limits.get_mut(i) {
                    r.scope = scope;
                }
            });
        }
    });
    ui.horizontal(|ui| {
        ui.label("codes");
        let label = codes_label(&l.name);
        let field = typed_field(&label, "D0120, D0140-D0150", 260.0);
        let value = l.codes.to_string();
        field.show(ui, draft, env, &value, parse_codes, move |p, v| {
            if let Some(l) = limit(p, i) {
                l.codes = v;
            }
        });
        let mut pool = l.shared_pool;
        let text = "shared pool";
        let tip = "Services paid at different rates on purpose share this limit";
        if ui.checkbox(&mut pool, text).on_hover_text(tip).changed() {
            draft.edit(FREQUENCY, |p| {
                if let Some(r) = p.frequency_limits.get_mut(i) {
                    r.shared_pool = pool;
                }
            });
        }
        remove.button(ui);
    });
}

fn typed_field<'a>(label: &'a str, hint: &'a str, width: f32) -> Typed<'a> {
    Typed {
        label,
        hint,
        width,
        field: FREQUENCY,
    }
}

/// The window's kind, its length when it has one, and for a rolling window
/// whether a service exactly that long ago still counts.
fn window_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>, i: usize, l: &FrequencyLimit) {
    let (kind, length) = kind_of(l.window);
    let boundary = boundary_of(l.window);
    let label = format!("Window of {}", l.name);
    if let Some(new) = combo(ui, "window", &label, kind, &WINDOWS, 130.0) {
        let window = window_of(new, length.unwrap_or(12), boundary);
        draft.edit(FREQUENCY, |p| {
            if let Some(r) = p.frequency_limits.get_mut(i) {
                r.window = window;
            }
        });
    }
    if let Some(length) = length {
        let label = window_length_label(&l.name);
        let field = typed_field(&label, "", 32.0);
        let read = |t: &str| read_count(t, 0);
        field.show(ui, draft, env, &length.to_string(), read, move |p, v| {
            if let Some(l) = limit(p, i) {
                l.window = window_of(kind, v, boundary);
            }
        });
    }
    if kind == WindowKind::Rolling {
        let mut edge = boundary;
        let tip = "A service exactly that many months back still counts";
        if ui
            .checkbox(&mut edge, "edge counts")
            .on_hover_text(tip)
            .changed()
        {
            let window = window_of(kind, length.unwrap_or(12), edge);
            draft.edit(FREQUENCY, |p| {
                if let Some(r) = p.frequency_limits.get_mut(i) {
                    r.window = window;
                }
            });
        }
    }
}

const ALTERNATES: &str = "alternate_benefits";

/// The label of the billed codes of group `k` (1-based) of an alternate benefit.
pub fn billed_label(name: &str, k: usize) -> String {
    format!("Billed codes {k} of {name}")
}

/// The label of the code group `k` (1-based) of an alternate benefit is paid as.
pub fn paid_as_label(name: &str, k: usize) -> String {
    format!("Paid as {k} of {name}")
}

/// The billed codes grouped by the code they are paid as.
fn groups(paid_as: &BTreeMap<CdtCode, CdtCode>) -> Vec<(Vec<CdtCode>, CdtCode)> {
    let mut by_paid: BTreeMap<CdtCode, Vec<CdtCode>> = BTreeMap::new();
    for (billed, paid) in paid_as {
        by_paid.entry(*paid).or_default().push(*billed);
    }
    by_paid.into_iter().map(|(paid, b)| (b, paid)).collect()
}

/// Group `k` replaced by `billed` paid as `paid` (None: the group removed).
fn with_group(
    paid_as: &BTreeMap<CdtCode, CdtCode>,
    k: usize,
    group: Option<(Vec<CdtCode>, CdtCode)>,
) -> Result<BTreeMap<CdtCode, CdtCode>, String> {
    let mut all = groups(paid_as);
    match group {
        Some(g) if k < all.len() => all[k] = g,
        Some(g) => all.push(g),
        None if k < all.len() => {
            all.remove(k);
        }
        None => {}
    }
    let mut map = BTreeMap::new();
    for (billed, paid) in all {
        for code in billed {
            if code == paid {
                return Err(format!(
                    "{code} is paid as itself: expected a different code"
                ));
            }
            if map.insert(code, paid).is_some() {
                return Err(format!(
                    "{code} is listed twice: expected each billed code once"
                ));
            }
        }
    }
    Ok(map)
}

/// Reads "D2391, D2392": single codes, no ranges.
pub fn read_billed(text: &str) -> Result<Vec<CdtCode>, String> {
    let codes: Result<Vec<CdtCode>, String> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| CdtCode::parse(s).map_err(|e| e.to_string()))
        .collect();
    let codes = codes?;
    if codes.is_empty() {
        return Err("no code: expected one or more billed codes".into());
    }
    Ok(codes)
}

fn read_code(text: &str) -> Result<CdtCode, String> {
    CdtCode::parse(text.trim()).map_err(|e| e.to_string())
}

/// The alternate benefits, each with its code groups and teeth.
pub fn alternates_ui(ui: &mut Ui, draft: &mut PlanDraft, env: &Env<'_>) {
    List {
        field: ALTERNATES,
        add: "Add an alternate benefit",
        items: |p| &p.alternate_benefits,
        items_mut: |p| &mut p.alternate_benefits,
        new_item: || AlternateBenefit {
            name: "New alternate benefit".into(),
            paid_as: BTreeMap::new(),
            teeth: Default::default(),
        },
        name: |_, a| a.name.clone(),
    }
    .show(ui, draft, |ui, draft, i, a, remove| {
        alternate_ui(ui, draft, env, (i, a), remove);
    });
}

fn alternate_ui(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    env: &Env<'_>,
    (i, a): (usize, &AlternateBenefit),
    remove: &mut Remove,
) {
    ui.horizontal_wrapped(|ui| {
        let width = (ui.available_width() - 200.0).clamp(200.0, 520.0);
        let label = format!("Name of alternate benefit {}", i + 1);
        let field = Typed {
            label: &label,
            hint: "name",
            width,
            field: ALTERNATES,
        };
        field.show(ui, draft, env, &a.name, read_required, move |p, v| {
            if let Some(a) = p.alternate_benefits.get_mut(i) {
                a.name = v;
            }
        });
        let teeth = (a.name.as_str(), ALTERNATES);
        plan_more::teeth_ui(ui, draft, env, teeth, &a.teeth, move |p, t| {
            if let Some(a) = p.alternate_benefits.get_mut(i) {
                a.teeth = t;
            }
        });
    });
    let all = groups(&a.paid_as);
    for (k, (billed, paid)) in all.iter().enumerate() {
        ui.horizontal(|ui| group_ui(ui, draft, env, i, a, k, (billed, *paid)));
    }
    let k = all.len();
    ui.horizontal(|ui| {
        ui.label("more");
        let label = more_label(&a.name);
        let field = Typed {
            label: &label,
            hint: "D2391, D2392 > D2140",
            width: 260.0,
            field: ALTERNATES,
        };
        let old = a.paid_as.clone();
        let read = |t: &str| with_group(&old, k, Some(read_group(t)?));
        field.show(ui, draft, env, "", read, put_map(i));
        remove.button(ui);
    });
}

/// The label of the field that adds billed codes to an alternate benefit.
pub fn more_label(name: &str) -> String {
    format!("More codes of {name}")
}

/// Reads "D2391, D2392 > D2140": billed codes, '>' and the code paid as.
fn read_group(text: &str) -> Result<(Vec<CdtCode>, CdtCode), String> {
    let Some((billed, paid)) = text.split_once('>') else {
        return Err("expected billed codes, '>' and the code they are paid as".into());
    };
    Ok((read_billed(billed)?, read_code(paid)?))
}

fn group_ui(
    ui: &mut Ui,
    draft: &mut PlanDraft,
    env: &Env<'_>,
    i: usize,
    a: &AlternateBenefit,
    k: usize,
    (billed, paid): (&[CdtCode], CdtCode),
) {
    let old = a.paid_as.clone();
    let value: Vec<String> = billed.iter().map(ToString::to_string).collect();
    let label = billed_label(&a.name, k + 1);
    let field = Typed {
        label: &label,
        hint: "D2391, D2392",
        width: 200.0,
        field: ALTERNATES,
    };
    let read = |t: &str| with_group(&old, k, Some((read_billed(t)?, paid)));
    field.show(ui, draft, env, &value.join(", "), read, put_map(i));
    ui.label("paid as");
    let label = paid_as_label(&a.name, k + 1);
    let field = Typed {
        label: &label,
        hint: "D2140",
        width: 60.0,
        field: ALTERNATES,
    };
    let read = |t: &str| with_group(&old, k, Some((billed.to_vec(), read_code(t)?)));
    field.show(ui, draft, env, &paid.to_string(), read, put_map(i));
    let name = format!("Remove codes {} of {}", k + 1, a.name);
    if typed::small_button(ui, "remove", &name)
        && let Ok(map) = with_group(&old, k, None)
    {
        draft.edit(ALTERNATES, |p| {
            if let Some(r) = p.alternate_benefits.get_mut(i) {
                r.paid_as = map;
            }
        });
    }
}

fn put_map(i: usize) -> impl Fn(&mut crate::model::PlanRules, BTreeMap<CdtCode, CdtCode>) {
    move |p, map| {
        if let Some(a) = p.alternate_benefits.get_mut(i) {
            a.paid_as = map;
        }
    }
}
