//! Recording a translation of one segment, made from its current source text: `bitext set`,
//! and the workbench's save, save as draft and mark reviewed.
//!
//! The article and its translation file are read once ([`FilePlan`]), the text is checked
//! once, and the file is written once, brought in line with the current segmentation as
//! `sync` does. The quality findings come back with the result: the command line reports
//! them and records anyway (the text is the translator's), the workbench refuses a text with
//! error-level findings until the translator confirms it.

use crate::error::{Error, Result, disp};
use crate::model::assess::State;
use crate::model::lang::Lang;
use crate::model::segment::{Segment, normalise_paragraph};
use crate::model::slug::Slug;
use crate::model::translation::{Unit, UnitState};
use crate::ops::{Conflict, Expect, Which, conflict};
use crate::qa::consistency::{Known, Wanted};
use crate::qa::{Context, Finding, Level, Place, check_segment_at};
use crate::workspace::Workspace;
use crate::workspace::plan::FilePlan;

/// Which quality checks a recording runs.
#[derive(Debug, Clone, Copy)]
pub enum Checks<'a> {
    /// Every check, the consistency check against only the entries of the workspace that
    /// concern this segment's source and translation.
    Narrowed,
    /// The checks of a context the caller loaded (the workbench loads one per request).
    Given(&'a Context),
}

/// What to record.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The article.
    pub slug: &'a Slug,
    /// The language.
    pub lang: &'a Lang,
    /// The segment.
    pub segment: Which<'a>,
    /// The state to record.
    pub state: UnitState,
    /// What the caller expects on disk; a difference is a [`Conflict`].
    pub expect: Option<Expect<'a>>,
    /// Whether error-level findings stop the recording (the workbench before confirmation).
    pub refuse_errors: bool,
}

/// A recorded (or refused) translation.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The article's source file, relative to the workspace root.
    pub path: String,
    /// The segment.
    pub segment: Segment,
    /// How the segment shows with the new translation: current, or draft.
    pub state: State,
    /// The state recorded.
    pub unit_state: UnitState,
    /// The quality findings on the text.
    pub findings: Vec<Finding>,
    /// The number of segments of the article.
    pub count: usize,
}

/// The result of a recording.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The translation was written.
    Recorded(Recorded),
    /// Error-level findings, and the request refuses them: nothing was written.
    Refused(Recorded),
    /// The segment changed since the caller looked: nothing was written.
    Conflict(Conflict),
}

/// Records the text `text` gives as the translation of a segment. The caller holds the lock.
///
/// `text` returns the translation as given (one paragraph, normalised here) and where it
/// comes from, for errors ("the text given", a file, standard input). It is called once the
/// segment is known to exist and to be what the caller expects, so that a wrong segment is
/// reported before standard input is read.
///
/// # Errors
/// An unknown segment, an empty or multi-paragraph text (naming where it comes from), or any
/// unreadable or malformed workspace file, or whatever `text` fails with. Nothing is written
/// on error.
pub fn record(
    ws: &Workspace,
    checks: Checks<'_>,
    request: &Request<'_>,
    text: impl FnOnce() -> Result<(String, String)>,
) -> Result<Outcome> {
    let mut plan = FilePlan::new(ws, request.slug, request.lang, false)?;
    let segment = request.segment.find(&plan.article)?.clone();
    let unit = &plan.file.units[segment.n - 1];
    if let Some(conflict) = conflict(
        request.expect,
        &segment,
        unit,
        plan.assessment.states[segment.n - 1],
    ) {
        return Ok(Outcome::Conflict(conflict));
    }
    let (raw, origin) = text()?;
    let target = normalise_paragraph(&raw).ok_or_else(|| Error::MultiParagraphTranslation {
        origin: origin.clone(),
    })?;
    if target.is_empty() {
        return Err(Error::EmptyTranslation { origin });
    }
    if let Some(character) = crate::model::translation::forbidden_control(&target) {
        return Err(Error::ControlCharacter {
            place: origin,
            unit: Some(crate::t!(
                "control-segment",
                n = segment.n,
                id = segment.id.as_str()
            )),
            character,
        });
    }
    let place = Some(Place::new(
        request.slug.as_str(),
        segment.n,
        &plan.article.definitions,
    ));
    let findings = match checks {
        Checks::Given(ctx) => check_segment_at(ctx, &segment.text, &target, request.lang, place),
        Checks::Narrowed => {
            let mut wanted = Wanted::default();
            if let Some(l) = ws.config.targets.iter().position(|x| x == request.lang) {
                wanted.add(l, &segment.text, &target);
            }
            wanted.writes(request.slug);
            let known = Known {
                article: &plan.article,
                lang: request.lang,
                units: &plan.file.units,
            };
            let ctx = Context::load_for_with(ws, &wanted, &known)?;
            check_segment_at(&ctx, &segment.text, &target, request.lang, place)
        }
    };
    let recorded = Recorded {
        path: disp(&plan.article.path),
        state: if request.state == UnitState::Draft {
            State::Draft
        } else {
            State::Current
        },
        unit_state: request.state,
        findings,
        count: plan.article.segments.len(),
        segment,
    };
    if request.refuse_errors && recorded.findings.iter().any(|f| f.level == Level::Error) {
        return Ok(Outcome::Refused(recorded));
    }
    let n = recorded.segment.n;
    plan.file.units[n - 1] = Unit {
        id: recorded.segment.id.clone(),
        source: recorded.segment.text.clone(),
        target,
        state: Some(request.state),
        // A note on the segment stays with its new translation.
        comment: plan.file.units[n - 1].comment.take(),
    };
    plan.write(ws)?;
    Ok(Outcome::Recorded(recorded))
}
