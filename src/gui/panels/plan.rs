//! The centre of the window: treatment options as tabs, the add-line tools, the
//! visits with their lines and the totals, and the benefits left per plan.

use egui::{RichText, Ui};

use super::add_line::{AddLinePanel, add_line_ui};
use super::coverage::named;
use super::line_table::{TableLayout, header_ui, lines_by_visit, totals_ui, visit_table_ui};
use super::{Out, PanelCtx};
use crate::gui::command::{Command, Edit};
use crate::gui::widgets::commit_edit::{commit_edit, date_edit};
use crate::gui::widgets::money::{column_width, right_aligned_fixed};
use crate::model::{OptionId, TreatmentOption, Visit, VisitId};
use crate::report::{Align, fmt, remaining};

/// Draws the central panel.
pub fn plan_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, add_line: &mut AddLinePanel, out: Out<'_>) {
    option_tabs_ui(ui, ctx, out);
    ui.separator();
    let Some(option) = ctx.shown_option() else {
        ui.label("This plan has no treatment options yet. Add one above.");
        return;
    };
    egui::CollapsingHeader::new(RichText::new("Add procedure").strong())
        .id_salt("add_procedure")
        .default_open(true)
        .show(ui, |ui| add_line_ui(ui, ctx, add_line, out));
    ui.separator();
    egui::ScrollArea::both()
        .id_salt("plan_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            lines_ui(ui, ctx, option, out);
            ui.add_space(8.0);
            remaining_ui(ui, ctx);
            ui.add_space(6.0);
            // Seed rule GE5: every estimate says what it is, on screen too.
            ui.label(
                RichText::new(crate::report::text::DISCLAIMER)
                    .weak()
                    .italics(),
            );
        });
}

fn option_tabs_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) {
    ui.horizontal_wrapped(|ui| {
        for option in &ctx.plan.options {
            let name = if option.name.is_empty() {
                "(unnamed)"
            } else {
                &option.name
            };
            let shown = option.id == ctx.option;
            let response = ui.selectable_label(shown, RichText::new(name).strong());
            named(&response, &format!("Option: {name}"));
            if response.clicked() && !shown {
                out.push(Command::SelectOption(option.id));
            }
            super::coding_marks::option_count(ui, name, ctx.estimates.notes(option.id));
        }
        ui.separator();
        if ui
            .button("New option")
            .on_hover_text("Another way to treat the same patient")
            .clicked()
        {
            let n = ctx.plan.options.len() + 1;
            // Its lines are what is typed next.
            crate::gui::widgets::focus::focus_field(ui.ctx(), super::quick_entry::LABEL);
            // The plan gives it a fresh id; the app then shows it.
            out.edit(Edit::AddOption(TreatmentOption {
                id: OptionId::default(),
                name: format!("Option {n}"),
                visits: vec![Visit {
                    id: VisitId(1),
                    name: "Visit 1".to_string(),
                    date: ctx.today,
                    lines: Vec::new(),
                }],
            }));
        }
        let Some(current) = ctx.shown_option() else {
            return;
        };
        if ui
            .button("Duplicate")
            .on_hover_text("Copy this option to change it")
            .clicked()
        {
            let mut copy = current.clone();
            copy.name = format!("{} (copy)", current.name);
            out.edit(Edit::AddOption(copy));
        }
        ui.label("Name");
        if let Some(name) = commit_edit(
            ui,
            ("option_name", ctx.option),
            "Option name",
            &current.name,
            "Option name",
            140.0,
        ) {
            out.edit(Edit::RenameOption(ctx.option, name));
        }
        let delete = ui.add_enabled(
            ctx.plan.options.len() > 1,
            egui::Button::new("Delete option"),
        );
        if delete.clicked() {
            out.edit(Edit::RemoveOption(ctx.option));
        }
        ui.separator();
        if ui
            .button("Compare")
            .on_hover_text("Options and plans side by side (Ctrl+K)")
            .clicked()
        {
            out.push(Command::ToggleCompare);
        }
    });
}

