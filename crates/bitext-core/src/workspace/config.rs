//! `bitext.toml`: the source language, the target languages and the editions.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result, line_column};
use crate::model::lang::Lang;
use crate::model::slug::Slug;
use crate::t;

/// The name of the project file that marks a workspace's root.
pub const CONFIG_FILE: &str = "bitext.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    source: Spanned<String>,
    targets: Vec<Spanned<String>>,
    #[serde(default)]
    edition: Vec<RawEdition>,
    #[serde(default)]
    qa: Option<toml::Table>,
    #[serde(default)]
    layout: Option<RawLayout>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayout {
    sources: Option<Spanned<String>>,
    front_matter: Option<Vec<Spanned<String>>>,
    translations: Option<Spanned<String>>,
    untranslated: Option<Spanned<String>>,
    #[serde(default)]
    folders: std::collections::BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEdition {
    id: Spanned<String>,
    title: Option<Spanned<String>>,
    volume: Option<u32>,
    number: Option<u32>,
    date: Option<Spanned<String>>,
    articles: Vec<Spanned<String>>,
    publisher: Option<String>,
    identifier: Option<String>,
    cover: Option<String>,
    require: Option<Spanned<String>>,
    /// The line and column of each of `articles` in the file, when the list was read by
    /// [`lift_article_lists`] rather than by the TOML parser (whose spans are in its text).
    #[serde(skip)]
    lifted: Option<Vec<(usize, usize)>>,
}

/// Turns the spans of values in the text the TOML parser read into lines and columns.
struct Places<'a> {
    path: &'a Path,
    parsed: &'a str,
}

impl Places<'_> {
    /// The 1-based line and column where `value` starts.
    fn of<T>(&self, value: &Spanned<T>) -> (usize, usize) {
        line_column(self.parsed, value.span().start)
    }

    /// `error`, about `value`, at its place.
    fn at<T>(&self, value: &Spanned<T>, error: Error) -> Error {
        let (line, column) = self.of(value);
        Error::ConfigValue {
            path: self.path.to_owned(),
            line,
            column,
            error: Box::new(error),
        }
    }
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
    pub qa: crate::workspace::checks::Levels,
    /// Where the articles are, from the `[layout]` table.
    pub layout: Layout,
}

/// Where the workspace keeps its files, from the `[layout]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The folder of the source articles, relative to the root: `sources` unless set.
    pub sources: std::path::PathBuf,
    /// The front matter keys whose values are text to translate.
    pub front_matter: Vec<String>,
    /// Where translations are Markdown pages, when they are (`translations = "locale/{lang}"`).
    pub pages: Option<Pages>,
}

/// Translations kept as Markdown pages mirroring the sources, one folder per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pages {
    /// Each target's folder, relative to the root, in the order of the targets.
    pub folders: Vec<(Lang, std::path::PathBuf)>,
    /// What a page shows for a segment not yet translated.
    pub untranslated: Untranslated,
}

/// What a translated page shows for a segment not yet translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Untranslated {
    /// The source's text, as sites fall back to it.
    Source,
    /// Nothing, for a paragraph; other blocks show the source's text.
    Omit,
}

impl Pages {
    /// The folder of `lang`'s pages, if it is a target.
    #[must_use]
    pub fn folder(&self, lang: &Lang) -> Option<&Path> {
        self.folders
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, f)| f.as_path())
    }
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            sources: std::path::PathBuf::from(crate::workspace::SOURCES_DIR),
            front_matter: crate::model::frontmatter::DEFAULT_KEYS
                .iter()
                .map(|k| (*k).to_owned())
                .collect(),
            pages: None,
        }
    }
}

impl Layout {
    fn validate(places: &Places, raw: Option<RawLayout>, targets: &[Lang]) -> Result<Self> {
        let path = places.path;
        let mut layout = Self::default();
        let Some(raw) = raw else {
            return Ok(layout);
        };
        if let Some(sources) = &raw.sources {
            layout.sources = folder(path, places.of(sources), "sources", sources.get_ref())?;
        }
        if let Some(spanned) = &raw.front_matter {
            layout.front_matter = front_matter(places, spanned)?;
        }
        Self::pages(places, &raw, targets, layout)
    }

