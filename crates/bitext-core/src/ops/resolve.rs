//! Settling a merge conflict left by `bitext merge-driver` on one segment: keep ours, take
//! theirs, or record a new translation made from the current source text. Either way the
//! conflict goes, and the file is brought in line with the current segmentation, in one write
//! under the caller's lock.

use crate::error::{Error, Result, disp};
use crate::model::lang::Lang;
use crate::model::segment::normalise_paragraph;
use crate::model::slug::Slug;
use crate::model::translation::{Place, Unit, UnitState};
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::plan::FilePlan;

/// Which version wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The version already in the file.
    Ours,
    /// The other branch's version.
    Theirs,
    /// A new translation.
    Text(String),
}

/// What `resolve` did.
#[derive(Debug)]
pub struct ResolveReport {
    /// The source file.
    pub path: String,
    /// The language.
    pub lang: Lang,
    /// The segment's position, or the unit's id when it has no segment any more.
    pub segment: String,
    /// What was kept.
    pub choice: Choice,
}

/// Resolves the conflict on segment `spec` of `slug` in `lang`. `spec` may also be the id (or
/// a unique prefix) of a conflicting unit that no segment uses any more.
///
/// # Errors
/// No conflict there, an empty or multi-paragraph text, or any unreadable or malformed
/// workspace file. Nothing is written on error.
pub fn run(
    ws: &Workspace,
    slug: &Slug,
    spec: &str,
    lang: &Lang,
    choice: Choice,
) -> Result<ResolveReport> {
    let mut plan = FilePlan::new(ws, slug, lang, false)?;
    let no_conflict = || Error::NoConflict {
        path: plan.article.path.clone(),
        lang: lang.to_string(),
        segment: spec.to_owned(),
    };
    let (index, place, segment, current_text) = match plan.article.find(spec) {
        Ok(segment) => {
            let place = Place::Live(segment.n - 1);
            let index = plan
                .file
                .conflicts
                .iter()
                .position(|c| plan.file.conflict_unit(c) == Some(place))
                .ok_or_else(no_conflict)?;
            (index, place, segment.n.to_string(), segment.text.clone())
        }
        Err(find_error) => {
            let matches: Vec<usize> = (0..plan.file.conflicts.len())
                .filter(|&k| plan.file.conflicts[k].id.starts_with(spec))
                .collect();
            let [index] = matches.as_slice() else {
                return Err(find_error);
            };
            let conflict = &plan.file.conflicts[*index];
            let place = plan.file.conflict_unit(conflict).ok_or_else(no_conflict)?;
            (*index, place, conflict.id.clone(), conflict.source.clone())
        }
    };
    let text = match &choice {
        Choice::Text(raw) => {
            let origin = t!("origin-text");
            let text =
                normalise_paragraph(raw).ok_or_else(|| Error::MultiParagraphTranslation {
                    origin: origin.clone(),
                })?;
            if text.is_empty() {
                return Err(Error::EmptyTranslation { origin });
            }
            if let Some(character) = crate::model::translation::forbidden_control(&text) {
                return Err(Error::ControlCharacter {
                    place: origin,
                    unit: Some(crate::t!("control-unit", id = segment.as_str())),
                    character,
                });
            }
            Some(text)
        }
        Choice::Ours | Choice::Theirs => None,
    };
    let conflict = plan.file.conflicts.remove(index);
    let unit = match place {
        Place::Live(i) => &mut plan.file.units[i],
        Place::Obsolete(k) => &mut plan.file.obsolete[k],
    };
    match (&choice, text) {
        (Choice::Theirs, _) => {
            // Their translation, with the note the file has now (merged already).
            *unit = Unit {
                id: unit.id.clone(),
                comment: unit.comment.take(),
                ..conflict.theirs
            };
        }
        (Choice::Text(_), Some(target)) => {
            *unit = Unit {
                id: unit.id.clone(),
                source: current_text,
                target,
                state: Some(UnitState::Translated),
                comment: unit.comment.take(),
            };
        }
        _ => {}
    }
    plan.write(ws)?;
    Ok(ResolveReport {
        path: disp(&plan.article.path),
        lang: lang.clone(),
        segment,
        choice,
    })
}
