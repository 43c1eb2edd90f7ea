//! Writing a file safely: through a temporary file beside it and a rename, so a
//! crash never leaves half a file. The temporary file has an unpredictable name and
//! is created with `O_EXCL`, so a symlink planted there is never followed; it is
//! owner-only (0600) from the start because it may hold patient data, and it is
//! removed when anything fails. After the rename the folder is synced, so the new
//! name survives a power cut.
#![allow(
    clippy::disallowed_methods,
    reason = "writing files is this file's job"
)]

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Random characters in a temporary file's name (letters and digits).
const RANDOM_CHARS: usize = 12;

/// Writes `bytes` to `path` through a temporary file and a rename. On Unix the file
/// is created readable and writable by the owner only. An existing file that is
/// read-only, or that this user may not write, is refused rather than replaced (the
/// rename would otherwise get around its permissions); so is a folder or other
/// non-file at `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with_random_chars(path, bytes, RANDOM_CHARS).map(|_| ())
}

/// [`write_atomic`], returning the written file's metadata (taken before the
/// rename, which keeps the file's modification time and size).
pub(super) fn write_atomic_with_meta(path: &Path, bytes: &[u8]) -> io::Result<fs::Metadata> {
    write_with_random_chars(path, bytes, RANDOM_CHARS)
}

/// [`write_atomic`] with `random` characters in the temporary name (tests use 1 so
/// they can plant a symlink at every possible name).
fn write_with_random_chars(path: &Path, bytes: &[u8], random: usize) -> io::Result<fs::Metadata> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    check_replaceable(path)?;
    replace_via_temp(&dir, path, name, bytes, random)
}

/// Writes `bytes` to a new temporary file in `dir` and renames it to `path`.
fn replace_via_temp(
    dir: &Path,
    path: &Path,
    name: &std::ffi::OsStr,
    bytes: &[u8],
    random: usize,
) -> io::Result<fs::Metadata> {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    // `new_in` is create_new (O_CREAT | O_EXCL, mode 0600): an existing name, even
    // a dangling symlink, is an error and another random name is tried.
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .rand_bytes(random)
        .tempfile_in(dir)?;
    // On any error below, dropping `tmp` removes the temporary file.
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let meta = tmp.as_file().metadata()?;
    // A failed rename hands the file back in the error, and dropping it removes it.
    tmp.persist(path).map_err(|e| e.error)?;
    sync_folder(dir)?;
    remove_stale_temps(dir, path, &prefix, random);
    Ok(meta)
}

/// How old a leftover temporary file must be before it is taken for the remains
/// of a save that was killed midway (another save of the same file in progress
/// is never that old).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes what a save killed midway (SIGKILL, power cut) left beside `path`: its
/// temporary files, which may hold patient data. Only regular files (never a
/// symlink), with this writer's name pattern, owned by whoever owns the file just
/// saved, and older than [`STALE_AFTER`]. Failures are ignored: this is tidying.
fn remove_stale_temps(dir: &Path, path: &Path, prefix: &std::ffi::OsStr, random: usize) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let owner = fs::metadata(path).ok().map(|m| owner_of(&m));
    let prefix = prefix.to_string_lossy().into_owned();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let middle = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"));
        let ours = middle.is_some_and(|m| {
            m.chars().count() == random && m.chars().all(|c| c.is_ascii_alphanumeric())
        });
        if !ours {
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.file_type().is_file() && old && owner == Some(owner_of(&meta)) {
            fs::remove_file(entry.path()).ok();
        }
    }
}

#[cfg(unix)]
fn owner_of(meta: &fs::Metadata) -> u32 {
    use std::os::unix::fs::MetadataExt as _;
    meta.uid()
}

#[cfg(not(unix))]
fn owner_of(_: &fs::Metadata) -> u32 {
    0
}

/// Refuses to replace what the user should not lose by a rename: a read-only file,
/// a file this user may not write, a folder or a device. A missing file is fine.
pub fn check_replaceable(path: &Path) -> io::Result<()> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "it is {}, not a file: expected a file name",
                super::read::kind_of(&meta.file_type())
            ),
        ));
    }
    let read_only = || {
        io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only: save under another name, or make it writable first",
        )
    };
    if meta.permissions().readonly() {
        return Err(read_only());
    }
    // Opening for writing (without truncating) asks the system whether this user
    // may write the file; nothing in it changes.
    match fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Err(read_only()),
        Err(e) => Err(e),
    }
}

