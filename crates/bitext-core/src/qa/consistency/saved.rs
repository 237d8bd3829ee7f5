//! The consistency index of one language saved between commands, so that a command about one
//! article (`import`, `set`, `accept`, `po import`) reads that article's files, not every file
//! of the workspace, to learn whether its texts are translated differently elsewhere.
//!
//! `.bitext-cache/consistency/<lang>.index` holds every article's translated segments (their
//! position and the hashes of their source and translation), twice: grouped by the source's
//! hash and by the translation's, each with a table of where each group of hashes starts, so
//! that a lookup reads the few hundred bytes of its group. With them, each article's name and a
//! hash of the stamps ([`Stamp`]) of the files its entries were read from: its source and its
//! translation file (the record and the page, for translations kept as pages).
//! `.bitext-cache/consistency/<lang>.changes` holds, the same way but whole, the articles read
//! again since the index was written (an article whose source is gone with no entries), and
//! the names of the articles pending; it is folded into the index once it holds more than
//! [`MERGE_AT`] articles or a sixteenth of them.
//!
//! A command about one article ([`Scope::Named`]) looks only at the articles the index (and
//! the changes) name for the texts it checks, and at the articles pending: those a command
//! wrote after its lookup (each lookup records the articles its command writes), read whatever
//! their stamps until their files have settled. Of the places with one text and one other
//! translation, only the first two (by article, then position) can be named by a finding, so
//! only their articles are `stat`ed; an article whose files have the stamps it was saved with
//! is taken as saved, any other is read again (and saved in the changes), so a finding never
//! comes from a translation that changed. What such a lookup does not see is a translation
//! written outside bitext in an article it does not look at.
//!
//! A workspace-wide command ([`refresh`], from `sync` and `qa`; [`Scope::Every`]) lists the
//! sources and takes the stamp of each source and of each article's translation file: one
//! `stat` each, on every core, no reading, and reads the articles whose files changed. So the
//! entries it gives are exactly those [`super::Index::load_only_unsaved`] reads. An article is
//! saved only when its files had settled ([`crate::workspace::stamp::RACY`]) when they were
//! stamped, so that an edit in place within the same clock tick is never missed.
//!
//! Both files start with a digest of what their content depends on besides the files: the
//! project file, the language, bitext's version and the hash of texts; a file made for
//! anything else, or damaged, is not read, and a complete index is built again. They are only
//! a cache: deleting them costs one reading of the whole workspace, and a cache that cannot be
//! written only costs time on the next command.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use crate::error::{Error, Result};
use crate::model::lang::Lang;
use crate::model::slug::Slug;
use crate::qa::consistency::{Entry, Index, Known, Wanted, hash, translated};
use crate::workspace::config::CONFIG_FILE;
use crate::workspace::parallel::map_ordered;
use crate::workspace::stamp::{Stamp, now};
use crate::workspace::{CACHE_DIR, Workspace};

/// Where the saved indexes live, under [`CACHE_DIR`].
const DIR: &str = "consistency";

/// The first bytes of an index file and of a changes file: the format's name and version.
const INDEX_MAGIC: &[u8; 8] = b"bxcidx01";
const CHANGES_MAGIC: &[u8; 8] = b"bxcchg02";

/// Size of an index file's header: magic, key, counts, bits, the table's length.
const HEADER: usize = 8 + 32 + 4 + 4 + 4 + 8;

/// Size of an entry in the index: the hash it is grouped by, the other hash, article, position.
const RECORD: usize = 8 + 8 + 4 + 4;

/// The changes are folded into the index once they hold more articles than this (or a
/// sixteenth of the index's articles, if that is more).
const MERGE_AT: usize = 256;

/// One translated segment as saved: its position and the hashes of its text and translation.
type Segment = (u32, u64, u64);

/// An article as saved: its name, the hash of its files' stamps and its translated segments.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Saved {
    slug: String,
    stamps: u64,
    segments: Vec<Segment>,
}

/// An article to save, borrowed from what was read or from [`Saved`].
#[derive(Debug, Clone, Copy)]
struct View<'a> {
    slug: &'a str,
    stamps: u64,
    segments: &'a [Segment],
}

impl Saved {
    fn view(&self) -> View<'_> {
        View {
            slug: &self.slug,
            stamps: self.stamps,
            segments: &self.segments,
        }
    }
}

/// The consistency index of the pairs in `wanted`, for the languages they are in, as
/// [`Index::load_only_with`] builds it: from the saved index where the files of the articles
/// it names have not changed, reading the articles it names whose files changed, the articles
/// written since it was brought up to date, and those the caller writes ([`Wanted::writes`]).
/// Without a saved index, every file is read and the index saved.
///
/// # Errors
/// As [`Index::load`], for the articles read.
pub(super) fn load(ws: &Workspace, wanted: &Wanted, known: Option<&Known<'_>>) -> Result<Index> {
    let langs: Vec<usize> = (0..ws.config.targets.len())
        .filter(|&l| wanted.has_lang(l))
        .collect();
    Ok(load_with(ws, wanted, known, settings(), Scope::Named, &langs)?.0)
}

/// Brings the saved index of every target language that has one up to date with every file
/// of the workspace: one `stat` of each source and translation file, and a reading of the
/// articles whose files changed since. A workspace-wide command calls it (`sync`, `qa`), so
/// that the lookups of the commands about one article, which look only at the articles the
/// index names, also see the translations added or edited outside bitext.
///
/// # Errors
/// As [`Index::load`], for the articles read.
pub(super) fn refresh(ws: &Workspace) -> Result<()> {
    let langs: Vec<usize> = (0..ws.config.targets.len())
        .filter(|&l| {
            let (index, _) = paths(&ws.config.targets[l]);
            ws.check_inside(&index).is_ok() && ws.abs(&index).is_file()
        })
        .collect();
    load_with(
        ws,
        &Wanted::default(),
        None,
        settings(),
        Scope::Every,
        &langs,
    )?;
    Ok(())
}

/// The time of a lookup, taken before any `stat`: what changed within the margin before it
/// is not trusted.
fn settings() -> Settings {
    Settings {
        at: now(),
        merge_at: MERGE_AT,
    }
}

/// When a lookup happens, and how many changes it keeps before folding them into the index.
#[derive(Debug, Clone, Copy)]
struct Settings {
    /// Nanoseconds since the epoch, taken before the files are stamped.
    at: i128,
    /// See [`MERGE_AT`].
    merge_at: usize,
}

/// Which articles a lookup looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Those the saved index names for the wanted texts, those written since, and those the
    /// caller writes: a lookup costs what these few articles cost, whatever the size of the
    /// workspace. A translation added or edited outside bitext in another article is seen
    /// once a workspace-wide command has brought the index up to date ([`refresh`]).
    Named,
    /// Every article: one `stat` of each file.
    Every,
}

/// What one language's lookup found: entries whose article is a position in `names`.
#[derive(Debug, Default)]
struct Found {
    entries: Vec<Entry>,
    names: Vec<String>,
    read: usize,
}

/// As [`load`], at the time and with the threshold of `settings`, for the languages at the
/// positions `langs` of the workspace's targets, looking at the articles of `scope`; also
/// returns the number of articles whose files were read.
fn load_with(
    ws: &Workspace,
    wanted: &Wanted,
    known: Option<&Known<'_>>,
    settings: Settings,
    scope: Scope,
    langs: &[usize],
) -> Result<(Index, usize)> {
    let targets = ws.config.targets.clone();
    let mut found = Vec::new();
    let mut read = 0;
    if !langs.is_empty() {
        let sources = std::sync::OnceLock::new();
        let config = config_digest(ws)?;
        for &l in langs {
            let lookup = Lookup {
                ws,
                lang: &targets[l],
                l: u16::try_from(l).unwrap_or(u16::MAX),
                sources: &sources,
                wanted,
                known: known.filter(|k| *k.lang == targets[l]),
                settings,
                key: key(&config, &targets[l]),
            };
            let one = lookup.run(scope)?;
            read += one.read;
            found.push(one);
        }
    }
    // Only the articles the entries name, sorted: the findings name the same.
    let mut slugs: Vec<String> = found
        .iter()
        .flat_map(|f| {
            f.entries
                .iter()
                .map(|e| f.names[e.article as usize].clone())
        })
        .collect();
    slugs.sort_unstable();
    slugs.dedup();
    let mut entries = Vec::new();
    for f in found {
        entries.extend(f.entries.into_iter().map(|mut e| {
            let name = &f.names[e.article as usize];
            let at = slugs.binary_search(name).unwrap_or(0);
            e.article = u32::try_from(at).unwrap_or(u32::MAX);
            e
        }));
    }
    // An entry with both a wanted source and a wanted translation was found twice.
    entries.sort_unstable_by_key(|e| (e.lang, e.source, e.target, e.article, e.n));
    entries.dedup();
    let mut index = Index::new(slugs, targets, entries);
    ws.sources_dir().clone_into(&mut index.sources);
    Ok((index, read))
}

