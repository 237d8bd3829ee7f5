//! `bitext accept`: mark stale segments current without changing their translations, for
//! source edits that do not change the meaning (invariant 10). Also confirms drafts.
//!
//! The quality checks at level error run on every segment about to be accepted: one that
//! fails (the source now says 70 deaths, the translation still 60) stops the whole command,
//! which writes nothing and exits 1, unless `--force`.

use bitext_core::error::{Error, Result, disp};
use bitext_core::model::assess::State;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::UnitState;
use bitext_core::qa::located::QaFinding;
use bitext_core::qa::{Context, Level, Place, check_segment_at};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::plan::FilePlan;

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

/// Accepts the segments `specs` of `slug` in `lang`.
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
    let mut plan = FilePlan::new(ws, slug, lang, false)?;
    let mut report = AcceptReport {
        lang: lang.clone(),
        path: disp(&plan.article.path),
        segments: Vec::new(),
        findings: Vec::new(),
        refused: false,
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
    // The quality checks at level error on what is about to count as current.
    let ctx = Context::load_errors_only(ws)?;
    for (n, text, state) in &targets {
        if *state == State::Current {
            continue;
        }
        let segment = &plan.article.segments[n - 1];
        let place = Place {
            article: slug.as_str(),
            n: *n,
        };
        let target = &plan.file.units[n - 1].target;
        for finding in check_segment_at(&ctx, text, target, lang, Some(place)) {
            if finding.level == Level::Error {
                let located =
                    QaFinding::new(slug.as_str(), &report.path, lang, segment, *state, &finding);
                report.findings.push((*n, located));
            }
        }
    }
    if !report.findings.is_empty() && !force {
        report.refused = true;
        return Ok(report);
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
pub fn execute(ws: &Workspace, args: crate::ui::cli::AcceptArgs) -> Result<crate::Outcome> {
    let _lock = bitext_core::workspace::lock::Lock::acquire(&ws.root)?;
    let (articles, langs) = super::select(ws, &[args.article], &[args.lang])?;
    let report = run(ws, &articles[0], &args.segments, &langs[0], args.force)?;
    let mut outcome = crate::Outcome::ok(render(&report));
    if report.refused {
        outcome.code = crate::EXIT_FOUND;
    }
    Ok(outcome)
}
