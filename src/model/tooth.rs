//! Teeth in Universal numbering, their arches, quadrants and types, and surfaces.
//!
//! Permanent teeth are 1-32 (upper right third molar is 1, clockwise as seen by the
//! dentist, lower right third molar is 32); primary teeth are A-T in the same order;
//! supernumerary teeth are 51-82 and AS-TS and take the properties of the tooth they
//! sit next to (dental-benefits.md §4).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// One tooth in Universal numbering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tooth {
    /// Permanent tooth 1-32.
    Permanent(u8),
    /// Primary tooth A-T, held as 1-20.
    Primary(u8),
    /// Extra permanent tooth 51-82, held as the neighbour's number 1-32.
    SupernumeraryPermanent(u8),
    /// Extra primary tooth AS-TS, held as the neighbour's 1-20.
    SupernumeraryPrimary(u8),
}

/// Why a tooth string was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a tooth in Universal numbering (1-32, A-T, 51-82 or AS-TS), found {0:?}")]
pub struct ToothError(pub String);

/// Upper (maxillary) or lower (mandibular) arch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Arch {
    /// Maxillary, ADA area 01.
    Upper,
    /// Mandibular, ADA area 02.
    Lower,
}

/// A quadrant, named from the patient's point of view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Quadrant {
    /// Upper right, ADA area 10: teeth 1-8, A-E.
    UR,
    /// Upper left, ADA area 20: teeth 9-16, F-J.
    UL,
    /// Lower left, ADA area 30: teeth 17-24, K-O.
    LL,
    /// Lower right, ADA area 40: teeth 25-32, P-T.
    LR,
}

impl Quadrant {
    /// All four, in ADA order.
    pub const ALL: [Quadrant; 4] = [Quadrant::UR, Quadrant::UL, Quadrant::LL, Quadrant::LR];

    /// The arch the quadrant is in.
    pub fn arch(self) -> Arch {
        match self {
            Quadrant::UR | Quadrant::UL => Arch::Upper,
            Quadrant::LL | Quadrant::LR => Arch::Lower,
        }
    }

    /// "upper right".
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::UR => "upper right",
            Quadrant::UL => "upper left",
            Quadrant::LL => "lower left",
            Quadrant::LR => "lower right",
        }
    }
}

impl Arch {
    /// "upper" or "lower".
    pub fn label(self) -> &'static str {
        match self {
            Arch::Upper => "upper",
            Arch::Lower => "lower",
        }
    }
}

/// The broad type of a tooth, which plan rules depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ToothKind {
    /// Incisors.
    Incisor,
    /// Canines (anterior).
    Canine,
    /// Premolars (posterior; permanent only).
    Premolar,
    /// Molars (posterior).
    Molar,
}

impl Tooth {
    /// Every permanent tooth 1-32.
    pub fn permanent_teeth() -> impl Iterator<Item = Tooth> {
        (1..=32).map(Tooth::Permanent)
    }

    /// Every primary tooth A-T.
    pub fn primary_teeth() -> impl Iterator<Item = Tooth> {
        (1..=20).map(Tooth::Primary)
    }

    /// Parses "30", "A", "AS", "51".
    pub fn parse(text: &str) -> Result<Tooth, ToothError> {
        let t = text.trim();
        let err = || ToothError(text.to_string());
        if let Ok(n) = t.parse::<u8>() {
            return match n {
                1..=32 => Ok(Tooth::Permanent(n)),
                51..=82 => Ok(Tooth::SupernumeraryPermanent(n - 50)),
                _ => Err(err()),
            };
        }
        let upper = t.to_ascii_uppercase();
        let mut chars = upper.chars();
        let letter = chars.next().ok_or_else(err)?;
        let rest: String = chars.collect();
        if !('A'..='T').contains(&letter) {
            return Err(err());
        }
        let index = letter as u8 - b'A' + 1;
        match rest.as_str() {
            "" => Ok(Tooth::Primary(index)),
            "S" => Ok(Tooth::SupernumeraryPrimary(index)),
            _ => Err(err()),
        }
    }

    /// The regular tooth whose properties this tooth has (itself, or a
    /// supernumerary tooth's neighbour).
    pub fn regular(self) -> Tooth {
        match self {
            Tooth::SupernumeraryPermanent(n) => Tooth::Permanent(n),
            Tooth::SupernumeraryPrimary(n) => Tooth::Primary(n),
            other => other,
        }
    }

    /// True for primary (baby) teeth A-T and AS-TS.
    pub fn is_primary(self) -> bool {
        matches!(self, Tooth::Primary(_) | Tooth::SupernumeraryPrimary(_))
    }

