//! CDT procedure codes, their classes of service, and the kind of area a line names.
//!
//! A code is `D` followed by four digits (`D2740`). Ferrule never ships the ADA's
//! descriptors; names live in `assets/cdt-codes.ron`, written in our own words.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A validated CDT code, stored as its four digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CdtCode(u16);

/// Why a code string was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a CDT code: D followed by four digits, such as \"D2740\"; found {0:?}")]
pub struct CodeError(pub String);

impl CdtCode {
    /// The code with these four digits (0-9999).
    pub fn from_number(number: u16) -> Option<CdtCode> {
        (number <= 9999).then_some(CdtCode(number))
    }

    /// The four digits as a number: D2740 -> 2740.
    pub const fn number(self) -> u16 {
        self.0
    }

    /// Parses `"D2740"` (a lowercase `d` is accepted).
    pub fn parse(text: &str) -> Result<CdtCode, CodeError> {
        let trimmed = text.trim();
        let digits = trimmed
            .strip_prefix('D')
            .or_else(|| trimmed.strip_prefix('d'))
            .ok_or_else(|| CodeError(text.to_string()))?;
        if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(CodeError(text.to_string()));
        }
        digits
            .parse()
            .map(CdtCode)
            .map_err(|_| CodeError(text.to_string()))
    }

    /// The class of service a code falls in by its number range (dental-benefits.md
    /// §3.1), used when a code is missing from the catalogue.
    pub fn default_class(self) -> ProcedureClass {
        use ProcedureClass::*;
        match self.0 {
            0..=999 => Diagnostic,
            1000..=1999 => Preventive,
            2500..=2899 | 2949 | 2950 | 2952..=2954 | 2957 | 2960..=2962 => MajorRestorative,
            2000..=2999 => BasicRestorative,
            3000..=3999 => Endodontics,
            4000..=4999 => Periodontics,
            5000..=5999 | 6200..=6999 => Prosthodontics,
            6000..=6199 => Implants,
            7000..=7999 => OralSurgery,
            8000..=8999 => Orthodontics,
            _ => Adjunctive,
        }
    }
}

impl FromStr for CdtCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<CdtCode, CodeError> {
        CdtCode::parse(s)
    }
}

impl fmt::Display for CdtCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("D{:04}", self.0))
    }
}

impl Serialize for CdtCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CdtCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CdtCode, D::Error> {
        let text = String::deserialize(deserializer)?;
        CdtCode::parse(&text).map_err(de::Error::custom)
    }
}

/// A class of service. Plans set coverage, deductibles, waiting periods and
/// maximums by class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ProcedureClass {
    /// Exams, images, tests (D0xxx).
    Diagnostic,
    /// Cleanings, fluoride, sealants, space maintainers (D1xxx).
    Preventive,
    /// Fillings, stainless-steel crowns, re-cements, repairs.
    BasicRestorative,
    /// Crowns, inlays, onlays, veneers, buildups, posts and cores.
    MajorRestorative,
    /// Root canals and other pulp treatment (D3xxx).
    Endodontics,
    /// Gum treatment (D4xxx).
    Periodontics,
    /// Dentures, partials and bridges (D5xxx, D62xx-D69xx).
    Prosthodontics,
    /// Implant services (D60xx-D61xx).
    Implants,
    /// Extractions and other surgery (D7xxx).
    OralSurgery,
    /// Braces and other orthodontics (D8xxx).
    Orthodontics,
    /// Sedation, palliative care, guards and other general services (D9xxx).
    Adjunctive,
}

/// The name as written in plan files: `BasicRestorative`.
impl fmt::Display for ProcedureClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{self:?}"))
    }
}

impl ProcedureClass {
    /// Every class, in display order.
    pub const ALL: [ProcedureClass; 11] = [
        ProcedureClass::Diagnostic,
        ProcedureClass::Preventive,
        ProcedureClass::BasicRestorative,
        ProcedureClass::MajorRestorative,
        ProcedureClass::Endodontics,
        ProcedureClass::Periodontics,
        ProcedureClass::Prosthodontics,
        ProcedureClass::Implants,
        ProcedureClass::OralSurgery,
        ProcedureClass::Orthodontics,
        ProcedureClass::Adjunctive,
    ];

    /// A short label for people: "basic restorative".
    pub fn label(self) -> &'static str {
        match self {
            ProcedureClass::Diagnostic => "diagnostic",
            ProcedureClass::Preventive => "preventive",
            ProcedureClass::BasicRestorative => "basic restorative",
            ProcedureClass::MajorRestorative => "major restorative",
            ProcedureClass::Endodontics => "endodontics",
            ProcedureClass::Periodontics => "periodontics",
            ProcedureClass::Prosthodontics => "prosthodontics",
            ProcedureClass::Implants => "implants",
            ProcedureClass::OralSurgery => "oral surgery",
            ProcedureClass::Orthodontics => "orthodontics",
            ProcedureClass::Adjunctive => "adjunctive services",
        }
    }
}

