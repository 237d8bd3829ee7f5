//! `bitext export`: complete editions, bilingual or monolingual, as HTML, EPUB, PDF, Markdown
//! or text.
//!
//! An export is complete when every segment is `current` in the export language (or in a more
//! general one it falls back to). Otherwise it is refused, listing each unfinished segment,
//! and nothing is written; `--allow-incomplete` exports the source text in their place,
//! visibly marked. The glossary of the export language is checked on the text that goes out
//! (for `es-419`, its terms on the `es` translations it falls back to): its findings are
//! printed, and one at level error refuses the export as an unfinished segment does.

use std::io::{IsTerminal as _, Seek as _, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::commands::diff::{finding_line, unreviewed_line};
use crate::ui::cli::Jobs;
use bitext_core::error::{Error, Result};
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::write_atomic_with;
use bitext_core::qa::Level;
use bitext_core::qa::glossary::ExportTerms;
use bitext_core::qa::located::QaFinding;
use bitext_core::render::document::{
    DocFrame, Document, Gap, build_article, fallback_chain, frame,
};
use bitext_core::render::pdf::{self, Paper};
use bitext_core::render::plain::{self, Flavour};
use bitext_core::render::{epub, html};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::config::Edition;
use bitext_core::workspace::parallel::map_ordered;
use clap::Args;

/// Output format of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    // One self-contained HTML5 file.
    Html,
    // An EPUB 3 package.
    Epub,
    // A print-ready PDF, typeset by WeasyPrint.
    Pdf,
    // Markdown.
    Md,
    // Plain text.
    Txt,
}

impl ExportFormat {
    fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Epub => "epub",
            Self::Pdf => "pdf",
            Self::Md => "md",
            Self::Txt => "txt",
        }
    }
}

/// What to export, resolved from the command line.
#[derive(Debug)]
pub struct ExportRequest {
    /// Articles named on the command line (empty with an edition).
    pub articles: Vec<String>,
    /// The edition to export.
    pub edition: Option<String>,
    /// The export language tag.
    pub lang: String,
    /// Source and translation side by side.
    pub bilingual: bool,
    /// The format.
    pub format: ExportFormat,
    /// A file, or a directory for several documents; stdout when absent.
    pub output: Option<PathBuf>,
    /// Export even when segments are not current, or the glossary finds errors.
    pub allow_incomplete: bool,
    /// The page size of a PDF.
    pub paper: Paper,
    /// The program that typesets a PDF, when named (`--pdf-engine`).
    pub pdf_engine: Option<PathBuf>,
}

/// The outcome of an export.
#[derive(Debug)]
pub struct ExportReport {
    /// The document, when written to stdout by [`run`] (empty from [`run_to`]).
    pub stdout: String,
    /// The same document as bytes (an EPUB package is not text).
    pub document: Vec<u8>,
    /// Messages for stderr: the unfinished segments, and what was done about them.
    pub stderr: String,
    /// Whether the export was refused for incompleteness.
    pub refused: bool,
    /// The unfinished segments, each with its article, in document order (the workbench
    /// links each to its segment).
    pub unfinished: Vec<(Slug, Gap)>,
    /// The glossary's findings on the text exported, or that would have been.
    pub glossary: Vec<QaFinding>,
}

/// Articles built at a time: enough to keep every core busy, few enough that memory stays
/// bounded by the largest articles rather than by the edition.
const CHUNK: usize = 64;

/// Runs an export, with the document in the report when there is no `-o`.
///
/// # Errors
/// As [`run_to`].
pub fn run(ws: &Workspace, request: &ExportRequest) -> Result<ExportReport> {
    let mut buffer = Vec::new();
    let mut report = run_to(ws, request, &mut buffer)?;
    report.stdout = String::from_utf8_lossy(&buffer).into_owned();
    report.document = buffer;
    Ok(report)
}

