//! The printed estimate's parts in reading order, composed onto pages, and the
//! "Page N of M" footers added once the page count is known.
//!
//! Keep-together rule: the treatment table's last line, its total row, the "you
//! pay" summary and the signature block always share a page; a page break, when
//! one is needed, comes before that last line.

use super::compose::Composer;
use super::fonts::Measure;
use super::layout::{Layout, PageOps};
use super::{Paper, Printout, ortho, sections, table};

/// Lays the estimate out on pages.
pub(crate) fn compose(m: &Measure, printout: &Printout, paper: Paper) -> Layout {
    let mut c = Composer::new(m, printout, paper);
    body(&mut c);
    sections::footers(&mut c);
    Layout {
        width: c.width,
        height: c.height,
        pages: c.pages,
    }
}

/// The estimate's pages without their footers (a handout numbers its pages
/// over the whole document).
pub(crate) fn body_pages(m: &Measure, printout: &Printout, paper: Paper) -> Vec<PageOps> {
    let mut c = Composer::new(m, printout, paper);
    body(&mut c);
    c.pages
}

/// Every part of the estimate, in reading order.
fn body(c: &mut Composer<'_>) {
    sections::header(c);
    sections::parties(c);
    // The table's last row and total, the "you pay" box and the signatures are
    // one unit on one page (a signature alone on a last page invites a question
    // and a missing page 1); the notes, benefits left and fine print follow.
    c.keep_with_table_end = sections::closing_height(c);
    table::treatment(c);
    sections::summary(c);
    sections::signatures(c);
    sections::notes(c);
    ortho::schedules(c);
    sections::remaining(c);
    sections::disclaimer(c);
}
