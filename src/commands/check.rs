//! `bitext check`: the CI gate. Exit 0 when every selected article is complete in every
//! selected language, 1 when a segment is stale, missing or draft (or, with `--min-complete`,
//! when an article falls below the threshold), 2 on any error.
//!
//! Quality findings at level error ([`crate::qa`]) fail the check too, unless `--no-qa`.
//!
//! The findings are one report rendered four ways: text, JSON, GitHub Actions workflow
//! commands, and JUnit XML.

use std::fmt::Write as _;

use serde::Serialize;

use crate::commands::diff::finding_line;
use crate::commands::qa::QaFinding;
use crate::commands::status::{self, StatusReport};
use crate::error::Result;
use crate::exchange::xml::escape as xml_escape;
use crate::model::assess::State;
use crate::qa::{Context, Level};
use crate::t;
use crate::ui::cli::CheckFormat;
use crate::ui::l10n;
use crate::workspace::Workspace;
use crate::workspace::lang::Lang;
use crate::workspace::slug::Slug;

/// One segment that is not `current`.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The article's slug.
    pub article: String,
    /// The source file, relative to the workspace root.
    pub source: String,
    /// The language.
    pub lang: String,
    /// 1-based position.
    pub n: usize,
    /// Segment id.
    pub id: String,
    /// 1-based line in the source file.
    pub line: usize,
    /// `stale`, `missing` or `draft`.
    pub state: State,
    /// Whether this finding fails the check (with `--min-complete`, only findings in articles
    /// below the threshold do).
    pub failing: bool,
}

/// One article in one language.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleResult {
    /// The article's slug.
    pub article: String,
    /// The source file.
    pub source: String,
    /// The language.
    pub lang: String,
    /// Number of segments.
    pub segments: usize,
    /// Segments current.
    pub current: usize,
    /// current / segments x 100, one decimal.
    pub percent: f64,
    /// Whether this article passes in this language.
    pub passed: bool,
}

/// Counts over every article and language checked.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Totals {
    /// Articles checked.
    pub articles: usize,
    /// Languages checked.
    pub languages: usize,
    /// Stale segments.
    pub stale: usize,
    /// Missing segments.
    pub missing: usize,
    /// Draft segments.
    pub draft: usize,
    /// Quality findings at level error.
    pub qa_errors: usize,
    /// Merge conflicts waiting for `bitext resolve`.
    pub conflicts: usize,
}

/// A merge conflict: it fails the check whatever `--min-complete` says.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictFinding {
    /// The article's slug.
    pub article: String,
    /// The source file.
    pub source: String,
    /// The language.
    pub lang: String,
    /// Where the conflict is.
    #[serde(flatten)]
    pub at: status::ConflictStatus,
}

impl ConflictFinding {
    fn location(&self) -> String {
        format!(
            "{}:{}: {}",
            self.source,
            self.at.line,
            status::conflict_line(&self.article, &self.lang, &self.at)
        )
    }
}

/// The outcome of `check`.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    /// Whether the check passed.
    pub passed: bool,
    /// The `--min-complete` threshold, if given.
    pub min_complete: Option<f64>,
    /// Counts.
    pub totals: Totals,
    /// Every article in every language.
    pub results: Vec<ArticleResult>,
    /// Every segment that is not current.
    pub findings: Vec<Finding>,
    /// Quality findings at level error (empty with `--no-qa`).
    pub qa: Vec<QaFinding>,
    /// Every merge conflict.
    pub conflicts: Vec<ConflictFinding>,
}

/// Checks the selected articles in the selected languages.
///
/// # Errors
/// Any unreadable or malformed source or translation file.
pub fn run(
    ws: &Workspace,
    articles: &[Slug],
    langs: &[Lang],
    min_complete: Option<f64>,
    qa: bool,
) -> Result<CheckReport> {
    // A chunk of articles at a time, so that the status of the whole workspace is never held
    // beside the report made from it.
    let mut report = from_status(
        &StatusReport {
            articles: Vec::new(),
        },
        langs.len(),
        min_complete,
    );
    report.totals.articles = articles.len();
    for chunk in articles.chunks(64) {
        let status = status::run(ws, chunk, langs, status::Listing::Unfinished)?;
        add_status(&mut report, &status, min_complete);
    }
    if qa {
        let mut ctx = Context::without_index(ws)?;
        ctx.min_level = Level::Error;
        report.qa = crate::commands::qa::run(ws, articles, langs, ctx)?.findings;
        report.totals.qa_errors = report.qa.len();
        report.passed &= report.qa.is_empty();
    }
    Ok(report)
}

