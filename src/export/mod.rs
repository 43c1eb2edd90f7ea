//! The printable patient estimate.
//!
//! [`PrintedEstimate`] is a plain view model: everything a printed estimate shows
//! (practice, patient, plans, visits and lines, totals, notes in plain words,
//! remaining benefits, disclaimer), built from the engine's [`Estimate`] without any
//! money arithmetic beyond summing line amounts for visit subtotals.
//! [`layout_estimate`] turns it into pages of positioned drawing operations
//! ([`Layout`]), and [`estimate_pdf`] writes those pages as a PDF with the fonts
//! embedded. A print preview can draw the same [`Layout`].
//!
//! ```no_run
//! # use ferrule::export::{PrintedEstimate, Paper, estimate_pdf};
//! # fn demo(p: &ferrule::model::PracticeSettings, plan: &ferrule::model::TreatmentPlan,
//! #         option: &ferrule::model::TreatmentOption,
//! #         lib: &ferrule::model::Library, e: &ferrule::engine::Estimate,
//! #         day: chrono::NaiveDate) -> Result<Vec<u8>, ferrule::export::PdfError> {
//! let id = ferrule::export::estimate_id(&plan.patient.name, option, day);
//! let doc = PrintedEstimate::new(p, plan, lib, option, e, day, id);
//! estimate_pdf(&doc, Paper::Letter)
//! # }
//! ```

mod compose;
pub(crate) mod fonts;
mod layout;
mod pages;
mod pdf;
mod sections;
mod table;

use crate::report::wording::patient as notes;

use chrono::{Days, NaiveDate};

pub use fonts::Weight;
pub use layout::{Layout, Op, PageOps, Rgb};
pub use pdf::{Logo, PdfError, estimate_pdf, layout_estimate};

use crate::engine::Estimate;
use crate::model::plan::Network;
use crate::model::treatment_plan::Relationship;
use crate::model::{
    Area, Library, LineId, PracticeSettings, TreatmentOption, TreatmentPlan, VisitId,
};
use crate::money::Cents;

/// Paper sizes for printing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    /// US Letter, 8.5 x 11 in (612 x 792 pt).
    #[default]
    Letter,
    /// ISO A4 (595 x 842 pt).
    A4,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.0, 842.0),
        }
    }
}

/// "Nov 23, 2026": the date form used throughout the printed estimate.
pub fn long_date(d: NaiveDate) -> String {
    crate::report::fmt::long_date(d)
}

/// A stable estimate number: `EST-<prepared YYYYMMDD>-<6 hex digits>` where the
/// digits hash the patient's name and the option's id and name, so printing the
/// same option for the same patient on the same day gives the same number, and
/// two options that share a name do not.
pub fn estimate_id(patient: &str, option: &TreatmentOption, prepared: NaiveDate) -> String {
    // FNV-1a, 64 bit: small, stable across Rust versions and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let id = option.id.0.to_le_bytes();
    let bytes = patient.bytes().chain([0x1f]).chain(id).chain([0x1f]);
    for byte in bytes.chain(option.name.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("EST-{}-{:06X}", prepared.format("%Y%m%d"), hash >> 40)
}

/// The practice lines at the top of the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PracticeHeader {
    /// Practice name.
    pub name: String,
    /// Address, one entry per line.
    pub address_lines: Vec<String>,
    /// Phone (may be empty).
    pub phone: String,
    /// Tax id, when printed.
    pub tax_id: Option<String>,
    /// NPI, when printed.
    pub npi: Option<String>,
}

/// Who the estimate is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatientInfo {
    /// Full name.
    pub name: String,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Chart or account number.
    pub chart_number: Option<String>,
}

/// One insurance plan as the patient sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedPayer {
    /// "Primary insurance", "Secondary insurance", ...
    pub role: String,
    /// The plan's name.
    pub plan_name: String,
    /// A shorter name for the column header ("Summit PPO 1500").
    pub short_name: String,
    /// The insurance company.
    pub carrier: String,
    /// Member id with all but the last four characters masked.
    pub member_id: Option<String>,
    /// "Casey Ellison (spouse)"; None when the patient is the subscriber or the
    /// subscriber's name is not on file.
    pub subscriber: Option<String>,
    /// The office's network status with the plan, in plain words.
    pub network: String,
    /// "Benefits verified on Nov 24, 2026 by portal", when recorded.
    pub verified: Option<String>,
}

