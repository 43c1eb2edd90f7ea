//! The patient's coverage: plans in payer order, each picked from the library,
//! with the effective date and what is used this benefit year.

use egui::{ComboBox, Grid, RichText, Ui};

use super::{Out, PanelCtx};
use crate::gui::command::{Command, Edit};
use crate::gui::widgets::commit_edit::{commit_edit, date_edit, name_combo};
use crate::model::Coverage;
use crate::model::treatment_plan::Relationship;
use crate::money::Cents;

/// Width of the text fields.
const FIELD: f32 = 110.0;

/// "Primary", "Secondary", "Third", then numbers.
pub fn payer_role(index: usize) -> String {
    crate::report::fmt::payer_role_short(index)
}

/// Draws every coverage and the "Add plan" button.
pub fn coverage_list_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) {
    ui.label(RichText::new("Coverage").strong());
    if ctx.plan.coverage.is_empty() {
        ui.label(RichText::new("No insurance: the patient pays the office fee.").weak());
    }
    for (i, coverage) in ctx.plan.coverage.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            coverage_ui(ui, ctx, i, coverage, out);
        });
    }
    if let Some(order) = super::payer_order::payer_order_ui(ui, &ctx.plan.coverage, ctx.library) {
        out.edit(Edit::ReorderCoverage(order));
    }
    plan_rules_window(ui, ctx);
    let first_plan = ctx.library.plans.keys().next();
    let add = ui.add_enabled(first_plan.is_some(), egui::Button::new("Add plan"));
    let add = if first_plan.is_none() {
        add.on_disabled_hover_text("The library has no plans")
    } else {
        add.on_hover_text("Add a primary or secondary plan")
    };
    if add.clicked()
        && let Some(id) = first_plan
    {
        out.edit(Edit::AddCoverage(Coverage::new(id, ctx.today)));
    }
}

fn coverage_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, i: usize, coverage: &Coverage, out: Out<'_>) {
    let role = payer_role(i);
    ui.horizontal(|ui| {
        ui.label(RichText::new(&role).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let remove = ui.small_button("Remove").on_hover_text("Remove this plan");
            named(&remove, &format!("Remove {role} plan"));
            if remove.clicked() {
                out.edit(Edit::RemoveCoverage(i));
            }
            if i > 0 {
                let raise = ui.small_button("Make primary");
                named(&raise, &format!("Make {role} plan primary"));
                if raise.clicked() {
                    out.edit(Edit::RaiseCoverage(i));
                }
            }
        });
    });
    plan_picker(ui, ctx, i, coverage, &role, out);
    if ctx.library.plans.contains_key(&coverage.plan) {
        let rules = ui.small_button("What does this plan cover?");
        named(&rules, &format!("Show the {role} plan's rules"));
        if rules.clicked() {
            open_plan_rules(ui.ctx(), &coverage.plan);
        }
    }
    Grid::new(("coverage_grid", i))
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Effective");
            let label = format!("{role} effective date");
            let (date, style) = (coverage.effective, ctx.date_style);
            if let Some(date) = date_edit(ui, ("effective", i), &label, date, style, FIELD) {
                out.edit(Edit::CoverageEffective(i, date));
            }
            ui.end_row();

            ui.label("Benefits used");
            let label = format!("{role} benefits used");
            if let Some(amount) = money_field(ui, ("used", i), &label, coverage.benefits_used, out)
            {
                out.edit(Edit::BenefitsUsed(i, amount));
            }
            ui.end_row();

            ui.label("Deductible met");
            let label = format!("{role} deductible met");
            if let Some(amount) = money_field(ui, ("met", i), &label, coverage.deductible_met, out)
            {
                out.edit(Edit::DeductibleMet(i, amount));
            }
            ui.end_row();
        });
    egui::CollapsingHeader::new("Insurance card")
        .id_salt(("card", i))
        .show(ui, |ui| card_ui(ui, i, coverage, &role, out));
}

