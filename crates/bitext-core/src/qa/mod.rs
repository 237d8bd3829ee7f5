//! Quality checks: whether a translation is *right*, not only whether it was made from the
//! current text. Each check has a stable code ([`Check`]), a level from `bitext.toml`
//! ([`Level`], [`Levels`]) and reports [`Finding`]s with the offending parts of the source and
//! the target. Findings never change a state by themselves: commands decide what to do with
//! them (`accept` refuses on an error, `check` fails, importers report).
//!
//! The checks live one family a file: [`numbers`]; [`markup`] (links and inline Markdown);
//! [`typography`] (French spacing, Spanish inverted marks, white space, end punctuation,
//! quotes); [`untranslated`]; [`glossary`]; [`consistency`] (the workspace-wide index) and
//! [`length`].
//!
//! Callers load a [`Context`] once and call [`check_segment`] for each segment pair.

pub mod consistency;
pub mod glossary;
pub mod length;
pub mod located;
pub mod markup;
pub mod numbers;
pub mod typography;
pub mod untranslated;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::lang::Lang;
use crate::workspace::Workspace;

/// Every check bitext runs, by its stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// Every number of the source is in the target, in one of the target locale's forms.
    Numbers,
    /// The same link targets and e-mail addresses, the same number of times.
    Links,
    /// Emphasis, strong, code spans, links and images: the source's counts.
    Markup,
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
    pub const ALL: [Check; 12] = [
        Check::Numbers,
        Check::Links,
        Check::Markup,
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
            Check::Numbers | Check::Links | Check::Markup | Check::Glossary => Level::Error,
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
                toml::Value::Table(inner) => {
                    let lang = Lang::parse(key)?;
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

fn parse_entry(path: &Path, text: &str, key: &str, value: &toml::Value) -> Result<(Check, Level)> {
    let line = line_of_key(text, key);
    let check = Check::from_code(key).ok_or_else(|| Error::QaConfig {
        path: path.to_owned(),
        line,
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
            detail: crate::t!(
                "qa-config-unknown-level",
                name = key,
                value = &value.to_string()
            ),
        })?;
    Ok((check, level))
}

/// The 1-based line where `key = ...` appears in the `[qa]` part of the file (1 if not found).
fn line_of_key(text: &str, key: &str) -> usize {
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
        if in_qa && name == key {
            return i + 1;
        }
    }
    1
}

/// One problem a check found in one segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The check's stable code.
    pub check: Check,
    /// Its level in the segment's language.
    pub level: Level,
    /// The Fluent id of the message (`qa-<check>...`).
    #[serde(skip)]
    pub message_id: &'static str,
    /// The message's arguments.
    #[serde(skip)]
    pub args: Vec<(&'static str, String)>,
    /// The offending part of the source, if any.
    pub source_part: Option<String>,
    /// The offending part of the target, if any.
    pub target_part: Option<String>,
}

impl Finding {
    /// A finding of `check` at a level to be set by [`Context`].
    #[must_use]
    pub fn new(check: Check, message_id: &'static str) -> Self {
        Self {
            check,
            level: Level::Warning,
            message_id,
            args: Vec::new(),
            source_part: None,
            target_part: None,
        }
    }

    /// Adds a message argument.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// Sets the offending part of the source.
    #[must_use]
    pub fn source_part(mut self, part: impl Into<String>) -> Self {
        self.source_part = Some(part.into());
        self
    }

    /// Sets the offending part of the target.
    #[must_use]
    pub fn target_part(mut self, part: impl Into<String>) -> Self {
        self.target_part = Some(part.into());
        self
    }

    /// The message in the UI language.
    #[must_use]
    pub fn message(&self) -> String {
        let args: Vec<(&str, crate::l10n::Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| (*name, crate::l10n::Arg::Str(value.as_str())))
            .collect();
        crate::l10n::tr(self.message_id, &args)
    }
}

/// Everything the checks need besides the segment: levels, glossaries, and the workspace-wide
/// index of translations for the consistency check.
#[derive(Debug, Default)]
pub struct Context {
    /// Levels from `bitext.toml`.
    pub levels: Levels,
    /// The glossary of each target language that has one.
    pub glossaries: Vec<(Lang, glossary::Glossary)>,
    /// Translations of the whole workspace, for [`Check::Inconsistent`].
    pub index: consistency::Index,
    /// Checks below this level are not run (`check` and `accept` only want errors).
    pub min_level: Level,
}

impl Context {
    /// Loads the levels, the glossaries and the consistency index of the whole workspace.
    ///
    /// # Errors
    /// A malformed glossary (with file and line), or any unreadable or malformed source or
    /// translation file.
    pub fn load(ws: &Workspace) -> Result<Self> {
        let mut ctx = Self::without_index(ws)?;
        if ctx.wants_index(&ws.config.targets) {
            ctx.index = consistency::Index::load(ws)?;
        }
        Ok(ctx)
    }

    /// As [`Context::load`], with a consistency index that answers only for the pairs in
    /// `wanted` (see [`consistency::Index::load_only`]): a command that checks a few segments
    /// holds what concerns them, not the whole workspace.
    ///
    /// # Errors
    /// As [`Context::load`].
    pub fn load_for(ws: &Workspace, wanted: &consistency::Wanted) -> Result<Self> {
        let mut ctx = Self::without_index(ws)?;
        if ctx.wants_index(&ws.config.targets) {
            ctx.index = consistency::Index::load_only(ws, wanted)?;
        }
        Ok(ctx)
    }

    /// Loads the levels and the glossaries only; the caller fills [`Context::index`] if it
    /// wants the consistency check (the `qa` command builds it in the same walk as its checks).
    ///
    /// # Errors
    /// A malformed glossary, with file and line.
    pub fn without_index(ws: &Workspace) -> Result<Self> {
        let mut glossaries = Vec::new();
        for lang in &ws.config.targets {
            if let Some(glossary) = glossary::Glossary::load(ws, lang)? {
                glossaries.push((lang.clone(), glossary));
            }
        }
        Ok(Self {
            levels: ws.config.qa.clone(),
            glossaries,
            index: consistency::Index::default(),
            min_level: Level::Warning,
        })
    }

    /// As [`Context::load`] for callers that only act on errors: checks at level warning are
    /// not run, and the index is loaded only when the consistency check is an error.
    ///
    /// # Errors
    /// As [`Context::load`].
    pub fn load_errors_only(ws: &Workspace) -> Result<Self> {
        let mut ctx = Self::without_index(ws)?;
        ctx.min_level = Level::Error;
        if ctx.wants_index(&ws.config.targets) {
            ctx.index = consistency::Index::load(ws)?;
        }
        Ok(ctx)
    }

    /// Returns true if and only if the consistency check runs in one of `langs`.
    #[must_use]
    pub fn wants_index(&self, langs: &[Lang]) -> bool {
        langs
            .iter()
            .any(|l| self.level(Check::Inconsistent, l) != Level::Off)
    }

    /// The level of `check` in `lang` (off when below [`Context::min_level`]).
    #[must_use]
    pub fn level(&self, check: Check, lang: &Lang) -> Level {
        let level = self.levels.level(check, lang);
        if level < self.min_level {
            Level::Off
        } else {
            level
        }
    }

    fn glossary(&self, lang: &Lang) -> Option<&glossary::Glossary> {
        self.glossaries
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, g)| g)
    }
}

