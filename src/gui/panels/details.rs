//! The right panel, "Why this number": the selected line's amounts, its status
//! marks and its steps as plain sentences, from the report's row for the line.

use egui::{Grid, RichText, Ui};

use super::coverage::{named, open_plan_rules};
use super::{Out, PanelCtx};
use crate::engine::coding::{CodingNote, NoteKind};
use crate::gui::command::{Command, Edit};
use crate::gui::completion::completion;
use crate::gui::widgets::commit_edit::{commit_edit, name_combo};
use crate::gui::widgets::money::money_cell;
use crate::gui::widgets::status::{color, flag_badges};
use crate::model::{Library, LineId, PlannedLine, TreatmentOption, VisitId};
use crate::money::Cents;
use crate::report::{ColumnSet, EstimateTable, Row, fmt};

/// The button that opens or closes the panel; true when clicked. Closed, the
/// panel is a thin strip with this button, so the table has room for its money.
pub fn toggle_ui(ui: &mut Ui, open: bool) -> bool {
    let (text, label, hover) = if open {
        (
            "»",
            "Close the explanation panel",
            "Hide \"Why this number\" to give the table room",
        )
    } else {
        (
            "«",
            "Open the explanation panel",
            "Show \"Why this number\" for the selected line",
        )
    };
    let response = ui.small_button(text).on_hover_text(hover);
    named(&response, label);
    response.clicked()
}

/// The button that folds the patient panel to a thin strip or opens it again;
/// true when clicked.
pub fn patient_toggle_ui(ui: &mut Ui, open: bool) -> bool {
    let (text, label, hover) = if open {
        (
            "«",
            "Close the patient panel",
            "Fold the patient panel to give the table room",
        )
    } else {
        (
            "»",
            "Open the patient panel",
            "Show the patient, insurance and history",
        )
    };
    // Open, the button sits in the panel's top right corner beside the heading,
    // taking no row of its own, so nothing below it moves.
    let corner = ui.max_rect();
    let mut place = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(corner)
            .layout(egui::Layout::right_to_left(egui::Align::Min)),
    );
    let target = if open { &mut place } else { ui };
    let response = target.small_button(text).on_hover_text(hover);
    named(&response, label);
    response.clicked()
}

/// Draws the panel.
pub fn details_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) {
    ui.heading("Why this number");
    let Some(at) = ctx.selected_line else {
        ui.label(RichText::new("Select a line to see how its amounts were worked out.").weak());
        return;
    };
    let Some(found) = ctx.plan.line(at) else {
        return;
    };
    let (option, line) = (found.option, found.line);
    let table = ctx.estimates.table(option.id);
    let row = table.and_then(|t| Some((t, t.row(at)?)));
    let number = row.map_or(0, |(_, r)| r.number);
    // The line's controls stay at the bottom of the panel, however long the
    // explanation above them is.
    ui.with_layout(egui::Layout::bottom_up(egui::Align::LEFT), |ui| {
        ui.horizontal(|ui| {
            let delete = ui.button("Delete line");
            named(&delete, &format!("Delete line {number}"));
            if delete.clicked() {
                out.push(Command::DeleteSelectedLine);
            }
            mark_completed_ui(ui, ctx, at, out);
        });
        completed_at_ui(ui, option, (at, ctx.date_style), line.completed_at, out);
        fee_override_ui(ui, at, line.fee, out);
        super::coding_line::coding_line_ui(ui, ctx, line, out);
        super::provider_picker::provider_picker_ui(ui, ctx, line, out);
        ui.separator();
        ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
            egui::ScrollArea::vertical()
                .id_salt("details_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    explanation_ui(ui, ctx, (number, line), row);
                    super::ortho_schedule::ortho_schedule_ui(ui, ctx, line, out);
                    super::staff_figures::staff_figures_ui(ui, ctx, line, out);
                });
        });
    });
}

/// "Mark completed": enabled when the line's amounts are known, else disabled
/// with the reason on hover.
fn mark_completed_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, at: LineId, out: Out<'_>) {
    let ready = completion(ctx.library, ctx.plan, ctx.estimates, ctx.today, at);
    let button = ui.add_enabled(ready.is_ok(), egui::Button::new("Mark completed"));
    let button = match &ready {
        Ok(_) => button.on_hover_text(
            "Done: the line moves into the patient's history and what the plans pay \
             is added to their amounts used (Ctrl+Enter)",
        ),
        Err(why) => button.on_disabled_hover_text(why.as_str()),
    };
    named(&button, "Mark completed");
    if button.clicked() {
        out.push(Command::CompleteSelectedLine);
    }
}

