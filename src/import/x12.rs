//! A small X12 tokenizer: an interchange's text into segments and elements.
//!
//! The separators come from the ISA header, never from assumptions: the element
//! separator is the fourth character (right after `ISA`), the component separator
//! is ISA16, and the segment terminator is the character right after ISA16. ISA11
//! is the repetition separator when it is punctuation (5010), not the old `U`.
//! Line breaks after terminators (files saved from a portal often have them) are
//! skipped. The envelope is checked for completeness: a file cut short (no IEA, an
//! ST without its SE, a last segment without its terminator) is an error, never a
//! half result.

use std::fmt;

/// The four separators an interchange declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Separators {
    /// Between elements (ISA byte 4), usually `*`.
    pub element: char,
    /// Between the parts of a composite element (ISA16), usually `:`.
    pub component: char,
    /// Between repeats of an element (ISA11 in 5010), usually `^`.
    pub repetition: Option<char>,
    /// After each segment (the character after ISA16), usually `~`.
    pub segment: char,
}

/// One segment: its id, its elements (1-based access), where it is and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The segment id: `EB`, `HSD`, `MSG`...
    pub id: String,
    /// Elements after the id; `elements[0]` is element 01.
    pub elements: Vec<String>,
    /// Position in the interchange, counting ISA as segment 1.
    pub position: usize,
    /// The segment as written, without its terminator.
    pub raw: String,
}

impl Segment {
    /// Element `n` (1-based, as X12 numbers them: EB01 is `element(1)`); "" when
    /// absent.
    pub fn element(&self, n: usize) -> &str {
        n.checked_sub(1)
            .and_then(|i| self.elements.get(i))
            .map_or("", |s| s.trim())
    }

    /// Element `n` split into its components.
    pub fn components(&self, n: usize, seps: Separators) -> Vec<&str> {
        self.element(n).split(seps.component).collect()
    }

    /// Element `n` split into its repeats (EB03 may list several service types).
    pub fn repeats(&self, n: usize, seps: Separators) -> Vec<&str> {
        let text = self.element(n);
        if text.is_empty() {
            return Vec::new();
        }
        match seps.repetition {
            Some(r) => text.split(r).map(str::trim).collect(),
            None => vec![text],
        }
    }
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "segment {} ({}): {}", self.position, self.id, self.raw)
    }
}

/// A tokenized interchange.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interchange {
    /// The separators the ISA declared.
    pub separators: Separators,
    /// Every segment, ISA to IEA.
    pub segments: Vec<Segment>,
}

/// Why a text is not a complete X12 interchange.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum X12Error {
    /// The text does not start with an ISA header.
    #[error("not an X12 file: it should start with \"ISA\", it starts with {0:?}")]
    NoIsa(String),
    /// The ISA header is shorter than its 16 elements and terminator.
    #[error("the ISA header is cut short: the file is truncated or not X12")]
    ShortIsa,
    /// Separators that cannot work (letters, digits, or two the same).
    #[error("wrong separators: {0}")]
    WrongSeparators(String),
    /// The file ends before the interchange does.
    #[error("the interchange is truncated: {0}")]
    Truncated(String),
}

/// Splits `text` into segments by the separators its ISA header declares.
pub fn tokenize(text: &str) -> Result<Interchange, X12Error> {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text.starts_with("ISA") {
        let start: String = text.chars().take(12).collect();
        return Err(X12Error::NoIsa(start));
    }
    let separators = separators(text)?;
    let mut segments = Vec::new();
    let mut pieces = text.split(separators.segment).peekable();
    while let Some(piece) = pieces.next() {
        let piece = piece.trim_matches(|c: char| c == '\r' || c == '\n');
        if pieces.peek().is_none() {
            // Text after the last terminator: only line breaks or spaces are fine.
            if !piece.trim().is_empty() {
                return Err(X12Error::Truncated(format!(
                    "the last segment {:?} has no terminator {:?}",
                    shorten(piece),
                    separators.segment
                )));
            }
            break;
        }
        if piece.trim().is_empty() {
            continue;
        }
        let mut parts = piece.split(separators.element);
        let id = parts.next().unwrap_or("").trim().to_string();
        segments.push(Segment {
            id,
            elements: parts.map(str::to_string).collect(),
            position: segments.len() + 1,
            raw: piece.to_string(),
        });
    }
    check_envelope(&segments, separators)?;
    Ok(Interchange {
        separators,
        segments,
    })
}

