//! The memory's search structure, read from its index file ([`crate::memory::build`]) as a
//! lookup needs it: a sparse table of keys is read when the memory is opened (4 bytes for
//! 256 keys: nothing per entry); a lookup then reads the posting lists of its keys, which
//! carry each entry's shape, and the texts of the entries it scores, each with positioned
//! reads, and nothing else. What a lookup holds grows with the postings it walks, not with
//! the memory.
//!
//! A lookup never scores every pair. Exact matches come from the key of the whole text. For
//! fuzzy matches, it counts, through the posting lists of the query's runs of three words,
//! how many runs each entry shares; that count, the entry's number of words and its weight
//! bound its score from above ([`crate::memory::grams`]), and the candidates are scored best
//! bound first, until the bound falls below the threshold or below the last match kept. When
//! an entry that shares no run could still score above that, the runs of two words are
//! searched, then single words (both kept for short entries only). The result is what scoring
//! every entry would give, with one exception: when even the shortest runs cannot rule out
//! the entries that share none (below about two thirds, with `--min-score 50` for a long
//! segment), the matches found are those sharing a run of three words, unless the memory is
//! small ([`SMALL`] entries), when every entry not ruled out is scored.
//!
//! Two rules come before the score. A text that is only inline code (a command line) is
//! offered only entries that are only code too, with the same code outside placeholders
//! ([`crate::model::code::code_key`]): `wc -l {{ruta}}` for `wc -l {{path/to/file}}`, never
//! `vmtouch -l {{ruta}}`, however many characters they share; and prose is never offered a
//! line of code. And an exact match whose neighbours in its article are the looked-up
//! segment's neighbours too is an *in-context* match ([`Context`]), ranked above every other
//! exact match.
//!
//! Longer than 600 lines with its tests: the file layout, the bounded reads of posting lists
//! and the lookup that relies on both are kept together, since a change to one is a change to
//! the others; the tests are a quarter of it.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::memory::build::{Builder, DIRECTORY, Prepared, RECORD, SPARSE};
use crate::memory::grams::{
    Profile, Shape, bound, edits_from_runs, exact_key, packed_bound, unseen_bound,
};
use crate::memory::score::{score, score_at_least, scored_tokens};
use crate::model::code::{code_key, is_code_only};
use crate::model::placeholder::Placeholders;
use crate::model::segment::Segment;

/// Where a memory entry comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Origin {
    /// A live unit of a translation file: the segment at position `n` when last synchronised.
    Segment {
        /// The article.
        article: String,
        /// The unit's language.
        lang: String,
        /// 1-based position of the unit in its file.
        n: usize,
        /// The unit's segment id.
        id: String,
    },
    /// An obsolete unit: a translation whose paragraph no longer exists.
    Obsolete {
        /// The article.
        article: String,
        /// The unit's language.
        lang: String,
    },
    /// A translation unit of an imported TMX memory.
    Tmx {
        /// The file, relative to the workspace root.
        file: String,
        /// The language of the translation.
        lang: String,
    },
}

impl Origin {
    /// Where the entry comes from, as exchange files name it: `article#n (lang)`,
    /// `article, obsolete (lang)` or `file (lang)`.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Self::Segment {
                article, lang, n, ..
            } => format!("{article}#{n} ({lang})"),
            Self::Obsolete { article, lang } => format!("{article}, obsolete ({lang})"),
            Self::Tmx { file, lang } => format!("{file} ({lang})"),
        }
    }
}

const SEP: char = '\u{1f}';

impl Origin {
    pub(crate) fn encode(&self) -> String {
        match self {
            Self::Segment {
                article,
                lang,
                n,
                id,
            } => format!("s{SEP}{article}{SEP}{lang}{SEP}{n}{SEP}{id}"),
            Self::Obsolete { article, lang } => format!("o{SEP}{article}{SEP}{lang}"),
            Self::Tmx { file, lang } => format!("t{SEP}{file}{SEP}{lang}"),
        }
    }

    fn decode(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.split(SEP).collect();
        match parts.as_slice() {
            ["s", article, lang, n, id] => Some(Self::Segment {
                article: (*article).to_owned(),
                lang: (*lang).to_owned(),
                n: n.parse().ok()?,
                id: (*id).to_owned(),
            }),
            ["o", article, lang] => Some(Self::Obsolete {
                article: (*article).to_owned(),
                lang: (*lang).to_owned(),
            }),
            ["t", file, lang] => Some(Self::Tmx {
                file: (*file).to_owned(),
                lang: (*lang).to_owned(),
            }),
            _ => None,
        }
    }
}

/// What surrounds a segment in its article: the source texts of the segments before and
/// after it, as hashes. The same text between the same neighbours is an *in-context* match
/// (CAT tools' "ICE", or 101 %): its translation was made for the same place in the same
/// text, which a plain exact match (a short "Examples:" or a command repeated in another
/// section) need not be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Context {
    /// The hash of the previous segment's text, or of the empty text at the article's start.
    pub previous: u64,
    /// The hash of the next segment's text, or of the empty text at the article's end.
    pub next: u64,
}

