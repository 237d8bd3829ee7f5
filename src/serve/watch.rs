//! Which of the dashboard's files changed since the last look, from the kernel (Linux's
//! inotify) rather than from a `stat` of every file.
//!
//! Stamping every source and translation file costs one `stat` each: on 10,000 articles in
//! two languages, 30,000 calls on every dashboard load. A [`Watcher`] watches the folders
//! those files are in instead, and [`Watcher::changes`] reads what happened in them since it
//! was last called: the files written, renamed or removed. The dashboard then stamps only
//! those files' articles.
//!
//! A watcher is only trusted where it sees everything a stamp would:
//! - every folder below the roots is watched; a folder created, removed or renamed, an
//!   overflowing event queue, or a watched folder gone makes [`Changes::Unknown`] (the
//!   dashboard stamps every file, and the watcher is made again);
//! - a root that does not exist yet is waited for from its nearest existing parent;
//! - a symbolic link below the roots makes no watcher at all ([`Watcher::new`] gives none):
//!   the file a link leads to may change outside the folders watched. Nor does a system
//!   without inotify, or with no watch left (`fs.inotify.max_user_watches`).
//!
//! Events are read before the files they name are stamped, so a write during the stamping
//! leaves an event for the next look: no write is missed, some are stamped twice.

use std::collections::HashMap;
use std::mem::MaybeUninit;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

#[cfg(target_os = "linux")]
use rustix::fs::inotify::{self, CreateFlags, ReadFlags, WatchFlags};

/// What changed since the last look.
#[derive(Debug, PartialEq, Eq)]
pub enum Changes {
    /// These files (paths relative to the workspace root, with `/`), written, created,
    /// renamed or removed; none when nothing changed.
    Files(Vec<String>),
    /// Something the watcher cannot name: every file must be stamped.
    Unknown,
}

/// A watch on the folders below some roots (see the module's documentation).
#[derive(Debug)]
pub struct Watcher {
    fd: OwnedFd,
    /// Each watch's folder, relative to the workspace root with `/` (empty for the root),
    /// and whether it only waits for a missing root to appear.
    folders: HashMap<i32, (String, bool)>,
    /// The roots, as given.
    roots: Vec<PathBuf>,
}

impl Watcher {
    /// Watches every folder below each of `roots` (relative to `base`, the workspace root);
    /// none where the watcher could not see every change (see the module's documentation).
    #[cfg(target_os = "linux")]
    #[must_use]
    pub fn new(base: &Path, roots: &[PathBuf]) -> Option<Self> {
        let fd = inotify::init(CreateFlags::CLOEXEC | CreateFlags::NONBLOCK).ok()?;
        let mut watcher = Self {
            fd,
            folders: HashMap::new(),
            roots: roots.to_vec(),
        };
        let files = WatchFlags::CLOSE_WRITE
            | WatchFlags::MODIFY
            | WatchFlags::ATTRIB
            | WatchFlags::CREATE
            | WatchFlags::DELETE
            | WatchFlags::MOVED_FROM
            | WatchFlags::MOVED_TO
            | WatchFlags::DELETE_SELF
            | WatchFlags::MOVE_SELF
            | WatchFlags::DONT_FOLLOW
            | WatchFlags::ONLYDIR;
        for root in roots {
            let mut missing = root.as_path();
            // A root not there yet: wait for it from the nearest folder that is.
            while !base.join(missing).is_dir() {
                missing = missing.parent()?;
            }
            if missing != root.as_path() {
                // Added to what the folder may already be watched for, and the folder keeps
                // its full watch if it has one.
                let wd = inotify::add_watch(
                    &watcher.fd,
                    base.join(missing),
                    WatchFlags::CREATE
                        | WatchFlags::MOVED_TO
                        | WatchFlags::DELETE_SELF
                        | WatchFlags::MOVE_SELF
                        | WatchFlags::ONLYDIR
                        | WatchFlags::MASK_ADD,
                )
                .ok()?;
                let folder = slashed(missing)?;
                watcher.folders.entry(wd).or_insert((folder, true));
                continue;
            }
            let mut todo = vec![root.clone()];
            while let Some(folder) = todo.pop() {
                let wd = inotify::add_watch(&watcher.fd, base.join(&folder), files).ok()?;
                watcher.folders.insert(wd, (slashed(&folder)?, false));
                for entry in std::fs::read_dir(base.join(&folder)).ok()? {
                    let entry = entry.ok()?;
                    let kind = entry.file_type().ok()?;
                    if kind.is_symlink() {
                        return None;
                    }
                    if kind.is_dir() {
                        todo.push(folder.join(entry.file_name()));
                    }
                }
            }
        }
        Some(watcher)
    }

    /// No watcher where inotify does not exist: the dashboard stamps every file.
    #[cfg(not(target_os = "linux"))]
    #[must_use]
    pub fn new(_base: &Path, _roots: &[PathBuf]) -> Option<Self> {
        None
    }

