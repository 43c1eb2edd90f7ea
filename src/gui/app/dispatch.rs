//! Applying commands: each command goes to the group it belongs to (files, the
//! unsaved-changes answer, view, selection, compare, print).

use super::FerruleApp;
use crate::gui::command::Command;
use crate::gui::prefs::Prefs;
use crate::gui::questions::{Pending, SaveOrigin};
use crate::gui::state::View;

impl FerruleApp {
    /// Applies one command.
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Edit(edit) => self.edit(&edit),
            Command::KeyboardHelp => self.panels.keyboard = true,
            Command::EditPlans => self
                .editors
                .plans
                .show(&self.state.library, &self.state.document.plan),
            Command::EditFeeSchedules => self.editors.fees.show(&self.state.library),
            Command::Patients => self.show_patients(ctx),
            Command::TypeLines => {
                self.state.view = View::Plan;
                let field = crate::gui::panels::quick_entry::LABEL;
                crate::gui::widgets::focus::focus_field(ctx, field);
            }
            // The editor window on top has its own history.
            Command::Undo if self.editors.undo_redo(ctx, false) => {}
            Command::Undo => self.state.undo(),
            Command::SelectNextLine
            | Command::SelectPreviousLine
            | Command::DeleteSelectedLine
            | Command::CompleteSelectedLine => self.run_line(ctx, &command),
            Command::Redo if self.editors.undo_redo(ctx, true) => {}
            Command::Redo => self.state.redo(),
            Command::New
            | Command::Open
            | Command::OpenPath(_)
            | Command::Save
            | Command::SaveAs
            | Command::SaveToPath(_)
            | Command::ShowPathWindow
            | Command::ReloadLibrary
            | Command::Quit
            | Command::RestoreRecovery(_)
            | Command::DiscardRecovery(_) => self.run_file(ctx, command),
            Command::PromptSave | Command::PromptDiscard | Command::PromptCancel => {
                self.answer_prompt(ctx, &command);
            }
            Command::Overwrite(answer) => self.answer_overwrite(ctx, answer),
            Command::Theme(_) | Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                run_view(ctx, &mut self.prefs, &command);
            }
            Command::SelectOption(_)
            | Command::SelectLine(_)
            | Command::SelectCell(_)
            | Command::ShowError(_) => self.select(command),
            Command::ToggleCompare
            | Command::CompareOption(..)
            | Command::CompareAddPlan(_)
            | Command::CompareRemovePlan(_)
            | Command::CompareNoInsurance(_)
            | Command::CompareCancel
            | Command::CompareAgain => self.run_compare(command),
            Command::Print
            | Command::PrintPaper(_)
            | Command::PrintPage(_)
            | Command::ClosePrint
            | Command::PrintJob(_)
            | Command::SavePdf
            | Command::SavePdfToPath(_)
            | Command::PracticeSettings
            | Command::SavePractice(_) => self.run_print(ctx, command),
            Command::ImportEligibility
            | Command::ChooseEligibilityFile
            | Command::ReadEligibility(_)
            | Command::SaveEligibilityPlan
            | Command::UseEligibility(_)
            | Command::CompareEligibilityPlan(_)
            | Command::UpdateEligibilityPlan(_) => self.run_eligibility(ctx, command),
        }
    }

    /// New, open, save, reload and quit.
    fn run_file(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.unless_unsaved(ctx, Pending::New),
            Command::Open => self.unless_unsaved(ctx, Pending::Open),
            Command::OpenPath(path) => self.unless_unsaved(ctx, Pending::OpenPath(path)),
            Command::Save => match self.state.document.path.clone() {
                Some(path) => self.request_save(ctx, path, SaveOrigin::Document, None),
                None => self.save_as(ctx),
            },
            Command::SaveAs => self.save_as(ctx),
            Command::SaveToPath(path) => {
                let then = self.after_save.take();
                self.request_save(ctx, path, SaveOrigin::Typed, then);
            }
            Command::ShowPathWindow => {
                let suggestion = self.state.document.path.clone();
                self.panels.path_window.show_with(suggestion, None);
            }
            Command::ReloadLibrary => self.reload_library(),
            Command::Quit => self.unless_unsaved(ctx, Pending::Quit),
            Command::RestoreRecovery(file) => self.restore(&file),
            Command::DiscardRecovery(file) => {
                if let Some(error) = self.autosave.discard_found(&file) {
                    self.state.error(error);
                }
            }
            _ => {}
        }
    }

    /// The answer to the unsaved-changes question.
    fn answer_prompt(&mut self, ctx: &egui::Context, command: &Command) {
        match command {
            Command::PromptSave => {
                let pending = self.prompt.take();
                match self.state.document.path.clone() {
                    Some(path) => self.request_save(ctx, path, SaveOrigin::Document, pending),
                    None => {
                        self.after_save = pending;
                        self.save_as(ctx);
                    }
                }
            }
            Command::PromptDiscard => {
                if let Some(pending) = self.prompt.take() {
                    self.proceed(ctx, pending);
                }
            }
            Command::PromptCancel => {
                self.prompt = None;
                self.after_save = None;
            }
            _ => {}
        }
    }

    /// What is selected, and messages.
    fn select(&mut self, command: Command) {
        match command {
            Command::SelectOption(id) if self.state.document.plan.option(id).is_some() => {
                self.state.selected_option = id;
                self.state.selected_line = None;
            }
            Command::SelectLine(line) => self.state.selected_line = line,
            Command::SelectCell(cell) => self.state.selected_cell = cell,
            Command::ShowError(text) => self.state.error(text),
            _ => {}
        }
    }

    /// The compare view and what it compares.
    fn run_compare(&mut self, command: Command) {
        match command {
            Command::ToggleCompare => {
                self.state.view = match self.state.view {
                    View::Plan => View::Compare,
                    View::Compare => View::Plan,
                };
                self.state.selected_cell = None;
            }
            Command::CompareOption(id, on) => self.state.compare.set_option(id, on),
            Command::CompareAddPlan(id) => self.state.compare.add_plan(&id),
            Command::CompareRemovePlan(id) => self.state.compare.remove_plan(&id),
            Command::CompareNoInsurance(on) => self.state.compare.set_no_insurance(on),
            Command::CompareCancel => self.state.comparison.cancel(),
            Command::CompareAgain => self.state.comparison.compare_again(),
            _ => {}
        }
    }

    /// The print preview, the PDF and the practice settings.
    fn run_print(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Print => self.open_print(false),
            Command::PrintPaper(paper) => {
                self.print.paper = paper;
                self.prefs.printing.paper = paper;
            }
            Command::PrintPage(page) => {
                self.print.page = page.min(self.print.page_count().saturating_sub(1));
            }
            Command::ClosePrint => self.print.open = false,
            Command::PrintJob(job) => self.print_job(job),
            Command::SavePdf => self.save_pdf_as(ctx),
            Command::SavePdfToPath(path) => self.save_pdf(&path),
            Command::PracticeSettings => self.open_practice_settings(),
            Command::SavePractice(settings) => self.save_practice(settings),
            _ => {}
        }
    }
}

/// Theme and zoom (remembered in the preferences, not in the document).
fn run_view(ctx: &egui::Context, prefs: &mut Prefs, command: &Command) {
    match command {
        Command::Theme(choice) => {
            prefs.theme = *choice;
            ctx.set_theme(choice.preference());
        }
        Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
        Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
        Command::ZoomReset => ctx.set_zoom_factor(1.0),
        _ => {}
    }
}
