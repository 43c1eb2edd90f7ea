//! The frequency index against hand-computed counts (dental-benefits.md §5.2-§5.4,
//! seed rules CR2 and GE3) and against a plain scan of everything on file.

use super::*;
use crate::engine::window::{self, BenefitYearStart, Window, WindowCheck};
use crate::model::CodeSet;
use crate::model::Surfaces;
use crate::model::plan::FrequencyWindow;

const CALENDAR: BenefitYearStart = BenefitYearStart { month: 1 };

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

fn tooth(n: u8) -> Area {
    Area::Tooth(Tooth::Permanent(n))
}

fn surfaces(n: u8, s: &str) -> Area {
    Area::ToothSurfaces(Tooth::Permanent(n), Surfaces::parse(s).unwrap())
}

fn limit(
    codes: &[&str],
    count: u32,
    window: FrequencyWindow,
    scope: FrequencyScope,
) -> FrequencyLimit {
    let codes: Vec<CdtCode> = codes.iter().map(|c| code(c)).collect();
    FrequencyLimit {
        name: "limit".to_string(),
        codes: CodeSet::of(&codes),
        count,
        window,
        scope,
        shared_pool: false,
    }
}

fn window_of(w: FrequencyWindow) -> Window {
    super::super::window_of(w)
}

/// What limit 0 says for a line of `area` on `dos`, with `history` on file and
/// `covered` earlier lines (code, area, date) of the option.
fn decide(
    l: &FrequencyLimit,
    history: &[(&str, Area, &str)],
    covered: &[(&str, Area, &str)],
    area: Area,
    dos: &str,
) -> WindowCheck {
    let limits = std::slice::from_ref(l);
    let items = history.iter().map(|&(c, a, t)| (code(c), d(t), a));
    let mut lines = LimitLines::of(limits, items, |a| a, &[]);
    for &(c, a, t) in covered {
        lines.cover(limits, code(c), a, d(t));
    }
    let (window, dos) = (window_of(l.window), d(dos));
    let range = (window::look_back(window, CALENDAR, dos), dos);
    let prior = lines.prior(0, l.scope, area, range).to_vec();
    window::check(window, l.count, CALENDAR, &prior, dos)
}

fn allowed(used: u32) -> WindowCheck {
    WindowCheck::Allowed { used }
}

fn denied(used: u32, eligible: &str) -> WindowCheck {
    WindowCheck::Denied {
        used,
        eligible_again: Some(d(eligible)),
    }
}

const CROWNS: &[&str] = &["D2740"];

/// GE3 / CR2: 1 crown per tooth per 5 years. A crown on #3 in 2024 does not count
/// for #19; on #3 itself it blocks until 2029-03-10 (2024-03-10 + 5 years).
#[test]
fn tooth_scope_counts_only_the_same_tooth() {
    let l = limit(CROWNS, 1, FrequencyWindow::Years(5), FrequencyScope::Tooth);
    let history = [("D2740", tooth(3), "2024-03-10")];
    assert_eq!(
        decide(&l, &history, &[], tooth(19), "2026-06-01"),
        allowed(0)
    );
    let on_3 = decide(&l, &history, &[], tooth(3), "2026-06-01");
    assert_eq!(on_3, denied(1, "2029-03-10"));
}

/// `same_scope`: an item on file without a tooth counts for every tooth of a
/// tooth-scoped limit (#8 and #30 alike), and a line without a tooth counts every
/// item, whatever its tooth (two here: #3 and the one without).
#[test]
fn an_item_without_a_tooth_counts_for_every_tooth() {
    let l = limit(CROWNS, 1, FrequencyWindow::Years(5), FrequencyScope::Tooth);
    let history = [("D2740", Area::Mouth, "2025-01-20")];
    for t in [8, 30] {
        let got = decide(&l, &history, &[], tooth(t), "2026-06-01");
        assert_eq!(got, denied(1, "2030-01-20"), "#{t}");
    }
    let both = [
        ("D2740", tooth(3), "2024-03-10"),
        ("D2740", Area::Mouth, "2025-01-20"),
    ];
    let l2 = limit(CROWNS, 2, FrequencyWindow::Years(5), FrequencyScope::Tooth);
    // 2 of 2 used; room again once the older (2024-03-10) expires: 2029-03-10.
    assert_eq!(
        decide(&l2, &both, &[], Area::Mouth, "2026-06-01"),
        denied(2, "2029-03-10")
    );
}

