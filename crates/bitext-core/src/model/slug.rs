//! Article names: an article's path below the sources folder, without its extension
//! (`harbour`, `2024/spring`, `docs/guides/Getting Started`).

use std::fmt;
use std::path::{Component, Path};

use crate::error::{Error, Result};

/// The longest article name accepted, in bytes.
const MAX_LEN: usize = 1024;

/// A validated article name, also the path of its source and translation files below their
/// folders, without the extension. Folders are separated by `/` on every system.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(String);

impl Slug {
    /// Validates `raw` as an article name.
    ///
    /// # Errors
    /// [`Error::InvalidSlug`] for a name that cannot be a path below the sources folder.
    pub fn parse(raw: &str) -> Result<Self> {
        if Self::is_valid(raw) {
            Ok(Self(raw.to_owned()))
        } else {
            Err(Error::InvalidSlug {
                slug: raw.to_owned(),
            })
        }
    }

    /// Returns true if and only if `raw` is a relative path of names separated by `/`, none
    /// of them empty, `.` or `..`, with no control character and no leading or trailing
    /// white space: any name a file system and git allow, capitals, spaces and accents
    /// included, and nothing that could lead out of a folder.
    #[must_use]
    pub fn is_valid(raw: &str) -> bool {
        !raw.is_empty()
            && raw.len() <= MAX_LEN
            && raw.split('/').all(|part| {
                !part.is_empty()
                    && part != "."
                    && part != ".."
                    && part.trim() == part
                    && !part.chars().any(char::is_control)
            })
    }

    /// Returns true if and only if `raw` is a non-empty run of `[a-z0-9-]`: the names of
    /// editions, which become single file names.
    #[must_use]
    pub fn is_plain(raw: &str) -> bool {
        !raw.is_empty()
            && raw.len() <= 200
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    /// The article named by `path`, a file's path below the sources folder (or a translation
    /// folder) with its extension removed; `None` if it is not UTF-8 or not a valid name.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let mut parts = Vec::new();
        for component in path.components() {
            match component {
                Component::Normal(part) => parts.push(part.to_str()?),
                _ => return None,
            }
        }
        Self::parse(&parts.join("/")).ok()
    }

    /// The slug as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The slug as a relative path, with `ext` appended to its last name.
    #[must_use]
    pub fn with_extension(&self, ext: &str) -> std::path::PathBuf {
        let mut path: std::path::PathBuf = self.0.split('/').collect();
        let mut name = path.file_name().unwrap_or_default().to_owned();
        name.push(".");
        name.push(ext);
        path.set_file_name(name);
        path
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
    fn articles_are_relative_paths_of_any_names() {
        for good in [
            "a",
            "no-to-canadas-interference-in-peru",
            "2024/spring",
            "docs/guides/Getting_Started",
            "Año nuevo/Café au lait",
            "a.md",
            "日本/記事",
            "back\\slash",
        ] {
            assert!(Slug::is_valid(good), "{good}");
        }
        for bad in [
            "", "../x", "a/../b", "./a", "/a", "a/", "a//b", " a", "a ", "a\nb", "a\tb",
        ] {
            assert!(!Slug::is_valid(bad), "{bad:?}");
        }
        assert!(!Slug::is_valid(&"a".repeat(MAX_LEN + 1)));
    }

    #[test]
    fn a_path_names_its_article_and_back() {
        let slug = Slug::from_path(Path::new("guides/Getting Started")).expect("slug");
        assert_eq!(slug.as_str(), "guides/Getting Started");
        assert_eq!(
            slug.with_extension("json"),
            Path::new("guides").join("Getting Started.json")
        );
        assert!(Slug::from_path(Path::new("../a")).is_none());
        assert!(Slug::from_path(Path::new("/a")).is_none());
    }

    #[test]
    fn only_lowercase_ascii_digits_and_hyphens_are_plain() {
        for good in ["a", "spring-2024"] {
            assert!(Slug::is_plain(good), "{good}");
        }
        for bad in ["", "a/b", "Upper", "with space", "é", "a_b"] {
            assert!(!Slug::is_plain(bad), "{bad}");
        }
    }
}