fn lines_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, option: &TreatmentOption, out: Out<'_>) {
    let table = ctx.estimates.table(ctx.option);
    let layout = TableLayout::new(ui, table);
    header_ui(ui, &layout);
    let shown = lines_by_visit(option);
    for (i, (visit, (_, lines))) in option.visits.iter().zip(&shown).enumerate() {
        // A visit out of view takes its last measured height without being laid
        // out (2,000 lines draw as fast as 20).
        // The selected line's visit is always laid out: the arrow keys scroll
        // it into view from there.
        let key = ui.make_persistent_id(("visit_block", ctx.option, visit.id, lines.len()));
        let known: Option<f32> = ui.data(|d| d.get_temp(key));
        let width = ui.available_width();
        let selected = lines.iter().any(|l| Some(l.line.id) == ctx.selected_line);
        if let Some(height) = known.filter(|_| !selected) {
            let rect = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(width, height));
            if !ui.is_rect_visible(rect) {
                // The height measured includes the spacing after the block, which
                // allocating adds again.
                let spacing = ui.spacing().item_spacing.y;
                ui.allocate_space(egui::vec2(width, (height - spacing).max(0.0)));
                continue;
            }
        }
        let top = ui.cursor().min.y;
        visit_header_ui(ui, ctx, (i, option.visits.len()), visit, out);
        visit_table_ui(ui, ctx, &layout, (visit.id, lines), out);
        let height = ui.cursor().min.y - top;
        ui.data_mut(|d| d.insert_temp(key, height));
    }
    ui.horizontal(|ui| {
        if ui.button("Add visit").clicked() {
            // The new visit's date is what is typed next.
            let label = format!("Visit {} date", option.visits.len() + 1);
            crate::gui::widgets::focus::focus_field(ui.ctx(), label);
            let date = option.visits.last().map_or(ctx.today, |v| v.date);
            out.edit(Edit::AddVisit {
                option: ctx.option,
                name: format!("Visit {}", option.visits.len() + 1),
                date,
            });
        }
    });
    match (table, ctx.estimates.option_error(ctx.option)) {
        _ if ctx.estimates.blocked() => {
            ui.separator();
            ui.label(
                RichText::new(
                    "No amounts until the problems listed below are fixed: they would change the numbers.",
                )
                .color(ui.visuals().error_fg_color),
            );
        }
        (Some(table), _) => {
            ui.separator();
            totals_ui(ui, ctx, &layout, table);
        }
        (None, Some(error)) => {
            ui.label(
                RichText::new(format!("Cannot estimate this option: {error}"))
                    .color(ui.visuals().error_fg_color),
            );
        }
        (None, None) => {}
    }
}

/// `at` is the visit's index and the number of visits in the option.
fn visit_header_ui(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    at: (usize, usize),
    visit: &Visit,
    out: Out<'_>,
) {
    let (i, count) = at;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let n = i + 1;
        ui.label(RichText::new(format!("Visit {n}")).strong());
        if let Some(name) = commit_edit(
            ui,
            ("visit_name", ctx.option, visit.id),
            &format!("Visit {n} name"),
            &visit.name,
            "Name",
            160.0,
        ) {
            out.edit(Edit::VisitName {
                option: ctx.option,
                visit: visit.id,
                name,
            });
        }
        let label = format!("Visit {n} date");
        let salt = ("visit_date", ctx.option, visit.id);
        if let Some(date) = date_edit(ui, salt, &label, visit.date, ctx.date_style, 90.0) {
            out.edit(Edit::VisitDate {
                option: ctx.option,
                visit: visit.id,
                date,
            });
        }
        ui.label(RichText::new(crate::report::fmt::weekday(visit.date)).weak());
        for (up, text, enabled) in [
            (true, "Move up", i > 0),
            (false, "Move down", i + 1 < count),
        ] {
            let moved = ui
                .add_enabled(enabled, egui::Button::new(text).small())
                .on_hover_text("Change the order of the visits; the lines go with it");
            named(&moved, &format!("{text} visit {n}"));
            if moved.clicked() {
                out.edit(Edit::MoveVisit {
                    option: ctx.option,
                    visit: visit.id,
                    up,
                });
            }
        }
        let delete = ui
            .small_button("Delete visit")
            .on_hover_text("Delete this visit and its lines");
        named(&delete, &format!("Delete visit {n}"));
        if delete.clicked() {
            out.edit(Edit::RemoveVisit {
                option: ctx.option,
                visit: visit.id,
            });
        }
    });
}

/// Annual maximum and deductible left per plan and benefit year, before and after
/// this option, as the report words them.
fn remaining_ui(ui: &mut Ui, ctx: &PanelCtx<'_>) {
    if ctx.estimates.blocked() {
        return;
    }
    let Some(remaining) = ctx.estimates.remaining(ctx.option) else {
        return;
    };
    if remaining.rows.is_empty() {
        return;
    }
    ui.label(RichText::new("Remaining benefits").strong());
    egui::Grid::new("remaining_grid")
        .num_columns(remaining::COLUMNS.len())
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            let width = column_width(ui) + 30.0;
            let cell = |ui: &mut Ui, align: Align, text: RichText| match align {
                Align::Right => right_aligned_fixed(ui, width, text),
                Align::Left => {
                    ui.label(text);
                }
            };
            for (title, align) in remaining::COLUMNS {
                cell(ui, align, RichText::new(title).weak());
            }
            ui.end_row();
            for r in &remaining.rows {
                let texts = r.cells(fmt::benefit_year);
                for (k, (text, (_, align))) in texts.into_iter().zip(remaining::COLUMNS).enumerate()
                {
                    // The "after this treatment" amounts are what the patient will ask about.
                    let text = if k == 3 || k == 5 {
                        RichText::new(text).strong()
                    } else {
                        RichText::new(text)
                    };
                    cell(ui, align, text);
                }
                ui.end_row();
                for m in &r.class_maximums {
                    ui.label(RichText::new(format!("   {}", m.name)).weak());
                    ui.label("");
                    cell(ui, Align::Right, RichText::new(fmt::amount(m.before)));
                    cell(
                        ui,
                        Align::Right,
                        RichText::new(fmt::amount(m.after)).strong(),
                    );
                    ui.label("");
                    ui.label("");
                    ui.end_row();
                }
            }
        });
}
