//! `bitext adopt`: records, for the translated pages a repository already has, which English
//! each paragraph was translated from, found in the git history.
//!
//! For each line of a page, the commit that last changed it, as `git blame` finds it: the
//! history is read once, oldest commit first, each version of a page compared line by line
//! with the one before. A paragraph was translated in the newest commit among its lines; the
//! page as it was then is paired by structure with the English page as it was then, which
//! gives the English the paragraph was translated from. Per paragraph, never per page: a typo
//! fixed in one paragraph after the English moved on makes that paragraph alone count as
//! translated from the newer English. Only the records are written; pages are left as they
//! are.

use std::collections::HashMap;
use std::path::PathBuf;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::error::{Result, disp};
use crate::model::article::{Article, is_mdx};
use crate::model::lang::Lang;
use crate::model::lengthalign::Para;
use crate::model::pairing::pair;
use crate::model::placeholder::Placeholders;
use crate::model::segment::{Segment, segment, segment_mdx, spans, text_hash};
use crate::model::slug::Slug;
use crate::model::translation::{FORMAT_VERSION, TranslationFile, Unit, UnitState, commit, stage};
use crate::workspace::Workspace;
use crate::workspace::history::{Change, Contents, Repo, apply};
use crate::workspace::parallel::map_ordered;

/// What to record for a page that has no history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assume {
    /// Its paragraphs are translations of today's English.
    Current,
    /// Its paragraphs are translations of older English: stale.
    Stale,
}

/// What `adopt` found and recorded.
#[derive(Debug, Default)]
pub struct AdoptReport {
    /// Commits read.
    pub commits: usize,
    /// Pages read.
    pub pages: usize,
    /// Paragraphs recorded as translated from a known English text.
    pub translated: usize,
    /// Paragraphs still in English.
    pub untranslated: usize,
    /// Paragraphs whose English could not be told: recorded as drafts.
    pub drafts: usize,
    /// Pages with such paragraphs, root-relative, with how many.
    pub unpaired: Vec<(String, usize)>,
    /// Pages with no history, root-relative.
    pub without_history: Vec<String>,
    /// Records written, root-relative.
    pub written: Vec<String>,
}

impl AdoptReport {
    /// Adds what `other` found on other pages.
    fn add(&mut self, other: Self) {
        self.translated += other.translated;
        self.untranslated += other.untranslated;
        self.drafts += other.drafts;
        self.unpaired.extend(other.unpaired);
        self.without_history.extend(other.without_history);
    }
}

/// How far `adopt` is, for a progress display.
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    /// Commits read so far.
    History(usize),
    /// Pages recorded so far, of all.
    Pages(usize, usize),
}

/// The commit (by index) that last changed each line of a version; `u32::MAX` for none.
type Lines = Vec<u32>;

/// A page to adopt.
struct Page {
    lang: Lang,
    slug: Slug,
    /// Root-relative.
    path: PathBuf,
    /// Relative to the repository's top, as git names it.
    git_path: String,
    /// The English page, root-relative.
    source: PathBuf,
}

/// The text of `page` in the working tree.
fn read_page(ws: &Workspace, page: &Page) -> Result<String> {
    let bytes = crate::workspace::files::read_existing(&ws.abs(&page.path), &page.path)?;
    Ok(crate::error::utf8(&page.path, &bytes)?.to_owned())
}

/// The number of lines git counts in `text`.
fn git_lines(text: &str) -> usize {
    text.lines().count()
}

/// The origins of the lines of `now` (the working page), from those of `committed` (its
/// last committed version): equal lines keep theirs, others have none.
fn working(committed: &str, now: &str, origins: &[u32]) -> Lines {
    let old: Vec<&str> = committed.lines().collect();
    let new: Vec<&str> = now.lines().collect();
    let mut out = vec![u32::MAX; new.len()];
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                out[new_index + k] = origins.get(old_index + k).copied().unwrap_or(u32::MAX);
            }
        }
    }
    out
}

