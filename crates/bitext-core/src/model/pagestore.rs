//! Translations kept as Markdown pages (`[layout] translations = "locale/{lang}"`): a page
//! is read against its record, and written back from a translation file.
//!
//! The record is a translation file (`.bitext/<lang>/<name>.json`) holding, for every
//! segment, the source text its translation was made from and the translation as bitext last
//! wrote it in the page. Reading pairs the page's segments with the record's units in order
//! (by their texts, and position by position between two equal texts): a paragraph whose
//! text differs from the record was edited by hand, and its text becomes the translation,
//! still made from the source the record names, so that it is current only if that source
//! has not changed since. A paragraph the page lost is missing. A page without a record is
//! paired with the source by structure, and what it translates is a draft: bitext does not
//! know which source text it was made from (`bitext adopt` finds out from git).

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::model::align::Link;
use crate::model::article::Article;
use crate::model::page::{Text, render};
use crate::model::segment::{Segment, segment, segment_mdx};
use crate::model::translation::{TranslationFile, Unit, UnitState};

/// What a page shows for a segment not yet translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// The source's text.
    Source,
    /// Nothing, for a paragraph (other blocks show the source's text).
    Omit,
}

/// A page as read, for writing it back with the fewest changes.
#[derive(Debug, Clone, Default)]
pub struct PageState {
    /// The page's text.
    pub text: String,
    /// For each unit of the record as read, the page segment (0-based) paired with it.
    pub pairs: Vec<Option<usize>>,
    /// The units' ids as read, in order.
    pub ids: Vec<String>,
}

/// The text a page shows for `unit`: its translation (a draft too: the page is where
/// translations are), or the source's when it has none.
#[must_use]
pub fn shown(unit: &Unit) -> &str {
    if unit.has_target() {
        &unit.target
    } else {
        &unit.source
    }
}

fn page_segments(page: &str, mdx: bool) -> Vec<Segment> {
    if mdx {
        segment_mdx(page)
    } else {
        segment(page)
    }
}

/// Pairs `expected` texts with `found` ones in order: equal texts, and position by position
/// between two pairs where as many texts are expected as found.
fn pair(expected: &[&str], found: &[&str]) -> Vec<Option<usize>> {
    let mut pairs = vec![None; expected.len()];
    for op in capture_diff_slices(Algorithm::Myers, expected, found) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    pairs[old_index + k] = Some(new_index + k);
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } if old_len == new_len => {
                for k in 0..old_len {
                    pairs[old_index + k] = Some(new_index + k);
                }
            }
            _ => {}
        }
    }
    pairs
}

/// Reads `page` (MDX when `mdx`) against its `record`: the translation file it stands for,
/// and how its segments pair with the record's units.
#[must_use]
pub fn read(
    record: TranslationFile,
    page: Option<&str>,
    mdx: bool,
) -> (TranslationFile, PageState) {
    let mut file = record;
    let ids = file.units.iter().map(|u| u.id.clone()).collect();
    let Some(page) = page else {
        // No page: nothing is translated, whatever the record says.
        for unit in &mut file.units {
            unit.target.clear();
            unit.state = None;
        }
        return (
            file,
            PageState {
                ids,
                pairs: Vec::new(),
                ..PageState::default()
            },
        );
    };
    let segments = page_segments(page, mdx);
    let found: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
    let expected: Vec<&str> = file.units.iter().map(shown).collect();
    let pairs = pair(&expected, &found);
    for (unit, paired) in file.units.iter_mut().zip(&pairs) {
        match paired {
            Some(j) if found[*j] != shown(unit) => {
                // Edited by hand: the page's text is the translation, made from the source
                // the record names.
                found[*j].clone_into(&mut unit.target);
                unit.state = Some(UnitState::Translated);
            }
            Some(_) => {}
            None => {
                unit.target.clear();
                unit.state = None;
            }
        }
    }
    let state = PageState {
        text: page.to_owned(),
        pairs,
        ids,
    };
    (file, state)
}

