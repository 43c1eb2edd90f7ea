//! Where in the mouth a line applies: the whole mouth, an arch, a quadrant, a
//! sextant, one tooth, or one tooth and some of its surfaces.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::tooth::{Arch, Quadrant, Surfaces, Tooth};

/// The treatment area of one line or history entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Area {
    /// No particular tooth: exams, cleanings, case fees.
    Mouth,
    /// An arch: dentures, guards.
    Arch(Arch),
    /// A quadrant: scaling and root planing.
    Quadrant(Quadrant),
    /// A sextant 1-6.
    Sextant(u8),
    /// One tooth (or tooth position for implants).
    Tooth(Tooth),
    /// One tooth and the surfaces treated.
    ToothSurfaces(Tooth, Surfaces),
}

impl Area {
    /// The area a line or history entry names, from its most specific part: a
    /// tooth (with its surfaces), else a quadrant, arch or sextant, else the mouth.
    pub fn from_parts(
        tooth: Option<Tooth>,
        surfaces: Option<Surfaces>,
        quadrant: Option<Quadrant>,
        arch: Option<Arch>,
        sextant: Option<u8>,
    ) -> Area {
        match (tooth, surfaces, quadrant, arch, sextant) {
            (Some(t), Some(s), ..) if !s.is_empty() => Area::ToothSurfaces(t, s.normalized_for(t)),
            (Some(t), ..) => Area::Tooth(t),
            (None, _, Some(q), ..) => Area::Quadrant(q),
            (None, _, None, Some(a), _) => Area::Arch(a),
            (None, _, None, None, Some(s)) => Area::Sextant(s),
            _ => Area::Mouth,
        }
    }

    /// The tooth, when the area names one.
    pub fn tooth(self) -> Option<Tooth> {
        match self {
            Area::Tooth(t) | Area::ToothSurfaces(t, _) => Some(t),
            _ => None,
        }
    }

    /// The surfaces, when the area names some.
    pub fn surfaces(self) -> Option<Surfaces> {
        match self {
            Area::ToothSurfaces(_, s) => Some(s),
            _ => None,
        }
    }

    /// The quadrant the area lies in, when it lies in one.
    pub fn quadrant(self) -> Option<Quadrant> {
        match self {
            Area::Quadrant(q) => Some(q),
            Area::Tooth(t) | Area::ToothSurfaces(t, _) => Some(t.quadrant()),
            _ => None,
        }
    }

    /// The arch the area lies in, when it lies in one.
    pub fn arch(self) -> Option<Arch> {
        match self {
            Area::Arch(a) => Some(a),
            Area::Quadrant(q) => Some(q.arch()),
            Area::Tooth(t) | Area::ToothSurfaces(t, _) => Some(t.arch()),
            Area::Sextant(s) => Some(if s <= 3 { Arch::Upper } else { Arch::Lower }),
            Area::Mouth => None,
        }
    }
}

/// "#30", "#19 MO", "UR quadrant", "upper arch", "whole mouth".
impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Area::Mouth => "whole mouth".to_string(),
            Area::Arch(a) => format!("{} arch", a.label()),
            Area::Quadrant(q) => format!("{} quadrant", q.label()),
            Area::Sextant(s) => format!("sextant {s}"),
            Area::Tooth(t) => format!("#{t}"),
            Area::ToothSurfaces(t, s) => format!("#{t} {s}"),
        };
        f.pad(&text)
    }
}
