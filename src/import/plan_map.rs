//! A draft `PlanRules` from one member's 271 benefit facts (dental-benefits.md
//! §9.4). Only what the carrier states is set; everything else is kept from the
//! plan being updated (or left at the file format's defaults for a new plan) and
//! said so in the review list. Facts for out-of-network visits (EB12 `N`) are
//! listed, not applied: the draft is for this office's claims. A fact for
//! in-network visits (`Y`) beats one without a network for the same item.

use std::collections::BTreeMap;

use super::amounts::{self, Amounts};
use super::codes;
use super::eligibility::{Benefit, Eligibility, Member};
use super::limits;
use super::review::ReviewItem;
use crate::model::plan::{
    BenefitYear, ClassMaximum, DeductiblePeriod, Exclusion, Network, PlanSettings,
};
use crate::model::{CdtCode, CodeSet, PlanRules, ProcedureClass};

/// A draft plan and what a person must check before using it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDraft {
    /// The plan as the 271 states it (over the base plan, when updating).
    pub plan: PlanRules,
    /// Deductibles and maximums with their remaining amounts (for the coverage).
    pub amounts: Amounts,
    /// Everything not mapped, or mapped by a reading staff should confirm.
    pub review: Vec<ReviewItem>,
}

/// Maps member `member` of `elig` to plan rules with id `id`. `base` is the plan
/// being updated (None: a new plan).
pub fn draft_plan(
    elig: &Eligibility,
    member: &Member,
    id: &str,
    base: Option<&PlanRules>,
) -> PlanDraft {
    let mut review = Vec::new();
    let mut plan = match base {
        Some(p) => p.clone(),
        None => skeleton(elig, member, id, &mut review),
    };
    if let Some(b) = member.inactive() {
        review.push(ReviewItem::at(
            &b.source,
            "the carrier says this coverage is NOT active: do not estimate under it",
        ));
    }
    benefit_year(member, &mut plan, &mut review);
    let mut amounts = Amounts::default();
    let mut ordered: Vec<&Benefit> = member.benefits.iter().collect();
    // Unqualified facts first, so an in-network fact for the same item wins.
    ordered.sort_by_key(|b| b.network == "Y");
    for b in ordered {
        notes_of(b, &mut review);
        if b.network == "N" {
            review.push(ReviewItem::at(
                &b.source,
                "fact for out-of-network visits only: not applied to this draft",
            ));
            continue;
        }
        apply(b, &mut plan, &mut amounts, base.is_some(), &mut review);
    }
    apply_amounts(&amounts, &mut plan, &mut review);
    if plan.coverage.is_empty() {
        review.push(ReviewItem::general(
            "the 271 states no coverage percentage Ferrule could map to a class: every class is 0% until entered",
        ));
    }
    PlanDraft {
        plan,
        amounts,
        review,
    }
}

/// A new plan with the payer's name and the format's defaults.
fn skeleton(
    elig: &Eligibility,
    member: &Member,
    id: &str,
    review: &mut Vec<ReviewItem>,
) -> PlanRules {
    let active = member
        .benefits
        .iter()
        .find(|b| matches!(b.info.as_str(), "1" | "2" | "3" | "4" | "5"));
    let description = active.map_or("", |b| b.description.as_str());
    let network = draft_network(active, description, id);
    let how = match active {
        Some(b) if !b.insurance_type.is_empty() => format!(
            "plan type {} read from insurance type {}",
            network.label(),
            b.insurance_type
        ),
        _ => format!(
            "the 271 does not state the plan type: the draft is an {}",
            network.label()
        ),
    };
    let source = active.map(|b| b.source.clone());
    review.push(ReviewItem {
        message: format!(
            "{how}; the 271 names no fee schedule: the draft points at \"{}\", create it or pick another",
            network.schedule_id()
        ),
        source,
    });
    let name = if description.is_empty() {
        format!("{} dental plan", elig.payer)
    } else {
        description.to_string()
    };
    PlanRules {
        format: 1,
        id: id.to_string(),
        name,
        carrier: elig.payer.clone(),
        network,
        benefit_year: BenefitYear::Calendar,
        rounding: Default::default(),
        deductible: Default::default(),
        maximum: Default::default(),
        coverage: BTreeMap::new(),
        code_coverage: BTreeMap::new(),
        frequency_limits: Vec::new(),
        age_limits: Vec::new(),
        waiting_periods: Vec::new(),
        missing_tooth_clause: None,
        exclusions: Vec::new(),
        preauthorization: CodeSet::default(),
        alternate_benefits: Vec::new(),
        bundling: Vec::new(),
        cob: Default::default(),
        dhmo_upgrades: Vec::new(),
        settings: PlanSettings::default(),
        in_force_since: None,
        notes: None,
        fixed_benefits: None,
        copays: None,
        group_coverage: BTreeMap::new(),
    }
}