/// Runs an export, writing the document to `stdout` when there is no `-o`.
///
/// Documents are written article by article, never whole in memory. The first pass reads
/// every article for its title (the table of contents comes first) and its gaps (an
/// incomplete export is refused before anything is written); the second builds each article
/// again and writes it.
///
/// # Errors
/// Unknown edition, article or language, malformed files, or a failed write.
pub fn run_to(
    ws: &Workspace,
    request: &ExportRequest,
    stdout: &mut dyn Write,
) -> Result<ExportReport> {
    check_selection(ws, request)?;
    let (lang, chain) = fallback_chain(ws, &request.lang)?;
    let (groups, edition) = documents(ws, request)?;
    if groups.len() > 1 && request.output.is_none() {
        return Err(Error::ExportNeedsDirectory {
            count: groups.len(),
        });
    }
    let frame = frame(ws, &lang, edition, request.bilingual);
    let terms = ExportTerms::load(ws, &lang)?;

    // Pass 1: titles, gaps and the glossary's findings on the text that goes out.
    let mut gaps: Vec<(Slug, Gap)> = Vec::new();
    let mut glossary: Vec<QaFinding> = Vec::new();
    let mut titles: Vec<Vec<String>> = Vec::with_capacity(groups.len());
    for (_, slugs) in &groups {
        let mut group_titles = Vec::with_capacity(slugs.len());
        for chunk in slugs.chunks(CHUNK) {
            let built = map_ordered(chunk, |slug| {
                let (article, article_gaps) =
                    build_article(ws, slug, &chain, edition, &frame.l10n)?;
                let found = terms.as_ref().map(|t| t.check(&article));
                Ok((slug.clone(), article.title, article_gaps, found))
            })?;
            for (slug, title, article_gaps, found) in built {
                group_titles.push(title);
                glossary.extend(found.unwrap_or_default());
                gaps.extend(article_gaps.into_iter().map(|gap| (slug.clone(), gap)));
            }
        }
        titles.push(group_titles);
    }

    let mut report = ExportReport::judged(gaps, glossary, request.allow_incomplete);
    if report.refused {
        return Ok(report);
    }

    // Pass 2: each document, article by article. A PDF needs its engine: without one,
    // nothing is written.
    let engine = pdf_engine(request)?;
    let writer = DocWriter {
        ws,
        chain: &chain,
        edition,
        frame: &frame,
        format: request.format,
        paper: request.paper,
        engine: engine.as_deref(),
    };
    match &request.output {
        None => {
            let written = writer.write(stdout, &groups[0].1, &titles[0], Path::new("-"));
            match written {
                // `bitext export … | head` closing the pipe early is not an error.
                Err(Error::Write { source, .. })
                    if source.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
        Some(path) if groups.len() == 1 && !names_directory(path) => {
            write_atomic_with(path, |out| {
                writer.write(out, &groups[0].1, &titles[0], path)
            })?;
        }
        Some(dir) => {
            if dir.exists() && !dir.is_dir() {
                return Err(Error::NotADirectory { path: dir.clone() });
            }
            let progress = progress_bar(groups.len());
            for ((name, slugs), group_titles) in groups.iter().zip(&titles) {
                let file = dir.join(file_name(name, &frame.doc, request.format));
                write_atomic_with(&file, |out| writer.write(out, slugs, group_titles, &file))?;
                progress.inc(1);
                // One document into a directory: bitext chose the file's name, so it says it.
                if groups.len() == 1 {
                    report.stderr.push_str(&t!(
                        "export-written-into-directory",
                        path = &file.display().to_string(),
                        dir = &dir.display().to_string()
                    ));
                    report.stderr.push('\n');
                }
            }
            progress.finish_and_clear();
        }
    }
    Ok(report)
}

impl ExportReport {
    /// The report before anything is written: each unfinished segment and glossary finding
    /// on stderr, then what is done about them. Refused when there is either an unfinished
    /// segment or a glossary error, unless `allow_incomplete`.
    fn judged(gaps: Vec<(Slug, Gap)>, glossary: Vec<QaFinding>, allow_incomplete: bool) -> Self {
        let mut stderr = String::new();
        let mut say = |line: String| {
            stderr.push_str(&line);
            if !line.ends_with('\n') {
                stderr.push('\n');
            }
        };
        for (_, gap) in &gaps {
            say(if gap.unreviewed {
                unreviewed_line(&gap.path, gap.line, &gap.lang, gap.n, &gap.id)
            } else {
                finding_line(gap.state, &gap.path, gap.line, &gap.lang, gap.n, &gap.id)
            });
        }
        for finding in &glossary {
            say(finding.render());
        }
        let term_errors = glossary.iter().filter(|f| f.level == Level::Error).count();
        let refused = (!gaps.is_empty() || term_errors > 0) && !allow_incomplete;
        if !gaps.is_empty() {
            say(if refused {
                t!("export-refused", count = gaps.len())
            } else {
                t!("export-incomplete", count = gaps.len())
            });
        }
        if term_errors > 0 {
            say(if refused {
                t!("export-refused-glossary", count = term_errors)
            } else {
                t!("export-glossary-kept", count = term_errors)
            });
        }
        Self {
            stdout: String::new(),
            document: Vec::new(),
            stderr,
            refused,
            unfinished: if refused { gaps } else { Vec::new() },
            glossary,
        }
    }
}

/// The engine that typesets a PDF export, found before anything is written; none for the
/// other formats.
fn pdf_engine(request: &ExportRequest) -> Result<Option<PathBuf>> {
    if request.format == ExportFormat::Pdf {
        pdf::timeout(0)?;
        pdf::find_engine(request.pdf_engine.as_deref()).map(Some)
    } else {
        Ok(None)
    }
}

/// Refuses an export of nothing: no article and no edition.
fn check_selection(ws: &Workspace, request: &ExportRequest) -> Result<()> {
    if request.articles.is_empty() && request.edition.is_none() {
        return Err(Error::ExportNeedsSelection {
            lang: request.lang.clone(),
            editions: ws
                .config
                .editions
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    Ok(())
}

/// Writes documents article by article.
struct DocWriter<'a> {
    ws: &'a Workspace,
    chain: &'a [Lang],
    edition: Option<&'a Edition>,
    frame: &'a DocFrame,
    format: ExportFormat,
    paper: Paper,
    /// The PDF engine, found before anything is written.
    engine: Option<&'a Path>,
}

impl DocWriter<'_> {
    /// Writes the document of `slugs` (with their `titles`) to `out`; `path` names it in
    /// errors.
    fn write(
        &self,
        out: &mut dyn Write,
        slugs: &[Slug],
        titles: &[String],
        path: &Path,
    ) -> Result<()> {
        let io = |source| Error::Write {
            path: path.to_owned(),
            source,
        };
        let mut doc_frame = Document {
            articles: Vec::new(),
            title: self.frame.doc.title.clone(),
            masthead: self.frame.doc.masthead.clone(),
            chrome: self.frame.doc.chrome.clone(),
            lang: self.frame.doc.lang.clone(),
            source_lang: self.frame.doc.source_lang.clone(),
            bilingual: self.frame.doc.bilingual,
        };
        if doc_frame.masthead.is_none()
            && let [one] = titles
        {
            doc_frame.title.clone_from(one);
        }
        let doc = &doc_frame;
        let flavour = match self.format {
            ExportFormat::Epub => return self.write_epub(out, doc, slugs, path),
            ExportFormat::Pdf => return self.write_pdf(out, doc, slugs, titles, path),
            ExportFormat::Html => None,
            ExportFormat::Md => Some(Flavour::Markdown),
            ExportFormat::Txt => Some(Flavour::Text),
        };
        // One article in Markdown, in one language: the page itself, as the site builds it.
        if flavour == Some(Flavour::Markdown)
            && !doc.bilingual
            && self.edition.is_none()
            && let [slug] = slugs
        {
            let (article, _) =
                build_article(self.ws, slug, self.chain, self.edition, &self.frame.l10n)?;
            let marker = doc.chrome.untranslated_marker.as_str();
            let page = bitext_core::render::document::page(self.ws, &article, Some(marker))?;
            out.write_all(page.as_bytes()).map_err(io)?;
            return Ok(());
        }
        self.write_body(out, doc, slugs, titles, path, flavour, None)
    }

    /// Writes the document of `slugs` as HTML (`flavour` none; made ready to print on
    /// `paper` when there is one), Markdown or text.
    #[expect(clippy::too_many_arguments, reason = "one private helper of write")]
    fn write_body(
        &self,
        out: &mut dyn Write,
        doc: &Document,
        slugs: &[Slug],
        titles: &[String],
        path: &Path,
        flavour: Option<Flavour>,
        print: Option<Paper>,
    ) -> Result<()> {
        let io = |source| Error::Write {
            path: path.to_owned(),
            source,
        };
        let mut out = TrimEnd::new(out, flavour.is_some());
        let start = match flavour {
            None => {
                let toc: Vec<(&str, &str)> = slugs
                    .iter()
                    .map(Slug::as_str)
                    .zip(titles.iter().map(String::as_str))
                    .collect();
                match print {
                    Some(paper) => pdf::start(doc, &toc, paper),
                    None => html::start(doc, &toc),
                }
            }
            Some(flavour) => {
                let toc: Vec<&str> = titles.iter().map(String::as_str).collect();
                plain::start(doc, &toc, flavour)
            }
        };
        out.write_str(&start).map_err(io)?;
        let mut index = 0;
        for chunk in slugs.chunks(CHUNK) {
            let rendered = map_ordered(chunk, |slug| {
                let (article, _) =
                    build_article(self.ws, slug, self.chain, self.edition, &self.frame.l10n)?;
                Ok(match (flavour, print) {
                    (None, None) => html::article(doc, &article),
                    (None, Some(_)) => pdf::article(&html::article(doc, &article)),
                    (Some(flavour), _) => plain::article(doc, 0, &article, flavour),
                })
            })?;
            for text in rendered {
                if index > 0
                    && let Some(flavour) = flavour
                {
                    out.write_str(plain::SEPARATORS[usize::from(flavour == Flavour::Text)])
                        .map_err(io)?;
                }
                out.write_str(&text).map_err(io)?;
                index += 1;
            }
        }
        if flavour.is_none() {
            out.write_str(html::END).map_err(io)?;
        }
        out.finish().map_err(io)
    }
}

impl DocWriter<'_> {
    /// Writes the PDF of `slugs` to `out`: their HTML with the print stylesheet, in a
    /// temporary directory, typeset there by the engine, then copied.
    fn write_pdf(
        &self,
        out: &mut dyn Write,
        doc: &Document,
        slugs: &[Slug],
        titles: &[String],
        path: &Path,
    ) -> Result<()> {
        let io = |source| Error::Write {
            path: path.to_owned(),
            source,
        };
        let engine = self
            .engine
            .map_or_else(|| pdf::find_engine(None), |e| Ok(e.to_owned()))?;
        let dir = tempfile::Builder::new()
            .prefix("bitext-pdf-")
            .tempdir()
            .map_err(io)?;
        let input = dir.path().join("document.html");
        let output = dir.path().join("document.pdf");
        let staged = |source| Error::Write {
            path: input.clone(),
            source,
        };
        let file = std::fs::File::create(&input).map_err(staged)?;
        let mut file = std::io::BufWriter::new(file);
        self.write_body(
            &mut file,
            doc,
            slugs,
            titles,
            &input,
            None,
            Some(self.paper),
        )?;
        file.into_inner()
            .map_err(|e| staged(e.into_error()))?
            .sync_all()
            .map_err(staged)?;
        pdf::typeset(
            &engine,
            dir.path(),
            &input,
            &output,
            path,
            pdf::timeout(slugs.len())?,
        )?;
        let mut typeset = std::fs::File::open(&output).map_err(io)?;
        std::io::copy(&mut typeset, out).map_err(io)?;
        out.flush().map_err(io)
    }

    /// Writes the EPUB package of `slugs` to `out`. The container is built in a temporary
    /// file (a ZIP archive is finished by seeking back), article by article, then copied.
    fn write_epub(
        &self,
        out: &mut dyn Write,
        doc: &Document,
        slugs: &[Slug],
        path: &Path,
    ) -> Result<()> {
        let io = |source| Error::Write {
            path: path.to_owned(),
            source,
        };
        let name = self
            .edition
            .map_or_else(
                || slugs.first().map(ToString::to_string),
                |e| Some(e.id.clone()),
            )
            .unwrap_or_default();
        let meta = epub::metadata(self.ws, doc, self.edition, &self.frame.l10n, &name)?;
        let staging = tempfile::tempfile().map_err(io)?;
        let mut package = epub::Package::start(staging, doc, meta).map_err(io)?;
        for chunk in slugs.chunks(CHUNK) {
            let built = map_ordered(chunk, |slug| {
                let (article, _) =
                    build_article(self.ws, slug, self.chain, self.edition, &self.frame.l10n)?;
                Ok(article)
            })?;
            for article in &built {
                package.article(doc, article).map_err(io)?;
            }
        }
        let mut staging = package.finish(doc).map_err(io)?;
        staging.seek(SeekFrom::Start(0)).map_err(io)?;
        std::io::copy(&mut staging, out).map_err(io)?;
        out.flush().map_err(io)
    }
}

/// A writer that drops the blank lines at the very end of what it is given, ending it with
/// one newline, as [`plain::render`] does, without having to see the whole text at once.
struct TrimEnd<'a> {
    inner: &'a mut dyn Write,
    trim: bool,
    pending: usize,
}

impl<'a> TrimEnd<'a> {
    fn new(inner: &'a mut dyn Write, trim: bool) -> Self {
        Self {
            inner,
            trim,
            pending: 0,
        }
    }

    fn write_str(&mut self, text: &str) -> std::io::Result<()> {
        if !self.trim {
            return self.inner.write_all(text.as_bytes());
        }
        let body = text.trim_end_matches('\n');
        if body.is_empty() {
            self.pending += text.len();
            return Ok(());
        }
        for _ in 0..self.pending {
            self.inner.write_all(b"\n")?;
        }
        self.inner.write_all(body.as_bytes())?;
        self.pending = text.len() - body.len();
        Ok(())
    }

    fn finish(self) -> std::io::Result<()> {
        if self.trim && self.pending > 0 {
            self.inner.write_all(b"\n")?;
        }
        self.inner.flush()
    }
}

/// Whether `-o path` names a directory: an existing one, or a path ending with a separator
/// (`-o newdir/`), which is created.
fn names_directory(path: &Path) -> bool {
    path.is_dir()
        || path
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::is_separator)
}

