//! The parts of the printed estimate around the treatment table: practice header,
//! patient and insurance blocks, the "you pay" summary, notes, remaining benefits,
//! disclaimer, signature lines and the page footers. Every word comes from the
//! view model or `report::printed::words`; this file only places them.

use super::compose::{BODY, Composer, LEADING, Styled, fit, styled};
use super::fonts::Weight;
use super::layout::{Op, Rgb};
use super::table;
use crate::report::printed::PartyBlock;
use crate::report::printed::lang::{Msg, say};

/// Practice on the left, title and estimate number and dates on the right.
pub(crate) fn header(c: &mut Composer<'_>) {
    let top = c.y;
    let (x, logo_bottom) = logo(c, top);
    let info_x = c.right - 160.0;
    let practice_bottom = top + practice(c, x, info_x);
    c.y = top;
    let facts_bottom = title_and_facts(c, top, info_x);
    c.y = logo_bottom.max(practice_bottom).max(facts_bottom) + 8.0;
    let (left, right) = (c.left, c.right);
    c.hline(left, right, c.y, 1.4, Rgb::ACCENT);
    c.y += 12.0;
}

/// The logo at the top left, when there is one; returns where the practice's
/// name starts and the logo's bottom.
fn logo(c: &mut Composer<'_>, top: f32) -> (f32, f32) {
    let Some((w, h)) = c.logo else {
        return (c.left, top);
    };
    c.push(Op::Logo {
        x: c.left,
        y: top,
        w,
        h,
    });
    (c.left + w + 12.0, top + h)
}

/// The practice's name and lines from `x`; returns their height.
fn practice(c: &mut Composer<'_>, x: f32, info_x: f32) -> f32 {
    let doc = c.doc;
    // The name shares its line with the title; the rest only with the dates.
    let title_x = c.right - c.m.width(Weight::Bold, 19.0, &doc.title);
    let name = [styled(
        15.0,
        Weight::Bold,
        Rgb::TEXT,
        17.0,
        doc.practice.name.clone(),
    )];
    let name_h = c.block(x, title_x - 18.0 - x, &name, true);
    c.y += name_h;
    let lines: Vec<Styled> = doc
        .practice
        .lines
        .iter()
        .map(|l| styled(8.5, Weight::Regular, Rgb::MUTED, 11.0, l.clone()))
        .collect();
    name_h + c.block(x, info_x - 16.0 - x, &lines, true)
}

/// The title at the top right and the facts under it; returns their bottom.
fn title_and_facts(c: &mut Composer<'_>, top: f32, info_x: f32) -> f32 {
    let doc = c.doc;
    let right = c.right;
    c.text_right(
        right,
        top + 15.0,
        19.0,
        Weight::Bold,
        Rgb::ACCENT,
        &doc.title,
    );
    let mut y = top + 32.0;
    for fact in &doc.facts {
        let weight = if fact.strong {
            Weight::Bold
        } else {
            Weight::Regular
        };
        c.text(info_x, y, 8.5, Weight::Regular, Rgb::MUTED, &fact.label);
        c.text_right(right, y, 8.5, weight, Rgb::TEXT, &fact.value);
        y += 11.5;
    }
    y - 6.0
}

/// A block's lines: the label in small capitals, the name in bold at
/// `name_size` with `name_leading`, plain lines, a quieter aside.
fn party(block: &PartyBlock, name_size: f32, name_leading: f32) -> Vec<Styled> {
    let mut lines = vec![styled(
        7.0,
        Weight::Bold,
        Rgb::MUTED,
        10.0,
        block.label.to_uppercase(),
    )];
    if !block.name.is_empty() {
        lines.push(styled(
            name_size,
            Weight::Bold,
            Rgb::TEXT,
            name_leading,
            block.name.clone(),
        ));
    }
    for l in &block.lines {
        lines.push(styled(8.5, Weight::Regular, Rgb::TEXT, 11.0, l.clone()));
    }
    if let Some(aside) = &block.aside {
        lines.push(styled(
            8.0,
            Weight::Regular,
            Rgb::MUTED,
            10.5,
            aside.clone(),
        ));
    }
    lines
}

/// Patient and insurance blocks, three to a row.
pub(crate) fn parties(c: &mut Composer<'_>) {
    let doc = c.doc;
    let mut blocks = vec![party(&doc.patient, 10.5, 13.5)];
    blocks.extend(doc.payers.iter().map(|p| party(&p.block, 10.0, 13.0)));
    blocks.extend(doc.no_insurance.iter().map(|b| party(b, 10.0, 13.0)));
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
        c.y += h + 6.0;
    }
}

/// The "you pay" summary under the table.
pub(crate) fn summary(c: &mut Composer<'_>) {
    let summary = &c.doc.summary;
    let box_w = 290.0_f32.min(c.right - c.left);
    let h = summary_box_height(c);
    c.ensure(h + 8.0);
    c.y += 8.0;
    let x = c.right - box_w;
    let aside_lines =
        c.m.wrap(Weight::Regular, 8.0, &summary.aside, x - c.left - 24.0);
    let left = c.left;
    for (i, part) in aside_lines.iter().enumerate() {
        let base = c.y + 14.0 + i as f32 * 10.5;
        c.text(left, base, 8.0, Weight::Regular, Rgb::MUTED, part);
    }
    c.rect(x, c.y, box_w, h, Rgb::SHADE);
    let mut y = c.y + 6.0;
    let right = c.right - 10.0;
    for row in &summary.rows {
        y += 13.0;
        let room = box_w - 100.0;
        let label = if c.m.width(Weight::Regular, BODY, &row.label) <= room {
            row.label.clone()
        } else {
            fit(c.m, &row.short_label, Weight::Regular, BODY, room)
        };
        c.text(x + 10.0, y - 3.0, BODY, Weight::Regular, Rgb::TEXT, &label);
        c.text_right(
            right,
            y - 3.0,
            BODY,
            Weight::Regular,
            Rgb::TEXT,
            &row.amount,
        );
    }
    y += 22.0;
    c.text(
        x + 10.0,
        y - 6.0,
        11.0,
        Weight::Bold,
        Rgb::ACCENT,
        &summary.total_label,
    );
    c.text_right(
        right,
        y - 6.0,
        13.0,
        Weight::Bold,
        Rgb::ACCENT,
        &summary.total,
    );
    c.y += h + 6.0;
}

