//! A segment's history (`GET /article/<slug>/<lang>/<n>/history`): every translation it had,
//! newest first, with when and by whom each was committed and the source text it was made
//! from ([`bitext_core::workspace::versions`]); and the restore of one of them
//! (`POST .../<n>/restore`) through [`bitext_core::ops::restore`], under the workspace lock,
//! with the same conflict check as a save.
//!
//! The form names the version by its commit, never by its text: the server reads the version
//! from git again, so a restore can only bring back what the history holds.

use maud::html;

use crate::serve::http::{Response, percent_encode};
use crate::serve::pages::{article_url, lang_name, layout, state_name};
use crate::serve::{Fail, Ui};
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::Unit;
use bitext_core::ops::restore::{self, Outcome};
use bitext_core::ops::{Expect, Which, version_of};
use bitext_core::workspace::Workspace;
use bitext_core::workspace::lock::Lock;
use bitext_core::workspace::plan::FilePlan;
use bitext_core::workspace::versions::{SegmentHistory, Version, segment_history};

/// Why the page is shown again after a restore that wrote nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refused {
    /// The segment changed since the page was loaded.
    Conflict,
    /// The model would not take the version as this paragraph's translation.
    Unrelated,
}

/// The address of segment `n`'s history.
#[must_use]
pub fn url(slug: &str, lang: &str, n: usize) -> String {
    format!("{}/{n}/history", article_url(slug, lang))
}

/// The segment, its translation file brought in line with the article, and its history.
fn read(
    ws: &Workspace,
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    n: usize,
) -> Result<(FilePlan, SegmentHistory), Fail> {
    let plan = FilePlan::new(ws, slug, lang, false)?;
    if Which::Position(n).find(&plan.article).is_err() {
        return Err(Fail::NotFound(
            ui.ta("serve-no-segment", &[("segment", n.into())]),
        ));
    }
    let history = segment_history(
        &ws.root,
        &plan.path,
        &plan.article.segments,
        &plan.file.units,
        n,
    )?;
    Ok((plan, history))
}

/// The history page of segment `n`.
///
/// # Errors
/// An unknown segment (404), an unreadable workspace file, or git failing.
pub fn page(
    ws: &Workspace,
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    n: usize,
) -> Result<String, Fail> {
    let (plan, history) = read(ws, ui, slug, lang, n)?;
    Ok(render(ws, ui, &plan, &history, n, None))
}

/// Restores the version of segment `n` that commit `commit` (in the form) recorded, and goes
/// back to the workbench on that segment.
///
/// # Errors
/// A malformed form (400), an unknown segment or version (404), or a workspace that cannot be
/// read or written.
pub fn restore(
    ws: &Workspace,
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    n: usize,
    form: &[(String, String)],
) -> Result<Response, Fail> {
    let field = |name: &str| crate::serve::actions::required(ui, form, name);
    let (id, base, commit) = (field("id")?, field("base")?, field("commit")?);
    let lock = Lock::acquire(&ws.root)?;
    let (_, history) = read(ws, ui, slug, lang, n)?;
    let version = history
        .versions
        .iter()
        .find(|v| v.commit.as_ref().is_some_and(|c| c.id == commit))
        .ok_or_else(|| {
            Fail::NotFound(ui.ta("history-no-version", &[("commit", short(commit).into())]))
        })?;
    let request = restore::Request {
        slug,
        lang,
        n,
        expect: Some(Expect { id, version: base }),
        version: &version.unit,
    };
    let outcome = restore::restore(ws, &request)?;
    drop(lock);
    let refused = match outcome {
        Outcome::Restored(_) => {
            return Ok(Response::redirect(&format!(
                "{}?state=all&done={n}&did=restore&focus={n}#t-{n}",
                article_url(slug.as_str(), lang.as_str())
            )));
        }
        Outcome::Conflict(_) => (Refused::Conflict, 409),
        Outcome::Unrelated(_) => (Refused::Unrelated, 422),
    };
    let (plan, history) = read(ws, ui, slug, lang, n)?;
    Ok(Response::html(
        refused.1,
        render(ws, ui, &plan, &history, n, Some(refused.0)),
    ))
}

/// A commit's short id.
fn short(commit: &str) -> &str {
    commit.get(..8).unwrap_or(commit)
}

