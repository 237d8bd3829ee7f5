//! Finding segments: what a search asks for ([`Query`]), shared by the workbench's search in
//! one article and the workspace's search page (`GET /search`), which lists the segments of
//! every article that match, in one language and one state, grouped by article, each a link
//! to its segment in the workbench with the words found marked.
//!
//! A query is a text, found in the source paragraph or its translation whatever its case and
//! accents ([`bitext_core::model::fold`]); a text that could be a segment id (four hex digits
//! or more) also finds the segments whose id starts with it; `#12` is the twelfth segment (of
//! each article, or of the article being worked on) and `slug#12` the twelfth of one article.
//! An article is read in full only when the dashboard's counts and a look at its files say
//! it may hold what is asked for. The page stops at [`LIMIT`] segments found, so that a common word costs no more than a
//! page of results, whatever the workspace's size.

use maud::{Markup, html};
use rayon::prelude::*;

use crate::serve::actions::Filter;
use crate::serve::cache::Row;
use crate::serve::http::{Request, percent_encode};
use crate::serve::pages::{article_url, lang_name, layout, state_name};
use crate::serve::{Fail, Ui};
use bitext_core::model::assess::State;
use bitext_core::model::fold::{Folded, fold_words};
use bitext_core::model::lang::Lang;
use bitext_core::model::segment::Segment;
use bitext_core::model::slug::Slug;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::plan::FilePlan;

/// The most segments the search page lists.
pub const LIMIT: usize = 200;

/// What a search asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The query as given, trimmed.
    raw: String,
    /// The text to find, folded; empty for a position.
    text: String,
    /// A segment id's beginning, when the query could be one.
    id: Option<String>,
    /// A position: the article named before `#`, if any, and the position.
    position: Option<(Option<String>, usize)>,
}

impl Query {
    /// Reads a query as typed.
    #[must_use]
    pub fn parse(raw: &str) -> Self {
        let raw = raw.trim().to_owned();
        if let Some((article, n)) = raw.rsplit_once('#')
            && !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && let Ok(n) = n.parse::<usize>()
        {
            let article = article.trim();
            return Self {
                position: Some(((!article.is_empty()).then(|| article.to_owned()), n)),
                raw,
                ..Self::default()
            };
        }
        // Ids are eight hex digits: a shorter beginning of one needs a digit, so that a word
        // such as "cafe" or "decade" is only a word.
        let id = (raw.len() >= 4
            && raw.as_bytes()[0].is_ascii_hexdigit()
            && raw.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
            && (raw.len() >= 8 || raw.bytes().any(|b| b.is_ascii_digit())))
        .then(|| raw.to_ascii_lowercase());
        Self {
            text: fold_words(&raw),
            id,
            position: None,
            raw,
        }
    }

    /// The query as given.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// Returns true if and only if there is nothing to search for.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The article a position names (`slug#12`), if any.
    #[must_use]
    pub fn article(&self) -> Option<&str> {
        self.position.as_ref().and_then(|(a, _)| a.as_deref())
    }

    /// The position asked for, if any.
    #[must_use]
    pub fn position(&self) -> Option<usize> {
        self.position.as_ref().map(|(_, n)| *n)
    }

    /// The folded text to find and mark, none for a position.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns true if and only if `segment` of article `slug`, translated as `target`, is
    /// found. An empty query finds every segment.
    #[must_use]
    pub fn matches(&self, slug: &str, segment: &Segment, target: &str) -> bool {
        if self.is_empty() {
            return true;
        }
        if let Some((article, n)) = &self.position {
            return segment.n == *n && article.as_deref().is_none_or(|a| a == slug);
        }
        self.id
            .as_ref()
            .is_some_and(|id| segment.id.starts_with(id))
            || fold_words(&segment.text).contains(&self.text)
            || fold_words(target).contains(&self.text)
    }

