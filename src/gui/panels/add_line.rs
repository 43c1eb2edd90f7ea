//! Adding lines fast: one search box for code numbers or words, a tooth chart (or
//! typed teeth), surfaces, quadrant and arch pickers, the target visit, and "Add
//! line". Several teeth (or quadrants, or arches) make several lines.

use egui::{Key, RichText, Ui};

use super::coverage::named;
use super::{Out, PanelCtx};
use crate::gui::command::Edit;
use crate::gui::widgets::code_search::{result_label, search};
use crate::gui::widgets::commit_edit::{name, name_combo};
use crate::gui::widgets::tooth_chart::{Dentition, tooth_chart};
use crate::model::{
    Arch, AreaKind, CdtCode, CodeInfo, PlannedLine, Quadrant, Surface, Surfaces, Tooth, VisitId,
};

/// The add-line tools' own state.
#[derive(Debug, Default)]
pub struct AddLinePanel {
    /// The search text.
    pub query: String,
    /// The code picked from the results.
    pub code: Option<CdtCode>,
    /// Teeth picked, in the order clicked.
    pub teeth: Vec<Tooth>,
    /// Surfaces for fillings.
    pub surfaces: Surfaces,
    /// Quadrants for quadrant codes.
    pub quadrants: Vec<Quadrant>,
    /// Arches for arch codes.
    pub arches: Vec<Arch>,
    /// Permanent or primary chart.
    pub dentition: Dentition,
    /// The visit the lines go into (the option's first visit when unset or gone).
    pub visit: Option<VisitId>,
    /// Typed teeth, applied on Enter.
    pub typed_teeth: String,
    /// The quick-entry field above the tools.
    pub quick: super::quick_entry::QuickEntry,
}

/// Surfaces in the order they are offered.
const SURFACES: [Surface; 7] = [
    Surface::M,
    Surface::O,
    Surface::D,
    Surface::B,
    Surface::F,
    Surface::L,
    Surface::I,
];

/// Draws the tools.
pub fn add_line_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, panel: &mut AddLinePanel, out: Out<'_>) {
    let target = super::quick_entry::target_visit(ctx, panel.visit);
    super::quick_entry::quick_entry_ui(ui, ctx, &mut panel.quick, target, out);
    let info = panel.code.and_then(|c| ctx.library.catalogue.get(c));
    // The chart needs about 420 points; the search takes the rest.
    let search_width = (ui.available_width() - 436.0).clamp(220.0, 420.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(search_width);
            search_ui(ui, ctx, panel);
        });
        ui.add_space(12.0);
        ui.vertical(|ui| {
            area_ui(ui, ctx, panel, info);
        });
    });
    ui.horizontal(|ui| {
        let target = visit_picker(ui, ctx, panel);
        let lines = lines_to_add(panel, info);
        let button = egui::Button::new(RichText::new("Add line").strong());
        let response = ui.add_enabled(lines.is_ok(), button);
        let response = match &lines {
            Ok(lines) if lines.len() > 1 => {
                response.on_hover_text(format!("Adds {} lines", lines.len()))
            }
            Ok(_) => response,
            Err(why) => response.on_disabled_hover_text(why.as_str()),
        };
        if let Err(why) = &lines {
            ui.label(RichText::new(why).weak());
        }
        if response.clicked()
            && let (Ok(lines), Some(visit)) = (lines, target)
        {
            out.edit(Edit::AddLines {
                option: ctx.option,
                visit,
                lines,
            });
            // Keep the code (the next tooth often gets the same one); clear the area.
            panel.teeth.clear();
            panel.surfaces = Surfaces::NONE;
            panel.quadrants.clear();
            panel.arches.clear();
        }
    });
}

