//! Accepting stale segments: their translations are recorded as made from the current source
//! text, unchanged, for source edits that do not change the meaning (invariant 10 of
//! `docs/architecture.md`). Also confirms drafts. `bitext accept` and the workbench's Accept.
//!
//! The quality checks at level error run on every segment about to be accepted: one that
//! fails (the source now says 70 deaths, the translation still 60) stops the whole accept,
//! which writes nothing, unless it is forced (`--force`, or the translator's confirmation in
//! the workbench).

use crate::error::{Error, Result, disp};
use crate::model::assess::{State, borrowed_from};
use crate::model::lang::Lang;
use crate::model::segment::Segment;
use crate::model::slug::Slug;
use crate::model::translation::UnitState;
use crate::ops::{Conflict, Expect, Which, conflict};
use crate::qa::consistency::{Known, Wanted};
use crate::qa::{Context, Finding, Level, Place, check_segment_at};
use crate::workspace::Workspace;
use crate::workspace::plan::FilePlan;

/// What to accept.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The article.
    pub slug: &'a Slug,
    /// The language.
    pub lang: &'a Lang,
    /// The segments, in the order to report them.
    pub segments: &'a [Which<'a>],
    /// Accept even with error-level findings.
    pub force: bool,
    /// What the caller expects on disk, for a request about one segment; a difference is a
    /// [`Conflict`].
    pub expect: Option<Expect<'a>>,
    /// Refuse a new paragraph that takes, by similarity, the translation of a paragraph
    /// still in the article ([`borrowed_from`]): that translation was made for the other
    /// paragraph. The workbench refuses it; `bitext accept` accepts it as any stale segment.
    pub refuse_borrowed: bool,
}

/// An error-level finding on a segment about to be accepted.
#[derive(Debug, Clone)]
pub struct Blocker {
    /// The segment.
    pub segment: Segment,
    /// Its state before the accept.
    pub state: State,
    /// The translation that would have counted as current.
    pub target: String,
    /// The finding.
    pub finding: Finding,
}

/// What an accept did to each segment, in the order given.
#[derive(Debug, Clone)]
pub struct Report {
    /// The article's source file, relative to the workspace root.
    pub path: String,
    /// Segment positions, each with whether it was accepted (false: already current).
    pub segments: Vec<(usize, bool)>,
    /// The error-level findings of the segments to accept.
    pub findings: Vec<Blocker>,
    /// The number of segments of the article.
    pub count: usize,
}

/// The result of an accept.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The segments were accepted (or already current).
    Accepted(Report),
    /// Error-level findings and no force: nothing was written.
    Refused(Report),
    /// The segment changed since the caller looked: nothing was written.
    Conflict(Conflict),
    /// Segment `n` is a new paragraph whose translation on record was made for segment
    /// `like`, and the request refuses such a segment: nothing was written.
    Borrowed {
        /// The segment's position.
        n: usize,
        /// The position of the paragraph the translation was made for.
        like: usize,
    },
}

/// Accepts the segments of `request`. Every segment is checked before anything is written.
/// The caller holds the lock.
///
/// # Errors
/// An unknown segment, a segment with no translation, or any unreadable or malformed file.
pub fn accept(ws: &Workspace, request: &Request<'_>) -> Result<Outcome> {
    let mut plan = FilePlan::new(ws, request.slug, request.lang, false)?;
    let mut report = Report {
        path: disp(&plan.article.path),
        segments: Vec::new(),
        findings: Vec::new(),
        count: plan.article.segments.len(),
    };
    let borrowed = if request.refuse_borrowed {
        borrowed_from(&plan.assessment)
    } else {
        Vec::new()
    };
    let mut targets = Vec::new();
    for which in request.segments {
        let segment = which.find(&plan.article)?;
        let state = plan.assessment.states[segment.n - 1];
        if let Some(conflict) = conflict(
            request.expect,
            segment,
            &plan.file.units[segment.n - 1],
            state,
        ) {
            return Ok(Outcome::Conflict(conflict));
        }
        if let Some(Some(like)) = borrowed.get(segment.n - 1) {
            return Ok(Outcome::Borrowed {
                n: segment.n,
                like: like + 1,
            });
        }
        if state == State::Missing {
            return Err(Error::NothingToAccept {
                path: plan.article.path.clone(),
                n: segment.n,
                state: state.as_str(),
            });
        }
        targets.push((segment.n, state));
    }
    // The quality checks at level error on what is about to count as current, the
    // consistency check against the entries of the workspace that concern these segments.
    let mut wanted = Wanted::default();
    if let Some(l) = ws.config.targets.iter().position(|x| x == request.lang) {
        for &(n, _) in &targets {
            wanted.add(
                l,
                &plan.article.segments[n - 1].text,
                &plan.file.units[n - 1].target,
            );
        }
    }
    wanted.writes(request.slug);
    let known = Known {
        article: &plan.article,
        lang: request.lang,
        units: &plan.file.units,
    };
    let ctx = Context::load_errors_only_for(ws, &wanted, &known)?;
    for &(n, state) in &targets {
        if state == State::Current {
            continue;
        }
        let segment = &plan.article.segments[n - 1];
        let place = Place::new(request.slug.as_str(), n, &plan.article.definitions);
        let target = &plan.file.units[n - 1].target;
        for finding in check_segment_at(&ctx, &segment.text, target, request.lang, Some(place)) {
            if finding.level == Level::Error {
                report.findings.push(Blocker {
                    segment: segment.clone(),
                    state,
                    target: target.clone(),
                    finding,
                });
            }
        }
    }
    if !report.findings.is_empty() && !request.force {
        return Ok(Outcome::Refused(report));
    }
    let mut changed = false;
    for (n, state) in targets {
        let accepted = state != State::Current;
        if accepted {
            let text = plan.article.segments[n - 1].text.clone();
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
    Ok(Outcome::Accepted(report))
}
