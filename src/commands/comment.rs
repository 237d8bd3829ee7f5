//! `bitext comment`: add, change or remove the comment on a segment's translation. The
//! comment is kept in the translation file, on the unit, so it travels with the file through
//! git, `sync` and merges.

use bitext_core::error::Result;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::ops::Which;
use bitext_core::ops::review::{self, Commented};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::Args;

/// Sets (or with `None`, removes) the comment on segment `spec` of `slug` in `lang`.
///
/// # Errors
/// An unknown segment, a segment with no translation, a control character in the text, or
/// any unreadable or malformed file. Nothing is written on error.
pub fn run(
    ws: &Workspace,
    slug: &Slug,
    spec: &str,
    lang: &Lang,
    text: Option<&str>,
) -> Result<(usize, Option<String>)> {
    let request = review::CommentRequest {
        slug,
        lang,
        segment: Which::Spec(spec),
        text,
        seen: None,
    };
    match review::comment(ws, &request)? {
        Commented::Done { n, comment } => Ok((n, comment)),
        Commented::Conflict { .. } => {
            unreachable!("a request that saw nothing never conflicts")
        }
    }
}

/// `comment`, under the workspace lock.
///
/// # Errors
/// As [`run`], and when the lock is held.
pub fn execute(ws: &Workspace, args: &CommentArgs) -> Result<crate::Outcome> {
    let _lock = bitext_core::workspace::lock::Lock::acquire(&ws.root)?;
    let (articles, langs) = super::select(
        ws,
        std::slice::from_ref(&args.article),
        std::slice::from_ref(&args.lang),
    )?;
    let text = if args.remove {
        None
    } else {
        args.text.as_deref()
    };
    let (n, comment) = run(ws, &articles[0], &args.segment, &langs[0], text)?;
    let path = bitext_core::error::disp(&ws.source_file(&articles[0])?);
    let id = if comment.is_some() {
        "comment-saved"
    } else {
        "comment-removed"
    };
    let mut line = t!(id, path = &path, lang = langs[0].as_str(), n = n);
    line.push('\n');
    Ok(crate::Outcome::ok(line))
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `comment`.
#[derive(Debug, Args)]
pub struct CommentArgs {
    /// The article (its name, such as guides/intro, or its source file).
    pub article: String,
    /// The segment: a position from 1, or an id.
    #[arg(value_name = "SEGMENT")]
    pub segment: String,
    /// The comment (an empty one removes it).
    #[arg(
        value_name = "TEXT",
        required_unless_present = "remove",
        conflicts_with = "remove"
    )]
    pub text: Option<String>,
    /// The translation's language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Remove the comment.
    #[arg(long)]
    pub remove: bool,
}
