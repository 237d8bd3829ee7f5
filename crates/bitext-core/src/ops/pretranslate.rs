//! Filling missing segments from the translation memory, as `bitext pretranslate` does.
//!
//! Only `missing` segments are filled; a segment with any translation (current, stale or
//! draft) is never touched. An exact match is recorded as a draft, or as translated when the
//! caller asks; a fuzzy match at or above the minimum score always as a draft. Every fill goes
//! through the quality checks, and one that fails stays a draft with its findings. A match
//! holding bitext's untranslated marker is not used, and one that is the source text itself
//! stays a draft with its `untranslated` finding. Every file is computed before any is
//! written, under the caller's lock.

use crate::error::{Result, disp};
use crate::memory::store;
use crate::model::assess::State;
use crate::model::lang::Lang;
use crate::model::slug::Slug;
use crate::model::translation::{Unit, UnitState};
use crate::qa::untranslated::{self, Untranslated};
use crate::qa::{self, Check, Context, Finding};
use crate::workspace::Workspace;
use crate::workspace::parallel::map_ordered;
use crate::workspace::plan::FilePlan;

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
            // Of several exact matches, the one made in the same context is taken.
            let context = crate::memory::index::Context::at(&plan.article.segments, i);
            let found = memory.lookup_in(&segment.text, Some(context), min, 1)?;
            let Some(hit) = found.into_iter().next() else {
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
                comment: plan.file.units[i].comment.take(),
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
