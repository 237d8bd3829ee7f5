//! What the server keeps between requests for the dashboard: each article's segment count and
//! state counts in every target language, with a stamp of the files they were computed from.
//!
//! Recomputing the status of every article on every dashboard request costs as much as
//! `bitext status`: seconds on a large workspace. Instead, a request lists `sources/` and each
//! target language's directory, takes a [`Stamp`] of every file (size, modification and
//! change times to the nanosecond, inode and device: one `stat` each, no reading), and
//! recomputes only the articles whose stamps differ from the kept ones, in parallel. A file
//! replaced by a rename (bitext's own writes, `git`) gets a new inode; a file edited in
//! place gets new times, and its change time moves even when an editor or `touch` puts the
//! modification time back; a new article has no kept entry; a removed one is dropped.
//!
//! A file written in the same clock tick as the listing could be written again in that tick,
//! in place and with the same size, and keep its stamp. An entry whose files changed less
//! than [`RACY`] before the listing is therefore recomputed on every request until they
//! settle (as git does with its index). The server's own writes also forget their article
//! at once ([`Dashboard::forget`]).
//!
//! The settled rows are also saved in `.bitext-cache/dashboard.json` (after the warm-up and
//! when the server stops), so that the next server starts from them; they are checked
//! against the files' stamps as any kept row is, and the file is only a cache: deleting it
//! costs one full computation.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use bitext_core::error::{Error, Result};
use bitext_core::memory::store::CACHE_DIR;
use bitext_core::model::assess::Counts;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::workspace::parallel::map_ordered;
use bitext_core::workspace::{SOURCE_EXTENSIONS, Workspace};

pub use bitext_core::workspace::stamp::{RACY, Stamp, now};

use crate::serve::watch::{Changes, Watcher};

/// The stamps of the files of the root-relative `dir`, at any depth, whose extension is one of
/// `exts`, by path below `dir` with `/` between folders; none when the directory does not exist. The `stat` calls run on every core: on
/// a large workspace they are most of a dashboard's cost.
///
/// # Errors
/// An unreadable directory or file.
pub fn stamps(ws: &Workspace, dir: &Path, exts: &[&str]) -> Result<HashMap<String, Stamp>> {
    use rayon::prelude::*;
    let abs = ws.abs(dir);
    let mut paths = Vec::new();
    ws.each_file(dir, exts, |path, _| paths.push(path))?;
    paths
        .into_par_iter()
        .filter_map(|path| {
            let key = path.to_str()?.replace(std::path::MAIN_SEPARATOR, "/");
            // A link is followed: its target is what is read.
            match std::fs::metadata(abs.join(&path)) {
                Ok(meta) => Some(Ok((key, Stamp::of(&meta)))),
                // Removed between the listing and the `stat`: as if never listed.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(source) => Some(Err(Error::Read {
                    path: dir.join(path),
                    source,
                })),
            }
        })
        .collect()
}

/// The stamps of one folder's files, with the extensions they may have.
type Stamped = (&'static [&'static str], HashMap<String, Stamp>);

/// The stamps of the translation files of `langs`, each map with the extensions its files
/// have: the translation files (or records), then the pages when translations are kept as
/// pages, so that a page edited by hand changes its row too.
fn translation_stamps(ws: &Workspace, langs: &[Lang]) -> Result<Vec<Stamped>> {
    translation_places(ws, langs)
        .into_iter()
        .map(|(dir, exts)| Ok((exts, stamps(ws, &dir, exts)?)))
        .collect()
}

/// The folders an article's translations are in, each with the extensions its files have,
/// in the order of [`Key::langs`].
fn translation_places(
    ws: &Workspace,
    langs: &[Lang],
) -> Vec<(std::path::PathBuf, &'static [&'static str])> {
    let mut out: Vec<(std::path::PathBuf, &'static [&'static str])> = langs
        .iter()
        .map(|lang| (ws.translations_dir(lang), &["json"][..]))
        .collect();
    if let Some(pages) = &ws.config.layout.pages {
        for lang in langs {
            if let Some(folder) = pages.folder(lang) {
                out.push((folder.to_owned(), SOURCE_EXTENSIONS));
            }
        }
    }
    out
}

