//! Noticing library changes made elsewhere (another workstation on a shared
//! folder, an editor): a background thread looks at the library folder's files
//! (names, times and sizes only, through [`library::library_stamp`]) every few
//! seconds and, when they changed, loads the library again and hands it to the
//! app, which takes it in and says so. The thread ends when the watch is dropped.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use crate::library::{self, LibraryStamp};
use crate::model::Library;

/// How often the app looks at the library folder.
pub const WATCH_INTERVAL: Duration = Duration::from_secs(5);

/// A watch that has not started yet: the folder, how often, and the files as
/// they were when the library was loaded.
#[derive(Debug)]
pub struct WatchPlan {
    dir: PathBuf,
    interval: Duration,
    stamp: LibraryStamp,
}

impl WatchPlan {
    /// Watches `dir` every `interval`, comparing with its files as they are now.
    pub fn new(dir: &Path, interval: Duration) -> WatchPlan {
        WatchPlan {
            dir: dir.to_path_buf(),
            interval,
            stamp: library::library_stamp(dir),
        }
    }

    /// Starts the thread; it wakes `ctx` when it has a new library. None when
    /// no thread could be started.
    pub fn start(self, ctx: &egui::Context) -> Option<LibraryWatch> {
        let (sender, receiver) = channel();
        let (stop, stopped) = channel::<()>();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("library-watch".into())
            .spawn(move || watch(&self, &stopped, &sender, &ctx))
            .ok()?;
        Some(LibraryWatch {
            receiver,
            _stop: stop,
        })
    }
}

/// The thread's loop: wait (or stop), look, reload on a change.
fn watch(plan: &WatchPlan, stopped: &Receiver<()>, sender: &Sender<Library>, ctx: &egui::Context) {
    let mut stamp = plan.stamp.clone();
    loop {
        match stopped.recv_timeout(plan.interval) {
            Err(RecvTimeoutError::Timeout) => {}
            // The watch was dropped (the app closed).
            Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
        }
        let now = library::library_stamp(&plan.dir);
        if now == stamp {
            continue;
        }
        // Stamped before loading: a change while loading is seen next time.
        stamp = now;
        if sender.send(library::load_dir(&plan.dir)).is_err() {
            return;
        }
        ctx.request_repaint();
    }
}

/// A running watch.
#[derive(Debug)]
pub struct LibraryWatch {
    receiver: Receiver<Library>,
    /// Dropping it ends the thread.
    _stop: Sender<()>,
}

impl LibraryWatch {
    /// The newest library loaded since the last call, if the files changed.
    pub fn poll(&self) -> Option<Library> {
        self.receiver.try_iter().last()
    }
}
