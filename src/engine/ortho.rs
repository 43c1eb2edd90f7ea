//! The orthodontic payment schedule (issue 16 item 8, dental-benefits.md §2.4 and
//! Appendix D O1): from an ortho line's estimate and its case terms, what each
//! carrier and the patient pay at banding and then month by month.
//!
//! The rules, in integer cents:
//! * The case fee is the line's allowed fee (the office fee without insurance):
//!   a write-off is neither the plans' nor the patient's to pay.
//! * The initial portion is the case's `initial_portion` of the case fee; the
//!   rest is spread over `months`.
//! * A carrier pays its coverage percentage of the initial portion at banding,
//!   then its percentage of the rest divided by the months, each month, until its
//!   estimated payment on the line (after its maximums and coordination) is used
//!   up. Each of these two figures is rounded once by the plan's rounding rule.
//! * The patient pays the down payment (entered, else the initial portion less
//!   what the carriers pay at banding), then the rest of their share in equal
//!   monthly amounts rounded once.
//! * The last month takes whatever is left, so every schedule adds up exactly to
//!   the estimate's amount: the one remainder rule.

use serde::Serialize;

use super::estimate::LineEstimate;
use crate::model::ortho::{MAX_MONTHS, OrthoCase};
use crate::money::{Cents, Percent, Rounding};

/// One party's payments: at banding, then one amount per month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Installments {
    /// Paid when the appliances are placed.
    pub at_start: Cents,
    /// Paid each month, month 1 first (zeros once the party has paid its share).
    pub monthly: Vec<Cents>,
}

impl Installments {
    /// Everything the party pays.
    pub fn total(&self) -> Cents {
        self.at_start + self.monthly.iter().copied().sum::<Cents>()
    }

    /// The monthly amounts as runs of equal amounts: (first month, last month,
    /// amount), months counted from 1.
    pub fn runs(&self) -> Vec<(u32, u32, Cents)> {
        let mut runs: Vec<(u32, u32, Cents)> = Vec::new();
        for (i, amount) in self.monthly.iter().enumerate() {
            let month = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
            match runs.last_mut() {
                Some((_, last, a)) if *a == *amount => *last = month,
                _ => runs.push((month, month, *amount)),
            }
        }
        runs
    }
}

/// The schedule of one ortho line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrthoSchedule {
    /// The case fee the schedule spreads: the primary plan's allowed fee (the
    /// office fee without insurance).
    pub case_fee: Cents,
    /// Months of treatment after banding.
    pub months: u32,
    /// The part of the fee billed at banding.
    pub initial_portion: Cents,
    /// Each carrier's payments, in payer order: (plan id, payments).
    pub payers: Vec<(String, Installments)>,
    /// The patient's payments.
    pub patient: Installments,
}

/// The schedule of `line` under `case`, rounding as `rounding` says.
pub fn schedule(line: &LineEstimate, case: &OrthoCase, rounding: Rounding) -> OrthoSchedule {
    let months = case.months.clamp(1, MAX_MONTHS);
    // The plans work from the allowed fee; the write-off is not the patient's.
    let fee = line.allowed;
    let initial_portion = fee.percent_of(case.initial_portion, rounding);
    let rest = fee - initial_portion;
    let payers: Vec<(String, Installments)> = line
        .payers
        .iter()
        .map(|p| {
            let at_start = initial_portion.percent_of(p.percent, rounding).min(p.pays);
            let each = rest.percent_of_part(p.percent, months, rounding);
            let plan = Installments {
                at_start,
                monthly: spread(p.pays - at_start, each, months),
            };
            (p.plan.to_string(), plan)
        })
        .collect();
    let carriers_at_start: Cents = payers.iter().map(|(_, i)| i.at_start).sum();
    let patient_share = line.patient.max(Cents::ZERO);
    let down = case
        .down_payment
        .unwrap_or_else(|| initial_portion.saturating_sub_floor(carriers_at_start))
        .min(patient_share)
        .max(Cents::ZERO);
    let left = patient_share - down;
    let each = left.percent_of_part(Percent::HUNDRED, months, rounding);
    OrthoSchedule {
        case_fee: fee,
        months,
        initial_portion,
        payers,
        patient: Installments {
            at_start: down,
            monthly: spread(left, each, months),
        },
    }
}

/// `total` paid `each` a month until it is used up; the last month takes what is
/// left, so the months add up to `total` exactly.
fn spread(total: Cents, each: Cents, months: u32) -> Vec<Cents> {
    let mut left = total.max(Cents::ZERO);
    (1..=months)
        .map(|month| {
            let pay = if month == months {
                left
            } else {
                each.min(left).max(Cents::ZERO)
            };
            left -= pay;
            pay
        })
        .collect()
}
