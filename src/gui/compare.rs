//! The compare view's state: which scenarios are shown (never part of the patient's
//! document), and the engine's comparison and benefit-year advice for them, cached
//! by the document, library and selection revisions.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::background::{Poll, Progress, Task};
use crate::engine::{Advice, Comparison, PayerSetup, Scenario, advise, compare_with_progress};
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

/// `(document, library, selection)` revisions: what a comparison was made from.
pub type CompareKey = (u64, u64, u64);

/// `(document, library, option)`: what the advice was made from.
type AdviceKey = (u64, u64, OptionId);

/// Work (lines priced, over all scenarios) above which the comparison runs on a
/// background thread instead of in the frame.
pub const INLINE_LIMIT: usize = 1_500;

/// The inputs of one comparison, owned so another thread can use them.
struct Inputs<'a> {
    library: &'a Library,
    plan: &'a TreatmentPlan,
    scenarios: Vec<Scenario>,
    option: OptionId,
    as_of: NaiveDate,
}

/// What a comparison job finds: each part only when it was asked for.
#[derive(Debug, Default)]
struct Found {
    result: Option<Result<Comparison, String>>,
    table: Option<ComparisonTable>,
    advice: Option<Option<Result<Option<Advice>, String>>>,
}

/// A comparison running on its own thread, and what it was started for.
#[derive(Debug)]
struct Running {
    key: CompareKey,
    advice_key: AdviceKey,
    /// True when the job makes the comparison (not only the advice).
    comparison: bool,
    task: Task<Found>,
}

/// The comparison and the advice, recomputed only when their inputs changed; a
/// large comparison runs off the UI thread with progress and cancel, and its
/// answer is taken only while the inputs are still the ones it was made from.
#[derive(Debug)]
pub struct CompareCache {
    key: Option<CompareKey>,
    advice_key: Option<AdviceKey>,
    /// The engine's comparison of the selected scenarios.
    pub result: Option<Result<Comparison, String>>,
    /// The comparison as the screen shows it (made once per comparison).
    pub table: Option<ComparisonTable>,
    /// The advisor's suggestion for the shown option.
    pub advice: Option<Result<Option<Advice>, String>>,
    /// How many times the comparison ran (tests check that drawing does not recompute).
    pub computed: u64,
    /// Work above this many priced lines runs in the background.
    pub inline_limit: usize,
    running: Option<Running>,
    /// The inputs whose comparison the user cancelled: not started again by itself.
    cancelled: Option<CompareKey>,
}

impl Default for CompareCache {
    fn default() -> CompareCache {
        CompareCache {
            key: None,
            advice_key: None,
            result: None,
            table: None,
            advice: None,
            computed: 0,
            inline_limit: INLINE_LIMIT,
            running: None,
            cancelled: None,
        }
    }
}

impl CompareCache {
    /// Brings the comparison up to date with `key` (the document, library and
    /// selection revisions) and the shown option: at once when the work is small,
    /// else by starting or collecting a background job (`ctx` is woken when it
    /// ends). Returns true when a new comparison was taken in.
    #[allow(
        clippy::too_many_arguments,
        reason = "the comparison's inputs, each once"
    )]
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        key: CompareKey,
        option: OptionId,
        library: &Library,
        plan: &TreatmentPlan,
        selection: &CompareSelection,
        as_of: NaiveDate,
    ) -> bool {
        let advice_key = (key.0, key.1, option);
        if let Some(taken) = self.collect(key, advice_key) {
            return taken;
        }
        let need_comparison = self.key != Some(key) && self.cancelled != Some(key);
        let need_advice = self.advice_key != Some(advice_key) && self.cancelled != Some(key);
        if !need_comparison && !need_advice {
            return false;
        }
        self.cancelled = None;
        let inputs = Inputs {
            library,
            plan,
            scenarios: selection.scenarios(plan, as_of),
            option,
            as_of,
        };
        let work = work_of(&inputs, need_comparison, need_advice);
        if need_comparison {
            self.computed += 1;
            self.result = None;
            self.table = None;
        }
        if need_advice {
            self.advice = None;
        }
        if work > self.inline_limit
            && let Some(task) = spawn(ctx, &inputs, need_comparison, need_advice)
        {
            self.running = Some(Running {
                key,
                advice_key,
                comparison: need_comparison,
                task,
            });
            return false;
        }
        let found = find(&inputs, need_comparison, need_advice, None).unwrap_or_default();
        self.take(found, key, advice_key)
    }

    /// The running job's answer when it is for these inputs; a job for older
    /// inputs is dropped (and so cancelled). None: nothing was collected.
    fn collect(&mut self, key: CompareKey, advice_key: AdviceKey) -> Option<bool> {
        let running = self.running.as_ref()?;
        if running.key != key || running.advice_key != advice_key {
            self.running = None;
            return None;
        }
        match running.task.poll() {
            Poll::Running => Some(false),
            Poll::Ready(found) => {
                self.running = None;
                Some(self.take(found, key, advice_key))
            }
            Poll::Gone => {
                // The work failed without an answer: say so instead of waiting.
                let failed = "the comparison stopped unexpectedly".to_string();
                let comparison = running.comparison;
                self.running = None;
                self.advice_key = Some(advice_key);
                self.advice = Some(Err(failed.clone()));
                if comparison {
                    self.key = Some(key);
                    self.result = Some(Err(failed));
                }
                Some(comparison)
            }
        }
    }

    /// Takes in what a job found for `key` and `advice_key`.
    fn take(&mut self, found: Found, key: CompareKey, advice_key: AdviceKey) -> bool {
        if let Some(advice) = found.advice {
            self.advice_key = Some(advice_key);
            self.advice = advice;
        }
        let Some(result) = found.result else {
            return false;
        };
        self.key = Some(key);
        self.result = Some(result);
        self.table = found.table;
        true
    }

    /// Stops the running comparison; nothing of it is shown, and it is not started
    /// again until the inputs change or [`CompareCache::compare_again`].
    pub fn cancel(&mut self) {
        if let Some(running) = self.running.take() {
            running.task.cancel();
            self.cancelled = Some(running.key);
        }
    }

    /// Starts a cancelled comparison again (on the next refresh).
    pub fn compare_again(&mut self) {
        self.cancelled = None;
    }

    /// Scenarios priced so far and their number, while a comparison runs.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.running.as_ref().map(|r| r.task.progress())
    }

    /// True when the user cancelled the comparison of the current inputs.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.is_some() && self.running.is_none() && self.result.is_none()
    }

    /// The comparison, when it could be made.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.result.as_ref().and_then(|r| r.as_ref().ok())
    }
}

