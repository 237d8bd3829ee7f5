//! The workbench's HTML pages: the dashboard and the article workbench, and the parts of a
//! page the answers to a form or a download share ([`super::answers`]).
//!
//! Templates are compiled (maud): every text inserted with `(...)` is HTML-escaped, so a source
//! paragraph, a translation or a file name can never become markup. Nothing is loaded from
//! another origin; the stylesheet and the script are embedded in the binary.

use maud::{DOCTYPE, Markup, html};

pub use super::answers::{Problem, Resubmit, export, failure, resubmit};

use crate::commands::status;
use crate::serve::actions::{Action, Filter, Search};
use crate::serve::cache::Row;
use crate::serve::http::{Request, percent_encode};
use crate::serve::{Fail, Ui, assist, hooks, review};
use bitext_core::model::assess::{State, borrowed_from};
use bitext_core::model::lang::Lang;
use bitext_core::model::segment::Segment;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::UnitState;
use bitext_core::model::worddiff::{Op, word_diff};
use bitext_core::ops::version_of as base_of;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::config::Require;
use bitext_core::workspace::plan::FilePlan;

/// The autonyms of the interface languages, for the switch.
const AUTONYMS: [(&str, &str); 3] = [("en", "English"), ("fr", "Français"), ("es", "Español")];

/// A whole page around `main`, with the language switch leading to `here` in each language.
pub(super) fn layout(ui: &Ui<'_>, title: &str, here: &str, main: &Markup) -> String {
    let (here, fragment) = here
        .split_once('#')
        .map_or((here, String::new()), |(h, f)| (h, format!("#{f}")));
    let join = if here.contains('?') { '&' } else { '?' };
    html! {
        (DOCTYPE)
        html lang=(ui.lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · bitext" }
                link rel="stylesheet" href="/assets/app.css";
                script src="/assets/app.js" defer {}
            }
            body {
                a.skip href="#main" { (ui.t("serve-skip")) }
                header {
                    nav aria-label=(ui.t("serve-nav")) {
                        a.home href="/" { (ui.t("serve-dashboard")) }
                        " "
                        a.find href="/search" { (ui.t("search-title")) }
                        ul.switch aria-label=(ui.t("serve-ui-language")) {
                            @for (code, name) in AUTONYMS {
                                li {
                                    @if code == ui.lang {
                                        a href=(format!("{here}{join}ui={code}{fragment}")) lang=(code) hreflang=(code) aria-current="true" { (name) }
                                    } @else {
                                        a href=(format!("{here}{join}ui={code}{fragment}")) lang=(code) hreflang=(code) { (name) }
                                    }
                                }
                            }
                        }
                    }
                }
                main #main tabindex="-1" { (main) }
            }
        }
    }
    .into_string()
}

/// A language's name in the interface language (`fr` -> "French"), else its tag.
pub(super) fn lang_name(ui: &Ui<'_>, lang: &Lang) -> String {
    ui.ta("serve-lang-name", &[("tag", lang.as_str().into())])
}

pub(super) fn state_name(ui: &Ui<'_>, state: State) -> String {
    ui.t(&format!("state-{}", state.as_str()))
}

pub(super) fn article_url(slug: &str, lang: &str) -> String {
    format!("/article/{}/{}", percent_encode(slug), percent_encode(lang))
}

/// A progress bar with its text: `current` of `total` done.
fn progress(ui: &Ui<'_>, current: usize, total: usize, label: &str) -> Markup {
    progress_shown(current, total, label, &percent(ui, current, total))
}

/// `current` of `total` as a percentage, worded.
fn percent(ui: &Ui<'_>, current: usize, total: usize) -> String {
    let percent = status::percent(current, total);
    ui.ta("number-percent", &[("value", percent.into())])
}

/// A progress bar with its text, the percentage already worded.
fn progress_shown(current: usize, total: usize, label: &str, percent: &str) -> Markup {
    html! {
        span.progress {
            progress value=(current) max=(total.max(1)) aria-label=(label) {}
            span.pct { (percent) }
        }
    }
}

/// Articles on one page of the dashboard.
pub const DASHBOARD_PAGE: usize = 100;

/// Which articles the dashboard lists: a page of all of them, or of the unfinished ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DashboardView {
    /// Only the articles with something left to do in some language.
    pub unfinished: bool,
    /// The page asked for, from 1 (brought within the pages there are).
    pub page: usize,
}

