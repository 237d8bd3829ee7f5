//! What a `stat` says about a file, enough to tell that it changed without reading it: the
//! caches that spare reading the whole workspace (the server's dashboard, the saved
//! consistency index) keep one per file they were computed from.
//!
//! A file replaced by a rename (bitext's own writes, `git`) gets a new inode; a file edited in
//! place gets new times, and its change time moves even when an editor or `touch` puts the
//! modification time back. A file written in the same clock tick as the `stat` could be
//! written again in that tick, in place and with the same size, and keep its stamp: what was
//! computed from a file that changed less than [`RACY`] before it was stamped is not trusted
//! later (as git does with its index).

use std::fs::Metadata;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

/// How long after a file's last change its stamp is trusted to tell a later change.
pub const RACY: Duration = Duration::from_secs(2);

/// What a `stat` says about a file, enough to tell that it changed without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    /// Modification time, nanoseconds since the epoch.
    modified: i128,
    /// Status change time (Unix), nanoseconds since the epoch; 0 elsewhere.
    changed: i128,
    inode: u64,
    device: u64,
}

impl Stamp {
    /// The stamp of a file's metadata.
    #[must_use]
    pub fn of(meta: &Metadata) -> Self {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX));
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            Self {
                len: meta.len(),
                modified,
                changed: i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                inode: meta.ino(),
                device: meta.dev(),
            }
        }
        #[cfg(not(unix))]
        {
            Self {
                len: meta.len(),
                modified,
                changed: 0,
                inode: 0,
                device: 0,
            }
        }
    }

    /// True if and only if the file last changed at least [`RACY`] before `at` (nanoseconds
    /// since the epoch).
    #[must_use]
    pub fn settled(&self, at: i128) -> bool {
        self.modified.max(self.changed) + RACY.as_nanos().cast_signed() < at
    }
}

/// The nanoseconds since the epoch now.
#[must_use]
pub fn now() -> i128 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_is_settled_only_racy_after_its_last_change() {
        let stamp = Stamp {
            len: 1,
            modified: 10_000_000_000,
            changed: 11_000_000_000,
            inode: 1,
            device: 1,
        };
        assert!(!stamp.settled(12_000_000_000));
        assert!(!stamp.settled(13_000_000_000));
        assert!(stamp.settled(13_000_000_001));
    }
}
