//! Deductibles and maximums from EB `C` and `F` segments: each as a total, a
//! remaining amount and an amount used, individual and family, so the plan gets the
//! totals and the coverage what is used (total minus remaining).

use super::codes;
use super::eligibility::{Benefit, SegmentRef};
use super::review::ReviewItem;
use crate::model::ProcedureClass;
use crate::money::Cents;

/// One accumulator as the carrier states it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Accumulator {
    /// The amount for the period.
    pub total: Option<(Cents, SegmentRef)>,
    /// What is left of it.
    pub remaining: Option<(Cents, SegmentRef)>,
    /// What is used of it (EB06 24).
    pub used: Option<(Cents, SegmentRef)>,
}

impl Accumulator {
    /// The amount used: stated, or total minus remaining. None when neither is known
    /// (unknown, never zero).
    pub fn used_amount(&self) -> Option<Cents> {
        if let Some((used, _)) = &self.used {
            return Some(*used);
        }
        match (&self.total, &self.remaining) {
            (Some((t, _)), Some((r, _))) => Some(t.saturating_sub_floor(*r)),
            _ => None,
        }
    }

    /// The total, when stated.
    pub fn total_amount(&self) -> Option<Cents> {
        self.total.as_ref().map(|(c, _)| *c)
    }

    fn set(&mut self, period: &str, amount: Cents, source: &SegmentRef) -> bool {
        let slot = match period {
            "22" | "23" | "25" | "32" => &mut self.total,
            "29" | "33" => &mut self.remaining,
            "24" => &mut self.used,
            _ => return false,
        };
        *slot = Some((amount, source.clone()));
        true
    }
}

/// Every deductible and maximum of one member.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Amounts {
    /// Individual deductible.
    pub deductible: Accumulator,
    /// Family deductible.
    pub family_deductible: Accumulator,
    /// The deductible is once per lifetime (EB06 32).
    pub deductible_lifetime: bool,
    /// Classes the carrier gives a $0 deductible.
    pub waived: Vec<(ProcedureClass, SegmentRef)>,
    /// Individual annual maximum.
    pub maximum: Accumulator,
    /// Family annual maximum.
    pub family_maximum: Accumulator,
    /// Orthodontic maximum.
    pub ortho: Accumulator,
    /// The orthodontic maximum is per lifetime (EB06 32/33), not per year.
    pub ortho_lifetime: bool,
}

/// Reads a `C` or `F` benefit that carries an amount; false when it is not one this
/// reads (the caller lists it for review). Anything odd is added to `review`.
pub fn read_amount(b: &Benefit, out: &mut Amounts, review: &mut Vec<ReviewItem>) -> bool {
    let Some(amount) = b.amount else { return false };
    let general =
        b.service_types.is_empty() || b.service_types.iter().all(|s| codes::is_general(s));
    let family = match b.level.as_str() {
        "IND" | "" => false,
        "FAM" => true,
        other => {
            review.push(ReviewItem::at(
                &b.source,
                format!("amount for coverage level {other}: Ferrule keeps individual and family amounts only"),
            ));
            return true;
        }
    };
    let slot = match (b.info.as_str(), general, family) {
        ("C", true, false) => &mut out.deductible,
        ("C", true, true) => &mut out.family_deductible,
        ("C", false, _) => return class_deductible(b, amount, out, review),
        ("F", true, false) => &mut out.maximum,
        ("F", true, true) => &mut out.family_maximum,
        ("F", false, false) if b.service_types == ["38"] => {
            out.ortho_lifetime |= matches!(b.period.as_str(), "32" | "33");
            &mut out.ortho
        }
        _ => return false,
    };
    if b.info == "C" && b.period == "32" {
        out.deductible_lifetime = true;
    }
    if !slot.set(&b.period, amount, &b.source) {
        review.push(ReviewItem::at(
            &b.source,
            format!(
                "amount {amount} for the period \"{}\" ({}): not read",
                b.period,
                codes::period(&b.period)
            ),
        ));
    }
    true
}

/// A deductible for some service types only: $0 means those classes skip it.
fn class_deductible(
    b: &Benefit,
    amount: Cents,
    out: &mut Amounts,
    review: &mut Vec<ReviewItem>,
) -> bool {
    let classes: Vec<_> = b
        .service_types
        .iter()
        .map(|s| codes::class_of_service_type(s))
        .collect();
    if amount.is_zero() && b.period != "29" && classes.iter().all(Option::is_some) {
        out.waived
            .extend(classes.into_iter().flatten().map(|c| (c, b.source.clone())));
        return true;
    }
    review.push(ReviewItem::at(
        &b.source,
        format!("deductible of {amount} for some services only: Ferrule has one deductible per plan; check which classes it applies to"),
    ));
    true
}
