//! The plan summary's words for the settings carriers differ on (issue 16 item
//! 9): denied-line billing per reason and the five switches after it.

use crate::model::plan::DeniedBilling;
use crate::model::plan_settings::{InNetworkCobLimit, PlanSettings, UnlistedSubstitute};

use super::SummaryLine;

fn billing_words(billing: DeniedBilling) -> &'static str {
    match billing {
        DeniedBilling::ContractedFee => "the contracted fee",
        DeniedBilling::OfficeFee => "the office fee",
    }
}

/// "The contracted fee", or with the reasons that differ: "The contracted fee;
/// the office fee for a line over a frequency limit".
pub fn denied_billing_words(s: &PlanSettings) -> String {
    let base = s.denied_lines_billed_at;
    let r = &s.denied_billing_by_reason;
    let reasons = [
        (r.excluded, "a line the plan excludes"),
        (r.frequency, "a line over a frequency limit"),
        (r.age, "a line outside an age limit"),
        (r.waiting_period, "a line in a waiting period"),
        (
            r.missing_tooth,
            "a line replacing a tooth missing before coverage",
        ),
        (r.not_covered, "a line the plan does not cover"),
    ];
    let mut text = crate::report::fmt::capitalized(billing_words(base));
    for (billing, reason) in reasons {
        if let Some(billing) = billing.filter(|b| *b != base) {
            text.push_str(&format!("; {} for {reason}", billing_words(billing)));
        }
    }
    text
}

/// The five switches after the denied-line billing, one line each.
pub fn switch_lines(s: &PlanSettings) -> Vec<SummaryLine> {
    let waiting = if s.code_waiting_replaces_class {
        "Replaces the period of its class"
    } else {
        "Adds to the period of its class (both must end)"
    };
    let downgrade = if s.write_off_on_downgrade {
        "Yes, down to the contracted fee of the code performed"
    } else {
        "No: the office may bill its fee less what the plan pays"
    };
    let unlisted = match s.unlisted_substitute {
        UnlistedSubstitute::SubstituteOfficeFee => "Priced at the office's fee for that code",
        UnlistedSubstitute::BilledCodeFee => {
            "Priced at the performed code's own allowed fee, so no downgrade"
        }
    };
    let limit = match s.in_network_cob_limit {
        InNetworkCobLimit::PrimaryContractedFee => "The earlier plan's contracted fee",
        InNetworkCobLimit::HigherContractedFee => {
            "The higher of the two contracted fees (NAIC model rule)"
        }
    };
    let own_cap = if s.own_contract_caps_secondary {
        "Yes: it pays at most its contracted fee less what earlier plans paid"
    } else {
        "No"
    };
    vec![
        SummaryLine::new("A code's own waiting period", waiting),
        SummaryLine::new("Write-off on a downgraded line", downgrade),
        SummaryLine::new("Cheaper code missing from the schedule", unlisted),
        SummaryLine::new("In network with two plans, the limit is", limit),
        SummaryLine::new("Own contracted fee caps it as secondary", own_cap),
    ]
}
