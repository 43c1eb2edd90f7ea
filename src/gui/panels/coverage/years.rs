//! What a plan has already used, per benefit year: this one (containing the
//! estimate date) and the next, for the patient and, when the plan has family
//! amounts, for the family. Each figure is edited in place; one committed field
//! is one undo step.

use chrono::NaiveDate;
use egui::{Grid, RichText, Ui};

use super::super::{Out, PanelCtx};
use crate::engine::window::BenefitYearStart;
use crate::gui::command::{Command, Edit};
use crate::gui::widgets::commit_edit::commit_edit;
use crate::model::edit::BenefitYear;
use crate::model::plan::FamilyDeductibleModel;
use crate::model::treatment_plan::YearUsed;
use crate::model::{Coverage, PlanRules};
use crate::money::Cents;
use crate::report::fmt;

/// Width of the amount fields' text: "10,000.00" fits.
const FIELD: f32 = 64.0;

/// One row of the grid: its words, and how it reads and writes a year's figures.
struct Row {
    words: &'static str,
    hover: &'static str,
    key: &'static str,
    get: fn(&YearUsed) -> String,
    set: fn(&mut YearUsed, &str) -> Result<(), String>,
}

fn money(text: &str) -> Result<Cents, String> {
    Cents::parse_non_negative(text).map_err(|e| e.to_string())
}

const BENEFITS: Row = Row {
    words: "Benefits\nused",
    hover: "What the plan has paid for the patient (counts toward the annual maximum)",
    key: "benefits used",
    get: |u| u.benefits_used.to_string(),
    set: |u, t| money(t).map(|c| u.benefits_used = c),
};

const DEDUCTIBLE: Row = Row {
    words: "Deductible\nmet",
    hover: "Deductible the patient has met",
    key: "deductible met",
    get: |u| u.deductible_met.to_string(),
    set: |u, t| money(t).map(|c| u.deductible_met = c),
};

const FAMILY_DEDUCTIBLE: Row = Row {
    words: "Family\ndeductible",
    hover: "Deductible dollars the whole family has met",
    key: "family deductible met",
    get: |u| u.family_deductible_met.to_string(),
    set: |u, t| money(t).map(|c| u.family_deductible_met = c),
};

const FAMILY_MEMBERS: Row = Row {
    words: "Family\nmembers met",
    hover: "Family members who have met their own deductible",
    key: "family members met",
    get: |u| u.family_members_met.to_string(),
    set: |u, t| {
        let n = t.trim().parse::<u32>();
        n.map(|n| u.family_members_met = n)
            .map_err(|_| format!("\"{}\" is not a whole number of people", t.trim()))
    },
};

const FAMILY_BENEFITS: Row = Row {
    words: "Family\nbenefits",
    hover: "What the plan has paid for the whole family",
    key: "family benefits used",
    get: |u| u.family_benefits_used.to_string(),
    set: |u, t| money(t).map(|c| u.family_benefits_used = c),
};

/// The rows this plan needs: family rows only when it has family amounts.
fn rows(plan: Option<&PlanRules>) -> Vec<Row> {
    let mut rows = vec![BENEFITS, DEDUCTIBLE];
    if let Some(plan) = plan {
        match (plan.deductible.family, plan.deductible.family_model) {
            (None, _) => {}
            (Some(_), FamilyDeductibleModel::AggregateDollars) => rows.push(FAMILY_DEDUCTIBLE),
            (Some(_), FamilyDeductibleModel::MemberCount(_)) => rows.push(FAMILY_MEMBERS),
        }
        if plan.maximum.family_annual.is_some() {
            rows.push(FAMILY_BENEFITS);
        }
    }
    rows
}

/// First and last day of this benefit year and the next, for the plan (calendar
/// year when the plan is not in the library).
fn years(plan: Option<&PlanRules>, today: NaiveDate) -> [(NaiveDate, NaiveDate); 2] {
    let start = BenefitYearStart {
        month: plan.map_or(1, |p| p.benefit_year.start_month()),
    };
    let this = start.year_containing(today);
    let next = this.1.succ_opt().map_or(this, |d| start.year_containing(d));
    [this, next]
}

/// The amounts used, this benefit year and next. The side panel is narrow, so
/// each year's dates get their own line, the years are the rows and the amounts
/// the columns, two at a time.
pub fn years_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, i: usize, coverage: &Coverage, out: Out<'_>) {
    let plan = ctx.library.plans.get(&coverage.plan);
    let [this, next] = years(plan, ctx.today);
    for (title, (start, end)) in [("This benefit year", this), ("Next benefit year", next)] {
        let text = format!("{title}: {}", fmt::benefit_year_dates(start, end));
        ui.label(RichText::new(text).small().weak());
    }
    let spacing = 4.0;
    let rows = rows(plan);
    for (k, pair) in rows.chunks(2).enumerate() {
        let grid = Grid::new(("years_grid", i, k)).num_columns(pair.len() + 1);
        grid.spacing([spacing, spacing]).show(ui, |ui| {
            ui.label("");
            for row in pair {
                ui.label(RichText::new(row.words).strong())
                    .on_hover_text(row.hover);
            }
            ui.end_row();
            let years = [
                (BenefitYear::This, "This year", this),
                (BenefitYear::Next, "Next year", next),
            ];
            for (year, words, (start, end)) in years {
                ui.label(words)
                    .on_hover_text(fmt::benefit_year_dates(start, end));
                for row in pair {
                    amount_ui(ui, (i, year, row), coverage, FIELD, out);
                }
                ui.end_row();
            }
        });
    }
}

/// One amount: coverage `i`'s `row` in `year`, committed as one edit.
fn amount_ui(
    ui: &mut Ui,
    at: (usize, BenefitYear, &Row),
    coverage: &Coverage,
    width: f32,
    out: Out<'_>,
) {
    let (i, year, row) = at;
    let words = match year {
        BenefitYear::This => "this year",
        BenefitYear::Next => "next year",
    };
    let mut used = coverage.used_in(year);
    let label = format!("{} {} {words}", super::payer_role(i), row.key);
    let shown = (row.get)(&used);
    // A grid cell is only as wide as its column was: ask for the field's width.
    let size = egui::vec2(width + 8.0, ui.spacing().interact_size.y);
    let typed = ui.allocate_ui(size, |ui| {
        commit_edit(ui, (row.key, words, i), &label, &shown, "0.00", width)
    });
    let Some(text) = typed.inner else {
        return;
    };
    match (row.set)(&mut used, &text) {
        Ok(()) => out.edit(Edit::CoverageUsed(i, year, used)),
        Err(e) => out.push(Command::ShowError(format!("{label}: {e}"))),
    }
}
