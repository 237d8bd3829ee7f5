//! The workspace lock: one writing command at a time, as git's `index.lock`.
//!
//! Commands that change translation files take `.bitext.lock` in the workspace root before
//! they read what they will rewrite, so two translators running `bitext set` at once never
//! lose an update. The lock file holds the owner's process id. A lock held too long makes the
//! waiting command fail with exit 2; a lock whose owner no longer runs (killed mid-command) is
//! reported with how to clear it, never silently taken over.
//!
//! A lock file that holds no process id (empty: its writer was killed between creating it
//! and writing its id; or unreadable, or holding something else) names no owner to wait
//! for. It is reported with how to clear it once it has stayed so for [`GRACE`] (a writer
//! may be just between creating and writing it), at once when the file is older than that.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::model::leftovers::is_running;

/// The lock file's name in the workspace root.
pub const LOCK_FILE: &str = ".bitext.lock";

/// How long to wait for another command's lock, unless `BITEXT_LOCK_TIMEOUT` (seconds) says.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a lock file may hold no process id before it is reported as broken: far longer
/// than a writer takes between creating the file and writing its id into it.
pub const GRACE: Duration = Duration::from_secs(2);

/// What a lock file holds, when it is not the process id of its owner.
enum Broken {
    /// Nothing.
    Empty,
    /// Something other than a process id, as the first characters of it.
    Garbled(String),
    /// The file cannot be read.
    Unreadable(std::io::Error),
}

/// The owner of the lock file at `path`, or what it holds instead; none if it is gone.
fn owner(path: &Path) -> Option<std::result::Result<u32, Broken>> {
    let bytes = match crate::workspace::files::read_regular(path, Path::new(LOCK_FILE)) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return None,
        Err(Error::Read { source, .. }) => return Some(Err(Broken::Unreadable(source))),
        Err(_) => {
            return Some(Err(Broken::Unreadable(std::io::Error::from(
                std::io::ErrorKind::InvalidData,
            ))));
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim();
    if text.is_empty() {
        return Some(Err(Broken::Empty));
    }
    Some(
        text.parse::<u32>()
            .map_err(|_| Broken::Garbled(text.chars().take(40).collect())),
    )
}

/// Returns true if and only if the file at `path` was last changed at least [`GRACE`] ago.
fn older_than_grace(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age >= GRACE)
}

/// A held lock, released when dropped.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

impl Lock {
    /// Takes the lock of the workspace at `root`, waiting for another holder to finish.
    ///
    /// # Errors
    /// [`Error::LockTimeout`] when another process holds it past the timeout,
    /// [`Error::StaleLock`] when its owner no longer runs, or an I/O failure.
    pub fn acquire(root: &Path) -> Result<Self> {
        let timeout = std::env::var("BITEXT_LOCK_TIMEOUT")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map_or(DEFAULT_TIMEOUT, Duration::from_secs_f64);
        let path = root.join(LOCK_FILE);
        let start = Instant::now();
        // Since when the lock file has held no process id, while it does.
        let mut broken_since: Option<Instant> = None;
        loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut file) => {
                    let lock = Self { path };
                    file.write_all(format!("{}\n", std::process::id()).as_bytes())
                        .and_then(|()| file.sync_all())
                        .map_err(|source| Error::Write {
                            path: PathBuf::from(LOCK_FILE),
                            source,
                        })?;
                    return Ok(lock);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    match owner(&path) {
                        // Released meanwhile: try again at once.
                        None => broken_since = None,
                        Some(Ok(pid)) => {
                            broken_since = None;
                            if !is_running(pid) {
                                return Err(Error::StaleLock {
                                    path: PathBuf::from(LOCK_FILE),
                                    pid,
                                });
                            }
                            if start.elapsed() >= timeout {
                                return Err(Error::LockTimeout {
                                    path: PathBuf::from(LOCK_FILE),
                                    pid,
                                    seconds: timeout.as_secs_f64(),
                                });
                            }
                        }
                        Some(Err(broken)) => {
                            let since = *broken_since.get_or_insert_with(Instant::now);
                            // A writer between creating the file and writing its id gets
                            // the grace period; a file older than that has no such writer.
                            let waited = since.elapsed() >= GRACE || start.elapsed() >= timeout;
                            if waited || older_than_grace(&path) {
                                return Err(broken_lock(broken));
                            }
                        }
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(source) => {
                    return Err(Error::Write {
                        path: PathBuf::from(LOCK_FILE),
                        source,
                    });
                }
            }
        }
    }
}

/// The error for a lock file that holds no process id.
fn broken_lock(broken: Broken) -> Error {
    let what = match broken {
        Broken::Empty => crate::t!("lock-holds-nothing"),
        Broken::Garbled(text) => crate::t!("lock-holds-garbage", text = &text),
        Broken::Unreadable(source) => crate::t!(
            "lock-unreadable",
            detail = &crate::l10n::os_text::describe(&source)
        ),
    };
    Error::BrokenLock {
        path: PathBuf::from(LOCK_FILE),
        what,
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
