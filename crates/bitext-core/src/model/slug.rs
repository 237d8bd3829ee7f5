//! Article names: `[a-z0-9-]+`, so that a slug is always a safe single path component.

use std::fmt;

use crate::error::{Error, Result};

/// A validated article name, also the stem of its source and translation files.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(String);

impl Slug {
    /// Validates `raw` as a slug.
    ///
    /// # Errors
    /// [`Error::InvalidSlug`] for anything but lowercase ASCII letters, digits and hyphens.
    pub fn parse(raw: &str) -> Result<Self> {
        if Self::is_valid(raw) {
            Ok(Self(raw.to_owned()))
        } else {
            Err(Error::InvalidSlug {
                slug: raw.to_owned(),
            })
        }
    }

    /// Returns true if and only if `raw` is a non-empty run of `[a-z0-9-]`.
    #[must_use]
    pub fn is_valid(raw: &str) -> bool {
        !raw.is_empty()
            && raw.len() <= 200
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    /// The slug as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The candidate closest to `name`, to suggest when `name` names nothing: the one fewest
/// edits away (insertions, deletions, substitutions of characters, case ignored), if that is
/// at most a third of the longer of the two names. Never `name` itself.
#[must_use]
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let raw = name;
    let name: Vec<char> = name.to_lowercase().chars().collect();
    candidates
        .into_iter()
        .filter(|c| *c != raw)
        .map(|c| {
            let other: Vec<char> = c.to_lowercase().chars().collect();
            (edits(&name, &other), name.len().max(other.len()), c)
        })
        .filter(|&(d, longest, _)| d * 3 <= longest.max(3))
        .min_by_key(|&(d, _, c)| (d, c))
        .map(|(_, _, c)| c)
}

/// The Levenshtein distance between `a` and `b`.
fn edits(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(x != y))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_name_is_suggested_only_when_close() {
        let names = ["harbour", "council-budget", "festival"];
        assert_eq!(closest("harbor", names), Some("harbour"));
        assert_eq!(
            closest("Harbour", names),
            Some("harbour"),
            "case is one name"
        );
        assert_eq!(closest("council-budgets", names), Some("council-budget"));
        assert_eq!(closest("weather", names), None);
        assert_eq!(closest("harbour", ["harbour"]), None, "the name itself");
    }

    #[test]
    fn only_lowercase_ascii_digits_and_hyphens_are_slugs() {
        for good in ["a", "no-to-canadas-interference-in-peru", "2023-02"] {
            assert!(Slug::is_valid(good), "{good}");
        }
        for bad in ["", "../x", "a/b", "Upper", "with space", "é", "a.md", "a_b"] {
            assert!(!Slug::is_valid(bad), "{bad}");
        }
    }
}
