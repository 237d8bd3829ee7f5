//! `xliff export` and `xliff import`: XLIFF 2.0, or 1.2 for older tools.

use crate::Outcome;
use crate::ui::cli::ExchangeExportArgs;
use crate::ui::cli::ExchangeImportArgs;
use bitext_core::error::Result;
use bitext_core::exchange::{ExportArticle, xliff};
use bitext_core::workspace::Workspace;
use bitext_core::workspace::lock::Lock;
use clap::{Args, Subcommand, ValueEnum};

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

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// `xliff` subcommands.
#[derive(Debug, Subcommand)]
pub enum XliffCommand {
    /// Write an XLIFF file per article.
    Export(XliffExportArgs),
    /// Record the translations of XLIFF files (2.0 or 1.2).
    Import(ExchangeImportArgs),
}

/// Which XLIFF `xliff export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum XliffVersion {
    // XLIFF 2.0 (no doc comment: a value with help would switch `--help` to its long layout).
    #[value(name = "2.0")]
    V2_0,
    // XLIFF 1.2.
    #[value(name = "1.2")]
    V1_2,
}

/// Arguments of `xliff export`.
#[derive(Debug, Args)]
pub struct XliffExportArgs {
    #[command(flatten)]
    pub common: ExchangeExportArgs,
    /// XLIFF version.
    #[arg(
        long = "xliff-version",
        value_enum,
        default_value = "2.0",
        value_name = "VERSION"
    )]
    pub xliff_version: XliffVersion,
}

impl From<XliffVersion> for bitext_core::exchange::xliff::Version {
    fn from(version: XliffVersion) -> Self {
        match version {
            XliffVersion::V2_0 => Self::V2_0,
            XliffVersion::V1_2 => Self::V1_2,
        }
    }
}
