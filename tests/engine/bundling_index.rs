//! Bundling rules looked up by code (issue 18): a rule pairs a line only with the
//! lines of its partner codes, on the tooth it asks for, inside its time window
//! to the exact day; without a partner line in the option nothing is bundled.
//! Fixtures and fees are those of `limitations.rs` (dental-benefits.md §7).

use super::limitations::{ppo, simple};
use crate::util::{Case, Row, assert_row, row};

/// B19-style rule: a pulpotomy (D3220) on the tooth of a root canal is part of it.
fn pulpotomy_rule(when: &str) -> String {
    format!(
        r#"bundling: [(id: "B19", name: "Pulpotomy before a root canal",
        kind: Included(codes: ["D3220"], into: ["D3310-D3330"]),
        tooth: Same, when: {when}, liability: Disallow)],"#
    )
}

/// A pulpotomy on `pulp_date` and a root canal (D3330) on `canal_tooth` on
/// `canal_date`, each in a visit of its own.
fn pulpotomy_then_canal(pulp_date: &str, canal_date: &str, canal_tooth: &str) -> String {
    simple(&format!(
        r#"(id: 1, name: "Pulpotomy", date: "{pulp_date}", lines: [(code: "D3220", tooth: "30")]),
        (id: 2, name: "Root canal", date: "{canal_date}", lines: [(code: "D3330", tooth: "{canal_tooth}")])"#
    ))
}

fn estimate(case: &Case) -> ferrule::engine::Estimate {
    case.estimate(None, "2026-02-01")
}

/// Pulpotomy bundled: its whole 250 written off, the plan pays nothing.
fn bundled() -> Row {
    row("250.00", "150.00", "250.00", "0.00", &["0.00"], "0.00")
}

/// Pulpotomy paid: 80% x allowed 150 = 120, patient 30, write-off 250 - 150 = 100.
fn paid() -> Row {
    row("250.00", "150.00", "100.00", "0.00", &["120.00"], "30.00")
}

/// WithinDaysBefore(90), to the day: from 2026-03-03 to 2026-06-01 is
/// 28 (rest of March) + 30 + 31 + 1 = 90 days, so the pulpotomy is bundled; one
/// day earlier (91 days) it is paid.
#[test]
fn a_window_partner_counts_to_the_exact_day() {
    let rule = pulpotomy_rule("WithinDaysBefore(90)");
    let inside = ppo(
        &rule,
        &pulpotomy_then_canal("2026-03-03", "2026-06-01", "30"),
    );
    assert_row(&estimate(&inside), 1, bundled());
    let outside = ppo(
        &rule,
        &pulpotomy_then_canal("2026-03-02", "2026-06-01", "30"),
    );
    assert_row(&estimate(&outside), 1, paid());
}

/// The rule's partner code is in the option but on another tooth (#19): with
/// `tooth: Same` nothing pairs, so the pulpotomy on #30 is paid.
#[test]
fn a_partner_on_another_tooth_does_not_pair() {
    let rule = pulpotomy_rule("WithinDaysBefore(90)");
    let case = ppo(
        &rule,
        &pulpotomy_then_canal("2026-03-01", "2026-04-10", "19"),
    );
    assert_row(&estimate(&case), 1, paid());
}

/// SameOption reaches a partner six months later (2026-03-01 and 2026-09-01);
/// a 90-day window does not (near miss).
#[test]
fn a_same_option_rule_reaches_partners_months_apart() {
    let treatment = pulpotomy_then_canal("2026-03-01", "2026-09-01", "30");
    let same_option = ppo(&pulpotomy_rule("SameOption"), &treatment);
    assert_row(&estimate(&same_option), 1, bundled());
    let ninety_days = ppo(&pulpotomy_rule("WithinDays(90)"), &treatment);
    assert_row(&estimate(&ninety_days), 1, paid());
}

/// An option without any of the rule's partner codes: with nothing to be
/// bundled into, even a SameOption rule leaves the pulpotomy paid (the other
/// line, an exam, is not a partner code).
#[test]
fn a_rule_without_partners_in_the_option_leaves_its_codes_alone() {
    let treatment = simple(
        r#"(id: 1, name: "Pulpotomy", date: "2026-03-01", lines: [(code: "D3220", tooth: "30"), (code: "D0120")])"#,
    );
    let case = ppo(&pulpotomy_rule("SameOption"), &treatment);
    assert_row(&estimate(&case), 1, paid());
}
