//! What is already used under the plan's rows of their own (issue 16): each
//! separate deductible met (by the patient and, when it has a family amount, by
//! the family), what the family has used of a class maximum's family amount, and
//! the rollover bank. Shown only for a plan that has them; each committed field
//! is one undo step (the amounts are this benefit year's, or the lifetime's for
//! a lifetime row).

use std::collections::BTreeMap;

use egui::{Grid, RichText, Ui};

use super::super::{Out, PanelCtx};
use crate::gui::command::{Command, Edit};
use crate::gui::widgets::commit_edit::commit_edit;
use crate::model::benefit_rows::SeparateUsed;
use crate::model::edit::BenefitYear;
use crate::model::{Coverage, PlanRules};
use crate::money::Cents;

/// Width of the amount fields.
const FIELD: f32 = 80.0;

/// Which map of [`SeparateUsed`] a field writes.
#[derive(Clone, Copy)]
enum Kind {
    Met,
    FamilyMet,
    FamilyMaximum,
}

impl Kind {
    fn map(self, used: &mut SeparateUsed) -> &mut BTreeMap<String, Cents> {
        match self {
            Kind::Met => &mut used.deductibles_met,
            Kind::FamilyMet => &mut used.family_deductibles_met,
            Kind::FamilyMaximum => &mut used.family_class_maximum_used,
        }
    }
}

/// One field: its row id, what it writes and its words.
struct Field {
    id: String,
    kind: Kind,
    words: String,
}

/// The fields `plan` needs, in file order.
fn fields(plan: &PlanRules) -> Vec<Field> {
    let mut out = Vec::new();
    for row in &plan.deductible.separate {
        let field = |kind, words: String| Field {
            id: row.id.clone(),
            kind,
            words,
        };
        out.push(field(Kind::Met, format!("{} met", row.name)));
        if row.family.is_some() {
            out.push(field(
                Kind::FamilyMet,
                format!("{} met by the family", row.name),
            ));
        }
    }
    for max in &plan.maximum.class_maximums {
        if max.family_amount.is_some() {
            out.push(Field {
                id: max.id.clone(),
                kind: Kind::FamilyMaximum,
                words: format!("{} used by the family", max.name),
            });
        }
    }
    out
}

/// Draws the fields of coverage `i`; nothing for a plan without such rows.
pub fn own_amounts_ui(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    i: usize,
    coverage: &Coverage,
    out: Out<'_>,
) {
    let Some(plan) = ctx.library.plans.get(&coverage.plan) else {
        return;
    };
    let fields = fields(plan);
    if fields.is_empty() && plan.maximum.rollover.is_none() {
        return;
    }
    let role = super::payer_role(i);
    ui.label(
        RichText::new("Used under the plan's own amounts")
            .small()
            .weak(),
    );
    Grid::new(("own_amounts", i)).num_columns(2).show(ui, |ui| {
        for field in &fields {
            separate_ui(ui, (i, &role), coverage, field, out);
            ui.end_row();
        }
        if plan.maximum.rollover.is_some() {
            ui.label("Rollover bank").on_hover_text(
                "Unused maximum carried from earlier years, as it stood when this benefit year began",
            );
            let label = format!("{role} rollover bank");
            let shown = coverage.rollover_bank.to_string();
            let typed = commit_edit(ui, ("rollover_bank", i), &label, &shown, "0.00", FIELD);
            if let Some(text) = typed {
                match Cents::parse_non_negative(&text) {
                    Ok(bank) => out.edit(Edit::CoverageRolloverBank(i, bank)),
                    Err(e) => out.push(Command::ShowError(format!("{label}: {e}"))),
                }
            }
            ui.end_row();
        }
    });
}

/// The most a row's words may take: longer ones wrap, so a long deductible name
/// does not widen the patient panel and push the table's columns out of view.
const LABEL_WIDTH: f32 = 170.0;

/// `words`, wrapped at [`LABEL_WIDTH`].
fn narrow_label(ui: &mut Ui, words: &str) {
    ui.scope(|ui| {
        ui.set_max_width(LABEL_WIDTH);
        ui.add(egui::Label::new(words).wrap());
    });
}

/// One separate amount, committed as this year's figures with it changed.
fn separate_ui(ui: &mut Ui, at: (usize, &str), coverage: &Coverage, field: &Field, out: Out<'_>) {
    let (i, role) = at;
    narrow_label(ui, &field.words);
    let mut used = coverage.used_in(BenefitYear::This);
    let current = field
        .kind
        .map(&mut used.separate_used)
        .get(&field.id)
        .copied()
        .unwrap_or_default();
    let label = format!("{role} {}", field.words);
    let salt = ("own_amount", i, field.words.as_str());
    let Some(text) = commit_edit(ui, salt, &label, &current.to_string(), "0.00", FIELD) else {
        return;
    };
    match Cents::parse_non_negative(&text) {
        Ok(amount) => {
            let map = field.kind.map(&mut used.separate_used);
            // Nothing met is the same as not written: keep the file tidy.
            if amount.is_zero() {
                map.remove(&field.id);
            } else {
                map.insert(field.id.clone(), amount);
            }
            out.edit(Edit::CoverageUsed(i, BenefitYear::This, used));
        }
        Err(e) => out.push(Command::ShowError(format!("{label}: {e}"))),
    }
}
