//! `po export` and `po import`: one PO file per article, for gettext-based tools.

use std::path::Path;

use crate::Outcome;
use crate::ui::cli::ExchangeExportArgs;
use crate::ui::cli::ExchangeImportArgs;
use bitext_core::error::Result;
use bitext_core::exchange::{ExportArticle, po};
use bitext_core::workspace::Workspace;
use bitext_core::workspace::lock::Lock;
use clap::Subcommand;

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
            let stdout = bitext_core::ops::exchange::export_files(
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
            let files = bitext_core::ops::exchange::read_files(&args.files, &read)?;
            let report = bitext_core::ops::exchange::import(ws, &files, args.force)?;
            Ok(super::import_outcome(&report))
        }
    }
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// `po` subcommands.
#[derive(Debug, Subcommand)]
pub enum PoCommand {
    /// Write a PO file per article.
    Export(ExchangeExportArgs),
    /// Record the translations of PO files.
    Import(ExchangeImportArgs),
}
