//! Field-by-field differences between a library plan and the same plan updated
//! from a 271: what staff confirm before saving.

use std::collections::BTreeSet;
use std::fmt::Debug;

use super::plan_summary::words;
use crate::model::PlanRules;
use crate::money::Cents;

/// One field that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// The field, as in the plan file: `coverage.BasicRestorative`.
    pub field: String,
    /// Its value in the library plan ("-" when absent).
    pub old: String,
    /// Its value in the draft ("-" when absent).
    pub new: String,
}

fn money(c: Option<Cents>) -> String {
    c.map_or_else(|| "-".to_string(), |c| c.to_string())
}

fn push(out: &mut Vec<FieldChange>, field: &str, old: String, new: String) {
    if old != new {
        out.push(FieldChange {
            field: field.to_string(),
            old,
            new,
        });
    }
}

/// Items keyed by `key`, compared by `show`.
fn keyed<T, K: Ord + Debug>(
    out: &mut Vec<FieldChange>,
    field: &str,
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> K,
    show: impl Fn(&T) -> String,
) {
    let keys: BTreeSet<K> = old.iter().chain(new).map(&key).collect();
    for k in keys {
        let find = |list: &[T]| {
            list.iter()
                .find(|x| key(x) == k)
                .map_or_else(|| "-".to_string(), &show)
        };
        push(out, &format!("{field}[{k:?}]"), find(old), find(new));
    }
}

/// Every field that differs between `old` and `new`, in file order.
pub fn plan_changes(old: &PlanRules, new: &PlanRules) -> Vec<FieldChange> {
    let mut out = Vec::new();
    push(&mut out, "name", old.name.clone(), new.name.clone());
    push(
        &mut out,
        "carrier",
        old.carrier.clone(),
        new.carrier.clone(),
    );
    push(
        &mut out,
        "network",
        format!("{:?}", old.network),
        format!("{:?}", new.network),
    );
    push(
        &mut out,
        "benefit_year",
        format!("{:?}", old.benefit_year),
        format!("{:?}", new.benefit_year),
    );
    let (od, nd) = (&old.deductible, &new.deductible);
    push(
        &mut out,
        "deductible.individual",
        od.individual.to_string(),
        nd.individual.to_string(),
    );
    push(
        &mut out,
        "deductible.family",
        money(od.family),
        money(nd.family),
    );
    push(
        &mut out,
        "deductible.period",
        format!("{:?}", od.period),
        format!("{:?}", nd.period),
    );
    push(
        &mut out,
        "deductible.waived_classes",
        format!("{:?}", od.waived_classes),
        format!("{:?}", nd.waived_classes),
    );
    let (om, nm) = (&old.maximum, &new.maximum);
    push(
        &mut out,
        "maximum.annual",
        money(om.annual),
        money(nm.annual),
    );
    push(
        &mut out,
        "maximum.family_annual",
        money(om.family_annual),
        money(nm.family_annual),
    );
    keyed(
        &mut out,
        "maximum.class_maximums",
        &om.class_maximums,
        &nm.class_maximums,
        |m| m.id.clone(),
        |m| format!("{} {:?} for {:?}", m.amount, m.period, m.classes),
    );
    rule_changes(&mut out, old, new);
    out
}

/// Coverage percentages and the limit lists.
fn rule_changes(out: &mut Vec<FieldChange>, old: &PlanRules, new: &PlanRules) {
    let classes: BTreeSet<_> = old.coverage.keys().chain(new.coverage.keys()).collect();
    for class in classes {
        let show = |p: &PlanRules| {
            p.coverage
                .get(class)
                .map_or("-".to_string(), |v| v.to_string())
        };
        push(out, &format!("coverage.{class}"), show(old), show(new));
    }
    let codes: BTreeSet<_> = old
        .code_coverage
        .keys()
        .chain(new.code_coverage.keys())
        .collect();
    for code in codes {
        let show = |p: &PlanRules| {
            p.code_coverage
                .get(code)
                .map_or("-".to_string(), |v| v.to_string())
        };
        push(out, &format!("code_coverage.{code}"), show(old), show(new));
    }
    keyed(
        out,
        "frequency_limits",
        &old.frequency_limits,
        &new.frequency_limits,
        |l| l.codes.to_string(),
        words::frequency_words,
    );
    keyed(
        out,
        "age_limits",
        &old.age_limits,
        &new.age_limits,
        |l| format!("{} {:?}", l.codes, l.classes),
        words::age_words,
    );
    keyed(
        out,
        "exclusions",
        &old.exclusions,
        &new.exclusions,
        |e| format!("{} {:?}", e.codes, e.classes),
        |e| e.reason.clone(),
    );
}
