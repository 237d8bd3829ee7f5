//! The reviewer's part of the workbench: the form that marks several segments reviewed at
//! once (a checkbox on each card, or a range of positions), and the comment on each
//! segment's translation. Both are plain forms that work without the page's script, and
//! both write through the core's operations ([`bitext_core::ops::review`]) under the
//! workspace lock, in one write each.

use std::fmt::Write as _;

use maud::{Markup, html};

use crate::serve::actions::{Filter, Search};
use crate::serve::http::{Request, Response, lookup};
use crate::serve::pages::{article_url, layout};
use crate::serve::{Fail, Ui};
use bitext_core::error::Error;
use bitext_core::model::assess::State;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::{Unit, UnitState};
use bitext_core::ops::review::{self, Commented, Mark};
use bitext_core::ops::{Which, version_of};
use bitext_core::workspace::Workspace;
use bitext_core::workspace::lock::Lock;

/// The id of the review form, which the cards' checkboxes name.
const FORM: &str = "review-range";

/// The form that marks the chosen segments reviewed: the cards' checkboxes, or a range.
#[must_use]
pub fn range_form(
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    (filter, search): (Filter, &Search),
    total: usize,
) -> Markup {
    let action = format!("{}/review", article_url(slug.as_str(), lang.as_str()));
    html! {
        form.review #(FORM) method="post" action=(action) aria-labelledby="h-review" {
            h2 #h-review { (ui.t("serve-review-title")) }
            p #review-help { (ui.t("serve-review-help")) }
            input type="hidden" name="filter" value=(filter.as_str());
            input type="hidden" name="q" value=(search.as_str());
            label for="review-from" { (ui.t("serve-review-from")) }
            " "
            input #review-from type="number" name="from" min="1" max=(total) inputmode="numeric" aria-describedby="review-help";
            " "
            label for="review-to" { (ui.t("serve-review-to")) }
            " "
            input #review-to type="number" name="to" min="1" max=(total) inputmode="numeric";
            " "
            button type="submit" { (ui.t("serve-review-submit")) }
        }
    }
}

/// The checkbox choosing a card's segment for the review form, for a current translation
/// not yet reviewed; nothing for any other. It carries the version of the translation shown,
/// so that a translation changed since is not marked unseen.
#[must_use]
pub fn pick(ui: &Ui<'_>, n: usize, unit: &Unit, state: State) -> Markup {
    if state != State::Current || unit.state == Some(UnitState::Reviewed) {
        return html! {};
    }
    let id = format!("pick-{n}");
    html! {
        p.pick {
            input #(id) type="checkbox" form=(FORM) name="n" value=(n);
            input type="hidden" form=(FORM) name=(format!("v-{n}")) value=(version_of(unit));
            " "
            label for=(id) { (ui.ta("serve-review-pick", &[("n", n.into())])) }
        }
    }
}

/// The comment on a card's translation, and the small form that changes it; nothing for a
/// segment without a translation.
#[must_use]
pub fn comment_box(
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    n: usize,
    unit: &Unit,
    (filter, search): (Filter, &Search),
) -> Markup {
    if !unit.has_target() {
        return html! {};
    }
    let action = format!("{}/{n}/comment", article_url(slug.as_str(), lang.as_str()));
    let field = format!("c-{n}");
    let shown = unit.comment.as_deref().unwrap_or("");
    html! {
        div.comment {
            @if let Some(comment) = &unit.comment {
                p.label { (ui.t("serve-comment")) }
                p.note { (comment) }
            }
            details {
                summary { (ui.ta("serve-comment-edit", &[("n", n.into())])) }
                form method="post" action=(action) {
                    input type="hidden" name="was" value=(shown);
                    input type="hidden" name="filter" value=(filter.as_str());
                    input type="hidden" name="q" value=(search.as_str());
                    label for=(field) { (ui.ta("serve-comment-label", &[("n", n.into())])) }
                    textarea #(field) name="comment" rows="2" { (shown) }
                    div.actions {
                        button type="submit" name="do" value="comment" { (ui.t("serve-comment-save")) }
                        @if unit.comment.is_some() {
                            " "
                            button type="submit" name="do" value="uncomment" { (ui.t("serve-comment-remove")) }
                        }
                    }
                }
            }
        }
    }
}

