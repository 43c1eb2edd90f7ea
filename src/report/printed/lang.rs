//! Every fixed patient-facing text of the printed estimate and the options
//! handout, in each [`Language`]: one [`Msg`] per text and one exhaustive match
//! per language, so a message without its Spanish does not compile. Templates
//! name their blanks (`{date}`) and [`fill`] puts the values in.
//!
//! Money keeps the US form in Spanish too ($1,234.50): these are US practices
//! and US dollars, and US Spanish-language banks, bills and insurers write
//! amounts that way; dates read "23 de noviembre de 2026".

use chrono::NaiveDate;

pub use crate::model::Language;
use crate::model::plan::Network;
use crate::model::treatment_plan::Relationship;
use crate::report::columns::ColumnKey;
use crate::report::fmt;

use super::words;

/// One fixed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Msg {
    Title,
    DefaultPractice,
    DocumentTitle,
    Continued,
    Footer,
    EstimateNo,
    Prepared,
    ValidUntil,
    Patient,
    Insurance,
    NoInsurance,
    Phone,
    TaxId,
    DateOfBirth,
    Chart,
    MemberId,
    Subscriber,
    Spouse,
    Child,
    OtherRelation,
    Verified,
    InNetwork,
    OutOfNetwork,
    Indemnity,
    Scheduled,
    Dhmo,
    Primary,
    Secondary,
    Third,
    NthInsurance,
    PlannedTreatment,
    ColLine,
    ColArea,
    ColCode,
    ColDescription,
    ColFee,
    ColDiscount,
    ColInsurance,
    ColYouPay,
    Total,
    VisitTotal,
    Completed,
    PlanPays,
    AmountsAreEstimates,
    StarredLines,
    YourTotal,
    Notes,
    LineLabel,
    BenefitsAfter,
    BenPlan,
    BenYear,
    BenMaximumNow,
    BenMaximumAfter,
    BenDeductibleAfter,
    About,
    SignatureStatement,
    PatientSignature,
    StaffSignature,
    Date,
    PageOf,
    HandoutTitle,
    HandoutDocumentTitle,
    HandoutFooter,
    SideBySide,
    HandoutIntro,
    OptionNumber,
    TotalFee,
    InsurancePays,
    YouPay,
    MaximumLeft,
    Visits,
    VisitOn,
    WaysToSave,
    AdviceOneVisit,
    AdviceVisits,
    Advice,
    Day,
    Days,
    NoMaximum,
}

impl Msg {
    /// Every message (the both-languages test walks it).
    pub const ALL: [Msg; 79] = {
        use Msg::*;
        [
            Title,
            DefaultPractice,
            DocumentTitle,
            Continued,
            Footer,
            EstimateNo,
            Prepared,
            ValidUntil,
            Patient,
            Insurance,
            NoInsurance,
            Phone,
            TaxId,
            DateOfBirth,
            Chart,
            MemberId,
            Subscriber,
            Spouse,
            Child,
            OtherRelation,
            Verified,
            InNetwork,
            OutOfNetwork,
            Indemnity,
            Scheduled,
            Dhmo,
            Primary,
            Secondary,
            Third,
            NthInsurance,
            PlannedTreatment,
            ColLine,
            ColArea,
            ColCode,
            ColDescription,
            ColFee,
            ColDiscount,
            ColInsurance,
            ColYouPay,
            Total,
            VisitTotal,
            Completed,
            PlanPays,
            AmountsAreEstimates,
            StarredLines,
            YourTotal,
            Notes,
            LineLabel,
            BenefitsAfter,
            BenPlan,
            BenYear,
            BenMaximumNow,
            BenMaximumAfter,
            BenDeductibleAfter,
            About,
            SignatureStatement,
            PatientSignature,
            StaffSignature,
            Date,
            PageOf,
            HandoutTitle,
            HandoutDocumentTitle,
            HandoutFooter,
            SideBySide,
            HandoutIntro,
            OptionNumber,
            TotalFee,
            InsurancePays,
            YouPay,
            MaximumLeft,
            Visits,
            VisitOn,
            WaysToSave,
            AdviceOneVisit,
            AdviceVisits,
            Advice,
            Day,
            Days,
            NoMaximum,
        ]
    };

    /// The text in `lang`.
    pub fn text(self, lang: Language) -> &'static str {
        match lang {
            Language::English => english(self),
            Language::Spanish => spanish(self),
        }
    }
}