/// Records the provenance of every translated page in `langs`. Every page is read before any
/// record is written: a failure writes nothing.
///
/// # Errors
/// Translations not kept as pages, no history without `assume`, git failing, or an
/// unreadable source, page or record.
pub fn run(
    ws: &Workspace,
    langs: &[Lang],
    assume: Option<Assume>,
    mut progress: impl FnMut(Progress),
) -> Result<AdoptReport> {
    if ws.config.layout.pages.is_none() {
        return Err(crate::error::Error::AdoptNeedsPages);
    }
    let repo = Repo::find(&ws.root);
    let prefix = repo.as_ref().map(|r| r.prefix.clone()).unwrap_or_default();
    let pages = list_pages(ws, langs, &prefix)?;
    let mut report = AdoptReport {
        pages: pages.len(),
        ..AdoptReport::default()
    };
    let mut history = match &repo {
        Some(repo) => Some(History::read(ws, repo, langs, &pages, &mut progress)?),
        None if assume.is_none() => return Err(crate::error::Error::AdoptNeedsHistory),
        None => None,
    };
    report.commits = history.as_ref().map_or(0, |h| h.commits.len());
    let total = pages.len();
    let indexed: Vec<(usize, &Page)> = pages.iter().enumerate().collect();
    // The commit each segment of each page was last changed in, then the English page as it
    // was at each of these commits, found for all pages at once in the order of the commits.
    let mut origins: Vec<Option<Vec<u32>>> = Vec::with_capacity(total);
    match history.as_mut() {
        Some(history) => {
            for chunk in indexed.chunks(CHUNK) {
                let texts = map_ordered(chunk, |&(_, page)| read_page(ws, page))?;
                origins.extend(history.origins(chunk, &texts)?);
            }
            history.find_english(&pages, &origins)?;
        }
        None => origins.resize(total, None),
    }
    let placeholders = &ws.config.qa.placeholders;
    // A chunk of pages at a time: their versions asked of git in one batch, their records
    // staged beside their places, so that memory follows the chunk.
    let mut staged = Vec::new();
    for chunk in indexed.chunks(CHUNK) {
        let first = chunk[0].0;
        progress(Progress::Pages(first, total));
        let origins = &origins[first..first + chunk.len()];
        let then = match history.as_mut() {
            Some(history) => history.then(chunk, origins, &ws.config.qa.placeholders)?,
            None => vec![HashMap::new(); chunk.len()],
        };
        // The records, made on every core, each with what it found.
        let work: Vec<_> = chunk.iter().zip(origins).zip(then).collect();
        let made = map_ordered(&work, |&((&(_, page), origins), ref then)| {
            let article = ws.load_article(&page.slug)?;
            let text = read_page(ws, page)?;
            let mut found = AdoptReport::default();
            let record = match origins {
                Some(origins) => from_history(
                    &article,
                    page,
                    &text,
                    origins,
                    then,
                    placeholders,
                    &mut found,
                ),
                None => {
                    found.without_history.push(disp(&page.path));
                    assumed(&article, page, &text, assume, placeholders, &mut found)
                }
            };
            let path = ws.translation_path(&page.lang, &page.slug);
            let json = record.to_json();
            let abs = ws.abs(&path);
            let changed = !crate::workspace::files::holds(&abs, json.as_bytes());
            Ok((found, changed.then_some((path, abs, json))))
        })?;
        let mut changed = Vec::new();
        for (found, record) in made {
            report.add(found);
            changed.extend(record);
        }
        staged.extend(stage_all(ws, changed)?);
    }
    // Every page read: the records take their places.
    for (temp, abs, path) in staged {
        commit(temp, &abs)?;
        report.written.push(disp(&path));
    }
    progress(Progress::Pages(total, total));
    Ok(report)
}

/// The translated pages of `langs` that exist, `prefix` before their paths as git names them.
fn list_pages(ws: &Workspace, langs: &[Lang], prefix: &str) -> Result<Vec<Page>> {
    let mut pages = Vec::new();
    for slug in ws.all_articles()? {
        let source = ws.source_file(&slug)?;
        for lang in langs {
            if let Some(path) = ws.page_path(lang, &slug)?
                && ws.abs(&path).is_file()
            {
                let git_path = format!(
                    "{prefix}{}",
                    path.to_string_lossy()
                        .replace(std::path::MAIN_SEPARATOR, "/")
                );
                pages.push(Page {
                    lang: lang.clone(),
                    slug: slug.clone(),
                    path,
                    git_path,
                    source: source.clone(),
                });
            }
        }
    }
    Ok(pages)
}

