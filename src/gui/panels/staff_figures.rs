//! "Entered by staff" in the details panel (issue 16 item 6): the line's write-off
//! and, per payer, its allowed fee, coverage percentage, deductible and insurance
//! estimate typed by hand in place of the computed ones. Each committed field is
//! one edit (one undo step); an empty field clears the figure.

use egui::{Grid, Ui};

use super::{Out, PanelCtx};
use crate::gui::command::{Command, Edit};
use crate::gui::widgets::commit_edit::commit_edit;
use crate::model::overrides::{OverrideField, OverrideValue, exception_for};
use crate::model::{Coverage, PlannedLine};
use crate::money::{Cents, Percent};

/// What kind of value a field takes.
#[derive(Clone, Copy)]
enum Kind {
    Money,
    Percent,
}

/// The section, folded unless the line has figures entered.
pub fn staff_figures_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, line: &PlannedLine, out: Out<'_>) {
    egui::CollapsingHeader::new("Entered by staff")
        .id_salt(("staff_figures", line.id))
        .default_open(!line.overrides.is_empty())
        .show(ui, |ui| {
            Grid::new(("staff_figures_grid", line.id))
                .num_columns(2)
                .show(ui, |ui| {
                    let write_off = line.overrides.write_off.map(OverrideValue::Money);
                    let label = "Write-off entered by staff".to_string();
                    field(ui, line, (&label, OverrideField::WriteOff), write_off, out);
                    for (i, coverage) in ctx.plan.coverage.iter().enumerate() {
                        payer_fields(ui, ctx, line, &coverage.plan, out);
                        patient_fields(ui, ctx, line, (i, coverage), out);
                    }
                });
        });
}

/// The four figures of one payer.
fn payer_fields(ui: &mut Ui, ctx: &PanelCtx<'_>, line: &PlannedLine, plan: &str, out: Out<'_>) {
    let name = ctx
        .library
        .plans
        .get(plan)
        .map_or(plan, |p| p.name.as_str());
    let entered = line.overrides.payer(plan);
    let money = |f: fn(&crate::model::overrides::PayerOverride) -> Option<Cents>| {
        entered.and_then(f).map(OverrideValue::Money)
    };
    let percent = entered.and_then(|o| o.percent).map(OverrideValue::Percent);
    ui.label(egui::RichText::new(name).strong());
    ui.end_row();
    let rows = [
        (
            "Allowed fee",
            OverrideField::Allowed(plan.into()),
            money(|o| o.allowed),
        ),
        ("Coverage %", OverrideField::Percent(plan.into()), percent),
        (
            "Deductible",
            OverrideField::Deductible(plan.into()),
            money(|o| o.deductible),
        ),
        (
            "Insurance estimate",
            OverrideField::Insurance(plan.into()),
            money(|o| o.insurance),
        ),
    ];
    for (figure, which, value) in rows {
        let label = format!("{figure} entered by staff for {name}");
        field(ui, line, (&label, which), value, out);
    }
}

/// One labelled field; a committed change becomes one edit, a value that does not
/// read shows why and changes nothing.
fn field(
    ui: &mut Ui,
    line: &PlannedLine,
    (label, which): (&str, OverrideField),
    value: Option<OverrideValue>,
    out: Out<'_>,
) {
    let kind = match which {
        OverrideField::Percent(_) => Kind::Percent,
        _ => Kind::Money,
    };
    let shown = match value {
        Some(OverrideValue::Money(c)) => c.to_plain_string(),
        Some(OverrideValue::Percent(p)) => p.to_string().trim_end_matches('%').to_string(),
        None => String::new(),
    };
    ui.label(label.split(" entered by staff").next().unwrap_or(label));
    let typed = commit_edit(ui, (label, line.id), label, &shown, "computed", 80.0);
    ui.end_row();
    let Some(typed) = typed else { return };
    let typed = typed.trim();
    if typed.is_empty() {
        out.edit(Edit::LineOverride(line.id, which, None));
        return;
    }
    let parsed = match kind {
        Kind::Money => Cents::parse_non_negative(typed)
            .map(OverrideValue::Money)
            .map_err(|e| e.to_string()),
        Kind::Percent => Percent::parse(typed.trim_end_matches('%'))
            .map(OverrideValue::Percent)
            .map_err(|e| e.to_string()),
    };
    match parsed {
        Ok(v) => out.edit(Edit::LineOverride(line.id, which, Some(v))),
        Err(e) => out.push(Command::ShowError(format!("{label}: {e}"))),
    }
}

/// The patient's own exception for the line's code under one coverage: a
/// frequency count (when the plan limits the code) and a coverage percentage.
fn patient_fields(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    line: &PlannedLine,
    (i, coverage): (usize, &Coverage),
    out: Out<'_>,
) {
    let name = ctx
        .library
        .plans
        .get(&coverage.plan)
        .map_or(coverage.plan.as_str(), |p| p.name.as_str());
    let limited = ctx.library.plans.get(&coverage.plan).is_some_and(|p| {
        p.frequency_limits
            .iter()
            .any(|l| l.codes.contains(line.code))
    });
    let current = exception_for(&coverage.exceptions, line.code);
    let (frequency, percent) = (
        current.and_then(|e| e.frequency),
        current.and_then(|e| e.percent),
    );
    let set = |f: Option<u32>, p: Option<Percent>| Edit::CoverageException(i, line.code, f, p);
    if limited {
        let label = format!("Limit count for this patient for {name}");
        let shown = frequency.map_or_else(String::new, |n| n.to_string());
        ui.label(format!("{} limit count, this patient", line.code));
        let typed = commit_edit(ui, (&label, line.id), &label, &shown, "plan's", 80.0);
        ui.end_row();
        match typed.as_deref().map(str::trim) {
            None => {}
            Some("") => out.edit(set(None, percent)),
            Some(t) => match t.parse::<u32>() {
                Ok(n) => out.edit(set(Some(n), percent)),
                Err(_) => out.push(Command::ShowError(format!(
                    "{label}: expected a whole number such as 3, found \"{t}\""
                ))),
            },
        }
    }
    let label = format!("Coverage % for this patient for {name}");
    let shown = percent.map_or_else(String::new, |p| p.to_string().trim_end_matches('%').into());
    ui.label(format!("{} coverage %, this patient", line.code));
    let typed = commit_edit(ui, (&label, line.id), &label, &shown, "plan's", 80.0);
    ui.end_row();
    match typed.as_deref().map(str::trim) {
        None => {}
        Some("") => out.edit(set(frequency, None)),
        Some(t) => match Percent::parse(t.trim_end_matches('%')) {
            Ok(p) => out.edit(set(frequency, Some(p))),
            Err(e) => out.push(Command::ShowError(format!("{label}: {e}"))),
        },
    }
}
