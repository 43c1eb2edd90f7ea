//! The fee schedule editor's data, without drawing: the schedule being edited
//! (one of its versions at a time), its undo history, a percentage raise, lines
//! pasted from a spreadsheet, and the codes the plans use that have no fee.
//! Amounts are integer cents throughout; the one rounding is
//! [`Cents::percent_of`] (half a cent rounds up).

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::undo::Undo;
use crate::model::{CdtCode, CodeSet, FeeSchedule, Library, PlanRules, ProcedureClass};
use crate::money::{Cents, Percent, Rounding};

/// A fee schedule open in the editor.
#[derive(Debug, Clone)]
pub struct FeeDraft {
    /// The schedule as edited.
    pub schedule: FeeSchedule,
    /// The file it is saved to.
    pub path: Option<PathBuf>,
    /// Which list is edited: None for `fees` (the first list), else the index of
    /// a dated version.
    pub version: Option<usize>,
    saved: FeeSchedule,
    history: Undo<FeeSchedule>,
}

impl FeeDraft {
    /// Opens `schedule` (saved at `path`) on its first list.
    pub fn new(schedule: FeeSchedule, path: Option<PathBuf>) -> FeeDraft {
        FeeDraft {
            saved: schedule.clone(),
            schedule,
            path,
            version: None,
            history: Undo::default(),
        }
    }

    /// The fees of the list being edited.
    pub fn fees(&self) -> &BTreeMap<CdtCode, Cents> {
        match self.version.and_then(|i| self.schedule.versions.get(i)) {
            Some(version) => &version.fees,
            None => &self.schedule.fees,
        }
    }

    fn fees_mut(&mut self) -> &mut BTreeMap<CdtCode, Cents> {
        match self.version {
            Some(i) if i < self.schedule.versions.len() => &mut self.schedule.versions[i].fees,
            _ => &mut self.schedule.fees,
        }
    }

    /// Changes the list being edited by `change` as one undo step; nothing is
    /// recorded when it changed nothing.
    fn change(&mut self, change: impl FnOnce(&mut BTreeMap<CdtCode, Cents>)) {
        let before = self.schedule.clone();
        change(self.fees_mut());
        if self.schedule != before {
            self.history.record(before);
        }
    }

    /// Sets the fee of `code`, or removes it (None).
    pub fn set_fee(&mut self, code: CdtCode, fee: Option<Cents>) {
        self.change(|fees| match fee {
            Some(fee) => {
                fees.insert(code, fee);
            }
            None => {
                fees.remove(&code);
            }
        });
    }

    /// Sets every pasted fee, as one undo step.
    pub fn apply_paste(&mut self, rows: &[(CdtCode, Cents)]) {
        self.change(|fees| {
            for (code, fee) in rows {
                fees.insert(*code, *fee);
            }
        });
    }

    /// Replaces the fees of the list being edited (a CSV imported), as one
    /// undo step.
    pub fn replace_fees(&mut self, new: BTreeMap<CdtCode, Cents>) {
        self.change(|fees| *fees = new);
    }

    /// Raises (or lowers) every fee of `class` (all fees when None) by `raise`,
    /// as one undo step; returns how many fees changed.
    pub fn apply_raise(
        &mut self,
        raise: Raise,
        class: Option<ProcedureClass>,
        library: &Library,
    ) -> usize {
        let mut changed = 0;
        self.change(|fees| {
            for (code, fee) in fees.iter_mut() {
                if class.is_some_and(|c| library.catalogue.class_of(*code) != c) {
                    continue;
                }
                let new = raise.apply(*fee);
                if new != *fee {
                    *fee = new;
                    changed += 1;
                }
            }
        });
        changed
    }

