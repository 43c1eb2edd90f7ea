//! Reloading the library: on request (Reload library), and by itself when the
//! library watch sees its files change on disk (another workstation, an editor).

use std::time::Duration;

use super::FerruleApp;
use crate::gui::library_watch::{LibraryWatch, WatchPlan};
use crate::library;
use crate::model::Library;

impl FerruleApp {
    /// Looks at the library folder's files every `interval` (on a background
    /// thread, from the first frame on) and reloads the library when they change.
    /// Nothing to watch for the built-in sample library.
    pub fn watch_library(&mut self, interval: Duration) {
        self.watch_plan = self
            .state
            .library_dir
            .as_deref()
            .map(|dir| WatchPlan::new(dir, interval));
    }

    /// Starts the watch when due, and takes in a library it reloaded.
    pub(super) fn take_library_changes(&mut self, ctx: &egui::Context) {
        if let Some(plan) = self.watch_plan.take() {
            self.library_watch = plan.start(ctx);
        }
        if let Some(library) = self.library_watch.as_ref().and_then(LibraryWatch::poll) {
            self.library_loaded(library, true);
        }
    }

    /// Reads the library folder again (the Reload library command).
    pub(super) fn reload_library(&mut self) {
        let Some(dir) = self.state.library_dir.clone() else {
            self.state
                .info("This is the built-in sample library; there is no folder to reload.");
            return;
        };
        self.library_loaded(library::load_dir(&dir), false);
    }

    /// Uses a freshly loaded library and says so; `by_itself` when the watch
    /// noticed a change on disk, not the user.
    fn library_loaded(&mut self, mut library: Library, by_itself: bool) {
        // The providers come from the practice settings, not the folder.
        library.providers = self.state.library.providers.clone();
        let dir = self
            .state
            .library_dir
            .as_deref()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        let problems = library.problems.len();
        self.state.replace_library(library);
        let what = if by_itself {
            format!("The library files changed on disk: reloaded from {dir}")
        } else {
            format!("Library reloaded from {dir}")
        };
        if problems == 0 {
            self.state.info(what);
        } else {
            self.state
                .error(format!("{what} with {problems} problem(s): see below"));
        }
    }
}
