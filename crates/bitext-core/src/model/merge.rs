//! Three-way merge of translation files, unit by unit: what `bitext merge-driver` runs when
//! git merges two branches that both changed a translation file.
//!
//! Units are matched across the common ancestor (base), our side and their side by id, then
//! by source text. Each matched unit merges on its own: a change made on one side only wins,
//! the same change on both sides is taken once, and only a unit whose translation (source
//! text, target, state) changed differently on both sides is a conflict. A conflict keeps our
//! version in place and records theirs in the file's `conflicts` list, so the file stays valid
//! and nothing is lost.
//!
//! The unit order and the split between live and obsolete units come from the side whose
//! layout changed (the side that ran `sync`), so a sync on one side and translations on the
//! other merge cleanly. A unit one side moved out of the live list while the other translated
//! it ends up obsolete with the new translation; obsolete lists are united without duplicates.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::model::translation::{Conflict, TranslationFile, Unit};

/// The merged file and how many new conflicts the merge recorded.
#[derive(Debug)]
pub struct Merged {
    /// The merged file.
    pub file: TranslationFile,
    /// Units translated differently on both sides, recorded in `file.conflicts`.
    pub conflicts: usize,
}

/// Merges `ours` and `theirs`, two descendants of `base` (`None` when the file did not exist
/// in the common ancestor: created on both branches).
#[must_use]
pub fn merge(
    base: Option<&TranslationFile>,
    ours: &TranslationFile,
    theirs: &TranslationFile,
) -> Merged {
    let clean = |file: &TranslationFile| Merged {
        file: file.clone(),
        conflicts: 0,
    };
    if ours == theirs || base == Some(theirs) {
        return clean(ours);
    }
    if base == Some(ours) {
        return clean(theirs);
    }
    let empty = Vec::new();
    let base_units = base.map_or(&empty, |b| &b.units);
    let base_obsolete = base.map_or(&empty, |b| &b.obsolete);
    // The layout (order, live or obsolete) comes from the side that changed it: theirs when
    // ours kept the ancestor's, ours otherwise.
    let ours_is_skeleton = base.is_none_or(|b| layout(ours) != layout(b));
    let (skel, other) = if ours_is_skeleton {
        (ours, theirs)
    } else {
        (theirs, ours)
    };
    let skel_base = matching(&skel.units, base_units);
    let other_base = matching(&other.units, base_units);
    let pairs = pair(&skel.units, &other.units, &skel_base, &other_base);

    let mut conflicts = Vec::new();
    let mut live: Vec<Unit> = Vec::with_capacity(skel.units.len());
    // For each live unit of the other side: the index in `live` of the unit it merged into.
    let mut placed: Vec<Option<usize>> = vec![None; other.units.len()];
    for (i, unit) in skel.units.iter().enumerate() {
        let merged = match pairs[i] {
            Some(j) => {
                placed[j] = Some(live.len());
                let ancestor = skel_base[i].map(|b| &base_units[b]);
                let (ours_unit, theirs_unit) = if ours_is_skeleton {
                    (unit, &other.units[j])
                } else {
                    (&other.units[j], unit)
                };
                let (content, conflict) = merge_unit(ancestor, ours_unit, theirs_unit);
                conflicts.extend(conflict);
                Unit {
                    id: unit.id.clone(),
                    ..content
                }
            }
            None => unit.clone(),
        };
        live.push(merged);
    }

    let mut obsolete = merge_obsolete(base_obsolete, &skel.obsolete, &other.obsolete);
    let mut taken: HashSet<String> = live.iter().map(|u| u.id.clone()).collect();
    // Units new on the other side, to go after the skeleton unit at an index (0: first).
    let mut after: Vec<Vec<Unit>> = vec![Vec::new(); live.len() + 1];
    for (j, unit) in other.units.iter().enumerate() {
        if placed[j].is_some() {
            continue;
        }
        if let Some(b) = other_base[j] {
            // The skeleton side moved this unit out of the live list (or purged it): keep that
            // decision unless the other side changed the unit, whose new version then joins
            // the obsolete ones in place of the ancestor's.
            let ancestor = &base_units[b];
            if translation(unit) != translation(ancestor) && unit.has_target() {
                obsolete.retain(|u| translation(u) != translation(ancestor));
                obsolete.push(unit.clone());
            }
        } else if taken.insert(unit.id.clone()) {
            // New on the other side: after the unit that precedes it there.
            let at = placed[..j]
                .iter()
                .rev()
                .find_map(|p| *p)
                .map_or(0, |k| k + 1);
            after[at].push(unit.clone());
        } else if unit.has_target() {
            obsolete.push(unit.clone());
        }
    }

    let mut extra = after.into_iter();
    let live: Vec<Unit> = extra
        .next()
        .into_iter()
        .flatten()
        .chain(
            live.into_iter()
                .zip(extra)
                .flat_map(|(u, more)| std::iter::once(u).chain(more)),
        )
        .collect();

    dedupe_obsolete(&live, &mut obsolete);
    let new_conflicts = conflicts.len();
    let mut all_conflicts = ours.conflicts.clone();
    for conflict in theirs.conflicts.iter().chain(&conflicts) {
        if !all_conflicts.contains(conflict) {
            all_conflicts.push(conflict.clone());
        }
    }
    Merged {
        file: TranslationFile {
            units: live,
            obsolete,
            conflicts: all_conflicts,
            ..ours.clone()
        },
        conflicts: new_conflicts,
    }
}

