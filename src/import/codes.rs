//! The X12 code lists the 271 import reads, in words (dental-benefits.md §9).

use crate::model::ProcedureClass;
use crate::model::treatment_plan::Relationship;

/// AAA03: why the carrier rejected a request (the common ones; others by code).
pub fn reject_reason(code: &str) -> String {
    let words = match code {
        "04" => "the provider is not authorized to ask",
        "15" => "required information is missing from the request",
        "41" => "the request needs authorization the provider does not have",
        "42" => "the carrier cannot answer right now",
        "43" => "the provider's identification is invalid or missing",
        "45" => "the provider's specialty is invalid or missing",
        "47" => "the provider's state is invalid or missing",
        "51" => "the provider is not on the carrier's file",
        "52" => "the service dates are not within the provider's plan enrollment",
        "56" => "the date of service is not acceptable",
        "57" => "the date of service is invalid or missing",
        "58" => "the birth date is invalid or missing",
        "60" => "the birth date is after the date of service",
        "62" => "the date of death is before the date of service",
        "63" => "the date of service is in the future",
        "71" => "the patient's birth date does not match the carrier's records",
        "72" => "the member id is invalid or missing",
        "73" => "the subscriber's name is invalid or missing",
        "74" => "the subscriber's gender is invalid or missing",
        "75" => "the subscriber was not found",
        "76" => "the subscriber appears more than once in the carrier's records",
        "78" => "the subscriber is not in the group or plan named",
        "79" => "the patient's identification is invalid",
        "80" => "no response was received from the carrier's system",
        _ => "the carrier gave no reason Ferrule knows",
    };
    words.to_string()
}

/// AAA04: what the carrier asks the provider to do next.
pub fn follow_up(code: &str) -> &'static str {
    match code {
        "C" => "correct the request and send it again",
        "N" => "do not send it again",
        "P" => "send it again later",
        "R" => "send it again",
        "S" => "do not send it again; wait for the carrier",
        "W" => "wait 30 days and send it again",
        "X" => "wait 10 days and send it again",
        "Y" => "do not send it again; wait for a response",
        _ => "",
    }
}

/// A service type code (EB03) in words, for review items.
pub fn service_type(code: &str) -> &'static str {
    match code {
        "4" => "diagnostic X-ray",
        "5" => "diagnostic lab",
        "7" => "anesthesia",
        "23" => "diagnostic dental",
        "24" => "periodontics",
        "25" => "restorative",
        "26" => "endodontics",
        "27" => "maxillofacial prosthetics",
        "28" => "adjunctive dental services",
        "30" => "health benefit plan coverage",
        "35" => "dental care",
        "36" => "dental crowns",
        "37" => "dental accident",
        "38" => "orthodontics",
        "39" => "prosthodontics",
        "40" => "oral surgery",
        "41" => "routine (preventive) dental",
        _ => "a service type Ferrule does not know",
    }
}

/// The one Ferrule class a service type code stands for, when it is that clear
/// (dental-benefits.md §9.4 default table). Codes for the whole plan (30, 35), for
/// part of a class (4, 5, 7, 27) or for no class (37) have none: their facts go to
/// the review list.
pub fn class_of_service_type(code: &str) -> Option<ProcedureClass> {
    Some(match code {
        "23" => ProcedureClass::Diagnostic,
        "41" => ProcedureClass::Preventive,
        "25" => ProcedureClass::BasicRestorative,
        "36" => ProcedureClass::MajorRestorative,
        "26" => ProcedureClass::Endodontics,
        "24" => ProcedureClass::Periodontics,
        "39" => ProcedureClass::Prosthodontics,
        "40" => ProcedureClass::OralSurgery,
        "38" => ProcedureClass::Orthodontics,
        "28" => ProcedureClass::Adjunctive,
        _ => return None,
    })
}

/// True for the service types that mean the whole dental plan.
pub fn is_general(code: &str) -> bool {
    matches!(code, "30" | "35")
}

/// INS02 relationship code to Ferrule's relationship, when it is one of the four.
pub fn relationship(code: &str) -> Option<Relationship> {
    match code {
        "18" => Some(Relationship::Subscriber),
        "01" => Some(Relationship::Spouse),
        "19" => Some(Relationship::Child),
        "" => None,
        _ => Some(Relationship::Other),
    }
}

/// EB06 / HSD05 time period in words.
pub fn period(code: &str) -> &'static str {
    match code {
        "7" => "day",
        "21" => "years",
        "22" => "service year",
        "23" => "calendar year",
        "24" => "year to date",
        "25" => "contract",
        "26" => "episode",
        "27" => "visit",
        "29" => "remaining",
        "32" => "lifetime",
        "33" => "lifetime remaining",
        "34" => "month",
        "35" => "week",
        "" => "no period",
        _ => "another period",
    }
}