/// An ISO 8601 date as the page shows it: `2026-12-06 13:05`.
fn when(date: &str) -> String {
    match (date.get(..10), date.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time}"),
        _ => date.to_owned(),
    }
}

#[allow(clippy::too_many_lines, reason = "a page template reads top to bottom")]
fn render(
    ws: &Workspace,
    ui: &Ui<'_>,
    plan: &FilePlan,
    history: &SegmentHistory,
    n: usize,
    refused: Option<Refused>,
) -> String {
    let slug = plan.article.slug.as_str();
    let lang = &plan.lang;
    let segment = &plan.article.segments[n - 1];
    let now = &plan.file.units[n - 1];
    let state = plan.assessment.states[n - 1];
    let source_lang = ws.config.source.as_str();
    let article = plan
        .article
        .title()
        .map_or_else(|| slug.to_owned(), bitext_core::render::inline::to_plain);
    let title = ui.ta("history-title", &[("n", n.into())]);
    let back = format!(
        "{}?state=all&focus={n}#t-{n}",
        article_url(slug, lang.as_str())
    );
    let here = format!(
        "/article/{}/{}/{n}/history",
        percent_encode(slug),
        percent_encode(lang.as_str())
    );
    let action = format!("{}/{n}/restore", article_url(slug, lang.as_str()));
    let main = html! {
        h1 { (title) }
        p.id { span lang=(source_lang) { (article) } " · " (lang_name(ui, lang)) }
        p { a href=(back) { (ui.t("history-back")) } }
        div #flash role="status" aria-live="polite" {
            @match refused {
                Some(Refused::Conflict) => p.problem { (ui.t("history-conflict")) },
                Some(Refused::Unrelated) => p.problem { (ui.t("history-unrelated")) },
                None => {},
            }
        }
        section.now aria-labelledby="h-now" {
            h2 #h-now { (ui.t("history-now")) " " span class=(format!("badge {}", state.as_str())) { (state_name(ui, state)) } }
            p.label { (ui.t("serve-source")) }
            p.text lang=(source_lang) { (segment.text) }
        }
        @if !history.in_git {
            p.note { (ui.t("history-no-git")) }
        }
        section.versions aria-labelledby="h-versions" {
            h2 #h-versions { (ui.t("history-versions")) }
            @if history.versions.is_empty() {
                p.empty { (ui.t("history-none")) }
            }
            ol.versions {
                @for (k, version) in history.versions.iter().enumerate() {
                    @let heading = format!("v-{k}");
                    @let on_disk = version.unit.target == now.target && version.unit.source == now.source;
                    li.version aria-labelledby=(heading) data-commit=(version.commit.as_ref().map_or("", |c| c.id.as_str())) {
                        h3 #(heading) {
                            @match &version.commit {
                                Some(commit) => {
                                    time datetime=(commit.date) { (when(&commit.date)) }
                                    " · " span.author { (commit.author) }
                                    " · " code { (short(&commit.id)) }
                                }
                                None => (ui.t("history-uncommitted")),
                            }
                            @if on_disk { " " span.badge.current { (ui.t("history-on-disk")) } }
                        }
                        p.label { (ui.ta("serve-translation", &[("lang", lang_name(ui, lang).as_str().into())])) }
                        p.text.target lang=(lang.as_str()) { (version.unit.target) }
                        (made_from(ui, source_lang, version, &segment.text))
                        @if let (Some(commit), false) = (&version.commit, on_disk) {
                            form.restore method="post" action=(action) {
                                input type="hidden" name="id" value=(segment.id);
                                input type="hidden" name="base" value=(version_of(now));
                                input type="hidden" name="commit" value=(commit.id);
                                button type="submit" aria-describedby=(heading) { (ui.t("history-restore")) }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(ui, &title, &here, &main)
}

/// The source text a version was made from: the paragraph as it is now, or an earlier text
/// of it, shown whole.
fn made_from(ui: &Ui<'_>, source_lang: &str, version: &Version, current: &str) -> maud::Markup {
    let unit: &Unit = &version.unit;
    html! {
        @if unit.source == current {
            p.label.made { (ui.t("history-made-from-current")) }
        } @else {
            p.label.made { (ui.t("history-made-from-earlier")) }
            p.text.source lang=(source_lang) { (unit.source) }
        }
    }
}
