//! The patient's coverage: plans in payer order, each picked from the library
//! (a searchable, sorted picker), with the effective date (blank until entered,
//! marked required), what is used this benefit year and the next, and the card.

mod card;
mod own_amounts;
pub mod picker;
mod years;

use egui::{Grid, RichText, Ui};

use super::{Out, PanelCtx};
use crate::gui::command::Edit;
use crate::gui::widgets::commit_edit::{name_combo, optional_date_edit};
use crate::model::Coverage;

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
    picker::picker_ui(ui, ctx, out);
    let has_plans = !ctx.library.plans.is_empty();
    let add = ui.add_enabled(has_plans, egui::Button::new("Add plan"));
    let add = if has_plans {
        add.on_hover_text("Find a plan by carrier, name or id and add it")
    } else {
        add.on_disabled_hover_text("The library has no plans")
    };
    if add.clicked() {
        picker::open(ui.ctx(), picker::Target::Add);
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
    plan_button(ui, ctx, i, coverage, &role);
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
            ui.horizontal(|ui| {
                let label = format!("{role} effective date");
                let (date, style) = (coverage.effective, ctx.date_style);
                let typed = optional_date_edit(ui, ("effective", i), &label, date, style, FIELD);
                if let Some(date) = typed {
                    out.edit(Edit::CoverageEffective(i, date));
                }
                if date.is_none() {
                    required_mark(ui, &format!("{role} effective date required"));
                }
            });
            ui.end_row();
        });
    years::years_ui(ui, ctx, i, coverage, out);
    own_amounts::own_amounts_ui(ui, ctx, i, coverage, out);
    egui::CollapsingHeader::new("Insurance card")
        .id_salt(("card", i))
        .show(ui, |ui| card::card_ui(ui, ctx, i, coverage, out));
}

/// A red "required" beside a field that is still blank; `label` is its
/// accessible name ("Birth date required").
pub(crate) fn required_mark(ui: &mut Ui, label: &str) {
    let text = RichText::new("required")
        .strong()
        .color(ui.visuals().error_fg_color);
    let response = ui
        .label(text)
        .on_hover_text("The estimate waits for this date");
    let label = label.to_string();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label.clone()));
}

/// The coverage's plan, as a button that opens the picker to change it.
fn plan_button(ui: &mut Ui, ctx: &PanelCtx<'_>, i: usize, coverage: &Coverage, role: &str) {
    let known = ctx.library.plans.get(&coverage.plan);
    let shown = match known {
        Some(plan) => plan.name.clone(),
        None => format!("{} (not in library)", coverage.plan),
    };
    let mut text = RichText::new(&shown);
    if known.is_none() {
        text = text.color(ui.visuals().error_fg_color);
    }
    let button = egui::Button::new(text).truncate();
    let response = ui.add_sized([ui.available_width(), 0.0], button);
    name_combo(&response, &format!("{role} plan"), &shown);
    let hover = known.map_or_else(
        || "Choose a plan from the library".to_string(),
        |p| {
            format!(
                "{} · {} · {} (click to change)",
                p.name,
                p.carrier,
                p.network.label()
            )
        },
    );
    if response.on_hover_text(hover).clicked() {
        picker::open(ui.ctx(), picker::Target::Change(i));
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
