//! One plan a patient is covered by, as the treatment plan records it: dates,
//! subscriber, what has been used this benefit year and next, and exceptions.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::benefit_rows::SeparateUsed;
use super::history::HistoryEntry;
use super::overrides::PatientException;
use crate::money::Cents;

/// One plan the patient is covered by, with what has been used this benefit year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Plan id in the library.
    pub plan: String,
    /// Member id on the card.
    #[serde(default)]
    pub member_id: Option<String>,
    /// Group number on the card (the employer's group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Name of the subscriber (the employee or policy holder).
    #[serde(default)]
    pub subscriber: Option<String>,
    /// The subscriber's birth date (for the birthday rule).
    #[serde(default)]
    pub subscriber_birth_date: Option<NaiveDate>,
    /// How the patient is related to the subscriber.
    #[serde(default)]
    pub relationship: Relationship,
    /// Active employee, COBRA or retiree coverage.
    #[serde(default)]
    pub status: CoverageStatus,
    /// First day of coverage; None until entered, which blocks the estimate.
    #[serde(default)]
    pub effective: Option<NaiveDate>,
    /// Last day of coverage, if it ends.
    #[serde(default)]
    pub terminates: Option<NaiveDate>,
    /// Prior continuous coverage waives the waiting periods.
    #[serde(default)]
    pub waiting_periods_waived: bool,
    /// Plan payments already made this benefit year (counts toward the maximum).
    #[serde(default)]
    pub benefits_used: Cents,
    /// Deductible already met this benefit year.
    #[serde(default)]
    pub deductible_met: Cents,
    /// Deductible dollars the whole family has met this benefit year.
    #[serde(default)]
    pub family_deductible_met: Cents,
    /// Family members who have met their own deductible (member-count model).
    #[serde(default)]
    pub family_members_met: u32,
    /// Plan payments for the whole family this benefit year.
    #[serde(default)]
    pub family_benefits_used: Cents,
    /// Amounts used toward the plan's class maximums, by their id ("ortho"); an id
    /// listed twice is refused, never silently the last one.
    #[serde(default, deserialize_with = "super::unique_map::unique_map")]
    pub class_maximum_used: BTreeMap<String, Cents>,
    /// Services only this carrier knows about (other offices, its own records).
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// How and when the benefits were verified.
    #[serde(default)]
    pub verified: Option<Verification>,
    /// What is already used in the benefit year after the one containing the
    /// estimate date (a plan year that renews soon, or treatment booked into next
    /// year). None: nothing used there yet. Lifetime deductibles and maximums are
    /// one pool and take the figures above, never these.
    #[serde(default)]
    pub next_year: Option<YearUsed>,
    /// Amounts used toward the plan's separate deductibles and family class maximums.
    #[serde(default, skip_serializing_if = "SeparateUsed::is_empty")]
    pub separate_used: SeparateUsed,
    /// Unused maximum banked from earlier years, as it stood when this benefit year began.
    #[serde(default, skip_serializing_if = "super::benefit_rows::is_no_amount")]
    pub rollover_bank: Cents,
    /// Exceptions the carrier granted this patient alone (frequency, percentage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<PatientException>,
}

/// Amounts already used in one benefit year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearUsed {
    /// Plan payments for the patient (counts toward the annual maximum).
    #[serde(default)]
    pub benefits_used: Cents,
    /// Deductible the patient has met.
    #[serde(default)]
    pub deductible_met: Cents,
    /// Deductible dollars the whole family has met.
    #[serde(default)]
    pub family_deductible_met: Cents,
    /// Family members who have met their own deductible (member-count model).
    #[serde(default)]
    pub family_members_met: u32,
    /// Plan payments for the whole family.
    #[serde(default)]
    pub family_benefits_used: Cents,
    /// Amounts used toward the plan's per-year class maximums, by their id.
    #[serde(default, deserialize_with = "super::unique_map::unique_map")]
    pub class_maximum_used: BTreeMap<String, Cents>,
    /// Amounts used toward the plan's separate deductibles and family class maximums.
    #[serde(default, skip_serializing_if = "SeparateUsed::is_empty")]
    pub separate_used: SeparateUsed,
}

impl Coverage {
    /// New coverage under `plan` from `effective`, nothing used.
    pub fn new(plan: &str, effective: NaiveDate) -> Coverage {
        Coverage {
            effective: Some(effective),
            ..Coverage::blank(plan)
        }
    }

    /// New coverage under `plan` whose effective date is still to be entered.
    pub fn blank(plan: &str) -> Coverage {
        Coverage {
            plan: plan.to_string(),
            member_id: None,
            group: None,
            subscriber: None,
            subscriber_birth_date: None,
            relationship: Relationship::default(),
            status: CoverageStatus::default(),
            effective: None,
            terminates: None,
            waiting_periods_waived: false,
            benefits_used: Cents::ZERO,
            deductible_met: Cents::ZERO,
            family_deductible_met: Cents::ZERO,
            family_members_met: 0,
            family_benefits_used: Cents::ZERO,
            class_maximum_used: BTreeMap::new(),
            history: Vec::new(),
            verified: None,
            next_year: None,
            separate_used: SeparateUsed::default(),
            rollover_bank: Cents::ZERO,
            exceptions: Vec::new(),
        }
    }
}

/// The patient's relationship to the subscriber.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Relationship {
    /// The patient is the subscriber.
    #[default]
    Subscriber,
    /// Spouse or partner.
    Spouse,
    /// Child or other dependent.
    Child,
    /// Anything else.
    Other,
}

/// Employment status behind the coverage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CoverageStatus {
    /// Active employee (or individual policy).
    #[default]
    Active,
    /// Continuation coverage.
    Cobra,
    /// Retiree coverage.
    Retiree,
}

/// Where the benefit figures came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// Date checked.
    pub on: NaiveDate,
    /// How: "phone", "portal", "271 response".
    pub source: String,
}
