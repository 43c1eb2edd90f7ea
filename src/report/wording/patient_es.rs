//! The patient's notes in Spanish (usted), one sentence per step that changed
//! what a plan pays, as [`super::patient`] writes them in English. Procedure
//! names are the catalogue's Spanish patient words, quoted so the sentence
//! around them reads naturally.

use super::patient::PlanNaming;
use crate::engine::step_detail::{StaffFigure, StaffValue};
use crate::engine::{LineEstimate, Step};
use crate::model::plan::{DeniedBilling, Liability};
use crate::model::{CdtCode, CodeCatalogue, Language, ProcedureClass};
use crate::report::fmt::{dollars as money, long_date_es};

struct Words<'a> {
    line: &'a LineEstimate,
    catalogue: &'a CodeCatalogue,
    naming: &'a PlanNaming,
}

impl Words<'_> {
    /// "Su plan", or the plan's short name when there are several.
    fn who(&self, plan: &str) -> String {
        match self.naming {
            PlanNaming::Single => "Su plan".to_string(),
            PlanNaming::ByName(names) => names
                .iter()
                .find(|(full, _)| full == plan)
                .map_or_else(|| plan.to_string(), |(_, short)| short.clone()),
        }
    }

    /// "«Corona de cerámica del color del diente»": the catalogue's Spanish
    /// patient wording (its English when it has none).
    fn procedure(&self, code: CdtCode) -> String {
        let text = self.catalogue.get(code).map_or_else(
            || format!("procedimiento {code}"),
            |c| c.patient_words(Language::Spanish).to_string(),
        );
        format!("«{text}»")
    }
}