/// The draft's network from the active benefit's insurance type (HM: DHMO, IN:
/// indemnity, else a PPO), with a schedule id staff must create or change.
fn draft_network(active: Option<&Benefit>, description: &str, id: &str) -> Network {
    let dhmo = active.is_some_and(|b| b.insurance_type == "HM")
        || description.to_uppercase().contains("DHMO");
    if dhmo {
        Network::Dhmo {
            copays: format!("{id}-copays"),
        }
    } else if active.is_some_and(|b| b.insurance_type == "IN") {
        Network::Indemnity {
            allowed: format!("{id}-allowances"),
        }
    } else {
        Network::InNetwork {
            contracted: format!("{id}-fees"),
        }
    }
}

/// The benefit year from the plan begin date (DTP 346, or the start of a 291
/// range); a calendar-year period (EB06 23) confirms a January start.
fn benefit_year(member: &Member, plan: &mut PlanRules, review: &mut Vec<ReviewItem>) {
    let begin = member.date("346").or_else(|| member.date("291"));
    match begin {
        Some(d) => {
            use chrono::Datelike as _;
            plan.benefit_year = match d.from.month() {
                1 => BenefitYear::Calendar,
                m => BenefitYear::PlanYear { start_month: m },
            };
        }
        None if member.benefits.iter().any(|b| b.period == "23") => {
            plan.benefit_year = BenefitYear::Calendar;
        }
        None => review.push(ReviewItem::general(format!(
            "the 271 gives no plan begin date: benefit year kept as {:?}",
            plan.benefit_year
        ))),
    }
}

/// The carrier's notes and the segments Ferrule does not read, for review.
fn notes_of(b: &Benefit, review: &mut Vec<ReviewItem>) {
    for m in &b.messages {
        review.push(ReviewItem::at(
            m,
            "carrier's note: read it and enter any rule it states",
        ));
    }
    for o in &b.other {
        review.push(ReviewItem::at(
            o,
            format!("{} segment after a benefit: not read", o.id),
        ));
    }
}

/// One benefit fact into the plan.
fn apply(
    b: &Benefit,
    plan: &mut PlanRules,
    amounts: &mut Amounts,
    updating: bool,
    review: &mut Vec<ReviewItem>,
) {
    let unread = |review: &mut Vec<ReviewItem>, what: &str| {
        review.push(ReviewItem::at(&b.source, what.to_string()));
    };
    match b.info.as_str() {
        "1" | "2" | "3" | "4" | "5" => {
            if b.procedure.is_some() || !b.service_types.iter().all(|s| codes::is_general(s)) {
                unread(
                    review,
                    "\"covered\" for some services: informational, nothing to set",
                );
            } else if updating && !b.insurance_type.is_empty() {
                unread(
                    review,
                    "plan type stated by the carrier: check it matches the plan's network",
                );
            }
        }
        "6" | "7" | "8" => {}
        "A" => coinsurance(b, plan, review),
        "C" => {
            if !amounts::read_amount(b, amounts, review) {
                unread(review, "deductible fact without an amount Ferrule can read");
            }
        }
        "F" => limitation(b, plan, amounts, review),
        "I" | "E" => exclusion(b, plan, review),
        "B" => unread(review, "copay: enter it in the plan's copay fee schedule"),
        "R" => unread(
            review,
            "another payer covers this patient: add it and set the payer order",
        ),
        "D" | "P" => unread(review, "benefit description: text only"),
        other => unread(
            review,
            &format!("benefit code {other}: Ferrule does not read it"),
        ),
    }
}

/// EB `A`: EB08 is the patient's share (by the guide); the plan pays the rest.
fn coinsurance(b: &Benefit, plan: &mut PlanRules, review: &mut Vec<ReviewItem>) {
    let Some(patient) = b.percent else {
        review.push(ReviewItem::at(
            &b.source,
            "co-insurance without a percentage: not read",
        ));
        return;
    };
    let plan_pays = patient.complement();
    if let Some(code) = &b.procedure {
        match CdtCode::parse(code) {
            Ok(code) => {
                plan.code_coverage.insert(code, plan_pays);
            }
            Err(e) => review.push(ReviewItem::at(&b.source, format!("co-insurance: {e}"))),
        }
        return;
    }
    for stc in &b.service_types {
        match codes::class_of_service_type(stc) {
            Some(class) => {
                plan.coverage.insert(class, plan_pays);
            }
            None => review.push(ReviewItem::at(
                &b.source,
                format!(
                    "plan pays {plan_pays} for service type {stc} ({}): no single Ferrule class; enter it by hand",
                    codes::service_type(stc)
                ),
            )),
        }
    }
}

