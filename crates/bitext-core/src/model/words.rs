//! Word tokens, shared by alignment (which compares words) and diffs (which show them).
//!
//! A token is a run of letters and digits (a word), a single other visible character
//! (punctuation, so that `dog.` and `dog!` differ in one token), or a run of white space.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits.
    Word,
    /// One visible character that is not a letter or digit.
    Punct,
    /// White space.
    Space,
}

/// Splits `text` into tokens; concatenating them gives `text` back.
pub fn tokens(text: &str) -> impl Iterator<Item = (&str, TokenKind)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let kind = kind_of(first);
        let len = match kind {
            TokenKind::Punct => first.len_utf8(),
            TokenKind::Word | TokenKind::Space => rest
                .char_indices()
                .find(|(_, c)| kind_of(*c) != kind)
                .map_or(rest.len(), |(i, _)| i),
        };
        let (token, tail) = rest.split_at(len);
        rest = tail;
        Some((token, kind))
    })
}

fn kind_of(c: char) -> TokenKind {
    if c.is_alphanumeric() {
        TokenKind::Word
    } else if c.is_whitespace() {
        TokenKind::Space
    } else {
        TokenKind::Punct
    }
}

/// The first words of `text`, at most `max` characters, with ` ...` when cut.
#[must_use]
pub fn excerpt(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > max / 2)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{} ...", at_word.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_the_text_and_split_punctuation() {
        let text = "Peru,\u{a0}the dog!  Ça va?";
        let found: Vec<(&str, TokenKind)> = tokens(text).collect();
        assert_eq!(found.iter().map(|(t, _)| *t).collect::<String>(), text);
        assert_eq!(
            found.iter().map(|(t, _)| *t).collect::<Vec<_>>(),
            [
                "Peru", ",", "\u{a0}", "the", " ", "dog", "!", "  ", "Ça", " ", "va", "?"
            ]
        );
        assert_eq!(found[0].1, TokenKind::Word);
        assert_eq!(found[1].1, TokenKind::Punct);
        assert_eq!(found[2].1, TokenKind::Space);
        assert_eq!(tokens("").count(), 0);
    }

    #[test]
    fn excerpts_cut_at_a_word_and_flatten_breaks() {
        assert_eq!(excerpt("short", 60), "short");
        assert_eq!(excerpt("a\\\nb", 60), "a\\ b");
        let long = "Matters of Concern Around the World and a great deal more text here";
        assert_eq!(excerpt(long, 30), "Matters of Concern Around the ...");
    }
}
