//! Tables on the printed estimate: the treatment table (lines grouped by visit,
//! money right-aligned, one insurance column per payer, visit subtotals and the
//! grand total) and the small remaining-benefits table. Rows are measured first
//! and never split across pages.

use super::compose::{BODY, Composer, LEADING, RunningHeader, fit};
use super::fonts::{Measure, Weight};
use super::layout::Rgb;
use crate::report::printed::{BenefitsRow, BenefitsTable, PrintedRow, PrintedTable};
use crate::report::remaining::{BENEFIT_YEAR, PLAN};
use crate::report::{Align, ColumnKey};

/// Horizontal padding inside a cell.
const PAD: f32 = 4.0;
/// Vertical padding above and below a row's text.
const PAD_V: f32 = 3.5;
const HEAD_SIZE: f32 = 7.6;
const HEAD_LEADING: f32 = 9.2;
const SUB_SIZE: f32 = 7.4;
const SUB_LEADING: f32 = 9.4;
const VISIT_H: f32 = 22.0;

impl RunningHeader for Columns {
    fn draw(&self, c: &mut Composer<'_>) {
        self.draw_header(c);
    }
}

/// One column: position, width, alignment and its header lines.
#[derive(Clone, Debug)]
pub(crate) struct Col {
    x: f32,
    w: f32,
    align: Align,
    header: Vec<String>,
}

/// A table's columns.
#[derive(Clone, Debug)]
pub(crate) struct Columns {
    cols: Vec<Col>,
    left: f32,
    right: f32,
}

/// One cell: its text, face and colour, and an optional smaller line under it.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    text: String,
    weight: Weight,
    color: Rgb,
    sub: Option<String>,
}

fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        weight: Weight::Regular,
        color: Rgb::TEXT,
        sub: None,
    }
}

fn bold(text: impl Into<String>) -> Cell {
    Cell {
        weight: Weight::Bold,
        ..cell(text)
    }
}

/// A column spec: header, fixed width (None: takes the rest), alignment.
type Spec<'a> = (&'a str, Option<f32>, Align);

impl Columns {
    fn build(m: &Measure, left: f32, right: f32, specs: Vec<Spec<'_>>) -> Columns {
        let fixed: f32 = specs.iter().filter_map(|(_, w, _)| *w).sum();
        let flex = (right - left - fixed).max(40.0);
        let mut x = left;
        let cols = specs
            .into_iter()
            .map(|(title, w, align)| {
                let w = w.unwrap_or(flex);
                let header = m.wrap_at_most(Weight::Bold, HEAD_SIZE, title, w - 2.0 * PAD, 3);
                let col = Col {
                    x,
                    w,
                    align,
                    header,
                };
                x += w;
                col
            })
            .collect();
        Columns { cols, left, right }
    }

    /// Height of the header band.
    pub(crate) fn header_height(&self) -> f32 {
        let lines = self.cols.iter().map(|c| c.header.len()).max().unwrap_or(1);
        lines as f32 * HEAD_LEADING + 2.0 * PAD_V + 2.0
    }

    /// Draws the header band at `c.y` and moves below it.
    pub(crate) fn draw_header(&self, c: &mut Composer<'_>) {
        let h = self.header_height();
        let lines = self.cols.iter().map(|c| c.header.len()).max().unwrap_or(1);
        c.rect(self.left, c.y, self.right - self.left, h, Rgb::SHADE);
        for col in &self.cols {
            // Headers sit on the band's bottom line, so one-line titles align with
            // the second line of two-line ones.
            let skip = lines - col.header.len();
            for (i, text) in col.header.iter().enumerate() {
                let y = c.y + PAD_V + 1.0 + (skip + i + 1) as f32 * HEAD_LEADING - 2.2;
                match col.align {
                    Align::Left => c.text(col.x + PAD, y, HEAD_SIZE, Weight::Bold, Rgb::TEXT, text),
                    Align::Right => c.text_right(
                        col.x + col.w - PAD,
                        y,
                        HEAD_SIZE,
                        Weight::Bold,
                        Rgb::TEXT,
                        text,
                    ),
                }
            }
        }
        c.y += h;
    }