/// The SHA-256 of the project file: segmentation, layout and targets all come from it.
fn config_digest(ws: &Workspace) -> Result<[u8; 32]> {
    let path = Path::new(CONFIG_FILE);
    let bytes = crate::workspace::files::read_existing(&ws.abs(path), path)?;
    Ok(Sha256::digest(&bytes).into())
}

/// What a saved file of `lang` must have been made for: the project file, the language, the
/// version of bitext and of its alignment, and the hash of texts in this build.
fn key(config: &[u8; 32], lang: &Lang) -> [u8; 32] {
    Sha256::new()
        .chain_update(b"bitext consistency index\0")
        .chain_update(env!("CARGO_PKG_VERSION").as_bytes())
        .chain_update([0])
        .chain_update(crate::model::align::VERSION.to_le_bytes())
        .chain_update(hash("bitext consistency index").to_le_bytes())
        // Source texts that differ only in case hash alike.
        .chain_update(super::source_hash("Case").to_le_bytes())
        .chain_update(lang.as_str().as_bytes())
        .chain_update([0])
        .chain_update(config)
        .finalize()
        .into()
}

/// The saved files of `lang`, relative to the root.
fn paths(lang: &Lang) -> (PathBuf, PathBuf) {
    let dir = Path::new(CACHE_DIR).join(DIR);
    (
        dir.join(format!("{lang}.index")),
        dir.join(format!("{lang}.changes")),
    )
}

/// One language's part of [`load`].
struct Lookup<'a> {
    ws: &'a Workspace,
    lang: &'a Lang,
    l: u16,
    /// Every article, sorted, with its source's stamp and extension: listed when a lookup
    /// first needs it, once for every language.
    sources: &'a std::sync::OnceLock<Vec<(Slug, Stamp, &'static str)>>,
    wanted: &'a Wanted,
    /// The article the caller holds in this language, if any.
    known: Option<&'a Known<'a>>,
    settings: Settings,
    key: [u8; 32],
}

/// Where an article's entries come from.
#[derive(Debug, Clone, Copy)]
enum From {
    /// The caller's units; the changes' record of the article, if its files have not changed
    /// since, is kept.
    Known(Option<usize>),
    /// The index, as its article at this position.
    Index(u32),
    /// The changes, as the article at this position.
    Changes(usize),
    /// Its files, read now.
    Read,
}

/// An article a [`Scope::Named`] lookup looks at.
#[derive(Debug, Default)]
struct Candidate {
    /// The hash of its files' stamps as saved, if its record is looked at.
    saved: Option<u64>,
    /// Its saved entries with a wanted text.
    hits: Vec<Segment>,
    /// Read whatever its stamps: written since it was saved, or about to be.
    read: bool,
}

/// What a [`Scope::Named`] lookup knows of a candidate.
#[derive(Debug)]
enum Seen {
    /// Not `stat`ed.
    Unknown,
    /// Its files have the stamps saved with it: its saved entries hold.
    Valid,
    /// Read now: the hash of its files' stamps, whether they had settled, its segments.
    Read {
        hash: u64,
        settled: bool,
        segments: Vec<Segment>,
    },
    /// Its source is gone.
    Gone,
}

/// The stamp hash of an article whose record is kept to say only that its source is gone.
const GONE: u64 = 0;

