//! The compare view: a scenario picker, the benefit-year advisor's suggestion, a
//! grid with one column per scenario (lines, then totals; rows that differ are
//! shaded and marked "*"), and a bar chart of patient cost and insurance per
//! scenario. Every amount is the engine's (`engine::compare`); clicking a cell
//! shows that line's explanation in the right panel.

use egui::{Align2, Color32, RichText, Sense, Ui};

use super::coverage::named;
use super::details::{coding_notes_ui, line_amounts_ui};
use super::{Out, PanelCtx};
use crate::engine::ScenarioTotals;
use crate::gui::command::{Command, Edit};
use crate::gui::print::PrintJob;
use crate::gui::state::CellAt;
use crate::gui::widgets::commit_edit::name_combo;
use crate::gui::widgets::money::column_width;
use crate::money::Cents;
use crate::report::comparison::{
    CELL_HEADINGS, ComparisonLine, LineCell, NO_LINE, SCREEN_LINE_HEADING, TotalRow,
};
use crate::report::{ComparisonTable, fmt};

/// Draws the centre in compare mode.
pub fn compare_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) {
    ui.horizontal(|ui| {
        ui.heading("Compare side by side");
        if ui
            .button("Back to the plan")
            .on_hover_text("Ctrl+K switches between the plan and the comparison")
            .clicked()
        {
            out.push(Command::ToggleCompare);
        }
        if ui
            .button("Print…")
            .on_hover_text("Print every option side by side for the patient, then each in detail")
            .clicked()
        {
            out.push(Command::PrintJob(PrintJob::Handout));
        }
    });
    picker_ui(ui, ctx, out);
    ui.separator();
    advice_ui(ui, ctx, out);
    let state = ctx.state;
    if ctx.estimates.blocked() {
        ui.label(
            RichText::new(
                "This plan has problems that change the numbers (marked × in the table and listed below): fix them before comparing.",
            )
            .color(ui.visuals().error_fg_color),
        );
        return;
    }
    if work_ui(ui, ctx, out) {
        return;
    }
    let comparison = match (&state.comparison.result, &state.comparison.table) {
        (Some(Ok(_)), Some(table)) => table,
        (Some(Err(e)), _) => {
            ui.label(
                RichText::new(format!("Cannot compare: {e}")).color(ui.visuals().error_fg_color),
            );
            return;
        }
        _ => return,
    };
    if comparison.scenarios.is_empty() {
        ui.label(RichText::new("Pick at least one option to compare.").weak());
        return;
    }
    egui::ScrollArea::both()
        .id_salt("compare_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            grid_ui(ui, ctx, comparison, out);
            ui.add_space(10.0);
            chart_ui(ui, comparison);
        });
}

/// A comparison running in the background ("Comparing… 2 of 6 scenarios" and
/// Cancel), or cancelled ("Compare again"). True when there is nothing else to
/// show: no comparison of the current inputs yet.
fn work_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) -> bool {
    let cache = &ctx.state.comparison;
    if let Some((done, total)) = cache.progress() {
        ui.horizontal(|ui| {
            // The scenarios are priced; the benefit-year advisor runs last.
            let text = if done >= total {
                "Looking for a cheaper schedule…".to_string()
            } else {
                format!("Comparing… {done} of {total} scenarios")
            };
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            // Not animated: an animation would keep the window drawing meanwhile.
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(160.0)
                    .text(text),
            );
            if ui
                .button("Cancel")
                .on_hover_text("Stop comparing; nothing is shown until you compare again")
                .clicked()
            {
                out.push(Command::CompareCancel);
            }
        });
        return cache.result.is_none();
    }
    if cache.is_cancelled() {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Comparison cancelled.").weak());
            if ui.button("Compare again").clicked() {
                out.push(Command::CompareAgain);
            }
        });
        return true;
    }
    false
}

