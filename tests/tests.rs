//! Integration tests: one binary (see style anchors, ripgrep).
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod arch;
mod cli;
mod cob;
mod engine;
mod util;
mod library;
mod compare;
mod samples;
