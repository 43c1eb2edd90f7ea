//! "What does my plan cover?": one plan's rules as a read-only view in plain words,
//! section by section (coverage, deductible, maximums, limits, downgrades, bundling,
//! coordination of benefits and the smaller settings).
//!
//! Uses only `egui` and the engine-side modules (`model`, `money`, `library`), never
//! the app's own GUI modules, so it can be drawn anywhere: a window, a side panel or
//! the compare view. It does not scroll by itself: put it in a `ScrollArea`.

use egui::{CollapsingHeader, Grid, RichText, Ui};

use crate::model::plan::{
    CobMethod, DateOfServiceBasis, DeductiblePeriod, DeductiblePlacement, DeniedBilling,
    FamilyDeductibleModel, MissingToothDenial,
};
use crate::model::{CdtCode, Library, PlanRules, ProcedureClass};
use crate::money::Rounding;

use super::plan_words::*;

/// Draws `plan` for people: header, then one collapsible section per kind of rule.
/// Coverage, deductible and maximums start open. Ids are salted with the plan id,
/// so two plans can be shown side by side.
pub fn plan_rules_ui(ui: &mut Ui, plan: &PlanRules, library: &Library) {
    ui.push_id(("plan_rules", plan.id.as_str()), |ui| {
        header_ui(ui, plan, library);
        section(ui, "Coverage", true, |ui| coverage_ui(ui, plan, library));
        section(ui, "Deductible", true, |ui| deductible_ui(ui, plan));
        section(ui, "Maximums", true, |ui| maximums_ui(ui, plan));
        section(ui, "Waiting periods", false, |ui| waiting_ui(ui, plan));
        section(ui, "Age limits", false, |ui| age_limits_ui(ui, plan));
        section(ui, "Frequency limits", false, |ui| frequency_ui(ui, plan));
        section(ui, "Exclusions", false, |ui| exclusions_ui(ui, plan));
        section(ui, "Pre-authorization", false, |ui| {
            preauthorization_ui(ui, plan);
        });
        section(ui, "Downgrades", false, |ui| downgrades_ui(ui, plan));
        section(ui, "Bundling rules", false, |ui| bundling_ui(ui, plan));
        section(ui, "Missing-tooth clause", false, |ui| {
            missing_tooth_ui(ui, plan);
        });
        if !plan.dhmo_upgrades.is_empty() {
            section(ui, "Extra charges", false, |ui| dhmo_upgrades_ui(ui, plan));
        }
        section(ui, "As secondary payer", false, |ui| cob_ui(ui, plan));
        section(ui, "Settings", false, |ui| settings_ui(ui, plan));
    });
}

/// A collapsible section with a stable id.
fn section(ui: &mut Ui, title: &str, open: bool, body: impl FnOnce(&mut Ui)) {
    CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("plan_rules_section", title))
        .default_open(open)
        .show(ui, body);
}

/// A striped two-column grid of label / value rows.
fn rows_grid(ui: &mut Ui, id: &str, rows: &[(String, String)]) {
    Grid::new(id)
        .num_columns(2)
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for (label, value) in rows {
                ui.label(RichText::new(label).weak());
                ui.label(value);
                ui.end_row();
            }
        });
}

/// A weak line for an empty section.
fn none_ui(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).weak());
}

fn header_ui(ui: &mut Ui, plan: &PlanRules, library: &Library) {
    ui.heading(&plan.name);
    let schedule_id = plan.network.schedule_id();
    let schedule = library.fee_schedules.get(schedule_id).map_or_else(
        || format!("{schedule_id} (not in the library)"),
        |s| s.name.clone(),
    );
    let source = library.plan_source(&plan.id).map_or_else(
        || "built into Ferrule".to_string(),
        |p| p.display().to_string(),
    );
    let rows = [
        ("Carrier".to_string(), plan.carrier.clone()),
        ("Plan type".to_string(), capitalized(plan.network.label())),
        ("Fee schedule".to_string(), schedule),
        (
            "Benefit year".to_string(),
            benefit_year_words(plan.benefit_year),
        ),
        ("Plan id".to_string(), plan.id.clone()),
        ("File".to_string(), source),
    ];
    rows_grid(ui, "plan_rules_header", &rows);
    ui.add_space(4.0);
}

fn coverage_ui(ui: &mut Ui, plan: &PlanRules, library: &Library) {
    Grid::new("plan_rules_coverage")
        .num_columns(2)
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for class in ProcedureClass::ALL {
                ui.label(capitalized(class.label()));
                match plan.coverage.get(&class) {
                    Some(p) if !p.is_zero() => ui.label(p.to_string()),
                    _ => ui.label(RichText::new("not covered").weak()),
                };
                ui.end_row();
            }
        });
    if plan.code_coverage.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Single codes (beat their class)").weak());
    Grid::new("plan_rules_code_coverage")
        .num_columns(2)
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for (code, percent) in &plan.code_coverage {
                ui.label(code_with_name(*code, library));
                if percent.is_zero() {
                    ui.label(RichText::new("not covered").weak());
                } else {
                    ui.label(percent.to_string());
                }
                ui.end_row();
            }
        });
}

