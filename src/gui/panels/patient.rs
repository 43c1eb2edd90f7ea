//! The left panel: the patient (name, chart number, birth date with age), their
//! coverage, missing teeth and the procedure history frequency limits count.

use egui::{Grid, RichText, Ui};

use super::{Out, PanelCtx, coverage};
use crate::gui::command::{Command, Edit};
use crate::gui::widgets::commit_edit::name_combo;
use crate::gui::widgets::commit_edit::{commit_edit, optional_date_edit};
use crate::model::{Arch, CdtCode, HistoryEntry, Language, Quadrant, Surfaces, Tooth};
use crate::report::dates::parse_typed_date;

/// Width of the text fields in this panel.
const FIELD: f32 = 150.0;

/// The history entry being typed (not part of the document until "Add").
#[derive(Debug, Default)]
pub struct PatientPanel {
    code: String,
    tooth: String,
    /// Surfaces ("MO"), a quadrant ("UR") or an arch ("upper"), when the code has one:
    /// one past filling or root planing must not deny every surface or quadrant.
    area: String,
    date: String,
    /// The history entry being corrected (its index), when not adding a new one.
    editing: Option<usize>,
    /// Why the last "Add" was refused.
    problem: Option<String>,
}

/// Draws the panel.
pub fn patient_panel_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, panel: &mut PatientPanel, out: Out<'_>) {
    ui.heading("Patient & coverage");
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            patient_ui(ui, ctx, out);
            ui.separator();
            coverage::coverage_list_ui(ui, ctx, out);
            ui.separator();
            missing_teeth_ui(ui, ctx, out);
            ui.separator();
            history_ui(ui, ctx, panel, out);
            ui.separator();
            ui.horizontal(|ui| {
                ui.label("Papers in");
                language_ui(ui, ctx.state.document.plan.patient.language, out);
            });
        });
}

fn patient_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) {
    let patient = &ctx.plan.patient;
    Grid::new("patient_grid").num_columns(2).show(ui, |ui| {
        ui.label("Name");
        if let Some(name) = commit_edit(
            ui,
            "patient_name",
            "Patient name",
            &patient.name,
            "Full name",
            FIELD,
        ) {
            out.edit(Edit::PatientName(name));
        }
        ui.end_row();

        ui.label("Chart no.");
        let chart = patient.chart_number.clone().unwrap_or_default();
        if let Some(number) = commit_edit(
            ui,
            "chart_number",
            "Chart number",
            &chart,
            "Optional",
            FIELD,
        ) {
            let number = number.trim().to_string();
            out.edit(Edit::ChartNumber((!number.is_empty()).then_some(number)));
        }
        ui.end_row();

        ui.label("Birth date");
        let style = ctx.date_style;
        ui.horizontal(|ui| {
            let born = patient.birth_date;
            // Blank, the field leaves room for the mark, so the panel keeps its width.
            let width = if born.is_none() { FIELD - 56.0 } else { FIELD };
            let typed = optional_date_edit(ui, "birth_date", "Birth date", born, style, width);
            if let Some(date) = typed {
                out.edit(Edit::BirthDate(date));
            }
            if born.is_none() {
                coverage::required_mark(ui, "Birth date required");
            }
        });
        ui.end_row();

        ui.label("Age");
        // Age limits depend on it, so an unset or impossible birth date must be obvious.
        let age = patient
            .birth_date
            .filter(|born| *born < ctx.today)
            .and_then(|born| ctx.today.years_since(born));
        match age {
            Some(years) => {
                ui.label(format!("{years}"));
            }
            None => {
                ui.label(RichText::new("Enter the birth date").color(ui.visuals().warn_fg_color));
            }
        }
        ui.end_row();
    });
}

fn missing_teeth_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) {
    ui.label(RichText::new("Missing teeth").strong());
    let current = ctx
        .plan
        .patient
        .missing_teeth
        .iter()
        .map(|m| m.tooth.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(text) = commit_edit(
        ui,
        "missing_teeth",
        "Missing teeth list",
        &current,
        "e.g. 1, 16, 17, 32",
        ui.available_width(),
    ) {
        match parse_teeth(&text) {
            Ok(teeth) => out.edit(Edit::MissingTeeth(teeth)),
            Err(e) => out.push(Command::ShowError(format!("Missing teeth: {e}"))),
        }
    }
    missing_since_ui(ui, ctx, out);
}

/// When each missing tooth was lost: the missing-tooth clause only denies a
/// replacement for a tooth lost before the coverage began, so a blank date (lost
/// before any coverage) is the strictest reading.
fn missing_since_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, out: Out<'_>) {
    let missing = &ctx.plan.patient.missing_teeth;
    if missing.is_empty() {
        return;
    }
    Grid::new("missing_since").num_columns(2).show(ui, |ui| {
        for m in missing {
            ui.label(format!("#{} lost", m.tooth));
            let shown = m.since.map(|d| crate::report::fmt::date(d, ctx.date_style));
            let label = format!("Tooth {} missing since", m.tooth);
            let hint = "date, or blank if unknown";
            let typed = commit_edit(
                ui,
                ("since", m.tooth),
                &label,
                &shown.unwrap_or_default(),
                hint,
                120.0,
            );
            if let Some(text) = typed {
                let since = match text.trim() {
                    "" => Ok(None),
                    t => parse_typed_date(t).map(Some),
                };
                match since {
                    Ok(since) => out.edit(Edit::MissingToothSince(m.tooth, since)),
                    Err(e) => out.push(Command::ShowError(format!("{label}: {e}"))),
                }
            }
            ui.end_row();
        }
    });
}

