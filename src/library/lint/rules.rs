//! Lints about how a plan's rules work together: downgrades that pay more, rules
//! an earlier one always wins over, codes bundled with themselves, frequency pools
//! mixing coverage, impossible waiting periods, maximums below the deductible.

use chrono::Months;

use super::Linted;
use crate::model::plan::{BundlingKind, ToothCondition};
use crate::model::{CdtCode, Tooth};

fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

/// A downgrade to a code whose fee in the plan's schedule is above the billed
/// code's: the engine never pays more for a downgrade, so the rule does nothing.
pub(super) fn dearer_alternate(l: &mut Linted<'_>) {
    for alt in &l.plan.alternate_benefits {
        for (from, to) in &alt.paid_as {
            let (Some(own), Some(other)) = (l.fee(*from), l.fee(*to)) else {
                continue;
            };
            if other > own {
                let at = [
                    "alternate_benefits",
                    &quoted(&alt.name),
                    &quoted(&from.to_string()),
                ];
                let message = format!(
                    "alternate benefit \"{}\" pays {from} ({own}) as {to}, which costs more ({other}) in \"{}\": a downgrade never pays more, so it does nothing; expected a cheaper code",
                    alt.name,
                    l.plan.network.schedule_id()
                );
                l.warn(&at, message);
            }
        }
    }
}

/// True when every tooth `later` applies to, `earlier` applies to as well.
fn teeth_cover(earlier: &ToothCondition, later: &ToothCondition) -> bool {
    let teeth = Tooth::permanent_teeth().chain(Tooth::primary_teeth());
    std::iter::once(None)
        .chain(teeth.map(Some))
        .all(|t| !later.matches(t) || earlier.matches(t))
}

/// A rule that an earlier one always wins over: an alternate benefit for a code
/// an earlier rule downgrades on the same teeth (the first matching rule is
/// used), or an exclusion whose every code and class an earlier one excludes
/// (the first exclusion's reason is the one shown).
pub(super) fn shadowed(l: &mut Linted<'_>) {
    let plan = l.plan;
    for (i, alt) in plan.alternate_benefits.iter().enumerate() {
        for from in alt.paid_as.keys() {
            let earlier = plan
                .alternate_benefits
                .iter()
                .take(i)
                .find(|e| e.paid_as.contains_key(from) && teeth_cover(&e.teeth, &alt.teeth));
            if let Some(earlier) = earlier {
                let at = [
                    "alternate_benefits",
                    &quoted(&alt.name),
                    &quoted(&from.to_string()),
                ];
                let message = format!(
                    "alternate benefit \"{}\" for {from} is never used: \"{}\" comes first and applies on every tooth this one does; expected one rule per code and tooth",
                    alt.name, earlier.name
                );
                l.warn(&at, message);
            }
        }
    }
    for (i, exclusion) in plan.exclusions.iter().enumerate() {
        let codes = l.codes_in(&exclusion.codes);
        let earlier = plan.exclusions.iter().take(i).find(|e| {
            exclusion.classes.iter().all(|c| e.classes.contains(c))
                && codes
                    .iter()
                    .all(|c| e.codes.contains(*c) || e.classes.contains(&l.class_of(*c)))
        });
        if let Some(earlier) = earlier {
            let start: String = exclusion.reason.chars().take(30).collect();
            let message = format!(
                "exclusion \"{}\" is never used: an earlier one (\"{}\") already excludes everything it names, and its reason is the one shown; expected each service excluded once",
                exclusion.reason, earlier.reason
            );
            l.warn(&["exclusions", &start], message);
        }
    }
}

/// The first code two lists of code ranges share.
fn shared_code(a: &[(CdtCode, CdtCode)], b: &[(CdtCode, CdtCode)]) -> Option<CdtCode> {
    a.iter().find_map(|&(a_lo, a_hi)| {
        b.iter()
            .find(|&&(b_lo, b_hi)| a_lo <= b_hi && b_lo <= a_hi)
            .map(|&(b_lo, _)| a_lo.max(b_lo))
    })
}

