//! Importing an already-translated document: its paragraphs paired with the source's
//! segments and recorded, under the caller's lock, in one write of the translation file.
//!
//! A Markdown document is paired by structure ([`crate::model::pairing`]): blocks of one class
//! only, anchored by their code, URLs, addresses and numbers, so that reordered examples pair
//! by their code. A plain-text document has no structure to follow and is aligned by length
//! ([`crate::model::lengthalign`]). Either way, around bitext's own untranslated markers.
//!
//! Certain one-to-one pairs are recorded as translations of the current source text. Every
//! other pair (merged, split, of a gap where a block was dropped or added, with differing
//! anchors or lengths) becomes a draft, with the reason in the report: drafts count as work
//! left until a translator sets or accepts them. A source paragraph the translator dropped
//! stays missing, and an extra translated paragraph is reported. A paragraph that still holds
//! bitext's untranslated marker (an `--allow-incomplete` export sent back as it was) is
//! skipped, and one that is the source text is a draft at most.

use std::path::Path;

use crate::error::{Result, disp};
use crate::model::assess::State;
use crate::model::lang::Lang;
use crate::model::lengthalign::{Para, align};
use crate::model::pairing::{Doubt, MIN_CONFIDENCE, Paired, pair};
use crate::model::segment::{SegmentKind, normalise_paragraph, outline, segment};
use crate::model::slug::Slug;
use crate::model::translation::{Unit, UnitState};
use crate::qa::consistency::Wanted;
use crate::qa::located::QaFinding;
use crate::qa::untranslated::{self, Untranslated};
use crate::qa::{Context, Place, check_segment_at};
use crate::workspace::Workspace;
use crate::workspace::plan::FilePlan;

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
    /// Why a draft is one, when the pairing is not certain.
    pub doubt: Option<Doubt>,
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
    /// The blocks of the document and of the source differ in number or kind.
    pub differs: bool,
    /// Blocks of the source and of the document.
    pub blocks: (usize, usize),
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

/// The blocks of Markdown `text`, each marked when it sits in a block quote.
fn markdown_paras(text: &str, mdx: bool) -> Vec<Para> {
    let segments = if mdx {
        crate::model::segment::segment_mdx(text)
    } else {
        segment(text)
    };
    let frames = outline(text, mdx);
    segments
        .into_iter()
        .enumerate()
        .map(|(i, s)| Para {
            text: s.text,
            kind: s.kind,
            quoted: frames.get(i).is_some_and(|f| {
                f.iter()
                    .any(|f| f.kind == crate::model::shape::FrameKind::Quote)
            }),
        })
        .collect()
}

/// Reads the translated paragraphs of `path`: Markdown blocks for `.md`, `.markdown` and
/// `.mdx` (then `true`: it has a structure), blank-line separated paragraphs otherwise.
fn read_document(path: &Path) -> Result<(Vec<Para>, bool)> {
    let text = crate::error::read_text(path)?;
    if let Some(character) = crate::model::translation::forbidden_control(&text) {
        let offset = text.find(character).unwrap_or(0);
        let (line, column) = crate::error::line_column(&text, offset);
        return Err(crate::error::Error::ControlCharacter {
            place: format!("{}:{line}:{column}", disp(path)),
            unit: None,
            character,
        });
    }
    let ext = |e: &str| path.extension().is_some_and(|x| x.eq_ignore_ascii_case(e));
    if ext("md") || ext("markdown") || ext("mdx") {
        return Ok((markdown_paras(&text, ext("mdx")), true));
    }
    let unified = crate::model::segment::normalise_file(&text);
    let paras = unified
        .split("\n\n")
        .map(without_underline)
        .filter_map(normalise_paragraph)
        .filter(|p| !p.is_empty())
        .map(|text| Para {
            text,
            kind: SegmentKind::Paragraph,
            quoted: false,
        })
        .collect();
    Ok((paras, false))
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
    let (mut target, structured) = read_document(file)?;
    // bitext's own export chrome ("Translated from English", the edition line) is not a
    // paragraph of the article: left in, it could be aligned with an unfinished segment.
    target.retain(|p| {
        let text = p.text.trim_matches(['*', '_']).trim();
        !chrome.iter().any(|line| line == text)
    });
    let source = source_paras(ws, &plan)?;
    let (beads, differs) = pairs_of(ws, &source, &target, structured);
    let mut wanted = wanted(ws, &plan.lang, &source, &target, &beads);
    wanted.writes(slug);
    let ctx = Context::load_for(ws, &wanted)?;
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
            _ if bead.is_certain() => Outcome::Translated,
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
                    comment: plan.file.units[i].comment.take(),
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
            doubt: bead.doubt.filter(|_| pair_outcome == Outcome::Draft),
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
        differs,
        blocks: (source.len(), target.len()),
    })
}

