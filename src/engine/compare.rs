//! Side-by-side comparison: treatment options priced under payer setups.
//!
//! A [`Scenario`] is one treatment option under one [`PayerSetup`] (a plan alone,
//! the patient's primary + secondary, or no insurance). [`compare`] prices every
//! scenario on its own, with its own fresh accumulators, so one option never uses
//! up another option's maximum or deductible. The lines of all scenarios are then
//! lined up into [`ComparisonRow`]s by area and code, and each row says whether
//! the patient amounts differ from one scenario to the next.
//!
//! The patient's file is only read: picking other plans builds new coverage
//! records inside the scenarios (see [`PayerSetup::plan_alone`]).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::coding::{self, CodingNote};
use super::estimate::{Estimate, LineEstimate};
use super::input::{EstimateError, EstimateInput};
use super::rules::CodingDenials;
use crate::model::plan::BenefitYear;
use crate::model::{
    Area, CdtCode, Coverage, Library, LineId, OptionId, TreatmentOption, TreatmentPlan,
};
use crate::money::Cents;

/// Who pays in a scenario: coverage records in payer order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayerSetup {
    /// Shown in column headings: "summit-ppo-1500", "summit-ppo-1500 + medicaid-secondary",
    /// "no insurance".
    pub label: String,
    /// Payers, primary first; empty = no insurance.
    pub coverage: Vec<Coverage>,
}

impl PayerSetup {
    /// The patient's own coverage, as on file.
    pub fn patient(plan: &TreatmentPlan) -> PayerSetup {
        PayerSetup {
            label: label_of(&plan.coverage),
            coverage: plan.coverage.clone(),
        }
    }

    /// No insurance at all: the patient owes the office fee.
    pub fn no_insurance() -> PayerSetup {
        PayerSetup {
            label: label_of(&[]),
            coverage: Vec::new(),
        }
    }

    /// Library plan `plan_id` as the only payer. When the patient's file already
    /// has coverage under that plan, its record (dates, amounts used, history) is
    /// copied; otherwise the coverage is new, nothing used, effective from the
    /// patient's primary coverage's effective date, or from `as_of` when the
    /// patient has no coverage or its effective date is blank.
    pub fn plan_alone(plan: &TreatmentPlan, plan_id: &str, as_of: NaiveDate) -> PayerSetup {
        let coverage = plan
            .coverage
            .iter()
            .find(|c| c.plan == plan_id)
            .cloned()
            .unwrap_or_else(|| {
                let effective = plan.coverage.first().and_then(|c| c.effective);
                Coverage::new(plan_id, effective.unwrap_or(as_of))
            });
        PayerSetup {
            label: plan_id.to_string(),
            coverage: vec![coverage],
        }
    }
}

fn label_of(coverage: &[Coverage]) -> String {
    if coverage.is_empty() {
        "no insurance".to_string()
    } else {
        coverage
            .iter()
            .map(|c| c.plan.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// One treatment option under one payer setup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// The treatment option.
    pub option: OptionId,
    /// Its name, for column headings (names need not be unique).
    pub option_name: String,
    /// Who pays.
    pub setup: PayerSetup,
}

/// What identifies a scenario across recomputations: its option and its payers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ScenarioKey {
    /// The treatment option.
    pub option: OptionId,
    /// The payer setup's label.
    pub setup: String,
}

impl Scenario {
    /// Column heading: "<option> / <setup label>".
    pub fn title(&self) -> String {
        format!("{} / {}", self.option_name, self.setup.label)
    }

    /// The scenario's identity.
    pub fn key(&self) -> ScenarioKey {
        ScenarioKey {
            option: self.option,
            setup: self.setup.label.clone(),
        }
    }

    /// `option` under `setup`.
    pub fn new(option: &TreatmentOption, setup: PayerSetup) -> Scenario {
        Scenario {
            option: option.id,
            option_name: option.name.clone(),
            setup,
        }
    }
}

/// The scenarios `ferrule compare` builds: each chosen option (all options when
/// `options` is empty; each picked by name or id) under the patient's own coverage
/// when `plan_ids` is empty, otherwise under each named library plan alone
/// ([`PayerSetup::plan_alone`]). Options vary slowest: option 1 under every plan,
/// then option 2, ...
///
/// Plan ids are not checked here; [`compare`] reports unknown plans.
pub fn scenarios_for(
    plan: &TreatmentPlan,
    options: &[String],
    plan_ids: &[String],
    as_of: NaiveDate,
) -> Result<Vec<Scenario>, EstimateError> {
    let chosen: Vec<&TreatmentOption> = if options.is_empty() {
        plan.options.iter().collect()
    } else {
        options
            .iter()
            .map(|wanted| plan.choose_option(wanted))
            .collect::<Result<_, _>>()?
    };
    let setups: Vec<PayerSetup> = if plan_ids.is_empty() {
        vec![PayerSetup::patient(plan)]
    } else {
        plan_ids
            .iter()
            .map(|id| PayerSetup::plan_alone(plan, id, as_of))
            .collect()
    };
    Ok(chosen
        .iter()
        .flat_map(|option| {
            setups
                .iter()
                .map(|setup| Scenario::new(option, setup.clone()))
        })
        .collect())
}

/// One priced scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioResult {
    /// What was priced.
    pub scenario: Scenario,
    /// The estimate, priced on its own.
    pub estimate: Estimate,
    /// Coding checks and documentation reminders for the option's lines
    /// (shared by the scenarios of one option).
    pub notes: Arc<[CodingNote]>,
    /// Where each line sits in `estimate.lines`, so a cell finds its line at once.
    line_index: HashMap<LineId, usize>,
}

