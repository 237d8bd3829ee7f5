//! Text folded for searching: lower case and without accents, so that `etat`, `État` and
//! `ÉTAT` find one another, with the way back from each folded byte to the text it came
//! from, so that a match can be shown in the text as written.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// A text folded for searching, and where each of its bytes comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded text: lower case, decomposed, combining marks dropped.
    pub text: String,
    /// For each byte of `text`, the byte range of the character of the original it comes
    /// from.
    origin: Vec<(usize, usize)>,
}

/// Appends the folded form of `c` to `out`.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
        out.extend(d.to_lowercase());
    }
}

/// `text` folded: lower case, accents and other combining marks dropped.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// `text` folded as [`fold`] does, every run of white space made one space: a paragraph's
/// words as they read whatever its line breaks, for finding a text in a whole file. Fast on
/// ASCII, which most of a file is: a byte at a time.
#[must_use]
pub fn fold_words(text: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut space = false;
    let mut folded = String::new();
    let mut rest = text;
    while let Some(&b) = rest.as_bytes().first() {
        let (c, len) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            let c = rest.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            (c, c.len_utf8())
        };
        rest = &rest[len..];
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(b' ');
        }
        space = false;
        if b.is_ascii() {
            out.push(b.to_ascii_lowercase());
        } else {
            folded.clear();
            fold_char(c, &mut folded);
            out.extend_from_slice(folded.as_bytes());
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

impl Folded {
    /// Folds `text`, remembering where each folded byte comes from.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (at, c) in text.char_indices() {
            let before = folded.len();
            fold_char(c, &mut folded);
            let end = at + c.len_utf8();
            if folded.len() == before {
                // A mark that folds to nothing belongs with the character before it.
                if let Some(&(start, _)) = origin.last() {
                    for o in origin.iter_mut().rev().take_while(|o| o.0 == start) {
                        o.1 = end;
                    }
                }
            }
            origin.extend(std::iter::repeat_n((at, end), folded.len() - before));
        }
        Self {
            text: folded,
            origin,
        }
    }

    /// The byte ranges of the original text where `needle` (already folded) occurs, in
    /// order and never overlapping: each widened to whole characters of the original.
    #[must_use]
    pub fn find(&self, needle: &str) -> Vec<(usize, usize)> {
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        if needle.is_empty() {
            return ranges;
        }
        for (start, found) in self.text.match_indices(needle) {
            let from = self.origin[start].0;
            let to = self.origin[start + found.len() - 1].1;
            match ranges.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => ranges.push((from, to)),
            }
        }
        ranges
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, needle: &str, found: &[&str]) {
        let folded = Folded::new(text);
        let got: Vec<&str> = folded
            .find(&fold(needle))
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(got, found);
    }

    #[test]
    fn case_and_accents_fold_and_matches_map_back_to_the_text() {
        assert_eq!(fold("ÉTAT Été"), "etat ete");
        assert_eq!(fold_words("  Un\n  ÉTAT\r\n\tÉté "), "un etat ete");
        case("L’État et l’état", "etat", &["État", "état"]);
        case("Perú y PERU", "perú", &["Perú", "PERU"]);
        // A decomposed accent is found as a composed one, and shown whole.
        case("cafe\u{301} noir", "café", &["cafe\u{301}"]);
        case("nothing here", "peru", &[]);
        case("aaa", "aa", &["aa"]);
    }
}
