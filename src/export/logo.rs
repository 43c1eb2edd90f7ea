//! The practice logo: image bytes checked once by krilla, drawn at the top left
//! of the first page.

use krilla::image::Image;

use super::error::PdfError;

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

    pub(crate) fn image(&self) -> Result<Image, PdfError> {
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
