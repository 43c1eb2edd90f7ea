//! The "Practice settings" window: the practice's name, address, ids, how long an
//! estimate stays valid, the disclaimer, the logo, how dates show and the patient
//! folder. These are not part of the
//! treatment-plan document: Save writes the settings file (no undo step), Cancel
//! throws the typing away.

use std::path::PathBuf;

use egui::{DragValue, RichText, TextEdit, Ui};

use super::Out;
use crate::gui::command::Command;
use crate::gui::print::PrintJob;
use crate::gui::widgets::commit_edit::name;
use crate::model::{DateStyle, PracticeSettings};
use crate::report::fmt;

/// Said above the fields when the first print opens the window.
pub const FIRST_PRINT: &str = "Before your first print: enter the practice's name, address, phone and logo for the top of every estimate, or choose Later.";

/// The longest validity the window offers, in days.
pub const MAX_DAYS: u32 = 365;

/// The window's state: the settings being edited, as typed.
#[derive(Debug, Default)]
pub struct PracticeWindow {
    /// Shown when true.
    pub open: bool,
    /// Practice name.
    pub name: String,
    /// Address, one printed line per text line.
    pub address: String,
    /// Phone number.
    pub phone: String,
    /// Tax id; empty = none.
    pub tax_id: String,
    /// NPI; empty = none.
    pub npi: String,
    /// Days an estimate stays valid.
    pub validity_days: u32,
    /// Disclaimer text.
    pub disclaimer: String,
    /// Logo path; empty = none.
    pub logo: String,
    /// How the app shows dates.
    pub date_style: DateStyle,
    /// The patient folder as typed; empty = the default.
    pub patients_folder: String,
    /// The default patient folder, shown as the field's hint.
    pub default_patients_folder: Option<PathBuf>,
    /// Where the settings are saved (shown), if anywhere.
    pub path: Option<PathBuf>,
    /// Why the last save failed, or a problem reading the file.
    pub error: Option<String>,
    /// Opened by the first print: asks for the details and offers "Later".
    pub first_print: bool,
    /// The providers, as edited (see `practice_providers`).
    pub providers: Vec<crate::model::provider::Provider>,
    /// The default provider, as chosen.
    pub default_provider: Option<String>,
}

impl PracticeWindow {
    /// Opens the window on these settings, saved to `path`.
    pub fn show_with(&mut self, settings: &PracticeSettings, path: Option<PathBuf>) {
        *self = PracticeWindow {
            open: true,
            name: settings.name.clone(),
            address: settings.address_lines.join("\n"),
            phone: settings.phone.clone(),
            tax_id: settings.tax_id.clone().unwrap_or_default(),
            npi: settings.npi.clone().unwrap_or_default(),
            validity_days: settings.validity_days.clamp(1, MAX_DAYS),
            disclaimer: settings.disclaimer.clone(),
            logo: settings
                .logo
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            date_style: settings.date_style,
            patients_folder: settings
                .patients_folder()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            default_patients_folder: None,
            path,
            error: None,
            first_print: false,
            providers: settings.providers.clone(),
            default_provider: settings.default_provider.clone(),
        };
    }

    /// The settings as typed: blank lines and surrounding spaces are dropped,
    /// empty optional fields become None.
    pub fn settings(&self) -> PracticeSettings {
        let optional = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
        PracticeSettings {
            name: self.name.trim().to_string(),
            address_lines: self
                .address
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            phone: self.phone.trim().to_string(),
            tax_id: optional(&self.tax_id),
            npi: optional(&self.npi),
            validity_days: self.validity_days,
            disclaimer: self.disclaimer.trim().to_string(),
            logo: optional(&self.logo).map(PathBuf::from),
            date_style: self.date_style,
            patients_folder: optional(&self.patients_folder).map(PathBuf::from),
            providers: super::practice_providers::trimmed(&self.providers),
            default_provider: optional(self.default_provider.as_deref().unwrap_or_default()),
        }
    }
}