/// Reads the separators from the ISA header.
fn separators(text: &str) -> Result<Separators, X12Error> {
    let mut chars = text.chars();
    let element = chars.nth(3).ok_or(X12Error::ShortIsa)?;
    if element.is_alphanumeric() || element.is_whitespace() {
        return Err(X12Error::WrongSeparators(format!(
            "the ISA header declares {element:?} as the element separator; it must be punctuation"
        )));
    }
    // ISA16 is the single character after the 16th element separator.
    let mut rest = text.char_indices().filter(|(_, c)| *c == element);
    let (at16, _) = rest.nth(15).ok_or(X12Error::ShortIsa)?;
    let mut tail = text[at16 + element.len_utf8()..].chars();
    let component = tail.next().ok_or(X12Error::ShortIsa)?;
    let segment = tail.next().ok_or(X12Error::ShortIsa)?;
    let isa11 = text.split(element).nth(11).unwrap_or("");
    let repetition = match isa11.chars().collect::<Vec<_>>().as_slice() {
        [c] if !c.is_alphanumeric() && !c.is_whitespace() => Some(*c),
        _ => None,
    };
    for (name, c) in [("component", component), ("segment", segment)] {
        if c.is_alphanumeric() || c == ' ' {
            return Err(X12Error::WrongSeparators(format!(
                "the ISA header declares {c:?} as the {name} separator; it must be punctuation or a line break"
            )));
        }
    }
    let all = [Some(element), Some(component), Some(segment), repetition];
    for (i, a) in all.iter().enumerate() {
        if a.is_some() && all[i + 1..].contains(a) {
            return Err(X12Error::WrongSeparators(format!(
                "the ISA header declares {:?} for two different separators",
                a.unwrap_or(' ')
            )));
        }
    }
    Ok(Separators {
        element,
        component,
        repetition,
        segment,
    })
}

/// The envelopes must open and close: ISA..IEA, GS..GE, ST..SE (with the count SE
/// states).
fn check_envelope(segments: &[Segment], seps: Separators) -> Result<(), X12Error> {
    let Some(second) = segments.get(1) else {
        return Err(X12Error::Truncated(
            "nothing follows the ISA header".to_string(),
        ));
    };
    if second.id != "GS" {
        return Err(X12Error::WrongSeparators(format!(
            "the segment after ISA should be GS split by {:?} and ended by {:?}; found {:?}",
            seps.element,
            seps.segment,
            shorten(&second.raw)
        )));
    }
    let mut open_st: Option<&Segment> = None;
    for seg in segments {
        match seg.id.as_str() {
            "ST" => open_st = Some(seg),
            "SE" => {
                let Some(st) = open_st.take() else {
                    return Err(X12Error::Truncated(format!("{seg} closes no ST")));
                };
                let counted = seg.position + 1 - st.position;
                if seg.element(1).parse::<usize>().ok() != Some(counted) {
                    return Err(X12Error::Truncated(format!(
                        "{seg} says the transaction has {} segments, but it has {counted}",
                        seg.element(1)
                    )));
                }
            }
            _ => {}
        }
    }
    if let Some(st) = open_st {
        return Err(X12Error::Truncated(format!(
            "the transaction opened at {st} has no SE"
        )));
    }
    match segments.last() {
        Some(last) if last.id == "IEA" => Ok(()),
        Some(last) => Err(X12Error::Truncated(format!(
            "it ends at {last} instead of an IEA trailer"
        ))),
        None => Err(X12Error::Truncated("it is empty".into())),
    }
}

