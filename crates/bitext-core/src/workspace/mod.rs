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
pub mod lock;
pub mod parallel;
pub mod plan;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::article::Article;
use crate::model::lang::Lang;
use crate::model::slug::{Slug, closest};
use crate::model::translation::TranslationFile;
use crate::workspace::config::{CONFIG_FILE, Config};

/// Directory of source articles, relative to the root.
pub const SOURCES_DIR: &str = "sources";
/// Directory of translation files, relative to the root.
pub const TRANSLATIONS_DIR: &str = "translations";
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
                .find(|d| d.join(CONFIG_FILE).is_file())
                .map(Path::to_path_buf)
                .ok_or_else(|| Error::NoWorkspace {
                    start: start.clone(),
                })?
        };
        let config_path = root.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&config_path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NoWorkspace { start });
            }
            Err(source) => {
                return Err(Error::Read {
                    path: config_path,
                    source,
                });
            }
        };
        let config = Config::parse(Path::new(CONFIG_FILE), &text)?;
        let canonical_root = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
        Ok(Self {
            root,
            config,
            canonical_root,
            memo: alignments::Memo::default(),
        })
    }

    /// `sources/<slug>.md`, relative to the root.
    #[must_use]
    pub fn source_path(slug: &Slug) -> PathBuf {
        Path::new(SOURCES_DIR).join(format!("{slug}.md"))
    }

    /// `sources/<slug>.mdx`, relative to the root.
    #[must_use]
    pub fn mdx_path(slug: &Slug) -> PathBuf {
        Path::new(SOURCES_DIR).join(format!("{slug}.mdx"))
    }

    /// The source file of `slug`, relative to the root: `sources/<slug>.mdx` when only that
    /// exists, else `sources/<slug>.md` (which may not exist).
    ///
    /// # Errors
    /// [`Error::SourceConflict`] when both exist: which one is the article would be a guess.
    pub fn source_file(&self, slug: &Slug) -> Result<PathBuf> {
        let md = Self::source_path(slug);
        let mdx = Self::mdx_path(slug);
        match (self.abs(&md).is_file(), self.abs(&mdx).is_file()) {
            (true, true) => Err(Error::SourceConflict { md, mdx }),
            (false, true) => Ok(mdx),
            _ => Ok(md),
        }
    }

    /// `translations/<lang>/<slug>.json`, relative to the root.
    #[must_use]
    pub fn translation_path(lang: &Lang, slug: &Slug) -> PathBuf {
        Path::new(TRANSLATIONS_DIR)
            .join(lang.as_str())
            .join(format!("{slug}.json"))
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

    /// Every article in `sources/`, sorted by slug.
    ///
    /// # Errors
    /// An unreadable directory, a Markdown or MDX file whose name is not a valid slug, or a
    /// slug with both a `.md` and an `.mdx` source.
    pub fn all_articles(&self) -> Result<Vec<Slug>> {
        // One pass over the directory, each Markdown file's name kept as its slug only: a
        // list of paths would take five times as much for a large workspace. The errors are
        // those of reading the `.md` files by name and then the `.mdx` ones.
        let dir = Path::new(SOURCES_DIR);
        let mut slugs = Vec::new();
        let mut bad_md: Option<std::ffi::OsString> = None;
        let mut mdx = Vec::new();
        let mut unnamed: Option<PathBuf> = None;
        self.each_source_entry(dir, &["md", "mdx"], &mut unnamed, |name| {
            let path = Path::new(&name);
            if path.extension().is_some_and(|e| e == "mdx") {
                mdx.push(name);
                return;
            }
            match path.file_stem().and_then(|s| s.to_str()) {
                Some(stem) if Slug::is_valid(stem) => {
                    slugs.extend(Slug::parse(stem).ok());
                }
                _ if bad_md.as_ref().is_some_and(|bad| *bad <= name) => {}
                _ => bad_md = Some(name),
            }
        })?;
        // A Markdown file bitext cannot name as an article (in a folder, or `.markdown`) is
        // an error, never skipped: `check` must not pass over an article it does not see.
        let bad = bad_md.map(|name| dir.join(name));
        if let Some(path) = [bad, unnamed].into_iter().flatten().min() {
            return Err(Error::InvalidFileName { path });
        }
        slugs.sort();
        mdx.sort();
        let md = slugs.len();
        for name in mdx {
            let path = dir.join(name);
            let slug = slug_of(&path)?;
            if slugs[..md].binary_search(&slug).is_ok() {
                return Err(Error::SourceConflict {
                    md: Self::source_path(&slug),
                    mdx: path,
                });
            }
            slugs.push(slug);
        }
        slugs.sort();
        Ok(slugs)
    }

    /// The articles named on the command line (slugs or `sources/<slug>.md` or `.mdx` paths), or every
    /// article when none is named. Every named article must exist.
    ///
    /// # Errors
    /// An invalid slug or an article with no source file.
    pub fn select_articles(&self, names: &[String]) -> Result<Vec<Slug>> {
        if names.is_empty() {
            return self.all_articles();
        }
        let mut slugs = Vec::new();
        let mut known: Option<Vec<Slug>> = None;
        for name in names {
            // `harbour`, `harbour.md`, `sources/harbour.md` and `./sources/harbour.mdx` all
            // name the article `harbour`.
            let relative = name.strip_prefix("./").unwrap_or(name);
            let inside = relative.strip_prefix("sources/").unwrap_or(relative);
            let stem = [".md", ".mdx", ".markdown"]
                .iter()
                .find_map(|ext| inside.strip_suffix(ext))
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
        let bytes = std::fs::read(self.abs(&path)).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        Article::from_bytes(slug.clone(), path, &bytes)
    }

    /// Reads an article's translation file in `lang`, if it exists.
    ///
    /// # Errors
    /// An unreadable, malformed or mislabelled translation file.
    pub fn load_translation(&self, lang: &Lang, slug: &Slug) -> Result<Option<TranslationFile>> {
        Ok(self.read_translation(lang, slug)?.map(|(_, file)| file))
    }

    /// As [`Workspace::load_translation`], also returning the file's bytes as read.
    ///
    /// # Errors
    /// An unreadable, malformed or mislabelled translation file.
    pub fn read_translation(
        &self,
        lang: &Lang,
        slug: &Slug,
    ) -> Result<Option<(Vec<u8>, TranslationFile)>> {
        let path = Self::translation_path(lang, slug);
        self.check_inside(&path)?;
        let bytes = match std::fs::read(self.abs(&path)) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(Error::Read { path, source }),
        };
        let file = TranslationFile::parse(&path, &bytes, slug.as_str(), lang.as_str())?;
        Ok(Some((bytes, file)))
    }

    /// Refuses translation files in `langs` whose article has no source file: they would
    /// otherwise be silently ignored.
    ///
    /// # Errors
    /// [`Error::OrphanTranslation`] for the first such file, or an invalid file name.
    pub fn check_orphans(&self, langs: &[Lang], articles: &[Slug]) -> Result<()> {
        for lang in langs {
            let dir = Path::new(TRANSLATIONS_DIR).join(lang.as_str());
            // The first failing file by name, found without holding the directory's list.
            let mut first: Option<(std::ffi::OsString, Error)> = None;
            self.each_name(&dir, &["json"], |name| {
                if first.as_ref().is_some_and(|(f, _)| *f <= name) {
                    return;
                }
                let fails = match Path::new(&name).file_stem().and_then(|s| s.to_str()) {
                    Some(stem) if Slug::is_valid(stem) => {
                        articles.binary_search_by(|a| a.as_str().cmp(stem)).is_err()
                    }
                    _ => true,
                };
                if fails {
                    let path = dir.join(&name);
                    let error = match slug_of(&path) {
                        Ok(slug) => Error::OrphanTranslation {
                            source_file: Self::source_path(&slug),
                            path,
                        },
                        Err(e) => e,
                    };
                    first = Some((name, error));
                }
            })?;
            if let Some((_, error)) = first {
                return Err(error);
            }
        }
        Ok(())
    }

    /// Calls `f` with the name of every file in the root-relative `dir` whose extension is one
    /// of `exts`, in the order the directory gives; nothing if it does not exist.
    ///
    /// # Errors
    /// A directory outside the workspace or unreadable.
    pub fn each_name(
        &self,
        dir: &Path,
        exts: &[&str],
        mut f: impl FnMut(std::ffi::OsString),
    ) -> Result<()> {
        self.each_entry(dir, |name, is_dir| {
            let ext = Path::new(&name).extension().and_then(|e| e.to_str());
            if !is_dir && ext.is_some_and(|ext| exts.contains(&ext)) {
                f(name);
            }
        })
    }
}

