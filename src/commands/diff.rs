//! `bitext diff`: for every stale segment, what changed in the source since it was translated
//! (cumulatively, invariant 9), with the translation to revise; then the missing segments.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use crate::ui::cli::Jobs;
use crate::ui::cli::Selection;
use crate::ui::term::Style;
use bitext_core::error::{Error, Result, disp};
use bitext_core::model::assess::{State, linked_unit};
use bitext_core::model::lang::Lang;
use bitext_core::model::patch;
use bitext_core::model::slug::Slug;
use bitext_core::model::worddiff::{Chunk, word_diff};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::parallel::map_ordered;
use clap::{Args, ValueEnum};

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
}

impl ArticleDiff {
    /// Every language of the article with something to show, in order.
    fn languages(&self) -> impl Iterator<Item = (&ArticleDiff, &LangDiff)> {
        self.languages.iter().map(move |l| (self, l))
    }
}

/// Which segments a walk collects: `diff` in text shows every stale segment before the first
/// missing one, so it walks the workspace twice. Missing segments come with their best match
/// in the translation memory, except in [`Part::Unscored`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Stale and missing segments.
    Both,
    /// Stale segments only, for the text output, which shows each one's word diff and
    /// translation: their old and new texts are left empty, so that a long article's report
    /// does not hold its texts three times.
    Stale,
    /// Missing segments only.
    Missing,
    /// Stale and missing segments, without looking up the missing ones' best matches (the
    /// unified patch shows only stale segments, but its exit code counts missing ones).
    Unscored,
}

/// How many articles are read at once: enough to keep every core busy, few enough that the
/// memory does not grow with the workspace.
const CHUNK: usize = 64;

/// Computes the diffs of the selected articles and languages.
///
/// # Errors
/// Any unreadable or malformed source or translation file.
pub fn run(ws: &Workspace, articles: &[Slug], langs: &[Lang]) -> Result<DiffReport> {
    let mut found = Vec::new();
    for_each(ws, articles, langs, Part::Both, |article| {
        found.push(article);
        Ok(())
    })?;
    Ok(DiffReport { articles: found })
}

/// Computes the diff of the selected articles a few at a time and gives `f` each article
/// with something to show, in order, so that only a few articles are held at once. The
/// translation memory is opened only if a missing segment's best match is looked up.
///
/// # Errors
/// Any unreadable or malformed source or translation file, and whatever `f` returns.
pub fn for_each(
    ws: &Workspace,
    articles: &[Slug],
    langs: &[Lang],
    part: Part,
    mut f: impl FnMut(ArticleDiff) -> Result<()>,
) -> Result<()> {
    let matches = bitext_core::memory::store::BestMatches::new(ws, langs);
    for chunk in articles.chunks(CHUNK) {
        let found = map_ordered(chunk, |slug| article_diff(ws, slug, langs, part, &matches))?;
        for article in found.into_iter().flatten() {
            f(article)?;
        }
    }
    Ok(())
}

