//! Families of CDT codes that the seed rules name together: crowns, onlays, bridge
//! retainers, buildups, posts and cores, root canals, apexification. The one list
//! both the engine's rules (BU12) and the coding checks (BU1-BU4, AP1, AP3) read,
//! so a crown cannot count as a crown in one place and not in the other.
//!
//! Ranges follow the CDT subcategories (dental-benefits.md §3.3); a range may
//! enclose numbers the CDT does not use, which never appear on a line.

use super::code::{CdtCode, CodeSet};

/// A family of CDT codes with one clinical meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CodeFamily {
    /// Inlays D2510-D2530, D2610-D2630, D2650-D2652: metal, ceramic and resin.
    /// Intracoronal, so a buildup is never placed to retain one (BU3).
    Inlays,
    /// Onlays D2542-D2544, D2642-D2644, D2662-D2664: partial-coverage indirect
    /// restorations a buildup may retain (BU3: "or onlay").
    Onlays,
    /// Single crowns D2710-D2794: resin, ceramic, porcelain-fused-to-metal, full cast
    /// and titanium (CR1-CR4). D2799 (interim crown) is not here: it is not the
    /// restoration a buildup is claimed with, and it usually has no frequency limit.
    Crowns,
    /// Fixed partial denture retainers D6545-D6794: the CDT subcategory of bridge
    /// abutment inlays, onlays and crowns (BU3: "or bridge retainer").
    BridgeRetainers,
    /// D2949, restorative foundation for an indirect restoration: excludes D2950 on
    /// the same tooth and day (BU6) and goes with the crown (BU12).
    RestorativeFoundation,
    /// D2950, core buildup including any pins (BU2, BU3, BU11, BU14).
    CoreBuildup,
    /// D2952 (cast, made in a lab) and D2954 (prefabricated): the post and core
    /// alternatives (BU1, BU2, BU4, BU15).
    PostsAndCores,
    /// D2953 and D2957: each additional post on the same tooth, with D2952 and D2954
    /// respectively (BU13).
    AdditionalPosts,
    /// Completed root canal therapy: D3310 (front tooth), D3320 (premolar), D3330
    /// (molar), retreatment D3346-D3348, and the final apexification visit D3353,
    /// which completes the root canal (BU4). Not D3331-D3333 (obstruction,
    /// incomplete treatment, perforation repair): none of them is a finished canal.
    RootCanals,
    /// Apexification D3351 (first visit), D3352 (interim) and D3353 (final) (AP1, AP3).
    Apexification,
}

/// What a core buildup or post and core is placed to retain (BU3), and whose
/// failed frequency limit takes the buildup down with it (BU12).
pub const RETAINED_BY_BUILDUP: [CodeFamily; 3] = [
    CodeFamily::Onlays,
    CodeFamily::Crowns,
    CodeFamily::BridgeRetainers,
];

/// The codes BU3 expects a retained restoration for: D2950, D2952 and D2954.
pub const BUILDUPS_NEEDING_A_CROWN: [CodeFamily; 2] =
    [CodeFamily::CoreBuildup, CodeFamily::PostsAndCores];

/// Everything built under a crown on the same tooth, denied with it when the crown
/// fails its frequency limit (BU12): foundation, buildup, posts and cores and their
/// additional posts.
pub const BUILT_UNDER_A_CROWN: [CodeFamily; 4] = [
    CodeFamily::RestorativeFoundation,
    CodeFamily::CoreBuildup,
    CodeFamily::PostsAndCores,
    CodeFamily::AdditionalPosts,
];

impl CodeFamily {
    /// Every family.
    pub const ALL: [CodeFamily; 10] = [
        CodeFamily::Inlays,
        CodeFamily::Onlays,
        CodeFamily::Crowns,
        CodeFamily::BridgeRetainers,
        CodeFamily::RestorativeFoundation,
        CodeFamily::CoreBuildup,
        CodeFamily::PostsAndCores,
        CodeFamily::AdditionalPosts,
        CodeFamily::RootCanals,
        CodeFamily::Apexification,
    ];

