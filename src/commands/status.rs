//! `bitext status`: per article and language, how many segments are current, stale, missing,
//! draft and obsolete. Never writes a file.

use std::fmt::Write as _;

use serde::Serialize;

use crate::ui::cli::Jobs;
use crate::ui::cli::Selection;
use crate::ui::term::{Style, pad_left, pad_right, width};
use bitext_core::error::{Result, disp};
use bitext_core::model::assess::State;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::t;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::parallel::map_ordered;
use clap::{Args, ValueEnum};

/// The whole report; its JSON form is the contract in the README.
#[derive(Debug, Serialize)]
pub struct StatusReport {
    /// One entry per selected article, sorted by slug.
    pub articles: Vec<ArticleStatus>,
}

/// One article's status in every selected language.
#[derive(Debug, Serialize)]
pub struct ArticleStatus {
    /// The slug.
    pub article: String,
    /// The source file, relative to the workspace root.
    pub source: String,
    /// Number of segments.
    pub segments: usize,
    /// One entry per selected language, in the configured order.
    pub languages: Vec<LangStatus>,
}

/// One article in one language.
#[derive(Debug, Serialize)]
pub struct LangStatus {
    /// The language tag.
    pub lang: String,
    /// Segments translated from the current text.
    pub current: usize,
    /// Segments translated from an earlier text.
    pub stale: usize,
    /// Segments with no translation.
    pub missing: usize,
    /// Segments with a draft translation.
    pub draft: usize,
    /// Translations whose paragraph no longer exists.
    pub obsolete: usize,
    /// current / segments x 100, one decimal; 100 for an article with no segments.
    pub percent: f64,
    /// Units translated differently on two merged branches, waiting for `bitext resolve`.
    pub conflicts: usize,
    /// Where each conflict is (for `check` and the text report).
    #[serde(skip)]
    pub conflict_list: Vec<ConflictStatus>,
    /// Every segment, with `--segments`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<SegmentStatus>>,
    /// The current segments not yet reviewed, listed for `check` only (an edition with
    /// `require = "reviewed"` waits for them).
    #[serde(skip)]
    pub unreviewed: Vec<SegmentStatus>,
}

/// One segment's state.
#[derive(Debug, Serialize)]
pub struct SegmentStatus {
    /// 1-based position.
    pub n: usize,
    /// Segment id.
    pub id: String,
    /// State.
    pub state: State,
    /// 1-based line in the source file.
    pub line: usize,
    /// The start of the segment's text.
    pub excerpt: String,
    /// For a missing segment, the score of its best match in the translation memory, when
    /// there is one of at least 75.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_match: Option<u8>,
}

/// One merge conflict left by `bitext merge-driver`.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictStatus {
    /// The segment whose translation is in conflict, if its unit is still in use.
    pub n: Option<usize>,
    /// The segment id, else the unit's.
    pub id: String,
    /// 1-based line of the segment in the source file (1 when it has no segment).
    pub line: usize,
}

/// The conflicts of `file`, located among `article`'s segments.
#[must_use]
pub fn conflicts(
    article: &bitext_core::model::article::Article,
    file: Option<&bitext_core::model::translation::TranslationFile>,
    assessment: &bitext_core::model::assess::Assessment,
) -> Vec<ConflictStatus> {
    use bitext_core::model::align::Link;
    use bitext_core::model::translation::Place;
    let Some(file) = file else {
        return Vec::new();
    };
    file.conflicts
        .iter()
        .map(|conflict| {
            let segment = file.conflict_unit(conflict).and_then(|place| {
                let index = assessment
                    .links
                    .iter()
                    .position(|link| match (link, place) {
                        (Link::Exact(i), Place::Live(u))
                        | (Link::ExactObsolete(i), Place::Obsolete(u)) => *i == u,
                        (Link::Similar(group), Place::Live(u)) => group.contains(&u),
                        _ => false,
                    })?;
                article.segments.get(index)
            });
            match segment {
                Some(segment) => ConflictStatus {
                    n: Some(segment.n),
                    id: segment.id.clone(),
                    line: segment.line,
                },
                None => ConflictStatus {
                    n: None,
                    id: conflict.id.clone(),
                    line: 1,
                },
            }
        })
        .collect()
}

