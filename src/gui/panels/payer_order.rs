//! Which plan pays first: the engine's suggested payer order with its reasons, and a
//! button to adopt it when it differs from the order on file. Staff decide; this
//! only suggests.
//!
//! Uses only `egui` and the engine-side modules, never the app's own GUI modules.

use egui::{RichText, Ui};

use crate::engine::payer_order::suggest;
use crate::model::{Coverage, Library};

/// Shows the suggested payer order for two or more coverages, with one reason per
/// adjacent pair. When the suggestion differs from the order on file, shows a
/// "Use suggested order" button; returns the new order (indexes into `coverage`,
/// primary first) on the frame it is clicked. Draws nothing for fewer than two plans.
pub fn payer_order_ui(ui: &mut Ui, coverage: &[Coverage], library: &Library) -> Option<Vec<usize>> {
    if coverage.len() < 2 {
        return None;
    }
    let suggestion = suggest(coverage, |id| library.plans.get(id));
    let names: Vec<String> = suggestion
        .order
        .iter()
        .filter_map(|&i| coverage.get(i))
        .map(|c| plan_name(library, &c.plan))
        .collect();
    ui.label(RichText::new(format!("Suggested payer order: {}", names.join(", then "))).strong());
    let pairs = suggestion.order.windows(2).filter_map(|w| match w {
        [a, b] => Some((coverage.get(*a)?, coverage.get(*b)?)),
        _ => None,
    });
    for ((a, b), reason) in pairs.zip(&suggestion.reasons) {
        ui.label(RichText::new(reason_words(library, a, b, reason)).weak());
    }
    let on_file: Vec<usize> = (0..coverage.len()).collect();
    if suggestion.order == on_file {
        ui.label(
            RichText::new("This matches the order on file.")
                .weak()
                .small(),
        );
        return None;
    }
    let button = ui
        .button("Use suggested order")
        .on_hover_text("Reorder the plans on file to the suggested order");
    button.clicked().then_some(suggestion.order)
}

/// The plan's name, or its id when the library does not have it.
fn plan_name(library: &Library, id: &str) -> String {
    library
        .plans
        .get(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// The engine's reason ("a-id before b-id: why") with plan names instead of ids.
fn reason_words(library: &Library, a: &Coverage, b: &Coverage, reason: &str) -> String {
    let prefix = format!("{} before {}: ", a.plan, b.plan);
    match reason.strip_prefix(&prefix) {
        Some(why) => format!(
            "{} before {}: {why}",
            plan_name(library, &a.plan),
            plan_name(library, &b.plan)
        ),
        None => reason.to_string(),
    }
}
