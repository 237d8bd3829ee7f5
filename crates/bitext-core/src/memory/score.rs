//! Fuzzy match scores, as translators' tools grade them: 100 for the same text, below it a
//! word-level edit distance in which words weigh four times as much as punctuation, Markdown
//! markers and inline tags.
//!
//! The distance is a weighted Levenshtein distance over tokens; the score is the share of the
//! longer text's weight left untouched. A case-only change costs a quarter of a word. Two
//! different texts never score 100, however small the difference.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::words::{TokenKind, tokens};

/// Weight of a word.
pub(crate) const WORD: u32 = 4;
/// Weight of a punctuation character, a Markdown marker or an inline tag.
const MARK: u32 = 1;
/// Cost of changing only the case of a word.
const CASE: u32 = 1;

/// A token as the score sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Its weight: [`WORD`] or [`MARK`].
    pub weight: u32,
}

/// Splits `text` into scored tokens: words, single punctuation characters, and whole inline
/// tags (`<b>`, `</a>`) and link destinations (`](https://...)`), which count as one mark.
#[must_use]
pub fn scored_tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(len) = tag_len(rest) {
            out.push(Token {
                text: &rest[..len],
                weight: MARK,
            });
            rest = &rest[len..];
            continue;
        }
        let Some((token, kind)) = tokens(rest).next() else {
            break;
        };
        match kind {
            TokenKind::Word => out.push(Token {
                text: token,
                weight: WORD,
            }),
            TokenKind::Punct => out.push(Token {
                text: token,
                weight: MARK,
            }),
            TokenKind::Space => {}
        }
        rest = &rest[token.len()..];
    }
    out
}

/// Length of an inline tag or link destination at the start of `text`, if there is one.
fn tag_len(text: &str) -> Option<usize> {
    let (open, close) = if text.starts_with("](") {
        ("](", ')')
    } else if text.starts_with('<') {
        ("<", '>')
    } else {
        return None;
    };
    let body = &text[open.len()..];
    let end = body.find(close)?;
    let inner = &body[..end];
    let plausible = !inner.is_empty()
        && inner.len() <= 200
        && !inner.contains('\n')
        && (open == "](" || !inner.starts_with(char::is_whitespace));
    plausible.then_some(open.len() + end + close.len_utf8())
}

/// A small multiplicative hasher for the few hundred short strings of one comparison, where
/// std's keyed hasher costs more than the table itself.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// The weighted edit distance between two token sequences.
#[must_use]
pub fn distance<'t>(a: &[Token<'t>], b: &[Token<'t>]) -> u32 {
    distance_within(a, b, u32::MAX).unwrap_or(u32::MAX)
}

/// The weighted edit distance between two token sequences if it is at most `max`; `None`
/// as soon as a row of the table shows it cannot be (every path crosses every row, and costs
/// only add up).
#[must_use]
pub fn distance_within<'t>(a: &[Token<'t>], b: &[Token<'t>], max: u32) -> Option<u32> {
    // Every token numbered by its text and, for words, by its text case folded, so that the
    // table compares numbers: folding each pair of words anew would cost more than the rest.
    let mut exact: FxMap<&'t str, u32> = FxMap::default();
    let mut folded: FxMap<Cow<'t, str>, u32> = FxMap::default();
    let mut number = |t: &Token<'t>| {
        let next = u32::try_from(exact.len()).unwrap_or(u32::MAX);
        let e = *exact.entry(t.text).or_insert(next);
        let f = if t.weight == WORD {
            let next = u32::try_from(folded.len() + 1).unwrap_or(u32::MAX);
            *folded.entry(fold(t.text)).or_insert(next)
        } else {
            0
        };
        (e, f, t.weight)
    };
    let a: Vec<(u32, u32, u32)> = a.iter().map(&mut number).collect();
    let b: Vec<(u32, u32, u32)> = b.iter().map(&mut number).collect();
    let mut prev: Vec<u32> = std::iter::once(0)
        .chain(b.iter().scan(0, |sum, t| {
            *sum += t.2;
            Some(*sum)
        }))
        .collect();
    let mut row = vec![0; b.len() + 1];
    for &(xe, xf, xw) in &a {
        row[0] = prev[0] + xw;
        let mut least = row[0];
        for (j, &(ye, yf, yw)) in b.iter().enumerate() {
            let substitute = if xe == ye {
                0
            } else if xf != 0 && xf == yf {
                // Two words that differ at most in case.
                CASE
            } else {
                xw.max(yw)
            };
            row[j + 1] = (prev[j] + substitute)
                .min(prev[j + 1] + xw)
                .min(row[j] + yw);
            least = least.min(row[j + 1]);
        }
        if least > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    Some(prev[b.len()]).filter(|&d| d <= max)
}

/// A word case folded, character by character, as the score compares words; borrowed when
/// it has nothing to fold.
fn fold(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.chars().flat_map(char::to_lowercase).collect())
    }
}

