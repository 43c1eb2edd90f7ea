//! What a 271 import shows staff, for the command line and the review screen alike:
//! each member's coverage, the draft plan's mapped values, the review list and,
//! when updating a library plan, the changes field by field.

use super::plan_diff::FieldChange;
use crate::import::{CoverageState, Import271, MemberCoverage, eligibility::MemberKind};
use crate::model::PlanRules;
use crate::model::treatment_plan::Relationship;

use super::fmt;
use super::plan_summary::words;

/// One member's coverage as labelled values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberView {
    /// "JANE DOE (subscriber)".
    pub title: String,
    /// "active", "NOT active" or "not stated".
    pub status: &'static str,
    /// Label and value pairs.
    pub fields: Vec<(String, String)>,
}

/// The whole import, as text for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportView {
    /// "SUMMIT DENTAL BENEFITS, response of 2026-01-15".
    pub heading: String,
    /// Each member.
    pub members: Vec<MemberView>,
    /// The draft plan's mapped values.
    pub plan: Vec<(String, String)>,
    /// What to check, one line each with its segment.
    pub review: Vec<String>,
    /// Field, old, new (empty for a new plan).
    pub changes: Vec<(String, String, String)>,
}

fn member(m: &MemberCoverage) -> MemberView {
    let c = &m.coverage;
    let kind = match m.kind {
        MemberKind::Subscriber => "subscriber",
        MemberKind::Dependent => "dependent",
    };
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "-".to_string(), fmt::iso_date);
    let text = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
    let relationship = match c.relationship {
        Relationship::Subscriber => "self",
        Relationship::Spouse => "spouse",
        Relationship::Child => "child",
        Relationship::Other => "other",
    };
    let mut fields = vec![
        ("Member id".to_string(), text(&c.member_id)),
        ("Subscriber".to_string(), text(&c.subscriber)),
        ("Relationship".to_string(), relationship.to_string()),
        ("Effective".to_string(), date(c.effective)),
        ("Terminates".to_string(), date(c.terminates)),
        ("Benefits used".to_string(), fmt::amount(c.benefits_used)),
        ("Deductible met".to_string(), fmt::amount(c.deductible_met)),
        (
            "Family deductible met".to_string(),
            fmt::amount(c.family_deductible_met),
        ),
        (
            "Family benefits used".to_string(),
            fmt::amount(c.family_benefits_used),
        ),
    ];
    for (id, used) in &c.class_maximum_used {
        fields.push((format!("Used toward {id} maximum"), fmt::amount(*used)));
    }
    for h in &c.history {
        fields.push((
            "Last service".to_string(),
            format!("{} on {}", h.code, fmt::iso_date(h.date)),
        ));
    }
    if let Some(v) = &c.verified {
        fields.push((
            "Verified".to_string(),
            format!("{} ({})", fmt::iso_date(v.on), v.source),
        ));
    }
    MemberView {
        title: format!("{} ({kind})", m.name),
        status: match m.state {
            CoverageState::Active => "active",
            CoverageState::Inactive => "NOT active",
            CoverageState::NotStated => "not stated",
        },
        fields,
    }
}

/// The draft plan's values, as staff read them.
pub fn plan_values(p: &PlanRules) -> Vec<(String, String)> {
    let mut out = vec![
        ("Plan id".to_string(), p.id.clone()),
        ("Name".to_string(), p.name.clone()),
        ("Carrier".to_string(), p.carrier.clone()),
        (
            "Plan type".to_string(),
            format!("{} ({})", p.network.label(), p.network.schedule_id()),
        ),
        (
            "Benefit year".to_string(),
            words::benefit_year_words(p.benefit_year),
        ),
        (
            "Deductible".to_string(),
            fmt::amount(p.deductible.individual),
        ),
        (
            "Family deductible".to_string(),
            p.deductible
                .family
                .map_or_else(|| "none".to_string(), fmt::amount),
        ),
        ("Maximum".to_string(), fmt::maximum(p.maximum.annual)),
        (
            "Family maximum".to_string(),
            fmt::maximum(p.maximum.family_annual),
        ),
    ];
    let waived: Vec<&str> = p
        .deductible
        .waived_classes
        .iter()
        .map(|c| c.label())
        .collect();
    out.push(("Deductible waived for".to_string(), waived.join(", ")));
    for m in &p.maximum.class_maximums {
        out.push((
            m.name.clone(),
            format!(
                "{} per {}",
                fmt::amount(m.amount),
                match m.period {
                    crate::model::plan::DeductiblePeriod::Lifetime => "lifetime",
                    crate::model::plan::DeductiblePeriod::BenefitYear => "benefit year",
                }
            ),
        ));
    }
    for (class, pct) in &p.coverage {
        out.push((format!("Covers {}", class.label()), pct.to_string()));
    }
    for (code, pct) in &p.code_coverage {
        out.push((format!("Covers {code}"), pct.to_string()));
    }
    for l in &p.frequency_limits {
        out.push((l.name.clone(), words::frequency_words(l)));
    }
    for l in &p.age_limits {
        let what = words::what_words(&l.classes, &l.codes);
        out.push((format!("Age limit {what}"), words::age_words(l)));
    }
    for e in &p.exclusions {
        let what = if e.codes.is_empty() {
            format!("{:?}", e.classes)
        } else {
            e.codes.to_string()
        };
        out.push((format!("Excluded {what}"), e.reason.clone()));
    }
    out
}

impl ImportView {
    /// The view of `import`; `changes` from [`super::plan_diff::plan_changes`]
    /// when updating a library plan.
    pub fn new(import: &Import271, changes: &[FieldChange]) -> ImportView {
        let e = &import.eligibility;
        let date = e.date.map_or_else(|| "no date".to_string(), fmt::iso_date);
        let mut review: Vec<String> = import
            .draft
            .review
            .iter()
            .map(ToString::to_string)
            .collect();
        for m in &import.members {
            review.extend(m.review.iter().map(|r| format!("{}: {r}", m.name)));
        }
        ImportView {
            heading: format!("{}, response of {date}", e.payer),
            members: import.members.iter().map(member).collect(),
            plan: plan_values(&import.draft.plan),
            review,
            changes: changes
                .iter()
                .map(|c| (c.field.clone(), c.old.clone(), c.new.clone()))
                .collect(),
        }
    }

    /// Plain text for the command line.
    pub fn text(&self) -> String {
        let mut out = format!("{}\n", self.heading);
        for m in &self.members {
            out.push_str(&format!("\n{}: coverage {}\n", m.title, m.status));
            for (label, value) in &m.fields {
                out.push_str(&format!("  {label:<24} {value}\n"));
            }
        }
        out.push_str("\nDraft plan\n");
        for (label, value) in &self.plan {
            out.push_str(&format!("  {label:<32} {value}\n"));
        }
        if !self.changes.is_empty() {
            out.push_str("\nChanges to the library plan (old -> new)\n");
            for (field, old, new) in &self.changes {
                out.push_str(&format!("  {field}: {old} -> {new}\n"));
            }
        }
        out.push_str(&format!("\nTo review ({})\n", self.review.len()));
        for r in &self.review {
            out.push_str(&format!("  - {r}\n"));
        }
        out
    }
}