    /// Undoes the last change; false when there was none.
    pub fn undo(&mut self) -> bool {
        match self.history.undo(&self.schedule) {
            Some(before) => {
                self.schedule = before;
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone change; false when there was none.
    pub fn redo(&mut self) -> bool {
        match self.history.redo(&self.schedule) {
            Some(after) => {
                self.schedule = after;
                true
            }
            None => false,
        }
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// True when the schedule differs from the file it came from.
    pub fn is_modified(&self) -> bool {
        self.schedule != self.saved
    }

    /// The schedule was saved as it is now.
    pub fn mark_saved(&mut self) {
        self.saved = self.schedule.clone();
    }
}

/// A percentage change of fees: "+3.5" or "3.5" raises, "-2" lowers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raise {
    /// The percentage (0 to 100).
    pub percent: Percent,
    /// True to lower the fees.
    pub down: bool,
}

impl Raise {
    /// Reads "3.5", "+3.5%", "-2".
    pub fn parse(text: &str) -> Result<Raise, String> {
        let text = text.trim();
        let (down, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let percent = Percent::parse(rest).map_err(|e| e.to_string())?;
        Ok(Raise { percent, down })
    }

    /// The new fee: the change is `fee x percent`, rounded once to the cent
    /// (half a cent rounds up, away from zero), then added or taken off. So
    /// $58.00 + 3.5% is $58.00 + $2.03 = $60.03, and $95.50 + 2.5% is
    /// $95.50 + $2.3875 rounded to $2.39 = $97.89.
    pub fn apply(self, fee: Cents) -> Cents {
        let change = fee.percent_of(self.percent, Rounding::HalfUp);
        let cents = if self.down {
            fee.cents() - change.cents()
        } else {
            fee.cents() + change.cents()
        };
        Cents::from_cents(cents)
    }
}

/// One problem of a paste: its row (1-based) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasteProblem {
    /// The row of the pasted text, counting from 1.
    pub row: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads pasted spreadsheet rows: a code and a fee per line, separated by a tab
/// or a comma (a "$1,200.00" fee keeps its thousands comma when a tab
/// separates). Blank lines and a first row that does not start with a code (a
/// header) are skipped. Every bad row is reported; any problem means none of
/// the rows is to be applied.
pub fn parse_paste(text: &str) -> Result<Vec<(CdtCode, Cents)>, Vec<PasteProblem>> {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let row = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (code, fee) = match line.split_once('\t').or_else(|| line.split_once(',')) {
            Some(parts) => parts,
            None => (line, ""),
        };
        let code = match CdtCode::parse(code.trim().trim_matches('"')) {
            Ok(code) => code,
            Err(_) if row == 1 && rows.is_empty() => continue,
            Err(e) => {
                problems.push(PasteProblem {
                    row,
                    message: e.to_string(),
                });
                continue;
            }
        };
        let fee = fee.trim().trim_matches('"');
        if fee.is_empty() {
            let message = format!("{code} has no fee: expected a code and a fee");
            problems.push(PasteProblem { row, message });
            continue;
        }
        match Cents::parse_non_negative(fee) {
            Ok(fee) => {
                if let Some(first) = seen.insert(code, row) {
                    let message = format!("{code} is pasted twice (rows {first} and {row})");
                    problems.push(PasteProblem { row, message });
                }
                rows.push((code, fee));
            }
            Err(e) => problems.push(PasteProblem {
                row,
                message: format!("{code}: {e}"),
            }),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// The plans that price with `schedule`: those whose network names it, and
/// every plan for the office schedule (the office fee is every line's fee).
pub fn plans_using<'a>(library: &'a Library, schedule: &FeeSchedule) -> Vec<&'a PlanRules> {
    let office = schedule.kind == crate::model::FeeScheduleKind::Office;
    library
        .plans
        .values()
        .filter(|p| office || p.network.schedule_id() == schedule.id)
        .collect()
}

/// The codes the plans using `schedule` name (code coverage, frequency limits,
/// alternate benefits both ways, bundling) that `fees` has no fee for, each with
/// the names of the plans naming it.
pub fn codes_without_fee(
    library: &Library,
    schedule: &FeeSchedule,
    fees: &BTreeMap<CdtCode, Cents>,
) -> BTreeMap<CdtCode, Vec<String>> {
    let mut missing: BTreeMap<CdtCode, Vec<String>> = BTreeMap::new();
    for plan in plans_using(library, schedule) {
        for code in codes_named(plan, library) {
            if !fees.contains_key(&code) {
                let names = missing.entry(code).or_default();
                if !names.contains(&plan.name) {
                    names.push(plan.name.clone());
                }
            }
        }
    }
    missing
}

/// The codes a plan names, code ranges read as the catalogue codes in them.
fn codes_named(plan: &PlanRules, library: &Library) -> Vec<CdtCode> {
    let mut codes: Vec<CdtCode> = plan.code_coverage.keys().copied().collect();
    let mut sets: Vec<&CodeSet> = plan.frequency_limits.iter().map(|f| &f.codes).collect();
    for rule in &plan.bundling {
        match &rule.kind {
            crate::model::plan::BundlingKind::Included { codes, into } => {
                sets.extend([codes, into])
            }
            crate::model::plan::BundlingKind::MutuallyExclusive { codes } => sets.push(codes),
        }
    }
    for set in sets {
        for (lo, hi) in set.ranges() {
            if lo == hi {
                codes.push(*lo);
            } else {
                let inside = library.catalogue.codes.iter().map(|c| c.code);
                codes.extend(inside.filter(|c| lo <= c && c <= hi));
            }
        }
    }
    for alternate in &plan.alternate_benefits {
        for (billed, paid_as) in &alternate.paid_as {
            codes.extend([*billed, *paid_as]);
        }
    }
    codes.sort();
    codes.dedup();
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> CdtCode {
        CdtCode::parse(text).unwrap()
    }

    #[test]
    fn a_raise_rounds_the_change_once_half_a_cent_up() {
        let raise = Raise::parse("3.5").unwrap();
        // 5800 x 3.5% = 203 cents exactly.
        assert_eq!(
            raise.apply(Cents::from_cents(5800)),
            Cents::from_cents(6003)
        );
        // 9550 x 2.5% = 238.75 cents -> 239.
        let raise = Raise::parse("+2.5%").unwrap();
        assert_eq!(
            raise.apply(Cents::from_cents(9550)),
            Cents::from_cents(9789)
        );
        // 1250 x 10% = 125 cents taken off.
        let lower = Raise::parse("-10").unwrap();
        assert_eq!(
            lower.apply(Cents::from_cents(1250)),
            Cents::from_cents(1125)
        );
        // 1 x 50% = 0.5 cent -> 1 cent.
        let half = Raise::parse("50").unwrap();
        assert_eq!(half.apply(Cents::from_cents(1)), Cents::from_cents(2));
        assert!(Raise::parse("ten").is_err());
        assert!(Raise::parse("3.555").is_err());
    }

    #[test]
    fn a_fee_typed_goes_into_the_version_picked_and_undo_takes_it_back() {
        let library = crate::library::sample();
        let mut schedule = library.fee_schedules["summit-ppo-2026"].clone();
        schedule.versions.push(crate::model::FeeVersion {
            name: "2027 fees".into(),
            effective: chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            fees: schedule.fees.clone(),
        });
        let mut draft = FeeDraft::new(schedule.clone(), None);
        draft.version = Some(0);
        draft.set_fee(code("D0120"), Some(Cents::from_cents(6_100)));
        assert_eq!(
            draft.schedule.versions[0].fees[&code("D0120")].cents(),
            6_100
        );
        assert_eq!(draft.schedule.fees, schedule.fees);
        assert!(draft.is_modified());
        assert!(draft.undo());
        assert!(!draft.is_modified());
        assert!(!draft.undo());
    }

    #[test]
    fn a_paste_reads_tabs_commas_and_a_header_and_names_bad_rows() {
        let good = "Code\tFee\nD0120\t58.00\nD2740,\"1,210.00\"\n\nD1110, $95.50\n";
        assert_eq!(
            parse_paste(good).unwrap(),
            vec![
                (code("D0120"), Cents::from_cents(5800)),
                (code("D2740"), Cents::from_cents(121_000)),
                (code("D1110"), Cents::from_cents(9550)),
            ]
        );
        let bad = "D0120\t58.00\nD01x\t3\nD0140\t-4\nD0150\nD0120\t60";
        let problems = parse_paste(bad).unwrap_err();
        let rows: Vec<usize> = problems.iter().map(|p| p.row).collect();
        assert_eq!(rows, vec![2, 3, 4, 5]);
    }
}
