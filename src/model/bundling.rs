//! Bundling, inclusive and mutually exclusive rules as a plan states them
//! (dental-benefits.md §7). Part of a plan file; re-exported from `model::plan`.

use serde::{Deserialize, Serialize};

use super::code::CodeSet;

/// A bundling rule (dental-benefits.md §7).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundlingRule {
    /// Short id shown to staff ("B1").
    pub id: String,
    /// What the rule says, in plain words.
    pub name: String,
    /// Which lines it compares.
    pub kind: BundlingKind,
    /// Whether the lines must be on the same tooth.
    #[serde(default)]
    pub tooth: ToothMatch,
    /// How close in time the lines must be.
    pub when: Proximity,
    /// Who owes a bundled line.
    pub liability: Liability,
}

/// The shape of a bundling rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BundlingKind {
    /// A line with one of `codes` is included in a line with one of `into`.
    Included {
        /// The codes that get bundled.
        codes: CodeSet,
        /// The codes they are bundled into.
        into: CodeSet,
    },
    /// Only one line among these codes is payable; the code listed first wins,
    /// then the earlier line.
    MutuallyExclusive {
        /// The competing codes, most preferred first.
        codes: CodeSet,
    },
}

/// Whether bundled lines must share a tooth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToothMatch {
    /// Same tooth.
    #[default]
    Same,
    /// Any tooth (or no tooth).
    Any,
}

/// How close in time two lines must be for a bundling rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Proximity {
    /// Same date of service.
    SameDay,
    /// Same visit of the treatment plan.
    SameVisit,
    /// Dates of service at most N days apart, either order.
    WithinDays(u32),
    /// The bundled line is dated on or up to N days before the line it is bundled
    /// into (a pulpotomy before the root canal).
    WithinDaysBefore(u32),
    /// The bundled line is dated on or up to N days after the line it is bundled
    /// into (maintenance soon after scaling, a re-cement soon after the seat).
    WithinDaysAfter(u32),
    /// Anywhere in the same treatment option.
    SameOption,
}

/// Who owes a line the plan does not pay (§7.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Liability {
    /// Provider liability: in network the office writes the line off; out of network
    /// the patient owes the office fee.
    Disallow,
    /// The patient owes the contracted (allowed) fee; the rest is written off.
    DenyAtContractFee,
    /// The patient owes the full office fee.
    DenyAtOfficeFee,
}
