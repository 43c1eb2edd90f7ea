//! The records a derived plan merges field by field (`deductible`, `maximum`,
//! `settings`): each field it writes replaces the base's, each it leaves out is
//! inherited. A field is named `record.field` ("deductible.family") in a
//! [`super::Derivation`]'s `overridden`, next to the record's own name.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{write_written, written};
use crate::model::code::ProcedureClass;
use crate::model::plan::{
    ClassMaximum, DateOfServiceBasis, Deductible, DeductiblePeriod, DeductiblePlacement,
    DeniedBilling, DeniedBillingByReason, FamilyDeductibleModel, InNetworkCobLimit, Maximum,
    PlanSettings, Rollover, SeparateDeductible, UnlistedSubstitute,
};
use crate::money::Cents;

/// The fields of each record merged field by field, as `record.field`.
pub const RECORD_FIELDS: [(&str, &[&str]); 3] = [
    (
        "deductible",
        &[
            "deductible.individual",
            "deductible.family",
            "deductible.family_model",
            "deductible.waived_classes",
            "deductible.period",
            "deductible.placement",
            "deductible.separate",
        ],
    ),
    (
        "maximum",
        &[
            "maximum.annual",
            "maximum.family_annual",
            "maximum.exempt_classes",
            "maximum.class_maximums",
            "maximum.rollover",
        ],
    ),
    (
        "settings",
        &[
            "settings.date_of_service",
            "settings.write_off_after_maximum",
            "settings.denied_lines_billed_at",
            "settings.write_off_when_secondary",
            "settings.coordinates_benefits",
            "settings.credit_deductible_when_paying_nothing",
            "settings.denied_billing_by_reason",
            "settings.code_waiting_replaces_class",
            "settings.write_off_on_downgrade",
            "settings.unlisted_substitute",
            "settings.in_network_cob_limit",
            "settings.own_contract_caps_secondary",
        ],
    ),
];

/// The `record.field` names of `record`; empty for a field that is not a
/// merged record.
pub fn fields_of(record: &str) -> &'static [&'static str] {
    RECORD_FIELDS
        .iter()
        .find(|(r, _)| *r == record)
        .map_or(&[], |(_, fields)| fields)
}

/// The record a `record.field` name belongs to ("deductible" for
/// "deductible.family"); None for a top-level field.
pub fn record_of(field: &str) -> Option<&'static str> {
    let (record, _) = field.split_once('.')?;
    RECORD_FIELDS.iter().map(|(r, _)| *r).find(|r| *r == record)
}

/// Notes `record.field` as written (and the record with it).
struct Writer<'a> {
    record: &'static str,
    overridden: &'a mut BTreeSet<&'static str>,
}

impl Writer<'_> {
    fn take<T>(&mut self, slot: &mut T, value: Option<T>, field: &str) {
        let Some(value) = value else {
            return;
        };
        *slot = value;
        let name = fields_of(self.record)
            .iter()
            .find(|f| f.split_once('.').is_some_and(|(_, n)| n == field));
        if let Some(name) = name {
            self.overridden.insert(name);
        }
        self.overridden.insert(self.record);
    }
}

/// A derived plan's `deductible`: only the fields it writes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Deductible", deny_unknown_fields)]
#[allow(
    missing_docs,
    reason = "each field is the Deductible field of the same name"
)]
pub struct DeductiblePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual: Option<Cents>,
    /// `Some(None)` (written `family: None`) drops the base's family cap.
    #[serde(
        default,
        deserialize_with = "written",
        serialize_with = "write_written",
        skip_serializing_if = "Option::is_none"
    )]
    pub family: Option<Option<Cents>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_model: Option<FamilyDeductibleModel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waived_classes: Option<Vec<ProcedureClass>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DeductiblePeriod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement: Option<DeductiblePlacement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separate: Option<Vec<SeparateDeductible>>,
}

impl DeductiblePatch {
    /// Lays the written fields over `into`, noting them in `overridden`.
    pub fn merge(self, into: &mut Deductible, overridden: &mut BTreeSet<&'static str>) {
        let mut w = Writer {
            record: "deductible",
            overridden,
        };
        w.take(&mut into.individual, self.individual, "individual");
        w.take(&mut into.family, self.family, "family");
        w.take(&mut into.family_model, self.family_model, "family_model");
        w.take(
            &mut into.waived_classes,
            self.waived_classes,
            "waived_classes",
        );
        w.take(&mut into.period, self.period, "period");
        w.take(&mut into.placement, self.placement, "placement");
        w.take(&mut into.separate, self.separate, "separate");
    }

