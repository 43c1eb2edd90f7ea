//! Step 4: bundling rules over the whole option: a line included in another, or
//! mutually exclusive lines of which only one is payable (dental-benefits.md §7).

use std::collections::{BTreeMap, HashMap};

use chrono::{Days, NaiveDate};

use super::outcome::{Billing, Denial};
use crate::engine::input::Payer;
use crate::engine::services::Service;
use crate::engine::step::{Flag, Name, Step};
use crate::model::plan::{BundlingKind, BundlingRule, DateOfServiceBasis, Proximity, ToothMatch};
use crate::model::{CdtCode, CodeSet, VisitId};

/// Step 4: bundling rules over the whole option, in the plan's order. Returns, per
/// service, the denial when a rule bundles it; the first rule that does decides.
pub(super) fn bundling(
    payer: &Payer<'_>,
    services: &[Service<'_>],
    order: &[usize],
) -> Vec<Option<Denial>> {
    let plan = payer.plan;
    let option = OptionLines::new(services, order, plan.settings.date_of_service);
    let mut out: Vec<Option<Denial>> = vec![None; services.len()];
    // The lines grouped by code: a rule asks once per code whether it names
    // it, and looks only at the lines of the codes it does.
    let code_of = |i: &usize| services.get(*i).map(|s| s.line.code);
    let mut by_code: Vec<usize> = (0..services.len()).collect();
    by_code.sort_by_key(code_of);
    for rule in &plan.bundling {
        for run in by_code.chunk_by(|a, b| code_of(a) == code_of(b)) {
            if !run
                .first()
                .and_then(code_of)
                .is_some_and(|c| names(rule, c))
            {
                continue;
            }
            for &i in run {
                let Some(s) = services.get(i) else { continue };
                if out.get(i).is_some_and(Option::is_some) {
                    continue;
                }
                let winner = match &rule.kind {
                    BundlingKind::Included { codes, into } => {
                        included_in(&option, rule, codes, into, i, s)
                    }
                    BundlingKind::MutuallyExclusive { codes } => {
                        preferred_over(&option, rule, codes, i, s)
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

/// The option's services as bundling rules compare them: in pricing order, and
/// indexed by date of service and by visit, so a rule looks only at the lines
/// close enough in time to matter (the work grows with the lines, not their
/// square).
struct OptionLines<'o, 'a> {
    services: &'o [Service<'a>],
    order: &'o [usize],
    basis: DateOfServiceBasis,
    /// Rank in pricing order, by service index.
    rank: Vec<usize>,
    /// Service indexes by date of service, each list in pricing order.
    by_date: BTreeMap<NaiveDate, Vec<usize>>,
    /// Service indexes by visit, each list in pricing order.
    by_visit: HashMap<VisitId, Vec<usize>>,
}

impl<'o, 'a> OptionLines<'o, 'a> {
    fn new(
        services: &'o [Service<'a>],
        order: &'o [usize],
        basis: DateOfServiceBasis,
    ) -> OptionLines<'o, 'a> {
        let mut rank = vec![usize::MAX; services.len()];
        let mut by_date: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        let mut by_visit: HashMap<VisitId, Vec<usize>> = HashMap::new();
        for (r, &j) in order.iter().enumerate() {
            let Some(t) = services.get(j) else { continue };
            if let Some(slot) = rank.get_mut(j) {
                *slot = r;
            }
            by_date.entry(t.dos(basis)).or_default().push(j);
            by_visit.entry(t.visit.id).or_default().push(j);
        }
        OptionLines {
            services,
            order,
            basis,
            rank,
            by_date,
            by_visit,
        }
    }

    /// (rank in pricing order, index, service) of every line `rule` could pair
    /// with `s`, in no particular order (callers pick the lowest rank). Lines
    /// outside the rule's time window are never looked at; `paired` still
    /// decides. Nothing is collected: this runs per rule and line.
    fn candidates(
        &self,
        rule: &BundlingRule,
        s: &Service<'_>,
    ) -> impl Iterator<Item = (usize, usize, &'o Service<'a>)> {
        let day = s.dos(self.basis);
        let days = |before: u32, after: u32| {
            let from = day
                .checked_sub_days(Days::new(u64::from(before)))
                .unwrap_or(day);
            let to = day
                .checked_add_days(Days::new(u64::from(after)))
                .unwrap_or(day);
            from..=to
        };
        // Exactly one of these is set: a span of dates, a visit's lines, or all.
        let (dates, visit, all) = match rule.when {
            Proximity::SameDay => (Some(day..=day), None, None),
            Proximity::SameVisit => (None, self.by_visit.get(&s.visit.id), None),
            Proximity::WithinDays(n) => (Some(days(n, n)), None, None),
            // The bundled line comes up to n days before / after the other.
            Proximity::WithinDaysBefore(n) => (Some(days(0, n)), None, None),
            Proximity::WithinDaysAfter(n) => (Some(days(n, 0)), None, None),
            Proximity::SameOption => (None, None, Some(self.order)),
        };
        let by_date = &self.by_date;
        let in_dates = dates
            .into_iter()
            .flat_map(move |span| by_date.range(span).flat_map(|(_, v)| v.iter().copied()));
        let in_visit = visit.into_iter().flatten().copied();
        let in_all = all.into_iter().flatten().copied();
        let services = self.services;
        in_dates
            .chain(in_visit)
            .chain(in_all)
            .filter_map(move |j| services.get(j).map(|t| (self.rank(j), j, t)))
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

/// An `Included` rule: the first line in pricing order (the lowest rank) with an
/// `into` code that service `i` is included in.
fn included_in<'o, 'a>(
    option: &OptionLines<'o, 'a>,
    rule: &BundlingRule,
    codes: &CodeSet,
    into: &CodeSet,
    i: usize,
    s: &Service<'_>,
) -> Option<&'o Service<'a>> {
    if !codes.contains(s.line.code) {
        return None;
    }
    option
        .candidates(rule, s)
        .filter(|&(_, j, t)| j != i && into.contains(t.line.code) && option.paired(rule, s, t))
        .min_by_key(|&(rank, _, _)| rank)
        .map(|(_, _, t)| t)
}

/// A `MutuallyExclusive` rule: the line service `i` loses to, if any. The code
/// listed first wins, then the line priced first.
fn preferred_over<'o, 'a>(
    option: &OptionLines<'o, 'a>,
    rule: &BundlingRule,
    codes: &CodeSet,
    i: usize,
    s: &Service<'_>,
) -> Option<&'o Service<'a>> {
    let mine = (rank_of(codes, s.line.code)?, option.rank(i));
    option
        .candidates(rule, s)
        .filter(|&(_, j, t)| j != i && option.paired(rule, s, t))
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