impl Context {
    /// The context of a segment between `previous` and `next` (none at the article's edges).
    #[must_use]
    pub fn between(previous: Option<&str>, next: Option<&str>) -> Self {
        Self {
            previous: Self::hash(previous.unwrap_or_default()),
            next: Self::hash(next.unwrap_or_default()),
        }
    }

    /// The context of segment `i` of `segments`, an article's segments in order.
    #[must_use]
    pub fn at(segments: &[Segment], i: usize) -> Self {
        let text = |k: Option<usize>| k.and_then(|k| segments.get(k)).map(|s| s.text.as_str());
        Self::between(text(i.checked_sub(1)), text(i.checked_add(1)))
    }

    /// The context of each of `texts`, the segments (or the units) of one article in order,
    /// each text hashed once.
    #[must_use]
    pub fn of_each(texts: &[&str]) -> Vec<Self> {
        let edge = Self::hash("");
        let hashes: Vec<u64> = texts.iter().map(|t| Self::hash(t)).collect();
        (0..hashes.len())
            .map(|i| Self {
                previous: i.checked_sub(1).map_or(edge, |p| hashes[p]),
                next: hashes.get(i + 1).copied().unwrap_or(edge),
            })
            .collect()
    }

    /// A 64-bit FNV-1a hash of `text`: the same on every platform and in every version, since
    /// the index keeps it. Never 0, which the index uses for "no context".
    fn hash(text: &str) -> u64 {
        text.bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            })
            .max(1)
    }
}

/// One source text with its translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The normalised source text the translation was made from.
    pub source: String,
    /// The translation.
    pub target: String,
    /// Where it comes from.
    pub origin: Origin,
    /// Its neighbours in its article, when it has an article (a live unit); `None` for an
    /// obsolete unit or a TMX unit.
    pub context: Option<Context>,
}

/// What a lookup may offer for a text: a text that is only inline code is offered only
/// entries with the same code outside placeholders, prose only entries that are not code.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Prose,
    /// The code, with placeholders masked ([`code_key`]).
    Code(String),
}

impl Kind {
    fn of(text: &str, placeholders: &Placeholders) -> Self {
        if is_code_only(text) {
            Self::Code(code_key(text, placeholders))
        } else {
            Self::Prose
        }
    }

    /// Returns true if and only if `source` may be offered for a text of this kind.
    fn admits(&self, source: &str, placeholders: &Placeholders) -> bool {
        match self {
            Self::Prose => !is_code_only(source),
            Self::Code(key) => is_code_only(source) && code_key(source, placeholders) == *key,
        }
    }
}

/// A match found by a lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// 100 for the same text, below it the fuzzy score ([`crate::memory::score`]).
    pub score: u8,
    /// True if and only if the match is exact and in context: its neighbours in its article
    /// are the looked-up segment's ([`Context`]). Ranked above the other exact matches.
    pub in_context: bool,
    /// The match's source text.
    pub source: String,
    /// Its translation.
    pub target: String,
    /// Where it comes from.
    pub origin: Origin,
}

/// Up to this many entries, a lookup that the bounds cannot settle scores every entry they
/// do not rule out, which is fast enough at that size.
const SMALL: usize = 2_000;

/// Bytes of a posting: the entry's number, its packed shape.
const POSTING: u64 = 8;
/// Postings read at a time from a list (64 KiB).
const POSTINGS_READ: u64 = 8_192;

/// The searchable memory of one language, over its index file.
#[derive(Debug)]
pub struct Memory {
    file: File,
    path: PathBuf,
    entries: u64,
    /// Where the entries' records are: read one at a time, only for the entries a lookup
    /// scores or lists, so that an open memory holds nothing per entry.
    records_at: u64,
    shapes_at: u64,
    texts_at: u64,
    postings_at: u64,
    keys_at: u64,
    keys: u64,
    sparse: Vec<u32>,
    /// The placeholder syntaxes masked when two lines of code are compared.
    placeholders: Placeholders,
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt as _;
    while !buf.is_empty() {
        match file.seek_read(buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn read_vec(file: &File, offset: u64, len: u64) -> io::Result<Vec<u8>> {
    let len = usize::try_from(len).map_err(|_| io::Error::from(io::ErrorKind::InvalidData))?;
    let mut buf = vec![0; len];
    read_exact_at(file, &mut buf, offset)?;
    Ok(buf)
}

fn le_u32(bytes: &[u8]) -> u32 {
    u32::from_le_bytes(bytes.try_into().unwrap_or_default())
}

fn le_u64(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().unwrap_or_default())
}

fn invalid() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "memory index: inconsistent file",
    )
}

