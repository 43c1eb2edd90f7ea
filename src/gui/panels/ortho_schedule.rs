//! The orthodontic payment schedule in the details panel (issue 16 item 8): for a
//! line of an orthodontic code, the months of treatment (typed here; empty: not
//! a case with a schedule) and the report's schedule sentences.

use egui::{RichText, Ui};

use super::{Out, PanelCtx};
use crate::gui::command::{Command, Edit};
use crate::gui::widgets::commit_edit::commit_edit;
use crate::model::ortho::{MAX_MONTHS, OrthoCase};
use crate::model::{PlannedLine, ProcedureClass};
use crate::report::Names;
use crate::report::ortho::ortho_views;

/// The months field and, when the line is a case, its schedule.
pub fn ortho_schedule_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, line: &PlannedLine, out: Out<'_>) {
    if ctx.library.catalogue.class_of(line.code) != ProcedureClass::Orthodontics {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Orthodontic payment schedule").strong());
    months_ui(ui, line, out);
    let Some(found) = ctx.plan.line(line.id) else {
        return;
    };
    let Some(estimate) = ctx.estimates.option(found.option.id) else {
        return;
    };
    let names = Names {
        catalogue: &ctx.library.catalogue,
        plans: &ctx.library.plans,
    };
    let language = crate::model::Language::English;
    let views = ortho_views(found.option, estimate, &names, (language, false));
    for view in views.iter().filter(|v| v.line == line.id) {
        ui.label(&view.title);
        for party in &view.parties {
            ui.horizontal_top(|ui| {
                ui.label(RichText::new(format!("{}:", party.who)).strong());
                ui.add(egui::Label::new(&party.text).wrap());
            });
        }
    }
}

/// "Months of treatment": a whole number from 1 to 120; empty clears the case.
fn months_ui(ui: &mut Ui, line: &PlannedLine, out: Out<'_>) {
    ui.horizontal(|ui| {
        ui.label("Months of treatment");
        let shown = line
            .ortho
            .as_ref()
            .map_or_else(String::new, |c| c.months.to_string());
        let label = "Months of orthodontic treatment";
        let Some(typed) = commit_edit(ui, ("ortho_months", line.id), label, &shown, "none", 50.0)
        else {
            return;
        };
        let typed = typed.trim();
        if typed.is_empty() {
            out.edit(Edit::LineOrtho(line.id, None));
            return;
        }
        match typed.parse::<u32>() {
            Ok(months) if (1..=MAX_MONTHS).contains(&months) => {
                let case = OrthoCase {
                    months,
                    ..line.ortho.clone().unwrap_or_else(|| OrthoCase::new(months))
                };
                out.edit(Edit::LineOrtho(line.id, Some(case)));
            }
            _ => out.push(Command::ShowError(format!(
                "Months of treatment: expected a whole number from 1 to {MAX_MONTHS}, found \"{typed}\""
            ))),
        }
    });
}
