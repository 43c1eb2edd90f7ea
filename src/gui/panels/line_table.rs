//! The estimate table: one table per visit with the same exact column widths, so
//! the columns line up under one header, and a totals row. Every amount shown is
//! the engine's; the table only lays them out.

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder, TableRow};

use super::coverage::{named, payer_role};
use super::{Out, PanelCtx};
use crate::engine::{Estimate, LineEstimate};
use crate::gui::command::{Command, Edit};
use crate::gui::widgets::money::{column_width, money_cell, money_total, right_aligned};
use crate::gui::widgets::status::status_cell;
use crate::model::{PlannedLine, Visit};
use crate::money::Cents;

/// Row height of the table.
pub const ROW_HEIGHT: f32 = 22.0;

/// Column widths for this frame: fixed columns, money columns sized to the font,
/// and the description taking what is left.
#[derive(Clone, Debug)]
pub struct TableLayout {
    /// One width per column.
    pub widths: Vec<f32>,
    /// Number of payers (one money column each).
    pub payers: usize,
}

/// Index of the description column.
const DESCRIPTION: usize = 3;

/// Space between the right-aligned patient amount and the status words.
const STATUS_INDENT: f32 = 6.0;

/// Horizontal gap between cells: tight, so the table fits beside both side panels
/// on a 1280-pixel screen.
const CELL_SPACING: f32 = 4.0;

impl TableLayout {
    /// Widths for `payers` payer columns in the space `ui` has.
    pub fn new(ui: &Ui, payers: usize) -> TableLayout {
        let money = column_width(ui);
        let mut widths = vec![34.0, 38.0, 58.0, 0.0];
        widths.extend(std::iter::repeat_n(money, 4 + payers + 1));
        widths.push(104.0);
        let fixed: f32 = widths.iter().sum::<f32>() + CELL_SPACING * widths.len() as f32;
        if let Some(description) = widths.get_mut(DESCRIPTION) {
            // Capped, so on a wide screen the amounts stay near the words they belong to.
            // Leave room for the vertical scroll bar so no horizontal one appears.
            let room = ui.available_width() - fixed - ui.spacing().scroll.bar_width - 8.0;
            *description = room.clamp(90.0, 420.0);
        }
        TableLayout { widths, payers }
    }

    fn table<'a>(&self, ui: &'a mut Ui, id_salt: impl egui::AsIdSalt) -> TableBuilder<'a> {
        ui.spacing_mut().item_spacing.x = CELL_SPACING;
        let mut table = TableBuilder::new(ui)
            .id_salt(id_salt)
            .vscroll(false)
            .striped(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center));
        for width in &self.widths {
            table = table.column(Column::exact(*width).clip(true));
        }
        table
    }
}

