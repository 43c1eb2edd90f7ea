//! Issue 14: each sample 271 in assets/samples/271/ imported and compared field by
//! field with values read off the file by hand (the segment each comes from is in
//! the comment above it); an estimate under an imported plan checked by hand; and
//! the bad inputs (truncated, wrong separators, a 270, an AAA rejection) refused
//! with their messages.

use std::collections::BTreeMap;

use ferrule::import::{self, CoverageState, Import271, Read271Error};
use ferrule::model::plan::{
    AgeLimit, BenefitYear, DeductiblePeriod, FrequencyScope, FrequencyWindow, Network,
};
use ferrule::model::treatment_plan::Relationship;
use ferrule::model::{CdtCode, CodeSet, ProcedureClass as C};
use ferrule::money::Percent;

use crate::util::{c, d};

fn sample(name: &str) -> String {
    let path = format!(
        "{}/assets/samples/271/{name}.edi",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

fn import(name: &str) -> Import271 {
    import::import_271(&sample(name), "draft", None, d("2026-02-01")).unwrap()
}

fn pct(n: u32) -> Percent {
    Percent::whole(n).unwrap()
}

fn code(text: &str) -> CdtCode {
    CdtCode::parse(text).unwrap()
}

fn coverage_map(pairs: &[(C, u32)]) -> BTreeMap<C, Percent> {
    pairs.iter().map(|(k, v)| (*k, pct(*v))).collect()
}

fn has_review(i: &Import271, words: &str) -> bool {
    i.draft.review.iter().any(|r| r.to_string().contains(words))
}

#[test]
fn ppo_100_80_50_maps_field_by_field() {
    let i = import("ppo-100-80-50");
    let p = &i.draft.plan;
    assert_eq!(i.eligibility.payer, "SUMMIT DENTAL BENEFITS"); // NM1*PR
    assert_eq!(p.name, "SUMMIT PPO 1500"); // EB*1 EB05
    assert_eq!(p.carrier, "SUMMIT DENTAL BENEFITS");
    // EB04 PR = PPO: in network; the schedule is a placeholder, listed for review.
    assert_eq!(
        p.network,
        Network::InNetwork {
            contracted: "draft-fees".into()
        }
    );
    assert!(has_review(&i, "names no fee schedule"));
    assert_eq!(p.benefit_year, BenefitYear::Calendar); // DTP*346 2026-01-01
    assert_eq!(p.deductible.individual, c("50.00")); // EB*C*IND*35***23*50
    assert_eq!(p.deductible.family, None);
    // EB*C*IND*23^41***23*0: no deductible for diagnostic and preventive.
    assert_eq!(
        p.deductible.waived_classes,
        vec![C::Diagnostic, C::Preventive]
    );
    assert_eq!(p.maximum.annual, Some(c("1500.00"))); // EB*F*IND*35***23*1500
    // EB08 is the patient's share: 0 -> 100%, .2 -> 80%, .5 -> 50%.
    assert_eq!(
        p.coverage,
        coverage_map(&[
            (C::Diagnostic, 100),
            (C::Preventive, 100),
            (C::BasicRestorative, 80),
            (C::Periodontics, 80),
            (C::Endodontics, 80),
            (C::OralSurgery, 80),
            (C::Adjunctive, 80),
            (C::MajorRestorative, 50),
            (C::Prosthodontics, 50),
        ])
    );
    // HSD*VS*2***22 after D1110; HSD*VS*1***22 after D0274; HSD*VS*1***21*5 after D2740.
    let limits: Vec<_> = p
        .frequency_limits
        .iter()
        .map(|l| (l.codes.clone(), l.count, l.window, l.scope))
        .collect();
    assert_eq!(
        limits,
        vec![
            (
                CodeSet::of(&[code("D1110")]),
                2,
                FrequencyWindow::BenefitYear,
                FrequencyScope::Patient
            ),
            (
                CodeSet::of(&[code("D0274")]),
                1,
                FrequencyWindow::BenefitYear,
                FrequencyScope::Patient
            ),
            (
                CodeSet::of(&[code("D2740")]),
                1,
                FrequencyWindow::Years(5),
                FrequencyScope::Patient
            ),
        ]
    );
    // Both MSG lines are listed with their segment.
    assert!(has_review(&i, "segment 19 MSG: MSG*DEDUCTIBLE WAIVED"));
    assert!(has_review(
        &i,
        "segment 32 MSG: MSG*1 PER TOOTH PER 5 YEARS"
    ));
}

#[test]
fn ppo_100_80_50_member_coverage_maps_field_by_field() {
    let i = import("ppo-100-80-50");
    let m = &i.members[0];
    assert_eq!(i.members.len(), 1);
    assert_eq!(m.state, CoverageState::Active);
    let cov = &m.coverage;
    assert_eq!(cov.member_id.as_deref(), Some("SDB100200300")); // NM1*IL NM109
    assert_eq!(cov.group.as_deref(), Some("G4410")); // REF*6P
    assert_eq!(cov.subscriber.as_deref(), Some("JANE DOE"));
    assert_eq!(cov.subscriber_birth_date, Some(d("1985-04-12"))); // DMG
    assert_eq!(cov.relationship, Relationship::Subscriber);
    assert_eq!(cov.effective, Some(d("2026-01-01"))); // DTP*346, no 356: listed
    assert!(
        m.review
            .iter()
            .any(|r| r.message.contains("plan begin date"))
    );
    assert_eq!(cov.terminates, None);
    // Maximum 1,500.00 - remaining 1,275.40 = 224.60 used; deductible 50 - 50 = 0.
    assert_eq!(cov.benefits_used, c("224.60"));
    assert_eq!(cov.deductible_met, c("0.00"));
    // DTP*304 after the D1110 fact: last cleaning 2025-08-12.
    assert_eq!(cov.history.len(), 1);
    assert_eq!(
        (cov.history[0].code, cov.history[0].date),
        (code("D1110"), d("2025-08-12"))
    );
    let v = cov.verified.as_ref().unwrap();
    assert_eq!((v.on, v.source.as_str()), (d("2026-01-15"), "271 response")); // BHT04
}

#[test]
fn family_deductible_and_remaining_amounts_with_other_separators() {
    // Written with '|' elements, '!' repeats, '>' components and CR LF line ends.
    let i = import("family-deductible");
    let p = &i.draft.plan;
    assert_eq!(p.benefit_year, BenefitYear::PlanYear { start_month: 7 }); // DTP*346 2025-07-01
    assert_eq!(p.deductible.individual, c("75.00"));
    assert_eq!(p.deductible.family, Some(c("225.00")));
    assert_eq!(p.maximum.annual, Some(c("2000.00")));
    assert_eq!(p.maximum.family_annual, Some(c("6000.00")));
    assert_eq!(p.coverage.get(&C::BasicRestorative), Some(&pct(80)));
    // No $0 deductible per class in this file: the defaults are kept, and said so.
    assert!(has_review(
        &i,
        "does not say which classes skip the deductible"
    ));

    assert_eq!(i.members.len(), 2);
    let carlos = &i.members[0].coverage;
    // 2,000 - 1,650 = 350; 75 - 25 = 50; family 225 - 100 = 125; 6,000 - 4,800 = 1,200.
    assert_eq!(carlos.benefits_used, c("350.00"));
    assert_eq!(carlos.deductible_met, c("50.00"));
    assert_eq!(carlos.family_deductible_met, c("125.00"));
    assert_eq!(carlos.family_benefits_used, c("1200.00"));
    assert_eq!(carlos.relationship, Relationship::Subscriber);
    let ana = &i.members[1];
    assert_eq!(ana.name, "ANA RIVERA");
    assert_eq!(ana.coverage.relationship, Relationship::Spouse); // INS*N*01
    assert_eq!(ana.coverage.member_id.as_deref(), Some("HMD55501")); // the subscriber's
    assert_eq!(ana.coverage.subscriber.as_deref(), Some("CARLOS RIVERA"));
    assert_eq!(ana.coverage.subscriber_birth_date, Some(d("1979-03-02")));
    // Her own loops: 75 - 75 and 2,000 - 2,000: nothing used yet.
    assert_eq!(ana.coverage.deductible_met, c("0.00"));
    assert_eq!(ana.coverage.benefits_used, c("0.00"));
    assert_eq!(ana.coverage.effective, Some(d("2025-07-01"))); // the subscriber's DTP*346
}

#[test]
fn dependent_child_with_age_limits_and_ortho_lifetime_maximum() {
    let i = import("dependent-child");
    // The plan is drafted from Emma: the subscriber's loop has no benefit facts.
    assert_eq!(i.plan_member, 1);
    let p = &i.draft.plan;
    assert_eq!(p.deductible.individual, c("25.00"));
    assert_eq!(p.maximum.annual, Some(c("1000.00")));
    assert_eq!(p.coverage.get(&C::Orthodontics), Some(&pct(50))); // EB*A*IND*38*****.5
    let ortho = &p.maximum.class_maximums[0];
    assert_eq!((ortho.id.as_str(), ortho.amount), ("ortho", c("1500.00"))); // EB06 32
    assert_eq!(ortho.period, DeductiblePeriod::Lifetime);
    // EB09 S7 (age high value) 18 for D1208 and 15 for D1351.
    assert_eq!(
        p.age_limits,
        vec![
            AgeLimit {
                codes: CodeSet::of(&[code("D1208")]),
                classes: vec![],
                through_age: Some(18),
                from_age: None
            },
            AgeLimit {
                codes: CodeSet::of(&[code("D1351")]),
                classes: vec![],
                through_age: Some(15),
                from_age: None
            },
        ]
    );
    assert!(has_review(
        &i,
        "age high value read as covered through age 18"
    ));
    // HSD*VS*1***21*3 after D1351: one sealant per 3 years.
    assert_eq!(p.frequency_limits[0].window, FrequencyWindow::Years(3));

    let john = &i.members[0];
    assert_eq!(john.state, CoverageState::NotStated);
    let emma = &i.members[1];
    assert_eq!(emma.state, CoverageState::Active);
    let cov = &emma.coverage;
    assert_eq!(cov.relationship, Relationship::Child); // INS*N*19
    assert_eq!(cov.member_id.as_deref(), Some("KD7788990"));
    assert_eq!(cov.effective, Some(d("2024-03-01"))); // DTP*356
    // 1,000 - 820 = 180 used; deductible 25 - 0 = 25 met; ortho 1,500 - 1,200 = 300.
    assert_eq!(cov.benefits_used, c("180.00"));
    assert_eq!(cov.deductible_met, c("25.00"));
    assert_eq!(cov.class_maximum_used.get("ortho"), Some(&c("300.00")));
}

#[test]
fn dhmo_copays_are_listed_not_guessed() {
    let i = import("dhmo");
    let p = &i.draft.plan;
    // EB*1*IND*35*HM: dental HMO.
    assert_eq!(
        p.network,
        Network::Dhmo {
            copays: "draft-copays".into()
        }
    );
    assert_eq!(p.maximum.annual, None);
    assert!(p.coverage.is_empty());
    // EB*I*IND*38: orthodontics not covered.
    assert_eq!(p.exclusions.len(), 1);
    assert_eq!(p.exclusions[0].classes, vec![C::Orthodontics]);
    assert!(has_review(
        &i,
        "copay: enter it in the plan's copay fee schedule [segment 18 EB: EB*B*IND*36***27*295"
    ));
    assert!(has_review(&i, "benefit code L"));
    assert!(has_review(&i, "segment 16 NM1"));
    assert!(has_review(&i, "no coverage percentage"));
}

#[test]
fn inactive_coverage_is_flagged_with_its_end_date() {
    let i = import("inactive");
    let m = &i.members[0];
    assert_eq!(m.state, CoverageState::Inactive); // EB*6*IND*35
    assert_eq!(m.coverage.effective, Some(d("2022-01-01"))); // DTP*356
    assert_eq!(m.coverage.terminates, Some(d("2025-12-31"))); // DTP*357
    assert!(has_review(&i, "NOT active"));
    assert!(has_review(&i, "MSG*COVERAGE TERMINATED"));
}

#[test]
fn common_dental_service_types_map_to_classes_or_review() {
    let i = import("service-types");
    let p = &i.draft.plan;
    // EB*A*IND*25*****.3 (no network) then .2 with EB12 Y: in network wins (80%);
    // .4 with EB12 N is listed, not applied.
    assert_eq!(
        p.coverage,
        coverage_map(&[
            (C::Diagnostic, 100),
            (C::Preventive, 100),
            (C::BasicRestorative, 80),
            (C::Endodontics, 80),
            (C::Periodontics, 80),
            (C::OralSurgery, 80),
            (C::Adjunctive, 80),
            (C::MajorRestorative, 50),
            (C::Prosthodontics, 50),
        ])
    );
    assert!(has_review(
        &i,
        "out-of-network visits only: not applied to this draft [segment 21"
    ));
    assert!(has_review(
        &i,
        "service type 27 (maxillofacial prosthetics)"
    ));
    assert!(has_review(&i, "service type 37 (dental accident)"));
    assert_eq!(p.exclusions[0].classes, vec![C::Orthodontics]); // EB*I*IND*38
    // Totals only, no remaining amounts: used is unknown, listed, left at 0.
    let m = &i.members[0];
    assert_eq!(m.coverage.benefits_used, c("0.00"));
    assert!(m.review.iter().any(|r| r.message.contains("not both")));
}

fn bad(text: &str) -> String {
    import::import_271(text, "x", None, d("2026-02-01"))
        .unwrap_err()
        .to_string()
}

#[test]
fn a_truncated_interchange_is_refused() {
    let full = sample("ppo-100-80-50");
    let cut = &full[..full.find("EB*A*IND*36").unwrap()];
    let message = bad(cut);
    assert!(
        message.starts_with("the interchange is truncated"),
        "{message}"
    );
}

#[test]
fn separators_the_file_does_not_use_are_refused() {
    // The ISA declares '|' but the rest of the file uses '*'.
    let full = sample("ppo-100-80-50");
    let (isa, rest) = full.split_at(full.find('\n').unwrap());
    let message = bad(&format!("{}{rest}", isa.replace('*', "|")));
    assert!(
        message.starts_with("wrong separators: the segment after ISA should be GS split by '|'"),
        "{message}"
    );
}

#[test]
fn a_270_request_is_refused_by_name() {
    let text = sample("ppo-100-80-50")
        .replace("ST*271", "ST*270")
        .replace("GS*HB", "GS*HS");
    let message = bad(&text);
    assert_eq!(
        message,
        "this is a 270 eligibility request (the question), not a 271 response (the answer): import the file the carrier sent back"
    );
}

#[test]
fn an_aaa_rejection_shows_the_carriers_reason() {
    // The inactive sample with its benefit facts cut and the DMG turned into a
    // rejection: AAA01 N (not valid), AAA03 72 (member id), AAA04 C (correct, resend).
    let text: Vec<String> = sample("inactive")
        .lines()
        .filter(|l| !["DTP*", "EB*", "MSG*"].iter().any(|p| l.starts_with(p)))
        .map(|l| {
            if l.starts_with("DMG*") {
                "AAA*N**72*C~".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    let text = text.join("\n");
    let text = fix_counts(&text);
    let err = import::import_271(&text, "x", None, d("2026-02-01")).unwrap_err();
    assert!(matches!(err, Read271Error::Rejected { .. }));
    assert_eq!(
        err.to_string(),
        "the carrier rejected the eligibility request: the member id is invalid or missing (reason code 72); correct the request and send it again (segment 12 AAA: AAA*N**72*C)"
    );
}

/// Rewrites SE01 to the transaction's real segment count after an edit.
fn fix_counts(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let st = lines.iter().position(|l| l.starts_with("ST*")).unwrap();
    let se = lines.iter().position(|l| l.starts_with("SE*")).unwrap();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[se] = format!("SE*{}*0001~", se - st + 1);
    out.join("\n") + "\n"
}

#[test]
fn an_estimate_under_the_imported_ppo_matches_the_hand_computed_one() {
    use ferrule::engine::{self, EstimateInput};
    use ferrule::library;
    let i = import("ppo-100-80-50");
    let mut lib = library::sample();
    let mut plan = i.draft.plan.clone();
    // The 271 names no fee schedule: staff point the draft at Summit's contracted fees.
    plan.network = Network::InNetwork {
        contracted: "summit-ppo-2026".into(),
    };
    lib.plans.insert(plan.id.clone(), plan);
    let text = r#"TreatmentPlan(
    format: 1,
    patient: (name: "Jane Doe", birth_date: "1985-04-12"),
    options: [(name: "Filling and cleaning", visits: [
        (id: 1, name: "Visit", date: "2026-03-02", lines: [
            (code: "D2330", tooth: "8", surfaces: "M"),
            (code: "D1110"),
        ]),
    ])],
)"#;
    let mut doc = library::parse_treatment_plan(std::path::Path::new("t.ron"), text).unwrap();
    doc.coverage.push(i.members[0].coverage.clone());
    let input = EstimateInput::from_document(&lib, &doc, None, d("2026-02-01")).unwrap();
    let e = engine::estimate(&input);
    // D2330 #8: office fee 190, Summit allows 125 (write-off 65); the imported $50
    // deductible is unmet (50 - 50 remaining = 0 met): 80% x (125 - 50) = 60.00;
    // patient 125 - 60 = 65.00.
    crate::util::assert_row(
        &e,
        1,
        crate::util::row("190.00", "125.00", "65.00", "50.00", &["60.00"], "65.00"),
    );
    // D1110: fee 140, allowed 101 (write-off 39); preventive skips the deductible
    // and pays 100%; the 2025-08-12 cleaning from DTP*304 is last benefit year.
    crate::util::assert_row(
        &e,
        2,
        crate::util::row("140.00", "101.00", "39.00", "0.00", &["101.00"], "0.00"),
    );
}

#[test]
fn updating_a_library_plan_lists_the_changes_field_by_field() {
    let lib = ferrule::library::sample();
    let base = lib.plans.get("summit-ppo-1500").unwrap();
    let i = import::import_271(
        &sample("ppo-100-80-50"),
        "summit-ppo-1500",
        Some(base),
        d("2026-02-01"),
    )
    .unwrap();
    // The base keeps its id, network and every rule the 271 does not state.
    assert_eq!(i.draft.plan.id, "summit-ppo-1500");
    assert_eq!(i.draft.plan.network, base.network);
    assert_eq!(i.draft.plan.bundling, base.bundling);
    let changes = ferrule::report::plan_diff::plan_changes(base, &i.draft.plan);
    let find = |field: &str| {
        changes
            .iter()
            .find(|c| c.field == field)
            .map(|c| (c.old.as_str(), c.new.as_str()))
    };
    // The library's name stays; its percentages, deductible ($50, waived for
    // diagnostic and preventive) and $1,500 maximum are what the 271 says: unchanged.
    // Implants (50%) and the $150 family deductible are not in the 271: kept.
    assert_eq!(find("name"), None);
    assert_eq!(find("coverage.Implants"), None);
    assert_eq!(find("deductible.family"), None);
    // The 271's code-level limits are new next to the library's code groups
    // (D1110 with D1120 and D4910; D0270-D0274; D2510-D2799).
    let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "frequency_limits[\"D0274\"]",
            "frequency_limits[\"D1110\"]",
            "frequency_limits[\"D2740\"]"
        ]
    );
    assert_eq!(
        find("frequency_limits[\"D2740\"]"),
        Some(("-", "1 every 5 years"))
    );
}

#[test]
fn every_cut_or_damaged_sample_is_refused_or_read_never_a_panic() {
    for name in [
        "ppo-100-80-50",
        "family-deductible",
        "dependent-child",
        "dhmo",
        "inactive",
        "service-types",
    ] {
        let text = sample(name);
        let cuts = text.char_indices().map(|(i, _)| i);
        for at in cuts {
            // Cut anywhere: only whitespace may be left off a file that still reads.
            if let Ok(i) = import::import_271(&text[..at], "x", None, d("2026-02-01")) {
                assert!(
                    text[at..].trim().is_empty(),
                    "{name} cut at {at} read as {i:?}"
                );
            }
            // One character replaced by each separator in turn: no panic.
            for c in ['*', '~', ':', '^', '\n'] {
                let mut damaged = text.clone();
                damaged.replace_range(
                    at..at + text[at..].chars().next().map_or(0, char::len_utf8),
                    &c.to_string(),
                );
                let _ = import::import_271(&damaged, "x", None, d("2026-02-01"));
            }
        }
    }
}
