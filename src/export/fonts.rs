//! The two faces printed estimates use (Liberation Sans Regular and Bold, SIL OFL,
//! embedded in the binary) and text measurement with skrifa, so money can be
//! right-aligned and long descriptions wrapped at real glyph widths.

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider as _, charmap::Charmap};

/// Liberation Sans Regular.
pub(crate) static REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
/// Liberation Sans Bold.
pub(crate) static BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");

/// Printed instead of a character the faces cannot draw (a white square, the
/// usual "missing letter" box), so a name outside the fonts' coverage shows a
/// visible gap instead of silently losing letters.
pub const MISSING_MARK: char = '\u{25A1}';

/// Regular or bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    /// Liberation Sans Regular.
    Regular,
    /// Liberation Sans Bold.
    Bold,
}

/// One face's character map and unscaled advance widths.
struct Face {
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn new(data: &'static [u8]) -> Option<Face> {
        let font = FontRef::new(data).ok()?;
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        Some(Face {
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
        })
    }

    /// True when the face has a glyph for `c`.
    fn has(&self, c: char) -> bool {
        self.charmap.map(c).is_some_and(|g| g.to_u32() != 0)
    }

    fn width(&self, size: f32, text: &str) -> f32 {
        let units: f32 = text
            .chars()
            .filter_map(|c| {
                if self.has(c) || c.is_control() {
                    self.charmap.map(c)
                } else {
                    self.charmap.map(MISSING_MARK)
                }
            })
            .filter_map(|g| self.metrics.advance_width(g))
            .sum();
        units * size / self.units_per_em.max(1.0)
    }
}

/// Measures text in both faces.
pub struct Measure {
    regular: Face,
    bold: Face,
}

impl Measure {
    /// Loads the embedded faces; None if either cannot be read.
    pub fn new() -> Option<Measure> {
        Some(Measure {
            regular: Face::new(REGULAR)?,
            bold: Face::new(BOLD)?,
        })
    }

    /// Width in points of `text` at `size`.
    pub fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        match weight {
            Weight::Regular => self.regular.width(size, text),
            Weight::Bold => self.bold.width(size, text),
        }
    }

    /// True when both faces can draw `c`.
    pub fn covers(&self, c: char) -> bool {
        self.regular.has(c) && self.bold.has(c)
    }

    /// `text` with every character the faces cannot draw replaced by
    /// [`MISSING_MARK`] (spaces and line breaks are kept).
    pub fn printable<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if text.chars().all(|c| c.is_whitespace() || self.covers(c)) {
            return std::borrow::Cow::Borrowed(text);
        }
        text.chars()
            .map(|c| {
                if c.is_whitespace() || self.covers(c) {
                    c
                } else {
                    MISSING_MARK
                }
            })
            .collect()
    }

    /// Breaks `text` into lines no wider than `max` (words longer than a line are
    /// broken between characters). Explicit newlines start new lines.
    pub fn wrap(&self, weight: Weight, size: f32, text: &str, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(weight, size, &candidate) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if self.width(weight, size, word) <= max {
                    line = word.to_string();
                } else {
                    for c in word.chars() {
                        let mut next = line.clone();
                        next.push(c);
                        if !line.is_empty() && self.width(weight, size, &next) > max {
                            lines.push(std::mem::take(&mut line));
                            line.push(c);
                        } else {
                            line = next;
                        }
                    }
                }
            }
            if !line.is_empty() || lines.is_empty() {
                lines.push(line);
            }
        }
        lines
    }

    /// Like [`Measure::wrap`], but at most `max_lines` lines; the last one kept ends
    /// with an ellipsis when text was cut.
    pub fn wrap_at_most(
        &self,
        weight: Weight,
        size: f32,
        text: &str,
        max: f32,
        max_lines: usize,
    ) -> Vec<String> {
        let mut lines = self.wrap(weight, size, text, max);
        if lines.len() > max_lines && max_lines > 0 {
            lines.truncate(max_lines);
            if let Some(last) = lines.last_mut() {
                let mut cut = last.clone();
                while !cut.is_empty() && self.width(weight, size, &format!("{cut}…")) > max {
                    cut.pop();
                }
                *last = format!("{}…", cut.trim_end());
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_faces_cover_latin_extended_greek_and_cyrillic_and_mark_the_rest() {
        let m = Measure::new().unwrap();
        let ranges = [
            ("Latin-1", 0x00C0..=0x00FF),
            ("Latin Extended-A", 0x0100..=0x017F),
            ("Greek", 0x0391..=0x03A1),
            ("Greek lower", 0x03B1..=0x03C9),
            ("Cyrillic", 0x0410..=0x044F),
        ];
        for (name, range) in ranges {
            let missing: Vec<char> = range
                .filter_map(char::from_u32)
                .filter(|c| !m.covers(*c))
                .collect();
            assert!(missing.is_empty(), "{name}: {missing:?}");
        }
        assert!(m.covers(MISSING_MARK), "the mark itself prints");
        assert_eq!(m.printable("Ξανθή Παπαδοπούλου"), "Ξανθή Παπαδοπούλου");
        assert_eq!(m.printable("Ёлка Щукина-Łódź"), "Ёлка Щукина-Łódź");
        assert_eq!(m.printable("王 芳 (Wang)"), "\u{25A1} \u{25A1} (Wang)");
        // A marked name takes the mark's width, so alignment stays right.
        let w = m.width(Weight::Regular, 10.0, "王");
        assert_eq!(w, m.width(Weight::Regular, 10.0, "\u{25A1}"));
        assert!(w > 0.0);
    }

    #[test]
    fn widths_and_wrapping() {
        let m = Measure::new().unwrap();
        let w = m.width(Weight::Regular, 10.0, "1,540.00");
        assert!(w > 30.0 && w < 45.0, "{w}");
        assert!(m.width(Weight::Bold, 10.0, "Total") > m.width(Weight::Regular, 10.0, "Total"));
        let lines = m.wrap(
            Weight::Regular,
            10.0,
            "Rebuilding the tooth core to hold a crown",
            80.0,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines {
            assert!(m.width(Weight::Regular, 10.0, l) <= 80.0, "{l}");
        }
        let cut = m.wrap_at_most(Weight::Bold, 8.0, "Summit Dental PPO 1500 Plus", 40.0, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'), "{cut:?}");
        assert_eq!(m.wrap(Weight::Regular, 10.0, "", 50.0), vec![String::new()]);
    }
}
