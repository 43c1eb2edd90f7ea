//! Plain-language notes for the patient: one short sentence per reason that
//! changed what a plan pays for a line (downgrade, bundling, not covered, limits,
//! waiting periods, maximums...). Written for patients, not staff: no rule ids,
//! no fee-schedule names, codes named by their patient wording.

use crate::engine::step_detail::{StaffFigure, StaffValue};
use crate::engine::{LineEstimate, Step};
use crate::model::plan::{DeniedBilling, Liability};
use crate::model::{CdtCode, CodeCatalogue};
use crate::report::fmt::{dollars as money, long_date as date, lower_first};

/// How to name the plan in a sentence: "Your plan" when there is one payer, the
/// plan's short name when there are several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanNaming {
    /// One payer: "Your plan".
    Single,
    /// Several payers: each sentence names its plan, by the short name paired
    /// with its full name here ((full, short)); unknown names print as they are.
    ByName(Vec<(String, String)>),
}

impl PlanNaming {
    /// The subject for sentences about `plan` (its full display name).
    fn subject(&self, plan: &str) -> String {
        match self {
            PlanNaming::Single => "Your plan".to_string(),
            PlanNaming::ByName(names) => names
                .iter()
                .find(|(full, _)| full == plan)
                .map_or_else(|| plan.to_string(), |(_, short)| short.clone()),
        }
    }
}

/// What every note needs besides its step.
struct Words<'a> {
    line: &'a LineEstimate,
    catalogue: &'a CodeCatalogue,
    naming: &'a PlanNaming,
}

impl Words<'_> {
    fn who(&self, plan: &str) -> String {
        self.naming.subject(plan)
    }

    /// "a gold crown", "an implant crown": the catalogue's patient wording with an
    /// article, first letter lowercased unless it starts an acronym ("X-ray").
    fn with_article(&self, code: CdtCode) -> String {
        let text = self
            .catalogue
            .get(code)
            .map_or_else(|| format!("procedure {code}"), |c| c.patient_text.clone());
        let text = lower_first(&text);
        let article = match text.chars().next() {
            Some(c) if "aeiou".contains(c) => "an",
            _ => "a",
        };
        format!("{article} {text}")
    }
}

/// The note for one line: its sentences in step order, without repeats; None when
/// nothing on the line needs explaining.
pub fn line_note(
    line: &LineEstimate,
    catalogue: &CodeCatalogue,
    naming: &PlanNaming,
) -> Option<String> {
    let words = Words {
        line,
        catalogue,
        naming,
    };
    let mut sentences: Vec<String> = Vec::new();
    for step in &line.steps {
        if let Some(s) = step_note(step, &words)
            && !sentences.contains(&s)
        {
            sentences.push(s);
        }
    }
    if sentences.is_empty() {
        None
    } else {
        Some(sentences.join(" "))
    }
}

/// The sentence for one step, or None for steps that need no note.
fn step_note(step: &Step, w: &Words<'_>) -> Option<String> {
    changed_benefit(step, w)
        .or_else(|| limit(step, w))
        .or_else(|| money_note(step, w))
        .or_else(|| coding_denial(step))
}

/// A coding check says carriers deny the line whatever the plan (BU11).
fn coding_denial(step: &Step) -> Option<String> {
    matches!(step, Step::CodingDenial { .. }).then(|| {
        "Insurance companies do not pay for this procedure as it is planned here, so no insurance payment is expected for it.".to_string()
    })
}

/// The plan pays for something else, or for nothing: downgrades, bundling, classes
/// and services the plan does not cover.
fn changed_benefit(step: &Step, w: &Words<'_>) -> Option<String> {
    let text = match step {
        Step::Downgraded { plan, from, to, .. } => format!(
            "{} pays only what it would pay for {}; you pay the difference for {}.",
            w.who(plan),
            w.with_article(*to),
            w.with_article(*from),
        ),
        Step::Bundled {
            plan,
            into_line,
            liability,
            ..
        } => {
            let charge = if w.line.patient.is_zero() {
                "you are not charged for it separately"
            } else {
                match liability {
                    Liability::Disallow => "you pay the amount shown",
                    Liability::DenyAtContractFee => "you pay the plan's contracted fee for it",
                    Liability::DenyAtOfficeFee => "you pay our fee for it",
                }
            };
            format!(
                "{} counts this as part of line {into_line} and does not pay for it on its own; {charge}.",
                w.who(plan)
            )
        }
        Step::NotCovered { plan, class } => format!(
            "{} does not cover {} services, so it pays nothing for this.",
            w.who(plan),
            class.label()
        ),
        Step::Excluded { plan, reason } => {
            let reason = reason.trim().trim_end_matches('.');
            if reason.is_empty() {
                format!("{} does not cover this service.", w.who(plan))
            } else {
                format!(
                    "{} does not cover this service: {}.",
                    w.who(plan),
                    lower_first(reason)
                )
            }
        }
        _ => return None,
    };
    Some(text)
}

