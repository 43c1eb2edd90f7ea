//! What the frequency limits count, indexed so a line looks up only its own part:
//! per limit, the items in buckets by counting unit (tooth, quadrant, arch, or the
//! whole patient; see `slot`), each bucket sorted by date, so a line reads its own
//! unit's bucket and the bucket of items without that unit, and only the dates its
//! window can reach (`window::look_back` to the date of service).

use chrono::NaiveDate;

use super::same_scope;
use crate::engine::input::{EstimateInput, Payer};
use crate::engine::services::Service;
use crate::model::plan::{FrequencyLimit, FrequencyScope};
use crate::model::{Arch, Area, CdtCode, HistoryEntry, Quadrant, Tooth};

/// Buckets per limit: slot 0 (no unit: counts for every unit) and one per tooth
/// (1-32 permanent, 33-52 primary, 53-84 and 85-104 supernumerary), quadrant
/// (1-4) or arch (1-2).
const SLOTS: usize = 105;

/// The bucket an area falls in under `scope`. 0 when the area lacks the scoped
/// element (such an item counts for every tooth, quadrant or arch, as in
/// `same_scope`), and always 0 under a patient-wide limit. Two units never share a
/// bucket other than 0, and anything sent to 0 is still filtered by `same_scope`,
/// so a bucket only narrows the search.
fn slot(scope: FrequencyScope, area: Area) -> usize {
    let (n, base, size) = match scope {
        FrequencyScope::Patient => return 0,
        FrequencyScope::Tooth | FrequencyScope::ToothSurface => match area.tooth() {
            Some(Tooth::Permanent(n)) => (n, 0, 32),
            Some(Tooth::Primary(n)) => (n, 32, 20),
            Some(Tooth::SupernumeraryPermanent(n)) => (n, 52, 32),
            Some(Tooth::SupernumeraryPrimary(n)) => (n, 84, 20),
            None => return 0,
        },
        FrequencyScope::Quadrant => match area.quadrant() {
            Some(q) => (quadrant_number(q), 0, 4),
            None => return 0,
        },
        FrequencyScope::Arch => match area.arch() {
            Some(Arch::Upper) => (1, 0, 2),
            Some(Arch::Lower) => (2, 0, 2),
            None => return 0,
        },
    };
    let n = usize::from(n);
    if (1..=size).contains(&n) { base + n } else { 0 }
}

fn quadrant_number(q: Quadrant) -> u8 {
    match q {
        Quadrant::UR => 1,
        Quadrant::UL => 2,
        Quadrant::LL => 3,
        Quadrant::LR => 4,
    }
}

/// One counted service: where and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Item {
    area: Area,
    date: NaiveDate,
}

/// Which limits count each code, worked out once per code met (codes are 0-9999).
struct LimitsOfCode<'p> {
    limits: &'p [FrequencyLimit],
    /// By code number: 0 = not worked out yet, else 1 + index into `spans`.
    class: Vec<u16>,
    /// Per code worked out: its run in `members`.
    spans: Vec<(usize, usize)>,
    /// Limit indices, run after run.
    members: Vec<usize>,
}

