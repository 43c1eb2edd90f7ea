//! "What does my plan cover?": one plan's rules as a read-only view in plain words,
//! section by section (coverage, deductible, maximums, limits, downgrades, bundling,
//! coordination of benefits and the smaller settings). The words are
//! `report::PlanSummary`'s; this only draws them.
//!
//! Uses only `egui` and the engine-side modules (`model`, `money`, `library`,
//! `report`), never the app's own GUI modules, so it can be drawn anywhere: a
//! window, a side panel or the compare view. It does not scroll by itself: put it
//! in a `ScrollArea`.

use egui::{CollapsingHeader, Grid, RichText, Ui};

use crate::model::{Library, PlanRules};
use crate::report::plan_summary::{Block, PlanContext, PlanSummary, SummaryLine};

/// Draws `plan` for people: header, then one collapsible section per kind of rule.
/// Coverage, deductible and maximums start open. Ids are salted with the plan id,
/// so two plans can be shown side by side.
pub fn plan_rules_ui(ui: &mut Ui, plan: &PlanRules, library: &Library) {
    let context = PlanContext::of(plan, library);
    let summary = PlanSummary::new(plan, context);
    ui.push_id(("plan_rules", plan.id.as_str()), |ui| {
        ui.heading(&summary.title);
        facts_grid(ui, "plan_rules_header", &summary.facts);
        ui.add_space(4.0);
        for s in &summary.sections {
            section(ui, s.title, s.open, |ui| {
                for (i, block) in s.blocks.iter().enumerate() {
                    block_ui(ui, (s.title, i), block);
                }
            });
        }
    });
}

/// A collapsible section with a stable id.
fn section(ui: &mut Ui, title: &str, open: bool, body: impl FnOnce(&mut Ui)) {
    CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("plan_rules_section", title))
        .default_open(open)
        .show(ui, body);
}

/// One block of a section; `id` salts its grid.
fn block_ui(ui: &mut Ui, id: (&str, usize), block: &Block) {
    match block {
        Block::Empty(text) => {
            ui.label(RichText::new(*text).weak());
        }
        Block::Sentence(text) => {
            ui.label(text);
        }
        Block::Caption(text) => {
            ui.add_space(4.0);
            ui.label(RichText::new(*text).weak());
        }
        Block::Facts(lines) => facts_grid(ui, id, lines),
        Block::Percentages(lines) => grid(ui, id, 2, lines, |ui, line| {
            ui.label(&line.label);
            ui.label(muted_if(&line.value, line.muted));
        }),
        Block::FrequencyLimits(lines) => grid(ui, id, 3, lines, |ui, line| {
            ui.label(&line.label);
            ui.label(RichText::new(line.note.as_deref().unwrap_or_default()).weak());
            ui.label(&line.value);
        }),
        Block::BundlingRules(lines) => grid(ui, id, 2, lines, |ui, line| {
            ui.label(RichText::new(&line.label).strong());
            ui.vertical(|ui| {
                ui.label(&line.value);
                if let Some(note) = &line.note {
                    ui.label(RichText::new(note).weak());
                }
            });
        }),
    }
}

fn muted_if(text: &str, muted: bool) -> RichText {
    let text = RichText::new(text);
    if muted { text.weak() } else { text }
}

/// A striped two-column grid of weak label / value rows.
fn facts_grid(ui: &mut Ui, id: impl egui::AsIdSalt, lines: &[SummaryLine]) {
    grid(ui, id, 2, lines, |ui, line| {
        ui.label(RichText::new(&line.label).weak());
        ui.label(muted_if(&line.value, line.muted));
    });
}

/// A striped grid, one row per line drawn by `row`.
fn grid(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    columns: usize,
    lines: &[SummaryLine],
    row: impl Fn(&mut Ui, &SummaryLine),
) {
    Grid::new(id)
        .num_columns(columns)
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for line in lines {
                row(ui, line);
                ui.end_row();
            }
        });
}
