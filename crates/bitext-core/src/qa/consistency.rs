//! `inconsistent`: the same source text translated differently elsewhere in the workspace, and
//! the same translation used for different source texts. Source texts that differ only in
//! case are the same text: a title and a heading ("Get involved", "Get Involved") translate
//! alike into French and Spanish, whose titles do not capitalise every word. The index holds
//! a hash of every translated segment's source and target per language, sorted both ways, so
//! that a workspace of a quarter of a million segments takes a few megabytes and a lookup is
//! a binary search.
//!
//! A command about one article (`import`, `set`, `accept`) asks only for the entries of the
//! texts it checks ([`Wanted`]), and gets them from the index saved between commands
//! ([`saved`]), looking only at the articles that index names for those texts and at the
//! articles bitext wrote since; `sync` and `qa` bring it up to date with every file.
//!
//! `qa` over the whole workspace does not hold that index: its walk writes the entries to an
//! anonymous temporary file ([`Spill`]), which is then read back one slice of the hash space
//! at a time, so that its memory stays bounded however large the workspace.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};

use std::io::{Read as _, Seek as _, Write as _};

use crate::error::{Error, Result};
use crate::model::article::Article;
use crate::model::assess::linked_unit;
use crate::model::lang::Lang;
use crate::model::translation::Unit;
use crate::qa::{Check, Finding, Place};
use crate::workspace::Workspace;
use crate::workspace::parallel::map_ordered;

mod saved;

/// One translated segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Index of the language in [`Index::langs`].
    pub lang: u16,
    /// Hash of the source text.
    pub source: u64,
    /// Hash of the translation.
    pub target: u64,
    /// Index of the article in [`Index::articles`].
    pub article: u32,
    /// The segment's position.
    pub n: u32,
}

/// Every translated segment of the workspace, by source and by translation.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// The articles' slugs.
    pub articles: Vec<String>,
    /// The sources folder, to name where another translation is.
    pub sources: std::path::PathBuf,
    /// The languages.
    pub langs: Vec<Lang>,
    by_source: Vec<Entry>,
    /// Positions in `by_source`, in the order of (language, target, source, article, n):
    /// 4 bytes an entry rather than a second copy of 32.
    by_target: Vec<u32>,
}

/// The (source, translation) pairs a command is about to check, per language, so that
/// [`Index::load_only`] keeps only the entries that can answer them.
#[derive(Debug, Default)]
pub struct Wanted {
    sources: HashSet<(u16, u64)>,
    targets: HashSet<(u16, u64)>,
    /// The articles the command may write: read now, whatever the saved index says, and
    /// looked at again by the next command ([`saved`]).
    writes: Vec<String>,
}

impl Wanted {
    /// Adds `target` as the translation of `source` in `lang`, the language at position `l`
    /// of the workspace's targets.
    pub fn add(&mut self, l: usize, source: &str, target: &str) {
        let l = u16::try_from(l).unwrap_or(u16::MAX);
        self.sources.insert((l, source_hash(source)));
        self.targets.insert((l, hash(target)));
    }

    /// Adds every pair of `sources` × `targets` in the language at position `l`: what an
    /// import may check when it does not yet know which translation goes with which text.
    pub fn add_all<'a>(
        &mut self,
        l: usize,
        sources: impl IntoIterator<Item = &'a str>,
        targets: impl IntoIterator<Item = &'a str>,
    ) {
        let l = u16::try_from(l).unwrap_or(u16::MAX);
        self.sources
            .extend(sources.into_iter().map(|text| (l, source_hash(text))));
        self.targets
            .extend(targets.into_iter().map(|text| (l, hash(text))));
    }

    /// Adds `slug` to the articles the command may write once it has checked.
    pub fn writes(&mut self, slug: &crate::model::slug::Slug) {
        if !self.writes.iter().any(|s| s == slug.as_str()) {
            self.writes.push(slug.as_str().to_owned());
        }
    }

    fn keeps(&self, e: &Entry) -> bool {
        self.sources.contains(&(e.lang, e.source)) || self.targets.contains(&(e.lang, e.target))
    }

    /// Returns true if and only if a text is wanted in the language at position `l`.
    fn has_lang(&self, l: usize) -> bool {
        let l = u16::try_from(l).unwrap_or(u16::MAX);
        self.sources
            .iter()
            .chain(&self.targets)
            .any(|&(x, _)| x == l)
    }

    /// The hashes of the source texts wanted in the language at position `l`.
    fn sources_in(&self, l: u16) -> Vec<u64> {
        self.sources
            .iter()
            .filter(|&&(x, _)| x == l)
            .map(|&(_, h)| h)
            .collect()
    }

    /// The hashes of the translations wanted in the language at position `l`.
    fn targets_in(&self, l: u16) -> Vec<u64> {
        self.targets
            .iter()
            .filter(|&&(x, _)| x == l)
            .map(|&(_, h)| h)
            .collect()
    }
}

