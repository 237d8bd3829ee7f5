//! `bitext export`: complete editions, bilingual or monolingual, as HTML, Markdown or text.
//!
//! An export is complete when every segment is `current` in the export language (or in a more
//! general one it falls back to). Otherwise it is refused, listing each unfinished segment,
//! and nothing is written; `--allow-incomplete` exports the source text in their place,
//! visibly marked.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use crate::commands::diff::finding_line;
use crate::error::{Error, Result};
use crate::model::translation::write_atomic;
use crate::render::document::{Document, Gap, build, fallback_chain};
use crate::render::html;
use crate::render::plain::{self, Flavour};
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::config::Edition;
use crate::workspace::slug::Slug;

/// Output format of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    // One self-contained HTML5 file.
    Html,
    // Markdown.
    Md,
    // Plain text.
    Txt,
}

impl ExportFormat {
    fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
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
    /// Export even when segments are not current.
    pub allow_incomplete: bool,
}

/// The outcome of an export.
#[derive(Debug)]
pub struct ExportReport {
    /// The document, when written to stdout.
    pub stdout: String,
    /// Messages for stderr: the unfinished segments, and what was done about them.
    pub stderr: String,
    /// Whether the export was refused for incompleteness.
    pub refused: bool,
}

/// Runs an export.
///
/// # Errors
/// Unknown edition, article or language, malformed files, or a failed write.
pub fn run(ws: &Workspace, request: &ExportRequest) -> Result<ExportReport> {
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
    let (lang, chain) = fallback_chain(ws, &request.lang)?;
    let (groups, edition) = documents(ws, request)?;
    if groups.len() > 1 && request.output.is_none() {
        return Err(Error::ExportNeedsDirectory {
            count: groups.len(),
        });
    }

    let mut documents = Vec::with_capacity(groups.len());
    let mut gaps: Vec<Gap> = Vec::new();
    for (name, slugs) in &groups {
        let (doc, doc_gaps) = build(ws, slugs, &lang, &chain, edition, request.bilingual)?;
        gaps.extend(doc_gaps);
        documents.push((name.clone(), doc));
    }

    let mut report = ExportReport {
        stdout: String::new(),
        stderr: String::new(),
        refused: false,
    };
    for gap in &gaps {
        report.stderr.push_str(&finding_line(
            gap.state, &gap.path, gap.line, &gap.lang, gap.n, &gap.id,
        ));
        report.stderr.push('\n');
    }
    if !gaps.is_empty() && !request.allow_incomplete {
        report
            .stderr
            .push_str(&t!("export-refused", count = gaps.len()));
        report.stderr.push('\n');
        report.refused = true;
        return Ok(report);
    }
    if !gaps.is_empty() {
        report
            .stderr
            .push_str(&t!("export-incomplete", count = gaps.len()));
        report.stderr.push('\n');
    }

    let render = |doc: &Document| match request.format {
        ExportFormat::Html => html::render(doc),
        ExportFormat::Md => plain::render(doc, Flavour::Markdown),
        ExportFormat::Txt => plain::render(doc, Flavour::Text),
    };
    match &request.output {
        None => report.stdout = render(&documents[0].1),
        Some(path) if groups.len() == 1 && !names_directory(path) => {
            write_atomic(path, &render(&documents[0].1))?;
        }
        Some(dir) => {
            if dir.exists() && !dir.is_dir() {
                return Err(Error::NotADirectory { path: dir.clone() });
            }
            let progress = progress_bar(documents.len());
            for (name, doc) in &documents {
                let file = dir.join(file_name(name, doc, request.format));
                write_atomic(&file, &render(doc))?;
                progress.inc(1);
                // One document into a directory: bitext chose the file's name, so it says it.
                if documents.len() == 1 {
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
            for slug in &edition.articles {
                let path = ws.source_file(slug)?;
                if !ws.abs(&path).is_file() {
                    return Err(Error::EditionArticleMissing {
                        edition: edition.id.clone(),
                        slug: slug.to_string(),
                        path,
                    });
                }
            }
            Ok((
                vec![(edition.id.clone(), edition.articles.clone())],
                Some(edition),
            ))
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
pub fn execute(ws: &Workspace, args: crate::ui::cli::ExportArgs) -> Result<crate::Outcome> {
    let request = ExportRequest {
        articles: args.articles,
        edition: args.edition,
        lang: args.lang,
        bilingual: args.bilingual,
        format: args.format,
        output: args.output,
        allow_incomplete: args.allow_incomplete,
    };
    let report = run(ws, &request)?;
    Ok(crate::Outcome {
        stdout: report.stdout,
        stderr: report.stderr,
        code: if report.refused {
            crate::EXIT_FOUND
        } else {
            crate::EXIT_OK
        },
    })
}
