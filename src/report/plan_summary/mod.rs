//! "What does this plan cover?": one plan's rules as plain data in plain words,
//! section by section (coverage, deductible, maximums, limits, downgrades,
//! bundling, coordination of benefits and the smaller settings). The screen
//! draws it; nothing here draws.

pub mod benefit_rows;
pub mod carrier_settings;
pub mod schedules;
pub mod words;

use std::path::Path;

use crate::model::code_group::CodeGroups;
use crate::model::plan::{
    CobMethod, DateOfServiceBasis, DeductiblePeriod, DeductiblePlacement, FamilyDeductibleModel,
    MissingToothDenial,
};
use crate::model::{CdtCode, CodeCatalogue, FeeSchedule, Library, PlanRules, ProcedureClass};
use crate::money::Rounding;
use crate::report::fmt::{capitalized, dollars as money, plural, yes_no};

use words::{
    age_words, benefit_year_words, bundling_words, classes_words, downgrade_words, frequency_words,
    what_words,
};

/// One line of a section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryLine {
    /// What the line is about ("Per person", a class, a rule's name or id).
    pub label: String,
    /// What the plan says.
    pub value: String,
    /// Secondary words: the codes of a frequency limit, the wording of a
    /// bundling rule.
    pub note: Option<String>,
    /// The value is an absence ("not covered"), shown muted.
    pub muted: bool,
}

impl SummaryLine {
    fn new(label: impl Into<String>, value: impl Into<String>) -> SummaryLine {
        SummaryLine {
            label: label.into(),
            value: value.into(),
            note: None,
            muted: false,
        }
    }
}

/// A piece of a section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Nothing to list ("No deductible."), shown muted.
    Empty(&'static str),
    /// One sentence.
    Sentence(String),
    /// A muted caption over the next block.
    Caption(&'static str),
    /// Label / value facts.
    Facts(Vec<SummaryLine>),
    /// Class or code / percentage (muted "not covered").
    Percentages(Vec<SummaryLine>),
    /// Limit name / codes (the note) / how often.
    FrequencyLimits(Vec<SummaryLine>),
    /// Rule id / rule name with its wording under it (the note).
    BundlingRules(Vec<SummaryLine>),
}

/// One collapsible section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummarySection {
    /// "Coverage", "Deductible", ...
    pub title: &'static str,
    /// Open at first.
    pub open: bool,
    /// What it shows, in order.
    pub blocks: Vec<Block>,
}

/// The whole summary of one plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSummary {
    /// The plan's id.
    pub plan: String,
    /// The plan's name (the heading).
    pub title: String,
    /// Carrier, plan type, fee schedule, benefit year, id, file.
    pub facts: Vec<SummaryLine>,
    /// The sections, in order.
    pub sections: Vec<SummarySection>,
}

/// What a summary shows besides the plan: its fee schedule (when the library has
/// it), the file it came from (None: built in) and the code catalogue.
#[derive(Clone, Copy, Debug)]
pub struct PlanContext<'a> {
    /// The plan's fee schedule, when found.
    pub schedule: Option<&'a FeeSchedule>,
    /// The plan's file, when loaded from one.
    pub source: Option<&'a Path>,
    /// Code names.
    pub catalogue: &'a CodeCatalogue,
    /// The library's code groups, for their names.
    pub groups: &'a CodeGroups,
    /// The plan's fixed-benefit schedule, when it names one the library has.
    pub fixed_benefits: Option<&'a FeeSchedule>,
    /// The plan's copay schedule, when it names one the library has.
    pub copays: Option<&'a FeeSchedule>,
}

