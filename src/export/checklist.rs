//! The office-side documentation checklist laid out on pages: title, the
//! office-only warning, then each checklist with the lines it is for and a box
//! per item. Every word comes from [`report::coding::Checklist`](crate::report::coding::Checklist);
//! it never goes into the patient's estimate.

use super::compose::{BODY, LEADING, MARGIN};
use super::fonts::{Measure, Weight};
use super::layout::{Layout, Op, PageOps, Rgb};
use super::{Paper, PdfError, pdf};
use crate::model::Language;
use crate::report::coding::Checklist;

/// Top and bottom margins.
const TOP: f32 = 48.0;
const BOTTOM: f32 = 48.0;
/// Indent of an item's text after its box.
const ITEM_INDENT: f32 = 16.0;

/// Fills pages top to bottom.
struct Pages<'a> {
    m: &'a Measure,
    width: f32,
    height: f32,
    pages: Vec<PageOps>,
    y: f32,
}

impl Pages<'_> {
    fn ensure(&mut self, h: f32) {
        if self.y + h > self.height - BOTTOM {
            self.pages.push(PageOps::default());
            self.y = TOP;
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.ops.push(op);
        }
    }

    /// Wrapped text at `x`, moving down.
    fn text(&mut self, x: f32, (size, weight, color): (f32, Weight, Rgb), text: &str) {
        let lines = self.m.wrap(weight, size, text, self.width - MARGIN - x);
        for line in lines {
            self.ensure(LEADING + 2.0);
            self.y += size + 3.0;
            self.push(Op::Text {
                x,
                y: self.y,
                size,
                weight,
                color,
                text: line,
            });
        }
    }

    /// A box to tick, then the item's text beside it.
    fn item(&mut self, text: &str) {
        self.ensure(2.0 * LEADING);
        let top = self.y + 3.0;
        let side = 7.0;
        for (x1, y1, x2, y2) in [
            (0.0, 0.0, side, 0.0),
            (side, 0.0, side, side),
            (side, side, 0.0, side),
            (0.0, side, 0.0, 0.0),
        ] {
            self.push(Op::Line {
                x1: MARGIN + x1,
                y1: top + y1,
                x2: MARGIN + x2,
                y2: top + y2,
                width: 0.6,
                color: Rgb::TEXT,
            });
        }
        self.text(
            MARGIN + ITEM_INDENT,
            (BODY, Weight::Regular, Rgb::TEXT),
            text,
        );
        self.y += 2.0;
    }
}

/// The checklist on `paper`.
pub fn layout_checklist(checklist: &Checklist, paper: Paper) -> Result<Layout, PdfError> {
    let m = Measure::new().ok_or(PdfError::Font("Liberation Sans"))?;
    let (width, height) = paper.size();
    let mut p = Pages {
        m: &m,
        width,
        height,
        pages: vec![PageOps::default()],
        y: TOP,
    };
    p.text(MARGIN, (16.0, Weight::Bold, Rgb::ACCENT), &checklist.title);
    p.text(
        MARGIN,
        (10.0, Weight::Regular, Rgb::TEXT),
        &checklist.subtitle,
    );
    p.text(
        MARGIN,
        (BODY, Weight::Bold, Rgb::MUTED),
        &checklist.office_only,
    );
    p.y += 8.0;
    if checklist.sections.is_empty() {
        p.text(MARGIN, (BODY, Weight::Regular, Rgb::TEXT), &checklist.empty);
    }
    for section in &checklist.sections {
        p.ensure(5.0 * LEADING);
        p.y += 6.0;
        p.text(MARGIN, (11.0, Weight::Bold, Rgb::ACCENT), &section.title);
        for line in &section.lines {
            p.text(MARGIN, (BODY, Weight::Regular, Rgb::MUTED), line);
        }
        p.y += 3.0;
        for item in &section.items {
            p.item(item);
        }
    }
    Ok(Layout {
        width,
        height,
        pages: p.pages,
    })
}

/// The checklist as PDF bytes.
pub fn checklist_pdf(checklist: &Checklist, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let layout = layout_checklist(checklist, paper)?;
    pdf::write(&layout, (&checklist.title, Language::English), None)
}
