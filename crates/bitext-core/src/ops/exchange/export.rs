//! What an export of an article holds for translators' tools: each segment with its state,
//! its translation, the text a stale one was made from, and for a missing one the memory's
//! best match, offered as a suggestion and never imported back as a translation.

use std::cell::OnceCell;
use std::path::Path;

use crate::error::{Result, disp};
use crate::exchange::{ExportArticle, ExportUnit, Suggestion};
use crate::memory::index::{Context, Hit, Memory, Origin};
use crate::model::assess::State;
use crate::model::lang::Lang;
use crate::model::segment::text_hash;
use crate::model::slug::Slug;
use crate::model::translation::UnitState;
use crate::workspace::Workspace;
use crate::workspace::plan::FilePlan;

/// The best memory match for each missing segment of `article`. A memory that cannot be
/// read gives no suggestion: the export is about this article, not every file of the
/// workspace.
fn suggestions(
    ws: &Workspace,
    slug: &Slug,
    lang: &Lang,
    plan: &FilePlan,
    memory: &OnceCell<Option<Memory>>,
) -> Vec<Option<Suggestion>> {
    let states = &plan.assessment.states;
    let mut out = vec![None; states.len()];
    if !states.contains(&State::Missing) {
        return out;
    }
    let Some(memory) = memory
        .get_or_init(|| crate::memory::store::open(ws, lang, false).ok())
        .as_ref()
    else {
        return out;
    };
    for (i, segment) in plan.article.segments.iter().enumerate() {
        if states[i] != State::Missing {
            continue;
        }
        let is_self = |hit: &Hit| {
            matches!(&hit.origin, Origin::Segment { article, lang: l, id, .. }
                if article == slug.as_str() && l == lang.as_str() && *id == segment.id)
        };
        out[i] = memory
            .lookup_in(
                &segment.text,
                Some(Context::at(&plan.article.segments, i)),
                crate::memory::store::SHOWN_MATCH,
                2,
            )
            .ok()
            .and_then(|hits| hits.into_iter().find(|h| !is_self(h)))
            .map(|hit| Suggestion {
                score: hit.score,
                in_context: hit.in_context,
                origin: hit.origin.label(),
                source: hit.source,
                target: hit.target,
            });
    }
    out
}

/// Collects what an export of `slug` in `lang` holds, without memory suggestions (TMX
/// exports only current pairs; `export_files` adds them).
///
/// # Errors
/// Any unreadable or malformed source or translation file.
pub fn export_article(ws: &Workspace, slug: &Slug, lang: &Lang) -> Result<ExportArticle> {
    export_with(ws, slug, lang, None)
}

/// [`export_article`], with each missing segment's best memory match when `memory` is given
/// (opened the first time a missing segment needs it).
fn export_with(
    ws: &Workspace,
    slug: &Slug,
    lang: &Lang,
    memory: Option<&OnceCell<Option<Memory>>>,
) -> Result<ExportArticle> {
    let plan = FilePlan::new(ws, slug, lang, false)?;
    let mut suggestions = match memory {
        Some(memory) => suggestions(ws, slug, lang, &plan, memory),
        None => vec![None; plan.article.segments.len()],
    };
    let mut out = Vec::with_capacity(plan.article.segments.len());
    for (i, segment) in plan.article.segments.iter().enumerate() {
        let state = plan.assessment.states[i];
        // The synchronised file holds, per segment, the unit it takes its translation from.
        let unit = &plan.file.units[i];
        let target = unit.target.clone();
        let reviewed = unit.state == Some(UnitState::Reviewed);
        let previous = (state == State::Stale).then(|| unit.source.clone());
        out.push(ExportUnit {
            n: segment.n,
            id: segment.id.clone(),
            line: segment.line,
            source: segment.text.clone(),
            base: text_hash(&target),
            target,
            state,
            reviewed,
            comment: unit.comment.clone(),
            previous_source: previous,
            suggestion: suggestions[i].take(),
        });
    }
    Ok(ExportArticle {
        slug: slug.clone(),
        path: disp(&plan.article.path),
        source_lang: ws.config.source.clone(),
        lang: lang.clone(),
        units: out,
    })
}

/// Where exported files went: the text for stdout (one file, no `-o`), or nothing.
///
/// Writes one file per article: to stdout or `output` for one article, into the directory
/// `output` as `<slug>.<lang>.<ext>` for several.
///
/// # Errors
/// Several articles without `-o`, a destination that is not a directory, unreadable
/// workspace files, or a failed write.
pub fn export_files(
    ws: &Workspace,
    slugs: &[Slug],
    lang: &Lang,
    output: Option<&Path>,
    extension: &str,
    render: &dyn Fn(&ExportArticle) -> String,
) -> Result<String> {
    if slugs.len() > 1 && output.is_none() {
        return Err(crate::error::Error::ExportNeedsDirectory { count: slugs.len() });
    }
    let memory = OnceCell::new();
    let one = |slug: &Slug| export_with(ws, slug, lang, Some(&memory)).map(|a| render(&a));
    match output {
        None => match slugs.last() {
            Some(slug) => one(slug),
            None => Ok(String::new()),
        },
        Some(path) if slugs.len() == 1 && !path.is_dir() => {
            crate::model::translation::write_atomic(path, &one(&slugs[0])?)?;
            Ok(String::new())
        }
        Some(dir) => {
            if dir.exists() && !dir.is_dir() {
                return Err(crate::error::Error::NotADirectory {
                    path: dir.to_owned(),
                });
            }
            // Each file is staged as soon as it is rendered, so that only its name is held;
            // none replaces its destination until every one is staged, so that a failure
            // changes nothing (the staged files are removed when dropped).
            let mut staged = Vec::with_capacity(slugs.len());
            for slug in slugs {
                let text = one(slug)?;
                let file = dir.join(format!("{slug}.{lang}.{extension}"));
                let temp = crate::model::translation::stage(&file, |out| {
                    out.write_all(text.as_bytes())
                        .map_err(|source| crate::error::Error::Write {
                            path: file.clone(),
                            source,
                        })
                })?;
                staged.push((temp, file));
            }
            for (temp, file) in staged {
                crate::model::translation::commit(temp, &file)?;
            }
            Ok(String::new())
        }
    }
}
