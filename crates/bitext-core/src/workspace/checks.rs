//! The quality checks `bitext.toml` can name, by their stable codes, and the level each one
//! runs at (`[qa]`, per language with `[qa.<lang>]`). The checks themselves are
//! [`crate::qa`]'s; the configuration only needs their names.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::lang::Lang;

/// Every check bitext runs, by its stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// Every number of the source is in the target, in one of the target locale's forms.
    Numbers,
    /// The same link targets and e-mail addresses, the same number of times.
    Links,
    /// Emphasis, strong, links and images: the source's counts.
    Markup,
    /// Inline code kept as it is but for its placeholders; no placeholder dropped or added.
    Code,
    /// The target is the source text, or holds bitext's untranslated marker.
    Untranslated,
    /// French: a no-break space before `; : ! ?` and inside `« »`, none before `, .`.
    FrSpacing,
    /// Spanish: `¿ ¡` opening every `? !`, and the reverse.
    EsInverted,
    /// Apostrophes and quotation marks used consistently within an article.
    Quotes,
    /// Double, leading or trailing spaces.
    Whitespace,
    /// The source ends with `?` (or `!`, `:`, `.`) and the target does not.
    EndPunctuation,
    /// The same source text translated differently elsewhere, or one translation for
    /// different sources.
    Inconsistent,
    /// The glossary's required and forbidden terms.
    Glossary,
    /// A target far shorter or longer than the source.
    Length,
}

impl Check {
    /// Every check, in the order findings are reported.
    pub const ALL: [Check; 13] = [
        Check::Numbers,
        Check::Links,
        Check::Markup,
        Check::Code,
        Check::Untranslated,
        Check::FrSpacing,
        Check::EsInverted,
        Check::Quotes,
        Check::Whitespace,
        Check::EndPunctuation,
        Check::Inconsistent,
        Check::Glossary,
        Check::Length,
    ];

    /// The stable code, as in `bitext.toml`, JSON and Fluent ids.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Check::Numbers => "numbers",
            Check::Links => "links",
            Check::Markup => "markup",
            Check::Code => "code",
            Check::Untranslated => "untranslated",
            Check::FrSpacing => "fr-spacing",
            Check::EsInverted => "es-inverted",
            Check::Quotes => "quotes",
            Check::Whitespace => "whitespace",
            Check::EndPunctuation => "end-punctuation",
            Check::Inconsistent => "inconsistent",
            Check::Glossary => "glossary",
            Check::Length => "length",
        }
    }

    /// The check with this code.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The level when `bitext.toml` says nothing.
    #[must_use]
    pub fn default_level(self) -> Level {
        match self {
            Check::Numbers | Check::Links | Check::Markup | Check::Code | Check::Glossary => {
                Level::Error
            }
            _ => Level::Warning,
        }
    }
}

/// How much a finding of a check matters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not run.
    #[default]
    Off,
    /// Reported; never fails anything.
    Warning,
    /// Fails `qa` and `check`, stops `accept`.
    Error,
}

impl Level {
    /// The level's name in `bitext.toml` and JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    fn parse(raw: &str) -> Option<Self> {
        match raw {
            "off" => Some(Level::Off),
            "warning" => Some(Level::Warning),
            "error" => Some(Level::Error),
            _ => None,
        }
    }
}

/// The levels configured in the `[qa]` table of `bitext.toml`:
///
/// ```toml
/// [qa]
/// length = "off"            # every language
/// [qa.es-419]
/// glossary = "warning"      # one language (and its regional variants)
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Levels {
    all: BTreeMap<Check, Level>,
    per_lang: Vec<(Lang, BTreeMap<Check, Level>)>,
    /// The placeholder syntaxes (`placeholders = [...]`), for the code check, the pairing of
    /// imports and the memory.
    pub placeholders: crate::model::placeholder::Placeholders,
}