    /// The roots this watcher watches.
    #[must_use]
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// What changed in the watched folders since the last call (or since the watcher was
    /// made).
    #[cfg(target_os = "linux")]
    pub fn changes(&mut self) -> Changes {
        let mut buffer = [MaybeUninit::<u8>::uninit(); 16 * 1024];
        let mut reader = inotify::Reader::new(&self.fd, &mut buffer);
        let mut files = Vec::new();
        let mut unknown = false;
        loop {
            let event = match reader.next() {
                Ok(event) => event,
                Err(rustix::io::Errno::AGAIN) => break,
                Err(rustix::io::Errno::INTR) => continue,
                Err(_) => return Changes::Unknown,
            };
            let flags = event.events();
            if flags.contains(ReadFlags::QUEUE_OVERFLOW) {
                unknown = true;
                continue;
            }
            let Some((folder, waiting)) = self.folders.get(&event.wd()) else {
                continue;
            };
            // The folder itself went, or a folder came or went below it.
            if flags.intersects(ReadFlags::DELETE_SELF | ReadFlags::MOVE_SELF | ReadFlags::IGNORED)
                || flags.contains(ReadFlags::ISDIR)
            {
                unknown = true;
                continue;
            }
            if *waiting {
                continue;
            }
            let Some(name) = event.file_name().and_then(|n| n.to_str().ok()) else {
                unknown = true;
                continue;
            };
            files.push(if folder.is_empty() {
                name.to_owned()
            } else {
                format!("{folder}/{name}")
            });
        }
        if unknown {
            return Changes::Unknown;
        }
        files.sort_unstable();
        files.dedup();
        Changes::Files(files)
    }

    /// Nothing can be known without inotify.
    #[cfg(not(target_os = "linux"))]
    pub fn changes(&mut self) -> Changes {
        Changes::Unknown
    }
}

/// `path` with `/` between its parts; none when it is not UTF-8.
fn slashed(path: &Path) -> Option<String> {
    Some(path.to_str()?.replace(std::path::MAIN_SEPARATOR, "/"))
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn roots() -> Vec<PathBuf> {
        vec![PathBuf::from("sources"), PathBuf::from("translations/fr")]
    }

    #[test]
    fn a_file_written_in_place_renamed_over_or_removed_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let base = dir.path();
        std::fs::create_dir_all(base.join("sources/news")).expect("mkdir");
        std::fs::create_dir_all(base.join("translations/fr")).expect("mkdir");
        std::fs::write(base.join("sources/news/a.md"), "# A\n").expect("write");
        std::fs::write(base.join("translations/fr/b.json"), "{}").expect("write");
        let mut w = Watcher::new(base, &roots()).expect("a watcher");
        assert_eq!(w.changes(), Changes::Files(Vec::new()));
        // In place, as an editor writes.
        std::fs::OpenOptions::new()
            .append(true)
            .open(base.join("sources/news/a.md"))
            .and_then(|mut f| std::io::Write::write_all(&mut f, b"More.\n"))
            .expect("append");
        // Through a temporary file and a rename, as bitext writes.
        std::fs::write(base.join("translations/fr/.tmp"), "{ }").expect("write");
        std::fs::rename(
            base.join("translations/fr/.tmp"),
            base.join("translations/fr/b.json"),
        )
        .expect("rename");
        assert_eq!(
            w.changes(),
            Changes::Files(vec![
                "sources/news/a.md".to_owned(),
                "translations/fr/.tmp".to_owned(),
                "translations/fr/b.json".to_owned(),
            ])
        );
        // Read once: nothing more until the next change.
        assert_eq!(w.changes(), Changes::Files(Vec::new()));
        std::fs::remove_file(base.join("sources/news/a.md")).expect("remove");
        assert_eq!(
            w.changes(),
            Changes::Files(vec!["sources/news/a.md".to_owned()])
        );
    }

    #[test]
    fn a_folder_coming_or_going_or_a_missing_root_appearing_is_unknown() {
        let dir = tempfile::tempdir().expect("temp dir");
        let base = dir.path();
        std::fs::create_dir_all(base.join("sources")).expect("mkdir");
        // translations/fr does not exist yet.
        let mut w = Watcher::new(base, &roots()).expect("a watcher");
        std::fs::write(base.join("notes.txt"), "x").expect("write");
        assert_eq!(w.changes(), Changes::Files(Vec::new()));
        std::fs::create_dir_all(base.join("translations/fr")).expect("mkdir");
        assert_eq!(w.changes(), Changes::Unknown);
        let mut w = Watcher::new(base, &roots()).expect("a watcher");
        std::fs::create_dir(base.join("sources/new")).expect("mkdir");
        assert_eq!(w.changes(), Changes::Unknown);
    }

    #[test]
    fn a_symbolic_link_below_a_root_makes_no_watcher() {
        let dir = tempfile::tempdir().expect("temp dir");
        let base = dir.path();
        std::fs::create_dir_all(base.join("sources")).expect("mkdir");
        std::fs::create_dir_all(base.join("translations/fr")).expect("mkdir");
        std::fs::write(base.join("elsewhere.md"), "# E\n").expect("write");
        std::os::unix::fs::symlink(base.join("elsewhere.md"), base.join("sources/e.md"))
            .expect("link");
        assert!(Watcher::new(base, &roots()).is_none());
    }
}
