//! Help while translating, on the workbench: the glossary's terms marked in each source with
//! the translation they require, memory matches shown with their source and its word diff to
//! the segment's, a concordance search of the memory, and the quality checks run on the text
//! being typed.
//!
//! The checks while typing are one JSON endpoint, `POST /article/<slug>/<lang>/<n>/check`
//! (behind the same token and origin checks as every other write), which runs on the typed
//! text the checks a card shows for a saved translation ([`hooks::Helpers::findings`]), and
//! answers them worded and already rendered, so that the page's script only puts them in
//! place. The concordance is a page, `GET /memory/<lang>?q=words`, read from the files as
//! the memory is. Every page still works without the script: marks, matches and the
//! concordance are plain HTML, and a saved translation's findings show after the save.

use maud::{Markup, html};
use serde_json::json;

use crate::serve::http::{Request, Response, lookup, percent_encode};
use crate::serve::pages::{article_url, lang_name, layout};
use crate::serve::{App, Fail, Ui, hooks, resolve};
// Text folded as the glossary check folds it (case, the kind of apostrophe), with each
// folded position mapped back to the text.
use bitext_core::memory::index::{Entry, Origin};
use bitext_core::memory::store;
use bitext_core::model::lang::Lang;
use bitext_core::model::worddiff::{Op, word_diff};
use bitext_core::qa::glossary::{Glossary, Mark};
use bitext_core::qa::glossary::{fold, fold_mapped as folded_with_offsets};
use bitext_core::qa::{Place, check_segment_at, length};
use bitext_core::workspace::Workspace;
use bitext_core::workspace::plan::FilePlan;

/// At most this many memory entries are listed by a concordance search.
pub const CONCORDANCE_LIMIT: usize = 100;

/// Answers the requests this module owns, `None` for the others.
pub(super) fn route(
    app: &App,
    request: &Request,
    ui: &Ui<'_>,
    parts: &[&str],
) -> Option<Result<Response, Fail>> {
    let get = matches!(request.method.as_str(), "GET" | "HEAD");
    let post = request.method == "POST";
    match (parts, get, post) {
        (["article", slug, lang, n, "check"], _, true) => {
            Some(check(app, request, ui, slug, lang, n))
        }
        (["memory", lang], true, _) => Some(concordance(app, request, ui, lang)),
        (["memory", _], _, _) => Some(Err(Fail::BadRequest(ui.ta(
            "serve-bad-method",
            &[("method", request.method.as_str().into())],
        )))),
        _ => None,
    }
}

/// The checks on a typed text: its findings (as JSON and as the card's HTML), the glossary
/// terms it lacks, and its length against the source's and the bounds of the length check.
fn check(
    app: &App,
    request: &Request,
    ui: &Ui<'_>,
    slug: &str,
    lang: &str,
    n: &str,
) -> Result<Response, Fail> {
    let ws = app.workspace()?;
    let (slug, lang) = resolve(&ws, slug, lang)?;
    let form = request.form();
    let text = lookup(&form, "text").unwrap_or("").replace("\r\n", "\n");
    let plan = FilePlan::new(&ws, &slug, &lang, false)?;
    let no_segment = || Fail::NotFound(ui.ta("serve-no-segment", &[("segment", n.into())]));
    let by_n = n
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| plan.article.segments.get(i));
    // The segment the page was made with: when the source changed since, it may have moved.
    let segment = match lookup(&form, "id") {
        Some(id) if by_n.is_none_or(|s| s.id != id) => {
            plan.article.segments.iter().find(|s| s.id == id)
        }
        _ => by_n,
    }
    .ok_or_else(no_segment)?;
    let helpers = hooks::Helpers::load(&ws, &lang)?;
    let findings = match helpers.qa() {
        Some(ctx) => {
            let place = Place::new(slug.as_str(), segment.n, &plan.article.definitions);
            check_segment_at(ctx, &segment.text, text.trim(), &lang, Some(place))
        }
        None => Vec::new(),
    };
    let worded = hooks::worded(ui, &findings);
    let unmet: Vec<&str> = findings
        .iter()
        .filter(|f| f.message_id == "qa-glossary-required")
        .filter_map(|f| f.source_part.as_deref())
        .collect();
    let bounds = length::bounds(&segment.text, &lang);
    let body = json!({
        "n": segment.n,
        "findings": findings.iter().zip(&worded).map(|(f, w)| json!({
            "code": w.code,
            "level": f.level,
            "message": w.message,
            "source_part": f.source_part,
            "target_part": f.target_part,
        })).collect::<Vec<_>>(),
        "html": checks_inner(ui, &worded, !text.trim().is_empty()).into_string(),
        "unmet": unmet,
        "length": {
            "typed": length::visible_len(text.trim()),
            "source": length::visible_len(&segment.text),
            "min": bounds.map(|b| b.0),
            "max": bounds.map(|b| b.1),
        },
    });
    Ok(Response::with_type(
        200,
        "application/json; charset=utf-8",
        body.to_string().into_bytes(),
    ))
}

