//! "What does this plan cover?" shows every field issue 16 added (fixed benefits,
//! copays, group coverage, separate deductibles, own maximums, rollover, the six
//! carrier settings), in plain words, for the shipped sample plans.

use std::path::Path;

use ferrule::library;
use ferrule::model::Library;
use ferrule::report::plan_summary::{Block, PlanContext, PlanSummary, SummaryLine};

fn shipped() -> Library {
    let lib = library::load_dir(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    lib
}

fn summary(lib: &Library, id: &str) -> PlanSummary {
    let plan = lib.plans.get(id).unwrap_or_else(|| panic!("no plan {id}"));
    PlanSummary::new(plan, PlanContext::of(plan, lib))
}

fn blocks<'s>(summary: &'s PlanSummary, title: &str) -> &'s [Block] {
    let section = summary.sections.iter().find(|s| s.title == title);
    &section
        .unwrap_or_else(|| panic!("no section {title}"))
        .blocks
}

/// Every label / value pair of a section's fact and percentage blocks.
fn pairs(summary: &PlanSummary, title: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for block in blocks(summary, title) {
        if let Block::Facts(lines) | Block::Percentages(lines) = block {
            out.extend(
                lines
                    .iter()
                    .map(|l: &SummaryLine| (l.label.clone(), l.value.clone())),
            );
        }
    }
    out
}

fn value(summary: &PlanSummary, title: &str, label: &str) -> String {
    pairs(summary, title)
        .into_iter()
        .find(|(l, _)| l == label)
        .unwrap_or_else(|| panic!("no {label:?} in {title}"))
        .1
}

