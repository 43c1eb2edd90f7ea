//! The estimate table: one table per visit with the same exact column widths, so
//! the columns line up under one header, and a totals row. Columns, headings and
//! every cell's text come from `report::EstimateTable` (the screen's column set);
//! this file only lays them out.

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column as Width, TableBuilder, TableRow};

use super::coverage::named;
use super::{Out, PanelCtx};
use crate::gui::command::Command;
use crate::gui::widgets::money::{column_width, money_cell, money_total, right_aligned};
use crate::gui::widgets::status::{Tone, color, status_cell};
use crate::model::{LineId, PlannedLine, TreatmentOption, Visit, VisitId};
use crate::report::{Align as CellAlign, Column, ColumnKey, ColumnSet, EstimateTable, Row, fmt};

/// Row height of the table.
pub const ROW_HEIGHT: f32 = 22.0;

/// Space between the right-aligned patient amount and the status words.
const STATUS_INDENT: f32 = 6.0;

/// The narrowest the description gets before amounts give way.
const MIN_DESCRIPTION: f32 = 80.0;

/// Horizontal gap between cells: tight, so the table fits beside both side panels
/// on a 1280-pixel screen.
const CELL_SPACING: f32 = 4.0;

/// The columns and their widths for this frame: fixed columns, money columns
/// sized to the font, and the description taking what is left.
#[derive(Clone, Debug)]
pub struct TableLayout {
    /// The screen's columns, from the report.
    pub columns: Vec<Column>,
    /// One width per column.
    pub widths: Vec<f32>,
}

impl TableLayout {
    /// Widths for the columns of `table` (or, without an estimate, the columns
    /// that need none) in the space `ui` has.
    pub fn new(ui: &Ui, table: Option<&EstimateTable>) -> TableLayout {
        let columns = match table {
            Some(t) => t.columns(ColumnSet::Screen),
            None => ColumnSet::Screen
                .keys(0, false)
                .into_iter()
                .map(|key| ColumnSet::Screen.column(key, &[]))
                .collect(),
        };
        let money = column_width(ui);
        let width_of = |key: ColumnKey| match key {
            ColumnKey::Tooth => 34.0,
            ColumnKey::Surfaces => 38.0,
            ColumnKey::Code => 58.0,
            ColumnKey::Status => 104.0,
            ColumnKey::Description => 0.0,
            _ => money,
        };
        // Leave room for the vertical scroll bar so no horizontal one appears.
        let available = ui.available_width() - ui.spacing().scroll.bar_width - 8.0;
        let needed = |columns: &[Column]| {
            columns
                .iter()
                .map(|c| width_of(c.key) + CELL_SPACING)
                .sum::<f32>()
                + MIN_DESCRIPTION
        };
        // On a narrow window the staff-only amounts give way (the explanation
        // panel still has them), so fee, insurance, patient and status stay in view.
        let mut columns = columns;
        for optional in [
            ColumnKey::Allowed,
            ColumnKey::Deductible,
            ColumnKey::WriteOff,
        ] {
            if needed(&columns) <= available {
                break;
            }
            columns.retain(|c| c.key != optional);
        }
        let fixed = needed(&columns) - MIN_DESCRIPTION;
        // Capped, so on a wide screen the amounts stay near their words; what is
        // left then lets the status words show in full ("downgraded, frequency").
        let description = (available - fixed).clamp(MIN_DESCRIPTION, 420.0);
        let spare = (available - fixed - description).clamp(0.0, 220.0);
        let widths = columns
            .iter()
            .map(|c| match c.key {
                ColumnKey::Description => description,
                ColumnKey::Status => width_of(ColumnKey::Status) + spare,
                key => width_of(key),
            })
            .collect();
        TableLayout { columns, widths }
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
            table = table.column(Width::exact(*width).clip(true));
        }
        table
    }
}

/// The header row, drawn once above all visits.
pub fn header_ui(ui: &mut Ui, layout: &TableLayout) {
    layout
        .table(ui, "lines_header")
        .header(ROW_HEIGHT, |mut header| {
            for column in &layout.columns {
                let title = RichText::new(&column.title).strong();
                let (_, response) = header.col(|ui| match column.align {
                    CellAlign::Right => right_aligned(ui, title),
                    CellAlign::Left if column.key == ColumnKey::Status => {
                        ui.add_space(STATUS_INDENT);
                        ui.label(title);
                    }
                    CellAlign::Left => {
                        ui.label(title);
                    }
                });
                if column.long_title != column.title {
                    response.on_hover_text(&column.long_title);
                }
            }
        })
        .body(|_| {});
}