    /// True for 51-82 and AS-TS.
    pub fn is_supernumerary(self) -> bool {
        matches!(
            self,
            Tooth::SupernumeraryPermanent(_) | Tooth::SupernumeraryPrimary(_)
        )
    }

    /// The quadrant the tooth sits in.
    pub fn quadrant(self) -> Quadrant {
        match self.regular() {
            Tooth::Permanent(n) => match n {
                1..=8 => Quadrant::UR,
                9..=16 => Quadrant::UL,
                17..=24 => Quadrant::LL,
                _ => Quadrant::LR,
            },
            Tooth::Primary(n) => match n {
                1..=5 => Quadrant::UR,
                6..=10 => Quadrant::UL,
                11..=15 => Quadrant::LL,
                _ => Quadrant::LR,
            },
            _ => Quadrant::UR,
        }
    }

    /// Upper or lower arch.
    pub fn arch(self) -> Arch {
        self.quadrant().arch()
    }

    /// Position from the midline within its quadrant: 1 = central incisor.
    fn position_from_midline(self) -> u8 {
        match self.regular() {
            Tooth::Permanent(n) => {
                let within = (n - 1) % 8; // 0..7 from the back of quadrants 1 and 3
                match self.quadrant() {
                    Quadrant::UR | Quadrant::LL => 8 - within,
                    Quadrant::UL | Quadrant::LR => within + 1,
                }
            }
            Tooth::Primary(n) => {
                let within = (n - 1) % 5;
                match self.quadrant() {
                    Quadrant::UR | Quadrant::LL => 5 - within,
                    Quadrant::UL | Quadrant::LR => within + 1,
                }
            }
            _ => 1,
        }
    }

    /// Incisor, canine, premolar or molar.
    pub fn kind(self) -> ToothKind {
        let pos = self.position_from_midline();
        if self.is_primary() {
            match pos {
                1 | 2 => ToothKind::Incisor,
                3 => ToothKind::Canine,
                _ => ToothKind::Molar,
            }
        } else {
            match pos {
                1 | 2 => ToothKind::Incisor,
                3 => ToothKind::Canine,
                4 | 5 => ToothKind::Premolar,
                _ => ToothKind::Molar,
            }
        }
    }

    /// Incisors and canines.
    pub fn is_anterior(self) -> bool {
        matches!(self.kind(), ToothKind::Incisor | ToothKind::Canine)
    }

    /// Premolars and molars.
    pub fn is_posterior(self) -> bool {
        !self.is_anterior()
    }

    /// Molars (permanent 1-3, 14-19, 30-32; primary A, B, I-L, S, T).
    pub fn is_molar(self) -> bool {
        self.kind() == ToothKind::Molar
    }

    /// Premolars (permanent 4, 5, 12, 13, 20, 21, 28, 29).
    pub fn is_premolar(self) -> bool {
        self.kind() == ToothKind::Premolar
    }

    /// Permanent second molars 2, 15, 18, 31.
    pub fn is_second_molar(self) -> bool {
        !self.is_primary() && self.position_from_midline() == 7
    }

    /// Permanent third molars 1, 16, 17, 32.
    pub fn is_third_molar(self) -> bool {
        !self.is_primary() && self.position_from_midline() == 8
    }

    /// Sextant 1-6 (upper right, upper anterior, upper left, lower left, lower
    /// anterior, lower right), by the boundaries 1-5, 6-11, 12-16, 17-21, 22-27, 28-32.
    pub fn sextant(self) -> u8 {
        let anterior = self.is_anterior();
        match (self.quadrant(), anterior) {
            (Quadrant::UR, false) => 1,
            (Quadrant::UR | Quadrant::UL, true) => 2,
            (Quadrant::UL, false) => 3,
            (Quadrant::LL, false) => 4,
            (Quadrant::LL | Quadrant::LR, true) => 5,
            (Quadrant::LR, false) => 6,
        }
    }
}

impl fmt::Display for Tooth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let letter = |n: u8| char::from(b'A' + n - 1);
        let text = match *self {
            Tooth::Permanent(n) => n.to_string(),
            Tooth::SupernumeraryPermanent(n) => (n + 50).to_string(),
            Tooth::Primary(n) => letter(n).to_string(),
            Tooth::SupernumeraryPrimary(n) => format!("{}S", letter(n)),
        };
        f.pad(&text)
    }
}

impl FromStr for Tooth {
    type Err = ToothError;
    fn from_str(s: &str) -> Result<Tooth, ToothError> {
        Tooth::parse(s)
    }
}

impl Serialize for Tooth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Tooth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Tooth, D::Error> {
        let text = String::deserialize(deserializer)?;
        Tooth::parse(&text).map_err(de::Error::custom)
    }
}