impl<'a> PlanContext<'a> {
    /// Everything the summary of `plan` shows, taken from `library`.
    pub fn of(plan: &PlanRules, library: &'a Library) -> PlanContext<'a> {
        let schedule = |id: Option<&str>| id.and_then(|id| library.fee_schedules.get(id));
        PlanContext {
            schedule: library.fee_schedules.get(plan.network.schedule_id()),
            source: library.plan_source(&plan.id),
            catalogue: &library.catalogue,
            groups: &library.code_groups,
            fixed_benefits: schedule(plan.fixed_benefits.as_deref()),
            copays: schedule(plan.copays.as_deref()),
        }
    }
}

fn section(title: &'static str, open: bool, blocks: Vec<Block>) -> SummarySection {
    SummarySection {
        title,
        open,
        blocks,
    }
}

/// `Empty(none)` when there are no lines, else the lines in `kind`.
fn listed(
    lines: Vec<SummaryLine>,
    none: &'static str,
    kind: fn(Vec<SummaryLine>) -> Block,
) -> Vec<Block> {
    if lines.is_empty() {
        vec![Block::Empty(none)]
    } else {
        vec![kind(lines)]
    }
}

impl PlanSummary {
    /// The summary of `plan`.
    pub fn new(plan: &PlanRules, context: PlanContext<'_>) -> PlanSummary {
        let mut coverage = coverage(plan, context.catalogue);
        coverage.extend(benefit_rows::group_coverage(plan, context.groups));
        let mut deductible = deductible(plan);
        deductible.extend(benefit_rows::separate_deductibles(plan, context.groups));
        let mut sections = vec![
            section("Coverage", true, coverage),
            section("Deductible", true, deductible),
            section(
                "Maximums",
                true,
                vec![Block::Facts(maximums(plan, context.groups))],
            ),
            section("Waiting periods", false, waiting_periods(plan)),
            section("Age limits", false, age_limits(plan)),
            section("Frequency limits", false, frequency_limits(plan)),
            section("Exclusions", false, exclusions(plan)),
            section("Pre-authorization", false, preauthorization(plan)),
            section("Downgrades", false, downgrades(plan)),
            section("Bundling rules", false, bundling(plan)),
            section("Missing-tooth clause", false, missing_tooth(plan)),
        ];
        if !plan.dhmo_upgrades.is_empty() {
            sections.push(section("Extra charges", false, extra_charges(plan)));
        }
        let catalogue = context.catalogue;
        if let Some(blocks) = schedules::fixed_benefits(plan, context.fixed_benefits, catalogue) {
            sections.push(section("Fixed benefits", false, blocks));
        }
        if let Some(blocks) = schedules::copays(plan, context.copays, catalogue) {
            sections.push(section("Copays", false, blocks));
        }
        sections.push(section("As secondary payer", false, cob(plan)));
        sections.push(section("Settings", false, settings(plan)));
        PlanSummary {
            plan: plan.id.clone(),
            title: plan.name.clone(),
            facts: facts(plan, context),
            sections,
        }
    }
}

fn facts(plan: &PlanRules, context: PlanContext<'_>) -> Vec<SummaryLine> {
    let schedule_id = plan.network.schedule_id();
    let schedule = context.schedule.map_or_else(
        || format!("{schedule_id} (not in the library)"),
        |s| s.name.clone(),
    );
    let source = context.source.map_or_else(
        || "built into Ferrule".to_string(),
        |p| p.display().to_string(),
    );
    vec![
        SummaryLine::new("Carrier", plan.carrier.clone()),
        SummaryLine::new("Plan type", capitalized(plan.network.label())),
        SummaryLine::new("Fee schedule", schedule),
        SummaryLine::new("Benefit year", benefit_year_words(plan.benefit_year)),
        SummaryLine::new("Plan id", plan.id.clone()),
        SummaryLine::new("File", source),
    ]
}

/// A percentage line; zero reads "not covered", muted.
pub(crate) fn percentage(label: String, percent: Option<crate::money::Percent>) -> SummaryLine {
    match percent {
        Some(p) if !p.is_zero() => SummaryLine::new(label, p.to_string()),
        _ => SummaryLine {
            muted: true,
            ..SummaryLine::new(label, "not covered")
        },
    }
}

fn coverage(plan: &PlanRules, catalogue: &CodeCatalogue) -> Vec<Block> {
    let classes = ProcedureClass::ALL
        .into_iter()
        .map(|class| {
            percentage(
                capitalized(class.label()),
                plan.coverage.get(&class).copied(),
            )
        })
        .collect();
    let mut blocks = vec![Block::Percentages(classes)];
    if !plan.code_coverage.is_empty() {
        blocks.push(Block::Caption("Single codes (beat their class)"));
        let codes = plan
            .code_coverage
            .iter()
            .map(|(code, p)| percentage(code_with_name(*code, catalogue), Some(*p)))
            .collect();
        blocks.push(Block::Percentages(codes));
    }
    blocks
}

/// "D1351 Sealant" (the catalogue's name when the code is in it).
pub(crate) fn code_with_name(code: CdtCode, catalogue: &CodeCatalogue) -> String {
    match catalogue.get(code) {
        Some(info) => format!("{code} {}", info.name),
        None => code.to_string(),
    }
}

fn deductible(plan: &PlanRules) -> Vec<Block> {
    let d = &plan.deductible;
    if d.individual.is_zero() && d.family.is_none() {
        let none = if d.separate.is_empty() {
            "No deductible."
        } else {
            "No general deductible."
        };
        return vec![Block::Empty(none)];
    }
    let family = match (d.family, d.family_model) {
        (None, _) => "no family cap".to_string(),
        (Some(amount), FamilyDeductibleModel::AggregateDollars) => format!(
            "{}, met once the family's deductibles add up to it",
            money(amount)
        ),
        (Some(amount), FamilyDeductibleModel::MemberCount(n)) => {
            let members = if n == 1 { "member has" } else { "members have" };
            format!(
                "{}, met once {n} {members} each met their own",
                money(amount)
            )
        }
    };
    let waived = if d.waived_classes.is_empty() {
        "nothing: it applies to every class".to_string()
    } else {
        classes_words(&d.waived_classes)
    };
    let period = match d.period {
        DeductiblePeriod::BenefitYear => "Every benefit year",
        DeductiblePeriod::Lifetime => "Once per lifetime",
    };
    let placement = match d.placement {
        DeductiblePlacement::BeforeCoinsurance => "Before the coverage percentage (usual)",
        DeductiblePlacement::AfterCoinsurance => "After the coverage percentage",
    };
    vec![Block::Facts(vec![
        SummaryLine::new("Per person", money(d.individual)),
        SummaryLine::new("Family", family),
        SummaryLine::new("Not for", waived),
        SummaryLine::new("Applies", period),
        SummaryLine::new("Taken off", placement),
    ])]
}

fn maximums(plan: &PlanRules, groups: &CodeGroups) -> Vec<SummaryLine> {
    let m = &plan.maximum;
    let mut lines = vec![
        SummaryLine::new(
            "Per person, per year",
            m.annual
                .map_or_else(|| "no annual maximum".to_string(), money),
        ),
        SummaryLine::new(
            "Family, per year",
            m.family_annual
                .map_or_else(|| "no family maximum".to_string(), money),
        ),
        SummaryLine::new(
            "Outside the maximum",
            if m.exempt_classes.is_empty() {
                "nothing".to_string()
            } else {
                classes_words(&m.exempt_classes)
            },
        ),
    ];
    for cm in &m.class_maximums {
        let value = benefit_rows::class_maximum_words(cm, groups);
        lines.push(SummaryLine::new(cm.name.clone(), value));
    }
    if let Some(rollover) = &m.rollover {
        lines.push(benefit_rows::rollover_line(rollover));
    }
    lines
}

fn waiting_periods(plan: &PlanRules) -> Vec<Block> {
    let lines = plan
        .waiting_periods
        .iter()
        .map(|w| {
            SummaryLine::new(
                what_words(&w.classes, &w.codes),
                format!("{} after coverage starts", plural(w.months, "month")),
            )
        })
        .collect();
    listed(lines, "No waiting periods.", Block::Facts)
}

fn age_limits(plan: &PlanRules) -> Vec<Block> {
    let lines = plan
        .age_limits
        .iter()
        .map(|a| SummaryLine::new(what_words(&a.classes, &a.codes), age_words(a)))
        .collect();
    listed(lines, "No age limits.", Block::Facts)
}

fn frequency_limits(plan: &PlanRules) -> Vec<Block> {
    let lines = plan
        .frequency_limits
        .iter()
        .map(|limit| SummaryLine {
            note: Some(limit.codes.to_string()),
            ..SummaryLine::new(limit.name.clone(), frequency_words(limit))
        })
        .collect();
    listed(lines, "No frequency limits.", Block::FrequencyLimits)
}

fn exclusions(plan: &PlanRules) -> Vec<Block> {
    let lines = plan
        .exclusions
        .iter()
        .map(|e| SummaryLine::new(what_words(&e.classes, &e.codes), e.reason.clone()))
        .collect();
    listed(lines, "No exclusions.", Block::Facts)
}

fn preauthorization(plan: &PlanRules) -> Vec<Block> {
    if plan.preauthorization.is_empty() {
        return vec![Block::Empty("No codes need pre-authorization.")];
    }
    vec![Block::Sentence(format!(
        "Send to the carrier before treatment: {}",
        plan.preauthorization
    ))]
}

fn downgrades(plan: &PlanRules) -> Vec<Block> {
    let lines = plan
        .alternate_benefits
        .iter()
        .map(|a| SummaryLine::new(a.name.clone(), downgrade_words(a)))
        .collect();
    listed(lines, "No downgrades.", Block::Facts)
}

fn bundling(plan: &PlanRules) -> Vec<Block> {
    let lines = plan
        .bundling
        .iter()
        .map(|rule| SummaryLine {
            note: Some(bundling_words(rule)),
            ..SummaryLine::new(rule.id.clone(), rule.name.clone())
        })
        .collect();
    listed(lines, "No bundling rules.", Block::BundlingRules)
}

fn missing_tooth(plan: &PlanRules) -> Vec<Block> {
    let Some(clause) = &plan.missing_tooth_clause else {
        return vec![Block::Empty("No missing-tooth clause.")];
    };
    let denies = match clause.denies {
        MissingToothDenial::WholeProsthesis => "The whole prosthesis (every unit)",
        MissingToothDenial::ReplacingUnitOnly => "Only the unit that replaces the tooth",
    };
    vec![Block::Facts(vec![
        SummaryLine::new(
            "Applies to",
            format!(
                "Teeth missing before coverage began, replaced with {}",
                clause.codes
            ),
        ),
        SummaryLine::new("Denies", denies),
    ])]
}

fn extra_charges(plan: &PlanRules) -> Vec<Block> {
    let lines = plan
        .dhmo_upgrades
        .iter()
        .map(|u| {
            let value = format!(
                "{} more for {} {}",
                money(u.charge),
                u.codes,
                u.teeth.label()
            );
            SummaryLine::new(u.name.clone(), value)
        })
        .collect();
    vec![Block::Facts(lines)]
}

fn cob(plan: &PlanRules) -> Vec<Block> {
    let (name, words) = match plan.cob {
        CobMethod::Standard => (
            "Standard",
            "Pays its normal benefit, up to what the patient still owes",
        ),
        CobMethod::NonDuplication => (
            "Non-duplication",
            "Pays its normal benefit minus what the primary paid",
        ),
        CobMethod::CarveOut => (
            "Carve-out",
            "Works like non-duplication: its normal benefit minus what the primary paid",
        ),
        CobMethod::MaintenanceOfBenefits => (
            "Maintenance of benefits",
            "Keeps the patient's own share as it would be under this plan alone",
        ),
        CobMethod::Basic => (
            "Basic",
            "Pays up to its allowed fee minus what the primary paid",
        ),
        CobMethod::Medicaid => (
            "Medicaid",
            "Pays up to its allowance; the rest is written off",
        ),
    };
    let coordinates = if plan.settings.coordinates_benefits {
        "Yes"
    } else {
        "No: pays first, whatever other plan the patient has"
    };
    vec![Block::Facts(vec![
        SummaryLine::new("Method", name),
        SummaryLine::new("As secondary", words),
        SummaryLine::new("Coordinates benefits", coordinates),
    ])]
}

fn settings(plan: &PlanRules) -> Vec<Block> {
    let s = &plan.settings;
    let date = match s.date_of_service {
        DateOfServiceBasis::Completion => "Completion (crown seat, denture delivery)",
        DateOfServiceBasis::Start => "Start (crown prep)",
    };
    let denied = carrier_settings::denied_billing_words(s);
    let rounding = match plan.rounding {
        Rounding::HalfUp => "Half a cent rounds up",
        Rounding::HalfEven => "Half a cent rounds to the even cent",
    };
    let mut lines = vec![
        SummaryLine::new("Multi-visit work dated at", date),
        SummaryLine::new(
            "Write-off after the maximum",
            yes_no(s.write_off_after_maximum),
        ),
        SummaryLine::new("Denied lines billed at", denied),
        SummaryLine::new(
            "Write-off when secondary",
            yes_no(s.write_off_when_secondary),
        ),
        SummaryLine::new("Rounding", rounding),
    ];
    lines.extend(carrier_settings::switch_lines(s));
    vec![Block::Facts(lines)]
}
