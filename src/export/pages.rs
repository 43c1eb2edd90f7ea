//! The printed estimate's parts in reading order, composed onto pages, and the
//! "Page N of M" footers added once the page count is known.

use super::compose::Composer;
use super::fonts::Measure;
use super::layout::Layout;
use super::{Paper, Printout, sections, table};

/// Lays the estimate out on pages.
pub(crate) fn compose(m: &Measure, printout: &Printout, paper: Paper) -> Layout {
    let mut c = Composer::new(m, printout, paper);
    sections::header(&mut c);
    sections::parties(&mut c);
    table::treatment(&mut c);
    sections::summary(&mut c);
    sections::notes(&mut c);
    sections::remaining(&mut c);
    sections::disclaimer(&mut c);
    sections::signatures(&mut c);
    sections::footers(&mut c);
    Layout {
        width: c.width,
        height: c.height,
        pages: c.pages,
    }
}