impl ScenarioResult {
    /// The estimate's line for a planned line.
    pub fn line(&self, id: LineId) -> Option<&LineEstimate> {
        let at = *self.line_index.get(&id)?;
        self.estimate.lines.get(at)
    }
}

/// What lines up a row: the area ("#19", "UR quadrant") and the code, plus which
/// repeat of that pair within one scenario (0 for the first D0120, 1 for the
/// second).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RowKey {
    /// The tooth ("#19") when the line names one, else the area text.
    pub area: String,
    /// The code.
    pub code: CdtCode,
    /// 0-based repeat of (area, code) within a scenario.
    pub repeat: usize,
}

impl RowKey {
    fn of(line: &LineEstimate, repeat: usize) -> RowKey {
        RowKey {
            area: RowKey::area_of(line).to_string(),
            code: line.code,
            repeat,
        }
    }

    /// The area a row is keyed by: the tooth when the line names one.
    fn area_of(line: &LineEstimate) -> Area {
        line.area.tooth().map_or(line.area, Area::Tooth)
    }
}

/// Which line of its scenario a cell shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellRef {
    /// The planned line's id.
    pub line: LineId,
}

/// One row of the comparison: the same procedure across scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparisonRow {
    /// What matched the lines.
    pub key: RowKey,
    /// "D2740 #19 Crown - porcelain/ceramic" (from the first line seen).
    pub label: String,
    /// One cell per scenario, in scenario order; None = that scenario has no such line.
    pub cells: Vec<Option<CellRef>>,
    /// The patient amounts are not all the same (a missing line counts as different).
    pub differs: bool,
}

/// The totals of one scenario as the comparison shows them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScenarioTotals {
    /// Office fees.
    pub fee: Cents,
    /// All insurance payments.
    pub insurance: Cents,
    /// Write-offs.
    pub write_off: Cents,
    /// Patient.
    pub patient: Cents,
    /// The first plan's annual maximum left after this option, in the benefit year
    /// containing the as-of date; None without insurance or without a maximum.
    pub remaining_maximum_after: Option<Cents>,
}

/// Which total rows differ across scenarios.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TotalsDiffer {
    /// Office fee.
    pub fee: bool,
    /// Insurance.
    pub insurance: bool,
    /// Write-off.
    pub write_off: bool,
    /// Patient.
    pub patient: bool,
    /// Remaining maximum after.
    pub remaining_maximum_after: bool,
}

/// Scenarios side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The as-of date every scenario was priced at.
    pub as_of: NaiveDate,
    /// Columns, in the order given.
    pub scenarios: Vec<ScenarioResult>,
    /// Lines matched across scenarios first (first-seen order), then lines found
    /// in one scenario only.
    pub rows: Vec<ComparisonRow>,
    /// Totals, one per scenario.
    pub totals: Vec<ScenarioTotals>,
    /// Which totals differ.
    pub totals_differ: TotalsDiffer,
}

impl Comparison {
    /// The line behind a cell (its steps are the "why").
    pub fn line(&self, row: &ComparisonRow, scenario: usize) -> Option<&LineEstimate> {
        let cell = row.cells.get(scenario).copied().flatten()?;
        self.scenarios.get(scenario)?.line(cell.line)
    }

    /// The line in the row `row` for the scenario `scenario`, both by key.
    pub fn cell(&self, row: RowKey, scenario: &ScenarioKey) -> Option<&LineEstimate> {
        let row = self.rows.iter().find(|r| r.key == row)?;
        let k = self
            .scenarios
            .iter()
            .position(|s| s.scenario.key() == *scenario)?;
        self.line(row, k)
    }

