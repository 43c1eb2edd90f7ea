//! Keep-together on paper (issue 17): for every plan size from 1 to 60 lines and
//! 1 to 3 payers, the table's total row, the "you pay" summary and the signature
//! block are on one page, and that page also carries at least one treatment line
//! (the closing block never stands alone on a page).

use std::path::Path;

use chrono::NaiveDate;
use ferrule::engine::{self, EstimateInput};
use ferrule::export::{self, Layout, Paper, Printout};
use ferrule::library;
use ferrule::model::practice::PracticeSettings;
use ferrule::model::{Library, TreatmentPlan};
use ferrule::report::PrintedEstimate;
use ferrule::report::printed::words;

/// Twelve kinds of line (exams, X-rays, fillings, a buildup and crown, a root
/// canal, gum therapy, an extraction), repeated to make plans of any size; the
/// 60-line print test uses them too.
pub const LINES: [&str; 12] = [
    r#"(code: "D0120")"#,
    r#"(code: "D1110")"#,
    r#"(code: "D0220", tooth: "3")"#,
    r#"(code: "D2392", tooth: "14", surfaces: "MO")"#,
    r#"(code: "D2950", tooth: "30")"#,
    r#"(code: "D2740", tooth: "30")"#,
    r#"(code: "D3330", tooth: "19")"#,
    r#"(code: "D4341", quadrant: UR)"#,
    r#"(code: "D7140", tooth: "1")"#,
    r#"(code: "D2790", tooth: "2")"#,
    r#"(code: "D0274")"#,
    r#"(code: "D2391", tooth: "29", surfaces: "O")"#,
];

const COVERAGE: [&str; 3] = [
    r#"(plan: "summit-ppo-1500", relationship: Subscriber, effective: "2020-01-01")"#,
    r#"(plan: "bayside-ppo-2000", subscriber: "Casey Ward", relationship: Spouse, effective: "2021-06-01")"#,
    r#"(plan: "crestline-indemnity", subscriber: "Robin Ward", relationship: Other, effective: "2022-01-01")"#,
];

/// `lines` lines, five to a visit three weeks apart, under the first `payers` plans.
fn plan(lines: usize, payers: usize) -> TreatmentPlan {
    let mut visits = String::new();
    for (v, chunk) in (0..lines).collect::<Vec<_>>().chunks(5).enumerate() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap() + chrono::Days::new(v as u64 * 21);
        let body: Vec<&str> = chunk.iter().map(|n| LINES[n % LINES.len()]).collect();
        visits.push_str(&format!(
            "(id: {id}, name: \"Visit {id}\", date: \"{day}\", lines: [{}]),\n",
            body.join(", "),
            id = v + 1,
        ));
    }
    let text = format!(
        r#"TreatmentPlan(
    format: 1,
    patient: (name: "Sam Ward", birth_date: "1980-04-02"),
    coverage: [{}],
    options: [(name: "Plan", visits: [{visits}])],
)"#,
        COVERAGE[..payers].join(", ")
    );
    library::parse_treatment_plan(Path::new("keep.ron"), &text).unwrap()
}

fn layout(lib: &Library, plan: &TreatmentPlan) -> Layout {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let input = EstimateInput::from_document(lib, plan, None, as_of).unwrap();
    let estimate = engine::estimate(&input);
    let printed = PrintedEstimate::new(
        &PracticeSettings::default(),
        plan,
        lib,
        input.option,
        &estimate,
        as_of,
    );
    export::layout_estimate(&Printout::new(printed, None), Paper::Letter).unwrap()
}

/// The first page whose texts include `text`.
fn page_of(layout: &Layout, text: &str) -> Option<usize> {
    (0..layout.pages.len()).find(|&i| layout.page_text(i).contains(&text))
}

#[test]
fn total_you_pay_and_signatures_share_a_page_with_a_treatment_line() {
    let lib = library::load_dir(Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut page_counts = std::collections::BTreeSet::new();
    for payers in 1..=3 {
        for lines in 1..=60 {
            let layout = layout(&lib, &plan(lines, payers));
            let case = format!("{lines} lines, {payers} payers");
            let total = page_of(&layout, "Total").unwrap_or_else(|| panic!("{case}: no Total"));
            let you_pay = page_of(&layout, words::YOUR_TOTAL).expect("summary");
            let signature = page_of(&layout, words::PATIENT_SIGNATURE).expect("signature");
            assert_eq!((you_pay, signature), (total, total), "{case}");
            // A treatment line (its code cell) on the same page, before the total.
            let texts = layout.page_text(total);
            let total_at = texts.iter().position(|t| *t == "Total").unwrap();
            let has_line = texts[..total_at].iter().any(|t| {
                t.len() == 5 && t.starts_with('D') && t[1..].bytes().all(|b| b.is_ascii_digit())
            });
            assert!(
                has_line,
                "{case}: the closing block stands alone on page {}",
                total + 1
            );
            page_counts.insert(layout.pages.len());
        }
    }
    // The sweep did cross page breaks, so the rule was really exercised.
    assert!(page_counts.len() >= 3, "page counts seen: {page_counts:?}");
}
