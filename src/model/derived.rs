//! Derived plans: a plan file that says `based_on: "other-plan-id"` and lists only
//! what differs from that plan (docs/formats.md, "Derived plans").
//!
//! The rule for "what differs", one per kind of field:
//! - `coverage` and `code_coverage` merge key by key: a class or code written here
//!   replaces the base's entry; `None` removes it (the class is then not covered);
//!   keys not written are inherited.
//! - The records `deductible`, `maximum` and `settings` merge field by field: a
//!   field written here replaces the base's, a field left out is inherited
//!   ([`records`]).
//! - Every other field (single values, the `missing_tooth_clause` record, and
//!   every list such as `frequency_limits`) replaces the base's value whole when
//!   written, and is inherited when left out; a list written here is the whole
//!   list (`[]` drops the base's list).
//!
//! A derived file parses into a [`PlanPatch`]; [`PlanPatch::resolve`] lays it over
//! its resolved base into ordinary [`PlanRules`] (so the engine never sees a
//! derived plan) plus a [`Derivation`] recording which fields were inherited.

pub mod records;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::code::{CdtCode, CodeSet, GroupRef, ProcedureClass};
use super::plan::{
    AgeLimit, AlternateBenefit, BenefitYear, BundlingRule, CobMethod, DhmoUpgrade, Exclusion,
    FrequencyLimit, MissingToothClause, Network, PlanRules, WaitingPeriod,
};
use crate::money::{Percent, Rounding};
pub use records::{DeductiblePatch, MaximumPatch, SettingsPatch};

/// A plan file as written: a whole plan, or one derived from another.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanFile {
    /// A plan that stands on its own.
    Full(PlanRules),
    /// A plan that says `based_on` and lists only what differs.
    Derived(PlanPatch),
}

/// A derived plan file: the fields it writes, each `None` when inherited.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PlanRules", deny_unknown_fields)]
#[allow(
    missing_docs,
    reason = "each field is the PlanRules field of the same name"
)]
pub struct PlanPatch {
    pub format: u32,
    pub id: String,
    /// The id of the plan this one is based on (None: a whole plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<Network>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit_year: Option<BenefitYear>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    /// Merged field by field over the base's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deductible: Option<DeductiblePatch>,
    /// Merged field by field over the base's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<MaximumPatch>,
    /// Per class: a percentage replaces the base's, `None` removes the class.
    #[serde(
        default,
        deserialize_with = "super::unique_map::unique_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub coverage: BTreeMap<ProcedureClass, Option<Percent>>,
    /// Per code: a percentage replaces the base's, `None` removes the code.
    #[serde(
        default,
        deserialize_with = "super::unique_map::unique_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub code_coverage: BTreeMap<CdtCode, Option<Percent>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_limits: Option<Vec<FrequencyLimit>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_limits: Option<Vec<AgeLimit>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_periods: Option<Vec<WaitingPeriod>>,
    /// `Some(None)` (written `missing_tooth_clause: None`) drops the base's clause.
    #[serde(
        default,
        deserialize_with = "written",
        serialize_with = "write_written",
        skip_serializing_if = "Option::is_none"
    )]
    pub missing_tooth_clause: Option<Option<MissingToothClause>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusions: Option<Vec<Exclusion>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preauthorization: Option<CodeSet>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_benefits: Option<Vec<AlternateBenefit>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundling: Option<Vec<BundlingRule>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cob: Option<CobMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dhmo_upgrades: Option<Vec<DhmoUpgrade>>,
    /// Merged switch by switch over the base's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<SettingsPatch>,
    /// `Some(None)` (written `in_force_since: None`) drops the base's date.
    #[serde(
        default,
        deserialize_with = "written",
        serialize_with = "write_written",
        skip_serializing_if = "Option::is_none"
    )]
    pub in_force_since: Option<Option<NaiveDate>>,
    /// `Some(None)` (written `notes: None`) drops the base's notes.
    #[serde(
        default,
        deserialize_with = "written",
        serialize_with = "write_written",
        skip_serializing_if = "Option::is_none"
    )]
    pub notes: Option<Option<String>>,
    /// `Some(None)` (written `fixed_benefits: None`) drops the base's table.
    #[serde(
        default,
        deserialize_with = "written",
        serialize_with = "write_written",
        skip_serializing_if = "Option::is_none"
    )]
    pub fixed_benefits: Option<Option<String>>,
    /// `Some(None)` (written `copays: None`) drops the base's copays.
    #[serde(
        default,
        deserialize_with = "written",
        serialize_with = "write_written",
        skip_serializing_if = "Option::is_none"
    )]
    pub copays: Option<Option<String>>,
    /// Per code group: a percentage replaces the base's, `None` removes the group.
    #[serde(
        default,
        deserialize_with = "super::unique_map::unique_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub group_coverage: BTreeMap<GroupRef, Option<Percent>>,
}