/// Drops obsolete copies of live translations and repeated obsolete translations: they are
/// duplicates, not translations.
fn dedupe_obsolete(live: &[Unit], obsolete: &mut Vec<Unit>) {
    let live_texts: HashSet<(&str, &str)> = live
        .iter()
        .map(|u| (u.source.as_str(), u.target.as_str()))
        .collect();
    let mut seen = HashSet::new();
    obsolete.retain(|u| {
        !live_texts.contains(&(u.source.as_str(), u.target.as_str()))
            && seen.insert((u.source.clone(), u.target.clone()))
    });
}

/// What a unit says: the text translated, the translation and its state.
fn translation(unit: &Unit) -> (&str, &str, Option<crate::model::translation::UnitState>) {
    (&unit.source, &unit.target, unit.state)
}

/// The layout of a file: the live units' ids in order and the obsolete units.
fn layout(file: &TranslationFile) -> (Vec<&str>, Vec<(&str, &str)>) {
    (
        file.units.iter().map(|u| u.id.as_str()).collect(),
        file.obsolete
            .iter()
            .map(|u| (u.source.as_str(), u.target.as_str()))
            .collect(),
    )
}

/// For each unit of `from`, the unit of `to` it matches: the same id, else (among units not
/// matched by id) the same source text, first come first served.
fn matching(from: &[Unit], to: &[Unit]) -> Vec<Option<usize>> {
    let by_id: HashMap<&str, usize> = to
        .iter()
        .enumerate()
        .map(|(k, u)| (u.id.as_str(), k))
        .collect();
    let mut used = vec![false; to.len()];
    let mut out = vec![None; from.len()];
    for (i, unit) in from.iter().enumerate() {
        if let Some(&k) = by_id.get(unit.id.as_str())
            && !used[k]
        {
            out[i] = Some(k);
            used[k] = true;
        }
    }
    let mut by_text: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (k, unit) in to.iter().enumerate() {
        if !used[k] {
            by_text
                .entry(unit.source.as_str())
                .or_default()
                .push_back(k);
        }
    }
    for (i, unit) in from.iter().enumerate() {
        if out[i].is_none()
            && let Some(k) = by_text
                .get_mut(unit.source.as_str())
                .and_then(VecDeque::pop_front)
        {
            out[i] = Some(k);
        }
    }
    out
}

