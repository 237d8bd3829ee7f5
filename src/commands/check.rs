//! `bitext check`: the CI gate. Exit 0 when every selected article is complete in every
//! selected language, 1 when a segment is stale, missing or draft (or, with `--min-complete`,
//! when an article falls below the threshold), 2 on any error.
//!
//! Quality findings at level error ([`bitext_core::qa`]) fail the check too, unless `--no-qa`.
//!
//! The findings are one report rendered four ways: text, JSON, GitHub Actions workflow
//! commands, and JUnit XML. It is written as it is made, a section of the output per
//! temporary file, so that checking a large workspace does not hold its report.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::commands::diff::{finding_line, unreviewed_line};
use crate::commands::status;
use crate::report::junit::Junit;
use crate::ui::cli::CheckFormat;
use crate::ui::cli::Jobs;
use crate::ui::cli::Selection;
use bitext_core::error::Result;
use bitext_core::model::assess::State;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::qa::located::QaFinding;
use bitext_core::qa::{Context, Level};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::Args;

mod sinks;

use sinks::{JsonSink, JunitSink, LineSink, Lines};

/// What a finding says of its segment: a state other than `current`, or a current
/// translation not yet reviewed in an article of an edition with `require = "reviewed"`.
/// In JSON, the state's name or `unreviewed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Stale, missing or draft.
    State(State),
    /// Current but not reviewed, where an edition requires reviewed translations.
    Unreviewed,
}

impl Found {
    /// The name in JSON and in Fluent message ids (`check-title-unreviewed`, ...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::State(state) => state.as_str(),
            Self::Unreviewed => "unreviewed",
        }
    }
}