/// Limits in time and age: frequency, crowns over their limit, ages, waiting
/// periods, the missing-tooth clause and coverage dates.
fn limit(step: &Step, w: &Words<'_>) -> Option<String> {
    let text = match step {
        Step::FrequencyLimit {
            plan,
            eligible_again,
            ..
        } => {
            let again = match eligible_again {
                Some(d) => format!("it can pay again on or after {}", date(*d)),
                None => "it will not pay for it again".to_string(),
            };
            format!(
                "{} has already paid for this as often as its limit allows; {again}.",
                w.who(plan)
            )
        }
        Step::DeniedWithCrown {
            plan, crown, tooth, ..
        } => format!(
            "{} will not pay for {} on tooth {tooth} because of its limit on crowns, so it does not pay for this part either.",
            w.who(plan),
            w.with_article(*crown),
        ),
        Step::AgeLimit {
            plan,
            age,
            through_age,
            from_age,
        } => match (through_age, from_age) {
            (Some(t), _) if age > t => format!(
                "{} covers this only up to age {t}; the patient will be {age} on the treatment date.",
                w.who(plan)
            ),
            (_, Some(f)) => format!(
                "{} covers this only from age {f}; the patient will be {age} on the treatment date.",
                w.who(plan)
            ),
            _ => format!(
                "{} does not cover this at the patient's age ({age}).",
                w.who(plan)
            ),
        },
        Step::WaitingPeriod {
            plan,
            months,
            covered_from,
        } => format!(
            "{} has a {months}-month waiting period for this service; it is covered for treatment on or after {}.",
            w.who(plan),
            date(*covered_from)
        ),
        Step::MissingTooth { plan, tooth, .. }
        | Step::MissingToothExtracted { plan, tooth, .. } => format!(
            "{} does not pay to replace tooth {tooth}, because the tooth was missing before the coverage began.",
            w.who(plan)
        ),
        _ => return coverage_dates(step, w),
    };
    Some(text)
}

/// Coverage that starts after, or ends before, the treatment date.
fn coverage_dates(step: &Step, w: &Words<'_>) -> Option<String> {
    let Step::NotEligible {
        plan,
        date: dos,
        effective,
        terminates,
    } = step
    else {
        return None;
    };
    let under = lower_first(&w.who(plan));
    Some(match terminates {
        Some(end) if dos > end => format!(
            "The coverage under {under} ends on {}, before this treatment date, so it pays nothing.",
            date(*end)
        ),
        _ => format!(
            "The coverage under {under} starts on {}, after this treatment date, so it pays nothing.",
            date(*effective)
        ),
    })
}

/// Money the patient should know about: maximums, the deductible, reviews,
/// missing copays and extra charges.
fn money_note(step: &Step, w: &Words<'_>) -> Option<String> {
    let text = match step {
        Step::MaximumCapped {
            plan,
            maximum,
            after,
            ..
        } => {
            if after.is_zero() {
                format!(
                    "{} has no benefits left under its {maximum}, so it pays nothing for this.",
                    w.who(plan)
                )
            } else {
                format!(
                    "{} has only {} left under its {maximum}, so it pays less than usual for this.",
                    w.who(plan),
                    money(*after)
                )
            }
        }
        Step::Deductible { plan, amount, .. } => match w.naming {
            PlanNaming::Single => format!(
                "{} of the cost counts toward your plan's yearly deductible.",
                money(*amount)
            ),
            PlanNaming::ByName(_) => format!(
                "{} of the cost counts toward the yearly deductible of {}.",
                money(*amount),
                w.who(plan)
            ),
        },
        Step::SeparateDeductible {
            plan, name, amount, ..
        } => format!(
            "{} of the cost counts toward the {} of {}.",
            money(*amount),
            lower_first(name),
            w.who(plan)
        ),
        Step::RolloverDrawn { plan, drawn, .. } => format!(
            "{} pays {} of this from benefits you did not use in earlier years.",
            w.who(plan),
            money(*drawn)
        ),
        Step::Preauthorization { plan } => format!(
            "{} asks to review this treatment before it is done; this estimate assumes it approves.",
            w.who(plan)
        ),
        Step::Copay {
            plan,
            not_listed: true,
            ..
        } => format!(
            "{} lists no copay for this service, so our full fee applies.",
            w.who(plan)
        ),
        Step::Upgrade { plan, name, amount } => format!(
            "{} adds a charge of {} for {}.",
            w.who(plan),
            money(*amount),
            lower_first(name)
        ),
        Step::EnteredByStaff {
            plan: Some(plan),
            figure: StaffFigure::InsuranceEstimate,
            value: StaffValue::Money(amount),
            ..
        } => format!(
            "{} told us ahead of time that it pays {} for this, and this estimate uses that amount.",
            w.who(plan),
            money(*amount)
        ),
        _ => return plan_terms(step, w),
    };
    Some(text)
}

/// Fixed benefits, plan copays and the settings that let the office bill its
/// full fee (issue 16 items 4, 5 and 9).
fn plan_terms(step: &Step, w: &Words<'_>) -> Option<String> {
    let text = match step {
        Step::FixedBenefit {
            plan,
            not_listed: true,
            ..
        } => format!(
            "{} lists no fixed benefit for this service, so it pays nothing for it.",
            w.who(plan)
        ),
        Step::FixedBenefit { plan, amount, .. } => format!(
            "{} pays a fixed {} toward this service; you pay the rest of the network fee.",
            w.who(plan),
            money(*amount)
        ),
        Step::PlanCopay { plan, copay, .. } => format!(
            "{} has a copay of {} for this service, which you pay besides your share.",
            w.who(plan),
            money(*copay)
        ),
        Step::NoWriteOffOnDowngrade { plan, .. } => format!(
            "{} pays this as a less costly service and does not limit our fee for it, so our full fee applies.",
            w.who(plan)
        ),
        Step::DeniedBilledAt {
            plan,
            billed_at: DeniedBilling::OfficeFee,
            ..
        } => format!(
            "{} does not limit our fee for a service it does not pay, so our full fee applies.",
            w.who(plan)
        ),
        _ => return None,
    };
    Some(text)
}
