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

/// Units with a translation that no segment takes its translation from, obsolete ones first.
fn orphans<'a>(
    units: &'a [Unit],
    obsolete: &'a [Unit],
    links: &[Link],
) -> impl Iterator<Item = &'a Unit> {
    orphan_places(units, obsolete, links)
        .into_iter()
        .map(move |(live, i)| if live { &units[i] } else { &obsolete[i] })
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
///
/// The file is taken by value: a unit moves into the new file at the last segment that takes
/// it rather than being copied, so that bringing a large file in line does not hold it twice.
#[must_use]
pub fn synced(
    article: &Article,
    lang: &str,
    file: Option<TranslationFile>,
    assessment: &Assessment,
    purge: bool,
) -> (TranslationFile, SyncChanges) {
    let (mut units, mut obsolete, conflicts) = file.map_or_else(
        || (Vec::new(), Vec::new(), Vec::new()),
        |f| (f.units, f.obsolete, f.conflicts),
    );
    let links = &assessment.links;
    let orphaned = orphan_places(&units, &obsolete, links);
    let previously_obsolete = obsolete.iter().filter(|u| u.has_target()).count();
    // How many segments read each unit: the last one takes it.
    let mut live_reads = vec![0_usize; units.len()];
    let mut obsolete_reads = vec![0_usize; obsolete.len()];
    for link in links {
        match link {
            Link::None => {}
            Link::Exact(i) => live_reads[*i] += 1,
            Link::ExactObsolete(k) => obsolete_reads[*k] += 1,
            Link::Similar(group) => group.iter().for_each(|&i| live_reads[i] += 1),
        }
    }
    // Unit `i` of `list` for a segment that reads it: the unit itself at its last read, a
    // copy before. None when it has no translation.
    let read = |list: &mut Vec<Unit>, reads: &mut Vec<usize>, i: usize| -> Option<Unit> {
        reads[i] -= 1;
        if !list[i].has_target() {
            None
        } else if reads[i] == 0 {
            Some(std::mem::replace(&mut list[i], vacant()))
        } else {
            Some(list[i].clone())
        }
    };
    let mut changes = SyncChanges::default();
    let mut out = TranslationFile::new(article.slug.as_str(), lang);
    out.units.reserve(article.segments.len());
    for (segment, link) in article.segments.iter().zip(links) {
        let unit = match link {
            Link::None => {
                changes.added += 1;
                None
            }
            Link::ExactObsolete(k) => {
                changes.restored += 1;
                read(&mut obsolete, &mut obsolete_reads, *k)
            }
            Link::Exact(i) => read(&mut units, &mut live_reads, *i),
            Link::Similar(group) => match group.as_slice() {
                [only] => read(&mut units, &mut live_reads, *only),
                _ => {
                    let joined = linked_unit(link, &units, &obsolete).map(Cow::into_owned);
                    for &i in group {
                        live_reads[i] -= 1;
                    }
                    joined
                }
            },
        };
        let unit = unit.unwrap_or_else(|| Unit {
            source: segment.text.clone(),
            ..vacant()
        });
        out.units.push(Unit {
            id: segment.id.clone(),
            ..unit
        });
    }
    // No segment reads an orphan: each is still in place.
    let orphaned: Vec<Unit> = orphaned
        .into_iter()
        .map(|(live, i)| {
            let list = if live { &mut units } else { &mut obsolete };
            std::mem::replace(&mut list[i], vacant())
        })
        .collect();
    let still_obsolete = previously_obsolete - changes.restored;
    changes.obsoleted = orphaned.len() - still_obsolete;
    // A conflict waits for `bitext resolve` whatever the segmentation does.
    out.conflicts = conflicts;
    if purge {
        changes.purged = orphaned.len();
    } else {
        out.obsolete = orphaned;
    }
    (out, changes)
}

