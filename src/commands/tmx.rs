//! `tmx export`: every article in the selected languages, in one TMX memory.

use crate::Outcome;
use crate::error::Result;
use crate::exchange::{self, tmx};
use crate::model::translation::write_atomic;
use crate::ui::cli::TmxCommand;
use crate::workspace::Workspace;

/// Runs `tmx export`.
///
/// # Errors
/// Unknown languages, unreadable files, an output file that cannot be written.
pub fn execute(ws: &Workspace, command: TmxCommand) -> Result<Outcome> {
    let TmxCommand::Export(args) = command;
    let slugs = ws.all_articles()?;
    let langs = ws.select_langs(&args.langs)?;
    let mut articles = Vec::new();
    for lang in &langs {
        for slug in &slugs {
            articles.push(exchange::export_article(ws, slug, lang)?);
        }
    }
    let text = tmx::write(ws.config.source.as_str(), &articles);
    match args.output {
        Some(path) => {
            write_atomic(&path, &text)?;
            Ok(Outcome::ok(String::new()))
        }
        None => Ok(Outcome::ok(text)),
    }
}
