//! The parts of the printed estimate around the treatment table: practice header,
//! patient and insurance blocks, the "you pay" summary, notes, remaining benefits,
//! disclaimer, signature lines and the page footers.

use super::compose::{BODY, Composer, LEADING, Styled, fit, styled};
use super::fonts::Weight;
use super::layout::{Op, Rgb};
use super::table;
use super::{PrintedPayer, long_date};

/// Practice on the left, title and estimate number and dates on the right.
pub(crate) fn header(c: &mut Composer<'_>) {
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
    let info_x = c.right - 160.0;
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
    let mut lines = Vec::new();
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
        lines.push(styled(
            8.5,
            Weight::Regular,
            Rgb::MUTED,
            11.0,
            ids.join("   ·   "),
        ));
    }
    let h = name_h + c.block(x, info_x - 16.0 - x, &lines, true);
    c.y = top;
    bottom = bottom.max(top + h);

    let right = c.right;
    c.text_right(
        right,
        top + 15.0,
        19.0,
        Weight::Bold,
        Rgb::ACCENT,
        &doc.title,
    );
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
    c.y = bottom + 8.0;
    let (left, right) = (c.left, c.right);
    c.hline(left, right, c.y, 1.4, Rgb::ACCENT);
    c.y += 12.0;
}

/// Patient and insurance blocks, three to a row.
pub(crate) fn parties(c: &mut Composer<'_>) {
    let doc = c.doc;
    let label = |t: &str| styled(7.0, Weight::Bold, Rgb::MUTED, 10.0, t.to_uppercase());
    let plain = |t: String| styled(8.5, Weight::Regular, Rgb::TEXT, 11.0, t);
    let mut blocks: Vec<Vec<Styled>> = Vec::new();
    let mut patient = vec![
        label("Patient"),
        styled(
            10.5,
            Weight::Bold,
            Rgb::TEXT,
            13.5,
            doc.patient.name.clone(),
        ),
        plain(format!(
            "Date of birth {}",
            long_date(doc.patient.birth_date)
        )),
    ];
    if let Some(chart) = doc
        .patient
        .chart_number
        .as_deref()
        .filter(|s| !s.is_empty())
    {
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
        c.y += h + 6.0;
    }
}

/// The "you pay" summary under the table.
pub(crate) fn summary(c: &mut Composer<'_>) {
    let doc = c.doc;
    let rows: Vec<(&PrintedPayer, String)> = doc
        .payers
        .iter()
        .zip(&doc.totals.insurance)
        .map(|(p, amount)| (p, format!("${amount}")))
        .collect();
    let box_w = 290.0_f32.min(c.right - c.left);
    let h = 14.0 + rows.len() as f32 * 13.0 + 22.0;
    c.ensure(h + 8.0);
    c.y += 8.0;
    let x = c.right - box_w;
    let aside = if doc.notes.is_empty() {
        "All amounts are in US dollars and are estimates."
    } else {
        "All amounts are in US dollars and are estimates. Lines marked * are explained in the notes below."
    };
    let aside_lines = c.m.wrap(Weight::Regular, 8.0, aside, x - c.left - 24.0);
    let left = c.left;
    for (i, part) in aside_lines.iter().enumerate() {
        let base = c.y + 14.0 + i as f32 * 10.5;
        c.text(left, base, 8.0, Weight::Regular, Rgb::MUTED, part);
    }
    c.rect(x, c.y, box_w, h, Rgb::SHADE);
    let mut y = c.y + 6.0;
    let right = c.right - 10.0;
    for (payer, amount) in &rows {
        y += 13.0;
        let room = box_w - 100.0;
        let full = format!("{} pays", payer.plan_name);
        let label = if c.m.width(Weight::Regular, BODY, &full) <= room {
            full
        } else {
            fit(
                c.m,
                &format!("{} pays", payer.short_name),
                Weight::Regular,
                BODY,
                room,
            )
        };
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
                format!("Line {}", n.line),
                c.m.wrap(Weight::Regular, BODY, &n.text, width),
            )
        })
        .collect();
    let first = measured
        .first()
        .map_or(0.0, |(_, l)| l.len() as f32 * LEADING);
    c.heading("Notes", first);
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
pub(crate) fn disclaimer(c: &mut Composer<'_>) {
    let doc = c.doc;
    if doc.disclaimer.is_empty() {
        return;
    }
    c.heading("About this estimate", 2.0 * LEADING);
    for p in &doc.disclaimer {
        c.paragraph(8.2, Weight::Regular, Rgb::TEXT, 10.4, p);
        c.y += 4.0;
    }
}

/// Acknowledgement and signature lines for the patient and the office.
pub(crate) fn signatures(c: &mut Composer<'_>) {
    let text = "By signing, I confirm that this estimate was explained to me, that I understand it is not a guarantee of payment, and that I am responsible for the amount my insurance does not pay.";
    let width = c.right - c.left;
    let lines = c.m.wrap(Weight::Regular, BODY, text, width);
    let h = 12.0 + lines.len() as f32 * LEADING + 42.0;
    c.ensure(h);
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
    for (i, who) in [
        "Patient or parent/guardian signature",
        "Staff member signature",
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
            "Date",
        );
    }
    c.y += 12.0;
}

/// "Page N of M" and the estimate's identity on every page.
pub(crate) fn footers(c: &mut Composer<'_>) {
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
