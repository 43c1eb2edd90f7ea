//! The plan lint: rules that load and price without error but can never do what
//! their author meant. Each finding is a warning (`ferrule check` prints it and
//! exits 0 unless `--strict`), at `path:line:col` where the rule is written.
//!
//! Pure over a loaded [`Library`] and the text of its plan files (for positions);
//! `library::lint_library` reads the texts. The lints, one function each:
//! - `codes::unknown_or_unpriced`: a code not in the catalogue, or with no fee in
//!   the plan's schedule nor the office fees;
//! - `codes::uncovered`: a rule on a class or code the plan does not cover;
//! - `rules::dearer_alternate`: a downgrade to a code dearer than the billed one;
//! - `rules::shadowed`: a rule an earlier one always wins over;
//! - `rules::bundled_with_itself`: a code bundled with itself;
//! - `rules::mixed_pool`: a frequency group mixing codes paid at different rates;
//! - `rules::waiting_too_long`: a waiting period longer than the plan has existed;
//! - `rules::maximum_below_deductible`: a maximum lower than the deductible.

mod codes;
mod rules;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::problem::locate;
use crate::model::{CdtCode, CodeSet, FeeSchedule, Library, PlanRules, Problem, ProcedureClass};

/// One plan being linted: the plan, the library around it, where its file is.
struct Linted<'a> {
    plan: &'a PlanRules,
    library: &'a Library,
    path: &'a Path,
    text: &'a str,
    today: NaiveDate,
    warnings: Vec<Problem>,
}

impl Linted<'_> {
    /// A warning at the text `needles` lead to (see `locate`).
    fn warn(&mut self, needles: &[&str], message: String) {
        let at = locate(self.text, needles);
        self.warnings.push(Problem::at(self.path, at, message));
    }

    /// The plan's own fee schedule.
    fn schedule(&self) -> Option<&FeeSchedule> {
        self.library
            .fee_schedules
            .get(self.plan.network.schedule_id())
    }

    /// The fee the plan starts from for `code`: its schedule's, else the office's.
    fn fee(&self, code: CdtCode) -> Option<crate::money::Cents> {
        self.schedule()
            .and_then(|s| s.fee(code))
            .or_else(|| self.library.office_schedule(None).and_then(|s| s.fee(code)))
    }

    /// The catalogue codes in `set`, plus its single codes the catalogue lacks.
    fn codes_in(&self, set: &CodeSet) -> Vec<CdtCode> {
        let mut codes: Vec<CdtCode> = self
            .library
            .catalogue
            .codes
            .iter()
            .map(|c| c.code)
            .filter(|c| set.contains(*c))
            .collect();
        for &(lo, hi) in set.ranges() {
            if lo == hi && !codes.contains(&lo) {
                codes.push(lo);
            }
        }
        codes
    }

    fn class_of(&self, code: CdtCode) -> ProcedureClass {
        self.library.catalogue.class_of(code)
    }

    /// True when the plan pays something for `code`.
    fn code_covered(&self, code: CdtCode) -> bool {
        !self.plan.coverage_for(code, self.class_of(code)).is_zero()
    }

    /// True when the plan pays something for some code of `class`.
    fn class_covered(&self, class: ProcedureClass) -> bool {
        self.plan.coverage.get(&class).is_some_and(|p| !p.is_zero())
            || self
                .plan
                .code_coverage
                .iter()
                .any(|(code, p)| !p.is_zero() && self.class_of(*code) == class)
    }
}

/// Every lint warning for every plan of `library`, plan files in path order.
/// `texts` holds the text of each plan file by path (a plan whose text is missing
/// is still linted, its warnings at the file's start); `today` dates the
/// waiting-period lint.
pub fn lint(
    library: &Library,
    texts: &BTreeMap<PathBuf, String>,
    today: NaiveDate,
) -> Vec<Problem> {
    let mut plans: Vec<(&Path, &PlanRules)> = library
        .plans
        .values()
        .map(|plan| {
            let path = library.plan_source(&plan.id).unwrap_or(Path::new(""));
            (path, plan)
        })
        .collect();
    plans.sort_by(|a, b| a.0.cmp(b.0).then(a.1.id.cmp(&b.1.id)));
    let mut warnings = Vec::new();
    for (path, plan) in plans {
        let mut linted = Linted {
            plan,
            library,
            path,
            text: texts.get(path).map_or("", String::as_str),
            today,
            warnings: Vec::new(),
        };
        codes::unknown_or_unpriced(&mut linted);
        codes::uncovered(&mut linted);
        rules::dearer_alternate(&mut linted);
        rules::shadowed(&mut linted);
        rules::bundled_with_itself(&mut linted);
        rules::mixed_pool(&mut linted);
        rules::waiting_too_long(&mut linted);
        rules::maximum_below_deductible(&mut linted);
        warnings.append(&mut linted.warnings);
    }
    warnings
}
