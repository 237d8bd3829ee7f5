//! The workspace: `bitext.toml`, the lock, language tags, article slugs, and work spread over
//! articles. It may use the model's file formats and Fluent for errors, nothing above them.
//!
//! A workspace is a directory holding `bitext.toml`, `sources/` and `translations/`.
//!
//! Commands get everything they read through a [`Workspace`], which resolves command-line
//! names (articles, languages) once and names every file relative to the root in errors.

mod alignments;
pub mod checks;
pub mod config;
pub mod files;
pub mod history;
pub mod lock;
pub mod merging;
pub mod parallel;
pub mod plan;
pub mod stamp;
pub mod versions;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::article::Article;
use crate::model::lang::Lang;
use crate::model::slug::{Slug, closest};
use crate::model::translation::TranslationFile;
use crate::workspace::config::{CONFIG_FILE, Config};
use crate::workspace::stamp::Stamp;

/// Directory of source articles, relative to the root.
pub const SOURCES_DIR: &str = "sources";
/// Directory of translation files, relative to the root.
pub const TRANSLATIONS_DIR: &str = "translations";
/// Directory of the records of translations kept as Markdown pages (see
/// [`crate::model::pagestore`]), relative to the root.
pub const RECORDS_DIR: &str = ".bitext";
/// Directory of caches (the memory's index, saved alignments), relative to the root: only
/// saves time, and can be deleted at any moment.
pub const CACHE_DIR: &str = ".bitext-cache";

/// An opened workspace with its validated configuration.
#[derive(Debug)]
pub struct Workspace {
    /// The directory holding `bitext.toml`.
    pub root: PathBuf,
    /// The parsed project file.
    pub config: Config,
    /// `root` with every symbolic link resolved, to tell what lies inside the workspace.
    canonical_root: PathBuf,
    /// The alignments this command made or read (see [`Workspace::assess`]).
    memo: alignments::Memo,
}

impl Workspace {
    /// Opens the workspace at `dir`, or at the nearest ancestor of the current directory
    /// holding `bitext.toml` when `dir` is `None`.
    ///
    /// # Errors
    /// No project file found, or one that cannot be read or parsed.
    pub fn open(dir: Option<&Path>) -> Result<Self> {
        let start = match dir {
            Some(dir) => dir.to_owned(),
            None => std::env::current_dir().map_err(|source| Error::Read {
                path: PathBuf::from("."),
                source,
            })?,
        };
        let root = if dir.is_some() {
            start.clone()
        } else {
            start
                .ancestors()
                // Any file by that name marks the root: one that is not a regular file is
                // refused below, naming it, rather than passed over for a parent's.
                .find(|d| std::fs::symlink_metadata(d.join(CONFIG_FILE)).is_ok())
                .map(Path::to_path_buf)
                .ok_or_else(|| Error::NoWorkspace {
                    start: start.clone(),
                })?
        };
        let config_path = root.join(CONFIG_FILE);
        let Some(bytes) = files::read_regular(&config_path, Path::new(CONFIG_FILE))? else {
            return Err(Error::NoWorkspace { start });
        };
        let text = crate::error::utf8(Path::new(CONFIG_FILE), &bytes)?;
        let config = Config::parse(Path::new(CONFIG_FILE), text)?;
        crate::model::frontmatter::set_keys(&config.layout.front_matter);
        let canonical_root = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
        Ok(Self {
            root,
            config,
            canonical_root,
            memo: alignments::Memo::default(),
        })
    }

    /// The sources folder, relative to the root.
    #[must_use]
    pub fn sources_dir(&self) -> &Path {
        &self.config.layout.sources
    }

    /// The folder of `lang`'s translation files, relative to the root: `translations/<lang>`,
    /// or `.bitext/<lang>` for the records of translations kept as Markdown pages.
    #[must_use]
    pub fn translations_dir(&self, lang: &Lang) -> PathBuf {
        let base = if self.config.layout.pages.is_some() {
            RECORDS_DIR
        } else {
            TRANSLATIONS_DIR
        };
        Path::new(base).join(lang.as_str())
    }

