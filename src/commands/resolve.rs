//! `bitext resolve ARTICLE SEGMENT -l TAG --ours|--theirs|--text TEXT`: settle a merge
//! conflict left by `bitext merge-driver` on one segment.
//!
//! `--ours` keeps the unit as it is, `--theirs` takes the other branch's version, `--text`
//! records a new translation made from the current source text. Either way the conflict
//! goes, and the file is brought in line with the current segmentation as `set` does
//! ([`bitext_core::ops::resolve`]).

use bitext_core::error::Result;
use bitext_core::ops::resolve::{Choice, ResolveReport, run};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::Args;

/// Renders the report for people.
#[must_use]
pub fn render(report: &ResolveReport) -> String {
    let kept = match report.choice {
        Choice::Ours => "resolve-kept-ours",
        Choice::Theirs => "resolve-kept-theirs",
        Choice::Text(_) => "resolve-kept-text",
    };
    let mut out = t!(
        "resolve-done",
        path = report.path.as_str(),
        lang = report.lang.as_str(),
        segment = report.segment.as_str(),
        kept = &t!(kept)
    );
    out.push('\n');
    out
}

/// `resolve`, under the workspace lock.
///
/// # Errors
/// As [`run`], and when the lock is held.
pub fn execute(ws: &Workspace, args: ResolveArgs) -> Result<crate::Outcome> {
    let _lock = bitext_core::workspace::lock::Lock::acquire(&ws.root)?;
    let (articles, langs) = super::select(ws, &[args.article], &[args.lang])?;
    let choice = match (args.ours, args.theirs, args.text) {
        (_, _, Some(text)) => Choice::Text(text),
        (_, true, None) => Choice::Theirs,
        _ => Choice::Ours,
    };
    let report = run(ws, &articles[0], &args.segment, &langs[0], choice)?;
    Ok(crate::Outcome::ok(render(&report)))
}

/// Arguments of `resolve`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("choice").required(true).args(["ours", "theirs", "text"])))]
pub struct ResolveArgs {
    /// The article (its name, such as guides/intro, or its source file).
    pub article: String,
    /// The segment: a position from 1, or an id (a unique prefix is enough).
    pub segment: String,
    /// The translation's language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Keep the version in the file (ours).
    #[arg(long)]
    pub ours: bool,
    /// Take the other branch's version (theirs).
    #[arg(long)]
    pub theirs: bool,
    /// Record this translation instead, made from the current source text.
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
}