/// Parses "3, 14 30" into teeth, without repeats, in the order typed.
pub fn parse_teeth(text: &str) -> Result<Vec<Tooth>, String> {
    let mut teeth = Vec::new();
    for part in text.split(|c: char| c == ',' || c.is_whitespace()) {
        if part.is_empty() {
            continue;
        }
        let tooth = Tooth::parse(part).map_err(|e| e.to_string())?;
        if !teeth.contains(&tooth) {
            teeth.push(tooth);
        }
    }
    Ok(teeth)
}

fn history_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, panel: &mut PatientPanel, out: Out<'_>) {
    ui.label(RichText::new("Procedure history").strong())
        .on_hover_text("Completed services that frequency limits count");
    let history = &ctx.plan.patient.history;
    if history.is_empty() {
        ui.label(RichText::new("None on record").weak());
    } else {
        history_grid_ui(ui, ctx, panel, out);
    }
    history_form_ui(ui, history, panel, out);
    if let Some(problem) = &panel.problem {
        ui.label(RichText::new(problem).color(ui.visuals().error_fg_color));
    }
}

/// History rows in view at once; a longer history scrolls in its own box.
const HISTORY_ROWS_IN_VIEW: usize = 12;

/// The entries on record, each with Edit and Delete. Only the rows in view are
/// laid out, so a history of thousands of entries costs what a dozen do.
fn history_grid_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, panel: &mut PatientPanel, out: Out<'_>) {
    let history = &ctx.plan.patient.history;
    let row_height = ui.spacing().interact_size.y;
    let in_view = history.len().min(HISTORY_ROWS_IN_VIEW) as f32;
    let max_height = in_view * (row_height + ui.spacing().item_spacing.y);
    egui::ScrollArea::vertical()
        .id_salt("history_rows")
        .max_height(max_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, history.len(), |ui, rows| {
            history_rows_ui(ui, ctx, panel, out, rows);
        });
}

/// The history entries at `rows` (indexes into the history), as grid rows.
fn history_rows_ui(
    ui: &mut Ui,
    ctx: &PanelCtx<'_>,
    panel: &mut PatientPanel,
    out: Out<'_>,
    rows: std::ops::Range<usize>,
) {
    let history = &ctx.plan.patient.history;
    Grid::new("history_grid")
        .num_columns(5)
        .striped(true)
        .min_row_height(ui.spacing().interact_size.y)
        .show(ui, |ui| {
            for (i, entry) in history.iter().enumerate().skip(rows.start).take(rows.len()) {
                ui.label(entry.code.to_string())
                    .on_hover_text(ctx.library.catalogue.name_of(entry.code));
                ui.label(entry.tooth.map(|t| format!("#{t}")).unwrap_or_default());
                ui.label(crate::report::fmt::date(entry.date, ctx.date_style));
                let edit = ui.small_button("Edit").on_hover_text("Correct this entry");
                super::coverage::named(&edit, &format!("Edit history entry {}", i + 1));
                if edit.clicked() {
                    *panel = PatientPanel {
                        code: entry.code.to_string(),
                        tooth: entry.tooth.map(|t| t.to_string()).unwrap_or_default(),
                        area: area_text(entry),
                        date: crate::report::fmt::date(entry.date, ctx.date_style),
                        editing: Some(i),
                        problem: None,
                    };
                }
                let delete = ui.small_button("×").on_hover_text("Delete this entry");
                let label = format!("Delete history entry {}", i + 1);
                delete.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone())
                });
                if delete.clicked() {
                    out.edit(Edit::RemoveHistory(i));
                }
                ui.end_row();
            }
        });
}

