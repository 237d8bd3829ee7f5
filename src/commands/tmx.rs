//! `tmx export`: every article in the selected languages, in one TMX memory.
//! `tmx import`: TMX files checked and kept in `memory/`, where the translation memory reads
//! them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::Outcome;
use crate::error::{Error, Result, disp};
use crate::exchange::{self, tmx};
use crate::memory::store::MEMORY_DIR;
use crate::model::translation::write_atomic;
use crate::t;
use crate::ui::cli::TmxCommand;
use crate::workspace::Workspace;

/// Runs `tmx export` or `tmx import`.
///
/// # Errors
/// Unknown languages, unreadable files, an output file that cannot be written, a file to
/// import that is not a TMX memory.
pub fn execute(ws: &Workspace, command: TmxCommand) -> Result<Outcome> {
    let args = match command {
        TmxCommand::Export(args) => args,
        TmxCommand::Import(args) => return import(ws, &args.files),
    };
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

/// Reads and checks every file, then (only if all are valid) copies each to
/// `memory/<name>.tmx`.
fn import(ws: &Workspace, files: &[PathBuf]) -> Result<Outcome> {
    let _lock = crate::workspace::lock::Lock::acquire(&ws.root)?;
    let mut checked = Vec::new();
    for path in files {
        let text = crate::error::read_text(path)?;
        let units = tmx::read(path, &text, &ws.config.source)?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| !s.is_empty() && !s.starts_with('.'))
            .ok_or_else(|| Error::InvalidFileName { path: path.clone() })?;
        let dest = Path::new(MEMORY_DIR).join(format!("{stem}.tmx"));
        ws.check_inside(&dest)?;
        checked.push((dest, text, units.len()));
    }
    let mut out = String::new();
    for (dest, text, count) in checked {
        write_atomic(&ws.abs(&dest), &text)?;
        let _ = writeln!(
            out,
            "{}",
            t!("tmx-imported", path = &disp(&dest), count = count)
        );
    }
    Ok(Outcome::ok(out))
}
