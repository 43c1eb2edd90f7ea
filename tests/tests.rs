//! Integration tests: one binary (see style anchors, ripgrep).
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod arch;
mod cli;
mod cob;
mod compare;
mod engine;
mod golden;
#[cfg(feature = "gui")]
mod gui;
mod library;
mod print;
mod samples;
mod util;