/// One article and its translations in one language, brought in line with its segments
/// (one unit per segment, as [`crate::workspace::plan::FilePlan`] holds them), to index
/// instead of reading them.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    /// The article.
    pub article: &'a Article,
    /// The language.
    pub lang: &'a Lang,
    /// One unit per segment of `article`.
    pub units: &'a [Unit],
}

/// A stable-within-the-process hash of a text.
#[must_use]
pub fn hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The hash of a source text in the index: [`hash`] of the text with its case folded.
#[must_use]
pub fn source_hash(text: &str) -> u64 {
    if text.chars().any(char::is_uppercase) {
        hash(&text.to_lowercase())
    } else {
        hash(text)
    }
}

impl Index {
    /// Builds the index from entries collected elsewhere.
    #[must_use]
    pub fn new(articles: Vec<String>, langs: Vec<Lang>, entries: Vec<Entry>) -> Self {
        let mut by_source = entries;
        by_source.sort_unstable_by_key(|e| (e.lang, e.source, e.target, e.article, e.n));
        let mut by_target: Vec<u32> = (0..by_source.len())
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        by_target.sort_unstable_by_key(|&i| {
            let e = &by_source[i as usize];
            (e.lang, e.target, e.source, e.article, e.n)
        });
        Self {
            articles,
            sources: std::path::PathBuf::from(crate::workspace::SOURCES_DIR),
            langs,
            by_source,
            by_target,
        }
    }

    /// Reads every translation of every article of the workspace.
    ///
    /// # Errors
    /// Any unreadable or malformed source or translation file.
    pub fn load(ws: &Workspace) -> Result<Self> {
        Self::load_wanted(ws, None, None)
    }

    /// As [`Index::load`], keeping only the entries that can answer a check of the pairs in
    /// `wanted`: those with one of its source texts or one of its translations. The findings
    /// for those pairs are the same as with the whole index, and the memory held is bounded
    /// by what is checked rather than by the workspace. The entries come from the index saved
    /// by the previous command where the files are unchanged ([`saved`]): only the files that
    /// changed since are read, and the saved index is brought up to date.
    ///
    /// # Errors
    /// As [`Index::load`].
    pub fn load_only(ws: &Workspace, wanted: &Wanted) -> Result<Self> {
        saved::load(ws, wanted, None)
    }

    /// As [`Index::load_only`], taking one article and the translations of one language from
    /// `known` rather than from the files: an operation about to change that file has them
    /// in hand, and a long article is then neither read nor held twice.
    ///
    /// # Errors
    /// As [`Index::load`].
    pub fn load_only_with(ws: &Workspace, wanted: &Wanted, known: &Known<'_>) -> Result<Self> {
        saved::load(ws, wanted, Some(known))
    }

    /// Brings the index saved between commands up to date with every file of the workspace,
    /// for the languages that have one: the commands about one article look only at the
    /// articles it names and at those bitext wrote since, so a workspace-wide command (`sync`,
    /// `qa`) calls this to let them see translations added or edited outside bitext. Costs one
    /// `stat` of each source and translation file, and a reading of those changed since.
    ///
    /// # Errors
    /// As [`Index::load`], for the articles read.
    pub fn refresh_saved(ws: &Workspace) -> Result<()> {
        saved::refresh(ws)
    }

    /// As [`Index::load_only_with`], reading every file of the workspace: what the saved
    /// index must give.
    ///
    /// # Errors
    /// As [`Index::load`].
    pub fn load_only_unsaved(
        ws: &Workspace,
        wanted: &Wanted,
        known: Option<&Known<'_>>,
    ) -> Result<Self> {
        Self::load_wanted(ws, Some(wanted), known)
    }

