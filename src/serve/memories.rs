//! The translation memories the server keeps between requests, one per language, and how a
//! kept memory follows the files without being opened again.
//!
//! Opening a language's memory ([`store::open_stamped`]) reads every translation file of the
//! language when its on-disk cache does not match them, which on a large workspace takes
//! seconds; and a file written less than two seconds before keeps that cache from being
//! trusted. Opening it again after every save would make the page that follows a save cost
//! seconds. So the server keeps the memory it opened (the *base*) with a [`Stamp`] of each of
//! its files taken just before opening it, and when files change it reads only those: their
//! entries form a small second memory (the *overlay*), and the base's matches from those
//! files are left out. A lookup merges the two, best first. When more than
//! [`MAX_OVERLAY_FILES`] files changed (a `git pull`, say), the memory is opened again.
//!
//! When to look at the files: before each use, the directories the memory lists are stamped
//! (a few `stat` calls). bitext's atomic writes and `git` both replace files, which changes
//! the directory, and then every file is stamped (one `stat` each, no reading). An edit in
//! place does not change the directory, so every file is also stamped at least every
//! [`FULL_CHECK_EVERY`]. As for the dashboard ([`crate::serve::cache`]), a stamp changed less
//! than [`RACY`](crate::serve::cache::RACY) before it was taken is not trusted: its file is read again at each check.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::serve::cache::{Stamp, now, stamps};
use bitext_core::error::Result;
use bitext_core::memory::index::{Context, Entry, Hit, Memory, Origin};
use bitext_core::memory::store::{self, MEMORY_DIR};
use bitext_core::model::lang::Lang;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::parallel::map_ordered;

/// How long a kept memory is trusted on its directories alone, before its files are all
/// stamped again (which catches a file edited in place, without a rename).
pub const FULL_CHECK_EVERY: Duration = Duration::from_secs(5);

/// Past this many changed files, the memory is opened again rather than overlaid.
pub const MAX_OVERLAY_FILES: usize = 200;

/// A memory as the server uses it: the base it opened, and the entries of the files changed
/// since, which replace the base's entries from those files.
#[derive(Debug)]
pub struct Kept {
    base: Arc<store::Opened>,
    overlay: Option<Overlay>,
}

#[derive(Debug)]
struct Overlay {
    /// The files (root-relative, `/`-separated) whose base entries are left out: changed,
    /// new or removed since the base was opened.
    replaced: HashSet<String>,
    /// The entries of those that exist now.
    memory: Memory,
}

impl Kept {
    /// A memory with no overlay.
    #[must_use]
    pub fn new(base: store::Opened) -> Self {
        Self {
            base: Arc::new(base),
            overlay: None,
        }
    }

    /// The best matches for `text` scoring at least `min_score`, best first, at most
    /// `limit`, as [`Memory::lookup`] would give on a memory opened now. Ties keep the
    /// memory's order (the order of the files, then of their units). A memory that cannot
    /// be read gives none.
    #[must_use]
    pub fn lookup(&self, text: &str, min_score: u8, limit: usize) -> Vec<Hit> {
        self.lookup_in(text, None, min_score, limit)
    }

    /// As [`Kept::lookup`] for a segment in `context`: its in-context matches come first, as
    /// [`Memory::lookup_in`] ranks them.
    #[must_use]
    pub fn lookup_in(
        &self,
        text: &str,
        context: Option<Context>,
        min_score: u8,
        limit: usize,
    ) -> Vec<Hit> {
        let Some(overlay) = &self.overlay else {
            return self
                .base
                .memory
                .lookup_in(text, context, min_score, limit)
                .unwrap_or_default();
        };
        // Ask the base for more when the matches it gives come from replaced files.
        let mut want = limit;
        let mut hits = loop {
            let found = self
                .base
                .memory
                .lookup_in(text, context, min_score, want)
                .unwrap_or_default();
            let exhausted = found.len() < want;
            let kept: Vec<Hit> = found
                .into_iter()
                .filter(|hit| !overlay.replaced.contains(&file_of(&hit.origin)))
                .collect();
            if kept.len() >= limit || exhausted {
                break kept;
            }
            want = want.saturating_mul(4);
        };
        hits.extend(
            overlay
                .memory
                .lookup_in(text, context, min_score, limit)
                .unwrap_or_default(),
        );
        // Stable: within one file, the order each memory gave.
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| b.in_context.cmp(&a.in_context))
                .then_with(|| rank(&a.origin).cmp(&rank(&b.origin)))
        });
        let mut seen = HashSet::new();
        hits.retain(|hit| seen.insert((hit.source.clone(), hit.target.clone())));
        hits.truncate(limit);
        hits
    }
}

