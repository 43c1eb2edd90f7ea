//! The treatment-plan file the app saves: the patient, their coverage and history,
//! and one or more treatment options made of dated visits and lines.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::area::Area;
use super::code::CdtCode;
use super::ids::{LineId, OptionId, VisitId};
use super::ortho::OrthoCase;
use super::overrides::LineOverrides;
use super::tooth::{Arch, Quadrant, Surfaces, Tooth};
use crate::money::Cents;

pub use super::coverage::{Coverage, CoverageStatus, Relationship, Verification, YearUsed};
pub use super::history::HistoryEntry;

/// The most units one line may have. No sedation time or count comes near it, and
/// with every fee at most `Cents::MAX_AMOUNT` a plan's totals stay far inside
/// `i64` (a quantity of 4294967295 made them saturate).
pub const MAX_QUANTITY: u32 = 999;

/// The current treatment-plan file format.
pub const TREATMENT_PLAN_FORMAT: u32 = 1;

/// A saved treatment plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentPlan {
    /// File format version (1).
    pub format: u32,
    /// Who the plan is for.
    pub patient: Patient,
    /// The patient's plans in payer order (primary first).
    #[serde(default)]
    pub coverage: Vec<Coverage>,
    /// Office fee schedule id; None = the library's office schedule.
    #[serde(default)]
    pub office_fee_schedule: Option<String>,
    /// The treatment options offered.
    #[serde(default)]
    pub options: Vec<TreatmentOption>,
    /// Provider (practice settings id) of lines that name none; None: the practice's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
}

impl TreatmentPlan {
    /// An empty plan for a new patient; the birth date may still be blank.
    pub fn new(name: &str, birth_date: Option<NaiveDate>) -> TreatmentPlan {
        TreatmentPlan {
            format: TREATMENT_PLAN_FORMAT,
            patient: Patient {
                name: name.to_string(),
                birth_date,
                chart_number: None,
                missing_teeth: Vec::new(),
                history: Vec::new(),
                language: None,
            },
            coverage: Vec::new(),
            office_fee_schedule: None,
            options: Vec::new(),
            provider: None,
        }
    }

    /// The option with this id.
    pub fn option(&self, id: OptionId) -> Option<&TreatmentOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The option with this id, to change it.
    pub fn option_mut(&mut self, id: OptionId) -> Option<&mut TreatmentOption> {
        self.options.iter_mut().find(|o| o.id == id)
    }

    /// Picks an option the way a person names it on the command line: by its name
    /// when exactly one option has it, else by its id ("2" or "#2").
    pub fn choose_option(&self, wanted: &str) -> Result<&TreatmentOption, OptionChoiceError> {
        let named: Vec<&TreatmentOption> =
            self.options.iter().filter(|o| o.name == wanted).collect();
        match named.as_slice() {
            [one] => return Ok(one),
            [] => {}
            several => {
                return Err(OptionChoiceError::Ambiguous {
                    name: wanted.to_string(),
                    ids: several.iter().map(|o| o.id).collect(),
                });
            }
        }
        wanted
            .trim_start_matches('#')
            .parse::<u32>()
            .ok()
            .and_then(|n| self.option(OptionId(n)))
            .ok_or_else(|| OptionChoiceError::Unknown {
                name: wanted.to_string(),
                known: self
                    .options
                    .iter()
                    .map(|o| format!("{} (id {})", o.name, o.id))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// The line with this id, with its option and visit.
    pub fn line(&self, id: LineId) -> Option<LineAt<'_>> {
        self.options.iter().find_map(|option| {
            option.visits.iter().find_map(|visit| {
                visit.lines.iter().find(|l| l.id == id).map(|line| LineAt {
                    option,
                    visit,
                    line,
                })
            })
        })
    }

    /// The line with this id, to change it.
    pub fn line_mut(&mut self, id: LineId) -> Option<&mut PlannedLine> {
        self.options
            .iter_mut()
            .flat_map(|o| o.visits.iter_mut())
            .flat_map(|v| v.lines.iter_mut())
            .find(|l| l.id == id)
    }

    /// An option id no option has yet.
    pub fn next_option_id(&self) -> OptionId {
        OptionId(self.options.iter().map(|o| o.id.0).max().unwrap_or(0) + 1)
    }

    /// A line id no line has yet.
    pub fn next_line_id(&self) -> LineId {
        let max = self
            .options
            .iter()
            .flat_map(|o| o.visits.iter())
            .flat_map(|v| v.lines.iter())
            .map(|l| l.id.0)
            .max()
            .unwrap_or(0);
        LineId(max + 1)
    }

    /// Gives every option and line without an id (files from before ids, or a
    /// copy whose id is already taken) a fresh one. Visit ids are not touched:
    /// lines refer to them, so a wrong one is a problem to report, not to repair.
    /// Returns true when anything changed.
    pub fn assign_ids(&mut self) -> bool {
        let mut changed = false;
        let mut seen = std::collections::BTreeSet::new();
        let mut next = self.next_option_id().0;
        for option in &mut self.options {
            if option.id.is_unassigned() || !seen.insert(option.id) {
                option.id = OptionId(next);
                seen.insert(option.id);
                next += 1;
                changed = true;
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut next = self.next_line_id().0;
        for line in self
            .options
            .iter_mut()
            .flat_map(|o| o.visits.iter_mut())
            .flat_map(|v| v.lines.iter_mut())
        {
            if line.id.is_unassigned() || !seen.insert(line.id) {
                line.id = LineId(next);
                seen.insert(line.id);
                next += 1;
                changed = true;
            }
        }
        changed
    }
}

/// A line found by id, with where it sits.
#[derive(Clone, Copy, Debug)]
pub struct LineAt<'a> {
    /// Its option.
    pub option: &'a TreatmentOption,
    /// The visit it starts at.
    pub visit: &'a Visit,
    /// The line.
    pub line: &'a PlannedLine,
}

/// Why an option named on the command line cannot be picked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OptionChoiceError {
    /// No option has that name or id.
    #[error("treatment option \"{name}\" does not exist; the plan has: {known}")]
    Unknown {
        /// What was asked for.
        name: String,
        /// The options there are, with their ids.
        known: String,
    },
    /// Several options have that name.
    #[error("{} options are named \"{name}\" (ids {}); name one by its id", ids.len(), ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))]
    Ambiguous {
        /// The name.
        name: String,
        /// The options that have it.
        ids: Vec<OptionId>,
    },
}

/// The patient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    /// Full name.
    pub name: String,
    /// Date of birth (age limits are decided by age on the date of service); None
    /// until entered, which blocks the estimate.
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    /// The practice's chart or account number.
    #[serde(default)]
    pub chart_number: Option<String>,
    /// Teeth already missing, and since when if known.
    #[serde(default)]
    pub missing_teeth: Vec<MissingTooth>,
    /// Completed services every plan counts toward frequency limits.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// The language the patient reads their printed papers in; None: English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// A language patient papers are printed in (staff screens stay English).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English (US).
    #[default]
    English,
    /// Spanish (US).
    Spanish,
}

impl Language {
    /// Every language, in menu order.
    pub const ALL: [Language; 2] = [Language::English, Language::Spanish];