/// One document per article, or one for the whole edition; with the edition, if any.
type Groups<'a> = (Vec<(String, Vec<Slug>)>, Option<&'a Edition>);

/// The documents an export makes: the edition as one, or each named article as one.
fn documents<'a>(ws: &'a Workspace, request: &ExportRequest) -> Result<Groups<'a>> {
    match &request.edition {
        Some(id) => {
            let edition = ws
                .config
                .editions
                .iter()
                .find(|e| &e.id == id)
                .ok_or_else(|| Error::UnknownEdition {
                    id: id.clone(),
                    available: ws
                        .config
                        .editions
                        .iter()
                        .map(|e| e.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
            let articles = edition.resolve(&ws.all_articles()?);
            for slug in &articles {
                let path = ws.source_file(slug)?;
                if let Some(odd) = ws.odd_source(slug) {
                    return Err(odd);
                }
                if !ws.abs(&path).is_file() {
                    return Err(Error::EditionArticleMissing {
                        edition: edition.id.clone(),
                        slug: slug.to_string(),
                        path,
                    });
                }
            }
            Ok((vec![(edition.id.clone(), articles)], Some(edition)))
        }
        None => {
            let slugs = ws.select_articles(&request.articles)?;
            let groups: Vec<(String, Vec<Slug>)> = slugs
                .into_iter()
                .map(|s| (s.to_string(), vec![s]))
                .collect();
            Ok((groups, None))
        }
    }
}

/// `<name>.<lang>.<ext>`, or `<name>.<source>-<lang>.<ext>` for a bilingual document.
fn file_name(name: &str, doc: &Document, format: ExportFormat) -> PathBuf {
    let langs = if doc.bilingual {
        format!("{}-{}", doc.source_lang, doc.lang)
    } else {
        doc.lang.to_string()
    };
    Path::new(&format!("{name}.{langs}.{}", format.extension())).to_path_buf()
}

/// A progress bar on stderr when it is a terminal and there is more than one file to write;
/// a hidden one otherwise, so that logs and pipes stay clean.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if len > 1 && std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(len as u64)
    } else {
        indicatif::ProgressBar::hidden()
    }
}

