//! `bitext.toml`: the source language, the target languages and the editions.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result, line_column};
use crate::model::lang::Lang;
use crate::model::slug::Slug;
use crate::t;

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
    #[serde(default)]
    layout: Option<RawLayout>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayout {
    sources: Option<String>,
    front_matter: Option<Vec<String>>,
    translations: Option<String>,
    untranslated: Option<String>,
    #[serde(default)]
    folders: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEdition {
    id: String,
    title: Option<String>,
    volume: Option<u32>,
    number: Option<u32>,
    date: Option<String>,
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
    fn validate(path: &Path, raw: Option<RawLayout>, targets: &[Lang]) -> Result<Self> {
        let mut layout = Self::default();
        let Some(raw) = raw else {
            return Ok(layout);
        };
        if let Some(sources) = raw.sources {
            layout.sources = folder(path, "sources", &sources)?;
        }
        if let Some(keys) = raw.front_matter {
            let plain = |k: &String| {
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
            };
            let bad =
                keys.iter().find(|k| !plain(k)).cloned().or_else(|| {
                    (keys.len() > usize::from(u8::MAX)).then(|| keys.len().to_string())
                });
            if let Some(bad) = bad {
                return Err(Error::LayoutValue {
                    path: path.to_owned(),
                    key: "front_matter".to_owned(),
                    value: bad,
                    expected: t!("layout-expected-front-matter"),
                });
            }
            layout.front_matter = keys;
        }
        let invalid = |key: &str, value: &str| {
            let expected = match key {
                "translations" => t!("layout-expected-translations"),
                "untranslated" => t!("layout-expected-untranslated"),
                _ => t!("layout-expected-folders"),
            };
            Error::LayoutValue {
                path: path.to_owned(),
                key: key.to_owned(),
                value: value.to_owned(),
                expected,
            }
        };
        match raw.translations {
            Some(pattern) => {
                if pattern.matches("{lang}").count() != 1 {
                    return Err(invalid("translations", &pattern));
                }
                let untranslated = match raw.untranslated.as_deref() {
                    None | Some("source") => Untranslated::Source,
                    Some("omit") => Untranslated::Omit,
                    Some(other) => return Err(invalid("untranslated", other)),
                };
                for tag in raw.folders.keys() {
                    if !Lang::parse(tag).is_ok_and(|l| targets.contains(&l)) {
                        return Err(invalid("folders", tag));
                    }
                }
                let mut folders = Vec::with_capacity(targets.len());
                for lang in targets {
                    let name = raw
                        .folders
                        .iter()
                        .find(|(tag, _)| Lang::parse(tag).is_ok_and(|l| l == *lang))
                        .map_or(lang.as_str(), |(_, name)| name.as_str());
                    let value = pattern.replace("{lang}", name);
                    let dir = folder(path, "translations", &value)?;
                    // A language's pages inside the sources (or the sources inside them)
                    // would be read as articles.
                    let overlaps = dir.starts_with(&layout.sources)
                        || layout.sources.starts_with(&dir)
                        || folders.iter().any(|(_, f): &(Lang, std::path::PathBuf)| {
                            f.starts_with(&dir) || dir.starts_with(f)
                        });
                    if overlaps {
                        return Err(invalid("translations", &value));
                    }
                    folders.push((lang.clone(), dir));
                }
                layout.pages = Some(Pages {
                    folders,
                    untranslated,
                });
            }
            None => {
                if let Some(value) = raw.untranslated {
                    return Err(invalid("untranslated", &value));
                }
                if let Some(tag) = raw.folders.keys().next() {
                    return Err(invalid("folders", tag));
                }
            }
        }
        Ok(layout)
    }
}

/// `value`, the folder `key` of `[layout]` names: a relative path of plain names, inside the
/// workspace and outside its cache.
fn folder(path: &Path, key: &str, value: &str) -> Result<std::path::PathBuf> {
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
}

/// Reads the TOML of `text`; with `lift`, the article lists written one name per line are
/// read by [`lift_article_lists`] rather than by the TOML parser.
fn raw_config(path: &Path, text: &str, lift: bool) -> Result<RawConfig> {
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
    if let Some(lifted) = lifted {
        for (rank, names) in lifted.lists {
            match raw.edition.get_mut(rank) {
                Some(edition) if edition.articles.is_empty() => edition.articles = names,
                // Not the editions the headers were counted as: the parser reads it all.
                _ => return raw_config(path, text, false),
            }
        }
    }
    Ok(raw)
}

/// A text with its long article lists taken out: see [`lift_article_lists`].
struct Lifted {
    /// The text, each lifted list replaced by `articles = []` and its lines left empty.
    text: String,
    /// Each lifted list: the rank of its `[[edition]]` table and the names it holds.
    lists: Vec<(usize, Vec<String>)>,
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
            && let Some((names, end)) = read_names(&lines[i + 1..])
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

/// The names of a list whose lines follow `articles = [`, and the index of its `]` line.
fn read_names(lines: &[&str]) -> Option<(Vec<String>, usize)> {
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
        names.push(name.to_owned());
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
        let raw = raw_config(path, text, true)?;
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
            Some(table) => crate::workspace::checks::Levels::from_table(path, text, table)?,
            None => crate::workspace::checks::Levels::default(),
        };
        let layout = Layout::validate(path, raw.layout, &targets)?;
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
    fn validate(path: &Path, raw: RawEdition) -> Result<Self> {
        let invalid = |detail: String| Error::InvalidEdition {
            path: path.to_owned(),
            id: raw.id.clone(),
            detail,
        };
        if !Slug::is_plain(&raw.id) {
            return Err(invalid(t!(
                "config-invalid-edition-id",
                id = raw.id.as_str()
            )));
        }
        let date = raw
            .date
            .as_deref()
            .map(|date| {
                date.split_once('-')
                    .and_then(|(y, m)| Some((y.parse::<u16>().ok()?, m.parse::<u8>().ok()?)))
                    .filter(|(y, m)| *y >= 1000 && (1..=12).contains(m))
                    .ok_or_else(|| invalid(t!("config-invalid-edition-date", date = date)))
            })
            .transpose()?;
        let title = raw
            .title
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
        if title.as_deref() == Some("") {
            return Err(invalid(t!("config-empty-edition-title")));
        }
        for entry in &raw.articles {
            if !is_pattern(entry) {
                Slug::parse(entry)?;
            }
        }
        let articles = raw.articles;
        Ok(Self {
            id: raw.id,
            title,
            volume: raw.volume,
            number: raw.number,
            date,
            articles,
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
                if !out.contains(&slug) {
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

    fn edition(id: &str, list: &str) -> String {
        format!("\n[[edition]]\nid = \"{id}\"\nvolume = 1\nnumber = 2\ndate = \"2024-03\"\n{list}")
    }

    fn parsed(text: &str, lift: bool) -> Result<RawConfig> {
        raw_config(Path::new("bitext.toml"), text, lift)
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
                        r.edition.iter().map(|e| e.articles.clone()).collect()
                    };
                    assert_eq!(names(a), names(b), "{text}");
                    assert_eq!(a.qa, b.qa, "{text}");
                }
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
                _ => panic!("{text}: one way parses, the other does not"),
            }
        }
        let first = parsed(&cases[0].0, true).expect("parses");
        assert_eq!(first.edition[0].articles, ["a-1", "b-2", "c-3"]);
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