impl<'p> LimitsOfCode<'p> {
    fn new(limits: &'p [FrequencyLimit]) -> LimitsOfCode<'p> {
        LimitsOfCode {
            limits,
            class: Vec::new(),
            spans: Vec::new(),
            members: Vec::new(),
        }
    }

    fn of(&mut self, code: CdtCode) -> &[usize] {
        if self.class.is_empty() {
            self.class = vec![0; 10_000];
        }
        let n = usize::from(code.number());
        let known = self.class.get(n).copied().unwrap_or(0);
        let span = if known > 0 {
            self.spans.get(usize::from(known) - 1).copied()
        } else {
            let start = self.members.len();
            let counting = self.limits.iter().enumerate();
            let counting = counting.filter(|(_, l)| l.codes.contains(code));
            self.members.extend(counting.map(|(k, _)| k));
            let span = (start, self.members.len());
            self.spans.push(span);
            if let (Some(slot), Ok(id)) = (self.class.get_mut(n), u16::try_from(self.spans.len())) {
                *slot = id;
            }
            Some(span)
        };
        span.and_then(|(a, b)| self.members.get(a..b))
            .unwrap_or_default()
    }
}

/// The history on file in buckets by (limit, slot), each sorted by date; built in
/// one pass over the history and a counting sort, without an allocation per item.
struct HistoryBuckets {
    items: Vec<Item>,
    /// Bucket b = limit * SLOTS + slot holds `items[starts[b]..starts[b + 1]]`
    /// (empty when nothing on file counts).
    starts: Vec<u32>,
}

/// Bucket sizes to where each bucket starts (the last entry: where the last ends).
fn prefix_sums(mut sizes: Vec<u32>) -> Vec<u32> {
    let mut total = 0;
    for n in &mut sizes {
        let size = *n;
        *n = total;
        total += size;
    }
    sizes
}

impl HistoryBuckets {
    /// `history` yields each item's code and date, and `area` its area (worked out
    /// only for the items some limit counts).
    /// `since`: per limit, the earliest date any line of the option can read
    /// (older items are left out; an empty list leaves nothing out).
    fn new<T>(
        limits: &[FrequencyLimit],
        history: impl Iterator<Item = (CdtCode, NaiveDate, T)>,
        area: impl Fn(T) -> Area,
        since: &[NaiveDate],
    ) -> HistoryBuckets {
        let scopes: Vec<FrequencyScope> = limits.iter().map(|l| l.scope).collect();
        let mut codes = LimitsOfCode::new(limits);
        let mut sizes = vec![0u32; limits.len() * SLOTS + 1];
        let mut tagged: Vec<(u32, Item)> = Vec::with_capacity(history.size_hint().0);
        for (code, date, entry) in history {
            let counting = codes.of(code);
            let too_old = |k: usize| since.get(k).is_some_and(|&from| date < from);
            // Older than every window that counts it can reach: never read.
            if counting.iter().all(|&k| too_old(k)) {
                continue;
            }
            let area = area(entry);
            for &k in counting {
                let Some(&scope) = scopes.get(k).filter(|_| !too_old(k)) else {
                    continue;
                };
                let b = k * SLOTS + slot(scope, area);
                if let (Some(n), Ok(tag)) = (sizes.get_mut(b), u32::try_from(b)) {
                    *n += 1;
                    tagged.push((tag, Item { area, date }));
                }
            }
        }
        if tagged.is_empty() {
            return HistoryBuckets {
                items: Vec::new(),
                starts: Vec::new(),
            };
        }
        let starts = prefix_sums(sizes);
        // Counting sort: each bucket's next free place, from its start.
        let mut next = starts.clone();
        let placeholder = Item {
            area: Area::Mouth,
            date: NaiveDate::MIN,
        };
        let mut items = vec![placeholder; tagged.len()];
        for (b, item) in tagged {
            if let Some(at) = next.get_mut(b as usize)
                && let Some(place) = items.get_mut(*at as usize)
            {
                *place = item;
                *at += 1;
            }
        }
        let mut buckets = HistoryBuckets { items, starts };
        buckets.sort_each_by_date();
        buckets
    }

    /// Sorts each bucket by date: linear for history on file in date order (either
    /// way), the usual case.
    fn sort_each_by_date(&mut self) {
        for pair in self.starts.windows(2) {
            if let [a, b] = *pair
                && b - a > 1
                && let Some(bucket) = self.items.get_mut(a as usize..b as usize)
            {
                bucket.sort_unstable_by_key(|i| i.date);
            }
        }
    }

