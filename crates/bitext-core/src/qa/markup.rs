//! `links` and `markup`: the inline Markdown structure of a segment. A translation keeps the
//! source's link targets and e-mail addresses (the same ones, the same number of times) and its
//! emphasis, strong emphasis, links and images (the same counts). Code spans are the `code`
//! check's, which compares what is in them ([`crate::qa::code`]).
//!
//! A reference link (`[text][label]`, `[text][]`, `[label]`) is a link to the destination its
//! page defines for the label: the source's against the source page's definitions, the
//! translation's against its own page's, so that a translator who writes the link inline,
//! `[texte](destination)`, keeps it.

use std::collections::BTreeMap;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::model::definitions::Definitions;
use crate::qa::{Check, Finding};

/// Inline structure of one text.
#[derive(Debug, Default, PartialEq, Eq)]
struct Structure {
    /// Link targets and addresses, with how often each occurs.
    targets: BTreeMap<String, usize>,
    /// Counts of emphasis, strong, links and images, in that order.
    counts: [usize; 4],
    /// The text of each emphasis span.
    emphasised: Vec<String>,
}

const KINDS: [&str; 4] = [
    "qa-kind-emphasis",
    "qa-kind-strong",
    "qa-kind-link",
    "qa-kind-image",
];

/// Returns true if and only if `text` may hold Markdown inline markup, a URL or an address;
/// plain prose (most segments) needs no parsing.
fn may_have_structure(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'*' | b'_' | b'`' | b'[' | b'<' | b'@' | b'\\' => true,
        b':' => bytes.get(i + 1..i + 3) == Some(b"//"),
        b'.' => i >= 3 && &bytes[i - 3..i] == b"www",
        _ => false,
    })
}

fn structure(text: &str, definitions: &Definitions) -> Structure {
    let mut out = Structure::default();
    if !may_have_structure(text) {
        return out;
    }
    let mut in_link = 0usize;
    let mut in_emphasis: Option<String> = None;
    // The segment holds no definitions: every reference link is "broken" to the parser, which
    // asks for its destination.
    let resolve = |link: BrokenLink<'_>| {
        definitions
            .get(&link.reference)
            .map(|dest| (CowStr::from(dest.to_owned()), CowStr::from("")))
    };
    let parser =
        Parser::new_with_broken_link_callback(text, Options::ENABLE_STRIKETHROUGH, Some(resolve));
    for event in parser {
        if let (Some(inner), Event::Text(t)) = (&mut in_emphasis, &event) {
            inner.push_str(t);
        }
        match event {
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::End(TagEnd::Emphasis) => {
                if let Some(inner) = in_emphasis.take() {
                    out.emphasised.push(inner);
                }
            }
            Event::Start(Tag::Emphasis) => {
                out.counts[0] += 1;
                in_emphasis = Some(String::new());
            }
            Event::Start(Tag::Strong) => out.counts[1] += 1,
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                in_link += 1;
                if !matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    out.counts[2] += 1;
                }
                let dest = dest_url.strip_prefix("mailto:").unwrap_or(&dest_url);
                *out.targets.entry(dest.to_owned()).or_default() += 1;
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                out.counts[3] += 1;
                *out.targets.entry(dest_url.to_string()).or_default() += 1;
            }
            Event::Text(text) if in_link == 0 => {
                for bare in bare_targets(&text) {
                    *out.targets.entry(bare).or_default() += 1;
                }
            }
            _ => {}
        }
    }
    out
}

/// URLs (`http://`, `https://`, `www.`) and e-mail addresses written as plain text.
fn bare_targets(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '«' | '»' | '"'))
    {
        let word = word.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’']);
        let is_url =
            word.starts_with("http://") || word.starts_with("https://") || word.starts_with("www.");
        let is_email = word.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.')
        });
        if is_url || is_email {
            out.push(word.to_owned());
        }
    }
    out
}

/// The `links` findings and the `markup` findings of one segment, whose reference links have
/// no definitions to resolve against.
#[must_use]
pub fn check(source: &str, target: &str) -> (Vec<Finding>, Vec<Finding>) {
    check_with(source, target, Definitions::none(), Definitions::none())
}