/// The pairs of `target` with `source`, by structure when the document has one, and whether
/// the two structures differ.
fn pairs_of(
    ws: &Workspace,
    source: &[Para],
    target: &[Para],
    structured: bool,
) -> (Vec<Paired>, bool) {
    let fixed = marked(source, target);
    if structured {
        let pairing = pair(source, target, &fixed, &ws.config.qa.placeholders);
        (pairing.pairs, pairing.differs)
    } else {
        (align_around_markers(source, target, &fixed), false)
    }
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
    let place = Place::new(slug, segment.n, &plan.article.definitions);
    let source = disp(&plan.article.path);
    check_segment_at(ctx, &segment.text, target, &plan.lang, Some(place))
        .iter()
        .map(|f| QaFinding::new(slug, &source, &plan.lang, segment, state, f))
        .collect()
}

/// What this import may check, for the consistency index to hold only that: the article's
/// texts and the translations the beads would record.
fn wanted(
    ws: &Workspace,
    lang: &Lang,
    source: &[Para],
    target: &[Para],
    beads: &[Paired],
) -> Wanted {
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

/// The pairs bitext's untranslated markers make for certain: a paragraph that carries the
/// marker followed by a segment's own text (as `export --allow-incomplete` writes it) is that
/// segment, in order.
fn marked(source: &[Para], target: &[Para]) -> Vec<(usize, usize)> {
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
    pairs
}

/// Aligns a plain-text `target` with `source` by length, between the pairs `fixed` makes for
/// certain: a marked paragraph is never joined to a neighbour, and its neighbour's translation
/// never lands on the untranslated segment.
fn align_around_markers(source: &[Para], target: &[Para], fixed: &[(usize, usize)]) -> Vec<Paired> {
    let mut beads = Vec::new();
    let (mut from_i, mut from_j) = (0, 0);
    for &(i, j) in fixed
        .iter()
        .chain(std::iter::once(&(source.len(), target.len())))
    {
        for bead in align(&source[from_i..i], &target[from_j..j]) {
            let doubt = match (bead.source.len(), bead.target.len()) {
                (0, _) | (_, 0) => None,
                (1, 1) if bead.confidence >= MIN_CONFIDENCE => None,
                (1, 1) => Some(Doubt::Length),
                _ => Some(Doubt::Merged),
            };
            beads.push(Paired {
                source: bead.source.iter().map(|k| k + from_i).collect(),
                target: bead.target.iter().map(|k| k + from_j).collect(),
                confidence: bead.confidence,
                doubt,
            });
        }
        if i < source.len() && j < target.len() {
            beads.push(Paired {
                source: vec![i],
                target: vec![j],
                confidence: 1.0,
                doubt: None,
            });
        }
        (from_i, from_j) = (i + 1, j + 1);
    }
    beads
}

/// The source's segments as blocks to pair: the article's file read again as the document is.
fn source_paras(ws: &Workspace, plan: &FilePlan) -> Result<Vec<Para>> {
    let path = &plan.article.path;
    let text = crate::error::read_text(&ws.abs(path))?;
    Ok(markdown_paras(&text, crate::model::article::is_mdx(path)))
}
