//! `bitext accept`: mark stale segments current without changing their translations, for
//! source edits that do not change the meaning (invariant 10). Also confirms drafts.
//!
//! The quality checks at level error run on every segment about to be accepted: one that
//! fails (the source now says 70 deaths, the translation still 60) stops the whole command,
//! which writes nothing and exits 1, unless `--force`.

use bitext_core::error::Result;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::ops::{Which, accept};
use bitext_core::qa::located::QaFinding;
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::Args;

/// What `accept` did to each segment, in the order given.
#[derive(Debug)]
pub struct AcceptReport {
    /// Language.
    pub lang: Lang,
    /// Source file.
    pub path: String,
    /// Segment positions, each with whether it was accepted (false: already current).
    pub segments: Vec<(usize, bool)>,
    /// The quality findings at level error of the segments to accept, by position.
    pub findings: Vec<(usize, QaFinding)>,
    /// Whether the findings stopped the accept (nothing was written).
    pub refused: bool,
}

/// Accepts the segments `specs` of `slug` in `lang` ([`bitext_core::ops::accept`]).
///
/// # Errors
/// An unknown segment, a segment with no translation, or any unreadable or malformed file.
/// Every segment is checked before anything is written.
pub fn run(
    ws: &Workspace,
    slug: &Slug,
    specs: &[String],
    lang: &Lang,
    force: bool,
) -> Result<AcceptReport> {
    let which: Vec<Which<'_>> = specs.iter().map(|s| Which::Spec(s)).collect();
    let request = accept::Request {
        slug,
        lang,
        segments: &which,
        force,
        expect: None,
        refuse_borrowed: false,
    };
    let (report, refused) = match accept::accept(ws, &request)? {
        accept::Outcome::Accepted(report) => (report, false),
        accept::Outcome::Refused(report) => (report, true),
        accept::Outcome::Conflict(_) => {
            unreachable!("a request that expects nothing never conflicts")
        }
        accept::Outcome::Borrowed { .. } => {
            unreachable!("a request that accepts borrowed translations never refuses one")
        }
    };
    let findings = report
        .findings
        .iter()
        .map(|b| {
            let located = QaFinding::new(
                slug.as_str(),
                &report.path,
                lang,
                &b.segment,
                b.state,
                &b.finding,
            );
            (b.segment.n, located)
        })
        .collect();
    Ok(AcceptReport {
        lang: lang.clone(),
        path: report.path,
        segments: report.segments,
        findings,
        refused,
    })
}

/// Renders the report for people.
#[must_use]
pub fn render(report: &AcceptReport) -> String {
    let mut out = String::new();
    for (_, finding) in &report.findings {
        out.push_str(&finding.render());
    }
    if report.refused {
        let mut refused: Vec<usize> = report.findings.iter().map(|(n, _)| *n).collect();
        refused.dedup();
        for n in refused {
            let count = report.findings.iter().filter(|(m, _)| *m == n).count();
            out.push_str(&t!(
                "accept-refused",
                lang = report.lang.as_str(),
                n = n,
                path = &report.path,
                count = count
            ));
            out.push('\n');
        }
        return out;
    }
    for (n, accepted) in &report.segments {
        let count = report.findings.iter().filter(|(m, _)| m == n).count();
        if *accepted && count > 0 {
            out.push_str(&t!(
                "accept-forced",
                lang = report.lang.as_str(),
                n = *n,
                path = &report.path,
                count = count
            ));
            out.push('\n');
            continue;
        }
        let id = if *accepted {
            "accept-accepted"
        } else {
            "accept-already-current"
        };
        out.push_str(&t!(
            id,
            lang = report.lang.as_str(),
            n = *n,
            path = &report.path
        ));
        out.push('\n');
    }
    out
}

/// `accept`, under the workspace lock.
///
/// # Errors
/// As [`run`], and when the lock is held.
pub fn execute(ws: &Workspace, args: AcceptArgs) -> Result<crate::Outcome> {
    let _lock = bitext_core::workspace::lock::Lock::acquire(&ws.root)?;
    let (articles, langs) = super::select(ws, &[args.article], &[args.lang])?;
    let report = run(ws, &articles[0], &args.segments, &langs[0], args.force)?;
    let mut outcome = crate::Outcome::ok(render(&report));
    if report.refused {
        outcome.code = crate::EXIT_FOUND;
    }
    Ok(outcome)
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `accept`.
#[derive(Debug, Args)]
pub struct AcceptArgs {
    /// The article (its name, such as guides/intro, or its source file).
    pub article: String,
    /// Segments to accept: positions from 1 or ids (@ID for an id that looks like a number).
    #[arg(required = true, value_name = "SEGMENT")]
    pub segments: Vec<String>,
    /// The translations' language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Accept even when a quality check at level error fails.
    #[arg(long)]
    pub force: bool,
}
