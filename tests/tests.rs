//! Integration tests: one binary (see style anchors, ripgrep).
mod arch;
mod cli;
