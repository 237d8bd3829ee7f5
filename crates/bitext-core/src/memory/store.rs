//! What the memory of a language holds, read from the workspace, and the on-disk cache that
//! spares re-reading it.
//!
//! The memory of `es-419` is every translated unit of `translations/es-419/` and of its
//! parents (`translations/es/`), then the translations of the TMX files in `memory/` whose
//! language is the same language (`es`, `es-ES`, `es-419`). Drafts are left out: a translator
//! has not confirmed them yet.
//!
//! The cache `.bitext-cache/memory-<lang>.bin` starts with what the files it was built from
//! amount to: their number, a 128-bit digest of their paths, sizes and modification times, and
//! the newest of those times. It is used only when that is exactly what is on disk now and
//! every file is older than the cache by a margin (a file changed within the same clock tick
//! as the build is not trusted), and is otherwise rebuilt. Checking it lists the directories
//! and holds nothing per file.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result, disp};
use crate::exchange::tmx;
use crate::memory::build::{Builder, Prepared};
use crate::memory::index::{Context, Entry, Memory, Origin};
use crate::model::lang::Lang;
use crate::model::slug::Slug;
use crate::model::translation::{TranslationFile, UnitState};
use crate::workspace::parallel::map_ordered;
use crate::workspace::{TRANSLATIONS_DIR, Workspace};

/// Directory of imported TMX memories, relative to the root.
pub const MEMORY_DIR: &str = "memory";
pub use crate::workspace::CACHE_DIR;

/// How much older than the cache every file must be for the cache to be trusted.
const RACY: Duration = Duration::from_secs(2);

/// The languages whose translations serve `lang`: itself, then its parents.
#[must_use]
pub fn chain(lang: &Lang) -> Vec<Lang> {
    std::iter::successors(Some(lang.clone()), Lang::parent).collect()
}

fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// A file the memory is built from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    path: PathBuf,
    len: u64,
    modified: u128,
}

/// What the files of a memory amount to: [`Digest::add`] each file, in any order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Digest {
    files: u64,
    sum: u128,
    newest: u128,
}

impl Digest {
    fn add(&mut self, stamp: &Stamp) {
        let path = stamp.path.as_os_str().as_encoded_bytes();
        let hash = |basis: u64| {
            [
                path,
                b"\0",
                &stamp.len.to_le_bytes(),
                &stamp.modified.to_le_bytes(),
            ]
            .iter()
            .flat_map(|p| p.iter())
            .fold(basis, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            })
        };
        // Two FNV-1a hashes from different bases; the sum does not depend on the order.
        let h =
            u128::from(hash(0xcbf2_9ce4_8422_2325)) << 64 | u128::from(hash(0x6c62_272e_07bb_0142));
        self.sum = self.sum.wrapping_add(h);
        self.files += 1;
        self.newest = self.newest.max(stamp.modified);
    }

    fn of(stamps: &[Stamp]) -> Self {
        let mut digest = Self::default();
        for stamp in stamps {
            digest.add(stamp);
        }
        digest
    }
}

/// Every file the memory of `chain` reads, with its size and modification time, in memory
/// order: by directory, then by name.
fn stamps(ws: &Workspace, chain: &[Lang]) -> Result<Vec<Stamp>> {
    let mut out = Vec::new();
    walk(ws, chain, |dir, stamp| out.push((dir, stamp)))?;
    // By name: in one directory that is the paths' order, without parsing each path.
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.path.cmp(&b.1.path)));
    Ok(out.into_iter().map(|(_, stamp)| stamp).collect())
}

/// The digest of the files the memory of `chain` reads, without holding their list.
fn digest(ws: &Workspace, chain: &[Lang]) -> Result<Digest> {
    let mut digest = Digest::default();
    walk(ws, chain, |_, stamp| digest.add(&stamp))?;
    Ok(digest)
}

/// Calls `f` with every file the memory of `chain` reads and the number of its directory, in
/// the directories' order but in no order within one.
fn walk(ws: &Workspace, chain: &[Lang], f: impl FnMut(usize, Stamp)) -> Result<()> {
    walk_with_folders(ws, chain, f, |_| {})
}

