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

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::problem::locate;
use crate::model::derived::Derivation;
use crate::model::{CdtCode, CodeSet, FeeSchedule, Library, PlanRules, Problem, ProcedureClass};

/// One plan being linted: the plan, the library around it, where its file is.
struct Linted<'a> {
    plan: &'a PlanRules,
    library: &'a Library,
    path: &'a Path,
    text: &'a str,
    today: NaiveDate,
    /// Its base, the base's base, ... when it is a derived plan.
    derivation: Option<&'a Derivation>,
    /// The messages each plan linted so far had, by plan id.
    seen: &'a BTreeMap<String, BTreeSet<String>>,
    /// This plan's messages (before any note about inheritance).
    messages: BTreeSet<String>,
    warnings: Vec<Problem>,
}

/// The plan field a lint's first needle names.
fn field_of(needle: Option<&&str>) -> Option<&'static str> {
    Some(match *needle? {
        "frequency_limits" => "frequency_limits",
        "age_limits" => "age_limits",
        "waiting_periods" => "waiting_periods",
        "missing_tooth_clause" => "missing_tooth_clause",
        "exclusions" => "exclusions",
        "preauthorization" => "preauthorization",
        "bundling" => "bundling",
        "dhmo_upgrades" => "dhmo_upgrades",
        "alternate_benefits" => "alternate_benefits",
        "code_coverage" => "code_coverage",
        "maximum" | "class_maximums" | "family_annual" => "maximum",
        _ => return None,
    })
}

impl Linted<'_> {
    /// A warning at the text `needles` lead to (see `locate`). In a derived plan,
    /// a rule it inherits is not in its file: the warning points at its
    /// `based_on` and says so, and is left out when a plan it is based on has the
    /// same warning already (one warning, at the file to fix).
    fn warn(&mut self, needles: &[&str], message: String) {
        self.messages.insert(message.clone());
        let inherited = self
            .derivation
            .filter(|d| field_of(needles.first()).is_some_and(|f| d.is_inherited(f)));
        let Some(d) = inherited else {
            let at = locate(self.text, needles);
            self.warnings.push(Problem::at(self.path, at, message));
            return;
        };
        let in_base = d
            .chain
            .iter()
            .any(|base| self.seen.get(base).is_some_and(|m| m.contains(&message)));
        if !in_base {
            let at = locate(self.text, &["based_on", &format!("\"{}\"", d.based_on)]);
            let message = format!("{message} (the rule is inherited from \"{}\")", d.based_on);
            self.warnings.push(Problem::at(self.path, at, message));
        }
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
    // Bases before the plans derived from them, so a warning a plan inherits
    // can be left to its base.
    let depth = |id: &str| library.derivations.get(id).map_or(0, |d| d.chain.len());
    plans.sort_by(|a, b| (depth(&a.1.id), a.0, &a.1.id).cmp(&(depth(&b.1.id), b.0, &b.1.id)));
    let mut warnings = Vec::new();
    let mut seen = BTreeMap::new();
    for (path, plan) in plans {
        let mut linted = Linted {
            plan,
            library,
            path,
            text: texts.get(path).map_or("", String::as_str),
            today,
            derivation: library.derivations.get(&plan.id),
            seen: &seen,
            messages: BTreeSet::new(),
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
        let messages = linted.messages;
        seen.insert(plan.id.clone(), messages);
    }
    // In file order; within a file, in the order the lints ran.
    warnings.sort_by(|a, b| a.path.cmp(&b.path));
    warnings
}
