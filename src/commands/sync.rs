//! `bitext sync`: rewrite translation files to mirror the current segmentation of the sources.
//!
//! Units end up in source order with new paragraphs as empty units and vanished translations
//! in the obsolete list. States are the same before and after, and a second run changes
//! nothing. Every input is validated before any file is written, so an error in an input
//! changes no file; then each changed file is written as soon as it is computed, so memory
//! does not grow with the number of changes.

use std::fmt::Write as _;

use std::path::PathBuf;

use crate::error::{Result, disp};
use crate::model::article::Article;
use crate::model::assess::{Assessment, SyncChanges, assess, synced};
use crate::model::translation::{TranslationFile, write_atomic};
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::lang::Lang;
use crate::workspace::parallel::map_ordered;
use crate::workspace::slug::Slug;

/// One translation file as it is and as it would be after a sync.
#[derive(Debug)]
pub struct FilePlan {
    /// The article.
    pub article: Article,
    /// The language.
    pub lang: Lang,
    /// The file, relative to the workspace root.
    pub path: PathBuf,
    /// The file's bytes as read, if it exists.
    pub before: Option<Vec<u8>>,
    /// The assessment of the file as it is.
    pub assessment: Assessment,
    /// The synchronised file.
    pub file: TranslationFile,
    /// What the sync changes.
    pub changes: SyncChanges,
}

impl FilePlan {
    /// Reads an article and its translation in `lang` and computes the synchronised file.
    ///
    /// # Errors
    /// Any unreadable or malformed source or translation file.
    pub fn new(ws: &Workspace, slug: &Slug, lang: &Lang, purge: bool) -> Result<Self> {
        let article = ws.load_article(slug)?;
        Self::for_article(ws, article, lang, purge)
    }

    /// As [`FilePlan::new`] for an article already read.
    ///
    /// # Errors
    /// An unreadable or malformed translation file.
    pub fn for_article(ws: &Workspace, article: Article, lang: &Lang, purge: bool) -> Result<Self> {
        let path = Workspace::translation_path(lang, &article.slug);
        let (before, existing) = ws.read_translation(lang, &article.slug)?.unzip();
        let assessment = assess(&article, existing.as_ref());
        let (file, changes) = synced(
            &article,
            lang.as_str(),
            existing.as_ref(),
            &assessment,
            purge,
        );
        Ok(Self {
            article,
            lang: lang.clone(),
            path,
            before,
            assessment,
            file,
            changes,
        })
    }

    /// Returns true if and only if writing the file would change its bytes on disk.
    #[must_use]
    pub fn is_change(&self) -> bool {
        self.before.as_deref() != Some(self.file.to_json().as_bytes())
    }

    /// Writes the file atomically.
    ///
    /// # Errors
    /// Any I/O failure, naming the file.
    pub fn write(&self, ws: &Workspace) -> Result<()> {
        write_atomic(&ws.abs(&self.path), &self.file.to_json())
    }
}

/// What `sync` did or would do.
#[derive(Debug)]
pub struct SyncReport {
    /// Files that change, with what changes.
    pub changed: Vec<(String, bool, SyncChanges)>,
    /// Number of files already in sync.
    pub unchanged: usize,
    /// Whether anything was written.
    pub dry_run: bool,
}

/// Synchronises the selected articles' translation files.
///
/// # Errors
/// Any unreadable or malformed file (nothing is written then), or a failed write.
pub fn run(
    ws: &Workspace,
    articles: &[Slug],
    langs: &[Lang],
    dry_run: bool,
    purge: bool,
) -> Result<SyncReport> {
    // Pass 1: every input is read and validated before any file is written, so an error
    // changes no file. Nothing is kept.
    for chunk in articles.chunks(CHUNK) {
        map_ordered(chunk, |slug| {
            ws.load_article(slug)?;
            for lang in langs {
                ws.read_translation(lang, slug)?;
            }
            Ok(())
        })?;
    }
    // Pass 2: a chunk of articles at a time, computed on every core, then the chunk's changed
    // files written in order, so memory stays bounded by the chunk, not by the number of
    // changes, and writes happen one at a time as before.
    let mut report = SyncReport {
        changed: Vec::new(),
        unchanged: 0,
        dry_run,
    };
    for chunk in articles.chunks(CHUNK) {
        let per_article = map_ordered(chunk, |slug| {
            let article = ws.load_article(slug)?;
            let mut changed = Vec::new();
            for lang in langs {
                let plan = FilePlan::for_article(ws, article.clone(), lang, purge)?;
                if plan.is_change() {
                    let json = plan.file.to_json();
                    changed.push((plan.path, plan.before.is_none(), plan.changes, json));
                }
            }
            Ok(changed)
        })?;
        for changed in per_article {
            report.unchanged += langs.len() - changed.len();
            for (path, created, changes, json) in changed {
                if !dry_run {
                    write_atomic(&ws.abs(&path), &json)?;
                }
                report.changed.push((disp(&path), created, changes));
            }
        }
    }
    Ok(report)
}

/// Articles synchronised at a time: enough to keep every core busy, few enough that memory
/// stays bounded by the largest articles rather than by the workspace.
const CHUNK: usize = 64;

/// Renders the report for people.
#[must_use]
pub fn render(report: &SyncReport) -> String {
    let mut out = String::new();
    for (path, created, changes) in &report.changed {
        let id = match (created, report.dry_run) {
            (true, false) => "sync-created",
            (true, true) => "sync-would-create",
            (false, false) => "sync-updated",
            (false, true) => "sync-would-update",
        };
        out.push_str(&t!(id, path = path));
        let details: Vec<String> = [
            ("sync-added", changes.added),
            ("sync-obsoleted", changes.obsoleted),
            ("sync-restored", changes.restored),
            ("sync-purged", changes.purged),
        ]
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(id, count)| t!(id, count = count))
        .collect();
        if !details.is_empty() {
            let _ = write!(out, " ({})", details.join(", "));
        }
        out.push('\n');
    }
    let summary = if report.dry_run {
        "sync-summary-dry-run"
    } else {
        "sync-summary"
    };
    out.push_str(&t!(
        summary,
        changed = report.changed.len(),
        unchanged = report.unchanged
    ));
    out.push('\n');
    out
}

/// `sync`, under the workspace lock unless `--dry-run`.
///
/// # Errors
/// As [`run`], and when the lock is held.
pub fn execute(ws: &Workspace, args: &crate::ui::cli::SyncArgs) -> Result<crate::Outcome> {
    let _lock = (!args.dry_run)
        .then(|| crate::workspace::lock::Lock::acquire(&ws.root))
        .transpose()?;
    let (articles, langs) = super::select(ws, &args.selection.articles, &args.selection.langs)?;
    let report = run(ws, &articles, &langs, args.dry_run, args.purge_obsolete)?;
    Ok(crate::Outcome::ok(render(&report)))
}
