//! The suggested payer order in words: which plan pays first, whether that is the
//! order on file, and the reason for each pair.

use crate::engine::payer_order::PayerOrder;
use crate::model::Coverage;

/// The suggestion as people read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayerOrderSummary {
    /// Plan ids in the suggested order, primary first.
    pub plans: Vec<String>,
    /// Indexes into the coverage on file, in the suggested order.
    pub order: Vec<usize>,
    /// The suggestion is the order on file.
    pub matches_file: bool,
    /// Why each plan pays before the next ("a before b: why").
    pub reasons: Vec<String>,
}

impl PayerOrderSummary {
    /// The summary of `suggestion` for `coverage` (the order on file).
    pub fn new(coverage: &[Coverage], suggestion: &PayerOrder) -> PayerOrderSummary {
        let on_file: Vec<usize> = (0..coverage.len()).collect();
        PayerOrderSummary {
            plans: suggestion
                .order
                .iter()
                .filter_map(|&i| coverage.get(i).map(|c| c.plan.clone()))
                .collect(),
            order: suggestion.order.clone(),
            matches_file: suggestion.order == on_file,
            reasons: suggestion.reasons.clone(),
        }
    }

    /// "matches the order on file" or "differs from the order on file".
    pub fn verdict(&self) -> &'static str {
        if self.matches_file {
            "matches the order on file"
        } else {
            "differs from the order on file"
        }
    }
}
