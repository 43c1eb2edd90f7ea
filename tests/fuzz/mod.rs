//! Structure-aware fuzzing in `cargo test` (issue 12, item 8): random treatment
//! plans built over the document model and estimated against the shipped library
//! (`documents`), and shipped files with random byte, line and token mutations fed
//! to the loader (`mutations`). Whatever the input: no panic; every estimate
//! reconciles line by line and in its totals, with no amount below zero; every
//! problem names its file and a position inside it.
//!
//! The sums here are computed in `i128` from whole cents, not with `Cents`'
//! own arithmetic, so a total that saturated or wrapped would not agree.

mod documents;
mod mutations;

use std::sync::OnceLock;

use ferrule::engine::{Estimate, EstimateInput};
use ferrule::library;
use ferrule::model::{Library, SourceFile, TreatmentOption};
use ferrule::money::Cents;

use crate::library::{ron_files, source};

/// How many cases a property runs: `default`, or `FERRULE_FUZZ_CASES` for a
/// longer search (`FERRULE_FUZZ_CASES=100000 cargo test --release fuzz::`).
pub fn cases(default: u32) -> u32 {
    std::env::var("FERRULE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// The shipped plans, as the loader is handed them.
pub fn shipped_plans() -> Vec<SourceFile> {
    ron_files("plans").iter().map(|rel| source(rel)).collect()
}

/// The shipped library (fee schedules and plans from the repository), loaded
/// once through `from_sources`, with no problems.
pub fn shipped() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let library = library::from_sources(&crate::library::shipped_schedules(), &shipped_plans());
        assert!(library.problems.is_empty(), "{:?}", library.problems);
        library
    })
}

fn cents(amount: Cents) -> i128 {
    i128::from(amount.cents())
}

/// Why an estimate of `option` is not sound, if it is not: each line of the option
/// is priced once; on every line `fee == write_off + sum(payments) + patient` and
/// no amount is negative; the totals (fee, allowed, write-off, deductible, each
/// payer's payments, patient) are the sums of the lines.
pub fn unsound(
    input: &EstimateInput<'_>,
    option: &TreatmentOption,
    estimate: &Estimate,
) -> Option<String> {
    let mut planned: Vec<u32> = option
        .visits
        .iter()
        .flat_map(|v| v.lines.iter().map(|l| l.id.0))
        .collect();
    let mut priced: Vec<u32> = estimate.lines.iter().map(|l| l.line.0).collect();
    planned.sort_unstable();
    priced.sort_unstable();
    if planned != priced {
        return Some(format!("lines {planned:?} planned, {priced:?} priced"));
    }
    let payers = input.payers.len();
    for line in &estimate.lines {
        let at = format!("line {} ({} {})", line.number, line.code, line.area);
        if line.payers.len() != payers {
            return Some(format!(
                "{at}: {} payer shares for {payers} payers",
                line.payers.len()
            ));
        }
        let paid: i128 = line.payers.iter().map(|p| cents(p.pays)).sum();
        let parts = cents(line.write_off) + paid + cents(line.patient);
        if cents(line.fee) != parts {
            return Some(format!(
                "{at}: fee {} but write-off {} + payments {paid} + patient {} = {parts}",
                line.fee.cents(),
                line.write_off.cents(),
                line.patient.cents()
            ));
        }
        let mut amounts = vec![
            ("fee", line.fee),
            ("allowed", line.allowed),
            ("write-off", line.write_off),
            ("deductible", line.deductible),
            ("patient", line.patient),
        ];
        for share in &line.payers {
            amounts.extend([
                ("payment", share.pays),
                ("payer's allowed", share.allowed),
                ("payer's deductible", share.deductible),
                ("normal benefit", share.normal_benefit),
            ]);
        }
        if let Some((what, amount)) = amounts.iter().find(|(_, a)| a.is_negative()) {
            return Some(format!("{at}: {what} is {}", amount.cents()));
        }
    }
    let sum = |f: &dyn Fn(&ferrule::engine::LineEstimate) -> Cents| -> i128 {
        estimate.lines.iter().map(|l| cents(f(l))).sum()
    };
    let t = &estimate.totals;
    let totals = [
        ("fee", t.fee, sum(&|l| l.fee)),
        ("allowed", t.allowed, sum(&|l| l.allowed)),
        ("write-off", t.write_off, sum(&|l| l.write_off)),
        ("deductible", t.deductible, sum(&|l| l.deductible)),
        ("patient", t.patient, sum(&|l| l.patient)),
    ];
    for (what, total, lines) in totals {
        if cents(total) != lines {
            return Some(format!(
                "total {what} {} but the lines sum to {lines}",
                total.cents()
            ));
        }
    }
    let plans: Vec<&str> = input.payers.iter().map(|p| p.plan.id.as_str()).collect();
    let named: Vec<&str> = t.insurance.iter().map(|(plan, _)| plan.as_str()).collect();
    if plans != named {
        return Some(format!("totals name payers {named:?}, the input {plans:?}"));
    }
    for (k, (plan, total)) in t.insurance.iter().enumerate() {
        let lines = sum(&|l| l.payers.get(k).map_or(Cents::ZERO, |s| s.pays));
        if cents(*total) != lines {
            return Some(format!(
                "total paid by {plan} {} but the lines sum to {lines}",
                total.cents()
            ));
        }
    }
    None
}

/// Why a problem shown as `shown` is not `path:line:column: message` with the
/// position inside the file of that path among `files`, if it is not. Columns
/// count characters; a column one past the end of the line is where a line
/// ends.
pub fn misplaced(shown: &str, files: &[SourceFile]) -> Option<String> {
    let Some(file) = files
        .iter()
        .find(|f| shown.starts_with(&format!("{}:", f.path.display())))
    else {
        return Some(format!("{shown:?} names none of the files"));
    };
    let rest = &shown[file.path.display().to_string().len() + 1..];
    let mut parts = rest.splitn(3, ':');
    let (Some(line), Some(column), Some(message)) = (parts.next(), parts.next(), parts.next())
    else {
        return Some(format!("{shown:?} has no line and column"));
    };
    let (Ok(line), Ok(column)) = (line.parse::<usize>(), column.parse::<usize>()) else {
        return Some(format!("{shown:?} has no line and column"));
    };
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    // As an editor numbers them: a newline at the very end starts no new line.
    let lines: Vec<&str> = if text.is_empty() {
        vec![""]
    } else {
        text.lines().collect()
    };
    let Some(content) = line.checked_sub(1).and_then(|i| lines.get(i)) else {
        return Some(format!(
            "{shown:?}: line {line} is not in the file ({} lines)",
            lines.len()
        ));
    };
    let width = content.chars().count();
    if column == 0 || column > width + 1 {
        return Some(format!(
            "{shown:?}: column {column} is not on line {line} ({width} characters)"
        ));
    }
    if !message.starts_with(' ') || message.trim().is_empty() {
        return Some(format!("{shown:?} has no message"));
    }
    None
}
