//! `bitext diff`: for every stale segment, what changed in the source since it was translated
//! (cumulatively, invariant 9), with the translation to revise; then the missing segments.

use std::fmt::Write as _;

use serde::Serialize;

use crate::error::{Result, disp};
use crate::model::assess::{State, assess, linked_unit};
use crate::model::patch;
use crate::model::worddiff::{Chunk, word_diff};
use crate::t;
use crate::ui::cli::DiffFormat;
use crate::ui::term::Style;
use crate::workspace::Workspace;
use crate::workspace::lang::Lang;
use crate::workspace::parallel::map_ordered;
use crate::workspace::slug::Slug;

/// Stale and missing segments of the selected articles and languages.
#[derive(Debug, Serialize)]
pub struct DiffReport {
    /// Articles with at least one stale or missing segment, sorted by slug.
    pub articles: Vec<ArticleDiff>,
}

/// One article's stale and missing segments.
#[derive(Debug, Serialize)]
pub struct ArticleDiff {
    /// The slug.
    pub article: String,
    /// The source file, relative to the workspace root.
    pub source: String,
    /// Languages with at least one stale or missing segment, in the configured order.
    pub languages: Vec<LangDiff>,
}

/// One article in one language.
#[derive(Debug, Serialize)]
pub struct LangDiff {
    /// The language tag.
    pub lang: String,
    /// Stale segments, in order.
    pub stale: Vec<StaleSegment>,
    /// Missing segments, in order.
    pub missing: Vec<MissingSegment>,
}

/// A segment whose source changed since it was translated.
#[derive(Debug, Serialize)]
pub struct StaleSegment {
    /// 1-based position.
    pub n: usize,
    /// Segment id.
    pub id: String,
    /// 1-based line in the source file.
    pub line: usize,
    /// The source text the translation was made from.
    pub old: String,
    /// The current source text.
    pub new: String,
    /// The translation to revise.
    pub translation: String,
    /// The word-level diff from `old` to `new`.
    pub diff: Vec<Chunk>,
}

/// A segment with no translation.
#[derive(Debug, Serialize)]
pub struct MissingSegment {
    /// 1-based position.
    pub n: usize,
    /// Segment id.
    pub id: String,
    /// 1-based line in the source file.
    pub line: usize,
    /// The current source text.
    pub text: String,
    /// The score of its best match in the translation memory, when there is one of at
    /// least 75.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_match: Option<u8>,
}

impl DiffReport {
    /// Returns true if and only if the report shows no segment.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every article and language with something to show, in order.
    fn languages(&self) -> impl Iterator<Item = (&ArticleDiff, &LangDiff)> {
        self.articles
            .iter()
            .flat_map(|a| a.languages.iter().map(move |l| (a, l)))
    }
}

/// Computes the diffs of the selected articles and languages.
///
/// # Errors
/// Any unreadable or malformed source or translation file.
pub fn run(ws: &Workspace, articles: &[Slug], langs: &[Lang]) -> Result<DiffReport> {
    let matches = crate::memory::store::BestMatches::new(ws, langs);
    let found = map_ordered(articles, |slug| {
        let article = ws.load_article(slug)?;
        let mut languages = Vec::new();
        for lang in langs {
            let file = ws.load_translation(lang, slug)?;
            let assessment = assess(&article, file.as_ref());
            let (units, obsolete) = file.as_ref().map_or((&[][..], &[][..]), |f| {
                (f.units.as_slice(), f.obsolete.as_slice())
            });
            let mut entry = LangDiff {
                lang: lang.to_string(),
                stale: Vec::new(),
                missing: Vec::new(),
            };
            for ((segment, state), link) in article
                .segments
                .iter()
                .zip(&assessment.states)
                .zip(&assessment.links)
            {
                match state {
                    State::Stale => {
                        let Some(unit) = linked_unit(link, units, obsolete) else {
                            continue;
                        };
                        entry.stale.push(StaleSegment {
                            n: segment.n,
                            id: segment.id.clone(),
                            line: segment.line,
                            diff: word_diff(&unit.source, &segment.text),
                            old: unit.source.clone(),
                            new: segment.text.clone(),
                            translation: unit.target.clone(),
                        });
                    }
                    State::Missing => entry.missing.push(MissingSegment {
                        n: segment.n,
                        id: segment.id.clone(),
                        line: segment.line,
                        text: segment.text.clone(),
                        best_match: matches.best(lang, &segment.text),
                    }),
                    State::Current | State::Draft => {}
                }
            }
            if !entry.stale.is_empty() || !entry.missing.is_empty() {
                languages.push(entry);
            }
        }
        Ok((!languages.is_empty()).then(|| ArticleDiff {
            article: slug.to_string(),
            source: disp(&article.path),
            languages,
        }))
    })?;
    Ok(DiffReport {
        articles: found.into_iter().flatten().collect(),
    })
}

