//! Allocations per estimate, counted by a counting global allocator (its own test
//! binary, so the other tests run on the plain allocator). Issue 18: about 1,900
//! allocations for a 40-line estimate was 35-40% of its time; these bounds keep
//! the count from growing back unseen. They are documented in docs/performance.md
//! with the counts measured when they were set; lower them as the engine improves.

use std::path::Path;

use ferrule::engine::{self, EstimateInput};
use ferrule::library::{self, load_treatment_plan};

/// Allocations made on this thread while `f` runs (the `allocation-counter`
/// crate installs the counting allocator in this test binary only).
fn allocations(f: impl FnOnce()) -> u64 {
    allocation_counter::measure(f).count_total
}

/// (sample, lines, most allocations allowed per estimate): about 14% above the
/// counts measured on 2026-12-05 after issue 18's second engine pass (148, 130
/// and 207; 331, 228 and 506 after the first pass, 360, 246 and 550 before it).
const BOUNDS: [(&str, usize, u64); 3] = [
    ("rules-secondary.ron", 6, 169),
    ("family-checkup.ron", 7, 149),
    ("rules-bundling.ron", 15, 235),
];

#[test]
fn an_estimate_allocates_no_more_than_its_documented_bound() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let library = library::load_dir(root);
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for (sample, lines, bound) in BOUNDS {
        let doc = load_treatment_plan(&root.join("assets/samples").join(sample)).unwrap();
        let input = EstimateInput::from_document(&library, &doc, None, as_of).unwrap();
        let mut estimate = None;
        let count = allocations(|| estimate = Some(engine::estimate(&input)));
        let estimate = estimate.unwrap();
        assert_eq!(estimate.lines.len(), lines, "{sample}");
        println!("{sample}: {count} allocations for {lines} lines");
        assert!(
            count <= bound,
            "{sample}: {count} allocations, bound {bound}"
        );
    }
}
