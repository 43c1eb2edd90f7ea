//! The laid-out estimate as a display list: pages of positioned text, lines,
//! filled rectangles and the logo, in points with the origin at the top-left of
//! the page. The PDF writer draws it with krilla; a print preview can draw the same
//! list with any painter, so both show the same pages.

use super::fonts::Weight;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Body text.
    pub const TEXT: Rgb = Rgb(0x1d, 0x23, 0x2b);
    /// Secondary text (labels, addresses).
    pub const MUTED: Rgb = Rgb(0x5b, 0x64, 0x70);
    /// Headings and rules.
    pub const ACCENT: Rgb = Rgb(0x1f, 0x4e, 0x79);
    /// Thin separators.
    pub const HAIRLINE: Rgb = Rgb(0xc9, 0xd0, 0xd8);
    /// Table header and summary backgrounds.
    pub const SHADE: Rgb = Rgb(0xe9, 0xef, 0xf5);
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// One line of text; `y` is the baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font size in points.
        size: f32,
        /// Face.
        weight: Weight,
        /// Colour.
        color: Rgb,
        /// The text (one line).
        text: String,
    },
    /// A straight line.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Stroke width in points.
        width: f32,
        /// Colour.
        color: Rgb,
    },
    /// A filled rectangle.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        color: Rgb,
    },
    /// The practice logo, scaled into this box.
    Logo {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
}

/// One page's drawing operations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageOps {
    /// In drawing order.
    pub ops: Vec<Op>,
}

/// The whole document, laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The pages, first to last.
    pub pages: Vec<PageOps>,
}

impl Layout {
    /// All text on page `index`, one op per entry, in drawing order (for tests and
    /// previews).
    pub fn page_text(&self, index: usize) -> Vec<&str> {
        self.pages.get(index).map_or_else(Vec::new, |p| {
            p.ops
                .iter()
                .filter_map(|op| match op {
                    Op::Text { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect()
        })
    }
}
