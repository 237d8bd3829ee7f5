//! The four forms of `check`'s report, each a [`Sink`] that writes an article's part to
//! temporary files as it comes and the whole in order at the end: text and GitHub workflow
//! commands ([`LineSink`]), JSON ([`JsonSink`]) and JUnit XML ([`JunitSink`]).

use std::io::{self, Write};

use serde::Serialize;

use bitext_core::l10n;
use bitext_core::qa::located::QaFinding;
use bitext_core::t;

use super::{ArticleResult, Checked, ConflictFinding, Finding, Sink, Totals, Verdict, status};
use crate::report::github::{self, Annotation};
use crate::report::json;
use crate::report::junit::{Failure, Junit};
use crate::report::spool::Spool;

/// The summary line: passed or failed, with counts.
fn summary(verdict: &Verdict) -> String {
    let totals = verdict.totals;
    let id = if verdict.passed {
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
    if totals.unreviewed > 0 {
        line.push(' ');
        line.push_str(&t!("check-unreviewed", count = totals.unreviewed));
    }
    if let Some(threshold) = verdict.min_complete {
        line.push(' ');
        line.push_str(&t!("check-threshold", percent = &l10n::percent(threshold)));
    }
    if totals.qa_errors > 0 {
        line.push(' ');
        line.push_str(&t!("check-qa-summary", count = totals.qa_errors));
    }
    line
}

/// The below-threshold line of a result, for `--min-complete`.
fn below_threshold(result: &ArticleResult, min_complete: Option<f64>) -> Option<String> {
    let threshold = min_complete.filter(|_| !result.passed)?;
    Some(t!(
        "check-below",
        path = &result.source,
        lang = result.lang.as_str(),
        percent = &l10n::percent(result.percent),
        threshold = &l10n::percent(threshold)
    ))
}

/// The two formats written a line per finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lines {
    /// Text: one line per failing finding, the merge conflicts, the articles below the
    /// threshold, one line per warning (a finding that does not fail the check), the quality
    /// findings, then the summary.
    Text,
    /// GitHub Actions workflow commands: one `::error` per failing finding (`::warning` for a
    /// finding that does not fail the check), placed on the segment's source line; then the
    /// merge conflicts, the articles below the threshold, the quality findings and the
    /// summary.
    Github,
}

/// Text or GitHub workflow commands, a section per spool, written in this order.
pub(super) struct LineSink {
    lines: Lines,
    min_complete: Option<f64>,
    /// Text: the failing findings; GitHub: every finding.
    findings: Spool,
    conflicts: Spool,
    below: Spool,
    /// Text: the findings that do not fail the check; GitHub: none.
    warnings: Spool,
}

impl LineSink {
    pub(super) fn new(lines: Lines, min_complete: Option<f64>) -> io::Result<Self> {
        Ok(Self {
            lines,
            min_complete,
            findings: Spool::new()?,
            conflicts: Spool::new()?,
            below: Spool::new()?,
            warnings: Spool::new()?,
        })
    }

    /// A finding as a GitHub workflow command.
    fn github_finding(finding: &Finding) -> String {
        let level = if finding.failing {
            github::Level::Error
        } else {
            github::Level::Warning
        };
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
        let annotation = Annotation {
            level,
            place: Some((&finding.source, finding.line)),
            title: &title,
            message: &message,
        };
        format!("{annotation}\n")
    }

    /// A merge conflict as a GitHub workflow command.
    fn github_conflict(conflict: &ConflictFinding) -> String {
        let title = t!("check-title-conflict", lang = conflict.lang.as_str());
        let message = status::conflict_line(&conflict.article, &conflict.lang, &conflict.at);
        let annotation = Annotation {
            level: github::Level::Error,
            place: Some((&conflict.source, conflict.at.line)),
            title: &title,
            message: &message,
        };
        format!("{annotation}\n")
    }
}

impl Sink for LineSink {
    fn article(&mut self, checked: &Checked<'_>, _: &[&QaFinding]) -> io::Result<()> {
        for finding in checked.findings {
            match self.lines {
                Lines::Github => self.findings.push("", &Self::github_finding(finding))?,
                Lines::Text if finding.failing => {
                    self.findings.push("", &(finding.location() + "\n"))?;
                }
                // With `--min-complete`, the work left in articles above the threshold does not
                // fail the check: it is listed after the failures, each line marked as a
                // warning.
                Lines::Text => {
                    let line = t!("check-warning", finding = &finding.location());
                    self.warnings.push("", &(line + "\n"))?;
                }
            }
        }
        for conflict in checked.conflicts {
            let line = match self.lines {
                Lines::Text => conflict.location() + "\n",
                Lines::Github => Self::github_conflict(conflict),
            };
            self.conflicts.push("", &line)?;
        }
        if let Some(line) = below_threshold(checked.result, self.min_complete) {
            let line = match self.lines {
                Lines::Text => line + "\n",
                Lines::Github => {
                    let annotation = Annotation {
                        level: github::Level::Error,
                        place: None,
                        title: "",
                        message: &line,
                    };
                    format!("{annotation}\n")
                }
            };
            self.below.push("", &line)?;
        }
        Ok(())
    }