    /// Patient total per scenario (for a bar chart).
    pub fn patient_totals(&self) -> Vec<Cents> {
        self.totals.iter().map(|t| t.patient).collect()
    }

    /// Index of the scenario with the lowest patient total (the first on ties).
    pub fn cheapest_for_patient(&self) -> Option<usize> {
        self.totals
            .iter()
            .enumerate()
            .min_by_key(|(k, t)| (t.patient, *k))
            .map(|(k, _)| k)
    }
}

/// Looks up an option by id.
pub(crate) fn find_option(
    plan: &TreatmentPlan,
    id: OptionId,
) -> Result<&TreatmentOption, EstimateError> {
    plan.option(id).ok_or(EstimateError::NoSuchOption(id))
}

/// Prices `option` for the patient of `plan` under `coverage`, on its own.
pub(crate) fn price(
    library: &Library,
    plan: &TreatmentPlan,
    option: &TreatmentOption,
    coverage: &[Coverage],
    as_of: NaiveDate,
) -> Result<Estimate, EstimateError> {
    let input = EstimateInput::for_option(library, plan, option, coverage, as_of)?;
    Ok(super::estimate(&input))
}

/// What the scenarios of one option share: the coding notes, and the lines
/// the checks deny per benefit year meant by "the same year" (the first
/// payer's), found once rather than once per scenario (taken from the notes
/// when they were made for that year).
#[derive(Default)]
struct PerOption {
    notes: HashMap<OptionId, Arc<[CodingNote]>>,
    denials: Vec<((OptionId, BenefitYear), CodingDenials)>,
}

impl PerOption {
    /// Prices `option` under `coverage` with the option's shared findings.
    fn price(
        &mut self,
        library: &Library,
        plan: &TreatmentPlan,
        option: &TreatmentOption,
        coverage: &[Coverage],
        as_of: NaiveDate,
    ) -> Result<Estimate, EstimateError> {
        let input = EstimateInput::for_option(library, plan, option, coverage, as_of)?;
        let key = (option.id, CodingDenials::year(&input));
        if let Some((_, denials)) = self.denials.iter().find(|(k, _)| *k == key) {
            return Ok(super::estimate_with(&input, denials));
        }
        // The option's notes already hold its denials when they were made for
        // the same benefit year.
        let denials = if key.1 == coding::benefit_year(library, &plan.coverage) {
            CodingDenials::from_notes(&self.notes(library, plan, option))
        } else {
            CodingDenials::new(&input)
        };
        let estimate = super::estimate_with(&input, &denials);
        self.denials.push((key, denials));
        Ok(estimate)
    }

    /// The option's coding notes ("the same year" is the patient's first plan's).
    fn notes(
        &mut self,
        library: &Library,
        plan: &TreatmentPlan,
        option: &TreatmentOption,
    ) -> Arc<[CodingNote]> {
        self.notes
            .entry(option.id)
            .or_insert_with(|| {
                let year = coding::benefit_year(library, &plan.coverage);
                coding::check(&library.coding.checks, option, &plan.patient, year).into()
            })
            .clone()
    }
}

/// Prices every scenario independently and lines them up. Fails on the first
/// unknown option, unknown plan or missing fee schedule.
pub fn compare(
    library: &Library,
    plan: &TreatmentPlan,
    scenarios: &[Scenario],
    as_of: NaiveDate,
) -> Result<Comparison, EstimateError> {
    let results = price_scenarios(library, plan, scenarios, as_of, &mut |_| true)?;
    Ok(line_up(results.unwrap_or_default(), as_of))
}

/// [`compare`], asking `keep_going(n)` before each scenario, `n` being how many
/// are priced so far: when it answers false the work stops and the answer is
/// `Ok(None)`. For a caller that shows progress and can be cancelled.
pub fn compare_with_progress(
    library: &Library,
    plan: &TreatmentPlan,
    scenarios: &[Scenario],
    as_of: NaiveDate,
    keep_going: &mut dyn FnMut(usize) -> bool,
) -> Result<Option<Comparison>, EstimateError> {
    let results = price_scenarios(library, plan, scenarios, as_of, keep_going)?;
    Ok(results.map(|results| line_up(results, as_of)))
}