/// The folders the dashboard's files are in: the sources', then the translations'.
fn watched_roots(ws: &Workspace, langs: &[Lang]) -> Vec<std::path::PathBuf> {
    std::iter::once(ws.sources_dir().to_owned())
        .chain(
            translation_places(ws, langs)
                .into_iter()
                .map(|(dir, _)| dir),
        )
        .collect()
}

/// The stamp of the root-relative `path`, none when there is no such file.
fn stamp_of(ws: &Workspace, path: &Path) -> Result<Option<Stamp>> {
    match std::fs::metadata(ws.abs(path)) {
        Ok(meta) if meta.is_dir() => Ok(None),
        Ok(meta) => Ok(Some(Stamp::of(&meta))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

/// The key of `slug` now, from a `stat` of each of its files: what the listing of every
/// file gives it.
fn key_of(ws: &Workspace, slug: &Slug, langs: &[Lang]) -> Result<Key> {
    let sources = SOURCE_EXTENSIONS
        .iter()
        .map(|ext| stamp_of(ws, &ws.sources_dir().join(name(slug, ext))))
        .collect::<Result<_>>()?;
    let mut stamped = Vec::new();
    for (dir, exts) in translation_places(ws, langs) {
        for ext in exts {
            stamped.push(stamp_of(ws, &dir.join(name(slug, ext)))?);
        }
    }
    Ok(Key {
        sources,
        langs: stamped,
    })
}

/// Each folder of the dashboard's files, root-relative with `/`, with the extensions its
/// files have and whether it holds the sources: what [`owner`] looks a changed file up in.
type Places = Vec<(String, &'static [&'static str], bool)>;

fn places(ws: &Workspace, langs: &[Lang]) -> Places {
    std::iter::once((ws.sources_dir().to_owned(), SOURCE_EXTENSIONS, true))
        .chain(
            translation_places(ws, langs)
                .into_iter()
                .map(|(dir, exts)| (dir, exts, false)),
        )
        .filter_map(|(dir, exts, source)| {
            Some((
                dir.to_str()?.replace(std::path::MAIN_SEPARATOR, "/"),
                exts,
                source,
            ))
        })
        .collect()
}

/// The article a changed file (root-relative, with `/`) belongs to, if it is one of the
/// dashboard's files in `places`, and whether it is a source file.
fn owner(places: &Places, file: &str) -> Option<(Slug, bool)> {
    for (dir, exts, source) in places {
        let Some(below) = file
            .strip_prefix(dir.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
        else {
            continue;
        };
        for ext in *exts {
            if let Some(stem) = below.strip_suffix(&format!(".{ext}"))
                && let Ok(slug) = Slug::parse(stem)
            {
                return Some((slug, *source));
            }
        }
    }
    None
}

/// The key of `slug`'s file with extension `ext` in the maps [`stamps`] returns.
fn name(slug: &Slug, ext: &str) -> String {
    format!("{slug}.{ext}")
}

/// One dashboard row: an article's segments and its counts in every target language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The article.
    pub article: Slug,
    /// Its title, as plain text: its front matter's `title`, else its first heading, else
    /// its name.
    pub title: String,
    /// Its number of segments.
    pub segments: usize,
    /// Its counts in each target language, in the configured order.
    pub langs: Vec<Counts>,
    /// Its current segments that are reviewed, in each target language (for the editions
    /// that export only reviewed translations).
    pub reviewed: Vec<usize>,
}

/// The files one row was computed from: the source (`.md`, `.mdx`) and the translation in
/// each target language, each stamp none when the file did not exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    /// The article's source files, one per extension of [`SOURCE_EXTENSIONS`].
    sources: Vec<Option<Stamp>>,
    langs: Vec<Option<Stamp>>,
}

impl Key {
    fn settled(&self, at: i128) -> bool {
        self.sources
            .iter()
            .flatten()
            .chain(self.langs.iter().flatten())
            .all(|s| s.settled(at))
    }
}

/// A kept row, with what it was computed from.
#[derive(Debug)]
struct Kept {
    key: Key,
    /// False when a file changed too shortly before it was computed for its stamp to be
    /// trusted: the row is computed again on the next request.
    settled: bool,
    row: Row,
}

#[derive(Debug, Default)]
struct State {
    /// True once the rows saved by an earlier server were looked for.
    loaded: bool,
    /// True when rows were computed since they were last saved.
    dirty: bool,
    /// The target languages the rows count, in order.
    langs: Vec<Lang>,
    rows: HashMap<Slug, Kept>,
    /// The articles, with a digest of the source files' paths they were listed from: a file
    /// added, removed or renamed at any depth changes it.
    listing: Option<(u64, Vec<Slug>)>,
    /// Counts the changes to `rows`.
    generation: u64,
    /// Every row in slug order, as of `generation`.
    snapshot: Option<(u64, Arc<Vec<Row>>)>,
    /// The kernel's word on which files changed, where it can be had (see `watch`).
    watcher: Option<Watcher>,
    /// The roots a watcher was last made (or tried) for.
    watched: Option<Vec<std::path::PathBuf>>,
    /// True once every file was stamped since the watcher was made: from then on, only
    /// the files it names need stamping.
    synced: bool,
    /// Articles whose rows were forgotten since the last pass.
    forgotten: Vec<Slug>,
}

/// The file the settled rows are saved in, relative to the root.
const SAVED: &str = "dashboard.json";

/// The rows as saved: only settled ones, for the version of bitext that counted them.
#[derive(Debug, Serialize, Deserialize)]
struct Saved {
    version: String,
    langs: Vec<String>,
    rows: Vec<SavedRow>,
}

#[derive(Debug, Serialize, Deserialize)]
struct SavedRow {
    article: String,
    title: String,
    key: Key,
    segments: usize,
    /// Current, stale, missing and draft, per language.
    counts: Vec<[usize; 4]>,
    /// Reviewed, per language (rows saved before it was counted have none, and are counted
    /// again).
    #[serde(default)]
    reviewed: Vec<usize>,
}

impl State {
    /// The articles of the last listing, in name order.
    fn listed(&self) -> &[Slug] {
        self.listing
            .as_ref()
            .map_or(&[], |(_, slugs)| slugs.as_slice())
    }

    /// What the watcher names as changed since the last call; [`Changes::Unknown`] where
    /// there is no watcher, or a new one was just made (for other roots, or after a change
    /// it could not name, which may be a folder it does not watch yet).
    fn changes(&mut self, ws: &Workspace, langs: &[Lang]) -> Changes {
        let roots = watched_roots(ws, langs);
        let mut remake = self.watched.as_ref() != Some(&roots);
        let mut changes = Changes::Unknown;
        if !remake && let Some(watcher) = self.watcher.as_mut() {
            changes = watcher.changes();
            remake = changes == Changes::Unknown;
        }
        if remake {
            self.watcher = Watcher::new(&ws.root, &roots);
            self.watched = Some(roots);
            self.synced = false;
        }
        changes
    }

    /// Every row in slug order, made again only when a row changed since the last call.
    fn snapshot(&mut self) -> (u64, Arc<Vec<Row>>) {
        let generation = self.generation;
        if let Some((at, rows)) = &self.snapshot
            && *at == generation
        {
            return (generation, Arc::clone(rows));
        }
        let rows: Arc<Vec<Row>> = Arc::new(
            self.listed()
                .iter()
                .filter_map(|slug| self.rows.get(slug).map(|kept| kept.row.clone()))
                .collect(),
        );
        self.snapshot = Some((generation, Arc::clone(&rows)));
        (generation, rows)
    }

    /// The rows after the watcher named `files` as changed since the last pass: only their
    /// articles' files are stamped, and counted again if their stamps differ. None when a
    /// change may add or remove an article (a source file created or removed): every file
    /// must then be listed.
    fn update(
        &mut self,
        ws: &Workspace,
        langs: &[Lang],
        files: &[String],
    ) -> Result<Option<(u64, Arc<Vec<Row>>)>> {
        let mut slugs: Vec<Slug> = std::mem::take(&mut self.forgotten);
        let places = places(ws, langs);
        for file in files {
            let Some((slug, source)) = owner(&places, file) else {
                // Not a file the dashboard counts from (a temporary file, another kind).
                continue;
            };
            if source {
                // A source file that came or went changes the listing.
                let there = ws.abs(Path::new(file)).is_file();
                if !there || !self.listed().contains(&slug) {
                    return Ok(None);
                }
            }
            if self.listed().contains(&slug) {
                slugs.push(slug);
            }
        }
        slugs.sort_unstable();
        slugs.dedup();
        let listed_at = now();
        let mut todo = Vec::new();
        for slug in slugs {
            let key = key_of(ws, &slug, langs)?;
            if self.rows.get(&slug).is_none_or(|kept| kept.key != key) {
                todo.push((slug, key));
            }
        }
        if !todo.is_empty() {
            let computed = map_ordered(&todo, |(slug, _)| row(ws, slug, langs))?;
            for ((slug, key), row) in todo.into_iter().zip(computed) {
                self.rows.insert(
                    slug,
                    Kept {
                        settled: key.settled(listed_at),
                        key,
                        row,
                    },
                );
            }
            self.dirty = true;
            self.generation += 1;
        }
        Ok(Some(self.snapshot()))
    }

    /// Takes the rows saved by an earlier server, when they count the same languages with
    /// the same version of bitext; anything unreadable is ignored.
    fn load(&mut self, ws: &Workspace) {
        self.loaded = true;
        let path = Path::new(CACHE_DIR).join(SAVED);
        if ws.check_inside(&path).is_err() {
            return;
        }
        let Ok(bytes) = std::fs::read(ws.abs(&path)) else {
            return;
        };
        let Ok(saved) = serde_json::from_slice::<Saved>(&bytes) else {
            return;
        };
        let langs: Vec<&str> = self.langs.iter().map(Lang::as_str).collect();
        if saved.version != env!("CARGO_PKG_VERSION") || saved.langs != langs {
            return;
        }
        for row in saved.rows {
            let Ok(slug) = Slug::parse(&row.article) else {
                continue;
            };
            if row.counts.len() != langs.len() || row.reviewed.len() != langs.len() {
                continue;
            }
            let counts = row
                .counts
                .iter()
                .map(|&[current, stale, missing, draft]| Counts {
                    current,
                    stale,
                    missing,
                    draft,
                })
                .collect();
            self.rows.insert(
                slug.clone(),
                Kept {
                    key: row.key,
                    settled: true,
                    row: Row {
                        article: slug,
                        title: row.title,
                        segments: row.segments,
                        langs: counts,
                        reviewed: row.reviewed,
                    },
                },
            );
        }
    }

    /// Saves the settled rows; a cache that cannot be written only costs time next start.
    fn save(&mut self, ws: &Workspace) {
        if !self.dirty || ws.check_inside(Path::new(CACHE_DIR)).is_err() {
            return;
        }
        let mut rows: Vec<SavedRow> = self
            .rows
            .values()
            .filter(|kept| kept.settled)
            .map(|kept| SavedRow {
                article: kept.row.article.to_string(),
                title: kept.row.title.clone(),
                key: kept.key.clone(),
                segments: kept.row.segments,
                counts: kept
                    .row
                    .langs
                    .iter()
                    .map(|c| [c.current, c.stale, c.missing, c.draft])
                    .collect(),
                reviewed: kept.row.reviewed.clone(),
            })
            .collect();
        rows.sort_by(|a, b| a.article.cmp(&b.article));
        let saved = Saved {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            langs: self.langs.iter().map(ToString::to_string).collect(),
            rows,
        };
        let Ok(bytes) = serde_json::to_vec(&saved) else {
            return;
        };
        let dir = ws.abs(Path::new(CACHE_DIR));
        let written = std::fs::create_dir_all(&dir)
            .and_then(|()| {
                tempfile::Builder::new()
                    .prefix(&bitext_core::model::leftovers::prefix())
                    .suffix(bitext_core::model::leftovers::suffix())
                    .tempfile_in(&dir)
            })
            .and_then(|mut temp| {
                std::io::Write::write_all(&mut temp, &bytes)?;
                temp.persist(dir.join(SAVED)).map_err(|e| e.error)
            });
        if written.is_ok() {
            self.dirty = false;
        }
    }
}

/// The dashboard's rows kept between requests (see the module's documentation).
#[derive(Debug, Default)]
pub struct Dashboard {
    state: Mutex<State>,
}

impl Dashboard {
    /// Nothing kept yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Every article's row, sorted by slug, as `bitext status` would count them now: kept
    /// rows whose files have the same stamps as when they were computed, the others
    /// computed again (and kept); with a number that changes whenever a row does.
    ///
    /// # Errors
    /// An unreadable directory, or an unreadable or malformed source or translation file.
    pub fn rows(&self, ws: &Workspace) -> Result<(u64, Arc<Vec<Row>>)> {
        // One request at a time computes: a second one (or the warm-up) waits, then finds
        // the rows kept.
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let langs = &ws.config.targets;
        if state.langs != *langs {
            state.langs.clone_from(langs);
            state.rows.clear();
            state.loaded = false;
            state.generation += 1;
        }
        if !state.loaded {
            state.load(ws);
            state.generation += 1;
        }
        // The watcher first: a change while the files are stamped is then named next time.
        let changes = state.changes(ws, langs);
        if state.synced
            && let Changes::Files(files) = &changes
            && let Some(rows) = state.update(ws, langs, files)?
        {
            return Ok(rows);
        }
        let listed_at = now();
        let sources = ws.sources_dir();
        let files = stamps(ws, sources, SOURCE_EXTENSIONS)?;
        let translations = translation_stamps(ws, langs)?;
        let names = {
            let mut names: Vec<&str> = files.keys().map(String::as_str).collect();
            names.sort_unstable();
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            std::hash::Hash::hash(&names, &mut hasher);
            std::hash::Hasher::finish(&hasher)
        };
        let slugs = match &state.listing {
            Some((was, slugs)) if *was == names => slugs.clone(),
            _ => {
                let slugs = ws.all_articles()?;
                state.listing = Some((names, slugs.clone()));
                slugs
            }
        };
        let keys: Vec<Key> = slugs
            .iter()
            .map(|slug| Key {
                sources: SOURCE_EXTENSIONS
                    .iter()
                    .map(|ext| files.get(&name(slug, ext)).copied())
                    .collect(),
                langs: translations
                    .iter()
                    .flat_map(|(exts, stamps)| {
                        exts.iter().map(|ext| stamps.get(&name(slug, ext)).copied())
                    })
                    .collect(),
            })
            .collect();
        let todo: Vec<(&Slug, &Key)> = slugs
            .iter()
            .zip(&keys)
            .filter(|(slug, key)| {
                state
                    .rows
                    .get(*slug)
                    .is_none_or(|kept| !kept.settled || kept.key != **key)
            })
            .collect();
        let computed = map_ordered(&todo, |(slug, _)| row(ws, slug, langs))?;
        if !todo.is_empty() {
            state.dirty = true;
            state.generation += 1;
        }
        for ((slug, key), row) in todo.into_iter().zip(computed) {
            state.rows.insert(
                slug.clone(),
                Kept {
                    settled: key.settled(listed_at),
                    key: key.clone(),
                    row,
                },
            );
        }
        if state.rows.len() > slugs.len() {
            let listed: std::collections::HashSet<&Slug> = slugs.iter().collect();
            state.rows.retain(|slug, _| listed.contains(slug));
            state.dirty = true;
            state.generation += 1;
        }
        state.synced = state.watcher.is_some();
        state.forgotten.clear();
        Ok(state.snapshot())
    }

    /// Saves the settled rows in the workspace's cache directory, for the next server, when
    /// rows were computed since they were last saved.
    pub fn save(&self, ws: &Workspace) {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .save(ws);
    }

    /// Forgets the row of `slug`, after the server wrote one of its files.
    pub fn forget(&self, slug: &Slug) {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        state.rows.remove(slug);
        state.forgotten.push(slug.clone());
        state.generation += 1;
    }
}

/// The row of `slug`, read from its files now.
fn row(ws: &Workspace, slug: &Slug, langs: &[Lang]) -> Result<Row> {
    let article = ws.load_article(slug)?;
    let (counts, reviewed): (Vec<Counts>, Vec<usize>) = langs
        .iter()
        .map(|lang| {
            let file = ws.load_translation(lang, slug)?;
            let assessment = ws.assess(&article, file.as_ref());
            let reviewed = bitext_core::model::review::reviewed(file.as_ref(), &assessment)
                .into_iter()
                .filter(|r| *r)
                .count();
            Ok((assessment.counts(), reviewed))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    let title = article
        .title()
        .map_or_else(|| slug.to_string(), bitext_core::render::inline::to_plain);
    Ok(Row {
        article: slug.clone(),
        title,
        segments: article.segments.len(),
        langs: counts,
        reviewed,
    })
}
