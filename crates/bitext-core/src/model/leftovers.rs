//! Temporary files left by killed writes, and the rule that removes them.
//!
//! Every file bitext writes goes first to a temporary file beside it, named
//! `.bitext-<pid>-<random>.tmp` after the writing process, then is renamed over the file (see
//! [`crate::model::translation::stage`]). A process killed in between (`kill -9`, a power
//! cut) leaves its temporary file behind. The first write of a process into a folder removes
//! the leftovers there, and only those that are stale:
//!
//! - a file whose name carries a process id: when that process no longer runs (on systems
//!   where that can be known, through `/proc`), or when the file was last changed more than
//!   [`STALE_AGE`] ago;
//! - a file named by an earlier version, with no process id: when it was last changed more
//!   than [`STALE_AGE`] ago.
//!
//! The writing process's own files are never removed, nor the temporary file of another
//! command writing at the same moment: its process runs, and its file is being written (a
//! temporary file lives from its first byte to its rename, seconds at most, far less than
//! [`STALE_AGE`]). A leftover is never read as a translation either way: bitext reads only
//! the files it names.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// How long a temporary file whose writer cannot be known to be gone must have been left
/// unchanged before it is removed.
pub const STALE_AGE: Duration = Duration::from_secs(60 * 60);

/// The start of every temporary file's name.
const PREFIX: &str = ".bitext-";
/// The end of every temporary file's name.
const SUFFIX: &str = ".tmp";

/// The prefix of this process's temporary files: `.bitext-<pid>-`.
#[must_use]
pub fn prefix() -> String {
    format!("{PREFIX}{}-", std::process::id())
}

/// The suffix of temporary files.
#[must_use]
pub fn suffix() -> &'static str {
    SUFFIX
}

/// Returns true if and only if a process with this id may be running. Where that cannot be
/// known (no `/proc`), it answers true, so that nothing is declared dead by mistake.
#[must_use]
pub fn is_running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Returns true if and only if `name`, last changed `age` ago (none when unknown), is a
/// temporary file of bitext that no running write can still need (see the module's rule).
#[must_use]
pub fn is_stale(name: &str, age: Option<Duration>) -> bool {
    let Some(middle) = name
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
    else {
        return false;
    };
    let old = age.is_some_and(|age| age > STALE_AGE);
    let pid = middle
        .split_once('-')
        .and_then(|(pid, _)| pid.parse::<u32>().ok());
    match pid {
        Some(pid) if pid == std::process::id() => false,
        Some(pid) => old || !is_running(pid),
        None => old,
    }
}

/// Removes the stale temporary files of `dir` (see the module's rule), the first time this
/// process writes there; later writes into the same folder cost nothing. Failures are
/// ignored: a leftover costs disk space, never correctness.
pub fn sweep(dir: &Path) {
    static SWEPT: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    {
        let mut swept = SWEPT.lock().unwrap_or_else(PoisonError::into_inner);
        if !swept
            .get_or_insert_with(HashSet::new)
            .insert(dir.to_owned())
        {
            return;
        }
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if !name.starts_with(PREFIX) || !name.ends_with(SUFFIX) {
            continue;
        }
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let age = meta.modified().ok().and_then(|m| m.elapsed().ok());
        if is_stale(name, age) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_leftovers_of_gone_writers_or_old_ones_are_stale() {
        let me = std::process::id();
        let minute = Some(Duration::from_secs(60));
        let day = Some(Duration::from_secs(24 * 60 * 60));
        // Beyond any pid_max: a process that cannot run.
        let gone = if Path::new("/proc/self").exists() {
            vec![(".bitext-4294967295-aB3xYz.tmp", minute, true)]
        } else {
            vec![]
        };
        for (name, age, stale) in gone.into_iter().chain([
            (".bitext-4294967295-aB3xYz.tmp", day, true),
            (&*format!(".bitext-{me}-aB3xYz.tmp"), day, false),
            (".bitext-aB3xYz.tmp", minute, false),
            (".bitext-aB3xYz.tmp", None, false),
            (".bitext-aB3xYz.tmp", day, true),
            ("harbour.json", day, false),
            (".bitext.lock", day, false),
        ]) {
            assert_eq!(is_stale(name, age), stale, "{name} {age:?}");
        }
    }
}
