//! The print preview window: the export module's page layout drawn with egui
//! shapes, scaled to fit, in the same faces as the PDF (Liberation Sans), with
//! paper, page navigation and "Save PDF…".

use egui::{Align2, Color32, FontFamily, FontId, RichText, Sense, Stroke, Ui};

use super::Out;
use crate::export::{Layout, Op, Paper, Rgb, Weight};
use crate::gui::command::Command;
use crate::gui::print::{Practice, PrintJob, PrintPreview};
use crate::gui::state::AppState;
use crate::gui::widgets::commit_edit::name_combo;
use crate::library::printer::{MAX_COPIES, Printers};
use crate::model::Language;

/// The printed estimate's faces, registered with egui under these family names.
const REGULAR_FAMILY: &str = "print-regular";
const BOLD_FAMILY: &str = "print-bold";
// The same font data the PDF embeds, so the preview measures text identically.
use crate::export::fonts::{BOLD, REGULAR};

/// Registers the printed estimate's faces with egui (once; cheap afterwards).
/// Call before anything is drawn in a frame.
pub fn register_fonts(ctx: &egui::Context) {
    for (name, data) in [(REGULAR_FAMILY, REGULAR), (BOLD_FAMILY, BOLD)] {
        ctx.add_font(egui::FontInsert::new(
            name,
            egui::FontData::from_static(data),
            vec![egui::InsertFontFamily {
                family: FontFamily::Name(name.into()),
                priority: egui::FontPriority::Highest,
            }],
        ));
    }
}

/// Draws the preview window when open.
pub fn print_preview_ui(
    ctx: &egui::Context,
    state: &AppState,
    preview: &PrintPreview,
    practice: &Practice,
    out: Out<'_>,
) {
    if !preview.open {
        return;
    }
    let mut open = true;
    let screen = ctx.content_rect();
    egui::Window::new("Print preview")
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_size([600.0, (screen.height() - 60.0).max(400.0)])
        .default_pos(screen.center_top() + egui::vec2(-300.0, 24.0))
        .show(ctx, |ui| {
            let plan = &state.document.plan;
            let option = state.option().map_or("", |o| o.name.as_str());
            let name = if plan.patient.name.trim().is_empty() {
                "(no name)"
            } else {
                plan.patient.name.as_str()
            };
            let what = if preview.handout {
                format!("Treatment options for {name}")
            } else {
                format!("Estimate for {name} · {option}")
            };
            ui.label(RichText::new(what).strong());
            controls_ui(ui, preview, out);
            printer_ui(ui, preview, out);
            language_ui(ui, preview.language_for(state), out);
            if let Some(warning) = &practice.warning {
                ui.label(RichText::new(format!("Practice settings: {warning}")).weak());
            }
            match &preview.layout {
                Some(Ok(layout)) => page_ui(ui, layout, preview.page),
                Some(Err(e)) => {
                    ui.label(
                        RichText::new(format!("Cannot print this option: {e}"))
                            .color(ui.visuals().error_fg_color),
                    );
                }
                None => {}
            }
        });
    if !open {
        out.push(Command::ClosePrint);
    }
}

fn controls_ui(ui: &mut Ui, preview: &PrintPreview, out: Out<'_>) {
    ui.horizontal(|ui| {
        ui.label("Paper");
        for (paper, text) in [(Paper::Letter, "Letter"), (Paper::A4, "A4")] {
            if ui.selectable_label(preview.paper == paper, text).clicked() && preview.paper != paper
            {
                out.push(Command::PrintPaper(paper));
            }
        }
        ui.separator();
        let pages = preview.page_count();
        let previous = ui.add_enabled(preview.page > 0, egui::Button::new("Previous"));
        if previous.clicked() {
            out.push(Command::PrintPage(preview.page.saturating_sub(1)));
        }
        ui.label(format!(
            "Page {} of {}",
            (preview.page + 1).min(pages),
            pages
        ));
        let next = ui.add_enabled(preview.page + 1 < pages, egui::Button::new("Next"));
        if next.clicked() {
            out.push(Command::PrintPage(preview.page + 1));
        }
        ui.separator();
        let save = ui
            .add_enabled(
                pages > 0,
                egui::Button::new(RichText::new("Save PDF…").strong()),
            )
            .on_hover_text("Save the estimate as a PDF and open it to print");
        if save.clicked() {
            out.push(Command::SavePdf);
        }
        if ui.button("Close").clicked() {
            out.push(Command::ClosePrint);
        }
    });
}