/// As [`walk`], also calling `folder` with every folder listed, root-relative.
fn walk_with_folders(
    ws: &Workspace,
    chain: &[Lang],
    mut f: impl FnMut(usize, Stamp),
    mut folder: impl FnMut(PathBuf),
) -> Result<()> {
    let mut dirs: Vec<(PathBuf, &str)> = chain
        .iter()
        .map(|l| (ws.translations_dir(l), "json"))
        .collect();
    dirs.push((PathBuf::from(MEMORY_DIR), "tmx"));
    for (n, (dir, ext)) in dirs.into_iter().enumerate() {
        let mut failed = None;
        ws.walk_files(
            &dir,
            &[ext],
            |relative, _, entry| {
                if failed.is_some() {
                    return;
                }
                let path = dir.join(relative);
                // Through the directory entry (a `stat` relative to the open directory, no
                // path to resolve), except for a link, whose target is what is read.
                let meta = match entry.file_type() {
                    Ok(kind) if !kind.is_symlink() => entry.metadata(),
                    _ => std::fs::metadata(ws.abs(&path)),
                };
                match meta {
                    Ok(meta) => {
                        let modified = meta
                            .modified()
                            .ok()
                            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                            .map_or(0, |d| d.as_nanos());
                        f(
                            n,
                            Stamp {
                                path,
                                len: meta.len(),
                                modified,
                            },
                        );
                    }
                    Err(source) => failed = Some(Error::Read { path, source }),
                }
            },
            |inside| folder(dir.join(inside)),
        )?;
        if let Some(error) = failed {
            return Err(error);
        }
    }
    Ok(())
}

/// Reads the entries of one file of the memory of `lang`: the translated and reviewed units
/// (live, then obsolete) of a translation file, or the translations of a TMX file in that
/// language.
///
/// # Errors
/// A path outside the workspace, or an unreadable or malformed file, naming it.
pub fn entries_of(ws: &Workspace, lang: &Lang, path: &Path) -> Result<Vec<Entry>> {
    ws.check_inside(path)?;
    let bytes = crate::workspace::files::read_existing(&ws.abs(path), path)?;
    let mut out = Vec::new();
    if path.starts_with(MEMORY_DIR) {
        let text = crate::error::utf8(path, &bytes)?;
        let file = disp(path);
        for unit in tmx::read(path, text, &ws.config.source)? {
            for (tag, target) in unit.targets {
                if primary(&tag) == primary(lang.as_str()) {
                    out.push(Entry {
                        source: unit.source.clone(),
                        target,
                        origin: Origin::Tmx {
                            file: file.clone(),
                            lang: tag,
                        },
                        context: None,
                    });
                }
            }
        }
        return Ok(out);
    }
    // `translations/<lang>/<article>.json` (or `.bitext/…` for the records of translations
    // kept as pages), the article at any depth.
    let mut below = path
        .strip_prefix(TRANSLATIONS_DIR)
        .or_else(|_| path.strip_prefix(crate::workspace::RECORDS_DIR))
        .unwrap_or(path)
        .components();
    let dir_lang = below
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .unwrap_or_default();
    let article = Slug::from_path(&below.as_path().with_extension(""))
        .map(|slug| slug.as_str().to_owned())
        .unwrap_or_default();
    let article = article.as_str();
    let file = TranslationFile::parse(path, &bytes, article, dir_lang)?;
    // Translations kept as pages: the record read with its page, edits by hand included.
    let file = match (
        &ws.config.layout.pages,
        Lang::parse(dir_lang),
        Slug::parse(article),
    ) {
        (Some(_), Ok(lang), Ok(slug)) => ws.load_translation(&lang, &slug)?.unwrap_or(file),
        _ => file,
    };
    let usable =
        |u: &&crate::model::translation::Unit| u.has_target() && u.state != Some(UnitState::Draft);
    // A unit's neighbours are the units around it, translated or not: the file lists one
    // unit per segment, in the article's order, as `sync` leaves it.
    let sources: Vec<&str> = file.units.iter().map(|u| u.source.as_str()).collect();
    let contexts = Context::of_each(&sources);
    for ((i, unit), context) in file.units.iter().enumerate().zip(contexts) {
        if usable(&unit) {
            out.push(Entry {
                source: unit.source.clone(),
                target: unit.target.clone(),
                origin: Origin::Segment {
                    article: article.to_owned(),
                    lang: dir_lang.to_owned(),
                    n: i + 1,
                    id: unit.id.clone(),
                },
                context: Some(context),
            });
        }
    }
    for unit in file.obsolete.iter().filter(usable) {
        out.push(Entry {
            source: unit.source.clone(),
            target: unit.target.clone(),
            origin: Origin::Obsolete {
                article: article.to_owned(),
                lang: dir_lang.to_owned(),
            },
            // Its paragraph is gone: it has no place in the article any more.
            context: None,
        });
    }
    Ok(out)
}

