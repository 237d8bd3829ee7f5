//! `glossary`: terms a translation must use, and terms it must avoid, per target language.
//!
//! A glossary is `glossary/<lang>.tsv`: one entry a line, fields separated by a tab, `#`
//! starting a comment line.
//!
//! ```text
//! # source term <TAB> required target term (alternatives separated by |)
//! rule of law<TAB>État de droit
//! # ! <TAB> a target term to avoid <TAB> what to write instead (optional)
//! !<TAB>sanctions onéreuses<TAB>sanctions accablantes
//! ```
//!
//! A source term is found whatever its case; a required target term must appear as written,
//! except that a lowercase first letter may be capitalised at the start of a sentence (so
//! `État de droit` is not satisfied by `état de droit`). A language's glossary also applies to
//! its regional variants: `es-419` reads `glossary/es.tsv`, then `glossary/es-419.tsv`, whose
//! entries win: a source term it gives replaces `es.tsv`'s entry for that term, and a term one
//! of them requires is not avoided by the other.
//!
//! TSV rather than TBX: a glossary is a short list of pairs that translators edit by hand and
//! review in pull requests. One line per term diffs and merges line by line in git and opens
//! in any spreadsheet; TBX is verbose XML whose concept/language/term nesting bitext would not
//! use, and which needs a dedicated editor.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::assess::State;
use crate::model::lang::Lang;
use crate::model::slug::Slug;
use crate::qa::located::QaFinding;
use crate::qa::{Check, Finding, Level};
use crate::render::document::DocArticle;
use crate::workspace::Workspace;

/// The directory of glossaries, relative to the workspace root.
pub const GLOSSARY_DIR: &str = "glossary";

/// One required term.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Required {
    source: String,
    source_folded: String,
    targets: Vec<String>,
}

/// One forbidden term.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Avoided {
    term: String,
    term_folded: String,
    instead: Option<String>,
}

/// The glossary of one target language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    required: Vec<Required>,
    avoided: Vec<Avoided>,
}

/// `text` with typographic apostrophes straightened and each character lowercased on its
/// own, so that a position in the folded text maps back to one in `text` ([`fold_mapped`]).
#[must_use]
pub fn fold(text: &str) -> String {
    fold_mapped(text).0
}

/// [`fold`]ed `text`, and for each byte of the folded text the byte of `text` its character
/// came from (with one more entry, `text.len()`, for the end).
#[must_use]
pub fn fold_mapped(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let start = folded.len();
        if c == '’' {
            folded.push('\'');
        } else {
            folded.extend(c.to_lowercase());
        }
        from.extend(std::iter::repeat_n(at, folded.len() - start));
    }
    from.push(text.len());
    (folded, from)
}

/// A glossary term found in a source text: where it is, and what a translation must write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range of the term in the source text.
    pub range: std::ops::Range<usize>,
    /// The term as the glossary writes it.
    pub term: String,
    /// The translations the glossary requires, one of which must appear.
    pub required: Vec<String>,
}

/// A term the glossary says to avoid, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Avoid {
    /// The term to avoid.
    pub term: String,
    /// What to write instead, if the glossary says.
    pub instead: Option<String>,
}

impl Glossary {
    /// Reads the glossaries that apply to `lang` (its language's, then its own), if any.
    ///
    /// # Errors
    /// An unreadable or malformed glossary, naming the file and line.
    pub fn load(ws: &Workspace, lang: &Lang) -> Result<Option<Self>> {
        let mut tags = vec![lang.as_str().to_owned()];
        let mut tag = lang.as_str();
        while let Some((parent, _)) = tag.rsplit_once('-') {
            tags.push(parent.to_owned());
            tag = parent;
        }
        let mut glossary: Option<Self> = None;
        for tag in tags.iter().rev() {
            let path = PathBuf::from(GLOSSARY_DIR).join(format!("{tag}.tsv"));
            ws.check_inside(&path)?;
            let text = match crate::workspace::files::read_regular(&ws.abs(&path), &path)? {
                Some(bytes) => crate::error::utf8(&path, &bytes)?.to_owned(),
                None => continue,
            };
            let parsed = Self::parse(&path, &text)?;
            glossary
                .get_or_insert_with(Self::default)
                .override_with(parsed);
        }
        Ok(glossary)
    }