/// The line's name, its problems, its amounts and the steps behind them.
fn explanation_ui(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    (number, line): (usize, &PlannedLine),
    row: Option<(&EstimateTable, &Row)>,
) {
    let heading = format!("Line {number}: {} {}", line.code, fmt::area(line.area()));
    ui.label(RichText::new(heading).strong());
    if let Some(info) = ctx.library.catalogue.get(line.code) {
        ui.label(&info.name);
        ui.label(RichText::new(format!("For the patient: {}", info.patient_text)).weak());
    }
    if let Some(note) = &line.note {
        ui.label(RichText::new(format!("Note: {note}")).italics());
    }
    ui.add_space(4.0);
    for problem in ctx.estimates.line_problems(line.id) {
        let (mark, color) = if problem.is_blocking() {
            ("×", ui.visuals().error_fg_color)
        } else {
            ("!", ui.visuals().warn_fg_color)
        };
        ui.label(RichText::new(format!("{mark} {}", problem.message)).color(color));
    }
    let weak = |ui: &mut Ui, text: &str| ui.label(RichText::new(text).weak());
    match row {
        _ if ctx.estimates.blocked() => {
            weak(ui, "No amounts until the problems listed below are fixed.");
        }
        Some((table, row)) => {
            line_amounts_ui(ui, ctx.library, table, row, "details_amounts");
            let notes: Vec<&CodingNote> = row.notes.iter().collect();
            coding_notes_ui(ui, &notes);
        }
        None => {
            weak(ui, "No estimate for this line: see the problems below.");
        }
    }
}

/// Multi-visit procedures (a crown: prep, then seat) are completed at a later
/// visit; plans date the service by completion.
fn completed_at_ui(
    ui: &mut Ui,
    option: &TreatmentOption,
    (at, style): (LineId, crate::model::DateStyle),
    current: Option<VisitId>,
    out: Out<'_>,
) {
    let name =
        |id: Option<VisitId>| match id.and_then(|id| option.visits.iter().find(|v| v.id == id)) {
            Some(v) => format!("{} ({})", v.name, crate::report::fmt::date(v.date, style)),
            None => "The visit it starts in".to_string(),
        };
    ui.horizontal(|ui| {
        ui.label("Completed at");
        let shown = name(current);
        let response = egui::ComboBox::from_id_salt("completed_at")
            .selected_text(&shown)
            .show_ui(ui, |ui| {
                let mut choice = current;
                ui.selectable_value(&mut choice, None, name(None));
                for visit in &option.visits {
                    ui.selectable_value(&mut choice, Some(visit.id), name(Some(visit.id)));
                }
                if choice != current {
                    out.edit(Edit::LineCompletedAt(at, choice));
                }
            })
            .response;
        name_combo(&response, "Completed at", &shown);
    });
}

/// A line's amounts (the screen's money columns, under their full headings), its
/// status marks and the steps as sentences, all from the report's row. A step
/// that comes from one of the plan's rules links to the plan's rules.
pub fn line_amounts_ui(ui: &mut Ui, library: &Library, table: &EstimateTable, row: &Row, id: &str) {
    Grid::new(id).num_columns(2).striped(true).show(ui, |ui| {
        for column in table.columns(ColumnSet::Screen) {
            if !column.key.is_money() {
                continue;
            }
            ui.label(&column.long_title);
            money_cell(ui, &row.cell(&column).text);
            ui.end_row();
        }
    });
    if !row.flags.is_empty() {
        ui.add_space(4.0);
        flag_badges(ui, &row.flags);
    }
    ui.add_space(6.0);
    ui.label(RichText::new("How it was worked out").strong());
    for (i, step) in row.explanation.iter().enumerate() {
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(format!("{}.", i + 1)).weak());
            ui.add(egui::Label::new(&step.sentence).wrap());
        });
        // Steps carry the plan's name; the rules window wants its library id.
        let plan = step
            .rule_plan
            .as_deref()
            .and_then(|name| library.plans.values().find(|p| p.name == name));
        if let Some(plan) = plan {
            ui.horizontal(|ui| {
                ui.add_space(18.0);
                let link = ui
                    .link(RichText::new("see plan rule").small())
                    .on_hover_text(format!("The rules of {}", plan.name));
                named(&link, &format!("See plan rule for step {}", i + 1));
                if link.clicked() {
                    open_plan_rules(ui.ctx(), &plan.id);
                }
            });
        }
    }
}

/// Coding warnings and documentation reminders for one line, in colour and with
/// a word, so they read without colour too.
pub fn coding_notes_ui(ui: &mut Ui, notes: &[&CodingNote]) {
    if notes.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Coding notes").strong());
    for note in notes {
        let tone = super::coding_marks::tone(note);
        let word = match note.kind {
            NoteKind::Warning => format!("! {} ({}):", note.rule, note.severity.words()),
            NoteKind::Reminder => format!("{} (documentation):", note.rule),
        };
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(word).color(color(ui, tone)).strong());
            ui.add(egui::Label::new(&note.message).wrap());
        });
        if !note.instead.is_empty() {
            ui.add(egui::Label::new(format!("Instead: {}", note.instead)).wrap());
        }
    }
}

/// The line's fee: the office schedule's, or an override typed here (empty = the
/// schedule's fee again).
fn fee_override_ui(ui: &mut Ui, at: LineId, current: Option<Cents>, out: Out<'_>) {
    ui.horizontal(|ui| {
        ui.label("Fee override");
        let text = current.map_or_else(String::new, |c| c.to_plain_string());
        if let Some(typed) = commit_edit(
            ui,
            ("fee_override", at),
            "Line fee override",
            &text,
            "office fee",
            80.0,
        ) {
            let typed = typed.trim();
            if typed.is_empty() {
                out.edit(Edit::LineFee(at, None));
            } else {
                match Cents::parse_non_negative(typed) {
                    Ok(fee) => out.edit(Edit::LineFee(at, Some(fee))),
                    Err(e) => out.push(Command::ShowError(format!("Fee override: {e}"))),
                }
            }
        }
    });
}