/// Which segments a status report lists one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// None: counts only, so memory stays bounded by the largest article.
    None,
    /// Every segment (`--segments`).
    All,
    /// Only segments that are not current, without excerpts (what `check` reports).
    Unfinished,
}

/// Computes the status of the selected articles and languages.
///
/// # Errors
/// Any unreadable or malformed source or translation file.
pub fn run(
    ws: &Workspace,
    articles: &[Slug],
    langs: &[Lang],
    listing: Listing,
) -> Result<StatusReport> {
    let matches = bitext_core::memory::store::BestMatches::new(ws, langs);
    let articles = map_ordered(articles, |slug| {
        article_status(ws, slug, langs, listing, &matches)
    })?;
    Ok(StatusReport { articles })
}

/// How many articles [`write_to`] reads at once.
const CHUNK: usize = 64;

/// Writes `status` in `format` to `out` as it goes, a chunk of articles at a time, exactly
/// as [`render_text`] and [`render_json`] render the whole report.
///
/// # Errors
/// As [`run`], and a failed write (naming `-`, stdout).
pub fn write_to(
    ws: &Workspace,
    articles: &[Slug],
    langs: &[Lang],
    listing: Listing,
    (format, style): (StatusFormat, Style),
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let io = |source| bitext_core::error::Error::Write {
        path: std::path::PathBuf::from("-"),
        source,
    };
    let matches = bitext_core::memory::store::BestMatches::new(ws, langs);
    if format == StatusFormat::Json {
        out.write_all(b"{\n  \"articles\": [").map_err(io)?;
    } else if articles.is_empty() {
        out.write_all(
            render_text(
                &StatusReport {
                    articles: Vec::new(),
                },
                style,
            )
            .as_bytes(),
        )
        .map_err(io)?;
    }
    for (c, chunk) in articles.chunks(CHUNK).enumerate() {
        let rendered = map_ordered(chunk, |slug| {
            let article = article_status(ws, slug, langs, listing, &matches)?;
            let mut text = String::new();
            match format {
                StatusFormat::Text => push_article(&mut text, &article, style),
                StatusFormat::Json => text = crate::report::json::element(&article),
            }
            Ok(text)
        })?;
        for (i, text) in rendered.iter().enumerate() {
            let first = c == 0 && i == 0;
            let separator: &[u8] = match format {
                StatusFormat::Text if first => b"",
                StatusFormat::Text => b"\n",
                StatusFormat::Json if first => b"\n",
                StatusFormat::Json => b",\n",
            };
            out.write_all(separator).map_err(io)?;
            out.write_all(text.as_bytes()).map_err(io)?;
        }
    }
    if format == StatusFormat::Json {
        let end: &[u8] = if articles.is_empty() {
            b"]\n}\n"
        } else {
            b"\n  ]\n}\n"
        };
        out.write_all(end).map_err(io)?;
    }
    out.flush().map_err(io)
}

