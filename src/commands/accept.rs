//! `bitext accept`: mark stale segments current without changing their translations, for
//! source edits that do not change the meaning (invariant 10). Also confirms drafts.

use crate::commands::sync::FilePlan;
use crate::error::{Error, Result, disp};
use crate::model::assess::State;
use crate::model::translation::UnitState;
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::lang::Lang;
use crate::workspace::slug::Slug;

/// What `accept` did to each segment, in the order given.
#[derive(Debug)]
pub struct AcceptReport {
    /// Language.
    pub lang: Lang,
    /// Source file.
    pub path: String,
    /// Segment positions, each with whether it was accepted (false: already current).
    pub segments: Vec<(usize, bool)>,
}

/// Accepts the segments `specs` of `slug` in `lang`.
///
/// # Errors
/// An unknown segment, a segment with no translation, or any unreadable or malformed file.
/// Every segment is checked before anything is written.
pub fn run(ws: &Workspace, slug: &Slug, specs: &[String], lang: &Lang) -> Result<AcceptReport> {
    let mut plan = FilePlan::new(ws, slug, lang, false)?;
    let mut report = AcceptReport {
        lang: lang.clone(),
        path: disp(&plan.article.path),
        segments: Vec::new(),
    };
    let mut targets = Vec::new();
    for spec in specs {
        let segment = plan.article.find(spec)?;
        let state = plan.assessment.states[segment.n - 1];
        if state == State::Missing {
            return Err(Error::NothingToAccept {
                path: plan.article.path.clone(),
                n: segment.n,
                state: state.as_str(),
            });
        }
        targets.push((segment.n, segment.text.clone(), state));
    }
    let mut changed = false;
    for (n, text, state) in targets {
        let accepted = state != State::Current;
        if accepted {
            let unit = &mut plan.file.units[n - 1];
            unit.source = text;
            if unit.state != Some(UnitState::Reviewed) {
                unit.state = Some(UnitState::Translated);
            }
            changed = true;
        }
        report.segments.push((n, accepted));
    }
    if changed {
        plan.write(ws)?;
    }
    Ok(report)
}

/// Renders the report for people.
#[must_use]
pub fn render(report: &AcceptReport) -> String {
    let mut out = String::new();
    for (n, accepted) in &report.segments {
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
pub fn execute(ws: &Workspace, args: crate::ui::cli::AcceptArgs) -> Result<crate::Outcome> {
    let _lock = crate::workspace::lock::Lock::acquire(&ws.root)?;
    let (articles, langs) = super::select(ws, &[args.article], &[args.lang])?;
    let report = run(ws, &articles[0], &args.segments, &langs[0])?;
    Ok(crate::Outcome::ok(render(&report)))
}