    /// The Markdown page of `slug` in `lang`, relative to the root, when translations are
    /// kept as pages: its path below the language's folder is the source's below the sources.
    ///
    /// # Errors
    /// As [`Workspace::source_file`].
    pub fn page_path(&self, lang: &Lang, slug: &Slug) -> Result<Option<PathBuf>> {
        let Some(folder) = self
            .config
            .layout
            .pages
            .as_ref()
            .and_then(|pages| pages.folder(lang))
        else {
            return Ok(None);
        };
        let source = self.source_file(slug)?;
        let ext = source
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("md")
            .to_owned();
        Ok(Some(folder.join(slug.with_extension(&ext))))
    }

    /// As [`Workspace::page_path`], for an article whose source file has the extension
    /// `ext` (as [`Workspace::all_articles_stamped`] gives it).
    #[must_use]
    pub fn page_path_with(&self, lang: &Lang, slug: &Slug, ext: &str) -> Option<PathBuf> {
        let folder = self.config.layout.pages.as_ref()?.folder(lang)?;
        Some(folder.join(slug.with_extension(ext)))
    }

    /// `sources/<slug>.md`, relative to the root.
    #[must_use]
    pub fn source_path(&self, slug: &Slug) -> PathBuf {
        self.sources_dir().join(slug.with_extension("md"))
    }

    /// The source file of `slug`, relative to the root: the one of `sources/<slug>.md`,
    /// `.mdx` and `.markdown` that exists, else `sources/<slug>.md` (which does not).
    ///
    /// # Errors
    /// [`Error::SourceConflict`] when two exist: which one is the article would be a guess.
    pub fn source_file(&self, slug: &Slug) -> Result<PathBuf> {
        let mut found = SOURCE_EXTENSIONS
            .iter()
            .map(|ext| self.sources_dir().join(slug.with_extension(ext)))
            .filter(|path| self.abs(path).is_file());
        match (found.next(), found.next()) {
            (Some(md), Some(mdx)) => Err(Error::SourceConflict { md, mdx }),
            (Some(path), None) => Ok(path),
            _ => Ok(self.source_path(slug)),
        }
    }

    /// The error for a source file of `slug` that exists but is not a regular file (a FIFO, a
    /// socket, a device), if there is one: such an article is refused as what it is, never
    /// reported as missing.
    #[must_use]
    pub fn odd_source(&self, slug: &Slug) -> Option<Error> {
        SOURCE_EXTENSIONS.iter().find_map(|ext| {
            let path = self.sources_dir().join(slug.with_extension(ext));
            let meta = std::fs::metadata(self.abs(&path)).ok()?;
            (!meta.is_file()).then(|| files::not_a_file(&path, meta.file_type()))
        })
    }

    /// `translations/<lang>/<slug>.json`, relative to the root.
    #[must_use]
    pub fn translation_path(&self, lang: &Lang, slug: &Slug) -> PathBuf {
        self.translations_dir(lang)
            .join(slug.with_extension("json"))
    }

    /// Absolute path of a root-relative path.
    #[must_use]
    pub fn abs(&self, relative: &Path) -> PathBuf {
        self.root.join(relative)
    }