/// "D1351 Sealant" (the catalogue's name when the code is in it).
fn code_with_name(code: CdtCode, library: &Library) -> String {
    match library.catalogue.get(code) {
        Some(info) => format!("{code} {}", info.name),
        None => code.to_string(),
    }
}

fn deductible_ui(ui: &mut Ui, plan: &PlanRules) {
    let d = &plan.deductible;
    if d.individual.is_zero() && d.family.is_none() {
        none_ui(ui, "No deductible.");
        return;
    }
    let family = match (d.family, d.family_model) {
        (None, _) => "no family cap".to_string(),
        (Some(amount), FamilyDeductibleModel::AggregateDollars) => {
            format!(
                "{}, met once the family's deductibles add up to it",
                money(amount)
            )
        }
        (Some(amount), FamilyDeductibleModel::MemberCount(n)) => {
            let members = if n == 1 { "member has" } else { "members have" };
            format!(
                "{}, met once {n} {members} each met their own",
                money(amount)
            )
        }
    };
    let waived = if d.waived_classes.is_empty() {
        "nothing: it applies to every class".to_string()
    } else {
        classes_words(&d.waived_classes)
    };
    let period = match d.period {
        DeductiblePeriod::BenefitYear => "Every benefit year",
        DeductiblePeriod::Lifetime => "Once per lifetime",
    };
    let placement = match d.placement {
        DeductiblePlacement::BeforeCoinsurance => "Before the coverage percentage (usual)",
        DeductiblePlacement::AfterCoinsurance => "After the coverage percentage",
    };
    let rows = [
        ("Per person".to_string(), money(d.individual)),
        ("Family".to_string(), family),
        ("Not for".to_string(), waived),
        ("Applies".to_string(), period.to_string()),
        ("Taken off".to_string(), placement.to_string()),
    ];
    rows_grid(ui, "plan_rules_deductible", &rows);
}

fn maximums_ui(ui: &mut Ui, plan: &PlanRules) {
    let m = &plan.maximum;
    let mut rows = vec![
        (
            "Per person, per year".to_string(),
            m.annual
                .map_or_else(|| "no annual maximum".to_string(), money),
        ),
        (
            "Family, per year".to_string(),
            m.family_annual
                .map_or_else(|| "no family maximum".to_string(), money),
        ),
        (
            "Outside the maximum".to_string(),
            if m.exempt_classes.is_empty() {
                "nothing".to_string()
            } else {
                classes_words(&m.exempt_classes)
            },
        ),
    ];
    for cm in &m.class_maximums {
        let period = match cm.period {
            DeductiblePeriod::BenefitYear => "per benefit year",
            DeductiblePeriod::Lifetime => "per lifetime",
        };
        rows.push((
            cm.name.clone(),
            format!(
                "{} {period}, for {}",
                money(cm.amount),
                classes_words(&cm.classes)
            ),
        ));
    }
    rows_grid(ui, "plan_rules_maximums", &rows);
}

fn waiting_ui(ui: &mut Ui, plan: &PlanRules) {
    if plan.waiting_periods.is_empty() {
        none_ui(ui, "No waiting periods.");
        return;
    }
    let rows: Vec<(String, String)> = plan
        .waiting_periods
        .iter()
        .map(|w| {
            (
                what_words(&w.classes, &w.codes),
                format!("{} after coverage starts", plural(w.months, "month")),
            )
        })
        .collect();
    rows_grid(ui, "plan_rules_waiting", &rows);
}

fn age_limits_ui(ui: &mut Ui, plan: &PlanRules) {
    if plan.age_limits.is_empty() {
        none_ui(ui, "No age limits.");
        return;
    }
    let rows: Vec<(String, String)> = plan
        .age_limits
        .iter()
        .map(|a| (what_words(&a.classes, &a.codes), age_words(a)))
        .collect();
    rows_grid(ui, "plan_rules_age", &rows);
}

fn frequency_ui(ui: &mut Ui, plan: &PlanRules) {
    if plan.frequency_limits.is_empty() {
        none_ui(ui, "No frequency limits.");
        return;
    }
    Grid::new("plan_rules_frequency")
        .num_columns(3)
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for limit in &plan.frequency_limits {
                ui.label(&limit.name);
                ui.label(RichText::new(limit.codes.to_string()).weak());
                ui.label(frequency_words(limit));
                ui.end_row();
            }
        });
}

