//! `bitext adopt`: record, from the git history, which English each paragraph of the
//! translated pages was translated from ([`bitext_core::ops::adopt`]), and say what it found.

use std::io::IsTerminal as _;

use bitext_core::error::Result;
use bitext_core::ops::adopt::{AdoptReport, Assume, Progress, run};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::{Args, ValueEnum};

/// Renders the report for people.
#[must_use]
pub fn render(report: &AdoptReport) -> String {
    let mut out = String::new();
    for path in &report.without_history {
        out.push_str(&t!("adopt-without-history", path = path.as_str()));
        out.push('\n');
    }
    for (path, count) in &report.unpaired {
        out.push_str(&t!("adopt-unpaired", path = path.as_str(), count = *count));
        out.push('\n');
    }
    out.push_str(&t!(
        "adopt-summary",
        pages = report.pages,
        commits = report.commits,
        translated = report.translated,
        untranslated = report.untranslated,
        drafts = report.drafts,
        written = report.written.len()
    ));
    out.push('\n');
    out
}

/// `adopt`, under the workspace lock, with its progress on stderr when it is a terminal.
///
/// # Errors
/// As [`run`], and when the lock is held.
pub fn execute(ws: &Workspace, args: &AdoptArgs) -> Result<crate::Outcome> {
    let _lock = bitext_core::workspace::lock::Lock::acquire(&ws.root)?;
    let langs = ws.select_langs(&args.langs)?;
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };
    let assume = args.assume.map(|a| match a {
        AssumeArg::Current => Assume::Current,
        AssumeArg::Stale => Assume::Stale,
    });
    let report = run(ws, &langs, assume, |progress| match progress {
        Progress::History(commits) => {
            bar.set_message(t!("adopt-progress-history", commits = commits));
            bar.tick();
        }
        Progress::Pages(done, total) => {
            bar.set_message(t!("adopt-progress-pages", done = done, total = total));
            bar.tick();
        }
    })?;
    bar.finish_and_clear();
    Ok(crate::Outcome::ok(render(&report)))
}

/// What to record for pages without history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AssumeArg {
    /// Their paragraphs translate today's English.
    Current,
    /// Their paragraphs translate older English: stale.
    Stale,
}

/// Arguments of `adopt`.
#[derive(Debug, Args)]
pub struct AdoptArgs {
    /// Target languages to include (repeatable); all targets when none is given.
    #[arg(short = 'l', long = "lang", value_name = "TAG")]
    pub langs: Vec<String>,
    /// For pages without git history: take their paragraphs as translations of today's
    /// English (current) or of an older one (stale).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub assume: Option<AssumeArg>,
}