/// The fields and button that add an entry or save a corrected one.
fn history_form_ui(ui: &mut Ui, history: &[HistoryEntry], panel: &mut PatientPanel, out: Out<'_>) {
    ui.horizontal_wrapped(|ui| {
        field(ui, &mut panel.code, "History code", "Code", 48.0);
        field(ui, &mut panel.tooth, "History tooth", "Tooth", 50.0);
        field(
            ui,
            &mut panel.area,
            "History surfaces or area",
            "MO / UR",
            56.0,
        );
        field(ui, &mut panel.date, "History date", "Date", 80.0);
        let editing = panel.editing.and_then(|i| history.get(i).map(|e| (i, e)));
        let (text, label, hover) = match editing {
            Some(_) => ("Save", "Save history entry", "Save the corrected entry"),
            None => (
                "Add",
                "Add history entry",
                "Add to the history (date as MM/DD/YYYY or YYYY-MM-DD)",
            ),
        };
        let add = ui.button(text).on_hover_text(hover);
        super::coverage::named(&add, label);
        if add.clicked() {
            match history_entry(panel) {
                Ok(entry) => {
                    match editing {
                        Some((i, _)) => out.edit(Edit::ReplaceHistory(i, entry)),
                        None => out.edit(Edit::AddHistory(entry)),
                    }
                    *panel = PatientPanel::default();
                }
                Err(e) => panel.problem = Some(e),
            }
        }
        if editing.is_some() {
            let cancel = ui.small_button("Cancel");
            super::coverage::named(&cancel, "Cancel history edit");
            if cancel.clicked() {
                *panel = PatientPanel::default();
            }
        }
    });
}

/// A plain text field with an accessible name (panel-local text, not the document).
fn field(ui: &mut Ui, text: &mut String, label: &str, hint: &str, width: f32) {
    let response = egui::TextEdit::singleline(text)
        .hint_text(hint)
        .desired_width(width)
        .show(ui)
        .response
        .response;
    crate::gui::widgets::commit_edit::name(&response, label, text, hint);
}

fn history_entry(panel: &PatientPanel) -> Result<HistoryEntry, String> {
    let code = panel.code.trim();
    // Staff often type "1110" for "D1110".
    let code = if code.starts_with(['d', 'D']) {
        code.to_string()
    } else {
        format!("D{code}")
    };
    let code = CdtCode::parse(&code).map_err(|e| e.to_string())?;
    let tooth = match panel.tooth.trim() {
        "" => None,
        t => Some(Tooth::parse(t).map_err(|e| e.to_string())?),
    };
    let date = parse_typed_date(&panel.date)?;
    let (surfaces, quadrant, arch) = history_area(&panel.area)?;
    Ok(HistoryEntry {
        code,
        date,
        tooth,
        surfaces,
        quadrant,
        arch,
    })
}

/// The area typed for a history entry: an arch ("upper", "lower"), a quadrant
/// ("UR", "ul"...) or surfaces ("MOD"); empty for none.
type HistoryArea = (Option<Surfaces>, Option<Quadrant>, Option<Arch>);

fn history_area(text: &str) -> Result<HistoryArea, String> {
    let text = text.trim();
    let quadrant = Quadrant::ALL
        .into_iter()
        .find(|q| format!("{q:?}").eq_ignore_ascii_case(text));
    match text.to_ascii_lowercase().as_str() {
        "" => Ok((None, None, None)),
        "upper" => Ok((None, None, Some(Arch::Upper))),
        "lower" => Ok((None, None, Some(Arch::Lower))),
        _ if quadrant.is_some() => Ok((None, quadrant, None)),
        _ => Surfaces::parse(&text.to_ascii_uppercase())
            .map(|s| (Some(s), None, None))
            .map_err(|_| {
                format!("\"{text}\" is not surfaces (MOD), a quadrant (UR) or an arch (upper)")
            }),
    }
}

/// What the area field shows for an entry on file.
fn area_text(entry: &HistoryEntry) -> String {
    match (entry.surfaces, entry.quadrant, entry.arch) {
        (Some(s), ..) => s.to_string(),
        (None, Some(q), _) => format!("{q:?}"),
        (None, None, Some(a)) => a.label().to_string(),
        (None, None, None) => String::new(),
    }
}

/// The language of the patient's printed papers (English unless chosen).
fn language_ui(ui: &mut Ui, language: Option<Language>, out: Out<'_>) {
    let shown = language.unwrap_or_default();
    let combo = egui::ComboBox::from_id_salt("patient_language")
        .selected_text(shown.name())
        .show_ui(ui, |ui| {
            for choice in Language::ALL {
                if ui
                    .selectable_label(shown == choice, choice.name())
                    .clicked()
                    && shown != choice
                {
                    let value = (choice != Language::English).then_some(choice);
                    out.edit(Edit::PatientLanguage(value));
                }
            }
        });
    name_combo(&combo.response, "Language of printed papers", shown.name());
    combo
        .response
        .on_hover_text("The printed estimate and handout use this language; screens stay English");
}