/// The file an entry comes from, as [`file_key`] names it: `<lang>/<article>.json` for a
/// translation file (in `translations/` or, for translations kept as pages, `.bitext/`), the
/// root-relative path of a TMX file.
fn file_of(origin: &Origin) -> String {
    match origin {
        Origin::Segment { article, lang, .. } | Origin::Obsolete { article, lang } => {
            format!("{lang}/{article}.json")
        }
        Origin::Tmx { file, .. } => file.clone(),
    }
}

/// The name [`file_of`] gives the root-relative `file`: without its first folder, unless it
/// is a TMX file of the memory.
fn file_key(file: &str) -> String {
    if file.starts_with(MEMORY_DIR) {
        return file.to_owned();
    }
    file.split_once('/')
        .map_or(file, |(_, rest)| rest)
        .to_owned()
}

/// Where an entry's file comes in the memory's order: translation files (a language before
/// its parents, `es-419` before `es`), then TMX files, each group by name.
fn rank(origin: &Origin) -> (u8, usize, String) {
    match origin {
        Origin::Segment { lang, .. } | Origin::Obsolete { lang, .. } => {
            (0, usize::MAX - lang.len(), file_of(origin))
        }
        Origin::Tmx { file, .. } => (1, 0, file.clone()),
    }
}

/// Every file the memory of `lang` is built from, root-relative with `/`, with its stamp.
fn files(ws: &Workspace, lang: &Lang) -> Result<HashMap<String, Stamp>> {
    let mut out = HashMap::new();
    for (dir, ext) in dirs(ws, lang) {
        for (name, stamp) in stamps(ws, Path::new(&dir), &[ext])? {
            out.insert(format!("{dir}/{name}"), stamp);
        }
    }
    Ok(out)
}

/// The directories the memory of `lang` lists, with the extension of its files there.
fn dirs(ws: &Workspace, lang: &Lang) -> Vec<(String, &'static str)> {
    store::chain(lang)
        .iter()
        .map(|l| {
            let dir = ws.translations_dir(l).to_string_lossy().replace('\\', "/");
            (dir, "json")
        })
        .chain(std::iter::once((MEMORY_DIR.to_owned(), "tmx")))
        .collect()
}

/// The folders the memory of `lang` lists, at any depth, with their stamps (none for a
/// missing one), each taken before the folder is listed.
fn dir_stamps(ws: &Workspace, lang: &Lang) -> Vec<(String, Option<Stamp>)> {
    let mut out = Vec::new();
    for (dir, _) in dirs(ws, lang) {
        let _ = ws.walk_files(
            Path::new(&dir),
            &[],
            |_, _, _| {},
            |inside| {
                let path = Path::new(&dir).join(inside);
                let stamp = std::fs::metadata(ws.abs(&path)).ok().map(|m| Stamp::of(&m));
                out.push((path.to_string_lossy().into_owned(), stamp));
            },
        );
    }
    out
}

/// The stamps of `known` folders now: a folder added or removed below one changes its stamp.
fn restamp(ws: &Workspace, known: &[(String, Option<Stamp>)]) -> Vec<(String, Option<Stamp>)> {
    known
        .iter()
        .map(|(dir, _)| {
            let stamp = std::fs::metadata(ws.abs(Path::new(dir)))
                .ok()
                .map(|m| Stamp::of(&m));
            (dir.clone(), stamp)
        })
        .collect()
}

