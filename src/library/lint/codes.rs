//! Lints about the codes and classes a plan's rules name: codes Ferrule does not
//! know or cannot price, and rules on things the plan does not cover.

use super::Linted;
use crate::model::plan::BundlingKind;
use crate::model::{CodeSet, ProcedureClass};

/// A code set in a plan, with words for it and where it is written.
struct Place<'p> {
    what: String,
    needles: Vec<String>,
    set: &'p CodeSet,
}

fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

/// Every code set the plan's rules name.
fn places<'p>(l: &Linted<'p>) -> Vec<Place<'p>> {
    let plan = l.plan;
    let mut found = Vec::new();
    let mut add = |what: String, needles: Vec<String>, set: &'p CodeSet| {
        found.push(Place { what, needles, set });
    };
    for f in &plan.frequency_limits {
        let needles = vec!["frequency_limits".into(), quoted(&f.name)];
        add(format!("frequency limit \"{}\"", f.name), needles, &f.codes);
    }
    for a in &plan.age_limits {
        add("an age limit".into(), vec!["age_limits".into()], &a.codes);
    }
    for w in &plan.waiting_periods {
        add(
            "a waiting period".into(),
            vec!["waiting_periods".into()],
            &w.codes,
        );
    }
    if let Some(m) = &plan.missing_tooth_clause {
        let needles = vec!["missing_tooth_clause".into()];
        add("the missing-tooth clause".into(), needles, &m.codes);
    }
    for e in &plan.exclusions {
        add("an exclusion".into(), vec!["exclusions".into()], &e.codes);
    }
    add(
        "pre-authorization".into(),
        vec!["preauthorization".into()],
        &plan.preauthorization,
    );
    for b in &plan.bundling {
        let needles = vec!["bundling".into(), quoted(&b.id)];
        let what = format!("bundling rule \"{}\"", b.id);
        match &b.kind {
            BundlingKind::Included { codes, into } => {
                add(what.clone(), needles.clone(), codes);
                add(what, needles, into);
            }
            BundlingKind::MutuallyExclusive { codes } => add(what, needles, codes),
        }
    }
    for u in &plan.dhmo_upgrades {
        let needles = vec!["dhmo_upgrades".into(), quoted(&u.name)];
        add(format!("upgrade \"{}\"", u.name), needles, &u.codes);
    }
    found
}

/// A code not in the catalogue (it can never match a line), a range with no
/// catalogue code in it, or a code with no fee in the plan's schedule nor the
/// office fees (a line with it has nothing to be priced from).
pub(super) fn unknown_or_unpriced(l: &mut Linted<'_>) {
    let mut singles: Vec<(String, Vec<String>, crate::model::CdtCode)> = Vec::new();
    for place in places(l) {
        for &(lo, hi) in place.set.ranges() {
            if lo == hi {
                singles.push((place.what.clone(), place.needles.clone(), lo));
            } else if !l
                .library
                .catalogue
                .codes
                .iter()
                .any(|c| lo <= c.code && c.code <= hi)
            {
                let mut at = place.needles.clone();
                at.push(format!("{lo}-{hi}"));
                let message = format!(
                    "{} names {lo}-{hi}, a range with no code of the catalogue in it: expected codes Ferrule knows",
                    place.what
                );
                l.warn(&at.iter().map(String::as_str).collect::<Vec<_>>(), message);
            }
        }
    }
    for code in l.plan.code_coverage.keys() {
        singles.push(("code coverage".into(), vec!["code_coverage".into()], *code));
    }
    for alt in &l.plan.alternate_benefits {
        for (from, to) in &alt.paid_as {
            let needles = vec!["alternate_benefits".into(), quoted(&alt.name)];
            let what = format!("alternate benefit \"{}\"", alt.name);
            singles.push((what.clone(), needles.clone(), *from));
            singles.push((what, needles, *to));
        }
    }
    for (what, mut needles, code) in singles {
        needles.push(quoted(&code.to_string()));
        let at: Vec<&str> = needles.iter().map(String::as_str).collect();
        if l.library.catalogue.get(code).is_none() {
            let message = format!(
                "{what} names {code}, which is not in the code catalogue: it can never match a line; expected a code Ferrule knows"
            );
            l.warn(&at, message);
        } else if l.fee(code).is_none() {
            let message = format!(
                "{what} names {code}, which has no fee in \"{}\" nor in the office fees: expected a fee for every code the plan names",
                l.plan.network.schedule_id()
            );
            l.warn(&at, message);
        }
    }
}

/// True when some code of `codes` or some class of `classes` is covered (and so
/// a rule on them can change a number). A rule naming no known code and no class
/// is left to the codes lint.
fn any_covered(l: &Linted<'_>, codes: &CodeSet, classes: &[ProcedureClass]) -> bool {
    let known = l.codes_in(codes);
    (known.is_empty() && classes.is_empty())
        || known.into_iter().any(|c| l.code_covered(c))
        || classes.iter().any(|c| l.class_covered(*c))
}

/// A rule on classes or codes the plan pays nothing for: it can never change a
/// number. Exclusions are left alone: they give the patient the plan's reason.
pub(super) fn uncovered(l: &mut Linted<'_>) {
    const NEVER: &str = "the plan covers none of them, so the rule can never change a number; expected a rule on covered services";
    let plan = l.plan;
    for f in &plan.frequency_limits {
        if !any_covered(l, &f.codes, &[]) {
            let at = ["frequency_limits", &quoted(&f.name)];
            l.warn(
                &at,
                format!("frequency limit \"{}\" counts codes {NEVER}", f.name),
            );
        }
    }
    for a in &plan.age_limits {
        if !any_covered(l, &a.codes, &a.classes) {
            l.warn(
                &["age_limits"],
                format!("an age limit names services {NEVER}"),
            );
        }
    }
    for w in &plan.waiting_periods {
        if !any_covered(l, &w.codes, &w.classes) {
            let message = format!(
                "a waiting period of {} months names services {NEVER}",
                w.months
            );
            l.warn(&["waiting_periods"], message);
        }
    }
    if let Some(m) = &plan.missing_tooth_clause
        && !any_covered(l, &m.codes, &[])
    {
        let message = format!("the missing-tooth clause names codes {NEVER}");
        l.warn(&["missing_tooth_clause"], message);
    }
    for max in &plan.maximum.class_maximums {
        if !any_covered(l, &CodeSet::default(), &max.classes) {
            let at = ["class_maximums", &quoted(&max.id)];
            l.warn(
                &at,
                format!("class maximum \"{}\" limits classes {NEVER}", max.id),
            );
        }
    }
    for alt in &plan.alternate_benefits {
        let uncovered: Vec<_> = alt
            .paid_as
            .keys()
            .filter(|c| !l.code_covered(**c))
            .collect();
        for from in uncovered {
            let at = [
                "alternate_benefits",
                &quoted(&alt.name),
                &quoted(&from.to_string()),
            ];
            let message = format!(
                "alternate benefit \"{}\" downgrades {from}, which the plan does not cover: it can never change a number; expected a covered code",
                alt.name
            );
            l.warn(&at, message);
        }
    }
}
