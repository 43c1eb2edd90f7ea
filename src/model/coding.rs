//! Coding knowledge as data: the checks a treatment option is held against
//! whatever the plan (seed rules marked "coding"), the documentation checklists for
//! high-scrutiny codes, narrative templates and look-alike code groups. An office
//! reads and extends them in the library's `coding/` folder; `crate::library`
//! loads them and `crate::engine::coding` evaluates the checks.

use std::fmt;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use super::code::{CdtCode, CodeSet};
use super::family::CodeFamily;

/// A set of codes written as codes, ranges or family names:
/// `["D2950", "D2710-D2794", "crowns"]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Codes(pub CodeSet);

impl Codes {
    /// True when `code` is in the set.
    pub fn contains(&self, code: CdtCode) -> bool {
        self.0.contains(code)
    }
}

/// The family names a coding file may use, and the family each names.
pub const FAMILY_NAMES: [(&str, CodeFamily); 10] = [
    ("inlays", CodeFamily::Inlays),
    ("onlays", CodeFamily::Onlays),
    ("crowns", CodeFamily::Crowns),
    ("bridge_retainers", CodeFamily::BridgeRetainers),
    ("restorative_foundation", CodeFamily::RestorativeFoundation),
    ("core_buildup", CodeFamily::CoreBuildup),
    ("posts_and_cores", CodeFamily::PostsAndCores),
    ("additional_posts", CodeFamily::AdditionalPosts),
    ("root_canals", CodeFamily::RootCanals),
    ("apexification", CodeFamily::Apexification),
];

/// One element of a [`Codes`] list: a family name, a code or a range.
fn parse_codes_item(set: CodeSet, text: &str) -> Result<CodeSet, String> {
    if let Some((_, family)) = FAMILY_NAMES.iter().find(|(name, _)| *name == text) {
        let family_set = family.codes();
        return Ok(family_set
            .ranges()
            .iter()
            .fold(set, |s, (lo, hi)| s.with_range(lo.number(), hi.number())));
    }
    let code = |t: &str| CdtCode::parse(t).map_err(|e| e.to_string());
    let (lo, hi) = match text.split_once('-') {
        Some((lo, hi)) => (code(lo)?, code(hi)?),
        None => (code(text)?, code(text)?),
    };
    if hi < lo {
        return Err(format!("code range {text:?} runs backwards"));
    }
    Ok(set.with_range(lo.number(), hi.number()))
}

impl<'de> Deserialize<'de> for Codes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Codes, D::Error> {
        // Element by element, so a bad item is reported where it is written.
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Codes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a list of codes, ranges or family names, such as [\"D2950\", \"D2710-D2794\", \"crowns\"]",
                )
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Codes, A::Error> {
                let mut set = CodeSet::of(&[]);
                while let Some(item) = seq.next_element::<String>()? {
                    set = parse_codes_item(set, &item).map_err(|why| {
                        de::Error::custom(format!(
                            "{why}; expected a code (\"D2950\"), a range (\"D2710-D2794\") or a family name ({})",
                            FAMILY_NAMES.map(|(n, _)| n).join(", ")
                        ))
                    })?;
                }
                Ok(Codes(set))
            }
        }
        deserializer.deserialize_seq(Visitor)
    }
}

/// How a carrier is expected to treat a line a check fires on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all(serialize = "snake_case"))]
pub enum Severity {
    /// The carrier will deny it: the estimate shows the plan paying nothing.
    Denied,
    /// Likely denied, or pended until something is sent.
    LikelyDenied,
    /// Worth knowing: a reminder, no effect on payment by itself.
    Information,
}

impl Severity {
    /// Plain words for people.
    pub fn words(self) -> &'static str {
        match self {
            Severity::Denied => "will be denied",
            Severity::LikelyDenied => "likely denied or pended",
            Severity::Information => "information",
        }
    }
}

/// What must be true, seen from the line a check is looking at ("this line").
/// "The tooth" is this line's tooth; a line without a tooth never matches a
/// tooth condition.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub enum Condition {
    /// Another line of the option on the tooth has one of the codes.
    SameTooth(Codes),
    /// Another line of the option on the tooth, on the same date of service.
    SameToothSameDay(Codes),
    /// The history on file has one of the codes on the tooth (any date).
    OnFile(Codes),
    /// One of the codes on the tooth comes first: on file on or before this
    /// line's date, or an earlier line of the option.
    EarlierOnTooth(Codes),
    /// The history has one of the codes on the tooth less than `months` before
    /// this line's date of service.
    OnFileWithin {
        /// Codes looked for.
        codes: Codes,
        /// Window length in months.
        months: u32,
    },
    /// Another line of the option on the tooth has one of the codes, more than
    /// `days` before or after this one.
    SameToothApart {
        /// Codes looked for.
        codes: Codes,
        /// Largest gap that does not count.
        days: u32,
    },
    /// Another line of the option on the tooth has one of the codes in another
    /// calendar year (most plans' benefit year).
    SameToothOtherYear(Codes),
    /// The tooth is a primary (baby) tooth.
    PrimaryTooth,
    /// The line is marked as a remake.
    MarkedRemake,
    /// The line's note is not empty.
    HasNote,
    /// The line's note contains one of the words (any case).
    NoteMentions(Vec<String>),
    /// The line is dated at the visit it starts in, with no completion visit
    /// named, while the option has a later delivery visit (named "seat",
    /// "delivery", "insert" or "cement", or with no lines of its own).
    DatedAtPrep,
    /// The inner condition is false.
    Not(Box<Condition>),
    /// At least one of the inner conditions is true.
    AnyOf(Vec<Condition>),
}