fn summary_box_height(c: &Composer<'_>) -> f32 {
    14.0 + c.doc.summary.rows.len() as f32 * 13.0 + 22.0
}

/// The height the "you pay" summary and the signature block take together, so the
/// treatment table can keep its last row and total with them on one page.
pub(crate) fn closing_height(c: &Composer<'_>) -> f32 {
    let summary = 8.0 + summary_box_height(c) + 6.0;
    summary + signatures_height(c)
}

fn signature_lines(c: &Composer<'_>) -> Vec<String> {
    c.m.wrap(
        Weight::Regular,
        BODY,
        Msg::SignatureStatement.text(c.doc.language),
        c.right - c.left,
    )
}

fn signatures_height(c: &Composer<'_>) -> f32 {
    12.0 + signature_lines(c).len() as f32 * LEADING + 42.0
}

/// One plain-language note per affected line.
pub(crate) fn notes(c: &mut Composer<'_>) {
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
                n.label.clone(),
                c.m.wrap(Weight::Regular, BODY, &n.text, width),
            )
        })
        .collect();
    let first = measured
        .first()
        .map_or(0.0, |(_, l)| l.len() as f32 * LEADING);
    c.heading(Msg::Notes.text(doc.language), first);
    for (label, lines) in measured {
        let h = lines.len() as f32 * LEADING + 3.0;
        c.ensure(h);
        let left = c.left;
        c.text(
            left,
            c.y + LEADING * 0.75,
            BODY,
            Weight::Bold,
            Rgb::TEXT,
            &label,
        );
        for part in &lines {
            c.y += LEADING;
            c.text(
                left + indent,
                c.y - LEADING * 0.25,
                BODY,
                Weight::Regular,
                Rgb::TEXT,
                part,
            );
        }
        c.y += 3.0;
    }
}

/// Benefits left per plan and benefit year after this treatment.
pub(crate) fn remaining(c: &mut Composer<'_>) {
    let doc = c.doc;
    let benefits = &doc.remaining;
    if benefits.rows.is_empty() {
        return;
    }
    let cols = table::remaining_columns(c, benefits);
    let header_h = cols.header_height();
    c.heading(Msg::BenefitsAfter.text(c.doc.language), header_h + 16.0);
    cols.draw_header(c);
    for row in &benefits.rows {
        let row = table::remaining_cells(benefits, row);
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
pub(crate) fn disclaimer(c: &mut Composer<'_>) {
    let doc = c.doc;
    if doc.disclaimer.is_empty() {
        return;
    }
    c.heading(Msg::About.text(c.doc.language), 2.0 * LEADING);
    for p in &doc.disclaimer {
        c.paragraph(8.2, Weight::Regular, Rgb::TEXT, 10.4, p);
        c.y += 4.0;
    }
}

/// Acknowledgement and signature lines for the patient and the office.
pub(crate) fn signatures(c: &mut Composer<'_>) {
    let width = c.right - c.left;
    let lines = signature_lines(c);
    c.ensure(signatures_height(c));
    c.y += 12.0;
    let left = c.left;
    for part in &lines {
        c.y += LEADING;
        c.text(
            left,
            c.y - LEADING * 0.25,
            BODY,
            Weight::Regular,
            Rgb::TEXT,
            part,
        );
    }
    // Patient and staff side by side, each with a signature and a date line.
    c.y += 30.0;
    let gap = 28.0;
    let group = (width - gap) / 2.0;
    let y = c.y;
    let lang = c.doc.language;
    for (i, who) in [
        Msg::PatientSignature.text(lang),
        Msg::StaffSignature.text(lang),
    ]
    .into_iter()
    .enumerate()
    {
        let x = c.left + i as f32 * (group + gap);
        let sign_end = x + group * 0.66;
        let date_start = x + group * 0.72;
        c.hline(x, sign_end, y, 0.7, Rgb::TEXT);
        c.hline(date_start, x + group, y, 0.7, Rgb::TEXT);
        c.text(x, y + 9.0, 7.5, Weight::Regular, Rgb::MUTED, who);
        c.text(
            date_start,
            y + 9.0,
            7.5,
            Weight::Regular,
            Rgb::MUTED,
            Msg::Date.text(lang),
        );
    }
    c.y += 12.0;
}

/// "Page N of M" and the estimate's identity on every page.
pub(crate) fn footers(c: &mut Composer<'_>) {
    let doc = c.doc;
    let total = c.pages.len();
    let y = c.height - 30.0;
    let (left, right) = (c.left, c.right);
    let footer = c.m.printable(&doc.footer).into_owned();
    let left_text = fit(c.m, &footer, Weight::Regular, 7.5, right - left - 80.0);
    let pages = std::mem::take(&mut c.pages);
    for (i, mut page) in pages.into_iter().enumerate() {
        let (number, pages) = ((i + 1).to_string(), total.to_string());
        let page_text = say(
            doc.language,
            Msg::PageOf,
            &[("page", &number), ("pages", &pages)],
        );
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