fn from_status(status: &StatusReport, languages: usize, min_complete: Option<f64>) -> CheckReport {
    let mut report = CheckReport {
        passed: true,
        min_complete,
        totals: Totals {
            articles: status.articles.len(),
            languages,
            ..Totals::default()
        },
        results: Vec::new(),
        findings: Vec::new(),
        qa: Vec::new(),
        conflicts: Vec::new(),
    };
    add_status(&mut report, status, min_complete);
    report
}

/// Adds the articles of `status` to `report`.
fn add_status(report: &mut CheckReport, status: &StatusReport, min_complete: Option<f64>) {
    for article in &status.articles {
        for lang in &article.languages {
            let passed = match min_complete {
                Some(threshold) => lang.percent >= threshold,
                None => lang.current == article.segments,
            } && lang.conflict_list.is_empty();
            report.totals.conflicts += lang.conflict_list.len();
            report
                .conflicts
                .extend(lang.conflict_list.iter().map(|at| ConflictFinding {
                    article: article.article.clone(),
                    source: article.source.clone(),
                    lang: lang.lang.clone(),
                    at: at.clone(),
                }));
            report.passed &= passed;
            report.totals.stale += lang.stale;
            report.totals.missing += lang.missing;
            report.totals.draft += lang.draft;
            report.results.push(ArticleResult {
                article: article.article.clone(),
                source: article.source.clone(),
                lang: lang.lang.clone(),
                segments: article.segments,
                current: lang.current,
                percent: lang.percent,
                passed,
            });
            for segment in lang.segments.iter().flatten() {
                if segment.state != State::Current {
                    report.findings.push(Finding {
                        article: article.article.clone(),
                        source: article.source.clone(),
                        lang: lang.lang.clone(),
                        n: segment.n,
                        id: segment.id.clone(),
                        line: segment.line,
                        state: segment.state,
                        failing: !passed,
                    });
                }
            }
        }
    }
}

impl Finding {
    fn location(&self) -> String {
        finding_line(
            self.state,
            &self.source,
            self.line,
            &self.lang,
            self.n,
            &self.id,
        )
    }
}

/// The summary line: passed or failed, with counts.
fn summary(report: &CheckReport) -> String {
    let totals = report.totals;
    let id = if report.passed {
        "check-passed"
    } else {
        "check-failed"
    };
    let mut line = t!(
        id,
        articles = totals.articles,
        languages = totals.languages,
        stale = totals.stale,
        missing = totals.missing,
        draft = totals.draft
    );
    if totals.conflicts > 0 {
        line.push(' ');
        line.push_str(&t!("check-conflicts", count = totals.conflicts));
    }
    if let Some(threshold) = report.min_complete {
        line.push(' ');
        line.push_str(&t!("check-threshold", percent = &l10n::percent(threshold)));
    }
    if !report.qa.is_empty() {
        line.push(' ');
        line.push_str(&t!("check-qa-summary", count = report.qa.len()));
    }
    line
}

/// Below-threshold lines for `--min-complete`.
fn below_threshold(report: &CheckReport) -> Vec<String> {
    let Some(threshold) = report.min_complete else {
        return Vec::new();
    };
    report
        .results
        .iter()
        .filter(|r| !r.passed)
        .map(|r| {
            t!(
                "check-below",
                path = &r.source,
                lang = r.lang.as_str(),
                percent = &l10n::percent(r.percent),
                threshold = &l10n::percent(threshold)
            )
        })
        .collect()
}