fn cache_path(lang: &Lang) -> PathBuf {
    Path::new(CACHE_DIR).join(format!("memory-{lang}.bin"))
}

/// What a cache must have been built from to serve now.
fn header(chain: &[Lang], digest: &Digest) -> String {
    format!(
        "bitext memory 4 {}\n{}\n{} {:032x} {}\n",
        env!("CARGO_PKG_VERSION"),
        chain.iter().map(Lang::as_str).collect::<Vec<_>>().join(" "),
        digest.files,
        digest.sum,
        digest.newest
    )
}

fn now_nanos() -> u128 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Every entry of the memory of `lang`, read from the workspace (no cache), in memory order.
///
/// # Errors
/// An unreadable or malformed translation or TMX file, naming it.
pub fn entries(ws: &Workspace, lang: &Lang) -> Result<Vec<Entry>> {
    let stamps = stamps(ws, &chain(lang))?;
    let files: Vec<PathBuf> = stamps.into_iter().map(|s| s.path).collect();
    Ok(map_ordered(&files, |p| entries_of(ws, lang, p))?
        .into_iter()
        .flatten()
        .collect())
}

/// The memory of `lang`, from the cache when it is still valid, otherwise read from the
/// workspace, and then the cache rewritten when `write_cache` is set and the files are
/// settled enough to trust it. Commands that promise to write nothing pass `false`.
///
/// # Errors
/// An unreadable or malformed translation or TMX file, naming it.
pub fn open(ws: &Workspace, lang: &Lang, write_cache: bool) -> Result<Memory> {
    let chain = chain(lang);
    let digest = digest(ws, &chain)?;
    let cache = ws.abs(&cache_path(lang));
    if let Some((memory, _)) = read_cache(&cache, &cache_path(lang), &chain, &digest) {
        return Ok(memory.with_placeholders(ws.config.qa.placeholders.clone()));
    }
    let stamps = stamps(ws, &chain)?;
    let expected = header(&chain, &Digest::of(&stamps));
    Ok(build(ws, lang, &stamps, &expected, write_cache)?.0)
}

/// Files read in parallel at a time while building: their entries are all that is held.
const CHUNK: usize = 64;

/// Reads the files of `stamps` and builds the memory's index file: the cache itself when
/// `write_cache` is set and the files are settled enough to trust it, otherwise an anonymous
/// temporary file; returns the memory with the time the reading started.
fn build(
    ws: &Workspace,
    lang: &Lang,
    stamps: &[Stamp],
    expected: &str,
    write_cache: bool,
) -> Result<(Memory, u128)> {
    let rel = cache_path(lang);
    let cache = ws.abs(&rel);
    let built_at = now_nanos();
    let settled = stamps
        .iter()
        .all(|s| s.modified + RACY.as_nanos() < built_at);
    let fail = |source| Error::Write {
        path: rel.clone(),
        source,
    };
    // A cache that cannot be written only costs time next run.
    let named = (write_cache && settled && ws.check_inside(Path::new(CACHE_DIR)).is_ok())
        .then(|| temp_beside(&cache).ok())
        .flatten();
    let file = match &named {
        Some(temp) => temp.as_file().try_clone(),
        None => tempfile::tempfile(),
    }
    .map_err(fail)?;
    let head = format!("{built_at}\n{expected}");
    let mut builder = Builder::new(file, head.as_bytes()).map_err(fail)?;
    for chunk in stamps.chunks(CHUNK) {
        let prepared = map_ordered(chunk, |s| {
            Ok(entries_of(ws, lang, &s.path)?
                .into_iter()
                .map(Prepared::new)
                .collect::<Vec<_>>())
        })?;
        for entry in prepared.into_iter().flatten() {
            builder.push(entry).map_err(fail)?;
        }
    }
    let file = builder.finish().map_err(fail)?;
    if let Some(temp) = named {
        let _ = temp.persist(&cache);
    }
    let memory = Memory::from_file(file, &rel).ok_or_else(|| {
        fail(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "memory index: inconsistent file",
        ))
    })?;
    Ok((
        memory.with_placeholders(ws.config.qa.placeholders.clone()),
        built_at,
    ))
}

