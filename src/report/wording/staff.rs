//! Explanation steps as plain sentences for staff (screen, CLI): the "why this
//! number" trail. One function per family of steps, in the order the engine
//! applies them: fees, eligibility, limits and rules, the plan's arithmetic, and
//! coordination with the patient's share.

use super::staff_settings;
use crate::engine::Step;
use crate::model::plan::{CobMethod, Liability};
use crate::report::fmt::{dollars as money, iso_date as date, long_date};

/// The plan (by display name) whose own rule produced this step, for the steps a
/// plan rule produces: downgrade, bundling, frequency, exclusion, class not
/// covered, age, waiting period, missing tooth and maximum. Readers link these to
/// the plan's rules.
pub fn rule_plan(step: &Step) -> Option<&str> {
    match step {
        Step::Downgraded { plan, .. }
        | Step::Bundled { plan, .. }
        | Step::FrequencyLimit { plan, .. }
        | Step::DeniedWithCrown { plan, .. }
        | Step::Excluded { plan, .. }
        | Step::NotCovered { plan, .. }
        | Step::AgeLimit { plan, .. }
        | Step::WaitingPeriod { plan, .. }
        | Step::MissingTooth { plan, .. }
        | Step::MaximumCapped { plan, .. }
        | Step::SeparateDeductible { plan, .. }
        | Step::OutsideAnnual { plan, .. }
        | Step::RolloverDrawn { plan, .. }
        | Step::MissingToothExtracted { plan, .. } => Some(plan),
        _ => None,
    }
}

/// One step as one sentence.
pub fn sentence(step: &Step) -> String {
    // Listing every step here makes a new step a compile error until it has words.
    match step {
        Step::OfficeFee { .. }
        | Step::FeeVersion { .. }
        | Step::Allowed { .. }
        | Step::WriteOff { .. } => fees(step),
        Step::NotEligible { .. }
        | Step::WaitingPeriod { .. }
        | Step::MissingTooth { .. }
        | Step::Excluded { .. }
        | Step::NotCovered { .. }
        | Step::AgeLimit { .. } => eligibility(step),
        Step::FrequencyLimit { .. }
        | Step::DeniedWithCrown { .. }
        | Step::Bundled { .. }
        | Step::Downgraded { .. } => limits(step),
        Step::Deductible { .. }
        | Step::DeductibleWaived { .. }
        | Step::PlanShare { .. }
        | Step::ScheduledBenefit { .. }
        | Step::MaximumCapped { .. }
        | Step::Copay { .. }
        | Step::Upgrade { .. } => benefit(step),
        Step::Coordination { .. }
        | Step::NoInsurance
        | Step::Preauthorization { .. }
        | Step::PatientOwes { .. } => share(step),
        Step::FixedBenefit { .. }
        | Step::PlanCopay { .. }
        | Step::DeniedBilledAt { .. }
        | Step::WaitingPeriodReplaced { .. }
        | Step::NoWriteOffOnDowngrade { .. }
        | Step::SubstituteAtBilledFee { .. }
        | Step::HigherContractedFee { .. }
        | Step::OwnContractCap { .. } => staff_settings::sentence(step),
        Step::SeparateDeductible { .. }
        | Step::OutsideAnnual { .. }
        | Step::RolloverDrawn { .. }
        | Step::MissingToothExtracted { .. } => super::staff_rows::sentence(step),
        Step::CodingDenial { rule, reason } => format!(
            "Coding check {rule}: {reason} Carriers deny it whatever the plan, so the estimate shows the plan paying nothing for this line."
        ),
        Step::EnteredByStaff { .. } | Step::ProviderSchedule { .. } => {
            super::staff_entered::sentence(step)
        }
    }
}