/// The entries of one file of the memory of `lang`, as the memory reads them.
fn entries_of(ws: &Workspace, lang: &Lang, file: &str) -> Result<Vec<Entry>> {
    store::entries_of(ws, lang, Path::new(file))
}

/// One language's kept memory and what it was made from.
#[derive(Debug, Default)]
struct Slot {
    kept: Option<Arc<Kept>>,
    /// The stamps of the base's files, taken just before it was opened.
    base_files: HashMap<String, Stamp>,
    /// When those stamps were taken.
    base_at: i128,
    /// The files the overlay replaces, with their stamps when it read them (none: removed).
    overlaid: HashMap<String, Option<Stamp>>,
    /// When the overlay's files were stamped.
    overlaid_at: i128,
    /// The folders' stamps at the last check of every file.
    dirs: Vec<(String, Option<Stamp>)>,
    /// When every file was last stamped.
    checked: Option<Instant>,
    checked_at: i128,
}

impl Slot {
    /// Opens the base again, from scratch.
    fn open(&mut self, ws: &Workspace, lang: &Lang) -> Result<()> {
        self.kept = None;
        self.checked_at = now();
        self.dirs = dir_stamps(ws, lang);
        self.base_at = self.checked_at;
        self.base_files = files(ws, lang)?;
        // The memory's cache is only a cache: writing it here spares the next start a
        // rebuild from every translation file.
        let base = store::open_stamped(ws, lang, true)?;
        self.kept = Some(Arc::new(Kept::new(base)));
        self.overlaid.clear();
        self.checked = Some(Instant::now());
        Ok(())
    }

    /// Brings the kept memory up to date with the files; opens it when none is kept.
    fn refresh(&mut self, ws: &Workspace, lang: &Lang) -> Result<()> {
        let Some(kept) = self.kept.clone() else {
            return self.open(ws, lang);
        };
        let dirs_now = restamp(ws, &self.dirs);
        let quiet = dirs_now == self.dirs
            && dirs_now
                .iter()
                .filter_map(|(_, stamp)| stamp.as_ref())
                .all(|d| d.settled(self.checked_at))
            && self
                .checked
                .is_some_and(|at| at.elapsed() < FULL_CHECK_EVERY);
        if quiet {
            return Ok(());
        }
        let at = now();
        let dirs_now = dir_stamps(ws, lang);
        let files_now = files(ws, lang)?;
        let mut changed: HashMap<String, Option<Stamp>> = files_now
            .iter()
            .filter(|(file, stamp)| {
                self.base_files.get(*file) != Some(*stamp) || !stamp.settled(self.base_at)
            })
            .map(|(file, stamp)| (file.clone(), Some(*stamp)))
            .collect();
        for file in self.base_files.keys() {
            if !files_now.contains_key(file) {
                changed.insert(file.clone(), None);
            }
        }
        self.dirs = dirs_now;
        self.checked = Some(Instant::now());
        self.checked_at = at;
        let same = changed == self.overlaid
            && changed
                .values()
                .flatten()
                .all(|stamp| stamp.settled(self.overlaid_at));
        if same {
            return Ok(());
        }
        if changed.len() > MAX_OVERLAY_FILES {
            return self.open(ws, lang);
        }
        let mut present: Vec<&String> = changed
            .iter()
            .filter(|(_, stamp)| stamp.is_some())
            .map(|(file, _)| file)
            .collect();
        present.sort_by_key(|file| file_rank(file));
        let entries: Vec<Entry> = map_ordered(&present, |file| entries_of(ws, lang, file))?
            .into_iter()
            .flatten()
            .collect();
        let overlay = if changed.is_empty() {
            None
        } else {
            Some(Overlay {
                replaced: changed.keys().map(|f| file_key(f)).collect(),
                memory: Memory::build(&entries)?
                    .with_placeholders(ws.config.qa.placeholders.clone()),
            })
        };
        self.kept = Some(Arc::new(Kept {
            base: Arc::clone(&kept.base),
            overlay,
        }));
        self.overlaid = changed;
        self.overlaid_at = at;
        Ok(())
    }
}