/// As [`check`], with the reference links of `source` resolved against `source_definitions`
/// and those of `target` against `target_definitions`.
#[must_use]
pub fn check_with(
    source: &str,
    target: &str,
    source_definitions: &Definitions,
    target_definitions: &Definitions,
) -> (Vec<Finding>, Vec<Finding>) {
    let (s, t) = (
        structure(source, source_definitions),
        structure(target, target_definitions),
    );
    let mut links = Vec::new();
    for (url, &count) in &s.targets {
        let found = t.targets.get(url).copied().unwrap_or(0);
        if found < count {
            links.push(
                Finding::new(Check::Links, "qa-links-missing")
                    .arg("url", url.clone())
                    .source_part(url.clone()),
            );
        }
    }
    for (url, &count) in &t.targets {
        if s.targets.get(url).copied().unwrap_or(0) < count {
            links.push(
                Finding::new(Check::Links, "qa-links-extra")
                    .arg("url", url.clone())
                    .target_part(url.clone()),
            );
        }
    }
    // French and Spanish set a word kept in the source language in italics (Imprimerie
    // nationale; RAE): emphasis the translation adds around a word of the source is allowed.
    let source_folded = source.to_lowercase();
    let loanwords = t
        .emphasised
        .iter()
        .filter(|inner| {
            let inner = inner.trim().to_lowercase();
            !inner.is_empty()
                && source_folded.match_indices(&inner).any(|(at, _)| {
                    let before = source_folded[..at].chars().next_back();
                    let after = source_folded[at + inner.len()..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '*' || c == '_')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '*' || c == '_')
                })
        })
        .count();
    let mut markup = Vec::new();
    for (i, kind) in KINDS.iter().enumerate() {
        let allowed = if i == 0 {
            t.counts[0].saturating_sub(loanwords)..=t.counts[0]
        } else {
            t.counts[i]..=t.counts[i]
        };
        if !allowed.contains(&s.counts[i]) {
            markup.push(
                Finding::new(Check::Markup, "qa-markup")
                    .arg("kind", crate::t!(kind))
                    .arg("source", s.counts[i].to_string())
                    .arg("target", t.counts[i].to_string()),
            );
        }
    }
    (links, markup)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.message_id).collect()
    }

    #[test]
    fn the_same_links_pass_a_changed_link_fails() {
        let source = "See [the report](https://example.org/report) or write to desk@example.org.";
        let (links, markup) = check(
            source,
            "Voir [le rapport](https://example.org/report) ou écrire à desk@example.org.",
        );
        assert!(
            links.is_empty() && markup.is_empty(),
            "{links:?} {markup:?}"
        );
        let (links, _) = check(
            source,
            "Voir [le rapport](https://example.org/rapport) ou écrire à desk@example.org.",
        );
        assert_eq!(codes(&links), ["qa-links-missing", "qa-links-extra"]);
        assert_eq!(
            links[0].source_part.as_deref(),
            Some("https://example.org/report")
        );
        assert_eq!(
            links[1].target_part.as_deref(),
            Some("https://example.org/rapport")
        );
        let (links, _) = check(source, "Voir [le rapport](https://example.org/report).");
        assert_eq!(links[0].source_part.as_deref(), Some("desk@example.org"));
    }

    #[test]
    fn a_link_given_twice_must_be_given_twice() {
        let source = "<https://a.org> and again <https://a.org>";
        let (links, _) = check(source, "<https://a.org> y otra vez <https://a.org>");
        assert!(links.is_empty());
        let (links, _) = check(source, "<https://a.org> y otra vez");
        assert_eq!(codes(&links), ["qa-links-missing"]);
    }

    #[test]
    fn dropped_emphasis_fails_kept_emphasis_passes() {
        let (_, markup) = check("tactics dubbed *lawfare*", "tácticas llamadas *lawfare*");
        assert!(markup.is_empty());
        let (_, markup) = check("tactics dubbed *lawfare*", "tácticas llamadas lawfare");
        assert_eq!(markup.len(), 1);
        assert_eq!(markup[0].args[1], ("source", "1".to_owned()));
        assert_eq!(markup[0].args[2], ("target", "0".to_owned()));
        let (_, markup) = check("**Hands Off Peru!**", "*¡Manos fuera del Perú!*");
        assert_eq!(markup.len(), 2, "{markup:?}");
        // A code span is the code check's: dropped, it is no markup finding.
        let (_, markup) = check("Run `bitext check`.", "Lancez bitext check.");
        assert!(markup.is_empty(), "{markup:?}");
        assert_eq!(
            crate::qa::code::check(
                "Run `bitext check`.",
                "Lancez bitext check.",
                &crate::qa::placeholder::Placeholders::default()
            )[0]
            .message_id,
            "qa-code-span-missing"
        );
    }

    #[test]
    fn a_source_word_kept_and_set_in_italics_is_not_a_markup_difference() {
        let source = "using the tactics dubbed lawfare – a form of warfare";
        let (_, markup) = check(
            source,
            "en recourant aux tactiques dites de guerre juridique (*lawfare*)",
        );
        assert!(markup.is_empty(), "{markup:?}");
        let (_, markup) = check(
            source,
            "empleando las tácticas conocidas como *lawfare*: una forma",
        );
        assert!(markup.is_empty(), "{markup:?}");
        // Emphasis around a translated word is still extra.
        let (_, markup) = check(source, "les tactiques dites de *guerre juridique*");
        assert_eq!(markup.len(), 1);
        // And emphasis the source has must stay.
        let (_, markup) = check("the *lawfare* tactics", "las tácticas de lawfare");
        assert_eq!(markup.len(), 1);
    }

    #[test]
    fn plain_prose_has_no_structure() {
        assert_eq!(
            structure("Plain words, 60 deaths.", Definitions::none()),
            Structure::default()
        );
        let (links, markup) = check("Plain words.", "Des mots.");
        assert!(links.is_empty() && markup.is_empty());
    }

    #[test]
    fn reference_links_resolve_against_their_pages_definitions() {
        // The source refers to a definition elsewhere in its page; the translator wrote the
        // link inline, to the same destination (the Node.js guides do).
        let source = "There are other options too, so consult the [API reference][].";
        let target = "Il existe d'autres options, voir la [référence de l'API](https://nodejs.org/api/http.html).";
        let page = Definitions::of("Text.\n\n[API reference]: https://nodejs.org/api/http.html\n");
        let (links, markup) = check_with(source, target, &page, &page);
        assert!(
            links.is_empty() && markup.is_empty(),
            "{links:?} {markup:?}"
        );
        // Resolved against the translation's own page: one that lacks the definition shows
        // no link, and loses it.
        let (links, markup) = check_with(source, source, &page, Definitions::none());
        assert_eq!(codes(&links), ["qa-links-missing"]);
        assert_eq!(codes(&markup), ["qa-markup"]);
        // A destination changed in the translation is still found.
        let (links, _) = check_with(
            source,
            "Voir la [référence](https://nodejs.org/fr/api/http.html).",
            &page,
            &page,
        );
        assert_eq!(codes(&links), ["qa-links-missing", "qa-links-extra"]);
    }
}
