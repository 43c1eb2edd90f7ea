//! The Code reference window (Help menu): search a code, see its class, what it
//! applies to, and the codes it is easily mistaken for with the one-line
//! difference. The same look-alikes show under the code picked in the add-line
//! search. Words come from `report::coding::code_reference` (the coding files).

use egui::{RichText, Ui};

use crate::gui::widgets::code_search::{result_label, search};
use crate::model::{CdtCode, Library};
use crate::report::coding::code_reference;

/// What the window remembers between frames (in egui's memory).
#[derive(Clone, Default)]
struct Reference {
    open: bool,
    query: String,
    code: Option<CdtCode>,
}

fn memory_id() -> egui::Id {
    egui::Id::unique("ferrule-code-reference")
}

/// Opens the window (the menu's item).
pub fn open(ctx: &egui::Context) {
    ctx.data_mut(|d| d.get_temp_mut_or_default::<Reference>(memory_id()).open = true);
}

/// Draws the window when it is open.
pub fn code_reference_window_ui(ctx: &egui::Context, library: &Library) {
    let mut state = ctx.data(|d| d.get_temp::<Reference>(memory_id()).unwrap_or_default());
    if !state.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Code reference")
        .open(&mut open)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("Code or words");
                let response = ui.text_edit_singleline(&mut state.query);
                crate::gui::panels::coverage::named(&response, "Code reference search");
            });
            egui::ScrollArea::vertical()
                .id_salt("code_reference_results")
                .max_height(120.0)
                .show(ui, |ui| {
                    for info in search(&library.catalogue, &state.query).iter().take(40) {
                        let picked = state.code == Some(info.code);
                        if ui
                            .add(egui::Button::selectable(picked, result_label(info)).truncate())
                            .clicked()
                        {
                            state.code = Some(info.code);
                        }
                    }
                });
            ui.separator();
            match state.code {
                Some(code) => reference_ui(ui, library, code),
                None => {
                    ui.label(RichText::new("Pick a code to see its look-alikes.").weak());
                }
            }
        });
    state.open = open;
    ctx.data_mut(|d| d.insert_temp(memory_id(), state));
}

/// A code's class and area, then its look-alike groups.
fn reference_ui(ui: &mut Ui, library: &Library, code: CdtCode) {
    let reference = code_reference(code, &library.catalogue, &library.coding);
    ui.label(RichText::new(&reference.heading).strong());
    ui.label(&reference.class_and_area);
    if reference.groups.is_empty() {
        ui.label(RichText::new("No look-alike codes listed for this code.").weak());
    }
    for (title, rows) in &reference.groups {
        ui.add_space(4.0);
        ui.label(RichText::new(format!("Easily confused: {title}")).strong());
        for row in rows {
            let text = format!("{}: {}", row.code, row.differs);
            let text = if row.this {
                RichText::new(text).strong()
            } else {
                RichText::new(text)
            };
            ui.add(egui::Label::new(text).wrap());
        }
    }
}

/// Under the code picked in the add-line search: its class and what it applies
/// to, then its look-alikes, one line each.
pub fn look_alikes_ui(ui: &mut Ui, library: &Library, code: CdtCode) {
    let reference = code_reference(code, &library.catalogue, &library.coding);
    ui.label(RichText::new(&reference.class_and_area).small().weak());
    for group in library.coding.look_alikes_of(code) {
        for member in group.codes.iter().filter(|m| m.code != code) {
            let text = format!("Not {}: {}", member.code, member.differs);
            ui.add(egui::Label::new(RichText::new(text).small().weak()).wrap());
        }
    }
}