fn exclusions_ui(ui: &mut Ui, plan: &PlanRules) {
    if plan.exclusions.is_empty() {
        none_ui(ui, "No exclusions.");
        return;
    }
    let rows: Vec<(String, String)> = plan
        .exclusions
        .iter()
        .map(|e| (what_words(&e.classes, &e.codes), e.reason.clone()))
        .collect();
    rows_grid(ui, "plan_rules_exclusions", &rows);
}

fn preauthorization_ui(ui: &mut Ui, plan: &PlanRules) {
    if plan.preauthorization.is_empty() {
        none_ui(ui, "No codes need pre-authorization.");
        return;
    }
    ui.label(format!(
        "Send to the carrier before treatment: {}",
        plan.preauthorization
    ));
}

fn downgrades_ui(ui: &mut Ui, plan: &PlanRules) {
    if plan.alternate_benefits.is_empty() {
        none_ui(ui, "No downgrades.");
        return;
    }
    let rows: Vec<(String, String)> = plan
        .alternate_benefits
        .iter()
        .map(|a| (a.name.clone(), downgrade_words(a)))
        .collect();
    rows_grid(ui, "plan_rules_downgrades", &rows);
}

fn bundling_ui(ui: &mut Ui, plan: &PlanRules) {
    if plan.bundling.is_empty() {
        none_ui(ui, "No bundling rules.");
        return;
    }
    Grid::new("plan_rules_bundling")
        .num_columns(2)
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for rule in &plan.bundling {
                ui.label(RichText::new(&rule.id).strong());
                ui.vertical(|ui| {
                    ui.label(&rule.name);
                    ui.label(RichText::new(bundling_words(rule)).weak());
                });
                ui.end_row();
            }
        });
}

fn missing_tooth_ui(ui: &mut Ui, plan: &PlanRules) {
    let Some(clause) = &plan.missing_tooth_clause else {
        none_ui(ui, "No missing-tooth clause.");
        return;
    };
    let denies = match clause.denies {
        MissingToothDenial::WholeProsthesis => "The whole prosthesis (every unit)",
        MissingToothDenial::ReplacingUnitOnly => "Only the unit that replaces the tooth",
    };
    let rows = [
        (
            "Applies to".to_string(),
            format!(
                "Teeth missing before coverage began, replaced with {}",
                clause.codes
            ),
        ),
        ("Denies".to_string(), denies.to_string()),
    ];
    rows_grid(ui, "plan_rules_missing_tooth", &rows);
}

fn dhmo_upgrades_ui(ui: &mut Ui, plan: &PlanRules) {
    let rows: Vec<(String, String)> = plan
        .dhmo_upgrades
        .iter()
        .map(|u| {
            (
                u.name.clone(),
                format!(
                    "{} more for {} {}",
                    money(u.charge),
                    u.codes,
                    u.teeth.label()
                ),
            )
        })
        .collect();
    rows_grid(ui, "plan_rules_dhmo", &rows);
}

fn cob_ui(ui: &mut Ui, plan: &PlanRules) {
    let (name, words) = match plan.cob {
        CobMethod::Standard => (
            "Standard",
            "Pays its normal benefit, up to what the patient still owes",
        ),
        CobMethod::NonDuplication => (
            "Non-duplication",
            "Pays its normal benefit minus what the primary paid",
        ),
        CobMethod::CarveOut => (
            "Carve-out",
            "Works like non-duplication: its normal benefit minus what the primary paid",
        ),
        CobMethod::MaintenanceOfBenefits => (
            "Maintenance of benefits",
            "Keeps the patient's own share as it would be under this plan alone",
        ),
        CobMethod::Basic => (
            "Basic",
            "Pays up to its allowed fee minus what the primary paid",
        ),
        CobMethod::Medicaid => (
            "Medicaid",
            "Pays up to its allowance; the rest is written off",
        ),
    };
    let coordinates = if plan.settings.coordinates_benefits {
        "Yes"
    } else {
        "No: pays first, whatever other plan the patient has"
    };
    let rows = [
        ("Method".to_string(), name.to_string()),
        ("As secondary".to_string(), words.to_string()),
        ("Coordinates benefits".to_string(), coordinates.to_string()),
    ];
    rows_grid(ui, "plan_rules_cob", &rows);
}