    /// Adds the entries of a regional glossary (`es-419.tsv`) to those of its language's
    /// (`es.tsv`), the regional ones winning: a source term it gives replaces the language's
    /// entry for that term, a term it avoids is no longer required, and a term it requires is
    /// no longer avoided.
    fn override_with(&mut self, regional: Self) {
        let avoided: Vec<&str> = regional
            .avoided
            .iter()
            .map(|a| a.term_folded.as_str())
            .collect();
        let required: Vec<String> = regional
            .required
            .iter()
            .flat_map(|r| r.targets.iter().map(|t| fold(t)))
            .collect();
        self.required.retain(|general| {
            !regional
                .required
                .iter()
                .any(|r| r.source_folded == general.source_folded)
                && !general
                    .targets
                    .iter()
                    .any(|t| avoided.contains(&fold(t).as_str()))
        });
        self.avoided.retain(|general| {
            !avoided.contains(&general.term_folded.as_str())
                && !required.contains(&general.term_folded)
        });
        self.required.extend(regional.required);
        self.avoided.extend(regional.avoided);
    }

    /// Parses the content of the glossary at `path`.
    ///
    /// # Errors
    /// [`Error::Glossary`] with the line of the first malformed entry.
    pub fn parse(path: &Path, text: &str) -> Result<Self> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut glossary = Self::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let malformed = |id: &str| Error::Glossary {
                path: path.to_owned(),
                line: i + 1,
                detail: crate::t!(id),
            };
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            match fields.as_slice() {
                [_] => return Err(malformed("glossary-no-tab")),
                ["!", term] | ["!", term, ""] if !term.is_empty() => {
                    glossary.avoided.push(Avoided {
                        term: (*term).to_owned(),
                        term_folded: fold(term),
                        instead: None,
                    });
                }
                ["!", term, instead] if !term.is_empty() => glossary.avoided.push(Avoided {
                    term: (*term).to_owned(),
                    term_folded: fold(term),
                    instead: Some((*instead).to_owned()),
                }),
                ["!", ..] => return Err(malformed("glossary-empty-term")),
                [source, targets] | [source, targets, _] => {
                    let alternatives: Vec<String> = targets
                        .split('|')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned)
                        .collect();
                    if source.is_empty() || alternatives.is_empty() {
                        return Err(malformed("glossary-empty-term"));
                    }
                    glossary.required.push(Required {
                        source: (*source).to_owned(),
                        source_folded: fold(source),
                        targets: alternatives,
                    });
                }
                _ => return Err(malformed("glossary-too-many-fields")),
            }
        }
        Ok(glossary)
    }

    /// The required terms found in `source`, by position, as [`Glossary::check`] finds them:
    /// each occurrence of a term it would ask a translation of. Where two terms overlap, the
    /// one starting first (the longer at the same start) is kept.
    #[must_use]
    pub fn marks(&self, source: &str) -> Vec<Mark> {
        let (folded, from) = fold_mapped(source);
        let mut marks: Vec<Mark> = Vec::new();
        for entry in &self.required {
            for at in word_positions(&folded, &entry.source_folded) {
                marks.push(Mark {
                    range: from[at]..from[at + entry.source_folded.len()],
                    term: entry.source.clone(),
                    required: entry.targets.clone(),
                });
            }
        }
        marks.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
        });
        let mut end = 0;
        marks.retain(|m| {
            let keep = m.range.start >= end;
            if keep {
                end = m.range.end;
            }
            keep
        });
        marks
    }

    /// The terms to avoid, in the glossary's order.
    #[must_use]
    pub fn avoided(&self) -> Vec<Avoid> {
        self.avoided
            .iter()
            .map(|a| Avoid {
                term: a.term.clone(),
                instead: a.instead.clone(),
            })
            .collect()
    }

    /// The glossary findings of one segment.
    #[must_use]
    pub fn check(&self, source: &str, target: &str) -> Vec<Finding> {
        let mut findings = Vec::new();
        let source_folded = fold(source);
        let target_apostrophes = target.replace('’', "'");
        let target_folded = fold(target);
        for entry in &self.required {
            if !contains_word(&source_folded, &entry.source_folded) {
                continue;
            }
            let found = entry
                .targets
                .iter()
                .any(|t| contains_term(&target_apostrophes, &t.replace('’', "'")));
            if !found {
                findings.push(
                    Finding::new(Check::Glossary, "qa-glossary-required")
                        .arg("term", entry.source.clone())
                        .arg("required", entry.targets.join(" | "))
                        .source_part(entry.source.clone()),
                );
            }
        }
        for entry in &self.avoided {
            if contains_word(&target_folded, &entry.term_folded) {
                let id = if entry.instead.is_some() {
                    "qa-glossary-avoid-instead"
                } else {
                    "qa-glossary-avoid"
                };
                findings.push(
                    Finding::new(Check::Glossary, id)
                        .arg("term", entry.term.clone())
                        .arg("instead", entry.instead.clone().unwrap_or_default())
                        .target_part(entry.term.clone()),
                );
            }
        }
        findings
    }
}