    fn load_wanted(
        ws: &Workspace,
        wanted: Option<&Wanted>,
        known: Option<&Known<'_>>,
    ) -> Result<Self> {
        let slugs = ws.all_articles()?;
        let langs = ws.config.targets.clone();
        // A chunk of articles at a time, so that only one list of entries is ever whole.
        let mut entries = Vec::new();
        for chunk in slugs.chunks(64) {
            let per_article = map_ordered(chunk, |slug| {
                let known = known.filter(|k| k.article.slug == *slug);
                let article = match known {
                    Some(k) => Cow::Borrowed(k.article),
                    None => Cow::Owned(ws.load_article(slug)?),
                };
                let index = slugs.binary_search(slug).unwrap_or(0);
                let mut entries = Vec::new();
                for (l, lang) in langs.iter().enumerate() {
                    if let Some(k) = known.filter(|k| k.lang == lang) {
                        // One unit per segment, as `sync` writes them.
                        for (segment, unit) in article.segments.iter().zip(k.units) {
                            if unit.has_target() {
                                let e = entry(l, index, segment.n, &segment.text, &unit.target);
                                if wanted.is_none_or(|w| w.keeps(&e)) {
                                    entries.push(e);
                                }
                            }
                        }
                        continue;
                    }
                    for (n, source, target) in translated(ws, &article, lang)? {
                        let e = Entry {
                            lang: u16::try_from(l).unwrap_or(u16::MAX),
                            source,
                            target,
                            article: u32::try_from(index).unwrap_or(u32::MAX),
                            n,
                        };
                        if wanted.is_none_or(|w| w.keeps(&e)) {
                            entries.push(e);
                        }
                    }
                }
                Ok(entries)
            })?;
            entries.extend(per_article.into_iter().flatten());
        }
        let mut index = Self::new(
            slugs.iter().map(ToString::to_string).collect(),
            langs,
            entries,
        );
        ws.sources_dir().clone_into(&mut index.sources);
        Ok(index)
    }

    /// Returns true if and only if the index holds nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_source.is_empty()
    }

    /// The consistency findings for `target` as the translation of `source` in `lang`, at
    /// `place` if it is a segment of the workspace.
    #[must_use]
    pub fn check(
        &self,
        source: &str,
        target: &str,
        lang: &Lang,
        place: Option<Place<'_>>,
    ) -> Vec<Finding> {
        let Some(l) = self.langs.iter().position(|x| x == lang) else {
            return Vec::new();
        };
        let l = u16::try_from(l).unwrap_or(u16::MAX);
        self.check_hashes(l, source_hash(source), hash(target), place)
    }

    /// As [`Index::check`], with the texts already hashed.
    #[must_use]
    pub fn check_hashes(
        &self,
        lang: u16,
        source: u64,
        target: u64,
        place: Option<Place<'_>>,
    ) -> Vec<Finding> {
        let mut findings = Vec::new();
        let elsewhere = |e: &&Entry| {
            place.is_none_or(|p| {
                self.articles.get(e.article as usize).map(String::as_str) != Some(p.article)
                    || e.n as usize != p.n
            })
        };
        let start = self
            .by_source
            .partition_point(|e| (e.lang, e.source) < (lang, source));
        let other = self.by_source[start..]
            .iter()
            .take_while(|e| (e.lang, e.source) == (lang, source))
            .filter(|e| e.target != target)
            .find(elsewhere);
        if let Some(other) = other {
            findings.push(
                Finding::new(Check::Inconsistent, "qa-inconsistent-source")
                    .arg("other", self.describe(other)),
            );
        }
        let start = self.by_target.partition_point(|&i| {
            let e = &self.by_source[i as usize];
            (e.lang, e.target) < (lang, target)
        });
        let other = self.by_target[start..]
            .iter()
            .map(|&i| &self.by_source[i as usize])
            .take_while(|e| (e.lang, e.target) == (lang, target))
            .filter(|e| e.source != source)
            .find(elsewhere);
        if let Some(other) = other {
            findings.push(
                Finding::new(Check::Inconsistent, "qa-inconsistent-target")
                    .arg("other", self.describe(other)),
            );
        }
        findings
    }

    fn describe(&self, entry: &Entry) -> String {
        let slug = self
            .articles
            .get(entry.article as usize)
            .map_or("", String::as_str);
        describe(&self.sources, slug, entry.n as usize)
    }
}