    /// Returns false only when the text asked for is in none of `files` (an article's
    /// source, its translation), read as words: then no segment of that article matches it
    /// as a text. A cheap look before reading an article in full. An empty query or a
    /// position may match any article. A file may hold a quote or a backslash escaped (JSON,
    /// YAML), so a text holding one is looked for as its parts between them, all in one file.
    #[must_use]
    pub fn may_be_in(&self, files: &[&[u8]]) -> bool {
        if self.is_empty() || self.position.is_some() {
            return true;
        }
        let parts: Vec<&str> = self
            .text
            .split(['"', '\\', '\''])
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            return true;
        }
        files.iter().any(|bytes| {
            let words = fold_words(&String::from_utf8_lossy(bytes));
            parts.iter().all(|p| words.contains(p))
        })
    }

    /// The beginning of a segment id the query may be, in lower case.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
}

/// `text` with the places where `needle` (folded) occurs marked.
#[must_use]
pub fn marked(text: &str, needle: &str) -> Markup {
    let ranges = if needle.is_empty() {
        Vec::new()
    } else {
        Folded::new(text).find(needle)
    };
    let mut parts = Vec::with_capacity(ranges.len());
    let mut at = 0;
    for (from, to) in ranges {
        parts.push((&text[at..from], &text[from..to]));
        at = to;
    }
    html! {
        @for (plain, found) in parts {
            (plain)
            mark { (found) }
        }
        (text[at..])
    }
}

/// One segment found.
struct Hit {
    n: usize,
    state: State,
    source: String,
    target: String,
}

/// The segments found in one article.
struct Found {
    slug: String,
    title: String,
    hits: Vec<Hit>,
}

