//! The orthodontic payment schedule on the printed estimate (issue 16 item 8):
//! the report's heading, each case's title and one paragraph per party, placed
//! after the notes. Every word and amount comes from `report::ortho`.

use super::compose::{BODY, Composer, LEADING};
use super::fonts::Weight;
use super::layout::Rgb;
use crate::report::ortho::heading;

/// The schedules, when the option has an orthodontic case.
pub(crate) fn schedules(c: &mut Composer<'_>) {
    let doc = c.doc;
    if doc.ortho.is_empty() {
        return;
    }
    c.heading(heading(doc.language), 3.0 * LEADING);
    for view in &doc.ortho {
        c.ensure(3.0 * LEADING);
        c.paragraph(BODY, Weight::Bold, Rgb::TEXT, LEADING, &view.title);
        for party in &view.parties {
            let text = format!("{}: {}", party.who, party.text);
            c.paragraph(BODY, Weight::Regular, Rgb::TEXT, LEADING, &text);
        }
        c.y += 4.0;
    }
}
