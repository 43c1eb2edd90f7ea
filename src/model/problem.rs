//! A problem found in a file: where it is and what was expected. Plain data; the
//! library loader makes them while reading files.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one file, shown as `path:line:column: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub path: PathBuf,
    /// Line, counted from 1 (0 when the problem is about the whole file).
    pub line: usize,
    /// Column, counted from 1.
    pub column: usize,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Problem {
    /// A problem at a known position.
    pub fn at(path: &Path, (line, column): (usize, usize), message: impl Into<String>) -> Problem {
        Problem {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A problem with the whole file (unreadable, wrong name).
    pub fn file(path: &Path, message: impl Into<String>) -> Problem {
        Problem::at(path, (0, 0), message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                self.line,
                self.column,
                self.message
            )
        }
    }
}
