//! The line's provider in the details panel (issue 16 item 7): a choice among the
//! practice's providers, or the default (the treatment plan's, else the
//! practice's). Shown only when the practice settings list providers.

use egui::Ui;

use super::{Out, PanelCtx};
use crate::gui::command::Edit;
use crate::gui::widgets::commit_edit::name_combo;
use crate::model::PlannedLine;

/// The combo box; a change is one edit.
pub fn provider_picker_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, line: &PlannedLine, out: Out<'_>) {
    let providers = &ctx.library.providers.list;
    if providers.is_empty() {
        return;
    }
    let name = |id: Option<&str>| match id {
        Some(id) => providers.iter().find(|p| p.id == id).map_or_else(
            || format!("{id} (not in the practice settings)"),
            |p| p.name.clone(),
        ),
        None => "Default provider".to_string(),
    };
    ui.horizontal(|ui| {
        ui.label("Provider");
        let current = line.provider.as_deref();
        let shown = name(current);
        let response = egui::ComboBox::from_id_salt(("line_provider", line.id))
            .selected_text(&shown)
            .show_ui(ui, |ui| {
                let mut choice = line.provider.clone();
                ui.selectable_value(&mut choice, None, name(None));
                for p in providers {
                    ui.selectable_value(&mut choice, Some(p.id.clone()), &p.name);
                }
                if choice != line.provider {
                    out.edit(Edit::LineProvider(line.id, choice));
                }
            })
            .response;
        name_combo(&response, "Line provider", &shown);
    });
}