    fn bucket(&self, k: usize, slot: usize) -> &[Item] {
        let b = k * SLOTS + slot;
        match (self.starts.get(b), self.starts.get(b + 1)) {
            (Some(&a), Some(&z)) => self.items.get(a as usize..z as usize).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// The slots a line in `slot` reads under `scope`: a patient-wide limit keeps
/// everything in slot 0; a line without the unit reads them all; else its own and 0.
fn slots_read(scope: FrequencyScope, slot: usize) -> std::ops::Range<usize> {
    match (scope, slot) {
        (FrequencyScope::Patient, _) => 0..1,
        (_, 0) => 0..SLOTS,
        (_, s) => s..s + 1,
    }
}

/// Appends the dates of the items in `bucket` (sorted by date) dated from `from`
/// to `dos` whose area is in `scope` with `area`.
fn push_in_range<T>(
    bucket: &[T],
    item: impl Fn(&T) -> Item,
    (scope, area): (FrequencyScope, Area),
    (from, dos): (NaiveDate, NaiveDate),
    out: &mut Vec<NaiveDate>,
) {
    let lo = bucket.partition_point(|t| item(t).date < from);
    let hi = bucket.partition_point(|t| item(t).date <= dos);
    let in_range = bucket.get(lo..hi).unwrap_or_default().iter().map(item);
    out.extend(
        in_range
            .filter(|i| same_scope(scope, i.area, area))
            .map(|i| i.date),
    );
}

/// Everything a plan's frequency limits count, indexed once per estimate and payer:
/// the history on file whose code each limit counts (the patient's and this
/// coverage's), and, growing as lines are decided in pricing order, the earlier
/// lines this plan covered. A line reads only its limits' buckets for its unit and
/// the dates its window reaches.
pub(crate) struct LimitLines {
    history: HistoryBuckets,
    /// Per limit: (slot, item) of the lines decided so far that this plan covers
    /// and the limit counts, sorted by slot then date.
    covered: Vec<Vec<(usize, Item)>>,
    /// Dates counted for the line being decided (kept to reuse its memory).
    prior: Vec<NaiveDate>,
}

impl LimitLines {
    /// `since`: per limit, the earliest date a line of the option can read
    /// (`frequency::reach`): history older than that is not indexed.
    pub(crate) fn new(
        input: &EstimateInput<'_>,
        payer: &Payer<'_>,
        since: &[NaiveDate],
    ) -> LimitLines {
        let limits = &payer.plan.frequency_limits;
        let history = input
            .patient
            .history
            .iter()
            .chain(payer.coverage.history.iter())
            .map(|h| (h.code, h.date, h));
        LimitLines::of(limits, history, HistoryEntry::area, since)
    }

    /// The index of `limits` over `history` (code, date and what `area` takes the
    /// area from), nothing covered yet.
    fn of<T>(
        limits: &[FrequencyLimit],
        history: impl Iterator<Item = (CdtCode, NaiveDate, T)>,
        area: impl Fn(T) -> Area,
        since: &[NaiveDate],
    ) -> LimitLines {
        LimitLines {
            history: HistoryBuckets::new(limits, history, area, since),
            covered: vec![Vec::new(); limits.len()],
            prior: Vec::new(),
        }
    }

    /// Counts `s` (decided covered by this plan) toward every limit of its code.
    pub(crate) fn covered(&mut self, payer: &Payer<'_>, s: &Service<'_>) {
        let dos = s.dos(payer.plan.settings.date_of_service);
        self.cover(&payer.plan.frequency_limits, s.line.code, s.area, dos);
    }

    fn cover(&mut self, limits: &[FrequencyLimit], code: CdtCode, area: Area, dos: NaiveDate) {
        for (list, limit) in self.covered.iter_mut().zip(limits) {
            if limit.codes.contains(code) {
                let key = (slot(limit.scope, area), dos);
                let at = list.partition_point(|(s, i)| (*s, i.date) <= key);
                list.insert(at, (key.0, Item { area, date: dos }));
            }
        }
    }

    /// Dates, in ascending order, of the services that count toward limit `k` (of
    /// `scope`) for a line on `area` and dated from `from` to `dos`: history on
    /// file and earlier lines this plan covered.
    pub(crate) fn prior(
        &mut self,
        k: usize,
        scope: FrequencyScope,
        area: Area,
        range: (NaiveDate, NaiveDate),
    ) -> &[NaiveDate] {
        self.prior.clear();
        let own = slot(scope, area);
        let covered = self.covered.get(k).map(Vec::as_slice).unwrap_or_default();
        let mut read = |slot: usize| {
            let bucket = self.history.bucket(k, slot);
            push_in_range(bucket, |i| *i, (scope, area), range, &mut self.prior);
            let lo = covered.partition_point(|(s, _)| *s < slot);
            let hi = covered.partition_point(|(s, _)| *s <= slot);
            let bucket = covered.get(lo..hi).unwrap_or_default();
            push_in_range(bucket, |(_, i)| *i, (scope, area), range, &mut self.prior);
        };
        let slots = slots_read(scope, own);
        if slots.start != 0 {
            read(0);
        }
        slots.for_each(&mut read);
        self.prior.sort_unstable();
        &self.prior
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