    /// The rest of `[layout]`: where translations are kept as pages, if they are.
    fn pages(places: &Places, raw: &RawLayout, targets: &[Lang], mut layout: Self) -> Result<Self> {
        let path = places.path;
        let invalid = |key: &str, value: &Spanned<String>, shown: &str| {
            let expected = match key {
                "translations" => t!("layout-expected-translations"),
                "untranslated" => t!("layout-expected-untranslated"),
                _ => t!("layout-expected-folders"),
            };
            let (line, column) = places.of(value);
            Error::LayoutValue {
                path: path.to_owned(),
                line,
                column,
                key: key.to_owned(),
                value: shown.to_owned(),
                expected,
            }
        };
        match &raw.translations {
            Some(spanned) => {
                let pattern = spanned.get_ref();
                if pattern.matches("{lang}").count() != 1 {
                    return Err(invalid("translations", spanned, pattern));
                }
                let untranslated = match &raw.untranslated {
                    None => Untranslated::Source,
                    Some(value) if value.get_ref() == "source" => Untranslated::Source,
                    Some(value) if value.get_ref() == "omit" => Untranslated::Omit,
                    Some(value) => return Err(invalid("untranslated", value, value.get_ref())),
                };
                for tag in raw.folders.keys() {
                    if !Lang::parse(tag.get_ref()).is_ok_and(|l| targets.contains(&l)) {
                        return Err(invalid("folders", tag, tag.get_ref()));
                    }
                }
                let mut folders = Vec::with_capacity(targets.len());
                for lang in targets {
                    let named = raw
                        .folders
                        .iter()
                        .find(|(tag, _)| Lang::parse(tag.get_ref()).is_ok_and(|l| l == *lang));
                    let name = named.map_or(lang.as_str(), |(_, name)| name.get_ref().as_str());
                    // A folder's own name is where a bad folder is written, else the pattern.
                    let written = named.map_or(spanned, |(_, name)| name);
                    let value = pattern.replace("{lang}", name);
                    let dir = folder(path, places.of(written), "translations", &value)?;
                    // A language's pages inside the sources (or the sources inside them)
                    // would be read as articles.
                    let overlaps = dir.starts_with(&layout.sources)
                        || layout.sources.starts_with(&dir)
                        || folders.iter().any(|(_, f): &(Lang, std::path::PathBuf)| {
                            f.starts_with(&dir) || dir.starts_with(f)
                        });
                    if overlaps {
                        return Err(invalid("translations", written, &value));
                    }
                    folders.push((lang.clone(), dir));
                }
                layout.pages = Some(Pages {
                    folders,
                    untranslated,
                });
            }
            None => {
                if let Some(value) = &raw.untranslated {
                    return Err(invalid("untranslated", value, value.get_ref()));
                }
                if let Some(tag) = raw.folders.keys().next() {
                    return Err(invalid("folders", tag, tag.get_ref()));
                }
            }
        }
        Ok(layout)
    }
}

/// The keys of `[layout] front_matter`: plain names, at most 255 of them.
fn front_matter(places: &Places, spanned: &[Spanned<String>]) -> Result<Vec<String>> {
    let plain = |k: &str| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    };
    let bad = spanned
        .iter()
        .find(|k| !plain(k.get_ref()))
        .map(|k| (places.of(k), k.get_ref().clone()))
        .or_else(|| {
            let first = spanned.first()?;
            (spanned.len() > usize::from(u8::MAX))
                .then(|| (places.of(first), spanned.len().to_string()))
        });
    if let Some(((line, column), value)) = bad {
        return Err(Error::LayoutValue {
            path: places.path.to_owned(),
            line,
            column,
            key: "front_matter".to_owned(),
            value,
            expected: t!("layout-expected-front-matter"),
        });
    }
    Ok(spanned.iter().map(|k| k.get_ref().clone()).collect())
}

/// `value`, the folder `key` of `[layout]` names: a relative path of plain names, inside the
/// workspace and outside its cache.
fn folder(
    path: &Path,
    (line, column): (usize, usize),
    key: &str,
    value: &str,
) -> Result<std::path::PathBuf> {
    let trimmed = value.trim_end_matches('/');
    let plain = !trimmed.is_empty()
        && Slug::is_valid(trimmed)
        && !trimmed.starts_with(crate::workspace::CACHE_DIR)
        && trimmed != ".git"
        && !trimmed.starts_with(".git/");
    if plain {
        Ok(trimmed.split('/').collect())
    } else {
        Err(Error::InvalidLayout {
            path: path.to_owned(),
            line,
            column,
            key: key.to_owned(),
            value: value.to_owned(),
        })
    }
}

