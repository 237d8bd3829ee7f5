//! `bitext sync`: rewrite translation files to mirror the current segmentation of the sources
//! ([`bitext_core::ops::sync`]), and say what changed.

use std::fmt::Write as _;

use crate::ui::cli::Jobs;
use crate::ui::cli::Selection;
use bitext_core::error::Result;
use bitext_core::ops::sync::{SyncReport, run};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::Args;

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
pub fn execute(ws: &Workspace, args: &SyncArgs) -> Result<crate::Outcome> {
    let _lock = (!args.dry_run)
        .then(|| bitext_core::workspace::lock::Lock::acquire(&ws.root))
        .transpose()?;
    let (articles, langs) = super::select(ws, &args.selection.articles, &args.selection.langs)?;
    let report = run(ws, &articles, &langs, args.dry_run, args.purge_obsolete)?;
    Ok(crate::Outcome::ok(render(&report)))
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub jobs: Jobs,
    /// Print what would change and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Delete obsolete translations instead of keeping them.
    #[arg(long)]
    pub purge_obsolete: bool,
}
