//! `bitext history ARTICLE SEGMENT -l TAG`: every translation one segment had, newest first,
//! with the date and author of the commit that recorded each and the source text it was
//! made from ([`bitext_core::workspace::versions`]), as the workbench's history page shows
//! them. Outside a git checkout, the translation on disk alone, and a note saying so.

use std::fmt::Write as _;

use bitext_core::error::{Result, disp};
use bitext_core::model::translation::UnitState;
use bitext_core::ops::Which;
use bitext_core::t;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::plan::FilePlan;
use bitext_core::workspace::versions::{SegmentHistory, segment_history};
use clap::{Args, ValueEnum};
use serde_json::json;

/// The history of one segment, with what names it.
#[derive(Debug)]
pub struct HistoryReport {
    /// The source file, relative to the root.
    pub path: String,
    /// The article.
    pub article: String,
    /// The language.
    pub lang: String,
    /// The segment's position.
    pub n: usize,
    /// The segment's id.
    pub id: String,
    /// The segment's text now.
    pub text: String,
    /// Its translations.
    pub history: SegmentHistory,
}

/// `history`.
///
/// # Errors
/// An unknown article, language or segment, an unreadable or malformed file, or git failing.
pub fn execute(ws: &Workspace, args: &HistoryArgs) -> Result<crate::Outcome> {
    let (articles, langs) = super::select(
        ws,
        std::slice::from_ref(&args.article),
        std::slice::from_ref(&args.lang),
    )?;
    let plan = FilePlan::new(ws, &articles[0], &langs[0], false)?;
    let segment = Which::Spec(&args.segment).find(&plan.article)?.clone();
    let history = segment_history(
        &ws.root,
        &plan.path,
        &plan.article.segments,
        &plan.file.units,
        segment.n,
    )?;
    let report = HistoryReport {
        path: disp(&plan.article.path),
        article: articles[0].to_string(),
        lang: langs[0].to_string(),
        n: segment.n,
        id: segment.id,
        text: segment.text,
        history,
    };
    Ok(crate::Outcome::ok(match args.format {
        HistoryFormat::Text => render_text(&report),
        HistoryFormat::Json => render_json(&report),
    }))
}

fn state_name(state: Option<UnitState>) -> &'static str {
    match state {
        None => "",
        Some(UnitState::Draft) => "draft",
        Some(UnitState::Translated) => "translated",
        Some(UnitState::Reviewed) => "reviewed",
    }
}

/// Renders the history for people: one block per translation, newest first.
#[must_use]
pub fn render_text(report: &HistoryReport) -> String {
    let mut out = t!(
        "history-heading",
        path = report.path.as_str(),
        n = report.n,
        id = report.id.as_str(),
        lang = report.lang.as_str(),
        count = report.history.versions.len()
    );
    out.push('\n');
    if !report.history.in_git {
        let _ = writeln!(out, "{}", t!("history-cli-no-git"));
    }
    for version in &report.history.versions {
        let when = match &version.commit {
            Some(c) => format!("{}  {}  {}", c.date, c.author, c.id.get(..8).unwrap_or("")),
            None => t!("history-cli-uncommitted"),
        };
        let _ = writeln!(out, "\n  {when}");
        for line in version.unit.target.split('\n') {
            let _ = writeln!(out, "    {line}");
        }
        if version.unit.source != report.text {
            let _ = writeln!(out, "    {}", t!("history-cli-made-from"));
            for line in version.unit.source.split('\n') {
                let _ = writeln!(out, "      {line}");
            }
        }
    }
    out
}

/// Renders the history as JSON.
#[must_use]
pub fn render_json(report: &HistoryReport) -> String {
    let versions: Vec<serde_json::Value> = report
        .history
        .versions
        .iter()
        .map(|v| {
            json!({
                "commit": v.commit.as_ref().map(|c| c.id.as_str()),
                "date": v.commit.as_ref().map(|c| c.date.as_str()),
                "author": v.commit.as_ref().map(|c| c.author.as_str()),
                "target": v.unit.target,
                "source": v.unit.source,
                "state": state_name(v.unit.state),
                "made_from_current": v.unit.source == report.text,
            })
        })
        .collect();
    let value = json!({
        "article": report.article,
        "lang": report.lang,
        "n": report.n,
        "id": report.id,
        "source": report.text,
        "git": report.history.in_git,
        "versions": versions,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Output format of `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    // One block per translation, newest first.
    Text,
    // The segment and its translations as JSON.
    Json,
}

/// Arguments of `history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The article (its name, such as guides/intro, or its source file).
    pub article: String,
    /// The segment: a position from 1, or an id (a unique prefix is enough).
    pub segment: String,
    /// The translation's language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = HistoryFormat::Text)]
    pub format: HistoryFormat,
}