/// Prices each scenario on its own; None when `keep_going` said stop.
fn price_scenarios(
    library: &Library,
    plan: &TreatmentPlan,
    scenarios: &[Scenario],
    as_of: NaiveDate,
    keep_going: &mut dyn FnMut(usize) -> bool,
) -> Result<Option<Vec<ScenarioResult>>, EstimateError> {
    let mut results = Vec::with_capacity(scenarios.len());
    // Coding checks depend on the option only, not on who pays: once per option.
    let mut per_option = PerOption::default();
    for scenario in scenarios {
        if !keep_going(results.len()) {
            return Ok(None);
        }
        let option = find_option(plan, scenario.option)?;
        let estimate = per_option.price(library, plan, option, &scenario.setup.coverage, as_of)?;
        let line_index = estimate
            .lines
            .iter()
            .enumerate()
            .map(|(at, l)| (l.line, at))
            .collect();
        let notes = per_option.notes(library, plan, option);
        results.push(ScenarioResult {
            scenario: scenario.clone(),
            estimate,
            notes,
            line_index,
        });
    }
    Ok(Some(results))
}

/// Rows and totals for priced scenarios.
fn line_up(results: Vec<ScenarioResult>, as_of: NaiveDate) -> Comparison {
    let rows = rows(&results);
    let totals: Vec<ScenarioTotals> = results.iter().map(|r| totals(r, as_of)).collect();
    let differ = |f: &dyn Fn(&ScenarioTotals) -> Option<Cents>| {
        totals.windows(2).any(|w| match w {
            [a, b] => f(a) != f(b),
            _ => false,
        })
    };
    let totals_differ = TotalsDiffer {
        fee: differ(&|t| Some(t.fee)),
        insurance: differ(&|t| Some(t.insurance)),
        write_off: differ(&|t| Some(t.write_off)),
        patient: differ(&|t| Some(t.patient)),
        remaining_maximum_after: differ(&|t| t.remaining_maximum_after),
    };
    Comparison {
        as_of,
        scenarios: results,
        rows,
        totals,
        totals_differ,
    }
}

fn totals(result: &ScenarioResult, as_of: NaiveDate) -> ScenarioTotals {
    let e = &result.estimate;
    let first_plan = e.totals.insurance.first().map(|(id, _)| id.as_str());
    let remaining_maximum_after = first_plan.and_then(|id| {
        e.remaining
            .iter()
            .find(|r| r.plan == id && r.year_start <= as_of && as_of <= r.year_end)
            .and_then(|r| r.maximum_after)
    });
    ScenarioTotals {
        fee: e.totals.fee,
        insurance: e.totals.insurance_total(),
        write_off: e.totals.write_off,
        patient: e.totals.patient,
        remaining_maximum_after,
    }
}

/// Lines up the lines of every scenario by [`RowKey`]. Rows are found through a
/// map from key to row, and each line's repeat count through a map per scenario,
/// so the work grows with the number of lines, not its square.
fn rows(results: &[ScenarioResult]) -> Vec<ComparisonRow> {
    let n = results.len();
    let mut rows: Vec<ComparisonRow> = Vec::new();
    // Rows found by (area, code, repeat) without writing the area out: the
    // key's text is made once per row, not once per line and scenario.
    let mut row_of: HashMap<(Area, CdtCode, usize), usize> = HashMap::new();
    // Per row: each scenario's patient amount, to decide `differs`.
    let mut patient: Vec<Vec<Option<Cents>>> = Vec::new();
    for (k, result) in results.iter().enumerate() {
        let mut repeats: HashMap<(Area, CdtCode), usize> = HashMap::new();
        for line in &result.estimate.lines {
            let area = RowKey::area_of(line);
            let seen = repeats.entry((area, line.code)).or_insert(0);
            let repeat = *seen;
            *seen += 1;
            let at = *row_of.entry((area, line.code, repeat)).or_insert_with(|| {
                rows.push(ComparisonRow {
                    label: format!("{} {} {}", line.code, line.area, line.description),
                    key: RowKey::of(line, repeat),
                    cells: vec![None; n],
                    differs: false,
                });
                patient.push(vec![None; n]);
                rows.len() - 1
            });
            if let (Some(row), Some(amounts)) = (rows.get_mut(at), patient.get_mut(at)) {
                if let Some(slot) = row.cells.get_mut(k) {
                    *slot = Some(CellRef { line: line.line });
                }
                if let Some(slot) = amounts.get_mut(k) {
                    *slot = Some(line.patient);
                }
            }
        }
    }
    for (row, amounts) in rows.iter_mut().zip(&patient) {
        row.differs = amounts.windows(2).any(|w| match w {
            [a, b] => a != b,
            _ => false,
        });
    }
    let matched = |r: &ComparisonRow| r.cells.iter().filter(|c| c.is_some()).count() > 1;
    let (mut out, single): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| matched(r));
    out.extend(single);
    out
}
