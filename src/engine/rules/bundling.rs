//! Step 4: bundling rules over the whole option: a line included in another, or
//! mutually exclusive lines of which only one is payable (dental-benefits.md §7).

use chrono::Days;

use super::outcome::{Billing, Denial};
use crate::engine::input::Payer;
use crate::engine::services::Service;
use crate::engine::step::{Flag, Name, Step};
use crate::model::plan::{BundlingKind, BundlingRule, DateOfServiceBasis, Proximity, ToothMatch};
use crate::model::{CdtCode, CodeSet};

/// Step 4: bundling rules over the whole option, in the plan's order. Returns, per
/// service, the denial when a rule bundles it; the first rule that does decides.
///
/// Rules are indexed by code rather than tried on every line: the lines are
/// grouped by code once, a rule first finds the lines it could bundle others
/// into (its partners, sorted by date), skips itself when there are none, and
/// then looks only at the lines of the codes it names and, for each, only at
/// the partners inside its time window.
pub(super) fn bundling(
    payer: &Payer<'_>,
    services: &[Service<'_>],
    order: &[usize],
) -> Vec<Option<Denial>> {
    let plan = payer.plan;
    let option = OptionLines::new(services, order, plan.settings.date_of_service);
    let mut out: Vec<Option<Denial>> = vec![None; services.len()];
    let mut partners = Vec::new();
    for rule in &plan.bundling {
        option.partners(rule, &mut partners);
        if partners.is_empty() {
            continue;
        }
        for (code, run) in option.runs() {
            if !names(rule, code) {
                continue;
            }
            for &i in run {
                let Some(s) = services.get(i) else { continue };
                if out.get(i).is_some_and(Option::is_some) {
                    continue;
                }
                let near = option.near(rule, s, &partners);
                let winner = match &rule.kind {
                    BundlingKind::Included { .. } => included_in(&option, rule, near, i, s),
                    BundlingKind::MutuallyExclusive { codes } => {
                        preferred_over(&option, rule, codes, near, i, s)
                    }
                };
                if let (Some(into), Some(slot)) = (winner, out.get_mut(i)) {
                    *slot = Some(bundled_into(&payer.names.plan, rule, into));
                }
            }
        }
    }
    out
}

/// True when `rule` can bundle a line of `code`: an `Included` rule's codes,
/// or one of a `MutuallyExclusive` rule's (the order they are listed in).
fn names(rule: &BundlingRule, code: CdtCode) -> bool {
    match &rule.kind {
        BundlingKind::Included { codes, .. } => codes.contains(code),
        BundlingKind::MutuallyExclusive { codes } => rank_of(codes, code).is_some(),
    }
}

/// True when a line of `code` is one `rule` bundles others into: an
/// `Included` rule's `into` codes, any of a `MutuallyExclusive` rule's codes.
fn partners_with(rule: &BundlingRule, code: CdtCode) -> bool {
    match &rule.kind {
        BundlingKind::Included { into, .. } => into.contains(code),
        BundlingKind::MutuallyExclusive { codes } => rank_of(codes, code).is_some(),
    }
}

/// The option's services as bundling rules compare them: their rank in pricing
/// order, and their indexes grouped by code.
struct OptionLines<'o, 'a> {
    services: &'o [Service<'a>],
    basis: DateOfServiceBasis,
    /// Rank in pricing order, by service index.
    rank: Vec<usize>,
    /// Service indexes sorted by code (runs of one code).
    by_code: Vec<usize>,
    /// Each code of the option with its run's bounds in `by_code`.
    runs: Vec<(CdtCode, usize, usize)>,
}

