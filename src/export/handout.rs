//! The options handout laid out: a summary page (practice, patient and
//! insurance as on the estimate, then the options side by side and the ways to
//! pay less), then each option's estimate pages, numbered over the whole
//! document. Every word comes from [`report::Handout`](crate::report::printed::Handout).

use super::compose::{BODY, Composer, LEADING};
use super::fonts::{Measure, Weight};
use super::layout::{Layout, Rgb};
use super::{Logo, Paper, Printout, pages, sections};
use crate::report::printed::{Handout, HandoutRow};

/// What gets printed: the handout and the practice logo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoutPrintout {
    /// Every text of the handout.
    pub handout: Handout,
    /// The practice logo, once read and checked.
    pub logo: Option<Logo>,
}

/// Width of the row labels' column.
const LABEL_W: f32 = 128.0;
/// Padding inside a cell.
const PAD: f32 = 6.0;

/// Lays the handout out on pages.
pub(crate) fn compose(m: &Measure, h: &HandoutPrintout, paper: Paper) -> Layout {
    let cover = Printout::new(h.handout.cover.clone(), h.logo.clone());
    let mut c = Composer::new(m, &cover, paper);
    sections::header(&mut c);
    sections::parties(&mut c);
    options_table(&mut c, &h.handout);
    advice(&mut c, &h.handout);
    for detail in &h.handout.details {
        let printout = Printout::new(detail.clone(), h.logo.clone());
        c.pages.extend(pages::body_pages(m, &printout, paper));
    }
    sections::footers(&mut c);
    Layout {
        width: c.width,
        height: c.height,
        pages: c.pages,
    }
}

/// Column width for each option.
fn column_width(c: &Composer<'_>, columns: usize) -> f32 {
    (c.right - c.left - LABEL_W) / columns.max(1) as f32
}

/// The options as columns, the amounts and visits as rows.
fn options_table(c: &mut Composer<'_>, h: &Handout) {
    c.heading(&h.heading, 60.0);
    c.paragraph(BODY, Weight::Regular, Rgb::MUTED, LEADING, &h.intro);
    c.y += 8.0;
    let col_w = column_width(c, h.options.len());
    let text_w = col_w - 2.0 * PAD;
    let heads: Vec<Vec<String>> = h
        .options
        .iter()
        .map(|o| c.m.wrap(Weight::Bold, 10.0, &o.name, text_w))
        .collect();
    let lines = heads.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let head_h = 2.0 * PAD + LEADING + lines * 12.5;
    c.ensure(head_h + 4.0 * 18.0);
    let (left, right, top) = (c.left, c.right, c.y);
    c.rect(left, top, right - left, head_h, Rgb::SHADE);
    for (k, (o, head)) in h.options.iter().zip(&heads).enumerate() {
        let x = left + LABEL_W + k as f32 * col_w + PAD;
        let mut y = top + PAD + LEADING - 2.0;
        c.text(x, y, 8.0, Weight::Regular, Rgb::MUTED, &o.number);
        for part in head {
            y += 12.5;
            c.text(x, y, 10.0, Weight::Bold, Rgb::ACCENT, part);
        }
    }
    c.y = top + head_h;
    for row in &h.rows {
        table_row(c, row, col_w);
    }
    c.y += 6.0;
}

/// One row: label, then one cell per option (several lines for visits).
fn table_row(c: &mut Composer<'_>, row: &HandoutRow, col_w: f32) {
    let (weight, size) = if row.strong {
        (Weight::Bold, 10.5)
    } else {
        (Weight::Regular, BODY)
    };
    let text_w = col_w - 2.0 * PAD;
    let cells: Vec<Vec<String>> = row
        .cells
        .iter()
        .map(|cell| {
            cell.iter()
                .flat_map(|line| c.m.wrap(weight, size, line, text_w))
                .collect()
        })
        .collect();
    let label = c.m.wrap(weight, BODY, &row.label, LABEL_W - 2.0 * PAD);
    let lines = cells.iter().map(Vec::len).chain([label.len()]).max();
    let h = 2.0 * PAD + lines.unwrap_or(1).max(1) as f32 * (size + 3.0);
    c.ensure(h);
    let (left, right, top) = (c.left, c.right, c.y);
    if row.strong {
        c.rect(left, top, right - left, h, Rgb::SHADE);
    }
    let color = if row.strong { Rgb::ACCENT } else { Rgb::TEXT };
    for (i, part) in label.iter().enumerate() {
        let y = top + PAD + (i + 1) as f32 * (size + 3.0) - 3.0;
        c.text(left + PAD, y, BODY, weight, Rgb::TEXT, part);
    }
    for (k, cell) in cells.iter().enumerate() {
        let x = left + LABEL_W + k as f32 * col_w + PAD;
        for (i, part) in cell.iter().enumerate() {
            let y = top + PAD + (i + 1) as f32 * (size + 3.0) - 3.0;
            c.text(x, y, size, weight, color, part);
        }
    }
    c.hline(left, right, top + h, 0.5, Rgb::HAIRLINE);
    c.y = top + h;
}

/// The benefit-year advice, when some option can be scheduled for less.
fn advice(c: &mut Composer<'_>, h: &Handout) {
    if h.advice.is_empty() {
        return;
    }
    c.heading(&h.advice_heading, 2.0 * LEADING);
    for paragraph in &h.advice {
        c.paragraph(BODY, Weight::Regular, Rgb::TEXT, LEADING, paragraph);
        c.y += 4.0;
    }
}
