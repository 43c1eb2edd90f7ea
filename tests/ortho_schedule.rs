//! Issue 16 item 8: the orthodontic payment schedule (dental-benefits.md §2.4,
//! Appendix D O1), from an ortho line's estimate and its case terms.

use ferrule::engine::LineEstimate;
use ferrule::engine::ortho::{Installments, schedule};
use ferrule::model::ortho::OrthoCase;
use ferrule::money::{Cents, Rounding};

use crate::util::{Case, c, line};

/// O1's plan: orthodontics 50% to a 1,500.00 lifetime maximum, no deductible on
/// ortho, outside the annual maximum. Case fee 5,400.00 (office = contracted).
fn o1(payers: &str, ortho: &str) -> LineEstimate {
    let case = Case::new()
        .office(&[("D8080", "5400.00")])
        .contracted("ppo-fees", &[("D8080", "5400.00")])
        .plan(
            "ppo",
            r#"network: InNetwork(contracted: "ppo-fees"),
    deductible: (individual: "50.00", waived_classes: [Orthodontics]),
    maximum: (annual: "1000.00", exempt_classes: [Orthodontics], class_maximums: [
        (id: "ortho", name: "Orthodontic lifetime maximum", classes: [Orthodontics], amount: "1500.00", period: Lifetime),
    ]),
    coverage: { Orthodontics: 50 },"#,
        )
        .treatment(&format!(
            r#"
    patient: (name: "Olive Ortho", birth_date: "2013-01-01"),
    coverage: [{payers}],
    options: [(name: "Braces", visits: [(id: 1, name: "Banding", date: "2026-06-01", lines: [
        (code: "D8080", ortho: {ortho}),
    ])])],"#
        ));
    line(&case.estimate(None, "2026-03-01"), 1).clone()
}

fn months(runs: &[(u32, u32, &str)]) -> Vec<Cents> {
    runs.iter()
        .flat_map(|&(from, to, amount)| (from..=to).map(move |_| c(amount)))
        .collect()
}