/// The glossary of an export's language and the level its check runs at: what `export`
/// checks on the text that goes out, whichever language of the fallback chain it comes from
/// (an `es-419` edition of `es` translations is checked against the `es-419` terms).
#[derive(Debug)]
pub struct ExportTerms {
    glossary: Glossary,
    lang: Lang,
    level: Level,
}

impl ExportTerms {
    /// The terms of `lang`, or `None` when it has no glossary or the check is off in it.
    ///
    /// # Errors
    /// An unreadable or malformed glossary, naming the file and line.
    pub fn load(ws: &Workspace, lang: &Lang) -> Result<Option<Self>> {
        let level = ws.config.qa.level(Check::Glossary, lang);
        if level == Level::Off {
            return Ok(None);
        }
        Ok(Glossary::load(ws, lang)?.map(|glossary| Self {
            glossary,
            lang: lang.clone(),
            level,
        }))
    }

    /// The findings on the translated text of `article` (its front matter's fields, then its
    /// blocks), located on their source lines, in document order.
    #[must_use]
    pub fn check(&self, article: &DocArticle) -> Vec<QaFinding> {
        let source = crate::error::disp(&article.path);
        let mut found = Vec::new();
        for block in article.fields.iter().chain(&article.blocks) {
            let Some((target, _)) = &block.target else {
                continue;
            };
            for mut finding in self.glossary.check(&block.source, target) {
                finding.level = self.level;
                found.push(QaFinding {
                    article: article.slug.to_string(),
                    source: source.clone(),
                    lang: self.lang.to_string(),
                    n: block.n,
                    id: block.id.clone(),
                    line: block.line,
                    state: State::Current,
                    check: finding.check,
                    level: finding.level,
                    message: finding.message(),
                    source_part: finding.source_part.clone(),
                    target_part: finding.target_part.clone(),
                });
            }
        }
        found
    }
}

/// The regional variants of the workspace's targets that are not targets themselves and have
/// a glossary (`glossary/es-419.tsv` beside target `es`): the languages editions are published
/// in from their language's translations, which `check` and `qa` check with their terms.
///
/// # Errors
/// An unreadable glossary directory.
pub fn regional_variants(ws: &Workspace) -> Result<Vec<Lang>> {
    let dir = Path::new(GLOSSARY_DIR);
    let entries = match std::fs::read_dir(ws.abs(dir)) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Read {
                path: dir.to_owned(),
                source,
            });
        }
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(tag) = name.strip_suffix(".tsv") else {
            continue;
        };
        if let Ok(lang) = Lang::parse(tag)
            && lang.as_str() == tag
            && is_regional(ws, &lang)
        {
            found.push(lang);
        }
    }
    found.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    Ok(found)
}

/// Returns true if and only if `lang` is not a target of the workspace and a more general tag
/// of it is (`es-419` when `es` is a target).
#[must_use]
pub fn is_regional(ws: &Workspace, lang: &Lang) -> bool {
    !ws.config.targets.contains(lang)
        && std::iter::successors(lang.parent(), Lang::parent)
            .any(|parent| ws.config.targets.contains(&parent))
}

/// The glossary findings of `slugs` exported to `lang` (each segment's text from the most
/// specific language of `lang`'s fallback chain that has a current translation, as `export`
/// takes it), with the number of translated segments checked.
///
/// # Errors
/// A malformed glossary, an unknown language, or an unreadable or malformed source or
/// translation file.
pub fn check_exports(
    ws: &Workspace,
    slugs: &[Slug],
    lang: &Lang,
) -> Result<(Vec<QaFinding>, usize)> {
    let Some(terms) = ExportTerms::load(ws, lang)? else {
        return Ok((Vec::new(), 0));
    };
    let (_, chain) = crate::render::document::fallback_chain(ws, lang.as_str())?;
    let l10n = crate::l10n::Localizer::new(&lang.id());
    let checked = crate::workspace::parallel::map_ordered(slugs, |slug| {
        let (article, _) = crate::render::document::build_article(ws, slug, &chain, None, &l10n)?;
        let segments = article
            .fields
            .iter()
            .chain(&article.blocks)
            .filter(|b| b.target.is_some())
            .count();
        Ok((terms.check(&article), segments))
    })?;
    let mut found = Vec::new();
    let mut segments = 0;
    for (findings, count) in checked {
        found.extend(findings);
        segments += count;
    }
    Ok((found, segments))
}

/// Returns true if and only if `needle` occurs in `haystack` with no letter or digit touching
/// either end.
fn contains_word(haystack: &str, needle: &str) -> bool {
    word_positions(haystack, needle).next().is_some()
}

