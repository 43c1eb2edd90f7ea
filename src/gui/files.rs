//! Native file dialogs (rfd) on a background thread, so the window keeps painting
//! while a dialog is open. The answer comes back over a channel.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// What the dialog was for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// Pick a file to open.
    Open,
    /// Pick where to save.
    Save,
    /// Pick where to save the printed estimate (PDF).
    SavePdf,
    /// Pick a 271 eligibility response to import.
    Eligibility,
}

/// A dialog's answer.
#[derive(Debug)]
pub struct DialogReply {
    /// What it was for.
    pub kind: DialogKind,
    /// The path chosen; None when cancelled or when no dialog could be shown.
    pub path: Option<PathBuf>,
    /// How long it was open. rfd answers None within milliseconds when there is no
    /// desktop portal and no zenity; a person takes longer to cancel.
    pub elapsed: Duration,
}

impl DialogReply {
    /// True when the dialog most likely could not be shown at all.
    pub fn looks_unavailable(&self) -> bool {
        self.path.is_none() && self.elapsed < Duration::from_millis(400)
    }
}

/// Runs at most one dialog at a time.
#[derive(Debug)]
pub struct FileDialogs {
    sender: Sender<DialogReply>,
    receiver: Receiver<DialogReply>,
    busy: bool,
    /// False in tests and where native dialogs are unwanted: the in-app path window
    /// is used instead.
    pub native: bool,
}

impl FileDialogs {
    /// Dialogs, native when `native`.
    pub fn new(native: bool) -> FileDialogs {
        let (sender, receiver) = channel();
        FileDialogs {
            sender,
            receiver,
            busy: false,
            native,
        }
    }

    /// Starts a dialog. Returns false when it cannot (not native, one already open,
    /// no thread), so the caller shows the path window instead.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        kind: DialogKind,
        directory: Option<PathBuf>,
        file_name: Option<String>,
    ) -> bool {
        if !self.native || self.busy {
            return false;
        }
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                // Timing tells "no dialog could be shown" from a person cancelling.
                #[allow(
                    clippy::disallowed_methods,
                    reason = "measures the dialog, not the date"
                )]
                let started = Instant::now();
                let mut dialog = match kind {
                    DialogKind::SavePdf => rfd::FileDialog::new().add_filter("PDF", &["pdf"]),
                    DialogKind::Eligibility => rfd::FileDialog::new()
                        .add_filter("Eligibility response (271)", &["edi", "271", "txt", "x12"])
                        .add_filter("Any file", &["*"]),
                    _ => rfd::FileDialog::new().add_filter("Treatment plan", &["ron"]),
                };
                if let Some(directory) = directory {
                    dialog = dialog.set_directory(directory);
                }
                if let Some(name) = file_name {
                    dialog = dialog.set_file_name(name);
                }
                let path = match kind {
                    DialogKind::Open | DialogKind::Eligibility => dialog.pick_file(),
                    DialogKind::Save | DialogKind::SavePdf => dialog.save_file(),
                };
                // The app may have closed meanwhile; then nobody needs the answer.
                sender
                    .send(DialogReply {
                        kind,
                        path,
                        elapsed: started.elapsed(),
                    })
                    .ok();
                ctx.request_repaint();
            });
        self.busy = spawned.is_ok();
        self.busy
    }

    /// The answer of a finished dialog, if any.
    pub fn poll(&mut self) -> Option<DialogReply> {
        let reply = self.receiver.try_recv().ok()?;
        self.busy = false;
        Some(reply)
    }

    /// True while a dialog is open.
    pub fn is_busy(&self) -> bool {
        self.busy
    }
}
