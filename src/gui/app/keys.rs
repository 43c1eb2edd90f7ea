//! Keyboard shortcuts and the window's close button, handled before the panels draw.

use egui::ViewportCommand;

use super::FerruleApp;
use crate::gui::command::Command;
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
        self.handle_escape(ctx);
        let typing = ctx.egui_wants_keyboard_input();
        // An open menu or list uses the arrows itself.
        let table_keys = !typing && !egui::Popup::is_any_open(ctx);
        // An empty quick-entry field passes Ctrl+Z on to the plan and keeps the focus.
        let passes_undo = self.panels.add_line.quick.passes_undo(ctx);
        for command in Command::with_shortcuts() {
            let undo = matches!(command, Command::Undo | Command::Redo);
            // A focused text field keeps Ctrl+Z for its own typing.
            if typing && undo && !passes_undo {
                continue;
            }
            // In a text field the arrows, Delete and Backspace edit the text.
            if !table_keys && command.is_table_key() {
                continue;
            }
            let shortcuts = [command.shortcut(), command.other_shortcut()];
            let pressed = shortcuts
                .iter()
                .flatten()
                .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
            if !pressed {
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

    /// Escape closes the window on top, one per press; Escape in a text field
    /// only leaves the field (and throws its typing away).
    fn handle_escape(&mut self, ctx: &egui::Context) {
        // The prompts are modal and answer Escape as Cancel themselves.
        let modal = self.overwrite.is_some() || !self.autosave.found.is_empty();
        let was_typing = ctx
            .data(|d| d.get_temp::<bool>(focus_id()))
            .unwrap_or(false);
        if modal || was_typing || !ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            return;
        }
        if self.panels.path_window.open {
            self.panels.path_window.open = false;
        } else if self.panels.practice.open {
            self.panels.practice.open = false;
        } else if self.panels.keyboard {
            self.panels.keyboard = false;
        } else if self.panels.eligibility.open {
            self.panels.eligibility.open = false;
        } else if self.panels.patients.open {
            self.panels.patients.open = false;
        } else if self.panels.start.open {
            self.panels.start.open = false;
        } else if !crate::gui::panels::coverage::close_plan_rules(ctx) && self.print.open {
            self.commands.push(Command::ClosePrint);
        }
    }
}

fn focus_id() -> egui::Id {
    egui::Id::unique("ferrule-focus-at-end-of-frame")
}

/// Remembers whether a widget had the keyboard at the end of the frame: egui drops
/// the focus on Escape before the next frame starts.
pub(super) fn remember_focus(ctx: &egui::Context) {
    let focused = ctx.memory(|m| m.focused().is_some());
    ctx.data_mut(|d| d.insert_temp(focus_id(), focused));
}
