//! Plan-independent coding checks: combinations that carriers deny or pend whatever
//! the plan (seed rules BU1-BU4, BU5/BU6 coding side, BU11, BU13, AP1), and the
//! documentation reminders for high-scrutiny codes (BU14, BU15, CR4, AP3). They
//! never change a number; they are shown next to the line.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::family::{self, CodeFamily};
use crate::model::{CdtCode, LineId, Patient, Tooth, TreatmentOption};

/// How serious a note is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Likely denial or a coding conflict.
    Warning,
    /// What to keep on file or attach.
    Reminder,
}

/// One note on one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodingNote {
    /// 1-based line number in the option, for people (JSON `line`).
    #[serde(rename = "line")]
    pub number: usize,
    /// The planned line's id: the note belongs to this line (JSON `id`).
    #[serde(rename = "id")]
    pub line: LineId,
    /// Seed rule id ("BU3").
    pub rule: &'static str,
    /// Warning or reminder.
    pub kind: NoteKind,
    /// Plain words.
    pub message: String,
}

/// One planned line as the checks see it.
struct Planned {
    id: LineId,
    number: usize,
    code: CdtCode,
    tooth: Option<Tooth>,
    date: NaiveDate,
}

/// The option's lines and the patient's history: what a check looks across.
struct Chart<'a> {
    lines: Vec<Planned>,
    patient: &'a Patient,
}

impl Chart<'_> {
    /// True when the plan has a line on `tooth` (a named tooth) whose code `is`.
    fn planned(&self, tooth: Option<Tooth>, is: impl Fn(CdtCode) -> bool) -> bool {
        tooth.is_some() && self.lines.iter().any(|o| o.tooth == tooth && is(o.code))
    }

    /// True when the history on file has a service on `tooth` whose code `is`.
    fn in_history(&self, tooth: Option<Tooth>, is: impl Fn(CdtCode) -> bool) -> bool {
        tooth.is_some()
            && self
                .patient
                .history
                .iter()
                .any(|h| h.tooth == tooth && is(h.code))
    }

    /// True when the plan has a `number` line on the tooth and day of `l`.
    fn same_tooth_and_day(&self, number: u16, l: &Planned) -> bool {
        l.tooth.is_some()
            && self
                .lines
                .iter()
                .any(|o| o.code.number() == number && o.tooth == l.tooth && o.date == l.date)
    }
}

/// What one check says about one line.
struct Note {
    rule: &'static str,
    kind: NoteKind,
    message: String,
}

fn warning(rule: &'static str, message: String) -> Option<Note> {
    Some(Note {
        rule,
        kind: NoteKind::Warning,
        message,
    })
}

