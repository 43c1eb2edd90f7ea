//! The selected line's coding controls in the details panel: its note, the
//! remake mark (CR2) and "Copy narrative" (the line's narrative from the
//! library's templates, with blanks for the clinician, onto the clipboard).

use egui::Ui;

use super::{Out, PanelCtx};
use crate::gui::widgets::commit_edit::commit_edit;
use crate::model::family::CodeFamily;
use crate::model::{Edit, PlannedLine};
use crate::report::coding::narrative;

/// Note, remake mark and "Copy narrative" for `line`.
pub fn coding_line_ui(ui: &mut Ui, ctx: &PanelCtx<'_>, line: &PlannedLine, out: Out<'_>) {
    let at = line.id;
    ui.horizontal(|ui| {
        ui.label("Note");
        let current = line.note.as_deref().unwrap_or("");
        if let Some(typed) = commit_edit(
            ui,
            ("line_note", at),
            "Line note",
            current,
            "for staff and narratives",
            220.0,
        ) {
            out.edit(Edit::LineNote(at, Some(typed)));
        }
    });
    ui.horizontal(|ui| {
        // A remake only matters for restorations with a frequency window.
        let restoration = [CodeFamily::Crowns, CodeFamily::Onlays, CodeFamily::BridgeRetainers]
            .iter()
            .any(|f| f.contains(line.code));
        if restoration || line.remake {
            let mut remake = line.remake;
            let response = ui
                .checkbox(&mut remake, "Remake")
                .on_hover_text("Replaces a restoration still inside its frequency window: the claim needs a narrative saying why it failed (write it in the note)");
            if response.changed() {
                out.edit(Edit::LineRemake(at, remake));
            }
        }
        let filled = narrative(ctx.plan, at, &ctx.library.coding, &ctx.library.catalogue);
        let button = ui.add_enabled(filled.is_ok(), egui::Button::new("Copy narrative"));
        let button = match &filled {
            Ok(_) => button.on_hover_text("Copy this line's narrative with blanks ([[...]]) to fill for this patient"),
            Err(why) => button.on_disabled_hover_text(why.to_string()),
        };
        if button.clicked()
            && let Ok(n) = filled
        {
            ui.ctx().copy_text(format!("{}\n\n{}", n.title, n.text));
        }
    });
}
