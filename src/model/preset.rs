//! Presets: the visits an office books again and again ("new patient exam,
//! cleaning and x-rays", "buildup and crown"), each a quick-entry text under a
//! short key. Typing the key (and a tooth, where the preset needs one) in the
//! quick-entry field adds every line of the preset at once.

use serde::{Deserialize, Serialize};

/// Where a preset's tooth (or other area) goes in its entry text.
pub const AREA_SLOT: &str = "{tooth}";

/// The presets file (`assets/presets.ron` in a library folder).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetFile {
    /// File format version (1).
    pub format: u32,
    /// The presets, in the order the menu lists them.
    #[serde(default)]
    pub presets: Vec<Preset>,
}

/// One preset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// One word typed to use it ("crownbu"); compared without regard to case.
    pub key: String,
    /// What the menu shows ("Buildup and crown").
    pub name: String,
    /// Quick-entry text of its lines; `{tooth}` stands for the tooth or area
    /// typed after the key ("2950 {tooth}, 2740 {tooth}").
    pub entry: String,
}

impl Preset {
    /// True when the preset's lines need a tooth or area typed after its key.
    pub fn needs_area(&self) -> bool {
        self.entry.contains(AREA_SLOT)
    }

    /// The quick-entry text for this preset with `area` (the words typed after
    /// the key) in place of `{tooth}`.
    pub fn expand(&self, area: &str) -> String {
        self.entry.replace(AREA_SLOT, area)
    }
}

/// The preset whose key is `word`, ignoring case.
pub fn find_preset<'a>(presets: &'a [Preset], word: &str) -> Option<&'a Preset> {
    presets.iter().find(|p| p.key.eq_ignore_ascii_case(word))
}
