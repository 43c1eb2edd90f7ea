//! The compare view's state: which scenarios are shown (never part of the patient's
//! document), and the engine's comparison and benefit-year advice for them, cached
//! by the document, library and selection revisions.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::engine::{Advice, Comparison, PayerSetup, Scenario, advise, compare};
use crate::model::{Library, OptionId, TreatmentOption, TreatmentPlan};
use crate::report::{ComparisonTable, Names};

/// Which scenarios the compare view shows. Options are compared under the patient's
/// own coverage, then under each added plan alone, then without insurance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareSelection {
    /// Options left out; every other option is compared.
    pub excluded: BTreeSet<OptionId>,
    /// Library plans priced alone, in the order added.
    pub plans: Vec<String>,
    /// Also price the options without insurance.
    pub no_insurance: bool,
    /// Bumped on every change, so the comparison is recomputed.
    pub revision: u64,
}

impl CompareSelection {
    /// The options compared, in document order.
    pub fn options<'a>(&self, plan: &'a TreatmentPlan) -> Vec<&'a TreatmentOption> {
        plan.options
            .iter()
            .filter(|o| !self.excluded.contains(&o.id))
            .collect()
    }

    /// The scenarios, setup by setup: every compared option under the patient's
    /// coverage, then under each added plan alone, then without insurance.
    pub fn scenarios(&self, plan: &TreatmentPlan, as_of: NaiveDate) -> Vec<Scenario> {
        let mut setups = vec![PayerSetup::patient(plan)];
        setups.extend(
            self.plans
                .iter()
                .map(|id| PayerSetup::plan_alone(plan, id, as_of)),
        );
        if self.no_insurance {
            setups.push(PayerSetup::no_insurance());
        }
        let options = self.options(plan);
        setups
            .iter()
            .flat_map(|setup| {
                options
                    .iter()
                    .map(|option| Scenario::new(option, setup.clone()))
            })
            .collect()
    }

    /// Includes or leaves out an option.
    pub fn set_option(&mut self, option: OptionId, included: bool) {
        let changed = if included {
            self.excluded.remove(&option)
        } else {
            self.excluded.insert(option)
        };
        if changed {
            self.revision += 1;
        }
    }

    /// Adds a plan column (once).
    pub fn add_plan(&mut self, id: &str) {
        if !self.plans.iter().any(|p| p == id) {
            self.plans.push(id.to_string());
            self.revision += 1;
        }
    }

    /// Removes a plan column.
    pub fn remove_plan(&mut self, id: &str) {
        let before = self.plans.len();
        self.plans.retain(|p| p != id);
        if self.plans.len() != before {
            self.revision += 1;
        }
    }

    /// Turns the no-insurance columns on or off.
    pub fn set_no_insurance(&mut self, on: bool) {
        if self.no_insurance != on {
            self.no_insurance = on;
            self.revision += 1;
        }
    }
}

/// The first library plan the patient is not covered by (the default extra
/// column for a quick "what would the other plan pay?").
pub fn next_plan(library: &Library, plan: &TreatmentPlan) -> Option<String> {
    library
        .plans
        .keys()
        .find(|id| !plan.coverage.iter().any(|c| &c.plan == *id))
        .cloned()
}

/// The comparison and the advice, recomputed only when their inputs changed.
#[derive(Debug, Default)]
pub struct CompareCache {
    key: Option<(u64, u64, u64)>,
    advice_key: Option<(u64, u64, OptionId)>,
    /// The engine's comparison of the selected scenarios.
    pub result: Option<Result<Comparison, String>>,
    /// The comparison as the screen shows it (made once per comparison).
    pub table: Option<ComparisonTable>,
    /// The advisor's suggestion for the shown option.
    pub advice: Option<Result<Option<Advice>, String>>,
    /// How many times the comparison ran (tests check that drawing does not recompute).
    pub computed: u64,
}

impl CompareCache {
    /// Recomputes when `(document, library, selection)` revisions or the shown
    /// option differ from last time. Returns true when the comparison was redone.
    pub fn refresh(
        &mut self,
        key: (u64, u64, u64),
        option: OptionId,
        library: &Library,
        plan: &TreatmentPlan,
        selection: &CompareSelection,
        as_of: NaiveDate,
    ) -> bool {
        let advice_key = (key.0, key.1, option);
        if self.advice_key != Some(advice_key) {
            self.advice_key = Some(advice_key);
            self.advice = plan
                .option(option)
                .map(|o| advise(library, plan, o.id, as_of).map_err(|e| e.to_string()));
        }
        if self.key == Some(key) {
            return false;
        }
        self.key = Some(key);
        self.computed += 1;
        let scenarios = selection.scenarios(plan, as_of);
        self.result = Some(compare(library, plan, &scenarios, as_of).map_err(|e| e.to_string()));
        let names = Names {
            catalogue: &library.catalogue,
            plans: &library.plans,
        };
        self.table = self
            .comparison()
            .map(|c| ComparisonTable::new(c, plan, &names));
        true
    }

    /// The comparison, when it could be made.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.result.as_ref().and_then(|r| r.as_ref().ok())
    }
}