/// Lines priced: every scenario's option's lines, plus the advisor's candidates
/// (about one pricing of the shown option per visit).
fn work_of(inputs: &Inputs<'_>, comparison: bool, advice: bool) -> usize {
    let lines = |id: OptionId| {
        inputs
            .plan
            .option(id)
            .map_or(0, |o| o.visits.iter().map(|v| v.lines.len()).sum::<usize>())
    };
    let mut work = 0;
    if comparison {
        work += inputs
            .scenarios
            .iter()
            .map(|s| lines(s.option))
            .sum::<usize>();
    }
    if advice {
        let visits = inputs
            .plan
            .option(inputs.option)
            .map_or(0, |o| o.visits.len());
        work += lines(inputs.option).saturating_mul(visits);
    }
    work
}

/// Starts the job on its own thread with copies of the inputs; None when no
/// thread could be started (the caller then works in the frame).
fn spawn(
    ctx: &egui::Context,
    inputs: &Inputs<'_>,
    comparison: bool,
    advice: bool,
) -> Option<Task<Found>> {
    let library = inputs.library.clone();
    let plan = inputs.plan.clone();
    let scenarios = inputs.scenarios.clone();
    let (option, as_of) = (inputs.option, inputs.as_of);
    let total = if comparison { scenarios.len() } else { 0 };
    Task::spawn(ctx, "compare", total, move |progress| {
        let inputs = Inputs {
            library: &library,
            plan: &plan,
            scenarios,
            option,
            as_of,
        };
        find(&inputs, comparison, advice, Some(progress))
    })
    .ok()
}

/// The comparison and the advice, as asked; None when cancelled on the way.
fn find(
    inputs: &Inputs<'_>,
    comparison: bool,
    advice: bool,
    progress: Option<&Progress>,
) -> Option<Found> {
    let mut found = Found::default();
    let (library, plan, as_of) = (inputs.library, inputs.plan, inputs.as_of);
    if comparison {
        let mut keep_going = |done| progress.is_none_or(|p| p.set(done));
        let compared =
            compare_with_progress(library, plan, &inputs.scenarios, as_of, &mut keep_going);
        let result = match compared {
            Ok(Some(comparison)) => Ok(comparison),
            Ok(None) => return None,
            Err(e) => Err(e.to_string()),
        };
        let names = Names {
            catalogue: &library.catalogue,
            plans: &library.plans,
        };
        found.table = result
            .as_ref()
            .ok()
            .map(|c| ComparisonTable::new(c, plan, &names));
        found.result = Some(result);
        if let Some(p) = progress {
            p.set(inputs.scenarios.len());
        }
    }
    if progress.is_some_and(Progress::cancelled) {
        return None;
    }
    if advice {
        found.advice = Some(
            plan.option(inputs.option)
                .map(|o| advise(library, plan, o.id, as_of).map_err(|e| e.to_string())),
        );
    }
    Some(found)
}
