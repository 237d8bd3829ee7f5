//! `tmx export`: every article in the selected languages, in one TMX memory.
//! `tmx import`: TMX files checked and kept in `memory/`, where the translation memory reads
//! them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::Outcome;
use bitext_core::error::{Error, Result, disp};
use bitext_core::exchange::tmx;
use bitext_core::memory::store::MEMORY_DIR;
use bitext_core::model::translation::{write_atomic, write_atomic_with};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::{Args, Subcommand};

/// Runs `tmx export` or `tmx import`.
///
/// # Errors
/// Unknown languages, unreadable files, an output file that cannot be written, a file to
/// import that is not a TMX memory.
pub fn execute(
    ws: &Workspace,
    command: TmxCommand,
    output: &mut crate::Output<'_>,
) -> Result<Outcome> {
    let args = match command {
        TmxCommand::Export(args) => args,
        TmxCommand::Import(args) => return import(ws, &args.files),
    };
    let slugs = ws.all_articles()?;
    let langs = ws.select_langs(&args.langs)?;
    // Written article by article, a chunk at a time, never whole in memory.
    let source = ws.config.source.as_str();
    let fill = |out: &mut dyn std::io::Write, name: &Path| -> Result<()> {
        let io = |source| Error::Write {
            path: name.to_owned(),
            source,
        };
        out.write_all(tmx::head(source).as_bytes()).map_err(io)?;
        for lang in &langs {
            for chunk in slugs.chunks(64) {
                let texts = bitext_core::workspace::parallel::map_ordered(chunk, |slug| {
                    Ok(tmx::units(
                        source,
                        &bitext_core::ops::exchange::export_article(ws, slug, lang)?,
                    ))
                })?;
                for text in texts {
                    out.write_all(text.as_bytes()).map_err(io)?;
                }
            }
        }
        out.write_all(tmx::TAIL.as_bytes()).map_err(io)?;
        out.flush().map_err(io)
    };
    match args.output {
        Some(path) => {
            write_atomic_with(&path, |out| fill(out, &path))?;
        }
        None => {
            match fill(output.out, Path::new("-")) {
                // `bitext tmx export | head` closing the pipe early is not an error.
                Err(Error::Write { source, .. })
                    if source.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
    }
    Ok(Outcome::ok(String::new()))
}

/// Reads and checks every file, then (only if all are valid) copies each to
/// `memory/<name>.tmx`.
fn import(ws: &Workspace, files: &[PathBuf]) -> Result<Outcome> {
    let _lock = bitext_core::workspace::lock::Lock::acquire(&ws.root)?;
    let mut checked = Vec::new();
    for path in files {
        let text = bitext_core::error::read_text(path)?;
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

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// `tmx` subcommands.
#[derive(Debug, Subcommand)]
pub enum TmxCommand {
    /// Write a TMX 1.4b memory of every current segment pair.
    Export(TmxExportArgs),
    /// Check TMX files and keep them in memory/, where suggest and pretranslate use them.
    Import(TmxImportArgs),
}

/// Arguments of `tmx import`.
#[derive(Debug, Args)]
pub struct TmxImportArgs {
    /// TMX 1.4 files to add to the memory.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// Arguments of `tmx export`.
#[derive(Debug, Args)]
pub struct TmxExportArgs {
    /// Target languages to include (repeatable); all targets when none is given.
    #[arg(short = 'l', long = "lang", value_name = "TAG")]
    pub langs: Vec<String>,
    /// Write to PATH instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}