/// A field that is present in the file, whatever its value (even `None`).
pub(crate) fn written<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Writes a field read by [`written`]: `Some(None)` as `None`, so it reads back
/// as "present, and empty" rather than ron's explicit `Some(None)`.
pub(crate) fn write_written<S, T>(
    value: &Option<Option<T>>,
    serializer: S,
) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    T: Serialize,
{
    match value {
        Some(inner) => inner.serialize(serializer),
        None => serializer.serialize_none(),
    }
}

/// Which of a derived plan's fields were inherited and which it overrides: what a
/// plan editor greys out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Derivation {
    /// The plan it is based on.
    pub based_on: String,
    /// Its ancestors, nearest first (the base, the base's base, ...).
    pub chain: Vec<String>,
    /// The top-level fields its file writes (`coverage` and `code_coverage` are
    /// listed when the file writes any key of them), and each field of a merged
    /// record it writes as `record.field` ("deductible.family"; the record is
    /// listed too).
    pub overridden: BTreeSet<&'static str>,
    /// Coverage classes its file writes (set or removed).
    pub coverage_keys: BTreeSet<ProcedureClass>,
    /// Coverage codes its file writes (set or removed).
    pub code_coverage_keys: BTreeSet<CdtCode>,
    /// Code groups whose coverage its file writes (set or removed).
    pub group_coverage_keys: BTreeSet<GroupRef>,
}

impl Derivation {
    /// True when the plan takes `field` (a `PlanRules` field name) from its base.
    pub fn is_inherited(&self, field: &str) -> bool {
        !self.overridden.contains(field)
    }

    /// True when the coverage of `class` comes from the base.
    pub fn class_inherited(&self, class: ProcedureClass) -> bool {
        !self.coverage_keys.contains(&class)
    }

    /// True when the coverage of `code` comes from the base.
    pub fn code_inherited(&self, code: CdtCode) -> bool {
        !self.code_coverage_keys.contains(&code)
    }
}

/// Replaces `slot` with `value` when the file writes it, and notes the field.
fn take<T>(
    slot: &mut T,
    value: Option<T>,
    field: &'static str,
    overridden: &mut BTreeSet<&'static str>,
) {
    if let Some(value) = value {
        *slot = value;
        overridden.insert(field);
    }
}

/// Merges a written coverage map into the base's, key by key.
fn merge<K: Ord + Clone>(
    into: &mut BTreeMap<K, Percent>,
    written: BTreeMap<K, Option<Percent>>,
) -> BTreeSet<K> {
    let keys = written.keys().cloned().collect();
    for (key, value) in written {
        match value {
            Some(pct) => into.insert(key, pct),
            None => into.remove(&key),
        };
    }
    keys
}