/// Options (checkboxes), added plan columns, "Add plan column", "No insurance".
fn picker_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) {
    let selection = &ctx.state.compare;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Options").weak());
        for option in &ctx.plan.options {
            let mut on = !selection.excluded.contains(&option.id);
            let response = ui.checkbox(&mut on, &option.name);
            if response.changed() {
                out.push(Command::CompareOption(option.id, on));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Priced under").weak());
        let own = crate::engine::PayerSetup::patient(ctx.plan).label;
        ui.label(format!("the patient's coverage ({own})"));
        for id in &selection.plans {
            ui.label(format!("+ {} alone", ctx.plan_name(id)));
            let remove = ui
                .small_button("Remove")
                .on_hover_text("Remove this plan's columns");
            named(&remove, &format!("Remove plan column {id}"));
            if remove.clicked() {
                out.push(Command::CompareRemovePlan(id.clone()));
            }
        }
        let shown = "Add plan column…";
        let response = egui::ComboBox::from_id_salt("add_plan_column")
            .selected_text(shown)
            .width(170.0)
            .show_ui(ui, |ui| {
                for (id, rules) in &ctx.library.plans {
                    if selection.plans.contains(id) {
                        continue;
                    }
                    let text = format!("{} ({id})", rules.name);
                    if ui.selectable_label(false, text).clicked() {
                        out.push(Command::CompareAddPlan(id.clone()));
                    }
                }
            })
            .response;
        name_combo(&response, "Add plan column", shown);
        let mut none = selection.no_insurance;
        if ui.checkbox(&mut none, "No insurance").changed() {
            out.push(Command::CompareNoInsurance(none));
        }
    });
}

/// The advisor's suggestion for the shown option, with a button that adds it.
fn advice_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) {
    let Some(Ok(Some(advice))) = &ctx.state.comparison.advice else {
        return;
    };
    let Some(option) = ctx.shown_option() else {
        return;
    };
    let sentence = crate::report::comparison::advice_sentence(&option.name, advice);
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.label(RichText::new("Benefit year").strong());
                ui.add(egui::Label::new(sentence).wrap());
            });
            let exists = ctx
                .plan
                .options
                .iter()
                .any(|o| o.name == advice.new_option.name);
            let add = ui
                .add_enabled(!exists, egui::Button::new("Add as new option"))
                .on_disabled_hover_text("The plan already has this option");
            if add.clicked() {
                out.edit(Edit::AddOption(advice.new_option.clone()));
            }
        });
    ui.add_space(4.0);
}

/// One scenario's column width: insurance and patient amounts side by side.
fn cell_width(ui: &Ui) -> f32 {
    2.0 * column_width(ui) + 8.0
}

/// The grid: scenario headings, one row per procedure, then the totals; every
/// text is the report's (`report::ComparisonTable`).
fn grid_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, table: &ComparisonTable, out: Out<'_>) {
    let width = cell_width(ui);
    egui::Grid::new("compare_grid")
        .num_columns(table.scenarios.len() + 1)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            headings_ui(ui, table, width);
            for row in &table.rows {
                line_row_ui(ui, ctx, table, row, width, out);
            }
            for (i, total) in table.totals.iter().enumerate() {
                total_row_ui(ui, table, total, (i == 0, width));
            }
        });
    ui.label(
        RichText::new("* differs between scenarios (shaded). Click an amount to see why.").weak(),
    );
}

/// The scenario titles, then "Insurance" and "Patient" over each column.
fn headings_ui(ui: &mut Ui, table: &ComparisonTable, width: f32) {
    row_label(
        ui,
        RichText::new(SCREEN_LINE_HEADING).weak(),
        SCREEN_LINE_HEADING,
    );
    for s in &table.scenarios {
        let title = format!("{} {}", s.number, s.title);
        ui.allocate_ui(egui::vec2(width, 40.0), |ui| {
            ui.set_width(width);
            ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
        });
    }
    ui.end_row();
    ui.label("");
    for _ in &table.scenarios {
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(width, ui.spacing().interact_size.y),
            Sense::hover(),
        );
        let font = egui::TextStyle::Small.resolve(ui.style());
        let color = ui.visuals().weak_text_color();
        let [insurance, patient] = CELL_HEADINGS;
        let p = ui.painter();
        let left = rect.right_center() - egui::vec2(width / 2.0, 0.0);
        p.text(left, Align2::RIGHT_CENTER, insurance, font.clone(), color);
        p.text(
            rect.right_center(),
            Align2::RIGHT_CENTER,
            patient,
            font,
            color,
        );
    }
    ui.end_row();
}