/// The memory order of a file named root-relative with `/`.
fn file_rank(file: &str) -> (u8, usize, String) {
    if file.starts_with(MEMORY_DIR) {
        return (1, 0, file.to_owned());
    }
    let key = file_key(file);
    let lang = key.split('/').next().unwrap_or("");
    (0, usize::MAX - lang.len(), key)
}

/// The translation memories the server keeps between requests, one per language.
#[derive(Debug, Default)]
pub struct Memories {
    /// One slot per language, each with its own lock: opening the memory of one language
    /// (which the warm-up may be doing) does not hold up a page of another.
    slots: Mutex<Vec<(Lang, Arc<Mutex<Slot>>)>>,
}

impl Memories {
    /// None kept yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    fn slot(&self, lang: &Lang) -> Arc<Mutex<Slot>> {
        let mut slots = self
            .slots
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, slot)) = slots.iter().find(|(l, _)| l == lang) {
            return Arc::clone(slot);
        }
        let slot = Arc::new(Mutex::new(Slot::default()));
        slots.push((lang.clone(), Arc::clone(&slot)));
        slot
    }

    /// Opens the memory of `lang` now, unless one is kept, so that the first page that
    /// needs it finds it ready.
    pub fn warm(&self, ws: &Workspace, lang: &Lang) {
        let _ = self.get(ws, lang);
    }

    /// Brings the kept memory of `lang`, if any, up to date with the files, as a page would
    /// before using it; for the background thread, so that pages seldom pay for the check.
    pub fn poll(&self, ws: &Workspace, lang: &Lang) {
        let slot = self.slot(lang);
        let mut slot = slot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if slot.kept.is_some() {
            // An error is left for the next page to meet (and report as no suggestions).
            let _ = slot.refresh(ws, lang);
        }
    }

    /// Opens the memory of `lang` again when its kept one carries an overlay whose files all
    /// last changed at least `quiet` ago, so that the memory's cache on disk matches the files
    /// again (for the next server) and lookups no longer merge two memories. The opening runs
    /// without holding up pages, which go on with the overlay meanwhile. Returns true if and
    /// only if it opened the memory.
    pub fn consolidate(&self, ws: &Workspace, lang: &Lang, quiet: Duration) -> bool {
        let slot = self.slot(lang);
        let lock = || {
            slot.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        {
            let kept = lock();
            let cutoff = now() - i128::try_from(quiet.as_nanos()).unwrap_or(i128::MAX);
            if kept.kept.is_none()
                || kept.overlaid.is_empty()
                || !kept.overlaid.values().flatten().all(|s| s.settled(cutoff))
            {
                return false;
            }
        }
        let at = now();
        let dirs = dir_stamps(ws, lang);
        let (Ok(base_files), Ok(base)) = (files(ws, lang), store::open_stamped(ws, lang, true))
        else {
            return false;
        };
        let mut kept = lock();
        *kept = Slot {
            kept: Some(Arc::new(Kept::new(base))),
            base_files,
            base_at: at,
            dirs,
            // Checked at the next use: files may have changed during the opening.
            checked: None,
            ..Slot::default()
        };
        true
    }

    /// The memory of `lang` as the files are now: the kept one, brought up to date, or
    /// opened (and kept). None when it cannot be read.
    #[must_use]
    pub fn get(&self, ws: &Workspace, lang: &Lang) -> Option<Arc<Kept>> {
        let slot = self.slot(lang);
        let mut slot = slot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match slot.refresh(ws, lang) {
            Ok(()) => slot.kept.clone(),
            Err(_) => {
                *slot = Slot::default();
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "The council met on Monday to discuss the budget for the coming year.";

    fn write_translation(root: &Path, article: &str, target: &str) {
        let dir = root.join("translations/fr");
        std::fs::create_dir_all(&dir).expect("dir");
        let json = serde_json::json!({
            "format": 1, "article": article, "lang": "fr",
            "units": [{"id": "d9dcd9ea", "source": SOURCE, "target": target, "state": "translated"}]
        });
        // Replaced, as bitext writes.
        let temp = dir.join(format!(".{article}.tmp"));
        std::fs::write(&temp, json.to_string()).expect("write");
        std::fs::rename(&temp, dir.join(format!("{article}.json"))).expect("rename");
    }

    fn targets(memories: &Memories, ws: &Workspace, lang: &Lang) -> Vec<String> {
        memories
            .get(ws, lang)
            .expect("memory")
            .lookup(SOURCE, 50, 5)
            .into_iter()
            .map(|hit| hit.target)
            .collect()
    }

    #[test]
    fn a_kept_memory_follows_changed_files_through_its_overlay_and_after_consolidating() {
        let dir = tempfile::tempdir().expect("dir");
        let root = dir.path();
        std::fs::write(
            root.join("bitext.toml"),
            "source = \"en\"\ntargets = [\"fr\"]\n",
        )
        .expect("config");
        std::fs::create_dir_all(root.join("sources")).expect("sources");
        write_translation(root, "a", "Premier.");
        write_translation(root, "b", "Second.");
        let ws = Workspace::open(Some(root)).expect("workspace");
        let fr = Lang::parse("fr").expect("fr");
        let memories = Memories::new();
        assert_eq!(targets(&memories, &ws, &fr), ["Premier.", "Second."]);
        write_translation(root, "a", "Premier, revu.");
        write_translation(root, "c", "Troisième.");
        std::fs::remove_file(root.join("translations/fr/b.json")).expect("remove");
        assert_eq!(
            targets(&memories, &ws, &fr),
            ["Premier, revu.", "Troisième."]
        );
        let slot = memories.slot(&fr);
        assert_eq!(slot.lock().expect("slot").overlaid.len(), 3);
        // Not before the changed files are quiet.
        assert!(!memories.consolidate(&ws, &fr, Duration::from_secs(3600)));
        std::thread::sleep(crate::serve::cache::RACY + Duration::from_millis(200));
        assert!(memories.consolidate(&ws, &fr, Duration::ZERO));
        assert!(slot.lock().expect("slot").overlaid.is_empty());
        assert_eq!(
            targets(&memories, &ws, &fr),
            ["Premier, revu.", "Troisième."]
        );
        assert!(slot.lock().expect("slot").overlaid.is_empty());
        // The opened memory's cache on disk now matches the files.
        assert!(root.join(".bitext-cache/memory-fr.bin").is_file());
        write_translation(root, "c", "Troisième, revu.");
        assert_eq!(
            targets(&memories, &ws, &fr),
            ["Premier, revu.", "Troisième, revu."]
        );
    }

    #[test]
    fn files_rank_as_the_memory_orders_them() {
        let mut files = vec![
            "memory/a.tmx",
            "translations/es/b.json",
            "translations/es-419/z.json",
            "translations/es/a.json",
        ];
        files.sort_by_key(|f| file_rank(f));
        assert_eq!(
            files,
            vec![
                "translations/es-419/z.json",
                "translations/es/a.json",
                "translations/es/b.json",
                "memory/a.tmx",
            ]
        );
        let segment = |article: &str, lang: &str| Origin::Segment {
            article: article.to_owned(),
            lang: lang.to_owned(),
            n: 1,
            id: String::new(),
        };
        assert!(rank(&segment("z", "es-419")) < rank(&segment("a", "es")));
        assert_eq!(file_of(&segment("a", "es")), "es/a.json");
        assert_eq!(file_key("translations/es/a.json"), "es/a.json");
        assert_eq!(file_key(".bitext/es/a.json"), "es/a.json");
    }
}
