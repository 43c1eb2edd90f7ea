//! Plan-independent coding checks: combinations that carriers deny or pend whatever
//! the plan (seed rules BU1-BU4, BU5/BU6 coding side, BU11, BU13, AP1), and the
//! documentation reminders for high-scrutiny codes (BU14, BU15, CR4, AP3). They
//! never change a number; they are shown next to the line.

use serde::Serialize;

use crate::model::family::{self, CodeFamily};
use crate::model::{CdtCode, CodeSet, Patient, Tooth, TreatmentOption};

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
    /// 1-based line number in the option.
    pub line: usize,
    /// Seed rule id ("BU3").
    pub rule: &'static str,
    /// Warning or reminder.
    pub kind: NoteKind,
    /// Plain words.
    pub message: String,
}

fn code(n: u16) -> CodeSet {
    CodeSet::of(&[]).with_range(n, n)
}

struct Planned {
    number: usize,
    code: CdtCode,
    tooth: Option<Tooth>,
    date: chrono::NaiveDate,
}

/// Coding notes for every line of `option`.
pub fn check(option: &TreatmentOption, patient: &Patient) -> Vec<CodingNote> {
    let mut lines = Vec::new();
    for visit in &option.visits {
        for line in &visit.lines {
            lines.push(Planned {
                number: lines.len() + 1,
                code: line.code,
                tooth: line.tooth,
                date: visit.date,
            });
        }
    }
    let crowns = CodeFamily::union(&family::RETAINED_BY_BUILDUP);
    let endo = CodeFamily::RootCanals.codes();
    let posts = CodeFamily::PostsAndCores.codes();
    let buildups = CodeFamily::union(&family::BUILDUPS_NEEDING_A_CROWN);
    let on_tooth = |set: &CodeSet, tooth: Option<Tooth>| {
        lines
            .iter()
            .any(|l| l.tooth.is_some() && l.tooth == tooth && set.contains(l.code))
    };
    let in_history = |set: &CodeSet, tooth: Option<Tooth>| {
        patient
            .history
            .iter()
            .any(|h| h.tooth.is_some() && h.tooth == tooth && set.contains(h.code))
    };
    let mut notes = Vec::new();
    let mut note = |line: usize, rule: &'static str, kind: NoteKind, message: String| {
        notes.push(CodingNote {
            line,
            rule,
            kind,
            message,
        })
    };
    for l in &lines {
        let n = l.code.number();
        let t = l.tooth;
        let tooth_text = t.map_or_else(String::new, |t| format!(" on #{t}"));
        if n == 2952 && on_tooth(&code(2954), t) {
            note(
                l.number,
                "BU1",
                NoteKind::Warning,
                format!(
                    "D2952 and D2954{tooth_text} are alternatives: report only the post actually placed."
                ),
            );
        }
        if n == 2950 && on_tooth(&posts, t) {
            note(
                l.number,
                "BU2",
                NoteKind::Warning,
                format!(
                    "A core buildup (D2950){tooth_text} is not coded with a post and core on the same tooth; the post code includes the core."
                ),
            );
        }
        if buildups.contains(l.code) && !on_tooth(&crowns, t) {
            note(
                l.number,
                "BU3",
                NoteKind::Warning,
                format!(
                    "No crown, onlay or bridge retainer is planned{tooth_text}: carriers deny or hold a buildup or post until they see the crown."
                ),
            );
        }
        if posts.contains(l.code) && !on_tooth(&endo, t) && !in_history(&endo, t) {
            note(
                l.number,
                "BU4",
                NoteKind::Warning,
                format!(
                    "No root canal is on record or planned{tooth_text}: a post needs a root-canal-treated tooth."
                ),
            );
        }
        if n == 2951
            && lines
                .iter()
                .any(|o| o.code.number() == 2950 && o.tooth == t && o.date == l.date && t.is_some())
        {
            note(l.number, "BU5", NoteKind::Warning, "Pins are part of the D2950 buildup on the same tooth and day; do not bill them separately.".into());
        }
        if n == 2949
            && lines
                .iter()
                .any(|o| o.code.number() == 2950 && o.tooth == t && o.date == l.date && t.is_some())
        {
            note(l.number, "BU6", NoteKind::Warning, "D2949 and D2950 on the same tooth and day exclude each other: bill the one that was done.".into());
        }
        if n == 2950 && t.is_some_and(Tooth::is_primary) {
            note(
                l.number,
                "BU11",
                NoteKind::Warning,
                "A core buildup on a baby tooth is normally denied.".into(),
            );
        }
        if n == 2953 && !on_tooth(&code(2952), t) {
            note(
                l.number,
                "BU13",
                NoteKind::Warning,
                format!(
                    "D2953 (extra cast post) goes with D2952 on the same tooth, and none is planned{tooth_text}."
                ),
            );
        }
        if n == 2957 && !on_tooth(&code(2954), t) {
            note(
                l.number,
                "BU13",
                NoteKind::Warning,
                format!(
                    "D2957 (extra prefabricated post) goes with D2954 on the same tooth, and none is planned{tooth_text}."
                ),
            );
        }
        if (n == 3352 || n == 3353) && t.is_some() {
            let started = patient
                .history
                .iter()
                .any(|h| h.code.number() == 3351 && h.tooth == t && h.date <= l.date)
                || lines
                    .iter()
                    .any(|o| o.code.number() == 3351 && o.tooth == t && o.number < l.number);
            if !started {
                note(
                    l.number,
                    "AP1",
                    NoteKind::Warning,
                    format!("No first apexification visit (D3351) comes before this{tooth_text}."),
                );
            }
        }
        match n {
            2950 => note(l.number, "BU14", NoteKind::Reminder, "Keep a pre-op X-ray, a photo before the buildup, a note of how much tooth structure was missing, pins and core material, and why the buildup is needed to hold the crown (write it for this patient, not a template).".into()),
            2952 | 2954 => note(l.number, "BU15", NoteKind::Reminder, "Keep the root canal record, the extent of breakdown, whether the post was lab-made or prefabricated, the crown on the same claim and an X-ray with the post seated.".into()),
            2790 => note(l.number, "CR4", NoteKind::Reminder, "Keep the lab invoice showing the alloy (high noble: at least 60% noble metal including at least 40% gold).".into()),
            _ if CodeFamily::Apexification.contains(l.code) => note(l.number, "AP3", NoteKind::Reminder, "Keep X-rays of the open apex and the date and medicine of each visit.".into()),
            _ => {}
        }
    }
    notes
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
                id: u32::try_from(i).unwrap() + 1,
                name: format!("Visit {}", i + 1),
                date: date(day),
                lines: vec![PlannedLine::new(
                    CdtCode::parse(code).unwrap(),
                    Some(Tooth::parse(tooth).unwrap()),
                )],
            })
            .collect();
        TreatmentOption {
            name: "x".into(),
            visits,
        }
    }

    fn rules(notes: &[CodingNote]) -> Vec<(usize, &'static str)> {
        notes
            .iter()
            .filter(|n| n.kind == NoteKind::Warning)
            .map(|n| (n.line, n.rule))
            .collect()
    }

    fn patient() -> Patient {
        TreatmentPlan::new("P", chrono::NaiveDate::from_ymd_opt(1980, 1, 1).unwrap()).patient
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
