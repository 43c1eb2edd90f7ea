//! The plan editor's data, without drawing: the plan being edited (resolved, as
//! the engine sees it), which fields a derived plan writes, its own undo
//! history, the file it saves to, and the checks the loader would make.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::undo::Undo;
use crate::library;
use crate::model::code::GroupRef;
use crate::model::derived::records::{self, DeductiblePatch, MaximumPatch, SettingsPatch};
use crate::model::derived::{Derivation, PlanFile, PlanPatch};
use crate::model::{CdtCode, Library, PlanRules, Problem, ProcedureClass, SourceFile};
use crate::money::Percent;

/// The plan fields other than id, format and coverage, as plan files name them.
pub const FIELDS: [&str; 20] = [
    "name",
    "carrier",
    "network",
    "benefit_year",
    "rounding",
    "deductible",
    "maximum",
    "frequency_limits",
    "age_limits",
    "waiting_periods",
    "missing_tooth_clause",
    "exclusions",
    "preauthorization",
    "alternate_benefits",
    "bundling",
    "cob",
    "dhmo_upgrades",
    "settings",
    "in_force_since",
    "notes",
];

/// The plan as edited and the derivation it is written with.
type Snapshot = (PlanRules, Option<Derivation>);

/// A plan open in the editor.
#[derive(Debug, Clone)]
pub struct PlanDraft {
    /// The plan as the engine will see it (a derived plan resolved over its base).
    pub plan: PlanRules,
    /// For a derived plan: its base and the fields its file writes.
    pub derivation: Option<Derivation>,
    /// For a derived plan: its base, resolved.
    pub base: Option<PlanRules>,
    /// The file it is saved to.
    pub path: PathBuf,
    /// The id it has in the library; None for a plan not saved yet.
    pub saved_id: Option<String>,
    /// Counts changes (the preview and the checks follow it).
    pub revision: u64,
    pub(super) saved: Option<Snapshot>,
    pub(super) history: Undo<Snapshot>,
}

impl PlanDraft {
    /// Opens library plan `id`; None when there is no such plan or file.
    pub fn open(library: &Library, id: &str) -> Option<PlanDraft> {
        let plan = library.plans.get(id)?.clone();
        let path = library.plan_source(id)?.to_path_buf();
        let derivation = library.derivations.get(id).cloned();
        let base = derivation
            .as_ref()
            .and_then(|d| library.plans.get(&d.based_on).cloned());
        let saved = Some((plan.clone(), derivation.clone()));
        Some(PlanDraft {
            plan,
            derivation,
            base,
            path,
            saved_id: Some(id.to_string()),
            revision: 0,
            saved,
            history: Undo::default(),
        })
    }

    /// A new plan (not saved yet) to be written at `path`.
    pub fn new_plan(plan: PlanRules, path: PathBuf) -> PlanDraft {
        PlanDraft {
            plan,
            derivation: None,
            base: None,
            path,
            saved_id: None,
            revision: 0,
            saved: None,
            history: Undo::default(),
        }
    }

    fn snapshot(&self) -> Snapshot {
        (self.plan.clone(), self.derivation.clone())
    }

    fn restore(&mut self, (plan, derivation): Snapshot) {
        self.plan = plan;
        self.derivation = derivation;
        self.revision += 1;
    }

    /// Changes field `field` by `change` as one undo step; a derived plan then
    /// writes that field (a record's field, `deductible.family`, alone; a whole
    /// record, `deductible`, with every field). Nothing is recorded when nothing
    /// changed.
    pub fn edit(&mut self, field: &'static str, change: impl FnOnce(&mut PlanRules)) {
        let before = self.snapshot();
        change(&mut self.plan);
        if let Some(derivation) = &mut self.derivation {
            write(derivation, field);
        }
        if self.snapshot() != before {
            self.history.record(before);
            self.revision += 1;
        }
    }

    /// Sets (or removes, None) the coverage of a class, one undo step.
    pub fn set_class_coverage(&mut self, class: ProcedureClass, percent: Option<Percent>) {
        let before = self.snapshot();
        match percent {
            Some(p) => self.plan.coverage.insert(class, p),
            None => self.plan.coverage.remove(&class),
        };
        if let Some(derivation) = &mut self.derivation {
            derivation.overridden.insert("coverage");
            derivation.coverage_keys.insert(class);
        }
        if self.snapshot() != before {
            self.history.record(before);
            self.revision += 1;
        }
    }