    /// Its name, in its own language ("Español").
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Spanish => "Español",
        }
    }

    /// The BCP 47 tag written into the PDF ("es-US").
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en-US",
            Language::Spanish => "es-US",
        }
    }
}

/// A missing tooth.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingTooth {
    /// The tooth.
    pub tooth: Tooth,
    /// When it was extracted or lost; None when unknown or never present (treated as
    /// missing before any coverage began).
    #[serde(default)]
    pub since: Option<NaiveDate>,
}

/// One treatment option ("Porcelain crown", "Gold crown").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentOption {
    /// Stable id (0 in files written before ids: assigned on load).
    #[serde(default)]
    pub id: OptionId,
    /// Name shown on the tab; need not be unique.
    pub name: String,
    /// Visits in the order planned.
    #[serde(default)]
    pub visits: Vec<Visit>,
}

impl TreatmentOption {
    /// The date `line` of `visit` is done: the date of the visit it names as its
    /// completion (never before the visit it starts in), else its own visit's.
    pub fn completion_date(&self, visit: &Visit, line: &PlannedLine) -> NaiveDate {
        line.completed_at
            .and_then(|id| self.visits.iter().find(|v| v.id == id))
            .map_or(visit.date, |v| v.date.max(visit.date))
    }
}

/// One appointment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// Stable id within the option; lines refer to it to say where they are completed.
    pub id: VisitId,
    /// Name for people: "Crown prep".
    pub name: String,
    /// Planned date.
    pub date: NaiveDate,
    /// The procedures started at this visit.
    #[serde(default)]
    pub lines: Vec<PlannedLine>,
}

/// One planned procedure: one code on one tooth or area (two teeth are two lines).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannedLine {
    /// Stable id (0 in files written before ids: assigned on load).
    #[serde(default)]
    pub id: LineId,
    /// The code.
    pub code: CdtCode,
    /// Tooth, when the code names one.
    #[serde(default)]
    pub tooth: Option<Tooth>,
    /// Surfaces, for fillings, inlays and onlays.
    #[serde(default)]
    pub surfaces: Option<Surfaces>,
    /// Quadrant, for quadrant codes.
    #[serde(default)]
    pub quadrant: Option<Quadrant>,
    /// Arch, for arch codes.
    #[serde(default)]
    pub arch: Option<Arch>,
    /// Units (time units for sedation); 1 otherwise.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub quantity: u32,
    /// Office fee for this line instead of the schedule's.
    #[serde(default)]
    pub fee: Option<Cents>,
    /// The visit (id) at which a multi-visit procedure is completed (crown seat).
    #[serde(default)]
    pub completed_at: Option<VisitId>,
    /// Note for staff.
    #[serde(default)]
    pub note: Option<String>,
    /// A remake of a restoration still inside its frequency window (CR2): the
    /// claim needs a narrative saying why.
    #[serde(default, skip_serializing_if = "is_false")]
    pub remake: bool,
    /// Figures entered by staff in place of computed ones.
    #[serde(default, skip_serializing_if = "LineOverrides::is_empty")]
    pub overrides: LineOverrides,
    /// Who does it (practice settings provider id); None: the plan's or practice's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Payment terms when the line is an orthodontic case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ortho: Option<OrthoCase>,
}

fn one() -> u32 {
    1
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

impl PlannedLine {
    /// A line with just a code and an optional tooth; its id is given when it is
    /// added to a plan.
    pub fn new(code: CdtCode, tooth: Option<Tooth>) -> PlannedLine {
        PlannedLine {
            id: LineId::default(),
            code,
            tooth,
            surfaces: None,
            quadrant: None,
            arch: None,
            quantity: 1,
            fee: None,
            completed_at: None,
            note: None,
            remake: false,
            overrides: LineOverrides::default(),
            provider: None,
            ortho: None,
        }
    }

    /// The area the line names.
    pub fn area(&self) -> Area {
        Area::from_parts(self.tooth, self.surfaces, self.quadrant, self.arch, None)
    }
}