impl DashboardView {
    /// The view a request asks for (`show=unfinished`, `page=N`).
    #[must_use]
    pub fn of(request: &Request) -> Self {
        Self {
            unfinished: request.param("show") == Some("unfinished"),
            page: request
                .param("page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(1)
                .max(1),
        }
    }

    fn link(self, page: usize) -> String {
        let show = if self.unfinished { "unfinished" } else { "all" };
        if page > 1 {
            format!("/?show={show}&page={page}#h-articles")
        } else {
            format!("/?show={show}#h-articles")
        }
    }
}

/// The dashboard of `rows` (every article, sorted by slug, counted in every target language):
/// totals, which editions are ready, and one page of the articles `view` asks for.
#[allow(clippy::too_many_lines, reason = "a page template reads top to bottom")]
#[must_use]
pub fn dashboard(ws: &Workspace, ui: &Ui<'_>, rows: &[Row], view: DashboardView) -> String {
    let langs = ws.config.targets.clone();
    let listed: Vec<&Row> = rows
        .iter()
        .filter(|a| !view.unfinished || a.langs.iter().any(|l| l.current < a.segments))
        .collect();
    let pages = listed.len().div_ceil(DASHBOARD_PAGE).max(1);
    let view = DashboardView {
        page: view.page.min(pages),
        ..view
    };
    let start = (view.page - 1) * DASHBOARD_PAGE;
    let on_page = &listed[start.min(listed.len())..(start + DASHBOARD_PAGE).min(listed.len())];
    let page_links = (pages > 1).then(|| {
        let range = ui.ta(
            "serve-dashboard-range",
            &[
                ("first", (start + 1).into()),
                ("last", (start + on_page.len()).into()),
                ("count", listed.len().into()),
                ("page", view.page.into()),
                ("pages", pages.into()),
            ],
        );
        page_nav(ui, &range, view.page, pages, &|p| view.link(p))
    });
    let total_segments: usize = rows.iter().map(|a| a.segments).sum();
    let totals: Vec<(usize, usize, usize, usize)> = (0..langs.len())
        .map(|i| {
            rows.iter().fold((0, 0, 0, 0), |acc, a| {
                let l = &a.langs[i];
                (
                    acc.0 + l.current,
                    acc.1 + l.stale,
                    acc.2 + l.missing,
                    acc.3 + l.draft,
                )
            })
        })
        .collect();
    // The workspace's articles, in name order, for the editions' patterns.
    let all: Vec<Slug> = rows.iter().map(|a| a.article.clone()).collect();
    // What an article leaves to do in language `i` before an edition may use it: its
    // segments not current, or, for an edition that exports only reviewed translations, not
    // reviewed.
    let left_in = |slug: &Slug, i: usize, require: Require| {
        rows.binary_search_by(|a| a.article.cmp(slug))
            .ok()
            .map(|k| {
                let a = &rows[k];
                match require {
                    Require::Translated => a.segments - a.langs[i].current,
                    Require::Reviewed => a.segments - a.reviewed[i],
                }
            })
    };
    let title = ui.t("serve-dashboard");
    let names = StateNames::new(ui);
    let lang_names: Vec<String> = langs.iter().map(|l| lang_name(ui, l)).collect();
    // An article's title leads to its workbench in the reader's language when the workspace
    // translates into it, else in the first target language.
    let default_lang = langs
        .iter()
        .find(|l| l.as_str().split('-').next() == Some(ui.lang))
        .or(langs.first())
        .map_or("", Lang::as_str);
    let main = html! {
        h1 { (title) }
        p { (ui.ta("serve-summary", &[("articles", rows.len().into()), ("segments", total_segments.into())])) }
        (crate::serve::search::dashboard_form(ws, ui))
        section aria-labelledby="h-langs" {
            h2 #h-langs { (ui.t("serve-by-language")) }
            ul.totals {
                @for (lang, (current, stale, missing, draft)) in langs.iter().zip(&totals) {
                    li {
                        strong { (lang_name(ui, lang)) }
                        " "
                        (progress(ui, *current, total_segments, &lang_name(ui, lang)))
                        " "
                        (counts(&names, *current, *stale, *missing, *draft))
                    }
                }
            }
        }
        @if !ws.config.editions.is_empty() {
            section aria-labelledby="h-editions" {
                h2 #h-editions { (ui.t("serve-editions")) }
                div.scroll {
                    table {
                        thead { tr {
                            th scope="col" { (ui.t("serve-edition")) }
                            @for lang in &langs { th scope="col" { (lang_name(ui, lang)) } }
                        } }
                        tbody {
                            @for (edition, articles) in ws.config.editions.iter().map(|e| (e, e.resolve(&all))) {
                                tr {
                                    th scope="row" { (edition.id) }
                                    @for i in 0..langs.len() {
                                        @let left: Option<usize> = articles.iter().map(|s| left_in(s, i, edition.require)).sum();
                                        td {
                                            @match left {
                                                Some(0) => {
                                                    span.ready { (ui.t("serve-edition-ready")) }
                                                    " "
                                                    a href=(format!("/export?edition={}&lang={}&bilingual=1&format=html", percent_encode(&edition.id), percent_encode(langs[i].as_str()))) download {
                                                        (ui.t("serve-download"))
                                                    }
                                                    " "
                                                    a href=(format!("/export?edition={}&lang={}&bilingual=1&format=epub", percent_encode(&edition.id), percent_encode(langs[i].as_str()))) download aria-label=(ui.t("serve-download-epub")) {
                                                        "EPUB"
                                                    }
                                                    " "
                                                    a href=(format!("/export?edition={}&lang={}&bilingual=1&format=pdf", percent_encode(&edition.id), percent_encode(langs[i].as_str()))) download aria-label=(ui.t("serve-download-pdf")) {
                                                        "PDF"
                                                    }
                                                }
                                                Some(left) => span.notready { (ui.ta("serve-edition-left", &[("count", left.into())])) },
                                                None => span.notready { (ui.t("serve-edition-article-missing")) },
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section aria-labelledby="h-articles" {
            h2 #h-articles { (ui.t("serve-articles")) }
            nav.filter aria-label=(ui.t("serve-filter")) {
                ul {
                    @for (unfinished, label) in [(false, "serve-dashboard-all"), (true, "serve-dashboard-unfinished")] {
                        @let target = DashboardView { unfinished, page: 1 };
                        li {
                            @if unfinished == view.unfinished {
                                a href=(target.link(1)) aria-current="page" { (ui.t(label)) }
                            } @else {
                                a href=(target.link(1)) { (ui.t(label)) }
                            }
                        }
                    }
                }
            }
            @if listed.is_empty() {
                p { (ui.t("serve-dashboard-none-unfinished")) }
            }
            @if !listed.is_empty() { div.scroll {
                table.articles {
                    thead { tr {
                        th scope="col" { (ui.t("serve-article")) }
                        th scope="col" { (ui.t("serve-segments")) }
                        @for lang in &langs { th scope="col" { (lang_name(ui, lang)) } }
                    } }
                    tbody {
                        @for article in on_page {
                            tr data-article=(article.article) {
                                th scope="row" {
                                    a href=(article_url(article.article.as_str(), default_lang)) { (article.title) }
                                    @if article.title != article.article.as_str() {
                                        br;
                                        span.id { (breakable(article.article.as_str())) }
                                    }
                                }
                                td { span.cell-label { (ui.t("serve-segments")) " " } span.n { (article.segments) } }
                                @for ((l, lang), name) in article.langs.iter().zip(&langs).zip(&lang_names) {
                                    td {
                                        span.cell-label { (name) " " }
                                        @let label = format!("{} · {name}", article.title);
                                        @let percent = percent(ui, l.current, article.segments);
                                        a href=(article_url(article.article.as_str(), lang.as_str())) aria-label=(format!("{label} · {percent}")) {
                                            (progress_shown(l.current, article.segments, &label, &percent))
                                        }
                                        " "
                                        (counts(&names, l.current, l.stale, l.missing, l.draft))
                                    }
                                }
                            }
                        }
                    }
                }
            } }
            @if let Some(links) = &page_links { (links) }
        }
    };
    layout(ui, &title, "/", &main)
}

/// An article's id, which a narrow screen may break after each `/` as well as after each
/// `-`, never inside a word.
fn breakable(id: &str) -> Markup {
    html! {
        @for (i, part) in id.split('/').enumerate() {
            @if i > 0 { "/" wbr; }
            (part)
        }
    }
}

/// The four states after a count ("3 stale", "3 périmés"), agreeing with it: each count's
/// words are looked up once per page rather than once per table cell.
struct StateNames<'a> {
    ui: Ui<'a>,
    made: std::cell::RefCell<std::collections::HashMap<(usize, usize), String>>,
}

/// The message of each state after a count, in the order of [`counts`]' arguments.
const COUNT_MESSAGES: [&str; 4] = [
    "serve-count-current",
    "serve-count-stale",
    "serve-count-missing",
    "serve-count-draft",
];

impl<'a> StateNames<'a> {
    fn new(ui: &Ui<'a>) -> Self {
        Self {
            ui: *ui,
            made: std::cell::RefCell::default(),
        }
    }

    /// `count` segments in the state of [`COUNT_MESSAGES`]`[state]`.
    fn count(&self, state: usize, count: usize) -> String {
        self.made
            .borrow_mut()
            .entry((state, count))
            .or_insert_with(|| {
                self.ui
                    .ta(COUNT_MESSAGES[state], &[("count", count.into())])
            })
            .clone()
    }
}

fn counts(
    names: &StateNames<'_>,
    current: usize,
    stale: usize,
    missing: usize,
    draft: usize,
) -> Markup {
    html! {
        span.counts {
            span.c-current { (names.count(0, current)) }
            @if stale > 0 { " · " span.c-stale { (names.count(1, stale)) } }
            @if missing > 0 { " · " span.c-missing { (names.count(2, missing)) } }
            @if draft > 0 { " · " span.c-draft { (names.count(3, draft)) } }
        }
    }
}

/// Segments on one page of the workbench: a long article is shown a page at a time, so that
/// no page costs more than these few hundred segments, whatever the article's length.
pub const PAGE: usize = 200;

/// Which page of `shown` (segment positions, 0-based, in order) to show, 1-based among
/// `pages`: the one asked for (`page=`), else the one holding segment `focus=` (or, when the
/// view no longer lists it, the next one it lists), else the first.
/// Links to the pages of a long list: the first, the last and two either side of `page`,
/// with `range` (what this page holds) above them.
fn page_nav(
    ui: &Ui<'_>,
    range: &str,
    page: usize,
    pages: usize,
    link: &dyn Fn(usize) -> String,
) -> Markup {
    let window: Vec<usize> = (1..=pages)
        .filter(|&p| p == 1 || p == pages || p.abs_diff(page) <= 2)
        .collect();
    html! {
        nav.pages aria-label=(ui.t("serve-pages")) {
            p.range { (range) }
            ul {
                @if page > 1 {
                    li { a rel="prev" href=(link(page - 1)) { (ui.t("serve-page-previous")) } }
                }
                @for (k, &p) in window.iter().enumerate() {
                    @if k > 0 && window[k - 1] + 1 < p { li.gap { "…" } }
                    li {
                        @if p == page {
                            a href=(link(p)) aria-current="page" aria-label=(ui.ta("serve-page-number", &[("page", p.into())])) { (p) }
                        } @else {
                            a href=(link(p)) aria-label=(ui.ta("serve-page-number", &[("page", p.into())])) { (p) }
                        }
                    }
                }
                @if page < pages {
                    li { a rel="next" href=(link(page + 1)) { (ui.t("serve-page-next")) } }
                }
            }
        }
    }
}

fn page_of(request: &Request, shown: &[usize], pages: usize) -> usize {
    if let Some(page) = request.param("page").and_then(|p| p.parse::<usize>().ok()) {
        return page.clamp(1, pages);
    }
    let Some(focus) = request.param("focus").and_then(|f| f.parse::<usize>().ok()) else {
        return 1;
    };
    let at = shown.partition_point(|&i| i + 1 < focus);
    (at.min(shown.len().saturating_sub(1)) / PAGE + 1).min(pages)
}

/// The workbench of one article in one language: a page of the segments the filter and the
/// search list, with links to the other pages, and the counts of the whole article.
///
/// # Errors
/// Any unreadable or malformed workspace file.
#[allow(clippy::too_many_lines, reason = "a page template reads top to bottom")]
pub fn workbench(
    ws: &Workspace,
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    request: &Request,
    memories: &crate::serve::memories::Memories,
) -> Result<String, Fail> {
    let plan = FilePlan::new(ws, slug, lang, false)?;
    let filter = Filter::parse(request.param("state"));
    let search = Search::parse(request.param("q"));
    let counts_now = plan.assessment.counts();
    let total = plan.article.segments.len();
    let url = article_url(slug.as_str(), lang.as_str());
    let heading = plan
        .article
        .title()
        .map_or_else(|| slug.to_string(), bitext_core::render::inline::to_plain);
    let title = format!("{heading} · {}", lang_name(ui, lang));
    let flash = flash(ui, request).or_else(|| review::flash(ui, request));
    let source_lang = ws.config.source.as_str();
    let names = StateNames::new(ui);
    // New paragraphs that take, by similarity, the translation of one still in the article.
    let borrowed = borrowed_from(&plan.assessment);
    let reviewed =
        bitext_core::model::review::reviewed_in_line(&plan.file, &plan.assessment.states);
    let to_review = (0..total)
        .filter(|&i| plan.assessment.states[i] == State::Current && !reviewed[i])
        .count();
    let shown: Vec<usize> = (0..total)
        .filter(|&i| {
            filter.lists(plan.assessment.states[i], reviewed[i])
                && search.matches(
                    slug.as_str(),
                    &plan.article.segments[i],
                    &plan.file.units[i].target,
                )
        })
        .collect();
    let pages = shown.len().div_ceil(PAGE).max(1);
    let page = page_of(request, &shown, pages);
    let on_page = &shown[((page - 1) * PAGE).min(shown.len())..(page * PAGE).min(shown.len())];
    let view = |f: Filter, p: Option<usize>| {
        let mut link = format!("{url}?state={}{}", f.as_str(), search.param());
        if let Some(p) = p {
            let _ = std::fmt::Write::write_fmt(&mut link, format_args!("&page={p}"));
        }
        link
    };
    let here = view(filter, (pages > 1).then_some(page));
    // Only the cards shown need the memory's suggestions and the checks.
    let helpers = hooks::Helpers::load_kept(ws, lang, memories)?;
    let page_links = (pages > 1).then(|| {
        let first = on_page.first().map_or(0, |&i| i + 1);
        let last = on_page.last().map_or(0, |&i| i + 1);
        let range = ui.ta(
            "serve-page-range",
            &[
                ("first", first.into()),
                ("last", last.into()),
                ("count", shown.len().into()),
                ("page", page.into()),
                ("pages", pages.into()),
            ],
        );
        page_nav(ui, &range, page, pages, &|p| view(filter, Some(p)))
    });
    let main = html! {
        h1 { (heading) " " span.lang { "(" (lang_name(ui, lang)) ")" } }
        @if heading != slug.as_str() { p.id { (breakable(slug.as_str())) } }
        p.summary {
            (progress(ui, counts_now.current, total, &ui.t("serve-progress")))
            " "
            (counts(&names, counts_now.current, counts_now.stale, counts_now.missing, counts_now.draft))
        }
        div #flash role="status" aria-live="polite" { @if let Some(text) = &flash { p { (text) } } }
        nav.filter aria-label=(ui.t("serve-filter")) {
            ul {
                @for f in Filter::ALL {
                    li {
                        @let label = filter_name(ui, f, to_review);
                        @if f == filter {
                            a href=(view(f, None)) aria-current="page" { (label) }
                        } @else {
                            a href=(view(f, None)) { (label) }
                        }
                    }
                }
            }
        }
        form.search method="get" action=(url) role="search" {
            input type="hidden" name="state" value=(filter.as_str());
            label for="q" { (ui.t("serve-search-label")) }
            " "
            input #q type="search" name="q" value=(search.as_str());
            " "
            button type="submit" { (ui.t("serve-search")) }
            @if !search.is_empty() {
                " "
                a href=(format!("{url}?state={}", filter.as_str())) { (ui.t("serve-search-clear")) }
            }
        }
        (assist::concordance_link(ui, lang))
        @if !search.is_empty() {
            p.results { (ui.ta("serve-search-results", &[("count", shown.len().into()), ("text", search.as_str().into())])) }
        }
        aside.shortcuts aria-labelledby="h-keys" {
            h2 #h-keys { (ui.t("serve-shortcuts")) }
            dl {
                dt { kbd { "Ctrl" } "+" kbd { "Enter" } } dd { (ui.t("serve-key-save-next")) }
                dt { kbd { "Alt" } "+" kbd { "↓" } } dd { (ui.t("serve-key-next")) }
                dt { kbd { "Alt" } "+" kbd { "↑" } } dd { (ui.t("serve-key-previous")) }
                dt { kbd { "Alt" } "+" kbd { "Shift" } "+" kbd { "↓" } } dd { (ui.t("serve-key-next-unfinished")) }
                dt { kbd { "Alt" } "+" kbd { "Shift" } "+" kbd { "↑" } } dd { (ui.t("serve-key-previous-unfinished")) }
                (assist::shortcut_rows(ui))
                @if to_review > 0 {
                    dt { kbd { "Shift" } "+" (ui.t("serve-key-click")) } dd { (ui.t("serve-key-pick-range")) }
                }
            }
        }
        @if to_review > 0 {
            (review::range_form(ui, slug, lang, (filter, &search), total))
        }
        section.segments aria-labelledby="h-segments" {
            h2 #h-segments { (ui.t("serve-segments")) }
            @if let Some(links) = &page_links { (links) }
            @if shown.is_empty() {
                p.empty { (ui.t("serve-none-in-view")) }
            }
            @for &i in on_page {
                @let segment = &plan.article.segments[i];
                @let unit = &plan.file.units[i];
                @let state = plan.assessment.states[i];
                @let like = borrowed[i].map(|j| &plan.article.segments[j]);
                @let context = bitext_core::memory::index::Context::at(&plan.article.segments, i);
                (segment_card(&helpers, ui, slug, lang, source_lang, (filter, &search), (segment, context), unit, state, like))
            }
            @if let Some(links) = &page_links { (links) }
        }
        section.export aria-labelledby="h-export" {
            h2 #h-export { (ui.t("serve-export")) }
            (export_form(ui, "article", slug.as_str(), lang))
        }
        (unsaved_dialog(ui))
    };
    Ok(layout(ui, &title, &here, &main))
}

#[allow(
    clippy::too_many_arguments,
    reason = "one card reads every part of its segment"
)]
fn segment_card(
    helpers: &hooks::Helpers<'_>,
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    source_lang: &str,
    (filter, search): (Filter, &Search),
    (segment, context): (&Segment, bitext_core::memory::index::Context),
    unit: &bitext_core::model::translation::Unit,
    state: State,
    like: Option<&Segment>,
) -> Markup {
    let n = segment.n;
    let heading = format!("seg-{n}-h");
    let textarea = format!("t-{n}");
    let suggestions = if state == State::Current {
        Vec::new()
    } else {
        helpers.suggestions(segment, Some(context), &unit.target)
    };
    // A new paragraph like one still in the article: the translation on record was made for
    // that paragraph, so it is only offered, as a suggestion, and never accepted as it is.
    if let Some(like) = like {
        return new_card(
            helpers,
            ui,
            slug,
            lang,
            source_lang,
            (filter, search),
            segment,
            unit,
            like,
            &suggestions,
        );
    }
    let findings = if unit.has_target() {
        helpers.findings(ui, segment, &unit.target)
    } else {
        Vec::new()
    };
    html! {
        article.seg #(format!("seg-{n}")) data-n=(n) data-state=(state.as_str()) data-source=(segment.text) aria-labelledby=(heading) {
            h3 #(heading) {
                (ui.ta("serve-segment", &[("n", n.into())]))
                " "
                span class=(format!("badge {}", state.as_str())) { (state_name(ui, state)) }
                @if unit.state == Some(UnitState::Reviewed) && state == State::Current {
                    " " span.badge.reviewed { (ui.t("unit-state-reviewed")) }
                }
            }
            (review::pick(ui, n, unit, state))
            div.cols {
                div.src {
                    p.label { (ui.t("serve-source")) }
                    p.text lang=(source_lang) { (assist::marked_source(ui, helpers.glossary(), &segment.text, &unit.target, lang)) }
                    p.more { a.history href=(crate::serve::history::url(slug.as_str(), lang.as_str(), n)) aria-label=(ui.ta("history-link-label", &[("n", n.into())])) { (ui.t("history-link")) } }
                    @if state == State::Stale {
                        div.diff {
                            p.label { (ui.t("serve-changed")) }
                            p.text lang=(source_lang) {
                                @for chunk in word_diff(&unit.source, &segment.text) {
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
                form.tgt method="post" action=(format!("{}/{n}", article_url(slug.as_str(), lang.as_str()))) {
                    input type="hidden" name="id" value=(segment.id);
                    input type="hidden" name="base" value=(base_of(unit));
                    input type="hidden" name="filter" value=(filter.as_str());
                    input type="hidden" name="q" value=(search.as_str());
                    input type="hidden" name="advance" value="";
                    label for=(textarea) { (ui.ta("serve-translation", &[("lang", lang_name(ui, lang).as_str().into())])) }
                    textarea #(textarea) name="text" lang=(lang.as_str()) rows="4" aria-describedby=(heading) { (unit.target) }
                    (assist::length_indicator(ui, n, &segment.text, &unit.target, lang))
                    (assist::checks_region(ui, n, &findings))
                    @if !suggestions.is_empty() {
                        div.suggestions {
                            p.label { (ui.t("serve-suggestions")) }
                            ul {
                                @for s in &suggestions {
                                    li { (assist::suggestion(ui, &textarea, s, &segment.text, source_lang)) }
                                }
                            }
                        }
                    }
                    div.actions role="group" aria-label=(ui.t("serve-actions")) {
                        button type="submit" name="action" value="save" { (ui.t("serve-save")) }
                        button type="submit" name="action" value="draft" { (ui.t("serve-save-draft")) }
                        @if matches!(state, State::Stale | State::Draft) {
                            button type="submit" name="action" value="accept" { (ui.t("serve-accept")) }
                        }
                        @if unit.has_target() {
                            button type="submit" name="action" value="review" { (ui.t("serve-review")) }
                        }
                    }
                }
            }
            (review::comment_box(ui, slug, lang, n, unit, (filter, search)))
        }
    }
}

/// The choice the page's script offers when Accept would drop a text typed in the box: save
/// it, accept the translation on record, or go back to it.
fn unsaved_dialog(ui: &Ui<'_>) -> Markup {
    html! {
        dialog #unsaved aria-labelledby="unsaved-h" aria-describedby="unsaved-p" {
            h2 #unsaved-h { (ui.t("serve-unsaved-title")) }
            p #unsaved-p { (ui.t("serve-unsaved-accept")) }
            div.actions {
                button type="button" data-choice="save" { (ui.t("serve-unsaved-save")) }
                button type="button" data-choice="accept" { (ui.t("serve-unsaved-keep")) }
                button type="button" data-choice="cancel" { (ui.t("serve-unsaved-cancel")) }
            }
        }
    }
}

/// The card of a new paragraph `segment` like `like`, a paragraph still in the article whose
/// translation it takes by similarity (`unit`): marked new, with the word diff from `like`,
/// that translation as the first suggestion, an empty text box, and no Accept.
#[allow(
    clippy::too_many_arguments,
    reason = "one card reads every part of its segment"
)]
fn new_card(
    helpers: &hooks::Helpers<'_>,
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    source_lang: &str,
    (filter, search): (Filter, &Search),
    segment: &Segment,
    unit: &bitext_core::model::translation::Unit,
    like: &Segment,
    suggestions: &[hooks::Suggestion],
) -> Markup {
    let n = segment.n;
    let heading = format!("seg-{n}-h");
    let textarea = format!("t-{n}");
    let url = article_url(slug.as_str(), lang.as_str());
    html! {
        article.seg #(format!("seg-{n}")) data-n=(n) data-state=(State::Stale.as_str()) data-like=(like.n) data-source=(segment.text) aria-labelledby=(heading) {
            h3 #(heading) {
                (ui.ta("serve-segment", &[("n", n.into())]))
                " "
                span.badge.missing { (ui.t("serve-new-here")) }
            }
            div.cols {
                div.src {
                    p.label { (ui.t("serve-source")) }
                    p.text lang=(source_lang) { (assist::marked_source(ui, helpers.glossary(), &segment.text, "", lang)) }
                    p.more { a.history href=(crate::serve::history::url(slug.as_str(), lang.as_str(), n)) aria-label=(ui.ta("history-link-label", &[("n", n.into())])) { (ui.t("history-link")) } }
                    p.note {
                        (ui.ta("serve-new-like", &[("n", like.n.into())]))
                        " "
                        a href=(format!("{url}?state=all&focus={0}#t-{0}", like.n)) { (ui.ta("serve-new-like-link", &[("n", like.n.into())])) }
                    }
                    div.diff {
                        p.label { (ui.ta("serve-new-like-diff", &[("n", like.n.into())])) }
                        p.text lang=(source_lang) {
                            @for chunk in word_diff(&like.text, &segment.text) {
                                @match chunk.op {
                                    Op::Equal => span { (chunk.text) },
                                    Op::Delete => del { span.sr { (ui.t("serve-deleted")) } (chunk.text) },
                                    Op::Insert => ins { span.sr { (ui.t("serve-inserted")) } (chunk.text) },
                                }
                            }
                        }
                    }
                }
                form.tgt method="post" action=(format!("{url}/{n}")) {
                    input type="hidden" name="id" value=(segment.id);
                    input type="hidden" name="base" value=(base_of(unit));
                    input type="hidden" name="filter" value=(filter.as_str());
                    input type="hidden" name="q" value=(search.as_str());
                    input type="hidden" name="advance" value="";
                    label for=(textarea) { (ui.ta("serve-translation", &[("lang", lang_name(ui, lang).as_str().into())])) }
                    textarea #(textarea) name="text" lang=(lang.as_str()) rows="4" aria-describedby=(heading) {}
                    (assist::length_indicator(ui, n, &segment.text, "", lang))
                    (assist::checks_region(ui, n, &[]))
                    div.suggestions {
                        p.label { (ui.t("serve-suggestions")) }
                        ul {
                            li {
                                button type="button" class="suggest borrowed" data-target=(textarea) data-text=(unit.target) title=(like.text) {
                                    (unit.target)
                                    " " span.origin { "(" (ui.ta("serve-new-like-origin", &[("n", like.n.into())])) ")" }
                                }
                            }
                            @for s in suggestions {
                                li { (assist::suggestion(ui, &textarea, s, &segment.text, source_lang)) }
                            }
                        }
                    }
                    div.actions role="group" aria-label=(ui.t("serve-actions")) {
                        button type="submit" name="action" value="save" { (ui.t("serve-save")) }
                        button type="submit" name="action" value="draft" { (ui.t("serve-save-draft")) }
                    }
                }
            }
        }
    }
}

pub(super) fn findings_list(ui: &Ui<'_>, findings: &[hooks::Finding]) -> Markup {
    html! {
        div.findings {
            p.label { (ui.t("serve-findings")) }
            ul {
                @for f in findings {
                    li class=(if f.error { "error" } else { "warning" }) {
                        strong { (if f.error { ui.t("serve-level-error") } else { ui.t("serve-level-warning") }) }
                        " " code { (f.code) } " " (f.message)
                    }
                }
            }
        }
    }
}

fn filter_name(ui: &Ui<'_>, filter: Filter, to_review: usize) -> String {
    match filter {
        Filter::All => ui.t("serve-filter-all"),
        Filter::Unfinished => ui.t("serve-filter-unfinished"),
        Filter::Only(state) => state_name(ui, state),
        Filter::ToReview => ui.ta("serve-filter-review", &[("count", to_review.into())]),
    }
}

/// The message after a write, from the redirect's query.
fn flash(ui: &Ui<'_>, request: &Request) -> Option<String> {
    let n = request.param("done")?.parse::<usize>().ok()?;
    let did = request.param("did")?;
    if did == "restore" {
        return Some(ui.ta("history-done-restore", &[("n", n.into())]));
    }
    let id = match Action::parse(did)? {
        Action::Save => "serve-done-save",
        Action::Draft => "serve-done-draft",
        Action::Review => "serve-done-review",
        Action::Accept => "serve-done-accept",
    };
    let mut text = ui.ta(id, &[("n", n.into())]);
    if request.param("finished").is_some() {
        text.push(' ');
        text.push_str(&ui.t("serve-finished"));
    }
    Some(text)
}

fn export_form(ui: &Ui<'_>, kind: &str, name: &str, lang: &Lang) -> Markup {
    html! {
        form.exportform method="get" action="/export" {
            input type="hidden" name=(kind) value=(name);
            input type="hidden" name="lang" value=(lang.as_str());
            label { input type="checkbox" name="bilingual" value="1" checked; " " (ui.t("serve-bilingual")) }
            " "
            label for="format" { (ui.t("serve-format")) }
            " "
            select #format name="format" {
                option value="html" { "HTML" }
                option value="epub" { "EPUB" }
                option value="pdf" { "PDF" }
                option value="md" { "Markdown" }
                option value="txt" { (ui.t("serve-format-txt")) }
            }
            " "
            button type="submit" { (ui.t("serve-download")) }
        }
    }
}
