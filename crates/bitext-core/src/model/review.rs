//! Review: which current translations a reviewer has confirmed, and the notes kept on units.
//!
//! A segment is reviewed when it is `current` and the unit its translation comes from is in
//! the `reviewed` state. Review is a workflow step above the states of invariant 4: it never
//! changes whether a segment is current, only whether an edition that exports reviewed text
//! alone (`require = "reviewed"`) may use it.

use crate::model::assess::{Assessment, State, linked_unit};
use crate::model::translation::{TranslationFile, UnitState};

/// For each segment of an assessed article, whether it is current and its translation
/// reviewed.
#[must_use]
pub fn reviewed(file: Option<&TranslationFile>, assessment: &Assessment) -> Vec<bool> {
    let (units, obsolete) = file.map_or((&[][..], &[][..]), |f| {
        (f.units.as_slice(), f.obsolete.as_slice())
    });
    assessment
        .links
        .iter()
        .zip(&assessment.states)
        .map(|(link, state)| {
            *state == State::Current
                && linked_unit(link, units, obsolete)
                    .is_some_and(|u| u.state == Some(UnitState::Reviewed))
        })
        .collect()
}

/// As [`reviewed`], for a file in line with the article (what `sync` writes: unit `i` is
/// segment `i`'s) and the segments' `states`.
#[must_use]
pub fn reviewed_in_line(file: &TranslationFile, states: &[State]) -> Vec<bool> {
    states
        .iter()
        .zip(&file.units)
        .map(|(state, unit)| *state == State::Current && unit.state == Some(UnitState::Reviewed))
        .collect()
}

/// The segments (0-based) that are current but not reviewed: what an edition with
/// `require = "reviewed"` still waits for, besides the unfinished ones.
#[must_use]
pub fn unreviewed(file: Option<&TranslationFile>, assessment: &Assessment) -> Vec<usize> {
    reviewed(file, assessment)
        .into_iter()
        .zip(&assessment.states)
        .enumerate()
        .filter(|(_, (reviewed, state))| **state == State::Current && !reviewed)
        .map(|(i, _)| i)
        .collect()
}

/// A comment as it is kept: line breaks unified to `\n`, white space around it and at the
/// end of each line trimmed. `None` when nothing is left (an empty comment is no comment).
#[must_use]
pub fn normalise_comment(raw: &str) -> Option<String> {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = unified.lines().map(str::trim_end).collect();
    let text = lines.join("\n").trim().to_owned();
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::article::Article;
    use crate::model::assess::assess;
    use crate::model::slug::Slug;
    use crate::model::translation::Unit;

    #[track_caller]
    fn comment(raw: &str, kept: Option<&str>) {
        assert_eq!(normalise_comment(raw).as_deref(), kept, "{raw:?}");
    }

    #[test]
    fn comments_are_trimmed_and_line_breaks_unified() {
        comment("  Check the date. ", Some("Check the date."));
        comment("One.\r\nTwo.  \r\n", Some("One.\nTwo."));
        comment("a\rb", Some("a\nb"));
        comment(" \n\t ", None);
        comment("", None);
    }

    #[test]
    fn only_current_segments_whose_unit_is_reviewed_are_reviewed() {
        let slug = Slug::parse("a").expect("slug");
        let source = "One.\n\nTwo.\n\nThree.\n\nFour.\n";
        let article = Article::from_bytes(slug, PathBuf::from("sources/a.md"), source.as_bytes())
            .expect("article");
        let unit = |i: usize, source: &str, state| Unit {
            id: article.segments[i].id.clone(),
            source: source.to_owned(),
            target: format!("t{i}"),
            state: Some(state),
            comment: None,
        };
        let file = TranslationFile {
            units: vec![
                unit(0, "One.", UnitState::Reviewed),
                unit(1, "Two.", UnitState::Translated),
                // Reviewed, but made from an earlier text: stale, so not reviewed now.
                unit(2, "Three, before.", UnitState::Reviewed),
                unit(3, "Four.", UnitState::Draft),
            ],
            ..TranslationFile::new("a", "fr")
        };
        let assessment = assess(&article, Some(&file));
        assert_eq!(
            reviewed(Some(&file), &assessment),
            [true, false, false, false]
        );
        assert_eq!(unreviewed(Some(&file), &assessment), [1]);
        assert_eq!(
            unreviewed(None, &assess(&article, None)),
            Vec::<usize>::new()
        );
    }
}
