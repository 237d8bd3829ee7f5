//! `bitext pretranslate`: fill missing segments from the translation memory.
//!
//! Only `missing` segments are filled; a segment with any translation (current, stale or
//! draft) is never touched. An exact match is recorded as a draft, or as translated with
//! `--exact-as-translated`; a fuzzy match at or above `--min-score` always as a draft. Every
//! fill goes through the quality checks, and one that fails stays a draft with its findings
//! reported. A match holding bitext's untranslated marker is not used, and one that is the
//! source text itself stays a draft with its `untranslated` finding. Every file is computed
//! before any is written.

use std::fmt::Write as _;

use crate::ui::cli::Jobs;
use bitext_core::error::{Result, disp};
use bitext_core::memory::store;
use bitext_core::model::assess::State;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::{Unit, UnitState};
use bitext_core::qa::untranslated::{self, Untranslated};
use bitext_core::qa::{self, Check, Context, Finding};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::parallel::map_ordered;
use bitext_core::workspace::plan::FilePlan;
use clap::Args;

/// One filled segment.
#[derive(Debug)]
pub struct Fill {
    /// Position.
    pub n: usize,
    /// The match's score.
    pub score: u8,
    /// The state recorded.
    pub state: UnitState,
    /// What the checks found.
    pub findings: Vec<Finding>,
}

/// What was filled in one article.
#[derive(Debug)]
pub struct ArticleFills {
    /// The source file, relative to the root.
    pub path: String,
    /// Filled segments, in order.
    pub fills: Vec<Fill>,
    /// Missing segments left without a match.
    pub unmatched: usize,
}

/// What `pretranslate` did or would do.
#[derive(Debug)]
pub struct PretranslateReport {
    /// The language.
    pub lang: Lang,
    /// Articles with at least one missing segment, in order.
    pub articles: Vec<ArticleFills>,
    /// Whether nothing was written.
    pub dry_run: bool,
}

/// How to fill.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Fuzzy matches at or above this score become drafts; exact matches only when `None`.
    pub min_score: Option<u8>,
    /// Record exact matches that pass the checks as translated.
    pub exact_as_translated: bool,
    /// Write nothing.
    pub dry_run: bool,
}

/// The quality checks every fill goes through: the error-level ones, those that stop
/// `accept`.
fn quality(ctx: &Context, source: &str, target: &str, lang: &Lang) -> Vec<Finding> {
    qa::check_segment(ctx, source, target, lang)
}

/// Fills the missing segments of `slugs` in `lang` from the memory.
///
/// # Errors
/// Any unreadable or malformed file (nothing is written then), or a failed write.
pub fn run(
    ws: &Workspace,
    slugs: &[Slug],
    lang: &Lang,
    options: Options,
) -> Result<PretranslateReport> {
    let memory = store::open(ws, lang, !options.dry_run)?;
    let ctx = Context::load_errors_only(ws)?;
    let min = options.min_score.unwrap_or(100);
    let planned = map_ordered(slugs, |slug| {
        let mut plan = FilePlan::new(ws, slug, lang, false)?;
        let mut fills = Vec::new();
        let mut unmatched = 0;
        for i in 0..plan.article.segments.len() {
            if plan.assessment.states[i] != State::Missing {
                continue;
            }
            let segment = &plan.article.segments[i];
            let Some(hit) = memory.lookup(&segment.text, min, 1)?.into_iter().next() else {
                unmatched += 1;
                continue;
            };
            // bitext's untranslated marker is never a fill, and the source text itself is a
            // draft at most, with its finding, as every importer does.
            if untranslated::detect(&segment.text, &hit.target) == Some(Untranslated::Marked) {
                unmatched += 1;
                continue;
            }
            let mut findings = quality(&ctx, &segment.text, &hit.target, lang);
            if !findings.iter().any(|f| f.check == Check::Untranslated) {
                findings.extend(untranslated::check(&segment.text, &hit.target));
            }
            let state = if hit.score == 100 && options.exact_as_translated && findings.is_empty() {
                UnitState::Translated
            } else {
                UnitState::Draft
            };
            plan.file.units[i] = Unit {
                id: segment.id.clone(),
                source: segment.text.clone(),
                target: hit.target,
                state: Some(state),
            };
            fills.push(Fill {
                n: segment.n,
                score: hit.score,
                state,
                findings,
            });
        }
        let missing = fills.len() + unmatched;
        Ok((missing > 0).then(|| {
            (
                plan.article.path.clone(),
                (!fills.is_empty()).then_some(plan),
                fills,
                unmatched,
            )
        }))
    })?;
    let mut articles = Vec::new();
    let mut writes = Vec::new();
    for (path, plan, fills, unmatched) in planned.into_iter().flatten() {
        writes.extend(plan);
        articles.push(ArticleFills {
            path: disp(&path),
            fills,
            unmatched,
        });
    }
    if !options.dry_run {
        for plan in &writes {
            plan.write(ws)?;
        }
    }
    Ok(PretranslateReport {
        lang: lang.clone(),
        articles,
        dry_run: options.dry_run,
    })
}

/// Renders the report: per article, how many segments were filled and how, then every fill
/// the checks stopped.
#[must_use]
pub fn render(report: &PretranslateReport) -> String {
    let mut out = String::new();
    if report.articles.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            t!("pretranslate-nothing", lang = report.lang.as_str())
        );
        return out;
    }
    let key = if report.dry_run {
        "pretranslate-summary-dry"
    } else {
        "pretranslate-summary"
    };
    for article in &report.articles {
        let exact = article.fills.iter().filter(|f| f.score == 100).count();
        let translated = article
            .fills
            .iter()
            .filter(|f| f.state == UnitState::Translated)
            .count();
        let _ = writeln!(
            out,
            "{}",
            t!(
                key,
                path = article.path.as_str(),
                lang = report.lang.as_str(),
                exact = exact,
                fuzzy = article.fills.len() - exact,
                translated = translated,
                left = article.unmatched
            )
        );
        for fill in &article.fills {
            for finding in &fill.findings {
                let _ = writeln!(
                    out,
                    "  {}",
                    t!(
                        "pretranslate-kept-draft",
                        n = fill.n,
                        score = usize::from(fill.score),
                        code = finding.check.code(),
                        message = finding.message().as_str()
                    )
                );
            }
        }
    }
    out
}

/// `pretranslate`.
///
/// # Errors
/// As [`run`], and when the lock is held.
pub fn execute(ws: &Workspace, args: &PretranslateArgs) -> Result<crate::Outcome> {
    let _lock = bitext_core::workspace::lock::Lock::acquire(&ws.root)?;
    let (slugs, langs) = super::select(ws, &args.articles, std::slice::from_ref(&args.lang))?;
    let report = run(
        ws,
        &slugs,
        &langs[0],
        Options {
            min_score: args.min_score,
            exact_as_translated: args.exact_as_translated,
            dry_run: args.dry_run,
        },
    )?;
    Ok(crate::Outcome::ok(render(&report)))
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `pretranslate`.
#[derive(Debug, Args)]
pub struct PretranslateArgs {
    #[command(flatten)]
    pub jobs: Jobs,
    /// Articles to fill (slugs or sources/<slug>.md); all when none is given.
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
    /// The language to fill.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Also fill from fuzzy matches scoring at least PCT (as drafts); exact matches only
    /// when not given.
    #[arg(long, value_name = "PCT", value_parser = clap::value_parser!(u8).range(1..=100))]
    pub min_score: Option<u8>,
    /// Print what would be filled and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Record exact matches that pass the checks as translated rather than as drafts.
    #[arg(long)]
    pub exact_as_translated: bool,
}