fn search_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, panel: &mut AddLinePanel) {
    let hint = "Code or words: crown, 2740, buildup";
    let response = egui::TextEdit::singleline(&mut panel.query)
        .hint_text(hint)
        .desired_width(ui.available_width())
        .show(ui)
        .response
        .response;
    name(&response, "Search codes", &panel.query, hint);
    let results = search(&ctx.library.catalogue, &panel.query);
    // A new search that no longer lists the picked code drops it, so "Add line"
    // cannot add a code the screen no longer shows.
    if response.changed() && !results.iter().any(|r| Some(r.code) == panel.code) {
        panel.code = None;
    }
    // Enter picks the best match, so "2740⏎" is enough.
    if response.lost_focus()
        && ui.input(|i| i.key_pressed(Key::Enter))
        && let Some(best) = results.first()
    {
        panel.code = Some(best.code);
    }
    egui::ScrollArea::vertical()
        .id_salt("search_results")
        .max_height(118.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if panel.query.trim().is_empty() {
                ui.label(RichText::new("Type to search the code catalogue.").weak());
            } else if results.is_empty() {
                ui.label(RichText::new("No code matches.").weak());
            }
            for info in results.iter().take(60) {
                let picked = panel.code == Some(info.code);
                let response = ui
                    .add(egui::Button::selectable(picked, result_label(info)).truncate())
                    .on_hover_text(&info.patient_text);
                if response.clicked() {
                    panel.code = Some(info.code);
                }
            }
        });
    match panel.code.and_then(|c| ctx.library.catalogue.get(c)) {
        Some(info) => {
            ui.label(RichText::new(result_label(info)).strong())
                .on_hover_text(&info.patient_text);
            super::code_reference::look_alikes_ui(ui, ctx.library, info.code);
        }
        None => {
            ui.label(RichText::new("No code picked").weak());
        }
    }
}

fn area_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, panel: &mut AddLinePanel, info: Option<&CodeInfo>) {
    let area = info.map(|i| i.area);
    teeth_ui(ui, ctx, panel);
    surfaces_ui(ui, panel, area == Some(AreaKind::ToothSurfaces));
    quadrant_and_arch_ui(ui, panel, area);
}

/// Permanent or primary chart, typed teeth and the tooth chart.
fn teeth_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, panel: &mut AddLinePanel) {
    ui.horizontal(|ui| {
        ui.selectable_value(&mut panel.dentition, Dentition::Permanent, "Permanent");
        ui.selectable_value(&mut panel.dentition, Dentition::Primary, "Primary");
        let hint = "Teeth: 3, 14";
        let response = egui::TextEdit::singleline(&mut panel.typed_teeth)
            .hint_text(hint)
            .desired_width(90.0)
            .show(ui)
            .response
            .response;
        name(&response, "Type teeth", &panel.typed_teeth, hint);
        if response.lost_focus()
            && ui.input(|i| i.key_pressed(Key::Enter))
            && let Ok(teeth) = super::patient::parse_teeth(&panel.typed_teeth)
        {
            panel.teeth = teeth;
            panel.typed_teeth.clear();
        }
        if ui
            .add_enabled(!panel.teeth.is_empty(), egui::Button::new("Clear teeth"))
            .clicked()
        {
            panel.teeth.clear();
        }
    });
    let missing: Vec<Tooth> = ctx
        .plan
        .patient
        .missing_teeth
        .iter()
        .map(|m| m.tooth)
        .collect();
    if let Some(tooth) = tooth_chart(ui, panel.dentition, &panel.teeth, &missing) {
        toggle(&mut panel.teeth, tooth);
    }
}

/// The surface buttons, for fillings, inlays and onlays.
fn surfaces_ui(ui: &mut Ui, panel: &mut AddLinePanel, enabled: bool) {
    ui.horizontal(|ui| {
        ui.label("Surfaces");
        ui.add_enabled_ui(enabled, |ui| {
            for surface in SURFACES {
                let on = panel.surfaces.contains(surface);
                let response = ui.selectable_label(on, format!("{surface:?}"));
                named(&response, &format!("Surface {surface:?}"));
                if response.clicked() {
                    if on {
                        panel.surfaces.remove(surface);
                    } else {
                        panel.surfaces.insert(surface);
                    }
                }
            }
        });
    });
}