/// The header row, drawn once above all visits.
pub fn header_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, layout: &TableLayout) {
    layout
        .table(ui, "lines_header")
        .header(ROW_HEIGHT, |mut header| {
            for title in ["Tooth", "Surf.", "Code", "Description"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
            for title in ["Fee", "Allowed", "Write-off", "Deduct."] {
                header.col(|ui| right_aligned(ui, RichText::new(title).strong()));
            }
            for (i, coverage) in ctx.plan.coverage.iter().enumerate().take(layout.payers) {
                let (_, response) =
                    header.col(|ui| right_aligned(ui, RichText::new(payer_role(i)).strong()));
                response.on_hover_text(format!("{} pays", ctx.plan_name(&coverage.plan)));
            }
            header.col(|ui| right_aligned(ui, RichText::new("Patient").strong()));
            header.col(|ui| {
                ui.add_space(STATUS_INDENT);
                ui.strong("Status");
            });
        })
        .body(|_| {});
}

/// The lines of one visit; `first` is the number people read for its first line.
pub fn visit_table_ui(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    layout: &TableLayout,
    first: usize,
    visit: &Visit,
    out: Out<'_>,
) {
    if visit.lines.is_empty() {
        ui.label(RichText::new("    No lines in this visit.").weak());
        return;
    }
    layout
        .table(ui, ("visit_lines", ctx.option, visit.id))
        .body(|mut body| {
            for (k, line) in visit.lines.iter().enumerate() {
                body.row(ROW_HEIGHT, |mut row| {
                    line_row(&mut row, ctx, layout, (first + k, line), out);
                });
            }
        });
}

fn line_row(
    row: &mut TableRow<'_, '_>,
    ctx: &PanelCtx<'_>,
    layout: &TableLayout,
    (number, line): (usize, &PlannedLine),
    out: Out<'_>,
) {
    let at = line.id;
    let selected = ctx.selected_line == Some(at);
    row.set_selected(selected);
    let estimate = ctx.estimates.line(ctx.option, at);
    row.col(|ui| {
        ui.label(
            line.tooth
                .map(|t| t.to_string())
                .unwrap_or_else(|| area_text(line)),
        );
    });
    row.col(|ui| {
        ui.label(line.surfaces.map(|s| s.to_string()).unwrap_or_default());
    });
    row.col(|ui| {
        // The code is the row's handle: selecting it shows the explanation.
        let response = ui.selectable_label(selected, line.code.to_string());
        named(&response, &format!("Line {number}: {}", line.code));
        if response.clicked() {
            out.push(Command::SelectLine(Some(at)));
        }
    });
    row.col(|ui| {
        let info = ctx.library.catalogue.get(line.code);
        let name = info.map_or("(not in the catalogue)", |i| i.name.as_str());
        let response = ui.add(egui::Label::new(name).truncate());
        if let Some(info) = info {
            response.on_hover_text(&info.patient_text);
        }
    });
    money_cells(row, layout, estimate);
    let (_, response) = row.col(|ui| {
        if let Some(e) = estimate {
            ui.add_space(STATUS_INDENT);
            status_cell(ui, &e.flags);
        }
    });
    if let Some(e) = estimate
        && !e.flags.is_empty()
    {
        response.on_hover_text(crate::gui::widgets::status::flags_text(&e.flags));
    }
    let response = row.response();
    if response.clicked() {
        out.push(Command::SelectLine(Some(at)));
    }
    response.context_menu(|ui| {
        if ui.button("Delete line").clicked() {
            out.edit(Edit::RemoveLine(at));
        }
    });
}

/// Quadrant or arch for lines without a tooth.
fn area_text(line: &PlannedLine) -> String {
    crate::report::fmt::area_short(line.area())
}

fn money_cells(row: &mut TableRow<'_, '_>, layout: &TableLayout, estimate: Option<&LineEstimate>) {
    let Some(e) = estimate else {
        for _ in 0..(4 + layout.payers + 1) {
            row.col(|_| {});
        }
        return;
    };
    for amount in [e.fee, e.allowed, e.write_off, e.deductible] {
        row.col(|ui| money_cell(ui, amount));
    }
    for k in 0..layout.payers {
        let pays = e.payers.get(k).map_or(Cents::ZERO, |p| p.pays);
        row.col(|ui| money_cell(ui, pays));
    }
    row.col(|ui| money_cell(ui, e.patient));
}

/// The totals row.
pub fn totals_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, layout: &TableLayout, estimate: &Estimate) {
    let t = &estimate.totals;
    layout.table(ui, ("totals", ctx.option)).body(|mut body| {
        body.row(ROW_HEIGHT, |mut row| {
            for _ in 0..DESCRIPTION {
                row.col(|_| {});
            }
            row.col(|ui| {
                ui.strong("Total");
            });
            for amount in [t.fee, t.allowed, t.write_off, t.deductible] {
                row.col(|ui| money_total(ui, amount));
            }
            for k in 0..layout.payers {
                let pays = t.insurance.get(k).map_or(Cents::ZERO, |(_, c)| *c);
                row.col(|ui| money_total(ui, pays));
            }
            row.col(|ui| money_total(ui, t.patient));
            row.col(|_| {});
        });
    });
}