/// One issue of the publication: an ordered list of articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// Short name used on the command line, e.g. `53-2`.
    pub id: String,
    /// The edition's title, shown instead of its volume, number and date.
    pub title: Option<String>,
    /// Volume number.
    pub volume: Option<u32>,
    /// Issue number within the volume.
    pub number: Option<u32>,
    /// Publication year and month (1-12).
    pub date: Option<(u16, u8)>,
    /// The articles, in running order, as written: a name, or a pattern (`*` for any run of
    /// characters but `/`, `**` for any run, `?` for one character) that stands for the
    /// matching articles in name order. See [`Edition::resolve`].
    pub articles: Vec<String>,
    /// The publisher, in the EPUB's metadata.
    pub publisher: Option<String>,
    /// A unique identifier (a URN, an ISSN...) for the EPUB's metadata; one derived from the
    /// edition's id is used when absent.
    pub identifier: Option<String>,
    /// A cover image for the EPUB (JPEG, PNG or GIF), relative to the workspace's root.
    pub cover: Option<String>,
    /// What a segment's translation must be for the edition to use it (`require`).
    pub require: Require,
}

/// What an edition requires of a segment's translation before it exports it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Require {
    /// Current (`require = "translated"`, the default).
    #[default]
    Translated,
    /// Current and reviewed (`require = "reviewed"`): a translation nobody reviewed is
    /// refused like a stale one.
    Reviewed,
}

impl Require {
    /// The value as written in `bitext.toml`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Translated => "translated",
            Self::Reviewed => "reviewed",
        }
    }
}

/// Reads the TOML of `text`; with `lift`, the article lists written one name per line are
/// read by [`lift_article_lists`] rather than by the TOML parser. Also returns the text the
/// parser read (the spans of the values are in it).
fn raw_config(path: &Path, text: &str, lift: bool) -> Result<(RawConfig, String)> {
    let lifted = lift.then(|| lift_article_lists(text)).flatten();
    let parsed = lifted.as_ref().map_or(text, |l| l.text.as_str());
    let mut raw: RawConfig = toml::from_str(parsed).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |span| line_column(parsed, span.start));
        Error::ParseConfig {
            path: path.to_owned(),
            line,
            column,
            detail: crate::l10n::with_detail("detail-toml", e.message().trim()),
        }
    })?;
    let Some(lifted) = lifted else {
        return Ok((raw, text.to_owned()));
    };
    for (rank, names) in lifted.lists {
        match raw.edition.get_mut(rank) {
            Some(edition) if edition.articles.is_empty() => {
                let (names, places): (Vec<_>, Vec<_>) = names
                    .into_iter()
                    .map(|(name, place)| (Spanned::new(0..0, name), place))
                    .unzip();
                edition.articles = names;
                edition.lifted = Some(places);
            }
            // Not the editions the headers were counted as: the parser reads it all.
            _ => return raw_config(path, text, false),
        }
    }
    Ok((raw, lifted.text))
}

/// A name with its 1-based line and column in the file.
type Placed = (String, (usize, usize));

/// A text with its long article lists taken out: see [`lift_article_lists`].
struct Lifted {
    /// The text, each lifted list replaced by `articles = []` and its lines left empty.
    text: String,
    /// Each lifted list: the rank of its `[[edition]]` table and the names it holds, each
    /// with its 1-based line and column in the file.
    lists: Vec<(usize, Vec<Placed>)>,
}

