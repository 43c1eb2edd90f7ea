//! Reading a file Ferrule did not write: only a regular file (a FIFO named
//! `x.ron` would block the reader forever, `/dev/zero` never ends), no larger than
//! a cap, and as UTF-8 text with a byte-order mark allowed at the start.
#![allow(
    clippy::disallowed_methods,
    reason = "reading files is this file's job"
)]

use std::fs::{self, FileType};
use std::io::{self, Read as _};
use std::path::Path;

use super::text::{BOM, position};

/// The largest plan, fee schedule, treatment plan or settings file Ferrule reads:
/// 4 MiB, hundreds of times the largest real one, small enough that a wrong file
/// cannot eat the memory.
pub const MAX_TEXT_BYTES: u64 = 4 * 1024 * 1024;

/// The largest logo image Ferrule reads: 16 MiB.
pub const MAX_LOGO_BYTES: u64 = 16 * 1024 * 1024;

/// A file's text: a regular file (after following symlinks) of at most
/// [`MAX_TEXT_BYTES`], in UTF-8, without its byte-order mark.
pub fn read_text(path: &Path) -> io::Result<String> {
    text_of(read_bytes(path, MAX_TEXT_BYTES)?)
}

/// The text of bytes read from a file: UTF-8, without its byte-order mark.
pub fn text_of(bytes: Vec<u8>) -> io::Result<String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or(&[]);
        let before = String::from_utf8_lossy(valid);
        let (line, column) = position(&before, before.len());
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("line {line}, column {column} is not UTF-8 text: expected a UTF-8 text file"),
        )
    })?;
    Ok(match text.strip_prefix(BOM) {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// A file's bytes: a regular file (after following symlinks) of at most `cap`
/// bytes. Anything else is an error saying what the file is.
pub fn read_bytes(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    read_bytes_with_meta(path, cap).map(|(bytes, _)| bytes)
}

/// [`read_bytes`], plus the metadata of the file the bytes were read from (taken
/// from the open file, so both describe the same file).
pub fn read_bytes_with_meta(path: &Path, cap: u64) -> io::Result<(Vec<u8>, fs::Metadata)> {
    // Look before opening, so a device or FIFO is never even opened...
    regular_within(&fs::metadata(path)?, cap)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // ...and open without blocking, in case it was swapped for a FIFO since.
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    regular_within(&meta, cap)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // At most one byte past the cap, in case the file grew since.
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(too_large(format!("more than {cap} bytes"), cap));
    }
    Ok((bytes, meta))
}

/// The first `n` bytes (fewer if the file is shorter) of the regular file at
/// `path`; None when nothing is there.
pub fn file_start(path: &Path, n: u64) -> io::Result<Option<Vec<u8>>> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    regular_within(&meta, u64::MAX)?;
    let mut bytes = Vec::new();
    fs::File::open(path)?.take(n).read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// Whether `a` and `b` are one existing file: the same path after following
/// symlinks, or (on Unix) two hard links to it.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(meta_a), Ok(meta_b)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if (meta_a.dev(), meta_a.ino()) == (meta_b.dev(), meta_b.ino()) {
            return true;
        }
    }
    let _ = (meta_a, meta_b);
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// An error unless `meta` is a regular file of at most `cap` bytes.
fn regular_within(meta: &fs::Metadata, cap: u64) -> io::Result<()> {
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "it is {}: expected a regular file",
                kind_of(&meta.file_type())
            ),
        ));
    }
    if meta.len() > cap {
        return Err(too_large(format!("{} bytes", meta.len()), cap));
    }
    Ok(())
}

/// The file is `found` (such as "5000000 bytes"), more than `cap`.
fn too_large(found: String, cap: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "the file is {found}: expected at most {} MiB ({cap} bytes)",
            cap / (1024 * 1024)
        ),
    )
}

/// What a non-regular file is, in words ("a named pipe (FIFO)").
pub fn kind_of(file_type: &FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}
