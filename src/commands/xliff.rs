//! `xliff export` and `xliff import`: XLIFF 2.0, or 1.2 for older tools.

use crate::Outcome;
use crate::ui::cli::XliffCommand;
use bitext_core::error::Result;
use bitext_core::exchange::{ExportArticle, xliff};
use bitext_core::workspace::Workspace;
use bitext_core::workspace::lock::Lock;

/// Runs `xliff export` or `xliff import`.
///
/// # Errors
/// Unknown articles or languages, unreadable or malformed files, a held lock.
pub fn execute(ws: &Workspace, command: XliffCommand) -> Result<Outcome> {
    match command {
        XliffCommand::Export(args) => {
            let common = args.common;
            let (slugs, langs) = super::select(ws, &common.articles, &[common.lang])?;
            let version = args.xliff_version.into();
            let render = |article: &ExportArticle| xliff::write(article, version);
            let stdout = bitext_core::ops::exchange::export_files(
                ws,
                &slugs,
                &langs[0],
                common.output.as_deref(),
                "xlf",
                &render,
            )?;
            Ok(Outcome::ok(stdout))
        }
        XliffCommand::Import(args) => {
            let _lock = Lock::acquire(&ws.root)?;
            let files = bitext_core::ops::exchange::read_files(&args.files, &xliff::read)?;
            let report = bitext_core::ops::exchange::import(ws, &files, args.force)?;
            Ok(super::import_outcome(&report))
        }
    }
}
