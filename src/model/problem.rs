//! Problems as plain data: a problem found in a file (where it is and what was
//! expected; the library loader makes them while reading files), and a problem
//! with a treatment plan found before pricing it (`engine::check` makes them).

use std::fmt;
use std::path::{Path, PathBuf};

use super::ids::{LineId, OptionId};

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

/// How much a problem matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// It changes or hides a price: nothing is estimated until it is fixed.
    Blocking,
    /// Worth a look; no number changes.
    Warning,
}

/// What a problem is about, so readers can point at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    /// The patient (birth date).
    Patient,
    /// The document as a whole (the office fee schedule).
    Document,
    /// The coverage at this position.
    Coverage(usize),
    /// The history entry at this position.
    History(usize),
    /// An option.
    Option(OptionId),
    /// A visit of an option, by its place in the option (two visits may wrongly
    /// share an id, and the problem is about the second).
    Visit(OptionId, usize),
    /// A planned line.
    Line(LineId),
}

/// One problem with a treatment plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentProblem {
    /// Blocking or a warning.
    pub severity: Severity,
    /// What it is about.
    pub subject: Subject,
    /// Plain words for staff.
    pub message: String,
}

impl DocumentProblem {
    /// A problem that stops the estimate.
    pub fn blocking(subject: Subject, message: String) -> DocumentProblem {
        DocumentProblem {
            severity: Severity::Blocking,
            subject,
            message,
        }
    }

    /// A problem shown beside the numbers.
    pub fn warning(subject: Subject, message: String) -> DocumentProblem {
        DocumentProblem {
            severity: Severity::Warning,
            subject,
            message,
        }
    }

    /// True when it stops the estimate.
    pub fn is_blocking(&self) -> bool {
        self.severity == Severity::Blocking
    }
}