impl Lookup<'_> {
    /// Every article, listed on the first call.
    fn sources(&self) -> Result<&[(Slug, Stamp, &'static str)]> {
        if self.sources.get().is_none() {
            let listed = self.ws.all_articles_stamped()?;
            let _ = self.sources.set(listed);
        }
        Ok(self.sources.get().map_or(&[][..], Vec::as_slice))
    }

    /// The entries wanted, from the articles of `scope`.
    fn run(&self, scope: Scope) -> Result<Found> {
        let (index_path, changes_path) = paths(self.lang);
        // A cache folder that leads outside the workspace is neither read nor written.
        let inside = self.ws.check_inside(&index_path).is_ok();
        let index = inside
            .then(|| IndexFile::open(&self.ws.abs(&index_path), &self.key))
            .flatten();
        let changes = match &index {
            Some(_) => read_changes(&self.ws.abs(&changes_path), &self.key).unwrap_or_default(),
            None => Changes::default(),
        };
        if scope == Scope::Named
            && let Some(index) = &index
            && let Some(found) = self.named(index, &changes)?
        {
            return Ok(found);
        }
        self.every(index, &changes)
    }

    /// The slugs of the articles to look at again next time: those the caller writes, and
    /// `unsettled` (read while their files were being changed).
    fn pending<'s>(&'s self, unsettled: impl IntoIterator<Item = &'s str>) -> Vec<String> {
        let mut pending: Vec<String> = self
            .wanted
            .writes
            .iter()
            .map(String::as_str)
            .chain(self.known.map(|k| k.article.slug.as_str()))
            .chain(unsettled)
            .map(str::to_owned)
            .collect();
        pending.sort_unstable();
        pending.dedup();
        pending
    }

    /// A [`Scope::Named`] lookup: None if the index does not read back as written.
    ///
    /// A finding names the first other place (by article, then position) with another
    /// translation of a text, or another text for a translation. So of the places the index
    /// gives for one text and one other translation (a group), only the first two matter
    /// (one of them may be the place checked): their articles are `stat`ed, and read again
    /// if they changed, until the first two places of every group are known to hold. The
    /// articles pending or written by the caller are read first.
    fn named(&self, index: &IndexFile, changes: &Changes) -> Result<Option<Found>> {
        let Some(candidates) = self.candidates(index, changes) else {
            return Ok(None);
        };
        let mut seen: Vec<Seen> = std::iter::repeat_with(|| Seen::Unknown)
            .take(candidates.len())
            .collect();
        let first: Vec<usize> = (0..candidates.len())
            .filter(|&i| candidates[i].1.read)
            .collect();
        self.verify(&candidates, &first, &mut seen)?;
        let firsts = loop {
            let (firsts, unknown) = self.first_places(&candidates, &seen);
            if unknown.is_empty() {
                break firsts;
            }
            self.verify(&candidates, &unknown, &mut seen)?;
        };
        let mut found = Found {
            names: candidates.iter().map(|(slug, _)| slug.clone()).collect(),
            read: seen
                .iter()
                .filter(|s| matches!(s, Seen::Read { .. }))
                .count(),
            ..Found::default()
        };
        found.entries = firsts
            .into_iter()
            .map(|(i, (n, source, target))| {
                self.entry(u32::try_from(i).unwrap_or(u32::MAX), n, source, target)
            })
            .collect();
        self.add_known(&mut found);

        // What is saved: the changes, with the articles read whose files had settled and the
        // articles gone; the articles to look at again next time.
        let mut fresh = Vec::new();
        let mut unsettled = Vec::new();
        for ((slug, _), seen) in candidates.iter().zip(&seen) {
            match seen {
                Seen::Gone => fresh.push(View {
                    slug,
                    stamps: GONE,
                    segments: &[],
                }),
                Seen::Read {
                    hash,
                    settled: true,
                    segments,
                } => fresh.push(View {
                    slug,
                    stamps: *hash,
                    segments,
                }),
                Seen::Read { settled: false, .. } => unsettled.push(slug.as_str()),
                Seen::Unknown | Seen::Valid => {}
            }
        }
        let pending = self.pending(unsettled);
        self.save_named(index, changes, fresh, &pending);
        Ok(Some(found))
    }

    /// `stat`s the articles at the positions `which` of `candidates`, and reads those whose
    /// files changed since they were saved or that are to be read whatever their stamps.
    fn verify(
        &self,
        candidates: &[(String, Candidate)],
        which: &[usize],
        seen: &mut [Seen],
    ) -> Result<()> {
        let verified = map_ordered(which, |&i| {
            let (slug, candidate) = &candidates[i];
            Ok(match self.stamp_of(slug)? {
                None => Seen::Gone,
                Some((hash, settled))
                    if settled && !candidate.read && candidate.saved == Some(hash) =>
                {
                    Seen::Valid
                }
                Some((hash, settled)) => Seen::Read {
                    hash,
                    settled,
                    segments: translated(
                        self.ws,
                        &self.ws.load_article(&Slug::parse(slug)?)?,
                        self.lang,
                    )?,
                },
            })
        })?;
        for (&i, v) in which.iter().zip(verified) {
            seen[i] = v;
        }
        Ok(())
    }

    /// The first two places of every group, as far as they are known to hold, with the
    /// candidate each comes from; and the candidates not yet `stat`ed that stand before them.
    fn first_places(
        &self,
        candidates: &[(String, Candidate)],
        seen: &[Seen],
    ) -> (Vec<(usize, Segment)>, Vec<usize>) {
        // (grouped by source or translation, its hash, the other hash) -> (candidate, n).
        let mut groups: HashMap<(bool, u64, u64), Vec<(usize, u32)>> = HashMap::new();
        for (i, ((_, candidate), seen)) in candidates.iter().zip(seen).enumerate() {
            let segments: &[Segment] = match seen {
                Seen::Gone => &[],
                Seen::Read { segments, .. } => segments,
                Seen::Unknown | Seen::Valid => &candidate.hits,
            };
            for &(n, source, target) in segments {
                if self.wanted.sources.contains(&(self.l, source)) {
                    groups
                        .entry((true, source, target))
                        .or_default()
                        .push((i, n));
                }
                if self.wanted.targets.contains(&(self.l, target)) {
                    groups
                        .entry((false, target, source))
                        .or_default()
                        .push((i, n));
                }
            }
        }
        let mut firsts = Vec::new();
        let mut unknown = Vec::new();
        for ((by_source, hash, other), mut places) in groups {
            places.sort_unstable();
            places.dedup();
            let mut held = 0;
            for (i, n) in places {
                if held == 2 {
                    break;
                }
                match seen[i] {
                    // Held if its files have not changed: looked at first.
                    Seen::Unknown => {
                        held += 1;
                        unknown.push(i);
                    }
                    Seen::Gone => {}
                    Seen::Valid | Seen::Read { .. } => {
                        held += 1;
                        let (source, target) = if by_source {
                            (hash, other)
                        } else {
                            (other, hash)
                        };
                        firsts.push((i, (n, source, target)));
                    }
                }
            }
        }
        unknown.sort_unstable();
        unknown.dedup();
        (firsts, unknown)
    }

    /// The articles a [`Scope::Named`] lookup looks at, sorted by name: those the index or the
    /// changes name for a wanted text, those pending, and those the caller writes, but not the
    /// one it holds. None if the index does not read back as written.
    fn candidates(&self, index: &IndexFile, changes: &Changes) -> Option<Vec<(String, Candidate)>> {
        let in_changes: HashMap<&str, usize> = changes
            .saved
            .iter()
            .enumerate()
            .map(|(k, saved)| (saved.slug.as_str(), k))
            .collect();
        let mut candidates: std::collections::BTreeMap<String, Candidate> =
            std::collections::BTreeMap::new();
        for (order, hashes) in [
            (Order::Source, self.wanted.sources_in(self.l)),
            (Order::Target, self.wanted.targets_in(self.l)),
        ] {
            for wanted in hashes {
                for (other, k, n) in index.group(order, wanted)? {
                    let &(_, stamps) = index.articles.get(k as usize)?;
                    let name = index.name(k as usize);
                    // The changes hold the article as read since.
                    if in_changes.contains_key(name) {
                        continue;
                    }
                    let (source, target) = match order {
                        Order::Source => (wanted, other),
                        Order::Target => (other, wanted),
                    };
                    let candidate = candidates.entry(name.to_owned()).or_default();
                    candidate.saved = Some(stamps);
                    candidate.hits.push((n, source, target));
                }
            }
        }
        for saved in &changes.saved {
            let hits: Vec<Segment> = saved
                .segments
                .iter()
                .copied()
                .filter(|&(n, source, target)| self.wanted.keeps(&self.entry(0, n, source, target)))
                .collect();
            if !hits.is_empty() {
                let candidate = candidates.entry(saved.slug.clone()).or_default();
                candidate.saved = Some(saved.stamps);
                candidate.hits = hits;
            }
        }
        for slug in changes.pending.iter().chain(&self.wanted.writes) {
            candidates.entry(slug.clone()).or_default().read = true;
        }
        // The caller's units stand for its article.
        if let Some(k) = self.known {
            candidates.remove(k.article.slug.as_str());
        }
        Some(candidates.into_iter().collect())
    }

    /// Saves what a [`Scope::Named`] lookup read (`fresh`) with the changes, or folds them
    /// into a new index once they have grown, and the articles `pending`.
    fn save_named(
        &self,
        index: &IndexFile,
        changes: &Changes,
        fresh: Vec<View<'_>>,
        pending: &[String],
    ) {
        if self.ws.check_inside(&paths(self.lang).0).is_err() {
            return;
        }
        let (index_path, changes_path) = paths(self.lang);
        let any = !fresh.is_empty();
        let mut saved: Vec<View<'_>> = changes
            .saved
            .iter()
            .map(Saved::view)
            .filter(|v| !fresh.iter().any(|f| f.slug == v.slug))
            .collect();
        saved.extend(fresh);
        saved.sort_unstable_by(|a, b| a.slug.cmp(b.slug));
        if saved.len() > self.settings.merge_at.max(index.articles.len() / 16) {
            let superseded: std::collections::HashSet<&str> =
                saved.iter().map(|v| v.slug).collect();
            let Some(kept) = index.articles_as_saved(|k| !superseded.contains(index.name(k)))
            else {
                return;
            };
            let mut all: Vec<View<'_>> = kept.iter().map(Saved::view).collect();
            all.extend(saved.into_iter().filter(|v| v.stamps != GONE));
            all.sort_unstable_by(|a, b| a.slug.cmp(b.slug));
            write_index(&self.ws.abs(&index_path), &self.key, &all);
            self.only_pending(&changes_path, pending);
        } else if any || pending != changes.pending {
            write_changes(&self.ws.abs(&changes_path), &self.key, &saved, pending);
        }
    }

    /// The hash of the stamps of the files of the article `slug`, as [`Lookup::stamps`] gives
    /// them, with whether they had all settled; None if its source is gone.
    fn stamp_of(&self, slug: &str) -> Result<Option<(u64, bool)>> {
        let Ok(slug) = Slug::parse(slug) else {
            return Ok(None);
        };
        // The first source file that exists, one `stat` for most: two source files for one
        // article are an error when it is read, and for `sync` and `qa`, which list them.
        for ext in crate::workspace::SOURCE_EXTENSIONS {
            let source = self.ws.sources_dir().join(slug.with_extension(ext));
            match std::fs::metadata(self.ws.abs(&source)) {
                Ok(meta) if meta.is_file() => {
                    return Ok(Some(self.stamp_files(&slug, Stamp::of(&meta), ext)?));
                }
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(Error::Read {
                        path: source,
                        source: e,
                    });
                }
            }
        }
        Ok(None)
    }

    /// The hash of `source` and of the stamps of the files [`Workspace::read_stored`] reads
    /// for the article `slug` (the translation file, or the record and the page), with
    /// whether they had all settled.
    fn stamp_files(&self, slug: &Slug, source: Stamp, ext: &str) -> Result<(u64, bool)> {
        let ws = self.ws;
        let stamp = |path: &Path| match std::fs::metadata(ws.abs(path)) {
            Ok(meta) => Ok(Some(Stamp::of(&meta))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Read {
                path: path.to_owned(),
                source,
            }),
        };
        let mut hasher = DefaultHasher::new();
        source.hash(&mut hasher);
        let mut settled = source.settled(self.settings.at);
        let page = ws.page_path_with(self.lang, slug, ext);
        for path in std::iter::once(ws.translation_path(self.lang, slug)).chain(page) {
            let stamp = stamp(&path)?;
            stamp.hash(&mut hasher);
            settled &= stamp.is_none_or(|s| s.settled(self.settings.at));
        }
        Ok((hasher.finish(), settled))
    }

    /// After a new index is written: changes that hold only `pending`, or none.
    fn only_pending(&self, changes_path: &Path, pending: &[String]) {
        if pending.is_empty() {
            let _ = std::fs::remove_file(self.ws.abs(changes_path));
        } else {
            write_changes(&self.ws.abs(changes_path), &self.key, &[], pending);
        }
    }

    /// Adds the entries of the caller's units, under a name of their own.
    fn add_known(&self, found: &mut Found) {
        let Some(k) = self.known else {
            return;
        };
        let article = u32::try_from(found.names.len()).unwrap_or(u32::MAX);
        found.names.push(k.article.slug.as_str().to_owned());
        for (segment, unit) in k.article.segments.iter().zip(k.units) {
            if unit.has_target() {
                let n = u32::try_from(segment.n).unwrap_or(u32::MAX);
                let e = self.entry(
                    article,
                    n,
                    super::source_hash(&segment.text),
                    hash(&unit.target),
                );
                if self.wanted.keeps(&e) {
                    found.entries.push(e);
                }
            }
        }
    }

    /// A [`Scope::Every`] lookup, with the saved `index` if it reads back as written.
    fn every(&self, mut index: Option<IndexFile>, changes: &Changes) -> Result<Found> {
        let sources = self.sources()?;
        let stamps = self.stamps(sources)?;
        let (from, mut entries) = loop {
            let from = self.sort_out(sources, index.as_ref(), &changes.saved, &stamps);
            match self.in_index(index.as_ref(), &from) {
                Some(entries) => break (from, entries),
                // An index that does not read back as written is as no index: the entries
                // come from the files instead.
                None => index = None,
            }
        };
        let reads: Vec<usize> = (0..from.len())
            .filter(|&i| matches!(from[i], From::Read))
            .collect();
        // The segments of the articles read, one after the other, held by this thread: each
        // file is read on a worker thread, and what is kept must not pin the memory of the
        // workers' buffers.
        let mut read = Read {
            segments: Vec::new(),
            ends: Vec::with_capacity(reads.len()),
        };
        for chunk in reads.chunks(64) {
            for segments in map_ordered(chunk, |&i| {
                translated(self.ws, &self.ws.load_article(&sources[i].0)?, self.lang)
            })? {
                read.segments.extend(segments);
                read.ends.push(read.segments.len());
            }
        }
        let keeps = |e: &Entry| self.wanted.keeps(e);
        let article = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        for (i, here) in from.iter().enumerate() {
            if let From::Changes(k) = *here {
                entries.extend(
                    changes.saved[k]
                        .segments
                        .iter()
                        .map(|&(n, source, target)| self.entry(article(i), n, source, target))
                        .filter(keeps),
                );
            }
        }
        for (j, &i) in reads.iter().enumerate() {
            let segments = read.of(j);
            entries.extend(
                segments
                    .iter()
                    .map(|&(n, source, target)| self.entry(article(i), n, source, target))
                    .filter(keeps),
            );
        }
        // Only the articles the entries name.
        let mut named: Vec<u32> = entries.iter().map(|e| e.article).collect();
        named.sort_unstable();
        named.dedup();
        for e in &mut entries {
            e.article =
                u32::try_from(named.binary_search(&e.article).unwrap_or(0)).unwrap_or(u32::MAX);
        }
        let mut found = Found {
            entries,
            names: named
                .iter()
                .map(|&i| sources[i as usize].0.as_str().to_owned())
                .collect(),
            read: reads.len(),
        };
        // The caller's units stand for its article, which was not read.
        self.add_known(&mut found);
        self.save(
            sources,
            index.as_ref(),
            &from,
            changes,
            &stamps,
            &reads,
            &read,
        );
        Ok(found)
    }

    /// Where each current article's entries come from: the caller's units, the changes or
    /// the index when its files have the stamps saved with it, otherwise its files.
    fn sort_out(
        &self,
        sources: &[(Slug, Stamp, &'static str)],
        index: Option<&IndexFile>,
        changes: &[Saved],
        stamps: &[(u64, bool)],
    ) -> Vec<From> {
        let by_slug: HashMap<&str, usize> = changes
            .iter()
            .enumerate()
            .map(|(k, saved)| (saved.slug.as_str(), k))
            .collect();
        // Both lists are sorted by name.
        let mut saved = index
            .map_or(&[][..], |i| &i.articles[..])
            .iter()
            .enumerate()
            .map(|(k, (_, stamps))| (k, index.map_or("", |i| i.name(k)), *stamps));
        let mut next = saved.next();
        let mut from = Vec::with_capacity(sources.len());
        for (i, (slug, _, _)) in sources.iter().enumerate() {
            while next.is_some_and(|(_, name, _)| name < slug.as_str()) {
                next = saved.next();
            }
            let (hash, settled) = stamps[i];
            let recorded = by_slug
                .get(slug.as_str())
                .copied()
                .filter(|&k| settled && changes[k].stamps == hash);
            let here = if self.known.is_some_and(|k| k.article.slug == *slug) {
                From::Known(recorded)
            } else if !settled {
                From::Read
            } else if let Some(k) = recorded {
                From::Changes(k)
            } else if let Some((k, _, _)) =
                next.filter(|&(_, name, stamps)| name == slug.as_str() && stamps == hash)
            {
                From::Index(u32::try_from(k).unwrap_or(u32::MAX))
            } else {
                From::Read
            };
            from.push(here);
        }
        from
    }

    fn entry(&self, article: u32, n: u32, source: u64, target: u64) -> Entry {
        Entry {
            lang: self.l,
            source,
            target,
            article,
            n,
        }
    }

    /// The hash of the stamps of each article's files, with whether they had all settled
    /// ([`Lookup::stamp_files`]), one `stat` each, on every core.
    fn stamps(&self, sources: &[(Slug, Stamp, &'static str)]) -> Result<Vec<(u64, bool)>> {
        use rayon::prelude::*;
        sources
            .par_iter()
            .map(|(slug, source, ext)| self.stamp_files(slug, *source, ext))
            // The first error in the articles' order, whatever the scheduling.
            .collect::<Vec<Result<_>>>()
            .into_iter()
            .collect()
    }

    /// The entries of the index's articles still as saved whose source or translation is
    /// wanted.
    /// None if the index does not read back as written.
    fn in_index(&self, index: Option<&IndexFile>, from: &[From]) -> Option<Vec<Entry>> {
        let Some(index) = index else {
            return Some(Vec::new());
        };
        // Index article -> current article, for those still as saved.
        let mut current = vec![u32::MAX; index.articles.len()];
        for (i, here) in from.iter().enumerate() {
            if let From::Index(k) = *here {
                current[k as usize] = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
        let mut entries = Vec::new();
        for (order, hashes) in [
            (Order::Source, self.wanted.sources_in(self.l)),
            (Order::Target, self.wanted.targets_in(self.l)),
        ] {
            for wanted in hashes {
                for (other, article, n) in index.group(order, wanted)? {
                    let Some(&i) = current.get(article as usize).filter(|&&i| i != u32::MAX) else {
                        continue;
                    };
                    let (source, target) = match order {
                        Order::Source => (wanted, other),
                        Order::Target => (other, wanted),
                    };
                    entries.push(self.entry(i, n, source, target));
                }
            }
        }
        Some(entries)
    }

    /// Saves what was read: in the changes, or, when there is no index yet or the changes
    /// have grown, in a new index; and the articles to look at again next time.
    #[allow(clippy::too_many_arguments)]
    fn save(
        &self,
        sources: &[(Slug, Stamp, &'static str)],
        index: Option<&IndexFile>,
        from: &[From],
        changes: &Changes,
        stamps: &[(u64, bool)],
        reads: &[usize],
        read: &Read,
    ) {
        if self.ws.check_inside(&paths(self.lang).0).is_err() {
            return;
        }
        let (index_path, changes_path) = paths(self.lang);
        // The articles read whose files had settled, and the changes still as on disk.
        let mut kept: Vec<View<'_>> = reads
            .iter()
            .enumerate()
            .filter(|&(_, &i)| stamps[i].1)
            .map(|(j, &i)| View {
                slug: sources[i].0.as_str(),
                stamps: stamps[i].0,
                segments: read.of(j),
            })
            .collect();
        let fresh = kept.len();
        kept.extend(from.iter().filter_map(|here| match *here {
            From::Changes(k) | From::Known(Some(k)) => Some(changes.saved[k].view()),
            _ => None,
        }));
        kept.sort_unstable_by(|a, b| a.slug.cmp(b.slug));
        // The pending articles are kept: one written by a command that ran while these files
        // were being stamped is pending on disk by now, and only a lookup about one article,
        // which runs under the workspace lock as its command writes, lets them go.
        let on_disk = read_changes(&self.ws.abs(&changes_path), &self.key).unwrap_or_default();
        let mut pending = self.pending(
            reads
                .iter()
                .filter(|&&i| !stamps[i].1)
                .map(|&i| sources[i].0.as_str())
                .chain(changes.pending.iter().map(String::as_str))
                .chain(on_disk.pending.iter().map(String::as_str)),
        );
        pending.retain(|slug| {
            sources
                .binary_search_by(|(s, _, _)| s.as_str().cmp(slug))
                .is_ok()
        });
        let Some(index) = index else {
            if !kept.is_empty() {
                write_index(&self.ws.abs(&index_path), &self.key, &kept);
                self.only_pending(&changes_path, &pending);
            }
            return;
        };
        if kept.len() > self.settings.merge_at.max(index.articles.len() / 16) {
            // Folded into a new index with the index's articles still as saved.
            let mut as_saved = vec![false; index.articles.len()];
            for here in from {
                if let From::Index(k) = *here {
                    as_saved[k as usize] = true;
                }
            }
            let Some(saved) = index.articles_as_saved(|k| as_saved[k]) else {
                return;
            };
            let mut all: Vec<View<'_>> = saved.iter().map(Saved::view).collect();
            all.extend(kept);
            all.sort_unstable_by(|a, b| a.slug.cmp(b.slug));
            write_index(&self.ws.abs(&index_path), &self.key, &all);
            self.only_pending(&changes_path, &pending);
        } else if fresh > 0 || kept.len() != changes.saved.len() || pending != changes.pending {
            write_changes(&self.ws.abs(&changes_path), &self.key, &kept, &pending);
        }
    }
}

/// The segments of the articles a lookup read, in the order of its reads.
#[derive(Debug)]
struct Read {
    segments: Vec<Segment>,
    /// Where each article's segments end in `segments`.
    ends: Vec<usize>,
}

impl Read {
    /// The segments of the `j`-th article read.
    fn of(&self, j: usize) -> &[Segment] {
        let start = if j == 0 { 0 } else { self.ends[j - 1] };
        &self.segments[start..self.ends[j]]
    }
}

/// Which grouping of the index a lookup reads.
#[derive(Debug, Clone, Copy)]
enum Order {
    Source,
    Target,
}

/// An opened index file: its header and articles read, its entries read a group at a time.
#[derive(Debug)]
struct IndexFile {
    file: std::fs::File,
    /// The table of articles as read: each one's name and the hash of its files' stamps.
    table: Vec<u8>,
    /// Where each article's name is in `table`, and the hash of its files' stamps, sorted by
    /// name.
    articles: Vec<(std::ops::Range<usize>, u64)>,
    entries: u64,
    bits: u32,
    /// Where the table of groups by source starts.
    by_source: u64,
}

impl IndexFile {
    /// Opens the index at `path` if it exists, was made for `key` and has the length its
    /// header gives.
    fn open(path: &Path, key: &[u8; 32]) -> Option<Self> {
        use std::io::Read as _;
        let file = std::fs::File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        let mut reader = std::io::BufReader::with_capacity(256 * 1024, &file);
        let mut header = [0u8; HEADER];
        reader.read_exact(&mut header).ok()?;
        if &header[..8] != INDEX_MAGIC || header[8..40] != key[..] {
            return None;
        }
        let count = u32_at(&header, 40)?;
        let entries = u64::from(u32_at(&header, 44)?);
        let bits = u32_at(&header, 48)?;
        let table = u64_at(&header, 52)?;
        if bits > 24 {
            return None;
        }
        let groups = (1u64 << bits) + 1;
        let expected = HEADER as u64 + table + 2 * (groups * 4 + entries * RECORD as u64);
        if len != expected {
            return None;
        }
        let mut bytes = vec![0u8; usize::try_from(table).ok()?];
        reader.read_exact(&mut bytes).ok()?;
        let mut articles = Vec::with_capacity(count as usize);
        let mut at = 0;
        let mut last: &str = "";
        for _ in 0..count {
            let slug_len = usize::from(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
            at += 2;
            let slug = std::str::from_utf8(bytes.get(at..at + slug_len)?).ok()?;
            // Sorted, each name once: the lookups merge them with the sources' names.
            if !articles.is_empty() && slug <= last {
                return None;
            }
            last = slug;
            let stamps = u64_at(&bytes, at + slug_len)?;
            articles.push((at..at + slug_len, stamps));
            at += slug_len + 8;
        }
        if at != bytes.len() {
            return None;
        }
        drop(reader);
        Some(Self {
            file,
            table: bytes,
            articles,
            entries,
            bits,
            by_source: HEADER as u64 + table,
        })
    }

    /// The name of the article at position `k`.
    fn name(&self, k: usize) -> &str {
        // Checked to be UTF-8 when opened.
        self.articles
            .get(k)
            .and_then(|(range, _)| std::str::from_utf8(&self.table[range.clone()]).ok())
            .unwrap_or_default()
    }

    /// Where the table of groups of `order` starts, and its entries.
    fn section(&self, order: Order) -> (u64, u64) {
        let groups = (1u64 << self.bits) + 1;
        let size = groups * 4 + self.entries * RECORD as u64;
        let table = match order {
            Order::Source => self.by_source,
            Order::Target => self.by_source + size,
        };
        (table, table + groups * 4)
    }

    /// The entries whose hash of `order` is `wanted`: (the other hash, article, position).
    /// None if the file does not read back as written.
    fn group(&self, order: Order, wanted: u64) -> Option<Vec<(u64, u32, u32)>> {
        let (table, records) = self.section(order);
        let g = group_of(wanted, self.bits);
        let mut bounds = [0u8; 8];
        read_at(&self.file, &mut bounds, table + g * 4)?;
        let start = u64::from(u32_at(&bounds, 0)?);
        let end = u64::from(u32_at(&bounds, 4)?);
        if start > end || end > self.entries {
            return None;
        }
        let mut bytes = vec![0u8; usize::try_from((end - start) * RECORD as u64).ok()?];
        read_at(&self.file, &mut bytes, records + start * RECORD as u64)?;
        let mut out = Vec::new();
        for record in bytes.chunks_exact(RECORD) {
            if u64_at(record, 0)? == wanted {
                out.push((u64_at(record, 8)?, u32_at(record, 16)?, u32_at(record, 20)?));
            }
        }
        Some(out)
    }

    /// The articles of the index at the positions `keep` accepts, with their entries, read
    /// from the grouping by source. None if the file does not read back.
    fn articles_as_saved(&self, keep: impl Fn(usize) -> bool) -> Option<Vec<Saved>> {
        let mut kept: Vec<Option<Saved>> = vec![None; self.articles.len()];
        for (k, (_, stamps)) in self.articles.iter().enumerate() {
            if keep(k) {
                kept[k] = Some(Saved {
                    slug: self.name(k).to_owned(),
                    stamps: *stamps,
                    segments: Vec::new(),
                });
            }
        }
        let (_, records) = self.section(Order::Source);
        let mut bytes = vec![0u8; usize::try_from(self.entries * RECORD as u64).ok()?];
        read_at(&self.file, &mut bytes, records)?;
        for record in bytes.chunks_exact(RECORD) {
            let article = u32_at(record, 16)? as usize;
            if let Some(Some(saved)) = kept.get_mut(article) {
                saved
                    .segments
                    .push((u32_at(record, 20)?, u64_at(record, 0)?, u64_at(record, 8)?));
            }
        }
        Some(kept.into_iter().flatten().collect())
    }
}

/// The group of `hash` among `2^bits`: its top bits.
fn group_of(hash: u64, bits: u32) -> u64 {
    if bits == 0 { 0 } else { hash >> (64 - bits) }
}

fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> Option<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt as _;
        file.read_exact_at(buf, offset).ok()
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read as _, Seek as _};
        let mut file = file;
        file.seek(std::io::SeekFrom::Start(offset)).ok()?;
        file.read_exact(buf).ok()
    }
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

/// Writes `bytes` to `path` through a temporary file renamed onto it; a failure only costs
/// time on the next command.
fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) {
    let Some(dir) = path.parent() else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let Ok(temp) = tempfile::Builder::new()
        .prefix(&crate::model::leftovers::prefix())
        .suffix(crate::model::leftovers::suffix())
        .tempfile_in(dir)
    else {
        return;
    };
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, temp.as_file());
    if fill(&mut out).and_then(|()| out.flush()).is_ok() {
        drop(out);
        let _ = temp.persist(path);
    }
}

/// Writes an index of `articles` (sorted by name) for `key` at `path`.
fn write_index(path: &Path, key: &[u8; 32], articles: &[View<'_>]) {
    let Ok(count) = u32::try_from(articles.len()) else {
        return;
    };
    // (hash grouped by, other hash, article, position), grouped by source, then by target;
    // sized at once: grown by doubling, it could hold twice the entries.
    let mut records = Vec::with_capacity(articles.iter().map(|a| a.segments.len()).sum());
    let mut table = Vec::new();
    for (k, saved) in (0u32..).zip(articles) {
        let Ok(len) = u16::try_from(saved.slug.len()) else {
            return;
        };
        table.extend_from_slice(&len.to_le_bytes());
        table.extend_from_slice(saved.slug.as_bytes());
        table.extend_from_slice(&saved.stamps.to_le_bytes());
        records.extend(
            saved
                .segments
                .iter()
                .map(|&(n, source, target)| (source, target, k, n)),
        );
    }
    let Ok(entries) = u32::try_from(records.len()) else {
        return;
    };
    // About 32 entries a group.
    let bits = (u64::from(entries) / 32)
        .checked_ilog2()
        .map_or(0, |b| b + 1)
        .min(24);
    write_atomically(path, |out| {
        out.write_all(INDEX_MAGIC)?;
        out.write_all(key)?;
        out.write_all(&count.to_le_bytes())?;
        out.write_all(&entries.to_le_bytes())?;
        out.write_all(&bits.to_le_bytes())?;
        out.write_all(&(table.len() as u64).to_le_bytes())?;
        out.write_all(&table)?;
        for grouping in 0..2 {
            if grouping == 1 {
                // The same records with their two hashes swapped: grouped by target.
                for r in &mut records {
                    (r.0, r.1) = (r.1, r.0);
                }
            }
            records.sort_unstable();
            let mut start = 0usize;
            for g in 0..=(1u64 << bits) {
                while start < records.len() && group_of(records[start].0, bits) < g {
                    start += 1;
                }
                let start = u32::try_from(start).unwrap_or(u32::MAX);
                out.write_all(&start.to_le_bytes())?;
            }
            for &(grouped, other, k, n) in &records {
                out.write_all(&grouped.to_le_bytes())?;
                out.write_all(&other.to_le_bytes())?;
                out.write_all(&k.to_le_bytes())?;
                out.write_all(&n.to_le_bytes())?;
            }
        }
        Ok(())
    });
}

/// The changes file: the articles read again since the index was written, and the articles
/// to look at again whatever their stamps (written by a command after its lookup).
#[derive(Debug, Default)]
struct Changes {
    saved: Vec<Saved>,
    /// Sorted.
    pending: Vec<String>,
}

/// Reads a name: its length on two bytes, then its bytes.
fn name_at(bytes: &[u8], at: &mut usize) -> Option<String> {
    let len = usize::from(u16::from_le_bytes(
        bytes.get(*at..*at + 2)?.try_into().ok()?,
    ));
    *at += 2;
    let name = std::str::from_utf8(bytes.get(*at..*at + len)?)
        .ok()?
        .to_owned();
    *at += len;
    Some(name)
}

/// Reads the changes at `path`, if it exists, was made for `key` and reads back whole.
fn read_changes(path: &Path, key: &[u8; 32]) -> Option<Changes> {
    let bytes = std::fs::read(path).ok()?;
    if bytes.get(..8)? != CHANGES_MAGIC || bytes.get(8..40)? != key {
        return None;
    }
    let count = u32_at(&bytes, 40)?;
    let mut at = 44;
    let mut changes = Changes::default();
    for _ in 0..count {
        let slug = name_at(&bytes, &mut at)?;
        let stamps = u64_at(&bytes, at)?;
        let segments = u32_at(&bytes, at + 8)?;
        at += 12;
        let mut saved = Saved {
            slug,
            stamps,
            segments: Vec::with_capacity(segments.min(1 << 16) as usize),
        };
        for _ in 0..segments {
            saved.segments.push((
                u32_at(&bytes, at)?,
                u64_at(&bytes, at + 4)?,
                u64_at(&bytes, at + 12)?,
            ));
            at += 20;
        }
        changes.saved.push(saved);
    }
    let pending = u32_at(&bytes, at)?;
    at += 4;
    for _ in 0..pending {
        changes.pending.push(name_at(&bytes, &mut at)?);
    }
    (at == bytes.len()).then_some(changes)
}

/// Writes `changes` and `pending` for `key` at `path`.
fn write_changes(path: &Path, key: &[u8; 32], changes: &[View<'_>], pending: &[String]) {
    let (Ok(count), Ok(pending_count)) =
        (u32::try_from(changes.len()), u32::try_from(pending.len()))
    else {
        return;
    };
    let invalid = || std::io::Error::from(std::io::ErrorKind::InvalidInput);
    let name = |out: &mut dyn std::io::Write, name: &str| {
        let len = u16::try_from(name.len()).map_err(|_| invalid())?;
        out.write_all(&len.to_le_bytes())?;
        out.write_all(name.as_bytes())
    };
    write_atomically(path, |out| {
        out.write_all(CHANGES_MAGIC)?;
        out.write_all(key)?;
        out.write_all(&count.to_le_bytes())?;
        for saved in changes {
            let segments = u32::try_from(saved.segments.len()).map_err(|_| invalid())?;
            name(out, saved.slug)?;
            out.write_all(&saved.stamps.to_le_bytes())?;
            out.write_all(&segments.to_le_bytes())?;
            for &(n, source, target) in saved.segments {
                out.write_all(&n.to_le_bytes())?;
                out.write_all(&source.to_le_bytes())?;
                out.write_all(&target.to_le_bytes())?;
            }
        }
        out.write_all(&pending_count.to_le_bytes())?;
        for slug in pending {
            name(out, slug)?;
        }
        Ok(())
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segment::segment;
    use crate::model::translation::{TranslationFile, Unit};
    use crate::qa::Place;

    const SHARED: &str = "The council met on Monday to discuss the budget.";
    const MAYOR: &str = "The mayor thanked everyone for coming.";

    fn write(dir: &Path, rel: &str, text: &str) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// Article `k`: a heading of its own, the shared paragraph, one of two catches, the mayor.
    fn source(k: usize) -> String {
        let catch = if k.is_multiple_of(2) {
            "fallen"
        } else {
            "risen"
        };
        format!("# Article {k}\n\n{SHARED}\n\nFishermen said the catch has {catch}.\n\n{MAYOR}\n")
    }

    /// Its French file: the shared paragraph translated two ways, both catches one way in
    /// some articles (the same translation for different texts), `extra` added to each.
    fn translation(slug: &str, k: usize, extra: &str) -> String {
        let mut file = TranslationFile::new(slug, "fr");
        file.units = segment(&source(k))
            .into_iter()
            .map(|s| {
                let target = match s.text.as_str() {
                    SHARED if k.is_multiple_of(3) => "Le conseil s'est réuni lundi.".to_owned(),
                    SHARED => "Le conseil a siégé lundi.".to_owned(),
                    MAYOR => "Le maire a remercié tout le monde.".to_owned(),
                    text if text.starts_with("Fishermen") && k % 4 == 1 => {
                        "Les pêcheurs ont parlé.".to_owned()
                    }
                    text => format!("fr {text}"),
                };
                Unit {
                    id: s.id,
                    source: s.text,
                    target: format!("{target}{extra}"),
                    state: None,
                    comment: None,
                }
            })
            .collect();
        file.to_json()
    }

    fn slug(k: usize) -> String {
        if k.is_multiple_of(2) {
            format!("a{k}")
        } else {
            format!("deep/er/a{k}")
        }
    }

    fn workspace(articles: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        write(
            dir.path(),
            "bitext.toml",
            "source = \"en\"\ntargets = [\"fr\"]\n",
        );
        for k in 0..articles {
            let slug = slug(k);
            write(dir.path(), &format!("sources/{slug}.md"), &source(k));
            write(
                dir.path(),
                &format!("translations/fr/{slug}.json"),
                &translation(&slug, k, ""),
            );
        }
        dir
    }

    /// What an import of article 0 may check: its texts against every translation above
    /// and one of its own.
    fn wanted() -> (Wanted, Vec<(String, usize)>, Vec<String>) {
        let sources: Vec<(String, usize)> = segment(&source(0))
            .into_iter()
            .map(|s| (s.text, s.n))
            .collect();
        let mut targets: Vec<String> = (0..6)
            .flat_map(|k| {
                let file: TranslationFile =
                    serde_json::from_str(&translation(&slug(k), k, "")).expect("json");
                file.units.into_iter().map(|u| u.target)
            })
            .collect();
        targets.push("Le conseil s'est réuni lundi, enfin.".to_owned());
        targets.sort();
        targets.dedup();
        let mut wanted = Wanted::default();
        wanted.add_all(
            0,
            sources.iter().map(|(text, _)| text.as_str()),
            targets.iter().map(String::as_str),
        );
        (wanted, sources, targets)
    }

    /// Every finding of the consistency check on each pair of `sources` × `targets` at its
    /// place in article 0.
    fn findings(
        index: &Index,
        sources: &[(String, usize)],
        targets: &[String],
    ) -> Vec<(usize, String, &'static str, String)> {
        let fr = Lang::parse("fr").expect("fr");
        let mut out = Vec::new();
        for (source, n) in sources {
            for target in targets {
                let none = crate::model::definitions::Definitions::default();
                let place = Place::new("a0", *n, &none);
                for f in index.check(source, target, &fr, Some(place)) {
                    let arg = f.args.first().map(|(_, v)| v.clone()).unwrap_or_default();
                    out.push((*n, target.clone(), f.message_id, arg));
                }
            }
        }
        out
    }

    /// Checks that the saved index, looking at every article, gives what reading every file
    /// gives; returns the number of articles read.
    #[track_caller]
    fn same(dir: &Path, known: Option<(&str, usize)>, merge_at: usize) -> usize {
        same_in(dir, known, merge_at, Scope::Every)
    }

    /// As [`same`], looking at the articles of `scope`.
    #[track_caller]
    fn same_in(dir: &Path, known: Option<(&str, usize)>, merge_at: usize, scope: Scope) -> usize {
        let ws = Workspace::open(Some(dir)).expect("workspace");
        let (wanted, sources, targets) = wanted();
        let fr = Lang::parse("fr").expect("fr");
        let held = known.map(|(extra, k)| {
            let slug = Slug::parse(&slug(k)).expect("slug");
            let article = ws.load_article(&slug).expect("article");
            let file: TranslationFile =
                serde_json::from_str(&translation(slug.as_str(), k, extra)).expect("json");
            (article, file.units)
        });
        let known = held.as_ref().map(|(article, units)| Known {
            article,
            lang: &fr,
            units,
        });
        // Later than every file by more than the margin: every stamp is trusted.
        let settings = Settings {
            at: now() + 10_000_000_000,
            merge_at,
        };
        let (saved, read) =
            load_with(&ws, &wanted, known.as_ref(), settings, scope, &[0]).expect("saved index");
        let full = Index::load_only_unsaved(&ws, &wanted, known.as_ref()).expect("index");
        let expected = findings(&full, &sources, &targets);
        assert_eq!(findings(&saved, &sources, &targets), expected);
        // The comparison means something: both kinds of finding are there.
        for kind in ["qa-inconsistent-source", "qa-inconsistent-target"] {
            assert!(expected.iter().any(|f| f.2 == kind), "{kind}: {expected:?}");
        }
        read
    }

    #[test]
    fn the_saved_index_gives_the_findings_of_every_file_reading_only_what_changed() {
        let dir = workspace(6);
        let root = dir.path();
        let index = root.join(".bitext-cache/consistency/fr.index");
        let changes = root.join(".bitext-cache/consistency/fr.changes");
        assert_eq!(
            same(root, None, MERGE_AT),
            6,
            "no index yet: every article is read"
        );
        assert!(index.is_file());
        assert_eq!(same(root, None, MERGE_AT), 0);

        // A translation edited in place (same inode, other size).
        let edited = translation(&slug(3), 3, " (revu)");
        write(root, "translations/fr/deep/er/a3.json", &edited);
        assert_eq!(same(root, None, MERGE_AT), 1);
        assert!(changes.is_file());
        assert_eq!(same(root, None, MERGE_AT), 0, "read from the changes");

        // An article added, then one removed, then the subject's own source edited.
        write(root, "sources/a6.md", &source(6));
        write(root, "translations/fr/a6.json", &translation("a6", 6, ""));
        assert_eq!(same(root, None, MERGE_AT), 1);
        std::fs::remove_file(root.join("sources/deep/er/a1.md")).expect("rm");
        assert_eq!(same(root, None, MERGE_AT), 0);
        write(
            root,
            "sources/a0.md",
            &format!("{}\nOne more.\n", source(0)),
        );
        assert_eq!(same(root, None, MERGE_AT), 1);

        // The caller's units stand for the subject's file, which is not read.
        assert_eq!(same(root, Some((" (nouveau)", 0)), MERGE_AT), 0);

        // Changes folded into the index.
        write(root, "translations/fr/a2.json", &translation("a2", 2, " !"));
        assert_eq!(same(root, None, 0), 1);
        let key = key(
            &config_digest(&Workspace::open(Some(root)).expect("ws")).expect("digest"),
            &Lang::parse("fr").expect("fr"),
        );
        let left = read_changes(&changes, &key).expect("changes");
        assert!(left.saved.is_empty(), "folded: {:?}", left.saved);
        // The article the caller held stays to be looked at by a lookup about one article.
        assert_eq!(left.pending, ["a0"]);
        assert_eq!(same(root, None, MERGE_AT), 0);

        // Another project file, a damaged index, a foreign one: every article read again.
        write(
            root,
            "bitext.toml",
            "source = \"en\"\ntargets = [\"fr\"]\n# edited\n",
        );
        assert_eq!(same(root, None, MERGE_AT), 6);
        let bytes = std::fs::read(&index).expect("index");
        std::fs::write(&index, &bytes[..bytes.len() - 1]).expect("truncate");
        assert_eq!(same(root, None, MERGE_AT), 6);
        std::fs::write(&index, "garbage").expect("garbage");
        assert_eq!(same(root, None, MERGE_AT), 6);
        assert_eq!(same(root, None, MERGE_AT), 0);
        // Group boundaries that point past the entries.
        let mut bytes = std::fs::read(&index).expect("index");
        let table = usize::try_from(u64_at(&bytes, 52).expect("table")).expect("size");
        bytes[HEADER + table..HEADER + table + 8].copy_from_slice(&[0xff; 8]);
        std::fs::write(&index, &bytes).expect("damage");
        assert_eq!(same(root, None, MERGE_AT), 6);
    }

    /// The articles a lookup of `scope` names in its entries, after a lookup at a time
    /// later than every file by more than the margin.
    fn named_articles(dir: &Path, scope: Scope) -> Vec<String> {
        let ws = Workspace::open(Some(dir)).expect("workspace");
        let (wanted, _, _) = wanted();
        let settings = Settings {
            at: now() + 10_000_000_000,
            merge_at: MERGE_AT,
        };
        load_with(&ws, &wanted, None, settings, scope, &[0])
            .expect("index")
            .0
            .articles
    }

    #[test]
    fn a_lookup_about_one_article_looks_at_the_articles_the_index_names_and_those_written() {
        let dir = workspace(6);
        let root = dir.path();
        let changes = root.join(".bitext-cache/consistency/fr.changes");
        assert_eq!(
            same(root, None, MERGE_AT),
            6,
            "no index yet: every article is read"
        );
        assert_eq!(same_in(root, None, MERGE_AT, Scope::Named), 0);

        // A translation edited in place in an article the index names for these texts.
        write(
            root,
            "translations/fr/deep/er/a3.json",
            &translation(&slug(3), 3, " (revu)"),
        );
        assert_eq!(same_in(root, None, MERGE_AT, Scope::Named), 1);
        assert_eq!(
            same_in(root, None, MERGE_AT, Scope::Named),
            0,
            "saved in the changes"
        );

        // The caller holds article 0 and writes it: not read now, read by the next lookup
        // whatever its stamps, then taken as saved.
        assert_eq!(
            same_in(root, Some((" (nouveau)", 0)), MERGE_AT, Scope::Named),
            0
        );
        write(
            root,
            "translations/fr/a0.json",
            &translation("a0", 0, " (nouveau)"),
        );
        assert_eq!(same_in(root, None, MERGE_AT, Scope::Named), 1);
        assert_eq!(same_in(root, None, MERGE_AT, Scope::Named), 0);

        // An article added outside bitext is not looked at until a workspace-wide lookup
        // brings the index up to date; then it is.
        write(root, "sources/a6.md", &source(6));
        write(root, "translations/fr/a6.json", &translation("a6", 6, ""));
        assert!(!named_articles(root, Scope::Named).contains(&"a6".to_owned()));
        assert!(named_articles(root, Scope::Every).contains(&"a6".to_owned()));
        assert!(named_articles(root, Scope::Named).contains(&"a6".to_owned()));
        assert_eq!(same_in(root, None, MERGE_AT, Scope::Named), 0);

        // A removed article is never named again.
        std::fs::remove_file(root.join("sources/deep/er/a1.md")).expect("rm");
        assert_eq!(same_in(root, None, MERGE_AT, Scope::Named), 0);
        assert!(!named_articles(root, Scope::Named).contains(&"deep/er/a1".to_owned()));

        // The changes folded into the index by a lookup about one article.
        write(root, "translations/fr/a2.json", &translation("a2", 2, " !"));
        assert_eq!(same_in(root, None, 0, Scope::Named), 1);
        assert!(!changes.exists());
        assert_eq!(same_in(root, None, MERGE_AT, Scope::Named), 0);
        assert_eq!(
            same(root, None, MERGE_AT),
            0,
            "the index is whole after folding"
        );
    }

    /// Of the places with one text and one other translation, only the first two can be
    /// named by a finding: an article further down is not looked at.
    #[test]
    fn a_lookup_about_one_article_looks_only_at_the_first_places_of_each_translation() {
        let dir = workspace(40);
        let root = dir.path();
        assert_eq!(same(root, None, MERGE_AT), 40);
        assert_eq!(same_in(root, None, MERGE_AT, Scope::Named), 0);
        // Article 36 holds the shared paragraph as articles 0 and 12 before it translate it,
        // and the other texts as articles before it do: rewritten (same content, new stamps),
        // it is not read by a lookup about one article, and read by one about every article.
        let path = "translations/fr/a36.json";
        let bytes = std::fs::read_to_string(root.join(path)).expect("read");
        std::fs::remove_file(root.join(path)).expect("rm");
        write(root, path, &bytes);
        assert_eq!(same_in(root, None, MERGE_AT, Scope::Named), 0);
        assert_eq!(same(root, None, MERGE_AT), 1);
        // Article 12, the second place of the shared paragraph's translation, is read.
        let path = "translations/fr/a12.json";
        let bytes = std::fs::read_to_string(root.join(path)).expect("read");
        std::fs::remove_file(root.join(path)).expect("rm");
        write(root, path, &bytes);
        assert_eq!(same_in(root, None, MERGE_AT, Scope::Named), 1);
    }

    #[test]
    fn files_changed_within_the_margin_are_read_every_time_and_never_saved() {
        let dir = workspace(3);
        let ws = Workspace::open(Some(dir.path())).expect("workspace");
        let (wanted, _, _) = wanted();
        for _ in 0..2 {
            let settings = Settings {
                at: now(),
                merge_at: MERGE_AT,
            };
            let (_, read) =
                load_with(&ws, &wanted, None, settings, Scope::Named, &[0]).expect("index");
            assert_eq!(read, 3);
        }
        assert!(!dir.path().join(".bitext-cache/consistency").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_cache_folder_leading_outside_the_workspace_is_neither_read_nor_written() {
        let dir = workspace(3);
        let outside = tempfile::tempdir().expect("outside");
        std::os::unix::fs::symlink(outside.path(), dir.path().join(".bitext-cache"))
            .expect("symlink");
        for _ in 0..2 {
            assert_eq!(same(dir.path(), None, MERGE_AT), 3);
        }
        assert!(!outside.path().join("consistency").exists());
    }

    /// Translations kept as pages: an article's entries come from its page (and record), and
    /// a page edited by hand is read again.
    #[test]
    fn with_translations_kept_as_pages_an_edited_page_is_read_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(
            root,
            "bitext.toml",
            "source = \"en\"\ntargets = [\"fr\"]\n\n[layout]\nsources = \"locale/en\"\n\
             translations = \"locale/{lang}\"\n",
        );
        let page = |k: usize, extra: &str| {
            let file: TranslationFile =
                serde_json::from_str(&translation(&slug(k), k, extra)).expect("json");
            let targets: Vec<String> = file.units.into_iter().map(|u| u.target).collect();
            format!("# {}\n\n{}\n", targets[0], targets[1..].join("\n\n"))
        };
        for k in 0..4 {
            write(root, &format!("locale/en/{}.md", slug(k)), &source(k));
            write(root, &format!("locale/fr/{}.md", slug(k)), &page(k, ""));
        }
        assert_eq!(same(root, None, MERGE_AT), 4);
        assert_eq!(same(root, None, MERGE_AT), 0);
        write(root, "locale/fr/deep/er/a3.md", &page(3, " (revu)"));
        assert_eq!(same(root, None, MERGE_AT), 1);
        assert_eq!(same(root, None, MERGE_AT), 0);
    }
}