/// The translated segments of `article` in `lang`, as its translation file links them: each
/// segment's position and the hashes of its text and of the translation linked to it (current
/// or not).
///
/// # Errors
/// An unreadable or malformed translation file.
fn translated(ws: &Workspace, article: &Article, lang: &Lang) -> Result<Vec<(u32, u64, u64)>> {
    let Some(file) = ws.load_translation(lang, &article.slug)? else {
        return Ok(Vec::new());
    };
    let assessment = ws.assess(article, Some(&file));
    Ok(article
        .segments
        .iter()
        .zip(&assessment.links)
        .filter_map(|(segment, link)| {
            let unit = linked_unit(link, &file.units, &file.obsolete)?;
            let n = u32::try_from(segment.n).unwrap_or(u32::MAX);
            Some((n, source_hash(&segment.text), hash(&unit.target)))
        })
        .collect())
}

/// Where another translation is: `sources/<slug>.md, segment n`, in the UI language.
#[must_use]
pub fn describe(sources: &std::path::Path, slug: &str, n: usize) -> String {
    let path = sources.join(format!("{slug}.md"));
    crate::t!("qa-place", path = &crate::error::disp(&path), n = n)
}

/// Which way two segments disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Disagreement {
    /// The same source translated differently.
    Source,
    /// The same translation used for different sources.
    Target,
}

impl Disagreement {
    /// The Fluent id of the finding's message.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Source => "qa-inconsistent-source",
            Self::Target => "qa-inconsistent-target",
        }
    }
}

/// A consistency finding of the whole workspace: `entry` disagrees with `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inconsistency {
    /// The segment with the finding.
    pub entry: Entry,
    /// Which way it disagrees.
    pub kind: Disagreement,
    /// The segment it disagrees with, the one [`Index::check_hashes`] names.
    pub other: Entry,
}

/// How many entries [`Spill::inconsistencies`] sorts at once: 8 MiB of them.
const SLICE: usize = 1 << 18;

/// Size of an entry on disk: language, two hashes, article, position.
const RECORD: usize = 2 + 8 + 8 + 4 + 4;

/// The entries of a walk over the whole workspace, kept in an anonymous temporary file
/// (removed by the system when the file is closed, even after a crash).
#[derive(Debug)]
pub struct Spill {
    file: std::io::BufWriter<std::fs::File>,
    count: usize,
}

impl Spill {
    /// An empty spill.
    ///
    /// # Errors
    /// A temporary file that cannot be created.
    pub fn new() -> Result<Self> {
        let file = tempfile::tempfile().map_err(|source| Error::Write {
            path: std::env::temp_dir(),
            source,
        })?;
        Ok(Self {
            file: std::io::BufWriter::with_capacity(64 * 1024, file),
            count: 0,
        })
    }

    /// Adds `entries`.
    ///
    /// # Errors
    /// A failed write to the temporary file.
    pub fn push(&mut self, entries: &[Entry]) -> Result<()> {
        for e in entries {
            let mut record = [0u8; RECORD];
            record[0..2].copy_from_slice(&e.lang.to_le_bytes());
            record[2..10].copy_from_slice(&e.source.to_le_bytes());
            record[10..18].copy_from_slice(&e.target.to_le_bytes());
            record[18..22].copy_from_slice(&e.article.to_le_bytes());
            record[22..26].copy_from_slice(&e.n.to_le_bytes());
            self.file.write_all(&record).map_err(write_error)?;
        }
        self.count += entries.len();
        Ok(())
    }

    /// Every finding [`Index::check_hashes`] would give each entry (without a place to
    /// exclude: entries are distinct segments), sorted by article, language, position and
    /// kind. Each pass reads the file back and sorts only the entries whose hash falls in one
    /// slice of the hash space, so that at most about [`SLICE`] entries are held at once
    /// (more only when one text is repeated more often than that).
    ///
    /// # Errors
    /// A failed read of the temporary file.
    pub fn inconsistencies(self) -> Result<Vec<Inconsistency>> {
        let slices = self.count.div_ceil(SLICE).max(1);
        self.inconsistencies_in(slices)
    }