/// A temporary file in the directory of `path`, to be renamed onto it.
fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    tempfile::Builder::new()
        .prefix(&crate::model::leftovers::prefix())
        .suffix(crate::model::leftovers::suffix())
        .tempfile_in(dir)
}

/// An opened memory with what it was built from, so that a long-running process (`bitext
/// serve`) can keep it and tell cheaply whether it still holds.
#[derive(Debug)]
pub struct Opened {
    /// The memory.
    pub memory: Memory,
    /// The list of files (with sizes and modification times) it was built from.
    expected: String,
    /// When the files were read, in nanoseconds since the epoch.
    built_at: u128,
    /// The folders listed, at any depth, with their modification times taken before listing
    /// them (none for a missing one).
    dirs: Vec<(PathBuf, Option<u128>)>,
}

impl Opened {
    /// True if and only if the memory is still what [`open`] would give now: the same files,
    /// with the same sizes and modification times, every one older than the build by the
    /// margin (as for the cache). Costs one directory listing and one `stat` per file, not
    /// the reading of any of them.
    #[must_use]
    pub fn is_fresh(&self, ws: &Workspace, lang: &Lang) -> bool {
        let chain = chain(lang);
        let Ok(digest) = digest(ws, &chain) else {
            return false;
        };
        digest.newest + RACY.as_nanos() < self.built_at && header(&chain, &digest) == self.expected
    }

    /// True if the directories the memory's files are listed from were not changed since it
    /// was built (their modification times, settled by the same margin). bitext writes a
    /// file by renaming a new one into place and `git` replaces the files it updates, both of
    /// which change the directory; an edit in place does not, so this check alone does not
    /// see everything [`Opened::is_fresh`] does. A few `stat` calls.
    #[must_use]
    pub fn dirs_unchanged(&self, ws: &Workspace, _lang: &Lang) -> bool {
        // A folder added, removed or renamed changes its parent, which is listed.
        self.dirs.iter().all(|(dir, was)| {
            let now = modified(ws, dir);
            now == *was && now.is_none_or(|m| m + RACY.as_nanos() < self.built_at)
        })
    }
}

/// The modification time of `dir` (root-relative), none when it is missing.
fn modified(ws: &Workspace, dir: &Path) -> Option<u128> {
    std::fs::metadata(ws.abs(dir))
        .ok()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
}

/// As [`open`], keeping what the memory was built from for [`Opened::is_fresh`].
///
/// # Errors
/// An unreadable or malformed translation or TMX file, naming it.
pub fn open_stamped(ws: &Workspace, lang: &Lang, write_cache: bool) -> Result<Opened> {
    let chain = chain(lang);
    let mut dirs = Vec::new();
    let mut digest = Digest::default();
    walk_with_folders(
        ws,
        &chain,
        |_, stamp| digest.add(&stamp),
        |dir| {
            let at = modified(ws, &dir);
            dirs.push((dir, at));
        },
    )?;
    let cache = ws.abs(&cache_path(lang));
    if let Some((memory, built_at)) = read_cache(&cache, &cache_path(lang), &chain, &digest) {
        return Ok(Opened {
            memory: memory.with_placeholders(ws.config.qa.placeholders.clone()),
            expected: header(&chain, &digest),
            built_at,
            dirs,
        });
    }
    let stamps = stamps(ws, &chain)?;
    let expected = header(&chain, &Digest::of(&stamps));
    let (memory, built_at) = build(ws, lang, &stamps, &expected, write_cache)?;
    Ok(Opened {
        memory,
        expected,
        built_at,
        dirs,
    })
}

fn read_cache(path: &Path, rel: &Path, chain: &[Lang], digest: &Digest) -> Option<(Memory, u128)> {
    let file = std::fs::File::open(path).ok()?;
    let head = Memory::read_header(&file)?;
    let head = std::str::from_utf8(&head).ok()?;
    let (built_at, rest) = head.split_once('\n')?;
    let built_at: u128 = built_at.parse().ok()?;
    // Every file must predate the build by the margin: one written in the same tick as the
    // build may have changed after it was read, with the same size and time.
    if rest != header(chain, digest) || digest.newest + RACY.as_nanos() >= built_at {
        return None;
    }
    Memory::from_file(file, rel).map(|m| (m, built_at))
}