/// For each segment, the segment (0-based) whose translation it borrows: a new paragraph
/// that resembles a paragraph still in the article unchanged, and is linked by similarity to
/// the very unit that paragraph has by exact text (a paragraph copied and edited, see
/// `align`). Such a segment is `stale` against that translation, but the translation was
/// made for the other paragraph, never for this one: it is a suggestion to adapt, not a
/// translation to accept. `None` for every other segment, an edited paragraph included, and
/// where that unit has no translation (the segment is then `missing`).
#[must_use]
pub fn borrowed_from(assessment: &Assessment) -> Vec<Option<usize>> {
    let links = &assessment.links;
    // Only the units a stale segment takes alone can be borrowed: most articles have none.
    let wanted: std::collections::HashSet<usize> = links
        .iter()
        .zip(&assessment.states)
        .filter_map(|(link, state)| match (link, state) {
            (Link::Similar(group), State::Stale) if group.len() == 1 => Some(group[0]),
            _ => None,
        })
        .collect();
    if wanted.is_empty() {
        return vec![None; links.len()];
    }
    let owners: std::collections::HashMap<usize, usize> = links
        .iter()
        .enumerate()
        .filter_map(|(j, link)| match link {
            Link::Exact(i) if wanted.contains(i) => Some((*i, j)),
            _ => None,
        })
        .collect();
    links
        .iter()
        .zip(&assessment.states)
        .map(|(link, state)| match (link, state) {
            (Link::Similar(group), State::Stale) => match group.as_slice() {
                [only] => owners.get(only).copied(),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// A unit with nothing in it, left where a unit was moved out.
fn vacant() -> Unit {
    Unit {
        id: String::new(),
        source: String::new(),
        target: String::new(),
        state: None,
        comment: None,
    }
}

/// Where the units of [`orphans`] are, in the same order: (live, index).
fn orphan_places(units: &[Unit], obsolete: &[Unit], links: &[Link]) -> Vec<(bool, usize)> {
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
    let unused = |list: &[Unit], used: Vec<bool>, live: bool| -> Vec<(bool, usize)> {
        list.iter()
            .zip(used)
            .enumerate()
            .filter(|(_, (u, used))| !used && u.has_target())
            .map(|(i, _)| (live, i))
            .collect()
    };
    let mut places = unused(obsolete, obsolete_used, false);
    places.extend(unused(units, live_used, true));
    places
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
    // The notes on the merged paragraphs' translations, each once.
    let mut comments: Vec<&str> = Vec::new();
    for comment in translated.iter().filter_map(|u| u.comment.as_deref()) {
        if !comments.contains(&comment) {
            comments.push(comment);
        }
    }
    Unit {
        id: String::new(),
        source: sources.join("\n\n"),
        target: targets.join("\n\n"),
        state: Some(state),
        comment: (!comments.is_empty()).then(|| comments.join("\n\n")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segment::segment;

    const OLD: &str = "# The harbour\n\n\
        The council met on Monday to discuss the budget for the coming year and the quay.\n\n\
        The tide tables are printed on page four of the weekly bulletin for everyone.\n";

    fn units(markdown: &str) -> Vec<Unit> {
        segment(markdown)
            .into_iter()
            .map(|s| Unit {
                target: format!("t{}", s.n),
                id: s.id,
                source: s.text,
                state: Some(UnitState::Translated),
                comment: None,
            })
            .collect()
    }

    fn links(new: &str) -> Vec<Link> {
        align(&units(OLD), &[], &segment(new))
    }

    fn borrowed(links: &[Link], units: Vec<Unit>) -> Vec<Option<usize>> {
        let file = TranslationFile {
            units,
            ..TranslationFile::new("harbour", "fr")
        };
        borrowed_from(&assess_with(Some(&file), links.to_vec()))
    }

    #[test]
    fn a_new_paragraph_like_one_still_there_borrows_its_translation() {
        // A copy of paragraph 2, edited, inserted after it: paragraph 2 keeps its unit, the
        // copy is stale against the same unit, and borrows it from segment 2 (index 1).
        let new = OLD.replace(
            "the quay.\n\n",
            "the quay.\n\nThe council met on Friday to discuss the budget for the coming year and the quay.\n\n",
        );
        let links = links(&new);
        let file = TranslationFile {
            units: units(OLD),
            ..TranslationFile::new("harbour", "fr")
        };
        let states = assess_with(Some(&file), links.clone()).states;
        assert_eq!(states[2], State::Stale, "{links:?}");
        assert_eq!(
            borrowed(&links, file.units.clone()),
            vec![None, None, Some(1), None]
        );
        // Not when paragraph 2 has no translation: nothing to borrow.
        let mut untranslated = file.units.clone();
        untranslated[1].target.clear();
        untranslated[1].state = None;
        assert_eq!(borrowed(&links, untranslated), vec![None; 4]);
    }

    #[test]
    fn an_edited_paragraph_borrows_nothing() {
        let links = links(&OLD.replace("Monday", "Friday"));
        assert_eq!(links[1], Link::Similar(vec![1]));
        assert_eq!(borrowed(&links, units(OLD)), vec![None, None, None]);
    }

    #[test]
    fn a_split_paragraph_borrows_nothing() {
        let links = links(&OLD.replace(
            "budget for the coming year and the quay.",
            "budget.\n\nThey discussed it for the coming year and the quay.",
        ));
        // Both parts take the unit of the paragraph they come from.
        assert_eq!(links[1], Link::Similar(vec![1]), "{links:?}");
        assert_eq!(links[2], Link::Similar(vec![1]), "{links:?}");
        assert_eq!(borrowed(&links, units(OLD)), vec![None; links.len()]);
    }
}
