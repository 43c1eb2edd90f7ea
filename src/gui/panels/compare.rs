//! The compare view: a scenario picker, the benefit-year advisor's suggestion, a
//! grid with one column per scenario (lines, then totals; rows that differ are
//! shaded and marked "*"), and a bar chart of patient cost and insurance per
//! scenario. Every amount is the engine's (`engine::compare`); clicking a cell
//! shows that line's explanation in the right panel.

use egui::{Align2, Color32, RichText, Sense, Ui};

use super::coverage::named;
use super::details::{coding_notes_ui, line_amounts_ui};
use super::{Out, PanelCtx};
use crate::engine::{Comparison, ComparisonRow, ScenarioTotals};
use crate::gui::command::{Command, Edit};
use crate::gui::state::CellAt;
use crate::gui::widgets::commit_edit::name_combo;
use crate::gui::widgets::money::column_width;
use crate::money::Cents;

/// Shown where a scenario has no such line or no maximum.
const NONE: &str = "—";

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
    });
    picker_ui(ui, ctx, out);
    ui.separator();
    advice_ui(ui, ctx, out);
    let state = ctx.state;
    let comparison = match &state.comparison.result {
        Some(Ok(c)) => c,
        Some(Err(e)) => {
            ui.label(
                RichText::new(format!("Cannot compare: {e}")).color(ui.visuals().error_fg_color),
            );
            return;
        }
        None => return,
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

fn grid_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, c: &Comparison, out: Out<'_>) {
    let width = cell_width(ui);
    let half = width / 2.0;
    let differ_fill = ui.visuals().warn_fg_color.gamma_multiply(0.09);
    egui::Grid::new("compare_grid")
        .num_columns(c.scenarios.len() + 1)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            row_label(ui, RichText::new("Line").weak(), "Line");
            for (k, s) in c.scenarios.iter().enumerate() {
                let title = format!("{} {}", k + 1, s.scenario.title());
                ui.allocate_ui(egui::vec2(width, 40.0), |ui| {
                    ui.set_width(width);
                    ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
                });
            }
            ui.end_row();
            ui.label("");
            for _ in &c.scenarios {
                let (rect, _) = ui.allocate_exact_size(
                    egui::vec2(width, ui.spacing().interact_size.y),
                    Sense::hover(),
                );
                let font = egui::TextStyle::Small.resolve(ui.style());
                let color = ui.visuals().weak_text_color();
                let p = ui.painter();
                p.text(
                    rect.right_center() - egui::vec2(half, 0.0),
                    Align2::RIGHT_CENTER,
                    "Insurance",
                    font.clone(),
                    color,
                );
                p.text(
                    rect.right_center(),
                    Align2::RIGHT_CENTER,
                    "Patient",
                    font,
                    color,
                );
            }
            ui.end_row();
            for row in &c.rows {
                let background = ui.painter().add(egui::Shape::Noop);
                let label = if row.differs {
                    format!("* {}", row.label)
                } else {
                    format!("  {}", row.label)
                };
                let mut rect = row_label(ui, RichText::new(label), &row.label);
                for (k, result) in c.scenarios.iter().enumerate() {
                    let cell = CellAt {
                        row: row.key.clone(),
                        scenario: result.scenario.key(),
                    };
                    let selected = ctx.state.selected_cell.as_ref() == Some(&cell);
                    let response = line_cell(ui, c, row, (k, selected), width);
                    rect = rect.union(response.rect);
                    if response.clicked() {
                        out.push(Command::SelectCell(Some(cell)));
                    }
                }
                if row.differs {
                    ui.painter().set(
                        background,
                        egui::Shape::rect_filled(
                            rect.expand2(egui::vec2(3.0, 1.0)),
                            2.0,
                            differ_fill,
                        ),
                    );
                }
                ui.end_row();
            }
            type Total = fn(&ScenarioTotals) -> Option<Cents>;
            let d = &c.totals_differ;
            let totals: [(&str, Total, bool); 5] = [
                ("Office fee", |t| Some(t.fee), d.fee),
                ("Insurance", |t| Some(t.insurance), d.insurance),
                ("Write-off", |t| Some(t.write_off), d.write_off),
                ("Patient", |t| Some(t.patient), d.patient),
                (
                    "Maximum left after",
                    |t| t.remaining_maximum_after,
                    d.remaining_maximum_after,
                ),
            ];
            for (i, (name, value, differs)) in totals.into_iter().enumerate() {
                let background = ui.painter().add(egui::Shape::Noop);
                let marker = if differs { "* " } else { "  " };
                let mut text = RichText::new(format!("{marker}{name}"));
                if i == 3 {
                    text = text.strong();
                }
                let mut rect = row_label(ui, text, name);
                if i == 0 {
                    let y = rect.top() - 1.0;
                    let x2 = rect.left()
                        + c.scenarios.len() as f32 * (width + 10.0)
                        + rect.width()
                        + 10.0;
                    ui.painter().hline(
                        rect.left()..=x2,
                        y,
                        ui.visuals().widgets.noninteractive.bg_stroke,
                    );
                }
                for (k, s) in c.scenarios.iter().enumerate() {
                    let amount = c.totals.get(k).and_then(value);
                    let text = amount.map_or_else(|| NONE.to_string(), |a| a.to_string());
                    let (cell, response) = ui.allocate_exact_size(
                        egui::vec2(width, ui.spacing().interact_size.y),
                        Sense::hover(),
                    );
                    let strong = i == 3;
                    let color = if strong {
                        ui.visuals().strong_text_color()
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.painter().text(
                        cell.right_center(),
                        Align2::RIGHT_CENTER,
                        &text,
                        egui::TextStyle::Body.resolve(ui.style()),
                        color,
                    );
                    let label = format!("{name} total, {}", s.scenario.title());
                    response.widget_info(|| {
                        let mut info = egui::WidgetInfo::new(egui::Role::Cell);
                        info.label = Some(label.clone());
                        info.current_text_value = Some(text.clone());
                        info
                    });
                    rect = rect.union(cell);
                }
                if differs {
                    ui.painter().set(
                        background,
                        egui::Shape::rect_filled(
                            rect.expand2(egui::vec2(3.0, 1.0)),
                            2.0,
                            differ_fill,
                        ),
                    );
                }
                ui.end_row();
            }
        });
    ui.label(
        RichText::new("* differs between scenarios (shaded). Click an amount to see why.").weak(),
    );
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

