//! The estimate engine: a pure function from [`EstimateInput`] to [`Estimate`].
//! No GUI, no files, no clock: the as-of date is an input.
//!
//! Each payer first decides every line (eligibility, bundling, exclusions, age,
//! frequency: `rules`), then lines are priced in date order, then plan order; for
//! each line every payer in turn computes its normal benefit against its own
//! running deductible and maximums (`pricing`), later payers coordinate with what
//! earlier ones paid (`cob`), and the patient owes the rest of what the office may
//! collect. Every line satisfies `fee = write-off + payments + patient`.

mod accumulators;
mod benefit_tables;
mod carrier_settings;
pub mod check;
mod check_staff;
mod cob;
pub mod coding;
mod estimate;
mod few;
mod input;
pub mod ortho;
mod overrides;
pub mod payer_order;
mod pricing;
pub mod providers;
pub mod rules;
mod services;
pub mod step;
pub mod step_detail;
pub mod window;

pub use estimate::{Estimate, LineEstimate, PayerShare, Remaining, Totals};
pub use input::{EstimateError, EstimateInput, Payer, PayerNames, payers_for};
pub use step::{Flag, Step};

use accumulators::Accumulators;
use rules::Outcome;

use crate::money::Cents;

/// Prices one treatment option for one patient under the payers given.
pub fn estimate(input: &EstimateInput<'_>) -> Estimate {
    // The coding checks depend on the option only: run once for every payer.
    estimate_with(input, &rules::CodingDenials::new(input))
}

/// [`estimate`] with the option's coding denials found already (a comparison
/// finds them once per option, not once per payer setup).
pub(crate) fn estimate_with(input: &EstimateInput<'_>, coding: &rules::CodingDenials) -> Estimate {
    let mut services = services::services(input.option, input.catalogue, input.office_fees);
    providers::office_fees(&input.providers, input.office_fees, &mut services);
    let order = services::pricing_order(&services);
    let mut outcomes: Vec<Vec<Outcome>> = input
        .payers
        .iter()
        .map(|payer| rules::decide(input, payer, &services, &order, coding))
        .collect();
    let mut accumulators: Vec<Accumulators<'_>> = input
        .payers
        .iter()
        .map(|p| Accumulators::new(p.plan, p.coverage, input.as_of))
        .collect();
    let initial = accumulators.clone();

    let mut lines: Vec<Option<LineEstimate>> = vec![None; services.len()];
    for &i in &order {
        let Some(service) = services.get(i) else {
            continue;
        };
        let line = cob::price_line(input, service, i, &mut outcomes, &mut accumulators);
        if let Some(slot) = lines.get_mut(i) {
            *slot = Some(line);
        }
    }
    let lines: Vec<LineEstimate> = lines.into_iter().flatten().collect();
    let totals = totals(input, &lines);
    let remaining = remaining(input, &initial, &accumulators, &lines);
    Estimate {
        lines,
        totals,
        remaining,
    }
}

fn totals(input: &EstimateInput<'_>, lines: &[LineEstimate]) -> Totals {
    let sum = |f: &dyn Fn(&LineEstimate) -> Cents| lines.iter().map(f).sum::<Cents>();
    Totals {
        fee: sum(&|l| l.fee),
        allowed: sum(&|l| l.allowed),
        write_off: sum(&|l| l.write_off),
        deductible: sum(&|l| l.deductible),
        insurance: input
            .payers
            .iter()
            .enumerate()
            .map(|(k, p)| {
                (
                    p.plan.id.clone(),
                    sum(&|l| l.payers.get(k).map_or(Cents::ZERO, |s| s.pays)),
                )
            })
            .collect(),
        patient: sum(&|l| l.patient),
    }
}

/// Benefits left per plan for the as-of benefit year and every year a line falls in.
fn remaining(
    input: &EstimateInput<'_>,
    initial: &[Accumulators<'_>],
    after: &[Accumulators<'_>],
    lines: &[LineEstimate],
) -> Vec<Remaining> {
    let mut out = Vec::new();
    for ((payer, before), after) in input.payers.iter().zip(initial).zip(after) {
        let mut starts = after.years();
        for line in lines {
            let dos = match payer.plan.settings.date_of_service {
                crate::model::plan::DateOfServiceBasis::Completion => line.date,
                crate::model::plan::DateOfServiceBasis::Start => line.started,
            };
            starts.push(after.year_of(dos).0);
        }
        starts.sort();
        starts.dedup();
        for start in starts {
            let (year_start, year_end) = after.year_of(start);
            let class_before = before.class_maximums_left(start);
            let class_after = after.class_maximums_left(start);
            out.push(Remaining {
                plan: payer.plan.id.clone(),
                year_start,
                year_end,
                maximum_before: before.maximum_left(start),
                maximum_after: after.maximum_left(start),
                deductible_before: before.deductible_left(start),
                deductible_after: after.deductible_left(start),
                class_maximums: class_before
                    .into_iter()
                    .zip(class_after)
                    .map(|((name, b), (_, a))| (name, b, a))
                    .collect(),
            });
        }
    }
    out
}
pub mod advisor;
pub mod compare;
pub use advisor::{Advice, advise};
pub use compare::{
    CellRef, Comparison, ComparisonRow, PayerSetup, RowKey, Scenario, ScenarioKey, ScenarioResult,
    ScenarioTotals, TotalsDiffer, compare, compare_with_progress, scenarios_for,
};
