//! Importing an already-translated document: its paragraphs aligned with the source's
//! segments (by length, [`crate::model::lengthalign`], around bitext's own untranslated
//! markers) and recorded, under the caller's lock, in one write of the translation file.
//!
//! Confident one-to-one pairs are recorded as translations of the current source text.
//! Merged, split and low-confidence pairs become drafts, which count as work left until a
//! translator sets or accepts them. A source paragraph the translator dropped stays missing,
//! and an extra translated paragraph is reported. A paragraph that still holds bitext's
//! untranslated marker (an `--allow-incomplete` export sent back as it was) is skipped, and
//! one that is the source text is a draft at most.

use std::path::Path;

use crate::error::{Result, disp};
use crate::model::assess::State;
use crate::model::lang::Lang;
use crate::model::lengthalign::{Bead, Para, align};
use crate::model::segment::{SegmentKind, normalise_paragraph, segment};
use crate::model::slug::Slug;
use crate::model::translation::{Unit, UnitState};
use crate::qa::consistency::Wanted;
use crate::qa::located::QaFinding;
use crate::qa::untranslated::{self, Untranslated};
use crate::qa::{Context, Place, check_segment_at};
use crate::workspace::Workspace;
use crate::workspace::plan::FilePlan;

/// Confidence below which a one-to-one pair is recorded as a draft.
pub const MIN_CONFIDENCE: f64 = 0.5;

/// What happens to one pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Recorded as translated.
    Translated,
    /// Recorded as a draft (merged, split or low confidence).
    Draft,
    /// Already the workspace's translation.
    Unchanged,
    /// The workspace has a different current translation; kept (use `--force`).
    Conflict,
    /// A source segment with no translated paragraph.
    Missing,
    /// A translated paragraph with no source segment; skipped.
    Extra,
    /// The paragraph still holds bitext's untranslated marker; skipped.
    Untranslated,
    /// The paragraph is the source text itself; recorded as a draft.
    Copy,
}

/// One pair of the alignment.
#[derive(Debug, Clone)]
pub struct Pair {
    /// Source segment positions (1-based).
    pub segments: Vec<usize>,
    /// The source text.
    pub source: String,
    /// The translated paragraphs, joined.
    pub translation: String,
    /// The aligner's confidence (0 for missing and extra).
    pub confidence: f64,
    /// What the import does with it.
    pub outcome: Outcome,
}

/// The outcome of an import.
#[derive(Debug)]
pub struct ImportArticleReport {
    /// The pairs, in order.
    pub pairs: Vec<Pair>,
    /// Whether anything was written.
    pub dry_run: bool,
    /// Quality findings on what was recorded.
    pub findings: Vec<QaFinding>,
    /// The source file.
    pub path: String,
}

/// `paragraph` without the line of `=` or `-` that underlines a heading in a text export.
fn without_underline(paragraph: &str) -> &str {
    let trimmed = paragraph.trim_end();
    match trimmed.rsplit_once('\n') {
        Some((text, last))
            if last.trim().len() >= 3
                && (last.trim().chars().all(|c| c == '=')
                    || last.trim().chars().all(|c| c == '-')) =>
        {
            text
        }
        _ => paragraph,
    }
}

/// The lines an export of `slug` in `lang` adds around the article's paragraphs.
fn chrome(ws: &Workspace, slug: &Slug, lang: &Lang) -> Vec<String> {
    let l10n = crate::l10n::Localizer::new(&lang.id());
    let mut lines = vec![l10n.message(
        "export-translated-from",
        &[("source", crate::l10n::Arg::Str(ws.config.source.as_str()))],
    )];
    if let Some(edition) = ws.config.editions.iter().find(|e| e.lists(slug)) {
        lines.push(crate::render::document::published_in(&l10n, edition));
    }
    lines
}

/// Reads the translated paragraphs of `path`: Markdown blocks for `.md`, blank-line separated
/// paragraphs otherwise.
fn read_document(path: &Path) -> Result<Vec<Para>> {
    let text = crate::error::read_text(path)?;
    let markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if markdown {
        return Ok(segment(&text)
            .into_iter()
            .map(|s| Para {
                text: s.text,
                kind: s.kind,
            })
            .collect());
    }
    let unified = crate::model::segment::normalise_file(&text);
    Ok(unified
        .split("\n\n")
        .map(without_underline)
        .filter_map(normalise_paragraph)
        .filter(|p| !p.is_empty())
        .map(|text| Para {
            text,
            kind: SegmentKind::Paragraph,
        })
        .collect())
}