    /// As [`Spill::inconsistencies`], in `slices` passes.
    fn inconsistencies_in(self, slices: usize) -> Result<Vec<Inconsistency>> {
        let mut file = self
            .file
            .into_inner()
            .map_err(|e| write_error(e.into_error()))?;
        let mut found = Vec::new();
        // What a slice holds on average, and a margin above it, reserved at once: grown one
        // entry at a time, a slice just over a power of two would take twice its size.
        let expected = self.count / slices;
        let capacity = expected + expected / 16 + 4_096;
        for kind in [Disagreement::Source, Disagreement::Target] {
            // (language, the hash shared, the other hash): the sort order of `Index`.
            let key = |e: &Entry| match kind {
                Disagreement::Source => (e.lang, e.source, e.target, e.article, e.n),
                Disagreement::Target => (e.lang, e.target, e.source, e.article, e.n),
            };
            for slice in 0..slices {
                let mut entries = Vec::with_capacity(capacity);
                read_slice(&mut file, slices, slice, |e| key(e).1, &mut entries)?;
                entries.sort_unstable_by_key(key);
                for group in entries.chunk_by(|a, b| (key(a).0, key(a).1) == (key(b).0, key(b).1)) {
                    let first = group[0];
                    let Some(second) = group.iter().find(|e| key(e).2 != key(&first).2) else {
                        continue;
                    };
                    for &entry in group {
                        let other = if key(&entry).2 == key(&first).2 {
                            *second
                        } else {
                            first
                        };
                        found.push(Inconsistency { entry, kind, other });
                    }
                }
            }
        }
        found.sort_unstable_by_key(|f| (f.entry.article, f.entry.lang, f.entry.n, f.kind));
        Ok(found)
    }
}

fn write_error(source: std::io::Error) -> Error {
    Error::Write {
        path: std::env::temp_dir(),
        source,
    }
}

/// Adds to `entries` those of `file` whose `hash` falls in slice `slice` of `slices` equal
/// slices of the hash space.
fn read_slice(
    file: &mut std::fs::File,
    slices: usize,
    slice: usize,
    hash: impl Fn(&Entry) -> u64,
    entries: &mut Vec<Entry>,
) -> Result<()> {
    let read_error = |source| Error::Read {
        path: std::env::temp_dir(),
        source,
    };
    file.seek(std::io::SeekFrom::Start(0)).map_err(read_error)?;
    let mut reader = std::io::BufReader::with_capacity(64 * 1024, &*file);
    let mut record = [0u8; RECORD];
    loop {
        match reader.read_exact(&mut record) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => return Err(read_error(e)),
        }
        let field = |range: std::ops::Range<usize>| {
            let mut bytes = [0u8; 8];
            bytes[..range.len()].copy_from_slice(&record[range]);
            u64::from_le_bytes(bytes)
        };
        let entry = Entry {
            lang: u16::try_from(field(0..2)).unwrap_or(u16::MAX),
            source: field(2..10),
            target: field(10..18),
            article: u32::try_from(field(18..22)).unwrap_or(u32::MAX),
            n: u32::try_from(field(22..26)).unwrap_or(u32::MAX),
        };
        // Slice k holds the hashes h with k = floor(h * slices / 2^64).
        let of = (u128::from(hash(&entry)) * slices as u128) >> 64;
        if of == slice as u128 {
            entries.push(entry);
        }
    }
    Ok(())
}