/// Money columns of one row: fee, network discount, each payer, patient.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Amounts {
    /// Office fee.
    pub fee: Cents,
    /// Network discount (contractual write-off).
    pub write_off: Cents,
    /// What each payer pays, in payer order.
    pub insurance: Vec<Cents>,
    /// What the patient pays.
    pub patient: Cents,
}

/// One treatment line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedLine {
    /// Line number in the option (notes refer to it).
    pub number: usize,
    /// "#19", "#30 MO", "Upper right quadrant"; empty for the whole mouth.
    pub area: String,
    /// The CDT code.
    pub code: String,
    /// Plain description for the patient.
    pub description: String,
    /// "Completed Dec 17, 2026 (Seat visit)" when completed at a later visit.
    pub completed: Option<String>,
    /// The amounts, exactly as the engine computed them.
    pub amounts: Amounts,
    /// True when the notes section explains this line.
    pub has_note: bool,
}

/// One visit and the lines started at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedVisit {
    /// Visit name.
    pub name: String,
    /// Planned date.
    pub date: NaiveDate,
    /// Its lines.
    pub lines: Vec<PrintedLine>,
    /// Sums of its lines.
    pub subtotal: Amounts,
}

/// A note about one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedNote {
    /// The line it is about.
    pub line: usize,
    /// Plain sentences.
    pub text: String,
}

/// Benefits left under one plan in one benefit year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedRemaining {
    /// Plan name.
    pub plan_name: String,
    /// First day of the benefit year.
    pub year_start: NaiveDate,
    /// Last day.
    pub year_end: NaiveDate,
    /// Annual maximum left before this treatment (None: no maximum).
    pub maximum_before: Option<Cents>,
    /// ... and after it.
    pub maximum_after: Option<Cents>,
    /// Deductible still to meet after this treatment.
    pub deductible_after: Cents,
    /// Separate maximums: (name, left before, left after).
    pub class_maximums: Vec<(String, Cents, Cents)>,
}

/// Everything a printed estimate shows, ready to lay out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedEstimate {
    /// The practice.
    pub practice: PracticeHeader,
    /// "Treatment estimate".
    pub title: String,
    /// The patient.
    pub patient: PatientInfo,
    /// The treatment option's name.
    pub option: String,
    /// Estimate number.
    pub estimate_id: String,
    /// Date prepared.
    pub prepared: NaiveDate,
    /// Last day the estimate is valid.
    pub valid_until: NaiveDate,
    /// Plans in payer order; empty when the patient has no insurance.
    pub payers: Vec<PrintedPayer>,
    /// Visits with lines, in plan order.
    pub visits: Vec<PrintedVisit>,
    /// Grand totals, from the engine.
    pub totals: Amounts,
    /// Print the network discount column (some line has a write-off).
    pub show_write_off: bool,
    /// One note per line that needs one.
    pub notes: Vec<PrintedNote>,
    /// Benefits left after this treatment, per plan and benefit year (years with
    /// neither a maximum nor a deductible left are left out).
    pub remaining: Vec<PrintedRemaining>,
    /// Disclaimer paragraphs.
    pub disclaimer: Vec<String>,
    /// The practice logo, once read and checked.
    pub logo: Option<Logo>,
}

/// The last four characters after four bullets (only bullets when the id is four
/// characters or shorter), so the length is not revealed either.
pub fn mask_member_id(id: &str) -> String {
    let chars: Vec<char> = id.trim().chars().collect();
    let keep = if chars.len() > 4 { 4 } else { 0 };
    let tail: String = chars.iter().skip(chars.len() - keep).collect();
    format!("••••{tail}")
}

/// The plan name without filler words or parenthesised remarks, for narrow
/// column headers and notes.
fn short_plan_name(name: &str) -> String {
    crate::report::fmt::plan_short_name(name)
}

fn network_text(network: &Network) -> &'static str {
    match network {
        Network::InNetwork { .. } => "PPO; our office is in network",
        Network::OutOfNetwork { .. } => "PPO; our office is out of network",
        Network::Indemnity { .. } => "Traditional (indemnity) plan",
        Network::ScheduledAllowance { .. } => "Fixed-benefit (scheduled) plan",
        Network::Dhmo { .. } => "Dental HMO; our office is in network",
    }
}

fn role(index: usize) -> String {
    crate::report::fmt::payer_role(index)
}

fn area_text(area: Area) -> String {
    crate::report::fmt::area_printed(area)
}