/// At most 60 characters of `text`, for messages.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        short.push_str("...");
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISA: &str = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260115*0930*^*00501*000000001*0*P*:~";

    fn wrap(body: &str) -> String {
        format!(
            "{ISA}GS*HB*S*R*20260115*0930*1*X*005010X279A1~ST*271*0001*005010X279A1~{body}SE*{}*0001~GE*1*1~IEA*1*000000001~",
            body.matches('~').count() + 2
        )
    }

    #[test]
    fn separators_come_from_the_isa_header() {
        let x = tokenize(&wrap("EB*A*IND*23^41*****0~")).unwrap();
        assert_eq!(
            x.separators,
            Separators {
                element: '*',
                component: ':',
                repetition: Some('^'),
                segment: '~'
            }
        );
        let eb = x.segments.iter().find(|s| s.id == "EB").unwrap();
        assert_eq!(eb.element(1), "A");
        assert_eq!(eb.repeats(3, x.separators), vec!["23", "41"]);
        assert_eq!(eb.element(8), "0");
        assert_eq!(eb.element(13), "");
        assert_eq!(eb.position, 4);
    }

    #[test]
    fn other_separators_and_line_breaks_are_read_as_declared() {
        let text = wrap("EB*F*IND*41**********AD:D1110~")
            .replace('*', "|")
            .replace(':', ">")
            .replace('~', "\n")
            .replace('^', "!");
        let x = tokenize(&text).unwrap();
        assert_eq!(x.separators.element, '|');
        assert_eq!(x.separators.segment, '\n');
        assert_eq!(x.separators.repetition, Some('!'));
        let eb = x.segments.iter().find(|s| s.id == "EB").unwrap();
        assert_eq!(eb.components(13, x.separators), vec!["AD", "D1110"]);
        let crlf = wrap("EB*1*IND*35~").replace('~', "~\r\n");
        assert_eq!(tokenize(&crlf).unwrap().segments.len(), 7);
    }

    #[test]
    fn a_file_cut_short_is_truncated() {
        let full = wrap("EB*1*IND*35~");
        let cut = &full[..full.find("SE*").unwrap()];
        let err = tokenize(cut).unwrap_err();
        assert!(matches!(err, X12Error::Truncated(_)), "{err}");
        let no_iea = &full[..full.find("IEA").unwrap()];
        assert!(
            tokenize(no_iea)
                .unwrap_err()
                .to_string()
                .contains("instead of an IEA")
        );
        let half_segment = &full[..full.len() - 3];
        assert!(
            tokenize(half_segment)
                .unwrap_err()
                .to_string()
                .contains("no terminator")
        );
    }

    #[test]
    fn a_wrong_segment_count_is_reported() {
        let text = wrap("EB*1*IND*35~").replace("SE*3*", "SE*9*");
        let err = tokenize(&text).unwrap_err().to_string();
        assert!(
            err.contains("says the transaction has 9 segments, but it has 3"),
            "{err}"
        );
    }

    #[test]
    fn separators_the_body_does_not_use_are_wrong_separators() {
        // The header says '*' but the rest of the file was written with '|'.
        let text = wrap("EB*1*IND*35~");
        let (isa, body) = text.split_at(ISA.len());
        let err = tokenize(&format!("{isa}{}", body.replace('*', "|"))).unwrap_err();
        assert!(matches!(err, X12Error::WrongSeparators(_)), "{err}");
        let letters = text.replacen("*:~", "*A~", 1);
        assert!(matches!(
            tokenize(&letters).unwrap_err(),
            X12Error::WrongSeparators(_)
        ));
    }

    #[test]
    fn not_x12_at_all() {
        assert!(matches!(
            tokenize("code,fee\nD0120,55").unwrap_err(),
            X12Error::NoIsa(_)
        ));
        assert_eq!(tokenize("ISA*00*").unwrap_err(), X12Error::ShortIsa);
    }
}
