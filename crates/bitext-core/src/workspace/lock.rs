//! The workspace lock: one writing command at a time, as git's `index.lock`.
//!
//! Commands that change translation files take `.bitext.lock` in the workspace root before
//! they read what they will rewrite, so two translators running `bitext set` at once never
//! lose an update. The lock file holds the owner's process id. A lock held too long makes the
//! waiting command fail with exit 2; a lock whose owner no longer runs (killed mid-command) is
//! reported with how to clear it, never silently taken over.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// The lock file's name in the workspace root.
pub const LOCK_FILE: &str = ".bitext.lock";

/// How long to wait for another command's lock, unless `BITEXT_LOCK_TIMEOUT` (seconds) says.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

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
                    let owner = std::fs::read_to_string(&path)
                        .ok()
                        .and_then(|s| s.trim().parse::<u32>().ok());
                    if let Some(pid) = owner.filter(|pid| !is_running(*pid)) {
                        return Err(Error::StaleLock {
                            path: PathBuf::from(LOCK_FILE),
                            pid,
                        });
                    }
                    if start.elapsed() >= timeout {
                        return Err(Error::LockTimeout {
                            path: PathBuf::from(LOCK_FILE),
                            pid: owner.unwrap_or(0),
                            seconds: timeout.as_secs_f64(),
                        });
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

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Returns true if a process with this id may be running. Where that cannot be known (no
/// `/proc`), it answers true, so a lock is never declared stale by mistake.
fn is_running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}