/// A bundling rule with a code on both sides (folded into itself), or a mutually
/// exclusive list naming a code twice.
pub(super) fn bundled_with_itself(l: &mut Linted<'_>) {
    for rule in &l.plan.bundling {
        let at = ["bundling", &quoted(&rule.id)];
        match &rule.kind {
            BundlingKind::Included { codes, into } => {
                if let Some(code) = shared_code(codes.ranges(), into.ranges()) {
                    let message = format!(
                        "bundling rule \"{}\" bundles {code} into itself (it is on both sides): expected different codes on each side",
                        rule.id
                    );
                    l.warn(&at, message);
                }
            }
            BundlingKind::MutuallyExclusive { codes } => {
                let ranges = codes.ranges();
                let twice = ranges.iter().enumerate().find_map(|(i, a)| {
                    shared_code(
                        std::slice::from_ref(a),
                        ranges.get(i + 1..).unwrap_or_default(),
                    )
                });
                if let Some(code) = twice {
                    let message = format!(
                        "bundling rule \"{}\" names {code} twice, so it is bundled with itself: expected each code once",
                        rule.id
                    );
                    l.warn(&at, message);
                }
            }
        }
    }
}

/// A frequency group whose codes the plan pays at different rates: which service
/// uses up the limit changes what the plan pays. `shared_pool: true` says the
/// mix is meant (cleanings and periodontal maintenance).
pub(super) fn mixed_pool(l: &mut Linted<'_>) {
    for limit in l.plan.frequency_limits.iter().filter(|f| !f.shared_pool) {
        let rated: Vec<_> = l
            .codes_in(&limit.codes)
            .into_iter()
            .map(|c| (c, l.plan.coverage_for(c, l.class_of(c))))
            .collect();
        let Some(&(first, rate)) = rated.first() else {
            continue;
        };
        if let Some(&(other, other_rate)) = rated.iter().find(|(_, r)| *r != rate) {
            let at = ["frequency_limits", &quoted(&limit.name)];
            let message = format!(
                "frequency limit \"{}\" counts {first} (paid at {rate}) and {other} (paid at {other_rate}) in one pool: which comes first changes what the plan pays; expected codes paid alike, or shared_pool: true when the plan means it",
                limit.name
            );
            l.warn(&at, message);
        }
    }
}

/// A waiting period that ends after today for every member, because the plan
/// itself began less than that long ago (`in_force_since`).
pub(super) fn waiting_too_long(l: &mut Linted<'_>) {
    let Some(since) = l.plan.in_force_since else {
        return;
    };
    for wait in &l.plan.waiting_periods {
        let ends = since.checked_add_months(Months::new(wait.months));
        if ends.is_some_and(|end| end > l.today) {
            let message = format!(
                "a waiting period of {} months is longer than the plan has existed (in force since {since}): no member can have served it yet; expected a shorter period or an earlier in_force_since",
                wait.months
            );
            let months = format!("months: {}", wait.months);
            l.warn(&["waiting_periods", &months], message);
        }
    }
}

/// A maximum lower than the deductible in front of it (a slipped digit).
pub(super) fn maximum_below_deductible(l: &mut Linted<'_>) {
    let (d, m) = (&l.plan.deductible, &l.plan.maximum);
    if let Some(annual) = m.annual
        && annual < d.individual
    {
        let message = format!(
            "annual maximum {annual} is lower than the deductible {}: expected a maximum above the deductible",
            d.individual
        );
        l.warn(&["maximum", "annual"], message);
    }
    if let (Some(family_max), Some(family_ded)) = (m.family_annual, d.family)
        && family_max < family_ded
    {
        let message = format!(
            "family maximum {family_max} is lower than the family deductible {family_ded}: expected a maximum above the deductible"
        );
        l.warn(&["family_annual"], message);
    }
    for max in &m.class_maximums {
        let deducted = max.classes.iter().any(|c| !d.waived_classes.contains(c));
        if deducted && max.amount < d.individual {
            let message = format!(
                "class maximum \"{}\" of {} is lower than the deductible {} its classes take: expected a maximum above the deductible",
                max.id, max.amount, d.individual
            );
            l.warn(&["class_maximums", &quoted(&max.id)], message);
        }
    }
}
