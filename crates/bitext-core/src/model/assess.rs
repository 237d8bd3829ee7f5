//! The verdict on each segment of an article in one language (invariant 4), and the
//! translation file that mirrors it (what `sync` writes).
//!
//! Both are computed from the current source and the translation file alone: no history, no
//! earlier `sync`. Writing [`synced`] back and assessing again gives the same states.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::align::{Link, align};
use crate::model::article::Article;
use crate::model::translation::{TranslationFile, Unit, UnitState};

/// The state of one segment in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Translated from exactly the current text.
    Current,
    /// Translated from an earlier text of the paragraph.
    Stale,
    /// No translation.
    Missing,
    /// Translated from the current text, but saved as a draft.
    Draft,
}

impl State {
    /// The state's name in JSON and in Fluent message ids (`state-current`, ...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Current => "current",
            Self::Stale => "stale",
            Self::Missing => "missing",
            Self::Draft => "draft",
        }
    }
}

/// An article assessed in one language.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// Where each segment's translation comes from.
    pub links: Vec<Link>,
    /// Each segment's state.
    pub states: Vec<State>,
    /// Translations whose paragraph no longer exists.
    pub obsolete: usize,
}

/// Counts per state, as `status` reports them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Segments translated from the current text.
    pub current: usize,
    /// Segments translated from an earlier text.
    pub stale: usize,
    /// Segments with no translation.
    pub missing: usize,
    /// Segments with a draft translation.
    pub draft: usize,
}

impl Assessment {
    /// Counts the segments in each state.
    #[must_use]
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for state in &self.states {
            match state {
                State::Current => counts.current += 1,
                State::Stale => counts.stale += 1,
                State::Missing => counts.missing += 1,
                State::Draft => counts.draft += 1,
            }
        }
        counts
    }
}

/// Assesses `article` against its translation file (`None` when there is none).
#[must_use]
pub fn assess(article: &Article, file: Option<&TranslationFile>) -> Assessment {
    let (units, obsolete): (&[Unit], &[Unit]) =
        file.map_or((&[], &[]), |f| (&f.units, &f.obsolete));
    assess_with(file, align(units, obsolete, &article.segments))
}

/// As [`assess`], with the links [`align`] made for these same inputs (remembered or saved
/// by the workspace, see `Workspace::assess`).
#[must_use]
pub fn assess_with(file: Option<&TranslationFile>, links: Vec<Link>) -> Assessment {
    let (units, obsolete): (&[Unit], &[Unit]) =
        file.map_or((&[], &[]), |f| (&f.units, &f.obsolete));
    let states = links
        .iter()
        .map(|link| match link {
            Link::None => State::Missing,
            Link::Exact(i) => exact_state(&units[*i]),
            Link::ExactObsolete(k) => exact_state(&obsolete[*k]),
            Link::Similar(group) => {
                if group.iter().any(|&i| units[i].has_target()) {
                    State::Stale
                } else {
                    State::Missing
                }
            }
        })
        .collect();
    let obsolete = orphans(units, obsolete, &links).count();
    Assessment {
        links,
        states,
        obsolete,
    }
}

fn exact_state(unit: &Unit) -> State {
    match (unit.has_target(), unit.state) {
        (false, _) => State::Missing,
        (true, Some(UnitState::Draft)) => State::Draft,
        (true, _) => State::Current,
    }
}

/// Units with a translation that no segment takes its translation from, live ones first.
fn orphans<'a>(
    units: &'a [Unit],
    obsolete: &'a [Unit],
    links: &[Link],
) -> impl Iterator<Item = &'a Unit> {
    let mut live_used = vec![false; units.len()];
    let mut obsolete_used = vec![false; obsolete.len()];
    for link in links {
        match link {
            Link::None => {}
            Link::Exact(i) => live_used[*i] = true,
            Link::ExactObsolete(k) => obsolete_used[*k] = true,
            Link::Similar(group) => group.iter().for_each(|&i| live_used[i] = true),
        }
    }
    let live = units
        .iter()
        .zip(live_used)
        .filter(|(u, used)| !used && u.has_target())
        .map(|(u, _)| u);
    let old = obsolete
        .iter()
        .zip(obsolete_used)
        .filter(|(u, used)| !used && u.has_target())
        .map(|(u, _)| u);
    old.chain(live)
}