/// A scored entry, kept while a lookup runs.
struct Scored {
    score: u8,
    in_context: bool,
    entry: u32,
    source: String,
    target: String,
}

/// The matches a lookup has kept so far, best first (ties in entry order), one per distinct
/// source and translation and at most `limit` (a match ranked after one with the same texts,
/// or after `limit` others, can never be returned), and the score a candidate must reach to
/// change the answer.
struct Found {
    min: u8,
    limit: usize,
    hits: Vec<Scored>,
}

impl Found {
    fn new(min: u8, limit: usize) -> Self {
        Self {
            min,
            limit,
            hits: Vec::new(),
        }
    }

    fn add(&mut self, scored: Scored) {
        let key = |s: &Scored| {
            (
                std::cmp::Reverse(s.score),
                std::cmp::Reverse(s.in_context),
                s.entry,
            )
        };
        let at = self.hits.partition_point(|h| key(h) < key(&scored));
        let same = |h: &Scored| h.source == scored.source && h.target == scored.target;
        if at >= self.limit || self.hits[..at].iter().any(same) {
            return;
        }
        if let Some(later) = self.hits[at..].iter().position(same) {
            self.hits.remove(at + later);
        }
        self.hits.insert(at, scored);
        self.hits.truncate(self.limit);
    }

    /// The lowest score that can still change the answer: the threshold, or the score of the
    /// last of `limit` matches once there are that many. A candidate whose bound is below it
    /// can be left unscored.
    fn threshold(&self) -> u8 {
        match self.hits.get(self.limit.wrapping_sub(1)) {
            Some(last) if self.hits.len() == self.limit => self.min.max(last.score),
            _ => self.min,
        }
    }

    /// The matches, best first.
    fn into_hits(self, memory: &Memory) -> Result<Vec<Hit>> {
        self.hits
            .into_iter()
            .map(|hit| {
                Ok(Hit {
                    score: hit.score,
                    in_context: hit.in_context,
                    origin: memory.origin(hit.entry)?,
                    source: hit.source,
                    target: hit.target,
                })
            })
            .collect()
    }
}

impl Memory {
    /// Builds the memory of `entries`, in their order (which breaks ties between equal
    /// scores), in an anonymous temporary file.
    ///
    /// # Errors
    /// No temporary file, or a failed write to it.
    pub fn build(entries: &[Entry]) -> Result<Self> {
        let path = std::env::temp_dir();
        let fail = |source| Error::Write {
            path: path.clone(),
            source,
        };
        let mut builder = Builder::new(tempfile::tempfile().map_err(fail)?, &[]).map_err(fail)?;
        for entry in entries {
            builder.push(Prepared::new(entry.clone())).map_err(fail)?;
        }
        let file = builder.finish().map_err(fail)?;
        Self::from_file(file, &path).ok_or_else(|| fail(invalid()))
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        usize::try_from(self.entries).unwrap_or(usize::MAX)
    }

    /// Returns true if and only if the memory has no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// Reads the header of an index file, so the caller can check it is still valid before
    /// opening it with [`Memory::from_file`].
    ///
    /// Returns `None` for a file too short to have one.
    #[must_use]
    pub fn read_header(file: &File) -> Option<Vec<u8>> {
        let len = le_u64(&read_vec(file, 0, 8).ok()?);
        if len > 1 << 30 {
            return None;
        }
        read_vec(file, 8, len).ok()
    }

    /// Opens an index file: reads its directory and the sparse key table, and checks that the
    /// sections add up to the file's length.
    ///
    /// Returns `None` for a file that is not a complete index.
    #[must_use]
    pub fn from_file(file: File, path: &Path) -> Option<Self> {
        let header = le_u64(&read_vec(&file, 0, 8).ok()?);
        let dir_at = 8u64.checked_add(header)?;
        let dir = read_vec(&file, dir_at, DIRECTORY as u64 * 8).ok()?;
        let [entries, texts, postings, keys] = [0, 1, 2, 3].map(|i| le_u64(&dir[i * 8..i * 8 + 8]));
        let texts_at = dir_at + DIRECTORY as u64 * 8;
        let records_at = texts_at.checked_add(texts)?;
        let shapes_at = records_at.checked_add(entries.checked_mul(RECORD)?)?;
        let postings_at = shapes_at.checked_add(entries.checked_mul(8)?)?;
        let keys_at = postings_at.checked_add(postings.checked_mul(POSTING)?)?;
        let sparse_at = keys_at.checked_add(keys.checked_add(1)?.checked_mul(8)?)?;
        let sparse_len = keys.div_ceil(SPARSE);
        let end = sparse_at.checked_add(sparse_len.checked_mul(4)?)?;
        if end != file.metadata().ok()?.len() {
            return None;
        }
        u32::try_from(entries).ok()?;
        let sparse = read_vec(&file, sparse_at, sparse_len * 4)
            .ok()?
            .chunks_exact(4)
            .map(le_u32)
            .collect();
        Some(Self {
            file,
            path: path.to_owned(),
            entries,
            records_at,
            shapes_at,
            texts_at,
            postings_at,
            keys_at,
            keys,
            sparse,
            placeholders: Placeholders::default(),
        })
    }