impl Levels {
    /// Reads the `[qa]` table. `text` is the whole project file at `path`, for line numbers.
    ///
    /// # Errors
    /// An unknown check name, an unknown level, or a language table with an invalid tag, as
    /// [`Error::QaConfig`] naming the file and line.
    pub fn from_table(path: &Path, text: &str, table: &toml::Table) -> Result<Self> {
        let mut levels = Levels::default();
        for (key, value) in table {
            match value {
                toml::Value::Array(entries) if key == "placeholders" => {
                    levels.placeholders = placeholders(path, text, entries)?;
                }
                toml::Value::Table(inner) => {
                    let lang = Lang::parse(key).map_err(|error| {
                        let (line, column) = line_of_table(text, key);
                        Error::ConfigValue {
                            path: path.to_owned(),
                            line,
                            column,
                            error: Box::new(error),
                        }
                    })?;
                    let mut map = BTreeMap::new();
                    for (check, value) in inner {
                        let (check, level) = parse_entry(path, text, check, value)?;
                        map.insert(check, level);
                    }
                    levels.per_lang.push((lang, map));
                }
                _ => {
                    let (check, level) = parse_entry(path, text, key, value)?;
                    levels.all.insert(check, level);
                }
            }
        }
        Ok(levels)
    }

    /// The level of `check` in `lang`: the most specific language table that sets it
    /// (`es-419`, then `es`), then the `[qa]` table, then the check's default. French spacing
    /// is off outside French and Spanish marks outside Spanish.
    #[must_use]
    pub fn level(&self, check: Check, lang: &Lang) -> Level {
        let language = lang.as_str().split('-').next().unwrap_or("");
        match check {
            Check::FrSpacing if language != "fr" => return Level::Off,
            Check::EsInverted if language != "es" => return Level::Off,
            _ => {}
        }
        let mut best: Option<(usize, Level)> = None;
        for (tag, map) in &self.per_lang {
            let tag = tag.as_str();
            let applies = lang.as_str() == tag
                || lang
                    .as_str()
                    .strip_prefix(tag)
                    .is_some_and(|rest| rest.starts_with('-'));
            if let (true, Some(level)) = (applies, map.get(&check))
                && best.is_none_or(|(len, _)| tag.len() > len)
            {
                best = Some((tag.len(), *level));
            }
        }
        best.map(|(_, l)| l)
            .or_else(|| self.all.get(&check).copied())
            .unwrap_or_else(|| check.default_level())
    }
}

/// The placeholder syntaxes of `placeholders = [...]`.
fn placeholders(
    path: &Path,
    text: &str,
    entries: &[toml::Value],
) -> Result<crate::model::placeholder::Placeholders> {
    let (line, column) = line_of_key(text, "placeholders");
    let wrong = |value: String| Error::QaConfig {
        path: path.to_owned(),
        line,
        column,
        detail: crate::t!("qa-config-placeholder", value = &value),
    };
    let entries = entries
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_owned)
                .ok_or_else(|| wrong(v.to_string()))
        })
        .collect::<Result<Vec<String>>>()?;
    crate::model::placeholder::Placeholders::parse(&entries).map_err(wrong)
}

fn parse_entry(path: &Path, text: &str, key: &str, value: &toml::Value) -> Result<(Check, Level)> {
    let (line, column) = line_of_key(text, key);
    let check = Check::from_code(key).ok_or_else(|| Error::QaConfig {
        path: path.to_owned(),
        line,
        column,
        detail: crate::t!(
            "qa-config-unknown-check",
            name = key,
            checks = &Check::ALL.map(Check::code).join(", ")
        ),
    })?;
    let level = value
        .as_str()
        .and_then(Level::parse)
        .ok_or_else(|| Error::QaConfig {
            path: path.to_owned(),
            line,
            column,
            detail: crate::t!(
                "qa-config-unknown-level",
                name = key,
                value = &value.to_string()
            ),
        })?;
    Ok((check, level))
}

/// The 1-based line and column of the header `[qa.<key>]` (the key's first character), or
/// of `key = ...` in the `[qa]` table when written `[qa] <key> = {...}`; (1, 1) if not found.
fn line_of_table(text: &str, key: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        let squeezed: String = line
            .split('#')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let named = squeezed
            .strip_prefix("[qa.")
            .and_then(|rest| rest.strip_suffix(']'))
            .map(|name| name.trim_matches('"'));
        if named == Some(key)
            && let Some(at) = line.find(key)
        {
            return (i + 1, line[..at].chars().count() + 1);
        }
    }
    line_of_key(text, key)
}

/// The 1-based line and column (of the key's first character) where `key = ...` appears in
/// the `[qa]` part of the file ((1, 1) if not found).
fn line_of_key(text: &str, key: &str) -> (usize, usize) {
    let mut in_qa = false;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_qa = trimmed.starts_with("[qa");
            continue;
        }
        let name = trimmed
            .split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        if in_qa
            && name == key
            && let Some(at) = line.find(key)
        {
            return (i + 1, line[..at].chars().count() + 1);
        }
    }
    (1, 1)
}