/// What `sync` changed in one file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SyncChanges {
    /// Segments that got a new, empty unit.
    pub added: usize,
    /// Translations moved to the obsolete list because their paragraph disappeared.
    pub obsoleted: usize,
    /// Obsolete translations brought back because their paragraph reappeared.
    pub restored: usize,
    /// Obsolete translations removed by `--purge-obsolete`.
    pub purged: usize,
}

/// The translation file that mirrors `article`'s current segmentation: one unit per segment
/// in source order (new paragraphs as empty units), vanished translations in the obsolete
/// list. No translation is dropped unless `purge` is set.
#[must_use]
pub fn synced(
    article: &Article,
    lang: &str,
    file: Option<&TranslationFile>,
    assessment: &Assessment,
    purge: bool,
) -> (TranslationFile, SyncChanges) {
    let (units, obsolete): (&[Unit], &[Unit]) =
        file.map_or((&[], &[]), |f| (&f.units, &f.obsolete));
    let mut changes = SyncChanges::default();
    let mut out = TranslationFile::new(article.slug.as_str(), lang);
    for (segment, link) in article.segments.iter().zip(&assessment.links) {
        let empty = || Unit {
            id: segment.id.clone(),
            source: segment.text.clone(),
            target: String::new(),
            state: None,
        };
        match link {
            Link::None => changes.added += 1,
            Link::ExactObsolete(_) => changes.restored += 1,
            Link::Exact(_) | Link::Similar(_) => {}
        }
        let unit = linked_unit(link, units, obsolete).map_or_else(empty, Cow::into_owned);
        out.units.push(Unit {
            id: segment.id.clone(),
            ..unit
        });
    }
    let orphaned: Vec<Unit> = orphans(units, obsolete, &assessment.links)
        .cloned()
        .collect();
    let previously_obsolete = obsolete.iter().filter(|u| u.has_target()).count();
    let still_obsolete = previously_obsolete - changes.restored;
    changes.obsoleted = orphaned.len() - still_obsolete;
    // A conflict waits for `bitext resolve` whatever the segmentation does.
    out.conflicts = file.map(|f| f.conflicts.clone()).unwrap_or_default();
    if purge {
        changes.purged = orphaned.len();
    } else {
        out.obsolete = orphaned;
    }
    (out, changes)
}

/// The unit a segment takes its translation from, if a linked unit has a translation: the
/// unit itself, or for merged paragraphs one unit joining them (see [`merge`]).
#[must_use]
pub fn linked_unit<'a>(
    link: &Link,
    units: &'a [Unit],
    obsolete: &'a [Unit],
) -> Option<Cow<'a, Unit>> {
    let unit = match link {
        Link::None => return None,
        Link::Exact(i) => Cow::Borrowed(&units[*i]),
        Link::ExactObsolete(k) => Cow::Borrowed(&obsolete[*k]),
        Link::Similar(group) => {
            let translated: Vec<&Unit> = group
                .iter()
                .map(|&i| &units[i])
                .filter(|u| u.has_target())
                .collect();
            match (group.as_slice(), translated.as_slice()) {
                (_, []) => return None,
                ([only], _) => Cow::Borrowed(&units[*only]),
                _ => Cow::Owned(merge(group.iter().map(|&i| &units[i]), &translated)),
            }
        }
    };
    unit.has_target().then_some(unit)
}

/// One unit standing for paragraphs merged into one: the old texts and translations joined by
/// a blank line, which never occurs inside a segment, so the result is stale, never current.
fn merge<'a>(group: impl Iterator<Item = &'a Unit>, translated: &[&Unit]) -> Unit {
    let sources: Vec<&str> = group.map(|u| u.source.as_str()).collect();
    let targets: Vec<&str> = translated.iter().map(|u| u.target.as_str()).collect();
    let state = if translated.iter().any(|u| u.state == Some(UnitState::Draft)) {
        UnitState::Draft
    } else if translated
        .iter()
        .all(|u| u.state == Some(UnitState::Reviewed))
    {
        UnitState::Reviewed
    } else {
        UnitState::Translated
    };
    Unit {
        id: String::new(),
        source: sources.join("\n\n"),
        target: targets.join("\n\n"),
        state: Some(state),
    }
}
