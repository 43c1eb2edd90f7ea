//! An orthodontic case on a line (issue 16 item 8, dental-benefits.md §2.4): how
//! long treatment lasts, the part of the case fee the carrier pays on when the
//! appliances are placed, and the patient's down payment. The engine's
//! `ortho::schedule` turns it into payments month by month.

use serde::{Deserialize, Serialize};

use crate::money::{Cents, Percent};

/// The longest treatment a case may plan: ten years of monthly payments.
pub const MAX_MONTHS: u32 = 120;

/// The payment terms of one orthodontic case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrthoCase {
    /// Months of treatment after banding (1 to 120): the rest of the fee is
    /// paid over them.
    pub months: u32,
    /// The part of the case fee billed at banding (carriers commonly take 20% to a
    /// third); the carrier pays its percentage of it first. Default 25%.
    #[serde(default = "quarter")]
    pub initial_portion: Percent,
    /// What the patient pays at banding; None: the initial portion less what the
    /// carriers pay on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub down_payment: Option<Cents>,
}

fn quarter() -> Percent {
    Percent::whole(25).unwrap_or(Percent::ZERO)
}

impl OrthoCase {
    /// A case of `months` with the default initial portion and down payment.
    pub fn new(months: u32) -> OrthoCase {
        OrthoCase {
            months,
            initial_portion: quarter(),
            down_payment: None,
        }
    }
}
