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
//! again since the index was written; it is folded into the index once it holds more than
//! [`MERGE_AT`] articles or a sixteenth of them.
//!
//! A command lists the sources and takes the stamp of each source and of each article's
//! translation file: one `stat` each, on every core, no reading. An article whose files have
//! the stamps it was saved with is taken as saved; any other is read (and saved in the
//! changes). An article is saved only when its files had settled
//! ([`crate::workspace::stamp::RACY`]) when they were stamped, so that an edit in place within
//! the same clock tick is never missed. So the entries a lookup gives are exactly those
//! [`super::Index::load_only_unsaved`] reads, and the findings the same. The `stat` of every
//! file is what this costs as the workspace grows: a folder's stamp would not show a file
//! edited in place (an editor that does not write a new file and rename it).
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
const CHANGES_MAGIC: &[u8; 8] = b"bxcchg01";

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
/// [`Index::load_only_with`] builds it, from the saved indexes where the files have not
/// changed, and the saved indexes brought up to date.
///
/// # Errors
/// As [`Index::load`], for the articles read.
pub(super) fn load(ws: &Workspace, wanted: &Wanted, known: Option<&Known<'_>>) -> Result<Index> {
    // Taken before any `stat`: what changed within the margin before it is not trusted.
    let settings = Settings {
        at: now(),
        merge_at: MERGE_AT,
    };
    Ok(load_with(ws, wanted, known, settings)?.0)
}

/// When a lookup happens, and how many changes it keeps before folding them into the index.
#[derive(Debug, Clone, Copy)]
struct Settings {
    /// Nanoseconds since the epoch, taken before the files are stamped.
    at: i128,
    /// See [`MERGE_AT`].
    merge_at: usize,
}

/// As [`load`], at the time and with the threshold of `settings`; also returns the number of
/// articles whose files were read.
fn load_with(
    ws: &Workspace,
    wanted: &Wanted,
    known: Option<&Known<'_>>,
    settings: Settings,
) -> Result<(Index, usize)> {
    let langs = ws.config.targets.clone();
    let wanted_langs: Vec<usize> = (0..langs.len()).filter(|&l| wanted.has_lang(l)).collect();
    let mut slugs = Vec::new();
    let mut entries = Vec::new();
    let mut read = 0;
    if !wanted_langs.is_empty() {
        let sources = ws.all_articles_stamped()?;
        let config = config_digest(ws)?;
        for &l in &wanted_langs {
            let lookup = Lookup {
                ws,
                lang: &langs[l],
                l: u16::try_from(l).unwrap_or(u16::MAX),
                sources: &sources,
                wanted,
                known: known.filter(|k| *k.lang == langs[l]),
                settings,
                key: key(&config, &langs[l]),
            };
            let (found, reads) = lookup.run()?;
            entries.extend(found);
            read += reads;
        }
        // An entry with both a wanted source and a wanted translation was found twice.
        entries.sort_unstable_by_key(|e| (e.lang, e.source, e.target, e.article, e.n));
        entries.dedup();
        // Only the articles the entries name, in the same order: the findings name the same.
        let mut named: Vec<u32> = entries.iter().map(|e| e.article).collect();
        named.sort_unstable();
        named.dedup();
        for e in &mut entries {
            e.article =
                u32::try_from(named.binary_search(&e.article).unwrap_or(0)).unwrap_or(u32::MAX);
        }
        slugs = named
            .iter()
            .map(|&i| sources[i as usize].0.to_string())
            .collect();
    }
    let mut index = Index::new(slugs, langs, entries);
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
    /// Every article, sorted, with its source's stamp and extension.
    sources: &'a [(Slug, Stamp, &'static str)],
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

