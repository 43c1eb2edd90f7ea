//! The printable patient estimate: layout and PDF.
//!
//! The view model is [`report::PrintedEstimate`](crate::report::PrintedEstimate)
//! (plain data, every word ready). A [`Printout`] pairs it with the practice
//! [`Logo`] (image bytes krilla has checked); [`layout_estimate`] turns it into
//! pages of positioned drawing operations ([`Layout`]), and [`estimate_pdf`]
//! writes those pages as a PDF with the fonts embedded. The print preview draws
//! the same [`Layout`]. Nothing here formats a value or adds amounts: `pages`
//! orders the parts, `sections` and `table` place the view model's texts,
//! `compose::Composer` fills pages.
//!
//! ```no_run
//! # use ferrule::export::{Paper, Printout, estimate_pdf};
//! # use ferrule::report::PrintedEstimate;
//! # fn demo(p: &ferrule::model::PracticeSettings, plan: &ferrule::model::TreatmentPlan,
//! #         option: &ferrule::model::TreatmentOption,
//! #         lib: &ferrule::model::Library, e: &ferrule::engine::Estimate,
//! #         day: chrono::NaiveDate) -> Result<Vec<u8>, ferrule::export::PdfError> {
//! let estimate = PrintedEstimate::new(p, plan, lib, option, e, day);
//! estimate_pdf(&Printout::new(estimate, None), Paper::Letter)
//! # }
//! ```

mod checklist;
mod compose;
mod error;
pub(crate) mod fonts;
mod handout;
mod layout;
mod logo;
mod ortho;
mod pages;
mod pdf;
mod sections;
mod table;

pub use checklist::{checklist_pdf, layout_checklist};
pub use error::PdfError;
pub use fonts::Weight;
pub use handout::HandoutPrintout;
pub use layout::{Layout, Op, PageOps, Rgb};
pub use logo::Logo;
pub use pdf::{estimate_pdf, handout_pdf, layout_estimate, layout_handout};

use crate::report::PrintedEstimate;

/// Paper sizes for printing.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Paper {
    /// US Letter, 8.5 x 11 in (612 x 792 pt).
    #[default]
    Letter,
    /// ISO A4 (595 x 842 pt).
    A4,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.0, 842.0),
        }
    }
}

/// What gets printed: the estimate's view model and the practice logo beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printout {
    /// Every text of the printed estimate.
    pub estimate: PrintedEstimate,
    /// The practice logo, once read and checked.
    pub logo: Option<Logo>,
}

impl Printout {
    /// The estimate, with the logo when there is one.
    pub fn new(estimate: PrintedEstimate, logo: Option<Logo>) -> Printout {
        Printout { estimate, logo }
    }
}