    /// The family's codes as inclusive ranges of code numbers.
    fn ranges(self) -> &'static [(u16, u16)] {
        match self {
            CodeFamily::Inlays => &[(2510, 2530), (2610, 2630), (2650, 2652)],
            CodeFamily::Onlays => &[(2542, 2544), (2642, 2644), (2662, 2664)],
            CodeFamily::Crowns => &[(2710, 2794)],
            CodeFamily::BridgeRetainers => &[(6545, 6794)],
            CodeFamily::RestorativeFoundation => &[(2949, 2949)],
            CodeFamily::CoreBuildup => &[(2950, 2950)],
            CodeFamily::PostsAndCores => &[(2952, 2952), (2954, 2954)],
            CodeFamily::AdditionalPosts => &[(2953, 2953), (2957, 2957)],
            CodeFamily::RootCanals => &[
                (3310, 3310),
                (3320, 3320),
                (3330, 3330),
                (3346, 3348),
                (3353, 3353),
            ],
            CodeFamily::Apexification => &[(3351, 3353)],
        }
    }

    /// The family's codes.
    pub fn codes(self) -> CodeSet {
        CodeFamily::union(&[self])
    }

    /// True when `code` belongs to the family.
    pub fn contains(self, code: CdtCode) -> bool {
        let n = code.number();
        self.ranges().iter().any(|&(lo, hi)| lo <= n && n <= hi)
    }

    /// The codes of all `families` together.
    pub fn union(families: &[CodeFamily]) -> CodeSet {
        families
            .iter()
            .flat_map(|f| f.ranges())
            .fold(CodeSet::of(&[]), |set, &(lo, hi)| set.with_range(lo, hi))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> CdtCode {
        CdtCode::parse(text).unwrap()
    }

    fn members(families: &[CodeFamily], codes: &[&str]) -> Vec<bool> {
        let set = CodeFamily::union(families);
        codes.iter().map(|c| set.contains(code(c))).collect()
    }

    #[test]
    fn codes_and_contains_agree_on_every_family() {
        for family in CodeFamily::ALL {
            let set = family.codes();
            for n in 0..=9999 {
                let c = CdtCode::from_number(n).unwrap();
                assert_eq!(set.contains(c), family.contains(c), "{family:?} {c}");
            }
        }
    }

    #[test]
    fn bu3_cr_crowns_start_at_d2710_and_stop_before_the_interim_crown() {
        let crowns = [CodeFamily::Crowns];
        assert_eq!(
            members(
                &crowns,
                &["D2699", "D2710", "D2740", "D2790", "D2794", "D2799"]
            ),
            [false, true, true, true, true, false]
        );
    }

    #[test]
    fn bu3_a_buildup_retains_onlays_crowns_and_bridge_retainers_but_not_inlays() {
        assert_eq!(
            members(
                &RETAINED_BY_BUILDUP,
                &[
                    "D2510", "D2530", "D2542", "D2544", "D2610", "D2644", "D2652", "D2664"
                ]
            ),
            [false, false, true, true, false, true, false, true]
        );
        assert_eq!(
            members(
                &RETAINED_BY_BUILDUP,
                &[
                    "D6058", "D6544", "D6545", "D6740", "D6794", "D6795", "D2930", "D2920"
                ]
            ),
            [false, false, true, true, true, false, false, false]
        );
    }

    #[test]
    fn bu3_needs_a_crown_for_d2950_d2952_d2954_only() {
        assert_eq!(
            members(
                &BUILDUPS_NEEDING_A_CROWN,
                &[
                    "D2949", "D2950", "D2951", "D2952", "D2953", "D2954", "D2955", "D2957"
                ]
            ),
            [false, true, false, true, false, true, false, false]
        );
    }

    #[test]
    fn bu12_denies_foundation_buildup_posts_and_additional_posts_with_the_crown() {
        assert_eq!(
            members(
                &BUILT_UNDER_A_CROWN,
                &[
                    "D2948", "D2949", "D2950", "D2951", "D2952", "D2953", "D2954"
                ]
            ),
            [false, true, true, false, true, true, true]
        );
        assert_eq!(
            members(&BUILT_UNDER_A_CROWN, &["D2955", "D2956", "D2957", "D2958"]),
            [false, false, true, false]
        );
    }

    #[test]
    fn bu1_bu4_posts_and_cores_are_d2952_and_d2954() {
        let posts = CodeFamily::PostsAndCores;
        assert!(posts.contains(code("D2952")) && posts.contains(code("D2954")));
        assert!(!posts.contains(code("D2953")) && !posts.contains(code("D2950")));
    }

    #[test]
    fn bu4_root_canals_include_retreatment_and_the_final_apexification_visit() {
        assert_eq!(
            members(
                &[CodeFamily::RootCanals],
                &[
                    "D3230", "D3310", "D3320", "D3330", "D3331", "D3333", "D3346", "D3348"
                ]
            ),
            [false, true, true, true, false, false, true, true]
        );
        assert_eq!(
            members(
                &[CodeFamily::RootCanals],
                &["D3349", "D3351", "D3352", "D3353"]
            ),
            [false, false, false, true]
        );
    }

    #[test]
    fn ap1_ap3_apexification_is_d3351_to_d3353() {
        assert_eq!(
            members(
                &[CodeFamily::Apexification],
                &["D3350", "D3351", "D3352", "D3353", "D3354"]
            ),
            [false, true, true, true, false]
        );
    }
}