/// An entry for segment `n` of article `article` in language `lang`.
#[must_use]
pub fn entry(lang: usize, article: usize, n: usize, source: &str, target: &str) -> Entry {
    Entry {
        lang: u16::try_from(lang).unwrap_or(u16::MAX),
        source: source_hash(source),
        target: hash(target),
        article: u32::try_from(article).unwrap_or(u32::MAX),
        n: u32::try_from(n).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::definitions::Definitions;

    fn index() -> Index {
        let fr = Lang::parse("fr").expect("fr");
        Index::new(
            vec!["a".into(), "b".into()],
            vec![fr],
            vec![
                entry(0, 0, 1, "For Your Information", "Pour votre information"),
                entry(0, 1, 4, "For Your Information", "Pour information"),
                entry(0, 0, 2, "Hands Off Peru!", "Bas les pattes du Pérou\u{a0}!"),
                entry(
                    0,
                    1,
                    5,
                    "Hands Off Canada!",
                    "Bas les pattes du Pérou\u{a0}!",
                ),
                entry(0, 0, 3, "Once", "Une fois"),
            ],
        )
    }

    #[test]
    fn the_same_source_translated_differently_is_found_both_ways() {
        let fr = Lang::parse("fr").expect("fr");
        let idx = index();
        let here = Place::new("a", 1, Definitions::none());
        let findings = idx.check(
            "For Your Information",
            "Pour votre information",
            &fr,
            Some(here),
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].message_id, "qa-inconsistent-source");
        assert!(findings[0].args[0].1.contains("sources/b.md"));
        let findings = idx.check(
            "Hands Off Peru!",
            "Bas les pattes du Pérou\u{a0}!",
            &fr,
            Some(Place::new("a", 2, Definitions::none())),
        );
        assert_eq!(findings[0].message_id, "qa-inconsistent-target");
        assert!(
            idx.check(
                "Once",
                "Une fois",
                &fr,
                Some(Place::new("a", 3, Definitions::none()))
            )
            .is_empty()
        );
    }

    #[test]
    fn sources_differing_only_in_case_are_one_source_text() {
        // The Node.js site's French page: the title "Get involved" and the heading "Get
        // Involved", both "Comment s'impliquer ?".
        let fr = Lang::parse("fr").expect("fr");
        let idx = Index::new(
            vec!["a".into()],
            vec![fr.clone()],
            vec![
                entry(0, 0, 1, "Get involved", "Comment s'impliquer\u{a0}?"),
                entry(0, 0, 2, "Get Involved", "Comment s'impliquer\u{a0}?"),
            ],
        );
        let place = Place::new("a", 2, Definitions::none());
        assert_eq!(
            idx.check(
                "Get Involved",
                "Comment s'impliquer\u{a0}?",
                &fr,
                Some(place)
            ),
            []
        );
        // Translated differently, they are the same text translated two ways.
        let findings = idx.check("Get Involved", "Participer", &fr, Some(place));
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].message_id, "qa-inconsistent-source");
    }

    /// The spilled findings are, in every number of passes, exactly what the index in memory
    /// gives each entry.
    #[test]
    fn spilled_findings_are_the_index_findings() {
        let fr = Lang::parse("fr").expect("fr");
        let es = Lang::parse("es").expect("es");
        let articles: Vec<String> = (0..40).map(|i| format!("a{i}")).collect();
        // Few texts, so that sources and targets repeat and disagree in every way.
        let mut entries = Vec::new();
        let mut seed = 7u64;
        for article in 0..40 {
            for lang in 0..2 {
                for n in 1..=12 {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    let source = format!("source {}", (seed >> 33) % 23);
                    let target = format!("target {}", (seed >> 45) % 19);
                    entries.push(entry(lang, article, n, &source, &target));
                }
            }
        }
        let index = Index::new(articles, vec![fr, es], entries.clone());
        let mut expected = Vec::new();
        for e in &entries {
            let place = Place::new(
                &index.articles[e.article as usize],
                e.n as usize,
                Definitions::none(),
            );
            for finding in index.check_hashes(e.lang, e.source, e.target, Some(place)) {
                expected.push((*e, finding.message_id, finding.args[0].1.clone()));
            }
        }
        assert!(expected.len() > 100, "{}", expected.len());
        for slices in [1, 2, 7, 64] {
            let mut spill = Spill::new().expect("spill");
            for chunk in entries.chunks(50) {
                spill.push(chunk).expect("push");
            }
            let found: Vec<_> = spill
                .inconsistencies_in(slices)
                .expect("read")
                .into_iter()
                .map(|f| {
                    let slug = &index.articles[f.other.article as usize];
                    (
                        f.entry,
                        f.kind.message_id(),
                        describe(std::path::Path::new("sources"), slug, f.other.n as usize),
                    )
                })
                .collect();
            assert_eq!(found, expected, "{slices} slices");
        }
    }

    #[test]
    fn a_segment_is_not_compared_with_its_own_old_translation() {
        let fr = Lang::parse("fr").expect("fr");
        let idx = index();
        // Segment a/3 is being given a new translation: the index still holds the old one.
        assert!(
            idx.check(
                "Once",
                "Une seule fois",
                &fr,
                Some(Place::new("a", 3, Definitions::none()))
            )
            .is_empty()
        );
        assert_eq!(idx.check("Once", "Une seule fois", &fr, None).len(), 1);
    }
}