/// The one-line location of a finding: `sources/x.md:LINE: fr: stale segment 7 (3fa9c2d1)`.
#[must_use]
pub fn finding_line(
    state: State,
    path: &str,
    line: usize,
    lang: &str,
    n: usize,
    id: &str,
) -> String {
    t!(
        &format!("finding-{}", state.as_str()),
        path = path,
        line = line,
        lang = lang,
        n = n,
        id = id
    )
}

/// Renders the report inline: deletions and insertions in colour on a terminal, or as
/// `[-old-]{+new+}` markers when colour is off.
#[must_use]
pub fn render_text(report: &DiffReport, style: Style) -> String {
    let mut out = String::new();
    if report.is_empty() {
        out.push_str(&t!("diff-nothing"));
        out.push('\n');
        return out;
    }
    for (article, lang) in report.languages() {
        for s in &lang.stale {
            let heading = finding_line(
                State::Stale,
                &article.source,
                s.line,
                &lang.lang,
                s.n,
                &s.id,
            );
            let _ = writeln!(out, "{}", style.bold(&heading));
            let diff: String = s.diff.iter().map(|c| style.chunk(c)).collect();
            push_indented(&mut out, &diff, "    ");
            let _ = writeln!(
                out,
                "  {}",
                t!("diff-translation", lang = lang.lang.as_str())
            );
            push_indented(&mut out, &s.translation, "    ");
            out.push('\n');
        }
    }
    for (article, lang) in report.languages() {
        for m in &lang.missing {
            let heading = finding_line(
                State::Missing,
                &article.source,
                m.line,
                &lang.lang,
                m.n,
                &m.id,
            );
            let mut excerpt = crate::commands::status::excerpt(&m.text, 60);
            if let Some(score) = m.best_match {
                let _ = write!(
                    excerpt,
                    "  ({})",
                    t!("memory-best-match", score = usize::from(score))
                );
            }
            let line = t!(
                "diff-missing-line",
                finding = &style.bold(&heading),
                excerpt = &excerpt
            );
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

fn push_indented(out: &mut String, text: &str, indent: &str) {
    for line in text.split('\n') {
        let _ = writeln!(out, "{indent}{line}");
    }
}

/// Renders one unified patch per source file with stale segments, from the file as it was
/// translated (each stale segment's old text in its place, wrapped like the current lines)
/// to the file now, so that `git apply` and `patch` accept it. When languages were translated
/// from different texts, the first selected language that has the segment stale gives it.
///
/// # Errors
/// A source file that can no longer be read.
pub fn render_unified(ws: &Workspace, report: &DiffReport) -> Result<String> {
    let mut out = String::new();
    for article in &report.articles {
        let mut old: Vec<(usize, &str)> = Vec::new();
        for lang in &article.languages {
            for s in &lang.stale {
                if !old.iter().any(|(i, _)| *i == s.n - 1) {
                    old.push((s.n - 1, &s.old));
                }
            }
        }
        if old.is_empty() {
            continue;
        }
        let path = std::path::Path::new(&article.source);
        let bytes = std::fs::read(ws.abs(path)).map_err(|source| crate::error::Error::Read {
            path: path.to_owned(),
            source,
        })?;
        let current = crate::error::utf8(path, &bytes)?;
        out.push_str(&patch::unified(&article.source, current, &old));
    }
    Ok(out)
}

/// Renders the report as JSON (pretty, with a trailing newline).
#[must_use]
pub fn render_json(report: &DiffReport) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// `diff` in the chosen format; with `--exit-code`, exit 1 when there is a change to show.
///
/// # Errors
/// As [`run`].
pub fn execute(
    ws: &Workspace,
    args: &crate::ui::cli::DiffArgs,
    style: Style,
) -> Result<crate::Outcome> {
    let (articles, langs) = super::select(ws, &args.selection.articles, &args.selection.langs)?;
    let report = run(ws, &articles, &langs)?;
    let stdout = match args.format {
        DiffFormat::Text => render_text(&report, style),
        DiffFormat::Unified => render_unified(ws, &report)?,
        DiffFormat::Json => render_json(&report),
    };
    let code = if args.exit_code && !report.is_empty() {
        crate::EXIT_FOUND
    } else {
        crate::EXIT_OK
    };
    Ok(crate::Outcome {
        stdout,
        stderr: String::new(),
        code,
    })
}