/// The history of the pages, read once.
struct History {
    /// Every commit that changed a page, oldest first.
    commits: Vec<String>,
    /// Each page's blob at its last commit, by the page's index.
    last: Vec<Option<String>>,
    /// The blob each page (by index) had after each commit (by index) that changed it.
    introduced: HashMap<(usize, u32), String>,
    /// The lines' commits of every version of a page seen (a branch's change starts from
    /// its parent's version, not from the last one listed).
    versions: HashMap<String, Lines>,
    /// The English page's blob at each commit (by index) a page's (by index) segments come
    /// from.
    english: HashMap<(usize, u32), String>,
    contents: Contents,
}

impl History {
    fn read(
        ws: &Workspace,
        repo: &Repo,
        langs: &[Lang],
        pages: &[Page],
        progress: &mut impl FnMut(Progress),
    ) -> Result<Self> {
        let by_path: HashMap<&str, usize> = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.git_path.as_str(), i))
            .collect();
        let mut last: Vec<Option<String>> = vec![None; pages.len()];
        let mut introduced: HashMap<(usize, u32), String> = HashMap::new();
        let mut versions: HashMap<String, Lines> = HashMap::new();
        let mut contents = repo.contents()?;
        let folders: Vec<PathBuf> = langs
            .iter()
            .filter_map(|l| {
                ws.config
                    .layout
                    .pages
                    .as_ref()
                    .and_then(|p| p.folder(l))
                    .map(std::path::Path::to_path_buf)
            })
            .collect();
        let mut failure = None;
        let mut seen_commits = 0;
        let commits = repo.log(&folders, |all, change: Change| {
            if failure.is_some() {
                return;
            }
            if all.len() != seen_commits {
                seen_commits = all.len();
                progress(Progress::History(seen_commits));
            }
            let Some(&i) = by_path.get(change.path.as_str()) else {
                return;
            };
            let Some(new) = change.new else {
                last[i] = None;
                return;
            };
            let commit = u32::try_from(change.commit).unwrap_or(u32::MAX);
            let origins = if versions.contains_key(&new) {
                None
            } else {
                match &change.old {
                    None => Some(apply(&[], &change.hunks, commit)),
                    Some(old) => match versions.get(old) {
                        Some(old) => Some(apply(old, &change.hunks, commit)),
                        // Made from a version never listed (a merge's own resolution): its
                        // lines' commits are not known.
                        None => match contents.get(&new) {
                            Ok(bytes) => {
                                let text = bytes.map(|b| String::from_utf8_lossy(&b).into_owned());
                                Some(vec![u32::MAX; text.as_deref().map_or(0, git_lines)])
                            }
                            Err(e) => {
                                failure = Some(e);
                                return;
                            }
                        },
                    },
                }
            };
            if let Some(origins) = origins {
                versions.insert(new.clone(), origins);
            }
            introduced.insert((i, commit), new.clone());
            last[i] = Some(new);
        })?;
        if let Some(e) = failure {
            return Err(e);
        }
        Ok(Self {
            commits,
            last,
            introduced,
            versions,
            english: HashMap::new(),
            contents,
        })
    }

    /// For each page of `chunk` (with its article and its text in the working tree), the
    /// commit each of its segments was last changed in; none for a page without history.
    fn origins(
        &mut self,
        chunk: &[(usize, &Page)],
        texts: &[String],
    ) -> Result<Vec<Option<Vec<u32>>>> {
        let blobs: Vec<Option<String>> = chunk
            .iter()
            .map(|(k, _)| {
                self.last[*k]
                    .clone()
                    .filter(|blob| self.versions.contains_key(blob))
            })
            .collect();
        let specs: Vec<String> = blobs.iter().flatten().cloned().collect();
        let mut committed = self.contents.get_many(&specs)?.into_iter();
        let versions = &self.versions;
        let work: Vec<LastVersion<'_>> = chunk
            .iter()
            .zip(texts)
            .zip(&blobs)
            .map(|((&(_, page), text), blob)| {
                let last = blob.as_ref().map(|blob| {
                    (
                        &versions[blob],
                        committed.next().flatten().unwrap_or_default(),
                    )
                });
                (page, text.as_str(), last)
            })
            .collect();
        map_ordered(&work, |(page, text, last)| {
            let Some((lines, committed)) = last else {
                return Ok(None);
            };
            // The working page against its last commit: an uncommitted line has no commit
            // (`u32::MAX`), and its paragraph no known English.
            let committed = String::from_utf8_lossy(committed);
            let lines = if committed == *text {
                (*lines).clone()
            } else {
                working(&committed, text, lines)
            };
            Ok(Some(paragraph_origins(text, is_mdx(&page.path), &lines)))
        })
    }

    /// The English page's blob at each commit each page's segments come from (`origins`, by
    /// page), asked of git in the order of the commits: a commit's trees, read for one page,
    /// serve the next.
    fn find_english(&mut self, pages: &[Page], origins: &[Option<Vec<u32>>]) -> Result<()> {
        let known = self.commits.len();
        let mut wanted: Vec<(u32, usize)> = origins
            .iter()
            .enumerate()
            .flat_map(|(k, origins)| {
                origins
                    .iter()
                    .flatten()
                    .copied()
                    .filter(move |c| (*c as usize) < known)
                    .map(move |c| (c, k))
            })
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let specs: Vec<String> = wanted
            .iter()
            .map(|&(c, k)| {
                self.contents
                    .spec_at(&self.commits[c as usize], &pages[k].source)
            })
            .collect();
        let ids = self.contents.ids_many(&specs)?;
        self.english = wanted
            .into_iter()
            .zip(ids)
            .filter_map(|((c, k), id)| id.map(|id| ((k, c), id)))
            .collect();
        Ok(())
    }

    /// For each page of `chunk` (with its segments' commits), the page and the English page
    /// as they were at each commit its paragraphs come from, paired by structure (none where
    /// one of them is not found).
    fn then(
        &mut self,
        chunk: &[(usize, &Page)],
        origins: &[Option<Vec<u32>>],
        placeholders: &Placeholders,
    ) -> Result<Vec<HashMap<u32, Option<Then>>>> {
        // Every blob asked once, by its place among the answers.
        let mut specs: Vec<String> = Vec::new();
        let mut place: HashMap<String, usize> = HashMap::new();
        let mut ask = |spec: String| {
            *place.entry(spec).or_insert_with_key(|spec| {
                specs.push(spec.clone());
                specs.len() - 1
            })
        };
        let mut raw: Vec<(bool, bool, Vec<Version>)> = Vec::with_capacity(chunk.len());
        for (&(k, page), origins) in chunk.iter().zip(origins) {
            let mut commits: Vec<u32> = origins
                .iter()
                .flatten()
                .copied()
                .filter(|c| (*c as usize) < self.commits.len())
                .collect();
            commits.sort_unstable();
            commits.dedup();
            let versions = commits
                .into_iter()
                .map(|c| {
                    // The page by the blob the history gave it; the English page by the blob
                    // found at that commit.
                    let old_page = self.introduced.get(&(k, c)).cloned().unwrap_or_else(|| {
                        self.contents.spec_at(&self.commits[c as usize], &page.path)
                    });
                    let old_source = self.english.get(&(k, c)).cloned();
                    (c, ask(old_page), old_source.map(&mut ask))
                })
                .collect();
            raw.push((is_mdx(&page.path), is_mdx(&page.source), versions));
        }
        let answers = self.contents.get_many(&specs)?;
        // Each page's versions segmented on every core.
        map_ordered(&raw, |(mdx, source_mdx, versions)| {
            let mut then = HashMap::new();
            // The English page is often the same at several of these commits: read once.
            let mut english: HashMap<usize, Vec<Segment>> = HashMap::new();
            for &(c, old_page, old_source) in versions {
                let paired = match (&answers[old_page], old_source) {
                    (Some(p), Some(s)) if answers[s].is_some() => {
                        let p = page_segments(&String::from_utf8_lossy(p), *mdx);
                        let s = english.entry(s).or_insert_with(|| {
                            let text = answers[s].as_deref().unwrap_or_default();
                            page_segments(&String::from_utf8_lossy(text), *source_mdx)
                        });
                        let english = pair_pages(&p, s, placeholders)
                            .into_iter()
                            .map(|pair| pair.map(|(i, certain)| (s[i].text.clone(), certain)))
                            .collect();
                        Some((p, english))
                    }
                    _ => None,
                };
                then.insert(c, paired);
            }
            Ok(then)
        })
    }
}