/// Where a segment lives, so that the consistency check does not compare it with itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place<'a> {
    /// The article's slug.
    pub article: &'a str,
    /// The segment's position.
    pub n: usize,
}

/// Runs every check that is not off in `lang` on one segment: `source` is the current source
/// text, `target` its translation. Findings come in the order of [`Check::ALL`].
#[must_use]
pub fn check_segment(ctx: &Context, source: &str, target: &str, lang: &Lang) -> Vec<Finding> {
    check_segment_at(ctx, source, target, lang, None)
}

/// As [`check_segment`], for a segment of the workspace at `place` (the consistency check
/// then ignores the index's entry for that very segment).
#[must_use]
pub fn check_segment_at(
    ctx: &Context,
    source: &str,
    target: &str,
    lang: &Lang,
    place: Option<Place<'_>>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if target.is_empty() {
        return findings;
    }
    let on = |check: Check| ctx.level(check, lang) != Level::Off;
    if on(Check::Numbers) {
        findings.extend(numbers::check(source, target));
    }
    if on(Check::Links) || on(Check::Markup) {
        let (links, markup) = markup::check(source, target);
        if on(Check::Links) {
            findings.extend(links);
        }
        if on(Check::Markup) {
            findings.extend(markup);
        }
    }
    if on(Check::Untranslated) {
        findings.extend(untranslated::check(source, target));
    }
    if on(Check::FrSpacing) {
        findings.extend(typography::fr_spacing(target));
    }
    if on(Check::EsInverted) {
        findings.extend(typography::es_inverted(target));
    }
    if on(Check::Whitespace) {
        findings.extend(typography::whitespace(target));
    }
    if on(Check::EndPunctuation) {
        findings.extend(typography::end_punctuation(source, target));
    }
    if on(Check::Inconsistent) {
        findings.extend(ctx.index.check(source, target, lang, place));
    }
    if on(Check::Glossary)
        && let Some(glossary) = ctx.glossary(lang)
    {
        findings.extend(glossary.check(source, target));
    }
    if on(Check::Length) {
        findings.extend(length::check(source, target, lang));
    }
    for finding in &mut findings {
        finding.level = ctx.level(finding.check, lang);
    }
    findings
}

/// The article-wide checks ([`Check::Quotes`]) over the translated segments of one article in
/// one language: `targets` holds each segment's position and translation. Returns findings by
/// position.
#[must_use]
pub fn check_article(
    ctx: &Context,
    targets: &[(usize, &str)],
    lang: &Lang,
) -> Vec<(usize, Finding)> {
    let level = ctx.level(Check::Quotes, lang);
    if level == Level::Off {
        return Vec::new();
    }
    let mut findings = typography::quotes(targets);
    for (_, finding) in &mut findings {
        finding.level = level;
    }
    findings
}

/// A short excerpt of `text` around byte `at`: up to `before` characters before it and
/// `after` after, for showing where a finding is.
#[must_use]
pub fn around(text: &str, at: usize, before: usize, after: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(before.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .nth(after)
        .map_or(text.len(), |(i, _)| at + i);
    text[start..end].to_owned()
}