/// §5.3: SRP 1 per quadrant per 24 months. History on the UR quadrant and on
/// tooth #4 (in UR) counts for a UR line; a LL line is free. Arch: a denture
/// reline on the upper arch counts for tooth #9 (upper) but not #24 (lower).
#[test]
fn quadrant_and_arch_scopes() {
    let srp = limit(
        &["D4341"],
        1,
        FrequencyWindow::MonthsToTheDay(24),
        FrequencyScope::Quadrant,
    );
    let history = [
        ("D4341", Area::Quadrant(Quadrant::UR), "2025-02-01"),
        ("D4341", tooth(4), "2025-03-01"),
    ];
    let ur = decide(
        &srp,
        &history,
        &[],
        Area::Quadrant(Quadrant::UR),
        "2026-06-01",
    );
    // 2 blocking; room once 2 - 1 + 1 = 2 have expired: 2025-03-01 + 24 months.
    assert_eq!(ur, denied(2, "2027-03-01"));
    let ll = decide(
        &srp,
        &history,
        &[],
        Area::Quadrant(Quadrant::LL),
        "2026-06-01",
    );
    assert_eq!(ll, allowed(0));
    let reline = limit(
        &["D5750"],
        1,
        FrequencyWindow::MonthsToTheMonth(36),
        FrequencyScope::Arch,
    );
    let history = [("D5750", Area::Arch(Arch::Upper), "2025-05-15")];
    // To the month: May 2025 + 36 months = May 2028, free from 2028-05-01.
    assert_eq!(
        decide(&reline, &history, &[], tooth(9), "2026-06-01"),
        denied(1, "2028-05-01")
    );
    assert_eq!(
        decide(&reline, &history, &[], tooth(24), "2026-06-01"),
        allowed(0)
    );
}

/// §5.1 fillings: same surfaces 1 per 24 months per tooth. #19 MO on file blocks a
/// #19 OD (O overlaps) but not a #19 B, nor #18 MO; a plain #19 (no surfaces)
/// counts it.
#[test]
fn surface_scope_needs_overlapping_surfaces_on_the_same_tooth() {
    let l = limit(
        &["D2392"],
        1,
        FrequencyWindow::MonthsToTheDay(24),
        FrequencyScope::ToothSurface,
    );
    let history = [("D2392", surfaces(19, "MO"), "2025-04-10")];
    let at = |area| decide(&l, &history, &[], area, "2026-06-01");
    assert_eq!(at(surfaces(19, "OD")), denied(1, "2027-04-10"));
    assert_eq!(at(surfaces(19, "B")), allowed(0));
    assert_eq!(at(surfaces(18, "MO")), allowed(0));
    assert_eq!(at(tooth(19)), denied(1, "2027-04-10"));
}

/// §5.2 near misses, one prior service, limit 1, line on 2026-06-15 (calendar
/// year). Each pair: the first date just outside the window (allowed), the second
/// just inside (denied until the date shown).
#[test]
fn each_window_kind_just_outside_and_just_inside() {
    use FrequencyWindow as W;
    let rolling = |boundary_counts| W::RollingMonths {
        months: 6,
        boundary_counts,
    };
    let cases = [
        // Benefit year 2026: 2025-12-31 is last year; 2026-01-01 counts to 2027-01-01.
        (W::BenefitYear, "2025-12-31", "2026-01-01", "2027-01-01"),
        // Rolling 6 months, boundary not counted: look-back from 2025-12-15 exclusive.
        (rolling(false), "2025-12-15", "2025-12-16", "2026-06-16"),
        // Boundary counted: 2025-12-15 counts; out once the look-back passes it.
        (rolling(true), "2025-12-14", "2025-12-15", "2026-06-16"),
        // To the day: 2025-12-15 + 6 months = 2026-06-15, no longer blocking.
        (
            W::MonthsToTheDay(6),
            "2025-12-15",
            "2025-12-16",
            "2026-06-16",
        ),
        // To the month: December blocks until 2026-06-01; January until 2026-07-01.
        (
            W::MonthsToTheMonth(6),
            "2025-12-31",
            "2026-01-01",
            "2026-07-01",
        ),
        // 180 days: 2025-12-17 + 180 = 2026-06-15 (free); 2025-12-18 blocks to 06-16.
        (W::Days(180), "2025-12-17", "2025-12-18", "2026-06-16"),
        // 2 years: 2024-06-15 expires on the DOS; 2024-06-16 blocks one more day.
        (W::Years(2), "2024-06-15", "2024-06-16", "2026-06-16"),
    ];
    for (w, outside, inside, eligible) in cases {
        let l = limit(CROWNS, 1, w, FrequencyScope::Patient);
        let at = |date| {
            decide(
                &l,
                &[("D2740", Area::Mouth, date)],
                &[],
                Area::Mouth,
                "2026-06-15",
            )
        };
        assert_eq!(at(outside), allowed(0), "{w:?} outside");
        assert_eq!(at(inside), denied(1, eligible), "{w:?} inside");
    }
    // Lifetime: anything ever counts, however old.
    let l = limit(CROWNS, 1, W::Lifetime, FrequencyScope::Patient);
    let old = [("D2740", Area::Mouth, "1990-01-01")];
    let never = WindowCheck::Denied {
        used: 1,
        eligible_again: None,
    };
    assert_eq!(decide(&l, &old, &[], Area::Mouth, "2026-06-15"), never);
}

