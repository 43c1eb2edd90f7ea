//! The providers part of the "Practice settings" window (issue 16 item 7): add,
//! remove and edit the practice's dentists, hygienists and specialists (id, name,
//! kind, their own office fee schedule and contracted schedules) and choose the
//! default provider. They are saved with the settings; a blank or repeated id is
//! refused by the save, with the reason shown in the window.

use egui::{ComboBox, RichText, TextEdit, Ui};

use crate::gui::widgets::commit_edit::{name, name_combo};
use crate::model::provider::{Provider, ProviderContract, ProviderKind};

/// Width of the text fields.
const FIELD: f32 = 220.0;

const KINDS: [ProviderKind; 3] = [
    ProviderKind::Dentist,
    ProviderKind::Hygienist,
    ProviderKind::Specialist,
];

fn kind_word(kind: ProviderKind) -> &'static str {
    match kind {
        ProviderKind::Dentist => "Dentist",
        ProviderKind::Hygienist => "Hygienist",
        ProviderKind::Specialist => "Specialist",
    }
}

/// A new provider with nothing filled in yet.
fn blank() -> Provider {
    Provider {
        id: String::new(),
        name: String::new(),
        kind: ProviderKind::Dentist,
        office_fee_schedule: None,
        contracts: Vec::new(),
    }
}

/// Draws the providers and the default provider, editing them in place.
pub fn providers_ui(ui: &mut Ui, providers: &mut Vec<Provider>, default: &mut Option<String>) {
    egui::CollapsingHeader::new(RichText::new("Providers").strong())
        .id_salt("practice_providers")
        .show(ui, |ui| {
            ui.label(
                RichText::new("Lines priced for a provider use their own fee schedules, and the practice's where they have none.")
                    .weak(),
            );
            default_ui(ui, providers, default);
            let mut remove = None;
            // Several providers would push the Save button off the screen.
            egui::ScrollArea::vertical()
                .max_height(220.0)
                .show(ui, |ui| {
                    for (k, provider) in providers.iter_mut().enumerate() {
                        egui::Frame::group(ui.style()).show(ui, |ui| {
                            if provider_ui(ui, k + 1, provider) {
                                remove = Some(k);
                            }
                        });
                    }
                });
            if let Some(k) = remove {
                let gone = providers.remove(k);
                if default.as_deref() == Some(gone.id.as_str()) {
                    *default = None;
                }
            }
            if ui.button("Add provider").clicked() {
                providers.push(blank());
            }
        });
}

/// One provider's fields; true when "Remove" was clicked.
fn provider_ui(ui: &mut Ui, n: usize, provider: &mut Provider) -> bool {
    let who = format!("Provider {n}");
    let mut removed = false;
    egui::Grid::new(("provider", n))
        .num_columns(2)
        .show(ui, |ui| {
            text_row(ui, "Id", &format!("{who} id"), &mut provider.id, "dr-lee");
            let label = format!("{who} name");
            text_row(ui, "Name", &label, &mut provider.name, "Dr. Hana Lee");
            ui.label("Kind:");
            let response = ComboBox::from_id_salt(("provider_kind", n))
                .selected_text(kind_word(provider.kind))
                .show_ui(ui, |ui| {
                    for kind in KINDS {
                        ui.selectable_value(&mut provider.kind, kind, kind_word(kind));
                    }
                })
                .response;
            name_combo(&response, &format!("{who} kind"), kind_word(provider.kind));
            ui.end_row();
            let label = format!("{who} office fee schedule");
            let hint = "Fee schedule id; empty: the practice's";
            optional_row(
                ui,
                "Office fees",
                &label,
                &mut provider.office_fee_schedule,
                hint,
            );
        });
    contracts_ui(ui, &who, &mut provider.contracts);
    let button = ui.small_button("Remove provider");
    crate::gui::panels::coverage::named(&button, &format!("Remove {who}"));
    if button.clicked() {
        removed = true;
    }
    removed
}

