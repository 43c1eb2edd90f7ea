//! Integration tests: one binary (see style anchors, ripgrep).
