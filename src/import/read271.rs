//! Reads a tokenized interchange as a 271 response: envelopes checked, then the
//! hierarchy walked (HL 20 payer, 21 provider, 22 subscriber, 23 dependent), each
//! EB segment collecting the segments that qualify it. A 270 (the request) or any
//! other transaction is refused by name; an AAA rejection before any benefit is an
//! error carrying the carrier's reason.

use super::codes;
use super::eligibility::{
    Benefit, DateFact, Eligibility, Frequency, Member, MemberKind, SegmentRef, date_d8,
    decimal_share,
};
use super::x12::{self, Segment, Separators, X12Error};
use crate::money::Cents;

/// Why a file could not be read as a 271.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Read271Error {
    /// Not a complete X12 interchange.
    #[error(transparent)]
    X12(#[from] X12Error),
    /// A 270 request, or another transaction, instead of a 271 response.
    #[error("{0}")]
    NotA271(String),
    /// The carrier refused the request (AAA segment).
    #[error("the carrier rejected the eligibility request: {reason} ({segment})")]
    Rejected {
        /// The carrier's reason in words, with its code.
        reason: String,
        /// Where it was.
        segment: SegmentRef,
    },
    /// A 271 without any subscriber.
    #[error("the 271 response names no subscriber or dependent")]
    NoMembers,
}

/// Reads `text` as a 271 eligibility response.
pub fn read_271(text: &str) -> Result<Eligibility, Read271Error> {
    let interchange = x12::tokenize(text)?;
    let seps = interchange.separators;
    let segments = &interchange.segments;
    check_transaction(segments)?;
    let mut walk = Walk {
        seps,
        out: Eligibility {
            payer: String::new(),
            receiver: None,
            date: None,
            members: Vec::new(),
        },
        level: String::new(),
        last_subscriber: 0,
    };
    for seg in segments {
        walk.segment(seg)?;
    }
    if walk.out.members.is_empty() {
        return Err(Read271Error::NoMembers);
    }
    Ok(walk.out)
}

/// Every ST must be a 271 (GS01 `HB`); a 270 gets its own message.
fn check_transaction(segments: &[Segment]) -> Result<(), Read271Error> {
    for st in segments.iter().filter(|s| s.id == "ST") {
        match st.element(1) {
            "271" => {}
            "270" => {
                return Err(Read271Error::NotA271(
                    "this is a 270 eligibility request (the question), not a 271 response (the answer): import the file the carrier sent back".into(),
                ));
            }
            other => {
                return Err(Read271Error::NotA271(format!(
                    "this is an X12 {other} transaction, not a 271 eligibility response"
                )));
            }
        }
    }
    if segments.iter().any(|s| s.id == "ST") {
        Ok(())
    } else {
        Err(Read271Error::NotA271(
            "the interchange holds no transaction (no ST segment)".into(),
        ))
    }
}

/// The hierarchy walk's state.
struct Walk {
    seps: Separators,
    out: Eligibility,
    /// HL03 of the current level: 20, 21, 22, 23.
    level: String,
    last_subscriber: usize,
}

/// A reference to `seg` for the review list.
pub fn reference(seg: &Segment) -> SegmentRef {
    SegmentRef {
        id: seg.id.clone(),
        position: seg.position,
        raw: seg.raw.clone(),
    }
}

impl Walk {
    fn member(&mut self) -> Option<&mut Member> {
        if matches!(self.level.as_str(), "22" | "23") {
            self.out.members.last_mut()
        } else {
            None
        }
    }

    fn benefit(&mut self) -> Option<&mut Benefit> {
        self.member().and_then(|m| m.benefits.last_mut())
    }

    fn segment(&mut self, seg: &Segment) -> Result<(), Read271Error> {
        match seg.id.as_str() {
            "ISA" | "GS" | "ST" | "SE" | "GE" | "IEA" | "TRN" => {}
            "BHT" => self.out.date = date_d8(seg.element(4)),
            "HL" => self.hl(seg),
            "NM1" => self.nm1(seg),
            "AAA" => self.aaa(seg)?,
            "EB" => self.eb(seg),
            _ => self.qualifier(seg),
        }
        Ok(())
    }

    fn hl(&mut self, seg: &Segment) {
        self.level = seg.element(3).to_string();
        let kind = match self.level.as_str() {
            "22" => MemberKind::Subscriber,
            "23" => MemberKind::Dependent,
            _ => return,
        };
        let index = self.out.members.len();
        if kind == MemberKind::Subscriber {
            self.last_subscriber = index;
        }
        self.out.members.push(Member {
            kind,
            name: String::new(),
            member_id: None,
            birth_date: None,
            relationship_code: None,
            group: None,
            group_name: None,
            dates: Vec::new(),
            benefits: Vec::new(),
            other: Vec::new(),
            subscriber: self.last_subscriber,
        });
    }

