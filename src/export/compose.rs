//! Page composition: the [`Composer`] that the parts of a printed estimate
//! draw with. It breaks pages between rows and blocks (never inside one) and
//! repeats a running header (the treatment table's column header) on each page
//! it continues on. It knows no part of the estimate, so the parts can use it
//! without it using them.

use super::fonts::{Measure, Weight};
use super::layout::{Op, PageOps, Rgb};
use super::{Paper, Printout};
use crate::report::PrintedEstimate;

/// Left and right page margin.
pub(crate) const MARGIN: f32 = 46.0;
/// Top of the content on every page.
const TOP: f32 = 40.0;
/// Content stops this far above the bottom edge (the footer lives below).
const BOTTOM_RESERVE: f32 = 48.0;

/// Body text size and leading.
pub(crate) const BODY: f32 = 8.8;
pub(crate) const LEADING: f32 = 11.0;

/// A styled line of text inside a block.
pub(crate) struct Styled {
    pub size: f32,
    pub weight: Weight,
    pub color: Rgb,
    pub leading: f32,
    pub text: String,
}

pub(crate) fn styled(
    size: f32,
    weight: Weight,
    color: Rgb,
    leading: f32,
    text: impl Into<String>,
) -> Styled {
    Styled {
        size,
        weight,
        color,
        leading,
        text: text.into(),
    }
}

/// Something drawn again at the top of each new page while it is set.
pub(crate) trait RunningHeader {
    /// Draws at `c.y` and moves below it.
    fn draw(&self, c: &mut Composer<'_>);
}

/// The page being filled and everything placed so far.
pub(crate) struct Composer<'a> {
    pub m: &'a Measure,
    pub doc: &'a PrintedEstimate,
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub bottom: f32,
    pub pages: Vec<PageOps>,
    /// Top of the free space on the current page.
    pub y: f32,
    /// While the treatment table runs, a page break repeats its header.
    pub table: Option<Box<dyn RunningHeader>>,
    /// Logo box (width, height) in points, when there is a logo.
    pub logo: Option<(f32, f32)>,
    /// Height of what must stay on the page of the table's last line and total.
    pub keep_with_table_end: f32,
}

impl<'a> Composer<'a> {
    pub fn new(m: &'a Measure, printout: &'a Printout, paper: Paper) -> Composer<'a> {
        let (width, height) = paper.size();
        Composer {
            m,
            doc: &printout.estimate,
            width,
            height,
            left: MARGIN,
            right: width - MARGIN,
            bottom: height - BOTTOM_RESERVE,
            pages: vec![PageOps::default()],
            y: TOP,
            table: None,
            logo: printout.logo.as_ref().map(|l| l.fit(110.0, 42.0)),
            keep_with_table_end: 0.0,
        }
    }

    pub fn push(&mut self, op: Op) {
        if self.pages.is_empty() {
            self.pages.push(PageOps::default());
        }
        if let Some(page) = self.pages.last_mut() {
            page.ops.push(op);
        }
    }

    /// Text with its left edge at `x`, baseline `y`.
    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, color: Rgb, text: &str) {
        if text.is_empty() {
            return;
        }
        // A letter the fonts cannot draw prints as a visible mark, never blank.
        let text = self.m.printable(text).into_owned();
        self.push(Op::Text {
            x,
            y,
            size,
            weight,
            color,
            text,
        });
    }

    /// Text with its right edge at `x`.
    pub fn text_right(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
        text: &str,
    ) {
        let w = self.m.width(weight, size, text);
        self.text(x - w, y, size, weight, color, text);
    }

    /// A horizontal line.
    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32, color: Rgb) {
        self.push(Op::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            color,
        });
    }

    /// A filled rectangle.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.push(Op::Rect { x, y, w, h, color });
    }

    /// Starts a new page: running header, and the table header if a table runs.
    pub fn new_page(&mut self) {
        self.pages.push(PageOps::default());
        self.y = TOP;
        let doc = self.doc;
        let (left, right) = (self.left, self.right);
        let base = self.y + 8.0;
        self.text(
            left,
            base,
            8.0,
            Weight::Bold,
            Rgb::ACCENT,
            &doc.document_title,
        );
        self.text_right(
            right,
            base,
            8.0,
            Weight::Regular,
            Rgb::MUTED,
            &doc.continued,
        );
        self.hline(left, right, base + 6.0, 0.6, Rgb::HAIRLINE);
        self.y = base + 18.0;
        if let Some(header) = self.table.take() {
            header.draw(self);
            self.table = Some(header);
        }
    }

    /// Makes sure `h` points fit on the current page; breaks the page otherwise.
    pub fn ensure(&mut self, h: f32) {
        if self.y + h > self.bottom {
            self.new_page();
        }
    }

    /// Draws a block of lines wrapped to `width` at `x`, from `self.y`; returns its
    /// height. Nothing is drawn when `draw` is false (measuring only).
    pub fn block(&mut self, x: f32, width: f32, lines: &[Styled], draw: bool) -> f32 {
        let mut y = self.y;
        for line in lines {
            for part in self.m.wrap(line.weight, line.size, &line.text, width) {
                y += line.leading;
                if draw {
                    self.text(
                        x,
                        y - line.leading * 0.25,
                        line.size,
                        line.weight,
                        line.color,
                        &part,
                    );
                }
            }
        }
        y - self.y
    }

    /// A section heading kept with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        self.ensure(25.0 + keep);
        self.y += 5.0;
        let (left, right) = (self.left, self.right);
        self.text(left, self.y + 11.0, 11.0, Weight::Bold, Rgb::ACCENT, text);
        self.hline(left, right, self.y + 15.0, 0.6, Rgb::HAIRLINE);
        self.y += 20.0;
    }

    /// A paragraph wrapped to the content width; lines may continue on the next page.
    pub fn paragraph(&mut self, size: f32, weight: Weight, color: Rgb, leading: f32, text: &str) {
        let (left, width) = (self.left, self.right - self.left);
        for part in self.m.wrap(weight, size, text, width) {
            self.ensure(leading);
            self.y += leading;
            self.text(left, self.y - leading * 0.25, size, weight, color, &part);
        }
    }
}

/// Cuts `text` with an ellipsis to fit `width`.
pub(crate) fn fit(m: &Measure, text: &str, weight: Weight, size: f32, width: f32) -> String {
    m.wrap_at_most(weight, size, text, width, 1)
        .into_iter()
        .next()
        .unwrap_or_default()
}
