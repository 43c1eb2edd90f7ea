//! Long work off the UI thread: a [`Task`] runs a closure on its own thread, counts
//! its steps for a progress line, can be cancelled, and hands its answer back over
//! a channel; the window keeps drawing meanwhile and is woken when the answer is
//! there. A task that is dropped is cancelled, and its answer, if it still comes,
//! goes nowhere.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

/// How often, at most, progress wakes the window.
const PROGRESS_REPAINT: Duration = Duration::from_millis(100);

/// What the work sees: whether it was cancelled, and where to count its steps.
#[derive(Debug)]
pub struct Progress {
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    ctx: egui::Context,
}

impl Progress {
    /// Records that `done` steps are finished; false when the task was cancelled
    /// and the work should stop.
    pub fn set(&self, done: usize) -> bool {
        self.done.store(done, Ordering::Relaxed);
        // Not at once: a quick run of steps must not make the window draw each one.
        self.ctx.request_repaint_after(PROGRESS_REPAINT);
        !self.cancelled()
    }

    /// True once the task was cancelled.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// The state of a task.
#[derive(Debug)]
pub enum Poll<T> {
    /// Still working.
    Running,
    /// Finished with this answer.
    Ready(T),
    /// Ended without an answer (cancelled, or the work failed unexpectedly).
    Gone,
}

/// Work running on its own thread.
#[derive(Debug)]
pub struct Task<T> {
    receiver: Receiver<T>,
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    total: usize,
}

impl<T: Send + 'static> Task<T> {
    /// Starts `work` on a thread named `name`; it has `total` steps. The window is
    /// woken when it ends. Fails only when no thread can be started.
    pub fn spawn(
        ctx: &egui::Context,
        name: &str,
        total: usize,
        work: impl FnOnce(&Progress) -> Option<T> + Send + 'static,
    ) -> std::io::Result<Task<T>> {
        let (sender, receiver) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicUsize::new(0));
        let progress = Progress {
            cancel: Arc::clone(&cancel),
            done: Arc::clone(&done),
            ctx: ctx.clone(),
        };
        std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                if let Some(answer) = work(&progress) {
                    // Nobody listens when the task was dropped meanwhile.
                    sender.send(answer).ok();
                }
                drop(sender);
                progress.ctx.request_repaint();
            })?;
        Ok(Task {
            receiver,
            cancel,
            done,
            total,
        })
    }

    /// The answer, once there.
    pub fn poll(&self) -> Poll<T> {
        match self.receiver.try_recv() {
            Ok(answer) => Poll::Ready(answer),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Gone,
        }
    }

    /// Steps done and the total.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed).min(self.total),
            self.total,
        )
    }
}

impl<T> Task<T> {
    /// Asks the work to stop at its next step.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl<T> Drop for Task<T> {
    fn drop(&mut self) {
        self.cancel();
    }
}
