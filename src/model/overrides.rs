//! Figures staff enter by hand in place of the computed ones (issue 16 item 6): on
//! a line (allowed fee, coverage percentage, deductible, insurance estimate per
//! payer; the write-off for the whole line) and on a coverage for this patient only
//! (a frequency count or a coverage percentage granted as an exception). The engine
//! uses each in place of its own figure at that step and says "entered by staff".

use serde::{Deserialize, Serialize};

use super::code::CdtCode;
use crate::money::{Cents, Percent};

/// Hand-entered figures on one planned line. Empty by default; not written to the
/// file while empty, so files without overrides read and save as before.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LineOverrides {
    /// The line's write-off, in place of the contract's (never more than what is
    /// left of the fee after the payers' payments).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub write_off: Option<Cents>,
    /// Figures that belong to one payer, by the plan id of its coverage.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub payers: Vec<PayerOverride>,
}

impl LineOverrides {
    /// True when nothing is entered.
    pub fn is_empty(&self) -> bool {
        self.write_off.is_none() && self.payers.iter().all(PayerOverride::is_empty)
    }

    /// The figures entered for the payer with this plan id.
    pub fn payer(&self, plan: &str) -> Option<&PayerOverride> {
        self.payers.iter().find(|p| p.plan == plan)
    }

    /// The figures for this plan id, to change them (added when missing).
    pub fn payer_mut(&mut self, plan: &str) -> &mut PayerOverride {
        if let Some(at) = self.payers.iter().position(|p| p.plan == plan) {
            return &mut self.payers[at];
        }
        self.payers.push(PayerOverride::new(plan));
        let last = self.payers.len() - 1;
        &mut self.payers[last]
    }

    /// Sets one figure; None clears it. Payers left with nothing are dropped.
    pub fn set(&mut self, which: OverrideField, value: Option<OverrideValue>) {
        let plan = match &which {
            OverrideField::WriteOff => {
                self.write_off = value.and_then(OverrideValue::money);
                return;
            }
            OverrideField::Allowed(plan)
            | OverrideField::Percent(plan)
            | OverrideField::Deductible(plan)
            | OverrideField::Insurance(plan) => plan.as_str(),
        };
        let entry = self.payer_mut(plan);
        let money = value.and_then(OverrideValue::money);
        match which {
            OverrideField::Allowed(_) => entry.allowed = money,
            OverrideField::Deductible(_) => entry.deductible = money,
            OverrideField::Insurance(_) => entry.insurance = money,
            OverrideField::Percent(_) => entry.percent = value.and_then(OverrideValue::percent),
            OverrideField::WriteOff => {}
        }
        self.payers.retain(|p| !p.is_empty());
    }
}

/// Hand-entered figures for one payer on one line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayerOverride {
    /// Plan id of the coverage these figures belong to.
    pub plan: String,
    /// Allowed fee in place of the schedule's (never above the office fee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Cents>,
    /// Coverage percentage in place of the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Percent>,
    /// Deductible taken on this line in place of the computed one (never above
    /// the benefit basis).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deductible: Option<Cents>,
    /// What the plan pays alone, such as a predetermination's approved amount, in
    /// place of the computed benefit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance: Option<Cents>,
}

impl PayerOverride {
    /// Nothing entered yet for `plan`.
    pub fn new(plan: &str) -> PayerOverride {
        PayerOverride {
            plan: plan.to_string(),
            ..PayerOverride::default()
        }
    }

    /// True when no figure is entered.
    pub fn is_empty(&self) -> bool {
        self.allowed.is_none()
            && self.percent.is_none()
            && self.deductible.is_none()
            && self.insurance.is_none()
    }
}

/// Which hand-entered figure an edit sets; per-payer ones name the plan id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OverrideField {
    /// The line's write-off.
    WriteOff,
    /// A payer's allowed fee.
    Allowed(String),
    /// A payer's coverage percentage.
    Percent(String),
    /// A payer's deductible on the line.
    Deductible(String),
    /// A payer's own estimate (predetermination).
    Insurance(String),
}

/// A hand-entered value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverrideValue {
    /// An amount.
    Money(Cents),
    /// A percentage.
    Percent(Percent),
}

impl OverrideValue {
    fn money(self) -> Option<Cents> {
        match self {
            OverrideValue::Money(c) => Some(c),
            OverrideValue::Percent(_) => None,
        }
    }

    fn percent(self) -> Option<Percent> {
        match self {
            OverrideValue::Percent(p) => Some(p),
            OverrideValue::Money(_) => None,
        }
    }
}

/// An exception a carrier granted this patient alone for one code, such as extra
/// cleanings for a medical reason: it replaces the plan's figure for this
/// coverage only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatientException {
    /// The code it is for.
    pub code: CdtCode,
    /// How many the patient may have in the window of every frequency limit that
    /// counts the code, in place of the limit's count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<u32>,
    /// Coverage percentage for the code, in place of the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Percent>,
    /// Why, for staff ("medical exception, letter of 2026-01-10").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The exception for `code` among a coverage's, if any (the first one listed).
pub fn exception_for(exceptions: &[PatientException], code: CdtCode) -> Option<&PatientException> {
    exceptions.iter().find(|e| e.code == code)
}