/// A page, its text in the working tree, and its last committed version's lines' commits
/// and content.
type LastVersion<'a> = (&'a Page, &'a str, Option<(&'a Lines, Vec<u8>)>);

/// A commit (by index), and the places among the answers of the page and of the English
/// page as they were then (none for an English page not found).
type Version = (u32, usize, Option<usize>);

/// Pages recorded at a time.
const CHUNK: usize = 256;

/// Threads writing records at a time: each waits on the disk (`fsync`) more than it works,
/// and the file system commits several together.
const WRITERS: usize = 8;

/// A staged record: its temporary file, its place, its path relative to the root.
type Staged = (tempfile::TempPath, PathBuf, PathBuf);

/// Stages each record of `records` (its path, absolute path and text) beside its place.
fn stage_all(ws: &Workspace, records: Vec<(PathBuf, PathBuf, String)>) -> Result<Vec<Staged>> {
    for (path, _, _) in &records {
        ws.check_inside(path)?;
    }
    let per = records.len().div_ceil(WRITERS).max(1);
    let parts: Vec<Vec<(PathBuf, PathBuf, String)>> = {
        let mut parts = Vec::new();
        let mut rest = records;
        while !rest.is_empty() {
            let tail = rest.split_off(per.min(rest.len()));
            parts.push(rest);
            rest = tail;
        }
        parts
    };
    let results: Vec<Result<Vec<Staged>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| {
                scope.spawn(move || {
                    part.into_iter()
                        .map(|(path, abs, json)| {
                            let temp = stage(&abs, |out| {
                                out.write_all(json.as_bytes()).map_err(|source| {
                                    crate::error::Error::Write {
                                        path: path.clone(),
                                        source,
                                    }
                                })
                            })?;
                            Ok((temp, abs, path))
                        })
                        .collect::<Result<Vec<Staged>>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut out = Vec::new();
    for part in results {
        out.extend(part?);
    }
    Ok(out)
}

fn page_segments(text: &str, mdx: bool) -> Vec<Segment> {
    if mdx {
        segment_mdx(text)
    } else {
        segment(text)
    }
}

/// The commit each segment of `text` was last changed in: the newest among its lines
/// (`u32::MAX` when one is not committed).
fn paragraph_origins(text: &str, mdx: bool, lines: &Lines) -> Vec<u32> {
    let (normalised, ranges) = spans(text, mdx);
    let starts: Vec<usize> = std::iter::once(0)
        .chain(normalised.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset).saturating_sub(1);
    ranges
        .iter()
        .map(|range| {
            // A segment whose source cannot be told (in MDX) has no known commit.
            let Some(r) = range else {
                return u32::MAX;
            };
            (line_of(r.start)..=line_of(r.end.max(r.start)))
                .filter_map(|l| lines.get(l).copied())
                .max()
                .unwrap_or(u32::MAX)
        })
        .collect()
}

/// For each segment of `page`, the segment of `source` (the English page of the same time)
/// it translates, paired by structure ([`crate::model::pairing`]), and whether for certain.
fn pair_pages(
    page: &[Segment],
    source: &[Segment],
    placeholders: &Placeholders,
) -> Vec<Option<(usize, bool)>> {
    let paras = |segments: &[Segment]| -> Vec<Para> {
        segments
            .iter()
            .map(|s| Para {
                text: s.text.clone(),
                kind: s.kind,
                quoted: false,
            })
            .collect()
    };
    let mut out = vec![None; page.len()];
    for paired in pair(&paras(source), &paras(page), &[], placeholders).pairs {
        if let ([i], [j]) = (paired.source.as_slice(), paired.target.as_slice()) {
            out[*j] = Some((*i, paired.is_certain()));
        }
    }
    out
}

/// A page as it was at a commit, and the English each of its segments translates (with
/// whether for certain), where it pairs.
type Then = (Vec<Segment>, Vec<Option<(String, bool)>>);

/// The record of a page with history.
fn from_history(
    article: &Article,
    page: &Page,
    text: &str,
    origins: &[u32],
    then: &HashMap<u32, Option<Then>>,
    placeholders: &Placeholders,
    report: &mut AdoptReport,
) -> TranslationFile {
    let mdx = is_mdx(&page.path);
    let now = page_segments(text, mdx);
    // Today's page against today's English, for the drafts' English.
    let today = pair_pages(&now, &article.segments, placeholders);
    let mut units = Vec::with_capacity(now.len());
    let mut drafts = 0;
    for (i, segment) in now.iter().enumerate() {
        let origin = origins.get(i).copied().unwrap_or(u32::MAX);
        let english = then
            .get(&origin)
            .and_then(Option::as_ref)
            .and_then(|(old, english)| {
                // The paragraph in the page as it was then: the same text, nearest its place
                // today.
                old.iter()
                    .enumerate()
                    .filter(|(_, s)| s.text == segment.text)
                    .min_by_key(|(j, _)| j.abs_diff(i))
                    .and_then(|(j, _)| english[j].clone())
            });
        units.push(match english {
            Some((english, _)) if english == segment.text => {
                report.untranslated += 1;
                Unit {
                    id: String::new(),
                    source: english,
                    target: String::new(),
                    state: None,
                    comment: None,
                }
            }
            Some((english, true)) => {
                report.translated += 1;
                Unit {
                    id: String::new(),
                    source: english,
                    target: segment.text.clone(),
                    state: Some(UnitState::Translated),
                    comment: None,
                }
            }
            // Paired, but not for certain: a draft of that English.
            Some((english, false)) => {
                drafts += 1;
                draft(segment, Some(&english))
            }
            None => {
                drafts += 1;
                let english = today[i].filter(|(_, certain)| *certain);
                draft(
                    segment,
                    english.map(|(k, _)| article.segments[k].text.as_str()),
                )
            }
        });
    }
    if drafts > 0 {
        report.drafts += drafts;
        report.unpaired.push((disp(&page.path), drafts));
    }
    record(article, page, units)
}

/// A paragraph whose English is not known for certain: a draft of `english`, the English it
/// pairs with, if any.
fn draft(segment: &Segment, english: Option<&str>) -> Unit {
    Unit {
        id: String::new(),
        source: english.unwrap_or_default().to_owned(),
        target: segment.text.clone(),
        state: Some(UnitState::Draft),
        comment: None,
    }
}

/// The record of a page without history, as `assume` says.
fn assumed(
    article: &Article,
    page: &Page,
    text: &str,
    assume: Option<Assume>,
    placeholders: &Placeholders,
    report: &mut AdoptReport,
) -> TranslationFile {
    let now = page_segments(text, is_mdx(&page.path));
    let today = pair_pages(&now, &article.segments, placeholders);
    let mut units = Vec::with_capacity(now.len());
    for (segment, paired) in now.iter().zip(today) {
        let english = paired.map(|(k, certain)| (k, article.segments[k].text.as_str(), certain));
        units.push(match (english, assume) {
            (Some((_, english, _)), _) if english == segment.text => {
                report.untranslated += 1;
                Unit {
                    id: String::new(),
                    source: english.to_owned(),
                    target: String::new(),
                    state: None,
                    comment: None,
                }
            }
            (Some((_, english, true)), Some(Assume::Current)) => {
                report.translated += 1;
                Unit {
                    id: String::new(),
                    source: english.to_owned(),
                    target: segment.text.clone(),
                    state: Some(UnitState::Translated),
                    comment: None,
                }
            }
            (Some((k, _, true)), Some(Assume::Stale)) => {
                // Made from an English text bitext does not know: linked to its segment by
                // the segment's id, so it is stale.
                report.translated += 1;
                Unit {
                    id: article.segments[k].id.clone(),
                    source: String::new(),
                    target: segment.text.clone(),
                    state: Some(UnitState::Translated),
                    comment: None,
                }
            }
            _ => {
                report.drafts += 1;
                draft(segment, english.map(|(_, english, _)| english))
            }
        });
    }
    let drafts = units
        .iter()
        .filter(|u| u.state == Some(UnitState::Draft))
        .count();
    if drafts > 0 {
        report.unpaired.push((disp(&page.path), drafts));
    }
    record(article, page, units)
}

/// The record of `units`, each given a unique id unless it has one: the hash of its English
/// (or of its text), then `-2`, `-3` … for a repeated one.
fn record(article: &Article, page: &Page, mut units: Vec<Unit>) -> TranslationFile {
    let mut used: std::collections::HashSet<String> = units
        .iter()
        .filter(|u| !u.id.is_empty())
        .map(|u| u.id.clone())
        .collect();
    for unit in &mut units {
        if !unit.id.is_empty() {
            continue;
        }
        let base = text_hash(if unit.source.is_empty() {
            &unit.target
        } else {
            &unit.source
        });
        let mut id = base.clone();
        let mut n = 1;
        while used.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        used.insert(id.clone());
        unit.id = id;
    }
    TranslationFile {
        format: FORMAT_VERSION,
        article: article.slug.to_string(),
        lang: page.lang.to_string(),
        units,
        obsolete: Vec::new(),
        conflicts: Vec::new(),
    }
}