/// The English texts (the estimate's words, from `words` where it names them).
fn english(m: Msg) -> &'static str {
    use Msg::*;
    match m {
        Title => words::TITLE,
        DefaultPractice => crate::model::practice::DEFAULT_NAME,
        DocumentTitle => "Treatment estimate for {patient}",
        Continued => "{option} · {date} · continued",
        Footer => "{practice} · Estimate {id} · Prepared {date}",
        EstimateNo => words::ESTIMATE_NO,
        Prepared => words::PREPARED,
        ValidUntil => words::VALID_UNTIL,
        Patient => words::PATIENT,
        Insurance => words::INSURANCE,
        NoInsurance => words::NO_INSURANCE,
        Phone => "Phone {phone}",
        TaxId => "Tax ID {id}",
        DateOfBirth => "Date of birth {date}",
        Chart => "Chart {number}",
        MemberId => "Member ID {id}",
        Subscriber => "Subscriber {name} ({relation})",
        Spouse => "spouse",
        Child => "child",
        OtherRelation => "other",
        Verified => "Benefits verified on {date} by {source}",
        InNetwork => "PPO; our office is in network",
        OutOfNetwork => "PPO; our office is out of network",
        Indemnity => "Traditional (indemnity) plan",
        Scheduled => "Fixed-benefit (scheduled) plan",
        Dhmo => "Dental HMO; our office is in network",
        Primary => "Primary insurance",
        Secondary => "Secondary insurance",
        Third => "Third insurance",
        NthInsurance => "Insurance {n}",
        PlannedTreatment => "Planned treatment: {option}",
        ColLine => "Line",
        ColArea => "Tooth / area",
        ColCode => "Code",
        ColDescription => "Description",
        ColFee => "Fee",
        ColDiscount => "Network discount",
        ColInsurance => "Insurance",
        ColYouPay => "You pay",
        Total => "Total",
        VisitTotal => "Visit total",
        Completed => "Completed {date} ({visit} visit)",
        PlanPays => "{plan} pays",
        AmountsAreEstimates => words::AMOUNTS_ARE_ESTIMATES,
        StarredLines => words::STARRED_LINES,
        YourTotal => words::YOUR_TOTAL,
        Notes => words::NOTES,
        LineLabel => "Line {n}",
        BenefitsAfter => words::BENEFITS_AFTER,
        BenPlan => "Plan",
        BenYear => "Benefit year",
        BenMaximumNow => "Maximum left now",
        BenMaximumAfter => "Maximum left after",
        BenDeductibleAfter => "Deductible left after",
        About => words::ABOUT,
        SignatureStatement => words::SIGNATURE_STATEMENT,
        PatientSignature => words::PATIENT_SIGNATURE,
        StaffSignature => words::STAFF_SIGNATURE,
        Date => words::DATE,
        PageOf => "Page {page} of {pages}",
        HandoutTitle | HandoutDocumentTitle | HandoutFooter | SideBySide | HandoutIntro
        | OptionNumber | TotalFee | InsurancePays | YouPay | MaximumLeft | Visits | VisitOn
        | WaysToSave | AdviceOneVisit | AdviceVisits | Advice | Day | Days | NoMaximum => {
            english_handout(m)
        }
    }
}

/// The handout's texts (see [`english`]).
fn english_handout(m: Msg) -> &'static str {
    use Msg::*;
    match m {
        HandoutTitle => "Your treatment options",
        HandoutDocumentTitle => "Your treatment options: {patient}",
        HandoutFooter => "{practice} · Your treatment options · Prepared {date}",
        SideBySide => "Your options side by side",
        HandoutIntro => {
            "Each option is priced on its own, as if it were the only treatment. The pages after this one show each option line by line."
        }
        OptionNumber => "Option {n}",
        TotalFee => "Total fee",
        InsurancePays => "Insurance pays (estimate)",
        YouPay => "You pay (estimate)",
        MaximumLeft => "Yearly maximum left after",
        Visits => "Visits",
        VisitOn => "{visit}: {date}",
        WaysToSave => "Ways to pay less",
        AdviceOneVisit => "the visit {visits}",
        AdviceVisits => "the visits {visits}",
        Advice => {
            "{option}: moving {what} to {date}, in your next benefit year when your deductible and yearly maximum start over, would lower your share by about {saving} ({after} instead of {before}). That treatment would wait {days}."
        }
        Day => "{n} day",
        Days => "{n} days",
        NoMaximum => "No maximum",
        _ => "",
    }
}