impl PlanPatch {
    /// This plan laid over its resolved `base`: the ordinary plan and what it
    /// inherited. `chain` is the base's own ancestors (nearest first).
    pub fn resolve(mut self, base: &PlanRules, base_chain: &[String]) -> (PlanRules, Derivation) {
        let based_on = self.based_on.take().unwrap_or_else(|| base.id.clone());
        let mut plan = base.clone();
        let mut o = BTreeSet::new();
        self.take_rule_lists(&mut plan, &mut o);
        plan.format = self.format;
        plan.id = self.id;
        take(&mut plan.name, self.name, "name", &mut o);
        take(&mut plan.carrier, self.carrier, "carrier", &mut o);
        take(&mut plan.network, self.network, "network", &mut o);
        take(
            &mut plan.benefit_year,
            self.benefit_year,
            "benefit_year",
            &mut o,
        );
        take(&mut plan.rounding, self.rounding, "rounding", &mut o);
        if let Some(deductible) = self.deductible {
            deductible.merge(&mut plan.deductible, &mut o);
        }
        if let Some(maximum) = self.maximum {
            maximum.merge(&mut plan.maximum, &mut o);
        }
        if let Some(settings) = self.settings {
            settings.merge(&mut plan.settings, &mut o);
        }
        let since = self.in_force_since;
        take(&mut plan.in_force_since, since, "in_force_since", &mut o);
        take(&mut plan.notes, self.notes, "notes", &mut o);
        let fixed = self.fixed_benefits;
        take(&mut plan.fixed_benefits, fixed, "fixed_benefits", &mut o);
        take(&mut plan.copays, self.copays, "copays", &mut o);
        let group_coverage_keys = merge(&mut plan.group_coverage, self.group_coverage);
        if !group_coverage_keys.is_empty() {
            o.insert("group_coverage");
        }
        let mut derivation = finish(
            &mut plan,
            o,
            self.coverage,
            self.code_coverage,
            based_on,
            base_chain,
        );
        derivation.group_coverage_keys = group_coverage_keys;
        (plan, derivation)
    }

    /// The rule lists (and `cob`) the file writes replace the base's whole.
    fn take_rule_lists(&mut self, plan: &mut PlanRules, o: &mut BTreeSet<&'static str>) {
        let limits = self.frequency_limits.take();
        take(&mut plan.frequency_limits, limits, "frequency_limits", o);
        take(
            &mut plan.age_limits,
            self.age_limits.take(),
            "age_limits",
            o,
        );
        let waits = self.waiting_periods.take();
        take(&mut plan.waiting_periods, waits, "waiting_periods", o);
        let clause = self.missing_tooth_clause.take();
        take(
            &mut plan.missing_tooth_clause,
            clause,
            "missing_tooth_clause",
            o,
        );
        take(
            &mut plan.exclusions,
            self.exclusions.take(),
            "exclusions",
            o,
        );
        let preauth = self.preauthorization.take();
        take(&mut plan.preauthorization, preauth, "preauthorization", o);
        let alternates = self.alternate_benefits.take();
        take(
            &mut plan.alternate_benefits,
            alternates,
            "alternate_benefits",
            o,
        );
        take(&mut plan.bundling, self.bundling.take(), "bundling", o);
        take(&mut plan.cob, self.cob.take(), "cob", o);
        take(
            &mut plan.dhmo_upgrades,
            self.dhmo_upgrades.take(),
            "dhmo_upgrades",
            o,
        );
    }
}

/// Merges the coverage maps into `plan` and records what was written.
fn finish(
    plan: &mut PlanRules,
    mut o: BTreeSet<&'static str>,
    coverage: BTreeMap<ProcedureClass, Option<Percent>>,
    code_coverage: BTreeMap<CdtCode, Option<Percent>>,
    based_on: String,
    base_chain: &[String],
) -> Derivation {
    let coverage_keys = merge(&mut plan.coverage, coverage);
    let code_coverage_keys = merge(&mut plan.code_coverage, code_coverage);
    if !coverage_keys.is_empty() {
        o.insert("coverage");
    }
    if !code_coverage_keys.is_empty() {
        o.insert("code_coverage");
    }
    let mut chain = vec![based_on.clone()];
    chain.extend(base_chain.iter().cloned());
    Derivation {
        based_on,
        chain,
        overridden: o,
        coverage_keys,
        code_coverage_keys,
        group_coverage_keys: BTreeSet::new(),
    }
}