    fn finish(
        self: Box<Self>,
        verdict: &Verdict,
        qa: &[QaFinding],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let this = *self;
        for spool in [this.findings, this.conflicts, this.below, this.warnings] {
            spool.copy_to(out)?;
        }
        for finding in qa {
            match this.lines {
                Lines::Text => out.write_all(finding.render().as_bytes())?,
                Lines::Github => writeln!(out, "{}", crate::commands::qa::github_line(finding))?,
            }
        }
        writeln!(out, "{}", summary(verdict))
    }
}

/// JSON, pretty-printed as `serde_json` prints the whole report: `passed`, `min_complete`,
/// `totals`, then the arrays `results`, `findings`, `qa` and `conflicts`.
pub(super) struct JsonSink {
    results: Spool,
    findings: Spool,
    conflicts: Spool,
}

impl JsonSink {
    pub(super) fn new() -> io::Result<Self> {
        Ok(Self {
            results: Spool::new()?,
            findings: Spool::new()?,
            conflicts: Spool::new()?,
        })
    }
}

impl Sink for JsonSink {
    fn article(&mut self, checked: &Checked<'_>, _: &[&QaFinding]) -> io::Result<()> {
        self.results.push(",\n", &json::element(checked.result))?;
        for finding in checked.findings {
            self.findings.push(",\n", &json::element(finding))?;
        }
        for conflict in checked.conflicts {
            self.conflicts.push(",\n", &json::element(conflict))?;
        }
        Ok(())
    }

    fn finish(
        self: Box<Self>,
        verdict: &Verdict,
        qa: &[QaFinding],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        #[derive(Serialize)]
        struct Head {
            passed: bool,
            min_complete: Option<f64>,
            totals: Totals,
        }
        let head = serde_json::to_string_pretty(&Head {
            passed: verdict.passed,
            min_complete: verdict.min_complete,
            totals: verdict.totals,
        })
        .unwrap_or_default();
        // Without its closing brace, to which the arrays are added.
        out.write_all(head.trim_end_matches('}').trim_end().as_bytes())?;
        let this = *self;
        json::array(out, "results", this.results)?;
        json::array(out, "findings", this.findings)?;
        let mut spool = Spool::new()?;
        for finding in qa {
            spool.push(",\n", &json::element(finding))?;
        }
        json::array(out, "qa", spool)?;
        json::array(out, "conflicts", this.conflicts)?;
        out.write_all(b"\n}\n")
    }
}

/// A JUnit XML report: one testsuite per language, one testcase per article, and a failure
/// element listing the stale, missing and draft segments of a failing article.
pub(super) struct JunitSink(pub(super) Junit);

impl Sink for JunitSink {
    fn article(&mut self, checked: &Checked<'_>, qa: &[&QaFinding]) -> io::Result<()> {
        let result = checked.result;
        let (message, kind, text) = if result.passed && qa.is_empty() {
            return self
                .0
                .case(&result.lang, &result.article, &result.source, None);
        } else if result.passed {
            let text: Vec<String> = qa.iter().map(|f| f.render()).collect();
            (qa[0].line(), "qa", text.concat().trim_end().to_owned())
        } else {
            let mut findings: Vec<String> = checked
                .findings
                .iter()
                .map(Finding::location)
                .chain(checked.conflicts.iter().map(ConflictFinding::location))
                .collect();
            findings.extend(qa.iter().map(|f| f.line()));
            let counts = t!(
                "check-junit-message",
                percent = &l10n::percent(result.percent),
                current = result.current,
                segments = result.segments
            );
            (counts, "incomplete", findings.join("\n"))
        };
        let failure = Failure {
            message: &message,
            kind,
            text: &text,
        };
        self.0
            .case(&result.lang, &result.article, &result.source, Some(failure))
    }

    fn finish(
        self: Box<Self>,
        _: &Verdict,
        _: &[QaFinding],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        self.0.finish(out)
    }
}