/// Quadrant and arch buttons, for the codes that name one.
fn quadrant_and_arch_ui(ui: &mut Ui, panel: &mut AddLinePanel, area: Option<AreaKind>) {
    ui.horizontal(|ui| {
        ui.label("Area");
        ui.add_enabled_ui(area == Some(AreaKind::Quadrant), |ui| {
            for quadrant in Quadrant::ALL {
                let on = panel.quadrants.contains(&quadrant);
                let response = ui
                    .selectable_label(on, format!("{quadrant:?}"))
                    .on_hover_text(quadrant.label());
                if response.clicked() {
                    toggle(&mut panel.quadrants, quadrant);
                }
            }
        });
        ui.add_space(8.0);
        ui.add_enabled_ui(area == Some(AreaKind::Arch), |ui| {
            for arch in [Arch::Upper, Arch::Lower] {
                let on = panel.arches.contains(&arch);
                let text = if arch == Arch::Upper {
                    "Upper"
                } else {
                    "Lower"
                };
                if ui.selectable_label(on, text).clicked() {
                    toggle(&mut panel.arches, arch);
                }
            }
        });
    });
}

/// The visit picker; returns the visit the lines would go into.
fn visit_picker(ui: &mut Ui, ctx: &PanelCtx<'_>, panel: &mut AddLinePanel) -> Option<VisitId> {
    let visits = ctx
        .shown_option()
        .map(|o| o.visits.as_slice())
        .unwrap_or_default();
    let exists = |id: VisitId| visits.iter().any(|v| v.id == id);
    if !panel.visit.is_some_and(exists) {
        panel.visit = visits.first().map(|v| v.id);
    }
    let text = |id: Option<VisitId>| {
        visits
            .iter()
            .find(|v| Some(v.id) == id)
            .map(|v| {
                format!(
                    "{} ({})",
                    v.name,
                    crate::report::fmt::date(v.date, ctx.date_style)
                )
            })
            .unwrap_or_else(|| "No visit".to_string())
    };
    ui.label("Into visit");
    let shown = text(panel.visit);
    let response = egui::ComboBox::from_id_salt("target_visit")
        .selected_text(&shown)
        .show_ui(ui, |ui| {
            for visit in visits {
                ui.selectable_value(&mut panel.visit, Some(visit.id), text(Some(visit.id)));
            }
        })
        .response;
    name_combo(&response, "Into visit", &shown);
    panel.visit
}

/// The lines "Add line" would make, or why it cannot yet.
pub fn lines_to_add(
    panel: &AddLinePanel,
    info: Option<&CodeInfo>,
) -> Result<Vec<PlannedLine>, String> {
    let info = info.ok_or("Pick a code first")?;
    let line = |tooth| PlannedLine::new(info.code, tooth);
    let lines: Vec<PlannedLine> = match info.area {
        AreaKind::Tooth | AreaKind::Site => {
            if panel.teeth.is_empty() {
                return Err("Pick one or more teeth".into());
            }
            panel.teeth.iter().map(|t| line(Some(*t))).collect()
        }
        AreaKind::ToothSurfaces => {
            if panel.teeth.is_empty() {
                return Err("Pick one or more teeth".into());
            }
            if panel.surfaces.is_empty() {
                return Err("Pick the surfaces".into());
            }
            panel
                .teeth
                .iter()
                .map(|t| PlannedLine {
                    surfaces: Some(panel.surfaces.normalized_for(*t)),
                    ..line(Some(*t))
                })
                .collect()
        }
        AreaKind::Quadrant => {
            if panel.quadrants.is_empty() {
                return Err("Pick one or more quadrants".into());
            }
            panel
                .quadrants
                .iter()
                .map(|q| PlannedLine {
                    quadrant: Some(*q),
                    ..line(None)
                })
                .collect()
        }
        AreaKind::Arch => {
            if panel.arches.is_empty() {
                return Err("Pick the upper or lower arch".into());
            }
            panel
                .arches
                .iter()
                .map(|a| PlannedLine {
                    arch: Some(*a),
                    ..line(None)
                })
                .collect()
        }
        AreaKind::Mouth | AreaKind::TimeUnits | AreaKind::PerCase => vec![line(None)],
    };
    Ok(lines)
}

fn toggle<T: PartialEq>(items: &mut Vec<T>, item: T) {
    if let Some(at) = items.iter().position(|i| *i == item) {
        items.remove(at);
    } else {
        items.push(item);
    }
}
