//! The error catalogue: each file in `tests/library/broken/` is a small, complete
//! file with one kind of mistake, and each test pins the exact problem the loader
//! reports for it (`path:line:column: message`).
//!
//! Plans are loaded next to every shipped fee schedule, so only the planted mistake
//! can go wrong; a file that reuses an id is loaded after the shipped file it
//! copies. Treatment plans go through `parse_treatment_plan`, as when the app opens
//! one, and code catalogues through `parse_catalogue`. The real binary is checked
//! too: `ferrule check` on a folder of every plan and fee-schedule fixture, and
//! `ferrule estimate` on every treatment-plan fixture, print the same problems and
//! exit 2.

use ferrule::library::{self, parse_catalogue, parse_treatment_plan};
use ferrule::model::SourceFile;

use super::{ron_files, shipped_schedules, source};
use crate::util::PrivateHome;

const DIR: &str = "tests/library/broken";

/// What the loader reports for one broken fixture, as `path:line:column: message`
/// lines, and how many plans and fee schedules got in beside it.
struct Loaded {
    problems: Vec<String>,
    plans: usize,
    schedules: usize,
}

/// What a fixture is, by the type its text names (a file naming none is read as
/// a plan, as a file in `plans/` would be).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Plan,
    FeeSchedule,
    TreatmentPlan,
    Catalogue,
}

fn kind(text: &str) -> Kind {
    if text.contains("TreatmentPlan(") {
        Kind::TreatmentPlan
    } else if text.contains("CodeCatalogue(") {
        Kind::Catalogue
    } else if text.contains("FeeSchedule(") {
        Kind::FeeSchedule
    } else {
        Kind::Plan
    }
}

fn load(name: &str) -> Loaded {
    let file = source(&format!("{DIR}/{name}"));
    let document = match kind(&file.text) {
        Kind::TreatmentPlan => Some(parse_treatment_plan(&file.path, &file.text).map(|_| ())),
        Kind::Catalogue => Some(parse_catalogue(&file.path, &file.text).map(|_| ())),
        Kind::Plan | Kind::FeeSchedule => None,
    };
    if let Some(parsed) = document {
        let problems = match parsed {
            Ok(()) => Vec::new(),
            Err(problem) => vec![problem.to_string()],
        };
        return Loaded {
            problems,
            plans: 0,
            schedules: 0,
        };
    }
    // A file reusing an id comes after the shipped file it copies.
    let first = |rel: &str| -> Vec<SourceFile> {
        if name.contains("duplicate") {
            vec![source(rel)]
        } else {
            Vec::new()
        }
    };
    let library = if kind(&file.text) == Kind::FeeSchedule {
        let mut schedules = first("fee-schedules/summit-ppo-2026.ron");
        schedules.push(file);
        library::from_sources(&schedules, &[])
    } else {
        let mut plans = first("plans/summit-ppo-1500.ron");
        plans.push(file);
        library::from_sources(&shipped_schedules(), &plans)
    };
    Loaded {
        problems: library.problems.iter().map(ToString::to_string).collect(),
        plans: library.plans.len(),
        schedules: library.fee_schedules.len(),
    }
}

/// One test per fixture: exactly this one problem, and the broken file did not
/// get into the library (everything else did).
macro_rules! broken {
    ($($test:ident: $file:literal => $expected:literal;)*) => {
        $(
            #[test]
            fn $test() {
                let loaded = load($file);
                assert_eq!(loaded.problems, vec![$expected.to_string()], "{}", $file);
                let document = $file.starts_with("treatment") || $file.starts_with("catalogue");
                let is_plan = !$file.starts_with("schedule") && !document
                    && $file != "syntax-unclosed-paren.ron";
                let duplicate = usize::from($file.contains("duplicate"));
                if document {
                    // Nothing else to check: the file did not open.
                } else if is_plan {
                    assert_eq!(loaded.plans, duplicate, "only the first of a duplicate loads");
                    assert_eq!(loaded.schedules, shipped_schedules().len());
                } else {
                    assert_eq!(loaded.schedules, duplicate, "only the first of a duplicate loads");
                }
            }
        )*

        /// Every pinned problem, as the loader prints it.
        const PINNED: &[&str] = &[$($expected),*];

        /// Each fixture with its pinned problem.
        const FIXTURES: &[(&str, &str)] = &[$(($file, $expected)),*];

        /// Every fixture in the folder has a test above.
        #[test]
        fn every_broken_fixture_is_pinned() {
            let pinned = [$($file),*];
            let unpinned: Vec<String> = ron_files(DIR)
                .into_iter()
                .filter(|rel| !pinned.iter().any(|p| rel.ends_with(&format!("/{p}"))))
                .collect();
            assert!(unpinned.is_empty(), "fixtures without a test: {unpinned:?}");
        }
    };
}

