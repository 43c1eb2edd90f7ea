//! Keyboard shortcuts and the window's close button, handled before the panels draw.

use egui::ViewportCommand;

use super::FerruleApp;
use crate::gui::command::{Command, Edit};
use crate::gui::questions::Pending;

impl FerruleApp {
    /// The window's close button: ask first when there are unsaved changes.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.state.document.is_modified() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.prompt = Some(Pending::Quit);
        }
    }

    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.prompt.is_some() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        if !typing
            && let Some(at) = self.state.selected_line
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Delete))
        {
            self.commands.edit(Edit::RemoveLine(at));
        }
        // An empty quick-entry field passes Ctrl+Z on to the plan and keeps the focus.
        let passes_undo = self.panels.add_line.quick.passes_undo(ctx);
        for command in Command::with_shortcuts() {
            let undo = matches!(command, Command::Undo | Command::Redo);
            // A focused text field keeps Ctrl+Z for its own typing.
            if typing && undo && !passes_undo {
                continue;
            }
            let Some(shortcut) = command.shortcut() else {
                continue;
            };
            if !ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                continue;
            }
            if typing && !undo {
                // Let the field commit first (it does when it loses focus), so
                // Ctrl+S saves what is on screen.
                ctx.memory_mut(|m| m.stop_text_input());
                self.deferred.push(command);
                ctx.request_repaint();
            } else {
                self.commands.push(command);
            }
        }
    }
}
