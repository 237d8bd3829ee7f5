//! `bitext set`: record a translation of one segment, made from its current source text.
//!
//! Like every command that writes a translation file, `set` also brings the file in line with
//! the current segmentation (as `sync` does), so the file stays in source order.
//!
//! The quality checks run on the recorded text and their findings are printed after it: the
//! text is the translator's, so `set` reports and never refuses.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use bitext_core::error::{Error, Result, disp};
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::UnitState;
use bitext_core::ops::record;
use bitext_core::qa::located::QaFinding;
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::Args;

/// Where the translation text comes from.
#[derive(Debug)]
pub enum TextSource {
    /// Given on the command line.
    Inline(String),
    /// Read from a file.
    File(PathBuf),
    /// Read from standard input.
    Stdin,
}

/// What `set` recorded.
#[derive(Debug)]
pub struct SetReport {
    /// Language.
    pub lang: Lang,
    /// Segment position.
    pub n: usize,
    /// Source file.
    pub path: String,
    /// Recorded state.
    pub state: UnitState,
    /// Quality findings on the recorded translation (reported; `set` never refuses).
    pub findings: Vec<QaFinding>,
}

/// Records `text` as the translation of segment `spec` of `slug` in `lang`
/// ([`bitext_core::ops::record`]).
///
/// # Errors
/// An unknown segment, an empty or multi-paragraph translation, unreadable input, or any
/// unreadable or malformed workspace file. Nothing is written on error.
pub fn run(
    ws: &Workspace,
    slug: &Slug,
    spec: &str,
    lang: &Lang,
    text: TextSource,
    state: UnitState,
) -> Result<SetReport> {
    let request = record::Request {
        slug,
        lang,
        segment: bitext_core::ops::Which::Spec(spec),
        state,
        expect: None,
        refuse_errors: false,
    };
    let recorded = match record::record(ws, record::Checks::Narrowed, &request, || read_text(text))?
    {
        record::Outcome::Recorded(recorded) | record::Outcome::Refused(recorded) => recorded,
        record::Outcome::Conflict(_) => {
            unreachable!("a request that expects nothing never conflicts")
        }
    };
    let findings = recorded
        .findings
        .iter()
        .map(|f| {
            QaFinding::new(
                slug.as_str(),
                &recorded.path,
                lang,
                &recorded.segment,
                recorded.state,
                f,
            )
        })
        .collect();
    Ok(SetReport {
        lang: lang.clone(),
        n: recorded.segment.n,
        path: recorded.path,
        state,
        findings,
    })
}

fn read_text(source: TextSource) -> Result<(String, String)> {
    match source {
        TextSource::Inline(text) => Ok((text, t!("origin-text"))),
        TextSource::File(path) => Ok((bitext_core::error::read_text(&path)?, disp(&path))),
        TextSource::Stdin => {
            let origin = t!("origin-stdin");
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Read {
                    path: PathBuf::from(&origin),
                    source,
                })?;
            let text = bitext_core::error::utf8(Path::new(&origin), &bytes)?.to_owned();
            Ok((text, origin))
        }
    }
}

/// Renders the report for people.
#[must_use]
pub fn render(report: &SetReport) -> String {
    let state = match report.state {
        UnitState::Draft => "unit-state-draft",
        UnitState::Translated => "unit-state-translated",
        UnitState::Reviewed => "unit-state-reviewed",
    };
    let mut out = t!(
        "set-recorded",
        lang = report.lang.as_str(),
        n = report.n,
        path = &report.path,
        state = &t!(state)
    );
    out.push('\n');
    for finding in &report.findings {
        out.push_str(&finding.render());
    }
    out
}

/// `set`: the text comes from `--text`, `--file` or stdin, in that order of preference.
///
/// # Errors
/// As [`run`], and when the lock is held.
pub fn execute(ws: &Workspace, args: SetArgs) -> Result<crate::Outcome> {
    let _lock = bitext_core::workspace::lock::Lock::acquire(&ws.root)?;
    let (articles, langs) = super::select(ws, &[args.article], &[args.lang])?;
    let text = match (args.text, args.file) {
        (Some(text), _) => TextSource::Inline(text),
        (None, Some(path)) => TextSource::File(path),
        (None, None) => TextSource::Stdin,
    };
    let state = if args.draft {
        UnitState::Draft
    } else if args.reviewed {
        UnitState::Reviewed
    } else {
        UnitState::Translated
    };
    let report = run(ws, &articles[0], &args.segment, &langs[0], text, state)?;
    Ok(crate::Outcome::ok(render(&report)))
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The article (its name, such as guides/intro, or its source file).
    pub article: String,
    /// The segment: a position from 1, or an id (a unique prefix is enough; @ID for an id that
    /// looks like a number).
    pub segment: String,
    /// The translation's language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// The translation (default: read from standard input).
    #[arg(long, value_name = "TEXT", conflicts_with = "file")]
    pub text: Option<String>,
    /// Read the translation from a file.
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// Save as a draft, which still counts as work left.
    #[arg(long, conflicts_with = "reviewed")]
    pub draft: bool,
    /// Mark the translation as reviewed.
    #[arg(long)]
    pub reviewed: bool,
}
