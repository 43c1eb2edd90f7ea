//! Integration tests: one binary (see style anchors, ripgrep).
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Tests set up files and read the environment; the rule is for the app's code.
#![allow(clippy::disallowed_methods)]
mod arch;
mod blocking;
mod cli;
mod cli_import;
mod cob;
mod coding;
mod compare;
mod engine;
mod fees_csv;
mod fonts;
mod fuzz;
mod golden;
#[cfg(feature = "gui")]
mod gui;
mod handout;
mod ids;
mod import271;
mod library;
mod next_year;
mod ortho_schedule;
mod plan_summary;
mod print;
mod print_pages;
mod printer;
mod providers;
mod samples;
mod size;
mod staff_overrides;

mod util;