/// The stale and missing segments (as `part` asks) of one article.
fn article_diff(
    ws: &Workspace,
    slug: &Slug,
    langs: &[Lang],
    part: Part,
    matches: &bitext_core::memory::store::BestMatches<'_>,
) -> Result<Option<ArticleDiff>> {
    let article = ws.load_article(slug)?;
    let mut languages = Vec::new();
    for lang in langs {
        let file = ws.load_translation(lang, slug)?;
        let assessment = ws.assess(&article, file.as_ref());
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
                State::Stale if part != Part::Missing => {
                    let Some(unit) = linked_unit(link, units, obsolete) else {
                        continue;
                    };
                    let texts = part != Part::Stale;
                    entry.stale.push(StaleSegment {
                        n: segment.n,
                        id: segment.id.clone(),
                        line: segment.line,
                        diff: word_diff(&unit.source, &segment.text),
                        old: if texts {
                            unit.source.clone()
                        } else {
                            String::new()
                        },
                        new: if texts {
                            segment.text.clone()
                        } else {
                            String::new()
                        },
                        translation: unit.target.clone(),
                    });
                }
                State::Missing if part != Part::Stale => entry.missing.push(MissingSegment {
                    n: segment.n,
                    id: segment.id.clone(),
                    line: segment.line,
                    text: segment.text.clone(),
                    best_match: if part == Part::Unscored {
                        None
                    } else {
                        matches.best(lang, &segment.text)
                    },
                }),
                _ => {}
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

/// The line naming a segment that is current but not reviewed, where an edition requires
/// reviewed translations, as [`finding_line`] names an unfinished one.
#[must_use]
pub fn unreviewed_line(path: &str, line: usize, lang: &str, n: usize, id: &str) -> String {
    t!(
        "finding-unreviewed",
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
    if report.is_empty() {
        return nothing();
    }
    let mut out = String::new();
    for article in &report.articles {
        push_stale(&mut out, article, style);
    }
    for article in &report.articles {
        push_missing(&mut out, article, style);
    }
    out
}

/// The line `diff` prints when it has nothing to show.
fn nothing() -> String {
    let mut out = t!("diff-nothing");
    out.push('\n');
    out
}

/// The stale segments of one article, as [`render_text`] shows them.
fn push_stale(out: &mut String, article: &ArticleDiff, style: Style) {
    for (article, lang) in article.languages() {
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
            push_indented(out, &diff, "    ");
            let _ = writeln!(
                out,
                "  {}",
                t!("diff-translation", lang = lang.lang.as_str())
            );
            push_indented(out, &s.translation, "    ");
            out.push('\n');
        }
    }
}

/// The missing segments of one article, as [`render_text`] shows them.
fn push_missing(out: &mut String, article: &ArticleDiff, style: Style) {
    for (article, lang) in article.languages() {
        for m in &lang.missing {
            let heading = finding_line(
                State::Missing,
                &article.source,
                m.line,
                &lang.lang,
                m.n,
                &m.id,
            );
            let mut excerpt = bitext_core::model::words::excerpt(&m.text, 60);
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
        out.push_str(&unified_article(ws, article)?);
    }
    Ok(out)
}

/// The unified patch of one article (empty when it has no stale segment).
fn unified_article(ws: &Workspace, article: &ArticleDiff) -> Result<String> {
    let mut old: Vec<(usize, &str)> = Vec::new();
    for lang in &article.languages {
        for s in &lang.stale {
            if !old.iter().any(|(i, _)| *i == s.n - 1) {
                old.push((s.n - 1, &s.old));
            }
        }
    }
    if old.is_empty() {
        return Ok(String::new());
    }
    let path = std::path::Path::new(&article.source);
    let bytes = bitext_core::workspace::files::read_existing(&ws.abs(path), path)?;
    let current = bitext_core::error::utf8(path, &bytes)?;
    Ok(patch::unified(&article.source, current, &old))
}

/// Renders the report as JSON (pretty, with a trailing newline).
#[must_use]
pub fn render_json(report: &DiffReport) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes `diff` in `format` to `out` as it goes, an article at a time, exactly as the
/// renderers of the whole report would; returns whether anything was shown.
///
/// # Errors
/// As [`run`], and a failed write (naming `-`, stdout).
pub fn write_to(
    ws: &Workspace,
    articles: &[Slug],
    langs: &[Lang],
    format: DiffFormat,
    style: Style,
    out: &mut dyn Write,
) -> Result<bool> {
    let io = |source| Error::Write {
        path: std::path::PathBuf::from("-"),
        source,
    };
    let mut shown = false;
    match format {
        DiffFormat::Text => {
            for (part, push) in [
                (
                    Part::Stale,
                    push_stale as fn(&mut String, &ArticleDiff, Style),
                ),
                (Part::Missing, push_missing),
            ] {
                for_each(ws, articles, langs, part, |article| {
                    shown = true;
                    let mut text = String::new();
                    push(&mut text, &article, style);
                    out.write_all(text.as_bytes()).map_err(io)
                })?;
            }
            if !shown {
                out.write_all(nothing().as_bytes()).map_err(io)?;
            }
        }
        DiffFormat::Unified => {
            for_each(ws, articles, langs, Part::Unscored, |article| {
                shown = true;
                out.write_all(unified_article(ws, &article)?.as_bytes())
                    .map_err(io)
            })?;
        }
        DiffFormat::Json => {
            out.write_all(b"{\n  \"articles\": [").map_err(io)?;
            for_each(ws, articles, langs, Part::Both, |article| {
                let sep: &[u8] = if shown { b",\n" } else { b"\n" };
                shown = true;
                out.write_all(sep).map_err(io)?;
                crate::report::json::write_element(out, &article).map_err(io)
            })?;
            let end: &[u8] = if shown { b"\n  ]\n}\n" } else { b"]\n}\n" };
            out.write_all(end).map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    Ok(shown)
}

/// `diff` in the chosen format, written to stdout as it is computed; with `--exit-code`,
/// exit 1 when there is a change to show.
///
/// # Errors
/// As [`run`].
pub fn execute(
    ws: &Workspace,
    args: &DiffArgs,
    style: Style,
    output: &mut crate::Output<'_>,
) -> Result<crate::Outcome> {
    let (articles, langs) = super::select(ws, &args.selection.articles, &args.selection.langs)?;
    let shown = match write_to(ws, &articles, &langs, args.format, style, output.out) {
        Ok(shown) => shown,
        // `bitext diff | head` closing the pipe early is not an error.
        Err(Error::Write { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => return Err(e),
    };
    let code = if args.exit_code && shown {
        crate::EXIT_FOUND
    } else {
        crate::EXIT_OK
    };
    Ok(crate::Outcome {
        stdout: String::new(),
        stderr: String::new(),
        code,
    })
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    // Inline word diff, coloured on a terminal, with [-old-]{+new+} markers otherwise.
    Text,
    // One unified diff per stale segment.
    Unified,
    // The report as JSON.
    Json,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub jobs: Jobs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Exit 1 when the diff shows anything, as `git diff --exit-code`.
    #[arg(long)]
    pub exit_code: bool,
}
