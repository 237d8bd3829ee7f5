//! Quality checks: whether a translation is *right*, not only whether it was made from the
//! current text. Each check has a stable code ([`Check`]), a level from `bitext.toml`
//! ([`Level`], [`Levels`]) and reports [`Finding`]s with the offending parts of the source and
//! the target. Findings never change a state by themselves: commands decide what to do with
//! them (`accept` refuses on an error, `check` fails, importers report).
//!
//! The checks live one family a file: [`numbers`]; [`markup`] (links and inline Markdown);
//! [`code`] (inline code and placeholders);
//! [`typography`] (French spacing, Spanish inverted marks, white space, end punctuation,
//! quotes); [`untranslated`]; [`glossary`]; [`consistency`] (the workspace-wide index) and
//! [`length`].
//!
//! Callers load a [`Context`] once and call [`check_segment`] for each segment pair.

pub mod code;
pub mod consistency;
pub mod glossary;
pub mod length;
pub mod located;
pub mod markup;
pub mod numbers;
pub use crate::model::placeholder;
pub mod typography;
pub mod untranslated;

pub use crate::workspace::checks::{Check, Level, Levels};

use serde::Serialize;

use crate::error::Result;
use crate::model::definitions::Definitions;
use crate::model::lang::Lang;
use crate::workspace::Workspace;

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

    /// As [`Context::load_for`], with one article's translations in one language taken from
    /// `known` (see [`consistency::Index::load_only_with`]).
    ///
    /// # Errors
    /// As [`Context::load`].
    pub fn load_for_with(
        ws: &Workspace,
        wanted: &consistency::Wanted,
        known: &consistency::Known<'_>,
    ) -> Result<Self> {
        let mut ctx = Self::without_index(ws)?;
        if ctx.wants_index(&ws.config.targets) {
            ctx.index = consistency::Index::load_only_with(ws, wanted, known)?;
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

    /// As [`Context::load_errors_only`], with a consistency index that answers only for the
    /// pairs in `wanted`, one article's translations in one language taken from `known` (see
    /// [`consistency::Index::load_only_with`]).
    ///
    /// # Errors
    /// As [`Context::load`].
    pub fn load_errors_only_for(
        ws: &Workspace,
        wanted: &consistency::Wanted,
        known: &consistency::Known<'_>,
    ) -> Result<Self> {
        let mut ctx = Self::without_index(ws)?;
        ctx.min_level = Level::Error;
        if ctx.wants_index(&ws.config.targets) {
            ctx.index = consistency::Index::load_only_with(ws, wanted, known)?;
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

/// Where a segment lives: so that the consistency check does not compare it with itself, and
/// so that its reference links (`[text][label]`) resolve against its page's definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place<'a> {
    /// The article's slug.
    pub article: &'a str,
    /// The segment's position.
    pub n: usize,
    /// The link reference definitions of the source page.
    pub source_definitions: &'a Definitions,
    /// Those of the translated page: its own when translations are kept as pages, else the
    /// source page's, which an export copies.
    pub target_definitions: &'a Definitions,
}

impl<'a> Place<'a> {
    /// Segment `n` of `article`, whose source page and translated page both have
    /// `definitions` (an export copies the source's).
    #[must_use]
    pub fn new(article: &'a str, n: usize, definitions: &'a Definitions) -> Self {
        Self {
            article,
            n,
            source_definitions: definitions,
            target_definitions: definitions,
        }
    }
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
        let (links, markup) = match place {
            Some(p) => {
                markup::check_with(source, target, p.source_definitions, p.target_definitions)
            }
            None => markup::check(source, target),
        };
        if on(Check::Links) {
            findings.extend(links);
        }
        if on(Check::Markup) {
            findings.extend(markup);
        }
    }
    if on(Check::Code) {
        findings.extend(code::check(source, target, &ctx.levels.placeholders));
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