/// O1: initial portion 25% of 5,400 = 1,350 -> plan 50% = 675.00 at banding. The
/// rest, 4,050 / 18 = 225 a month -> plan 112.50 a month. The lifetime maximum
/// leaves 1,500 - 675 = 825: months 1-7 pay 112.50 (787.50), month 8 pays
/// 825 - 787.50 = 37.50, months 9-18 nothing. Plan total 1,500.00.
/// Patient 5,400 - 1,500 = 3,900: down payment 1,350 - 675 = 675.00; the rest
/// 3,225 / 18 = 179.1666... -> 179.17 a month for months 1-17 (3,045.89), month
/// 18 takes 3,225 - 3,045.89 = 179.11. Patient total 3,900.00.
#[test]
fn o1_carrier_and_patient_schedules() {
    let l = o1(r#"(plan: "ppo", effective: "2020-01-01")"#, "(months: 18)");
    assert_eq!((l.payers[0].pays, l.patient), (c("1500.00"), c("3900.00")));
    let s = schedule(&l, &OrthoCase::new(18), Rounding::HalfUp);
    assert_eq!(s.initial_portion, c("1350.00"));
    let plan = &s.payers[0].1;
    assert_eq!(
        plan,
        &Installments {
            at_start: c("675.00"),
            monthly: months(&[(1, 7, "112.50"), (8, 8, "37.50"), (9, 18, "0.00")]),
        }
    );
    assert_eq!(plan.total(), c("1500.00"));
    assert_eq!(
        plan.runs(),
        vec![(1, 7, c("112.50")), (8, 8, c("37.50")), (9, 18, c("0.00"))]
    );
    assert_eq!(
        s.patient,
        Installments {
            at_start: c("675.00"),
            monthly: months(&[(1, 17, "179.17"), (18, 18, "179.11")]),
        }
    );
    assert_eq!(s.patient.total(), c("3900.00"));
}

/// A down payment entered as 1,000.00: the rest 3,900 - 1,000 = 2,900 over 18 is
/// 161.111... -> 161.11 for months 1-17 (2,738.87), month 18 takes 161.13.
#[test]
fn an_entered_down_payment_spreads_the_rest() {
    let l = o1(
        r#"(plan: "ppo", effective: "2020-01-01")"#,
        r#"(months: 18, down_payment: "1000.00")"#,
    );
    let case = OrthoCase {
        down_payment: Some(c("1000.00")),
        ..OrthoCase::new(18)
    };
    let s = schedule(&l, &case, Rounding::HalfUp);
    assert_eq!(
        s.patient,
        Installments {
            at_start: c("1000.00"),
            monthly: months(&[(1, 17, "161.11"), (18, 18, "161.13")]),
        }
    );
}

/// Near miss without the maximum reached: 6 months, initial portion a third
/// (33.33%): 5,400 x 33.33% = 1,799.82 -> plan 50% = 899.91; the rest 3,600.18 x
/// 50% / 6 = 300.015 -> 300.02 (half up) a month; plan total 5,400 x 50% = 2,700
/// capped at 1,500: 1,500 - 899.91 = 600.09 left: months 1 pays 300.02, month 2
/// 300.02, month 3 takes the 0.05 left, months 4-6 nothing.
#[test]
fn a_third_up_front_over_six_months() {
    let l = o1(r#"(plan: "ppo", effective: "2020-01-01")"#, "(months: 6)");
    let case = OrthoCase {
        initial_portion: ferrule::money::Percent::parse("33.33").unwrap(),
        ..OrthoCase::new(6)
    };
    let s = schedule(&l, &case, Rounding::HalfUp);
    assert_eq!(s.initial_portion, c("1799.82"));
    let plan = &s.payers[0].1;
    assert_eq!(plan.at_start, c("899.91"));
    assert_eq!(
        plan.monthly,
        months(&[(1, 2, "300.02"), (3, 3, "0.05"), (4, 6, "0.00")])
    );
    assert_eq!(plan.total(), c("1500.00"));
}

/// Without insurance the patient pays the initial portion, 1,350.00, at banding
/// and 4,050 / 18 = 225.00 a month.
#[test]
fn without_insurance_the_patient_pays_the_whole_case() {
    let l = o1("", "(months: 18)");
    let s = schedule(&l, &OrthoCase::new(18), Rounding::HalfUp);
    assert!(s.payers.is_empty());
    assert_eq!(
        s.patient,
        Installments {
            at_start: c("1350.00"),
            monthly: months(&[(1, 18, "225.00")]),
        }
    );
}

/// The shipped sample `ortho-case.ron` on the printed estimate (Harbor: D8080
/// office 6,625.00, contracted 5,830.00, 50% to 1,500.00 for life; 24 months):
/// case fee 5,830 (the allowed fee: the 795.00 write-off is nobody's to pay);
/// 25% = 1,457.50 -> plan 728.75 at banding; 4,372.50 x 50% / 24 = 91.09375 ->
/// 91.09 for months 1-8 (728.72), month 9 takes 771.25 - 728.72 = 42.53. Patient
/// 5,830 - 1,500 = 4,330: 728.75 down; 3,601.25 / 24 = 150.052 -> 150.05 for
/// months 1-23 (3,451.15), month 24 takes 150.10. In Spanish too.
#[test]
fn the_ortho_sample_prints_its_schedule() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = ferrule::library::load_dir(root);
    let doc =
        ferrule::library::load_treatment_plan(&root.join("assets/samples/ortho-case.ron")).unwrap();
    let as_of = crate::util::d("2026-11-23");
    assert!(ferrule::engine::check::check_document(&doc, &lib, as_of).is_empty());
    let input = ferrule::engine::EstimateInput::from_document(&lib, &doc, None, as_of).unwrap();
    let e = ferrule::engine::estimate(&input);
    let practice = ferrule::model::PracticeSettings::default();
    let option = &doc.options[0];
    let printed = ferrule::report::PrintedEstimate::new(&practice, &doc, &lib, option, &e, as_of);
    assert_eq!(printed.ortho.len(), 1);
    let view = &printed.ortho[0];
    assert!(
        view.title.contains("case fee $5,830.00 over 24 months"),
        "{}",
        view.title
    );
    let texts: Vec<(&str, &str)> = view
        .parties
        .iter()
        .map(|p| (p.who.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        vec![
            (
                "Harbor Family PPO (July plan year)",
                "$728.75 at banding; $91.09 a month in months 1-8, $42.53 in month 9; nothing after month 9. Total $1,500.00."
            ),
            (
                "You",
                "$728.75 at banding; $150.05 a month in months 1-23, $150.10 in month 24. Total $4,330.00."
            ),
        ]
    );
    let spanish = ferrule::report::PrintedEstimate::new_in(
        &practice,
        &doc,
        &lib,
        option,
        &e,
        as_of,
        ferrule::model::Language::Spanish,
    );
    assert!(
        spanish.ortho[0].title.starts_with(
            "D8080 Frenos completos para un adolescente: costo del caso $5,830.00 en 24 meses"
        ),
        "{}",
        spanish.ortho[0].title
    );
    let you = &spanish.ortho[0].parties[1];
    assert_eq!(you.who, "Usted");
    assert!(
        you.text.starts_with("$728.75 al colocar los aparatos"),
        "{}",
        you.text
    );
    // A line without ortho terms has no schedule.
    let mut plain = doc.clone();
    plain.options[0].visits[0].lines[0].ortho = None;
    let input = ferrule::engine::EstimateInput::from_document(&lib, &plain, None, as_of).unwrap();
    let e = ferrule::engine::estimate(&input);
    let printed = ferrule::report::PrintedEstimate::new(
        &practice,
        &plain,
        &lib,
        &plain.options[0],
        &e,
        as_of,
    );
    assert!(printed.ortho.is_empty());
}

/// Item 8 as printed by `ferrule estimate`: the schedule is part of the estimate,
/// so it comes before the closing "not a guarantee" line, which stays last.
#[test]
fn cli_prints_the_schedule_before_the_disclaimer() {
    let (code, out, err) = crate::util::ferrule(&[
        "estimate",
        "assets/samples/ortho-case.ron",
        "--library",
        ".",
        "--as-of",
        "2026-11-23",
    ]);
    assert_eq!(code, 0, "{err}");
    let schedule = out
        .find("Orthodontic payment schedule")
        .expect("schedule printed");
    let disclaimer = out
        .find("This is an estimate, not a guarantee of payment.")
        .expect("disclaimer printed");
    assert!(schedule < disclaimer, "{out}");
    assert!(
        out.trim_end()
            .ends_with("This is an estimate, not a guarantee of payment.")
    );
}