    /// The fields of `from` that `written` names (as `deductible.field`).
    pub fn of(from: &Deductible, written: &BTreeSet<&'static str>) -> Option<DeductiblePatch> {
        let w = |f: &str| written.contains(f);
        let patch = DeductiblePatch {
            individual: w("deductible.individual").then_some(from.individual),
            family: w("deductible.family").then_some(from.family),
            family_model: w("deductible.family_model").then_some(from.family_model),
            waived_classes: w("deductible.waived_classes").then(|| from.waived_classes.clone()),
            period: w("deductible.period").then_some(from.period),
            placement: w("deductible.placement").then_some(from.placement),
            separate: w("deductible.separate").then(|| from.separate.clone()),
        };
        (patch != DeductiblePatch::default()).then_some(patch)
    }
}

/// A derived plan's `maximum`: only the fields it writes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Maximum", deny_unknown_fields)]
#[allow(
    missing_docs,
    reason = "each field is the Maximum field of the same name"
)]
pub struct MaximumPatch {
    /// `Some(None)` (written `annual: None`): no annual maximum.
    #[serde(
        default,
        deserialize_with = "written",
        serialize_with = "write_written",
        skip_serializing_if = "Option::is_none"
    )]
    pub annual: Option<Option<Cents>>,
    /// `Some(None)` (written `family_annual: None`): no family maximum.
    #[serde(
        default,
        deserialize_with = "written",
        serialize_with = "write_written",
        skip_serializing_if = "Option::is_none"
    )]
    pub family_annual: Option<Option<Cents>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt_classes: Option<Vec<ProcedureClass>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_maximums: Option<Vec<ClassMaximum>>,
    /// `Some(None)` (written `rollover: None`): no rollover bank.
    #[serde(
        default,
        deserialize_with = "written",
        serialize_with = "write_written",
        skip_serializing_if = "Option::is_none"
    )]
    pub rollover: Option<Option<Rollover>>,
}

impl MaximumPatch {
    /// Lays the written fields over `into`, noting them in `overridden`.
    pub fn merge(self, into: &mut Maximum, overridden: &mut BTreeSet<&'static str>) {
        let mut w = Writer {
            record: "maximum",
            overridden,
        };
        w.take(&mut into.annual, self.annual, "annual");
        w.take(&mut into.family_annual, self.family_annual, "family_annual");
        w.take(
            &mut into.exempt_classes,
            self.exempt_classes,
            "exempt_classes",
        );
        w.take(
            &mut into.class_maximums,
            self.class_maximums,
            "class_maximums",
        );
        w.take(&mut into.rollover, self.rollover, "rollover");
    }

    /// The fields of `from` that `written` names (as `maximum.field`).
    pub fn of(from: &Maximum, written: &BTreeSet<&'static str>) -> Option<MaximumPatch> {
        let w = |f: &str| written.contains(f);
        let patch = MaximumPatch {
            annual: w("maximum.annual").then_some(from.annual),
            family_annual: w("maximum.family_annual").then_some(from.family_annual),
            exempt_classes: w("maximum.exempt_classes").then(|| from.exempt_classes.clone()),
            class_maximums: w("maximum.class_maximums").then(|| from.class_maximums.clone()),
            rollover: w("maximum.rollover").then(|| from.rollover.clone()),
        };
        (patch != MaximumPatch::default()).then_some(patch)
    }
}

/// A derived plan's `settings`: only the switches it writes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PlanSettings", deny_unknown_fields)]
#[allow(
    missing_docs,
    reason = "each field is the PlanSettings field of the same name"
)]
pub struct SettingsPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_service: Option<DateOfServiceBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_off_after_maximum: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denied_lines_billed_at: Option<DeniedBilling>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_off_when_secondary: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates_benefits: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_deductible_when_paying_nothing: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denied_billing_by_reason: Option<DeniedBillingByReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_waiting_replaces_class: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_off_on_downgrade: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlisted_substitute: Option<UnlistedSubstitute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_network_cob_limit: Option<InNetworkCobLimit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_contract_caps_secondary: Option<bool>,
}

