//! `bitext suggest`: the closest translations the memory holds for one segment, best first,
//! each with its score, its source marked with what differs from the segment, its translation
//! and where it comes from. An exact match made between the same neighbours as the segment's
//! is in context, listed first and said so.

use std::fmt::Write as _;

use crate::ui::term::Style;
use bitext_core::error::{Result, disp};
use bitext_core::memory::index::{Context, Hit, Origin};
use bitext_core::memory::score::score;
use bitext_core::memory::store;
use bitext_core::model::assess::{State, linked_unit};
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::model::worddiff::word_diff;
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::{Args, ValueEnum};

/// What `suggest` found for one segment.
#[derive(Debug)]
pub struct SuggestReport {
    /// The source file, relative to the root.
    pub path: String,
    /// The segment's position.
    pub n: usize,
    /// The segment's id.
    pub id: String,
    /// Its line in the source file.
    pub line: usize,
    /// The language.
    pub lang: Lang,
    /// The segment's current text.
    pub text: String,
    /// The threshold used.
    pub min_score: u8,
    /// Matches, best first.
    pub matches: Vec<Hit>,
}

/// Looks up segment `spec` of `slug` in the memory of `lang`.
///
/// A stale segment's own earlier translation is always among the matches, whatever its
/// score and the limit; a segment's own current translation is not a suggestion and is left
/// out.
///
/// # Errors
/// An unknown segment, or an unreadable or malformed file.
pub fn run(
    ws: &Workspace,
    slug: &Slug,
    spec: &str,
    lang: &Lang,
    min_score: u8,
    limit: usize,
) -> Result<SuggestReport> {
    let article = ws.load_article(slug)?;
    let segment = article.find(spec)?.clone();
    let memory = store::open(ws, lang, true)?;
    // The segment's own translation is what the translator already has, not a suggestion.
    let is_self = |hit: &Hit| {
        matches!(&hit.origin, Origin::Segment { article, lang: l, id, .. }
            if article == slug.as_str() && l == lang.as_str() && *id == segment.id)
    };
    let i = segment.n - 1;
    let context = Context::at(&article.segments, i);
    let mut matches = memory.lookup_in(
        &segment.text,
        Some(context),
        min_score,
        limit.saturating_add(1),
    )?;
    matches.retain(|h| !is_self(h));
    matches.truncate(limit);
    let file = ws.load_translation(lang, slug)?;
    let assessment = ws.assess(&article, file.as_ref());
    if assessment.states[i] == State::Stale
        && let Some(file) = &file
        && let Some(unit) = linked_unit(&assessment.links[i], &file.units, &file.obsolete)
    {
        matches.retain(|h| h.source != unit.source || h.target != unit.target);
        let own = Hit {
            score: score(&segment.text, &unit.source),
            in_context: false,
            source: unit.source.clone(),
            target: unit.target.clone(),
            origin: Origin::Segment {
                article: slug.to_string(),
                lang: lang.to_string(),
                n: segment.n,
                id: segment.id.clone(),
            },
        };
        let at = matches.partition_point(|h| h.score >= own.score);
        matches.insert(at, own);
        if matches.len() > limit.max(1) {
            let drop = if at == matches.len() - 1 {
                matches.len() - 2
            } else {
                matches.len() - 1
            };
            matches.remove(drop);
        }
    }
    Ok(SuggestReport {
        path: disp(&article.path),
        n: segment.n,
        id: segment.id.clone(),
        line: segment.line,
        lang: lang.clone(),
        text: segment.text,
        min_score,
        matches,
    })
}

/// Where a match comes from, for people.
#[must_use]
pub fn origin_text(origin: &Origin) -> String {
    match origin {
        Origin::Segment {
            article,
            lang,
            n,
            id,
        } => t!(
            "memory-origin-segment",
            article = article.as_str(),
            lang = lang.as_str(),
            n = *n,
            id = id.as_str()
        ),
        Origin::Obsolete { article, lang } => t!(
            "memory-origin-obsolete",
            article = article.as_str(),
            lang = lang.as_str()
        ),
        Origin::Tmx { file, lang } => {
            t!(
                "memory-origin-tmx",
                file = file.as_str(),
                lang = lang.as_str()
            )
        }
    }
}

/// Renders the matches for people: the score and origin, then the match's source with what
/// differs from the segment marked as `diff` marks it, then its translation.
#[must_use]
pub fn render_text(report: &SuggestReport, style: Style) -> String {
    let mut out = String::new();
    let heading = t!(
        "suggest-heading",
        path = report.path.as_str(),
        line = report.line,
        lang = report.lang.as_str(),
        n = report.n,
        id = report.id.as_str()
    );
    let _ = writeln!(out, "{}", style.bold(&heading));
    if report.matches.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            t!("suggest-none", min = usize::from(report.min_score))
        );
        return out;
    }
    for hit in &report.matches {
        let id = if hit.in_context {
            "suggest-match-in-context"
        } else {
            "suggest-match"
        };
        let _ = writeln!(
            out,
            "\n  {}",
            t!(
                id,
                score = usize::from(hit.score),
                origin = &origin_text(&hit.origin)
            )
        );
        let diff: String = word_diff(&hit.source, &report.text)
            .iter()
            .map(|c| style.chunk(c))
            .collect();
        for line in diff.split('\n') {
            let _ = writeln!(out, "    {line}");
        }
        for line in hit.target.split('\n') {
            let _ = writeln!(out, "    → {line}");
        }
    }
    out
}

/// Renders the matches as a JSON list, best first.
#[must_use]
pub fn render_json(report: &SuggestReport) -> String {
    let mut text = serde_json::to_string_pretty(&report.matches).unwrap_or_default();
    text.push('\n');
    text
}

/// `suggest`.
///
/// # Errors
/// As [`run`].
pub fn execute(ws: &Workspace, args: &SuggestArgs, style: Style) -> Result<crate::Outcome> {
    let (articles, langs) = super::select(
        ws,
        std::slice::from_ref(&args.article),
        std::slice::from_ref(&args.lang),
    )?;
    let report = run(
        ws,
        &articles[0],
        &args.segment,
        &langs[0],
        args.min_score,
        args.limit,
    )?;
    let stdout = match args.format {
        SuggestFormat::Text => render_text(&report, style),
        SuggestFormat::Json => render_json(&report),
    };
    Ok(crate::Outcome::ok(stdout))
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Output format of `suggest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    // The matches for people, with what differs marked.
    Text,
    // A list of matches, best first.
    Json,
}

/// Arguments of `suggest`.
#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The article (its name, such as guides/intro, or its source file).
    pub article: String,
    /// The segment: a position from 1, or an id (a unique prefix is enough).
    pub segment: String,
    /// The language to suggest translations in.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Show at most N matches.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub limit: usize,
    /// Show only matches scoring at least PCT.
    #[arg(long, value_name = "PCT", default_value_t = 50, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_score: u8,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SuggestFormat::Text)]
    pub format: SuggestFormat,
}
