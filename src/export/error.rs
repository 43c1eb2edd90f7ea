//! Why a printed estimate could not be made.

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