/// One tooth surface as written on claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Surface {
    /// Mesial: toward the midline.
    M,
    /// Occlusal: chewing surface of a back tooth.
    O,
    /// Incisal: biting edge of a front tooth.
    I,
    /// Distal: away from the midline.
    D,
    /// Buccal: cheek side of a back tooth.
    B,
    /// Facial: lip side of a front tooth.
    F,
    /// Lingual: tongue side.
    L,
}

/// A set of distinct surfaces on one tooth, kept in the canonical order M, O/I, D,
/// B/F, L so that "DO" and "OD" are the same restoration.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Surfaces(u8);

/// Why a surface string was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected surfaces from M, O, I, D, B, F, L (such as \"MOD\"), found {0:?}")]
pub struct SurfaceError(pub String);

impl Surfaces {
    const ORDER: [Surface; 7] = [
        Surface::M,
        Surface::O,
        Surface::I,
        Surface::D,
        Surface::B,
        Surface::F,
        Surface::L,
    ];

    fn bit(surface: Surface) -> u8 {
        1 << (surface as u8)
    }

    /// No surfaces.
    pub const NONE: Surfaces = Surfaces(0);

    /// Parses "MOD", "od", "M O D" (repeats collapse: "MM" is one surface).
    pub fn parse(text: &str) -> Result<Surfaces, SurfaceError> {
        let mut set = Surfaces(0);
        for c in text.chars().filter(|c| !c.is_whitespace() && *c != ',') {
            let s = match c.to_ascii_uppercase() {
                'M' => Surface::M,
                'O' => Surface::O,
                'I' => Surface::I,
                'D' => Surface::D,
                'B' => Surface::B,
                'F' => Surface::F,
                'L' => Surface::L,
                _ => return Err(SurfaceError(text.to_string())),
            };
            set.insert(s);
        }
        Ok(set)
    }

    /// Adds a surface.
    pub fn insert(&mut self, surface: Surface) {
        self.0 |= Surfaces::bit(surface);
    }

    /// Removes a surface.
    pub fn remove(&mut self, surface: Surface) {
        self.0 &= !Surfaces::bit(surface);
    }

    /// True when the set holds `surface`.
    pub fn contains(self, surface: Surface) -> bool {
        self.0 & Surfaces::bit(surface) != 0
    }

    /// The surfaces in canonical order.
    pub fn iter(self) -> impl Iterator<Item = Surface> {
        Surfaces::ORDER
            .into_iter()
            .filter(move |s| self.contains(*s))
    }

    /// Number of distinct surfaces (this picks the filling code).
    pub fn count(self) -> u32 {
        self.0.count_ones()
    }

    /// True when empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when the two sets share a surface.
    pub fn overlaps(self, other: Surfaces) -> bool {
        self.0 & other.0 != 0
    }

    /// The same surfaces named for `tooth`: B and F are the same side (cheek or lip),
    /// so B on a front tooth becomes F and F on a back tooth becomes B; likewise O and
    /// I (the chewing surface or biting edge).
    pub fn normalized_for(self, tooth: Tooth) -> Surfaces {
        let mut out = self;
        let swap = |out: &mut Surfaces, from: Surface, to: Surface| {
            if out.contains(from) {
                out.remove(from);
                out.insert(to);
            }
        };
        if tooth.is_anterior() {
            swap(&mut out, Surface::B, Surface::F);
            swap(&mut out, Surface::O, Surface::I);
        } else {
            swap(&mut out, Surface::F, Surface::B);
            swap(&mut out, Surface::I, Surface::O);
        }
        out
    }
}

impl fmt::Display for Surfaces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text: String = self.iter().map(|s| format!("{s:?}")).collect();
        f.pad(&text)
    }
}

impl Serialize for Surfaces {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Surfaces {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Surfaces, D::Error> {
        let text = String::deserialize(deserializer)?;
        Surfaces::parse(&text).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Tooth {
        Tooth::parse(s).unwrap()
    }