/// Reads a page that has no record against the current `article`: paired by structure
/// (the same kinds of segment in the same order), each text that differs from the source's
/// is a draft; a page whose structure differs gives nothing.
#[must_use]
pub fn read_unrecorded(
    article: &Article,
    lang: &str,
    page: &str,
    mdx: bool,
) -> (TranslationFile, PageState) {
    let segments = page_segments(page, mdx);
    let same_shape = segments.len() == article.segments.len()
        && segments
            .iter()
            .zip(&article.segments)
            .all(|(p, s)| p.kind == s.kind);
    let units = article
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let found = segments.get(i).filter(|_| same_shape);
            let translated = found.filter(|p| p.text != s.text);
            Unit {
                id: s.id.clone(),
                source: s.text.clone(),
                target: translated.map(|p| p.text.clone()).unwrap_or_default(),
                state: translated.map(|_| UnitState::Draft),
                comment: None,
            }
        })
        .collect::<Vec<_>>();
    let pairs = (0..units.len()).map(|i| same_shape.then_some(i)).collect();
    let ids = units.iter().map(|u| u.id.clone()).collect();
    let file = TranslationFile {
        format: crate::model::translation::FORMAT_VERSION,
        article: article.slug.to_string(),
        lang: lang.to_owned(),
        units,
        obsolete: Vec::new(),
        conflicts: Vec::new(),
    };
    (
        file,
        PageState {
            text: page.to_owned(),
            pairs,
            ids,
        },
    )
}

/// The page that shows `file` (synchronised with `article`, one unit per segment in order):
/// the page as read (`before`) with only the texts that change replaced, when every segment
/// still has its paragraph there (`links`, from each segment to the units as read, says which);
/// otherwise the source (`source`, the article's file) with every segment's text replaced.
/// Untranslated segments show as `fallback` says.
#[must_use]
pub fn write(
    article: &Article,
    source: &str,
    file: &TranslationFile,
    before: Option<(&PageState, &[Link])>,
    fallback: Fallback,
) -> String {
    let mdx = article.is_mdx();
    let wanted: Vec<Option<&str>> = file
        .units
        .iter()
        .map(|u| u.has_target().then_some(u.target.as_str()))
        .collect();
    if let Some((before, links)) = before.filter(|(b, _)| !b.text.is_empty())
        && let Some(page) = patch(article, before, links, &wanted, fallback, mdx)
    {
        return page;
    }
    let texts: Vec<Text<'_>> = wanted
        .iter()
        .map(|w| match (w, fallback) {
            (Some(text), _) => Text::Replace(text),
            (None, Fallback::Source) => Text::Source,
            (None, Fallback::Omit) => Text::Omit,
        })
        .collect();
    render(source, mdx, &texts)
}