impl PrintedEstimate {
    /// Builds the view model for `option` of `plan` from its estimate. Pure: the
    /// prepared date is given, and valid-until is that date plus the practice's
    /// validity days. The logo is not read here; see [`PrintedEstimate::with_logo`].
    pub fn new(
        practice: &PracticeSettings,
        plan: &TreatmentPlan,
        library: &Library,
        option: &TreatmentOption,
        estimate: &Estimate,
        prepared: NaiveDate,
        estimate_id: String,
    ) -> PrintedEstimate {
        let payer_ids: Vec<&str> = estimate
            .totals
            .insurance
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        let plan_name = |id: &str| {
            library
                .plans
                .get(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        };
        let payers: Vec<PrintedPayer> = payer_ids
            .iter()
            .enumerate()
            .map(|(k, id)| {
                let coverage = plan
                    .coverage
                    .get(k)
                    .filter(|c| c.plan == *id)
                    .or_else(|| plan.coverage.iter().find(|c| c.plan == *id));
                let rules = library.plans.get(*id);
                let name = plan_name(id);
                PrintedPayer {
                    role: role(k),
                    short_name: short_plan_name(&name),
                    plan_name: name,
                    carrier: rules.map_or_else(String::new, |r| r.carrier.clone()),
                    member_id: coverage
                        .and_then(|c| c.member_id.as_deref())
                        .filter(|m| !m.trim().is_empty())
                        .map(mask_member_id),
                    subscriber: coverage.and_then(|c| {
                        let relation = match c.relationship {
                            Relationship::Subscriber => "self",
                            Relationship::Spouse => "spouse",
                            Relationship::Child => "child",
                            Relationship::Other => "other",
                        };
                        let name = c.subscriber.as_deref().filter(|s| !s.trim().is_empty());
                        match (name, c.relationship) {
                            // The patient holds the policy: nothing to add.
                            (_, Relationship::Subscriber) => None,
                            (Some(n), _) => Some(format!("{n} ({relation})")),
                            (None, _) => None,
                        }
                    }),
                    network: rules.map_or("", |r| network_text(&r.network)).to_string(),
                    verified: coverage.and_then(|c| c.verified.as_ref()).map(|v| {
                        format!(
                            "Benefits verified on {} by {}",
                            long_date(v.on),
                            v.source.trim()
                        )
                    }),
                }
            })
            .collect();

        // Lines and visits are found by id in the option that was priced, so two
        // options with the same name never mix.
        let planned_line = |id: LineId| {
            option
                .visits
                .iter()
                .flat_map(|v| v.lines.iter())
                .find(|l| l.id == id)
        };
        let visit_of = |id: VisitId| option.visits.iter().find(|v| v.id == id);
        let naming = if payer_ids.len() > 1 {
            notes::PlanNaming::ByName(
                payers
                    .iter()
                    .map(|p: &PrintedPayer| (p.plan_name.clone(), p.short_name.clone()))
                    .collect(),
            )
        } else {
            notes::PlanNaming::Single
        };

        let mut visits: Vec<PrintedVisit> = Vec::new();
        let mut visit_ids: Vec<VisitId> = Vec::new();
        let mut printed_notes = Vec::new();
        for line in &estimate.lines {
            let note = notes::line_note(line, &library.catalogue, &naming);
            let completed = planned_line(line.line)
                .and_then(|p| p.completed_at)
                .filter(|&at| at != line.visit_id)
                .and_then(visit_of)
                .map(|v| format!("Completed {} ({} visit)", long_date(v.date), v.name));
            let mut description = library
                .catalogue
                .get(line.code)
                .map_or_else(|| line.description.clone(), |c| c.patient_text.clone());
            if line.quantity > 1 {
                description.push_str(&format!(" ({} units)", line.quantity));
            }
            let printed = PrintedLine {
                number: line.number,
                area: area_text(line.area),
                code: line.code.to_string(),
                description,
                completed,
                amounts: Amounts {
                    fee: line.fee,
                    write_off: line.write_off,
                    insurance: (0..payer_ids.len())
                        .map(|k| line.payers.get(k).map_or(Cents::ZERO, |p| p.pays))
                        .collect(),
                    patient: line.patient,
                },
                has_note: note.is_some(),
            };
            if let Some(text) = note {
                printed_notes.push(PrintedNote {
                    line: line.number,
                    text,
                });
            }
            if visit_ids.last() == Some(&line.visit_id) {
                if let Some(v) = visits.last_mut() {
                    v.lines.push(printed);
                }
            } else {
                let (name, date) = visit_of(line.visit_id).map_or_else(
                    || (line.visit.clone(), line.started),
                    |v| (v.name.clone(), v.date),
                );
                visit_ids.push(line.visit_id);
                visits.push(PrintedVisit {
                    name,
                    date,
                    lines: vec![printed],
                    subtotal: Amounts::default(),
                });
            }
        }
        for visit in &mut visits {
            visit.subtotal = Amounts {
                fee: visit.lines.iter().map(|l| l.amounts.fee).sum(),
                write_off: visit.lines.iter().map(|l| l.amounts.write_off).sum(),
                insurance: (0..payer_ids.len())
                    .map(|k| {
                        visit
                            .lines
                            .iter()
                            .map(|l| l.amounts.insurance.get(k).copied().unwrap_or(Cents::ZERO))
                            .sum()
                    })
                    .collect(),
                patient: visit.lines.iter().map(|l| l.amounts.patient).sum(),
            };
        }

        let totals = Amounts {
            fee: estimate.totals.fee,
            write_off: estimate.totals.write_off,
            insurance: estimate.totals.insurance.iter().map(|(_, c)| *c).collect(),
            patient: estimate.totals.patient,
        };
        // A plan with no maximum and no deductible left has nothing to report.
        let remaining = estimate
            .remaining
            .iter()
            .filter(|r| {
                r.maximum_before.is_some()
                    || r.maximum_after.is_some()
                    || !r.deductible_after.is_zero()
                    || !r.class_maximums.is_empty()
            })
            .map(|r| PrintedRemaining {
                plan_name: plan_name(&r.plan),
                year_start: r.year_start,
                year_end: r.year_end,
                maximum_before: r.maximum_before,
                maximum_after: r.maximum_after,
                deductible_after: r.deductible_after,
                class_maximums: r.class_maximums.clone(),
            })
            .collect();

        PrintedEstimate {
            practice: PracticeHeader {
                name: practice.name.clone(),
                address_lines: practice
                    .address_lines
                    .iter()
                    .filter(|l| !l.trim().is_empty())
                    .cloned()
                    .collect(),
                phone: practice.phone.clone(),
                tax_id: practice.tax_id.clone().filter(|t| !t.trim().is_empty()),
                npi: practice.npi.clone().filter(|t| !t.trim().is_empty()),
            },
            title: "Treatment estimate".to_string(),
            patient: PatientInfo {
                name: plan.patient.name.clone(),
                birth_date: plan.patient.birth_date,
                chart_number: plan.patient.chart_number.clone(),
            },
            option: option.name.clone(),
            estimate_id,
            prepared,
            valid_until: prepared
                .checked_add_days(Days::new(u64::from(practice.validity_days)))
                .unwrap_or(prepared),
            payers,
            show_write_off: estimate.lines.iter().any(|l| !l.write_off.is_zero()),
            visits,
            totals,
            notes: printed_notes,
            remaining,
            disclaimer: practice.disclaimer_paragraphs(),
            logo: None,
        }
    }

    /// The same estimate with the practice logo.
    pub fn with_logo(mut self, logo: Logo) -> PrintedEstimate {
        self.logo = Some(logo);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_ids_are_masked() {
        assert_eq!(mask_member_id("SDB448120937"), "••••0937");
        assert_eq!(mask_member_id("12345"), "••••2345");
        assert_eq!(mask_member_id("1234"), "••••");
    }

    #[test]
    fn estimate_ids_are_stable() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let option = |id: u32, name: &str| TreatmentOption {
            id: crate::model::OptionId(id),
            name: name.to_string(),
            visits: Vec::new(),
        };
        let a = estimate_id("Marisol Vega", &option(1, "Porcelain crown"), day);
        assert_eq!(
            a,
            estimate_id("Marisol Vega", &option(1, "Porcelain crown"), day)
        );
        assert_ne!(
            a,
            estimate_id("Marisol Vega", &option(2, "Gold crown"), day)
        );
        // Two options with the same name print different estimate numbers.
        assert_ne!(
            a,
            estimate_id("Marisol Vega", &option(2, "Porcelain crown"), day)
        );
        assert!(a.starts_with("EST-20261123-") && a.len() == 19, "{a}");
    }

    #[test]
    fn short_names_drop_filler() {
        assert_eq!(short_plan_name("Summit Dental PPO 1500"), "Summit PPO 1500");
        assert_eq!(
            short_plan_name("Bayside Dental Network PPO 2000"),
            "Bayside PPO 2000"
        );
        assert_eq!(
            short_plan_name("State Medicaid Dental (secondary)"),
            "State Medicaid"
        );
        assert_eq!(short_plan_name("Dental Plan"), "Dental Plan");
    }
}