/// The Spanish texts, written for patients in the US (usted).
fn spanish(m: Msg) -> &'static str {
    use Msg::*;
    match m {
        Title => "Presupuesto de tratamiento",
        DefaultPractice => "Su clínica dental",
        DocumentTitle => "Presupuesto de tratamiento de {patient}",
        Continued => "{option} · {date} · continuación",
        Footer => "{practice} · Presupuesto {id} · Preparado el {date}",
        EstimateNo => "Presupuesto n.º",
        Prepared => "Preparado el",
        ValidUntil => "Válido hasta",
        Patient => "Paciente",
        Insurance => "Seguro",
        NoInsurance => {
            "No tenemos ningún seguro registrado para este presupuesto: los importes son nuestras tarifas."
        }
        Phone => "Teléfono {phone}",
        TaxId => "N.º de identificación fiscal {id}",
        DateOfBirth => "Fecha de nacimiento: {date}",
        Chart => "Expediente {number}",
        MemberId => "N.º de afiliado {id}",
        Subscriber => "Titular de la póliza: {name} ({relation})",
        Spouse => "cónyuge",
        Child => "hijo o hija",
        OtherRelation => "otro parentesco",
        Verified => "Beneficios confirmados el {date} ({source})",
        InNetwork => "PPO; nuestra clínica pertenece a la red del plan",
        OutOfNetwork => "PPO; nuestra clínica no pertenece a la red del plan",
        Indemnity => "Plan tradicional (de indemnización)",
        Scheduled => "Plan de beneficios fijos (con tabla de pagos)",
        Dhmo => "HMO dental; nuestra clínica pertenece a la red del plan",
        Primary => "Seguro principal",
        Secondary => "Seguro secundario",
        Third => "Tercer seguro",
        NthInsurance => "Seguro n.º {n}",
        PlannedTreatment => "Tratamiento previsto: {option}",
        ColLine => "N.º",
        ColArea => "Diente / zona",
        ColCode => "Código",
        ColDescription => "Descripción",
        ColFee => "Tarifa",
        ColDiscount => "Descuento de la red",
        ColInsurance => "Seguro",
        ColYouPay => "Usted paga",
        Total => "Total",
        VisitTotal => "Total de la cita",
        Completed => "Se termina el {date} (cita «{visit}»)",
        PlanPays => "Paga {plan}",
        AmountsAreEstimates => {
            "Todos los importes están en dólares estadounidenses y son aproximados."
        }
        StarredLines => "Las líneas marcadas con * se explican en las notas de abajo.",
        YourTotal => "Su total aproximado",
        Notes => "Notas",
        LineLabel => "Línea {n}",
        BenefitsAfter => "Sus beneficios después de este tratamiento",
        BenPlan => "Plan",
        BenYear => "Año de beneficios",
        BenMaximumNow => "Máximo disponible ahora",
        BenMaximumAfter => "Máximo disponible después",
        BenDeductibleAfter => "Deducible pendiente después",
        About => "Sobre este presupuesto",
        SignatureStatement => {
            "Con mi firma confirmo que me explicaron este presupuesto, que entiendo que no garantiza el pago y que me corresponde pagar lo que mi seguro no cubra."
        }
        PatientSignature => "Firma del paciente, o de su padre, madre o tutor",
        StaffSignature => "Firma del personal de la clínica",
        Date => "Fecha",
        PageOf => "Página {page} de {pages}",
        HandoutTitle | HandoutDocumentTitle | HandoutFooter | SideBySide | HandoutIntro
        | OptionNumber | TotalFee | InsurancePays | YouPay | MaximumLeft | Visits | VisitOn
        | WaysToSave | AdviceOneVisit | AdviceVisits | Advice | Day | Days | NoMaximum => {
            spanish_handout(m)
        }
    }
}

/// The handout's texts (see [`spanish`]).
fn spanish_handout(m: Msg) -> &'static str {
    use Msg::*;
    match m {
        HandoutTitle => "Sus opciones de tratamiento",
        HandoutDocumentTitle => "Sus opciones de tratamiento: {patient}",
        HandoutFooter => "{practice} · Sus opciones de tratamiento · Preparado el {date}",
        SideBySide => "Sus opciones, una junto a otra",
        HandoutIntro => {
            "Calculamos el precio de cada opción por separado, como si fuera el único tratamiento. En las páginas siguientes verá cada opción línea por línea."
        }
        OptionNumber => "Opción {n}",
        TotalFee => "Costo total",
        InsurancePays => "Paga el seguro (aprox.)",
        YouPay => "Usted paga (aprox.)",
        MaximumLeft => "Máximo anual que le queda",
        Visits => "Citas",
        VisitOn => "{visit}: {date}",
        WaysToSave => "Cómo pagar menos",
        AdviceOneVisit => "la cita {visits}",
        AdviceVisits => "las citas {visits}",
        Advice => {
            "{option}: si pasa {what} al {date}, ya en su siguiente año de beneficios, cuando el deducible y el máximo anual vuelven a empezar, pagaría unos {saving} menos ({after} en lugar de {before}). Ese tratamiento se haría {days} más tarde."
        }
        Day => "{n} día",
        Days => "{n} días",
        NoMaximum => "Sin máximo",
        _ => "",
    }
}

