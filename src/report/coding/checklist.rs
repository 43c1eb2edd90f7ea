//! The office-side documentation checklist for one option: for each checklist of
//! the library's coding files that names a code of the option, its lines and what
//! to keep on file or attach. Never part of the patient's estimate.

use super::numbered_lines;
use crate::model::coding::CodingBook;
use crate::model::{TreatmentOption, TreatmentPlan};
use crate::report::fmt;

/// The checklist page's texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checklist {
    /// "Documentation checklist".
    pub title: String,
    /// Patient, chart number and option.
    pub subtitle: String,
    /// The office-only warning.
    pub office_only: String,
    /// One section per checklist that applies.
    pub sections: Vec<ChecklistSection>,
    /// Said when no checklist applies.
    pub empty: String,
}

/// One checklist and the lines it is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistSection {
    /// Heading ("Core buildup (D2950)").
    pub title: String,
    /// "Line 1: D2950 #19, 2026-12-03", one per line it is for.
    pub lines: Vec<String>,
    /// What to keep or attach, one per item.
    pub items: Vec<String>,
}

impl Checklist {
    /// The checklist for `option` of `plan`.
    pub fn new(plan: &TreatmentPlan, option: &TreatmentOption, book: &CodingBook) -> Checklist {
        let lines = numbered_lines(option);
        let sections = book
            .reminders
            .iter()
            .filter_map(|r| {
                let for_lines: Vec<String> = lines
                    .iter()
                    .filter(|(_, l, _)| r.codes.contains(l.code))
                    .map(|(n, l, date)| {
                        let area = fmt::area(l.area());
                        let at = if area.is_empty() {
                            String::new()
                        } else {
                            format!(" {area}")
                        };
                        format!("Line {n}: {}{at}, {}", l.code, fmt::iso_date(*date))
                    })
                    .collect();
                (!for_lines.is_empty()).then(|| ChecklistSection {
                    title: r.title.clone(),
                    lines: for_lines,
                    items: r.items.clone(),
                })
            })
            .collect();
        let chart = plan
            .patient
            .chart_number
            .as_deref()
            .map_or_else(String::new, |c| format!(" (chart {c})"));
        Checklist {
            title: "Documentation checklist".to_string(),
            subtitle: format!("{}{chart}: {}", plan.patient.name, option.name),
            office_only: "For the office only: not part of the patient's estimate.".to_string(),
            sections,
            empty: "No procedure of this option has a documentation checklist.".to_string(),
        }
    }

    /// The checklist as plain text (one item per line, boxes to tick).
    pub fn text(&self) -> String {
        let mut out = format!("{}\n{}\n{}\n", self.title, self.subtitle, self.office_only);
        if self.sections.is_empty() {
            out.push_str(&format!("\n{}\n", self.empty));
        }
        for s in &self.sections {
            out.push_str(&format!("\n{}\n", s.title));
            for l in &s.lines {
                out.push_str(&format!("  {l}\n"));
            }
            for item in &s.items {
                out.push_str(&format!("  [ ] {item}\n"));
            }
        }
        out
    }
}