/// window.rs rules: two services on the same day count as two, a service on the
/// DOS itself counts, and services after the DOS are ignored. 3 per benefit year.
#[test]
fn same_day_items_count_and_later_items_are_ignored() {
    let l = limit(
        &["D1110"],
        3,
        FrequencyWindow::BenefitYear,
        FrequencyScope::Patient,
    );
    let history = [
        ("D1110", Area::Mouth, "2026-03-01"),
        ("D1110", Area::Mouth, "2026-03-01"),
        ("D1110", Area::Mouth, "2026-09-01"),
    ];
    // On 2026-06-01: the two of March count, September is later: 2 of 3, allowed.
    assert_eq!(
        decide(&l, &history, &[], Area::Mouth, "2026-06-01"),
        allowed(2)
    );
    // A line on 2026-03-01 itself: both of that day count, still allowed.
    assert_eq!(
        decide(&l, &history, &[], Area::Mouth, "2026-03-01"),
        allowed(2)
    );
    // On 2026-10-01 all three count: denied until the next year.
    assert_eq!(
        decide(&l, &history, &[], Area::Mouth, "2026-10-01"),
        denied(3, "2027-01-01")
    );
}

/// §5.4(d): earlier covered lines of the option count like history, in their scope
/// and window. Sealants 1 per tooth per 36 months: a covered #30 sealant on
/// 2026-02-01 blocks #30 on 2026-06-01 (until 2029-02-01) but not #19; a covered
/// line dated after the DOS does not count.
#[test]
fn earlier_covered_lines_count_in_their_scope() {
    let l = limit(
        &["D1351"],
        1,
        FrequencyWindow::MonthsToTheDay(36),
        FrequencyScope::Tooth,
    );
    let covered = [
        ("D1351", tooth(30), "2026-02-01"),
        ("D1351", tooth(19), "2026-09-01"),
    ];
    assert_eq!(
        decide(&l, &[], &covered, tooth(30), "2026-06-01"),
        denied(1, "2029-02-01")
    );
    assert_eq!(
        decide(&l, &[], &covered, tooth(19), "2026-06-01"),
        allowed(0)
    );
    // A covered line without a code the limit counts is not counted.
    let other = [("D2740", tooth(30), "2026-02-01")];
    assert_eq!(decide(&l, &[], &other, tooth(30), "2026-06-01"), allowed(0));
}

// ---- The index against a plain scan over random histories ----

/// A small deterministic generator (xorshift): the engine's tests use no
/// random-number crate, and a failure repeats.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let n = u64::try_from(n).unwrap();
        usize::try_from(self.0.checked_rem(n).unwrap_or(0)).unwrap()
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())]
    }

    fn number(&mut self, below: usize) -> u32 {
        u32::try_from(self.below(below)).unwrap()
    }
}

const CODES: [&str; 4] = ["D1110", "D2740", "D4341", "D2392"];

