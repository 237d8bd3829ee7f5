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
    /// The model would not take the restored unit as this paragraph's translation: nothing
    /// was written. A safeguard: the unit carries the segment's id, which keeps it on its
    /// segment as `sync` keeps an edited paragraph's unit, whatever its source text.
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
    // A comment is about the segment, not one of its translations: it stays.
    let comment = plan.file.units[i].comment.take();
    plan.file.units[i] = Unit {
        id: segment.id.clone(),
        source: version.source.clone(),
        target: version.target.clone(),
        state: Some(state),
        comment,
    };
    // The model, not this function, says what the segment is now; a unit it would not link
    // to this paragraph would be restored nowhere, or to another one.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::translation::TranslationFile;
    use crate::ops::version_of;

    const SOURCE: &str = "# The harbour\n\nThe council met on Monday to discuss the budget.\n";

    /// A workspace with one article, its paragraph translated into French.
    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        write("bitext.toml", "source = \"en\"\ntargets = [\"fr\"]\n");
        write("sources/harbour.md", SOURCE);
        let ws = Workspace::open(Some(dir.path())).expect("workspace");
        let article = ws
            .load_article(&Slug::parse("harbour").expect("slug"))
            .expect("article");
        let mut file = TranslationFile::new("harbour", "fr");
        file.units = article
            .segments
            .iter()
            .map(|s| Unit {
                id: s.id.clone(),
                source: s.text.clone(),
                target: format!("fr {}", s.n),
                state: Some(UnitState::Reviewed),
                comment: None,
            })
            .collect();
        write("translations/fr/harbour.json", &file.to_json());
        (dir, ws)
    }

    fn old(source: &str, target: &str) -> Unit {
        Unit {
            id: "old".to_owned(),
            source: source.to_owned(),
            target: target.to_owned(),
            state: Some(UnitState::Reviewed),
            comment: None,
        }
    }

    #[test]
    fn a_restore_keeps_the_source_it_was_made_from_and_the_model_says_what_follows() {
        let (_dir, ws) = workspace();
        let slug = Slug::parse("harbour").expect("slug");
        let lang = Lang::parse("fr").expect("lang");
        let read =
            || std::fs::read_to_string(ws.root.join("translations/fr/harbour.json")).expect("read");
        let now = || {
            let plan = FilePlan::new(&ws, &slug, &lang, false).expect("plan");
            (
                plan.file.units[1].clone(),
                plan.article.segments[1].id.clone(),
            )
        };
        let run = |version: &Unit, expect: Option<(&str, &str)>| {
            let expect = expect.map(|(id, version)| Expect { id, version });
            let request = Request {
                slug: &slug,
                lang: &lang,
                n: 2,
                expect,
                version,
            };
            restore(&ws, &request).expect("restore")
        };
        let current_text = "The council met on Monday to discuss the budget.";
        // Made from the paragraph as it is: current, recorded as translated.
        let (unit, id) = now();
        let base = version_of(&unit);
        let outcome = run(&old(current_text, "Le conseil."), Some((&id, &base)));
        assert!(matches!(
            outcome,
            Outcome::Restored(Restored {
                state: State::Current,
                ..
            })
        ));
        let (unit, _) = now();
        assert_eq!(
            (unit.target.as_str(), unit.state),
            ("Le conseil.", Some(UnitState::Translated))
        );
        // Made from an earlier text: stale, its source kept.
        let earlier = "The council met on Sunday to discuss the budget.";
        let outcome = run(&old(earlier, "Le conseil dimanche."), None);
        assert!(matches!(
            outcome,
            Outcome::Restored(Restored {
                state: State::Stale,
                ..
            })
        ));
        assert_eq!(now().0.source, earlier);
        // A form made before that restore: a conflict, nothing written.
        let before = read();
        let outcome = run(&old(current_text, "Autre."), Some((&id, &base)));
        assert!(matches!(outcome, Outcome::Conflict(_)));
        assert_eq!(read(), before);
        // Made from another paragraph's text as it is now: still this segment's, stale (the
        // unit carries its id, as `sync` keeps it), and the other paragraph keeps its own.
        let outcome = run(&old("The harbour", "Le port, ailleurs."), None);
        assert!(
            matches!(
                outcome,
                Outcome::Restored(Restored {
                    state: State::Stale,
                    ..
                })
            ),
            "{outcome:?}"
        );
        let plan = FilePlan::new(&ws, &slug, &lang, false).expect("plan");
        assert_eq!(plan.assessment.states, [State::Current, State::Stale]);
        assert_eq!(plan.file.units[0].target, "fr 1");
        // Made from a wholly different text: stale, as `sync` keeps a unit on its segment.
        let outcome = run(
            &old("Fishing boats sail at dawn from every port.", "Bateaux."),
            None,
        );
        assert!(matches!(
            outcome,
            Outcome::Restored(Restored {
                state: State::Stale,
                ..
            })
        ));
        // No translation: an error, nothing written.
        let before = read();
        assert!(
            restore(
                &ws,
                &Request {
                    slug: &slug,
                    lang: &lang,
                    n: 2,
                    expect: None,
                    version: &old(current_text, ""),
                }
            )
            .is_err()
        );
        assert_eq!(read(), before);
    }
}