impl Workspace {
    /// As [`Workspace::each_name`] over the sources folder, also finding the first (in path
    /// order) Markdown file that cannot be an article: a `.markdown` file, or a `.md`, `.mdx`
    /// or `.markdown` file in a folder below it, however deep.
    fn each_source_entry(
        &self,
        dir: &Path,
        exts: &[&str],
        unnamed: &mut Option<PathBuf>,
        mut f: impl FnMut(std::ffi::OsString),
    ) -> Result<()> {
        let mut folders = Vec::new();
        self.each_entry(dir, |name, is_dir| {
            let ext = Path::new(&name).extension().and_then(|e| e.to_str());
            if is_dir {
                folders.push(dir.join(&name));
            } else if ext.is_some_and(|ext| exts.contains(&ext)) {
                f(name);
            } else if ext == Some("markdown") {
                keep_first(unnamed, dir.join(&name));
            }
        })?;
        while let Some(folder) = folders.pop() {
            self.each_entry(&folder, |name, is_dir| {
                let path = folder.join(&name);
                let ext = path.extension().and_then(|e| e.to_str());
                if is_dir {
                    folders.push(path);
                } else if ext.is_some_and(|ext| ["md", "mdx", "markdown"].contains(&ext)) {
                    keep_first(unnamed, path);
                }
            })?;
        }
        Ok(())
    }

    /// Calls `f` with the name of every entry of `dir` and whether it is a folder (a symbolic
    /// link is not followed).
    fn each_entry(&self, dir: &Path, mut f: impl FnMut(std::ffi::OsString, bool)) -> Result<()> {
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
            let is_dir = entry.file_type().map_err(read)?.is_dir();
            f(entry.file_name(), is_dir);
        }
        Ok(())
    }
}

/// Keeps in `first` the smaller of it and `path`.
fn keep_first(first: &mut Option<PathBuf>, path: PathBuf) {
    if first.as_ref().is_none_or(|p| path < *p) {
        *first = Some(path);
    }
}

fn slug_of(path: &Path) -> Result<Slug> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| Slug::is_valid(s))
        .map(Slug::parse)
        .transpose()?
        .ok_or_else(|| Error::InvalidFileName {
            path: path.to_owned(),
        })
}
