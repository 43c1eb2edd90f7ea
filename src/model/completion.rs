//! Marking a planned line completed: the line leaves its option and becomes a
//! history entry, and each payer's amounts used grow by what the estimate showed
//! for the line. The amounts are carried in the edit (the model does not price),
//! so applying it stays pure and undoing it is one step.

use std::collections::BTreeMap;

use super::ids::LineId;
use super::treatment_plan::HistoryEntry;
use crate::money::Cents;

/// A line marked completed, with the amounts its estimate showed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// The line that was done.
    pub line: LineId,
    /// What goes into the patient's history (the line's code and area, dated the
    /// day it is completed).
    pub entry: HistoryEntry,
    /// What each payer's amounts used grow by.
    pub payers: Vec<PayerUse>,
}

/// What one payer's amounts used grow by when a line is completed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PayerUse {
    /// The coverage, by position in the plan's list.
    pub coverage: usize,
    /// Added to the benefits used (0 when the line's class does not count toward
    /// the annual maximum).
    pub benefits: Cents,
    /// Added to the deductible met.
    pub deductible: Cents,
    /// The plan has family amounts: the family's deductible and benefits grow too.
    pub family: bool,
    /// Added to these class maximums' amounts used, by id.
    pub class_maximums: BTreeMap<String, Cents>,
}
