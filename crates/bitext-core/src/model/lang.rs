//! Language tags: BCP 47, parsed and canonicalised with unic-langid (`es_419` -> `es-419`).

use std::fmt;

use unic_langid::LanguageIdentifier;

use crate::error::{Error, Result};

/// A canonical language tag such as `fr`, `es` or `es-419`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(String);

impl Lang {
    /// Parses and canonicalises `raw`.
    ///
    /// Variant subtags are refused: they name orthographies and dialects that no workspace
    /// needs as a separate target, and they are how nonsense like `xx-INVALID-999999` parses.
    ///
    /// # Errors
    /// [`Error::InvalidLang`] naming the tag.
    pub fn parse(raw: &str) -> Result<Self> {
        let invalid = || Error::InvalidLang {
            tag: raw.to_owned(),
        };
        if raw.is_empty() || raw.len() > 35 || !raw.is_ascii() {
            return Err(invalid());
        }
        let id: LanguageIdentifier = raw.parse().map_err(|_| invalid())?;
        // BCP 47 reserves language subtags of four letters and registers none of five to
        // eight: `french` or `english` is a name, not a tag.
        if id.variants().len() > 0 || id.language.is_empty() || id.language.as_str().len() > 3 {
            return Err(invalid());
        }
        Ok(Self(id.to_string()))
    }

    /// The canonical tag.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The next more general tag: `es-419` -> `es`, `zh-Hant-TW` -> `zh-Hant` -> `zh`;
    /// `None` for a bare language.
    #[must_use]
    pub fn parent(&self) -> Option<Self> {
        let (rest, _) = self.0.rsplit_once('-')?;
        Some(Self(rest.to_owned()))
    }

    /// The language identifier, for locale-aware formatting.
    #[must_use]
    pub fn id(&self) -> LanguageIdentifier {
        self.0.parse().unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(raw: &str, expected: Option<&str>) {
        let parsed = Lang::parse(raw).ok();
        assert_eq!(parsed.as_ref().map(Lang::as_str), expected, "{raw}");
    }

    #[test]
    fn tags_are_canonicalised_or_refused() {
        case("fr", Some("fr"));
        case("es_419", Some("es-419"));
        case("ES-419", Some("es-419"));
        case("pt-br", Some("pt-BR"));
        case("zh-hant-tw", Some("zh-Hant-TW"));
        case("xx-INVALID-999999", None);
        case("", None);
        case("und", None);
        case("fr/../x", None);
        case("français", None);
    }

    #[test]
    fn parents_drop_the_last_subtag() {
        let chain: Vec<String> =
            std::iter::successors(Lang::parse("zh-Hant-TW").ok(), Lang::parent)
                .map(|l| l.to_string())
                .collect();
        assert_eq!(chain, ["zh-Hant-TW", "zh-Hant", "zh"]);
        assert_eq!(
            Lang::parse("es-419")
                .ok()
                .and_then(|l| l.parent())
                .map(|l| l.to_string())
                .as_deref(),
            Some("es")
        );
    }
}