impl Serialize for Found {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One segment that is not `current`, or not reviewed where an edition requires it.
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
    /// `stale`, `missing`, `draft` or `unreviewed`.
    pub state: Found,
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
    /// Current segments not reviewed, in articles of editions with `require = "reviewed"`
    /// (in JSON only when there are some).
    #[serde(skip_serializing_if = "is_zero")]
    pub unreviewed: usize,
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_zero(count: &usize) -> bool {
    *count == 0
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

/// What a check has found so far: the verdict and the counts. Everything else goes to the
/// format's [`Sink`] as it is found.
struct Verdict {
    passed: bool,
    min_complete: Option<f64>,
    totals: Totals,
}

/// One article in one language, with what it leaves to do.
struct Checked<'a> {
    result: &'a ArticleResult,
    findings: &'a [Finding],
    conflicts: &'a [ConflictFinding],
}

/// Where a format writes the report as it is made: each article's part goes to temporary
/// files, one per section of the output, and [`Sink::finish`] writes the sections in order,
/// so that the report of a whole workspace is never held, and nothing reaches stdout before
/// the check has read every file.
trait Sink {
    fn article(&mut self, checked: &Checked<'_>, qa: &[&QaFinding]) -> io::Result<()>;
    fn finish(
        self: Box<Self>,
        verdict: &Verdict,
        qa: &[QaFinding],
        out: &mut dyn Write,
    ) -> io::Result<()>;
}

/// Checks the selected articles in the selected languages, and the glossary of the regional
/// variants on the text their exports take, and writes the report in `format` to `out`;
/// returns whether the check passed.
///
/// # Errors
/// Any unreadable or malformed source or translation file (then nothing is written), or a
/// failed write.
pub fn write_report(
    ws: &Workspace,
    articles: &[Slug],
    (langs, regional): (&[Lang], &[Lang]),
    options: (Option<f64>, bool),
    format: CheckFormat,
    out: &mut dyn Write,
) -> Result<bool> {
    let (min_complete, qa) = options;
    let spool = |source| bitext_core::error::Error::Write {
        path: std::env::temp_dir(),
        source,
    };
    // The quality findings first: JUnit places them in each article's test case. Only the
    // errors are kept, which are what the check fails on.
    let qa = if qa {
        let mut ctx = Context::without_index(ws)?;
        ctx.min_level = Level::Error;
        let mut report = crate::commands::qa::run(ws, articles, langs, ctx)?;
        crate::commands::qa::add_regional(ws, &mut report, articles, regional, Level::Error)?;
        report.findings
    } else {
        Vec::new()
    };
    let mut by_article: HashMap<(&str, &str), Vec<&QaFinding>> = HashMap::new();
    for finding in &qa {
        // A regional variant's findings belong to the target its text comes from.
        let lang = regional
            .iter()
            .find(|r| r.as_str() == finding.lang)
            .and_then(|r| {
                std::iter::successors(r.parent(), Lang::parent)
                    .find_map(|p| langs.iter().find(|l| **l == p))
            })
            .map_or(finding.lang.as_str(), Lang::as_str);
        by_article
            .entry((finding.article.as_str(), lang))
            .or_default()
            .push(finding);
    }
    let mut sink: Box<dyn Sink> = match format {
        CheckFormat::Text => Box::new(LineSink::new(Lines::Text, min_complete).map_err(spool)?),
        CheckFormat::Json => Box::new(JsonSink::new().map_err(spool)?),
        CheckFormat::Github => Box::new(LineSink::new(Lines::Github, min_complete).map_err(spool)?),
        CheckFormat::Junit => {
            let tags: Vec<&str> = langs.iter().map(Lang::as_str).collect();
            Box::new(JunitSink(
                Junit::new("bitext check", "bitext", &tags).map_err(spool)?,
            ))
        }
    };
    let mut verdict = Verdict {
        passed: qa.is_empty(),
        min_complete,
        totals: Totals {
            articles: articles.len(),
            languages: langs.len(),
            qa_errors: qa.len(),
            ..Totals::default()
        },
    };
    // The articles of the editions that export only reviewed translations.
    let reviewed_only = reviewed_only(ws)?;
    // A chunk of articles at a time, so that the status of the whole workspace is never held.
    for chunk in articles.chunks(64) {
        let status = status::run(ws, chunk, langs, status::Listing::Unfinished)?;
        for article in &status.articles {
            let needs_review = reviewed_only.contains(article.article.as_str());
            for lang in &article.languages {
                let (result, findings, conflicts) =
                    checked(article, lang, needs_review, &mut verdict);
                let key = (result.article.as_str(), result.lang.as_str());
                let qa = by_article.get(&key).map_or(&[][..], Vec::as_slice);
                let checked = Checked {
                    result: &result,
                    findings: &findings,
                    conflicts: &conflicts,
                };
                sink.article(&checked, qa).map_err(spool)?;
            }
        }
    }
    // `bitext check | head` closing the pipe early is not an error: the check still fails or
    // passes.
    match sink.finish(&verdict, &qa, out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        other => other.map_err(|source| bitext_core::error::Error::Write {
            path: std::path::PathBuf::from("-"),
            source,
        })?,
    }
    Ok(verdict.passed)
}

/// The names of the articles of every edition with `require = "reviewed"`.
fn reviewed_only(ws: &Workspace) -> Result<std::collections::HashSet<String>> {
    use bitext_core::workspace::config::Require;
    let editions: Vec<_> = ws
        .config
        .editions
        .iter()
        .filter(|e| e.require == Require::Reviewed)
        .collect();
    if editions.is_empty() {
        return Ok(std::collections::HashSet::new());
    }
    let all = ws.all_articles()?;
    Ok(editions
        .iter()
        .flat_map(|e| e.resolve(&all))
        .map(|slug| slug.to_string())
        .collect())
}

/// The result, findings and conflicts of one article in one language, counted in `verdict`.
/// With `needs_review` (the article is in an edition that exports only reviewed
/// translations), a current segment not reviewed is a finding that fails the check, whatever
/// `--min-complete` says.
fn checked(
    article: &status::ArticleStatus,
    lang: &status::LangStatus,
    needs_review: bool,
    verdict: &mut Verdict,
) -> (ArticleResult, Vec<Finding>, Vec<ConflictFinding>) {
    let unreviewed: &[status::SegmentStatus] = if needs_review { &lang.unreviewed } else { &[] };
    let passed = match verdict.min_complete {
        Some(threshold) => lang.percent >= threshold,
        None => lang.current == article.segments,
    } && lang.conflict_list.is_empty()
        && unreviewed.is_empty();
    verdict.passed &= passed;
    let totals = &mut verdict.totals;
    totals.conflicts += lang.conflict_list.len();
    totals.stale += lang.stale;
    totals.missing += lang.missing;
    totals.draft += lang.draft;
    totals.unreviewed += unreviewed.len();
    let conflicts = lang
        .conflict_list
        .iter()
        .map(|at| ConflictFinding {
            article: article.article.clone(),
            source: article.source.clone(),
            lang: lang.lang.clone(),
            at: at.clone(),
        })
        .collect();
    let unfinished = lang
        .segments
        .iter()
        .flatten()
        .filter(|segment| segment.state != State::Current)
        .map(|segment| (segment, Found::State(segment.state)));
    let mut findings: Vec<Finding> = unfinished
        .chain(
            unreviewed
                .iter()
                .map(|segment| (segment, Found::Unreviewed)),
        )
        .map(|(segment, found)| Finding {
            article: article.article.clone(),
            source: article.source.clone(),
            lang: lang.lang.clone(),
            n: segment.n,
            id: segment.id.clone(),
            line: segment.line,
            state: found,
            failing: !passed,
        })
        .collect();
    findings.sort_by_key(|f| f.n);
    let result = ArticleResult {
        article: article.article.clone(),
        source: article.source.clone(),
        lang: lang.lang.clone(),
        segments: article.segments,
        current: lang.current,
        percent: lang.percent,
        passed,
    };
    (result, findings, conflicts)
}

impl Finding {
    fn location(&self) -> String {
        match self.state {
            Found::State(state) => {
                finding_line(state, &self.source, self.line, &self.lang, self.n, &self.id)
            }
            Found::Unreviewed => {
                unreviewed_line(&self.source, self.line, &self.lang, self.n, &self.id)
            }
        }
    }
}

/// `check` in the chosen format, written to stdout as the report is read back from its
/// temporary files; exit 1 when it fails.
///
/// # Errors
/// As [`write_report`].
pub fn execute(
    ws: &Workspace,
    args: &CheckArgs,
    output: &mut crate::Output<'_>,
) -> Result<crate::Outcome> {
    let selected =
        super::select_regional(ws, &args.selection.articles, &args.selection.langs, true)?;
    let (articles, langs) = (selected.articles, selected.langs);
    ws.refuse_unmerged(&langs)?;
    let options = (args.min_complete, !args.no_qa);
    let passed = write_report(
        ws,
        &articles,
        (&langs, &selected.regional),
        options,
        args.format,
        output.out,
    )?;
    let code = if passed {
        crate::EXIT_OK
    } else {
        crate::EXIT_FOUND
    };
    Ok(crate::Outcome {
        stdout: String::new(),
        stderr: String::new(),
        code,
    })
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub jobs: Jobs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Pass when every article is at least PCT percent current, instead of 100.
    #[arg(long, value_name = "PCT", value_parser = parse_percent)]
    pub min_complete: Option<f64>,
    /// Leave quality findings out of the check.
    #[arg(long)]
    pub no_qa: bool,
}

fn parse_percent(raw: &str) -> Result<f64, String> {
    // A French or Spanish user may write the decimal mark as a comma: 89,5.
    let value: f64 = raw
        .trim_end_matches('%')
        .trim_end()
        .replace(',', ".")
        .parse()
        .map_err(|_| t!("error-invalid-percent", value = raw))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(t!("error-invalid-percent", value = raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_conflict() -> ConflictFinding {
        ConflictFinding {
            article: "b".to_owned(),
            source: "sources/b.md".to_owned(),
            lang: "fr".to_owned(),
            at: status::ConflictStatus {
                n: Some(1),
                id: "x".to_owned(),
                line: 1,
            },
        }
    }

    fn sample_qa() -> QaFinding {
        QaFinding {
            article: "a".to_owned(),
            source: "sources/a.md".to_owned(),
            lang: "fr".to_owned(),
            n: 1,
            id: "a1".to_owned(),
            line: 1,
            state: State::Current,
            check: bitext_core::qa::Check::Numbers,
            level: Level::Error,
            message: "60\nor 70".to_owned(),
            source_part: Some("60".to_owned()),
            target_part: None,
        }
    }

    /// The JSON written a section at a time is what `serde_json` prints for the whole report,
    /// byte for byte, with every array empty, with one element and with several.
    #[test]
    fn the_json_written_in_sections_is_the_whole_report_pretty_printed() {
        #[derive(Serialize)]
        struct Whole<'a> {
            passed: bool,
            min_complete: Option<f64>,
            totals: Totals,
            results: &'a [ArticleResult],
            findings: &'a [Finding],
            qa: &'a [QaFinding],
            conflicts: &'a [ConflictFinding],
        }
        let result = |article: &str, passed| ArticleResult {
            article: article.to_owned(),
            source: format!("sources/{article}.md"),
            lang: "fr".to_owned(),
            segments: 3,
            current: 2,
            percent: 66.7,
            passed,
        };
        let finding = |article: &str, n| Finding {
            article: article.to_owned(),
            source: format!("sources/{article}.md"),
            lang: "fr".to_owned(),
            n,
            id: format!("id \"{n}\""),
            line: 2 * n,
            state: Found::State(State::Stale),
            failing: true,
        };
        let conflict = sample_conflict();
        let qa = sample_qa();
        let articles = [
            (
                result("a", false),
                vec![finding("a", 1), finding("a", 2)],
                vec![],
            ),
            (result("b", false), vec![], vec![conflict]),
            (result("c", true), vec![], vec![]),
        ];
        for (count, qa) in [
            (0, vec![]),
            (1, vec![qa.clone()]),
            (3, vec![qa.clone(), qa]),
        ] {
            let verdict = Verdict {
                passed: count == 0,
                min_complete: (count == 3).then_some(50.0),
                totals: Totals {
                    articles: count,
                    ..Totals::default()
                },
            };
            let mut sink = Box::new(JsonSink::new().expect("spool"));
            for (result, findings, conflicts) in &articles[..count] {
                let checked = Checked {
                    result,
                    findings,
                    conflicts,
                };
                sink.article(&checked, &[]).expect("spool");
            }
            let mut out = Vec::new();
            sink.finish(&verdict, &qa, &mut out).expect("write");
            let results: Vec<ArticleResult> =
                articles[..count].iter().map(|a| a.0.clone()).collect();
            let findings: Vec<Finding> =
                articles[..count].iter().flat_map(|a| a.1.clone()).collect();
            let conflicts: Vec<ConflictFinding> =
                articles[..count].iter().flat_map(|a| a.2.clone()).collect();
            let whole = Whole {
                passed: verdict.passed,
                min_complete: verdict.min_complete,
                totals: verdict.totals,
                results: &results,
                findings: &findings,
                qa: &qa,
                conflicts: &conflicts,
            };
            let expected = serde_json::to_string_pretty(&whole).expect("json") + "\n";
            assert_eq!(String::from_utf8(out).expect("utf-8"), expected, "{count}");
        }
    }
}
