//! A finding located in the workspace: which article, source line, language and segment, in
//! which state, with its message in the UI language. What `qa`, `check`, `set`, `accept` and the
//! importers report.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::assess::State;
use crate::model::lang::Lang;
use crate::model::segment::Segment;
use crate::qa::{Check, Finding, Level};
use crate::t;

/// One finding, located.
#[derive(Debug, Clone, Serialize)]
pub struct QaFinding {
    /// The article's slug.
    pub article: String,
    /// The source file, relative to the workspace root.
    pub source: String,
    /// The language.
    pub lang: String,
    /// 1-based position of the segment.
    pub n: usize,
    /// Segment id.
    pub id: String,
    /// 1-based line of the segment in the source file.
    pub line: usize,
    /// The segment's state.
    pub state: State,
    /// The check's stable code.
    pub check: Check,
    /// `error` or `warning`.
    pub level: Level,
    /// The message in the UI language.
    pub message: String,
    /// The offending part of the source, if any.
    pub source_part: Option<String>,
    /// The offending part of the translation, if any.
    pub target_part: Option<String>,
}

impl QaFinding {
    /// Locates `finding` on `segment` of the article at `source` in `lang`.
    #[must_use]
    pub fn new(
        article: &str,
        source: &str,
        lang: &Lang,
        segment: &Segment,
        state: State,
        finding: &Finding,
    ) -> Self {
        Self {
            article: article.to_owned(),
            source: source.to_owned(),
            lang: lang.to_string(),
            n: segment.n,
            id: segment.id.clone(),
            line: segment.line,
            state,
            check: finding.check,
            level: finding.level,
            message: finding.message(),
            source_part: finding.source_part.clone(),
            target_part: finding.target_part.clone(),
        }
    }

    /// The one-line location and message:
    /// `sources/x.md:12: fr: segment 6 (3fa9c2d1): numbers: ... [error]`.
    #[must_use]
    pub fn line(&self) -> String {
        let message = format!(
            "{} [{}]",
            self.message,
            t!(&format!("qa-level-{}", self.level.as_str()))
        );
        self.located(&message)
    }

    /// `message` after the finding's location:
    /// `sources/x.md:12: fr: segment 6 (3fa9c2d1): numbers: <message>`.
    #[must_use]
    pub fn located(&self, message: &str) -> String {
        t!(
            "qa-finding",
            path = &self.source,
            line = self.line,
            lang = self.lang.as_str(),
            n = self.n,
            id = &self.id,
            check = self.check.code(),
            message = message
        )
    }

    /// [`QaFinding::line`] followed by the offending parts, indented.
    #[must_use]
    pub fn render(&self) -> String {
        let mut out = self.line();
        out.push('\n');
        if let Some(part) = &self.source_part {
            let _ = writeln!(out, "    {}", t!("qa-source-part", text = part));
        }
        if let Some(part) = &self.target_part {
            let _ = writeln!(out, "    {}", t!("qa-target-part", text = part));
        }
        out
    }
}