    /// Refuses a root-relative path that leads outside the workspace through a symbolic link
    /// (a link to `/etc`, say, put under `translations/`). Paths that do not exist yet are fine.
    ///
    /// # Errors
    /// [`Error::OutsideWorkspace`] naming `relative`.
    pub fn check_inside(&self, relative: &Path) -> Result<()> {
        let mut prefix = self.root.clone();
        for component in relative.components() {
            prefix.push(component);
            match std::fs::symlink_metadata(&prefix) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    let inside = std::fs::canonicalize(&prefix)
                        .is_ok_and(|target| target.starts_with(&self.canonical_root));
                    if !inside {
                        return Err(Error::OutsideWorkspace {
                            path: relative.to_owned(),
                        });
                    }
                }
                Ok(_) => {}
                Err(_) => return Ok(()),
            }
        }
        Ok(())
    }

    /// Every article in the sources folder, at any depth, sorted by slug.
    ///
    /// # Errors
    /// An unreadable folder; a Markdown or MDX file that is not a regular file, or whose path
    /// is not UTF-8 or not a valid name; or an article with two source files (`.md` and
    /// `.mdx`, say).
    pub fn all_articles(&self) -> Result<Vec<Slug>> {
        Ok(self
            .list_articles(false)?
            .into_iter()
            .map(|(slug, _, _)| slug)
            .collect())
    }

    /// As [`Workspace::all_articles`], with the stamp of each article's source file (one
    /// `stat` per article, through its directory entry; a link is followed) and its
    /// extension, one of [`SOURCE_EXTENSIONS`]. A file removed between the listing and its
    /// `stat` is left out, as if it had not been listed.
    ///
    /// # Errors
    /// As [`Workspace::all_articles`], and a source file that cannot be `stat`ed.
    pub fn all_articles_stamped(&self) -> Result<Vec<(Slug, Stamp, &'static str)>> {
        Ok(self
            .list_articles(true)?
            .into_iter()
            .filter_map(|(slug, stamp, ext)| Some((slug, stamp?, SOURCE_EXTENSIONS[ext])))
            .collect())
    }

    fn list_articles(&self, stamped: bool) -> Result<Vec<(Slug, Option<Stamp>, usize)>> {
        let dir = self.sources_dir();
        let mut found: Vec<(Slug, usize, Option<Stamp>)> = Vec::new();
        let mut bad: Option<PathBuf> = None;
        let mut failed: Option<Error> = None;
        self.walk_files(
            dir,
            SOURCE_EXTENSIONS,
            |relative, ext, entry| {
                let stamp = if stamped {
                    match self.stamp_entry(&dir.join(&relative), entry) {
                        Ok(Some(stamp)) => Some(stamp),
                        Ok(None) => return,
                        Err(error) => {
                            failed.get_or_insert(error);
                            return;
                        }
                    }
                } else {
                    None
                };
                match Slug::from_path(&relative.with_extension("")) {
                    Some(slug) => found.push((slug, ext, stamp)),
                    // A file bitext cannot name is an error, never skipped: `check` must not
                    // pass over an article it does not see.
                    None => keep_first(&mut bad, dir.join(relative)),
                }
            },
            |_| {},
        )?;
        if let Some(path) = bad {
            return Err(Error::InvalidFileName { path });
        }
        if let Some(error) = failed {
            return Err(error);
        }
        found.sort_unstable_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        if let Some([first, second]) = found.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            let path = |(slug, ext, _): &(Slug, usize, Option<Stamp>)| {
                dir.join(slug.with_extension(SOURCE_EXTENSIONS[*ext]))
            };
            return Err(Error::SourceConflict {
                md: path(first),
                mdx: path(second),
            });
        }
        Ok(found
            .into_iter()
            .map(|(slug, ext, stamp)| (slug, stamp, ext))
            .collect())
    }

    /// The stamp of the root-relative `path`, listed as `entry`: a `stat` relative to its
    /// open directory, or of the link's target for a symbolic link (its target is what is
    /// read). None when the file no longer exists.
    ///
    /// # Errors
    /// A file that cannot be `stat`ed, naming it.
    pub fn stamp_entry(&self, path: &Path, entry: &std::fs::DirEntry) -> Result<Option<Stamp>> {
        let meta = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => entry.metadata(),
            _ => std::fs::metadata(self.abs(path)),
        };
        match meta {
            Ok(meta) => Ok(Some(Stamp::of(&meta))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// The articles named on the command line (slugs, or paths of their source files with or
    /// without the sources folder), or every article when none is named. Every named article
    /// must exist.
    ///
    /// # Errors
    /// An invalid slug or an article with no source file.
    pub fn select_articles(&self, names: &[String]) -> Result<Vec<Slug>> {
        if names.is_empty() {
            return self.all_articles();
        }
        let mut slugs = Vec::new();
        let mut known: Option<Vec<Slug>> = None;
        let sources = self.sources_dir().to_string_lossy().replace('\\', "/");
        for name in names {
            // `harbour`, `harbour.md`, `sources/harbour.md` and `./sources/harbour.mdx` all
            // name the article `harbour`.
            let relative = name.strip_prefix("./").unwrap_or(name);
            let inside = relative
                .strip_prefix(sources.as_str())
                .and_then(|rest| rest.strip_prefix('/'))
                .unwrap_or(relative);
            let stem = SOURCE_EXTENSIONS
                .iter()
                .find_map(|ext| inside.strip_suffix(ext)?.strip_suffix('.'))
                .unwrap_or(inside);
            // A name that names nothing says which article was likely meant.
            let mut suggest = |error: Error, name: &str| {
                let all = known.get_or_insert_with(|| self.all_articles().unwrap_or_default());
                match closest(name, all.iter().map(Slug::as_str)) {
                    Some(suggestion) => Error::DidYouMean {
                        error: Box::new(error),
                        suggestion: suggestion.to_owned(),
                    },
                    None => error,
                }
            };
            let slug = Slug::parse(stem).map_err(|invalid| suggest(invalid, stem))?;
            let path = self.source_file(&slug)?;
            if let Some(odd) = self.odd_source(&slug) {
                return Err(odd);
            }
            if !self.abs(&path).is_file() {
                let missing = Error::UnknownArticle {
                    slug: slug.to_string(),
                    path,
                };
                return Err(suggest(missing, slug.as_str()));
            }
            if !slugs.contains(&slug) {
                slugs.push(slug);
            }
        }
        Ok(slugs)
    }

    /// The languages named with `-l`, or every target when none is named. Every named
    /// language must be a target of the workspace.
    ///
    /// # Errors
    /// An invalid tag, or one that is not a configured target.
    pub fn select_langs(&self, tags: &[String]) -> Result<Vec<Lang>> {
        if tags.is_empty() {
            return Ok(self.config.targets.clone());
        }
        let mut langs = Vec::new();
        let targets = || {
            self.config
                .targets
                .iter()
                .map(Lang::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        };
        for tag in tags {
            let parsed = Lang::parse(tag);
            if let Ok(lang) = &parsed
                && self.config.targets.contains(lang)
            {
                if !langs.contains(lang) {
                    langs.push(lang.clone());
                }
                continue;
            }
            let error = match parsed {
                Ok(lang) => Error::LangNotTarget {
                    tag: lang.to_string(),
                    targets: targets(),
                },
                Err(invalid) => invalid,
            };
            return Err(match self.closest_target(tag) {
                Some(target) => Error::DidYouMean {
                    error: Box::new(error),
                    suggestion: target.to_string(),
                },
                None => error,
            });
        }
        Ok(langs)
    }

    /// The target `tag` most likely means: one it starts with or is a region of (`french`
    /// and `fr-CA` for `fr`), else the closest by spelling.
    fn closest_target(&self, tag: &str) -> Option<&Lang> {
        let lower = tag.to_ascii_lowercase().replace('_', "-");
        let targets = &self.config.targets;
        let by_prefix = targets
            .iter()
            .filter(|t| {
                let language = t.as_str().split('-').next().unwrap_or_default();
                lower.starts_with(&t.as_str().to_ascii_lowercase())
                    || (language.len() >= 2 && lower.starts_with(language))
            })
            .max_by_key(|t| t.as_str().len());
        by_prefix.or_else(|| {
            let found = closest(tag, targets.iter().map(Lang::as_str))?;
            targets.iter().find(|t| t.as_str() == found)
        })
    }

    /// Reads and segments an article.
    ///
    /// # Errors
    /// An unreadable or non-UTF-8 source file.
    pub fn load_article(&self, slug: &Slug) -> Result<Article> {
        let path = self.source_file(slug)?;
        self.check_inside(&path)?;
        let bytes = files::read_existing(&self.abs(&path), &path)?;
        Article::from_bytes(slug.clone(), path, &bytes)
    }

    /// Reads an article's translation file in `lang`, if it exists.
    ///
    /// # Errors
    /// An unreadable, malformed or mislabelled translation file.
    pub fn load_translation(&self, lang: &Lang, slug: &Slug) -> Result<Option<TranslationFile>> {
        Ok(self.read_translation(lang, slug)?.map(|(_, file)| file))
    }

    /// As [`Workspace::load_translation`], also returning the file's bytes as read (the
    /// record's and the page's, when translations are kept as pages).
    ///
    /// # Errors
    /// An unreadable, malformed or mislabelled translation file or page.
    pub fn read_translation(
        &self,
        lang: &Lang,
        slug: &Slug,
    ) -> Result<Option<(Vec<u8>, TranslationFile)>> {
        Ok(self
            .read_stored(lang, slug)?
            .map(|stored| (stored.bytes, stored.file)))
    }

    /// An article's translation in `lang` as stored: the translation file, or the record and
    /// the page read together, with what writing it back needs.
    ///
    /// # Errors
    /// An unreadable, malformed or mislabelled translation file, record or page.
    pub fn read_stored(&self, lang: &Lang, slug: &Slug) -> Result<Option<Stored>> {
        let path = self.translation_path(lang, slug);
        let record = match self.read_file(&path)? {
            Some(bytes) => {
                let file = TranslationFile::parse(&path, &bytes, slug.as_str(), lang.as_str())?;
                Some((bytes, file))
            }
            None => None,
        };
        let Some(page_path) = self.page_path(lang, slug)? else {
            return Ok(record.map(|(bytes, file)| Stored {
                bytes,
                file,
                page: None,
            }));
        };
        let page_bytes = self.read_file(&page_path)?;
        if let Some(line) = page_bytes
            .as_deref()
            .and_then(|bytes| crate::model::translation::conflict_marker_line(bytes, true))
        {
            return Err(Error::ConflictMarkers {
                path: page_path,
                line,
            });
        }
        let page = page_bytes
            .as_deref()
            .map(|bytes| crate::error::utf8(&page_path, bytes))
            .transpose()?;
        let mdx = crate::model::article::is_mdx(&page_path);
        let (bytes, file, state) = match (record, page) {
            (None, None) => return Ok(None),
            (Some((bytes, record)), page) => {
                let (file, state) = crate::model::pagestore::read(record, page, mdx);
                (bytes, file, state)
            }
            (None, Some(page)) => {
                let article = self.load_article(slug)?;
                let (file, state) =
                    crate::model::pagestore::read_unrecorded(&article, lang.as_str(), page, mdx);
                (Vec::new(), file, state)
            }
        };
        // The page's translations, like a translation file's, hold no control characters.
        crate::model::translation::refuse_controls(&page_path, &file)?;
        let mut all = bytes;
        all.push(0);
        all.extend(page_bytes.unwrap_or_default());
        Ok(Some(Stored {
            bytes: all,
            file,
            page: Some(state),
        }))
    }

    /// The bytes of the root-relative `path`, none if it does not exist.
    fn read_file(&self, path: &Path) -> Result<Option<Vec<u8>>> {
        self.check_inside(path)?;
        files::read_regular(&self.abs(path), path)
    }

    /// The folders, relative to the root, where the translations of `langs` are kept: each
    /// language's translation files (or records), and its pages when translations are pages.
    #[must_use]
    pub fn translation_folders(&self, langs: &[Lang]) -> Vec<PathBuf> {
        let mut folders = Vec::new();
        for lang in langs {
            folders.push(self.translations_dir(lang));
            if let Some(folder) = self
                .config
                .layout
                .pages
                .as_ref()
                .and_then(|pages| pages.folder(lang))
            {
                folders.push(folder.to_owned());
            }
        }
        folders
    }

    /// Refuses a translation file (or page) of `langs` that a merge left unfinished: git
    /// lists it as unmerged and no merge of its units happened, so it may lack the other
    /// branch's translations (see [`merging::unfinished`]). Outside a git work tree, or
    /// without git, there is nothing to refuse.
    ///
    /// # Errors
    /// [`Error::Unmerged`] naming the first such file.
    pub fn refuse_unmerged(&self, langs: &[Lang]) -> Result<()> {
        let folders = self.translation_folders(langs);
        match merging::unfinished(&self.root, &folders).into_iter().next() {
            Some(path) => Err(Error::Unmerged { path }),
            None => Ok(()),
        }
    }

    /// Refuses translation files in `langs` whose article has no source file: they would
    /// otherwise be silently ignored.
    ///
    /// # Errors
    /// [`Error::OrphanTranslation`] for the first such file, or an invalid file name.
    pub fn check_orphans(&self, langs: &[Lang], articles: &[Slug]) -> Result<()> {
        for lang in langs {
            self.check_orphans_in(&self.translations_dir(lang), &["json"], articles)?;
            // A page whose source is gone is refused the same way.
            if let Some(folder) = self
                .config
                .layout
                .pages
                .as_ref()
                .and_then(|pages| pages.folder(lang))
            {
                self.check_orphans_in(folder, SOURCE_EXTENSIONS, articles)?;
            }
        }
        Ok(())
    }

    /// Refuses the first file (by path) of `dir` with one of `exts` whose article is not one
    /// of `articles`, found without holding the folder's list.
    fn check_orphans_in(&self, dir: &Path, exts: &[&str], articles: &[Slug]) -> Result<()> {
        let mut first: Option<(PathBuf, Error)> = None;
        self.each_file(dir, exts, |relative, _| {
            if first.as_ref().is_some_and(|(f, _)| *f <= relative) {
                return;
            }
            let error = match Slug::from_path(&relative.with_extension("")) {
                Some(slug) if articles.binary_search(&slug).is_ok() => return,
                Some(slug) => Error::OrphanTranslation {
                    source_file: self.source_path(&slug),
                    path: dir.join(&relative),
                },
                None => Error::InvalidFileName {
                    path: dir.join(&relative),
                },
            };
            first = Some((relative, error));
        })?;
        match first {
            Some((_, error)) => Err(error),
            None => Ok(()),
        }
    }

    /// Calls `f` with the path below the root-relative `dir` of every file in it, at any
    /// depth, whose extension is one of `exts`, and the index of that extension in `exts`; in
    /// no particular order; nothing if `dir` does not exist. A symbolic link is not followed
    /// into a folder, but a link named like a file is one.
    ///
    /// # Errors
    /// A folder outside the workspace or unreadable, or an entry with one of `exts` that is
    /// neither a regular file nor a link (a FIFO would hang whoever reads it).
    pub fn each_file(
        &self,
        dir: &Path,
        exts: &[&str],
        mut f: impl FnMut(PathBuf, usize),
    ) -> Result<()> {
        self.walk_files(dir, exts, |path, index, _| f(path, index), |_| {})
    }

    /// As [`Workspace::each_file`], also giving `f` each file's directory entry (to `stat`
    /// it without resolving its path again), and `folder` the path below `dir` of every
    /// folder just before it is listed, `dir` itself (as the empty path) first, even if it
    /// does not exist.
    ///
    /// # Errors
    /// As [`Workspace::each_file`].
    pub fn walk_files(
        &self,
        dir: &Path,
        exts: &[&str],
        mut f: impl FnMut(PathBuf, usize, &std::fs::DirEntry),
        mut folder: impl FnMut(&Path),
    ) -> Result<()> {
        let mut folders = vec![PathBuf::new()];
        let mut odd: Option<(PathBuf, std::fs::FileType)> = None;
        while let Some(current) = folders.pop() {
            folder(&current);
            // `dir` itself as named, without the separator joining an empty path adds.
            let listed = if current.as_os_str().is_empty() {
                dir.to_owned()
            } else {
                dir.join(&current)
            };
            self.each_entry(&listed, |entry, kind| {
                let name = entry.file_name();
                let path = current.join(&name);
                if kind.is_dir() {
                    folders.push(path);
                    return;
                }
                let ext = Path::new(&name).extension().and_then(|e| e.to_str());
                if let Some(index) = ext.and_then(|ext| exts.iter().position(|e| *e == ext)) {
                    if kind.is_file() || kind.is_symlink() {
                        f(path, index, entry);
                    } else if odd.as_ref().is_none_or(|(p, _)| dir.join(&path) < *p) {
                        odd = Some((dir.join(path), kind));
                    }
                }
            })?;
        }
        match odd {
            Some((path, kind)) => Err(files::not_a_file(&path, kind)),
            None => Ok(()),
        }
    }
}

impl Workspace {
    /// Calls `f` with every entry of `dir` and its type (a symbolic link is not followed);
    /// nothing if `dir` does not exist.
    fn each_entry(
        &self,
        dir: &Path,
        mut f: impl FnMut(&std::fs::DirEntry, std::fs::FileType),
    ) -> Result<()> {
        self.check_inside(dir)?;
        let read = |source| Error::Read {
            path: dir.to_owned(),
            source,
        };
        let entries = match std::fs::read_dir(self.abs(dir)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(source) => return Err(read(source)),
        };
        for entry in entries {
            let entry = entry.map_err(read)?;
            let kind = entry.file_type().map_err(read)?;
            f(&entry, kind);
        }
        Ok(())
    }
}

/// An article's translation in one language as stored.
#[derive(Debug)]
pub struct Stored {
    /// The bytes read: the translation file's, or the record's, a NUL and the page's.
    pub bytes: Vec<u8>,
    /// The translation file, or the one the record and the page stand for.
    pub file: TranslationFile,
    /// The page as read, when translations are kept as pages.
    pub page: Option<crate::model::pagestore::PageState>,
}

/// The extensions of source files, in the order [`Workspace::source_file`] tries them.
pub const SOURCE_EXTENSIONS: &[&str] = &["md", "mdx", "markdown"];

/// Keeps in `first` the smaller of it and `path`.
fn keep_first(first: &mut Option<PathBuf>, path: PathBuf) {
    if first.as_ref().is_none_or(|p| path < *p) {
        *first = Some(path);
    }
}
