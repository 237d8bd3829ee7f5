//! `bitext.toml`: the source language, the target languages and the editions.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result, line_column};
use crate::t;
use crate::workspace::lang::Lang;
use crate::workspace::slug::Slug;

/// The name of the project file that marks a workspace's root.
pub const CONFIG_FILE: &str = "bitext.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    source: String,
    targets: Vec<String>,
    #[serde(default)]
    edition: Vec<RawEdition>,
    #[serde(default)]
    qa: Option<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEdition {
    id: String,
    volume: u32,
    number: u32,
    date: String,
    articles: Vec<String>,
}

/// A validated project file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The language articles are written in.
    pub source: Lang,
    /// The languages they are translated into, in the configured order.
    pub targets: Vec<Lang>,
    /// Issues of the publication, in the configured order.
    pub editions: Vec<Edition>,
    /// Levels of the quality checks, from the `[qa]` table.
    pub qa: crate::qa::Levels,
}

/// One issue of the publication: an ordered list of articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// Short name used on the command line, e.g. `53-2`.
    pub id: String,
    /// Volume number.
    pub volume: u32,
    /// Issue number within the volume.
    pub number: u32,
    /// Publication year.
    pub year: u16,
    /// Publication month, 1-12.
    pub month: u8,
    /// The articles, in running order.
    pub articles: Vec<Slug>,
}

impl Config {
    /// Parses `text`, the content of the project file at `path` (used in errors).
    ///
    /// # Errors
    /// Malformed TOML or unknown keys (with line and column), invalid language tags, a source
    /// language listed as a target, or an invalid edition.
    pub fn parse(path: &Path, text: &str) -> Result<Self> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((1, 1), |span| line_column(text, span.start));
            Error::ParseConfig {
                path: path.to_owned(),
                line,
                column,
                detail: crate::ui::l10n::with_detail("detail-toml", e.message().trim()),
            }
        })?;
        let source = Lang::parse(&raw.source)?;
        let mut targets: Vec<Lang> = Vec::new();
        for tag in &raw.targets {
            let lang = Lang::parse(tag)?;
            if lang == source {
                return Err(Error::SourceIsTarget {
                    path: path.to_owned(),
                    tag: lang.to_string(),
                });
            }
            if !targets.contains(&lang) {
                targets.push(lang);
            }
        }
        let editions = raw
            .edition
            .into_iter()
            .map(|e| Edition::validate(path, e))
            .collect::<Result<Vec<_>>>()?;
        for (i, edition) in editions.iter().enumerate() {
            if editions[..i].iter().any(|e| e.id == edition.id) {
                return Err(Error::InvalidEdition {
                    path: path.to_owned(),
                    id: edition.id.clone(),
                    detail: t!("config-duplicate-edition-id"),
                });
            }
        }
        let qa = match &raw.qa {
            Some(table) => crate::qa::Levels::from_table(path, text, table)?,
            None => crate::qa::Levels::default(),
        };
        Ok(Self {
            source,
            targets,
            editions,
            qa,
        })
    }

    /// The project file `init` writes.
    #[must_use]
    pub fn template(source: &Lang, targets: &[Lang]) -> String {
        let quoted: Vec<String> = targets.iter().map(|t| format!("\"{t}\"")).collect();
        format!(
            "# bitext project file\n\
             # The language articles in sources/ are written in.\n\
             source = \"{source}\"\n\
             # The languages they are translated into (translations/<lang>/).\n\
             targets = [{}]\n\
             \n\
             # Editions group articles for export, e.g.:\n\
             # [[edition]]\n\
             # id = \"53-2\"\n\
             # volume = 53\n\
             # number = 2\n\
             # date = \"2023-02\"\n\
             # articles = [\"my-article\"]\n",
            quoted.join(", ")
        )
    }
}

impl Edition {
    fn validate(path: &Path, raw: RawEdition) -> Result<Self> {
        let invalid = |detail: String| Error::InvalidEdition {
            path: path.to_owned(),
            id: raw.id.clone(),
            detail,
        };
        if !Slug::is_valid(&raw.id) {
            return Err(invalid(t!(
                "config-invalid-edition-id",
                id = raw.id.as_str()
            )));
        }
        let (year, month) = raw
            .date
            .split_once('-')
            .and_then(|(y, m)| Some((y.parse::<u16>().ok()?, m.parse::<u8>().ok()?)))
            .filter(|(y, m)| *y >= 1000 && (1..=12).contains(m))
            .ok_or_else(|| invalid(t!("config-invalid-edition-date", date = raw.date.as_str())))?;
        let articles = raw
            .articles
            .iter()
            .map(|a| Slug::parse(a))
            .collect::<Result<Vec<_>>>()?;
        Ok(Self {
            id: raw.id,
            volume: raw.volume,
            number: raw.number,
            year,
            month,
            articles,
        })
    }
}
