//! Frequency limits by counting unit through the whole estimate (issue 18's
//! indexed look-up must decide exactly as before): dental-benefits.md §5.2-§5.4,
//! seed rules CR2 and GE3. Fixtures and fees are those of `limitations.rs`
//! (D2740: office 1400, contracted 880, crowns 50%).

use ferrule::engine::Flag;

use super::limitations::ppo;
use crate::util::{assert_row, d, eligible_again, line, row};

const CROWNS_5_YEARS: &str = r#"frequency_limits: [
    (name: "Crowns", codes: ["D2510-D2799"], count: 1, window: Years(5), scope: Tooth),
],"#;

/// A crown on file without a tooth counts for every tooth (§5.3; `same_scope`): on
/// 2026-04-01 both #3 and #30 are denied until 2022-02-01 + 5 years = 2027-02-01.
#[test]
fn crown_on_file_without_a_tooth_counts_for_every_tooth() {
    let case = ppo(
        CROWNS_5_YEARS,
        r#"
    patient: (
        name: "Nat Notooth",
        birth_date: "1980-01-01",
        history: [(code: "D2740", date: "2022-02-01")],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Crowns", date: "2026-04-01", lines: [
            (code: "D2740", tooth: "3"),
            (code: "D2740", tooth: "30"),
        ]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-03-01");
    for n in [1, 2] {
        // Denied: the patient owes the contracted 880.
        assert_row(
            &e,
            n,
            row("1400.00", "880.00", "520.00", "0.00", &["0.00"], "880.00"),
        );
        assert_eq!(
            eligible_again(line(&e, n)),
            Some(d("2027-02-01")),
            "line {n}"
        );
    }
}

/// CR2 near miss, per tooth, DOS 2026-04-01: #30's crown of 2021-04-01 stops
/// blocking on 2026-04-01 (covered, 50% x 880 = 440); #19's of 2021-04-02 blocks
/// one more day (denied until 2026-04-02). A crown on #3 dated 2026-05-01, after
/// the DOS, is ignored (covered).
#[test]
fn crown_five_years_to_the_day_per_tooth_and_later_items_ignored() {
    let case = ppo(
        CROWNS_5_YEARS,
        r#"
    patient: (
        name: "Nia Nearmiss",
        birth_date: "1980-01-01",
        history: [
            (code: "D2740", date: "2021-04-01", tooth: "30"),
            (code: "D2740", date: "2021-04-02", tooth: "19"),
            (code: "D2740", date: "2026-05-01", tooth: "3"),
        ],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Crowns", date: "2026-04-01", lines: [
            (code: "D2740", tooth: "30"),
            (code: "D2740", tooth: "19"),
            (code: "D2740", tooth: "3"),
        ]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-03-01");
    let covered = row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00");
    assert_row(&e, 1, covered.clone());
    assert!(!line(&e, 1).flags.contains(&Flag::FrequencyLimit));
    assert_row(
        &e,
        2,
        row("1400.00", "880.00", "520.00", "0.00", &["0.00"], "880.00"),
    );
    assert_eq!(eligible_again(line(&e, 2)), Some(d("2026-04-02")));
    assert_row(&e, 3, covered);
}

/// §5.4(d): a covered crown earlier in the option counts on its own tooth only.
/// #30 in April is covered (440); #30 again in September is denied until
/// 2026-04-01 + 5 years = 2031-04-01; #3 in September is covered (440).
#[test]
fn earlier_covered_crown_counts_on_its_tooth_only() {
    let case = ppo(
        CROWNS_5_YEARS,
        r#"
    patient: (name: "Ollie Option", birth_date: "1980-01-01"),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "April", date: "2026-04-01", lines: [(code: "D2740", tooth: "30")]),
        (id: 2, name: "September", date: "2026-09-01", lines: [
            (code: "D2740", tooth: "30"),
            (code: "D2740", tooth: "3"),
        ]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-03-01");
    let covered = row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00");
    assert_row(&e, 1, covered.clone());
    assert_row(
        &e,
        2,
        row("1400.00", "880.00", "520.00", "0.00", &["0.00"], "880.00"),
    );
    assert_eq!(eligible_again(line(&e, 2)), Some(d("2031-04-01")));
    assert_row(&e, 3, covered);
}

/// History older than any line of the option can reach is left out of the index
/// (issue 18), without changing a decision. Crowns every 5 years per tooth;
/// lines on 2026-04-01 (#30) and 2026-09-01 (#19), so the index keeps history from
/// 2021-04-01 (the first line's look-back; the last line's would be 2021-09-01).
/// On file: #30 crowned 2020-01-01 (left out) and 2021-06-01, #19 crowned
/// 2021-08-31.
/// - #30 is denied: 2021-06-01 + 5 years = 2026-06-01, after its line; that
///   crown is older than the last line's look-back, so a cut taken from the
///   last line would have lost it (the patient owes the contracted 880).
/// - #19 is covered: 2021-08-31 + 5 years = 2026-08-31, before its line
///   (50% x 880 = 440).
/// - Near miss: #19 crowned 2021-09-02 blocks until 2026-09-02, so the line on
///   2026-09-01 is denied.
#[test]
fn history_older_than_the_option_can_reach_changes_nothing() {
    let treatment = |on_19: &str| {
        format!(
            r#"
    patient: (
        name: "Old Crowns",
        birth_date: "1980-01-01",
        history: [
            (code: "D2740", date: "2020-01-01", tooth: "30"),
            (code: "D2740", date: "2021-06-01", tooth: "30"),
            (code: "D2740", date: "{on_19}", tooth: "19"),
        ],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "First crown", date: "2026-04-01", lines: [(code: "D2740", tooth: "30")]),
        (id: 2, name: "Second crown", date: "2026-09-01", lines: [(code: "D2740", tooth: "19")]),
    ])],"#
        )
    };
    let covered = row("1400.00", "880.00", "520.00", "0.00", &["440.00"], "440.00");
    let denied = row("1400.00", "880.00", "520.00", "0.00", &["0.00"], "880.00");
    let e = ppo(CROWNS_5_YEARS, &treatment("2021-08-31")).estimate(None, "2026-03-01");
    assert_row(&e, 1, denied.clone());
    assert_eq!(eligible_again(line(&e, 1)), Some(d("2026-06-01")));
    assert_row(&e, 2, covered);
    let e = ppo(CROWNS_5_YEARS, &treatment("2021-09-02")).estimate(None, "2026-03-01");
    assert_row(&e, 2, denied);
    assert_eq!(eligible_again(line(&e, 2)), Some(d("2026-09-02")));
}

/// A lifetime limit reads all history, however old: a root canal on #30 on file
/// from 1995 still denies one planned in 2026 (the plan pays nothing), so the
/// index keeps it.
#[test]
fn a_lifetime_limit_still_reads_the_oldest_history() {
    let case = ppo(
        r#"frequency_limits: [
    (name: "Root canals", codes: ["D3310-D3330"], count: 1, window: Lifetime, scope: Tooth),
],"#,
        r#"
    patient: (
        name: "Rita Root",
        birth_date: "1960-01-01",
        history: [(code: "D3330", date: "1995-06-01", tooth: "30")],
    ),
    coverage: [(plan: "ppo", effective: "2020-01-01")],
    options: [(name: "Plan", visits: [
        (id: 1, name: "Root canal", date: "2026-04-01", lines: [(code: "D3330", tooth: "30")]),
    ])],"#,
    );
    let e = case.estimate(None, "2026-03-01");
    assert!(line(&e, 1).flags.contains(&Flag::FrequencyLimit));
    assert_eq!(line(&e, 1).payers[0].pays.cents(), 0);
}
