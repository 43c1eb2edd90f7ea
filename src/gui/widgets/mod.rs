//! Small reusable widgets: committed text fields, money cells, status marks, the
//! tooth chart and the code search.

pub mod code_search;
pub mod commit_edit;
pub mod focus;
pub mod money;
pub mod status;
pub mod tooth_chart;
