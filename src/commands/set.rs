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
use bitext_core::model::assess::State;
use bitext_core::model::lang::Lang;
use bitext_core::model::segment::normalise_paragraph;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::{Unit, UnitState};
use bitext_core::qa::consistency::Wanted;
use bitext_core::qa::located::QaFinding;
use bitext_core::qa::{Context, Place, check_segment_at};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::plan::FilePlan;

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

/// Records `text` as the translation of segment `spec` of `slug` in `lang`.
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
    let mut plan = FilePlan::new(ws, slug, lang, false)?;
    let segment = plan.article.find(spec)?.clone();
    let (raw, origin) = read_text(text)?;
    let target = normalise_paragraph(&raw).ok_or_else(|| Error::MultiParagraphTranslation {
        origin: origin.clone(),
    })?;
    if target.is_empty() {
        return Err(Error::EmptyTranslation { origin });
    }
    let mut wanted = Wanted::default();
    if let Some(l) = ws.config.targets.iter().position(|x| x == lang) {
        wanted.add(l, &segment.text, &target);
    }
    let ctx = Context::load_for(ws, &wanted)?;
    let place = Place {
        article: slug.as_str(),
        n: segment.n,
    };
    let path = disp(&plan.article.path);
    let shown = if state == UnitState::Draft {
        State::Draft
    } else {
        State::Current
    };
    let findings = check_segment_at(&ctx, &segment.text, &target, lang, Some(place))
        .iter()
        .map(|f| QaFinding::new(slug.as_str(), &path, lang, &segment, shown, f))
        .collect();
    plan.file.units[segment.n - 1] = Unit {
        id: segment.id.clone(),
        source: segment.text.clone(),
        target,
        state: Some(state),
    };
    plan.write(ws)?;
    Ok(SetReport {
        lang: lang.clone(),
        n: segment.n,
        path,
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
pub fn execute(ws: &Workspace, args: crate::ui::cli::SetArgs) -> Result<crate::Outcome> {
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