/// The Spanish note for one line; None when nothing needs explaining.
pub fn line_note(
    line: &LineEstimate,
    catalogue: &CodeCatalogue,
    naming: &PlanNaming,
) -> Option<String> {
    let words = Words {
        line,
        catalogue,
        naming,
    };
    let mut sentences: Vec<String> = Vec::new();
    for step in &line.steps {
        if let Some(s) = step_note(step, &words)
            && !sentences.contains(&s)
        {
            sentences.push(s);
        }
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

fn step_note(step: &Step, w: &Words<'_>) -> Option<String> {
    changed_benefit(step, w)
        .or_else(|| limit(step, w))
        .or_else(|| money_note(step, w))
        .or_else(|| coding_denial(step))
}

/// Un control de codificación dice que las aseguradoras lo niegan (BU11).
fn coding_denial(step: &Step) -> Option<String> {
    matches!(step, Step::CodingDenial { .. }).then(|| {
        "Las aseguradoras no pagan este procedimiento tal como está planeado, así que no se espera ningún pago del seguro por él.".to_string()
    })
}

/// A procedure class in Spanish: "restauraciones básicas".
fn class(c: ProcedureClass) -> &'static str {
    match c {
        ProcedureClass::Diagnostic => "diagnóstico",
        ProcedureClass::Preventive => "prevención",
        ProcedureClass::BasicRestorative => "restauraciones básicas",
        ProcedureClass::MajorRestorative => "restauraciones mayores",
        ProcedureClass::Endodontics => "endodoncia",
        ProcedureClass::Periodontics => "periodoncia",
        ProcedureClass::Prosthodontics => "prótesis",
        ProcedureClass::Implants => "implantes",
        ProcedureClass::OralSurgery => "cirugía oral",
        ProcedureClass::Orthodontics => "ortodoncia",
        ProcedureClass::Adjunctive => "servicios complementarios",
    }
}

fn changed_benefit(step: &Step, w: &Words<'_>) -> Option<String> {
    let text = match step {
        Step::Downgraded { plan, from, to, .. } => format!(
            "{} solo paga lo que pagaría por {}; usted paga la diferencia por {}.",
            w.who(plan),
            w.procedure(*to),
            w.procedure(*from),
        ),
        Step::Bundled {
            plan,
            into_line,
            liability,
            ..
        } => {
            let charge = if w.line.patient.is_zero() {
                "no le cobramos aparte por esto"
            } else {
                match liability {
                    Liability::Disallow => "usted paga la cantidad indicada",
                    Liability::DenyAtContractFee => {
                        "usted paga la tarifa que el plan tiene contratada"
                    }
                    Liability::DenyAtOfficeFee => "usted paga nuestra tarifa",
                }
            };
            format!(
                "{} considera esto parte de la línea {into_line} y no lo paga por separado; {charge}.",
                w.who(plan)
            )
        }
        Step::NotCovered { plan, class: c } => format!(
            "{} no cubre servicios de {}, así que no paga nada por esto.",
            w.who(plan),
            class(*c)
        ),
        Step::Excluded { plan, reason } => {
            let reason = reason.trim().trim_end_matches('.');
            if reason.is_empty() {
                format!("{} no cubre este servicio.", w.who(plan))
            } else {
                // The plan's own reason is written in the plan file, in English.
                format!("{} no cubre este servicio («{reason}»).", w.who(plan))
            }
        }
        _ => return None,
    };
    Some(text)
}

fn limit(step: &Step, w: &Words<'_>) -> Option<String> {
    let text = match step {
        Step::FrequencyLimit {
            plan,
            eligible_again,
            ..
        } => {
            let again = match eligible_again {
                Some(d) => format!("puede volver a pagarlo a partir del {}", long_date_es(*d)),
                None => "no volverá a pagarlo".to_string(),
            };
            format!(
                "{} ya pagó esto tantas veces como permite su límite; {again}.",
                w.who(plan)
            )
        }
        Step::DeniedWithCrown {
            plan, crown, tooth, ..
        } => format!(
            "{} no pagará {} en el diente {tooth} por su límite de coronas, así que tampoco paga esta parte.",
            w.who(plan),
            w.procedure(*crown),
        ),
        Step::AgeLimit {
            plan,
            age,
            through_age,
            from_age,
        } => match (through_age, from_age) {
            (Some(t), _) if age > t => format!(
                "{} cubre esto solo hasta los {t} años; el paciente tendrá {age} años en la fecha del tratamiento.",
                w.who(plan)
            ),
            (_, Some(f)) => format!(
                "{} cubre esto solo a partir de los {f} años; el paciente tendrá {age} años en la fecha del tratamiento.",
                w.who(plan)
            ),
            _ => format!(
                "{} no cubre esto a la edad del paciente ({age} años).",
                w.who(plan)
            ),
        },
        Step::WaitingPeriod {
            plan,
            months,
            covered_from,
        } => format!(
            "{} tiene un período de espera de {months} meses para este servicio; lo cubre en tratamientos a partir del {}.",
            w.who(plan),
            long_date_es(*covered_from)
        ),
        Step::MissingTooth { plan, tooth, .. }
        | Step::MissingToothExtracted { plan, tooth, .. } => format!(
            "{} no paga para reemplazar el diente {tooth}, porque ya faltaba antes de que empezara la cobertura.",
            w.who(plan)
        ),
        _ => return coverage_dates(step, w),
    };
    Some(text)
}

fn coverage_dates(step: &Step, w: &Words<'_>) -> Option<String> {
    let Step::NotEligible {
        plan,
        date: dos,
        effective,
        terminates,
    } = step
    else {
        return None;
    };
    let under = w.who(plan);
    Some(match terminates {
        Some(end) if dos > end => format!(
            "La cobertura de {under} termina el {}, antes de la fecha de este tratamiento, así que no paga nada.",
            long_date_es(*end)
        ),
        _ => format!(
            "La cobertura de {under} empieza el {}, después de la fecha de este tratamiento, así que no paga nada.",
            long_date_es(*effective)
        ),
    }
    .replace("de Su plan", "de su plan"))
}

/// "máximo anual": the maximums the engine names, in Spanish; a plan's own
/// maximum keeps its name.
fn maximum(name: &str) -> String {
    match name {
        "annual maximum" => "máximo anual".to_string(),
        "family maximum" => "máximo familiar".to_string(),
        other => format!("máximo «{other}»"),
    }
}

fn money_note(step: &Step, w: &Words<'_>) -> Option<String> {
    let text = match step {
        Step::MaximumCapped {
            plan,
            maximum: which,
            after,
            ..
        } => {
            if after.is_zero() {
                format!(
                    "A {} no le quedan beneficios de su {}, así que no paga nada por esto.",
                    w.who(plan),
                    maximum(which)
                )
                .replace("A Su plan", "A su plan")
            } else {
                format!(
                    "A {} solo le quedan {} de su {}, así que paga menos de lo habitual por esto.",
                    w.who(plan),
                    money(*after),
                    maximum(which)
                )
                .replace("A Su plan", "A su plan")
            }
        }
        Step::Deductible { plan, amount, .. } => match w.naming {
            PlanNaming::Single => format!(
                "{} del costo cuentan para el deducible anual de su plan.",
                money(*amount)
            ),
            PlanNaming::ByName(_) => format!(
                "{} del costo cuentan para el deducible anual de {}.",
                money(*amount),
                w.who(plan)
            ),
        },
        Step::SeparateDeductible {
            plan, amount, name, ..
        } => format!(
            "{} del costo cuentan para un deducible aparte de {} ({name}).",
            money(*amount),
            w.who(plan)
        ),
        Step::RolloverDrawn { plan, drawn, .. } => format!(
            "{} paga {} de esto con beneficios que usted no usó en años anteriores.",
            w.who(plan),
            money(*drawn)
        ),
        Step::Preauthorization { plan } => format!(
            "{} pide revisar este tratamiento antes de hacerlo; este presupuesto supone que lo aprueba.",
            w.who(plan)
        ),
        Step::Copay {
            plan,
            not_listed: true,
            ..
        } => format!(
            "{} no indica un copago para este servicio, así que se aplica nuestra tarifa completa.",
            w.who(plan)
        ),
        Step::Upgrade { plan, name, amount } => format!(
            "{} añade un cargo de {} por «{name}».",
            w.who(plan),
            money(*amount)
        ),
        Step::EnteredByStaff {
            plan: Some(plan),
            figure: StaffFigure::InsuranceEstimate,
            value: StaffValue::Money(amount),
            ..
        } => format!(
            "{} nos dijo por adelantado que paga {} por esto, y este presupuesto usa esa cantidad.",
            w.who(plan),
            money(*amount)
        ),
        _ => return plan_terms(step, w),
    };
    Some(text)
}

/// Beneficios fijos, copagos del plan y los ajustes que permiten cobrar nuestra
/// tarifa completa (issue 16, puntos 4, 5 y 9).
fn plan_terms(step: &Step, w: &Words<'_>) -> Option<String> {
    let text = match step {
        Step::FixedBenefit {
            plan,
            not_listed: true,
            ..
        } => format!(
            "{} no indica un beneficio fijo para este servicio, así que no paga nada por él.",
            w.who(plan)
        ),
        Step::FixedBenefit { plan, amount, .. } => format!(
            "{} paga una cantidad fija de {} por este servicio; usted paga el resto de la tarifa de la red.",
            w.who(plan),
            money(*amount)
        ),
        Step::PlanCopay { plan, copay, .. } => format!(
            "{} tiene un copago de {} para este servicio, que usted paga además de su parte.",
            w.who(plan),
            money(*copay)
        ),
        Step::NoWriteOffOnDowngrade { plan, .. } => format!(
            "{} paga esto como un servicio de menor costo y no limita nuestra tarifa, así que se aplica nuestra tarifa completa.",
            w.who(plan)
        ),
        Step::DeniedBilledAt {
            plan,
            billed_at: DeniedBilling::OfficeFee,
            ..
        } => format!(
            "{} no limita nuestra tarifa para un servicio que no paga, así que se aplica nuestra tarifa completa.",
            w.who(plan)
        ),
        _ => return None,
    };
    Some(text)
}