/// Takes out of `text` every `articles` list of an `[[edition]]` table written as a long one
/// is: `articles = [` alone on its line, then one double-quoted name per line (with its
/// comma; blank lines allowed), then `]` alone. The TOML parser holds some 15 bytes for every
/// byte it reads (15 MB for an edition of 50,000 articles); these names are read here, one
/// by one. The lines stay, emptied, so that the parser's line numbers do not change.
/// Anything else is left to the parser: a list on one line, a comment, two names on a line,
/// a name with an escape or a control character, or any multi-line string in the file.
fn lift_article_lists(text: &str) -> Option<Lifted> {
    if text.contains("\"\"\"") || text.contains("'''") {
        return None;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let squeezed = |line: &str| -> String {
        let code = line.split('#').next().unwrap_or_default();
        code.split_whitespace().collect()
    };
    let mut out = String::with_capacity(text.len());
    let mut lists = Vec::new();
    let (mut editions, mut edition) = (0, None);
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            edition = (squeezed(trimmed) == "[[edition]]").then_some(editions);
            editions += usize::from(edition.is_some());
        }
        let start = trimmed.split_whitespace().collect::<String>() == "articles=[";
        if let (Some(rank), true) = (edition, start)
            && let Some((names, end)) = read_names(&lines[i + 1..], i + 2)
        {
            out.push_str(&line[..line.len() - line.trim_start().len()]);
            out.push_str("articles = []");
            for emptied in &lines[i..=i + 1 + end] {
                out.push_str(&emptied[emptied.trim_end_matches(['\r', '\n']).len()..]);
            }
            lists.push((rank, names));
            i += end + 2;
            continue;
        }
        out.push_str(line);
        i += 1;
    }
    (!lists.is_empty()).then_some(Lifted { text: out, lists })
}

/// The names of a list whose lines follow `articles = [`, the first being line `first` of the
/// file, each with its line and column (of its opening quote); and the index of its `]` line.
fn read_names(lines: &[&str], first: usize) -> Option<(Vec<Placed>, usize)> {
    let mut names = Vec::new();
    let mut comma = true;
    for (j, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t == "]" {
            return Some((names, j));
        }
        if !comma {
            return None;
        }
        let (item, has_comma) = t
            .strip_suffix(',')
            .map_or((t, false), |x| (x.trim_end(), true));
        let name = item.strip_prefix('"')?.strip_suffix('"')?;
        if name
            .chars()
            .any(|c| c == '"' || c == '\\' || c.is_control())
        {
            return None;
        }
        let indent = line[..line.len() - line.trim_start().len()].chars().count();
        names.push((name.to_owned(), (first + j, indent + 1)));
        comma = has_comma;
    }
    None
}