/// Draws the window when open. Save pushes [`Command::SavePractice`]; the app
/// closes the window when the save succeeds and shows the error here when not.
pub fn practice_window_ui(ctx: &egui::Context, window: &mut PracticeWindow, out: Out<'_>) {
    if !window.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Practice settings")
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(480.0)
        .show(ctx, |ui| {
            if window.first_print {
                ui.label(RichText::new(FIRST_PRINT).strong());
            }
            ui.label(RichText::new("Printed at the top and bottom of every estimate.").weak());
            egui::Grid::new("practice_fields")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| fields_ui(ui, window));
            super::practice_providers::providers_ui(
                ui,
                &mut window.providers,
                &mut window.default_provider,
            );
            match &window.path {
                Some(path) => {
                    ui.label(RichText::new(format!("Saved to {}", path.display())).weak())
                }
                None => ui.label(
                    RichText::new("There is no settings folder: these settings cannot be saved.")
                        .color(ui.visuals().warn_fg_color),
                ),
            };
            if let Some(error) = &window.error {
                ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Save").strong()).clicked() {
                    out.push(Command::SavePractice(window.settings()));
                }
                if ui.button("Cancel").clicked() {
                    window.open = false;
                }
                if window.first_print
                    && ui
                        .button("Later")
                        .on_hover_text("Print without them and do not ask again on this computer")
                        .clicked()
                {
                    window.open = false;
                    out.push(Command::PrintJob(PrintJob::PracticeLater));
                }
            });
        });
    if !open {
        window.open = false;
    }
}

fn fields_ui(ui: &mut Ui, window: &mut PracticeWindow) {
    line(
        ui,
        "Practice name",
        &mut window.name,
        "Bright Smiles Dental",
    );
    text_block(
        ui,
        "Address",
        &mut window.address,
        "One line per printed line",
    );
    line(ui, "Phone", &mut window.phone, "(555) 555-0100");
    line(ui, "Tax id", &mut window.tax_id, "12-3456789 (optional)");
    line(ui, "NPI", &mut window.npi, "1234567890 (optional)");
    let label = ui.label("Valid for (days):");
    ui.add(
        DragValue::new(&mut window.validity_days)
            .range(1..=MAX_DAYS)
            .suffix(" days"),
    )
    .labelled_by(label.id)
    .on_hover_text("How long the fees on a printed estimate are honored");
    ui.end_row();
    text_block(
        ui,
        "Disclaimer",
        &mut window.disclaimer,
        "Blank lines separate paragraphs",
    );
    line(
        ui,
        "Logo file",
        &mut window.logo,
        "PNG or JPEG; empty for none",
    );
    let default = window
        .default_patients_folder
        .as_ref()
        .map_or_else(|| "Full path".to_string(), |d| d.display().to_string());
    let hint = format!("{default} (blank: this default)");
    line(ui, "Patient folder", &mut window.patients_folder, &hint);
    ui.label("Show dates as:");
    ui.horizontal(|ui| {
        // A sample day, so each choice shows what it looks like.
        let sample = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).unwrap_or_default();
        for style in [DateStyle::Iso, DateStyle::Us] {
            let text = fmt::date(sample, style);
            ui.radio_value(&mut window.date_style, style, text)
                .on_hover_text("How the app shows dates; either form can be typed");
        }
    });
    ui.end_row();
}

/// A labelled single-line field as one grid row.
fn line(ui: &mut Ui, label: &str, text: &mut String, hint: &str) {
    ui.label(format!("{label}:"));
    let response = TextEdit::singleline(text)
        .hint_text(hint)
        .desired_width(320.0)
        .show(ui)
        .response
        .response;
    name(&response, label, text, hint);
    ui.end_row();
}

/// A labelled multi-line field as one grid row.
fn text_block(ui: &mut Ui, label: &str, text: &mut String, hint: &str) {
    ui.label(format!("{label}:"));
    let response = TextEdit::multiline(text)
        .hint_text(hint)
        .desired_width(320.0)
        .desired_rows(3)
        .show(ui)
        .response
        .response;
    name(&response, label, text, hint);
    ui.end_row();
}