/// What kind of area a code is charted on (dental-benefits.md §3.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AreaKind {
    /// Whole mouth or per visit: no tooth.
    Mouth,
    /// One tooth.
    Tooth,
    /// One tooth and its surfaces (fillings, inlays, onlays).
    ToothSurfaces,
    /// A tooth position that may be empty (implants, grafts).
    Site,
    /// A quadrant.
    Quadrant,
    /// An arch.
    Arch,
    /// Units of time (sedation per 15 minutes): a quantity, no tooth.
    TimeUnits,
    /// Per case (orthodontic case fees): no tooth.
    PerCase,
}

impl AreaKind {
    /// True when a line with this kind must name a tooth.
    pub fn needs_tooth(self) -> bool {
        matches!(
            self,
            AreaKind::Tooth | AreaKind::ToothSurfaces | AreaKind::Site
        )
    }
}

/// A set of codes written as single codes, inclusive ranges and the library's
/// code groups: `["D0120", "D2740-D2799", "@implants"]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeSet {
    ranges: Vec<(CdtCode, CdtCode)>,
    /// Groups named with `@`, resolved by the library loader (see `code_group`).
    groups: Vec<GroupRef>,
}

impl CodeSet {
    /// A set of exactly these codes.
    pub fn of(codes: &[CdtCode]) -> CodeSet {
        CodeSet {
            ranges: codes.iter().map(|c| (*c, *c)).collect(),
            groups: Vec::new(),
        }
    }

    /// This set plus the codes `D{lo}`..=`D{hi}` (by number).
    pub fn with_range(mut self, lo: u16, hi: u16) -> CodeSet {
        if let (Some(lo), Some(hi)) = (CdtCode::from_number(lo), CdtCode::from_number(hi)) {
            self.ranges.push((lo, hi));
        }
        self
    }

    /// True when `code` is in the set.
    pub fn contains(&self, code: CdtCode) -> bool {
        self.specificity(code).is_some()
    }

    /// How the set names `code`: written itself (or in a written range) beats
    /// through a group; None when the set does not hold it.
    pub fn specificity(&self, code: CdtCode) -> Option<Specificity> {
        if self
            .ranges
            .iter()
            .any(|(lo, hi)| *lo <= code && code <= *hi)
        {
            Some(Specificity::Code)
        } else if self.groups.iter().any(|g| g.contains(code)) {
            Some(Specificity::Group)
        } else {
            None
        }
    }

    /// True for an empty set (no codes, ranges or groups written).
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty() && self.groups.is_empty()
    }

    /// The groups the set names, as written.
    pub fn groups(&self) -> &[GroupRef] {
        &self.groups
    }

    /// Resolves the named groups through `lookup` (a group id to its codes);
    /// returns the ids it does not know (those groups then hold no codes).
    pub fn resolve_groups<'g>(
        &mut self,
        lookup: impl Fn(&str) -> Option<&'g [(CdtCode, CdtCode)]>,
    ) -> Vec<String> {
        self.groups
            .iter_mut()
            .filter_map(|g| (!g.resolve(lookup(&g.id))).then(|| g.id.clone()))
            .collect()
    }

    /// The ranges as written (single codes are ranges of one).
    pub fn ranges(&self) -> &[(CdtCode, CdtCode)] {
        &self.ranges
    }

    /// Parses one element: a code or `"D2740-D2799"`.
    fn parse_item(text: &str) -> Result<(CdtCode, CdtCode), String> {
        match text.split_once('-') {
            Some((lo, hi)) => {
                let lo = CdtCode::parse(lo).map_err(|e| e.to_string())?;
                let hi = CdtCode::parse(hi).map_err(|e| e.to_string())?;
                if hi < lo {
                    return Err(format!("code range {text:?} runs backwards"));
                }
                Ok((lo, hi))
            }
            None => CdtCode::parse(text)
                .map(|c| (c, c))
                .map_err(|e| e.to_string()),
        }
    }
}

impl CodeSet {
    /// Each element as written: codes and ranges, then `@group`s.
    fn items(&self) -> Vec<String> {
        let ranges = self.ranges.iter().map(|(lo, hi)| {
            if lo == hi {
                lo.to_string()
            } else {
                format!("{lo}-{hi}")
            }
        });
        let groups = self.groups.iter().map(|g| format!("@{}", g.id()));
        ranges.chain(groups).collect()
    }
}

impl fmt::Display for CodeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.items().join(", "))
    }
}

