//! Reading the workspace's files: only regular files, never blocking.
//!
//! A FIFO, a socket or a device where bitext expects a source, a translation file, a page or
//! the project file would hang the command (a FIFO blocks whoever opens it until a writer
//! comes) or feed it endless bytes (`/dev/zero`). Every such file is refused at once, naming
//! it and saying what it is. The file's metadata is checked before it is opened (so a device
//! is never opened), it is opened without blocking (`O_NONBLOCK`: a FIFO swapped in after the
//! check does not hang the open), and the opened file's own metadata is checked again (so
//! the file read is the regular file checked).

use std::io::Read as _;
use std::path::Path;

use crate::error::{Error, Result};

/// What a file that is not a regular file is, as the Fluent id of its description.
#[must_use]
pub fn kind_of(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "file-kind-fifo";
        }
        if kind.is_socket() {
            return "file-kind-socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "file-kind-device";
        }
    }
    if kind.is_dir() {
        return "file-kind-directory";
    }
    "file-kind-other"
}

/// The error for the non-regular file `shown` (root-relative, for messages) of type `kind`.
#[must_use]
pub fn not_a_file(shown: &Path, kind: std::fs::FileType) -> Error {
    Error::NotAFile {
        path: shown.to_owned(),
        kind: kind_of(kind),
    }
}

/// The bytes of the file at `abs` (named `shown` in errors), or `None` when there is no such
/// file. A symbolic link is followed.
///
/// # Errors
/// [`Error::NotAFile`] when it is not a regular file (a FIFO, a socket, a device, a folder),
/// without opening it; [`Error::Read`] when it cannot be read.
pub fn read_regular(abs: &Path, shown: &Path) -> Result<Option<Vec<u8>>> {
    let read_error = |source| Error::Read {
        path: shown.to_owned(),
        source,
    };
    match std::fs::metadata(abs) {
        Ok(meta) if !meta.is_file() => return Err(not_a_file(shown, meta.file_type())),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(read_error(source)),
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = match options.open(abs) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(read_error(source)),
    };
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() {
        return Err(not_a_file(shown, meta.file_type()));
    }
    // A regular file never blocks, with or without O_NONBLOCK.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(read_error)?;
    Ok(Some(bytes))
}

/// As [`read_regular`], for a file that must exist.
///
/// # Errors
/// As [`read_regular`], and [`Error::Read`] (not found) when there is no such file.
pub fn read_existing(abs: &Path, shown: &Path) -> Result<Vec<u8>> {
    read_regular(abs, shown)?.ok_or_else(|| Error::Read {
        path: shown.to_owned(),
        source: std::io::Error::from(std::io::ErrorKind::NotFound),
    })
}

/// Returns true if and only if the regular file at `abs` holds exactly `content` (false for a
/// file that is missing, unreadable or not a regular file: writing replaces it anyway).
#[must_use]
pub fn holds(abs: &Path, content: &[u8]) -> bool {
    matches!(read_regular(abs, abs), Ok(Some(bytes)) if bytes == content)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_blocking_and_a_regular_file_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let error = read_regular(&fifo, Path::new("sources/pipe.md")).expect_err("a FIFO");
        assert!(matches!(
            error,
            Error::NotAFile {
                kind: "file-kind-fifo",
                ..
            }
        ));
        let file = dir.path().join("a.md");
        std::fs::write(&file, "text").expect("write");
        assert_eq!(
            read_regular(&file, Path::new("a.md")).expect("read"),
            Some(b"text".to_vec())
        );
        assert_eq!(
            read_regular(&dir.path().join("none"), Path::new("none")).expect("missing"),
            None
        );
        assert!(holds(&file, b"text") && !holds(&fifo, b""));
    }
}