/// The practice's name; the built-in placeholder in `lang`.
pub fn practice_name(lang: Language, name: &str) -> String {
    if name == crate::model::practice::DEFAULT_NAME {
        Msg::DefaultPractice.text(lang).to_string()
    } else {
        name.to_string()
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The message in `lang` with its blanks filled.
pub fn say(lang: Language, m: Msg, values: &[(&str, &str)]) -> String {
    fill(m.text(lang), values)
}

/// "Nov 23, 2026"; "23 de noviembre de 2026".
pub fn long_date(lang: Language, d: NaiveDate) -> String {
    match lang {
        Language::English => fmt::long_date(d),
        Language::Spanish => fmt::long_date_es(d),
    }
}

/// "1 de enero de 2026 – 31 de diciembre de 2026": a benefit year in Spanish.
pub fn benefit_year_spanish(start: NaiveDate, end: NaiveDate) -> String {
    format!(
        "{} – {}",
        long_date(Language::Spanish, start),
        long_date(Language::Spanish, end)
    )
}

/// "Primary insurance", "Seguro principal"...
pub fn payer_role(lang: Language, index: usize) -> String {
    match index {
        0 => Msg::Primary.text(lang).to_string(),
        1 => Msg::Secondary.text(lang).to_string(),
        2 => Msg::Third.text(lang).to_string(),
        n => say(lang, Msg::NthInsurance, &[("n", &(n + 1).to_string())]),
    }
}

/// The subscriber's relationship to the patient; None for the patient.
pub fn relation(lang: Language, r: Relationship) -> Option<&'static str> {
    let m = match r {
        Relationship::Subscriber => return None,
        Relationship::Spouse => Msg::Spouse,
        Relationship::Child => Msg::Child,
        Relationship::Other => Msg::OtherRelation,
    };
    Some(m.text(lang))
}

/// The office's network status with the plan, in plain words.
pub fn network(lang: Language, network: &Network) -> &'static str {
    match network {
        Network::InNetwork { .. } => Msg::InNetwork,
        Network::OutOfNetwork { .. } => Msg::OutOfNetwork,
        Network::Indemnity { .. } => Msg::Indemnity,
        Network::ScheduledAllowance { .. } => Msg::Scheduled,
        Network::Dhmo { .. } => Msg::Dhmo,
    }
    .text(lang)
}

/// The printed heading of a treatment-table column; None: keep the table's
/// (a plan's short name over its column when there are several payers).
pub fn column_title(lang: Language, key: ColumnKey, payers: usize) -> Option<&'static str> {
    let m = match key {
        ColumnKey::Number => Msg::ColLine,
        ColumnKey::Area => Msg::ColArea,
        ColumnKey::Code => Msg::ColCode,
        ColumnKey::Description => Msg::ColDescription,
        ColumnKey::Fee => Msg::ColFee,
        ColumnKey::WriteOff => Msg::ColDiscount,
        ColumnKey::Payer(_) if payers == 1 => Msg::ColInsurance,
        ColumnKey::Patient => Msg::ColYouPay,
        _ => return None,
    };
    Some(m.text(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_its_own_english_and_spanish_text_with_the_same_blanks() {
        let blanks = |t: &str| -> Vec<String> {
            let mut names: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            names.sort();
            names
        };
        for m in Msg::ALL {
            let (en, es) = (m.text(Language::English), m.text(Language::Spanish));
            assert!(!en.trim().is_empty() && !es.trim().is_empty(), "{m:?}");
            assert_eq!(blanks(en), blanks(es), "{m:?}: the same values fill both");
        }
        // Words that read the same in both languages are the only equal pairs.
        let same: Vec<Msg> = Msg::ALL
            .into_iter()
            .filter(|m| m.text(Language::English) == m.text(Language::Spanish))
            .collect();
        assert_eq!(same, [Msg::Total, Msg::BenPlan, Msg::VisitOn]);
    }

    #[test]
    fn spanish_dates_spell_the_month_and_english_keeps_its_form() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(long_date(Language::Spanish, d), "23 de noviembre de 2026");
        assert_eq!(long_date(Language::English, d), "Nov 23, 2026");
        let d = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(long_date(Language::Spanish, d), "1 de enero de 2027");
    }

    #[test]
    fn templates_fill_every_blank() {
        assert_eq!(
            say(
                Language::Spanish,
                Msg::PageOf,
                &[("page", "2"), ("pages", "5")]
            ),
            "Página 2 de 5"
        );
        assert_eq!(payer_role(Language::Spanish, 3), "Seguro n.º 4");
    }
}
