//! Turning engine results into what people read: sentences, tables, JSON. The CLI,
//! the GUI and the printed estimate all use these, so they cannot disagree.

pub mod explanation;
pub mod json;
pub mod table;

pub use explanation::sentence;
pub mod comparison;