impl SettingsPatch {
    /// Lays the written switches over `into`, noting them in `overridden`.
    pub fn merge(self, into: &mut PlanSettings, overridden: &mut BTreeSet<&'static str>) {
        let mut w = Writer {
            record: "settings",
            overridden,
        };
        w.take(
            &mut into.date_of_service,
            self.date_of_service,
            "date_of_service",
        );
        w.take(
            &mut into.write_off_after_maximum,
            self.write_off_after_maximum,
            "write_off_after_maximum",
        );
        w.take(
            &mut into.denied_lines_billed_at,
            self.denied_lines_billed_at,
            "denied_lines_billed_at",
        );
        w.take(
            &mut into.write_off_when_secondary,
            self.write_off_when_secondary,
            "write_off_when_secondary",
        );
        w.take(
            &mut into.coordinates_benefits,
            self.coordinates_benefits,
            "coordinates_benefits",
        );
        w.take(
            &mut into.credit_deductible_when_paying_nothing,
            self.credit_deductible_when_paying_nothing,
            "credit_deductible_when_paying_nothing",
        );
        self.merge_carrier_switches(&mut w, into);
    }

    /// The switches carriers differ on (issue 16 item 9).
    fn merge_carrier_switches(self, w: &mut Writer<'_>, into: &mut PlanSettings) {
        let by_reason = self.denied_billing_by_reason;
        w.take(
            &mut into.denied_billing_by_reason,
            by_reason,
            "denied_billing_by_reason",
        );
        let replaces = self.code_waiting_replaces_class;
        w.take(
            &mut into.code_waiting_replaces_class,
            replaces,
            "code_waiting_replaces_class",
        );
        let downgrade = self.write_off_on_downgrade;
        w.take(
            &mut into.write_off_on_downgrade,
            downgrade,
            "write_off_on_downgrade",
        );
        let substitute = self.unlisted_substitute;
        w.take(
            &mut into.unlisted_substitute,
            substitute,
            "unlisted_substitute",
        );
        let limit = self.in_network_cob_limit;
        w.take(
            &mut into.in_network_cob_limit,
            limit,
            "in_network_cob_limit",
        );
        let caps = self.own_contract_caps_secondary;
        w.take(
            &mut into.own_contract_caps_secondary,
            caps,
            "own_contract_caps_secondary",
        );
    }

    /// The switches of `from` that `written` names (as `settings.field`).
    pub fn of(from: &PlanSettings, written: &BTreeSet<&'static str>) -> Option<SettingsPatch> {
        let w = |f: &str| written.contains(f);
        let patch = SettingsPatch {
            date_of_service: w("settings.date_of_service").then_some(from.date_of_service),
            write_off_after_maximum: w("settings.write_off_after_maximum")
                .then_some(from.write_off_after_maximum),
            denied_lines_billed_at: w("settings.denied_lines_billed_at")
                .then_some(from.denied_lines_billed_at),
            write_off_when_secondary: w("settings.write_off_when_secondary")
                .then_some(from.write_off_when_secondary),
            coordinates_benefits: w("settings.coordinates_benefits")
                .then_some(from.coordinates_benefits),
            credit_deductible_when_paying_nothing: w(
                "settings.credit_deductible_when_paying_nothing",
            )
            .then_some(from.credit_deductible_when_paying_nothing),
            denied_billing_by_reason: w("settings.denied_billing_by_reason")
                .then_some(from.denied_billing_by_reason),
            code_waiting_replaces_class: w("settings.code_waiting_replaces_class")
                .then_some(from.code_waiting_replaces_class),
            write_off_on_downgrade: w("settings.write_off_on_downgrade")
                .then_some(from.write_off_on_downgrade),
            unlisted_substitute: w("settings.unlisted_substitute")
                .then_some(from.unlisted_substitute),
            in_network_cob_limit: w("settings.in_network_cob_limit")
                .then_some(from.in_network_cob_limit),
            own_contract_caps_secondary: w("settings.own_contract_caps_secondary")
                .then_some(from.own_contract_caps_secondary),
        };
        (patch != SettingsPatch::default()).then_some(patch)
    }
}
