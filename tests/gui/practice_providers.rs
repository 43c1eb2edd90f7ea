//! Issue 16 item 7 in the app: the practice settings window adds, edits and
//! removes providers (id, name, kind, office fee schedule, contracts) and the
//! default provider; they are saved with the settings and reach the library.

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};
use ferrule::gui::FerruleApp;
use ferrule::gui::print::Practice;
use ferrule::library::practice;
use ferrule::model::provider::{Provider, ProviderContract, ProviderKind};

use super::{harness, sample_app};

fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ferrule-gui-{test}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn open_window(h: &mut Harness<'static, FerruleApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Practice settings…").click();
    h.run();
    click(h, "Providers");
}

fn click(h: &mut Harness<'static, FerruleApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Closes the providers (so the window is short again) and saves.
fn save(h: &mut Harness<'static, FerruleApp>) {
    click(h, "Providers");
    click(h, "Save");
}

fn type_into(h: &mut Harness<'static, FerruleApp>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn providers_are_added_edited_saved_and_removed() {
    let dir = temp_dir("practice-providers");
    let path = dir.join("ferrule").join("practice.ron");
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_practice(Practice::load_from(path.clone()));
    let mut h = harness(app);
    open_window(&mut h);
    click(&mut h, "Add provider");
    type_into(&mut h, "Provider 1 id", " dr-okafor ");
    type_into(&mut h, "Provider 1 name", "Dr. Emeka Okafor");
    click(&mut h, "Provider 1 kind");
    click(&mut h, "Specialist");
    type_into(
        &mut h,
        "Provider 1 office fee schedule",
        "specialist-office-2026",
    );
    click(&mut h, "Add a contract for Provider 1");
    type_into(
        &mut h,
        "Provider 1 contract 1 plan or carrier",
        "Summit Dental Benefits (fictional)",
    );
    type_into(
        &mut h,
        "Provider 1 contract 1 schedule",
        "specialist-summit-ppo-2026",
    );
    click(&mut h, "Default provider");
    click(&mut h, "Dr. Emeka Okafor (dr-okafor)");
    save(&mut h);

    let expected = Provider {
        id: "dr-okafor".to_string(),
        name: "Dr. Emeka Okafor".to_string(),
        kind: ProviderKind::Specialist,
        office_fee_schedule: Some("specialist-office-2026".to_string()),
        contracts: vec![ProviderContract {
            plan: None,
            carrier: Some("Summit Dental Benefits (fictional)".to_string()),
            schedule: "specialist-summit-ppo-2026".to_string(),
        }],
    };
    let saved = practice::load(&path).unwrap();
    assert_eq!(saved.providers, vec![expected.clone()]);
    assert_eq!(saved.default_provider.as_deref(), Some("dr-okafor"));
    // The library prices with them at once; the document is untouched.
    let providers = &h.state().state.library.providers;
    assert_eq!(providers.list, vec![expected]);
    assert_eq!(providers.default.as_deref(), Some("dr-okafor"));
    assert!(!h.state().state.history.can_undo());

    // Removing the provider also clears the default that named it.
    open_window(&mut h);
    click(&mut h, "Remove Provider 1");
    save(&mut h);
    let saved = practice::load(&path).unwrap();
    assert!(saved.providers.is_empty());
    assert_eq!(saved.default_provider, None);
    std::fs::remove_dir_all(&dir).ok();
}

/// Near miss: a provider with no id is refused by the save, which says why.
#[test]
fn a_provider_without_an_id_is_not_saved() {
    let dir = temp_dir("practice-provider-blank");
    let path = dir.join("ferrule").join("practice.ron");
    let mut app = sample_app("buildup-crown-19.ron");
    app.set_practice(Practice::load_from(path.clone()));
    let mut h = harness(app);
    open_window(&mut h);
    click(&mut h, "Add provider");
    type_into(&mut h, "Provider 1 name", "Luis Ortiz, RDH");
    save(&mut h);
    assert!(!path.exists(), "nothing was written");
    // The window stays open and says why.
    assert!(h.query_by_label("Practice name").is_some());
    let why = By::new().label_contains("has a blank id: expected a short id");
    assert!(h.query_all(why).next().is_some(), "the window says why");
    std::fs::remove_dir_all(&dir).ok();
}
