//! The subcommands, one module each: `run` computes a report, renderers turn it into text,
//! JSON or annotations, and `execute` is the glue from parsed arguments to an [`crate::Outcome`].
//! Commands may use every other part of the crate; only the workbench ([`crate::serve`]) uses
//! them, to write through the same code as the command line.

pub mod accept;
pub mod check;
pub mod completions;
pub mod diff;
pub mod export;
pub mod import;
pub mod init;
pub mod man;
pub mod merge_driver;
pub mod po;
pub mod pretranslate;
pub mod qa;
pub mod resolve;
pub mod serve;
pub mod set;
pub mod status;
pub mod suggest;
pub mod sync;
pub mod tmx;
pub mod xliff;

use crate::error::Result;
use crate::workspace::Workspace;
use crate::workspace::lang::Lang;
use crate::workspace::slug::Slug;

/// Resolves the article and language selection once; when every article is selected,
/// translation files of articles that do not exist are refused.
///
/// # Errors
/// An unknown article or language, or (for a whole-workspace selection) an orphan file.
pub fn select(
    ws: &Workspace,
    articles: &[String],
    langs: &[String],
) -> Result<(Vec<Slug>, Vec<Lang>)> {
    let langs = ws.select_langs(langs)?;
    let slugs = ws.select_articles(articles)?;
    if articles.is_empty() {
        ws.check_orphans(&langs, &slugs)?;
    }
    Ok((slugs, langs))
}