broken! {
    // RON syntax.
    syntax_missing_comma: "syntax-missing-comma.ron" =>
        // Points at the field after the missing comma (where ron noticed).
        "tests/library/broken/syntax-missing-comma.ron:7:5: Expected comma";
    syntax_unclosed_paren_at_end: "syntax-unclosed-paren.ron" =>
        "tests/library/broken/syntax-unclosed-paren.ron:10:7: Unexpected end of RON";
    // Issue 12, loader edges: "errors at the position where the mistake is". ron
    // reports this one at 13:37 ("Expected comma"), where the string it ran on in
    // ends; closing the string on line 7 is what makes the file parse.
    syntax_unclosed_string_at_its_start: "syntax-unclosed-string.ron" =>
        r#"tests/library/broken/syntax-unclosed-string.ron:7:14: unclosed text: expected a closing " on this line; as written, the text runs on to line 13"#;
    syntax_unclosed_string_to_the_end: "syntax-unclosed-string-at-end.ron" =>
        r#"tests/library/broken/syntax-unclosed-string-at-end.ron:12:11: unclosed text: expected a closing " (the text runs on to the end of the file)"#;
    treatment_unclosed_string_at_its_start: "treatment-unclosed-string.ron" =>
        r#"tests/library/broken/treatment-unclosed-string.ron:17:27: unclosed text: expected a closing " on this line; as written, the text runs on to line 18"#;
    syntax_unclosed_paren_inside: "syntax-unclosed-paren-inner.ron" =>
        // Reported: an unclosed `(` reads as the next field being inside it, so the
        // message names the field, not the parenthesis (line 8).
        "tests/library/broken/syntax-unclosed-paren-inner.ron:10:5: unknown field `coverage` in `Deductible`, expected one of `individual`, `family`, `family_model`, `waived_classes`, `period`, `placement`, or `separate` instead";

    // Unknown and missing fields.
    unknown_field_in_plan: "plan-unknown-field.ron" =>
        "tests/library/broken/plan-unknown-field.ron:8:5: unknown field `annual_maximum` in `PlanRules`, expected one of `format`, `id`, `name`, `carrier`, `network`, `benefit_year`, `rounding`, `deductible`, `maximum`, `coverage`, `code_coverage`, `frequency_limits`, `age_limits`, `waiting_periods`, `missing_tooth_clause`, `exclusions`, `preauthorization`, `alternate_benefits`, `bundling`, `cob`, `dhmo_upgrades`, `settings`, `in_force_since`, `notes`, `fixed_benefits`, `copays`, or `group_coverage` instead";
    unknown_field_in_fee_schedule: "schedule-unknown-field.ron" =>
        "tests/library/broken/schedule-unknown-field.ron:7:5: unknown field `effective` in `FeeSchedule`, expected one of `format`, `id`, `name`, `kind`, `fees`, `versions`, or `notes` instead";
    missing_required_field: "plan-missing-field.ron" =>
        // At the closing parenthesis of the plan: ron only knows at the end.
        "tests/library/broken/plan-missing-field.ron:12:1: missing field `carrier` in `PlanRules`";

    // Codes, teeth, surfaces, dates.
    code_with_five_digits: "schedule-bad-code-five-digits.ron" =>
        r#"tests/library/broken/schedule-bad-code-five-digits.ron:9:10: expected a CDT code: D followed by four digits, such as "D2740"; found "D27400""#;
    code_without_d: "plan-bad-code-no-d.ron" =>
        // Column 40 is the `]` after "2740" (col 34): code lists report at their end.
        r#"tests/library/broken/plan-bad-code-no-d.ron:14:40: expected a CDT code: D followed by four digits, such as "D2740"; found "2740""#;
    code_in_a_multiline_list: "plan-bad-code-in-list.ron" =>
        // Reported: the bad code is on line 15; line 17 is the list's closing `]`.
        r#"tests/library/broken/plan-bad-code-in-list.ron:15:16: expected a CDT code: D followed by four digits, such as "D2740"; found "D274""#;
    tooth_33: "treatment-bad-tooth.ron" =>
        r#"tests/library/broken/treatment-bad-tooth.ron:19:53: expected a tooth in Universal numbering (1-32, A-T, 51-82 or AS-TS), found "33""#;
    surface_letter: "treatment-bad-surface.ron" =>
        r#"tests/library/broken/treatment-bad-surface.ron:19:69: expected surfaces from M, O, I, D, B, F, L (such as "MOD"), found "MX""#;
    date_month_13: "treatment-bad-date.ron" =>
        // Reported: chrono's message does not say a "YYYY-MM-DD" date was expected.
        "tests/library/broken/treatment-bad-date.ron:6:22: input is out of range: expected a date written \"YYYY-MM-DD\"";

    // Money and percentages.
    negative_money: "schedule-negative-money.ron" =>
        r#"tests/library/broken/schedule-negative-money.ron:9:19: expected an amount of zero or more, found "-5.00""#;
    money_with_three_decimals: "schedule-three-decimals.ron" =>
        r#"tests/library/broken/schedule-three-decimals.ron:9:19: expected at most two decimals (cents) in "12.345""#;
    money_as_a_bare_number: "schedule-bare-number.ron" =>
        r#"tests/library/broken/schedule-bare-number.ron:9:18: Expected an amount in quotes, such as "125.00" but found the floating point number `1400` instead"#;
    percentage_above_100: "plan-percent-out-of-range.ron" =>
        "tests/library/broken/plan-percent-out-of-range.ron:11:27: expected a percentage from 0 to 100, found 120";

    // Format version.
    plan_format_2: "plan-format-2.ron" =>
        // Reported: line 1 is the file's comment, which contains the word "format";
        // `format: 2` is on line 3.
        "tests/library/broken/plan-format-2.ron:3:5: unsupported format version 2: expected 1, the version this Ferrule reads";
    treatment_plan_format_2: "treatment-format-2.ron" =>
        "tests/library/broken/treatment-format-2.ron:3:5: unsupported format version 2: expected 1, the version this Ferrule reads";

    // Ids and references between files.
    duplicate_plan_id: "plan-duplicate-id.ron" =>
        r#"tests/library/broken/plan-duplicate-id.ron:4:9: duplicate plan id "summit-ppo-1500" (first in plans/summit-ppo-1500.ron): expected every id to be unique"#;
    duplicate_fee_schedule_id: "schedule-duplicate-id.ron" =>
        r#"tests/library/broken/schedule-duplicate-id.ron:4:9: duplicate fee schedule id "summit-ppo-2026" (first in fee-schedules/summit-ppo-2026.ron): expected every id to be unique"#;
    code_listed_twice_in_a_fee_schedule: "schedule-code-twice.ron" =>
        // Line 11 is the second D1110; column 10 is just past the key.
        "tests/library/broken/schedule-code-twice.ron:11:10: D1110 is listed twice: expected each code once";
    class_listed_twice_in_coverage: "plan-class-twice.ron" =>
        "tests/library/broken/plan-class-twice.ron:11:9: Diagnostic is listed twice: expected each class once";
    missing_fee_schedule: "plan-missing-schedule.ron" =>
        r#"tests/library/broken/plan-missing-schedule.ron:7:36: fee schedule "nowhere-ppo-2026" does not exist: expected the id of a file in fee-schedules/"#;
    wrong_kind_of_fee_schedule: "plan-wrong-schedule-kind.ron" =>
        r#"tests/library/broken/plan-wrong-schedule-kind.ron:7:36: fee schedule "lakeview-dhmo-copays-2026" holds member copays, but this plan's network (in-network PPO) expected contracted fees"#;

    // Rules that contradict each other.
    family_deductible_below_individual: "plan-family-deductible-below.ron" =>
        "tests/library/broken/plan-family-deductible-below.ron:10:9: family deductible 40.00 is less than the individual deductible 50.00: expected at least the individual amount";
    alternate_benefit_to_itself: "plan-alternate-to-itself.ron" =>
        r#"tests/library/broken/plan-alternate-to-itself.ron:16:42: alternate benefit "Molar crowns" pays D2740 as itself: expected a different code"#;
    excluded_code_with_its_own_coverage: "plan-excluded-and-covered.ron" =>
        r#"tests/library/broken/plan-excluded-and-covered.ron:13:36: D9972 is covered at 50% here but excluded ("Whitening is cosmetic."): expected one or the other"#;
    age_limit_from_after_through: "plan-age-limit-reversed.ron" =>
        "tests/library/broken/plan-age-limit-reversed.ron:15:28: age limit from age 19 through age 18 covers nobody: expected from_age <= through_age";
    age_limit_from_after_through_second: "plan-age-limit-reversed-second.ron" =>
        // Reported: the bad limit is on line 15; line 14 is the first `from_age`
        // after `age_limits`, which belongs to a good limit.
        "tests/library/broken/plan-age-limit-reversed-second.ron:15:28: age limit from age 19 through age 18 covers nobody: expected from_age <= through_age";
    frequency_count_zero: "plan-frequency-count-zero.ron" =>
        r#"tests/library/broken/plan-frequency-count-zero.ron:15:47: frequency limit "Cleanings" allows 0 services: expected 1 or more (use an exclusion for services the plan never pays)"#;
    // Issue 12, loader edges: "zero-length windows ... refused", every kind of window.
    frequency_window_years_0: "plan-window-years-0.ron" =>
        r#"tests/library/broken/plan-window-years-0.ron:15:65: frequency limit "Bitewings" looks back 0 years: expected a window of 1 year or more"#;
    frequency_window_days_0: "plan-window-days-0.ron" =>
        r#"tests/library/broken/plan-window-days-0.ron:15:65: frequency limit "Bitewings" looks back 0 days: expected a window of 1 day or more"#;
    frequency_window_months_to_the_day_0: "plan-window-months-to-the-day-0.ron" =>
        r#"tests/library/broken/plan-window-months-to-the-day-0.ron:15:65: frequency limit "Bitewings" looks back 0 months: expected a window of 1 month or more"#;
    frequency_window_months_to_the_month_0: "plan-window-months-to-the-month-0.ron" =>
        r#"tests/library/broken/plan-window-months-to-the-month-0.ron:15:65: frequency limit "Bitewings" looks back 0 months: expected a window of 1 month or more"#;
    frequency_window_rolling_0: "plan-window-rolling-0.ron" =>
        r#"tests/library/broken/plan-window-rolling-0.ron:15:65: frequency limit "Bitewings" looks back 0 months: expected a window of 1 month or more"#;
    // Issue 12, loader edges: "circles of any length refused", named in order.
    alternate_benefits_two_way: "plan-alternate-two-way.ron" =>
        "tests/library/broken/plan-alternate-two-way.ron:14:47: alternate benefits pay D2740 as D2750 and D2750 as D2740: a circle; expected every chain of downgrades to end";
    alternate_benefits_three_way_across_rules: "plan-alternate-circle.ron" =>
        "tests/library/broken/plan-alternate-circle.ron:17:24: alternate benefits pay D2740 as D2750, D2750 as D2791 and D2791 as D2740: a circle; expected every chain of downgrades to end";

    // RON syntax, more.
    syntax_trailing_text: "syntax-trailing-text.ron" =>
        // Reported just after the plan's closing parenthesis; the extra text is on the
        // next line.
        "tests/library/broken/syntax-trailing-text.ron:13:2: Non-whitespace trailing characters";
    syntax_wrong_type_name: "syntax-wrong-type-name.ron" =>
        "tests/library/broken/syntax-wrong-type-name.ron:2:1: Expected struct `PlanRules` but found `PlanRule`";
    syntax_empty: "syntax-empty.ron" =>
        // Reported at the end of the file: nothing but a comment.
        "tests/library/broken/syntax-empty.ron:1:48: Expected opening `(` for struct `PlanRules`";
    syntax_missing_colon: "syntax-missing-colon.ron" =>
        "tests/library/broken/syntax-missing-colon.ron:5:9: Expected colon";
    syntax_unclosed_block_comment: "syntax-unclosed-block-comment.ron" =>
        // Reported where the comment starts (just after its `/*`).
        "tests/library/broken/syntax-unclosed-block-comment.ron:8:7: Unclosed block comment";
    syntax_mismatched_bracket: "syntax-mismatched-bracket.ron" =>
        "tests/library/broken/syntax-mismatched-bracket.ron:12:5: Expected identifier";
    syntax_smart_quotes: "syntax-smart-quotes.ron" =>
        // Reported: ron's words; the column is the space before the curly quote.
        "tests/library/broken/syntax-smart-quotes.ron:5:10: Expected string";
    syntax_semicolon: "syntax-semicolon.ron" =>
        "tests/library/broken/syntax-semicolon.ron:3:14: Expected comma";

    // Format version: missing, or not a number; the other file types.
    plan_format_missing: "plan-format-missing.ron" =>
        // At the plan's closing parenthesis: ron only knows at the end.
        "tests/library/broken/plan-format-missing.ron:12:1: missing field `format` in `PlanRules`";
    plan_format_text: "plan-format-text.ron" =>
        "tests/library/broken/plan-format-text.ron:3:12: Expected integer";
    schedule_format_2: "schedule-format-2.ron" =>
        "tests/library/broken/schedule-format-2.ron:3:5: unsupported format version 2: expected 1, the version this Ferrule reads";
    catalogue_format_2: "catalogue-format-2.ron" =>
        "tests/library/broken/catalogue-format-2.ron:3:5: unsupported format version 2: expected 1, the version this Ferrule reads";

    // Fields of the wrong type, or written twice.
    plan_name_not_text: "plan-name-not-text.ron" =>
        "tests/library/broken/plan-name-not-text.ron:5:10: Expected string";
    plan_id_unquoted: "plan-id-unquoted.ron" =>
        "tests/library/broken/plan-id-unquoted.ron:4:8: Expected string";
    plan_field_twice: "plan-field-twice.ron" =>
        "tests/library/broken/plan-field-twice.ron:6:5: Unexpected duplicate field named `name` in `PlanRules`";

    // Networks and the fee schedules they name.
    plan_network_unknown: "plan-network-unknown.ron" =>
        "tests/library/broken/plan-network-unknown.ron:7:14: unknown value `PPO` in enum `Network`, expected one of `InNetwork`, `OutOfNetwork`, `Indemnity`, `ScheduledAllowance`, or `Dhmo` instead";
    plan_network_wrong_field: "plan-network-wrong-field.ron" =>
        "tests/library/broken/plan-network-wrong-field.ron:7:24: unknown field `allowed` in `InNetwork`, expected `contracted` instead";
    plan_network_without_schedule: "plan-network-without-schedule.ron" =>
        "tests/library/broken/plan-network-without-schedule.ron:7:23: Expected opening `(`";
    plan_out_of_network_copays: "plan-out-of-network-copays.ron" =>
        r#"tests/library/broken/plan-out-of-network-copays.ron:7:36: fee schedule "lakeview-dhmo-copays-2026" holds member copays, but this plan's network (out-of-network PPO) expected plan allowances or contracted fees"#;
    plan_dhmo_contracted: "plan-dhmo-contracted.ron" =>
        r#"tests/library/broken/plan-dhmo-contracted.ron:7:27: fee schedule "summit-ppo-2026" holds contracted fees, but this plan's network (dental HMO) expected member copays"#;
    plan_scheduled_office_fees: "plan-scheduled-office-fees.ron" =>
        r#"tests/library/broken/plan-scheduled-office-fees.ron:7:43: fee schedule "office-2026" holds office fees, but this plan's network (scheduled allowance) expected fixed benefits"#;

    // Benefit year and rounding.
    plan_start_month_13: "plan-start-month-13.ron" =>
        // At `start_month`: the check runs after parsing.
        "tests/library/broken/plan-start-month-13.ron:13:28: benefit year start month 13: expected a month from 1 to 12";
    plan_benefit_year_unknown: "plan-benefit-year-unknown.ron" =>
        "tests/library/broken/plan-benefit-year-unknown.ron:13:19: unknown value `Fiscal` in enum `BenefitYear`, expected either `Calendar` or `PlanYear` instead";
    plan_rounding_unknown: "plan-rounding-unknown.ron" =>
        "tests/library/broken/plan-rounding-unknown.ron:13:15: unknown value `HalfDown` in enum `Rounding`, expected either `HalfUp` or `HalfEven` instead";

    // Deductibles.
    plan_deductible_bare_number: "plan-deductible-bare-number.ron" =>
        r#"tests/library/broken/plan-deductible-bare-number.ron:13:30: write money in quotes with cents, such as "50.00""#;
    plan_deductible_unknown_field: "plan-deductible-unknown-field.ron" =>
        "tests/library/broken/plan-deductible-unknown-field.ron:13:18: unknown field `amount` in `Deductible`, expected one of `individual`, `family`, `family_model`, `waived_classes`, `period`, `placement`, or `separate` instead";
    plan_member_count_0: "plan-member-count-0.ron" =>
        "tests/library/broken/plan-member-count-0.ron:16:23: family deductible met by 0 members: expected 1 or more";
    plan_family_model_unknown: "plan-family-model-unknown.ron" =>
        "tests/library/broken/plan-family-model-unknown.ron:13:53: unknown value `PerPerson` in enum `FamilyDeductibleModel`, expected either `AggregateDollars` or `MemberCount` instead";
    plan_waived_class_unknown: "plan-waived-class-unknown.ron" =>
        "tests/library/broken/plan-waived-class-unknown.ron:13:56: unknown value `Diagnostics` in enum `ProcedureClass`, expected one of `Diagnostic`, `Preventive`, `BasicRestorative`, `MajorRestorative`, `Endodontics`, `Periodontics`, `Prosthodontics`, `Implants`, `OralSurgery`, `Orthodontics`, or `Adjunctive` instead";
    plan_deductible_period_unknown: "plan-deductible-period-unknown.ron" =>
        "tests/library/broken/plan-deductible-period-unknown.ron:13:47: unknown value `Yearly` in enum `DeductiblePeriod`, expected either `BenefitYear` or `Lifetime` instead";
    plan_deductible_placement_unknown: "plan-deductible-placement-unknown.ron" =>
        "tests/library/broken/plan-deductible-placement-unknown.ron:13:50: unknown value `Before` in enum `DeductiblePlacement`, expected either `BeforeCoinsurance` or `AfterCoinsurance` instead";
    plan_family_deductible_negative: "plan-family-deductible-negative.ron" =>
        r#"tests/library/broken/plan-family-deductible-negative.ron:13:53: expected an amount of zero or more, found "-150.00""#;
    plan_family_deductible_below_after_model: "plan-family-deductible-below-after-model.ron" =>
        // At `family:`. It used to point at `family_model` on the line before.
        "tests/library/broken/plan-family-deductible-below-after-model.ron:16:9: family deductible 40.00 is less than the individual deductible 50.00: expected at least the individual amount";

    // Maximums.
    plan_annual_above_ceiling: "plan-annual-above-ceiling.ron" =>
        r#"tests/library/broken/plan-annual-above-ceiling.ron:13:24: amount "1000000.01" is too large: at most 1,000,000.00 is accepted"#;
    plan_annual_bad_grouping: "plan-annual-bad-grouping.ron" =>
        r#"tests/library/broken/plan-annual-bad-grouping.ron:13:24: expected an amount such as "125.00", found "1,50.00""#;
    plan_family_maximum_below: "plan-family-maximum-below.ron" =>
        "tests/library/broken/plan-family-maximum-below.ron:15:9: family maximum 1,000.00 is less than the individual maximum 1,500.00: expected at least the individual amount";
    plan_class_maximum_id_twice: "plan-class-maximum-id-twice.ron" =>
        r#"tests/library/broken/plan-class-maximum-id-twice.ron:17:18: class maximum id "ortho" is used twice: expected unique ids"#;
    plan_class_maximum_missing_period: "plan-class-maximum-missing-period.ron" =>
        "tests/library/broken/plan-class-maximum-missing-period.ron:15:85: missing field `period` in `ClassMaximum`";
    plan_exempt_classes_not_a_list: "plan-exempt-classes-not-a-list.ron" =>
        "tests/library/broken/plan-exempt-classes-not-a-list.ron:13:49: Expected opening `[`";
    plan_maximum_unknown_field: "plan-maximum-unknown-field.ron" =>
        "tests/library/broken/plan-maximum-unknown-field.ron:13:34: unknown field `lifetime` in `Maximum`, expected one of `annual`, `family_annual`, `exempt_classes`, `class_maximums`, or `rollover` instead";
    plan_class_maximum_class_unknown: "plan-class-maximum-class-unknown.ron" =>
        "tests/library/broken/plan-class-maximum-class-unknown.ron:15:53: unknown value `Ortho` in enum `ProcedureClass`, expected one of `Diagnostic`, `Preventive`, `BasicRestorative`, `MajorRestorative`, `Endodontics`, `Periodontics`, `Prosthodontics`, `Implants`, `OralSurgery`, `Orthodontics`, or `Adjunctive` instead";
    plan_class_maximum_amount_bare: "plan-class-maximum-amount-bare.ron" =>
        r#"tests/library/broken/plan-class-maximum-amount-bare.ron:15:76: write money in quotes with cents, such as "1500.00""#;

    // Coverage percentages and classes.
    plan_percent_bare_fraction: "plan-percent-bare-fraction.ron" =>
        r#"tests/library/broken/plan-percent-bare-fraction.ron:11:27: Expected a percentage from 0 to 100, such as 80 or "62.5" but found the floating point number `62.5` instead"#;
    plan_percent_three_decimals: "plan-percent-three-decimals.ron" =>
        r#"tests/library/broken/plan-percent-three-decimals.ron:11:28: expected at most two decimals in a percentage, found "33.333""#;
    plan_percent_negative: "plan-percent-negative.ron" =>
        "tests/library/broken/plan-percent-negative.ron:11:28: expected a percentage from 0 to 100, found -5";
    plan_percent_word: "plan-percent-word.ron" =>
        r#"tests/library/broken/plan-percent-word.ron:11:28: expected a percentage such as 80 or "62.5", found "eighty""#;
    plan_coverage_unknown_class: "plan-coverage-unknown-class.ron" =>
        "tests/library/broken/plan-coverage-unknown-class.ron:11:9: unknown value `Restorative` in enum `ProcedureClass`, expected one of `Diagnostic`, `Preventive`, `BasicRestorative`, `MajorRestorative`, `Endodontics`, `Periodontics`, `Prosthodontics`, `Implants`, `OralSurgery`, `Orthodontics`, or `Adjunctive` instead";
    plan_coverage_as_list: "plan-coverage-as-list.ron" =>
        "tests/library/broken/plan-coverage-as-list.ron:8:14: Expected opening `{`";
    plan_coverage_missing: "plan-coverage-missing.ron" =>
        // At the plan's closing parenthesis: ron only knows at the end.
        "tests/library/broken/plan-coverage-missing.ron:8:1: missing field `coverage` in `PlanRules`";
    plan_code_coverage_above_100: "plan-code-coverage-above-100.ron" =>
        "tests/library/broken/plan-code-coverage-above-100.ron:13:31: expected a percentage from 0 to 100, found 101";
    plan_code_coverage_code_twice: "plan-code-coverage-code-twice.ron" =>
        "tests/library/broken/plan-code-coverage-code-twice.ron:13:37: D4910 is listed twice: expected each code once";
    plan_code_coverage_unquoted_code: "plan-code-coverage-unquoted-code.ron" =>
        "tests/library/broken/plan-code-coverage-unquoted-code.ron:13:21: Expected string";

    // Frequency limits and code sets.
    plan_frequency_no_codes: "plan-frequency-no-codes.ron" =>
        r#"tests/library/broken/plan-frequency-no-codes.ron:14:25: frequency limit "Exams" lists no codes: expected at least one"#;
    plan_frequency_window_unknown: "plan-frequency-window-unknown.ron" =>
        "tests/library/broken/plan-frequency-window-unknown.ron:14:61: unknown value `Monthly` in enum `FrequencyWindow`, expected one of `BenefitYear`, `RollingMonths`, `MonthsToTheDay`, `MonthsToTheMonth`, `Days`, `Years`, or `Lifetime` instead";
    plan_frequency_scope_unknown: "plan-frequency-scope-unknown.ron" =>
        "tests/library/broken/plan-frequency-scope-unknown.ron:14:81: unknown value `Family` in enum `FrequencyScope`, expected one of `Patient`, `Tooth`, `ToothSurface`, `Quadrant`, or `Arch` instead";
    plan_frequency_count_text: "plan-frequency-count-text.ron" =>
        "tests/library/broken/plan-frequency-count-text.ron:14:49: Expected integer";
    plan_frequency_count_negative: "plan-frequency-count-negative.ron" =>
        // Reported: ron's words for a negative whole number.
        "tests/library/broken/plan-frequency-count-negative.ron:14:51: Integer is out of bounds";
    plan_frequency_missing_scope: "plan-frequency-missing-scope.ron" =>
        "tests/library/broken/plan-frequency-missing-scope.ron:14:72: missing field `scope` in `FrequencyLimit`";
    plan_rolling_missing_boundary: "plan-rolling-missing-boundary.ron" =>
        "tests/library/broken/plan-rolling-missing-boundary.ron:14:89: missing field `boundary_counts` in `RollingMonths`";
    plan_boundary_counts_not_bool: "plan-boundary-counts-not-bool.ron" =>
        "tests/library/broken/plan-boundary-counts-not-bool.ron:14:107: Expected boolean";
    plan_code_range_backwards: "plan-code-range-backwards.ron" =>
        // At the end of the list, as for every bad code in a list.
        r#"tests/library/broken/plan-code-range-backwards.ron:14:47: code range "D2799-D2510" runs backwards"#;
    plan_code_range_bad_end: "plan-code-range-bad-end.ron" =>
        r#"tests/library/broken/plan-code-range-bad-end.ron:14:48: expected a CDT code: D followed by four digits, such as "D2740"; found "D27999""#;
    plan_codes_not_a_list: "plan-codes-not-a-list.ron" =>
        "tests/library/broken/plan-codes-not-a-list.ron:14:31: Expected opening `[`";
    plan_frequency_missing_name: "plan-frequency-missing-name.ron" =>
        "tests/library/broken/plan-frequency-missing-name.ron:14:73: missing field `name` in `FrequencyLimit`";

    // Age limits, waiting periods, the missing-tooth clause, exclusions and
    // pre-authorization.
    plan_age_limit_no_ages: "plan-age-limit-no-ages.ron" =>
        "tests/library/broken/plan-age-limit-no-ages.ron:13:5: age limit without from_age or through_age: expected at least one";
    plan_age_limit_names_nothing: "plan-age-limit-names-nothing.ron" =>
        "tests/library/broken/plan-age-limit-names-nothing.ron:13:5: age limit names no codes or classes: expected at least one";
    plan_age_fraction: "plan-age-fraction.ron" =>
        // Reported: ron reads the age 18 and stops at `.5`, where it wants the next field.
        "tests/library/broken/plan-age-fraction.ron:14:43: Expected comma";
    plan_waiting_names_nothing: "plan-waiting-names-nothing.ron" =>
        "tests/library/broken/plan-waiting-names-nothing.ron:13:5: waiting period names no codes or classes: expected at least one";
    plan_waiting_missing_months: "plan-waiting-missing-months.ron" =>
        "tests/library/broken/plan-waiting-missing-months.ron:14:37: missing field `months` in `WaitingPeriod`";
    plan_missing_tooth_denies_unknown: "plan-missing-tooth-denies-unknown.ron" =>
        "tests/library/broken/plan-missing-tooth-denies-unknown.ron:13:60: unknown value `Everything` in enum `MissingToothDenial`, expected either `WholeProsthesis` or `ReplacingUnitOnly` instead";
    plan_exclusion_names_nothing: "plan-exclusion-names-nothing.ron" =>
        "tests/library/broken/plan-exclusion-names-nothing.ron:13:5: exclusion names no codes or classes: expected at least one";
    plan_exclusion_missing_reason: "plan-exclusion-missing-reason.ron" =>
        "tests/library/broken/plan-exclusion-missing-reason.ron:14:26: missing field `reason` in `Exclusion`";
    plan_excluded_class_covered: "plan-excluded-class-covered.ron" =>
        // Excluded by its class (Adjunctive), not by code.
        r#"tests/library/broken/plan-excluded-class-covered.ron:13:22: D9972 is covered at 50% here but excluded ("No adjunctive services."): expected one or the other"#;
    plan_preauthorization_bad_code: "plan-preauthorization-bad-code.ron" =>
        r#"tests/library/broken/plan-preauthorization-bad-code.ron:13:45: expected a CDT code: D followed by four digits, such as "D2740"; found "D601""#;
    plan_age_limit_class_unknown: "plan-age-limit-class-unknown.ron" =>
        "tests/library/broken/plan-age-limit-class-unknown.ron:14:20: unknown value `Orthodontic` in enum `ProcedureClass`, expected one of `Diagnostic`, `Preventive`, `BasicRestorative`, `MajorRestorative`, `Endodontics`, `Periodontics`, `Prosthodontics`, `Implants`, `OralSurgery`, `Orthodontics`, or `Adjunctive` instead";
    plan_waiting_bad_code: "plan-waiting-bad-code.ron" =>
        r#"tests/library/broken/plan-waiting-bad-code.ron:14:23: expected a CDT code: D followed by four digits, such as "D2740"; found "D27""#;
    plan_missing_tooth_bad_code: "plan-missing-tooth-bad-code.ron" =>
        r#"tests/library/broken/plan-missing-tooth-bad-code.ron:13:57: expected a CDT code: D followed by four digits, such as "D2740"; found "6240""#;

    // Alternate benefits.
    plan_alternate_bad_target: "plan-alternate-bad-target.ron" =>
        r#"tests/library/broken/plan-alternate-bad-target.ron:14:53: expected a CDT code: D followed by four digits, such as "D2740"; found "D279""#;
    plan_alternate_teeth_bad_tooth: "plan-alternate-teeth-bad-tooth.ron" =>
        r#"tests/library/broken/plan-alternate-teeth-bad-tooth.ron:14:84: expected a tooth in Universal numbering (1-32, A-T, 51-82 or AS-TS), found "33""#;
    plan_alternate_teeth_unknown: "plan-alternate-teeth-unknown.ron" =>
        "tests/library/broken/plan-alternate-teeth-unknown.ron:14:70: unknown value `Molars` in enum `ToothCondition`, expected one of `Any`, `Posterior`, `Molar`, `SecondMolar`, or `Teeth` instead";
    plan_alternate_code_twice: "plan-alternate-code-twice.ron" =>
        "tests/library/broken/plan-alternate-code-twice.ron:14:62: D2740 is listed twice: expected each code once";
    plan_alternate_missing_name: "plan-alternate-missing-name.ron" =>
        "tests/library/broken/plan-alternate-missing-name.ron:14:53: missing field `name` in `AlternateBenefit`";

    // Bundling.
    plan_bundling_id_twice: "plan-bundling-id-twice.ron" =>
        r#"tests/library/broken/plan-bundling-id-twice.ron:15:14: bundling rule id "B1" is used twice: expected unique ids"#;
    plan_bundling_empty_into: "plan-bundling-empty-into.ron" =>
        r#"tests/library/broken/plan-bundling-empty-into.ron:14:14: bundling rule "B1" has an empty code list: expected codes on both sides"#;
    plan_bundling_kind_unknown: "plan-bundling-kind-unknown.ron" =>
        "tests/library/broken/plan-bundling-kind-unknown.ron:14:54: unknown value `Bundled` in enum `BundlingKind`, expected either `Included` or `MutuallyExclusive` instead";
    plan_bundling_when_unknown: "plan-bundling-when-unknown.ron" =>
        "tests/library/broken/plan-bundling-when-unknown.ron:14:118: unknown value `SameWeek` in enum `Proximity`, expected one of `SameDay`, `SameVisit`, `WithinDays`, `WithinDaysBefore`, `WithinDaysAfter`, or `SameOption` instead";
    plan_bundling_liability_unknown: "plan-bundling-liability-unknown.ron" =>
        "tests/library/broken/plan-bundling-liability-unknown.ron:14:138: unknown value `Patient` in enum `Liability`, expected one of `Disallow`, `DenyAtContractFee`, or `DenyAtOfficeFee` instead";
    plan_bundling_tooth_unknown: "plan-bundling-tooth-unknown.ron" =>
        "tests/library/broken/plan-bundling-tooth-unknown.ron:14:106: unknown value `Adjacent` in enum `ToothMatch`, expected either `Same` or `Any` instead";
    plan_bundling_days_negative: "plan-bundling-days-negative.ron" =>
        // Reported: ron's words for a negative whole number, at the digits after the minus.
        "tests/library/broken/plan-bundling-days-negative.ron:14:130: Integer is out of bounds";
    plan_bundling_missing_when: "plan-bundling-missing-when.ron" =>
        "tests/library/broken/plan-bundling-missing-when.ron:14:131: missing field `when` in `BundlingRule`";

    // Coordination of benefits, DHMO upgrades, settings.
    plan_cob_unknown: "plan-cob-unknown.ron" =>
        "tests/library/broken/plan-cob-unknown.ron:13:10: unknown value `Coordinated` in enum `CobMethod`, expected one of `Standard`, `NonDuplication`, `CarveOut`, `MaintenanceOfBenefits`, `Basic`, or `Medicaid` instead";
    plan_dhmo_charge_negative: "plan-dhmo-charge-negative.ron" =>
        r#"tests/library/broken/plan-dhmo-charge-negative.ron:14:80: expected an amount of zero or more, found "-100.00""#;
    plan_dhmo_upgrade_missing_charge: "plan-dhmo-upgrade-missing-charge.ron" =>
        "tests/library/broken/plan-dhmo-upgrade-missing-charge.ron:14:69: missing field `charge` in `DhmoUpgrade`";
    plan_settings_unknown_field: "plan-settings-unknown-field.ron" =>
        "tests/library/broken/plan-settings-unknown-field.ron:13:16: unknown field `write_off` in `PlanSettings`, expected one of `date_of_service`, `write_off_after_maximum`, `denied_lines_billed_at`, `write_off_when_secondary`, `coordinates_benefits`, `credit_deductible_when_paying_nothing`, `denied_billing_by_reason`, `code_waiting_replaces_class`, `write_off_on_downgrade`, `unlisted_substitute`, `in_network_cob_limit`, or `own_contract_caps_secondary` instead";
    plan_settings_bool_text: "plan-settings-bool-text.ron" =>
        "tests/library/broken/plan-settings-bool-text.ron:13:40: Expected boolean";
    plan_settings_date_of_service_unknown: "plan-settings-date-of-service-unknown.ron" =>
        "tests/library/broken/plan-settings-date-of-service-unknown.ron:13:33: unknown value `Prep` in enum `DateOfServiceBasis`, expected either `Completion` or `Start` instead";
    plan_settings_billed_at_unknown: "plan-settings-billed-at-unknown.ron" =>
        "tests/library/broken/plan-settings-billed-at-unknown.ron:13:40: unknown value `FullFee` in enum `DeniedBilling`, expected either `ContractedFee` or `OfficeFee` instead";
    plan_dhmo_teeth_not_a_list: "plan-dhmo-teeth-not-a-list.ron" =>
        "tests/library/broken/plan-dhmo-teeth-not-a-list.ron:14:66: Expected opening `[`";
    plan_settings_number_for_bool: "plan-settings-number-for-bool.ron" =>
        "tests/library/broken/plan-settings-number-for-bool.ron:13:41: Expected boolean";
    plan_settings_capitalised_bool: "plan-settings-capitalised-bool.ron" =>
        "tests/library/broken/plan-settings-capitalised-bool.ron:13:37: Expected boolean";

    // Fee schedules.
    schedule_kind_unknown: "schedule-kind-unknown.ron" =>
        "tests/library/broken/schedule-kind-unknown.ron:6:11: unknown value `PPO` in enum `FeeScheduleKind`, expected one of `Office`, `Contracted`, `Allowance`, `Scheduled`, or `Copay` instead";
    schedule_no_fees: "schedule-no-fees.ron" =>
        // At the `fees` field. It used to point at the word "fees" inside the id on line 4.
        "tests/library/broken/schedule-no-fees.ron:7:5: fee schedule lists no fees: expected at least one code";
    schedule_above_ceiling: "schedule-above-ceiling.ron" =>
        r#"tests/library/broken/schedule-above-ceiling.ron:9:19: amount "1000000.01" is too large: at most 1,000,000.00 is accepted"#;
    schedule_money_words: "schedule-money-words.ron" =>
        r#"tests/library/broken/schedule-money-words.ron:9:19: expected an amount such as "125.00", found "about 140""#;
    schedule_money_empty: "schedule-money-empty.ron" =>
        r#"tests/library/broken/schedule-money-empty.ron:9:19: expected an amount such as "125.00", found nothing"#;
    schedule_missing_id: "schedule-missing-id.ron" =>
        "tests/library/broken/schedule-missing-id.ron:10:1: missing field `id` in `FeeSchedule`";
    schedule_fees_as_list: "schedule-fees-as-list.ron" =>
        "tests/library/broken/schedule-fees-as-list.ron:7:10: Expected opening `{`";
    schedule_unquoted_code: "schedule-unquoted-code.ron" =>
        "tests/library/broken/schedule-unquoted-code.ron:9:9: Expected string";
    schedule_unclosed_map: "schedule-unclosed-map.ron" =>
        // Reported: the fee schedule's `)` is read as the next key of the open map.
        "tests/library/broken/schedule-unclosed-map.ron:10:1: Expected string";
    schedule_name_not_text: "schedule-name-not-text.ron" =>
        "tests/library/broken/schedule-name-not-text.ron:5:10: Expected string";

    // The code catalogue, read with `parse_catalogue` (the one built into the binary
    // cannot be swapped, so these have no exit code).
    catalogue_area_unknown: "catalogue-area-unknown.ron" =>
        "tests/library/broken/catalogue-area-unknown.ron:6:116: unknown value `Teeth` in enum `AreaKind`, expected one of `Mouth`, `Tooth`, `ToothSurfaces`, `Site`, `Quadrant`, `Arch`, `TimeUnits`, or `PerCase` instead";
    catalogue_class_unknown: "catalogue-class-unknown.ron" =>
        "tests/library/broken/catalogue-class-unknown.ron:6:92: unknown value `Cosmetic` in enum `ProcedureClass`, expected one of `Diagnostic`, `Preventive`, `BasicRestorative`, `MajorRestorative`, `Endodontics`, `Periodontics`, `Prosthodontics`, `Implants`, `OralSurgery`, `Orthodontics`, or `Adjunctive` instead";
    catalogue_missing_patient_text: "catalogue-missing-patient-text.ron" =>
        "tests/library/broken/catalogue-missing-patient-text.ron:6:84: missing field `patient_text` in `CodeInfo`";
    catalogue_bad_code: "catalogue-bad-code.ron" =>
        r#"tests/library/broken/catalogue-bad-code.ron:6:17: expected a CDT code: D followed by four digits, such as "D2740"; found "D274""#;
    catalogue_unknown_field: "catalogue-unknown-field.ron" =>
        "tests/library/broken/catalogue-unknown-field.ron:5:123: unknown field `fee` in `CodeInfo`, expected one of `code`, `name`, `patient_text`, `patient_text_es`, `class`, or `area` instead";

    // Treatment plans that do not open. (A plan that opens but cannot be priced is a
    // document problem, not a parse error: see the blocking problems.)
    treatment_fee_above_ceiling: "treatment-fee-above-ceiling.ron" =>
        // Issue 12, overflow: refused when parsed instead of saturating the totals.
        r#"tests/library/broken/treatment-fee-above-ceiling.ron:19:64: amount "92233720368547758.07" is too large: at most 1,000,000.00 is accepted"#;
    treatment_fee_bare_number: "treatment-fee-bare-number.ron" =>
        r#"tests/library/broken/treatment-fee-bare-number.ron:19:63: write money in quotes with cents, such as "150.00""#;
    treatment_fee_negative: "treatment-fee-negative.ron" =>
        r#"tests/library/broken/treatment-fee-negative.ron:19:64: expected an amount of zero or more, found "-150.00""#;
    treatment_quantity_negative: "treatment-quantity-negative.ron" =>
        // Reported: ron's words for a negative whole number.
        "tests/library/broken/treatment-quantity-negative.ron:19:69: Integer is out of bounds";
    treatment_quantity_text: "treatment-quantity-text.ron" =>
        "tests/library/broken/treatment-quantity-text.ron:19:67: Expected integer";
    // Issue 12, overflow: quantities have a ceiling too.
    treatment_quantity_above_limit: "treatment-quantity-above-limit.ron" =>
        "tests/library/broken/treatment-quantity-above-limit.ron:19:55: quantity 1000 is too large: at most 999 units are accepted";
    treatment_quantity_saturates: "treatment-quantity-saturates.ron" =>
        // At the line with the large quantity, not the first `quantity`.
        "tests/library/broken/treatment-quantity-saturates.ron:20:51: quantity 4294967295 is too large: at most 999 units are accepted";
    treatment_missing_patient: "treatment-missing-patient.ron" =>
        "tests/library/broken/treatment-missing-patient.ron:20:1: missing field `patient` in `TreatmentPlan`";
    treatment_visit_missing_date: "treatment-visit-missing-date.ron" =>
        "tests/library/broken/treatment-visit-missing-date.ron:19:17: missing field `date` in `Visit`";
    treatment_line_missing_code: "treatment-line-missing-code.ron" =>
        "tests/library/broken/treatment-line-missing-code.ron:19:41: missing field `code` in `PlannedLine`";
    treatment_line_unknown_field: "treatment-line-unknown-field.ron" =>
        "tests/library/broken/treatment-line-unknown-field.ron:19:45: unknown field `teeth` in `PlannedLine`, expected one of `id`, `code`, `tooth`, `surfaces`, `quadrant`, `arch`, `quantity`, `fee`, `completed_at`, `note`, `remake`, `overrides`, `provider`, or `ortho` instead";
    treatment_bad_code: "treatment-bad-code.ron" =>
        r#"tests/library/broken/treatment-bad-code.ron:19:37: expected a CDT code: D followed by four digits, such as "D2740"; found "D27O0""#;
    treatment_date_february_30: "treatment-date-february-30.ron" =>
        r#"tests/library/broken/treatment-date-february-30.ron:9:47: input is out of range: expected a date written "YYYY-MM-DD""#;
    treatment_date_us_style: "treatment-date-us-style.ron" =>
        r#"tests/library/broken/treatment-date-us-style.ron:18:28: input contains invalid characters: expected a date written "YYYY-MM-DD""#;
    treatment_date_unquoted: "treatment-date-unquoted.ron" =>
        "tests/library/broken/treatment-date-unquoted.ron:6:20: Expected string";
    treatment_relationship_unknown: "treatment-relationship-unknown.ron" =>
        "tests/library/broken/treatment-relationship-unknown.ron:9:74: unknown value `Son` in enum `Relationship`, expected one of `Subscriber`, `Spouse`, `Child`, or `Other` instead";
    treatment_status_unknown: "treatment-status-unknown.ron" =>
        "tests/library/broken/treatment-status-unknown.ron:9:68: unknown value `Terminated` in enum `CoverageStatus`, expected one of `Active`, `Cobra`, or `Retiree` instead";
    treatment_benefits_used_three_decimals: "treatment-benefits-used-three-decimals.ron" =>
        r#"tests/library/broken/treatment-benefits-used-three-decimals.ron:9:76: expected at most two decimals (cents) in "300.125""#;
    treatment_deductible_met_negative: "treatment-deductible-met-negative.ron" =>
        r#"tests/library/broken/treatment-deductible-met-negative.ron:9:77: expected an amount of zero or more, found "-50.00""#;
    treatment_family_members_negative: "treatment-family-members-negative.ron" =>
        // Reported: ron's words for a negative whole number.
        "tests/library/broken/treatment-family-members-negative.ron:9:81: Integer is out of bounds";
    treatment_class_maximum_used_bare: "treatment-class-maximum-used-bare.ron" =>
        r#"tests/library/broken/treatment-class-maximum-used-bare.ron:9:91: write money in quotes with cents, such as "500.00""#;
    treatment_family_benefits_above_ceiling: "treatment-family-benefits-above-ceiling.ron" =>
        r#"tests/library/broken/treatment-family-benefits-above-ceiling.ron:9:83: amount "2,000,000.00" is too large: at most 1,000,000.00 is accepted"#;
    treatment_class_maximum_used_twice: "treatment-class-maximum-used-twice.ron" =>
        "tests/library/broken/treatment-class-maximum-used-twice.ron:4:51: ortho is listed twice: expected each maximum id once";
    treatment_waived_not_bool: "treatment-waived-not-bool.ron" =>
        "tests/library/broken/treatment-waived-not-bool.ron:9:83: Expected boolean";
    treatment_verified_missing_source: "treatment-verified-missing-source.ron" =>
        "tests/library/broken/treatment-verified-missing-source.ron:9:87: missing field `source` in `Verification`";
    treatment_history_missing_date: "treatment-history-missing-date.ron" =>
        "tests/library/broken/treatment-history-missing-date.ron:7:33: missing field `date` in `HistoryEntry`";
    treatment_history_quadrant_unknown: "treatment-history-quadrant-unknown.ron" =>
        "tests/library/broken/treatment-history-quadrant-unknown.ron:7:65: unknown value `UpperRight` in enum `Quadrant`, expected one of `UR`, `UL`, `LL`, or `LR` instead";
    treatment_arch_unknown: "treatment-arch-unknown.ron" =>
        "tests/library/broken/treatment-arch-unknown.ron:19:51: unknown value `Top` in enum `Arch`, expected either `Upper` or `Lower` instead";
    treatment_missing_tooth_0: "treatment-missing-tooth-0.ron" =>
        r#"tests/library/broken/treatment-missing-tooth-0.ron:7:34: expected a tooth in Universal numbering (1-32, A-T, 51-82 or AS-TS), found "0""#;
    treatment_tooth_unquoted: "treatment-tooth-unquoted.ron" =>
        "tests/library/broken/treatment-tooth-unquoted.ron:19:51: Expected string";
    treatment_surfaces_number: "treatment-surfaces-number.ron" =>
        "tests/library/broken/treatment-surfaces-number.ron:19:67: Expected string";
    treatment_completed_at_text: "treatment-completed-at-text.ron" =>
        "tests/library/broken/treatment-completed-at-text.ron:19:71: Expected integer";
    treatment_visit_missing_id: "treatment-visit-missing-id.ron" =>
        "tests/library/broken/treatment-visit-missing-id.ron:19:17: missing field `id` in `Visit`";
    treatment_visits_not_a_list: "treatment-visits-not-a-list.ron" =>
        // At the end of the line: `visits:` is followed by a `(`, not a `[`.
        "tests/library/broken/treatment-visits-not-a-list.ron:14:20: Expected opening `[`";
    treatment_option_missing_name: "treatment-option-missing-name.ron" =>
        "tests/library/broken/treatment-option-missing-name.ron:21:9: missing field `name` in `TreatmentOption`";
    treatment_format_missing: "treatment-format-missing.ron" =>
        "tests/library/broken/treatment-format-missing.ron:23:1: missing field `format` in `TreatmentPlan`";
    treatment_unknown_field: "treatment-unknown-field.ron" =>
        "tests/library/broken/treatment-unknown-field.ron:8:5: unknown field `insurance` in `TreatmentPlan`, expected one of `format`, `patient`, `coverage`, `office_fee_schedule`, `options`, or `provider` instead";
    treatment_office_schedule_number: "treatment-office-schedule-number.ron" =>
        "tests/library/broken/treatment-office-schedule-number.ron:8:25: Expected string";
    treatment_missing_comma: "treatment-missing-comma.ron" =>
        "tests/library/broken/treatment-missing-comma.ron:18:21: Expected comma";
    treatment_patient_name_number: "treatment-patient-name-number.ron" =>
        "tests/library/broken/treatment-patient-name-number.ron:5:14: Expected string";
    treatment_terminates_bad_date: "treatment-terminates-bad-date.ron" =>
        r#"tests/library/broken/treatment-terminates-bad-date.ron:9:73: input contains invalid characters: expected a date written "YYYY-MM-DD""#;
    treatment_subscriber_birth_date_bad: "treatment-subscriber-birth-date-bad.ron" =>
        r#"tests/library/broken/treatment-subscriber-birth-date-bad.ron:9:84: input is out of range: expected a date written "YYYY-MM-DD""#;
    treatment_missing_tooth_since_bad: "treatment-missing-tooth-since-bad.ron" =>
        r#"tests/library/broken/treatment-missing-tooth-since-bad.ron:7:47: trailing input: expected a date written "YYYY-MM-DD""#;
    treatment_history_bad_tooth: "treatment-history-bad-tooth.ron" =>
        r#"tests/library/broken/treatment-history-bad-tooth.ron:7:63: expected a tooth in Universal numbering (1-32, A-T, 51-82 or AS-TS), found "U""#;
    treatment_line_quadrant_unknown: "treatment-line-quadrant-unknown.ron" =>
        "tests/library/broken/treatment-line-quadrant-unknown.ron:19:55: unknown value `LowerLeft` in enum `Quadrant`, expected one of `UR`, `UL`, `LL`, or `LR` instead";
    treatment_note_number: "treatment-note-number.ron" =>
        "tests/library/broken/treatment-note-number.ron:19:63: Expected string";
    treatment_option_id_text: "treatment-option-id-text.ron" =>
        "tests/library/broken/treatment-option-id-text.ron:13:16: Expected integer";
}