/// Pairs the two sides' live units: through their common ancestor unit first, then what is
/// left by id and source text.
fn pair(
    skel: &[Unit],
    other: &[Unit],
    skel_base: &[Option<usize>],
    other_base: &[Option<usize>],
) -> Vec<Option<usize>> {
    let mut other_of_base: HashMap<usize, usize> = HashMap::new();
    for (j, b) in other_base.iter().enumerate() {
        if let Some(b) = b {
            other_of_base.insert(*b, j);
        }
    }
    let mut pairs = vec![None; skel.len()];
    let mut used = vec![false; other.len()];
    for (i, b) in skel_base.iter().enumerate() {
        if let Some(&j) = b.as_ref().and_then(|b| other_of_base.get(b)) {
            pairs[i] = Some(j);
            used[j] = true;
        }
    }
    // Units new on both sides (or re-attached differently): match what is left.
    let left_skel: Vec<usize> = (0..skel.len()).filter(|&i| pairs[i].is_none()).collect();
    let left_other: Vec<usize> = (0..other.len())
        .filter(|&j| !used[j] && other_base[j].is_none())
        .collect();
    let from: Vec<Unit> = left_skel.iter().map(|&i| skel[i].clone()).collect();
    let to: Vec<Unit> = left_other.iter().map(|&j| other[j].clone()).collect();
    for (k, m) in matching(&from, &to).into_iter().enumerate() {
        if let Some(m) = m {
            pairs[left_skel[k]] = Some(left_other[m]);
        }
    }
    pairs
}

/// Merges one unit: its translation as [`merge_translation`] does, its comment on its own
/// ([`merge_comment`]), so that a note added on one branch and a translation changed on the
/// other both stay.
fn merge_unit(base: Option<&Unit>, ours: &Unit, theirs: &Unit) -> (Unit, Option<Conflict>) {
    let (mut unit, conflict) = merge_translation(base, ours, theirs);
    unit.comment = merge_comment(
        base.and_then(|b| b.comment.as_deref()),
        ours.comment.as_deref(),
        theirs.comment.as_deref(),
    );
    (unit, conflict)
}

/// Merges the comments of one unit: the side that changed it wins (a removal is a change);
/// both changing it the same way is one change. Both changing it differently keeps both
/// texts, ours first, a blank line between: a note is never lost, and never a conflict
/// to resolve.
#[must_use]
pub fn merge_comment(
    base: Option<&str>,
    ours: Option<&str>,
    theirs: Option<&str>,
) -> Option<String> {
    let chosen = if ours == theirs || base == theirs {
        ours
    } else if base == ours {
        theirs
    } else {
        return match (ours, theirs) {
            (Some(ours), Some(theirs)) if ours.contains(theirs) => Some(ours.to_owned()),
            (Some(ours), Some(theirs)) if theirs.contains(ours) => Some(theirs.to_owned()),
            (Some(ours), Some(theirs)) => Some(format!("{ours}\n\n{theirs}")),
            (one, other) => one.or(other).map(str::to_owned),
        };
    };
    chosen.map(str::to_owned)
}

/// Merges one unit's translation: the side that changed it wins; both changing it the same
/// way is one change; a side without a translation yields to one with; anything else keeps
/// ours and records theirs as a conflict.
fn merge_translation(base: Option<&Unit>, ours: &Unit, theirs: &Unit) -> (Unit, Option<Conflict>) {
    if translation(ours) == translation(theirs) {
        return (ours.clone(), None);
    }
    if let Some(base) = base {
        if translation(base) == translation(ours) {
            return (theirs.clone(), None);
        }
        if translation(base) == translation(theirs) {
            return (ours.clone(), None);
        }
    }
    if !theirs.has_target() {
        return (ours.clone(), None);
    }
    if !ours.has_target() {
        return (theirs.clone(), None);
    }
    let conflict = Conflict {
        id: ours.id.clone(),
        source: ours.source.clone(),
        theirs: theirs.clone(),
    };
    (ours.clone(), Some(conflict))
}

