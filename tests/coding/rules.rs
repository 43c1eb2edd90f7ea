//! One test per coding rule id: a plan that fires it and a near miss that does
//! not (seed-rules.md rules marked "coding", dental-benefits.md §7.2 B4).

use ferrule::model::coding::Severity;

use super::{fired, notes, notes_in, plan, visit};
use ferrule::engine::coding::CodingNote;
use ferrule::model::plan::BenefitYear;

fn one_visit(lines: &str) -> ferrule::model::TreatmentPlan {
    plan(&visit(1, "2026-12-01", lines), "")
}

#[test]
fn bu1_cast_and_prefabricated_post_on_one_tooth() {
    let both = one_visit(r#"(code: "D2952", tooth: "3"), (code: "D2954", tooth: "3")"#);
    assert_eq!(fired(&both, "BU1"), [1]);
    // Near miss: the two posts are on different teeth.
    let apart = one_visit(r#"(code: "D2952", tooth: "3"), (code: "D2954", tooth: "14")"#);
    assert_eq!(fired(&apart, "BU1"), Vec::<usize>::new());
}

#[test]
fn bu2_buildup_with_a_post_and_core_on_the_tooth() {
    let both = one_visit(r#"(code: "D2954", tooth: "3"), (code: "D2950", tooth: "3")"#);
    assert_eq!(fired(&both, "BU2"), [2]);
    let apart = one_visit(r#"(code: "D2954", tooth: "3"), (code: "D2950", tooth: "4")"#);
    assert_eq!(fired(&apart, "BU2"), Vec::<usize>::new());
}

#[test]
fn bu3_buildup_needs_a_crown_and_an_inlay_is_not_one() {
    let no_crown = one_visit(r#"(code: "D2950", tooth: "19"), (code: "D2740", tooth: "30")"#);
    assert_eq!(fired(&no_crown, "BU3"), [1]);
    let inlay = one_visit(r#"(code: "D2950", tooth: "19"), (code: "D2510", tooth: "19")"#);
    assert_eq!(
        fired(&inlay, "BU3"),
        [1],
        "an inlay does not hold a buildup"
    );
    for retainer in ["D2740", "D2542", "D6740"] {
        let held = one_visit(&format!(
            r#"(code: "D2950", tooth: "19"), (code: "{retainer}", tooth: "19")"#
        ));
        assert_eq!(fired(&held, "BU3"), Vec::<usize>::new(), "{retainer}");
    }
}

#[test]
fn bu4_post_without_a_root_canal() {
    let none = one_visit(r#"(code: "D2954", tooth: "3"), (code: "D2740", tooth: "3")"#);
    assert_eq!(fired(&none, "BU4"), [1]);
    let on_file = plan(
        &visit(
            1,
            "2026-12-01",
            r#"(code: "D2954", tooth: "3"), (code: "D2740", tooth: "3")"#,
        ),
        r#"(code: "D3330", date: "2026-10-01", tooth: "3")"#,
    );
    assert_eq!(fired(&on_file, "BU4"), Vec::<usize>::new());
    let planned = one_visit(r#"(code: "D3330", tooth: "3"), (code: "D2954", tooth: "3")"#);
    assert_eq!(fired(&planned, "BU4"), Vec::<usize>::new());
}

#[test]
fn bu5_pins_with_a_buildup_or_post_the_same_day() {
    for core in ["D2950", "D2952", "D2954"] {
        let same_day = one_visit(&format!(
            r#"(code: "{core}", tooth: "19"), (code: "D2951", tooth: "19")"#
        ));
        assert_eq!(fired(&same_day, "BU5"), [2], "{core}");
    }
    // Near miss: pins a week later, at another visit.
    let later = plan(
        &(visit(1, "2026-12-01", r#"(code: "D2950", tooth: "19")"#)
            + &visit(2, "2026-12-08", r#"(code: "D2951", tooth: "19")"#)),
        "",
    );
    assert_eq!(fired(&later, "BU5"), Vec::<usize>::new());
}

#[test]
fn bu6_foundation_and_buildup_the_same_day() {
    let both = one_visit(r#"(code: "D2949", tooth: "19"), (code: "D2950", tooth: "19")"#);
    assert_eq!(fired(&both, "BU6"), [1]);
    let alone = one_visit(r#"(code: "D2949", tooth: "19"), (code: "D2740", tooth: "19")"#);
    assert_eq!(fired(&alone, "BU6"), Vec::<usize>::new());
}

#[test]
fn b4_filling_under_a_buildup_the_same_day() {
    let under =
        one_visit(r#"(code: "D2391", tooth: "19", surfaces: "O"), (code: "D2950", tooth: "19")"#);
    assert_eq!(fired(&under, "B4"), [1]);
    let other_tooth =
        one_visit(r#"(code: "D2391", tooth: "18", surfaces: "O"), (code: "D2950", tooth: "19")"#);
    assert_eq!(fired(&other_tooth, "B4"), Vec::<usize>::new());
}

#[test]
fn bu11_buildup_on_a_baby_tooth_will_be_denied() {
    let baby = one_visit(r#"(code: "D2950", tooth: "A"), (code: "D2930", tooth: "A")"#);
    assert_eq!(fired(&baby, "BU11"), [1]);
    let note = notes(&baby).into_iter().find(|n| n.rule == "BU11").unwrap();
    assert_eq!(note.severity, Severity::Denied);
    let adult = one_visit(r#"(code: "D2950", tooth: "3"), (code: "D2740", tooth: "3")"#);
    assert_eq!(fired(&adult, "BU11"), Vec::<usize>::new());
}

#[test]
fn bu13_extra_posts_go_with_their_own_post_and_core() {
    let cast = one_visit(r#"(code: "D2953", tooth: "8"), (code: "D2750", tooth: "8")"#);
    assert_eq!(fired(&cast, "BU13"), [1]);
    // D2957 with a cast post is still wrong: it goes with D2954.
    let mixed = one_visit(r#"(code: "D2952", tooth: "8"), (code: "D2957", tooth: "8")"#);
    assert_eq!(fired(&mixed, "BU13"), [2]);
    let right = one_visit(
        r#"(code: "D2952", tooth: "8"), (code: "D2953", tooth: "8"), (code: "D2954", tooth: "9"), (code: "D2957", tooth: "9")"#,
    );
    assert_eq!(fired(&right, "BU13"), Vec::<usize>::new());
}

#[test]
fn bu16_buildup_and_crown_in_different_years_or_far_apart() {
    let years = plan(
        &(visit(1, "2026-12-20", r#"(code: "D2950", tooth: "19")"#)
            + &visit(2, "2027-01-05", r#"(code: "D2740", tooth: "19")"#)),
        "",
    );
    assert_eq!(fired(&years, "BU16"), [1], "Dec 20 and Jan 5: other year");
    let far = plan(
        &(visit(1, "2026-02-01", r#"(code: "D2950", tooth: "19")"#)
            + &visit(2, "2026-05-01", r#"(code: "D2740", tooth: "19")"#)),
        "",
    );
    assert_eq!(fired(&far, "BU16"), [1], "Feb 1 to May 1 is 89 days > 60");
    // Near miss: 59 days apart (Mar 1 to Apr 29), same year.
    let near = plan(
        &(visit(1, "2026-03-01", r#"(code: "D2950", tooth: "19")"#)
            + &visit(2, "2026-04-29", r#"(code: "D2740", tooth: "19")"#)),
        "",
    );
    assert_eq!(fired(&near, "BU16"), Vec::<usize>::new());
}

/// BU16 reads "year" as the first plan's benefit year. Under a plan year starting
/// in July, Jun 20 and Jul 5 (15 days apart) are in different benefit years;
/// Dec 20 and Jan 5 (16 days apart) are in the same one (near miss), although
/// their calendar years differ.
#[test]
fn bu16_uses_the_plans_benefit_year() {
    let july = BenefitYear::PlanYear { start_month: 7 };
    let across = plan(
        &(visit(1, "2026-06-20", r#"(code: "D2950", tooth: "19")"#)
            + &visit(2, "2026-07-05", r#"(code: "D2740", tooth: "19")"#)),
        "",
    );
    let rules = |notes: Vec<CodingNote>| -> Vec<usize> {
        notes
            .iter()
            .filter(|n| n.rule == "BU16")
            .map(|n| n.number)
            .collect()
    };
    assert_eq!(rules(notes_in(&across, july)), [1]);
    assert_eq!(
        rules(notes_in(&across, BenefitYear::Calendar)),
        Vec::<usize>::new()
    );
    let new_year = plan(
        &(visit(1, "2026-12-20", r#"(code: "D2950", tooth: "19")"#)
            + &visit(2, "2027-01-05", r#"(code: "D2740", tooth: "19")"#)),
        "",
    );
    assert_eq!(rules(notes_in(&new_year, july)), Vec::<usize>::new());
}

#[test]
fn ap1_apexification_starts_with_d3351() {
    let no_start = plan(
        &(visit(1, "2026-12-01", r#"(code: "D3352", tooth: "8")"#)
            + &visit(2, "2027-01-01", r#"(code: "D3353", tooth: "8")"#)),
        "",
    );
    assert_eq!(fired(&no_start, "AP1"), [1, 2]);
    let started = plan(
        &visit(1, "2026-12-01", r#"(code: "D3352", tooth: "8")"#),
        r#"(code: "D3351", date: "2026-11-01", tooth: "8")"#,
    );
    assert_eq!(fired(&started, "AP1"), Vec::<usize>::new());
}

#[test]
fn cr2_crown_inside_five_years_needs_the_remake_path() {
    let history = r#"(code: "D2740", date: "2023-06-01", tooth: "19")"#;
    let again = plan(
        &visit(1, "2026-12-01", r#"(code: "D2740", tooth: "19")"#),
        history,
    );
    assert_eq!(fired(&again, "CR2"), [1], "2023-06 is 42 months before");
    // Marked as a remake without a narrative: still a warning, now asking for it.
    let remake = plan(
        &visit(
            1,
            "2026-12-01",
            r#"(code: "D2740", tooth: "19", remake: true)"#,
        ),
        history,
    );
    let note = notes(&remake)
        .into_iter()
        .find(|n| n.rule == "CR2")
        .unwrap();
    assert!(note.message.contains("no narrative"), "{}", note.message);
    // Marked and explained: no CR2 note.
    let explained = plan(
        &visit(
            1,
            "2026-12-01",
            r#"(code: "D2740", tooth: "19", remake: true, note: "Fractured distal margin")"#,
        ),
        history,
    );
    assert_eq!(fired(&explained, "CR2"), Vec::<usize>::new());
    // Near miss: the prior crown is 61 months old (2021-11-01 to 2026-12-01).
    let old = plan(
        &visit(1, "2026-12-01", r#"(code: "D2740", tooth: "19")"#),
        r#"(code: "D2740", date: "2021-11-01", tooth: "19")"#,
    );
    assert_eq!(fired(&old, "CR2"), Vec::<usize>::new());
}

#[test]
fn cr4_every_metal_class_has_its_alloy_reminder() {
    for (code, words) in [
        ("D2790", "at least 60% noble"),
        ("D2792", "at least 25% noble"),
        ("D2791", "less than 25% noble"),
        ("D2794", "titanium"),
        ("D2750", "at least 60% noble"),
    ] {
        let crown = one_visit(&format!(r#"(code: "{code}", tooth: "30")"#));
        let found = notes(&crown).into_iter().find(|n| n.rule == "CR4");
        let note = found.unwrap_or_else(|| panic!("{code} has no CR4 reminder"));
        assert!(note.message.contains(words), "{code}: {}", note.message);
        assert_eq!(note.severity, Severity::Information);
    }
    // Near miss: an all-ceramic crown has no metal to document.
    let ceramic = one_visit(r#"(code: "D2740", tooth: "30")"#);
    assert_eq!(fired(&ceramic, "CR4"), Vec::<usize>::new());
}

#[test]
fn cr5_crown_left_at_the_prep_visit_while_a_seat_visit_exists() {
    let seat = r#"(id: 2, name: "Seat", date: "2026-12-17", lines: []),"#;
    let at_prep = plan(
        &(visit(
            1,
            "2026-12-03",
            r#"(code: "D2950", tooth: "19"), (code: "D2740", tooth: "19")"#,
        ) + seat),
        "",
    );
    assert_eq!(fired(&at_prep, "CR5"), [2]);
    let completed = plan(
        &(visit(
            1,
            "2026-12-03",
            r#"(code: "D2950", tooth: "19"), (code: "D2740", tooth: "19", completed_at: 2)"#,
        ) + seat),
        "",
    );
    assert_eq!(fired(&completed, "CR5"), Vec::<usize>::new());
    // Near miss: a same-day crown, the later visit has its own work and no
    // delivery name.
    let same_day = plan(
        &(visit(1, "2026-12-03", r#"(code: "D2740", tooth: "19")"#)
            + &visit(2, "2026-12-17", r#"(code: "D1110")"#)),
        "",
    );
    assert_eq!(fired(&same_day, "CR5"), Vec::<usize>::new());
}

#[test]
fn cr6_buildup_folded_into_the_crown_note() {
    let folded = one_visit(r#"(code: "D2740", tooth: "19", note: "Fee includes the buildup")"#);
    assert_eq!(fired(&folded, "CR6"), [1]);
    let separate = one_visit(
        r#"(code: "D2950", tooth: "19"), (code: "D2740", tooth: "19", note: "Buildup billed on line 1")"#,
    );
    assert_eq!(fired(&separate, "CR6"), Vec::<usize>::new());
}

#[test]
fn documentation_reminders_bu14_bu15_ap3() {
    let lines = one_visit(
        r#"(code: "D2950", tooth: "19"), (code: "D2954", tooth: "3"), (code: "D3351", tooth: "8"), (code: "D2391", tooth: "30", surfaces: "O")"#,
    );
    assert_eq!(fired(&lines, "BU14"), [1]);
    assert_eq!(fired(&lines, "BU15"), [2]);
    assert_eq!(fired(&lines, "AP3"), [3]);
    // Near miss: the filling (line 4) gets no documentation reminder.
    assert!(
        notes(&lines).iter().all(|n| n.number != 4),
        "{:?}",
        notes(&lines)
    );
}
