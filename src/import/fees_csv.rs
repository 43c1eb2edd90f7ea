//! Fee schedules as CSV: columns code and fee, optionally description and
//! effective date, with or without a header row. Amounts go through
//! `Cents::parse` (`$1,234.50` and `1234.5` both read; negative amounts and a third
//! decimal refused). Every bad row is reported by row and column, and a file with
//! any problem imports nothing. Export writes code, fee and description, and reads
//! back to the identical schedule.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use crate::model::{CdtCode, CodeCatalogue, FeeSchedule, FeeScheduleKind};
use crate::money::{Cents, MoneyError};

/// One problem in a CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// Line in the file (1 is the first).
    pub row: u64,
    /// The column's name.
    pub column: &'static str,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {}, column {}: {}",
            self.row, self.column, self.message
        )
    }
}

/// Why a CSV was not imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FeeCsvError {
    /// Nothing but blank lines.
    #[error("the CSV file has no rows")]
    Empty,
    /// The header lacks the code or the fee column.
    #[error("the CSV has no {0} column: the header should name \"code\" and \"fee\" (found: {1})")]
    MissingColumn(&'static str, String),
    /// Bad rows; nothing was imported.
    #[error("{} problem{} in the CSV, nothing imported:\n{}", .0.len(), if .0.len() == 1 { "" } else { "s" }, list(.0))]
    Rows(Vec<CsvProblem>),
    /// Not readable as CSV at all.
    #[error("the file cannot be read as CSV: {0}")]
    Unreadable(String),
}

fn list(problems: &[CsvProblem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
    lines.join("\n")
}

/// Which column holds what (0-based).
#[derive(Clone, Copy, Debug)]
struct Columns {
    code: usize,
    fee: usize,
    effective: Option<usize>,
}

/// Finds the columns from a header row; None when the row is data, not a header.
fn header(fields: &[String]) -> Result<Option<Columns>, FeeCsvError> {
    let looks_like_data = fields.first().is_some_and(|f| CdtCode::parse(f).is_ok());
    if looks_like_data {
        return Ok(None);
    }
    let find = |names: &[&str]| {
        fields.iter().position(|f| {
            let f = f.trim().to_lowercase();
            names.iter().any(|n| f == *n)
        })
    };
    let found = fields.join(", ");
    let code = find(&["code", "cdt", "cdt code", "procedure code", "procedure"])
        .ok_or_else(|| FeeCsvError::MissingColumn("code", found.clone()))?;
    let fee = find(&[
        "fee",
        "amount",
        "price",
        "allowed",
        "allowance",
        "copay",
        "fee amount",
    ])
    .ok_or(FeeCsvError::MissingColumn("fee", found))?;
    Ok(Some(Columns {
        code,
        fee,
        effective: find(&["effective", "effective date", "effective_date"]),
    }))
}

/// What an import found besides the schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportNotes {
    /// Rows whose effective date was read (fee schedules keep no dates).
    pub dated_rows: usize,
    /// Rows read.
    pub rows: usize,
}

/// Reads `text` into a fee schedule `id` named `name` of `kind`. Codes must be in
/// `catalogue`.
pub fn import_fees(
    text: &str,
    id: &str,
    name: &str,
    kind: FeeScheduleKind,
    catalogue: &CodeCatalogue,
) -> Result<(FeeSchedule, ImportNotes), FeeCsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| FeeCsvError::Unreadable(e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let fields: Vec<String> = record.iter().map(str::to_string).collect();
        if fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        rows.push((line, fields));
    }
    let Some((_, first)) = rows.first() else {
        return Err(FeeCsvError::Empty);
    };
    let (columns, skip) = match header(first)? {
        Some(c) => (c, 1),
        None => {
            let count = first.len();
            let columns = Columns {
                code: 0,
                fee: 1,
                effective: (count > 3).then_some(3),
            };
            (columns, 0)
        }
    };
    let mut problems = Vec::new();
    let mut fees = BTreeMap::new();
    let mut first_row: BTreeMap<CdtCode, u64> = BTreeMap::new();
    let mut notes = ImportNotes::default();
    for (line, fields) in rows.iter().skip(skip) {
        if let Some((code, fee)) = row(*line, fields, columns, catalogue, &mut problems, &mut notes)
        {
            if let Some(before) = first_row.get(&code) {
                problems.push(CsvProblem {
                    row: *line,
                    column: "code",
                    message: format!("{code} is listed twice (first on row {before})"),
                });
                continue;
            }
            first_row.insert(code, *line);
            fees.insert(code, fee);
            notes.rows += 1;
        }
    }
    if !problems.is_empty() {
        return Err(FeeCsvError::Rows(problems));
    }
    let schedule = FeeSchedule {
        format: 1,
        id: id.to_string(),
        name: name.to_string(),
        kind,
        fees,
        versions: Vec::new(),
        notes: None,
    };
    Ok((schedule, notes))
}

/// One data row; its problems go to `problems`.
fn row(
    line: u64,
    fields: &[String],
    columns: Columns,
    catalogue: &CodeCatalogue,
    problems: &mut Vec<CsvProblem>,
    notes: &mut ImportNotes,
) -> Option<(CdtCode, Cents)> {
    let mut problem = |column, message: String| {
        problems.push(CsvProblem {
            row: line,
            column,
            message,
        });
    };
    let cell = |i: usize| fields.get(i).map(String::as_str);
    let code = match cell(columns.code) {
        None | Some("") => {
            problem("code", "no code".into());
            None
        }
        Some(text) => match CdtCode::parse(text) {
            Ok(code) if catalogue.get(code).is_some() => Some(code),
            Ok(code) => {
                problem("code", format!("{code} is not in the code catalogue"));
                None
            }
            Err(e) => {
                problem("code", e.to_string());
                None
            }
        },
    };
    let fee = match cell(columns.fee) {
        None => {
            problem(
                "fee",
                format!(
                    "the row has {} columns; the fee is column {}",
                    fields.len(),
                    columns.fee + 1
                ),
            );
            None
        }
        Some(text) => match Cents::parse_non_negative(text) {
            Ok(fee) => Some(fee),
            Err(MoneyError::Negative(t)) => {
                problem(
                    "fee",
                    format!("negative amount {t:?}: fees are zero or more"),
                );
                None
            }
            Err(e) => {
                problem("fee", e.to_string());
                None
            }
        },
    };
    if let Some(text) = columns.effective.and_then(cell).filter(|t| !t.is_empty()) {
        let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(text, "%m/%d/%Y"));
        match parsed {
            Ok(_) => notes.dated_rows += 1,
            Err(_) => problem(
                "effective date",
                format!("{text:?} is not a date such as 2026-01-01"),
            ),
        }
    }
    Some((code?, fee?))
}

/// The schedule as CSV: a header, then code, fee (plain `1234.50`) and the
/// catalogue's name, in code order.
pub fn export_fees(schedule: &FeeSchedule, catalogue: &CodeCatalogue) -> Result<String, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| e.to_string();
    writer
        .write_record(["code", "fee", "description"])
        .map_err(err)?;
    for (code, fee) in &schedule.fees {
        let name = catalogue.get(*code).map_or("", |c| c.name.as_str());
        writer
            .write_record([code.to_string(), fee.to_plain_string(), name.to_string()])
            .map_err(err)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
