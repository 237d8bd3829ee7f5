//! Word-level diffs between the text a translation was made from and the current text.
//!
//! Tokens are words, single punctuation characters and white space ([`crate::model::words`]), so a
//! changed full stop shows as one changed token. When one long word replaces another that is
//! nearly the same, the diff goes down to characters, so `harbour` -> `harbor` shows the one
//! letter that went rather than two whole words.

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::model::words::{TokenKind, tokens};

/// What a chunk of a diff does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Text in both versions.
    Equal,
    /// Text only in the old version.
    Delete,
    /// Text only in the new version.
    Insert,
}

/// A run of text with one [`Op`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chunk {
    /// What the text is.
    pub op: Op,
    /// The text.
    pub text: String,
}

/// Shortest word length, in characters, at which a changed word is diffed by characters.
const CHAR_DIFF_MIN: usize = 5;

/// The word-level diff from `old` to `new`: chunks whose equal and deleted texts concatenate
/// to `old`, and whose equal and inserted texts concatenate to `new`.
#[must_use]
pub fn word_diff(old: &str, new: &str) -> Vec<Chunk> {
    let a: Vec<(&str, TokenKind)> = tokens(old).collect();
    let b: Vec<(&str, TokenKind)> = tokens(new).collect();
    let a_text: Vec<&str> = a.iter().map(|(t, _)| *t).collect();
    let b_text: Vec<&str> = b.iter().map(|(t, _)| *t).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a_text, &b_text) {
        let (_, old_range, new_range) = op.as_tag_tuple();
        let old_part: String = a_text[old_range.clone()].concat();
        let new_part: String = b_text[new_range.clone()].concat();
        match op {
            DiffOp::Equal { .. } => push(&mut out, Op::Equal, &old_part),
            DiffOp::Delete { .. } => push(&mut out, Op::Delete, &old_part),
            DiffOp::Insert { .. } => push(&mut out, Op::Insert, &new_part),
            DiffOp::Replace { .. } => {
                let one_word = |range: &std::ops::Range<usize>, side: &[(&str, TokenKind)]| {
                    range.len() == 1 && side[range.start].1 == TokenKind::Word
                };
                if one_word(&old_range, &a)
                    && one_word(&new_range, &b)
                    && close(&old_part, &new_part)
                {
                    char_diff(&mut out, &old_part, &new_part);
                } else {
                    push(&mut out, Op::Delete, &old_part);
                    push(&mut out, Op::Insert, &new_part);
                }
            }
        }
    }
    absorb_lone_spaces(out)
}

/// Returns true if and only if two words are long and mostly the same letters, so that a
/// character diff reads better than replacing the word.
fn close(old: &str, new: &str) -> bool {
    let (o, n): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    if o.len() < CHAR_DIFF_MIN || n.len() < CHAR_DIFF_MIN {
        return false;
    }
    let same: usize = capture_diff_slices(Algorithm::Myers, &o, &n)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    same * 4 >= (o.len() + n.len()) * 3 / 2
}

fn char_diff(out: &mut Vec<Chunk>, old: &str, new: &str) {
    let (o, n): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    for op in capture_diff_slices(Algorithm::Myers, &o, &n) {
        let (_, old_range, new_range) = op.as_tag_tuple();
        let old_part: String = o[old_range].iter().collect();
        let new_part: String = n[new_range].iter().collect();
        if !old_part.is_empty() && matches!(op, DiffOp::Equal { .. }) {
            push(out, Op::Equal, &old_part);
            continue;
        }
        push(out, Op::Delete, &old_part);
        push(out, Op::Insert, &new_part);
    }
}

fn push(out: &mut Vec<Chunk>, op: Op, text: &str) {
    if text.is_empty() {
        return;
    }
    // Keep deletions before insertions within a change so the renderings read in order.
    if let Some(last) = out.last_mut()
        && last.op == op
    {
        last.text.push_str(text);
        return;
    }
    out.push(Chunk {
        op,
        text: text.to_owned(),
    });
}

/// Folds a white-space-only equal chunk between two changes into both of them, so that
/// `[-a-] [-b-]{+c+}` reads `[-a b-]{+c+}` as `git diff --word-diff` would show it.
fn absorb_lone_spaces(chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    let mut iter = chunks.into_iter().peekable();
    while let Some(chunk) = iter.next() {
        let between_changes = chunk.op == Op::Equal
            && chunk.text.chars().all(char::is_whitespace)
            && out.last().is_some_and(|c| c.op != Op::Equal)
            && iter.peek().is_some_and(|c| c.op != Op::Equal);
        if !between_changes {
            out.push(chunk);
            continue;
        }
        // Gather the change run before the space and after it into one delete and one insert.
        let mut deleted = String::new();
        let mut inserted = String::new();
        while let Some(prev) = out.pop_if(|c| c.op != Op::Equal) {
            match prev.op {
                Op::Delete => deleted.insert_str(0, &prev.text),
                _ => inserted.insert_str(0, &prev.text),
            }
        }
        deleted.push_str(&chunk.text);
        inserted.push_str(&chunk.text);
        while let Some(next) = iter.next_if(|c| c.op != Op::Equal) {
            match next.op {
                Op::Delete => deleted.push_str(&next.text),
                _ => inserted.push_str(&next.text),
            }
        }
        push(&mut out, Op::Delete, &deleted);
        push(&mut out, Op::Insert, &inserted);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(old: &str, new: &str) -> String {
        let chunks = word_diff(old, new);
        let old_back: String = chunks
            .iter()
            .filter(|c| c.op != Op::Insert)
            .map(|c| c.text.as_str())
            .collect();
        let new_back: String = chunks
            .iter()
            .filter(|c| c.op != Op::Delete)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(old_back, old);
        assert_eq!(new_back, new);
        chunks
            .iter()
            .map(|c| match c.op {
                Op::Equal => c.text.clone(),
                Op::Delete => format!("[-{}-]", c.text),
                Op::Insert => format!("{{+{}+}}", c.text),
            })
            .collect()
    }

    #[track_caller]
    fn case(old: &str, new: &str, expected: &str) {
        assert_eq!(marked(old, new), expected);
    }

    #[test]
    fn diffs_show_words_punctuation_and_single_letters() {
        case("the dog.", "the dog!", "the dog[-.-]{+!+}");
        case(
            "over 60 deaths",
            "over 70 deaths",
            "over [-60-]{+70+} deaths",
        );
        case(
            "the old harbour wall",
            "the old harbor wall",
            "the old harbo[-u-]r wall",
        );
        case("a b c", "a x y c", "a [-b-]{+x y+} c");
        case("same", "same", "same");
        case("", "new text", "{+new text+}");
        case("gone", "", "[-gone-]");
        case(
            "one two three four",
            "one five six four",
            "one [-two three-]{+five six+} four",
        );
    }
}
