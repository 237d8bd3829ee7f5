//! Every way a bitext command can fail, each carrying the file it concerns.
//!
//! Messages are rendered through Fluent ([`crate::l10n`]), so `Display` looks up a message id
//! per variant instead of using `#[error("...")]` English strings.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::t;

/// Shorthand for results whose error is a bitext [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A failure that ends a command with exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No `bitext.toml` in the start directory or any ancestor.
    NoWorkspace { start: PathBuf },
    /// `init` found an existing project file.
    ConfigExists { path: PathBuf },
    /// A file or directory could not be read.
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// A file or directory could not be written.
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// `bitext.toml` is not valid TOML or does not have the expected shape.
    ParseConfig {
        path: PathBuf,
        line: usize,
        column: usize,
        detail: String,
    },
    /// A translation file is not valid JSON or does not have the expected shape.
    ParseTranslation {
        path: PathBuf,
        line: usize,
        column: usize,
        detail: String,
    },
    /// A translation file declares a format version this build does not read.
    UnknownFormat { path: PathBuf, found: String },
    /// A PO, XLIFF or TMX file that cannot be read as such.
    ParseExchange {
        path: PathBuf,
        line: usize,
        column: usize,
        detail: String,
    },
    /// A translation file's `article` or `lang` field disagrees with where it lives.
    TranslationMismatch {
        path: PathBuf,
        field: &'static str,
        expected: String,
        found: String,
    },
    /// Two live units of one translation file share an id.
    DuplicateUnitId { path: PathBuf, id: String },
    /// A translation file names an article with no source file.
    OrphanTranslation { path: PathBuf, source_file: PathBuf },
    /// A source file is not UTF-8.
    InvalidUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    /// An article name that cannot be a path below the sources folder.
    InvalidSlug { slug: String },
    /// A file under `sources/` or `translations/` whose path is not a valid slug.
    InvalidFileName { path: PathBuf },
    /// A folder of `[layout]` that is not a relative path inside the workspace.
    InvalidLayout {
        path: PathBuf,
        line: usize,
        column: usize,
        key: String,
        value: String,
    },
    /// Another value of `[layout]` that is not what it must be.
    LayoutValue {
        path: PathBuf,
        line: usize,
        column: usize,
        key: String,
        value: String,
        expected: String,
    },
    /// The git history could not be read.
    History { detail: String },
    /// `adopt` needs translations kept as pages.
    AdoptNeedsPages,
    /// `adopt` found no git history and was not told what to assume.
    AdoptNeedsHistory,
    /// A FIFO, socket or device where bitext reads files; `kind` is the Fluent id of what it
    /// is (see [`crate::workspace::files::kind_of`]).
    NotAFile { path: PathBuf, kind: &'static str },
    /// An article named on the command line has no source file.
    UnknownArticle { slug: String, path: PathBuf },
    /// An article has both a Markdown and an MDX source.
    SourceConflict { md: PathBuf, mdx: PathBuf },
    /// A language tag that is not valid BCP 47 (or uses features bitext refuses).
    InvalidLang { tag: String },
    /// A language tag that is valid but not a target of this workspace.
    LangNotTarget { tag: String, targets: String },
    /// The configured source language is also listed as a target.
    SourceIsTarget {
        path: PathBuf,
        line: usize,
        column: usize,
        tag: String,
    },
    /// A value of `bitext.toml` that is not what it must be (a language tag, an article
    /// name), at its line and column.
    ConfigValue {
        path: PathBuf,
        line: usize,
        column: usize,
        error: Box<Error>,
    },
    /// A segment reference that matches no segment of the article.
    UnknownSegment {
        path: PathBuf,
        segment: String,
        count: usize,
    },
    /// A segment id prefix that matches several segments.
    AmbiguousSegment {
        path: PathBuf,
        segment: String,
        candidates: String,
    },
    /// A translation holds a control character other than tab and the line breaks. `place`
    /// is the file (with its line and column where known) or where the text came from;
    /// `unit` the unit or segment, where there is one.
    ControlCharacter {
        place: String,
        unit: Option<String>,
        character: char,
    },
    /// Git lists a translation file as unmerged: a merge left it unfinished.
    Unmerged { path: PathBuf },
    /// A translation file or page holds git's conflict markers, from a merge made without
    /// bitext's merge driver.
    ConflictMarkers { path: PathBuf, line: usize },
    /// `set` was given an empty translation.
    EmptyTranslation { origin: String },
    /// `set` was given text with a blank line: a segment is one paragraph.
    MultiParagraphTranslation { origin: String },
    /// `resolve` on a segment with no merge conflict.
    NoConflict {
        path: PathBuf,
        lang: String,
        segment: String,
    },
    /// `init --git` could not register the merge driver.
    GitConfig { path: PathBuf, detail: String },
    /// `accept` on a segment that has no translation.
    NothingToAccept {
        path: PathBuf,
        n: usize,
        state: &'static str,
    },
    /// A comment on a segment that has no translation to comment on.
    NothingToComment { path: PathBuf, n: usize },
    /// An edition in `bitext.toml` is invalid.
    InvalidEdition {
        path: PathBuf,
        line: usize,
        column: usize,
        id: String,
        detail: String,
    },
    /// An export language with no translations of its own or of a more general tag.
    NoTranslations { tag: String, available: String },
    /// `--edition` names no edition of `bitext.toml`.
    UnknownEdition { id: String, available: String },
    /// An edition lists an article with no source file.
    EditionArticleMissing {
        edition: String,
        slug: String,
        path: PathBuf,
    },
    /// Several documents were asked for without an output directory.
    ExportNeedsDirectory { count: usize },
    /// An edition's EPUB cover is not a JPEG, PNG or GIF file inside the workspace.
    EpubCover { edition: String, path: PathBuf },
    /// The PDF engine (WeasyPrint) is not installed, or not where it was said to be.
    PdfEngineMissing { program: PathBuf },
    /// The PDF engine failed on a document; `stderr` is what it said.
    PdfEngineFailed {
        program: PathBuf,
        path: PathBuf,
        stderr: String,
    },
    /// `BITEXT_PDF_TIMEOUT` is not a whole number of seconds above zero.
    PdfTimeoutSetting { value: String },
    /// The PDF engine ran past its time limit and was stopped.
    PdfEngineTimeout {
        program: PathBuf,
        path: PathBuf,
        seconds: u64,
    },
    /// `export` was given neither articles nor `--edition`.
    ExportNeedsSelection { lang: String, editions: String },
    /// The export destination exists and is not a directory, but several files are to be
    /// written.
    NotADirectory { path: PathBuf },
    /// Another bitext command holds the workspace lock past the timeout.
    LockTimeout {
        path: PathBuf,
        pid: u32,
        seconds: f64,
    },
    /// The workspace lock belongs to a process that no longer runs.
    StaleLock { path: PathBuf, pid: u32 },
    /// The workspace lock file holds no process id (empty, unreadable or garbled); `what`
    /// says what it holds, in the UI language.
    BrokenLock { path: PathBuf, what: String },
    /// `serve` could not start: the address cannot be bound, or no random token.
    Serve { detail: String },
    /// A file or directory under `sources/` or `translations/` resolves outside the workspace.
    OutsideWorkspace { path: PathBuf },
    /// A source file or one of its paragraphs is too large to be an article.
    TooLarge {
        path: PathBuf,
        line: usize,
        limit: String,
    },
    /// A source file contains a NUL byte: it is not text.
    NulByte {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    /// Markdown nested deeper than bitext follows.
    TooDeep {
        path: PathBuf,
        line: usize,
        limit: usize,
    },
    /// The `[qa]` table of `bitext.toml` names an unknown check or level.
    QaConfig {
        path: PathBuf,
        line: usize,
        column: usize,
        detail: String,
    },
    /// A glossary file that cannot be read as one.
    Glossary {
        path: PathBuf,
        line: usize,
        detail: String,
    },
    /// A name that names nothing (an article, a language), with the one most likely meant.
    DidYouMean {
        error: Box<Error>,
        suggestion: String,
    },
}

impl Error {
    /// The error itself, without a suggestion it may carry.
    #[must_use]
    pub fn plain(&self) -> &Self {
        match self {
            Self::DidYouMean { error, .. } => error.plain(),
            other => other,
        }
    }
}

impl fmt::Display for Error {
    #[allow(
        clippy::too_many_lines,
        reason = "one arm per variant: splitting it would only scatter the mapping"
    )]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            Self::NoWorkspace { start } => t!("error-no-workspace", dir = &disp(start)),
            Self::ConfigExists { path } => t!("error-config-exists", path = &disp(path)),
            Self::Read { path, source } => {
                t!(
                    "error-read",
                    path = &disp(path),
                    detail = &crate::l10n::os_text::describe(source)
                )
            }
            Self::Write { path, source } => {
                t!(
                    "error-write",
                    path = &disp(path),
                    detail = &crate::l10n::os_text::describe(source)
                )
            }
            Self::ParseConfig {
                path,
                line,
                column,
                detail,
            } => t!(
                "error-parse-config",
                path = &disp(path),
                line = *line,
                column = *column,
                detail = detail
            ),
            Self::ParseTranslation {
                path,
                line,
                column,
                detail,
            } => t!(
                "error-parse-translation",
                path = &disp(path),
                line = *line,
                column = *column,
                detail = detail
            ),
            Self::ParseExchange {
                path,
                line,
                column,
                detail,
            } => t!(
                "error-parse-exchange",
                path = &disp(path),
                line = *line,
                column = *column,
                detail = detail
            ),
            Self::UnknownFormat { path, found } => {
                t!("error-unknown-format", path = &disp(path), found = found)
            }
            Self::TranslationMismatch {
                path,
                field,
                expected,
                found,
            } => t!(
                "error-translation-mismatch",
                path = &disp(path),
                field = *field,
                expected = expected,
                found = found
            ),
            Self::NoConflict {
                path,
                lang,
                segment,
            } => t!(
                "error-no-conflict",
                path = &disp(path),
                lang = lang.as_str(),
                segment = segment.as_str()
            ),
            Self::GitConfig { path, detail } => t!(
                "error-git-config",
                path = &disp(path),
                detail = detail.as_str()
            ),
            Self::DuplicateUnitId { path, id } => {
                t!("error-duplicate-unit-id", path = &disp(path), id = id)
            }
            Self::OrphanTranslation { path, source_file } => t!(
                "error-orphan-translation",
                path = &disp(path),
                source = &disp(source_file)
            ),
            Self::InvalidUtf8 { path, line, column } => t!(
                "error-invalid-utf8",
                path = &disp(path),
                line = *line,
                column = *column
            ),
            Self::InvalidSlug { slug } => {
                // A control character is shown escaped: a message is one line.
                let shown: String = slug
                    .chars()
                    .flat_map(|c| {
                        let escaped: Vec<char> = if c.is_control() {
                            c.escape_default().collect()
                        } else {
                            vec![c]
                        };
                        escaped
                    })
                    .collect();
                t!("error-invalid-slug", slug = &shown)
            }
            Self::InvalidFileName { path } => t!("error-invalid-file-name", path = &disp(path)),
            Self::NotAFile { path, kind } => {
                t!("error-not-a-file", path = &disp(path), kind = &t!(kind))
            }
            Self::History { detail } => t!("error-history", detail = detail),
            Self::AdoptNeedsPages => t!("error-adopt-needs-pages"),
            Self::AdoptNeedsHistory => t!("error-adopt-needs-history"),
            Self::LayoutValue {
                path,
                line,
                column,
                key,
                value,
                expected,
            } => t!(
                "error-layout-value",
                path = &disp(path),
                line = *line,
                column = *column,
                key = key,
                value = value,
                expected = expected
            ),
            Self::InvalidLayout {
                path,
                line,
                column,
                key,
                value,
            } => t!(
                "error-invalid-layout",
                path = &disp(path),
                line = *line,
                column = *column,
                key = key,
                value = value
            ),
            Self::UnknownArticle { slug, path } => {
                t!("error-unknown-article", slug = slug, path = &disp(path))
            }
            Self::SourceConflict { md, mdx } => {
                t!("error-source-conflict", md = &disp(md), mdx = &disp(mdx))
            }
            Self::InvalidLang { tag } => t!("error-invalid-lang", tag = tag),
            Self::LangNotTarget { tag, targets } => {
                t!("error-lang-not-target", tag = tag, targets = targets)
            }
            Self::SourceIsTarget {
                path,
                line,
                column,
                tag,
            } => t!(
                "error-source-is-target",
                path = &disp(path),
                line = *line,
                column = *column,
                tag = tag
            ),
            Self::ConfigValue {
                path,
                line,
                column,
                error,
            } => t!(
                "error-config-value",
                path = &disp(path),
                line = *line,
                column = *column,
                error = &error.to_string()
            ),
            Self::UnknownSegment {
                path,
                segment,
                count,
            } => t!(
                "error-unknown-segment",
                path = &disp(path),
                segment = segment,
                count = *count
            ),
            Self::AmbiguousSegment {
                path,
                segment,
                candidates,
            } => t!(
                "error-ambiguous-segment",
                path = &disp(path),
                segment = segment,
                candidates = candidates
            ),
            Self::ControlCharacter {
                place,
                unit,
                character,
            } => {
                let code = format!("U+{:04X}", u32::from(*character));
                match unit {
                    Some(unit) => t!(
                        "error-control-character",
                        place = place.as_str(),
                        unit = unit.as_str(),
                        code = &code
                    ),
                    None => t!(
                        "error-control-character-text",
                        place = place.as_str(),
                        code = &code
                    ),
                }
            }
            Self::Unmerged { path } => t!("error-unmerged", path = &disp(path)),
            Self::ConflictMarkers { path, line } => {
                t!("error-conflict-markers", path = &disp(path), line = *line)
            }
            Self::EmptyTranslation { origin } => t!("error-empty-translation", origin = origin),
            Self::MultiParagraphTranslation { origin } => {
                t!("error-multi-paragraph-translation", origin = origin)
            }
            Self::NothingToAccept { path, n, state } => t!(
                "error-nothing-to-accept",
                path = &disp(path),
                n = *n,
                state = &t!(&format!("state-{state}"))
            ),
            Self::NothingToComment { path, n } => {
                t!("error-nothing-to-comment", path = &disp(path), n = *n)
            }
            Self::InvalidEdition {
                path,
                line,
                column,
                id,
                detail,
            } => t!(
                "error-invalid-edition",
                path = &disp(path),
                line = *line,
                column = *column,
                id = id,
                detail = detail
            ),
            Self::NoTranslations { tag, available } => {
                t!("error-no-translations", tag = tag, available = available)
            }
            Self::UnknownEdition { id, available } if available.is_empty() => {
                t!("error-no-editions", id = id)
            }
            Self::UnknownEdition { id, available } => {
                t!("error-unknown-edition", id = id, available = available)
            }
            Self::ExportNeedsSelection { lang, editions } if editions.is_empty() => {
                t!("error-export-needs-articles", lang = lang)
            }
            Self::ExportNeedsSelection { lang, editions } => t!(
                "error-export-needs-selection",
                lang = lang,
                editions = editions
            ),
            Self::EditionArticleMissing {
                edition,
                slug,
                path,
            } => t!(
                "error-edition-article-missing",
                edition = edition,
                slug = slug,
                path = &disp(path)
            ),
            Self::ExportNeedsDirectory { count } => {
                t!("error-export-needs-directory", count = *count)
            }
            Self::EpubCover { edition, path } => {
                t!("error-epub-cover", edition = edition, path = &disp(path))
            }
            Self::PdfEngineMissing { program } => {
                t!("error-pdf-engine-missing", program = &disp(program))
            }
            Self::PdfEngineFailed {
                program,
                path,
                stderr,
            } => t!(
                "error-pdf-engine-failed",
                program = &disp(program),
                path = &disp(path),
                stderr = stderr
            ),
            Self::PdfTimeoutSetting { value } => {
                t!("error-pdf-timeout-setting", value = value)
            }
            Self::PdfEngineTimeout {
                program,
                path,
                seconds,
            } => t!(
                "error-pdf-engine-timeout",
                program = &disp(program),
                path = &disp(path),
                seconds = usize::try_from(*seconds).unwrap_or(usize::MAX)
            ),
            Self::NotADirectory { path } => t!("error-not-a-directory", path = &disp(path)),
            Self::LockTimeout { path, pid, seconds } => t!(
                "error-lock-timeout",
                path = &disp(path),
                pid = &pid.to_string(),
                seconds = *seconds
            ),
            Self::StaleLock { path, pid } => {
                t!(
                    "error-stale-lock",
                    path = &disp(path),
                    pid = &pid.to_string()
                )
            }
            Self::BrokenLock { path, what } => {
                t!("error-broken-lock", path = &disp(path), what = what)
            }
            Self::Serve { detail } => t!("error-serve", detail = detail),
            Self::OutsideWorkspace { path } => {
                t!("error-outside-workspace", path = &disp(path))
            }
            Self::TooLarge { path, line, limit } => t!(
                "error-too-large",
                path = &disp(path),
                line = *line,
                limit = limit
            ),
            Self::NulByte { path, line, column } => t!(
                "error-nul-byte",
                path = &disp(path),
                line = *line,
                column = *column
            ),
            Self::TooDeep { path, line, limit } => t!(
                "error-too-deep",
                path = &disp(path),
                line = *line,
                limit = *limit
            ),
            Self::QaConfig {
                path,
                line,
                column,
                detail,
            } => t!(
                "error-qa-config",
                path = &disp(path),
                line = *line,
                column = *column,
                detail = detail
            ),
            Self::Glossary { path, line, detail } => t!(
                "error-glossary",
                path = &disp(path),
                line = *line,
                detail = detail
            ),
            Self::DidYouMean { error, suggestion } => t!(
                "error-did-you-mean",
                error = &error.to_string(),
                suggestion = suggestion
            ),
        };
        f.write_str(&message)
    }
}

/// Decodes `bytes` as UTF-8, or reports the line and column of the first bad byte in `path`.
///
/// # Errors
/// [`Error::InvalidUtf8`].
pub fn utf8<'a>(path: &std::path::Path, bytes: &'a [u8]) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| {
        // The prefix before the first bad byte is UTF-8 by definition.
        let prefix = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
        let (line, column) = line_column(prefix, prefix.len());
        Error::InvalidUtf8 {
            path: path.to_owned(),
            line,
            column,
        }
    })
}

/// Reads a whole text file given on the command line.
///
/// # Errors
/// An unreadable file, or invalid UTF-8 with its line and column.
pub fn read_text(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    utf8(path, &bytes).map(str::to_owned)
}

/// Paths in messages use `/` on every platform so that messages and tests agree.
#[must_use]
pub fn disp(path: &std::path::Path) -> String {
    path.display().to_string().replace('\\', "/")
}

/// Converts a byte offset into a 1-based (line, column) pair, counting columns in characters.
#[must_use]
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}