/// `before` with only the changed texts replaced, if each segment that shows a text has a
/// paragraph of its own there and no paragraph there lost its segment.
fn patch(
    article: &Article,
    before: &PageState,
    links: &[Link],
    wanted: &[Option<&str>],
    fallback: Fallback,
    mdx: bool,
) -> Option<String> {
    if links.len() != article.segments.len() || wanted.len() != links.len() {
        return None;
    }
    let segments = page_segments(&before.text, mdx);
    let mut texts = vec![Text::Source; segments.len()];
    let mut claimed = vec![false; segments.len()];
    let mut linked = vec![false; before.pairs.len()];
    for (i, link) in links.iter().enumerate() {
        let unit = match link {
            Link::Exact(k) => Some(*k),
            Link::Similar(group) if group.len() == 1 => Some(group[0]),
            Link::Similar(_) => return None,
            Link::None | Link::ExactObsolete(_) => None,
        };
        if let Some(k) = unit {
            *linked.get_mut(k)? = true;
        }
        let shown = wanted[i].unwrap_or(article.segments[i].text.as_str());
        match unit.and_then(|k| before.pairs.get(k).copied().flatten()) {
            Some(j) => {
                if std::mem::replace(claimed.get_mut(j)?, true) {
                    // Two segments where the page has one paragraph: a split.
                    return None;
                }
                if segments[j].text != shown {
                    texts[j] = Text::Replace(shown);
                }
            }
            // Shown, but with no paragraph of its own in the page: written from the source.
            None if wanted[i].is_some() || fallback == Fallback::Source => return None,
            None => {}
        }
    }
    // A paragraph of the page whose segment is gone: written from the source.
    let orphaned = before
        .pairs
        .iter()
        .zip(&linked)
        .any(|(pair, linked)| pair.is_some() && !linked);
    if orphaned {
        return None;
    }
    Some(render(&before.text, mdx, &texts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::slug::Slug;

    const SOURCE: &str =
        "---\ntitle: Start\n---\n\n# Start\n\nOne is\nwrapped.\n\nTwo.\n\nThree.\n";

    /// Every segment linked to the unit at its own position.
    fn exact(n: usize) -> Vec<Link> {
        (0..n).map(Link::Exact).collect()
    }

    fn article(text: &str) -> Article {
        Article::from_bytes(
            Slug::parse("start").expect("slug"),
            "sources/start.md".into(),
            text.as_bytes(),
        )
        .expect("article")
    }

    fn record(article: &Article, targets: &[&str]) -> TranslationFile {
        TranslationFile {
            format: crate::model::translation::FORMAT_VERSION,
            article: "start".into(),
            lang: "fr".into(),
            units: article
                .segments
                .iter()
                .zip(targets.iter().chain(std::iter::repeat(&"")))
                .map(|(s, t)| Unit {
                    id: s.id.clone(),
                    source: s.text.clone(),
                    target: (*t).to_owned(),
                    state: (!t.is_empty()).then_some(UnitState::Translated),
                    comment: None,
                })
                .collect(),
            obsolete: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    #[test]
    fn a_written_page_reads_back_to_the_same_file() {
        let a = article(SOURCE);
        let file = record(&a, &["Début", "Début", "Un est coupé."]);
        let page = write(&a, SOURCE, &file, None, Fallback::Source);
        assert_eq!(
            page,
            "---\ntitle: Début\n---\n\n# Début\n\nUn est coupé.\n\nTwo.\n\nThree.\n"
        );
        let (read_back, state) = read(file.clone(), Some(&page), false);
        assert_eq!(read_back, file);
        assert_eq!(state.pairs, [Some(0), Some(1), Some(2), Some(3), Some(4)]);
        // Written again unchanged: the same bytes.
        let links = exact(5);
        assert_eq!(
            write(
                &a,
                SOURCE,
                &read_back,
                Some((&state, &links)),
                Fallback::Source
            ),
            page
        );
    }

    #[test]
    fn a_change_rewrites_only_its_paragraph() {
        let a = article(SOURCE);
        let file = record(&a, &["Début", "Début", "Un est coupé."]);
        // The page as a translator wrapped it.
        let page = "---\ntitle: Début\n---\n\n# Début\n\nUn est\ncoupé.\n\nTwo.\n\nThree.\n";
        let (mut read_back, state) = read(file, Some(page), false);
        assert_eq!(
            read_back.units[2].target, "Un est coupé.",
            "wrapping is not an edit"
        );
        read_back.units[3].target = "Deux.".into();
        read_back.units[3].state = Some(UnitState::Translated);
        let links = exact(5);
        let written = write(
            &a,
            SOURCE,
            &read_back,
            Some((&state, &links)),
            Fallback::Source,
        );
        assert_eq!(
            written,
            "---\ntitle: Début\n---\n\n# Début\n\nUn est\ncoupé.\n\nDeux.\n\nThree.\n"
        );
    }

    #[test]
    fn an_edited_source_paragraph_keeps_its_place_in_the_page() {
        let a = article(SOURCE);
        let file = record(&a, &["Début", "Début", "Un est coupé."]);
        let page = "---\ntitle: Début\n---\n\n# Début\n\nUn est\ncoupé.\n\nTwo.\n\nThree.\n";
        let (_, state) = read(file.clone(), Some(page), false);
        // The fourth paragraph was edited in the source: linked to its unit by similarity.
        let edited = article(&SOURCE.replace("Two.", "Two!"));
        let mut links = exact(5);
        links[3] = Link::Similar(vec![3]);
        let mut now = record(&edited, &["Début", "Début", "Un est coupé.", "Deux !"]);
        now.units[2].source = "One is wrapped.".into();
        let written = write(
            &edited,
            SOURCE,
            &now,
            Some((&state, &links)),
            Fallback::Source,
        );
        assert_eq!(
            written,
            "---\ntitle: Début\n---\n\n# Début\n\nUn est\ncoupé.\n\nDeux !\n\nThree.\n"
        );
        // A paragraph added to the source: the page is written from the source.
        let added = article(&SOURCE.replace("Three.", "Three.\n\nFour."));
        let mut links = exact(5);
        links.push(Link::None);
        let more = record(&added, &["Début", "Début", "Un est coupé."]);
        let written = write(
            &added,
            &SOURCE.replace("Three.", "Three.\n\nFour."),
            &more,
            Some((&state, &links)),
            Fallback::Source,
        );
        assert!(
            written.ends_with("Un est coupé.\n\nTwo.\n\nThree.\n\nFour.\n"),
            "{written}"
        );
    }

    #[test]
    fn a_hand_edit_is_the_translation_made_from_the_recorded_source() {
        let a = article(SOURCE);
        let file = record(&a, &["Début", "Début", "Un est coupé."]);
        let page = "---\ntitle: Début\n---\n\n# Début\n\nUn, coupé.\n\nDeux.\n\nThree.\n";
        let (read_back, _) = read(file, Some(page), false);
        assert_eq!(read_back.units[2].target, "Un, coupé.");
        assert_eq!(read_back.units[2].source, "One is wrapped.");
        assert_eq!(read_back.units[3].target, "Deux.");
        assert_eq!(
            read_back.units[3].source, "Two.",
            "made from the source shown"
        );
        assert!(!read_back.units[4].has_target());
    }

    #[test]
    fn a_lost_paragraph_is_missing_and_a_draft_is_in_the_page_as_a_draft() {
        let a = article(SOURCE);
        let mut file = record(&a, &["Début", "Début", "Un est coupé.", "Deux."]);
        file.units[4].target = "Trois ?".into();
        file.units[4].state = Some(UnitState::Draft);
        let page = write(&a, SOURCE, &file, None, Fallback::Source);
        assert!(page.ends_with("Deux.\n\nTrois ?\n"), "{page}");
        let cut = page.replace("Un est coupé.\n\n", "");
        let (read_back, _) = read(file, Some(&cut), false);
        assert!(!read_back.units[2].has_target());
        assert_eq!(read_back.units[3].target, "Deux.");
        assert_eq!(read_back.units[4].target, "Trois ?");
        assert_eq!(read_back.units[4].state, Some(UnitState::Draft));
    }

    #[test]
    fn omitted_paragraphs_are_left_out_and_read_back_as_missing() {
        let a = article(SOURCE);
        let file = record(&a, &["Début", "Début"]);
        let page = write(&a, SOURCE, &file, None, Fallback::Omit);
        assert_eq!(page, "---\ntitle: Début\n---\n\n# Début\n\n");
        let (read_back, state) = read(file.clone(), Some(&page), false);
        assert_eq!(read_back, file);
        // Translating an omitted paragraph writes the page from the source again.
        let mut more = read_back;
        more.units[3].target = "Deux.".into();
        more.units[3].state = Some(UnitState::Translated);
        let links = exact(5);
        let page = write(&a, SOURCE, &more, Some((&state, &links)), Fallback::Omit);
        assert_eq!(page, "---\ntitle: Début\n---\n\n# Début\n\nDeux.\n\n");
    }

    #[test]
    fn an_unrecorded_page_of_the_same_shape_gives_drafts() {
        let a = article(SOURCE);
        let page = "---\ntitle: Début\n---\n\n# Start\n\nUn.\n\nDeux.\n\nTrois.\n";
        let (file, _) = read_unrecorded(&a, "fr", page, false);
        let states: Vec<Option<UnitState>> = file.units.iter().map(|u| u.state).collect();
        assert_eq!(
            states,
            [
                Some(UnitState::Draft),
                None,
                Some(UnitState::Draft),
                Some(UnitState::Draft),
                Some(UnitState::Draft)
            ]
        );
        let (file, _) = read_unrecorded(&a, "fr", "# Autre\n\nRien.\n", false);
        assert!(file.units.iter().all(|u| !u.has_target()));
    }
}
