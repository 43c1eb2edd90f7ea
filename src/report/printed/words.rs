//! The fixed words of the printed estimate (headings, labels, the signature
//! statement) and the few forms only it uses: the estimate number, the masked
//! member id, the plan's network in plain words. The layout in `export` takes
//! every word it prints from here or from the [`PrintedEstimate`] itself.
//!
//! [`PrintedEstimate`]: super::PrintedEstimate

use chrono::NaiveDate;

use crate::model::OptionId;
use crate::model::plan::Network;
use crate::model::treatment_plan::{Relationship, Verification};
use crate::report::fmt;

/// The document's title.
pub const TITLE: &str = "Treatment estimate";
/// Header facts.
pub const ESTIMATE_NO: &str = "Estimate no.";
/// Header facts.
pub const PREPARED: &str = "Prepared";
/// Header facts.
pub const VALID_UNTIL: &str = "Valid until";
/// Label of the patient's block.
pub const PATIENT: &str = "Patient";
/// Label of the block shown when the patient has no insurance.
pub const INSURANCE: &str = "Insurance";
/// The sentence in that block.
pub const NO_INSURANCE: &str = "No insurance on file for this estimate: the amounts are our fees.";
/// Beside the "you pay" summary.
pub const AMOUNTS_ARE_ESTIMATES: &str = "All amounts are in US dollars and are estimates.";
/// Added when some line has a note.
pub const STARRED_LINES: &str = "Lines marked * are explained in the notes below.";
/// The summary's last row.
pub const YOUR_TOTAL: &str = "Your estimated total";
/// Section heading.
pub const NOTES: &str = "Notes";
/// Section heading.
pub const BENEFITS_AFTER: &str = "Your benefits after this treatment";
/// Section heading.
pub const ABOUT: &str = "About this estimate";
/// What the patient confirms by signing.
pub const SIGNATURE_STATEMENT: &str = "By signing, I confirm that this estimate was explained to me, that I understand it is not a guarantee of payment, and that I am responsible for the amount my insurance does not pay.";
/// Under the patient's signature line.
pub const PATIENT_SIGNATURE: &str = "Patient or parent/guardian signature";
/// Under the office's signature line.
pub const STAFF_SIGNATURE: &str = "Staff member signature";
/// Under each date line.
pub const DATE: &str = "Date";

/// "Phone (555) 010-2030".
pub fn phone(phone: &str) -> String {
    format!("Phone {}", phone.trim())
}

/// "Tax ID 12-3456789   ·   NPI 1234567893" (either may be missing).
pub fn practice_ids(tax_id: Option<&str>, npi: Option<&str>) -> Option<String> {
    let ids: Vec<String> = [
        tax_id.map(|t| format!("Tax ID {t}")),
        npi.map(|n| format!("NPI {n}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join("   ·   "))
}

/// "Date of birth May 14, 1981".
pub fn date_of_birth(day: NaiveDate) -> String {
    format!("Date of birth {}", fmt::long_date(day))
}

/// "Chart C-10421".
pub fn chart(number: &str) -> String {
    format!("Chart {number}")
}

/// "Member ID ••••0937": the id masked.
pub fn member_id(id: &str) -> String {
    format!("Member ID {}", mask_member_id(id))
}

/// "Subscriber Casey Ellison (spouse)"; None when the patient holds the policy.
pub fn subscriber(name: &str, relationship: Relationship) -> Option<String> {
    let relation = match relationship {
        // The patient holds the policy: nothing to add.
        Relationship::Subscriber => return None,
        Relationship::Spouse => "spouse",
        Relationship::Child => "child",
        Relationship::Other => "other",
    };
    Some(format!("Subscriber {name} ({relation})"))
}

/// "Benefits verified on Nov 24, 2026 by portal".
pub fn verified(v: &Verification) -> String {
    format!(
        "Benefits verified on {} by {}",
        fmt::long_date(v.on),
        v.source.trim()
    )
}

/// "Planned treatment: Porcelain crown".
pub fn planned_treatment(option_name: &str) -> String {
    format!("Planned treatment: {option_name}")
}

/// "Treatment estimate for Marisol Vega".
pub fn document_title(patient: &str) -> String {
    format!("{TITLE} for {patient}")
}

/// "Porcelain crown · Nov 23, 2026 · continued".
pub fn continued(option_name: &str, prepared: NaiveDate) -> String {
    format!("{option_name} · {} · continued", fmt::long_date(prepared))
}

/// "Your dental practice · Estimate EST-20261123-7997B5 · Prepared Nov 23, 2026".
pub fn footer(practice: &str, estimate_id: &str, prepared: NaiveDate) -> String {
    format!(
        "{practice} · Estimate {estimate_id} · {PREPARED} {}",
        fmt::long_date(prepared)
    )
}

/// "Page 2 of 5".
pub fn page_of(page: usize, pages: usize) -> String {
    format!("Page {page} of {pages}")
}

/// "Line 2": how notes name the line they explain.
pub fn line_label(number: usize) -> String {
    format!("Line {number}")
}

/// "Summit Dental PPO 1500 pays".
pub fn plan_pays(plan_name: &str) -> String {
    format!("{plan_name} pays")
}

/// A stable estimate number: `EST-<prepared YYYYMMDD>-<6 hex digits>` where the
/// digits hash the patient's name and the option's id and name, so printing the
/// same option for the same patient on the same day gives the same number, and
/// two options that share a name do not.
pub fn estimate_id(
    patient: &str,
    option: OptionId,
    option_name: &str,
    prepared: NaiveDate,
) -> String {
    // FNV-1a, 64 bit: small, stable across Rust versions and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let id = option.0.to_le_bytes();
    let bytes = patient.bytes().chain([0x1f]).chain(id).chain([0x1f]);
    for byte in bytes.chain(option_name.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("EST-{}-{:06X}", prepared.format("%Y%m%d"), hash >> 40)
}

/// The last four characters after four bullets (only bullets when the id is four
/// characters or shorter), so the length is not revealed either.
pub fn mask_member_id(id: &str) -> String {
    let chars: Vec<char> = id.trim().chars().collect();
    let keep = if chars.len() > 4 { 4 } else { 0 };
    let tail: String = chars.iter().skip(chars.len() - keep).collect();
    format!("••••{tail}")
}

/// The office's network status with the plan, in plain words.
pub fn network(network: &Network) -> &'static str {
    match network {
        Network::InNetwork { .. } => "PPO; our office is in network",
        Network::OutOfNetwork { .. } => "PPO; our office is out of network",
        Network::Indemnity { .. } => "Traditional (indemnity) plan",
        Network::ScheduledAllowance { .. } => "Fixed-benefit (scheduled) plan",
        Network::Dhmo { .. } => "Dental HMO; our office is in network",
    }
}
