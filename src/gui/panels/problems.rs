//! The bottom panel: the last message, library problems (`file:line:col: message`)
//! and document problems. Problems are never hidden while there are any.

use egui::{RichText, Ui};

use super::PanelCtx;
use crate::engine::check::Severity;

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
                    crate::report::fmt::date(ctx.today, ctx.date_style),
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
            document_problems_ui(ui, ctx);
        });
}

/// The treatment plan's problems: the blocking ones first, in the error colour
/// and marked, with what they stop; then the warnings.
fn document_problems_ui(ui: &mut Ui, ctx: &PanelCtx<'_>) {
    let problems = &ctx.estimates.document_problems;
    if problems.is_empty() {
        return;
    }
    let blocking = problems.iter().filter(|p| p.is_blocking()).count();
    let (heading, color) = if blocking > 0 {
        (
            format!(
                "Treatment plan problems ({blocking} to fix before the estimate can be printed or compared)"
            ),
            ui.visuals().error_fg_color,
        )
    } else {
        (
            format!("Treatment plan warnings ({})", problems.len()),
            ui.visuals().warn_fg_color,
        )
    };
    ui.label(RichText::new(heading).strong().color(color));
    for problem in problems {
        let text = match problem.severity {
            Severity::Blocking => {
                RichText::new(format!("× {}", problem.message)).color(ui.visuals().error_fg_color)
            }
            Severity::Warning => RichText::new(format!("! {}", problem.message)),
        };
        ui.label(text);
    }
}