/// A line as one visit shows it: the visit it is finished at (a crown at its
/// seat), with where it was started when that was an earlier visit.
#[derive(Clone, Copy, Debug)]
pub struct ShownLine<'a> {
    /// Its number in plan order, for people.
    pub number: usize,
    /// The line.
    pub line: &'a PlannedLine,
    /// The earlier visit it was started (prepared) at, if any.
    pub prepared_at: Option<&'a Visit>,
}

/// The lines each visit shows: a line completed at a later visit appears there,
/// marked with the visit it was prepared at; the others where they start.
pub fn lines_by_visit(option: &TreatmentOption) -> Vec<(VisitId, Vec<ShownLine<'_>>)> {
    let mut shown: Vec<(VisitId, Vec<ShownLine<'_>>)> =
        option.visits.iter().map(|v| (v.id, Vec::new())).collect();
    let numbered = option
        .visits
        .iter()
        .flat_map(|v| v.lines.iter().map(move |l| (v, l)));
    for (k, (visit, line)) in numbered.enumerate() {
        let done_at = line
            .completed_at
            .filter(|&at| at != visit.id && option.visits.iter().any(|v| v.id == at));
        let (target, prepared_at) = match done_at {
            Some(at) => (at, Some(visit)),
            None => (visit.id, None),
        };
        if let Some((_, list)) = shown.iter_mut().find(|(id, _)| *id == target) {
            list.push(ShownLine {
                number: k + 1,
                line,
                prepared_at,
            });
        }
    }
    shown
}

/// The lines one visit shows.
pub fn visit_table_ui(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    layout: &TableLayout,
    (visit, lines): (VisitId, &[ShownLine<'_>]),
    out: Out<'_>,
) {
    if lines.is_empty() {
        ui.label(RichText::new("    No lines in this visit.").weak());
        return;
    }
    let table = ctx.estimates.table(ctx.option);
    let drawn = ui.scope(|ui| {
        // Labels that select their text would take the click: a click anywhere
        // on the row selects the line.
        ui.style_mut().interaction.selectable_labels = false;
        layout
            .table(ui, ("visit_lines", ctx.option, visit))
            .body(|body| {
                // Only the rows in view are laid out; the others are blank space
                // of their height, so a long plan costs what the screen shows.
                body.rows(ROW_HEIGHT, lines.len(), |mut cells| {
                    let Some(shown) = lines.get(cells.index()) else {
                        return;
                    };
                    let row = table.and_then(|t| t.row(shown.line.id));
                    line_row(&mut cells, ctx, layout, (shown, row), out);
                });
            });
    });
    // Rows out of view are not drawn, so the row the keyboard moved to is
    // brought into view from here: its share of the visit's table.
    let wanted = lines
        .iter()
        .position(|s| Some(s.line.id) == ctx.selected_line && take_scroll(ui.ctx(), s.line.id));
    if let Some(k) = wanted {
        let rect = drawn.response.rect;
        let height = rect.height() / lines.len() as f32;
        let top = rect.top() + height * k as f32;
        let row = egui::Rect::from_x_y_ranges(rect.x_range(), top..=top + height);
        ui.scroll_to_rect(row, None);
    }
}

/// One line: the report's row when there is an estimate, else what the document
/// says (tooth, code, name) with the money cells left empty.
fn line_row(
    cells: &mut TableRow<'_, '_>,
    ctx: &PanelCtx<'_>,
    layout: &TableLayout,
    (shown, row): (&ShownLine<'_>, Option<&Row>),
    out: Out<'_>,
) {
    let (number, line) = (shown.number, shown.line);
    let at = line.id;
    let selected = ctx.selected_line == Some(at);
    cells.set_selected(selected);
    let label = row.map_or_else(|| format!("Line {number}: {}", line.code), Row::a11y_label);
    for column in &layout.columns {
        match column.key {
            ColumnKey::Code => {
                cells.col(|ui| {
                    // The code is the row's handle: selecting it shows the explanation.
                    let response = ui.selectable_label(selected, line.code.to_string());
                    named(&response, &label);
                    if response.clicked() {
                        out.push(Command::SelectLine(Some(at)));
                    }
                    if let Some(r) = row {
                        super::coding_marks::row_mark(ui, number, &r.notes);
                    }
                });
            }
            ColumnKey::Description => description_cell(cells, ctx, shown, row, column),
            ColumnKey::Status => status(cells, ctx, line, row),
            _ => {
                let text = match row {
                    // A problem that changes a number: no amount is shown until it is fixed.
                    Some(_) if column.key.is_money() && ctx.estimates.blocked() => {
                        fmt::DASH.to_string()
                    }
                    Some(r) => r.cell(column).text,
                    None => document_text(line, column.key),
                };
                let entered = row.is_some_and(|r| r.entered.contains(&column.key));
                cells.col(|ui| match column.align {
                    CellAlign::Right if entered => entered_cell(ui, &text),
                    CellAlign::Right => money_cell(ui, &text),
                    CellAlign::Left => {
                        ui.label(text);
                    }
                });
            }
        }
    }
    let response = cells.response();
    if response.clicked() {
        out.push(Command::SelectLine(Some(at)));
    }
    response.context_menu(|ui| {
        if ui.button("Delete line").clicked() {
            // As with the Delete key: the next line is selected afterwards.
            out.push(Command::SelectLine(Some(at)));
            out.push(Command::DeleteSelectedLine);
        }
    });
}

fn scroll_id() -> egui::Id {
    egui::Id::unique("ferrule-scroll-to-line")
}

/// Asks the table to bring `line`'s row into view when it next draws it (the
/// keyboard moved the selection).
pub fn scroll_to(ctx: &egui::Context, line: LineId) {
    ctx.data_mut(|d| d.insert_temp(scroll_id(), line));
}

/// True (once) when `line`'s row was asked to come into view.
fn take_scroll(ctx: &egui::Context, line: LineId) -> bool {
    ctx.data_mut(|d| {
        let wanted = d.get_temp::<LineId>(scroll_id()) == Some(line);
        if wanted {
            d.remove::<LineId>(scroll_id());
        }
        wanted
    })
}

fn description_cell(
    cells: &mut TableRow<'_, '_>,
    ctx: &PanelCtx<'_>,
    shown: &ShownLine<'_>,
    row: Option<&Row>,
    column: &Column,
) {
    let info = ctx.library.catalogue.get(shown.line.code);
    let mut text = match row {
        Some(r) => r.cell(column).text,
        None => info.map_or_else(|| "(not in the catalogue)".to_string(), |i| i.name.clone()),
    };
    let mut hover = info.map(|i| i.patient_text.clone()).unwrap_or_default();
    if let Some(prep) = shown.prepared_at {
        let when = fmt::date(prep.date, ctx.date_style);
        text = format!("{text} (prepared {when})");
        // The column is narrow: the hover always says where it was started.
        hover = format!("{hover}\nStarted at \"{}\" on {when}", prep.name);
    }
    cells.col(|ui| {
        let response = ui.add(egui::Label::new(text).truncate());
        if !hover.trim().is_empty() {
            response.on_hover_text(hover.trim());
        }
    });
}

/// The status words; a line with a problem that blocks the estimate shows the
/// problem instead, in the denial colour, so it is seen where the numbers are.
fn status(cells: &mut TableRow<'_, '_>, ctx: &PanelCtx<'_>, line: &PlannedLine, row: Option<&Row>) {
    let problems: Vec<&str> = ctx
        .estimates
        .line_problems(line.id)
        .filter(|p| p.is_blocking())
        .map(|p| p.message.as_str())
        .collect();
    let (_, response) = cells.col(|ui| {
        ui.add_space(STATUS_INDENT);
        match (problems.first(), row) {
            (Some(problem), _) => {
                let text = RichText::new(format!("× {problem}")).color(color(ui, Tone::Denied));
                ui.add(egui::Label::new(text).truncate());
            }
            (None, Some(r)) => status_cell(ui, &r.flags),
            (None, None) => {}
        }
    });
    if !problems.is_empty() {
        response.on_hover_text(format!("To fix before printing:\n{}", problems.join("\n")));
    } else if let Some(r) = row
        && !r.flags.is_empty()
    {
        response.on_hover_text(fmt::flag_words_by_tone(&r.flags));
    }
}

/// Tooth and surfaces straight from the document, for a line without an estimate.
fn document_text(line: &PlannedLine, key: ColumnKey) -> String {
    match key {
        ColumnKey::Tooth => match line.tooth {
            Some(t) => t.to_string(),
            None => fmt::area_short(line.area()),
        },
        ColumnKey::Surfaces => line.surfaces.map(|s| s.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

/// The totals row.
pub fn totals_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, layout: &TableLayout, table: &EstimateTable) {
    let cells = table.total_cells(&layout.columns);
    layout.table(ui, ("totals", ctx.option)).body(|mut body| {
        body.row(ROW_HEIGHT, |mut row| {
            for (column, cell) in layout.columns.iter().zip(&cells) {
                row.col(|ui| match column.align {
                    CellAlign::Right => money_total(ui, &cell.text),
                    CellAlign::Left => {
                        ui.strong(&cell.text);
                    }
                });
            }
        });
    });
}

/// An amount staff entered by hand (or that one changed): the amount with a small
/// mark, "entered by staff" on hover.
fn entered_cell(ui: &mut egui::Ui, text: &str) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(egui::RichText::new("*").small().strong())
            .on_hover_text("Entered by staff");
        ui.label(text);
    });
}