/// Scores at or above which `status` and `diff` show a missing segment's best match.
pub const SHOWN_MATCH: u8 = 75;

/// The memories of several languages, each opened the first time it is needed, for reports
/// that show the best match of missing segments. A memory that cannot be read shows no match:
/// the report is about the selected articles, not about every file of the workspace.
pub struct BestMatches<'a> {
    ws: &'a Workspace,
    slots: Vec<(Lang, std::sync::OnceLock<Option<Memory>>)>,
    /// Held by the thread opening a memory.
    opening: std::sync::Mutex<()>,
}

impl<'a> BestMatches<'a> {
    /// Nothing opened yet.
    #[must_use]
    pub fn new(ws: &'a Workspace, langs: &[Lang]) -> Self {
        Self {
            ws,
            slots: langs
                .iter()
                .map(|l| (l.clone(), std::sync::OnceLock::new()))
                .collect(),
            opening: std::sync::Mutex::new(()),
        }
    }

    /// The score of the best match for `text` in `lang`, when there is one of at least
    /// [`SHOWN_MATCH`].
    #[must_use]
    pub fn best(&self, lang: &Lang, text: &str) -> Option<u8> {
        let (_, slot) = self.slots.iter().find(|(l, _)| l == lang)?;
        // Opening a memory works on every core: a thread of the pool that waits for another
        // to open it must go on running the pool's work meanwhile, or the opening waits on
        // threads that wait on it.
        let memory = loop {
            if let Some(memory) = slot.get() {
                break memory;
            }
            let guard = match self.opening.try_lock() {
                Ok(guard) => Some(guard),
                Err(std::sync::TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
                Err(std::sync::TryLockError::WouldBlock) => None,
            };
            if guard.is_some() {
                if slot.get().is_none() {
                    let _ = slot.set(open(self.ws, lang, false).ok());
                }
                continue;
            }
            if rayon::yield_now().is_none() {
                std::thread::yield_now();
            }
        }
        .as_ref()?;
        let hits = memory.lookup(text, SHOWN_MATCH, 1).ok()?;
        hits.first().map(|h| h.score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(path: &str, len: u64, modified: u128) -> Stamp {
        Stamp {
            path: PathBuf::from(path),
            len,
            modified,
        }
    }

    /// The header holds a digest, not the list of files: it must still tell apart every
    /// change the list would have shown, and not depend on the order files are listed in.
    #[test]
    fn the_digest_sees_every_change_to_the_list_of_files() {
        let files = [
            stamp("translations/fr/a.json", 10, 1_000),
            stamp("translations/fr/b.json", 10, 2_000),
            stamp("memory/old.tmx", 300, 500),
        ];
        let base = Digest::of(&files);
        let mut reversed = files.clone();
        reversed.reverse();
        assert_eq!(Digest::of(&reversed), base);
        assert_eq!((base.files, base.newest), (3, 2_000));
        let changed = |f: &dyn Fn(&mut Vec<Stamp>)| {
            let mut list = files.to_vec();
            f(&mut list);
            Digest::of(&list)
        };
        let variants = [
            changed(&|l| l[0].len = 11),
            changed(&|l| l[0].modified = 1_001),
            changed(&|l| l[0].path = PathBuf::from("translations/fr/c.json")),
            // Two files trading sizes and times: the same multiset of both.
            changed(&|l| {
                l[0].modified = 2_000;
                l[1].modified = 1_000;
            }),
            changed(&|l| {
                l.pop();
            }),
            changed(&|l| l.push(stamp("memory/new.tmx", 1, 1))),
        ];
        for (i, v) in variants.iter().enumerate() {
            assert_ne!(v.sum, base.sum, "variant {i}");
            for w in &variants[i + 1..] {
                assert_ne!(v.sum, w.sum);
            }
        }
        let chain = [Lang::parse("fr").expect("tag")];
        assert_ne!(header(&chain, &base), header(&chain, &variants[0]));
        assert!(header(&chain, &base).len() < 200);
    }
}