    /// Sets (or removes) the coverage of one code, one undo step.
    pub fn set_code_coverage(&mut self, code: CdtCode, percent: Option<Percent>) {
        let before = self.snapshot();
        match percent {
            Some(p) => self.plan.code_coverage.insert(code, p),
            None => self.plan.code_coverage.remove(&code),
        };
        if let Some(derivation) = &mut self.derivation {
            derivation.overridden.insert("code_coverage");
            derivation.code_coverage_keys.insert(code);
        }
        if self.snapshot() != before {
            self.history.record(before);
            self.revision += 1;
        }
    }

    /// Sets (or removes, None) the coverage of a code group, one undo step.
    pub fn set_group_coverage(&mut self, key: GroupRef, percent: Option<Percent>) {
        let before = self.snapshot();
        set_group(&mut self.plan, &key, percent);
        if let Some(derivation) = &mut self.derivation {
            derivation.overridden.insert("group_coverage");
            derivation.group_coverage_keys.insert(key);
        }
        if self.snapshot() != before {
            self.history.record(before);
            self.revision += 1;
        }
    }

    /// True when this derived plan takes `field` from its base.
    pub fn inherits(&self, field: &str) -> bool {
        self.derivation
            .as_ref()
            .is_some_and(|d| d.is_inherited(field))
    }

    /// True when this derived plan takes the coverage of `class` from its base.
    pub fn inherits_class(&self, class: ProcedureClass) -> bool {
        self.derivation
            .as_ref()
            .is_some_and(|d| d.class_inherited(class))
    }

    /// Writes `field` in the derived plan's file with its current value.
    pub fn override_field(&mut self, field: &'static str) {
        self.edit(field, |_| {});
    }

    /// Takes `field` (or a record's field, `deductible.family`) from the base
    /// again (one undo step).
    pub fn back_to_inherited(&mut self, field: &str) {
        let (Some(base), Some(_)) = (self.base.clone(), &self.derivation) else {
            return;
        };
        let before = self.snapshot();
        let fields = records::fields_of(field);
        for sub in fields {
            copy_field(&mut self.plan, &base, sub);
        }
        if fields.is_empty() {
            copy_field(&mut self.plan, &base, field);
        }
        if let Some(derivation) = &mut self.derivation {
            unwrite(derivation, field);
        }
        if self.snapshot() != before {
            self.history.record(before);
            self.revision += 1;
        }
    }

    /// Takes the coverage of `class` from the base again.
    pub fn class_back_to_inherited(&mut self, class: ProcedureClass) {
        let Some(base) = self.base.clone() else {
            return;
        };
        let before = self.snapshot();
        match base.coverage.get(&class) {
            Some(p) => self.plan.coverage.insert(class, *p),
            None => self.plan.coverage.remove(&class),
        };
        if let Some(derivation) = &mut self.derivation {
            derivation.coverage_keys.remove(&class);
            if derivation.coverage_keys.is_empty() {
                derivation.overridden.remove("coverage");
            }
        }
        if self.snapshot() != before {
            self.history.record(before);
            self.revision += 1;
        }
    }