/// `export`: exit 1 when an incomplete export is refused.
///
/// # Errors
/// As [`run`].
pub fn execute(
    ws: &Workspace,
    args: ExportArgs,
    output: &mut crate::Output<'_>,
) -> Result<crate::Outcome> {
    let request = ExportRequest {
        articles: args.articles,
        edition: args.edition,
        lang: args.lang,
        bilingual: args.bilingual,
        format: args.format,
        output: args.output,
        allow_incomplete: args.allow_incomplete,
        paper: match args.paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        },
        pdf_engine: args.pdf_engine,
    };
    let report = run_to(ws, &request, output.out)?;
    Ok(crate::Outcome {
        stdout: String::new(),
        stderr: report.stderr,
        code: if report.refused {
            crate::EXIT_FOUND
        } else {
            crate::EXIT_OK
        },
    })
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Articles to export (names such as guides/intro, or their source files).
    #[arg(value_name = "ARTICLE", conflicts_with = "edition")]
    pub articles: Vec<String>,
    /// Export an edition of bitext.toml, in its order, as one document.
    #[arg(long, value_name = "ID")]
    pub edition: Option<String>,
    /// The language to export (falls back to more general tags: es-419 -> es).
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Source and translation side by side, segment by segment.
    #[arg(long)]
    pub bilingual: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Html)]
    pub format: ExportFormat,
    /// Write to PATH (a file; a directory for several articles) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Export even when segments are stale or missing, with the source text marked in their
    /// place, or when the glossary finds errors.
    #[arg(long)]
    pub allow_incomplete: bool,
    /// The page size of a PDF.
    #[arg(long, value_enum, value_name = "SIZE", default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// The program that typesets a PDF (WeasyPrint); by default the one the environment
    /// variable `BITEXT_WEASYPRINT` names, else weasyprint on the PATH.
    #[arg(long, value_name = "PATH")]
    pub pdf_engine: Option<PathBuf>,
    #[command(flatten)]
    pub jobs: Jobs,
}

/// Page sizes of `--paper`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    // ISO A4, 210 × 297 mm.
    A4,
    // US Letter, 8.5 × 11 in.
    Letter,
}
