//! What is on disk, for the checks before a save and for noticing changes made by
//! another program (another workstation on a shared folder): a file's
//! [`Fingerprint`] (modification time, size and a hash of its bytes), treatment
//! plans opened and saved together with theirs, whether a path lies inside a
//! library's `plans/` or `fee-schedules/`, a cheap [`LibraryStamp`] of a library
//! folder, and the owner-only file eframe keeps the app's settings in.
#![allow(
    clippy::disallowed_methods,
    reason = "looking at files on disk is this file's job"
)]

use std::fs;
use std::hash::Hasher as _;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::document::DocumentError;
use super::read::{MAX_TEXT_BYTES, read_bytes_with_meta, text_of};
use super::write::{create_private_dir, write_atomic_with_meta};
use super::{parse, write};
use crate::model::TreatmentPlan;

/// A file as it was when read or written: compared later to tell whether another
/// program changed it since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Modification time, when the system reports one.
    pub modified: Option<SystemTime>,
    /// Size in bytes.
    pub len: u64,
    /// A hash of the bytes (not cryptographic: it tells versions apart).
    pub hash: u64,
}

impl Fingerprint {
    fn of(meta: &fs::Metadata, bytes: &[u8]) -> Fingerprint {
        let mut hasher = std::hash::DefaultHasher::new();
        hasher.write(bytes);
        Fingerprint {
            modified: meta.modified().ok(),
            len: meta.len(),
            hash: hasher.finish(),
        }
    }

    /// True when `other` holds the same bytes: same size and hash. A new time
    /// alone (a `touch`, a copy of the same bytes) loses nothing when overwritten.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// The fingerprint of the regular file at `path` (at most
/// [`MAX_TEXT_BYTES`]); None when nothing is there.
pub fn fingerprint(path: &Path) -> io::Result<Option<Fingerprint>> {
    match read_bytes_with_meta(path, MAX_TEXT_BYTES) {
        Ok((bytes, meta)) => Ok(Some(Fingerprint::of(&meta, &bytes))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Reads a treatment plan and the fingerprint of the very bytes it was read from.
pub fn load_treatment_plan_fingerprinted(
    path: &Path,
) -> Result<(TreatmentPlan, Fingerprint), DocumentError> {
    let read_error = |source| DocumentError::Read {
        path: path.to_path_buf(),
        source,
    };
    let (bytes, meta) = read_bytes_with_meta(path, MAX_TEXT_BYTES).map_err(read_error)?;
    let fingerprint = Fingerprint::of(&meta, &bytes);
    let text = text_of(bytes).map_err(read_error)?;
    let plan = parse::parse_treatment_plan(path, &text).map_err(DocumentError::Invalid)?;
    Ok((plan, fingerprint))
}

/// Saves a treatment plan like [`super::save_treatment_plan`] and returns the
/// fingerprint of what was written.
pub fn save_treatment_plan_fingerprinted(
    path: &Path,
    plan: &TreatmentPlan,
) -> Result<Fingerprint, DocumentError> {
    let text = parse::to_ron(plan).map_err(|e| DocumentError::Serialize(e.to_string()))?;
    let meta =
        write_atomic_with_meta(path, text.as_bytes()).map_err(|source| DocumentError::Write {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(Fingerprint::of(&meta, text.as_bytes()))
}

/// Ok when a save may replace what is at `path` (nothing, or a regular file this
/// user may write); otherwise why not, such as "the file is read-only: ...".
pub fn can_replace(path: &Path) -> io::Result<()> {
    write::check_replaceable(path)
}

/// True when something is at `path` (a file, a folder, anything).
pub fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// The library subfolders that hold library files.
const LIBRARY_FOLDERS: [&str; 3] = ["plans", "fee-schedules", "coding"];

/// True when `path` is inside `library`'s `plans/`, `fee-schedules/` or `coding/` (after
/// following symlinks and `..`), where a treatment plan must never be saved.
pub fn in_library_folder(path: &Path, library: &Path) -> bool {
    let Some(target) = resolved(path) else {
        return false;
    };
    LIBRARY_FOLDERS.iter().any(|folder| {
        fs::canonicalize(library.join(folder)).is_ok_and(|folder| target.starts_with(folder))
    })
}

/// `path` with symlinks and `..` resolved; for a file not there yet, its folder
/// resolved and the name added. None when the folder does not exist either.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(full) = fs::canonicalize(path) {
        return Some(full);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::canonicalize(parent).ok().map(|p| p.join(name))
}

/// What a library folder's files look like, cheaply (names, modification times
/// and sizes, no contents): two stamps differ when a file was added, removed or
/// changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryStamp(Vec<(PathBuf, Option<SystemTime>, Option<u64>)>);

/// The stamp of the `.ron` files in `root/plans`, `root/fee-schedules` and `root/coding` and of
/// the presets file (the files [`super::load_dir`] reads). A folder or file that cannot be read is part
/// of the stamp too, so its coming back is a change.
pub fn library_stamp(root: &Path) -> LibraryStamp {
    let mut files = Vec::new();
    for folder in LIBRARY_FOLDERS {
        let dir = root.join(folder);
        let Ok(entries) = fs::read_dir(&dir) else {
            files.push((dir, None, None));
            continue;
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if path.extension().is_some_and(|x| x == "ron") {
                let meta = fs::metadata(&path).ok();
                let modified = meta.as_ref().and_then(|m| m.modified().ok());
                files.push((path, modified, meta.map(|m| m.len())));
            }
        }
    }
    let presets = root.join(super::presets::PRESETS_PATH);
    let meta = fs::metadata(&presets).ok();
    let modified = meta.as_ref().and_then(|m| m.modified().ok());
    files.push((presets, modified, meta.map(|m| m.len())));
    files.sort();
    LibraryStamp(files)
}

/// Makes the file at `path` owner-only before another program (eframe, for its
/// settings and the recent-files list, which names patients) writes it: its folder
/// is created or narrowed to 0700, and the file is created empty (`{}`) or
/// narrowed to 0600. A program that truncates and rewrites the file keeps these
/// permissions.
pub fn prepare_private_file(path: &Path) -> io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(parent)?;
        set_mode(parent, 0o700)?;
    }
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let mut options = fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt as _;
                options.mode(0o600);
            }
            io::Write::write_all(&mut options.open(path)?, b"{}")
        }
        Err(e) => Err(e),
        Ok(meta) if meta.is_file() => set_mode(path, 0o600),
        Ok(meta) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "it is {}, not a regular file",
                super::read::kind_of(&meta.file_type())
            ),
        )),
    }
}

/// Sets Unix permission bits (nothing elsewhere).
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}