/// Printer, copies and the Print button; the choice is remembered on this
/// workstation.
fn printer_ui(ui: &mut Ui, preview: &PrintPreview, out: Out<'_>) {
    ui.horizontal(|ui| {
        ui.label("Printer");
        let list = match &preview.printers {
            Some(Ok(list)) => list.clone(),
            Some(Err(e)) => {
                ui.label(RichText::new(e).weak());
                Printers::default()
            }
            None => Printers::default(),
        };
        let chosen = preview
            .printer
            .clone()
            .or_else(|| list.default.clone())
            .or_else(|| list.names.first().cloned());
        let shown = chosen.clone().unwrap_or_else(|| "(none)".to_string());
        let combo = egui::ComboBox::from_id_salt("print_printer")
            .selected_text(&shown)
            .show_ui(ui, |ui| {
                for name in &list.names {
                    let text = if list.default.as_ref() == Some(name) {
                        format!("{name} (default)")
                    } else {
                        name.clone()
                    };
                    if ui
                        .selectable_label(chosen.as_ref() == Some(name), text)
                        .clicked()
                    {
                        out.push(Command::PrintJob(PrintJob::Printer(name.clone())));
                    }
                }
            });
        name_combo(&combo.response, "Printer", &shown);
        if ui
            .small_button("Refresh")
            .on_hover_text("List the printers again")
            .clicked()
        {
            out.push(Command::PrintJob(PrintJob::RefreshPrinters));
        }
        ui.label("Copies");
        let mut copies = preview.copies.max(1);
        let drag = ui.add(egui::DragValue::new(&mut copies).range(1..=MAX_COPIES));
        drag.widget_info(|| {
            let mut info = egui::WidgetInfo::new(egui::Role::SpinButton);
            info.label = Some("Number of copies".to_string());
            info
        });
        if copies != preview.copies {
            out.push(Command::PrintJob(PrintJob::Copies(copies)));
        }
        let print = ui
            .add_enabled(
                chosen.is_some() && preview.page_count() > 0,
                egui::Button::new(RichText::new("Print").strong()),
            )
            .on_hover_text("Send it to the printer");
        if print.clicked() {
            out.push(Command::PrintJob(PrintJob::Send));
        }
    });
}

/// The language of this print (the patient's unless changed here).
fn language_ui(ui: &mut Ui, shown: Language, out: Out<'_>) {
    ui.horizontal(|ui| {
        ui.label("Patient's language");
        for language in Language::ALL {
            let chosen = ui.selectable_label(shown == language, language.name());
            if chosen.clicked() && shown != language {
                out.push(Command::PrintJob(PrintJob::Language(Some(language))));
            }
        }
    });
}

fn color(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// One page, scaled to the space left in the window.
fn page_ui(ui: &mut Ui, layout: &Layout, page: usize) {
    let Some(ops) = layout.pages.get(page) else {
        return;
    };
    let available = ui.available_size() - egui::vec2(8.0, 8.0);
    let scale = (available.x / layout.width)
        .min(available.y / layout.height)
        .max(0.2);
    let size = egui::vec2(layout.width * scale, layout.height * scale);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("Page {} preview", page + 1),
        )
    });
    let painter = ui.painter_at(rect.expand(4.0));
    painter.rect_filled(
        rect.translate(egui::vec2(2.0, 3.0)),
        0.0,
        Color32::from_black_alpha(60),
    );
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let have_fonts = ui.ctx().fonts(|f| {
        f.definitions()
            .families
            .contains_key(&FontFamily::Name(BOLD_FAMILY.into()))
    });
    let page = PagePainter {
        painter,
        origin: rect.min,
        scale,
        have_fonts,
    };
    for op in &ops.ops {
        page.draw(op);
    }
}

/// Draws display-list operations onto a page rectangle at a scale.
struct PagePainter {
    painter: egui::Painter,
    origin: egui::Pos2,
    scale: f32,
    have_fonts: bool,
}

impl PagePainter {
    /// A page point (points from the top-left) on screen.
    fn at(&self, x: f32, y: f32) -> egui::Pos2 {
        self.origin + egui::vec2(x * self.scale, y * self.scale)
    }

    fn draw(&self, op: &Op) {
        let (painter, scale) = (&self.painter, self.scale);
        let at = |x: f32, y: f32| self.at(x, y);
        match op {
            Op::Text {
                x,
                y,
                size,
                weight,
                color: c,
                text,
            } => {
                let family = match (self.have_fonts, weight) {
                    (false, _) => FontFamily::Proportional,
                    (true, Weight::Regular) => FontFamily::Name(REGULAR_FAMILY.into()),
                    (true, Weight::Bold) => FontFamily::Name(BOLD_FAMILY.into()),
                };
                // `y` is the baseline; egui places text by its box, whose bottom is
                // about a fifth of the size below the baseline for this face.
                painter.text(
                    at(*x, *y + size * 0.212),
                    Align2::LEFT_BOTTOM,
                    text,
                    FontId::new(size * scale, family),
                    color(*c),
                );
            }
            Op::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color: c,
            } => {
                painter.line_segment(
                    [at(*x1, *y1), at(*x2, *y2)],
                    Stroke::new((width * scale).max(0.5), color(*c)),
                );
            }
            Op::Rect {
                x,
                y,
                w,
                h,
                color: c,
            } => {
                let r = egui::Rect::from_min_size(at(*x, *y), egui::vec2(w * scale, h * scale));
                painter.rect_filled(r, 0.0, color(*c));
            }
            Op::Logo { x, y, w, h } => {
                let r = egui::Rect::from_min_size(at(*x, *y), egui::vec2(w * scale, h * scale));
                painter.rect_stroke(
                    r,
                    0.0,
                    Stroke::new(1.0, color(Rgb::HAIRLINE)),
                    egui::StrokeKind::Inside,
                );
                painter.text(
                    r.center(),
                    Align2::CENTER_CENTER,
                    "logo",
                    FontId::proportional(9.0 * scale),
                    color(Rgb::MUTED),
                );
            }
        }
    }
}