/// The status of one article in `langs`.
fn article_status(
    ws: &Workspace,
    slug: &Slug,
    langs: &[Lang],
    listing: Listing,
    matches: &bitext_core::memory::store::BestMatches<'_>,
) -> Result<ArticleStatus> {
    let article = ws.load_article(slug)?;
    let mut languages = Vec::with_capacity(langs.len());
    for lang in langs {
        let file = ws.load_translation(lang, slug)?;
        let assessment = ws.assess(&article, file.as_ref());
        let counts = assessment.counts();
        let conflict_list = conflicts(&article, file.as_ref(), &assessment);
        let listed = (listing != Listing::None).then(|| {
            article
                .segments
                .iter()
                .zip(&assessment.states)
                .filter(|(_, state)| listing == Listing::All || **state != State::Current)
                .map(|(segment, state)| SegmentStatus {
                    n: segment.n,
                    id: segment.id.clone(),
                    state: *state,
                    line: segment.line,
                    excerpt: if listing == Listing::All {
                        bitext_core::model::words::excerpt(&segment.text, 60)
                    } else {
                        String::new()
                    },
                    best_match: (listing == Listing::All && *state == State::Missing)
                        .then(|| matches.best(lang, &segment.text))
                        .flatten(),
                })
                .collect()
        });
        let unreviewed = if listing == Listing::Unfinished {
            bitext_core::model::review::unreviewed(file.as_ref(), &assessment)
                .into_iter()
                .map(|i| {
                    let segment = &article.segments[i];
                    SegmentStatus {
                        n: segment.n,
                        id: segment.id.clone(),
                        state: State::Current,
                        line: segment.line,
                        excerpt: String::new(),
                        best_match: None,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        languages.push(LangStatus {
            lang: lang.to_string(),
            current: counts.current,
            stale: counts.stale,
            missing: counts.missing,
            draft: counts.draft,
            obsolete: assessment.obsolete,
            percent: percent(counts.current, article.segments.len()),
            conflicts: conflict_list.len(),
            conflict_list,
            segments: listed,
            unreviewed,
        });
    }
    Ok(ArticleStatus {
        article: slug.to_string(),
        source: disp(&article.path),
        segments: article.segments.len(),
        languages,
    })
}

/// `part` of `total` as a percentage with one decimal; 100 when there is nothing to do.
#[must_use]
pub fn percent(part: usize, total: usize) -> f64 {
    if total == 0 {
        return 100.0;
    }
    #[allow(
        clippy::cast_precision_loss,
        reason = "segment counts stay far below 2^52"
    )]
    let tenths = ((part * 1000) as f64 / total as f64).round();
    tenths / 10.0
}

/// Renders the report as JSON (pretty, with a trailing newline).
#[must_use]
pub fn render_json(report: &StatusReport) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// Renders the report as tables for people.
#[must_use]
pub fn render_text(report: &StatusReport, style: Style) -> String {
    let mut out = String::new();
    if report.articles.is_empty() {
        out.push_str(&t!("status-no-articles"));
        out.push('\n');
        return out;
    }
    for (i, article) in report.articles.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        push_article(&mut out, article, style);
    }
    out
}

/// One article of [`render_text`]: its heading, its table, its conflicts and segments.
fn push_article(out: &mut String, article: &ArticleStatus, style: Style) {
    let heading = t!(
        "status-article-heading",
        path = &article.source,
        count = article.segments
    );
    out.push_str(&style.bold(&heading));
    out.push('\n');
    if article.segments == 0 {
        out.push_str("  ");
        out.push_str(&t!("status-empty-article"));
        out.push('\n');
    }
    render_table(out, article, style);
    for lang in &article.languages {
        for conflict in &lang.conflict_list {
            out.push_str("  ");
            out.push_str(&conflict_line(&article.article, &lang.lang, conflict));
            out.push('\n');
        }
    }
    for lang in &article.languages {
        if let Some(segments) = &lang.segments {
            render_segments(out, &lang.lang, segments, style);
        }
    }
}

/// One conflict for people: where it is and the command that resolves it.
#[must_use]
pub fn conflict_line(article: &str, lang: &str, conflict: &ConflictStatus) -> String {
    let segment = conflict
        .n
        .map_or_else(|| conflict.id.clone(), |n| n.to_string());
    t!(
        "status-conflict",
        lang = lang,
        segment = segment.as_str(),
        command =
            format!("bitext resolve {article} {segment} -l {lang} --ours|--theirs|--text TEXT")
                .as_str()
    )
}

fn render_table(out: &mut String, article: &ArticleStatus, style: Style) {
    let headers = [
        t!("status-col-lang"),
        t!("status-col-current"),
        t!("status-col-stale"),
        t!("status-col-missing"),
        t!("status-col-draft"),
        t!("status-col-obsolete"),
        t!("status-col-percent"),
    ];
    let rows: Vec<[String; 7]> = article
        .languages
        .iter()
        .map(|l| {
            [
                l.lang.clone(),
                l.current.to_string(),
                l.stale.to_string(),
                l.missing.to_string(),
                l.draft.to_string(),
                l.obsolete.to_string(),
                bitext_core::l10n::percent(l.percent),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..7)
        .map(|c| {
            rows.iter()
                .map(|r| width(&r[c]))
                .chain([width(&headers[c])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let header_line: Vec<String> = headers
        .iter()
        .enumerate()
        .map(|(c, h)| {
            if c == 0 {
                pad_right(h, widths[c])
            } else {
                pad_left(h, widths[c])
            }
        })
        .collect();
    out.push_str("  ");
    out.push_str(header_line.join("  ").trim_end());
    out.push('\n');
    let states = [
        None,
        Some(State::Current),
        Some(State::Stale),
        Some(State::Missing),
        Some(State::Draft),
        None,
        None,
    ];
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let padded = if c == 0 {
                    pad_right(cell, widths[c])
                } else {
                    pad_left(cell, widths[c])
                };
                match states[c] {
                    Some(state) if cell != "0" => style.state(state, &padded),
                    _ => padded,
                }
            })
            .collect();
        out.push_str("  ");
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
}

fn render_segments(out: &mut String, lang: &str, segments: &[SegmentStatus], style: Style) {
    out.push('\n');
    let _ = writeln!(out, "  {}", style.bold(lang));
    let headers = [
        t!("status-col-n"),
        t!("status-col-id"),
        t!("status-col-state"),
        t!("status-col-line"),
        t!("status-col-text"),
    ];
    let state_words: Vec<String> = segments
        .iter()
        .map(|s| t!(&format!("state-{}", s.state.as_str())))
        .collect();
    let n_width = segments
        .iter()
        .map(|s| width(&s.n.to_string()))
        .chain([width(&headers[0])])
        .max()
        .unwrap_or(1);
    let id_width = segments
        .iter()
        .map(|s| width(&s.id))
        .chain([width(&headers[1])])
        .max()
        .unwrap_or(8);
    let state_width = state_words
        .iter()
        .map(|w| width(w))
        .chain([width(&headers[2])])
        .max()
        .unwrap_or(7);
    let line_width = segments
        .iter()
        .map(|s| width(&s.line.to_string()))
        .chain([width(&headers[3])])
        .max()
        .unwrap_or(4);
    let _ = writeln!(
        out,
        "  {}  {}  {}  {}  {}",
        pad_left(&headers[0], n_width),
        pad_right(&headers[1], id_width),
        pad_right(&headers[2], state_width),
        pad_left(&headers[3], line_width),
        headers[4]
    );
    for (segment, word) in segments.iter().zip(&state_words) {
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}  {}",
            pad_left(&segment.n.to_string(), n_width),
            pad_right(&segment.id, id_width),
            style.state(segment.state, &pad_right(word, state_width)),
            pad_left(&segment.line.to_string(), line_width),
            match segment.best_match {
                Some(score) => format!(
                    "{}  ({})",
                    segment.excerpt,
                    t!("memory-best-match", score = usize::from(score))
                ),
                None => segment.excerpt.clone(),
            }
        );
    }
}

/// `status`: counts per article and language, or every segment with `--segments`.
///
/// # Errors
/// As [`run`].
pub fn execute(
    ws: &Workspace,
    args: &StatusArgs,
    style: Style,
    output: &mut crate::Output<'_>,
) -> Result<crate::Outcome> {
    let (articles, langs) = super::select(ws, &args.selection.articles, &args.selection.langs)?;
    ws.refuse_unmerged(&langs)?;
    let listing = if args.segments {
        Listing::All
    } else {
        Listing::None
    };
    match write_to(
        ws,
        &articles,
        &langs,
        listing,
        (args.format, style),
        output.out,
    ) {
        // `bitext status | head` closing the pipe early is not an error.
        Err(bitext_core::error::Error::Write { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(crate::Outcome::ok(String::new()))
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Output format of `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    // Tables for people.
    Text,
    // The JSON shape documented in the README, for other tools.
    Json,
}

/// Arguments of `status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub jobs: Jobs,
    /// List every segment with its position, id, state, line and an excerpt.
    #[arg(long)]
    pub segments: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_has_one_decimal_and_is_full_for_empty_articles() {
        assert!((percent(20, 22) - 90.9).abs() < 1e-9);
        assert!((percent(0, 5) - 0.0).abs() < 1e-9);
        assert!((percent(0, 0) - 100.0).abs() < 1e-9);
        assert!((percent(2, 3) - 66.7).abs() < 1e-9);
    }
}
