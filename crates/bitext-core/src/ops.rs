//! The operations that change translation files, one each, used by every front end (the
//! command line and the workbench alike): each loads the article once, checks once and writes
//! once, and the caller holds the workspace lock.
//!
//! - [`record`]: a translation of one segment (`set`, and the workbench's save, draft and
//!   review);
//! - [`accept`]: stale segments made current with their translations unchanged;
//! - [`sync`]: translation files brought in line with the current segmentation;
//! - [`exchange`]: exports for translators' tools and the import of what comes back.

pub mod accept;
pub mod exchange;
pub mod import;
pub mod pretranslate;
pub mod record;
pub mod resolve;
pub mod sync;

use std::fmt::Write as _;

use sha2::{Digest as _, Sha256};

use crate::model::assess::State;
use crate::model::segment::Segment;
use crate::model::translation::{Unit, UnitState};

/// What a change made from an earlier look at a segment (a page of the workbench) expects to
/// find on disk: the segment's id (a hash of its source text) and the version of its
/// translation ([`version_of`]). Anything else means someone changed the segment since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expect<'a> {
    /// The segment's id when it was looked at.
    pub id: &'a str,
    /// The version of its translation when it was looked at.
    pub version: &'a str,
}

/// A change refused because the segment is no longer what the caller saw: nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The segment as it is now.
    pub segment: Segment,
    /// The translation on disk now (empty when there is none).
    pub disk: String,
    /// The version of that translation.
    pub version: String,
    /// The segment's state now.
    pub state: State,
    /// Whether the source paragraph itself changed (rather than only its translation).
    pub source_changed: bool,
}

/// The version of a segment's translation: a hash of its state and text, so that a change of
/// either is seen.
#[must_use]
pub fn version_of(unit: &Unit) -> String {
    let state = match unit.state {
        None => "",
        Some(UnitState::Draft) => "draft",
        Some(UnitState::Translated) => "translated",
        Some(UnitState::Reviewed) => "reviewed",
    };
    let digest = Sha256::new()
        .chain_update(state.as_bytes())
        .chain_update([0])
        .chain_update(unit.target.as_bytes())
        .finalize();
    digest[..8]
        .iter()
        .fold(String::with_capacity(16), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

/// Compares what the caller expected with the segment and unit on disk.
fn conflict(
    expect: Option<Expect<'_>>,
    segment: &Segment,
    unit: &Unit,
    state: State,
) -> Option<Conflict> {
    let expect = expect?;
    let version = version_of(unit);
    (segment.id != expect.id || version != expect.version).then(|| Conflict {
        segment: segment.clone(),
        disk: unit.target.clone(),
        version,
        state,
        source_changed: segment.id != expect.id,
    })
}