    fn nm1(&mut self, seg: &Segment) {
        let name = person_name(seg);
        match (self.level.as_str(), seg.element(1)) {
            ("20", "PR") => self.out.payer = name,
            ("21", _) => self.out.receiver = Some(name),
            _ => {
                let in_benefit = self.member().is_some_and(|m| !m.benefits.is_empty());
                if in_benefit {
                    return self.qualifier(seg);
                }
                if let Some(m) = self.member() {
                    m.name = name;
                    let id = seg.element(9);
                    m.member_id = (!id.is_empty()).then(|| id.to_string());
                }
            }
        }
    }

    /// AAA before any benefit of the member (or at payer or provider level) is a
    /// rejection of the request; after an EB it only qualifies that benefit.
    fn aaa(&mut self, seg: &Segment) -> Result<(), Read271Error> {
        if self.benefit().is_some() {
            self.qualifier(seg);
            return Ok(());
        }
        if seg.element(1) == "Y" && seg.element(3).is_empty() {
            return Ok(());
        }
        let code = seg.element(3);
        let mut reason = format!("{} (reason code {code})", codes::reject_reason(code));
        let action = codes::follow_up(seg.element(4));
        if !action.is_empty() {
            reason.push_str(&format!("; {action}"));
        }
        Err(Read271Error::Rejected {
            reason,
            segment: reference(seg),
        })
    }

    fn eb(&mut self, seg: &Segment) {
        let seps = self.seps;
        let benefit = Benefit {
            info: seg.element(1).to_string(),
            level: seg.element(2).to_string(),
            service_types: seg
                .repeats(3, seps)
                .into_iter()
                .map(str::to_string)
                .collect(),
            insurance_type: seg.element(4).to_string(),
            description: seg.element(5).to_string(),
            period: seg.element(6).to_string(),
            amount: Cents::parse_non_negative(seg.element(7)).ok(),
            percent: decimal_share(seg.element(8)),
            quantity: seg
                .element(10)
                .parse()
                .ok()
                .map(|n| (seg.element(9).to_string(), n)),
            authorization: seg.element(11).to_string(),
            network: seg.element(12).to_string(),
            procedure: match seg.components(13, seps).as_slice() {
                ["AD", code, ..] => Some((*code).to_string()),
                _ => None,
            },
            frequencies: Vec::new(),
            dates: Vec::new(),
            messages: Vec::new(),
            other: Vec::new(),
            source: reference(seg),
        };
        if let Some(m) = self.member() {
            m.benefits.push(benefit);
        }
    }

    /// Segments that qualify the member or the current benefit.
    fn qualifier(&mut self, seg: &Segment) {
        if let Some(b) = self.benefit() {
            match seg.id.as_str() {
                "HSD" => b.frequencies.push(Frequency {
                    qualifier: seg.element(1).to_string(),
                    quantity: seg.element(2).parse().ok(),
                    period: seg.element(5).to_string(),
                    periods: seg.element(6).parse().ok(),
                    source: reference(seg),
                }),
                "DTP" => match date_fact(seg) {
                    Some(d) => b.dates.push(d),
                    None => b.other.push(reference(seg)),
                },
                "MSG" => b.messages.push(reference(seg)),
                _ => b.other.push(reference(seg)),
            }
            return;
        }
        let Some(m) = self.member() else { return };
        match seg.id.as_str() {
            "DMG" => m.birth_date = date_d8(seg.element(2)),
            "INS" => m.relationship_code = Some(seg.element(2).to_string()),
            "REF" if seg.element(1) == "6P" => {
                m.group = Some(seg.element(2).to_string());
                m.group_name = Some(seg.element(3).to_string()).filter(|s| !s.is_empty());
            }
            "DTP" => match date_fact(seg) {
                Some(d) => m.dates.push(d),
                None => m.other.push(reference(seg)),
            },
            "N3" | "N4" => {}
            _ => m.other.push(reference(seg)),
        }
    }
}

/// "JANE DOE" from NM103 (last) and NM104 (first); an organisation's name as is.
fn person_name(seg: &Segment) -> String {
    let last = seg.element(3);
    let first = seg.element(4);
    if first.is_empty() {
        last.to_string()
    } else {
        format!("{first} {last}")
    }
}

/// A DTP segment's date (D8) or range (RD8).
fn date_fact(seg: &Segment) -> Option<DateFact> {
    let value = seg.element(3);
    let (from, to) = match seg.element(2) {
        "D8" => (date_d8(value)?, None),
        "RD8" => {
            let (a, b) = value.split_once('-')?;
            (date_d8(a)?, Some(date_d8(b)?))
        }
        _ => return None,
    };
    Some(DateFact {
        qualifier: seg.element(1).to_string(),
        from,
        to,
        source: reference(seg),
    })
}
