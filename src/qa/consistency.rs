//! `inconsistent`: the same source text translated differently elsewhere in the workspace, and
//! the same translation used for different source texts. The index holds a hash of every
//! translated segment's source and target per language, sorted both ways, so that a workspace
//! of a quarter of a million segments takes a few megabytes and a lookup is a binary search.

use std::hash::{DefaultHasher, Hash as _, Hasher as _};

use crate::error::Result;
use crate::model::assess::{assess, linked_unit};
use crate::qa::{Check, Finding, Place};
use crate::workspace::Workspace;
use crate::workspace::lang::Lang;
use crate::workspace::parallel::map_ordered;

/// One translated segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Index of the language in [`Index::langs`].
    pub lang: u16,
    /// Hash of the source text.
    pub source: u64,
    /// Hash of the translation.
    pub target: u64,
    /// Index of the article in [`Index::articles`].
    pub article: u32,
    /// The segment's position.
    pub n: u32,
}

/// Every translated segment of the workspace, by source and by translation.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// The articles' slugs.
    pub articles: Vec<String>,
    /// The languages.
    pub langs: Vec<Lang>,
    by_source: Vec<Entry>,
    by_target: Vec<Entry>,
}

/// A stable-within-the-process hash of a text.
#[must_use]
pub fn hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

impl Index {
    /// Builds the index from entries collected elsewhere.
    #[must_use]
    pub fn new(articles: Vec<String>, langs: Vec<Lang>, entries: Vec<Entry>) -> Self {
        let mut by_source = entries.clone();
        by_source.sort_unstable_by_key(|e| (e.lang, e.source, e.target, e.article, e.n));
        let mut by_target = entries;
        by_target.sort_unstable_by_key(|e| (e.lang, e.target, e.source, e.article, e.n));
        Self {
            articles,
            langs,
            by_source,
            by_target,
        }
    }

    /// Reads every translation of every article of the workspace.
    ///
    /// # Errors
    /// Any unreadable or malformed source or translation file.
    pub fn load(ws: &Workspace) -> Result<Self> {
        let slugs = ws.all_articles()?;
        let langs = ws.config.targets.clone();
        let per_article = map_ordered(&slugs, |slug| {
            let article = ws.load_article(slug)?;
            let index = slugs.binary_search(slug).unwrap_or(0);
            let mut entries = Vec::new();
            for (l, lang) in langs.iter().enumerate() {
                let Some(file) = ws.load_translation(lang, slug)? else {
                    continue;
                };
                let assessment = assess(&article, Some(&file));
                for (segment, link) in article.segments.iter().zip(&assessment.links) {
                    if let Some(unit) = linked_unit(link, &file.units, &file.obsolete) {
                        entries.push(entry(l, index, segment.n, &segment.text, &unit.target));
                    }
                }
            }
            Ok(entries)
        })?;
        Ok(Self::new(
            slugs.iter().map(ToString::to_string).collect(),
            langs,
            per_article.into_iter().flatten().collect(),
        ))
    }

    /// Returns true if and only if the index holds nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_source.is_empty()
    }

    /// The consistency findings for `target` as the translation of `source` in `lang`, at
    /// `place` if it is a segment of the workspace.
    #[must_use]
    pub fn check(
        &self,
        source: &str,
        target: &str,
        lang: &Lang,
        place: Option<Place<'_>>,
    ) -> Vec<Finding> {
        let Some(l) = self.langs.iter().position(|x| x == lang) else {
            return Vec::new();
        };
        let l = u16::try_from(l).unwrap_or(u16::MAX);
        self.check_hashes(l, hash(source), hash(target), place)
    }

    /// As [`Index::check`], with the texts already hashed.
    #[must_use]
    pub fn check_hashes(
        &self,
        lang: u16,
        source: u64,
        target: u64,
        place: Option<Place<'_>>,
    ) -> Vec<Finding> {
        let mut findings = Vec::new();
        let elsewhere = |e: &&Entry| {
            place.is_none_or(|p| {
                self.articles.get(e.article as usize).map(String::as_str) != Some(p.article)
                    || e.n as usize != p.n
            })
        };
        let start = self
            .by_source
            .partition_point(|e| (e.lang, e.source) < (lang, source));
        let other = self.by_source[start..]
            .iter()
            .take_while(|e| (e.lang, e.source) == (lang, source))
            .filter(|e| e.target != target)
            .find(elsewhere);
        if let Some(other) = other {
            findings.push(
                Finding::new(Check::Inconsistent, "qa-inconsistent-source")
                    .arg("other", self.describe(other)),
            );
        }
        let start = self
            .by_target
            .partition_point(|e| (e.lang, e.target) < (lang, target));
        let other = self.by_target[start..]
            .iter()
            .take_while(|e| (e.lang, e.target) == (lang, target))
            .filter(|e| e.source != source)
            .find(elsewhere);
        if let Some(other) = other {
            findings.push(
                Finding::new(Check::Inconsistent, "qa-inconsistent-target")
                    .arg("other", self.describe(other)),
            );
        }
        findings
    }

    fn describe(&self, entry: &Entry) -> String {
        let slug = self
            .articles
            .get(entry.article as usize)
            .map_or("", String::as_str);
        crate::t!(
            "qa-place",
            path = &format!("sources/{slug}.md"),
            n = entry.n as usize
        )
    }
}

/// An entry for segment `n` of article `article` in language `lang`.
#[must_use]
pub fn entry(lang: usize, article: usize, n: usize, source: &str, target: &str) -> Entry {
    Entry {
        lang: u16::try_from(lang).unwrap_or(u16::MAX),
        source: hash(source),
        target: hash(target),
        article: u32::try_from(article).unwrap_or(u32::MAX),
        n: u32::try_from(n).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        let fr = Lang::parse("fr").expect("fr");
        Index::new(
            vec!["a".into(), "b".into()],
            vec![fr],
            vec![
                entry(0, 0, 1, "For Your Information", "Pour votre information"),
                entry(0, 1, 4, "For Your Information", "Pour information"),
                entry(0, 0, 2, "Hands Off Peru!", "Bas les pattes du Pérou\u{a0}!"),
                entry(0, 1, 5, "Hands off Peru!", "Bas les pattes du Pérou\u{a0}!"),
                entry(0, 0, 3, "Once", "Une fois"),
            ],
        )
    }

    #[test]
    fn the_same_source_translated_differently_is_found_both_ways() {
        let fr = Lang::parse("fr").expect("fr");
        let idx = index();
        let here = Place { article: "a", n: 1 };
        let findings = idx.check(
            "For Your Information",
            "Pour votre information",
            &fr,
            Some(here),
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].message_id, "qa-inconsistent-source");
        assert!(findings[0].args[0].1.contains("sources/b.md"));
        let findings = idx.check(
            "Hands Off Peru!",
            "Bas les pattes du Pérou\u{a0}!",
            &fr,
            Some(Place { article: "a", n: 2 }),
        );
        assert_eq!(findings[0].message_id, "qa-inconsistent-target");
        assert!(
            idx.check("Once", "Une fois", &fr, Some(Place { article: "a", n: 3 }))
                .is_empty()
        );
    }

    #[test]
    fn a_segment_is_not_compared_with_its_own_old_translation() {
        let fr = Lang::parse("fr").expect("fr");
        let idx = index();
        // Segment a/3 is being given a new translation: the index still holds the old one.
        assert!(
            idx.check(
                "Once",
                "Une seule fois",
                &fr,
                Some(Place { article: "a", n: 3 })
            )
            .is_empty()
        );
        assert_eq!(idx.check("Once", "Une seule fois", &fr, None).len(), 1);
    }
}