/// One line's cell: insurance and patient for scenario `k`, clickable.
fn line_cell(
    ui: &mut Ui,
    c: &Comparison,
    row: &ComparisonRow,
    (k, selected): (usize, bool),
    width: f32,
) -> egui::Response {
    let line = c.line(row, k);
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(width, ui.spacing().interact_size.y),
        if line.is_some() {
            Sense::click()
        } else {
            Sense::hover()
        },
    );
    let visuals = ui.visuals();
    if selected {
        ui.painter()
            .rect_filled(rect, 2.0, visuals.selection.bg_fill);
    } else if response.hovered() && line.is_some() {
        ui.painter()
            .rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let font = egui::TextStyle::Body.resolve(ui.style());
    let (patient, insurance) = match line {
        Some(l) => (l.patient.to_string(), l.insurance().to_string()),
        None => (NONE.to_string(), NONE.to_string()),
    };
    let strong: Color32 = if selected {
        visuals.selection.stroke.color
    } else {
        visuals.strong_text_color()
    };
    let weak = visuals.weak_text_color();
    let half = width / 2.0;
    ui.painter().text(
        rect.right_center() - egui::vec2(half, 0.0),
        Align2::RIGHT_CENTER,
        &insurance,
        font.clone(),
        weak,
    );
    ui.painter().text(
        rect.right_center(),
        Align2::RIGHT_CENTER,
        &patient,
        font,
        strong,
    );
    let label = format!("{}, {}", row.label, c.scenarios[k].scenario.title());
    let value = format!("patient {patient}, insurance {insurance}");
    response.widget_info(|| {
        let mut info =
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, label.clone());
        info.current_text_value = Some(value.clone());
        info
    });
    response.on_hover_text("Click to see how this amount was worked out")
}

/// Patient cost and insurance per scenario, numbered like the columns.
fn chart_ui(ui: &mut Ui, c: &Comparison) {
    use egui_plot::{Bar, BarChart, Legend, Plot};
    ui.label(RichText::new("Patient cost and insurance per scenario").strong());
    let dollars = |cents: Cents| cents.cents() as f64 / 100.0;
    let n = c.scenarios.len();
    let bars = |offset: f64, value: &dyn Fn(&ScenarioTotals) -> Cents, what: &str| -> Vec<Bar> {
        c.totals
            .iter()
            .enumerate()
            .map(|(k, t)| {
                Bar::new(k as f64 + 1.0 + offset, dollars(value(t)))
                    .width(0.36)
                    .name(format!("{what} {}: {}", k + 1, value(t)))
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

/// The right panel in compare mode: the selected cell's line, worked out.
pub fn compare_details_ui(ui: &mut Ui, ctx: &PanelCtx<'_>) {
    ui.heading("Why this number");
    let comparison = ctx.state.comparison.comparison();
    let found = ctx.state.selected_cell.as_ref().and_then(|cell| {
        let c = comparison?;
        let row = c.rows.iter().find(|r| r.key == cell.row)?;
        let k = c
            .scenarios
            .iter()
            .position(|s| s.scenario.key() == cell.scenario)?;
        Some((c, row, k, c.line(row, k)?))
    });
    let Some((c, row, k, line)) = found else {
        ui.label(
            RichText::new("Click an amount in the comparison to see how it was worked out.").weak(),
        );
        return;
    };
    let Some(result) = c.scenarios.get(k) else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("compare_details_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(RichText::new(result.scenario.title()).strong());
            ui.label(format!("Line {}: {}", line.number, row.label));
            ui.label(RichText::new(&line.description).weak());
            ui.add_space(4.0);
            line_amounts_ui(ui, ctx.library, line, "compare_details_amounts");
            let notes: Vec<_> = result
                .notes
                .iter()
                .filter(|n| n.line == line.line)
                .collect();
            coding_notes_ui(ui, &notes);
        });
}