/// Where `needle` occurs in `haystack` with no letter or digit touching either end.
fn word_positions<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    haystack
        .match_indices(needle)
        .map(|(at, _)| at)
        .filter(move |&at| {
            let before = haystack[..at].chars().next_back();
            let after = haystack[at + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// As [`contains_word`] with the term's case as written, except that a lowercase first letter
/// may be capitalised (the term starting a sentence).
fn contains_term(haystack: &str, term: &str) -> bool {
    if contains_word(haystack, term) {
        return true;
    }
    let mut chars = term.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => {
            let capitalised: String = first.to_uppercase().chain(chars).collect();
            contains_word(haystack, &capitalised)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary(text: &str) -> Glossary {
        Glossary::parse(Path::new("glossary/fr.tsv"), text).expect("parses")
    }

    #[test]
    fn a_required_term_must_appear_with_its_case() {
        let g =
            glossary("# comment\nrule of law\tÉtat de droit\ncoup d'état\tcoup d'État|putsch\n");
        assert!(
            g.check("re-establish the rule of law", "rétablir l'État de droit")
                .is_empty()
        );
        let findings = g.check("re-establish the Rule of Law", "rétablir l'état de droit");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].source_part.as_deref(), Some("rule of law"));
        assert!(g.check("the coup d'état", "le putsch").is_empty());
        assert!(g.check("the coup d’état", "le coup d’État").is_empty());
        assert!(g.check("nothing relevant", "rien").is_empty());
    }

    #[test]
    fn a_lowercase_term_may_start_a_sentence() {
        let g = glossary("lawfare\t*lawfare*\n");
        assert!(g.check("dubbed lawfare", "dites de *lawfare*").is_empty());
        assert_eq!(g.check("dubbed lawfare", "dites de lawfare").len(), 1);
        let g = glossary("sanctions\tsanctions\n");
        assert!(g.check("Sanctions hurt.", "Sanctions : elles").is_empty());
    }

    #[test]
    fn avoided_terms_are_found_whatever_their_case() {
        let g = glossary("!\tordenador\tcomputadora\n!\tcoger\n");
        let findings = g.check("the computer", "El Ordenador");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].message_id, "qa-glossary-avoid-instead");
        assert!(g.check("to take", "recoger").is_empty());
    }

    #[test]
    fn marks_are_where_the_check_finds_terms() {
        let g =
            glossary("rule of law\tÉtat de droit\ncoup d'état\tcoup d'État|putsch\ncoup\tcoup\n");
        let source = "The İstanbul RULE OF LAW, the coup d’état, a coup; rule of lawyers.";
        let marks = g.marks(source);
        let found: Vec<(&str, &str)> = marks
            .iter()
            .map(|m| (&source[m.range.clone()], m.term.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("RULE OF LAW", "rule of law"),
                ("coup d’état", "coup d'état"),
                ("coup", "coup")
            ]
        );
        assert_eq!(marks[1].required, ["coup d'État", "putsch"]);
        // Each marked term is one the check asks for when the translation lacks it.
        let findings = g.check(source, "rien");
        assert_eq!(findings.len(), 3);
        assert!(g.marks("nothing relevant").is_empty());
    }

    #[test]
    fn a_regional_glossary_overrides_its_language_s_entries() {
        let mut es = glossary(
            "computer\tordenador\nlegislators\tlegisladores\nrule of law\tEstado de derecho\n\
             !\tcomputadora\tordenador\n",
        );
        es.override_with(glossary(
            "computer\tcomputadora\nlegislators\tcongresistas\n!\tEstado de derecho\n",
        ));
        // The regional term is required, the language's no longer is, nor avoided.
        assert!(g_ok(&es, "the computer", "la computadora"));
        assert!(!g_ok(&es, "the computer", "el ordenador"));
        assert!(!g_ok(&es, "the legislators", "los legisladores"));
        assert!(g_ok(&es, "the legislators", "los congresistas"));
        // A term the region avoids is no longer required by the language's entry.
        let findings = es.check("the rule of law", "el Estado de derecho");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].message_id, "qa-glossary-avoid");
    }

    fn g_ok(g: &Glossary, source: &str, target: &str) -> bool {
        g.check(source, target).is_empty()
    }

    #[test]
    fn malformed_lines_are_errors_with_their_line() {
        for (text, line) in [
            ("ok\tfine\nno tab here\n", 2),
            ("\tÉtat\n", 1),
            ("# c\n\nrule\t\n", 3),
            ("a\tb\tc\td\n", 1),
            ("!\t\n", 1),
        ] {
            let err = Glossary::parse(Path::new("glossary/fr.tsv"), text).expect_err(text);
            match err {
                Error::Glossary { line: found, .. } => assert_eq!(found, line, "{text:?}"),
                other => panic!("{other:?}"),
            }
        }
    }
}