/// Aligns `file` with `slug` and, unless `dry_run`, records the result in `lang`.
///
/// # Errors
/// An unreadable document, or any unreadable or malformed workspace file.
pub fn run(
    ws: &Workspace,
    slug: &Slug,
    lang: &Lang,
    file: &Path,
    dry_run: bool,
    force: bool,
) -> Result<ImportArticleReport> {
    let mut plan = FilePlan::new(ws, slug, lang, false)?;
    let chrome = chrome(ws, slug, lang);
    let mut target = read_document(file)?;
    // bitext's own export chrome ("Translated from English", the edition line) is not a
    // paragraph of the article: left in, it could be aligned with an unfinished segment.
    target.retain(|p| {
        let text = p.text.trim_matches(['*', '_']).trim();
        !chrome.iter().any(|line| line == text)
    });
    let source: Vec<Para> = plan
        .article
        .segments
        .iter()
        .map(|s| Para {
            text: s.text.clone(),
            kind: s.kind,
        })
        .collect();
    let beads = align_around_markers(&source, &target);
    let ctx = Context::load_for(ws, &wanted(ws, &plan.lang, &source, &target, &beads))?;
    let mut findings = Vec::new();
    let mut pairs = Vec::new();
    let mut changed = false;
    for bead in beads {
        let translation = bead
            .target
            .iter()
            .map(|&j| target[j].text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let source_text = bead
            .source
            .iter()
            .map(|&i| source[i].text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut outcome = match (bead.source.len(), bead.target.len()) {
            (0, _) => Outcome::Extra,
            (_, 0) => Outcome::Missing,
            (1, 1) if bead.confidence >= MIN_CONFIDENCE => Outcome::Translated,
            _ => Outcome::Draft,
        };
        // bitext's own marker is never a translation; the source text left as it is becomes
        // a draft at most (shared with the `untranslated` quality check).
        let copy = matches!(outcome, Outcome::Translated | Outcome::Draft)
            && match untranslated::detect(&source_text, &translation) {
                Some(Untranslated::Marked) => {
                    outcome = Outcome::Untranslated;
                    false
                }
                Some(Untranslated::Copy) => true,
                None => false,
            };
        let mut pair_outcome = if copy { Outcome::Copy } else { outcome };
        if matches!(outcome, Outcome::Translated | Outcome::Draft) {
            for &i in &bead.source {
                let current = &plan.file.units[i];
                let state = plan.assessment.states[i];
                if current.target == translation && state == State::Current {
                    pair_outcome = Outcome::Unchanged;
                    continue;
                }
                if state == State::Current && current.has_target() && !force {
                    pair_outcome = Outcome::Conflict;
                    continue;
                }
                let segment = &plan.article.segments[i];
                let translated = outcome == Outcome::Translated && !copy;
                plan.file.units[i] = Unit {
                    id: segment.id.clone(),
                    source: segment.text.clone(),
                    target: translation.clone(),
                    state: Some(if translated {
                        UnitState::Translated
                    } else {
                        UnitState::Draft
                    }),
                };
                let state = if translated {
                    State::Current
                } else {
                    State::Draft
                };
                findings.extend(qa_findings(&ctx, &plan, i, &translation, state));
                changed = true;
            }
        }
        pairs.push(Pair {
            segments: bead.source.iter().map(|i| i + 1).collect(),
            source: source_text,
            translation,
            confidence: bead.confidence,
            outcome: pair_outcome,
        });
    }
    if changed && !dry_run {
        plan.write(ws)?;
    }
    Ok(ImportArticleReport {
        pairs,
        dry_run,
        findings,
        path: disp(&plan.article.path),
    })
}

/// The quality findings on `target` recorded for segment `i` of `plan`.
fn qa_findings(
    ctx: &Context,
    plan: &FilePlan,
    i: usize,
    target: &str,
    state: State,
) -> Vec<QaFinding> {
    let segment = &plan.article.segments[i];
    let slug = plan.article.slug.as_str();
    let place = Place {
        article: slug,
        n: segment.n,
    };
    let source = disp(&plan.article.path);
    check_segment_at(ctx, &segment.text, target, &plan.lang, Some(place))
        .iter()
        .map(|f| QaFinding::new(slug, &source, &plan.lang, segment, state, f))
        .collect()
}

/// What this import may check, for the consistency index to hold only that: the article's
/// texts and the translations the beads would record.
fn wanted(ws: &Workspace, lang: &Lang, source: &[Para], target: &[Para], beads: &[Bead]) -> Wanted {
    let mut wanted = Wanted::default();
    if let Some(l) = ws.config.targets.iter().position(|x| x == lang) {
        let translations: Vec<String> = beads
            .iter()
            .map(|bead| {
                bead.target
                    .iter()
                    .map(|&j| target[j].text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        wanted.add_all(
            l,
            source.iter().map(|p| p.text.as_str()),
            translations.iter().map(String::as_str),
        );
    }
    wanted
}

/// Aligns `target` with `source`, taking each paragraph that carries bitext's untranslated
/// marker followed by a segment's own text (as `export --allow-incomplete` writes it) as that
/// segment, for certain: the paragraphs between two such pairs are aligned by length, so that
/// a marked paragraph is never joined to a neighbour and its neighbour's translation never
/// lands on the untranslated segment.
fn align_around_markers(source: &[Para], target: &[Para]) -> Vec<Bead> {
    let mut pairs = Vec::new();
    let mut next = 0;
    for (j, paragraph) in target.iter().enumerate() {
        if let Some(text) = untranslated::after_marker(&paragraph.text)
            && let Some(i) =
                (next..source.len()).find(|&i| untranslated::same_text(&source[i].text, text))
        {
            pairs.push((i, j));
            next = i + 1;
        }
    }
    let mut beads = Vec::new();
    let (mut from_i, mut from_j) = (0, 0);
    for (i, j) in pairs
        .into_iter()
        .chain(std::iter::once((source.len(), target.len())))
    {
        for mut bead in align(&source[from_i..i], &target[from_j..j]) {
            bead.source.iter_mut().for_each(|k| *k += from_i);
            bead.target.iter_mut().for_each(|k| *k += from_j);
            beads.push(bead);
        }
        if i < source.len() && j < target.len() {
            beads.push(Bead {
                source: vec![i],
                target: vec![j],
                confidence: 1.0,
            });
        }
        (from_i, from_j) = (i + 1, j + 1);
    }
    beads
}