/// The match score of `candidate` for `text`, 0 to 100; 100 if and only if the texts are equal.
#[must_use]
pub fn score(text: &str, candidate: &str) -> u8 {
    if text == candidate {
        return 100;
    }
    score_tokens(&scored_tokens(text), candidate)
}

/// As [`score`] for two texts known to differ, `a` being the first one's
/// [`scored_tokens`]: a query is tokenised once for all the entries it is scored against.
#[must_use]
pub fn score_tokens(a: &[Token<'_>], candidate: &str) -> u8 {
    let b = scored_tokens(candidate);
    score_token_lists(a, &b)
}

/// As [`score_tokens`] when only a score of at least `min` matters: `None` for a lower one,
/// found without finishing the table when it falls short early.
#[must_use]
pub fn score_at_least(a: &[Token<'_>], candidate: &str, min: u8) -> Option<u8> {
    let b = scored_tokens(candidate);
    let total = weight(a).max(weight(&b));
    if total == 0 {
        return (min == 0).then_some(0);
    }
    // The score is at least `min` if and only if the distance is at most this.
    let needed = (u64::from(min) * u64::from(total)).div_ceil(100);
    let max = u32::try_from(u64::from(total).saturating_sub(needed)).unwrap_or(u32::MAX);
    let dist = distance_within(a, &b, max)?;
    let kept = u64::from(total.saturating_sub(dist));
    let pct = u8::try_from(kept * 100 / u64::from(total))
        .unwrap_or(100)
        .min(99);
    (pct >= min).then_some(pct)
}

/// As [`score`] for two texts known to differ, both already tokenised.
#[must_use]
pub fn score_token_lists(a: &[Token<'_>], b: &[Token<'_>]) -> u8 {
    let total = weight(a).max(weight(b));
    if total == 0 {
        return 0;
    }
    let kept = u64::from(total.saturating_sub(distance(a, b)));
    let pct = u8::try_from(kept * 100 / u64::from(total)).unwrap_or(100);
    pct.min(99)
}

/// The total weight of `tokens`.
#[must_use]
pub fn weight(tokens: &[Token<'_>]) -> u32 {
    tokens.iter().map(|t| t.weight).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(a: &str, b: &str, expected: u8) {
        assert_eq!(score(a, b), expected, "{a:?} / {b:?}");
        assert_eq!(score(b, a), expected, "symmetric: {b:?} / {a:?}");
    }

    #[test]
    fn identical_text_alone_scores_100() {
        case("The council met.", "The council met.", 100);
        case("The council met.", "The council met!", 92);
        case("The council met.", "the council met.", 92);
        case("The council met.", "The council met", 92);
        case("", "x", 0);
        // Case is folded character by character, beyond ASCII too.
        case("École du port.", "école du port.", 92);
        case("ÉCOLE DU PORT.", "école du port.", 76);
    }

    #[test]
    fn a_threshold_gives_the_same_score_or_none() {
        let texts = [
            "The council met on Monday to discuss the budget.",
            "The council met on Tuesday to discuss the budget.",
            "The mayor closed the old library.",
            "the COUNCIL met, on Monday; to discuss **the** budget!",
            "",
        ];
        for a in texts {
            for b in texts {
                if a == b {
                    continue;
                }
                let full = score(a, b);
                for min in [0, 30, 50, 75, 76, 90, 99, 100] {
                    let expected = (full >= min).then_some(full);
                    assert_eq!(
                        score_at_least(&scored_tokens(a), b, min),
                        expected,
                        "{a:?} / {b:?} at {min}"
                    );
                }
            }
        }
    }

    #[test]
    fn words_weigh_more_than_marks() {
        // One word of four changed costs more than bold markers around one of them.
        let word = score("The council met today.", "The mayor met today.");
        let markup = score("The council met today.", "The **council** met today.");
        assert!(word < markup, "{word} < {markup}");
        case("The council met today.", "The mayor met today.", 76);
        case("The council met today.", "The **council** met today.", 80);
        // A link's destination counts as one mark, however long.
        let link = score(
            "See [the report](https://example.org/a/very/long/path/to/the/report).",
            "See [the report](https://example.org/other).",
        );
        assert!(link >= 90, "{link}");
    }

    #[test]
    fn tags_and_links_are_single_tokens() {
        let texts: Vec<&str> = scored_tokens("a <b>bold</b> [x](http://y.z/w) end")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            texts,
            [
                "a",
                "<b>",
                "bold",
                "</b>",
                "[",
                "x",
                "](http://y.z/w)",
                "end"
            ]
        );
        let texts: Vec<&str> = scored_tokens("1 < 2 > 0").iter().map(|t| t.text).collect();
        assert_eq!(texts, ["1", "<", "2", ">", "0"]);
    }
}