impl Serialize for CodeSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let items = self.items();
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for item in &items {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for CodeSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CodeSet, D::Error> {
        // Element by element, so a bad code is reported where it is written.
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = CodeSet;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of codes and ranges, such as [\"D0120\", \"D2740-D2799\"]")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<CodeSet, A::Error> {
                let mut set = CodeSet::default();
                while let Some(item) = seq.next_element::<String>()? {
                    match item.strip_prefix('@') {
                        Some(id) if !id.trim().is_empty() => {
                            set.groups.push(GroupRef::named(id.trim()));
                        }
                        Some(_) => {
                            return Err(de::Error::custom(
                                "\"@\" without a group id: expected \"@\" and a code group's id, such as \"@implants\"",
                            ));
                        }
                        None => set
                            .ranges
                            .push(CodeSet::parse_item(&item).map_err(de::Error::custom)?),
                    }
                }
                Ok(set)
            }
        }
        deserializer.deserialize_seq(Visitor)
    }
}

/// How specifically a row names a line (the one precedence for rows that
/// overlap: a code beats a code group, which beats a class; a line no row names
/// falls to the plan's general amount).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Specificity {
    /// The row names the line's class.
    Class,
    /// The row names a code group holding the line's code.
    Group,
    /// The row names the code itself (or a range holding it).
    Code,
}

/// A group named in a plan: its id as written, and its codes once the library
/// has resolved it. Two references are equal when they name the same group, so a
/// plan read back from its text equals the loaded one.
#[derive(Clone, Debug, Default)]
pub struct GroupRef {
    id: String,
    ranges: Vec<(CdtCode, CdtCode)>,
}

impl GroupRef {
    /// A reference to the group `id`, not yet resolved (it holds no codes).
    pub fn named(id: &str) -> GroupRef {
        GroupRef {
            id: id.to_string(),
            ranges: Vec::new(),
        }
    }

    /// The group's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// True when the resolved group holds `code`.
    pub fn contains(&self, code: CdtCode) -> bool {
        self.ranges
            .iter()
            .any(|(lo, hi)| *lo <= code && code <= *hi)
    }

    /// Takes the group's codes from `lookup`; false when it does not know the
    /// group (the reference then holds no codes).
    pub fn resolve_with<'g>(
        &mut self,
        lookup: impl Fn(&str) -> Option<&'g [(CdtCode, CdtCode)]>,
    ) -> bool {
        let codes = lookup(&self.id);
        self.resolve(codes)
    }

    /// Takes the group's codes (None: the library has no group of that id, and
    /// the reference then holds no codes); false when there were none.
    fn resolve(&mut self, codes: Option<&[(CdtCode, CdtCode)]>) -> bool {
        self.ranges = codes.map(<[_]>::to_vec).unwrap_or_default();
        codes.is_some()
    }
}

impl PartialEq for GroupRef {
    fn eq(&self, other: &GroupRef) -> bool {
        self.id == other.id
    }
}

impl Eq for GroupRef {}

impl PartialOrd for GroupRef {
    fn partial_cmp(&self, other: &GroupRef) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for GroupRef {
    fn cmp(&self, other: &GroupRef) -> Ordering {
        self.id.cmp(&other.id)
    }
}

impl fmt::Display for GroupRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

impl Serialize for GroupRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.id)
    }
}

impl<'de> Deserialize<'de> for GroupRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<GroupRef, D::Error> {
        let id = String::deserialize(deserializer)?;
        Ok(GroupRef::named(id.trim_start_matches('@')))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_d_and_four_digits() {
        assert_eq!(CdtCode::parse("D2740").unwrap().number(), 2740);
        assert_eq!(CdtCode::parse("d0120").unwrap().to_string(), "D0120");
        for bad in ["2740", "D274", "D27400", "DX740", "", "D-740"] {
            assert!(CdtCode::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn default_classes_follow_the_cdt_ranges() {
        let class = |c: &str| CdtCode::parse(c).unwrap().default_class();
        assert_eq!(class("D0120"), ProcedureClass::Diagnostic);
        assert_eq!(class("D2391"), ProcedureClass::BasicRestorative);
        assert_eq!(class("D2740"), ProcedureClass::MajorRestorative);
        assert_eq!(class("D2950"), ProcedureClass::MajorRestorative);
        assert_eq!(class("D2951"), ProcedureClass::BasicRestorative);
        assert_eq!(class("D6010"), ProcedureClass::Implants);
        assert_eq!(class("D6740"), ProcedureClass::Prosthodontics);
        assert_eq!(class("D9110"), ProcedureClass::Adjunctive);
    }

    #[test]
    fn code_sets_hold_codes_and_ranges() {
        let set: CodeSet = ron::from_str(r#"["D0120", "D2740-D2799"]"#).unwrap();
        assert!(set.contains(CdtCode::parse("D0120").unwrap()));
        assert!(set.contains(CdtCode::parse("D2790").unwrap()));
        assert!(!set.contains(CdtCode::parse("D2800").unwrap()));
        assert!(ron::from_str::<CodeSet>(r#"["D2799-D2740"]"#).is_err());
    }
}