/// The live region under a text box: the findings on its saved text, replaced by those on
/// the typed text as it changes.
pub(super) fn checks_region(ui: &Ui<'_>, n: usize, findings: &[hooks::Finding]) -> Markup {
    html! {
        div.checks #(format!("chk-{n}")) aria-live="polite" {
            @if !findings.is_empty() { (checks_inner(ui, findings, true)) }
        }
    }
}

/// What the live region holds: the findings, or, for a text checked and found clean, a line
/// saying so.
fn checks_inner(ui: &Ui<'_>, findings: &[hooks::Finding], checked: bool) -> Markup {
    html! {
        @if !findings.is_empty() {
            (crate::serve::pages::findings_list(ui, findings))
        } @else if checked {
            p.clean { (ui.t("assist-no-findings")) }
        }
    }
}

/// The length of `target` against the source's, and the bounds of the length check when it
/// judges this source; the script updates it as the text changes.
pub(super) fn length_indicator(
    ui: &Ui<'_>,
    n: usize,
    source: &str,
    target: &str,
    lang: &Lang,
) -> Markup {
    let typed = length::visible_len(target);
    let bounds = length::bounds(source, lang);
    let verdict = match bounds {
        Some((min, _)) if typed > 0 && typed < min => "short",
        Some((_, max)) if typed > max => "long",
        _ => "",
    };
    html! {
        p.length #(format!("len-{n}")) data-min=[bounds.map(|b| b.0)] data-max=[bounds.map(|b| b.1)]
            data-short=(ui.t("assist-length-short")) data-long=(ui.t("assist-length-long")) data-verdict=(verdict) {
            (ui.t("assist-length")) " "
            span.typed { (typed) } " / " (length::visible_len(source))
            @if let Some((min, max)) = bounds {
                " · " span.bounds { (ui.ta("assist-length-bounds", &[("min", min.into()), ("max", max.into())])) }
            }
            " " strong.verdict {
                @match verdict {
                    "short" => (ui.t("assist-length-short")),
                    "long" => (ui.t("assist-length-long")),
                    _ => "",
                }
            }
        }
    }
}

/// `source` with each glossary term marked, the translation it requires written after it,
/// and the translations the glossary says to avoid instead flagged. A term is marked unmet
/// when `target` is a translation that lacks it (the glossary check's finding).
pub(super) fn marked_source(
    ui: &Ui<'_>,
    glossary: Option<&Glossary>,
    source: &str,
    target: &str,
    lang: &Lang,
) -> Markup {
    let Some(glossary) = glossary else {
        return html! { (source) };
    };
    let marks = glossary.marks(source);
    if marks.is_empty() {
        return html! { (source) };
    }
    let unmet: Vec<String> = if target.is_empty() {
        Vec::new()
    } else {
        glossary
            .check(source, target)
            .into_iter()
            .filter(|f| f.message_id == "qa-glossary-required")
            .filter_map(|f| f.source_part)
            .collect()
    };
    let avoided = glossary.avoided();
    let before =
        |k: usize| &source[marks[..k].last().map_or(0, |m| m.range.end)..marks[k].range.start];
    let tail = &source[marks.last().map_or(0, |m| m.range.end)..];
    html! {
        @for (k, mark) in marks.iter().enumerate() {
            (before(k))
            (term(ui, mark, &source[mark.range.clone()], unmet.contains(&mark.term), &avoided, lang))
        }
        (tail)
    }
}

