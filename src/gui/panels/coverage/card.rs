//! The card's details: member id, subscriber, relationship, the subscriber's
//! birth date (the birthday rule orders a child's parents' plans by it), the end
//! date and when and how the benefits were verified.

use chrono::NaiveDate;
use egui::{ComboBox, Grid, Ui};

use super::super::{Out, PanelCtx};
use crate::gui::command::Edit;
use crate::gui::widgets::commit_edit::{commit_edit, name_combo, optional_date_edit};
use crate::model::Coverage;
use crate::model::treatment_plan::{Relationship, Verification};

/// Width of the text fields.
const FIELD: f32 = 110.0;

fn optional(text: String) -> Option<String> {
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// Draws the card's fields.
pub fn card_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, i: usize, coverage: &Coverage, out: Out<'_>) {
    let role = super::payer_role(i);
    let style = ctx.date_style;
    Grid::new(("card_grid", i)).num_columns(2).show(ui, |ui| {
        ui.label("Member ID");
        let current = coverage.member_id.clone().unwrap_or_default();
        let label = format!("{role} member ID");
        if let Some(text) = commit_edit(ui, ("member", i), &label, &current, "on the card", FIELD) {
            out.edit(Edit::CoverageMemberId(i, optional(text)));
        }
        ui.end_row();
        ui.label("Group");
        let current = coverage.group.clone().unwrap_or_default();
        let label = format!("{role} group number");
        if let Some(text) = commit_edit(ui, ("group", i), &label, &current, "on the card", FIELD) {
            out.edit(Edit::CoverageGroup(i, optional(text)));
        }
        ui.end_row();
        ui.label("Subscriber");
        let current = coverage.subscriber.clone().unwrap_or_default();
        let label = format!("{role} subscriber");
        if let Some(text) = commit_edit(ui, ("subscriber", i), &label, &current, "name", FIELD) {
            out.edit(Edit::CoverageSubscriber(i, optional(text)));
        }
        ui.end_row();
        ui.label("Patient is");
        relationship_ui(ui, i, coverage.relationship, &role, out);
        ui.end_row();
        ui.label("Subscriber born");
        let label = format!("{role} subscriber birth date");
        let born = coverage.subscriber_birth_date;
        if let Some(d) = optional_date_edit(ui, ("subscriber_born", i), &label, born, style, FIELD)
        {
            out.edit(Edit::CoverageSubscriberBirthDate(i, d));
        }
        ui.end_row();
        ui.label("Ends");
        let label = format!("{role} end date");
        let ends = coverage.terminates;
        if let Some(d) = optional_date_edit(ui, ("ends", i), &label, ends, style, FIELD) {
            out.edit(Edit::CoverageTerminates(i, d));
        }
        ui.end_row();
        verification_ui(ui, ctx, i, coverage, &role, out);
    });
}

/// "Verified" date and source ("phone", "portal"). A date alone is kept with no
/// source; clearing the date clears the verification.
fn verification_ui(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    i: usize,
    coverage: &Coverage,
    role: &str,
    out: Out<'_>,
) {
    let verified = coverage.verified.as_ref();
    ui.label("Verified on");
    let label = format!("{role} verified on");
    let on = verified.map(|v| v.on);
    let style = ctx.date_style;
    if let Some(date) = optional_date_edit(ui, ("verified_on", i), &label, on, style, FIELD) {
        let source = verified.map(|v| v.source.clone()).unwrap_or_default();
        out.edit(Edit::CoverageVerified(i, verification(date, source)));
    }
    ui.end_row();
    ui.label("Verified by");
    let label = format!("{role} verified by");
    let source = verified.map(|v| v.source.clone()).unwrap_or_default();
    let hint = "phone, portal...";
    if let Some(text) = commit_edit(ui, ("verified_by", i), &label, &source, hint, FIELD) {
        // A source needs a day: today's check is the usual case.
        let on = on.unwrap_or(ctx.today);
        out.edit(Edit::CoverageVerified(i, verification(Some(on), text)));
    }
    ui.end_row();
}

fn verification(on: Option<NaiveDate>, source: String) -> Option<Verification> {
    on.map(|on| Verification {
        on,
        source: source.trim().to_string(),
    })
}

fn relationship_ui(ui: &mut Ui, i: usize, current: Relationship, role: &str, out: Out<'_>) {
    let word = |r: Relationship| match r {
        Relationship::Subscriber => "the subscriber",
        Relationship::Spouse => "the spouse",
        Relationship::Child => "a child",
        Relationship::Other => "another dependent",
    };
    let response = ComboBox::from_id_salt(("relationship", i))
        .selected_text(word(current))
        .show_ui(ui, |ui| {
            for r in [
                Relationship::Subscriber,
                Relationship::Spouse,
                Relationship::Child,
                Relationship::Other,
            ] {
                if ui.selectable_label(r == current, word(r)).clicked() && r != current {
                    out.edit(Edit::CoverageRelationship(i, r));
                }
            }
        })
        .response;
    name_combo(&response, &format!("{role} relationship"), word(current));
}
