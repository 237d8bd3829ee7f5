//! `bitext review`: mark the translations of segments reviewed, several at once (positions,
//! ids, or ranges of positions such as `3-7`), in one write.
//!
//! Only current translations can be reviewed: a stale, missing or draft segment is reported
//! on standard error and left as it is, and the command then exits 1, so that a script sees
//! that part of what it asked for was not done.

use bitext_core::error::Result;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::ops::review::{self, Mark, Report};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::Args;

/// Marks the segments `specs` of `slug` reviewed in `lang` ([`bitext_core::ops::review`]).
///
/// # Errors
/// An unknown segment or range, or any unreadable or malformed file. Nothing is written on
/// error.
pub fn run(ws: &Workspace, slug: &Slug, specs: &[String], lang: &Lang) -> Result<Report> {
    let specs: Vec<&str> = specs.iter().map(String::as_str).collect();
    review::review(
        ws,
        &review::Request {
            slug,
            lang,
            segments: &specs,
            seen: &[],
        },
    )
}

/// The report for people: what was marked on stdout, what was refused on stderr.
#[must_use]
pub fn render(report: &Report, lang: &Lang) -> (String, String) {
    let (mut out, mut err) = (String::new(), String::new());
    for &(n, mark) in &report.segments {
        let (text, line) = match mark {
            Mark::Marked => (&mut out, "review-marked"),
            Mark::Already => (&mut out, "review-already"),
            Mark::Refused(_) | Mark::Changed => (&mut err, "review-refused"),
        };
        let state = match mark {
            Mark::Refused(state) => t!(&format!("state-{}", state.as_str())),
            _ => String::new(),
        };
        text.push_str(&t!(
            line,
            path = &report.path,
            lang = lang.as_str(),
            n = n,
            state = &state
        ));
        text.push('\n');
    }
    (out, err)
}

/// `review`, under the workspace lock: exit 1 when a segment could not be marked.
///
/// # Errors
/// As [`run`], and when the lock is held.
pub fn execute(ws: &Workspace, args: &ReviewArgs) -> Result<crate::Outcome> {
    let _lock = bitext_core::workspace::lock::Lock::acquire(&ws.root)?;
    let (articles, langs) = super::select(
        ws,
        std::slice::from_ref(&args.article),
        std::slice::from_ref(&args.lang),
    )?;
    let report = run(ws, &articles[0], &args.segments, &langs[0])?;
    let (stdout, stderr) = render(&report, &langs[0]);
    let refused = !stderr.is_empty();
    Ok(crate::Outcome {
        stdout,
        stderr,
        code: if refused {
            crate::EXIT_FOUND
        } else {
            crate::EXIT_OK
        },
    })
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The article (its name, such as guides/intro, or its source file).
    pub article: String,
    /// Segments to mark reviewed: positions from 1, ranges such as 3-7, or ids.
    #[arg(required = true, value_name = "SEGMENT")]
    pub segments: Vec<String>,
    /// The translations' language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
}
