//! Benefits left per plan and benefit year, before and after the option, with one
//! set of labels for every reader.

use chrono::NaiveDate;

use super::Names;
use super::columns::Align;
use super::fmt;
use crate::engine::Estimate;
use crate::money::Cents;

/// Heading of the plan column.
pub const PLAN: &str = "Plan";
/// Heading of the benefit-year column.
pub const BENEFIT_YEAR: &str = "Benefit year";
/// Annual maximum left before this treatment.
pub const MAXIMUM_NOW: &str = "Maximum left now";
/// Annual maximum left after this treatment (also the comparison's total row).
pub const MAXIMUM_AFTER: &str = "Maximum left after";
/// Deductible still to meet before this treatment.
pub const DEDUCTIBLE_NOW: &str = "Deductible left now";
/// Deductible still to meet after this treatment.
pub const DEDUCTIBLE_AFTER: &str = "Deductible left after";

/// The columns of the remaining-benefits table: heading and alignment.
pub const COLUMNS: [(&str, Align); 6] = [
    (PLAN, Align::Left),
    (BENEFIT_YEAR, Align::Left),
    (MAXIMUM_NOW, Align::Right),
    (MAXIMUM_AFTER, Align::Right),
    (DEDUCTIBLE_NOW, Align::Right),
    (DEDUCTIBLE_AFTER, Align::Right),
];

/// A separate maximum (orthodontics, implants...): what is left of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassMaximumLeft {
    /// Its name.
    pub name: String,
    /// Left before this treatment.
    pub before: Cents,
    /// Left after it.
    pub after: Cents,
}

impl ClassMaximumLeft {
    /// Its cells in [`COLUMNS`] order: the name and the amounts left before and
    /// after, under the annual maximum's headings.
    pub fn cells(&self) -> [String; 6] {
        [
            self.name.clone(),
            String::new(),
            fmt::amount(self.before),
            fmt::amount(self.after),
            String::new(),
            String::new(),
        ]
    }
}

/// One plan in one benefit year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemainingRow {
    /// Plan id.
    pub plan: String,
    /// The plan's name.
    pub plan_name: String,
    /// First day of the benefit year.
    pub year_start: NaiveDate,
    /// Last day.
    pub year_end: NaiveDate,
    /// Annual maximum left before (None: no maximum).
    pub maximum_before: Option<Cents>,
    /// ... and after.
    pub maximum_after: Option<Cents>,
    /// Deductible left before.
    pub deductible_before: Cents,
    /// ... and after.
    pub deductible_after: Cents,
    /// Separate maximums.
    pub class_maximums: Vec<ClassMaximumLeft>,
}

impl RemainingRow {
    /// False for a year with no maximum, no deductible left and no separate
    /// maximums: nothing worth printing for the patient.
    pub fn has_limits(&self) -> bool {
        self.maximum_before.is_some()
            || self.maximum_after.is_some()
            || !self.deductible_after.is_zero()
            || !self.class_maximums.is_empty()
    }

    /// The six cells in [`COLUMNS`] order; `year` words the benefit year
    /// (`fmt::benefit_year`, `fmt::benefit_year_long`, ...).
    pub fn cells(&self, year: fn(NaiveDate, NaiveDate) -> String) -> [String; 6] {
        [
            self.plan_name.clone(),
            year(self.year_start, self.year_end),
            fmt::maximum(self.maximum_before),
            fmt::maximum(self.maximum_after),
            fmt::amount(self.deductible_before),
            fmt::amount(self.deductible_after),
        ]
    }
}

/// Benefits left per plan and benefit year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RemainingBenefits {
    /// In the engine's order: per plan in payer order, years in date order.
    pub rows: Vec<RemainingRow>,
}

impl RemainingBenefits {
    /// From an estimate, with plan names.
    pub fn new(estimate: &Estimate, names: &Names<'_>) -> RemainingBenefits {
        let rows = estimate
            .remaining
            .iter()
            .map(|r| RemainingRow {
                plan: r.plan.clone(),
                plan_name: names.plan_name(&r.plan),
                year_start: r.year_start,
                year_end: r.year_end,
                maximum_before: r.maximum_before,
                maximum_after: r.maximum_after,
                deductible_before: r.deductible_before,
                deductible_after: r.deductible_after,
                class_maximums: r
                    .class_maximums
                    .iter()
                    .map(|(name, before, after)| ClassMaximumLeft {
                        name: name.clone(),
                        before: *before,
                        after: *after,
                    })
                    .collect(),
            })
            .collect();
        RemainingBenefits { rows }
    }
}