/// One marked term, with the translation the glossary requires and those it says to avoid
/// in its place.
fn term(
    ui: &Ui<'_>,
    mark: &Mark,
    text: &str,
    unmet: bool,
    avoided: &[bitext_core::qa::glossary::Avoid],
    lang: &Lang,
) -> Markup {
    let forbidden: Vec<&str> = avoided
        .iter()
        .filter(|a| {
            a.instead
                .as_deref()
                .is_some_and(|i| mark.required.iter().any(|r| r == i))
        })
        .map(|a| a.term.as_str())
        .collect();
    html! {
        mark.term.unmet[unmet] data-term=(mark.term) { (text) }
        " "
        span.gloss {
            span.sr { (ui.t("assist-glossary")) " " }
            span lang=(lang.as_str()) { (mark.required.join(" | ")) }
            @for f in &forbidden {
                " " span.avoid { (ui.t("assist-glossary-not")) " " s lang=(lang.as_str()) { (f) } }
            }
        }
    }
}

/// A memory match for a segment whose source is `current`: a button putting its translation
/// in the text box `textarea`, its score (and whether it is in context), and its source with
/// the word diff to `current`.
pub(super) fn suggestion(
    ui: &Ui<'_>,
    textarea: &str,
    s: &hooks::Suggestion,
    current: &str,
    source_lang: &str,
) -> Markup {
    let score = ui.ta(
        "number-percent-whole",
        &[("value", bitext_core::l10n::Arg::Num(f64::from(s.score)))],
    );
    html! {
        div.tm-match data-in-context=[s.in_context.then_some("1")] {
            button type="button" class="suggest" data-target=(textarea) data-text=(s.text) {
                span.score { (score) } " "
                @if s.in_context { span.context { (ui.t("assist-in-context")) } " " }
                (s.text)
                " " span.origin { "(" (s.origin) ")" }
            }
            p.match-source {
                span.label-inline { (ui.t("assist-match-source")) } " "
                @if s.source == current {
                    span lang=(source_lang) { (s.source) } " " span.same { (ui.t("assist-match-same")) }
                } @else {
                    span lang=(source_lang) {
                        @for chunk in word_diff(&s.source, current) {
                            @match chunk.op {
                                Op::Equal => span { (chunk.text) },
                                Op::Delete => del { span.sr { (ui.t("serve-deleted")) } (chunk.text) },
                                Op::Insert => ins { span.sr { (ui.t("serve-inserted")) } (chunk.text) },
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The rows of the page's shortcut list for the aids of this module.
pub(super) fn shortcut_rows(ui: &Ui<'_>) -> Markup {
    html! {
        dt { kbd { "Ctrl" } "+" kbd { "Shift" } "+" kbd { "S" } } dd { (ui.t("assist-key-copy-source")) }
        dt { kbd { "Ctrl" } "+" kbd { "Shift" } "+" kbd { "1" } "…" kbd { "3" } } dd { (ui.t("assist-key-suggestion")) }
    }
}

/// The link from a workbench to the concordance search of its language's memory.
pub(super) fn concordance_link(ui: &Ui<'_>, lang: &Lang) -> Markup {
    html! {
        p.concordance-link {
            a href=(memory_url(lang.as_str(), "")) { (ui.t("assist-concordance-link")) }
        }
    }
}

fn memory_url(lang: &str, q: &str) -> String {
    if q.is_empty() {
        format!("/memory/{}", percent_encode(lang))
    } else {
        format!("/memory/{}?q={}", percent_encode(lang), percent_encode(q))
    }
}

/// The concordance page: the memory entries of a language whose source or translation holds
/// every word of the query, with both texts and where each comes from.
fn concordance(app: &App, request: &Request, ui: &Ui<'_>, lang: &str) -> Result<Response, Fail> {
    let ws = app.workspace()?;
    let lang = ws.select_langs(&[lang.to_owned()])?.remove(0);
    let query = request.param("q").unwrap_or("").trim().to_owned();
    let words: Vec<String> = query.split_whitespace().map(fold).collect();
    let found: Vec<Entry> = if words.is_empty() {
        Vec::new()
    } else {
        store::entries(&ws, &lang)?
            .into_iter()
            .filter(|e| holds_all(&e.source, &words) || holds_all(&e.target, &words))
            .collect()
    };
    // The words as a phrase too, so that a phrase found shows as one mark.
    let mut shown = words.clone();
    shown.push(words.join(" "));
    let source_lang = ws.config.source.as_str();
    let title = ui.ta(
        "assist-concordance-title",
        &[("lang", lang_name(ui, &lang).as_str().into())],
    );
    let main = html! {
        h1 { (title) }
        form.search method="get" action=(memory_url(lang.as_str(), "")) role="search" {
            label for="mq" { (ui.t("assist-concordance-label")) }
            " "
            input #mq type="search" name="q" value=(query);
            " "
            button type="submit" { (ui.t("serve-search")) }
        }
        @if !words.is_empty() {
            p.results role="status" {
                (ui.ta("assist-concordance-results", &[("count", found.len().into()), ("text", query.as_str().into())]))
                @if found.len() > CONCORDANCE_LIMIT {
                    " " (ui.ta("assist-concordance-shown", &[("count", CONCORDANCE_LIMIT.into())]))
                }
            }
            @if !found.is_empty() { ol.concordance {
                @for entry in found.iter().take(CONCORDANCE_LIMIT) {
                    li {
                        div.cols {
                            div {
                                p.label { (ui.t("serve-source")) }
                                p.text lang=(source_lang) { (highlighted(&entry.source, &shown)) }
                            }
                            div {
                                p.label { (lang_name(ui, &lang)) }
                                p.text lang=(lang.as_str()) { (highlighted(&entry.target, &shown)) }
                            }
                        }
                        p.origin { (origin(ui, &ws, &lang, &entry.origin)) }
                    }
                }
            } }
        }
    };
    let here = memory_url(lang.as_str(), &query);
    Ok(Response::html(200, layout(ui, &title, &here, &main)))
}

/// Where a memory entry comes from, a link to its segment when it is one.
fn origin(ui: &Ui<'_>, ws: &Workspace, lang: &Lang, origin: &Origin) -> Markup {
    match origin {
        Origin::Segment { article, n, .. } => {
            let target = if ws.config.targets.contains(lang) {
                lang.as_str()
            } else {
                ""
            };
            let label = ui.ta(
                "assist-origin-segment",
                &[("article", article.as_str().into()), ("n", (*n).into())],
            );
            html! {
                @if target.is_empty() { (label) } @else {
                    a href=(format!("{}?state=all&focus={n}#seg-{n}", article_url(article, target))) { (label) }
                }
            }
        }
        Origin::Obsolete { article, .. } => html! {
            (ui.ta("assist-origin-obsolete", &[("article", article.as_str().into())]))
        },
        Origin::Tmx { file, .. } => html! {
            (ui.ta("assist-origin-tmx", &[("file", file.as_str().into())]))
        },
    }
}

/// Returns true if and only if `text` holds each of the folded `words`.
fn holds_all(text: &str, words: &[String]) -> bool {
    let folded = fold(text);
    words.iter().all(|w| folded.contains(w.as_str()))
}

/// `text` with each occurrence of the folded `words` marked.
fn highlighted(text: &str, words: &[String]) -> Markup {
    let (folded, from) = folded_with_offsets(text);
    let mut ranges: Vec<(usize, usize)> = words
        .iter()
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            folded
                .match_indices(w.as_str())
                .map(|(at, _)| (from[at], from[at + w.len()]))
                .collect::<Vec<_>>()
        })
        .collect();
    ranges.sort_unstable();
    // Overlapping occurrences merge into one mark.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let before = |k: usize| &text[merged[..k].last().map_or(0, |m| m.1)..merged[k].0];
    let tail = &text[merged.last().map_or(0, |m| m.1)..];
    html! {
        @for (k, (start, end)) in merged.iter().enumerate() {
            (before(k)) mark { (text[*start..*end]) }
        }
        (tail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_map_back_through_folding() {
        let words = vec![fold("ÉTAT"), fold("d'")];
        let html = highlighted("L’État de droit, d’État.", &words).into_string();
        assert_eq!(html, "L’<mark>État</mark> de droit, <mark>d’État</mark>.");
        assert!(holds_all("L’État de droit", &words[..1]));
        assert!(!holds_all("Le droit", &words[..1]));
    }
}