/// Shades a row that differs between scenarios, behind what was drawn.
fn shade(ui: &Ui, background: egui::layers::ShapeIdx, rect: egui::Rect, differs: bool) {
    if differs {
        let fill = ui.visuals().warn_fg_color.gamma_multiply(0.09);
        let shape = egui::Shape::rect_filled(rect.expand2(egui::vec2(3.0, 1.0)), 2.0, fill);
        ui.painter().set(background, shape);
    }
}

fn line_row_ui(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    table: &ComparisonTable,
    row: &ComparisonLine,
    width: f32,
    out: Out<'_>,
) {
    let background = ui.painter().add(egui::Shape::Noop);
    let marker = if row.differs { "* " } else { "  " };
    let mut rect = row_label(
        ui,
        RichText::new(format!("{marker}{}", row.label)),
        &row.label,
    );
    for (s, cell) in table.scenarios.iter().zip(&row.cells) {
        let at = CellAt {
            row: row.key.clone(),
            scenario: s.key.clone(),
        };
        let selected = ctx.state.selected_cell.as_ref() == Some(&at);
        let fallback = format!("{}, {}", row.label, s.title);
        let response = line_cell(ui, cell.as_ref(), (&fallback, selected), width);
        rect = rect.union(response.rect);
        if response.clicked() {
            out.push(Command::SelectCell(Some(at)));
        }
    }
    shade(ui, background, rect, row.differs);
    ui.end_row();
}

/// One total row; `first` draws the rule above the totals.
fn total_row_ui(
    ui: &mut Ui,
    table: &ComparisonTable,
    total: &TotalRow,
    (first, width): (bool, f32),
) {
    let background = ui.painter().add(egui::Shape::Noop);
    let marker = if total.differs { "* " } else { "  " };
    let mut text = RichText::new(format!("{marker}{}", total.label));
    if total.strong {
        text = text.strong();
    }
    let mut rect = row_label(ui, text, total.label);
    if first {
        let x2 = rect.left() + table.scenarios.len() as f32 * (width + 10.0) + rect.width() + 10.0;
        let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
        ui.painter()
            .hline(rect.left()..=x2, rect.top() - 1.0, stroke);
    }
    for cell in &total.cells {
        let (at, response) = ui.allocate_exact_size(
            egui::vec2(width, ui.spacing().interact_size.y),
            Sense::hover(),
        );
        let color = if total.strong {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().text_color()
        };
        let font = egui::TextStyle::Body.resolve(ui.style());
        ui.painter().text(
            at.right_center(),
            Align2::RIGHT_CENTER,
            &cell.text,
            font,
            color,
        );
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::new(egui::Role::Cell);
            info.label = Some(cell.a11y_label.clone());
            info.current_text_value = Some(cell.text.clone());
            info
        });
        rect = rect.union(at);
    }
    shade(ui, background, rect, total.differs);
    ui.end_row();
}

/// Width of the first column: long descriptions are cut short (the full text
/// shows on hover), so three or four scenarios fit beside the side panels.
const LABEL_WIDTH: f32 = 170.0;

/// The first cell of a row, `LABEL_WIDTH` wide.
fn row_label(ui: &mut Ui, text: RichText, full: &str) -> egui::Rect {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(LABEL_WIDTH, height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(LABEL_WIDTH);
            ui.add(egui::Label::new(text).truncate())
                .on_hover_text(full);
        },
    )
    .response
    .rect
}

