//! Page composition: places every part of a [`PrintedEstimate`] on pages, breaking
//! pages between rows and blocks (never inside one), repeating the treatment
//! table's column header on each page it continues on, and adding "Page N of M"
//! footers once the page count is known.

use super::fonts::{Measure, Weight};
use super::layout::{Layout, Op, PageOps, Rgb};
use super::table::{self, Columns};
use super::{Paper, PrintedEstimate, long_date};

/// Left and right page margin.
pub(crate) const MARGIN: f32 = 46.0;
/// Top of the content on every page.
const TOP: f32 = 40.0;
/// Content stops this far above the bottom edge (the footer lives below).
const BOTTOM_RESERVE: f32 = 52.0;

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

fn styled(size: f32, weight: Weight, color: Rgb, leading: f32, text: impl Into<String>) -> Styled {
    Styled {
        size,
        weight,
        color,
        leading,
        text: text.into(),
    }
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
    pub table: Option<Columns>,
    /// Logo box (width, height) in points, when there is a logo.
    pub logo: Option<(f32, f32)>,
}

impl<'a> Composer<'a> {
    fn new(m: &'a Measure, doc: &'a PrintedEstimate, paper: Paper) -> Composer<'a> {
        let (width, height) = paper.size();
        Composer {
            m,
            doc,
            width,
            height,
            left: MARGIN,
            right: width - MARGIN,
            bottom: height - BOTTOM_RESERVE,
            pages: vec![PageOps::default()],
            y: TOP,
            table: None,
            logo: doc.logo.as_ref().map(|l| l.fit(120.0, 46.0)),
        }
    }

    fn push(&mut self, op: Op) {
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
        self.push(Op::Text {
            x,
            y,
            size,
            weight,
            color,
            text: text.to_string(),
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
            &format!("{} for {}", doc.title, doc.patient.name),
        );
        let tail = format!(
            "{} · {} · continued",
            doc.option,
            long_date(doc.prepared)
        );
        self.text_right(right, base, 8.0, Weight::Regular, Rgb::MUTED, &tail);
        self.hline(left, right, base + 6.0, 0.6, Rgb::HAIRLINE);
        self.y = base + 18.0;
        if let Some(columns) = self.table.take() {
            columns.draw_header(self);
            self.table = Some(columns);
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
    fn block(&mut self, x: f32, width: f32, lines: &[Styled], draw: bool) -> f32 {
        let mut y = self.y;
        for line in lines {
            for part in self.m.wrap(line.weight, line.size, &line.text, width) {
                y += line.leading;
                if draw {
                    self.text(x, y - line.leading * 0.25, line.size, line.weight, line.color, &part);
                }
            }
        }
        y - self.y
    }

    /// A section heading kept with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        self.ensure(26.0 + keep);
        self.y += 8.0;
        let (left, right) = (self.left, self.right);
        self.text(left, self.y + 11.0, 11.0, Weight::Bold, Rgb::ACCENT, text);
        self.hline(left, right, self.y + 16.0, 0.6, Rgb::HAIRLINE);
        self.y += 24.0;
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

/// Lays the estimate out on pages.
pub(crate) fn compose(m: &Measure, doc: &PrintedEstimate, paper: Paper) -> Layout {
    let mut c = Composer::new(m, doc, paper);
    header(&mut c);
    parties(&mut c);
    table::treatment(&mut c);
    summary(&mut c);
    notes(&mut c);
    remaining(&mut c);
    disclaimer(&mut c);
    signatures(&mut c);
    footers(&mut c);
    Layout {
        width: c.width,
        height: c.height,
        pages: c.pages,
    }
}

/// Practice on the left, title and estimate number and dates on the right.
fn header(c: &mut Composer<'_>) {
    let doc = c.doc;
    let top = c.y;
    let mut x = c.left;
    let mut bottom = top;
    if let Some((w, h)) = c.logo {
        c.push(Op::Logo {
            x: c.left,
            y: top,
            w,
            h,
        });
        x += w + 12.0;
        bottom = top + h;
    }
    let info_x = c.right - 176.0;
    let mut lines = vec![styled(
        15.0,
        Weight::Bold,
        Rgb::TEXT,
        17.0,
        doc.practice.name.clone(),
    )];
    for l in &doc.practice.address_lines {
        lines.push(styled(8.5, Weight::Regular, Rgb::MUTED, 11.0, l.clone()));
    }
    if !doc.practice.phone.trim().is_empty() {
        lines.push(styled(
            8.5,
            Weight::Regular,
            Rgb::MUTED,
            11.0,
            format!("Phone {}", doc.practice.phone.trim()),
        ));
    }
    let ids: Vec<String> = [
        doc.practice.tax_id.as_ref().map(|t| format!("Tax ID {t}")),
        doc.practice.npi.as_ref().map(|n| format!("NPI {n}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !ids.is_empty() {
        lines.push(styled(8.5, Weight::Regular, Rgb::MUTED, 11.0, ids.join("   ·   ")));
    }
    let h = c.block(x, info_x - 16.0 - x, &lines, true);
    bottom = bottom.max(top + h);

    let right = c.right;
    c.text_right(right, top + 15.0, 19.0, Weight::Bold, Rgb::ACCENT, &doc.title);
    let rows = [
        ("Estimate no.", doc.estimate_id.clone(), Weight::Regular),
        ("Prepared", long_date(doc.prepared), Weight::Regular),
        ("Valid until", long_date(doc.valid_until), Weight::Bold),
    ];
    let mut y = top + 32.0;
    for (label, value, weight) in rows {
        c.text(info_x, y, 8.5, Weight::Regular, Rgb::MUTED, label);
        c.text_right(right, y, 8.5, weight, Rgb::TEXT, &value);
        y += 11.5;
    }
    bottom = bottom.max(y - 6.0);
    c.y = bottom + 10.0;
    let (left, right) = (c.left, c.right);
    c.hline(left, right, c.y, 1.4, Rgb::ACCENT);
    c.y += 14.0;
}

/// Patient and insurance blocks, three to a row.
fn parties(c: &mut Composer<'_>) {
    let doc = c.doc;
    let label = |t: &str| styled(7.0, Weight::Bold, Rgb::MUTED, 10.0, t.to_uppercase());
    let plain = |t: String| styled(8.5, Weight::Regular, Rgb::TEXT, 11.0, t);
    let mut blocks: Vec<Vec<Styled>> = Vec::new();
    let mut patient = vec![
        label("Patient"),
        styled(10.5, Weight::Bold, Rgb::TEXT, 13.5, doc.patient.name.clone()),
        plain(format!("Date of birth {}", long_date(doc.patient.birth_date))),
    ];
    if let Some(chart) = doc.patient.chart_number.as_deref().filter(|s| !s.is_empty()) {
        patient.push(plain(format!("Chart {chart}")));
    }
    blocks.push(patient);
    for p in &doc.payers {
        let mut b = vec![
            label(&p.role),
            styled(10.0, Weight::Bold, Rgb::TEXT, 13.0, p.plan_name.clone()),
        ];
        if !p.carrier.is_empty() {
            b.push(plain(p.carrier.clone()));
        }
        if let Some(id) = &p.member_id {
            b.push(plain(format!("Member ID {id}")));
        }
        if let Some(s) = &p.subscriber {
            b.push(plain(format!("Subscriber {s}")));
        }
        if !p.network.is_empty() {
            b.push(plain(p.network.clone()));
        }
        if let Some(v) = &p.verified {
            b.push(styled(8.0, Weight::Regular, Rgb::MUTED, 10.5, v.clone()));
        }
        blocks.push(b);
    }
    if doc.payers.is_empty() {
        blocks.push(vec![
            label("Insurance"),
            plain("No insurance on file for this estimate: the amounts are our fees.".into()),
        ]);
    }
    let gap = 18.0;
    let col_w = (c.right - c.left - 2.0 * gap) / 3.0;
    for row in blocks.chunks(3) {
        let h = row
            .iter()
            .map(|b| c.block(0.0, col_w, b, false))
            .fold(0.0_f32, f32::max);
        c.ensure(h);
        for (i, b) in row.iter().enumerate() {
            let x = c.left + i as f32 * (col_w + gap);
            c.block(x, col_w, b, true);
        }
        c.y += h + 8.0;
    }
}

/// The "you pay" summary under the table.
fn summary(c: &mut Composer<'_>) {
    let doc = c.doc;
    let rows: Vec<(String, String)> = doc
        .payers
        .iter()
        .zip(&doc.totals.insurance)
        .map(|(p, amount)| (format!("{} pays (estimate)", p.plan_name), format!("${amount}")))
        .collect();
    let box_w = 290.0_f32.min(c.right - c.left);
    let h = 14.0 + rows.len() as f32 * 13.0 + 22.0;
    c.ensure(h + 10.0);
    c.y += 10.0;
    let x = c.right - box_w;
    c.rect(x, c.y, box_w, h, Rgb::SHADE);
    let mut y = c.y + 6.0;
    let right = c.right - 10.0;
    for (label, amount) in &rows {
        y += 13.0;
        let label = fit(c.m, label, Weight::Regular, BODY, box_w - 100.0);
        c.text(x + 10.0, y - 3.0, BODY, Weight::Regular, Rgb::TEXT, &label);
        c.text_right(right, y - 3.0, BODY, Weight::Regular, Rgb::TEXT, amount);
    }
    y += 22.0;
    c.text(
        x + 10.0,
        y - 6.0,
        11.0,
        Weight::Bold,
        Rgb::ACCENT,
        "Your estimated total",
    );
    let you = format!("${}", doc.totals.patient);
    c.text_right(right, y - 6.0, 13.0, Weight::Bold, Rgb::ACCENT, &you);
    c.y += h + 6.0;
}

/// Cuts `text` with an ellipsis to fit `width`.
pub(crate) fn fit(m: &Measure, text: &str, weight: Weight, size: f32, width: f32) -> String {
    m.wrap_at_most(weight, size, text, width, 1)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// One plain-language note per affected line.
fn notes(c: &mut Composer<'_>) {
    let doc = c.doc;
    if doc.notes.is_empty() {
        return;
    }
    let indent = 44.0;
    let width = c.right - c.left - indent;
    let measured: Vec<(String, Vec<String>)> = doc
        .notes
        .iter()
        .map(|n| {
            (
                format!("Line {}", n.line),
                c.m.wrap(Weight::Regular, BODY, &n.text, width),
            )
        })
        .collect();
    let first = measured.first().map_or(0.0, |(_, l)| l.len() as f32 * LEADING);
    c.heading("Notes", first);
    for (label, lines) in measured {
        let h = lines.len() as f32 * LEADING + 3.0;
        c.ensure(h);
        let left = c.left;
        c.text(left, c.y + LEADING * 0.75, BODY, Weight::Bold, Rgb::TEXT, &label);
        for part in &lines {
            c.y += LEADING;
            c.text(left + indent, c.y - LEADING * 0.25, BODY, Weight::Regular, Rgb::TEXT, part);
        }
        c.y += 3.0;
    }
}

/// Benefits left per plan and benefit year after this treatment.
fn remaining(c: &mut Composer<'_>) {
    let doc = c.doc;
    if doc.remaining.is_empty() {
        return;
    }
    let rows = table::remaining_rows(doc);
    let cols = table::remaining_columns(c);
    let header_h = cols.header_height();
    c.heading("Your benefits after this treatment", header_h + 16.0);
    cols.draw_header(c);
    for row in rows {
        let h = cols.row_height(c.m, &row);
        let pages = c.pages.len();
        c.ensure(h);
        if c.pages.len() != pages {
            // A new page started: repeat the small table's header.
            cols.draw_header(c);
        }
        cols.draw_row(c, &row, h);
    }
}

/// The practice's disclaimer paragraphs.
fn disclaimer(c: &mut Composer<'_>) {
    let doc = c.doc;
    if doc.disclaimer.is_empty() {
        return;
    }
    c.heading("About this estimate", 2.0 * LEADING);
    for p in &doc.disclaimer {
        c.paragraph(8.4, Weight::Regular, Rgb::TEXT, 10.8, p);
        c.y += 4.0;
    }
}

/// Acknowledgement and signature lines for the patient and the office.
fn signatures(c: &mut Composer<'_>) {
    let text = "By signing, I confirm that this estimate was explained to me, that I understand it is not a guarantee of payment, and that I am responsible for the amount my insurance does not pay.";
    let width = c.right - c.left;
    let lines = c.m.wrap(Weight::Regular, BODY, text, width);
    let h = 14.0 + lines.len() as f32 * LEADING + 2.0 * 40.0;
    c.ensure(h);
    c.y += 14.0;
    let left = c.left;
    for part in &lines {
        c.y += LEADING;
        c.text(left, c.y - LEADING * 0.25, BODY, Weight::Regular, Rgb::TEXT, part);
    }
    let sign_end = c.left + width * 0.64;
    let date_start = c.left + width * 0.72;
    for who in ["Patient or parent/guardian signature", "Staff member signature"] {
        c.y += 30.0;
        let (left, right, y) = (c.left, c.right, c.y);
        c.hline(left, sign_end, y, 0.7, Rgb::TEXT);
        c.hline(date_start, right, y, 0.7, Rgb::TEXT);
        c.text(left, y + 9.0, 7.5, Weight::Regular, Rgb::MUTED, who);
        c.text(date_start, y + 9.0, 7.5, Weight::Regular, Rgb::MUTED, "Date");
        c.y += 10.0;
    }
}

/// "Page N of M" and the estimate's identity on every page.
fn footers(c: &mut Composer<'_>) {
    let doc = c.doc;
    let total = c.pages.len();
    let y = c.height - 30.0;
    let left_text = format!(
        "{} · Estimate {} · Prepared {}",
        doc.practice.name,
        doc.estimate_id,
        long_date(doc.prepared)
    );
    let (left, right) = (c.left, c.right);
    let left_text = fit(c.m, &left_text, Weight::Regular, 7.5, right - left - 80.0);
    let pages = std::mem::take(&mut c.pages);
    for (i, mut page) in pages.into_iter().enumerate() {
        let page_text = format!("Page {} of {total}", i + 1);
        let page_w = c.m.width(Weight::Regular, 7.5, &page_text);
        page.ops.push(Op::Line {
            x1: left,
            y1: y - 10.0,
            x2: right,
            y2: y - 10.0,
            width: 0.5,
            color: Rgb::HAIRLINE,
        });
        page.ops.push(Op::Text {
            x: left,
            y,
            size: 7.5,
            weight: Weight::Regular,
            color: Rgb::MUTED,
            text: left_text.clone(),
        });
        page.ops.push(Op::Text {
            x: right - page_w,
            y,
            size: 7.5,
            weight: Weight::Regular,
            color: Rgb::MUTED,
            text: page_text,
        });
        c.pages.push(page);
    }
}