/// EB `F`: a maximum (with an amount), a frequency (HSD) or an age limit (S7/S8).
fn limitation(
    b: &Benefit,
    plan: &mut PlanRules,
    amounts: &mut Amounts,
    review: &mut Vec<ReviewItem>,
) {
    let mut read = false;
    if b.amount.is_some() {
        read = amounts::read_amount(b, amounts, review);
    }
    if !b.frequencies.is_empty() {
        read = true;
        if let Some(limit) = limits::frequency(b, review) {
            plan.frequency_limits.retain(|l| l.codes != limit.codes);
            plan.frequency_limits.push(limit);
        }
    }
    if let Some(limit) = limits::age(b, review) {
        read = true;
        plan.age_limits
            .retain(|l| l.codes != limit.codes || l.classes != limit.classes);
        plan.age_limits.push(limit);
    }
    if !read {
        review.push(ReviewItem::at(
            &b.source,
            "limitation Ferrule could not read: enter it by hand",
        ));
    }
}

/// EB `I` (not covered) or `E` (exclusion).
fn exclusion(b: &Benefit, plan: &mut PlanRules, review: &mut Vec<ReviewItem>) {
    let mut exclusion = Exclusion {
        codes: CodeSet::default(),
        classes: Vec::new(),
        reason: "Not covered (carrier's 271 response)".into(),
    };
    if let Some(code) = b.procedure.as_deref().and_then(|c| CdtCode::parse(c).ok()) {
        exclusion.codes = CodeSet::of(&[code]);
    } else {
        let classes: Option<Vec<ProcedureClass>> = b
            .service_types
            .iter()
            .map(|s| codes::class_of_service_type(s))
            .collect();
        match classes {
            Some(c) if !c.is_empty() => exclusion.classes = c,
            _ => {
                review.push(ReviewItem::at(
                    &b.source,
                    "not-covered fact Ferrule could not place: enter it by hand",
                ));
                return;
            }
        }
        for class in &exclusion.classes {
            plan.coverage.remove(class);
        }
    }
    plan.exclusions.push(exclusion);
}

/// Totals into the plan; anything the 271 does not state is listed.
fn apply_amounts(a: &Amounts, plan: &mut PlanRules, review: &mut Vec<ReviewItem>) {
    match a.deductible.total_amount() {
        Some(total) => plan.deductible.individual = total,
        None => review.push(ReviewItem::general(format!(
            "no individual deductible stated: the draft keeps {}",
            plan.deductible.individual
        ))),
    }
    if let Some(total) = a.family_deductible.total_amount() {
        plan.deductible.family = Some(total);
    }
    if a.deductible_lifetime {
        plan.deductible.period = DeductiblePeriod::Lifetime;
    }
    if a.waived.is_empty() {
        let kept: Vec<&str> = plan
            .deductible
            .waived_classes
            .iter()
            .map(|c| c.label())
            .collect();
        review.push(ReviewItem::general(format!(
            "the 271 does not say which classes skip the deductible: kept {}",
            if kept.is_empty() {
                "none".to_string()
            } else {
                kept.join(", ")
            }
        )));
    } else {
        let mut waived: Vec<ProcedureClass> = a.waived.iter().map(|(c, _)| *c).collect();
        waived.sort();
        waived.dedup();
        plan.deductible.waived_classes = waived;
    }
    match a.maximum.total_amount() {
        Some(total) => plan.maximum.annual = Some(total),
        None => review.push(ReviewItem::general(
            "no annual maximum stated: the draft keeps the plan's (none for a new plan)",
        )),
    }
    if let Some(total) = a.family_maximum.total_amount() {
        plan.maximum.family_annual = Some(total);
    }
    if let Some(total) = a.ortho.total_amount() {
        plan.maximum.class_maximums.retain(|m| m.id != "ortho");
        plan.maximum.class_maximums.push(ClassMaximum {
            id: "ortho".into(),
            name: "Orthodontic maximum".into(),
            classes: vec![ProcedureClass::Orthodontics],
            amount: total,
            period: if a.ortho_lifetime {
                DeductiblePeriod::Lifetime
            } else {
                DeductiblePeriod::BenefitYear
            },
            codes: CodeSet::default(),
            outside_annual: false,
            family_amount: None,
        });
    }
}