/// One broken plan in a folder of good files: the good ones load, one problem.
#[test]
fn a_broken_plan_does_not_stop_the_others() {
    let dir = super::TempDir::new("one-broken");
    let copy = |from: &str, to: &str| {
        let to = dir.path().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(super::root().join(from), &to).unwrap();
    };
    copy(
        "fee-schedules/summit-ppo-2026.ron",
        "fee-schedules/summit-ppo-2026.ron",
    );
    copy("plans/summit-ppo-1500.ron", "plans/summit-ppo-1500.ron");
    copy(&format!("{DIR}/plan-unknown-field.ron"), "plans/broken.ron");

    let library = library::load_dir(dir.path());

    // The same problem as the fixture on its own, at the copy's path.
    let broken = dir.path().join("plans/broken.ron");
    let pinned = PINNED
        .iter()
        .find_map(|p| p.strip_prefix(&format!("{DIR}/plan-unknown-field.ron")))
        .unwrap();
    let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems, vec![format!("{}{pinned}", broken.display())]);
    assert_eq!(library.problems[0].path, broken);
    assert_eq!(
        library.plans.keys().collect::<Vec<_>>(),
        vec!["summit-ppo-1500"]
    );
    assert_eq!(
        library.fee_schedules.keys().collect::<Vec<_>>(),
        vec!["summit-ppo-2026"]
    );
    assert_eq!(
        library.plan_source("summit-ppo-1500"),
        Some(dir.path().join("plans/summit-ppo-1500.ron").as_path())
    );
    assert_eq!(library.root.as_deref(), Some(dir.path()));
}