    /// Undoes the last change; false when there was none.
    pub fn undo(&mut self) -> bool {
        let current = self.snapshot();
        match self.history.undo(&current) {
            Some(before) => {
                self.restore(before);
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone change; false when there was none.
    pub fn redo(&mut self) -> bool {
        let current = self.snapshot();
        match self.history.redo(&current) {
            Some(after) => {
                self.restore(after);
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

    /// True when the plan differs from its file (always for a new plan).
    pub fn is_modified(&self) -> bool {
        self.saved.as_ref() != Some(&self.snapshot())
    }

    /// The plan was saved as it is now.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.snapshot());
        self.saved_id = Some(self.plan.id.clone());
    }

    /// What the file holds: the whole plan, or a derived plan's base and the
    /// fields it writes.
    pub fn file(&self) -> PlanFile {
        match &self.derivation {
            Some(derivation) => PlanFile::Derived(patch(&self.plan, derivation)),
            None => PlanFile::Full(self.plan.clone()),
        }
    }

    /// Checks the plan as the loader would read its file: the problems (with
    /// `line:col` in the text it would be saved as) and the lint's warnings.
    pub fn check(&self, library: &Library, today: NaiveDate) -> Checked {
        let text = match library::plan_file_text(&self.file()) {
            Ok(text) => text,
            Err(e) => {
                let problem = Problem::file(&self.path, format!("cannot be written: {e}"));
                return Checked {
                    problems: vec![problem],
                    ..Checked::default()
                };
            }
        };
        let loaded = load_with(library, &self.path, &text, self.derivation.as_ref());
        let mut problems: Vec<Problem> = loaded
            .problems
            .iter()
            .filter(|p| p.path == self.path)
            .cloned()
            .collect();
        let other = library.plans.contains_key(&self.plan.id)
            && self.saved_id.as_deref() != Some(self.plan.id.as_str());
        if other {
            let message = format!("another plan already has the id {:?}", self.plan.id);
            problems.push(Problem::file(&self.path, message));
        }
        let fields = problems
            .iter()
            .filter_map(|p| Some((field_at(&text, p.line)?, p.message.clone())))
            .collect();
        let texts = BTreeMap::from([(self.path.clone(), text)]);
        let warnings = library::lint(&loaded, &texts, today)
            .into_iter()
            .filter(|p| p.path == self.path)
            .collect();
        Checked {
            problems,
            warnings,
            fields,
        }
    }
}

/// What the loader and the lint say about a plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    /// Problems that would keep the plan from loading.
    pub problems: Vec<Problem>,
    /// Lint warnings (rules that can never change a number, and the like).
    pub warnings: Vec<Problem>,
    /// Each problem's message by the plan field (as files name it) it is in.
    pub fields: Vec<(String, String)>,
}

impl Checked {
    /// The problems inside `field`, to show on it.
    pub fn on(&self, field: &str) -> impl Iterator<Item = &str> {
        self.fields
            .iter()
            .filter(move |(f, _)| f == field)
            .map(|(_, message)| message.as_str())
    }
}

/// The top-level field (`    name:` at four spaces) that line `line` (1-based)
/// of a saved plan file is in.
fn field_at(text: &str, line: usize) -> Option<String> {
    text.lines()
        .take(line)
        .filter_map(|l| {
            let key = l.strip_prefix("    ")?;
            let (name, _) = key.split_once(':')?;
            let plain =
                !name.starts_with(' ') && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            plain.then(|| name.to_string())
        })
        .last()
}

/// The library a plan file at `path` with `text` would load into: the
/// library's fee schedules, the plan's bases (written whole), and the plan.
fn load_with(
    library: &Library,
    path: &Path,
    text: &str,
    derivation: Option<&Derivation>,
) -> Library {
    let schedules: Vec<SourceFile> = library
        .fee_schedules
        .values()
        .filter_map(|s| {
            let text = library::to_ron(s).ok()?;
            let path = library.sources.get(&s.id).cloned().unwrap_or_default();
            Some(SourceFile { path, text })
        })
        .collect();
    let mut plans: Vec<SourceFile> = derivation
        .map(|d| d.based_on.as_str())
        .and_then(|id| library.plans.get(id))
        .and_then(|base| library::plan_file_text(&PlanFile::Full(base.clone())).ok())
        .map(|text| SourceFile {
            path: PathBuf::from("base.ron"),
            text,
        })
        .into_iter()
        .collect();
    plans.push(SourceFile {
        path: path.to_path_buf(),
        text: text.to_string(),
    });
    library::from_sources_grouped(library.code_groups.clone(), &schedules, &plans)
}

/// A derived plan's file: `based_on` and the fields it writes.
fn patch(plan: &PlanRules, d: &Derivation) -> PlanPatch {
    let w = |field: &str| d.overridden.contains(field);
    PlanPatch {
        format: plan.format,
        id: plan.id.clone(),
        based_on: Some(d.based_on.clone()),
        name: w("name").then(|| plan.name.clone()),
        carrier: w("carrier").then(|| plan.carrier.clone()),
        network: w("network").then(|| plan.network.clone()),
        benefit_year: w("benefit_year").then_some(plan.benefit_year),
        rounding: w("rounding").then_some(plan.rounding),
        deductible: DeductiblePatch::of(&plan.deductible, &d.overridden),
        maximum: MaximumPatch::of(&plan.maximum, &d.overridden),
        coverage: d
            .coverage_keys
            .iter()
            .map(|c| (*c, plan.coverage.get(c).copied()))
            .collect(),
        code_coverage: d
            .code_coverage_keys
            .iter()
            .map(|c| (*c, plan.code_coverage.get(c).copied()))
            .collect(),
        frequency_limits: w("frequency_limits").then(|| plan.frequency_limits.clone()),
        age_limits: w("age_limits").then(|| plan.age_limits.clone()),
        waiting_periods: w("waiting_periods").then(|| plan.waiting_periods.clone()),
        missing_tooth_clause: w("missing_tooth_clause").then(|| plan.missing_tooth_clause.clone()),
        exclusions: w("exclusions").then(|| plan.exclusions.clone()),
        preauthorization: w("preauthorization").then(|| plan.preauthorization.clone()),
        alternate_benefits: w("alternate_benefits").then(|| plan.alternate_benefits.clone()),
        bundling: w("bundling").then(|| plan.bundling.clone()),
        cob: w("cob").then_some(plan.cob),
        dhmo_upgrades: w("dhmo_upgrades").then(|| plan.dhmo_upgrades.clone()),
        settings: SettingsPatch::of(&plan.settings, &d.overridden),
        in_force_since: w("in_force_since").then_some(plan.in_force_since),
        notes: w("notes").then(|| plan.notes.clone()),
        fixed_benefits: w("fixed_benefits").then(|| plan.fixed_benefits.clone()),
        copays: w("copays").then(|| plan.copays.clone()),
        group_coverage: d
            .group_coverage_keys
            .iter()
            .map(|g| (g.clone(), plan.group_coverage.get(g).copied()))
            .collect(),
    }
}

/// Puts (or takes away, None) a code group's percentage in `plan`.
pub fn set_group(plan: &mut PlanRules, key: &GroupRef, percent: Option<Percent>) {
    match percent {
        Some(p) => plan.group_coverage.insert(key.clone(), p),
        None => plan.group_coverage.remove(key),
    };
}

/// Notes `field` as written: a record with each of its fields, a record's
/// field with its record.
pub(super) fn write(derivation: &mut Derivation, field: &'static str) {
    derivation.overridden.insert(field);
    derivation.overridden.extend(records::fields_of(field));
    if let Some(record) = records::record_of(field) {
        derivation.overridden.insert(record);
    }
}

/// Notes `field` as inherited again: a record with each of its fields; a
/// record's field, and the record too once none of its fields is written.
fn unwrite(derivation: &mut Derivation, field: &str) {
    let o = &mut derivation.overridden;
    o.remove(field);
    for sub in records::fields_of(field) {
        o.remove(sub);
    }
    if let Some(record) = records::record_of(field)
        && !records::fields_of(record).iter().any(|f| o.contains(f))
    {
        o.remove(record);
    }
}

/// Copies one field (named as in plan files, or `record.field`) from `from`
/// into `to`.
fn copy_field(to: &mut PlanRules, from: &PlanRules, field: &str) {
    if copy_record_field(to, from, field) {
        return;
    }
    match field {
        "name" => to.name.clone_from(&from.name),
        "carrier" => to.carrier.clone_from(&from.carrier),
        "network" => to.network.clone_from(&from.network),
        "benefit_year" => to.benefit_year = from.benefit_year,
        "rounding" => to.rounding = from.rounding,
        "deductible" => to.deductible.clone_from(&from.deductible),
        "maximum" => to.maximum.clone_from(&from.maximum),
        "frequency_limits" => to.frequency_limits.clone_from(&from.frequency_limits),
        "age_limits" => to.age_limits.clone_from(&from.age_limits),
        "waiting_periods" => to.waiting_periods.clone_from(&from.waiting_periods),
        "missing_tooth_clause" => to
            .missing_tooth_clause
            .clone_from(&from.missing_tooth_clause),
        "exclusions" => to.exclusions.clone_from(&from.exclusions),
        "preauthorization" => to.preauthorization.clone_from(&from.preauthorization),
        "alternate_benefits" => to.alternate_benefits.clone_from(&from.alternate_benefits),
        "bundling" => to.bundling.clone_from(&from.bundling),
        "cob" => to.cob = from.cob,
        "dhmo_upgrades" => to.dhmo_upgrades.clone_from(&from.dhmo_upgrades),
        "settings" => to.settings.clone_from(&from.settings),
        "in_force_since" => to.in_force_since = from.in_force_since,
        "notes" => to.notes.clone_from(&from.notes),
        "fixed_benefits" => to.fixed_benefits.clone_from(&from.fixed_benefits),
        "copays" => to.copays.clone_from(&from.copays),
        "group_coverage" => to.group_coverage.clone_from(&from.group_coverage),
        _ => {}
    }
}

/// Copies one `record.field`; false when `field` is not one.
fn copy_record_field(to: &mut PlanRules, from: &PlanRules, field: &str) -> bool {
    let (d, fd) = (&mut to.deductible, &from.deductible);
    let (m, fm) = (&mut to.maximum, &from.maximum);
    let (s, fs) = (&mut to.settings, &from.settings);
    match field {
        "deductible.individual" => d.individual = fd.individual,
        "deductible.family" => d.family = fd.family,
        "deductible.family_model" => d.family_model = fd.family_model,
        "deductible.waived_classes" => d.waived_classes.clone_from(&fd.waived_classes),
        "deductible.period" => d.period = fd.period,
        "deductible.placement" => d.placement = fd.placement,
        "maximum.annual" => m.annual = fm.annual,
        "maximum.family_annual" => m.family_annual = fm.family_annual,
        "maximum.exempt_classes" => m.exempt_classes.clone_from(&fm.exempt_classes),
        "maximum.class_maximums" => m.class_maximums.clone_from(&fm.class_maximums),
        "settings.date_of_service" => s.date_of_service = fs.date_of_service,
        "settings.write_off_after_maximum" => {
            s.write_off_after_maximum = fs.write_off_after_maximum;
        }
        "settings.denied_lines_billed_at" => s.denied_lines_billed_at = fs.denied_lines_billed_at,
        "settings.write_off_when_secondary" => {
            s.write_off_when_secondary = fs.write_off_when_secondary;
        }
        "settings.coordinates_benefits" => s.coordinates_benefits = fs.coordinates_benefits,
        "settings.credit_deductible_when_paying_nothing" => {
            s.credit_deductible_when_paying_nothing = fs.credit_deductible_when_paying_nothing;
        }
        "deductible.separate" => d.separate.clone_from(&fd.separate),
        "maximum.rollover" => m.rollover.clone_from(&fm.rollover),
        _ => return copy_carrier_switch(s, fs, field),
    }
    true
}

/// Copies one of the switches carriers differ on; false when `field` is not one.
fn copy_carrier_switch(
    s: &mut crate::model::plan::PlanSettings,
    fs: &crate::model::plan::PlanSettings,
    field: &str,
) -> bool {
    match field {
        "settings.denied_billing_by_reason" => {
            s.denied_billing_by_reason
                .clone_from(&fs.denied_billing_by_reason);
        }
        "settings.code_waiting_replaces_class" => {
            s.code_waiting_replaces_class = fs.code_waiting_replaces_class;
        }
        "settings.write_off_on_downgrade" => s.write_off_on_downgrade = fs.write_off_on_downgrade,
        "settings.unlisted_substitute" => s.unlisted_substitute = fs.unlisted_substitute,
        "settings.in_network_cob_limit" => s.in_network_cob_limit = fs.in_network_cob_limit,
        "settings.own_contract_caps_secondary" => {
            s.own_contract_caps_secondary = fs.own_contract_caps_secondary;
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
#[path = "plan_model_tests.rs"]
mod tests;