/// The workbench's address after a write: the same view, focused on segment `n` when given.
fn back(slug: &Slug, lang: &Lang, filter: Filter, search: &Search) -> String {
    format!(
        "{}?state={}{}",
        article_url(slug.as_str(), lang.as_str()),
        filter.as_str(),
        search.param()
    )
}

/// Marks reviewed what the review form chose: the ticked segments and the range, in one
/// write. Answers with a redirect to the same view, whose message says what was marked and
/// what was not.
///
/// # Errors
/// A range outside the article (400 with the message), or a workspace that cannot be read
/// or written.
pub fn act_range(
    ws: &Workspace,
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    form: &[(String, String)],
) -> Result<Response, Fail> {
    let filter = Filter::parse(lookup(form, "filter"));
    let search = Search::parse(lookup(form, "q"));
    let mut specs: Vec<String> = form
        .iter()
        .filter(|(name, value)| name == "n" && !value.trim().is_empty())
        .map(|(_, value)| value.trim().to_owned())
        .collect();
    // Only positions: a number from the form is never read as an id.
    if let Some(bad) = specs.iter().find(|s| s.parse::<usize>().is_err()) {
        return Err(Fail::BadRequest(
            ui.ta("serve-no-segment", &[("segment", bad.as_str().into())]),
        ));
    }
    let from = lookup(form, "from").map_or("", str::trim);
    let to = lookup(form, "to").map_or("", str::trim);
    if !from.is_empty() || !to.is_empty() {
        let (from, to) = match (from.is_empty(), to.is_empty()) {
            (true, _) => (to, to),
            (_, true) => (from, from),
            _ => (from, to),
        };
        let count = ws.load_article(slug)?.segments.len();
        let valid = |v: &str| v.parse::<usize>().ok().filter(|n| (1..=count).contains(n));
        if valid(from).is_none() || valid(to).is_none() {
            return Err(Fail::BadRequest(ui.ta(
                "serve-review-bad-range",
                &[
                    ("from", from.into()),
                    ("to", to.into()),
                    ("count", count.into()),
                ],
            )));
        }
        specs.push(format!("{from}-{to}"));
    }
    let seen: Vec<(usize, &str)> = form
        .iter()
        .filter_map(|(name, value)| {
            let n = name.strip_prefix("v-")?.parse().ok()?;
            Some((n, value.as_str()))
        })
        .collect();
    let specs: Vec<&str> = specs.iter().map(String::as_str).collect();
    let lock = Lock::acquire(&ws.root)?;
    let report = review::review(
        ws,
        &review::Request {
            slug,
            lang,
            segments: &specs,
            seen: &seen,
        },
    )
    .map_err(|e| match e {
        Error::UnknownSegment { segment, .. } => {
            Fail::NotFound(ui.ta("serve-no-segment", &[("segment", segment.as_str().into())]))
        }
        other => other.into(),
    })?;
    drop(lock);
    let list = |ns: &[usize]| {
        ns.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut location = back(slug, lang, filter, &search);
    let _ = write!(
        location,
        "&marked={}",
        report.with(Mark::Marked).len() + report.with(Mark::Already).len()
    );
    let skipped: Vec<usize> = report.refused().into_iter().map(|(n, _)| n).collect();
    if !skipped.is_empty() {
        let _ = write!(location, "&skipped={}", list(&skipped));
    }
    let changed = report.with(Mark::Changed);
    if !changed.is_empty() {
        let _ = write!(location, "&changed={}", list(&changed));
    }
    Ok(Response::redirect(&location))
}

/// The message after a review or a comment, from the redirect's query.
#[must_use]
pub fn flash(ui: &Ui<'_>, request: &Request) -> Option<String> {
    if let Some(n) = request
        .param("commented")
        .and_then(|n| n.parse::<usize>().ok())
    {
        let id = if request.param("removed").is_some() {
            "serve-comment-removed"
        } else {
            "serve-comment-done"
        };
        return Some(ui.ta(id, &[("n", n.into())]));
    }
    let marked = request.param("marked")?.parse::<usize>().ok()?;
    let mut text = ui.ta("serve-review-done", &[("count", marked.into())]);
    // Positions only: anything else in the address is not shown.
    let positions = |name: &str| {
        request.param(name).map(|raw| {
            raw.split(',')
                .filter_map(|n| n.parse::<usize>().ok())
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    for (param, id) in [
        ("skipped", "serve-review-skipped"),
        ("changed", "serve-review-changed"),
    ] {
        if let Some(list) = positions(param).filter(|l| !l.is_empty()) {
            text.push(' ');
            text.push_str(&ui.ta(id, &[("list", list.as_str().into())]));
        }
    }
    Some(text)
}

/// Adds, changes or removes the comment on segment `n`, as the card's comment form asks.
/// Answers with a redirect to the card; 409 with both texts when the comment changed since
/// the page was loaded, 422 when it cannot be saved.
///
/// # Errors
/// An unknown segment (404), or a workspace that cannot be read or written.
pub fn act_comment(
    ws: &Workspace,
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    n: usize,
    form: &[(String, String)],
) -> Result<Response, Fail> {
    let filter = Filter::parse(lookup(form, "filter"));
    let search = Search::parse(lookup(form, "q"));
    let remove = lookup(form, "do") == Some("uncomment");
    let text = if remove {
        None
    } else {
        lookup(form, "comment")
    };
    // The comment the page showed; an empty one is no comment.
    let was = lookup(form, "was").and_then(bitext_core::model::review::normalise_comment);
    let lock = Lock::acquire(&ws.root)?;
    let done = review::comment(
        ws,
        &review::CommentRequest {
            slug,
            lang,
            segment: Which::Position(n),
            text,
            seen: Some(was.as_deref()),
        },
    );
    drop(lock);
    let url = back(slug, lang, filter, &search);
    let again = |status: u16, title: &str, message: Markup| {
        let title = ui.t(title);
        let main = html! {
            h1 { (title) }
            (message)
            @if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
                p.label { (ui.t("serve-comment-yours")) }
                pre.note { (text) }
            }
            p { a href=(format!("{url}&focus={n}#seg-{n}")) { (ui.t("serve-comment-back")) } }
        };
        Ok(Response::html(status, layout(ui, &title, &url, &main)))
    };
    match done {
        Ok(Commented::Done { n, comment }) => {
            let removed = if comment.is_none() { "&removed=1" } else { "" };
            Ok(Response::redirect(&format!(
                "{url}&commented={n}{removed}&focus={n}#seg-{n}"
            )))
        }
        Ok(Commented::Conflict { n, disk }) => again(
            409,
            "serve-comment-conflict-title",
            html! {
                p role="alert" { (ui.ta("serve-comment-conflict", &[("n", n.into())])) }
                @match &disk {
                    Some(disk) => pre.note { (disk) },
                    None => p { (ui.t("serve-comment-none")) },
                }
            },
        ),
        Err(e @ (Error::NothingToComment { .. } | Error::ControlCharacter { .. })) => again(
            422,
            "serve-comment-refused-title",
            html! { p role="alert" { (e.to_string()) } },
        ),
        Err(Error::UnknownSegment { .. }) => Err(Fail::NotFound(
            ui.ta("serve-no-segment", &[("segment", n.into())]),
        )),
        Err(e) => Err(e.into()),
    }
}
