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

#[cfg(test)]
mod tests {
    use super::*;

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
