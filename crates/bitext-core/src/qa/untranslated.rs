//! `untranslated`: a target that is the source text, or that holds bitext's own marker for
//! untranslated text. Shared by the check, by every importer (`import`, `po import`,
//! `xliff import`) and by `pretranslate`, which never record such a target as a translation.
//!
//! bitext marks the source text it exports in place of a missing translation
//! (`export --allow-incomplete`): with `[not yet translated]` in text and Markdown (in the UI
//! language of whoever exported: `[pas encore traduit]`, `[aún sin traducir]`) and with the
//! `untranslated` class and a note in HTML. Any of these, in any of bitext's languages, marks
//! a paragraph that comes back unchanged from a translator as untranslated.
//!
//! A target equal to the source is untranslated only when the source reads as prose: at least
//! four words, three of them lowercase common words. Names, bylines and captions such as
//! "– Margaret Villamizar –" or "(Photos: Red Muqui, Xinhua)" are rightly left as they are.

use std::sync::OnceLock;

use crate::l10n::Localizer;
use crate::qa::{Check, Finding};

/// Why a target counts as untranslated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Untranslated {
    /// It holds bitext's untranslated marker (text, Markdown or HTML export).
    Marked,
    /// It is the source text itself.
    Copy,
}

/// The marker and note of every language bitext speaks, as exports write them.
fn markers() -> &'static [String] {
    static MARKERS: OnceLock<Vec<String>> = OnceLock::new();
    MARKERS.get_or_init(|| {
        let mut out = Vec::new();
        for code in crate::l10n::LANGUAGES {
            let l10n = Localizer::new(&code.parse().unwrap_or_default());
            for id in ["export-untranslated-marker", "export-untranslated-note"] {
                let text = l10n.message(id, &[]);
                if !out.contains(&text) {
                    out.push(text);
                }
            }
        }
        out.push("class=\"untranslated".to_owned());
        out.push("untranslated\"".to_owned());
        out
    })
}

/// The source text a paragraph of a text or Markdown export carries after bitext's
/// untranslated marker (in any of bitext's languages), if it opens with one.
#[must_use]
pub fn after_marker(paragraph: &str) -> Option<&str> {
    let paragraph = paragraph.trim_start();
    markers()
        .iter()
        .filter(|m| m.starts_with('['))
        .find_map(|m| paragraph.strip_prefix(m.as_str()))
        .map(str::trim)
}

/// Returns true if and only if `exported` is `source` as an export writes it: the same
/// words, with Markdown, case and spacing aside.
#[must_use]
pub fn same_text(source: &str, exported: &str) -> bool {
    folded(&crate::render::inline::to_plain(source))
        == folded(&crate::render::inline::to_plain(exported))
}

/// Returns whether `target` is `source` left untranslated, and why.
#[must_use]
pub fn detect(source: &str, target: &str) -> Option<Untranslated> {
    // Every marker holds `[`, "ransl" (translated, untranslated) or "radu" (traduit,
    // traducir): most targets need no closer look.
    let may_be_marked = target.contains('[') || target.contains("ransl") || target.contains("radu");
    if may_be_marked && markers().iter().any(|m| target.contains(m.as_str())) {
        return Some(Untranslated::Marked);
    }
    // Most targets differ from their source within a few words: compare those first.
    let start = |text: &'_ str| {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .take(12)
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    if !has_markup(source) && !has_markup(target) && start(source) != start(target) {
        return None;
    }
    // Only the prose around inline code can be left untranslated: code stays as it is.
    if !is_prose(&crate::qa::code::without_code(source)) {
        return None;
    }
    // The same words with other markup are the same text: a link written inline in one and
    // by reference in the other (`[text](url)`, `[text][]`) too.
    let same = folded(source) == folded(target)
        || (has_markup(source) || has_markup(target))
            && folded(&crate::render::inline::to_words(source))
                == folded(&crate::render::inline::to_words(target));
    same.then_some(Untranslated::Copy)
}

fn has_markup(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, b'*' | b'_' | b'`' | b'[' | b'<' | b'\\'))
}