    /// The memory, comparing lines of code with `placeholders` masked (the workspace's
    /// `[qa] placeholders`) rather than the default syntaxes.
    #[must_use]
    pub fn with_placeholders(mut self, placeholders: Placeholders) -> Self {
        self.placeholders = placeholders;
        self
    }

    fn fail(&self, source: io::Error) -> Error {
        Error::Read {
            path: self.path.clone(),
            source,
        }
    }

    fn read(&self, offset: u64, len: u64) -> Result<Vec<u8>> {
        read_vec(&self.file, offset, len).map_err(|e| self.fail(e))
    }

    fn text(&self, offset: u64, len: u64) -> Result<String> {
        String::from_utf8(self.read(self.texts_at + offset, len)?).map_err(|_| self.fail(invalid()))
    }

    /// The context an entry was recorded with, if any.
    fn context(&self, entry: u32) -> Result<Option<Context>> {
        if u64::from(entry) >= self.entries {
            return Err(self.fail(invalid()));
        }
        let c = self.read(self.records_at + u64::from(entry) * RECORD + 20, 16)?;
        let (previous, next) = (le_u64(&c[..8]), le_u64(&c[8..]));
        Ok((previous != 0 || next != 0).then_some(Context { previous, next }))
    }

    /// Returns true if and only if `entry` was recorded in `context`.
    fn in_context(&self, entry: u32, context: Option<Context>) -> Result<bool> {
        Ok(match context {
            Some(context) => self.context(entry)? == Some(context),
            None => false,
        })
    }

    /// Offset of an entry's texts and their three lengths.
    fn record(&self, entry: u32) -> Result<(u64, [u64; 3])> {
        if u64::from(entry) >= self.entries {
            return Err(self.fail(invalid()));
        }
        let c = self.read(self.records_at + u64::from(entry) * RECORD, RECORD)?;
        Ok((
            le_u64(&c[..8]),
            [&c[8..12], &c[12..16], &c[16..20]].map(|b| u64::from(le_u32(b))),
        ))
    }

    fn source(&self, entry: u32) -> Result<String> {
        let (at, [source, _, _]) = self.record(entry)?;
        self.text(at, source)
    }

    fn target(&self, entry: u32) -> Result<String> {
        let (at, [source, target, _]) = self.record(entry)?;
        self.text(at + source, target)
    }

    fn origin(&self, entry: u32) -> Result<Origin> {
        let (at, [source, target, origin]) = self.record(entry)?;
        Ok(
            Origin::decode(&self.text(at + source + target, origin)?).unwrap_or(Origin::Tmx {
                file: String::new(),
                lang: String::new(),
            }),
        )
    }

    /// Calls `f` with every entry indexed under `key`, in entry order, and its packed shape;
    /// the list is read [`POSTINGS_READ`] postings at a time, however long it is.
    fn each_posting(&self, key: u32, mut f: impl FnMut(u32, u32)) -> Result<()> {
        let block = self.sparse.partition_point(|&k| k <= key);
        if block == 0 {
            return Ok(());
        }
        let lo = (block as u64 - 1) * SPARSE;
        let hi = (lo + SPARSE).min(self.keys);
        // The records of the block and the one after it, whose start ends the last list.
        let raw = self.read(self.keys_at + lo * 8, (hi - lo + 1) * 8)?;
        let records: Vec<(u32, u32)> = raw
            .chunks_exact(8)
            .map(|c| (le_u32(&c[..4]), le_u32(&c[4..])))
            .collect();
        let within = &records[..records.len() - 1];
        let Ok(i) = within.binary_search_by_key(&key, |r| r.0) else {
            return Ok(());
        };
        let (mut at, end) = (u64::from(records[i].1), u64::from(records[i + 1].1));
        if end < at {
            return Err(self.fail(invalid()));
        }
        while at < end {
            let n = (end - at).min(POSTINGS_READ);
            for c in self
                .read(self.postings_at + at * POSTING, n * POSTING)?
                .chunks_exact(8)
            {
                let entry = le_u32(&c[..4]);
                if u64::from(entry) < self.entries {
                    f(entry, le_u32(&c[4..]));
                }
            }
            at += n;
        }
        Ok(())
    }

    /// The best matches for `text` scoring at least `min_score`, best first (ties in entry
    /// order), at most `limit`, one per distinct source and translation: as
    /// [`Memory::lookup_in`] without a context, so that no match is in context.
    ///
    /// # Errors
    /// An index file that can no longer be read.
    pub fn lookup(&self, text: &str, min_score: u8, limit: usize) -> Result<Vec<Hit>> {
        self.lookup_in(text, None, min_score, limit)
    }

