//! `length`: a translation far shorter or far longer than its source, for the language pair.
//! It catches a dropped or duplicated sentence. Short segments (headings, bylines) vary too
//! much to judge and are skipped. Link destinations are not text a reader sees: they do not
//! count, so that a link written inline in one text and by reference in the other, or a
//! long URL, tips nothing.

use crate::model::lang::Lang;
use crate::model::lengthalign::count_outside_destinations;
use crate::qa::{Check, Finding};

/// Segments shorter than this many characters are not judged.
pub const MIN_SOURCE_CHARS: usize = 80;

/// The usual length of a translation from English relative to its source.
fn expected_ratio(lang: &Lang) -> f64 {
    match lang.as_str().split('-').next().unwrap_or("") {
        "fr" => 1.15,
        "es" => 1.12,
        _ => 1.0,
    }
}

/// The length of `text` as the check counts it: characters a reader sees, link destinations
/// left out.
#[must_use]
pub fn visible_len(text: &str) -> usize {
    count_outside_destinations(text, |_| true)
}

/// The lengths a translation of `source` into `lang` may have without a finding, inclusive:
/// none when the source is too short to judge.
#[must_use]
pub fn bounds(source: &str, lang: &Lang) -> Option<(usize, usize)> {
    let s = visible_len(source);
    if s < MIN_SOURCE_CHARS {
        return None;
    }
    // From the estimate, step to the exact edges of what `verdict` accepts, so that the
    // bounds never disagree with the check by a rounding.
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "segment lengths stay far below 2^52"
    )]
    let near = |ratio: f64| (s as f64 * expected_ratio(lang) * ratio) as usize;
    let mut min = near(0.7);
    while min > 0 && verdict(s, min - 1, lang).is_none() {
        min -= 1;
    }
    while verdict(s, min, lang).is_some() {
        min += 1;
    }
    let mut max = near(1.5).max(min);
    while verdict(s, max + 1, lang).is_none() {
        max += 1;
    }
    while max > min && verdict(s, max, lang).is_some() {
        max -= 1;
    }
    Some((min, max))
}

/// The message of a translation of visible length `t` for a source of visible length `s`:
/// none when the ratio is within bounds.
fn verdict(s: usize, t: usize, lang: &Lang) -> Option<&'static str> {
    #[allow(
        clippy::cast_precision_loss,
        reason = "segment lengths stay far below 2^52"
    )]
    let ratio = t as f64 / (s as f64 * expected_ratio(lang));
    if ratio < 0.7 {
        Some("qa-length-short")
    } else if ratio > 1.5 {
        Some("qa-length-long")
    } else {
        None
    }
}

/// A finding when `target` is under 70% or over 150% of the length expected from `source`:
/// professional translations of the sample stay within 86–105%, and a paragraph that lost one
/// sentence of three falls to about 60%.
#[must_use]
pub fn check(source: &str, target: &str, lang: &Lang) -> Vec<Finding> {
    let s = visible_len(source);
    if s < MIN_SOURCE_CHARS {
        return Vec::new();
    }
    let t = visible_len(target);
    let Some(id) = verdict(s, t, lang) else {
        return Vec::new();
    };
    #[allow(
        clippy::cast_precision_loss,
        reason = "segment lengths stay far below 2^52"
    )]
    let ratio = t as f64 / (s as f64 * expected_ratio(lang));
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a rounded percentage"
    )]
    let percent = (ratio * 100.0).round() as u64;
    vec![
        Finding::new(Check::Length, id)
            .arg("percent", percent.to_string())
            .arg("source", s.to_string())
            .arg("target", t.to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_sentence_is_too_short_a_tripled_one_too_long() {
        let fr = Lang::parse("fr").expect("fr");
        let source = "The people categorically reject the dismissal. They are calling to shut down Congress and for fresh legislative elections to be held without delay.";
        let good = "Le peuple rejette catégoriquement la destitution. Il réclame la fermeture du Congrès et la tenue sans délai de nouvelles élections législatives.";
        assert!(check(source, good, &fr).is_empty());
        assert_eq!(
            check(
                source,
                "Le peuple rejette catégoriquement la destitution.",
                &fr
            )[0]
            .message_id,
            "qa-length-short"
        );
        assert_eq!(
            check(source, &format!("{good} {good} {good}"), &fr)[0].message_id,
            "qa-length-long"
        );
        assert!(check("Short heading", "Titre", &fr).is_empty());
    }

    #[test]
    fn bounds_are_where_findings_start() {
        let fr = Lang::parse("fr").expect("fr");
        let source = "The people categorically reject the dismissal. They are calling to shut down Congress and for fresh legislative elections to be held without delay.";
        let (min, max) = bounds(source, &fr).expect("long enough");
        for (len, found) in [(min - 1, true), (min, false), (max, false), (max + 1, true)] {
            let target = "a".repeat(len);
            assert_eq!(!check(source, &target, &fr).is_empty(), found, "{len}");
        }
        assert_eq!(bounds("Short heading", &fr), None);
    }

    #[test]
    fn link_destinations_do_not_count() {
        // The Node.js guide's English refers to a definition; the Spanish writes the link
        // inline, to a long URL: 170% with the URL, about 90% without.
        let es = Lang::parse("es").expect("es");
        let source = "If some of this language is unfamiliar, there is a full article on [Blocking vs. Non-Blocking][].";
        let target = "Si alguno de estos términos no le es familiar, hay un artículo completo en [Blocking vs Non-Blocking](https://github.com/nodejs/node/blob/master/doc/topics/blocking-vs-non-blocking.md).";
        assert_eq!(check(source, target, &es), []);
        // The text around the link still counts.
        assert_eq!(
            check(source, "Hay un [artículo](https://github.com/nodejs/node/blob/master/doc/topics/blocking-vs-non-blocking.md).", &es)[0].message_id,
            "qa-length-short"
        );
    }
}
