//! Plan rows that name classes, code groups or codes, and the one precedence
//! between them when they overlap: a row naming the code beats one naming a code
//! group holding it, which beats one naming its class, which beats the plan's
//! general amount. Used by coverage percentages, separate deductibles and the
//! plan's own maximums; list rules (frequency, age, waiting periods, exclusions)
//! apply every row that names a line, so they need no precedence.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::code::{CdtCode, CodeSet, GroupRef, ProcedureClass, Specificity};
use super::plan::{BundlingKind, ClassMaximum, DeductiblePeriod, PlanRules};
use crate::money::{Cents, Percent};

/// A deductible of its own for some services (a preventive, orthodontic or
/// major-services deductible). A line it names takes it instead of the plan's
/// general deductible and that deductible's waived classes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeparateDeductible {
    /// Key used by `deductibles_met` and `family_used` in a coverage ("major").
    pub id: String,
    /// A name for people: "Major-services deductible".
    pub name: String,
    /// Classes it applies to.
    #[serde(default)]
    pub classes: Vec<ProcedureClass>,
    /// Codes and `@groups` it applies to.
    #[serde(default)]
    pub codes: CodeSet,
    /// Per person.
    pub individual: Cents,
    /// Family cap in deductible dollars, if any.
    #[serde(default)]
    pub family: Option<Cents>,
    /// Per benefit year (usual) or once per lifetime.
    #[serde(default)]
    pub period: DeductiblePeriod,
}

/// Unused annual maximum banked for later years (dental-benefits.md §2.5): a
/// year whose paid claims stay at or under `threshold` credits `amount` to the
/// bank, which never holds more than `cap`. The bank is drawn only once the
/// annual maximum is used up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rollover {
    /// Paid claims in a year must not exceed this for a credit.
    pub threshold: Cents,
    /// The credit for such a year.
    pub amount: Cents,
    /// The most the bank holds.
    pub cap: Cents,
}

/// How a row naming `classes` and `codes` names a line of `code` and `class`.
pub fn row_specificity(
    classes: &[ProcedureClass],
    codes: &CodeSet,
    code: CdtCode,
    class: ProcedureClass,
) -> Option<Specificity> {
    codes
        .specificity(code)
        .or_else(|| classes.contains(&class).then_some(Specificity::Class))
}

impl PlanRules {
    /// The coverage percentage for a code of a class: a code entry first, then a
    /// code group holding it (the first by id), then the class; a class the plan
    /// does not list is 0%.
    pub fn coverage_for(&self, code: CdtCode, class: ProcedureClass) -> Percent {
        self.code_coverage
            .get(&code)
            .or_else(|| self.group_coverage_for(code))
            .or_else(|| self.coverage.get(&class))
            .copied()
            .unwrap_or(Percent::ZERO)
    }

    /// The percentage of the first code group (by id) that holds `code`.
    fn group_coverage_for(&self, code: CdtCode) -> Option<&Percent> {
        self.group_coverage
            .iter()
            .find(|(group, _)| group.contains(code))
            .map(|(_, percent)| percent)
    }

    /// The separate deductible a line takes, if any: the most specific row that
    /// names it (the first in the file among equally specific ones).
    pub fn separate_deductible_for(
        &self,
        code: CdtCode,
        class: ProcedureClass,
    ) -> Option<&SeparateDeductible> {
        let mut best: Option<(Specificity, &SeparateDeductible)> = None;
        for row in &self.deductible.separate {
            let Some(level) = row_specificity(&row.classes, &row.codes, code, class) else {
                continue;
            };
            if best.is_none_or(|(b, _)| level > b) {
                best = Some((level, row));
            }
        }
        best.map(|(_, row)| row)
    }

    /// The plan's own maximums that limit a line: every row at the most
    /// specific level that names it (none: only the general maximums apply).
    pub fn maximums_for(&self, code: CdtCode, class: ProcedureClass) -> Vec<&ClassMaximum> {
        let level = |m: &ClassMaximum| row_specificity(&m.classes, &m.codes, code, class);
        let top = self.maximum.class_maximums.iter().filter_map(level).max();
        self.maximum
            .class_maximums
            .iter()
            .filter(|m| top.is_some() && level(m) == top)
            .collect()
    }

    /// Whether a line's own maximum takes it out of the annual and family maximums.
    pub fn outside_annual(&self, code: CdtCode, class: ProcedureClass) -> bool {
        self.maximums_for(code, class)
            .iter()
            .any(|m| m.outside_annual)
    }

    /// Every code list of the plan that may name `@groups`, for the loader to
    /// resolve.
    pub fn code_sets_mut(&mut self) -> Vec<&mut CodeSet> {
        let mut sets: Vec<&mut CodeSet> = Vec::new();
        sets.extend(self.frequency_limits.iter_mut().map(|l| &mut l.codes));
        sets.extend(self.age_limits.iter_mut().map(|l| &mut l.codes));
        sets.extend(self.waiting_periods.iter_mut().map(|w| &mut w.codes));
        sets.extend(self.missing_tooth_clause.iter_mut().map(|c| &mut c.codes));
        sets.extend(self.exclusions.iter_mut().map(|e| &mut e.codes));
        sets.push(&mut self.preauthorization);
        sets.extend(self.dhmo_upgrades.iter_mut().map(|u| &mut u.codes));
        sets.extend(self.deductible.separate.iter_mut().map(|d| &mut d.codes));
        sets.extend(self.maximum.class_maximums.iter_mut().map(|m| &mut m.codes));
        for rule in &mut self.bundling {
            match &mut rule.kind {
                BundlingKind::Included { codes, into } => sets.extend([codes, into]),
                BundlingKind::MutuallyExclusive { codes } => sets.push(codes),
            }
        }
        sets
    }

    /// The code groups `group_coverage` names, for the loader to resolve (a map's
    /// keys cannot change in place, so it is rebuilt).
    pub fn resolve_group_coverage(&mut self, mut resolve: impl FnMut(&mut GroupRef)) {
        self.group_coverage = std::mem::take(&mut self.group_coverage)
            .into_iter()
            .map(|(mut group, percent)| {
                resolve(&mut group);
                (group, percent)
            })
            .collect();
    }
}

/// What a coverage has used of the plan's separate deductibles and of its class
/// maximums' family amounts, each by the row's id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeparateUsed {
    /// Met by the patient toward each separate deductible.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[serde(deserialize_with = "super::unique_map::unique_map")]
    pub deductibles_met: BTreeMap<String, Cents>,
    /// Met by the whole family toward each separate deductible's family amount.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[serde(deserialize_with = "super::unique_map::unique_map")]
    pub family_deductibles_met: BTreeMap<String, Cents>,
    /// Paid for the whole family toward each class maximum's family amount.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[serde(deserialize_with = "super::unique_map::unique_map")]
    pub family_class_maximum_used: BTreeMap<String, Cents>,
}

impl SeparateUsed {
    /// Nothing recorded.
    pub fn is_empty(&self) -> bool {
        self.deductibles_met.is_empty()
            && self.family_deductibles_met.is_empty()
            && self.family_class_maximum_used.is_empty()
    }
}

/// For `skip_serializing_if`: an amount of zero is not written.
pub fn is_no_amount(amount: &Cents) -> bool {
    amount.is_zero()
}