impl Lookup<'_> {
    /// The entries wanted, and the number of articles read.
    fn run(&self) -> Result<(Vec<Entry>, usize)> {
        let stamps = self.stamps()?;
        let (index_path, changes_path) = paths(self.lang);
        // A cache folder that leads outside the workspace is neither read nor written.
        let inside = self.ws.check_inside(&index_path).is_ok();
        let mut index = inside
            .then(|| IndexFile::open(&self.ws.abs(&index_path), &self.key))
            .flatten();
        let changes = match &index {
            Some(_) => read_changes(&self.ws.abs(&changes_path), &self.key).unwrap_or_default(),
            None => Vec::new(),
        };
        let (from, mut entries) = loop {
            let from = self.sort_out(index.as_ref(), &changes, &stamps);
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
                translated(
                    self.ws,
                    &self.ws.load_article(&self.sources[i].0)?,
                    self.lang,
                )
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
                    changes[k]
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
        if let Some(k) = self.known
            && let Ok(i) = self
                .sources
                .binary_search_by(|(s, _, _)| s.cmp(&k.article.slug))
        {
            for (segment, unit) in k.article.segments.iter().zip(k.units) {
                if unit.has_target() {
                    let n = u32::try_from(segment.n).unwrap_or(u32::MAX);
                    let e = self.entry(
                        article(i),
                        n,
                        super::source_hash(&segment.text),
                        hash(&unit.target),
                    );
                    if keeps(&e) {
                        entries.push(e);
                    }
                }
            }
        }
        let count = reads.len();
        self.save(index.as_ref(), &from, &changes, &stamps, &reads, &read);
        Ok((entries, count))
    }

    /// Where each current article's entries come from: the caller's units, the changes or
    /// the index when its files have the stamps saved with it, otherwise its files.
    fn sort_out(
        &self,
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
        let mut from = Vec::with_capacity(self.sources.len());
        for (i, (slug, _, _)) in self.sources.iter().enumerate() {
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

    /// The hash of the stamps of each article's files, with whether they had all settled:
    /// its source's, and those of the files [`Workspace::read_stored`] reads for it (the
    /// translation file, or the record and the page), one `stat` each, on every core.
    fn stamps(&self) -> Result<Vec<(u64, bool)>> {
        use rayon::prelude::*;
        let ws = self.ws;
        let stamp = |path: &Path| match std::fs::metadata(ws.abs(path)) {
            Ok(meta) => Ok(Some(Stamp::of(&meta))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Read {
                path: path.to_owned(),
                source,
            }),
        };
        self.sources
            .par_iter()
            .map(|(slug, source, ext)| {
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
            })
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
    /// have grown, in a new index.
    fn save(
        &self,
        index: Option<&IndexFile>,
        from: &[From],
        changes: &[Saved],
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
                slug: self.sources[i].0.as_str(),
                stamps: stamps[i].0,
                segments: read.of(j),
            })
            .collect();
        let fresh = kept.len();
        kept.extend(from.iter().filter_map(|here| match *here {
            From::Changes(k) | From::Known(Some(k)) => Some(changes[k].view()),
            _ => None,
        }));
        kept.sort_unstable_by(|a, b| a.slug.cmp(b.slug));
        let Some(index) = index else {
            if !kept.is_empty() {
                write_index(&self.ws.abs(&index_path), &self.key, &kept);
                let _ = std::fs::remove_file(self.ws.abs(&changes_path));
            }
            return;
        };
        if kept.len() > self.settings.merge_at.max(index.articles.len() / 16) {
            // Folded into a new index with the index's articles still as saved.
            let Some(saved) = index.articles_as_saved(from) else {
                return;
            };
            let mut all: Vec<View<'_>> = saved.iter().map(Saved::view).collect();
            all.extend(kept);
            all.sort_unstable_by(|a, b| a.slug.cmp(b.slug));
            write_index(&self.ws.abs(&index_path), &self.key, &all);
            let _ = std::fs::remove_file(self.ws.abs(&changes_path));
        } else if fresh > 0 || kept.len() != changes.len() {
            write_changes(&self.ws.abs(&changes_path), &self.key, &kept);
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

    /// The articles of the index still as saved (at [`From::Index`] in `from`), with their
    /// entries, read from the grouping by source. None if the file does not read back.
    fn articles_as_saved(&self, from: &[From]) -> Option<Vec<Saved>> {
        let mut kept: Vec<Option<Saved>> = vec![None; self.articles.len()];
        for here in from {
            if let From::Index(k) = *here {
                let (_, stamps) = self.articles.get(k as usize)?;
                kept[k as usize] = Some(Saved {
                    slug: self.name(k as usize).to_owned(),
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
        .prefix(".bitext-")
        .suffix(".tmp")
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

/// Reads the changes at `path`, if it exists, was made for `key` and reads back whole.
fn read_changes(path: &Path, key: &[u8; 32]) -> Option<Vec<Saved>> {
    let bytes = std::fs::read(path).ok()?;
    if bytes.get(..8)? != CHANGES_MAGIC || bytes.get(8..40)? != key {
        return None;
    }
    let count = u32_at(&bytes, 40)?;
    let mut at = 44;
    let mut out = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let slug_len = usize::from(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
        at += 2;
        let slug = std::str::from_utf8(bytes.get(at..at + slug_len)?)
            .ok()?
            .to_owned();
        at += slug_len;
        let stamps = u64_at(&bytes, at)?;
        let segments = u32_at(&bytes, at + 8)?;
        at += 12;
        let mut saved = Saved {
            slug,
            stamps,
            segments: Vec::with_capacity(segments as usize),
        };
        for _ in 0..segments {
            saved.segments.push((
                u32_at(&bytes, at)?,
                u64_at(&bytes, at + 4)?,
                u64_at(&bytes, at + 12)?,
            ));
            at += 20;
        }
        out.push(saved);
    }
    (at == bytes.len()).then_some(out)
}

/// Writes `changes` for `key` at `path`.
fn write_changes(path: &Path, key: &[u8; 32], changes: &[View<'_>]) {
    let Ok(count) = u32::try_from(changes.len()) else {
        return;
    };
    write_atomically(path, |out| {
        out.write_all(CHANGES_MAGIC)?;
        out.write_all(key)?;
        out.write_all(&count.to_le_bytes())?;
        for saved in changes {
            let invalid = || std::io::Error::from(std::io::ErrorKind::InvalidInput);
            let len = u16::try_from(saved.slug.len()).map_err(|_| invalid())?;
            let segments = u32::try_from(saved.segments.len()).map_err(|_| invalid())?;
            out.write_all(&len.to_le_bytes())?;
            out.write_all(saved.slug.as_bytes())?;
            out.write_all(&saved.stamps.to_le_bytes())?;
            out.write_all(&segments.to_le_bytes())?;
            for &(n, source, target) in saved.segments {
                out.write_all(&n.to_le_bytes())?;
                out.write_all(&source.to_le_bytes())?;
                out.write_all(&target.to_le_bytes())?;
            }
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

    /// Checks that the saved index gives what reading every file gives; returns the number
    /// of articles read.
    #[track_caller]
    fn same(dir: &Path, known: Option<(&str, usize)>, merge_at: usize) -> usize {
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
        let (saved, read) = load_with(&ws, &wanted, known.as_ref(), settings).expect("saved index");
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
        assert!(!changes.exists());
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
            let (_, read) = load_with(&ws, &wanted, None, settings).expect("index");
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