/// A check of one line against the whole chart.
type Check = fn(&Chart<'_>, &Planned) -> Option<Note>;

/// Every check, in the order its notes are listed on a line.
const CHECKS: [Check; 11] = [
    bu1_one_post_and_core,
    bu2_no_buildup_under_a_post,
    bu3_needs_a_crown,
    bu4_post_needs_a_root_canal,
    bu5_pins_in_the_buildup,
    bu6_foundation_or_buildup,
    bu11_buildup_on_a_baby_tooth,
    bu13_extra_cast_post,
    bu13_extra_prefabricated_post,
    ap1_apexification_starts_with_d3351,
    documentation_reminder,
];

/// Coding notes for every line of `option`.
pub fn check(option: &TreatmentOption, patient: &Patient) -> Vec<CodingNote> {
    let chart = Chart {
        lines: planned_lines(option),
        patient,
    };
    let mut notes = Vec::new();
    for l in &chart.lines {
        notes.extend(
            CHECKS
                .iter()
                .filter_map(|check| check(&chart, l))
                .map(|n| CodingNote {
                    number: l.number,
                    line: l.id,
                    rule: n.rule,
                    kind: n.kind,
                    message: n.message,
                }),
        );
    }
    notes
}

/// The option's lines in plan order, numbered from 1.
fn planned_lines(option: &TreatmentOption) -> Vec<Planned> {
    let mut lines = Vec::new();
    for visit in &option.visits {
        for line in &visit.lines {
            lines.push(Planned {
                id: line.id,
                number: lines.len() + 1,
                code: line.code,
                tooth: line.tooth,
                date: visit.date,
            });
        }
    }
    lines
}

/// " on #19", or nothing for a line without a tooth.
fn on_tooth(tooth: Option<Tooth>) -> String {
    tooth.map_or_else(String::new, |t| format!(" on #{t}"))
}

fn is(number: u16) -> impl Fn(CdtCode) -> bool {
    move |code| code.number() == number
}

/// BU1: a cast (D2952) and a prefabricated (D2954) post and core on one tooth.
fn bu1_one_post_and_core(chart: &Chart<'_>, l: &Planned) -> Option<Note> {
    if l.code.number() != 2952 || !chart.planned(l.tooth, is(2954)) {
        return None;
    }
    let tooth = on_tooth(l.tooth);
    warning(
        "BU1",
        format!("D2952 and D2954{tooth} are alternatives: report only the post actually placed."),
    )
}

/// BU2: a core buildup with a post and core on the same tooth.
fn bu2_no_buildup_under_a_post(chart: &Chart<'_>, l: &Planned) -> Option<Note> {
    let post = |c| CodeFamily::PostsAndCores.contains(c);
    if !CodeFamily::CoreBuildup.contains(l.code) || !chart.planned(l.tooth, post) {
        return None;
    }
    let tooth = on_tooth(l.tooth);
    warning(
        "BU2",
        format!(
            "A core buildup (D2950){tooth} is not coded with a post and core on the same tooth; the post code includes the core."
        ),
    )
}

/// BU3: a buildup or post and core with no crown, onlay or bridge retainer planned
/// on its tooth.
fn bu3_needs_a_crown(chart: &Chart<'_>, l: &Planned) -> Option<Note> {
    let retained = |c| family::RETAINED_BY_BUILDUP.iter().any(|f| f.contains(c));
    let needs_crown = family::BUILDUPS_NEEDING_A_CROWN
        .iter()
        .any(|f| f.contains(l.code));
    if !needs_crown || chart.planned(l.tooth, retained) {
        return None;
    }
    let tooth = on_tooth(l.tooth);
    warning(
        "BU3",
        format!(
            "No crown, onlay or bridge retainer is planned{tooth}: carriers deny or hold a buildup or post until they see the crown."
        ),
    )
}

/// BU4: a post and core with no root canal on its tooth, on file or planned.
fn bu4_post_needs_a_root_canal(chart: &Chart<'_>, l: &Planned) -> Option<Note> {
    let root_canal = |c| CodeFamily::RootCanals.contains(c);
    if !CodeFamily::PostsAndCores.contains(l.code)
        || chart.planned(l.tooth, root_canal)
        || chart.in_history(l.tooth, root_canal)
    {
        return None;
    }
    let tooth = on_tooth(l.tooth);
    warning(
        "BU4",
        format!(
            "No root canal is on record or planned{tooth}: a post needs a root-canal-treated tooth."
        ),
    )
}

/// BU5 (coding side): pins with a core buildup on the same tooth and day.
fn bu5_pins_in_the_buildup(chart: &Chart<'_>, l: &Planned) -> Option<Note> {
    if l.code.number() != 2951 || !chart.same_tooth_and_day(2950, l) {
        return None;
    }
    warning(
        "BU5",
        "Pins are part of the D2950 buildup on the same tooth and day; do not bill them separately.".into(),
    )
}

/// BU6 (coding side): a restorative foundation and a core buildup on the same
/// tooth and day.
fn bu6_foundation_or_buildup(chart: &Chart<'_>, l: &Planned) -> Option<Note> {
    if !CodeFamily::RestorativeFoundation.contains(l.code) || !chart.same_tooth_and_day(2950, l) {
        return None;
    }
    warning(
        "BU6",
        "D2949 and D2950 on the same tooth and day exclude each other: bill the one that was done."
            .into(),
    )
}

/// BU11: a core buildup on a primary tooth.
fn bu11_buildup_on_a_baby_tooth(_: &Chart<'_>, l: &Planned) -> Option<Note> {
    if !CodeFamily::CoreBuildup.contains(l.code) || !l.tooth.is_some_and(Tooth::is_primary) {
        return None;
    }
    warning(
        "BU11",
        "A core buildup on a baby tooth is normally denied.".into(),
    )
}

/// BU13: an additional cast post (D2953) without its cast post and core (D2952).
fn bu13_extra_cast_post(chart: &Chart<'_>, l: &Planned) -> Option<Note> {
    extra_post_without_its_core(chart, l, (2953, "cast"), 2952)
}

/// BU13: an additional prefabricated post (D2957) without its prefabricated post
/// and core (D2954).
fn bu13_extra_prefabricated_post(chart: &Chart<'_>, l: &Planned) -> Option<Note> {
    extra_post_without_its_core(chart, l, (2957, "prefabricated"), 2954)
}

/// BU13: an additional post (`extra`, of `kind`) is billed only with the post and
/// core (`core`) on the same tooth.
fn extra_post_without_its_core(
    chart: &Chart<'_>,
    l: &Planned,
    (extra, kind): (u16, &str),
    core: u16,
) -> Option<Note> {
    if l.code.number() != extra || chart.planned(l.tooth, is(core)) {
        return None;
    }
    let tooth = on_tooth(l.tooth);
    warning(
        "BU13",
        format!(
            "D{extra} (extra {kind} post) goes with D{core} on the same tooth, and none is planned{tooth}."
        ),
    )
}

/// AP1: an interim (D3352) or final (D3353) apexification visit with no first
/// visit (D3351) before it on the tooth, on file or earlier in the plan.
fn ap1_apexification_starts_with_d3351(chart: &Chart<'_>, l: &Planned) -> Option<Note> {
    if !matches!(l.code.number(), 3352 | 3353) || l.tooth.is_none() {
        return None;
    }
    let first_visit = |c: CdtCode| c.number() == 3351;
    let started = chart
        .patient
        .history
        .iter()
        .any(|h| first_visit(h.code) && h.tooth == l.tooth && h.date <= l.date)
        || chart
            .lines
            .iter()
            .any(|o| first_visit(o.code) && o.tooth == l.tooth && o.number < l.number);
    if started {
        return None;
    }
    let tooth = on_tooth(l.tooth);
    warning(
        "AP1",
        format!("No first apexification visit (D3351) comes before this{tooth}."),
    )
}

/// BU14, BU15, CR4, AP3: what to keep on file for high-scrutiny codes.
fn documentation_reminder(_: &Chart<'_>, l: &Planned) -> Option<Note> {
    let (rule, message) = if CodeFamily::CoreBuildup.contains(l.code) {
        (
            "BU14",
            "Keep a pre-op X-ray, a photo before the buildup, a note of how much tooth structure was missing, pins and core material, and why the buildup is needed to hold the crown (write it for this patient, not a template).",
        )
    } else if CodeFamily::PostsAndCores.contains(l.code) {
        (
            "BU15",
            "Keep the root canal record, the extent of breakdown, whether the post was lab-made or prefabricated, the crown on the same claim and an X-ray with the post seated.",
        )
    } else if l.code.number() == 2790 {
        (
            "CR4",
            "Keep the lab invoice showing the alloy (high noble: at least 60% noble metal including at least 40% gold).",
        )
    } else if CodeFamily::Apexification.contains(l.code) {
        (
            "AP3",
            "Keep X-rays of the open apex and the date and medicine of each visit.",
        )
    } else {
        return None;
    };
    Some(Note {
        rule,
        kind: NoteKind::Reminder,
        message: message.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PlannedLine, TreatmentPlan, Visit};

    fn option(lines: &[(&str, &str, &str)]) -> TreatmentOption {
        let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let visits = lines
            .iter()
            .enumerate()
            .map(|(i, (day, code, tooth))| Visit {
                id: crate::model::VisitId(u32::try_from(i).unwrap() + 1),
                name: format!("Visit {}", i + 1),
                date: date(day),
                lines: vec![PlannedLine::new(
                    CdtCode::parse(code).unwrap(),
                    Some(Tooth::parse(tooth).unwrap()),
                )],
            })
            .collect();
        TreatmentOption {
            id: crate::model::OptionId(1),
            name: "x".into(),
            visits,
        }
    }

    fn rules(notes: &[CodingNote]) -> Vec<(usize, &'static str)> {
        notes
            .iter()
            .filter(|n| n.kind == NoteKind::Warning)
            .map(|n| (n.number, n.rule))
            .collect()
    }

    fn patient() -> Patient {
        TreatmentPlan::new("P", chrono::NaiveDate::from_ymd_opt(1980, 1, 1)).patient
    }

    #[test]
    fn bu3_buildup_without_a_crown_on_the_tooth_warns() {
        let notes = check(
            &option(&[("2026-12-01", "D2950", "19"), ("2026-12-01", "D2740", "30")]),
            &patient(),
        );
        assert_eq!(rules(&notes), vec![(1, "BU3")]);
        let ok = check(
            &option(&[("2026-12-01", "D2950", "19"), ("2026-12-01", "D2740", "19")]),
            &patient(),
        );
        assert_eq!(rules(&ok), vec![]);
    }

    #[test]
    fn bu3_an_onlay_or_bridge_retainer_holds_a_buildup_but_an_inlay_does_not() {
        for (retainer, warns) in [("D2542", false), ("D6740", false), ("D2510", true)] {
            let notes = check(
                &option(&[
                    ("2026-12-01", "D2950", "19"),
                    ("2026-12-01", retainer, "19"),
                ]),
                &patient(),
            );
            let expected = if warns { vec![(1, "BU3")] } else { vec![] };
            assert_eq!(rules(&notes), expected, "{retainer}");
        }
    }

    #[test]
    fn bu1_bu2_bu4_posts_conflicts_and_missing_root_canal() {
        let notes = check(
            &option(&[
                ("2026-12-01", "D2952", "3"),
                ("2026-12-01", "D2954", "3"),
                ("2026-12-01", "D2950", "3"),
                ("2026-12-08", "D2740", "3"),
            ]),
            &patient(),
        );
        let found = rules(&notes);
        assert!(found.contains(&(1, "BU1")), "{found:?}");
        assert!(found.contains(&(3, "BU2")), "{found:?}");
        assert!(
            found.contains(&(1, "BU4")) && found.contains(&(2, "BU4")),
            "{found:?}"
        );
    }

    #[test]
    fn bu11_bu13_ap1_sequence_and_primary_tooth_checks() {
        let found = rules(&check(
            &option(&[("2026-12-01", "D2950", "A"), ("2026-12-01", "D2750", "A")]),
            &patient(),
        ));
        assert_eq!(found, vec![(1, "BU11")]);
        let found = rules(&check(
            &option(&[("2026-12-01", "D2953", "8"), ("2026-12-01", "D2750", "8")]),
            &patient(),
        ));
        assert!(found.contains(&(1, "BU13")), "{found:?}");
        let found = rules(&check(
            &option(&[("2026-12-01", "D3352", "8"), ("2027-01-01", "D3353", "8")]),
            &patient(),
        ));
        assert_eq!(found, vec![(1, "AP1"), (2, "AP1")]);
        let found = rules(&check(
            &option(&[("2026-11-01", "D3351", "8"), ("2026-12-01", "D3352", "8")]),
            &patient(),
        ));
        assert_eq!(found, vec![]);
    }
}
