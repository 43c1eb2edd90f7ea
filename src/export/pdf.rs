//! Writing the laid-out estimate as a PDF with krilla: Liberation Sans embedded
//! (subset), one PDF page per [`Layout`] page, document title and language set.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::error::PdfError;
use super::fonts::{self, Measure, Weight};
use super::handout::{self, HandoutPrintout};
use super::layout::{Layout, Op, Rgb};
use super::logo::Logo;
use super::pages::compose;
use super::{Paper, Printout};
use crate::model::Language;

/// Lays the estimate out on `paper` without writing a PDF (for previews and tests).
pub fn layout_estimate(printout: &Printout, paper: Paper) -> Result<Layout, PdfError> {
    let measure = Measure::new().ok_or(PdfError::Font("Liberation Sans"))?;
    Ok(compose(&measure, printout, paper))
}

/// Lays the options handout out on `paper` without writing a PDF.
pub fn layout_handout(printout: &HandoutPrintout, paper: Paper) -> Result<Layout, PdfError> {
    let measure = Measure::new().ok_or(PdfError::Font("Liberation Sans"))?;
    Ok(handout::compose(&measure, printout, paper))
}

/// The estimate as PDF bytes.
pub fn estimate_pdf(printout: &Printout, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let layout = layout_estimate(printout, paper)?;
    write(
        &layout,
        (
            &printout.estimate.document_title,
            printout.estimate.language,
        ),
        printout.logo.as_ref(),
    )
}

/// The options handout as PDF bytes.
pub fn handout_pdf(printout: &HandoutPrintout, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let layout = layout_handout(printout, paper)?;
    let cover = &printout.handout.cover;
    write(
        &layout,
        (&cover.document_title, cover.language),
        printout.logo.as_ref(),
    )
}

/// The laid-out pages as PDF bytes, with the fonts embedded.
pub(super) fn write(
    layout: &Layout,
    (title, language): (&str, Language),
    logo: Option<&Logo>,
) -> Result<Vec<u8>, PdfError> {
    let regular =
        Font::new(fonts::REGULAR.into(), 0).ok_or(PdfError::Font("Liberation Sans Regular"))?;
    let bold = Font::new(fonts::BOLD.into(), 0).ok_or(PdfError::Font("Liberation Sans Bold"))?;
    let logo = logo.map(Logo::image).transpose()?;
    let settings = PageSettings::from_wh(layout.width, layout.height)
        .ok_or(PdfError::Page(layout.width, layout.height))?;

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .creator("Ferrule".to_string())
            .language(language.tag().to_string()),
    );
    for page_ops in &layout.pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in &page_ops.ops {
            draw(&mut surface, op, &regular, &bold, logo.as_ref());
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}

fn paint(color: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(color.0, color.1, color.2).into()
}

fn draw(surface: &mut Surface<'_>, op: &Op, regular: &Font, bold: &Font, logo: Option<&Image>) {
    match op {
        Op::Text {
            x,
            y,
            size,
            weight,
            color,
            text,
        } => {
            let font = match weight {
                Weight::Regular => regular.clone(),
                Weight::Bold => bold.clone(),
            };
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: paint(*color),
                ..Fill::default()
            }));
            surface.draw_text(
                Point::from_xy(*x, *y),
                font,
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*color),
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Op::Rect { x, y, w, h, color } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x, *y);
            pb.line_to(x + w, *y);
            pb.line_to(x + w, y + h);
            pb.line_to(*x, y + h);
            pb.close();
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: paint(*color),
                    ..Fill::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::Logo { x, y, w, h } => {
            if let (Some(image), Some(size)) = (logo, Size::from_wh(*w, *h)) {
                surface.push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                surface.draw_image(image.clone(), size);
                surface.pop();
            }
        }
    }
}
