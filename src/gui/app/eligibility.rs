//! The eligibility import in the app: reading the 271 (through `library`), saving
//! the draft plan into the library's plans/ folder (a new file only; the library
//! is read again), and putting a member's coverage on the patient as one edit.

use super::FerruleApp;
use crate::gui::command::{Command, Edit};
use crate::gui::files::DialogKind;
use crate::gui::panels::eligibility::Loaded;
use crate::gui::panels::eligibility_update::Compared;
use crate::import;
use crate::library;
use crate::model::derived::PlanFile;
use crate::report::{self, ImportView};
use std::path::Path;

impl FerruleApp {
    /// The eligibility commands.
    pub(super) fn run_eligibility(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ImportEligibility => {
                let window = &mut self.panels.eligibility;
                window.focus_path = !window.open;
                window.open = true;
            }
            Command::ChooseEligibilityFile => {
                let directory = self.document_dir();
                if !self
                    .dialogs
                    .start(ctx, DialogKind::Eligibility, directory, None)
                {
                    self.state
                        .info("No file dialog here: type the 271 file's path and press Read file.");
                }
            }
            Command::ReadEligibility(path) => self.read_eligibility(&path),
            Command::SaveEligibilityPlan => self.save_eligibility_plan(),
            Command::UseEligibility(member) => self.use_eligibility(member),
            Command::CompareEligibilityPlan(id) => self.compare_eligibility_plan(&id),
            Command::UpdateEligibilityPlan(anyway) => self.update_eligibility_plan(anyway),
            _ => {}
        }
    }

    fn read_eligibility(&mut self, path: &std::path::Path) {
        let window = &mut self.panels.eligibility;
        window.open = true;
        window.path = path.display().to_string();
        window.member = 0;
        window.update.compared = None;
        let read = library::read_import(path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                let payer = import::read271::read_271(&text)
                    .map_err(|e| e.to_string())?
                    .payer;
                let id = import::plan_id_from(&payer);
                import::import_271(&text, &id, None, self.state.today)
                    .map(|import| (text, import))
                    .map_err(|e| e.to_string())
            });
        window.loaded = Some(read.map(|(text, import)| {
            let view = ImportView::new(&import, &[]);
            window.member = import.plan_member;
            Loaded { text, import, view }
        }));
        if let Some(Err(e)) = &window.loaded {
            self.state.error(format!("{}: {e}", path.display()));
        }
    }

    fn save_eligibility_plan(&mut self) {
        let Some(Ok(loaded)) = &self.panels.eligibility.loaded else {
            return;
        };
        let Some(dir) = self.state.library_dir.clone() else {
            self.state
                .error("This is the built-in sample library: there is no plans folder to save to.");
            return;
        };
        let plan = &loaded.import.draft.plan;
        let path = dir.join("plans").join(format!("{}.ron", plan.id));
        let written = library::draft_plan_text(plan, &loaded.view.review).and_then(|text| {
            library::write_import(
                &path,
                &text,
                false,
                &dir,
                ("fee-schedules", "fee schedules"),
            )
        });
        match written {
            Ok(()) => {
                self.reload_library();
                self.state.info(format!(
                    "Saved the draft plan to {}; check the items listed at its top.",
                    path.display()
                ));
            }
            Err(e) => self.state.error(format!("Draft plan not saved: {e}")),
        }
    }

    /// Adds the member's coverage, or replaces the patient's coverage with the same
    /// member id and plan: one edit, so one undo step.
    fn use_eligibility(&mut self, member: usize) {
        let Some(Ok(loaded)) = &self.panels.eligibility.loaded else {
            return;
        };
        let Some(found) = loaded.import.members.get(member) else {
            return;
        };
        let mut coverage = found.coverage.clone();
        let same = self.state.document.plan.coverage.iter().position(|c| {
            c.plan == coverage.plan && c.member_id.is_some() && c.member_id == coverage.member_id
        });
        // A 271 does not carry exceptions granted to this patient: keep them.
        if let Some(old) = same.and_then(|i| self.state.document.plan.coverage.get(i)) {
            coverage.exceptions.clone_from(&old.exceptions);
        }
        let edit = match same {
            Some(i) => Edit::ReplaceCoverage(i, Box::new(coverage)),
            None => Edit::AddCoverage(Box::new(coverage)),
        };
        let name = found.name.clone();
        self.edit(&edit);
        self.state.info(format!(
            "Coverage from the 271 for {name} put on this patient (Undo takes it back)."
        ));
    }

    /// Maps the 271 onto library plan `id` and lists what it changes.
    fn compare_eligibility_plan(&mut self, id: &str) {
        let Some(Ok(loaded)) = &self.panels.eligibility.loaded else {
            return;
        };
        let library = &self.state.library;
        let Some(base) = library.plans.get(id) else {
            self.panels.eligibility.update.compared = None;
            return;
        };
        match import::import_271(&loaded.text, id, Some(base), self.state.today) {
            Ok(import) => {
                let changes = report::plan_diff::plan_changes(base, &import.draft.plan);
                self.panels.eligibility.update.compared = Some(Compared {
                    id: id.to_string(),
                    path: library.plan_source(id).map(Path::to_path_buf),
                    import,
                    changes,
                    ask_comments: false,
                });
            }
            Err(e) => self.state.error(format!("Cannot compare with {id}: {e}")),
        }
    }

    /// Writes the compared plan over its file (asking first when the file has
    /// comments, unless `anyway`), then reads the library again.
    fn update_eligibility_plan(&mut self, anyway: bool) {
        let Some(compared) = &mut self.panels.eligibility.update.compared else {
            return;
        };
        let Some(path) = compared.path.clone() else {
            self.state.error(format!(
                "{} is a built-in sample plan with no file to update.",
                compared.id
            ));
            return;
        };
        if !anyway {
            match library::file_has_comments(&path) {
                Ok(true) => {
                    compared.ask_comments = true;
                    return;
                }
                Ok(false) => {}
                Err(e) => {
                    self.state
                        .error(format!("Cannot read {}: {e}", path.display()));
                    return;
                }
            }
        }
        let id = compared.id.clone();
        let plan = PlanFile::Full(compared.import.draft.plan.clone());
        match library::save_plan_file(&path, &plan) {
            Ok(()) => {
                self.reload_library();
                self.compare_eligibility_plan(&id);
                self.state
                    .info(format!("Updated {id} in {} from the 271.", path.display()));
            }
            Err(e) => self.state.error(format!("Plan not updated: {e}")),
        }
    }
}