/// The card's details: member id, subscriber, relationship, the subscriber's birth
/// date (the birthday rule orders a child's parents' plans by it) and the end date.
fn card_ui(ui: &mut Ui, i: usize, coverage: &Coverage, role: &str, out: Out<'_>) {
    let optional = |text: String| {
        let text = text.trim().to_string();
        (!text.is_empty()).then_some(text)
    };
    Grid::new(("card_grid", i)).num_columns(2).show(ui, |ui| {
        ui.label("Member ID");
        let current = coverage.member_id.clone().unwrap_or_default();
        let label = format!("{role} member ID");
        if let Some(text) = commit_edit(ui, ("member", i), &label, &current, "on the card", FIELD) {
            out.edit(Edit::CoverageMemberId(i, optional(text)));
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
        relationship_ui(ui, i, coverage.relationship, role, out);
        ui.end_row();
        ui.label("Subscriber born");
        let label = format!("{role} subscriber birth date");
        let born = coverage.subscriber_birth_date;
        if let Some(d) = optional_date_ui(ui, ("subscriber_born", i), &label, born, out) {
            out.edit(Edit::CoverageSubscriberBirthDate(i, d));
        }
        ui.end_row();
        ui.label("Ends");
        let label = format!("{role} end date");
        if let Some(d) = optional_date_ui(ui, ("ends", i), &label, coverage.terminates, out) {
            out.edit(Edit::CoverageTerminates(i, d));
        }
        ui.end_row();
    });
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

/// A date field that may be empty; returns the new value when one is committed
/// (Some(None): cleared).
fn optional_date_ui(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    label: &str,
    current: Option<chrono::NaiveDate>,
    out: Out<'_>,
) -> Option<Option<chrono::NaiveDate>> {
    let shown = current
        .map(crate::report::fmt::iso_date)
        .unwrap_or_default();
    let text = commit_edit(ui, id, label, &shown, "YYYY-MM-DD", FIELD)?;
    if text.trim().is_empty() {
        return Some(None);
    }
    match crate::report::dates::parse_typed_date(&text) {
        Ok(date) => Some(Some(date)),
        Err(e) => {
            out.push(Command::ShowError(format!("{label}: {e}")));
            None
        }
    }
}

fn plan_picker(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    i: usize,
    coverage: &Coverage,
    role: &str,
    out: Out<'_>,
) {
    let known = ctx.library.plans.contains_key(&coverage.plan);
    let shown = if known {
        ctx.plan_name(&coverage.plan)
    } else {
        format!("{} (not in library)", coverage.plan)
    };
    let mut text = RichText::new(&shown);
    if !known {
        text = text.color(ui.visuals().error_fg_color);
    }
    let response = ComboBox::from_id_salt(("coverage_plan", i))
        .selected_text(text)
        .width(ui.available_width())
        .truncate()
        .show_ui(ui, |ui| {
            for (id, plan) in &ctx.library.plans {
                let label = format!("{} — {}", plan.name, plan.network.label());
                if ui.selectable_label(*id == coverage.plan, label).clicked()
                    && *id != coverage.plan
                {
                    out.edit(Edit::CoveragePlan(i, id.clone()));
                }
            }
        })
        .response;
    name_combo(&response, &format!("{role} plan"), &shown);
    let hover = ctx
        .library
        .plans
        .get(&coverage.plan)
        .map(|p| format!("{} · {} · {}", p.name, p.carrier, p.network.label()));
    if let Some(hover) = hover {
        response.on_hover_text(hover);
    }
}

/// A money field: returns the new amount when a valid one is committed.
fn money_field(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    amount: Cents,
    out: Out<'_>,
) -> Option<Cents> {
    let text = commit_edit(ui, id_salt, label, &amount.to_string(), "0.00", FIELD)?;
    match Cents::parse_non_negative(text.trim().trim_start_matches('$')) {
        Ok(amount) => Some(amount),
        Err(e) => {
            out.push(Command::ShowError(format!("{label}: {e}")));
            None
        }
    }
}

/// Gives a button an accessible name that is unique in the window.
pub fn named(response: &egui::Response, label: &str) {
    let label = label.to_string();
    let enabled = response.enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, label.clone()));
}

fn plan_rules_id() -> egui::Id {
    egui::Id::unique("ferrule-plan-rules-open")
}

/// Opens the read-only rules window for the library plan with this id. Which
/// plan's rules are open is view state, not part of the document.
pub(crate) fn open_plan_rules(ctx: &egui::Context, plan_id: &str) {
    let id = plan_id.to_string();
    ctx.data_mut(|d| d.insert_temp(plan_rules_id(), Some(id)));
    // The window is drawn with the patient panel, which may have drawn already.
    ctx.request_repaint();
}

/// Closes the plan rules window; false when none was open.
pub(crate) fn close_plan_rules(ctx: &egui::Context) -> bool {
    let open: Option<String> = ctx.data(|d| d.get_temp(plan_rules_id())).flatten();
    ctx.data_mut(|d| d.insert_temp::<Option<String>>(plan_rules_id(), None));
    open.is_some()
}

/// The read-only "what does my plan cover?" window, when one is open.
fn plan_rules_window(ui: &mut Ui, ctx: &PanelCtx<'_>) {
    let open_id: Option<String> = ui.ctx().data(|d| d.get_temp(plan_rules_id())).flatten();
    let Some(plan) = open_id.as_ref().and_then(|id| ctx.library.plans.get(id)) else {
        return;
    };
    let mut open = true;
    egui::Window::new(format!("Plan rules: {}", plan.name))
        .id(egui::Id::unique(("plan-rules", &plan.id)))
        .open(&mut open)
        .default_size([560.0, 620.0])
        .show(ui.ctx(), |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                super::plan_rules::plan_rules_ui(ui, plan, ctx.library);
            });
        });
    if !open {
        ui.ctx()
            .data_mut(|d| d.insert_temp::<Option<String>>(plan_rules_id(), None));
    }
}
