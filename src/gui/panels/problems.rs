//! The bottom panel: the last message, library problems (`file:line:col: message`)
//! and document problems. Problems are never hidden while there are any.

use egui::{RichText, Ui};

use super::PanelCtx;

/// True when the panel has problems to list (it is then shown taller).
pub fn has_problems(ctx: &PanelCtx<'_>) -> bool {
    !ctx.library.problems.is_empty() || !ctx.estimates.document_problems.is_empty()
}

/// Draws the panel.
pub fn problems_ui(ui: &mut Ui, ctx: &PanelCtx<'_>) {
    ui.horizontal(|ui| {
        match &ctx.state.message {
            Some(message) if message.is_error => {
                ui.label(RichText::new(&message.text).color(ui.visuals().error_fg_color));
            }
            Some(message) => {
                ui.label(&message.text);
            }
            None => {
                ui.label(RichText::new("Ready").weak());
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let source = ctx.state.library_dir.as_ref().map_or_else(
                || "built-in sample".to_string(),
                |d| d.display().to_string(),
            );
            ui.label(
                RichText::new(format!(
                    "Library: {} plans, {} fee schedules · {source} · estimates as of {}",
                    ctx.library.plans.len(),
                    ctx.library.fee_schedules.len(),
                    crate::report::fmt::iso_date(ctx.today),
                ))
                .weak(),
            );
        });
    });
    if !has_problems(ctx) {
        return;
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("problems_scroll")
        .max_height(110.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let error = ui.visuals().error_fg_color;
            if !ctx.library.problems.is_empty() {
                ui.label(
                    RichText::new(format!(
                        "Library problems ({}): these files were skipped",
                        ctx.library.problems.len()
                    ))
                    .strong()
                    .color(error),
                );
                for problem in &ctx.library.problems {
                    ui.label(RichText::new(problem.to_string()).monospace());
                }
            }
            if !ctx.estimates.document_problems.is_empty() {
                ui.label(
                    RichText::new(format!(
                        "Treatment plan problems ({})",
                        ctx.estimates.document_problems.len()
                    ))
                    .strong()
                    .color(ui.visuals().warn_fg_color),
                );
                for problem in &ctx.estimates.document_problems {
                    ui.label(problem);
                }
            }
        });
}
