//! The right panel, "Why this number": the selected line's amounts, its status
//! marks and the engine's steps as plain sentences.

use egui::{Grid, RichText, Ui};

use super::coverage::{named, open_plan_rules, payer_role};
use super::{Out, PanelCtx};
use crate::engine::coding::{CodingNote, NoteKind};
use crate::engine::{LineEstimate, Step};
use crate::gui::command::{Command, Edit};
use crate::gui::widgets::commit_edit::{commit_edit, name_combo};
use crate::gui::widgets::money::money_cell;
use crate::gui::widgets::status::{Tone, color, flag_badges};
use crate::model::{Library, LineId, TreatmentOption, VisitId};
use crate::money::Cents;

/// One explanation step as a sentence. The one place the GUI words a step, so the
/// screen, the CLI and the printout say the same thing.
pub fn step_sentence(step: &Step) -> String {
    crate::report::sentence(step)
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
    let info = ctx.library.catalogue.get(line.code);
    let area = line.area();
    let estimate = ctx.estimates.line(option.id, at);
    let number = estimate.map_or(0, |e| e.number);
    // The line's controls stay at the bottom of the panel, however long the
    // explanation above them is.
    ui.with_layout(egui::Layout::bottom_up(egui::Align::LEFT), |ui| {
        let delete = ui.button("Delete line");
        named(&delete, &format!("Delete line {number}"));
        if delete.clicked() {
            out.edit(Edit::RemoveLine(at));
            out.push(Command::SelectLine(None));
        }
        completed_at_ui(ui, option, at, line.completed_at, out);
        fee_override_ui(ui, at, line.fee, out);
        ui.separator();
        ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
            egui::ScrollArea::vertical()
                .id_salt("details_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(format!("Line {number}: {} {area}", line.code)).strong(),
                    );
                    if let Some(info) = info {
                        ui.label(&info.name);
                        ui.label(
                            RichText::new(format!("For the patient: {}", info.patient_text)).weak(),
                        );
                    }
                    if let Some(note) = &line.note {
                        ui.label(RichText::new(format!("Note: {note}")).italics());
                    }
                    ui.add_space(4.0);
                    match estimate {
                        Some(estimate) => {
                            line_amounts_ui(ui, ctx.library, estimate, "details_amounts");
                            let notes: Vec<&CodingNote> = ctx
                                .estimates
                                .notes(option.id)
                                .iter()
                                .filter(|n| n.line == at)
                                .collect();
                            coding_notes_ui(ui, &notes);
                        }
                        None => {
                            ui.label(
                                RichText::new("No estimate for this line: see the problems below.")
                                    .weak(),
                            );
                        }
                    }
                });
        });
    });
}

/// Multi-visit procedures (a crown: prep, then seat) are completed at a later
/// visit; plans date the service by completion.
fn completed_at_ui(
    ui: &mut Ui,
    option: &TreatmentOption,
    at: LineId,
    current: Option<VisitId>,
    out: Out<'_>,
) {
    let name =
        |id: Option<VisitId>| match id.and_then(|id| option.visits.iter().find(|v| v.id == id)) {
            Some(v) => format!("{} ({})", v.name, v.date.format("%Y-%m-%d")),
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

/// A line's amounts, status marks and the engine's steps as sentences.
/// A step that comes from one of the plan's rules links to the plan's rules.
pub fn line_amounts_ui(ui: &mut Ui, library: &Library, estimate: &LineEstimate, id: &str) {
    Grid::new(id).num_columns(2).striped(true).show(ui, |ui| {
        let amount = |ui: &mut Ui, label: &str, cents| {
            ui.label(label);
            money_cell(ui, cents);
            ui.end_row();
        };
        amount(ui, "Office fee", estimate.fee);
        amount(ui, "Allowed", estimate.allowed);
        amount(ui, "Write-off", estimate.write_off);
        amount(ui, "Deductible", estimate.deductible);
        for (k, share) in estimate.payers.iter().enumerate() {
            let label = format!("{} pays", payer_role(k));
            amount(ui, &label, share.pays);
        }
        amount(ui, "Patient pays", estimate.patient);
    });
    if !estimate.flags.is_empty() {
        ui.add_space(4.0);
        flag_badges(ui, &estimate.flags);
    }
    ui.add_space(6.0);
    ui.label(RichText::new("How it was worked out").strong());
    for (i, step) in estimate.steps.iter().enumerate() {
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(format!("{}.", i + 1)).weak());
            ui.add(egui::Label::new(step_sentence(step)).wrap());
        });
        // Steps carry the plan's name; the rules window wants its library id.
        let plan = rule_plan(step).and_then(|name| library.plans.values().find(|p| p.name == name));
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

/// The plan (by display name) whose rule produced this step, for the steps a plan
/// rule produces: downgrade, bundling, frequency, exclusion, age, waiting period,
/// missing tooth and maximum.
fn rule_plan(step: &Step) -> Option<&str> {
    match step {
        Step::Downgraded { plan, .. }
        | Step::Bundled { plan, .. }
        | Step::FrequencyLimit { plan, .. }
        | Step::DeniedWithCrown { plan, .. }
        | Step::Excluded { plan, .. }
        | Step::NotCovered { plan, .. }
        | Step::AgeLimit { plan, .. }
        | Step::WaitingPeriod { plan, .. }
        | Step::MissingTooth { plan, .. }
        | Step::MaximumCapped { plan, .. } => Some(plan),
        _ => None,
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
        let (word, tone) = match note.kind {
            NoteKind::Warning => ("! Coding warning:", Tone::Notice),
            NoteKind::Reminder => ("Documentation:", Tone::Info),
        };
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(word).color(color(ui, tone)).strong());
            ui.add(egui::Label::new(&note.message).wrap());
        });
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