    /// The best matches for `text`, a segment in `context`, scoring at least `min_score`,
    /// best first (in-context matches before the other exact ones, then ties in entry order),
    /// at most `limit`, one per distinct source and translation. A text that is only inline
    /// code gets only entries with the same code outside placeholders; prose gets no code.
    ///
    /// # Errors
    /// An index file that can no longer be read.
    pub fn lookup_in(
        &self,
        text: &str,
        context: Option<Context>,
        min_score: u8,
        limit: usize,
    ) -> Result<Vec<Hit>> {
        let mut found = Found::new(min_score, limit);
        if limit == 0 || self.is_empty() {
            return Ok(Vec::new());
        }
        let mut seen = HashSet::new();
        let mut exact = Vec::new();
        self.each_posting(exact_key(text), |entry, _| exact.push(entry))?;
        for entry in exact {
            let source = self.source(entry)?;
            if source == text && seen.insert(entry) {
                found.add(Scored {
                    score: 100,
                    in_context: self.in_context(entry, context)?,
                    entry,
                    source,
                    target: self.target(entry)?,
                });
            }
        }
        let kind = Kind::of(text, &self.placeholders);
        let profile = Profile::of(text);
        let n = profile.words.len();
        if n == 0 {
            return found.into_hits(self);
        }
        let query = profile.shape();
        let tokens = scored_tokens(text);
        let mut q = n.min(3);
        loop {
            let threshold = found.threshold();
            if threshold > 99 {
                break;
            }
            // Entries sharing a run of `q` words, with how many of the query's runs (counted
            // with repetition) each shares and its packed shape; those whose shape alone rules
            // them out are skipped.
            let mut shared: HashMap<u32, (u32, u32)> = HashMap::new();
            for (key, times) in profile.runs(q) {
                self.each_posting(key, |entry, packed| {
                    if let Some((count, _)) = shared.get_mut(&entry) {
                        *count += times;
                    } else if !seen.contains(&entry) && packed_bound(query, packed, 0) >= threshold
                    {
                        shared.insert(entry, (times, packed));
                    }
                })?;
            }
            let words = query.words;
            let mut candidates: Vec<(u8, u32)> = shared
                .into_iter()
                .map(|(entry, (runs, packed))| {
                    let edits = edits_from_runs(words, u32::try_from(q).unwrap_or(3), runs);
                    (packed_bound(query, packed, edits), entry)
                })
                .filter(|&(b, _)| b >= threshold)
                .collect();
            candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for (b, entry) in candidates {
                let threshold = found.threshold();
                if b < threshold {
                    break;
                }
                seen.insert(entry);
                self.verify(text, &kind, &tokens, entry, threshold, &mut found)?;
            }
            // Done when no entry left unscored can reach what is kept; otherwise go on with
            // shorter runs, if they can prove that.
            if unseen_bound(query, q) < found.threshold() {
                break;
            }
            let threshold = found.threshold();
            match (1..q).rev().find(|&p| unseen_bound(query, p) < threshold) {
                Some(p) => q = p,
                None => {
                    // Nothing proves the rest out of reach: a small memory scores it all.
                    if self.len() <= SMALL {
                        self.score_rest(text, &kind, &tokens, &seen, &mut found)?;
                    }
                    break;
                }
            }
        }
        found.into_hits(self)
    }

