//! `bitext merge-driver %O %A %B %P`: git's merge driver for translation files.
//!
//! Git runs it with the common ancestor, our version (which receives the result) and their
//! version of a translation file; the merge itself is [`bitext_core::model::merge`]. Exit 0 when
//! the merge is clean, 1 when units were translated differently on both sides (the file is
//! still valid: ours kept, theirs recorded as a conflict), 2 when a version cannot be read
//! as a translation file, in which case our version is left untouched and git reports the
//! conflict as it would for any file its driver could not merge.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use bitext_core::error::{Error, Result, disp};
use bitext_core::model::merge::merge;
use bitext_core::model::translation::{TranslationFile, write_atomic};
use bitext_core::t;
use clap::Args;

/// What the merge did.
#[derive(Debug)]
pub struct MergeReport {
    /// The file's path in the repository (`%P`), or our version's path.
    pub path: String,
    /// New conflicts recorded.
    pub conflicts: usize,
}

#[derive(Deserialize)]
struct Labels {
    article: String,
    lang: String,
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })
}

/// Parses one version, naming it in errors as `<path> (<side>)`.
fn parse(name: &str, side: &str, bytes: &[u8], labels: &Labels) -> Result<TranslationFile> {
    let label = PathBuf::from(format!("{name} ({})", t!(side)));
    TranslationFile::parse(&label, bytes, &labels.article, &labels.lang)
}

/// Merges the three versions and writes the result over `current`.
///
/// # Errors
/// An unreadable or malformed version (nothing is written then), or a failed write.
pub fn run(args: &MergeDriverArgs) -> Result<MergeReport> {
    let name = args.path.clone().unwrap_or_else(|| disp(&args.current));
    let ours_bytes = read(&args.current)?;
    let base_bytes = read(&args.ancestor)?;
    let theirs_bytes = read(&args.other)?;
    // Article and language come from our version; the others must agree with it.
    let stripped = ours_bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(&ours_bytes);
    let labels = serde_json::from_slice::<Labels>(stripped).unwrap_or(Labels {
        article: String::new(),
        lang: String::new(),
    });
    let ours = parse(&name, "merge-side-ours", &ours_bytes, &labels)?;
    let theirs = parse(&name, "merge-side-theirs", &theirs_bytes, &labels)?;
    // Git gives an empty ancestor for a file created on both branches.
    let base = if base_bytes.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        Some(parse(&name, "merge-side-base", &base_bytes, &labels)?)
    };
    let merged = merge(base.as_ref(), &ours, &theirs);
    let json = merged.file.to_json();
    if json.as_bytes() != ours_bytes.as_slice() {
        write_atomic(&args.current, &json)?;
    }
    Ok(MergeReport {
        path: name,
        conflicts: merged.conflicts,
    })
}

/// `merge-driver`: silent when clean; exit 1 with a message naming the file on conflicts.
///
/// # Errors
/// As [`run`].
pub fn execute(args: &MergeDriverArgs) -> Result<crate::Outcome> {
    let report = run(args)?;
    if report.conflicts == 0 {
        return Ok(crate::Outcome::ok(String::new()));
    }
    let mut stderr = t!(
        "merge-conflicts",
        path = report.path.as_str(),
        count = report.conflicts
    );
    stderr.push('\n');
    Ok(crate::Outcome {
        stdout: String::new(),
        stderr,
        code: crate::EXIT_FOUND,
    })
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `merge-driver`, as git passes them (`%O %A %B %P`).
#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// The common ancestor's version (`%O`; empty when the file is new on both branches).
    pub ancestor: PathBuf,
    /// Our version (`%A`), which receives the result.
    pub current: PathBuf,
    /// Their version (`%B`).
    pub other: PathBuf,
    /// The file's path in the repository (`%P`), for messages.
    pub path: Option<String>,
}
