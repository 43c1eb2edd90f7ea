//! What the engine returns: one [`LineEstimate`] per planned line, totals, and the
//! benefits left per plan and benefit year.

use chrono::NaiveDate;
use serde::Serialize;

use super::step::{Flag, Name, Step};
use crate::model::{Area, CdtCode, LineId, VisitId};
use crate::money::{Cents, Percent};

/// The estimate of one treatment option under one payer setup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Estimate {
    /// One entry per planned line, in plan order (visit, then line).
    pub lines: Vec<LineEstimate>,
    /// Sums of the lines.
    pub totals: Totals,
    /// Benefits left per plan and benefit year, before and after this option.
    pub remaining: Vec<Remaining>,
}

/// One line: what the office charges, what each plan pays, what the patient owes.
///
/// Invariant: `fee == write_off + sum(payers.pays) + patient`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineEstimate {
    /// The planned line's id: everything that refers to a line uses it.
    pub line: LineId,
    /// 1-based line number within the option (plan order), for people to read;
    /// never used to find a line.
    pub number: usize,
    /// Visit id.
    pub visit_id: VisitId,
    /// Visit name.
    pub visit: Name,
    /// Date of service used for the primary plan (completion date by default).
    pub date: NaiveDate,
    /// Date of the visit where the line was started.
    pub started: NaiveDate,
    /// The code.
    pub code: CdtCode,
    /// Staff name of the code.
    pub description: Name,
    /// Where.
    pub area: Area,
    /// Units.
    pub quantity: u32,
    /// Office fee.
    pub fee: Cents,
    /// The primary plan's allowed fee for the performed code (the office fee when
    /// there is no insurance). Out of network it is the plan's allowance, not a cap
    /// on the bill.
    pub allowed: Cents,
    /// Contractual write-off.
    pub write_off: Cents,
    /// Deductible taken by the primary (each payer's own is in `payers`).
    pub deductible: Cents,
    /// What each payer pays, in payer order.
    pub payers: Vec<PayerShare>,
    /// What the patient owes.
    pub patient: Cents,
    /// Reasons, sorted, without repeats.
    pub flags: Vec<Flag>,
    /// The steps, in the order they were applied.
    pub steps: Vec<Step>,
}

impl LineEstimate {
    /// Sum of all payers' payments.
    pub fn insurance(&self) -> Cents {
        self.payers.iter().map(|p| p.pays).sum()
    }

    /// True when the line reconciles: fee = write-off + payments + patient.
    pub fn balances(&self) -> bool {
        self.fee == self.write_off + self.insurance() + self.patient
    }
}

/// One payer's part of a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PayerShare {
    /// Plan id.
    pub plan: Name,
    /// What it pays.
    pub pays: Cents,
    /// Its allowed fee for the performed code.
    pub allowed: Cents,
    /// Deductible it took.
    pub deductible: Cents,
    /// Its coverage percentage for the line.
    pub percent: Percent,
    /// What it would have paid alone (before coordination).
    pub normal_benefit: Cents,
}

/// Totals of an option.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Office fees.
    pub fee: Cents,
    /// Allowed fees.
    pub allowed: Cents,
    /// Write-offs.
    pub write_off: Cents,
    /// Deductible taken by the primary.
    pub deductible: Cents,
    /// Per payer, in payer order: (plan id, amount).
    pub insurance: Vec<(String, Cents)>,
    /// Patient.
    pub patient: Cents,
}

impl Totals {
    /// All insurance together.
    pub fn insurance_total(&self) -> Cents {
        self.insurance.iter().map(|(_, c)| *c).sum()
    }
}

/// Benefits left for one plan in one benefit year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Remaining {
    /// Plan id.
    pub plan: String,
    /// First day of the benefit year.
    pub year_start: NaiveDate,
    /// Last day of the benefit year.
    pub year_end: NaiveDate,
    /// Individual annual maximum left before this option (None: no maximum).
    pub maximum_before: Option<Cents>,
    /// ... and after it.
    pub maximum_after: Option<Cents>,
    /// Individual deductible left before.
    pub deductible_before: Cents,
    /// ... and after.
    pub deductible_after: Cents,
    /// Class maximums: (name, left before, left after).
    pub class_maximums: Vec<(String, Cents, Cents)>,
}
