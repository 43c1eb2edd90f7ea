//! The table's selected line from the keyboard: move the selection up and down
//! (in screen order, across visits), delete it, mark it completed.

use super::FerruleApp;
use crate::gui::command::{Command, Edit};
use crate::gui::completion::completion;
use crate::gui::panels::line_table::{self, lines_by_visit};
use crate::gui::state::AppState;
use crate::model::LineId;

impl FerruleApp {
    /// Applies one of the selected line's commands.
    pub(super) fn run_line(&mut self, ctx: &egui::Context, command: &Command) {
        match command {
            Command::SelectNextLine => self.step_selection(true),
            Command::SelectPreviousLine => self.step_selection(false),
            Command::DeleteSelectedLine => self.delete_selected(),
            Command::CompleteSelectedLine => self.complete_selected(),
            _ => {}
        }
        // The table brings the newly selected row into view on its next frame.
        if let Some(line) = self.state.selected_line {
            line_table::scroll_to(ctx, line);
        }
    }

    /// Down (or up) one line; with nothing selected, the first (or last) line.
    fn step_selection(&mut self, down: bool) {
        let order = screen_order(&self.state);
        let at = self
            .state
            .selected_line
            .and_then(|id| order.iter().position(|&l| l == id));
        let next = match (at, down) {
            (None, true) => order.first(),
            (None, false) => order.last(),
            (Some(k), true) => order.get(k + 1).or(order.get(k)),
            (Some(k), false) => order.get(k.saturating_sub(1)),
        };
        if let Some(&next) = next {
            self.state.selected_line = Some(next);
        }
    }

    /// Removes the selected line (one undo step) and selects the one below it
    /// (or above, when it was the last).
    fn delete_selected(&mut self) {
        let Some(id) = self.state.selected_line else {
            return;
        };
        let next = neighbour(&self.state, id);
        if self.state.apply_edit(&Edit::RemoveLine(id)).is_some() {
            self.state.selected_line = next;
        }
    }

    /// Moves the selected line into the history with the amounts its estimate
    /// showed, or says why it cannot be done yet.
    fn complete_selected(&mut self) {
        let Some(id) = self.state.selected_line else {
            self.state.error("Select a line to mark it completed.");
            return;
        };
        let state = &self.state;
        let ready = completion(
            &state.library,
            &state.document.plan,
            &state.estimates,
            state.today,
            id,
        );
        let ready = match ready {
            Ok(ready) => ready,
            Err(why) => {
                self.state
                    .error(format!("Cannot mark the line completed: {why}"));
                return;
            }
        };
        let entry = ready.completion.entry.clone();
        let next = neighbour(&self.state, id);
        if self
            .state
            .apply_edit(&Edit::CompleteLine(ready.completion))
            .is_none()
        {
            return;
        }
        self.state.selected_line = next;
        let style = self.practice.as_ref().map(|p| p.settings.date_style);
        let date = crate::report::fmt::date(entry.date, style.unwrap_or_default());
        let mut message = format!("{} moved to the history, done {date}.", entry.code);
        if entry.date > self.state.today {
            message = format!(
                "{} moved to the history, dated {date}: its visit's date, which is after today.",
                entry.code
            );
        }
        if !ready.other_year.is_empty() {
            message.push_str(&format!(
                " Amounts used not changed for {}: the visit is in another benefit year.",
                ready.other_year.join(", ")
            ));
        }
        self.state.info(message);
    }
}

/// The shown option's lines in the order the table shows them.
fn screen_order(state: &AppState) -> Vec<LineId> {
    let Some(option) = state.document.plan.option(state.selected_option) else {
        return Vec::new();
    };
    lines_by_visit(option)
        .into_iter()
        .flat_map(|(_, lines)| lines.into_iter().map(|shown| shown.line.id))
        .collect()
}

/// The line selected after `id` leaves the table: the one below it, or above
/// when it was the last.
fn neighbour(state: &AppState, id: LineId) -> Option<LineId> {
    let order = screen_order(state);
    let k = order.iter().position(|&l| l == id)?;
    let below = order.get(k + 1);
    below
        .or(k.checked_sub(1).and_then(|up| order.get(up)))
        .copied()
}