/// Syncs the folder so the rename itself is on disk. File systems that cannot sync
/// a folder say so with "invalid input"; that is not a failed save.
fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        let result = fs::File::open(dir).and_then(|folder| folder.sync_all());
        if let Err(e) = result
            && e.kind() != io::ErrorKind::InvalidInput
            && e.kind() != io::ErrorKind::Unsupported
        {
            return Err(io::Error::new(
                e.kind(),
                format!(
                    "the file is in place, but the folder {} could not be synced to disk after the rename, so a power cut could still lose it: {e}",
                    dir.display()
                ),
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Creates `dir` and any missing parents owner-only (0700 on Unix): folders that
/// hold patient files or the list of recent ones. An existing folder is kept as
/// it is.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use std::os::unix::fs::{PermissionsExt as _, symlink};

    use super::*;

    /// A fresh folder for one test.
    fn folder(label: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("ferrule-write-{label}-{}", std::process::id()));
        fs::remove_dir_all(&dir).ok();
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Every name the temporary file could take with one random character.
    fn every_temp_name(name: &str) -> Vec<String> {
        ('0'..='9')
            .chain('a'..='z')
            .chain('A'..='Z')
            .map(|c| format!(".{name}.{c}.tmp"))
            .collect()
    }

    // Issue 12: "a save killed midway leaves a temp file with patient data
    // behind". The next save of that file removes it; a fresh one (a save in
    // progress) and anything that is not a regular file stay.
    #[test]
    fn a_killed_saves_leftover_goes_with_the_next_save() {
        let dir = folder("stale");
        let path = dir.join("patient.ron");
        let stale = dir.join(".patient.ron.AbCdEf012345.tmp");
        let fresh = dir.join(".patient.ron.ZyXwVu987654.tmp");
        let other = dir.join(".other.ron.AbCdEf012345.tmp");
        for leftover in [&stale, &fresh, &other] {
            fs::write(leftover, "patient data").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for old in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(old)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        let outside = dir.join("outside.txt");
        fs::write(&outside, "keep").unwrap();
        let link = dir.join(".patient.ron.LinkLinkLink.tmp");
        symlink(&outside, &link).unwrap();
        fs::File::options()
            .write(true)
            .open(&outside)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();

        write_atomic(&path, b"saved").unwrap();
        assert!(!stale.exists(), "the old leftover of this file is removed");
        assert!(fresh.exists(), "a temporary file just made is not touched");
        assert!(
            other.exists(),
            "another file's leftovers are its own business"
        );
        assert!(
            fs::symlink_metadata(&link).is_ok(),
            "a symlink is never removed"
        );
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep");
        assert_eq!(fs::read_to_string(&path).unwrap(), "saved");
        fs::remove_dir_all(&dir).ok();
    }

    // Issue 12, safe writes: "no symlink following". With one random character the
    // name space is small enough to fill: a symlink at all but one name is never
    // followed, and the save lands in the one free name.
    #[test]
    fn symlinks_at_every_temp_name_are_never_followed() {
        let dir = folder("symlinks");
        let outside = folder("symlinks-outside");
        let names = every_temp_name("plan.ron");
        let (free, planted) = names.split_last().unwrap();
        for (i, name) in planted.iter().enumerate() {
            let target = outside.join(format!("victim-{i}"));
            fs::write(&target, "outside").unwrap();
            symlink(&target, dir.join(name)).unwrap();
        }
        let path = dir.join("plan.ron");
        write_with_random_chars(&path, b"patient data", 1).unwrap();
        for i in 0..planted.len() {
            let text = fs::read_to_string(outside.join(format!("victim-{i}"))).unwrap();
            assert_eq!(text, "outside");
        }
        let meta = fs::symlink_metadata(&path).unwrap();
        assert!(meta.file_type().is_file());
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        assert_eq!(fs::read(&path).unwrap(), b"patient data");
        assert!(!dir.join(free).exists(), "the temp file was renamed");
        // Every name taken: the save fails, and still nothing is followed.
        symlink(outside.join("last"), dir.join(free)).unwrap();
        let e = write_with_random_chars(&path, b"other", 1).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists, "{e}");
        assert!(!outside.join("last").exists());
        assert_eq!(fs::read(&path).unwrap(), b"patient data");
        fs::remove_dir_all(dir).ok();
        fs::remove_dir_all(outside).ok();
    }

    // Issue 12, safe writes: "cleaned up on failure", when the rename itself fails
    // (here: a folder appeared at the name after the checks).
    #[test]
    fn a_failed_rename_leaves_no_temporary_file() {
        let dir = folder("rename-fails");
        let path = dir.join("plan.ron");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "keep").unwrap();
        let name = path.file_name().unwrap();
        let e = replace_via_temp(&dir, &path, name, b"patient data", RANDOM_CHARS).unwrap_err();
        assert!(
            matches!(
                e.kind(),
                io::ErrorKind::IsADirectory | io::ErrorKind::DirectoryNotEmpty
            ),
            "{e}"
        );
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("plan.ron")]);
        assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "keep");
        fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn private_folders_are_0700() {
        let dir = folder("private");
        let nested = dir.join("a/b");
        create_private_dir(&nested).unwrap();
        for d in [dir.join("a"), nested] {
            let mode = fs::metadata(&d).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700, "{}", d.display());
        }
        fs::remove_dir_all(dir).ok();
    }
}