/// Text with case and spacing folded.
fn folded(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Returns true if and only if `text` reads as prose rather than a name, byline or caption:
/// at least four words, at least three of them all lowercase.
#[must_use]
pub fn is_prose(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let lowercase = words
        .iter()
        .filter(|w| w.chars().all(|c| !c.is_alphabetic() || c.is_lowercase()))
        .count();
    words.len() >= 4 && lowercase >= 3
}

/// The `untranslated` findings of one segment.
#[must_use]
pub fn check(source: &str, target: &str) -> Vec<Finding> {
    match detect(source, target) {
        None => Vec::new(),
        Some(Untranslated::Marked) => {
            let marker = markers()
                .iter()
                .find(|m| target.contains(m.as_str()))
                .cloned()
                .unwrap_or_default();
            vec![Finding::new(Check::Untranslated, "qa-untranslated-marked").target_part(marker)]
        }
        Some(Untranslated::Copy) => vec![
            Finding::new(Check::Untranslated, "qa-untranslated-copy")
                .target_part(crate::model::words::excerpt(target, 40)),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_left_as_it_is_is_not_untranslated_but_prose_around_it_is() {
        for code in ["`wc -l {{path/to/file}}`", "`tar -xvf {{archive.tar}}` :"] {
            assert_eq!(detect(code, code), None, "{code}");
        }
        let mixed = "Count the lines in a file with `wc -l {{path/to/file}}`";
        assert_eq!(detect(mixed, mixed), Some(Untranslated::Copy));
    }

    #[test]
    fn the_source_copied_with_its_links_written_inline_is_untranslated() {
        // The Node.js guide's French page: the English paragraph pasted, with the link its
        // English page defines at the bottom written inline.
        let source = "There are other ways of [handling these errors][] such as other abstractions and tools.";
        let pasted = "There are other ways of [handling these errors](https://nodejs.org/api/errors.html) such as other abstractions and tools.";
        assert_eq!(detect(source, pasted), Some(Untranslated::Copy));
        assert_eq!(
            detect(
                source,
                "Il existe d'autres façons de [gérer ces erreurs](https://nodejs.org/api/errors.html)."
            ),
            None
        );
    }

    #[test]
    fn the_source_copied_is_untranslated_names_are_not() {
        let prose = "At least 14 countries have publicly expressed support.";
        assert_eq!(detect(prose, prose), Some(Untranslated::Copy));
        assert_eq!(
            detect(
                prose,
                "at least 14 countries  have publicly expressed support."
            ),
            Some(Untranslated::Copy)
        );
        assert_eq!(
            detect(prose, "Au moins 14 pays ont exprimé leur appui."),
            None
        );
        for name in [
            "– Margaret Villamizar –",
            "(Photos: manoalzadilma, Red Muqui, Xinhua)",
            "**Hands Off Peru!**",
            "For Your Information",
        ] {
            assert_eq!(detect(name, name), None, "{name}");
        }
    }

    #[test]
    fn every_marker_passes_the_quick_filter() {
        for marker in markers() {
            assert!(
                marker.contains('[') || marker.contains("ransl") || marker.contains("radu"),
                "{marker}"
            );
        }
    }

    #[test]
    fn every_marker_of_every_language_and_format_is_recognised() {
        let source = "At least 14 countries have publicly expressed support.";
        for target in [
            "[not yet translated] At least 14 countries have publicly expressed support.",
            "[pas encore traduit] At least 14 countries have publicly expressed support.",
            "[aún sin traducir] At least 14 countries have publicly expressed support.",
            "[es] [aún sin traducir] At least 14 countries",
            "<p data-n=\"7\" data-id=\"ab\" lang=\"en\" class=\"untranslated\">At least 14</p>",
            "<div class=\"cell target untranslated\" lang=\"en\"><p>At least</p>",
            "Pas encore traduit\u{a0}: texte affiché dans la langue d’origine.",
            "Aún sin traducir: se muestra en el idioma original.",
        ] {
            assert_eq!(
                detect(source, target),
                Some(Untranslated::Marked),
                "{target}"
            );
        }
        assert_eq!(
            check(source, "[aún sin traducir] x")[0]
                .target_part
                .as_deref(),
            Some("[aún sin traducir]")
        );
    }
}