    #[test]
    fn parses_and_prints_every_numbering_form() {
        for s in ["1", "32", "A", "T", "51", "82", "AS", "TS"] {
            assert_eq!(t(s).to_string(), s);
        }
        assert_eq!(t("a"), t("A"));
        for bad in ["0", "33", "50", "83", "U", "AB", "", "3.5"] {
            assert!(Tooth::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn quadrants_and_arches_follow_universal_numbering() {
        assert_eq!(t("1").quadrant(), Quadrant::UR);
        assert_eq!(t("8").quadrant(), Quadrant::UR);
        assert_eq!(t("9").quadrant(), Quadrant::UL);
        assert_eq!(t("16").quadrant(), Quadrant::UL);
        assert_eq!(t("17").quadrant(), Quadrant::LL);
        assert_eq!(t("24").quadrant(), Quadrant::LL);
        assert_eq!(t("25").quadrant(), Quadrant::LR);
        assert_eq!(t("32").quadrant(), Quadrant::LR);
        assert_eq!(t("E").quadrant(), Quadrant::UR);
        assert_eq!(t("F").quadrant(), Quadrant::UL);
        assert_eq!(t("K").quadrant(), Quadrant::LL);
        assert_eq!(t("T").quadrant(), Quadrant::LR);
        assert_eq!(t("30").arch(), Arch::Lower);
        assert_eq!(t("3").arch(), Arch::Upper);
        assert_eq!(t("51").quadrant(), Quadrant::UR);
    }

    #[test]
    fn tooth_types_match_the_chart() {
        for n in [1, 2, 3, 14, 15, 16, 17, 18, 19, 30, 31, 32] {
            assert!(t(&n.to_string()).is_molar(), "#{n} is a molar");
        }
        for n in [4, 5, 12, 13, 20, 21, 28, 29] {
            assert!(t(&n.to_string()).is_premolar(), "#{n} is a premolar");
        }
        for n in [6, 7, 8, 9, 10, 11, 22, 23, 24, 25, 26, 27] {
            assert!(t(&n.to_string()).is_anterior(), "#{n} is anterior");
        }
        assert_eq!(t("6").kind(), ToothKind::Canine);
        assert_eq!(t("27").kind(), ToothKind::Canine);
        assert_eq!(t("8").kind(), ToothKind::Incisor);
        let second: Vec<u8> = (1..=32)
            .filter(|n| t(&n.to_string()).is_second_molar())
            .collect();
        assert_eq!(second, vec![2, 15, 18, 31]);
        let third: Vec<u8> = (1..=32)
            .filter(|n| t(&n.to_string()).is_third_molar())
            .collect();
        assert_eq!(third, vec![1, 16, 17, 32]);
    }

    #[test]
    fn primary_teeth_have_molars_canines_incisors_only() {
        for s in ["A", "B", "I", "J", "K", "L", "S", "T"] {
            assert!(
                t(s).is_molar() && t(s).is_primary(),
                "{s} is a primary molar"
            );
        }
        for s in ["C", "H", "M", "R"] {
            assert_eq!(t(s).kind(), ToothKind::Canine, "{s} is a primary canine");
        }
        for s in ["D", "E", "F", "G", "N", "O", "P", "Q"] {
            assert_eq!(t(s).kind(), ToothKind::Incisor, "{s} is a primary incisor");
        }
        assert!(!t("A").is_second_molar());
        assert!(t("AS").is_primary() && t("AS").is_supernumerary());
        assert!(!t("30").is_primary());
    }

    #[test]
    fn sextants_follow_the_standard_boundaries() {
        let sextant_of = |n: u8| t(&n.to_string()).sextant();
        assert_eq!((1..=5).map(sextant_of).collect::<Vec<_>>(), vec![1; 5]);
        assert_eq!((6..=11).map(sextant_of).collect::<Vec<_>>(), vec![2; 6]);
        assert_eq!((12..=16).map(sextant_of).collect::<Vec<_>>(), vec![3; 5]);
        assert_eq!((17..=21).map(sextant_of).collect::<Vec<_>>(), vec![4; 5]);
        assert_eq!((22..=27).map(sextant_of).collect::<Vec<_>>(), vec![5; 6]);
        assert_eq!((28..=32).map(sextant_of).collect::<Vec<_>>(), vec![6; 5]);
    }

    #[test]
    fn surfaces_are_a_set_in_canonical_order() {
        let s = Surfaces::parse("DOM").unwrap();
        assert_eq!(s.to_string(), "MOD");
        assert_eq!(s.count(), 3);
        assert_eq!(
            Surfaces::parse("OD").unwrap(),
            Surfaces::parse("do").unwrap()
        );
        assert_eq!(Surfaces::parse("MM").unwrap().count(), 1);
        assert!(Surfaces::parse("MX").is_err());
        // Facial on a molar is the buccal side; buccal on an incisor is facial.
        assert_eq!(
            Surfaces::parse("OF")
                .unwrap()
                .normalized_for(t("19"))
                .to_string(),
            "OB"
        );
        assert_eq!(
            Surfaces::parse("MB")
                .unwrap()
                .normalized_for(t("8"))
                .to_string(),
            "MF"
        );
        assert_eq!(
            Surfaces::parse("MO")
                .unwrap()
                .normalized_for(t("8"))
                .to_string(),
            "MI"
        );
    }
}