/// The messages quoted in docs/formats.md ("How problems are reported") are ones
/// the loader really prints: each `path:line:column: message` line there ends like
/// a pinned problem (the docs shorten the paths).
#[test]
fn formats_doc_quotes_real_messages() {
    let doc = std::fs::read_to_string(super::root().join("docs/formats.md")).unwrap();
    let section = doc
        .split("## How problems are reported")
        .nth(1)
        .expect("docs/formats.md has a section \"How problems are reported\"");
    let block = section
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the section quotes messages in a ```text block");
    let mut quoted = 0;
    let mut unknown = Vec::new();
    for line in block.lines() {
        // `path:line:column: message`; lines without a position are whole-file
        // problems (an unreadable folder) that depend on the machine.
        let mut parts = line.splitn(4, ':');
        let (Some(_), Some(l), Some(c), Some(message)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if l.parse::<usize>().is_err() || c.parse::<usize>().is_err() {
            continue;
        }
        quoted += 1;
        let tail = format!(":{l}:{c}:{message}");
        if !PINNED.iter().any(|p| p.ends_with(&tail)) {
            unknown.push(line.to_string());
        }
    }
    assert!(quoted >= 10, "only {quoted} messages quoted");
    assert!(
        unknown.is_empty(),
        "not printed by any fixture: {unknown:#?}"
    );
}

/// The real binary agrees with the catalogue: a library folder holding every plan
/// and fee-schedule fixture beside the shipped fee schedules makes `ferrule check`
/// print each pinned problem, at the copy's path and in load order (fee schedules,
/// then plans, each by name), then its summary, and exit 2. The duplicate-id
/// fixtures are left out: they need the file they copy to load first.
#[test]
fn check_prints_every_pinned_problem_and_exits_2() {
    let dir = super::TempDir::new("catalogue");
    let put = |folder: &str, name: &str, text: &str| {
        let to = dir.path().join(folder).join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(&to, text).unwrap();
        to
    };
    for file in shipped_schedules() {
        let name = file
            .path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        put("fee-schedules", &name, &file.text);
    }
    let mut expected: Vec<(u8, &str, String)> = Vec::new();
    for (name, pinned) in FIXTURES {
        let text = source(&format!("{DIR}/{name}")).text;
        let (order, folder) = match kind(&text) {
            _ if name.contains("duplicate") => continue,
            Kind::TreatmentPlan | Kind::Catalogue => continue,
            Kind::FeeSchedule => (0, "fee-schedules"),
            Kind::Plan => (1, "plans"),
        };
        let copy = put(folder, name, &text);
        let at = pinned
            .strip_prefix(&format!("{DIR}/{name}"))
            .unwrap_or_else(|| panic!("{pinned} does not start with its fixture's path"));
        expected.push((order, name, format!("{}{at}", copy.display())));
    }
    expected.sort();
    assert!(
        expected.len() >= 90,
        "only {} library fixtures",
        expected.len()
    );

    let args = [
        "check".as_ref(),
        "--library".as_ref(),
        dir.path().as_os_str(),
    ];
    let (code, stdout, stderr) = ferrule_with_timeout(&args);
    assert_eq!(code, Some(2), "{stderr}");
    let codes = library::sample().catalogue.codes.len();
    let mut want: Vec<String> = expected.into_iter().map(|(_, _, line)| line).collect();
    want.push(format!(
        "{}: 0 plans, {} fee schedules, {codes} codes; {} problems",
        dir.path().display(),
        shipped_schedules().len(),
        want.len()
    ));
    assert_eq!(stdout.lines().collect::<Vec<_>>(), want);
    assert_eq!(stderr, "");
}

/// The real `ferrule estimate` on each treatment-plan fixture: exit 2, nothing on
/// stdout, and the pinned problem on stderr.
#[test]
fn estimate_refuses_every_broken_treatment_plan_with_exit_2() {
    let mut checked = 0;
    for (name, pinned) in FIXTURES {
        if !name.starts_with("treatment") {
            continue;
        }
        let path = format!("{DIR}/{name}");
        let root = super::root();
        let args = [
            "estimate".as_ref(),
            path.as_ref(),
            "--library".as_ref(),
            root.as_os_str(),
        ];
        let (code, stdout, stderr) = ferrule_with_timeout(&args);
        assert_eq!(code, Some(2), "{name}: {stdout}");
        assert_eq!(stdout, "", "{name}");
        assert_eq!(stderr, format!("ferrule: {pinned}\n"), "{name}");
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} treatment-plan fixtures");
}

/// What is planted at `plans/NAME` for a file-level case.
#[derive(Clone, Copy)]
enum Planted {
    /// A named pipe: opening it for reading would wait for a writer forever.
    Fifo,
    /// A symlink to this path (`/dev/zero` never ends).
    SymlinkTo(&'static str),
    /// A (sparse) file of this many bytes.
    Sparse(u64),
    /// A folder.
    Folder,
    /// A file with these bytes.
    Bytes(&'static [u8]),
}

/// A library folder holding one good fee schedule and plan, with `planted` at
/// `plans/NAME` (NAME sorts after the good plan).
fn library_with(dir: &std::path::Path, name: &str, planted: Planted) {
    for rel in [
        "fee-schedules/summit-ppo-2026.ron",
        "plans/summit-ppo-1500.ron",
    ] {
        let to = dir.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(super::root().join(rel), &to).unwrap();
    }
    let path = dir.join("plans").join(name);
    match planted {
        Planted::Fifo => {
            let status = std::process::Command::new("mkfifo")
                .arg(&path)
                .status()
                .unwrap();
            assert!(status.success(), "mkfifo failed");
        }
        #[cfg(unix)]
        Planted::SymlinkTo(target) => std::os::unix::fs::symlink(target, &path).unwrap(),
        #[cfg(not(unix))]
        Planted::SymlinkTo(_) => unreachable!("unix only"),
        Planted::Sparse(len) => std::fs::File::create(&path).unwrap().set_len(len).unwrap(),
        Planted::Folder => std::fs::create_dir(&path).unwrap(),
        Planted::Bytes(bytes) => std::fs::write(&path, bytes).unwrap(),
    }
}

/// Runs `ferrule ARGS`: exit code, stdout and stderr. Killed (and the test failed)
/// if it has not finished in 60 s, so a loader that blocks on a FIFO or reads a
/// device without end fails instead of hanging the suite.
fn ferrule_with_timeout(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferrule"))
        .private_home()
        .args(args)
        .current_dir(super::root())
        .env_remove("FERRULE_LIBRARY")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().ok();
            child.wait().ok();
            panic!("ferrule {args:?} did not finish in 60 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

/// Issue 12, loader edges: "only regular files, with a size cap and a clear
/// message". One test per input that is a file rather than text: the exact problem
/// (`{lib}` is the library folder), the good plan beside it still loads, and the
/// real `ferrule check` prints it and exits 2 without hanging.
macro_rules! broken_file {
    ($($test:ident: $name:literal, $planted:expr => $expected:literal;)*) => {$(
        #[cfg(unix)]
        #[test]
        fn $test() {
            let dir = super::TempDir::new(stringify!($test));
            library_with(dir.path(), $name, $planted);
            let expected = $expected.replace("{lib}", &dir.path().display().to_string());

            let library = library::load_dir(dir.path());
            let problems: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
            assert_eq!(problems, vec![expected.clone()]);
            assert_eq!(library.plans.keys().collect::<Vec<_>>(), vec!["summit-ppo-1500"]);

            let args = ["check".as_ref(), "--library".as_ref(), dir.path().as_os_str()];
            let (code, stdout, _) = ferrule_with_timeout(&args);
            assert_eq!(code, Some(2), "{stdout}");
            assert!(stdout.starts_with(&format!("{expected}\n")), "{stdout}");
        }
    )*};
}

broken_file! {
    fifo_named_ron: "fifo.ron", Planted::Fifo =>
        "{lib}/plans/fifo.ron: cannot read the file: it is a named pipe (FIFO): expected a regular file";
    symlink_to_dev_zero: "zero.ron", Planted::SymlinkTo("/dev/zero") =>
        "{lib}/plans/zero.ron: cannot read the file: it is a character device: expected a regular file";
    file_over_the_size_cap: "huge.ron", Planted::Sparse(library::MAX_TEXT_BYTES + 1) =>
        "{lib}/plans/huge.ron: cannot read the file: the file is 4194305 bytes: expected at most 4 MiB (4194304 bytes)";
    folder_named_ron: "folder.ron", Planted::Folder =>
        "{lib}/plans/folder.ron: cannot read the file: it is a folder: expected a regular file";
    not_utf8: "latin1.ron", Planted::Bytes(b"PlanRules(\n    name: \"Caf\xe9\",\n)\n") =>
        "{lib}/plans/latin1.ron: cannot read the file: line 2, column 15 is not UTF-8 text: expected a UTF-8 text file";
}

/// The same for a treatment plan: `ferrule estimate` on a FIFO or on a symlink to
/// `/dev/zero` exits 2 with the reason, at once.
#[cfg(unix)]
#[test]
fn treatment_plan_that_is_not_a_regular_file() {
    let dir = super::TempDir::new("treatment-fifo");
    library_with(dir.path(), "fifo.ron", Planted::Fifo);
    library_with(dir.path(), "zero.ron", Planted::SymlinkTo("/dev/zero"));
    for (name, what) in [
        ("fifo.ron", "a named pipe (FIFO)"),
        ("zero.ron", "a character device"),
    ] {
        let path = dir.path().join("plans").join(name);
        let args = ["estimate".as_ref(), path.as_os_str()];
        let (code, _, stderr) = ferrule_with_timeout(&args);
        assert_eq!(code, Some(2), "{stderr}");
        assert_eq!(
            stderr,
            format!(
                "ferrule: cannot read {}: it is {what}: expected a regular file\n",
                path.display()
            )
        );
    }
}

/// A file at exactly the cap is read (the cap is documented as "at most").
#[test]
fn a_file_at_the_size_cap_is_read() {
    let dir = super::TempDir::new("at-cap");
    let text = source("plans/summit-ppo-1500.ron").text;
    let padding = usize::try_from(library::MAX_TEXT_BYTES).unwrap() - text.len();
    let padded = format!("{text}{}", " ".repeat(padding));
    library_with(dir.path(), "x.ron", Planted::Bytes(b""));
    std::fs::write(dir.path().join("plans/x.ron"), padded).unwrap();
    let library = library::load_dir(dir.path());
    // Read and parsed: the problem is the duplicate id, not the size.
    assert_eq!(library.problems.len(), 1);
    assert!(
        library.problems[0].message.starts_with("duplicate plan id"),
        "{}",
        library.problems[0]
    );
}

/// Issue 12, loader edges: "BOM accepted". A byte-order mark before a file's text
/// changes nothing, and positions count from after it, as editors show them.
#[test]
fn a_byte_order_mark_is_accepted() {
    let bom = |f: &SourceFile| SourceFile {
        path: f.path.clone(),
        text: format!("\u{feff}{}", f.text),
    };
    let schedules = shipped_schedules();
    let plans: Vec<SourceFile> = ron_files("plans").iter().map(|r| source(r)).collect();
    let plain = library::from_sources(&schedules, &plans);
    let marked = library::from_sources(
        &schedules.iter().map(bom).collect::<Vec<_>>(),
        &plans.iter().map(bom).collect::<Vec<_>>(),
    );
    assert!(marked.problems.is_empty(), "{:?}", marked.problems);
    assert_eq!(marked.plans, plain.plans);
    assert_eq!(marked.fee_schedules, plain.fee_schedules);

    // A mistake on the first line keeps its column.
    let one_line = source("plans/summit-ppo-1500.ron")
        .text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join(" ")
        .replacen("Preventive: 100", "Preventive: 120", 1);
    let file = SourceFile {
        path: "one-line.ron".into(),
        text: one_line,
    };
    let problems = |f: &SourceFile| -> Vec<String> {
        library::from_sources(&schedules, std::slice::from_ref(f))
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let expected = problems(&file);
    assert!(expected[0].starts_with("one-line.ron:1:"), "{expected:?}");
    assert_eq!(problems(&bom(&file)), expected);

    // From disk: the library folder, a treatment plan, the practice settings.
    let dir = super::TempDir::new("bom");
    library_with(dir.path(), "marked.ron", Planted::Bytes(b""));
    let marked_plan = bom(&source("plans/summit-ppo-1500.ron"))
        .text
        .replace("summit-ppo-1500", "summit-ppo-1500-copy");
    std::fs::write(dir.path().join("plans/marked.ron"), marked_plan).unwrap();
    let loaded = library::load_dir(dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.plans.len(), 2);
    let sample = source("assets/samples/buildup-crown-19.ron");
    std::fs::write(dir.path().join("patient.ron"), &bom(&sample).text).unwrap();
    assert_eq!(
        library::load_treatment_plan(&dir.path().join("patient.ron")).unwrap(),
        parse_treatment_plan(&sample.path, &sample.text).unwrap()
    );
    std::fs::write(
        dir.path().join("practice.ron"),
        "\u{feff}(name: \"Bright\")",
    )
    .unwrap();
    let settings = library::practice::load(&dir.path().join("practice.ron")).unwrap();
    assert_eq!(settings.name, "Bright");
}
