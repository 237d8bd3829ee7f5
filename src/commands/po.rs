//! `po export` and `po import`: one PO file per article, for gettext-based tools.

use std::path::Path;

use crate::Outcome;
use crate::error::Result;
use crate::exchange::{self, ExportArticle, po};
use crate::ui::cli::PoCommand;
use crate::workspace::Workspace;
use crate::workspace::lock::Lock;

/// Runs `po export` or `po import`.
///
/// # Errors
/// Unknown articles or languages, unreadable or malformed files, a held lock.
pub fn execute(ws: &Workspace, command: PoCommand) -> Result<Outcome> {
    match command {
        PoCommand::Export(args) => {
            let (slugs, langs) = super::select(ws, &args.articles, &[args.lang])?;
            let date = po::header_date();
            let render = |article: &ExportArticle| po::write(article, &date);
            let stdout = exchange::export_files(
                ws,
                &slugs,
                &langs[0],
                args.output.as_deref(),
                "po",
                &render,
            )?;
            Ok(Outcome::ok(stdout))
        }
        PoCommand::Import(args) => {
            let read = |path: &Path, text: &str| po::read(path, text).map(|f| vec![f]);
            let _lock = Lock::acquire(&ws.root)?;
            let files = exchange::read_files(&args.files, &read)?;
            let report = exchange::import(ws, &files, args.force)?;
            Ok(report.outcome())
        }
    }
}
