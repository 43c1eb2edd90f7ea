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

use super::fonts::{self, Measure, Weight};
use super::layout::{Layout, Op, Rgb};
use super::pages::compose;
use super::{Paper, PrintedEstimate};

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A built-in font could not be read (a broken build).
    #[error("the built-in font {0} could not be loaded")]
    Font(&'static str),
    /// The logo is not a PNG or JPEG image krilla can read.
    #[error("the practice logo is not a readable PNG or JPEG image: {0}")]
    Logo(String),
    /// The page size was rejected.
    #[error("invalid page size {0} x {1} pt")]
    Page(f32, f32),
    /// krilla could not finish the document.
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// A practice logo, checked to be a readable PNG or JPEG.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logo {
    bytes: Vec<u8>,
    jpeg: bool,
    pixels: (u32, u32),
}

impl Logo {
    /// Checks that `bytes` are a PNG or JPEG image.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Logo, PdfError> {
        let jpeg = bytes.starts_with(&[0xff, 0xd8]);
        let image = if jpeg {
            Image::from_jpeg(bytes.clone().into(), true)
        } else {
            Image::from_png(bytes.clone().into(), true)
        }
        .map_err(PdfError::Logo)?;
        let pixels = image.size();
        if pixels.0 == 0 || pixels.1 == 0 {
            return Err(PdfError::Logo("the image is empty".into()));
        }
        Ok(Logo {
            bytes,
            jpeg,
            pixels,
        })
    }

    fn image(&self) -> Result<Image, PdfError> {
        if self.jpeg {
            Image::from_jpeg(self.bytes.clone().into(), true)
        } else {
            Image::from_png(self.bytes.clone().into(), true)
        }
        .map_err(PdfError::Logo)
    }

    /// The largest box with the image's proportions inside `max_w` x `max_h`.
    pub fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let (w, h) = (self.pixels.0 as f32, self.pixels.1 as f32);
        let scale = (max_w / w).min(max_h / h);
        (w * scale, h * scale)
    }
}

/// Lays the estimate out on `paper` without writing a PDF (for previews and tests).
pub fn layout_estimate(doc: &PrintedEstimate, paper: Paper) -> Result<Layout, PdfError> {
    let measure = Measure::new().ok_or(PdfError::Font("Liberation Sans"))?;
    Ok(compose(&measure, doc, paper))
}

/// The estimate as PDF bytes.
pub fn estimate_pdf(doc: &PrintedEstimate, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let layout = layout_estimate(doc, paper)?;
    let regular =
        Font::new(fonts::REGULAR.into(), 0).ok_or(PdfError::Font("Liberation Sans Regular"))?;
    let bold = Font::new(fonts::BOLD.into(), 0).ok_or(PdfError::Font("Liberation Sans Bold"))?;
    let logo = doc.logo.as_ref().map(Logo::image).transpose()?;
    let settings = PageSettings::from_wh(layout.width, layout.height)
        .ok_or(PdfError::Page(layout.width, layout.height))?;

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} for {}", doc.title, doc.patient.name))
            .creator("Ferrule".to_string())
            .language("en-US".to_string()),
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
