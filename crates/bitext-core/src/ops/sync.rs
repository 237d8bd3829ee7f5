//! Synchronising translation files with the current segmentation of the sources: units end up
//! in source order with new paragraphs as empty units and vanished translations in the
//! obsolete list. States are the same before and after, and a second run changes nothing.
//! Every input is validated before any file is written, so an error in an input changes no
//! file; then each changed file is written as soon as it is computed, so memory does not grow
//! with the number of changes.

use crate::error::{Result, disp};
use crate::model::assess::SyncChanges;
use crate::model::lang::Lang;
use crate::model::slug::Slug;
use crate::model::translation::write_atomic;
use crate::workspace::Workspace;
use crate::workspace::parallel::map_ordered;
use crate::workspace::plan::{FilePlan, digest};

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
    // The index of translations saved for the consistency check of the commands about one
    // article learns what changed outside bitext, before this run writes anything (a sync
    // does not change which translation each segment has).
    if articles.len() == ws.all_articles()?.len() {
        crate::qa::consistency::Index::refresh_saved(ws)?;
    }
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
            let mut article = Some(ws.load_article(slug)?);
            let mut changed = Vec::new();
            for (k, lang) in langs.iter().enumerate() {
                // The last language takes the article itself: one copy of a large article
                // less while its file is brought in line.
                let this = if k + 1 == langs.len() {
                    article.take()
                } else {
                    article.clone()
                };
                let Some(this) = this else {
                    continue;
                };
                let plan = FilePlan::for_article(ws, this, lang, purge)?;
                if ws.config.layout.pages.is_some() {
                    // The record and the page: what changes of them is written.
                    let outputs = plan.outputs(ws)?;
                    let after = plan.digest_of(ws, &outputs);
                    if plan.before != Some(after) {
                        changed.push((plan.path, plan.before.is_none(), plan.changes, outputs));
                    }
                    continue;
                }
                let FilePlan {
                    path,
                    before,
                    file,
                    changes,
                    article,
                    assessment,
                    ..
                } = plan;
                // Neither is needed to write the file: freed before its text is made.
                drop((article, assessment));
                let json = file.to_json();
                if before != Some(digest(json.as_bytes())) {
                    let outputs = vec![(path.clone(), json)];
                    changed.push((path, before.is_none(), changes, outputs));
                }
            }
            Ok(changed)
        })?;
        for changed in per_article {
            report.unchanged += langs.len() - changed.len();
            for (path, created, changes, outputs) in changed {
                if !dry_run {
                    for (file, text) in outputs {
                        let abs = ws.abs(&file);
                        if !crate::workspace::files::holds(&abs, text.as_bytes()) {
                            write_atomic(&abs, &text)?;
                        }
                    }
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