/// The search page: the form, and when it asks for something, the segments found.
///
/// # Errors
/// An unknown language (404), or any unreadable or malformed workspace file.
pub fn page(ws: &Workspace, ui: &Ui<'_>, request: &Request, rows: &[Row]) -> Result<String, Fail> {
    let query = Query::parse(request.param("q").unwrap_or(""));
    let filter = Filter::parse(request.param("state"));
    let lang = match request.param("lang").filter(|l| !l.is_empty()) {
        Some(tag) => ws.select_langs(&[tag.to_owned()])?.remove(0),
        None => default_lang(ws, ui)
            .ok_or_else(|| Fail::NotFound(ui.ta("serve-no-page", &[("path", "/search".into())])))?,
    };
    // An empty query lists every segment in the state asked for; with no state either, it
    // lists nothing: the form alone.
    let asked = !query.is_empty() || filter != Filter::All;
    let (found, more) = if asked {
        find(ws, &lang, &query, filter, rows)?
    } else {
        (Vec::new(), false)
    };
    let count: usize = found.iter().map(|f| f.hits.len()).sum();
    let here = format!(
        "/search?q={}&lang={}&state={}",
        percent_encode(query.as_str()),
        percent_encode(lang.as_str()),
        filter.as_str()
    );
    let title = ui.t("search-title");
    let source_lang = ws.config.source.as_str();
    let main = html! {
        h1 { (title) }
        (form(ws, ui, &query, &lang, filter))
        @if asked {
            p.results role="status" {
                @if more {
                    (ui.ta("search-more", &[("count", LIMIT.into())]))
                } @else {
                    (ui.ta("search-found", &[("count", count.into()), ("articles", found.len().into())]))
                }
            }
        }
        @for (k, article) in found.iter().enumerate() {
            @let heading = format!("found-{k}");
            section.found aria-labelledby=(heading) {
                h2 #(heading) {
                    span lang=(source_lang) { (article.title) }
                    @if article.title != article.slug { " " span.id { "(" (article.slug) ")" } }
                }
                ul.hits {
                    @for hit in &article.hits {
                        li.hit data-n=(hit.n) {
                            p.where {
                                a href=(format!("{}?state=all&focus={n}#t-{n}", article_url(&article.slug, lang.as_str()), n = hit.n)) {
                                    (ui.ta("serve-segment", &[("n", hit.n.into())]))
                                }
                                " "
                                span class=(format!("badge {}", hit.state.as_str())) { (state_name(ui, hit.state)) }
                            }
                            div.cols {
                                p.text lang=(source_lang) { (marked(&hit.source, query.text())) }
                                @if hit.target.is_empty() {
                                    p.text.none { (ui.t("search-no-translation")) }
                                } @else {
                                    p.text lang=(lang.as_str()) { (marked(&hit.target, query.text())) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout(ui, &title, &here, &main))
}

/// The search form, on its page and on the dashboard.
pub(crate) fn form(
    ws: &Workspace,
    ui: &Ui<'_>,
    query: &Query,
    lang: &Lang,
    filter: Filter,
) -> Markup {
    html! {
        form.search.wide method="get" action="/search" role="search" {
            label for="search-q" { (ui.t("search-label")) }
            " "
            input #search-q type="search" name="q" value=(query.as_str()) aria-describedby="search-hint";
            " "
            label for="search-lang" { (ui.t("search-lang")) }
            " "
            select #search-lang name="lang" {
                @for l in &ws.config.targets {
                    option value=(l.as_str()) selected[l == lang] { (lang_name(ui, l)) }
                }
            }
            " "
            label for="search-state" { (ui.t("search-state")) }
            " "
            select #search-state name="state" {
                @for f in Filter::ALL {
                    option value=(f.as_str()) selected[f == filter] {
                        @match f {
                            Filter::All => (ui.t("serve-filter-all")),
                            Filter::Unfinished => (ui.t("serve-filter-unfinished")),
                            Filter::Only(state) => (state_name(ui, state)),
                            Filter::ToReview => (ui.t("search-filter-review")),
                        }
                    }
                }
            }
            " "
            button type="submit" { (ui.t("serve-search")) }
            p #search-hint .hint { (ui.t("search-hint")) }
        }
    }
}

/// The dashboard's search form, in the language its article links lead to.
pub(crate) fn dashboard_form(ws: &Workspace, ui: &Ui<'_>) -> Markup {
    match default_lang(ws, ui) {
        Some(lang) => form(ws, ui, &Query::default(), &lang, Filter::All),
        None => html! {},
    }
}

/// The language searched when none is asked for: the reader's, when the workspace translates
/// into it, else the first target language.
fn default_lang(ws: &Workspace, ui: &Ui<'_>) -> Option<Lang> {
    ws.config
        .targets
        .iter()
        .find(|l| l.as_str().split('-').next() == Some(ui.lang))
        .or(ws.config.targets.first())
        .cloned()
}

/// The segments `query` finds in `lang` in the state `filter` lists, article by article in
/// name order, and whether there were more than [`LIMIT`].
///
/// An article is read in full only when it may hold one: the dashboard's counts (`rows`,
/// checked against the files) say whether it has a segment in that state and enough
/// segments for a position, and a text must be somewhere in its files
/// ([`Query::may_be_in`]).
fn find(
    ws: &Workspace,
    lang: &Lang,
    query: &Query,
    filter: Filter,
    rows: &[Row],
) -> Result<(Vec<Found>, bool), Fail> {
    let l = ws
        .config
        .targets
        .iter()
        .position(|t| t == lang)
        .unwrap_or(0);
    let wanted: Vec<&Row> = rows
        .iter()
        .filter(|row| {
            let Some(counts) = row.langs.get(l) else {
                return false;
            };
            let in_state = match filter {
                Filter::All => row.segments,
                Filter::Unfinished => row.segments.saturating_sub(counts.current),
                Filter::Only(State::Current) => counts.current,
                Filter::Only(State::Stale) => counts.stale,
                Filter::Only(State::Missing) => counts.missing,
                Filter::Only(State::Draft) => counts.draft,
                Filter::ToReview => counts.current.saturating_sub(row.reviewed[l]),
            };
            in_state > 0
                && query.position().is_none_or(|n| n <= row.segments)
                && query
                    .article()
                    .is_none_or(|only| only == row.article.as_str())
        })
        .collect();
    let look = !query.is_empty() && query.position().is_none();
    let mut found = Vec::new();
    let mut count = 0;
    // The files of a few dozen articles looked at side by side, then those that may hold
    // the text read in order, until the page is full.
    for chunk in wanted.chunks(CHUNK) {
        let keep: Vec<bool> = if look {
            chunk
                .par_iter()
                .map(|row| may_hold(ws, query, &row.article, lang))
                .collect::<Result<_, _>>()?
        } else {
            vec![true; chunk.len()]
        };
        for row in chunk.iter().zip(keep).filter(|(_, k)| *k).map(|(r, _)| r) {
            let slug = &row.article;
            let plan = FilePlan::new(ws, slug, lang, false)?;
            let reviewed =
                bitext_core::model::review::reviewed_in_line(&plan.file, &plan.assessment.states);
            let mut hits = Vec::new();
            for (i, segment) in plan.article.segments.iter().enumerate() {
                let state = plan.assessment.states[i];
                let target = &plan.file.units[i].target;
                if !filter.lists(state, reviewed[i])
                    || !query.matches(slug.as_str(), segment, target)
                {
                    continue;
                }
                if count == LIMIT {
                    if !hits.is_empty() {
                        found.push(found_in(&plan, hits));
                    }
                    return Ok((found, true));
                }
                count += 1;
                hits.push(Hit {
                    n: segment.n,
                    state,
                    source: segment.text.clone(),
                    target: target.clone(),
                });
            }
            if !hits.is_empty() {
                found.push(found_in(&plan, hits));
            }
        }
    }
    Ok((found, false))
}

/// How many articles' files are looked at side by side.
const CHUNK: usize = 64;

/// Returns false only when no segment of `slug` in `lang` can match `query`: its text is in
/// none of the article's files (its source, its translation, its page when translations are
/// kept as pages) and, for a query that may be an id, no segment's id starts with it.
fn may_hold(ws: &Workspace, query: &Query, slug: &Slug, lang: &Lang) -> Result<bool, Fail> {
    let read = |path: &std::path::Path| std::fs::read(ws.abs(path)).unwrap_or_default();
    let mut files = vec![
        read(&ws.source_file(slug)?),
        read(&ws.translation_path(lang, slug)),
    ];
    if let Some(page) = ws.page_path(lang, slug)? {
        files.push(read(&page));
    }
    let files: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
    if query.may_be_in(&files) {
        return Ok(true);
    }
    let Some(id) = query.id() else {
        return Ok(false);
    };
    let article = ws.load_article(slug)?;
    Ok(article.segments.iter().any(|s| s.id.starts_with(id)))
}

fn found_in(plan: &FilePlan, hits: Vec<Hit>) -> Found {
    let slug = plan.article.slug.to_string();
    let title = plan
        .article
        .title()
        .map_or_else(|| slug.clone(), bitext_core::render::inline::to_plain);
    Found { slug, title, hits }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bitext_core::model::segment::SegmentKind;

    fn segment(n: usize, id: &str, text: &str) -> Segment {
        Segment {
            n,
            id: id.to_owned(),
            kind: SegmentKind::Paragraph,
            line: 1,
            text: text.to_owned(),
        }
    }

    #[test]
    fn a_query_finds_text_ids_and_positions() {
        let s = segment(12, "5fd21ba5", "The State of Perú");
        let finds = |q: &str, slug: &str| Query::parse(q).matches(slug, &s, "L’État du Pérou");
        assert!(finds("state", "a"));
        assert!(finds("ETAT", "a"));
        assert!(finds("peru", "a"));
        assert!(finds("5fd2", "a"));
        assert!(!finds("5fd3", "a"));
        assert!(finds("#12", "a"));
        assert!(!finds("#11", "a"));
        assert!(finds("a#12", "a"));
        assert!(!finds("b#12", "a"));
        assert!(!finds("nowhere", "a"));
        assert_eq!(Query::parse(" b#12 ").article(), Some("b"));
        // A word of hex letters is a word; an id's beginning has a digit.
        assert!(!finds("cafe", "a"));
        assert!(Query::parse("cafe").may_be_in(&[b"Un CAF\xc3\x89\n"]));
        assert!(!Query::parse("cafe").may_be_in(&[b"Un caf"]));
        assert!(!Query::parse("5fd2").may_be_in(&[b"elsewhere"]));
        assert_eq!(Query::parse("5fd2").id(), Some("5fd2"));
        assert!(Query::parse("#2").may_be_in(&[]));
        assert!(Query::parse("two  words").may_be_in(&[b"two\n   words"]));
        // A quote the translation file holds escaped.
        let quoted = Query::parse("the \"people\"");
        assert!(quoted.may_be_in(&[br#"{"target": "the \"People\""}"#]));
        assert!(!quoted.may_be_in(&[b"the", b"people"]));
        assert!(finds("", "a"));
    }

    #[test]
    fn marks_fall_on_the_words_as_written() {
        let html = marked("L’État <b> et l’état", &fold_words("etat")).into_string();
        assert_eq!(html, "L’<mark>État</mark> &lt;b&gt; et l’<mark>état</mark>");
    }
}
