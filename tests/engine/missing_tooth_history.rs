//! Issue 16 item 10: the missing-tooth clause also reads extractions in the
//! history (dental-benefits.md §2.8: #30 extracted 2025-11-10, coverage from
//! 2026-01-01, bridge #29-#31), not only the missing-teeth list, and the step
//! says which it used.

use ferrule::engine::{Estimate, Flag, Step};
use ferrule::report::wording::sentence;

use crate::util::{Case, assert_row, line, row};

fn bridge(denies: &str, patient_extra: &str, coverage_extra: &str) -> Case {
    Case::new()
        .office(&[("D6245", "1300.00"), ("D6740", "1400.00")])
        .contracted("ppo-fees", &[("D6245", "800.00"), ("D6740", "850.00")])
        .plan(
            "ppo",
            &format!(
                r#"
    network: InNetwork(contracted: "ppo-fees"),
    coverage: {{ Prosthodontics: 50 }},
    missing_tooth_clause: (codes: ["@bridges"], denies: {denies}),"#
            ),
        )
        .treatment(&format!(
            r#"
    patient: (name: "Hal History", birth_date: "1965-01-01"{patient_extra}),
    coverage: [(plan: "ppo", effective: "2026-01-01"{coverage_extra})],
    options: [(name: "Bridge", visits: [
        (id: 1, name: "Bridge", date: "2026-06-01", lines: [
            (code: "D6740", tooth: "29"),
            (code: "D6245", tooth: "30"),
            (code: "D6740", tooth: "31"),
        ]),
    ])],"#
        ))
}

fn missing_step(e: &Estimate, n: usize) -> Option<&Step> {
    line(e, n).steps.iter().find(|s| {
        matches!(
            s,
            Step::MissingTooth { .. } | Step::MissingToothExtracted { .. }
        )
    })
}

const EXTRACTED: &str = r#", history: [(code: "D7140", date: "2025-11-10", tooth: "30")]"#;

// Retainer covered: 50% x 850 = 425, patient 425; write-off 1,400 - 850 = 550.
// Pontic denied: patient the contracted 800; write-off 1,300 - 800 = 500.

/// No missing-teeth list, only the extraction in the patient's history: the
/// pontic is denied, and the step names the extraction.
#[test]
fn an_extraction_in_the_history_before_coverage_denies_the_pontic() {
    let e = bridge("ReplacingUnitOnly", EXTRACTED, "").estimate(None, "2026-05-01");
    assert_row(
        &e,
        1,
        row("1400.00", "850.00", "550.00", "0.00", &["425.00"], "425.00"),
    );
    assert_row(
        &e,
        2,
        row("1300.00", "800.00", "500.00", "0.00", &["0.00"], "800.00"),
    );
    assert_row(
        &e,
        3,
        row("1400.00", "850.00", "550.00", "0.00", &["425.00"], "425.00"),
    );
    assert!(line(&e, 2).flags.contains(&Flag::MissingTooth));
    let step = missing_step(&e, 2).expect("a missing-tooth step");
    assert!(matches!(step, Step::MissingToothExtracted { .. }));
    assert!(
        sentence(step).contains("the history shows tooth #30 extracted (D7140) on 2025-11-10, before coverage started on 2026-01-01"),
        "{}",
        sentence(step)
    );
}

/// The carrier's own history counts too, and under `WholeProsthesis` the
/// retainers follow the pontic: 850 each for the patient.
#[test]
fn an_extraction_in_the_carriers_history_denies_the_whole_bridge() {
    let e = bridge("WholeProsthesis", "", EXTRACTED).estimate(None, "2026-05-01");
    for n in [1, 3] {
        assert_row(
            &e,
            n,
            row("1400.00", "850.00", "550.00", "0.00", &["0.00"], "850.00"),
        );
    }
    assert_row(
        &e,
        2,
        row("1300.00", "800.00", "500.00", "0.00", &["0.00"], "800.00"),
    );
}

/// When the missing-teeth list has the tooth, the list decides and the step is
/// the list's (as before this item).
#[test]
fn the_missing_teeth_list_comes_first() {
    let both = format!(r#", missing_teeth: [(tooth: "30", since: "2025-10-01")]{EXTRACTED}"#);
    let e = bridge("ReplacingUnitOnly", &both, "").estimate(None, "2026-05-01");
    assert!(matches!(
        missing_step(&e, 2),
        Some(Step::MissingTooth { since: Some(_), .. })
    ));
}

/// Near misses, each leaving the bridge fully covered (pontic 50% x 800 = 400):
/// an extraction on the coverage's first day, one on another tooth, and a
/// non-extraction code on the tooth.
#[test]
fn extractions_on_or_after_the_effective_date_or_elsewhere_do_not_count() {
    for history in [
        r#", history: [(code: "D7140", date: "2026-01-01", tooth: "30")]"#,
        r#", history: [(code: "D7210", date: "2025-11-10", tooth: "2")]"#,
        r#", history: [(code: "D2740", date: "2025-11-10", tooth: "30")]"#,
    ] {
        let e = bridge("WholeProsthesis", history, "").estimate(None, "2026-05-01");
        assert_row(
            &e,
            2,
            row("1300.00", "800.00", "500.00", "0.00", &["400.00"], "400.00"),
        );
        assert!(missing_step(&e, 2).is_none(), "{history}");
    }
}