fn any_area(dice: &mut Dice) -> Area {
    let t = match dice.below(4) {
        0 => Tooth::Permanent(1 + dice.below(4) as u8),
        1 => Tooth::Primary(1 + dice.below(2) as u8),
        2 => Tooth::SupernumeraryPermanent(1 + dice.below(2) as u8),
        _ => Tooth::Permanent(30),
    };
    let s = Surfaces::parse(dice.pick(&["MO", "D", "B", "OD"])).unwrap();
    match dice.below(6) {
        0 => Area::Mouth,
        1 => Area::Tooth(t),
        2 => Area::ToothSurfaces(t, s),
        3 => Area::Quadrant(dice.pick(&Quadrant::ALL)),
        4 => Area::Arch(dice.pick(&[Arch::Upper, Arch::Lower])),
        _ => Area::Sextant(1 + dice.below(6) as u8),
    }
}

fn any_window(dice: &mut Dice) -> FrequencyWindow {
    use FrequencyWindow as W;
    let months = dice.number(14);
    match dice.below(7) {
        0 => W::BenefitYear,
        1 => W::RollingMonths {
            months,
            boundary_counts: dice.below(2) == 1,
        },
        2 => W::MonthsToTheDay(months),
        3 => W::MonthsToTheMonth(months),
        4 => W::Days(dice.number(400)),
        5 => W::Years(dice.number(3)),
        _ => W::Lifetime,
    }
}

fn any_limit(dice: &mut Dice) -> FrequencyLimit {
    use FrequencyScope as S;
    let first = dice.below(CODES.len());
    let codes = [CODES[first], CODES[(first + dice.below(2)) % CODES.len()]];
    let scope = dice.pick(&[S::Patient, S::Tooth, S::ToothSurface, S::Quadrant, S::Arch]);
    limit(&codes, dice.number(3), any_window(dice), scope)
}

/// (code, area, date) between 2024-01-01 and early 2027.
fn any_item(dice: &mut Dice) -> (CdtCode, Area, NaiveDate) {
    let c = code(dice.pick(&CODES));
    let a = any_area(dice);
    let days = u64::try_from(dice.below(1100)).unwrap();
    (c, a, d("2024-01-01") + chrono::Days::new(days))
}

/// For every limit a line's code falls under, the index returns exactly the items
/// a plain scan finds in scope and in the look-back range, and window::check says
/// the same on those as on every item in scope; 1,500 random cases.
#[test]
fn index_matches_a_plain_scan() {
    let mut dice = Dice(0x2545_F491_4F6C_DD1D);
    for case in 0..1_500 {
        let limits: Vec<FrequencyLimit> = (0..1 + dice.below(3))
            .map(|_| any_limit(&mut dice))
            .collect();
        let history: Vec<_> = (0..dice.below(40)).map(|_| any_item(&mut dice)).collect();
        let covered: Vec<_> = (0..dice.below(8)).map(|_| any_item(&mut dice)).collect();
        let (c, area, dos) = any_item(&mut dice);
        // The option's first line, on or before this one: the index leaves out
        // what no line from then on can read (`frequency::reach`).
        let first = dos.min(any_item(&mut dice).2);
        let since: Vec<NaiveDate> = limits
            .iter()
            .map(|l| window::look_back(window_of(l.window), CALENDAR, first))
            .collect();
        let on_file = history.iter().map(|&(c, a, t)| (c, t, a));
        let mut lines = LimitLines::of(&limits, on_file, |a| a, &since);
        for &(c, a, t) in &covered {
            lines.cover(&limits, c, a, t);
        }
        let everything: Vec<_> = history.iter().chain(&covered).copied().collect();
        for (k, l) in limits
            .iter()
            .enumerate()
            .filter(|(_, l)| l.codes.contains(c))
        {
            let window = window_of(l.window);
            let from = window::look_back(window, CALENDAR, dos);
            let in_scope: Vec<NaiveDate> = everything
                .iter()
                .filter(|(code, a, _)| l.codes.contains(*code) && same_scope(l.scope, *a, area))
                .map(|&(_, _, t)| t)
                .collect();
            let mut expected: Vec<NaiveDate> = in_scope
                .iter()
                .copied()
                .filter(|t| (from..=dos).contains(t))
                .collect();
            expected.sort_unstable();
            let got = lines.prior(k, l.scope, area, (from, dos)).to_vec();
            let why = format!(
                "case {case}, limit {k} ({:?} {:?}), line {area} on {dos}",
                l.scope, l.window
            );
            assert_eq!(got, expected, "{why}");
            let all = window::check(window, l.count, CALENDAR, &in_scope, dos);
            assert_eq!(
                window::check(window, l.count, CALENDAR, &got, dos),
                all,
                "{why}"
            );
        }
    }
}