impl<'o, 'a> OptionLines<'o, 'a> {
    fn new(
        services: &'o [Service<'a>],
        order: &[usize],
        basis: DateOfServiceBasis,
    ) -> OptionLines<'o, 'a> {
        let mut rank = vec![usize::MAX; services.len()];
        for (r, &j) in order.iter().enumerate() {
            if let Some(slot) = rank.get_mut(j) {
                *slot = r;
            }
        }
        let mut by_code: Vec<usize> = (0..services.len()).collect();
        let code = |i: usize| services.get(i).map(|s| s.line.code);
        by_code.sort_by_key(|&i| code(i));
        let mut runs = Vec::new();
        let mut start = 0;
        for run in by_code.chunk_by(|&a, &b| code(a) == code(b)) {
            if let Some(c) = run.first().and_then(|&i| code(i)) {
                runs.push((c, start, start + run.len()));
            }
            start += run.len();
        }
        OptionLines {
            services,
            basis,
            rank,
            by_code,
            runs,
        }
    }

    /// Each code of the option with the indexes of its lines.
    fn runs(&self) -> impl Iterator<Item = (CdtCode, &[usize])> {
        self.runs
            .iter()
            .map(|&(c, from, to)| (c, self.by_code.get(from..to).unwrap_or_default()))
    }

    /// Fills `partners` with the lines `rule` bundles others into, sorted by
    /// date of service, then pricing order.
    fn partners(&self, rule: &BundlingRule, partners: &mut Vec<usize>) {
        partners.clear();
        for (code, run) in self.runs() {
            if partners_with(rule, code) {
                partners.extend_from_slice(run);
            }
        }
        partners.sort_by_key(|&i| {
            (
                self.services.get(i).map(|t| t.dos(self.basis)),
                self.rank(i),
            )
        });
    }

    /// (rank in pricing order, index, service) of the `partners` (sorted by
    /// date) inside `rule`'s time window around `s`, in no particular order
    /// (callers pick the lowest rank); `paired` still decides.
    fn near<'p>(
        &'p self,
        rule: &BundlingRule,
        s: &Service<'_>,
        partners: &'p [usize],
    ) -> impl Iterator<Item = (usize, usize, &'o Service<'a>)> + 'p {
        let day = s.dos(self.basis);
        let days = |before: u32, after: u32| {
            let from = day
                .checked_sub_days(Days::new(u64::from(before)))
                .unwrap_or(day);
            let to = day
                .checked_add_days(Days::new(u64::from(after)))
                .unwrap_or(day);
            (from, to)
        };
        let span = match rule.when {
            Proximity::SameDay => Some((day, day)),
            Proximity::WithinDays(n) => Some(days(n, n)),
            // The bundled line comes up to n days before / after the other.
            Proximity::WithinDaysBefore(n) => Some(days(0, n)),
            Proximity::WithinDaysAfter(n) => Some(days(n, 0)),
            Proximity::SameVisit | Proximity::SameOption => None,
        };
        let in_window = match span {
            Some((from, to)) => {
                let date = |i: &usize| self.services.get(*i).map(|t| t.dos(self.basis));
                let lo = partners.partition_point(|i| date(i) < Some(from));
                let hi = partners.partition_point(|i| date(i) <= Some(to));
                partners.get(lo..hi).unwrap_or_default()
            }
            None => partners,
        };
        let services = self.services;
        in_window
            .iter()
            .filter_map(move |&j| services.get(j).map(|t| (self.rank(j), j, t)))
    }

    /// Rank of service `i` in pricing order.
    fn rank(&self, i: usize) -> usize {
        self.rank.get(i).copied().unwrap_or(usize::MAX)
    }

    /// True when `rule` relates line `a` (the one bundled) to line `b` (the one it
    /// is bundled into): close enough in time, and on the same tooth if it asks.
    fn paired(&self, rule: &BundlingRule, a: &Service<'_>, b: &Service<'_>) -> bool {
        near(rule.when, self.basis, a, b) && same_tooth(rule.tooth, a, b)
    }
}

/// True when `a` (the line bundled) and `b` (the line it is bundled into) are close
/// enough in time for a rule with `when`.
fn near(when: Proximity, basis: DateOfServiceBasis, a: &Service<'_>, b: &Service<'_>) -> bool {
    let days_after = (a.dos(basis) - b.dos(basis)).num_days();
    match when {
        Proximity::SameDay => days_after == 0,
        Proximity::SameVisit => a.visit.id == b.visit.id,
        Proximity::WithinDays(n) => days_after.unsigned_abs() <= u64::from(n),
        Proximity::WithinDaysBefore(n) => (0..=i64::from(n)).contains(&-days_after),
        Proximity::WithinDaysAfter(n) => (0..=i64::from(n)).contains(&days_after),
        Proximity::SameOption => true,
    }
}

/// True when a rule's tooth condition holds for `a` and `b`.
fn same_tooth(tooth: ToothMatch, a: &Service<'_>, b: &Service<'_>) -> bool {
    match tooth {
        ToothMatch::Any => true,
        ToothMatch::Same => a.area.tooth().is_some() && a.area.tooth() == b.area.tooth(),
    }
}

/// An `Included` rule: the first line in pricing order (the lowest rank) among
/// the `near` partners (lines with an `into` code) that service `i` is included
/// in.
fn included_in<'o, 'a>(
    option: &OptionLines<'o, 'a>,
    rule: &BundlingRule,
    near: impl Iterator<Item = (usize, usize, &'o Service<'a>)>,
    i: usize,
    s: &Service<'_>,
) -> Option<&'o Service<'a>> {
    near.filter(|&(_, j, t)| j != i && option.paired(rule, s, t))
        .min_by_key(|&(rank, _, _)| rank)
        .map(|(_, _, t)| t)
}

/// A `MutuallyExclusive` rule: the line service `i` loses to among the `near`
/// partners, if any. The code listed first wins, then the line priced first.
fn preferred_over<'o, 'a>(
    option: &OptionLines<'o, 'a>,
    rule: &BundlingRule,
    codes: &CodeSet,
    near: impl Iterator<Item = (usize, usize, &'o Service<'a>)>,
    i: usize,
    s: &Service<'_>,
) -> Option<&'o Service<'a>> {
    let mine = (rank_of(codes, s.line.code)?, option.rank(i));
    near.filter(|&(_, j, t)| j != i && option.paired(rule, s, t))
        .filter_map(|(rank, _, t)| rank_of(codes, t.line.code).map(|r| ((r, rank), t)))
        .filter(|(theirs, _)| *theirs < mine)
        .min_by_key(|(theirs, _)| *theirs)
        .map(|(_, t)| t)
}

/// The denial of a line bundled into `into` by `rule`.
fn bundled_into(plan: &Name, rule: &BundlingRule, into: &Service<'_>) -> Denial {
    Denial {
        flag: Flag::Bundled,
        step: Step::Bundled {
            plan: plan.clone(),
            rule: rule.id.clone(),
            name: rule.name.clone(),
            into: into.line.code,
            into_line: into.number,
            liability: rule.liability,
        },
        billing: Billing::Liability(rule.liability),
    }
}

/// Position of the first range in `codes` that holds `code`: lower wins.
fn rank_of(codes: &CodeSet, code: CdtCode) -> Option<usize> {
    codes
        .ranges()
        .iter()
        .position(|(lo, hi)| *lo <= code && code <= *hi)
}