    /// Wrapped lines of each cell: (main lines, sub lines).
    fn wrapped(&self, m: &Measure, cells: &[Cell]) -> Vec<(Vec<String>, Vec<String>)> {
        self.cols
            .iter()
            .zip(cells)
            .map(|(col, cell)| {
                let width = col.w - 2.0 * PAD;
                let main = match col.align {
                    Align::Left => m.wrap(cell.weight, BODY, &cell.text, width),
                    Align::Right => vec![cell.text.clone()],
                };
                let sub = cell
                    .sub
                    .as_deref()
                    .map(|s| m.wrap(Weight::Regular, SUB_SIZE, s, width))
                    .unwrap_or_default();
                (main, sub)
            })
            .collect()
    }

    /// The height a row of `cells` needs.
    pub(crate) fn row_height(&self, m: &Measure, cells: &[Cell]) -> f32 {
        self.wrapped(m, cells)
            .iter()
            .map(|(main, sub)| main.len() as f32 * LEADING + sub.len() as f32 * SUB_LEADING)
            .fold(LEADING, f32::max)
            + 2.0 * PAD_V
    }

    /// Draws a row of height `h` at `c.y` with a hairline under it.
    pub(crate) fn draw_row(&self, c: &mut Composer<'_>, cells: &[Cell], h: f32) {
        let wrapped = self.wrapped(c.m, cells);
        for ((col, cell), (main, sub)) in self.cols.iter().zip(cells).zip(wrapped) {
            let mut y = c.y + PAD_V;
            for text in &main {
                y += LEADING;
                let base = y - LEADING * 0.27;
                match col.align {
                    Align::Left => c.text(col.x + PAD, base, BODY, cell.weight, cell.color, text),
                    Align::Right => c.text_right(
                        col.x + col.w - PAD,
                        base,
                        BODY,
                        cell.weight,
                        cell.color,
                        text,
                    ),
                }
            }
            for text in &sub {
                y += SUB_LEADING;
                c.text(
                    col.x + PAD,
                    y - SUB_LEADING * 0.3,
                    SUB_SIZE,
                    Weight::Regular,
                    Rgb::MUTED,
                    text,
                );
            }
        }
        c.y += h;
        let (left, right, y) = (self.left, self.right, c.y);
        c.hline(left, right, y, 0.4, Rgb::HAIRLINE);
    }
}

/// The treatment table's columns, as the view model defines them, with widths:
/// fixed for number, area and code, money columns shrinking (down to 46 pt)
/// before the description gets narrower than 150 pt.
fn treatment_columns(c: &Composer<'_>, table: &PrintedTable) -> Columns {
    let money_count = table
        .columns
        .iter()
        .filter(|col| col.key.is_money())
        .count();
    let (line_w, area_w, code_w) = (26.0, 52.0, 38.0);
    let width = c.right - c.left;
    let money_w =
        ((width - line_w - area_w - code_w - 150.0) / money_count.max(1) as f32).clamp(46.0, 56.0);
    let specs = table
        .columns
        .iter()
        .map(|col| {
            let w = match col.key {
                ColumnKey::Number => Some(line_w),
                ColumnKey::Area => Some(area_w),
                ColumnKey::Code => Some(code_w),
                ColumnKey::Description => None,
                _ => Some(money_w),
            };
            (col.title.as_str(), w, col.align)
        })
        .collect();
    Columns::build(c.m, c.left, c.right, specs)
}

/// A line's cells, the "completed" note under its description.
fn row_cells(table: &PrintedTable, row: &PrintedRow) -> Vec<Cell> {
    let sub_at = table.description_column();
    row.cells
        .iter()
        .enumerate()
        .map(|(i, text)| Cell {
            sub: if Some(i) == sub_at {
                row.completed.clone()
            } else {
                None
            },
            ..cell(text.as_str())
        })
        .collect()
}

/// A subtotal or total row: every cell bold.
fn bold_cells(texts: &[String]) -> Vec<Cell> {
    texts.iter().map(|t| bold(t.as_str())).collect()
}

