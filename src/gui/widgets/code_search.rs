//! Finding a code fast: the search itself lives in the model (quick entry uses it
//! too); this adds how a result reads on screen.

use crate::model::CodeInfo;

pub use crate::model::code_search::search;

/// The text of one search result: code and name.
pub fn result_label(info: &CodeInfo) -> String {
    format!("{} — {}", info.code, info.name)
}
