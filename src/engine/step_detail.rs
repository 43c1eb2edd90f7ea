//! The parts of the newer explanation steps: which figure staff entered and its
//! value (issue 16 item 6), and why a provider's fee schedule priced a line
//! (issue 16 item 7).

use serde::Serialize;

use crate::money::{Cents, Percent};

/// A figure staff can enter in place of the computed one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "figure", rename_all = "snake_case")]
pub enum StaffFigure {
    /// A plan's allowed fee on the line.
    AllowedFee,
    /// A plan's coverage percentage on the line.
    CoveragePercent,
    /// The deductible a plan takes on the line.
    Deductible,
    /// What a plan pays alone (a predetermination's approved amount).
    InsuranceEstimate,
    /// The line's write-off.
    WriteOff,
    /// The patient's own coverage percentage for the code (an exception).
    PatientPercent,
    /// The patient's own count under a frequency limit (an exception).
    PatientFrequency {
        /// The limit's name.
        limit: String,
    },
}

/// A value staff entered, or the computed one it replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffValue {
    /// An amount.
    Money(Cents),
    /// A percentage.
    Percent(Percent),
    /// A count.
    Count(u32),
}

/// Where the provider of a line comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderFrom {
    /// Named on the line.
    Line,
    /// The treatment plan's provider.
    Plan,
    /// The practice's default provider.
    Practice,
}

/// Why a schedule priced a provider's line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleWhy {
    /// The provider's own schedule.
    Own,
    /// The provider's own schedule for the plan's carrier.
    OwnForCarrier,
    /// The provider has no schedule of their own here: the practice's or plan's.
    NoneOfTheirOwn,
    /// The provider's schedule is not in the library: the practice's or plan's.
    OwnMissing,
    /// The provider's schedule does not list the code: the practice's or plan's.
    CodeNotListed,
}