/// A visit's name and date above its lines, kept with its first line.
fn visit_band(c: &mut Composer<'_>, name: &str, date: &str, first_row: f32) {
    c.ensure(VISIT_H + first_row);
    let (x, y) = (c.left + PAD, c.y + VISIT_H - 6.5);
    let name = fit(c.m, name, Weight::Bold, 9.5, 300.0);
    c.text(x, y, 9.5, Weight::Bold, Rgb::ACCENT, &name);
    let after = x + c.m.width(Weight::Bold, 9.5, &name);
    let when = format!("   {date}");
    c.text(after, y, 9.0, Weight::Regular, Rgb::MUTED, &when);
    c.y += VISIT_H;
    let (left, right, y) = (c.left, c.right, c.y);
    c.hline(left, right, y, 0.4, Rgb::HAIRLINE);
}

/// A row kept whole: a new page first when it does not fit.
fn whole_row(c: &mut Composer<'_>, cols: &Columns, cells: &[Cell]) {
    let h = cols.row_height(c.m, cells);
    c.ensure(h);
    cols.draw_row(c, cells, h);
}

/// The treatment table: heading, column header, visits with their lines and
/// subtotals, and the grand total.
pub(crate) fn treatment(c: &mut Composer<'_>) {
    let table = &c.doc.table;
    let cols = treatment_columns(c, table);
    let first_height = |c: &Composer<'_>, rows: &[PrintedRow]| {
        rows.first()
            .map_or(0.0, |r| cols.row_height(c.m, &row_cells(table, r)))
    };
    let first_row = table
        .visits
        .first()
        .map_or(0.0, |v| first_height(c, &v.rows));
    c.heading(&table.heading, cols.header_height() + VISIT_H + first_row);
    cols.draw_header(c);
    c.table = Some(Box::new(cols.clone()));
    let cells = bold_cells(&table.total_cells);
    let total_h = cols.row_height(c.m, &cells) + 2.0;
    let last_visit = table.visits.len().saturating_sub(1);
    for (v, visit) in table.visits.iter().enumerate() {
        let first = first_height(c, &visit.rows);
        visit_band(c, &visit.name, &visit.date, first);
        let last_row = visit.rows.len().saturating_sub(1);
        for (r, row) in visit.rows.iter().enumerate() {
            let row = row_cells(table, row);
            if v == last_visit && r == last_row {
                // The last line goes with the total and the closing unit.
                let subtotal = visit
                    .subtotal_cells
                    .as_ref()
                    .map_or(0.0, |s| cols.row_height(c.m, &bold_cells(s)));
                let row_h = cols.row_height(c.m, &row);
                c.ensure(row_h + subtotal + total_h + c.keep_with_table_end);
            }
            whole_row(c, &cols, &row);
        }
        if let Some(subtotal) = &visit.subtotal_cells {
            whole_row(c, &cols, &bold_cells(subtotal));
        }
    }
    let h = total_h;
    c.ensure(h + c.keep_with_table_end);
    let (left, right, y) = (c.left, c.right, c.y);
    c.rect(left, y, right - left, h, Rgb::SHADE);
    c.hline(left, right, y, 1.0, Rgb::ACCENT);
    cols.draw_row(c, &cells, h);
    c.table = None;
}

/// Columns of the remaining-benefits table: the plan takes the rest, the
/// benefit year and the amounts fixed widths.
pub(crate) fn remaining_columns(c: &Composer<'_>, benefits: &BenefitsTable) -> Columns {
    let specs = benefits
        .columns
        .iter()
        .map(|col| {
            let w = match col.title.as_str() {
                PLAN => None,
                BENEFIT_YEAR => Some(128.0),
                _ => Some(80.0),
            };
            (col.title.as_str(), w, col.align)
        })
        .collect();
    Columns::build(c.m, c.left, c.right, specs)
}

/// A row of the remaining-benefits table: the amount to read first in bold, a
/// separate maximum (orthodontics, implants...) muted.
pub(crate) fn remaining_cells(benefits: &BenefitsTable, row: &BenefitsRow) -> Vec<Cell> {
    benefits
        .columns
        .iter()
        .zip(&row.cells)
        .map(|(col, text)| {
            if row.separate_maximum {
                Cell {
                    color: Rgb::MUTED,
                    ..cell(text.as_str())
                }
            } else if col.strong {
                bold(text.as_str())
            } else {
                cell(text.as_str())
            }
        })
        .collect()
}
