//! Frequency and age limits from EB `F` segments: HSD quantity per period, and the
//! EB09 `S7`/`S8` age high and low values.

use super::codes;
use super::eligibility::{Benefit, Frequency};
use super::review::ReviewItem;
use crate::model::plan::{AgeLimit, FrequencyLimit, FrequencyScope, FrequencyWindow};
use crate::model::{CdtCode, CodeSet, ProcedureClass};

/// The codes a service type stands for (dental-benefits.md §9.4 default table).
pub fn codes_of_service_type(stc: &str) -> Option<CodeSet> {
    let set = CodeSet::default();
    Some(match stc {
        "23" => set.with_range(100, 999),
        "41" => set.with_range(1000, 1999),
        "25" => set.with_range(2000, 2699).with_range(2900, 2999),
        "36" => set.with_range(2700, 2799),
        "26" => set.with_range(3000, 3999),
        "24" => set.with_range(4000, 4999),
        "39" => set.with_range(5000, 5899).with_range(6200, 6999),
        "40" => set.with_range(7000, 7999),
        "38" => set.with_range(8000, 8999),
        "28" => set.with_range(9000, 9999),
        _ => return None,
    })
}

/// The codes an EB names: its EB13 code, else its service types.
fn target(b: &Benefit) -> Result<(CodeSet, String), String> {
    if let Some(code) = &b.procedure {
        let code = CdtCode::parse(code).map_err(|e| e.to_string())?;
        return Ok((CodeSet::of(&[code]), code.to_string()));
    }
    let mut set = CodeSet::default();
    let mut names = Vec::new();
    for stc in &b.service_types {
        let Some(codes) = codes_of_service_type(stc) else {
            return Err(format!(
                "service type {stc} ({}) has no code range in Ferrule",
                codes::service_type(stc)
            ));
        };
        for (lo, hi) in codes.ranges() {
            set = set.with_range(lo.number(), hi.number());
        }
        names.push(codes::service_type(stc));
    }
    if set.is_empty() {
        return Err("no service type or procedure code".into());
    }
    Ok((set, names.join(", ")))
}

/// The window an HSD states, with a note when the reading is a choice.
fn window(f: &Frequency) -> Result<(FrequencyWindow, Option<String>), String> {
    let n = f.periods;
    Ok(match (f.period.as_str(), n) {
        ("22" | "23", None | Some(1)) => (FrequencyWindow::BenefitYear, None),
        ("21", Some(years)) if years > 0 => (FrequencyWindow::Years(years), None),
        ("34", Some(months)) if months > 0 => (
            FrequencyWindow::MonthsToTheDay(months),
            Some(format!(
                "\"1 per {months} months\" read as {months} months to the day; some carriers count to the month"
            )),
        ),
        ("7", Some(days)) if days > 0 => (FrequencyWindow::Days(days), None),
        ("32", _) => (FrequencyWindow::Lifetime, None),
        (p, _) => {
            return Err(format!(
                "frequency period \"{p}\" ({}) with {} periods: not read",
                codes::period(p),
                n.map_or("no".to_string(), |n| n.to_string())
            ));
        }
    })
}

/// A frequency limit from an `F` benefit's first HSD; problems go to `review`.
pub fn frequency(b: &Benefit, review: &mut Vec<ReviewItem>) -> Option<FrequencyLimit> {
    let f = b.frequencies.first()?;
    for extra in b.frequencies.iter().skip(1) {
        review.push(ReviewItem::at(
            &extra.source,
            "a second frequency for the same benefit: only the first is read",
        ));
    }
    let result = target(b).and_then(|(codes, name)| {
        let count = match (f.qualifier.as_str(), f.quantity) {
            ("VS" | "P6" | "", Some(q)) if q > 0 => q,
            (q, n) => return Err(format!("frequency quantity {q} {n:?}: not read")),
        };
        let (window, note) = window(f)?;
        Ok((
            FrequencyLimit {
                name: format!("{name} (from 271)"),
                codes,
                count,
                window,
                scope: FrequencyScope::Patient,
                shared_pool: false,
            },
            note,
        ))
    });
    match result {
        Ok((limit, note)) => {
            if let Some(note) = note {
                review.push(ReviewItem::at(&f.source, note));
            }
            if !b.messages.is_empty() {
                review.push(ReviewItem::at(
                    &f.source,
                    "frequency counted per patient: check the carrier's note for per-tooth or per-quadrant limits",
                ));
            }
            Some(limit)
        }
        Err(why) => {
            review.push(ReviewItem::at(&f.source, why));
            None
        }
    }
}

/// An age limit from EB09 `S7` (age high value, inclusive) or `S8` (low value).
pub fn age(b: &Benefit, review: &mut Vec<ReviewItem>) -> Option<AgeLimit> {
    let (qualifier, age) = b.quantity.as_ref()?;
    let (through_age, from_age) = match qualifier.as_str() {
        "S7" => (Some(*age), None),
        "S8" => (None, Some(*age)),
        _ => return None,
    };
    let mut limit = AgeLimit {
        codes: CodeSet::default(),
        classes: Vec::new(),
        through_age,
        from_age,
    };
    if let Some(code) = &b.procedure {
        match CdtCode::parse(code) {
            Ok(code) => limit.codes = CodeSet::of(&[code]),
            Err(e) => {
                review.push(ReviewItem::at(&b.source, format!("age limit: {e}")));
                return None;
            }
        }
    } else {
        let classes: Option<Vec<ProcedureClass>> = b
            .service_types
            .iter()
            .map(|s| codes::class_of_service_type(s))
            .collect();
        match classes {
            Some(classes) if !classes.is_empty() => limit.classes = classes,
            _ => {
                review.push(ReviewItem::at(
                    &b.source,
                    "age limit for service types without a Ferrule class: not read",
                ));
                return None;
            }
        }
    }
    review.push(ReviewItem::at(
        &b.source,
        format!(
            "age {} read as covered {} age {age} inclusive; check whether the carrier means \"under {age}\"",
            if through_age.is_some() { "high value" } else { "low value" },
            if through_age.is_some() { "through" } else { "from" },
        ),
    ));
    Some(limit)
}