fn settings_ui(ui: &mut Ui, plan: &PlanRules) {
    let s = &plan.settings;
    let date = match s.date_of_service {
        DateOfServiceBasis::Completion => "Completion (crown seat, denture delivery)",
        DateOfServiceBasis::Start => "Start (crown prep)",
    };
    let denied = match s.denied_lines_billed_at {
        DeniedBilling::ContractedFee => "The contracted fee",
        DeniedBilling::OfficeFee => "The office fee",
    };
    let rounding = match plan.rounding {
        Rounding::HalfUp => "Half a cent rounds up",
        Rounding::HalfEven => "Half a cent rounds to the even cent",
    };
    let rows = [
        ("Multi-visit work dated at".to_string(), date.to_string()),
        (
            "Write-off after the maximum".to_string(),
            yes_no(s.write_off_after_maximum).to_string(),
        ),
        ("Denied lines billed at".to_string(), denied.to_string()),
        (
            "Write-off when secondary".to_string(),
            yes_no(s.write_off_when_secondary).to_string(),
        ),
        ("Rounding".to_string(), rounding.to_string()),
    ];
    rows_grid(ui, "plan_rules_settings", &rows);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CodeSet;
    use crate::model::plan::{
        AlternateBenefit, BenefitYear, FrequencyLimit, FrequencyScope, FrequencyWindow,
        ToothCondition,
    };
    use std::collections::BTreeMap;

    fn limit(count: u32, window: FrequencyWindow, scope: FrequencyScope) -> FrequencyLimit {
        FrequencyLimit {
            name: "Test".to_string(),
            codes: CodeSet::default(),
            count,
            window,
            scope,
        }
    }

    fn words(count: u32, window: FrequencyWindow, scope: FrequencyScope) -> String {
        frequency_words(&limit(count, window, scope))
    }

    #[test]
    fn frequency_limits_read_as_plain_words() {
        use FrequencyScope as S;
        use FrequencyWindow as W;
        assert_eq!(words(2, W::BenefitYear, S::Patient), "2 per benefit year");
        assert_eq!(
            words(1, W::Years(5), S::Tooth),
            "1 every 5 years, per tooth"
        );
        assert_eq!(words(1, W::Years(1), S::Patient), "1 every year");
        assert_eq!(
            words(1, W::MonthsToTheDay(6), S::Patient),
            "1 per 6 months to the day"
        );
        assert_eq!(
            words(1, W::MonthsToTheMonth(24), S::Quadrant),
            "1 per 24 months to the month, per quadrant"
        );
        assert_eq!(words(1, W::Days(90), S::Patient), "1 per 90 days");
        assert_eq!(words(1, W::Lifetime, S::Tooth), "1 per lifetime, per tooth");
        assert_eq!(
            words(1, W::MonthsToTheDay(24), S::ToothSurface),
            "1 per 24 months to the day, per tooth and surface"
        );
        assert_eq!(
            words(
                2,
                W::RollingMonths {
                    months: 12,
                    boundary_counts: false
                },
                S::Arch
            ),
            "2 in the last 12 months, rolling, per arch"
        );
        assert_eq!(
            words(
                1,
                W::RollingMonths {
                    months: 6,
                    boundary_counts: true
                },
                S::Patient
            ),
            "1 in the last 6 months, rolling, counting one exactly 6 months back"
        );
    }

    #[test]
    fn frequency_edge_cases_stay_readable() {
        use FrequencyScope as S;
        use FrequencyWindow as W;
        assert_eq!(words(0, W::BenefitYear, S::Patient), "never paid");
        assert_eq!(words(3, W::Days(0), S::Patient), "3 per day");
        assert_eq!(words(1, W::Years(0), S::Tooth), "1 per day, per tooth");
        assert_eq!(words(1, W::Days(1), S::Patient), "1 per day");
        assert_eq!(
            words(1, W::MonthsToTheDay(1), S::Patient),
            "1 per month to the day"
        );
        assert_eq!(
            words(
                1,
                W::RollingMonths {
                    months: 1,
                    boundary_counts: true
                },
                S::Patient
            ),
            "1 in the last month, rolling, counting one exactly 1 month back"
        );
    }

    #[test]
    fn downgrades_group_codes_by_what_they_are_paid_as() {
        let code = |s: &str| CdtCode::parse(s).unwrap();
        let mut paid_as = BTreeMap::new();
        for from in ["D2740", "D2750", "D2751", "D2752"] {
            paid_as.insert(code(from), code("D2791"));
        }
        let rule = AlternateBenefit {
            name: "Molar crowns".to_string(),
            paid_as,
            teeth: ToothCondition::Molar,
        };
        assert_eq!(
            downgrade_words(&rule),
            "D2740, D2750, D2751, D2752 paid as D2791 on molars"
        );
    }

    #[test]
    fn plan_years_name_their_first_month() {
        assert_eq!(
            benefit_year_words(BenefitYear::PlanYear { start_month: 7 }),
            "Plan year from July 1"
        );
        assert_eq!(
            benefit_year_words(BenefitYear::PlanYear { start_month: 13 }),
            "Plan year from January 1"
        );
    }
}
