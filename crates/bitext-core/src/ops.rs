//! The operations that change translation files, one each, used by every front end (the
//! command line and the workbench alike): each loads the article once, checks once and writes
//! once, and the caller holds the workspace lock.
//!
//! - [`record`]: a translation of one segment (`set`, and the workbench's save, draft and
//!   review);
//! - [`accept`]: stale segments made current with their translations unchanged;
//! - [`review`]: translations marked reviewed, several at once, and the comments on them;
//! - [`sync`]: translation files brought in line with the current segmentation;
//! - [`exchange`]: exports for translators' tools and the import of what comes back;
//! - [`adopt`]: the provenance of translated pages, recorded from their git history.

pub mod accept;
pub mod adopt;
pub mod exchange;
pub mod import;
pub mod pretranslate;
pub mod record;
pub mod resolve;
pub mod restore;
pub mod review;
pub mod sync;

use sha2::{Digest as _, Sha256};

use crate::error::{Error, Result};
use crate::model::article::Article;
use crate::model::assess::State;
use crate::model::segment::Segment;
use crate::model::translation::{Unit, UnitState};

/// Which segment an operation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which<'a> {
    /// As people give it: a position `n` or an id (a unique prefix is enough, `@` before an
    /// id), read by [`Article::find`].
    Spec(&'a str),
    /// A 1-based position and nothing else, as the workbench's addresses give it: a number
    /// past the last segment is unknown, never an id that starts with its digits.
    Position(usize),
}

impl Which<'_> {
    /// The segment of `article` this names.
    ///
    /// # Errors
    /// No such segment, or an id prefix that matches several.
    pub fn find<'b>(&self, article: &'b Article) -> Result<&'b Segment> {
        match *self {
            Self::Spec(spec) => article.find(spec),
            Self::Position(n) => n
                .checked_sub(1)
                .and_then(|i| article.segments.get(i))
                .ok_or_else(|| Error::UnknownSegment {
                    path: article.path.clone(),
                    segment: n.to_string(),
                    count: article.segments.len(),
                }),
        }
    }
}

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
    crate::model::hex(&digest[..8])
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::segment::text_hash;
    use crate::model::slug::Slug;

    /// An article of three paragraphs, the last one's id starting with four digits.
    fn article() -> (Article, String) {
        let text = (0..100_000)
            .map(|i| format!("Paragraph number {i}."))
            .find(|t| {
                let id = text_hash(t);
                id.bytes().take(4).all(|b| b.is_ascii_digit()) && !id.starts_with('0')
            })
            .expect("some id starts with four digits");
        let source = format!("# Title\n\nFirst paragraph.\n\n{text}\n");
        let slug = Slug::parse("a").expect("slug");
        let article = Article::from_bytes(slug, PathBuf::from("sources/a.md"), source.as_bytes())
            .expect("article");
        (article, text_hash(&text)[..4].to_owned())
    }

    #[test]
    fn a_position_past_the_last_segment_is_unknown_never_an_id() {
        let (article, digits) = article();
        assert_eq!(Which::Position(3).find(&article).expect("third").n, 3);
        // As people type it, four digits past the last position are an id prefix...
        assert_eq!(Which::Spec(&digits).find(&article).expect("by id").n, 3);
        // ...but a workbench address names a position and nothing else.
        let n: usize = digits.parse().expect("number");
        for missing in [0, 4, n] {
            assert!(
                matches!(
                    Which::Position(missing).find(&article),
                    Err(Error::UnknownSegment { count: 3, .. })
                ),
                "{missing}"
            );
        }
    }

    #[test]
    fn a_version_changes_with_the_text_and_with_the_state() {
        let unit = |target: &str, state| Unit {
            id: "x".to_owned(),
            source: "s".to_owned(),
            target: target.to_owned(),
            state,
            comment: None,
        };
        let base = version_of(&unit("t", Some(UnitState::Translated)));
        assert_eq!(base.len(), 16);
        assert_eq!(base, version_of(&unit("t", Some(UnitState::Translated))));
        assert_ne!(base, version_of(&unit("u", Some(UnitState::Translated))));
        assert_ne!(base, version_of(&unit("t", Some(UnitState::Reviewed))));
        assert_ne!(base, version_of(&unit("t", None)));
    }
}
