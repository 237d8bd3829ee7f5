//! `bitext pretranslate`: fill missing segments from the translation memory
//! ([`bitext_core::ops::pretranslate`]): an exact match as a draft, or as translated with
//! `--exact-as-translated`; a fuzzy match at or above `--min-score` always as a draft.

use std::fmt::Write as _;

use bitext_core::error::Result;
use bitext_core::model::translation::UnitState;
use bitext_core::ops::pretranslate::{Options, PretranslateReport, run};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::Args;

use crate::ui::cli::Jobs;

/// Renders the report: per article, how many segments were filled and how, then every fill
/// the checks stopped.
#[must_use]
pub fn render(report: &PretranslateReport) -> String {
    let mut out = String::new();
    if report.articles.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            t!("pretranslate-nothing", lang = report.lang.as_str())
        );
        return out;
    }
    let key = if report.dry_run {
        "pretranslate-summary-dry"
    } else {
        "pretranslate-summary"
    };
    for article in &report.articles {
        let exact = article.fills.iter().filter(|f| f.score == 100).count();
        let translated = article
            .fills
            .iter()
            .filter(|f| f.state == UnitState::Translated)
            .count();
        let _ = writeln!(
            out,
            "{}",
            t!(
                key,
                path = article.path.as_str(),
                lang = report.lang.as_str(),
                exact = exact,
                fuzzy = article.fills.len() - exact,
                translated = translated,
                left = article.unmatched
            )
        );
        for fill in &article.fills {
            for finding in &fill.findings {
                let _ = writeln!(
                    out,
                    "  {}",
                    t!(
                        "pretranslate-kept-draft",
                        n = fill.n,
                        score = usize::from(fill.score),
                        code = finding.check.code(),
                        message = finding.message().as_str()
                    )
                );
            }
        }
    }
    out
}

/// `pretranslate`.
///
/// # Errors
/// As [`run`], and when the lock is held.
pub fn execute(ws: &Workspace, args: &PretranslateArgs) -> Result<crate::Outcome> {
    let _lock = bitext_core::workspace::lock::Lock::acquire(&ws.root)?;
    let (slugs, langs) = super::select(ws, &args.articles, std::slice::from_ref(&args.lang))?;
    let report = run(
        ws,
        &slugs,
        &langs[0],
        Options {
            min_score: args.min_score,
            exact_as_translated: args.exact_as_translated,
            dry_run: args.dry_run,
        },
    )?;
    Ok(crate::Outcome::ok(render(&report)))
}

/// Arguments of `pretranslate`.
#[derive(Debug, Args)]
pub struct PretranslateArgs {
    #[command(flatten)]
    pub jobs: Jobs,
    /// Articles to fill (names such as guides/intro, or their source files); all when none is given.
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
    /// The language to fill.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Also fill from fuzzy matches scoring at least PCT (as drafts); exact matches only
    /// when not given.
    #[arg(long, value_name = "PCT", value_parser = clap::value_parser!(u8).range(1..=100))]
    pub min_score: Option<u8>,
    /// Print what would be filled and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Record exact matches that pass the checks as translated rather than as drafts.
    #[arg(long)]
    pub exact_as_translated: bool,
}
