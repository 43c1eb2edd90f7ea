//! What every pricing step works with: the line as one payer sees it
//! ([`Pricing`]) and an amount with the steps that explain it ([`Explained`]).

use chrono::NaiveDate;

use crate::engine::few::Few;
use crate::engine::input::Payer;
use crate::engine::services::Service;
use crate::engine::step::{Flag, Name, Step};
use crate::model::plan::Network;
use crate::model::{CdtCode, FeeSchedule, PlanRules};
use crate::money::Cents;

/// An amount and the steps and flags that explain it, in the order they happened.
pub(super) struct Explained<T> {
    pub(super) amount: T,
    pub(super) steps: Few<Step>,
    pub(super) flags: Few<Flag>,
}

impl<T> Explained<T> {
    pub(super) fn new(amount: T) -> Explained<T> {
        Explained {
            amount,
            steps: Few::new(),
            flags: Few::new(),
        }
    }

    pub(super) fn step(mut self, step: Step) -> Explained<T> {
        self.steps.push(step);
        self
    }

    pub(super) fn flag(mut self, flag: Flag) -> Explained<T> {
        self.flags.push(flag);
        self
    }
}

/// The line as one payer sees it: what every step needs to know.
pub(super) struct Pricing<'a> {
    pub(super) payer: &'a Payer<'a>,
    pub(super) office_fees: &'a FeeSchedule,
    pub(super) s: &'a Service<'a>,
    /// The plan's display name, for the steps.
    pub(super) name: &'a Name,
    /// Units: schedule amounts are per unit.
    pub(super) quantity: i64,
    /// The date of service under this plan: it picks the fee schedule version.
    pub(super) date: NaiveDate,
}

impl Pricing<'_> {
    pub(super) fn plan(&self) -> &PlanRules {
        self.payer.plan
    }

    pub(super) fn code(&self) -> CdtCode {
        self.s.line.code
    }

    pub(super) fn fee(&self) -> Cents {
        self.s.fee
    }

    pub(super) fn times_quantity(&self, unit: Cents) -> Cents {
        Cents::from_cents(unit.cents().saturating_mul(self.quantity))
    }

    /// The plan's schedule amount for `code`, times the quantity.
    pub(super) fn listed(&self, code: CdtCode) -> Option<Cents> {
        self.payer
            .schedule
            .fee_on(code, self.date)
            .map(|c| self.times_quantity(c))
    }

    pub(super) fn is_dhmo(&self) -> bool {
        matches!(self.plan().network, Network::Dhmo { .. })
    }

    /// The table the plan pays fixed amounts from: a scheduled allowance's own
    /// schedule, or an in-network plan's fixed benefits (a fixed-benefit PPO).
    pub(super) fn benefit_table(&self) -> Option<&FeeSchedule> {
        match self.plan().network {
            Network::ScheduledAllowance { .. } => Some(self.payer.schedule),
            Network::InNetwork { .. } => self.payer.fixed_benefits,
            _ => None,
        }
    }

    /// `table`'s amount for `code`, times the quantity.
    pub(super) fn listed_in(&self, table: &FeeSchedule, code: CdtCode) -> Option<Cents> {
        table
            .fee_on(code, self.date)
            .map(|c| self.times_quantity(c))
    }
}