    /// Scores every entry not `seen` whose shape does not rule it out.
    fn score_rest(
        &self,
        text: &str,
        kind: &Kind,
        tokens: &[crate::memory::score::Token<'_>],
        seen: &HashSet<u32>,
        found: &mut Found,
    ) -> Result<()> {
        let query = Profile::of(text).shape();
        let shapes = self.read(self.shapes_at, self.entries * 8)?;
        for (entry, c) in (0..).zip(shapes.chunks_exact(8)) {
            let shape = Shape {
                words: le_u32(&c[..4]),
                weight: le_u32(&c[4..]),
            };
            let threshold = found.threshold();
            if seen.contains(&entry) || bound(query, shape, 0) < threshold {
                continue;
            }
            self.verify(text, kind, tokens, entry, threshold, found)?;
        }
        Ok(())
    }

    /// Scores `entry` and keeps it if it is of a kind `kind` admits and reaches `threshold`.
    /// The exact matches, in context or not, were found before, from the key of the text.
    fn verify(
        &self,
        text: &str,
        kind: &Kind,
        tokens: &[crate::memory::score::Token<'_>],
        entry: u32,
        threshold: u8,
        found: &mut Found,
    ) -> Result<()> {
        let source = self.source(entry)?;
        if !kind.admits(&source, &self.placeholders) {
            return Ok(());
        }
        let s = if source == text {
            Some(100)
        } else {
            score_at_least(tokens, &source, threshold)
        };
        if let Some(score) = s {
            found.add(Scored {
                score,
                in_context: false,
                entry,
                source,
                target: self.target(entry)?,
            });
        }
        Ok(())
    }

    /// As [`Memory::lookup_in`], by scoring every entry: the naive all-pairs search, kept to
    /// test the index against.
    ///
    /// # Errors
    /// An index file that can no longer be read.
    pub fn scan(
        &self,
        text: &str,
        context: Option<Context>,
        min_score: u8,
        limit: usize,
    ) -> Result<Vec<Hit>> {
        let mut found = Found::new(min_score, limit);
        if limit == 0 {
            return Ok(Vec::new());
        }
        let kind = Kind::of(text, &self.placeholders);
        for entry in 0..u32::try_from(self.len()).unwrap_or(u32::MAX) {
            let source = self.source(entry)?;
            if !kind.admits(&source, &self.placeholders) {
                continue;
            }
            let s = score(text, &source);
            if s >= min_score {
                found.add(Scored {
                    score: s,
                    in_context: s == 100 && self.in_context(entry, context)?,
                    entry,
                    source,
                    target: self.target(entry)?,
                });
            }
        }
        found.into_hits(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(source: &str, target: &str, n: usize) -> Entry {
        Entry {
            source: source.to_owned(),
            target: target.to_owned(),
            origin: Origin::Segment {
                article: "a".to_owned(),
                lang: "fr".to_owned(),
                n,
                id: format!("id{n}"),
            },
            context: None,
        }
    }

    fn sample() -> Vec<Entry> {
        let mut entries = vec![
            entry(
                "Matters of Concern Around the World",
                "Questions préoccupantes dans le monde",
                1,
            ),
            entry(
                "The council met on Monday to discuss the budget.",
                "Le conseil s'est réuni lundi pour discuter du budget.",
                2,
            ),
            entry(
                "The council met on Tuesday to discuss the budget.",
                "Le conseil s'est réuni mardi pour discuter du budget.",
                3,
            ),
            entry(
                "Fishermen asked for help with the price of fuel.",
                "Les pêcheurs ont demandé de l'aide pour le prix du carburant.",
                4,
            ),
            entry("—", "—", 5),
        ];
        for i in 0..200 {
            entries.push(entry(
                &format!("The harbour report number {i} was read."),
                &format!("Rapport {i}."),
                10 + i,
            ));
        }
        entries
    }

    #[test]
    fn exact_fuzzy_and_no_match() {
        let memory = Memory::build(&sample()).expect("build");
        let hits = memory
            .lookup("The council met on Monday to discuss the budget.", 50, 5)
            .expect("lookup");
        assert_eq!(hits[0].score, 100);
        assert!(hits[0].target.contains("lundi"));
        assert!(hits[1].score < 100 && hits[1].target.contains("mardi"));
        let hits = memory.lookup("—", 50, 5).expect("lookup");
        assert_eq!(hits.len(), 1);
        assert!(
            memory
                .lookup("Completely unrelated words here.", 50, 5)
                .expect("lookup")
                .is_empty()
        );
    }

    fn targets(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.target.as_str()).collect()
    }

    /// Regression: `vmtouch -l {{ruta/al/archivo}}` was offered at 86 % for
    /// `wc -l {{path/to/file}}`, and another command's line at 77 to 90 %.
    #[test]
    fn a_line_of_code_is_offered_only_the_same_code() {
        let mut entries = sample();
        entries.extend([
            entry(
                "`vmtouch -l {{path/to/file}}`",
                "`vmtouch -l {{ruta/al/archivo}}`",
                300,
            ),
            entry(
                "`wc -c {{path/to/file}}`",
                "`wc -c {{ruta/al/archivo}}`",
                301,
            ),
            entry("`wc -l {{file}}`", "`wc -l {{archivo}}`", 302),
            entry("Count lines in {{path/to/file}} with wc -l", "Contar", 303),
            entry(
                "`wc -l {{path/to/file}}` counts lines.",
                "`wc -l` cuenta.",
                304,
            ),
        ]);
        let memory = Memory::build(&entries).expect("build");
        let query = "`wc -l {{path/to/file}}`";
        for min in [0, 50] {
            let hits = memory.lookup(query, min, 10).expect("lookup");
            assert_eq!(targets(&hits), ["`wc -l {{archivo}}`"], "at {min}");
            assert_eq!(hits, memory.scan(query, None, min, 10).expect("scan"));
        }
        // Prose is never offered a line of code, however close its words.
        let prose = "wc -l {{path/to/file}}";
        for min in [0, 30] {
            let hits = memory.lookup(prose, min, 10).expect("lookup");
            assert!(!hits.iter().any(|h| is_code_only(&h.source)), "{hits:?}");
            assert!(targets(&hits).contains(&"Contar"), "{hits:?}");
        }
        assert_eq!(
            memory.lookup(prose, 30, 10).expect("lookup"),
            memory.scan(prose, None, 30, 10).expect("scan")
        );
    }

    #[test]
    fn lines_of_code_are_compared_with_the_workspaces_placeholders() {
        let entries = [entry("`wc -l [[archivo]]`", "`wc -l [[archivo]]`", 1)];
        let query = "`wc -l [[file]]`";
        let memory = Memory::build(&entries).expect("build");
        assert!(memory.lookup(query, 0, 5).expect("lookup").is_empty());
        let own = Placeholders::parse(&["[[...]]".to_owned()]).expect("syntax");
        let memory = memory.with_placeholders(own);
        assert_eq!(
            targets(&memory.lookup(query, 0, 5).expect("lookup")),
            ["`wc -l [[archivo]]`"]
        );
    }

    #[test]
    fn an_exact_match_in_context_comes_before_the_other_exact_matches() {
        let around = Context::between(Some("- Count all lines in a file:"), None);
        let elsewhere = Context::between(Some("- Count lines:"), Some("Examples"));
        let text = "`wc -l {{path/to/file}}`";
        let with = |target: &str, n: usize, context: Option<Context>| Entry {
            context,
            ..entry(text, target, n)
        };
        let entries = [
            with("other section", 1, Some(elsewhere)),
            with("a TMX unit", 2, None),
            with("this very place", 3, Some(around)),
            // The same translation in another place: one match, in context.
            with("this very place", 4, Some(elsewhere)),
        ];
        let memory = Memory::build(&entries).expect("build");
        let hits = memory.lookup_in(text, Some(around), 50, 5).expect("lookup");
        assert_eq!(
            targets(&hits),
            ["this very place", "other section", "a TMX unit"]
        );
        assert_eq!(
            hits.iter().map(|h| h.in_context).collect::<Vec<_>>(),
            [true, false, false]
        );
        assert_eq!(hits, memory.scan(text, Some(around), 50, 5).expect("scan"));
        // Without a context, or in another one, in entry order and none in context.
        for context in [None, Some(Context::between(None, None))] {
            let hits = memory.lookup_in(text, context, 50, 5).expect("lookup");
            assert_eq!(
                targets(&hits),
                ["other section", "a TMX unit", "this very place"]
            );
            assert!(hits.iter().all(|h| !h.in_context));
        }
        // The best of one: the in-context match.
        let best = memory
            .lookup_in(text, Some(around), 100, 1)
            .expect("lookup");
        assert_eq!(targets(&best), ["this very place"]);
    }

    #[test]
    fn contexts_are_the_neighbours_texts() {
        let contexts = Context::of_each(&["a", "b", "c"]);
        assert_eq!(contexts[1], Context::between(Some("a"), Some("c")));
        assert_eq!(contexts[0], Context::between(None, Some("b")));
        assert_eq!(contexts[2], Context::between(Some("b"), None));
        assert_ne!(contexts[0], contexts[2]);
        assert_ne!(
            Context::between(Some("a"), Some("b")),
            Context::between(Some("b"), Some("a"))
        );
        // What the index keeps: the same in every build, on every platform.
        assert_eq!(Context::hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(Context::hash("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn the_index_finds_what_the_full_scan_finds() {
        let memory = Memory::build(&sample()).expect("build");
        for query in [
            "The council met on Wednesday to discuss the budget.",
            "The harbour report number 17 was read aloud.",
            "Matters of Concern Around the World",
            "Fishermen asked for help.",
        ] {
            for min in [0, 60] {
                assert_eq!(
                    memory.lookup(query, min, 5).expect("lookup"),
                    memory.scan(query, None, min, 5).expect("scan"),
                    "{query} at {min}"
                );
            }
        }
    }

    #[test]
    fn the_index_file_reads_back_the_same_memory() {
        let mut entries = sample();
        let around = Context::between(Some("Before."), Some("After."));
        entries[1].context = Some(around);
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("m.bin");
        let mut builder =
            Builder::new(File::create(&path).expect("create"), b"head").expect("builder");
        for entry in &entries {
            builder.push(Prepared::new(entry.clone())).expect("push");
        }
        drop(builder.finish().expect("finish"));
        let file = File::open(&path).expect("open");
        assert_eq!(Memory::read_header(&file).as_deref(), Some(&b"head"[..]));
        let read = Memory::from_file(file, &path).expect("valid");
        let built = Memory::build(&entries).expect("build");
        let query = "The council met on Friday to discuss the budget.";
        assert_eq!(
            read.lookup(query, 50, 5).expect("read"),
            built.lookup(query, 50, 5).expect("built")
        );
        let exact = &entries[1].source;
        let hits = read.lookup_in(exact, Some(around), 50, 5).expect("read");
        assert!(hits[0].in_context && hits[0].target == entries[1].target);
        assert_eq!(
            (
                read.context(1).expect("read"),
                read.context(2).expect("read")
            ),
            (Some(around), None)
        );
        // A truncated file is not an index.
        let bytes = std::fs::read(&path).expect("read");
        std::fs::write(&path, &bytes[..bytes.len() - 1]).expect("write");
        assert!(Memory::from_file(File::open(&path).expect("open"), &path).is_none());
    }

    /// What a lookup keeps is what sorting every match and keeping the first of each pair of
    /// texts gives, whatever order the matches come in; and the threshold is the score of the
    /// last of `limit` kept.
    #[test]
    fn found_keeps_the_best_distinct_matches_in_any_order() {
        let mut seed = 11u64;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for round in 0..300 {
            let limit = usize::try_from(1 + next(4)).unwrap_or(1);
            let count = next(12);
            let mut all: Vec<(u8, u32, String, String)> = (0..count)
                .map(|entry| {
                    (
                        u8::try_from(60 + next(5) * 10).unwrap_or(60),
                        u32::try_from(entry).unwrap_or(0),
                        format!("s{}", next(3)),
                        format!("t{}", next(2)),
                    )
                })
                .collect();
            // Added in a shuffled order.
            for i in (1..all.len()).rev() {
                let j = usize::try_from(next(i as u64 + 1)).unwrap_or(0);
                all.swap(i, j);
            }
            let mut found = Found::new(60, limit);
            for (score, entry, source, target) in &all {
                found.add(Scored {
                    score: *score,
                    in_context: false,
                    entry: *entry,
                    source: source.clone(),
                    target: target.clone(),
                });
            }
            all.sort_by_key(|h| (std::cmp::Reverse(h.0), h.1));
            let mut pairs = HashSet::new();
            let expected: Vec<(u8, u32)> = all
                .iter()
                .filter(|h| pairs.insert((h.2.clone(), h.3.clone())))
                .take(limit)
                .map(|h| (h.0, h.1))
                .collect();
            let kept: Vec<(u8, u32)> = found.hits.iter().map(|h| (h.score, h.entry)).collect();
            assert_eq!(kept, expected, "round {round}");
            let threshold = if expected.len() == limit {
                expected[limit - 1].0
            } else {
                60
            };
            assert_eq!(found.threshold(), threshold, "round {round}");
        }
    }

    /// Many runs, spilled and merged, and lookups that must agree with scoring every entry
    /// where the bounds prove it: a memory too large to be scored whole ([`SMALL`]).
    #[test]
    fn lookups_agree_with_the_full_scan_on_a_generated_memory() {
        let words = [
            "council", "harbour", "budget", "minister", "the", "of", "met", "new", "old", "road",
            "bridge", "river", "price", "fuel", "asked", "for", "and", "in",
        ];
        let mut seed = 7u64;
        let mut next = move |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            usize::try_from(seed >> 33).unwrap_or(0) % n
        };
        let mut entries = Vec::new();
        for i in 0..2_500 {
            let len = 1 + next(14);
            let mut text: Vec<&str> = (0..len).map(|_| words[next(words.len())]).collect();
            if i % 7 == 0 {
                text.push(",");
            }
            // One in five a line of code, with the words of the prose around it and one of
            // three placeholders.
            let source = if i % 5 == 0 {
                format!("`{} {{{{p{}}}}}`", text.join(" "), i % 3)
            } else {
                text.join(" ") + "."
            };
            entries.push(entry(&source, &format!("t{i}"), i));
        }
        let memory = Memory::build(&entries).expect("build");
        assert!(memory.len() > SMALL);
        for (k, e) in entries.iter().enumerate().step_by(313) {
            // Edited copies: a word changed, a word dropped, the case of one changed.
            let mut edited: Vec<&str> = e.source.split(' ').collect();
            let at = k % edited.len();
            edited[at] = "meanwhile";
            // Every third word changed: no run of three words left in common.
            let mut sparse: Vec<&str> = e.source.split(' ').collect();
            for w in sparse.iter_mut().skip(2).step_by(3) {
                *w = "meanwhile";
            }
            for query in [
                edited.join(" "),
                sparse.join(" "),
                e.source.to_uppercase(),
                e.source.clone(),
                // The same code with another placeholder; for prose, the same text.
                e.source.replace("{{p", "{{other"),
                // Prose that reads like the code: never offered it.
                e.source.replace('`', ""),
            ] {
                for (min, limit) in [(75, 1), (75, 5), (90, 3), (80, 2), (65, 3)] {
                    let looked = memory.lookup(&query, min, limit).expect("lookup");
                    let scanned = memory.scan(&query, None, min, limit).expect("scan");
                    assert_eq!(looked, scanned, "{query:?} at {min}, limit {limit}");
                }
            }
        }
    }
}