/// The provider's own contracted schedules, one row each.
fn contracts_ui(ui: &mut Ui, who: &str, contracts: &mut Vec<ProviderContract>) {
    let mut remove = None;
    for (k, contract) in contracts.iter_mut().enumerate() {
        let row = format!("{who} contract {}", k + 1);
        ui.horizontal(|ui| {
            // A row names a plan id or a carrier: one text, read as the chosen one.
            let mut choice = contract.plan.is_some();
            let words = |plan: bool| if plan { "Plan id" } else { "Carrier" };
            let response = ComboBox::from_id_salt((row.as_str(), "by"))
                .width(70.0)
                .selected_text(words(choice))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut choice, true, words(true));
                    ui.selectable_value(&mut choice, false, words(false));
                })
                .response;
            name_combo(&response, &format!("{row} names"), words(choice));
            let mut text = contract
                .plan
                .clone()
                .or_else(|| contract.carrier.clone())
                .unwrap_or_default();
            let hint = if choice {
                "summit-ppo-1500"
            } else {
                "Carrier name"
            };
            let label = format!("{row} plan or carrier");
            single(ui, &label, &mut text, hint, 150.0);
            // Kept as typed (trimmed on save); an empty plan id keeps the choice.
            (contract.plan, contract.carrier) = if choice {
                (Some(text), None)
            } else {
                (None, Some(text).filter(|t| !t.is_empty()))
            };
            ui.label("at");
            let label = format!("{row} schedule");
            single(ui, &label, &mut contract.schedule, "Fee schedule id", 150.0);
            let button = ui.small_button("Remove");
            crate::gui::panels::coverage::named(&button, &format!("Remove {row}"));
            if button.clicked() {
                remove = Some(k);
            }
        });
    }
    if let Some(k) = remove {
        contracts.remove(k);
    }
    let add = ui.small_button("Add contract");
    crate::gui::panels::coverage::named(&add, &format!("Add a contract for {who}"));
    if add.clicked() {
        contracts.push(ProviderContract {
            plan: None,
            carrier: None,
            schedule: String::new(),
        });
    }
}

/// The practice's default provider: none or one of those listed with an id.
fn default_ui(ui: &mut Ui, providers: &[Provider], default: &mut Option<String>) {
    let shown = |id: Option<&str>| match id {
        None => "None".to_string(),
        Some(id) => providers
            .iter()
            .find(|p| p.id.trim() == id)
            .map_or_else(|| id.to_string(), |p| format!("{} ({id})", p.name)),
    };
    ui.horizontal(|ui| {
        ui.label("Default provider:");
        let current = shown(default.as_deref());
        let response = ComboBox::from_id_salt("default_provider")
            .selected_text(&current)
            .show_ui(ui, |ui| {
                ui.selectable_value(default, None, "None");
                for p in providers.iter().filter(|p| !p.id.trim().is_empty()) {
                    let id = Some(p.id.trim().to_string());
                    let words = shown(Some(p.id.trim()));
                    ui.selectable_value(default, id, words);
                }
            })
            .response;
        name_combo(&response, "Default provider", &current);
    });
}

/// A labelled text row of a grid.
fn text_row(ui: &mut Ui, words: &str, label: &str, text: &mut String, hint: &str) {
    ui.label(format!("{words}:"));
    single(ui, label, text, hint, FIELD);
    ui.end_row();
}

/// A labelled row for an optional text (empty: none).
fn optional_row(ui: &mut Ui, words: &str, label: &str, value: &mut Option<String>, hint: &str) {
    let mut text = value.clone().unwrap_or_default();
    text_row(ui, words, label, &mut text, hint);
    *value = Some(text).filter(|t| !t.is_empty());
}

/// A single-line field with an accessible name.
fn single(ui: &mut Ui, label: &str, text: &mut String, hint: &str, width: f32) {
    let response = TextEdit::singleline(text)
        .hint_text(hint)
        .desired_width(width)
        .show(ui)
        .response
        .response;
    name(&response, label, text, hint);
}

/// The providers as saved: every text trimmed, an empty optional text none.
pub fn trimmed(providers: &[Provider]) -> Vec<Provider> {
    let optional = |t: &Option<String>| {
        t.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    providers
        .iter()
        .map(|p| Provider {
            id: p.id.trim().to_string(),
            name: p.name.trim().to_string(),
            kind: p.kind,
            office_fee_schedule: optional(&p.office_fee_schedule),
            contracts: p
                .contracts
                .iter()
                .map(|c| ProviderContract {
                    plan: optional(&c.plan),
                    carrier: optional(&c.carrier),
                    schedule: c.schedule.trim().to_string(),
                })
                .collect(),
        })
        .collect()
}