/// The office fee, the allowed fee and the write-off.
fn fees(step: &Step) -> String {
    match step {
        Step::OfficeFee {
            fee,
            quantity,
            overridden,
        } => {
            let source = if *overridden {
                "entered on the line"
            } else {
                "from the office fee schedule"
            };
            if *quantity > 1 {
                format!("Office fee {} for {quantity} units, {source}.", money(*fee))
            } else {
                format!("Office fee {}, {source}.", money(*fee))
            }
        }
        Step::Allowed {
            plan,
            amount,
            schedule,
            not_listed,
            capped_at_fee,
        } => {
            if *not_listed {
                format!(
                    "{plan}: the code is not on {schedule}, so the allowed fee is the office fee, {}.",
                    money(*amount)
                )
            } else if *capped_at_fee {
                format!(
                    "{plan}: allowed fee {} (the schedule lists more than the office fee, so the office fee caps it).",
                    money(*amount)
                )
            } else {
                format!("{plan}: allowed fee {} from {schedule}.", money(*amount))
            }
        }
        Step::FeeVersion {
            plan,
            schedule,
            version,
            from,
        } => match version {
            Some(version) => format!(
                "{plan}: priced with {version}, from {}, of {schedule}.",
                long_date(*from)
            ),
            None => format!(
                "{plan}: priced with {schedule} as in force before {}.",
                long_date(*from)
            ),
        },
        Step::WriteOff { plan, amount } => format!(
            "{} is written off under the {plan} contract; the patient is not billed for it.",
            money(*amount)
        ),
        _ => String::new(),
    }
}

/// Why a plan pays nothing before any rule is looked at: dates, clauses, classes.
fn eligibility(step: &Step) -> String {
    match step {
        Step::NotEligible {
            plan,
            date: dos,
            effective,
            terminates,
        } => match terminates {
            Some(end) if dos > end => format!(
                "{plan}: coverage ended on {}, before this date of service ({}); the plan pays nothing and the office fee applies.",
                date(*end),
                date(*dos)
            ),
            _ => format!(
                "{plan}: coverage starts on {}, after this date of service ({}); the plan pays nothing and the office fee applies.",
                date(*effective),
                date(*dos)
            ),
        },
        Step::WaitingPeriod {
            plan,
            months,
            covered_from,
        } => format!(
            "{plan}: {months}-month waiting period; covered from {}, so the plan pays nothing on this date.",
            date(*covered_from)
        ),
        Step::MissingTooth {
            plan,
            tooth,
            since,
            effective,
        } => {
            let when = since.map_or_else(
                || "before coverage began".to_string(),
                |d| format!("on {}", date(d)),
            );
            format!(
                "{plan}: tooth #{tooth} was missing {when}, before coverage started on {}; the missing-tooth clause means the plan does not pay for replacing it.",
                date(*effective)
            )
        }
        Step::Excluded { plan, reason } => {
            let reason = reason.trim_end_matches('.');
            format!("{plan}: not a covered benefit ({reason}); the plan pays nothing.")
        }
        Step::NotCovered { plan, class } => format!(
            "{plan}: {} services are not covered; the plan pays nothing.",
            class.label()
        ),
        Step::AgeLimit {
            plan,
            age,
            through_age,
            from_age,
        } => match (through_age, from_age) {
            (Some(t), _) if age > t => format!(
                "{plan}: covered through age {t}; the patient is {age} on this date, so the plan pays nothing."
            ),
            (_, Some(f)) => format!(
                "{plan}: covered from age {f}; the patient is {age} on this date, so the plan pays nothing."
            ),
            _ => {
                format!("{plan}: outside the plan's age limit (age {age}); the plan pays nothing.")
            }
        },
        _ => String::new(),
    }
}

/// Frequency limits, bundling and downgrades.
fn limits(step: &Step) -> String {
    match step {
        Step::FrequencyLimit {
            plan,
            limit,
            used,
            count,
            eligible_again,
        } => {
            let again = eligible_again.map_or_else(
                || "it will not be covered again".to_string(),
                |d| format!("eligible again on {}", date(d)),
            );
            format!(
                "{plan}: frequency limit \"{limit}\" allows {count}; {used} already counted, so the plan pays nothing ({again})."
            )
        }
        Step::DeniedWithCrown { plan, crown, tooth } => format!(
            "{plan}: the {crown} crown on #{tooth} is over its frequency limit, so this buildup or post on the same tooth is denied with it."
        ),
        Step::Bundled {
            plan,
            rule,
            name,
            into,
            into_line,
            liability,
        } => {
            let who = match liability {
                Liability::Disallow => {
                    "the office writes it off (in network) — the patient is not billed"
                }
                Liability::DenyAtContractFee => "the patient owes the contracted fee",
                Liability::DenyAtOfficeFee => "the patient owes the office fee",
            };
            format!(
                "{plan}: bundled into line {into_line} ({into}) by rule {rule} \"{name}\"; the plan pays nothing for it and {who}."
            )
        }
        Step::Downgraded {
            plan,
            rule,
            from,
            to,
            alternate_allowed,
            basis,
            office_fee: false,
        } => format!(
            "{plan}: {from} is paid as {to} (\"{rule}\"); {to} is allowed {}, so benefits are figured on {}.",
            money(*alternate_allowed),
            money(*basis)
        ),
        Step::Downgraded {
            plan,
            rule,
            from,
            to,
            alternate_allowed,
            basis,
            office_fee: true,
        } => format!(
            "{plan}: {from} is paid as {to} (\"{rule}\"); the plan's fee schedule does not list {to}, so the office fee for {to}, {}, is used, and benefits are figured on {}.",
            money(*alternate_allowed),
            money(*basis)
        ),
        _ => String::new(),
    }
}