fn sentences(summary: &PlanSummary, title: &str) -> Vec<String> {
    blocks(summary, title)
        .iter()
        .filter_map(|b| match b {
            Block::Sentence(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn granite_shows_group_coverage_by_group_name() {
    let s = summary(&shipped(), "granite-ppo-rollover");
    assert!(blocks(&s, "Coverage").contains(&Block::Caption(
        "Code groups (beat their class, not a single code)"
    )));
    assert_eq!(value(&s, "Coverage", "Fluoride treatments"), "80%");
}

#[test]
fn granite_shows_its_separate_deductibles() {
    let s = summary(&shipped(), "granite-ppo-rollover");
    assert_eq!(value(&s, "Deductible", "Per person"), "$50.00");
    assert_eq!(
        value(&s, "Deductible", "Major-services deductible"),
        "$100.00 a person, $300.00 for the family, every benefit year, \
         for major restorative, prosthodontics"
    );
    assert_eq!(
        value(&s, "Deductible", "Orthodontic deductible"),
        "$150.00 a person, once per lifetime, for orthodontics"
    );
}

#[test]
fn granite_shows_own_maximums_and_the_rollover_rule() {
    let s = summary(&shipped(), "granite-ppo-rollover");
    assert_eq!(
        value(&s, "Maximums", "Implant maximum"),
        "$1,000.00 per benefit year, for implant services, outside the annual maximum"
    );
    assert_eq!(
        value(&s, "Maximums", "Fluoride benefit"),
        "$60.00 per benefit year, for fluoride treatments, outside the annual maximum"
    );
    assert_eq!(
        value(&s, "Maximums", "Orthodontic lifetime maximum"),
        "$1,500.00 per lifetime, for orthodontics; $3,000.00 for the whole family"
    );
    assert_eq!(
        value(&s, "Maximums", "Rollover"),
        "A year with paid claims of $700.00 or less adds $350.00 to a bank for later \
         years (at most $1,250.00), drawn once the annual maximum is used up"
    );
}

#[test]
fn fixed_benefit_plan_lists_its_schedule() {
    let s = summary(&shipped(), "meridian-fixed-benefit");
    assert_eq!(
        sentences(&s, "Fixed benefits"),
        vec![
            "The plan pays the fixed amount Meridian fixed benefits 2026 lists for a code, \
             never more than the contracted fee; the patient owes the contracted fee less \
             that amount. A code not listed gets nothing."
                .to_string()
        ]
    );
    // fee-schedules/meridian-fixed-benefits-2026.ron: D2740 450.00, D1110 95.00.
    let amounts = pairs(&s, "Fixed benefits");
    assert_eq!(amounts.len(), 35, "one line per listed code");
    assert!(
        amounts
            .iter()
            .any(|(l, v)| l.starts_with("D2740") && v == "$450.00")
    );
    assert!(
        amounts
            .iter()
            .any(|(l, v)| l.starts_with("D1110") && v == "$95.00")
    );
    assert!(!s.sections.iter().any(|x| x.title == "Copays"));
}

#[test]
fn copay_plan_lists_its_copays() {
    let s = summary(&shipped(), "meridian-ppo-copay");
    assert_eq!(
        sentences(&s, "Copays"),
        vec![
            "For a code Meridian PPO member copays 2026 lists, the patient pays that copay \
             first; it comes off the allowed fee before the deductible and the percentage. \
             Codes not listed have no copay."
                .to_string()
        ]
    );
    // fee-schedules/meridian-copays-2026.ron: 16 codes, D2740 75.00, D0140 10.00.
    let amounts = pairs(&s, "Copays");
    assert_eq!(amounts.len(), 16);
    assert!(
        amounts
            .iter()
            .any(|(l, v)| l.starts_with("D2740") && v == "$75.00")
    );
    assert!(
        amounts
            .iter()
            .any(|(l, v)| l.starts_with("D0140") && v == "$10.00")
    );
    assert!(!s.sections.iter().any(|x| x.title == "Fixed benefits"));
}

#[test]
fn select_plan_reads_every_switched_setting() {
    let s = summary(&shipped(), "meridian-ppo-select");
    assert_eq!(
        value(&s, "Settings", "Denied lines billed at"),
        "The contracted fee; the office fee for a line over a frequency limit"
    );
    assert_eq!(
        value(&s, "Settings", "A code's own waiting period"),
        "Replaces the period of its class"
    );
    assert_eq!(
        value(&s, "Settings", "Write-off on a downgraded line"),
        "No: the office may bill its fee less what the plan pays"
    );
    assert_eq!(
        value(&s, "Settings", "Cheaper code missing from the schedule"),
        "Priced at the performed code's own allowed fee, so no downgrade"
    );
    assert_eq!(
        value(&s, "Settings", "In network with two plans, the limit is"),
        "The higher of the two contracted fees (NAIC model rule)"
    );
    assert_eq!(
        value(&s, "Settings", "Own contracted fee caps it as secondary"),
        "Yes: it pays at most its contracted fee less what earlier plans paid"
    );
}

/// Near miss: a plan that leaves the settings out reads the defaults, and has no
/// rows of its own.
#[test]
fn copay_plan_reads_the_default_settings() {
    let s = summary(&shipped(), "meridian-ppo-copay");
    assert_eq!(
        value(&s, "Settings", "Denied lines billed at"),
        "The contracted fee"
    );
    assert_eq!(
        value(&s, "Settings", "A code's own waiting period"),
        "Adds to the period of its class (both must end)"
    );
    assert_eq!(
        value(&s, "Settings", "Write-off on a downgraded line"),
        "Yes, down to the contracted fee of the code performed"
    );
    assert_eq!(
        value(&s, "Settings", "Cheaper code missing from the schedule"),
        "Priced at the office's fee for that code"
    );
    assert_eq!(
        value(&s, "Settings", "In network with two plans, the limit is"),
        "The earlier plan's contracted fee"
    );
    assert_eq!(
        value(&s, "Settings", "Own contracted fee caps it as secondary"),
        "No"
    );
    assert!(pairs(&s, "Maximums").iter().all(|(l, _)| l != "Rollover"));
    assert!(
        !blocks(&s, "Deductible")
            .iter()
            .any(|b| matches!(b, Block::Caption(_)))
    );
}
