//! The subcommands, one module each: its arguments (`…Args`), `execute`, the glue from them to
//! the core's operations and reports ([`bitext_core::ops`]), and the report's rendering as
//! text, JSON or annotations. A command returns an [`crate::Outcome`] or writes through the
//! [`crate::Output`] it is given. The workbench ([`crate::serve`]) uses only the export's
//! request and the status report from here; its writes go to the core's operations.

pub mod accept;
pub mod adopt;
pub mod check;
pub mod completions;
pub mod diff;
pub mod doctor;
pub mod export;
pub mod history;
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

use bitext_core::error::Result;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::workspace::Workspace;

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

/// The outcome of an import for the command line: the report, exiting [`crate::EXIT_FOUND`]
/// when a unit was kept as a conflict (the translator has a decision left to make) and
/// [`crate::EXIT_OK`] otherwise.
#[must_use]
pub fn import_outcome(report: &bitext_core::ops::exchange::ImportReport) -> crate::Outcome {
    let mut outcome = crate::Outcome::ok(bitext_core::ops::exchange::render(report));
    if report
        .files
        .iter()
        .any(|(_, counts, _)| counts.conflicts > 0)
    {
        outcome.code = crate::EXIT_FOUND;
    }
    outcome
}
