//! Ferrule: dental benefit estimates for the front desk.
//!
//! - [`money`]: integer cents, exact percentages, the one rounding rule.
//! - [`model`]: codes, teeth, fee schedules, plan rules, treatment plans, the
//!   loaded library and its problems, practice settings: plain data.
//! - [`library`]: every file and environment access: loading and saving the RON
//!   files (with precise problems), practice settings and logo, folders.
//! - [`engine`]: the pure estimate: inputs in, line-by-line estimate out.
//! - [`report`]: the view models (tables, wording, display forms) shared by CLI, GUI
//!   and PDF, and the CLI's text and JSON renderings of them.
//! - [`import`]: 271 eligibility responses and fee schedule CSV in (and CSV out),
//!   as plain data with a review list; no I/O.
//! - [`export`]: the printed patient estimate (layout and PDF).
//! - [`cli`]: the `ferrule` command line.
//! - `gui` (feature `gui`): the desktop app.

pub mod cli;
pub mod engine;
pub mod export;
#[cfg(feature = "gui")]
pub mod gui;
pub mod import;
pub mod library;
pub mod model;
pub mod money;
pub mod report;