/// One line per failing finding, the articles below the threshold, one line per warning (a
/// finding that does not fail the check), then the summary.
#[must_use]
pub fn render_text(report: &CheckReport) -> String {
    let mut out = String::new();
    for finding in report.findings.iter().filter(|f| f.failing) {
        let _ = writeln!(out, "{}", finding.location());
    }
    for conflict in &report.conflicts {
        let _ = writeln!(out, "{}", conflict.location());
    }
    for line in below_threshold(report) {
        let _ = writeln!(out, "{line}");
    }
    // With `--min-complete`, the work left in articles above the threshold does not fail the
    // check: it is listed after the failures, each line marked as a warning.
    for finding in report.findings.iter().filter(|f| !f.failing) {
        let _ = writeln!(
            out,
            "{}",
            t!("check-warning", finding = &finding.location())
        );
    }
    for finding in &report.qa {
        out.push_str(&finding.render());
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

/// The report as JSON (pretty, with a trailing newline).
#[must_use]
pub fn render_json(report: &CheckReport) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// GitHub Actions workflow commands: one `::error` per failing finding (`::warning` for a
/// finding that does not fail the check), placed on the segment's source line.
#[must_use]
pub fn render_github(report: &CheckReport) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        let level = if finding.failing { "error" } else { "warning" };
        let title = t!(
            &format!("check-title-{}", finding.state.as_str()),
            lang = finding.lang.as_str()
        );
        let message = t!(
            &format!("check-message-{}", finding.state.as_str()),
            lang = finding.lang.as_str(),
            n = finding.n,
            id = &finding.id,
            article = &finding.article
        );
        let _ = writeln!(
            out,
            "::{level} file={},line={},title={}::{}",
            escape_property(&finding.source),
            finding.line,
            escape_property(&title),
            escape_data(&message)
        );
    }
    for conflict in &report.conflicts {
        let _ = writeln!(
            out,
            "::error file={},line={},title={}::{}",
            escape_property(&conflict.source),
            conflict.at.line,
            escape_property(&t!("check-title-conflict", lang = conflict.lang.as_str())),
            escape_data(&status::conflict_line(
                &conflict.article,
                &conflict.lang,
                &conflict.at
            ))
        );
    }
    for line in below_threshold(report) {
        let _ = writeln!(out, "::error::{}", escape_data(&line));
    }
    for finding in &report.qa {
        let _ = writeln!(out, "{}", crate::commands::qa::github_line(finding));
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

/// Escapes a workflow command's message, as the GitHub Actions toolkit does.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value, as the GitHub Actions toolkit does.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A JUnit XML report: one testsuite per language, one testcase per article, and a failure
/// element listing the stale, missing and draft segments of a failing article.
#[must_use]
pub fn render_junit(report: &CheckReport, langs: &[Lang]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let qa_of = |r: &ArticleResult| -> Vec<&QaFinding> {
        report
            .qa
            .iter()
            .filter(|f| f.article == r.article && f.lang == r.lang)
            .collect()
    };
    let fails = |r: &ArticleResult| !r.passed || !qa_of(r).is_empty();
    let failures = report.results.iter().filter(|r| fails(r)).count();
    let _ = writeln!(
        out,
        "<testsuites name=\"bitext check\" tests=\"{}\" failures=\"{failures}\">",
        report.results.len()
    );
    for lang in langs {
        let results: Vec<&ArticleResult> = report
            .results
            .iter()
            .filter(|r| r.lang == lang.as_str())
            .collect();
        let suite_failures = results.iter().filter(|r| fails(r)).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{suite_failures}\" errors=\"0\" skipped=\"0\">",
            xml_escape(lang.as_str()),
            results.len()
        );
        for result in results {
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"bitext.{}\" file=\"{}\"",
                xml_escape(&result.article),
                xml_escape(&result.lang),
                xml_escape(&result.source)
            );
            if !fails(result) {
                out.push_str("/>\n");
                continue;
            }
            if result.passed {
                let qa = qa_of(result);
                let text: Vec<String> = qa.iter().map(|f| f.render()).collect();
                let _ = writeln!(
                    out,
                    ">\n      <failure message=\"{}\" type=\"qa\">{}</failure>\n    </testcase>",
                    xml_escape(&qa[0].line()),
                    xml_escape(text.concat().trim_end())
                );
                continue;
            }
            let mut findings: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.article == result.article && f.lang == result.lang)
                .map(Finding::location)
                .chain(
                    report
                        .conflicts
                        .iter()
                        .filter(|c| c.article == result.article && c.lang == result.lang)
                        .map(ConflictFinding::location),
                )
                .collect();
            findings.extend(qa_of(result).iter().map(|f| f.line()));
            let counts = t!(
                "check-junit-message",
                percent = &l10n::percent(result.percent),
                current = result.current,
                segments = result.segments
            );
            let _ = writeln!(
                out,
                ">\n      <failure message=\"{}\" type=\"incomplete\">{}</failure>\n    </testcase>",
                xml_escape(&counts),
                xml_escape(&findings.join("\n"))
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// `check` in the chosen format; exit 1 when it fails.
///
/// # Errors
/// As [`run`].
pub fn execute(ws: &Workspace, args: &crate::ui::cli::CheckArgs) -> Result<crate::Outcome> {
    let (articles, langs) = super::select(ws, &args.selection.articles, &args.selection.langs)?;
    let report = run(ws, &articles, &langs, args.min_complete, !args.no_qa)?;
    let stdout = match args.format {
        CheckFormat::Text => render_text(&report),
        CheckFormat::Json => render_json(&report),
        CheckFormat::Github => render_github(&report),
        CheckFormat::Junit => render_junit(&report, &langs),
    };
    let code = if report.passed {
        crate::EXIT_OK
    } else {
        crate::EXIT_FOUND
    };
    Ok(crate::Outcome {
        stdout,
        stderr: String::new(),
        code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escaping_follows_the_toolkit() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
