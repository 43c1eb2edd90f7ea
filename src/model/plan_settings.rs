//! A plan's smaller switches (`settings` in a plan file): the behaviours carriers
//! differ on, each with a default that is the usual one (dental-benefits.md
//! App. B, issue 16 item 9). The engine reads them; docs/formats.md "Settings"
//! describes each.

use serde::{Deserialize, Serialize};

/// Smaller plan switches, each with the usual default (dental-benefits.md App. B).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PlanSettings {
    /// Date a multi-visit procedure is dated at: completion (seat) or start (prep).
    pub date_of_service: DateOfServiceBasis,
    /// In network, keep writing off after the maximum is used up.
    pub write_off_after_maximum: bool,
    /// In network, what the patient owes for a line the plan denies (not covered,
    /// excluded, frequency, age, waiting period, missing tooth).
    pub denied_lines_billed_at: DeniedBilling,
    /// Estimate a write-off for this plan when it is not the primary.
    pub write_off_when_secondary: bool,
    /// Whether this plan coordinates benefits at all (plans without a COB
    /// provision pay first).
    pub coordinates_benefits: bool,
    /// As a later payer, count the deductible as met even on a line it pays
    /// nothing for (dental-benefits.md §8.3: carriers differ).
    pub credit_deductible_when_paying_nothing: bool,
    /// Per denial reason, a billing that replaces `denied_lines_billed_at`.
    pub denied_billing_by_reason: DeniedBillingByReason,
    /// A waiting period listed for the line's code replaces its class's period
    /// instead of adding to it.
    pub code_waiting_replaces_class: bool,
    /// In network, write off down to the performed code's contracted fee on a line
    /// paid as a cheaper code (usual); `false` lets the office bill its fee.
    pub write_off_on_downgrade: bool,
    /// How a downgrade prices a cheaper code its schedule does not list.
    pub unlisted_substitute: UnlistedSubstitute,
    /// As a later payer with the office in network under an earlier plan too:
    /// which contracted fee limits what the office may collect in all.
    pub in_network_cob_limit: InNetworkCobLimit,
    /// As a later payer in network, pay at most its own contracted fee less what
    /// the earlier plans paid.
    pub own_contract_caps_secondary: bool,
}

impl Default for PlanSettings {
    fn default() -> PlanSettings {
        PlanSettings {
            date_of_service: DateOfServiceBasis::Completion,
            write_off_after_maximum: true,
            denied_lines_billed_at: DeniedBilling::ContractedFee,
            write_off_when_secondary: false,
            coordinates_benefits: true,
            credit_deductible_when_paying_nothing: true,
            denied_billing_by_reason: DeniedBillingByReason::default(),
            code_waiting_replaces_class: false,
            write_off_on_downgrade: true,
            unlisted_substitute: UnlistedSubstitute::default(),
            in_network_cob_limit: InNetworkCobLimit::default(),
            own_contract_caps_secondary: false,
        }
    }
}

/// Which visit dates a multi-visit procedure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateOfServiceBasis {
    /// The completing visit (crown seat, denture insertion).
    #[default]
    Completion,
    /// The first visit (crown prep).
    Start,
}

/// What an in-network patient owes for a denied line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeniedBilling {
    /// The contracted fee caps it.
    #[default]
    ContractedFee,
    /// The full office fee (where the contract or state law allows).
    OfficeFee,
}

/// The billing of a denied line by why it was denied; a reason left out follows
/// `denied_lines_billed_at`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DeniedBillingByReason {
    /// Excluded by the plan.
    pub excluded: Option<DeniedBilling>,
    /// Over a frequency limit (and a buildup denied with its crown).
    pub frequency: Option<DeniedBilling>,
    /// Outside an age limit.
    pub age: Option<DeniedBilling>,
    /// Inside a waiting period.
    pub waiting_period: Option<DeniedBilling>,
    /// Replaces a tooth missing before coverage began.
    pub missing_tooth: Option<DeniedBilling>,
    /// The class or code is not covered (0%).
    pub not_covered: Option<DeniedBilling>,
}

/// How a downgrade prices the cheaper code when the plan's schedule does not list
/// it (dental-benefits.md §6.2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnlistedSubstitute {
    /// At the office's own fee for the cheaper code (the line is downgraded when
    /// that is lower).
    #[default]
    SubstituteOfficeFee,
    /// At the performed code's own allowed (contracted) fee: no downgrade.
    BilledCodeFee,
}

/// What limits the total an office may collect when two plans it is in network
/// with pay one line (NAIC COB model: "allowable expense").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum InNetworkCobLimit {
    /// The primary's contracted fee; the primary's write-off stands.
    #[default]
    PrimaryContractedFee,
    /// The higher of the two contracted fees (NAIC model rule); the primary's
    /// write-off shrinks by the difference.
    HigherContractedFee,
}
