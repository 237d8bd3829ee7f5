//! Restoring an earlier translation of one segment (the workbench's history): the old
//! translation becomes the segment's translation again, recorded with the source text it was
//! made from.
//!
//! Keeping that source is what keeps the model honest: a translation made from the paragraph
//! as it is now comes back `current`; one made from an earlier text comes back `stale`, its
//! diff showing what changed since, until a translator accepts or retranslates it. The
//! translation is recorded as `translated` (a draft stays a draft): restoring is the
//! translator's choice now, and an old review stood for the old moment.
//!
//! The same write path as a save ([`crate::ops::record`]): the article and its file read once
//! ([`FilePlan`]), the segment checked against what the caller saw, the file written once,
//! atomically. The caller holds the workspace lock.

use crate::error::{Error, Result};
use crate::model::align::Link;
use crate::model::assess::{State, assess};
use crate::model::lang::Lang;
use crate::model::segment::Segment;
use crate::model::slug::Slug;
use crate::model::translation::{Unit, UnitState, forbidden_control};
use crate::ops::{Conflict, Expect, Which, conflict};
use crate::workspace::Workspace;
use crate::workspace::plan::FilePlan;

/// What to restore.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The article.
    pub slug: &'a Slug,
    /// The language.
    pub lang: &'a Lang,
    /// The segment's 1-based position.
    pub n: usize,
    /// What the caller expects on disk; a difference is a [`Conflict`].
    pub expect: Option<Expect<'a>>,
    /// The earlier unit: its translation, the source text it was made from, its state.
    pub version: &'a Unit,
}

/// A restored translation.
#[derive(Debug, Clone)]
pub struct Restored {
    /// The segment.
    pub segment: Segment,
    /// How the segment shows now: current, stale or draft.
    pub state: State,
    /// The number of segments of the article.
    pub count: usize,
}

/// The result of a restore.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The translation was written.
    Restored(Restored),
    /// The segment changed since the caller looked: nothing was written.
    Conflict(Conflict),
    /// The text the translation was made from is so unlike the paragraph now that the model
    /// would not take it as this paragraph's translation: nothing was written.
    Unrelated(Segment),
}

/// Restores `request.version` as the translation of segment `request.n`.
///
/// # Errors
/// An unknown segment, a version with no translation or with a control character, or any
/// unreadable or malformed workspace file. Nothing is written on error.
pub fn restore(ws: &Workspace, request: &Request<'_>) -> Result<Outcome> {
    let mut plan = FilePlan::new(ws, request.slug, request.lang, false)?;
    let segment = Which::Position(request.n).find(&plan.article)?.clone();
    let i = segment.n - 1;
    if let Some(conflict) = conflict(
        request.expect,
        &segment,
        &plan.file.units[i],
        plan.assessment.states[i],
    ) {
        return Ok(Outcome::Conflict(conflict));
    }
    let version = request.version;
    let origin = crate::t!("restore-origin", n = segment.n);
    if !version.has_target() {
        return Err(Error::EmptyTranslation { origin });
    }
    if let Some(character) = forbidden_control(&version.target) {
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
    let state = if version.state == Some(UnitState::Draft) {
        UnitState::Draft
    } else {
        UnitState::Translated
    };
    plan.file.units[i] = Unit {
        id: segment.id.clone(),
        source: version.source.clone(),
        target: version.target.clone(),
        state: Some(state),
    };
    // The model, not this function, says what the segment is now; and a unit it would not
    // link to this paragraph would be restored nowhere.
    let after = assess(&plan.article, Some(&plan.file));
    let linked = match &after.links[i] {
        Link::Exact(k) => *k == i,
        Link::Similar(group) => group.contains(&i),
        Link::None | Link::ExactObsolete(_) => false,
    };
    if !linked {
        return Ok(Outcome::Unrelated(segment));
    }
    plan.write(ws)?;
    Ok(Outcome::Restored(Restored {
        state: after.states[i],
        count: plan.article.segments.len(),
        segment,
    }))
}
