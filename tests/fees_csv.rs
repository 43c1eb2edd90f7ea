//! Issue 14: fee schedules from and to CSV. Header or none, `$1,234.50` and
//! `1234.5`, every bad row reported by row and column with nothing imported, and
//! export then import giving back the identical schedule.

use ferrule::import::fees_csv::{FeeCsvError, export_fees, import_fees};
use ferrule::library;
use ferrule::model::{CdtCode, FeeScheduleKind};

use crate::util::c;

fn import(text: &str) -> Result<ferrule::model::FeeSchedule, FeeCsvError> {
    let lib = library::sample();
    import_fees(
        text,
        "test-fees",
        "Test fees",
        FeeScheduleKind::Contracted,
        &lib.catalogue,
    )
    .map(|(s, _)| s)
}

fn fee(s: &ferrule::model::FeeSchedule, code: &str) -> Option<ferrule::money::Cents> {
    s.fee(CdtCode::parse(code).unwrap())
}

#[test]
fn header_columns_in_any_order_and_both_amount_styles() {
    let s = import("Description,Fee,Code,Effective Date\nCrown,\"$1,234.50\",D2740,2026-01-01\nExam,55,D0120,\n").unwrap();
    assert_eq!(fee(&s, "D2740"), Some(c("1234.50")));
    assert_eq!(fee(&s, "D0120"), Some(c("55.00")));
    assert_eq!(s.fees.len(), 2);
    assert_eq!(
        (s.id.as_str(), s.kind),
        ("test-fees", FeeScheduleKind::Contracted)
    );
}

#[test]
fn no_header_means_code_then_fee() {
    let s = import("D2740,1234.5\nD0120,55.00\n\n").unwrap();
    assert_eq!(fee(&s, "D2740"), Some(c("1234.50")));
    assert_eq!(fee(&s, "D0120"), Some(c("55.00")));
}

#[test]
fn every_bad_row_is_reported_and_nothing_imported() {
    let text = "code,fee\nD0120,55\nD0120,60\nD9999x,10\nD0999,10\nD1110,-5\nD2740,12.345\nD0140\n";
    let err = import(text).unwrap_err();
    let FeeCsvError::Rows(problems) = &err else {
        panic!("{err}")
    };
    let got: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        got[0],
        "row 3, column code: D0120 is listed twice (first on row 2)"
    );
    assert!(got[1].starts_with("row 4, column code: "), "{got:?}");
    assert_eq!(
        got[2],
        "row 5, column code: D0999 is not in the code catalogue"
    );
    assert_eq!(
        got[3],
        "row 6, column fee: negative amount \"-5\": fees are zero or more"
    );
    assert_eq!(
        got[4],
        "row 7, column fee: expected at most two decimals (cents) in \"12.345\""
    );
    assert_eq!(
        got[5],
        "row 8, column fee: the row has 1 columns; the fee is column 2"
    );
    assert_eq!(got.len(), 6);
    assert!(
        err.to_string()
            .starts_with("6 problems in the CSV, nothing imported:")
    );
}

#[test]
fn a_missing_fee_column_is_named() {
    let err = import("code,description\nD0120,Exam\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "the CSV has no fee column: the header should name \"code\" and \"fee\" (found: code, description)"
    );
}

#[test]
fn a_bad_effective_date_is_a_row_problem() {
    let err = import("code,fee,effective\nD0120,55,next week\n").unwrap_err();
    assert!(
        err.to_string()
            .contains("row 2, column effective date: \"next week\" is not a date"),
        "{err}"
    );
}

#[test]
fn every_shipped_schedule_round_trips_through_csv() {
    let lib = library::sample();
    for s in lib.fee_schedules.values() {
        let csv = export_fees(s, &lib.catalogue).unwrap();
        let (back, notes) = import_fees(&csv, &s.id, &s.name, s.kind, &lib.catalogue).unwrap();
        assert_eq!(&back, s, "{}", s.id);
        assert_eq!(notes.rows, s.fees.len());
    }
    let summit = &lib.fee_schedules["summit-ppo-2026"];
    let csv = export_fees(summit, &lib.catalogue).unwrap();
    assert!(csv.starts_with("code,fee,description\n"), "{csv}");
    assert!(csv.contains("\nD2740,955.00,"), "{csv}");
}
