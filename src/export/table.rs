//! Tables on the printed estimate: the treatment table (lines grouped by visit,
//! money right-aligned, one insurance column per payer, visit subtotals and the
//! grand total) and the small remaining-benefits table. Rows are measured first
//! and never split across pages.

use super::compose::{BODY, Composer, LEADING, RunningHeader, fit};
use super::fonts::{Measure, Weight};
use super::layout::Rgb;
use super::{Amounts, PrintedEstimate, PrintedLine, long_date};

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

/// Left or right alignment of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
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
type Spec = (String, Option<f32>, Align);

impl Columns {
    fn build(m: &Measure, left: f32, right: f32, specs: Vec<Spec>) -> Columns {
        let fixed: f32 = specs.iter().filter_map(|(_, w, _)| *w).sum();
        let flex = (right - left - fixed).max(40.0);
        let mut x = left;
        let cols = specs
            .into_iter()
            .map(|(title, w, align)| {
                let w = w.unwrap_or(flex);
                let header = m.wrap_at_most(Weight::Bold, HEAD_SIZE, &title, w - 2.0 * PAD, 3);
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

/// The treatment table's columns for this estimate.
fn treatment_columns(c: &Composer<'_>) -> Columns {
    let doc = c.doc;
    let payers = doc.payers.len();
    let money_count = 2 + usize::from(doc.show_write_off) + payers;
    let (line_w, area_w, code_w) = (26.0, 52.0, 38.0);
    let width = c.right - c.left;
    // Money columns shrink (down to 46 pt) before the description gets narrower
    // than 150 pt.
    let money_w =
        ((width - line_w - area_w - code_w - 150.0) / money_count as f32).clamp(46.0, 56.0);
    let money = |title: &str| (title.to_string(), Some(money_w), Align::Right);
    let mut specs: Vec<Spec> = vec![
        ("Line".into(), Some(line_w), Align::Left),
        ("Tooth / area".into(), Some(area_w), Align::Left),
        ("Code".into(), Some(code_w), Align::Left),
        ("Description".into(), None, Align::Left),
        money("Fee"),
    ];
    if doc.show_write_off {
        specs.push(money("Network discount"));
    }
    if payers == 1 {
        specs.push(money("Insurance"));
    } else {
        for p in &doc.payers {
            specs.push(money(&p.short_name));
        }
    }
    specs.push(money("You pay"));
    Columns::build(c.m, c.left, c.right, specs)
}

/// Money cells of a row, in column order.
fn money_cells(doc: &PrintedEstimate, a: &Amounts, make: fn(String) -> Cell) -> Vec<Cell> {
    let mut cells = vec![make(a.fee.to_string())];
    if doc.show_write_off {
        cells.push(make(a.write_off.to_string()));
    }
    for k in 0..doc.payers.len() {
        cells.push(make(
            a.insurance
                .get(k)
                .map_or_else(String::new, ToString::to_string),
        ));
    }
    cells.push(make(a.patient.to_string()));
    cells
}

fn line_cells(doc: &PrintedEstimate, line: &PrintedLine) -> Vec<Cell> {
    let number = if line.has_note {
        format!("{}*", line.number)
    } else {
        line.number.to_string()
    };
    let mut cells = vec![
        cell(number),
        cell(line.area.clone()),
        cell(line.code.clone()),
        Cell {
            sub: line.completed.clone(),
            ..cell(line.description.clone())
        },
    ];
    cells.extend(money_cells(doc, &line.amounts, cell));
    cells
}

/// The treatment table: heading, column header, visits with their lines and
/// subtotals, and the grand total.
pub(crate) fn treatment(c: &mut Composer<'_>) {
    let doc = c.doc;
    let cols = treatment_columns(c);
    let first_row = doc
        .visits
        .first()
        .and_then(|v| v.lines.first())
        .map_or(0.0, |l| cols.row_height(c.m, &line_cells(doc, l)));
    c.heading(
        &format!("Planned treatment: {}", doc.option),
        cols.header_height() + VISIT_H + first_row,
    );
    cols.draw_header(c);
    c.table = Some(Box::new(cols.clone()));
    let subtotals = doc.visits.len() > 1;
    for visit in &doc.visits {
        let first = visit
            .lines
            .first()
            .map_or(0.0, |l| cols.row_height(c.m, &line_cells(doc, l)));
        c.ensure(VISIT_H + first);
        let (x, y) = (c.left + PAD, c.y + VISIT_H - 6.5);
        let name = fit(c.m, &visit.name, Weight::Bold, 9.5, 300.0);
        c.text(x, y, 9.5, Weight::Bold, Rgb::ACCENT, &name);
        let after = x + c.m.width(Weight::Bold, 9.5, &name);
        let when = format!("   {}", long_date(visit.date));
        c.text(after, y, 9.0, Weight::Regular, Rgb::MUTED, &when);
        c.y += VISIT_H;
        let (left, right, y) = (c.left, c.right, c.y);
        c.hline(left, right, y, 0.4, Rgb::HAIRLINE);
        for line in &visit.lines {
            let cells = line_cells(doc, line);
            let h = cols.row_height(c.m, &cells);
            c.ensure(h);
            cols.draw_row(c, &cells, h);
        }
        if subtotals {
            let mut cells = vec![cell(""), cell(""), cell(""), bold("Visit total")];
            cells.extend(money_cells(doc, &visit.subtotal, bold));
            let h = cols.row_height(c.m, &cells);
            c.ensure(h);
            cols.draw_row(c, &cells, h);
        }
    }
    let mut cells = vec![cell(""), cell(""), cell(""), bold("Total")];
    cells.extend(money_cells(doc, &doc.totals, bold));
    let h = cols.row_height(c.m, &cells) + 2.0;
    c.ensure(h);
    let (left, right, y) = (c.left, c.right, c.y);
    c.rect(left, y, right - left, h, Rgb::SHADE);
    c.hline(left, right, y, 1.0, Rgb::ACCENT);
    cols.draw_row(c, &cells, h);
    c.table = None;
}

/// Columns of the remaining-benefits table.
pub(crate) fn remaining_columns(c: &Composer<'_>) -> Columns {
    let money = |t: &str| (t.to_string(), Some(78.0), Align::Right);
    Columns::build(
        c.m,
        c.left,
        c.right,
        vec![
            ("Plan".into(), None, Align::Left),
            ("Benefit year".into(), Some(128.0), Align::Left),
            money("Maximum left now"),
            money("Maximum left after"),
            money("Deductible left"),
        ],
    )
}

/// Rows of the remaining-benefits table: one per plan and benefit year, plus one
/// per separate maximum (orthodontics, implants...).
pub(crate) fn remaining_rows(doc: &PrintedEstimate) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let max =
        |m: Option<crate::money::Cents>| m.map_or_else(|| "No maximum".into(), |c| c.to_string());
    for r in &doc.remaining {
        rows.push(vec![
            cell(r.plan_name.clone()),
            cell(format!(
                "{} – {}",
                long_date(r.year_start),
                long_date(r.year_end)
            )),
            cell(max(r.maximum_before)),
            bold(max(r.maximum_after)),
            cell(r.deductible_after.to_string()),
        ]);
        for (name, before, after) in &r.class_maximums {
            let muted = |t: String| Cell {
                color: Rgb::MUTED,
                ..cell(t)
            };
            rows.push(vec![
                muted(name.clone()),
                cell(""),
                muted(before.to_string()),
                muted(after.to_string()),
                cell(""),
            ]);
        }
    }
    rows
}
