//! The orthodontic payment schedule as readers show it (issue 16 item 8): for each
//! ortho line of an option, a title and one sentence per party (each carrier, then
//! the patient) saying what is paid at banding and month by month. The amounts
//! come from `engine::ortho::schedule`; the GUI details, the CLI and the printed
//! estimate show these texts as they are.

use crate::engine::ortho::{Installments, schedule};
use crate::engine::{Estimate, LineEstimate};
use crate::model::{Language, LineId, PlannedLine, TreatmentOption};
use crate::money::{Cents, Rounding};
use crate::report::Names;
use crate::report::fmt::dollars as money;

/// One ortho line's schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrthoView {
    /// The line.
    pub line: LineId,
    /// "D8080 Comprehensive orthodontic treatment: case fee $5,400.00 over 18 months".
    pub title: String,
    /// One sentence per party: the carriers in payer order, then the patient.
    pub parties: Vec<OrthoParty>,
}

/// One party's payments in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrthoParty {
    /// The plan's name, or "Patient" ("You" on the patient's paper).
    pub who: String,
    /// "$675.00 at banding; $112.50 a month in months 1-7, $37.50 in month 8;
    /// nothing after month 8. Total $1,500.00."
    pub text: String,
}

/// The schedules of the option's ortho lines, in plan order. `patient_paper`:
/// the patient reads it ("You"), else staff ("Patient").
pub fn ortho_views(
    option: &TreatmentOption,
    estimate: &Estimate,
    names: &Names<'_>,
    (language, patient_paper): (Language, bool),
) -> Vec<OrthoView> {
    let planned = option.visits.iter().flat_map(|v| v.lines.iter());
    planned
        .filter_map(|p| {
            let line = estimate.lines.iter().find(|l| l.line == p.id)?;
            Some(view(p, line, names, (language, patient_paper)))
        })
        .flatten()
        .collect()
}

fn view(
    planned: &PlannedLine,
    line: &LineEstimate,
    names: &Names<'_>,
    (language, patient_paper): (Language, bool),
) -> Option<OrthoView> {
    let case = planned.ortho.as_ref()?;
    let rounding = line
        .payers
        .first()
        .and_then(|p| names.plans.get(&*p.plan))
        .map_or(Rounding::default(), |p| p.rounding);
    let s = schedule(line, case, rounding);
    let w = Words::of(language);
    let description = if patient_paper {
        names.catalogue.get(line.code).map_or_else(
            || line.description.to_string(),
            |c| c.patient_words(language).to_string(),
        )
    } else {
        line.description.to_string()
    };
    let title = (w.title)(
        &format!("{} {description}", line.code),
        s.case_fee,
        s.months,
    );
    let mut parties: Vec<OrthoParty> = s
        .payers
        .iter()
        .map(|(plan, i)| OrthoParty {
            who: names.plan_name(plan),
            text: sentence(i, &w),
        })
        .collect();
    parties.push(OrthoParty {
        who: if patient_paper { w.you } else { w.patient }.to_string(),
        text: sentence(&s.patient, &w),
    });
    Some(OrthoView {
        line: line.line,
        title,
        parties,
    })
}

/// One party's payments as a sentence.
fn sentence(i: &Installments, w: &Words) -> String {
    let mut runs = i.runs();
    // Months of nothing at the end are said once: "nothing after month 8".
    let last_paid = match runs.last() {
        Some(&(from, _, amount)) if amount == Cents::ZERO => {
            runs.pop();
            Some(from.saturating_sub(1))
        }
        _ => None,
    };
    let months: Vec<String> = runs
        .iter()
        .map(|&(from, to, amount)| (w.run)(from, to, amount))
        .collect();
    let mut text = (w.at_start)(i.at_start);
    if !months.is_empty() {
        text.push_str("; ");
        text.push_str(&months.join(", "));
    }
    if let Some(month) = last_paid.filter(|m| *m > 0) {
        text.push_str("; ");
        text.push_str(&(w.nothing_after)(month));
    }
    text.push_str(&(w.total)(i.total()));
    text
}

/// The fixed words, per language.
struct Words {
    title: fn(&str, Cents, u32) -> String,
    at_start: fn(Cents) -> String,
    run: fn(u32, u32, Cents) -> String,
    nothing_after: fn(u32) -> String,
    total: fn(Cents) -> String,
    patient: &'static str,
    you: &'static str,
}

impl Words {
    fn of(language: Language) -> Words {
        match language {
            Language::English => Words {
                title: |what, fee, months| {
                    format!("{what}: case fee {} over {months} months", money(fee))
                },
                at_start: |c| format!("{} at banding", money(c)),
                run: |from, to, c| match from == to {
                    true => format!("{} in month {from}", money(c)),
                    false => format!("{} a month in months {from}-{to}", money(c)),
                },
                nothing_after: |m| format!("nothing after month {m}"),
                total: |c| format!(". Total {}.", money(c)),
                patient: "Patient",
                you: "You",
            },
            Language::Spanish => Words {
                title: |what, fee, months| {
                    format!("{what}: costo del caso {} en {months} meses", money(fee))
                },
                at_start: |c| format!("{} al colocar los aparatos", money(c)),
                run: |from, to, c| match from == to {
                    true => format!("{} en el mes {from}", money(c)),
                    false => format!("{} al mes en los meses {from}-{to}", money(c)),
                },
                nothing_after: |m| format!("nada después del mes {m}"),
                total: |c| format!(". Total {}.", money(c)),
                patient: "Paciente",
                you: "Usted",
            },
        }
    }
}

/// The heading of the schedules on the patient's paper.
pub fn heading(language: Language) -> &'static str {
    match language {
        Language::English => "Orthodontic payment schedule",
        Language::Spanish => "Calendario de pagos de ortodoncia",
    }
}
