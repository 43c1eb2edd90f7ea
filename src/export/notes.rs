//! Plain-language notes for the patient: one short sentence per reason that
//! changed what a plan pays for a line (downgrade, bundling, not covered, limits,
//! waiting periods, maximums...). Written for patients, not staff: no rule ids,
//! no fee-schedule names, codes named by their patient wording.

use chrono::NaiveDate;

use crate::engine::{LineEstimate, Step};
use crate::model::plan::Liability;
use crate::model::{CdtCode, CodeCatalogue};
use crate::money::Cents;

use super::long_date;

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

fn money(c: Cents) -> String {
    format!("${c}")
}

/// "a gold crown", "an implant crown": the catalogue's patient wording with an
/// article, first letter lowercased unless it starts an acronym ("X-ray").
fn with_article(catalogue: &CodeCatalogue, code: CdtCode) -> String {
    let text = catalogue
        .get(code)
        .map_or_else(|| format!("procedure {code}"), |c| c.patient_text.clone());
    let text = lower_first(&text);
    let article = match text.chars().next() {
        Some(c) if "aeiou".contains(c) => "an",
        _ => "a",
    };
    format!("{article} {text}")
}

/// Lowercases the first letter when the second is lowercase too ("Gold" -> "gold",
/// "X-ray" stays).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

fn date(d: NaiveDate) -> String {
    long_date(d)
}

/// The sentence for one step, or None for steps that need no note.
fn step_note(
    step: &Step,
    line: &LineEstimate,
    catalogue: &CodeCatalogue,
    naming: &PlanNaming,
) -> Option<String> {
    let who = |plan: &str| naming.subject(plan);
    let text = match step {
        Step::Downgraded { plan, from, to, .. } => format!(
            "{} pays only what it would pay for {}; you pay the difference for {}.",
            who(plan),
            with_article(catalogue, *to),
            with_article(catalogue, *from),
        ),
        Step::Bundled {
            plan,
            into_line,
            liability,
            ..
        } => {
            let charge = if line.patient.is_zero() {
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
                who(plan)
            )
        }
        Step::NotCovered { plan, class } => format!(
            "{} does not cover {} services, so it pays nothing for this.",
            who(plan),
            class.label()
        ),
        Step::Excluded { plan, reason } => {
            let reason = reason.trim().trim_end_matches('.');
            if reason.is_empty() {
                format!("{} does not cover this service.", who(plan))
            } else {
                format!(
                    "{} does not cover this service: {}.",
                    who(plan),
                    lower_first(reason)
                )
            }
        }
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
                who(plan)
            )
        }
        Step::DeniedWithCrown {
            plan, crown, tooth, ..
        } => format!(
            "{} will not pay for {} on tooth {tooth} because of its limit on crowns, so it does not pay for this part either.",
            who(plan),
            with_article(catalogue, *crown),
        ),
        Step::AgeLimit {
            plan,
            age,
            through_age,
            from_age,
        } => match (through_age, from_age) {
            (Some(t), _) if age > t => format!(
                "{} covers this only up to age {t}; the patient will be {age} on the treatment date.",
                who(plan)
            ),
            (_, Some(f)) => format!(
                "{} covers this only from age {f}; the patient will be {age} on the treatment date.",
                who(plan)
            ),
            _ => format!(
                "{} does not cover this at the patient's age ({age}).",
                who(plan)
            ),
        },
        Step::WaitingPeriod {
            plan,
            months,
            covered_from,
        } => format!(
            "{} has a {months}-month waiting period for this service; it is covered for treatment on or after {}.",
            who(plan),
            date(*covered_from)
        ),
        Step::MissingTooth { plan, tooth, .. } => format!(
            "{} does not pay to replace tooth {tooth}, because the tooth was missing before the coverage began.",
            who(plan)
        ),
        Step::MaximumCapped {
            plan,
            maximum,
            after,
            ..
        } => {
            if after.is_zero() {
                format!(
                    "{} has no benefits left under its {maximum}, so it pays nothing for this.",
                    who(plan)
                )
            } else {
                format!(
                    "{} has only {} left under its {maximum}, so it pays less than usual for this.",
                    who(plan),
                    money(*after)
                )
            }
        }
        Step::NotEligible {
            plan,
            date: dos,
            effective,
            terminates,
        } => match terminates {
            Some(end) if dos > end => format!(
                "The coverage under {} ends on {}, before this treatment date, so it pays nothing.",
                lower_first(&who(plan)),
                date(*end)
            ),
            _ => format!(
                "The coverage under {} starts on {}, after this treatment date, so it pays nothing.",
                lower_first(&who(plan)),
                date(*effective)
            ),
        },
        Step::Deductible { plan, amount, .. } => match naming {
            PlanNaming::Single => format!(
                "{} of the cost counts toward your plan's yearly deductible.",
                money(*amount)
            ),
            PlanNaming::ByName(_) => format!(
                "{} of the cost counts toward the yearly deductible of {}.",
                money(*amount),
                who(plan)
            ),
        },
        Step::Preauthorization { plan } => format!(
            "{} asks to review this treatment before it is done; this estimate assumes it approves.",
            who(plan)
        ),
        Step::Copay {
            plan,
            not_listed: true,
            ..
        } => format!(
            "{} lists no copay for this service, so our full fee applies.",
            who(plan)
        ),
        Step::Upgrade { plan, name, amount } => format!(
            "{} adds a charge of {} for {}.",
            who(plan),
            money(*amount),
            lower_first(name)
        ),
        _ => return None,
    };
    Some(text)
}

/// The note for one line: its sentences in step order, without repeats; None when
/// nothing on the line needs explaining.
pub fn line_note(
    line: &LineEstimate,
    catalogue: &CodeCatalogue,
    naming: &PlanNaming,
) -> Option<String> {
    let mut sentences: Vec<String> = Vec::new();
    for step in &line.steps {
        if let Some(s) = step_note(step, line, catalogue, naming)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_first_keeps_acronyms() {
        assert_eq!(lower_first("Gold crown"), "gold crown");
        assert_eq!(lower_first("X-ray of a tooth"), "X-ray of a tooth");
        assert_eq!(lower_first("CBCT scan"), "CBCT scan");
        assert_eq!(lower_first(""), "");
    }
}