/// One check: when a line of `line`'s codes meets every condition of `when`, the
/// line gets a note.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodingCheck {
    /// Seed rule id ("BU3"); several checks may share one.
    pub id: String,
    /// How the carrier is expected to treat the line.
    pub severity: Severity,
    /// The codes of the line the note concerns.
    pub line: Codes,
    /// All must hold (none = every line of those codes).
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Why, in plain words; `{tooth}` and `{code}` are filled in.
    pub reason: String,
    /// What to do instead; `{tooth}` and `{code}` are filled in.
    pub instead: String,
}

/// The office-side checklist for some codes: what to keep on file or attach.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reminder {
    /// Heading ("Core buildup (D2950)").
    pub title: String,
    /// The codes it is for.
    pub codes: Codes,
    /// One item per attachment or narrative point.
    pub items: Vec<String>,
}

/// A narrative to start from: text with `{placeholders}` filled from the plan and
/// `[[blanks]]` left for the clinician.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NarrativeTemplate {
    /// Name for people ("Core buildup").
    pub title: String,
    /// The codes it is for.
    pub codes: Codes,
    /// Used instead of the plain template when the line is marked as a remake.
    #[serde(default)]
    pub remake: bool,
    /// The text.
    pub text: String,
}

/// The placeholders a narrative may use.
pub const NARRATIVE_FIELDS: [&str; 9] = [
    "tooth",
    "code",
    "name",
    "date",
    "prior_crown",
    "prior_root_canal",
    "prior_buildup",
    "patient_age",
    "note",
];

/// The placeholders a check's reason and advice may use.
pub const CHECK_FIELDS: [&str; 2] = ["tooth", "code"];

/// One member of a look-alike group.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookAlike {
    /// The code.
    pub code: CdtCode,
    /// What it is for, told apart from the others in one line.
    pub differs: String,
}

/// Codes easily mistaken for each other.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookAlikeGroup {
    /// Name for people ("Buildups and posts").
    pub title: String,
    /// Its members.
    pub codes: Vec<LookAlike>,
}

/// One file of the `coding/` folder: any of the four sections.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodingFile {
    /// Format version.
    pub format: u32,
    /// Checks.
    #[serde(default)]
    pub checks: Vec<CodingCheck>,
    /// Checklists.
    #[serde(default)]
    pub reminders: Vec<Reminder>,
    /// Narrative templates.
    #[serde(default)]
    pub narratives: Vec<NarrativeTemplate>,
    /// Look-alike groups.
    #[serde(default)]
    pub look_alikes: Vec<LookAlikeGroup>,
}

/// Everything loaded from the `coding/` folder (or built in).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodingBook {
    /// Checks, in file order.
    pub checks: Vec<CodingCheck>,
    /// Checklists, in file order.
    pub reminders: Vec<Reminder>,
    /// Narrative templates, in file order.
    pub narratives: Vec<NarrativeTemplate>,
    /// Look-alike groups, in file order.
    pub look_alikes: Vec<LookAlikeGroup>,
}

impl CodingBook {
    /// The look-alike groups `code` is in, with the member's line.
    pub fn look_alikes_of(&self, code: CdtCode) -> Vec<&LookAlikeGroup> {
        self.look_alikes
            .iter()
            .filter(|g| g.codes.iter().any(|m| m.code == code))
            .collect()
    }

    /// The checklists that name `code`.
    pub fn reminders_for(&self, code: CdtCode) -> Vec<&Reminder> {
        self.reminders
            .iter()
            .filter(|r| r.codes.contains(code))
            .collect()
    }

    /// The narrative template for `code` (the remake one when `remake` and one
    /// exists, else the plain one).
    pub fn narrative_for(&self, code: CdtCode, remake: bool) -> Option<&NarrativeTemplate> {
        let of_code = || self.narratives.iter().filter(|n| n.codes.contains(code));
        if remake && let Some(found) = of_code().find(|n| n.remake) {
            return Some(found);
        }
        of_code().find(|n| !n.remake)
    }
}

/// The `{names}` in `text`, in order (a `{` without `}` is not one).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        found.push(&after[..close]);
        rest = &after[close + 1..];
    }
    found
}

/// `text` with each `{name}` replaced by `fill(name)` (unknown names kept).
pub fn fill_in(text: &str, fill: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push_str(&rest[..open]);
        let name = &after[..close];
        match fill(name) {
            Some(value) => out.push_str(&value),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}
