//! The memory's search structure: every entry's texts, an inverted index from words to the
//! entries holding them, and a table of exact texts, with a compact binary form for the
//! on-disk cache.
//!
//! A lookup never scores every pair. It counts, through the inverted index, the distinct
//! words each entry shares with the query; that count over the larger vocabulary of the two
//! bounds the score (it is the length filter too: an entry much longer or shorter than the
//! query cannot reach the threshold), and only the best few candidates are scored with the
//! full edit distance. Words found in a large share of the entries ("the", "of") are not
//! walked when the query has rarer ones; they are assumed shared, which only loosens the
//! bound.

use std::collections::HashSet;
use std::fs::File;
use std::io::{Read as _, Seek as _, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::memory::score::score;
use crate::model::words::{TokenKind, tokens};

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

const SEP: char = '\u{1f}';

impl Origin {
    fn encode(&self) -> String {
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

/// One source text with its translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The normalised source text the translation was made from.
    pub source: String,
    /// The translation.
    pub target: String,
    /// Where it comes from.
    pub origin: Origin,
}

/// A match found by a lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// 100 for the same text, below it the fuzzy score ([`crate::memory::score`]).
    pub score: u8,
    /// The match's source text.
    pub source: String,
    /// Its translation.
    pub target: String,
    /// Where it comes from.
    pub origin: Origin,
}

/// Per entry: offsets and lengths of source, target and origin in the text blob, and the
/// number of distinct words of the source.
const FIELDS: usize = 7;

/// Where the texts live: in memory (a fresh build) or in the cache file, read on demand so
/// that a lookup reads only the candidates it scores.
#[derive(Debug)]
enum Texts {
    Owned(String),
    File {
        file: Mutex<File>,
        path: PathBuf,
        base: u64,
    },
}

/// The searchable memory of one language.
#[derive(Debug)]
pub struct Memory {
    table: Vec<u32>,
    keys: Vec<u64>,
    starts: Vec<u32>,
    postings: Vec<u32>,
    exact: Vec<(u64, u32)>,
    texts: Texts,
}

/// A stable 64-bit FNV-1a hash: the cache outlives the process, so std's hasher will not do.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The distinct words of `text`, case folded, as hashes.
fn word_keys(text: &str) -> Vec<u64> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (token, kind) in tokens(text) {
        if kind == TokenKind::Word {
            let key = fnv(token.to_lowercase().as_bytes());
            if seen.insert(key) {
                out.push(key);
            }
        }
    }
    out
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Score margin below the threshold kept by the word-count bound, which ignores punctuation
/// and word order and so is not exact.
const SLACK: usize = 10;

impl Memory {
    /// Builds the memory of `entries`, in their order (which breaks ties between equal scores).
    #[must_use]
    pub fn build(entries: &[Entry]) -> Self {
        let mut blob = String::new();
        let mut table = Vec::with_capacity(entries.len() * FIELDS);
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        let mut exact = Vec::with_capacity(entries.len());
        for (i, entry) in entries.iter().enumerate() {
            let i = to_u32(i);
            for text in [&entry.source, &entry.target, &entry.origin.encode()] {
                table.push(to_u32(blob.len()));
                table.push(to_u32(text.len()));
                blob.push_str(text);
            }
            let words = word_keys(&entry.source);
            table.push(to_u32(words.len()));
            pairs.extend(words.into_iter().map(|w| (w, i)));
            exact.push((fnv(entry.source.as_bytes()), i));
        }
        pairs.sort_unstable();
        exact.sort_unstable();
        let mut keys = Vec::new();
        let mut starts = Vec::new();
        let mut postings = Vec::with_capacity(pairs.len());
        for (key, entry) in pairs {
            if keys.last() != Some(&key) {
                keys.push(key);
                starts.push(to_u32(postings.len()));
            }
            postings.push(entry);
        }
        starts.push(to_u32(postings.len()));
        Self {
            table,
            keys,
            starts,
            postings,
            exact,
            texts: Texts::Owned(blob),
        }
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.table.len() / FIELDS
    }

    /// Returns true if and only if the memory has no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    fn field(&self, entry: u32, k: usize) -> Result<String> {
        let at = entry as usize * FIELDS + 2 * k;
        let (offset, len) = (self.table[at], self.table[at + 1] as usize);
        match &self.texts {
            Texts::Owned(blob) => Ok(blob
                .get(offset as usize..offset as usize + len)
                .unwrap_or_default()
                .to_owned()),
            Texts::File { file, path, base } => {
                let fail = |source| Error::Read {
                    path: path.clone(),
                    source,
                };
                let mut buf = vec![0; len];
                let mut file = file
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                file.seek(SeekFrom::Start(base + u64::from(offset)))
                    .map_err(fail)?;
                file.read_exact(&mut buf).map_err(fail)?;
                String::from_utf8(buf).map_err(|_| {
                    fail(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        "memory cache: invalid UTF-8",
                    ))
                })
            }
        }
    }

    fn words(&self, entry: u32) -> usize {
        self.table[entry as usize * FIELDS + 6] as usize
    }

    fn hit(&self, entry: u32, score: u8, source: String) -> Result<Hit> {
        let origin = Origin::decode(&self.field(entry, 2)?).unwrap_or(Origin::Tmx {
            file: String::new(),
            lang: String::new(),
        });
        Ok(Hit {
            score,
            source,
            target: self.field(entry, 1)?,
            origin,
        })
    }

    fn postings_of(&self, key: u64) -> &[u32] {
        match self.keys.binary_search(&key) {
            Ok(k) => &self.postings[self.starts[k] as usize..self.starts[k + 1] as usize],
            Err(_) => &[],
        }
    }

    /// The best matches for `text` scoring at least `min_score`, best first (ties in entry
    /// order), at most `limit`, one per distinct source and translation.
    ///
    /// # Errors
    /// A cache file that can no longer be read.
    pub fn lookup(&self, text: &str, min_score: u8, limit: usize) -> Result<Vec<Hit>> {
        let mut scored: Vec<(u8, u32, String)> = Vec::new();
        let hash = fnv(text.as_bytes());
        let from = self.exact.partition_point(|&(h, _)| h < hash);
        for &(_, entry) in self.exact[from..].iter().take_while(|(h, _)| *h == hash) {
            let source = self.field(entry, 0)?;
            if source == text {
                scored.push((100, entry, source));
            }
        }
        let exact: HashSet<u32> = scored.iter().map(|s| s.1).collect();
        for entry in self.candidates(text, min_score, limit) {
            if exact.contains(&entry) {
                continue;
            }
            let source = self.field(entry, 0)?;
            let s = score(text, &source);
            if s >= min_score {
                scored.push((s, entry, source));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut seen = HashSet::new();
        let mut hits = Vec::new();
        for (s, entry, source) in scored {
            if hits.len() == limit {
                break;
            }
            let hit = self.hit(entry, s, source)?;
            if seen.insert((hit.source.clone(), hit.target.clone())) {
                hits.push(hit);
            }
        }
        Ok(hits)
    }

    /// The entries worth scoring for `text`: those whose shared-word bound reaches the
    /// threshold, the most promising first, a few times `limit` at most.
    fn candidates(&self, text: &str, min_score: u8, limit: usize) -> Vec<u32> {
        let query = word_keys(text);
        if query.is_empty() || self.is_empty() {
            return Vec::new();
        }
        let frequent_from = (self.len() / 16).max(64);
        let lists: Vec<&[u32]> = query.iter().map(|&k| self.postings_of(k)).collect();
        // An entry sharing none of the query's rarer words shares at most its frequent ones;
        // when those alone cannot reach the threshold, their long lists need not be walked.
        let threshold = usize::from(min_score).saturating_sub(SLACK);
        let frequent = lists.iter().filter(|l| l.len() > frequent_from).count();
        let skip_frequent = frequent * 100 / query.len() < threshold;
        let mut assumed = 0;
        let mut counts: Vec<u16> = vec![0; self.len()];
        let mut touched = Vec::new();
        for list in lists {
            if skip_frequent && list.len() > frequent_from {
                assumed += 1;
                continue;
            }
            for &entry in list {
                let count = &mut counts[entry as usize];
                if *count == 0 {
                    touched.push(entry);
                }
                *count = count.saturating_add(1);
            }
        }
        let mut found: Vec<(usize, u32)> = touched
            .into_iter()
            .filter_map(|entry| {
                let words = self.words(entry);
                let shared = (usize::from(counts[entry as usize]) + assumed)
                    .min(words)
                    .min(query.len());
                let bound = shared * 100 / words.max(query.len()).max(1);
                (bound >= threshold).then_some((bound, entry))
            })
            .collect();
        found.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.truncate((limit * 4).max(32));
        found.into_iter().map(|(_, entry)| entry).collect()
    }

    /// As [`Memory::lookup`], by scoring every entry: the naive all-pairs search, kept to
    /// measure the index against and to test it.
    ///
    /// # Errors
    /// A cache file that can no longer be read.
    pub fn scan(&self, text: &str, min_score: u8, limit: usize) -> Result<Vec<Hit>> {
        let mut scored = Vec::new();
        for entry in 0..to_u32(self.len()) {
            let source = self.field(entry, 0)?;
            let s = score(text, &source);
            if s >= min_score {
                scored.push((s, entry, source));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut seen = HashSet::new();
        let mut hits = Vec::new();
        for (s, entry, source) in scored {
            if hits.len() == limit {
                break;
            }
            let hit = self.hit(entry, s, source)?;
            if seen.insert((hit.source.clone(), hit.target.clone())) {
                hits.push(hit);
            }
        }
        Ok(hits)
    }

    /// Writes the memory after `header` in the cache's binary form.
    #[must_use]
    pub fn to_bytes(&self, header: &[u8]) -> Option<Vec<u8>> {
        let Texts::Owned(blob) = &self.texts else {
            return None;
        };
        let mut out = Vec::with_capacity(header.len() + blob.len() + 64);
        put_u64(&mut out, header.len() as u64);
        out.extend_from_slice(header);
        put_u32s(&mut out, &self.table);
        put_u64(&mut out, self.keys.len() as u64);
        for &k in &self.keys {
            put_u64(&mut out, k);
        }
        put_u32s(&mut out, &self.starts);
        put_u32s(&mut out, &self.postings);
        put_u64(&mut out, self.exact.len() as u64);
        for &(h, e) in &self.exact {
            put_u64(&mut out, h);
            out.extend_from_slice(&e.to_le_bytes());
        }
        put_u64(&mut out, blob.len() as u64);
        out.extend_from_slice(blob.as_bytes());
        Some(out)
    }

    /// Reads the header of a cache file, so the caller can check it is still valid before
    /// reading the rest with [`Memory::read_rest`].
    ///
    /// Returns `None` for a file that is not a complete cache.
    #[must_use]
    pub fn read_header(file: &mut File) -> Option<Vec<u8>> {
        let len = usize::try_from(get_u64(file)?).ok()?;
        if len > 1 << 30 {
            return None;
        }
        let mut header = vec![0; len];
        file.read_exact(&mut header).ok()?;
        Some(header)
    }

    /// Reads the index of a cache file after its header; the texts stay on disk.
    #[must_use]
    pub fn read_rest(mut file: File, path: &Path) -> Option<Self> {
        let table = get_u32s(&mut file)?;
        if table.len() % FIELDS != 0 {
            return None;
        }
        let keys = get_u64s(&mut file)?;
        let starts = get_u32s(&mut file)?;
        let postings = get_u32s(&mut file)?;
        let count = usize::try_from(get_u64(&mut file)?).ok()?;
        let mut raw = vec![0u8; count.checked_mul(12)?];
        file.read_exact(&mut raw).ok()?;
        let exact = raw
            .chunks_exact(12)
            .map(|c| {
                let (h, e) = c.split_at(8);
                (
                    u64::from_le_bytes(h.try_into().unwrap_or_default()),
                    u32::from_le_bytes(e.try_into().unwrap_or_default()),
                )
            })
            .collect();
        let blob_len = get_u64(&mut file)?;
        let base = file.stream_position().ok()?;
        let end = file.metadata().ok()?.len();
        let entries = table.len() / FIELDS;
        let consistent = starts.len() == keys.len() + 1
            && starts.last().is_some_and(|&s| s as usize == postings.len())
            && base + blob_len == end
            && postings.iter().all(|&e| (e as usize) < entries)
            && table
                .chunks_exact(FIELDS)
                .all(|f| (0..3).all(|k| u64::from(f[2 * k]) + u64::from(f[2 * k + 1]) <= blob_len));
        consistent.then(|| Self {
            table,
            keys,
            starts,
            postings,
            exact,
            texts: Texts::File {
                file: Mutex::new(file),
                path: path.to_owned(),
                base,
            },
        })
    }
}

fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_u32s(out: &mut Vec<u8>, values: &[u32]) {
    put_u64(out, values.len() as u64);
    out.reserve(values.len() * 4);
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
}

fn get_u64(file: &mut File) -> Option<u64> {
    let mut buf = [0; 8];
    file.read_exact(&mut buf).ok()?;
    Some(u64::from_le_bytes(buf))
}

fn get_u32s(file: &mut File) -> Option<Vec<u32>> {
    let len = usize::try_from(get_u64(file)?).ok()?;
    let mut raw = vec![0u8; len.checked_mul(4)?];
    file.read_exact(&mut raw).ok()?;
    Some(
        raw.chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect(),
    )
}

fn get_u64s(file: &mut File) -> Option<Vec<u64>> {
    let len = usize::try_from(get_u64(file)?).ok()?;
    let mut raw = vec![0u8; len.checked_mul(8)?];
    file.read_exact(&mut raw).ok()?;
    Some(
        raw.chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect(),
    )
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
        let memory = Memory::build(&sample());
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

    #[test]
    fn the_index_finds_what_the_full_scan_finds() {
        let memory = Memory::build(&sample());
        for query in [
            "The council met on Wednesday to discuss the budget.",
            "The harbour report number 17 was read aloud.",
            "Matters of Concern Around the World",
            "Fishermen asked for help.",
        ] {
            assert_eq!(
                memory.lookup(query, 60, 5).expect("lookup"),
                memory.scan(query, 60, 5).expect("scan"),
                "{query}"
            );
        }
    }

    #[test]
    fn the_cache_form_reads_back_the_same_memory() {
        let memory = Memory::build(&sample());
        let bytes = memory.to_bytes(b"head").expect("owned");
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("m.bin");
        std::fs::write(&path, bytes).expect("write");
        let mut file = File::open(&path).expect("open");
        assert_eq!(
            Memory::read_header(&mut file).as_deref(),
            Some(&b"head"[..])
        );
        let read = Memory::read_rest(file, &path).expect("valid");
        let query = "The council met on Friday to discuss the budget.";
        assert_eq!(
            read.lookup(query, 50, 5).expect("read"),
            memory.lookup(query, 50, 5).expect("built")
        );
    }
}