impl Config {
    /// Parses `text`, the content of the project file at `path` (used in errors).
    ///
    /// # Errors
    /// Malformed TOML or unknown keys (with line and column), invalid language tags, a source
    /// language listed as a target, or an invalid edition.
    pub fn parse(path: &Path, text: &str) -> Result<Self> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (raw, parsed) = raw_config(path, text, true)?;
        let places = Places {
            path,
            parsed: &parsed,
        };
        let source = Lang::parse(raw.source.get_ref()).map_err(|e| places.at(&raw.source, e))?;
        let mut targets: Vec<Lang> = Vec::new();
        for tag in &raw.targets {
            let lang = Lang::parse(tag.get_ref()).map_err(|e| places.at(tag, e))?;
            if lang == source {
                let (line, column) = places.of(tag);
                return Err(Error::SourceIsTarget {
                    path: path.to_owned(),
                    line,
                    column,
                    tag: lang.to_string(),
                });
            }
            if !targets.contains(&lang) {
                targets.push(lang);
            }
        }
        let id_places: Vec<(usize, usize)> = raw.edition.iter().map(|e| places.of(&e.id)).collect();
        let editions = raw
            .edition
            .into_iter()
            .map(|e| Edition::validate(&places, e))
            .collect::<Result<Vec<_>>>()?;
        for (i, edition) in editions.iter().enumerate() {
            if editions[..i].iter().any(|e| e.id == edition.id) {
                let (line, column) = id_places[i];
                return Err(Error::InvalidEdition {
                    path: path.to_owned(),
                    line,
                    column,
                    id: edition.id.clone(),
                    detail: t!("config-duplicate-edition-id"),
                });
            }
        }
        let qa = match &raw.qa {
            Some(table) => crate::workspace::checks::Levels::from_table(path, text, table)?,
            None => crate::workspace::checks::Levels::default(),
        };
        let layout = Layout::validate(&places, raw.layout, &targets)?;
        Ok(Self {
            source,
            targets,
            editions,
            qa,
            layout,
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
    fn validate(places: &Places, raw: RawEdition) -> Result<Self> {
        let invalid = |(line, column): (usize, usize), detail: String| Error::InvalidEdition {
            path: places.path.to_owned(),
            line,
            column,
            id: raw.id.get_ref().clone(),
            detail,
        };
        if !Slug::is_plain(raw.id.get_ref()) {
            return Err(invalid(
                places.of(&raw.id),
                t!("config-invalid-edition-id", id = raw.id.get_ref().as_str()),
            ));
        }
        let date = raw
            .date
            .as_ref()
            .map(|spanned| {
                let date = spanned.get_ref();
                date.split_once('-')
                    .and_then(|(y, m)| Some((y.parse::<u16>().ok()?, m.parse::<u8>().ok()?)))
                    .filter(|(y, m)| *y >= 1000 && (1..=12).contains(m))
                    .ok_or_else(|| {
                        invalid(
                            places.of(spanned),
                            t!("config-invalid-edition-date", date = date.as_str()),
                        )
                    })
            })
            .transpose()?;
        let title = raw.title.as_ref().map(|t| {
            (
                places.of(t),
                t.get_ref().split_whitespace().collect::<Vec<_>>().join(" "),
            )
        });
        if let Some((place, "")) = title.as_ref().map(|(p, t)| (*p, t.as_str())) {
            return Err(invalid(place, t!("config-empty-edition-title")));
        }
        for (i, entry) in raw.articles.iter().enumerate() {
            if !is_pattern(entry.get_ref())
                && let Err(error) = Slug::parse(entry.get_ref())
            {
                let (line, column) = match &raw.lifted {
                    Some(lifted) => lifted[i],
                    None => places.of(entry),
                };
                return Err(Error::ConfigValue {
                    path: places.path.to_owned(),
                    line,
                    column,
                    error: Box::new(error),
                });
            }
        }
        let require = match raw.require.as_ref() {
            None => Require::Translated,
            Some(value) => match value.get_ref().as_str() {
                "translated" => Require::Translated,
                "reviewed" => Require::Reviewed,
                other => {
                    return Err(invalid(
                        places.of(value),
                        t!("config-invalid-edition-require", value = other),
                    ));
                }
            },
        };
        let articles = raw.articles.into_iter().map(Spanned::into_inner).collect();
        let title = title.map(|(_, t)| t);
        Ok(Self {
            id: raw.id.into_inner(),
            title,
            volume: raw.volume,
            number: raw.number,
            date,
            articles,
            publisher: raw.publisher.filter(|p| !p.trim().is_empty()),
            identifier: raw.identifier.filter(|i| !i.trim().is_empty()),
            cover: raw.cover.filter(|c| !c.trim().is_empty()),
            require,
        })
    }
}

impl Edition {
    /// The edition's articles among `all` (the workspace's, in name order): each name as
    /// written, each pattern as the articles it matches in name order, an article listed twice
    /// kept where it comes first.
    #[must_use]
    pub fn resolve(&self, all: &[Slug]) -> Vec<Slug> {
        let mut out: Vec<Slug> = Vec::new();
        // Each article once, at its first place: a set, not a search of the list, since an
        // edition may name tens of thousands.
        let mut seen = std::collections::HashSet::new();
        for entry in &self.articles {
            let found: Vec<Slug> = if is_pattern(entry) {
                all.iter()
                    .filter(|slug| names(entry, slug))
                    .cloned()
                    .collect()
            } else {
                Slug::parse(entry).into_iter().collect()
            };
            for slug in found {
                if seen.insert(slug.clone()) {
                    out.push(slug);
                }
            }
        }
        out
    }
}

impl Edition {
    /// Returns true if and only if the edition lists `slug`, by name or by a pattern.
    #[must_use]
    pub fn lists(&self, slug: &Slug) -> bool {
        self.articles.iter().any(|entry| names(entry, slug))
    }
}

/// Returns true if and only if the edition entry `entry` (a name or a pattern) names `slug`.
fn names(entry: &str, slug: &Slug) -> bool {
    if is_pattern(entry) {
        matches(entry.as_bytes(), slug.as_str().as_bytes())
    } else {
        entry == slug.as_str()
    }
}

/// Returns true if and only if an edition's entry is a pattern rather than a name.
fn is_pattern(entry: &str) -> bool {
    entry.contains(['*', '?'])
}

/// Returns true if and only if `name` matches `pattern`: `**` any run of bytes, `*` any run
/// without `/`, `?` one byte other than `/`, anything else itself.
fn matches(pattern: &[u8], name: &[u8]) -> bool {
    match pattern {
        [] => name.is_empty(),
        [b'*', b'*', rest @ ..] => (0..=name.len()).any(|k| matches(rest, &name[k..])),
        [b'*', rest @ ..] => {
            let run = name.iter().position(|&b| b == b'/').unwrap_or(name.len());
            (0..=run).any(|k| matches(rest, &name[k..]))
        }
        [b'?', rest @ ..] => name.first().is_some_and(|&b| b != b'/') && matches(rest, &name[1..]),
        [c, rest @ ..] => name.first() == Some(c) && matches(rest, &name[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edition_patterns_match_names_in_name_order() {
        let all: Vec<Slug> = ["harbour", "harbour-2", "festival", "council-budget"]
            .iter()
            .map(|s| Slug::parse(s).expect("slug"))
            .collect();
        let mut sorted = all.clone();
        sorted.sort();
        let edition = |articles: &[&str]| Edition {
            id: "e".to_owned(),
            title: None,
            volume: None,
            number: None,
            date: None,
            articles: articles.iter().map(|s| (*s).to_owned()).collect(),
            publisher: None,
            identifier: None,
            cover: None,
            require: Require::Translated,
        };
        let names = |e: &Edition| -> Vec<String> {
            e.resolve(&sorted).iter().map(ToString::to_string).collect()
        };
        assert_eq!(names(&edition(&["harbour*"])), ["harbour", "harbour-2"]);
        assert_eq!(
            names(&edition(&["festival", "*"])),
            ["festival", "council-budget", "harbour", "harbour-2"]
        );
        assert_eq!(names(&edition(&["harbour-?"])), ["harbour-2"]);
        assert_eq!(names(&edition(&["**budget"])), ["council-budget"]);
        assert_eq!(names(&edition(&["nothing-*"])), Vec::<String>::new());
        assert!(matches(b"guides/**", b"guides/a/b"));
        assert!(!matches(b"guides/*", b"guides/a/b"));
        assert!(matches(b"guides/*", b"guides/a"));
    }

    const HEAD: &str = "source = \"en\"\ntargets = [\"fr\", \"es\"]\n";

    #[test]
    fn an_edition_requires_translated_text_unless_it_says_reviewed() {
        let config = |require: &str| {
            let text = HEAD.to_owned() + &edition("one", &format!("articles = [\"a\"]\n{require}"));
            Config::parse(Path::new("bitext.toml"), &text)
        };
        let require = |line: &str| config(line).expect("valid").editions[0].require;
        assert_eq!(require(""), Require::Translated);
        assert_eq!(require("require = \"translated\"\n"), Require::Translated);
        assert_eq!(require("require = \"reviewed\"\n"), Require::Reviewed);
        // Anything else names the file, the line and the column of the value.
        let error = config("require = \"proofread\"\n").expect_err("refused");
        let Error::InvalidEdition { line, column, .. } = &error else {
            panic!("{error:?}");
        };
        assert_eq!((*line, *column), (10, 11));
        assert!(error.to_string().contains("proofread"), "{error}");
    }

    fn edition(id: &str, list: &str) -> String {
        format!("\n[[edition]]\nid = \"{id}\"\nvolume = 1\nnumber = 2\ndate = \"2024-03\"\n{list}")
    }

    fn parsed(text: &str, lift: bool) -> Result<RawConfig> {
        raw_config(Path::new("bitext.toml"), text, lift).map(|(raw, _)| raw)
    }

    /// Each edition's article names with their line and column, however they were read.
    fn placed(text: &str, lift: bool) -> Vec<Vec<(String, (usize, usize))>> {
        let (raw, parsed) = raw_config(Path::new("bitext.toml"), text, lift).expect("parses");
        let places = Places {
            path: Path::new("bitext.toml"),
            parsed: &parsed,
        };
        raw.edition
            .iter()
            .map(|e| {
                e.articles
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let place = e.lifted.as_ref().map_or_else(|| places.of(name), |l| l[i]);
                        (name.get_ref().clone(), place)
                    })
                    .collect()
            })
            .collect()
    }

    /// Lists read by the lifting and lists read by the TOML parser give the same
    /// configuration, and the lifting is used where it should be, and only there.
    #[test]
    fn lifted_lists_read_as_the_toml_parser_reads_them() {
        let long = "articles = [\n  \"a-1\",\n\n  \"b-2\",\n  \"c-3\"\n]\n";
        let cases: Vec<(String, usize)> = vec![
            (HEAD.to_owned() + &edition("one", long), 1),
            (
                (HEAD.to_owned() + &edition("one", long) + &edition("two", long))
                    .replace('\n', "\r\n"),
                2,
            ),
            (
                HEAD.to_owned()
                    + &edition("one", "articles = [\"x\", \"y\"]\n")
                    + "\n[[ edition ]] # the second\nid = \"two\"\nvolume = 1\nnumber = 3\ndate = \"2024-04\"\n    articles = [\n    \"p\",\n    \"q\",\n    ]\n"
                    + "\n[qa]\nlength = \"off\"\n",
                1,
            ),
            // Left to the parser: an escape, a comment, two names on a line, a multi-line
            // string anywhere.
            (
                HEAD.to_owned() + &edition("one", "articles = [\n  \"a\\u0031\",\n]\n"),
                0,
            ),
            (
                HEAD.to_owned() + &edition("one", "articles = [\n  # none yet\n  \"a\",\n]\n"),
                0,
            ),
            (
                HEAD.to_owned() + &edition("one", "articles = [\n  \"a\", \"b\",\n]\n"),
                0,
            ),
            (
                HEAD.to_owned() + &edition("one", long) + "\n[qa]\n\"x\" = \"\"\"\noff\"\"\"\n",
                0,
            ),
        ];
        for (text, lists) in &cases {
            assert_eq!(
                lift_article_lists(text).map_or(0, |l| l.lists.len()),
                *lists,
                "{text}"
            );
            let (lifted, plain) = (parsed(text, true), parsed(text, false));
            match (&lifted, &plain) {
                (Ok(a), Ok(b)) => {
                    let names = |r: &RawConfig| -> Vec<Vec<String>> {
                        r.edition
                            .iter()
                            .map(|e| e.articles.iter().map(|a| a.get_ref().clone()).collect())
                            .collect()
                    };
                    assert_eq!(names(a), names(b), "{text}");
                    // A lifted name is placed where the parser places it.
                    assert_eq!(placed(text, true), placed(text, false), "{text}");
                    assert_eq!(a.qa, b.qa, "{text}");
                }
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
                _ => panic!("{text}: one way parses, the other does not"),
            }
        }
        let first = parsed(&cases[0].0, true).expect("parses");
        let names: Vec<&str> = first.edition[0]
            .articles
            .iter()
            .map(|a| a.get_ref().as_str())
            .collect();
        assert_eq!(names, ["a-1", "b-2", "c-3"]);
    }

    /// A mistake after a lifted list, or in it, is reported where the parser reports it
    /// without the lifting: same line, same column, same words.
    #[test]
    fn errors_keep_their_place_around_a_lifted_list() {
        let long = "articles = [\n  \"a\",\n  \"b\",\n]\n";
        for tail in [
            "volume = 3\n",
            "colour = \"red\"\n",
            "\n[[edition]]\nid = \"two\"\nvolume = \"x\"\n",
            "articles = [\n  \"c\",\n]\n",
            "\n[[edition]]\nid = = 1\n",
        ] {
            let text = HEAD.to_owned() + &edition("one", long) + tail;
            assert!(lift_article_lists(&text).is_some());
            let lifted = parsed(&text, true).err().map(|e| e.to_string());
            let plain = parsed(&text, false).err().map(|e| e.to_string());
            assert!(plain.is_some(), "{text}");
            assert_eq!(lifted, plain, "{text}");
        }
        // A list that never closes is the parser's to report.
        let open = HEAD.to_owned() + &edition("one", "articles = [\n  \"a\",\n");
        assert!(lift_article_lists(&open).is_none());
        assert!(parsed(&open, true).is_err());
    }
}
