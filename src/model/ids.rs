//! Stable ids for the parts of a treatment plan. Everything that points at an
//! option, a visit or a line (estimates, explanations, comparison rows, printed
//! rows, the selection, undo) uses these, never a position or a name: names need
//! not be unique and positions change when lines are added or removed.
//!
//! Ids are saved in the file. Option and line ids are unique in the whole plan;
//! visit ids are unique within their option (lines name the visit they are
//! completed at by id). `0` means "not assigned yet": files written before ids
//! existed load with zeros and [`super::TreatmentPlan::assign_ids`] numbers them.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// True for the placeholder of an id not assigned yet.
            pub fn is_unassigned(self) -> bool {
                self.0 == 0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// A treatment option, unique in its treatment plan.
    OptionId
);
id_type!(
    /// A visit, unique within its option.
    VisitId
);
id_type!(
    /// A planned line, unique in its treatment plan.
    LineId
);