/// One scenario's cell of a line: insurance and patient, clickable when the
/// scenario has the line.
/// `label` names the cell for screen readers when the scenario has no such line.
fn line_cell(
    ui: &mut Ui,
    cell: Option<&LineCell>,
    (label, selected): (&str, bool),
    width: f32,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(width, ui.spacing().interact_size.y),
        if cell.is_some() {
            Sense::click()
        } else {
            Sense::hover()
        },
    );
    let visuals = ui.visuals();
    if selected {
        ui.painter()
            .rect_filled(rect, 2.0, visuals.selection.bg_fill);
    } else if response.hovered() && cell.is_some() {
        ui.painter()
            .rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let (insurance, patient) = cell.map_or((NO_LINE, NO_LINE), |c| {
        (c.insurance_text.as_str(), c.patient_text.as_str())
    });
    let strong: Color32 = if selected {
        visuals.selection.stroke.color
    } else {
        visuals.strong_text_color()
    };
    let (weak, font) = (
        visuals.weak_text_color(),
        egui::TextStyle::Body.resolve(ui.style()),
    );
    let left = rect.right_center() - egui::vec2(width / 2.0, 0.0);
    let p = ui.painter();
    p.text(left, Align2::RIGHT_CENTER, insurance, font.clone(), weak);
    p.text(
        rect.right_center(),
        Align2::RIGHT_CENTER,
        patient,
        font,
        strong,
    );
    let (label, value) = cell.map_or_else(
        || (label.to_string(), NO_LINE.to_string()),
        |c| (c.a11y_label.clone(), c.a11y_value.clone()),
    );
    response.widget_info(|| {
        let mut info =
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, label.clone());
        info.current_text_value = Some(value.clone());
        info
    });
    response.on_hover_text("Click to see how this amount was worked out")
}

/// Patient cost and insurance per scenario, numbered like the columns.
fn chart_ui(ui: &mut Ui, c: &ComparisonTable) {
    use egui_plot::{Bar, BarChart, Legend, Plot};
    ui.label(RichText::new("Patient cost and insurance per scenario").strong());
    let dollars = |cents: Cents| cents.cents() as f64 / 100.0;
    let n = c.scenarios.len();
    let bars = |offset: f64, value: &dyn Fn(&ScenarioTotals) -> Cents, what: &str| -> Vec<Bar> {
        c.scenarios
            .iter()
            .map(|s| {
                let amount = value(&s.totals);
                Bar::new(s.number as f64 + offset, dollars(amount))
                    .width(0.36)
                    .name(format!("{what} {}: {}", s.number, fmt::amount(amount)))
            })
            .collect()
    };
    let patient = BarChart::new("Patient", bars(-0.19, &|t| t.patient, "Patient"))
        .color(Color32::from_rgb(0xd0, 0x7a, 0x2c));
    let insurance = BarChart::new("Insurance", bars(0.19, &|t| t.insurance, "Insurance"))
        .color(Color32::from_rgb(0x3a, 0x7c, 0xb8));
    Plot::new("compare_chart")
        .height(190.0)
        .width((n as f32 * 120.0 + 120.0).clamp(320.0, 760.0))
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_x(0.4)
        .include_x(n as f64 + 0.6)
        .x_axis_formatter(move |mark, _| {
            let k = mark.value.round();
            if (mark.value - k).abs() < 1e-6 && k >= 1.0 && k <= n as f64 {
                format!("{k}")
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| format!("${:.0}", mark.value))
        .show(ui, |plot| {
            plot.bar_chart(patient);
            plot.bar_chart(insurance);
        });
}

/// The right panel in compare mode: the selected cell's line, worked out, from
/// that scenario's own estimate table.
pub fn compare_details_ui(ui: &mut Ui, ctx: &PanelCtx<'_>) {
    ui.heading("Why this number");
    let table = ctx.state.comparison.table.as_ref();
    let found = ctx.state.selected_cell.as_ref().and_then(|cell| {
        let t = table?;
        let row = t.row(&cell.row)?;
        let k = t.scenarios.iter().position(|s| s.key == cell.scenario)?;
        let line = row.cells.get(k)?.as_ref()?;
        let scenario = t.scenarios.get(k)?;
        Some((row, scenario, scenario.estimate.row(line.line)?))
    });
    let Some((row, scenario, line)) = found else {
        ui.label(
            RichText::new("Click an amount in the comparison to see how it was worked out.").weak(),
        );
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("compare_details_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(RichText::new(&scenario.title).strong());
            ui.label(format!("Line {}: {}", line.number, row.label));
            ui.label(RichText::new(&line.description).weak());
            ui.add_space(4.0);
            line_amounts_ui(
                ui,
                ctx.library,
                &scenario.estimate,
                line,
                "compare_details_amounts",
            );
            let notes: Vec<_> = line.notes.iter().collect();
            coding_notes_ui(ui, &notes);
        });
}
