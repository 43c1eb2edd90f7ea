//! Items a person must look at before an imported plan or coverage is trusted:
//! everything Ferrule could not map, or mapped by a reading the file does not
//! settle, each with the segment it came from.

use std::fmt;

use super::eligibility::SegmentRef;

/// One thing for staff to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewItem {
    /// What to check, in plain words.
    pub message: String,
    /// The segment it came from, when one did.
    pub source: Option<SegmentRef>,
}

impl ReviewItem {
    /// An item about `source`.
    pub fn at(source: &SegmentRef, message: impl Into<String>) -> ReviewItem {
        ReviewItem {
            message: message.into(),
            source: Some(source.clone()),
        }
    }

    /// An item about the file as a whole.
    pub fn general(message: impl Into<String>) -> ReviewItem {
        ReviewItem {
            message: message.into(),
            source: None,
        }
    }
}

impl fmt::Display for ReviewItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            Some(s) => write!(
                f,
                "{} [segment {} {}: {}]",
                self.message, s.position, s.id, s.raw
            ),
            None => f.write_str(&self.message),
        }
    }
}