/// The plan's own arithmetic: deductible, percentage or fixed benefit, maximums,
/// and the DHMO copays and extra charges.
fn benefit(step: &Step) -> String {
    match step {
        Step::Deductible {
            plan,
            amount,
            remaining,
        } => format!(
            "{plan}: {} deductible applied; {} deductible left after this line.",
            money(*amount),
            money(*remaining)
        ),
        Step::DeductibleWaived { plan, class } => {
            format!("{plan}: no deductible on {} services.", class.label())
        }
        Step::PlanShare {
            plan,
            basis,
            percent,
            deductible_after,
            amount,
        } => {
            if deductible_after.is_zero() {
                format!(
                    "{plan}: pays {percent} of {} = {}.",
                    money(*basis),
                    money(*amount)
                )
            } else {
                format!(
                    "{plan}: pays {percent} of {}, less the {} deductible = {}.",
                    money(*basis),
                    money(*deductible_after),
                    money(*amount)
                )
            }
        }
        Step::ScheduledBenefit {
            plan,
            amount,
            not_listed,
        } => {
            if *not_listed {
                format!("{plan}: no fixed benefit is listed for this code.")
            } else {
                format!("{plan}: fixed benefit {} for this code.", money(*amount))
            }
        }
        Step::MaximumCapped {
            plan,
            maximum,
            before,
            after,
        } => format!(
            "{plan}: the {maximum} leaves only {}, so the payment is cut from {} to {}.",
            money(*after),
            money(*before),
            money(*after)
        ),
        _ => dhmo(step),
    }
}

/// DHMO copays and extra charges.
fn dhmo(step: &Step) -> String {
    match step {
        Step::Copay {
            plan,
            amount,
            not_listed: true,
        } => format!(
            "{plan}: no copay is listed for this code, so the patient owes the office fee {}.",
            money(*amount)
        ),
        Step::Copay { plan, amount, .. } => format!("{plan}: member copay {}.", money(*amount)),
        Step::Upgrade { plan, name, amount } => {
            format!("{plan}: extra charge {} ({name}).", money(*amount))
        }
        _ => String::new(),
    }
}

/// Later payers, pre-authorization and what is left for the patient.
fn share(step: &Step) -> String {
    match step {
        Step::Coordination {
            plan,
            method,
            normal_benefit,
            paid_before,
            balance,
            pays,
        } => format!(
            "{plan} as a later payer {}: normal benefit {}, already paid {}, balance {} -> pays {}.",
            cob_words(*method),
            money(*normal_benefit),
            money(*paid_before),
            money(*balance),
            money(*pays)
        ),
        Step::NoInsurance => {
            "No insurance on this estimate: the patient owes the office fee.".to_string()
        }
        Step::Preauthorization { plan } => {
            format!("{plan}: pre-authorization required; the estimate assumes it is approved.")
        }
        Step::PatientOwes { amount } => format!("Patient owes {}.", money(*amount)),
        _ => String::new(),
    }
}

/// How a later payer coordinates, as the middle of a sentence.
fn cob_words(method: CobMethod) -> &'static str {
    match method {
        CobMethod::Standard => "pays its normal benefit up to the balance left",
        CobMethod::NonDuplication => {
            "pays its normal benefit less what was already paid (non-duplication)"
        }
        CobMethod::CarveOut => "pays its normal benefit less what was already paid (carve-out)",
        CobMethod::MaintenanceOfBenefits => {
            "keeps the patient's own cost share under it (maintenance of benefits)"
        }
        CobMethod::Basic => "pays up to its allowed fee less what was already paid",
        CobMethod::Medicaid => "pays to its allowance; the rest is written off (Medicaid)",
    }
}