/// Unites the obsolete lists: what either side added stays, what one side removed from the
/// ancestor's list (restored or purged) goes.
fn merge_obsolete(base: &[Unit], skel: &[Unit], other: &[Unit]) -> Vec<Unit> {
    let removed_by =
        |side: &[Unit]| -> Vec<&Unit> { base.iter().filter(|u| !side.contains(u)).collect() };
    let removed: Vec<&Unit> = removed_by(skel)
        .into_iter()
        .chain(removed_by(other))
        .collect();
    let mut out: Vec<Unit> = Vec::new();
    for unit in skel.iter().chain(other) {
        if !removed.contains(&unit) && !out.contains(unit) {
            out.push(unit.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::translation::UnitState;

    fn unit(id: &str, source: &str, target: &str) -> Unit {
        Unit {
            id: id.to_owned(),
            source: source.to_owned(),
            target: target.to_owned(),
            state: (!target.is_empty()).then_some(UnitState::Translated),
            comment: None,
        }
    }

    fn file(units: &[Unit], obsolete: &[Unit]) -> TranslationFile {
        TranslationFile {
            units: units.to_vec(),
            obsolete: obsolete.to_vec(),
            ..TranslationFile::new("a", "fr")
        }
    }

    fn noted(mut unit: Unit, comment: &str) -> Unit {
        unit.comment = Some(comment.to_owned());
        unit
    }

    #[test]
    fn a_comment_on_one_side_and_a_translation_on_the_other_both_stay() {
        let base = file(&[unit("1", "One.", "Un."), unit("2", "Two.", "")], &[]);
        let ours = file(
            &[
                noted(unit("1", "One.", "Un."), "Check the tense."),
                unit("2", "Two.", ""),
            ],
            &[],
        );
        let theirs = file(
            &[unit("1", "One.", "Une."), unit("2", "Two.", "Deux.")],
            &[],
        );
        let merged = merge(Some(&base), &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert_eq!(
            merged.file.units,
            vec![
                noted(unit("1", "One.", "Une."), "Check the tense."),
                unit("2", "Two.", "Deux.")
            ]
        );
    }

    #[test]
    fn comments_merge_three_ways_and_both_differing_edits_are_kept() {
        for (base, ours, theirs, merged) in [
            (None, Some("a"), None, Some("a")),
            (None, None, Some("b"), Some("b")),
            (Some("a"), None, Some("a"), None),
            (Some("a"), Some("a"), Some("b"), Some("b")),
            (Some("a"), Some("c"), Some("c"), Some("c")),
            (Some("a"), Some("b"), Some("c"), Some("b\n\nc")),
            (None, Some("b"), Some("c"), Some("b\n\nc")),
            (Some("a"), None, Some("c"), Some("c")),
            (Some("a"), Some("a b"), Some("a"), Some("a b")),
            (Some("a"), Some("x"), Some("x y"), Some("x y")),
        ] {
            assert_eq!(
                merge_comment(base, ours, theirs).as_deref(),
                merged,
                "{base:?} {ours:?} {theirs:?}"
            );
        }
        // Through whole files: the two notes end up on the unit, ours first.
        let base = file(&[noted(unit("1", "One.", "Un."), "a")], &[]);
        let ours = file(&[noted(unit("1", "One.", "Un."), "Ours.")], &[]);
        let theirs = file(&[noted(unit("1", "One.", "Un."), "Theirs.")], &[]);
        let merged = merge(Some(&base), &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert_eq!(
            merged.file.units[0].comment.as_deref(),
            Some("Ours.\n\nTheirs.")
        );
    }

    #[test]
    fn disjoint_translations_merge_cleanly() {
        let base = file(&[unit("1", "One.", ""), unit("2", "Two.", "")], &[]);
        let ours = file(&[unit("1", "One.", "Un."), unit("2", "Two.", "")], &[]);
        let theirs = file(&[unit("1", "One.", ""), unit("2", "Two.", "Deux.")], &[]);
        let merged = merge(Some(&base), &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert_eq!(
            merged.file,
            file(&[unit("1", "One.", "Un."), unit("2", "Two.", "Deux.")], &[])
        );
    }

    #[test]
    fn a_sync_on_one_side_and_a_translation_on_the_other_merge_cleanly() {
        let base = file(&[unit("1", "One.", "Un."), unit("2", "Two.", "")], &[]);
        // Theirs: the source lost "One." and gained "Zero." first; sync reordered.
        let theirs = file(
            &[unit("0", "Zero.", ""), unit("2", "Two.", "")],
            &[unit("1", "One.", "Un.")],
        );
        let ours = file(&[unit("1", "One.", "Un."), unit("2", "Two.", "Deux.")], &[]);
        let merged = merge(Some(&base), &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert_eq!(
            merged.file,
            file(
                &[unit("0", "Zero.", ""), unit("2", "Two.", "Deux.")],
                &[unit("1", "One.", "Un.")]
            )
        );
    }

    #[test]
    fn a_unit_obsoleted_on_one_side_and_translated_on_the_other_stays_obsolete_translated() {
        let base = file(&[unit("1", "One.", ""), unit("2", "Two.", "")], &[]);
        let ours = file(&[unit("2", "Two.", "")], &[]);
        let theirs = file(&[unit("1", "One.", "Un."), unit("2", "Two.", "")], &[]);
        let merged = merge(Some(&base), &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert_eq!(
            merged.file,
            file(&[unit("2", "Two.", "")], &[unit("1", "One.", "Un.")])
        );
    }

    #[test]
    fn the_same_unit_translated_differently_is_a_conflict_keeping_both() {
        let base = file(&[unit("1", "One.", "")], &[]);
        let ours = file(&[unit("1", "One.", "Un.")], &[]);
        let theirs = file(&[unit("1", "One.", "Une.")], &[]);
        let merged = merge(Some(&base), &ours, &theirs);
        assert_eq!(merged.conflicts, 1);
        assert_eq!(merged.file.units, vec![unit("1", "One.", "Un.")]);
        assert_eq!(
            merged.file.conflicts,
            vec![Conflict {
                id: "1".into(),
                source: "One.".into(),
                theirs: unit("1", "One.", "Une.")
            }]
        );
    }

    #[test]
    fn files_created_on_both_sides_merge_by_unit() {
        let ours = file(&[unit("1", "One.", "Un."), unit("2", "Two.", "")], &[]);
        let theirs = file(
            &[
                unit("1", "One.", ""),
                unit("2", "Two.", "Deux."),
                unit("3", "Three.", "Trois."),
            ],
            &[],
        );
        let merged = merge(None, &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert_eq!(
            merged.file.units,
            vec![
                unit("1", "One.", "Un."),
                unit("2", "Two.", "Deux."),
                unit("3", "Three.", "Trois.")
            ]
        );
    }

    #[test]
    fn obsolete_lists_are_united_without_duplicates() {
        let base = file(&[unit("1", "One.", "Un."), unit("2", "Two.", "Deux.")], &[]);
        let ours = file(&[unit("2", "Two.", "Deux.")], &[unit("1", "One.", "Un.")]);
        let theirs = file(&[unit("1", "One.", "Un.")], &[unit("2", "Two.", "Deux.")]);
        let merged = merge(Some(&base), &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        let mut all: Vec<&str> = merged
            .file
            .units
            .iter()
            .chain(&merged.file.obsolete)
            .map(|u| u.target.as_str())
            .collect();
        all.sort_unstable();
        assert_eq!(all, ["Deux.", "Un."]);
    }
}
