//! Search in the workbench: the workspace's search page (`/search`) by text (whatever its
//! case and accents), by segment id and by position, with the state filter, across two
//! articles, capped; and the same queries in one article's workbench.

use std::fmt::Write as _;

use crate::serve::Served;
use crate::support::{ARTICLE, Ws};

const MARKET: &str = "\
# The summer market

The market opens on the square every Saturday morning.

Stalls sell cheese, bread and vegetables from the valley.
";

/// The harbour article and the market article, both translated into French; the market's
/// second paragraph with accents in its translation.
fn two_articles() -> Ws {
    let ws = Ws::translated();
    ws.write("sources/market.md", MARKET);
    ws.set_all(
        "market",
        "fr",
        &[
            "Le marché d’été",
            "Le marché ouvre sur la place chaque samedi matin.",
            "Les étals vendent du fromage, du pain et des légumes de la vallée.",
        ],
    );
    ws
}

/// One hit as the page lists it: its article, its position, its link, its marked words.
#[derive(Debug, PartialEq, Eq)]
struct Hit {
    article: String,
    n: usize,
    href: String,
    marks: Vec<String>,
}

fn hits(body: &str) -> Vec<Hit> {
    let doc = scraper::Html::parse_document(body);
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    let mut all = Vec::new();
    for section in doc.select(&sel("section.found")) {
        let article = section
            .select(&sel("h2"))
            .next()
            .expect("h2")
            .text()
            .collect::<String>();
        for li in section.select(&sel("li.hit")) {
            all.push(Hit {
                article: article.clone(),
                n: li
                    .value()
                    .attr("data-n")
                    .and_then(|n| n.parse().ok())
                    .expect("n"),
                href: li
                    .select(&sel("a"))
                    .next()
                    .and_then(|a| a.value().attr("href"))
                    .expect("href")
                    .to_owned(),
                marks: li
                    .select(&sel("mark"))
                    .map(|m| m.text().collect())
                    .collect(),
            });
        }
    }
    all
}

fn search(s: &Served, query: &str) -> Vec<Hit> {
    hits(&s.get(&format!("/search?{query}")).status(200).body)
}

#[test]
fn text_is_found_in_both_articles_whatever_its_case_and_accents_and_each_hit_links_to_its_segment()
{
    let ws = two_articles();
    let s = Served::start(&ws);
    let found = search(&s, "q=MARKET&lang=fr");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|h| h.article.contains("The summer market"))
    );
    assert_eq!(found[1].n, 2);
    assert_eq!(found[1].href, "/article/market/fr?state=all&focus=2#t-2");
    assert_eq!(found[1].marks, ["market"]);
    // Accents and case: `MARCHE` finds "marché" in the translations, marked as written.
    let found = search(&s, "q=MARCHE&lang=fr");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].marks, ["marché"]);
    // The harbour's paragraph, and the page says how many it found where.
    let page = s.get("/search?q=harbour+wall&lang=fr").status(200);
    let found = hits(&page.body);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].href, "/article/harbour/fr?state=all&focus=2#t-2");
    assert!(page.body.contains("One segment found."), "{}", page.body);
    let page = s.get("/search?q=the&lang=fr").status(200);
    assert!(
        page.body.contains("segments found in 2 articles."),
        "{}",
        page.body
    );
    assert!(search(&s, "q=nowhere+at+all&lang=fr").is_empty());
}

#[test]
fn ids_and_positions_find_their_segment() {
    let ws = two_articles();
    let s = Served::start(&ws);
    let segments = ws.segments("market", "fr");
    let id = segments[2]["id"].as_str().expect("id");
    let found = search(&s, &format!("q={id}&lang=fr"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].n, found[0].href.as_str()),
        (3, "/article/market/fr?state=all&focus=3#t-3")
    );
    // `#2` is the second segment of each article, `market#2` of one.
    let found = search(&s, "q=%232&lang=fr");
    assert_eq!(found.iter().map(|h| h.n).collect::<Vec<_>>(), [2, 2]);
    let found = search(&s, "q=market%232&lang=fr");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].href, "/article/market/fr?state=all&focus=2#t-2");
    // The workbench's own search takes them too.
    let cards = |path: &str| {
        let body = s.get(path).status(200).body;
        let doc = scraper::Html::parse_document(&body);
        let sel = scraper::Selector::parse("article.seg").expect("selector");
        doc.select(&sel)
            .map(|e| e.value().attr("data-n").expect("n").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(cards("/article/harbour/fr?q=%234"), ["4"]);
    assert_eq!(cards(&format!("/article/market/fr?q={id}")), ["3"]);
    assert_eq!(cards("/article/market/fr?q=VALLEE"), ["3"]);
}

#[test]
fn the_state_filter_narrows_the_search_and_alone_lists_a_state() {
    let ws = two_articles();
    ws.edit_source("harbour", "next weekend.", "next weekend!");
    let s = Served::start(&ws);
    let found = search(&s, "q=&lang=fr&state=stale");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].href, "/article/harbour/fr?state=all&focus=5#t-5");
    assert!(search(&s, "q=festival&lang=fr&state=current").is_empty());
    assert_eq!(search(&s, "q=festival&lang=fr&state=unfinished").len(), 1);
    // Spanish has nothing translated: every segment of both articles is missing there.
    let missing = search(&s, "q=&lang=es&state=missing");
    assert_eq!(missing.len(), ws.segment_count("harbour") + 3);
    // No query and no state: the form alone.
    let page = s.get("/search").status(200);
    assert!(hits(&page.body).is_empty());
    assert!(page.body.contains("action=\"/search\""));
    s.get("/search?q=x&lang=de").status(404);
}

#[test]
fn a_search_finding_many_segments_shows_the_first_200_and_says_so() {
    let ws = Ws::new();
    ws.write("sources/harbour.md", ARTICLE);
    let mut long = String::new();
    for i in 1..=250 {
        let _ = write!(long, "Paragraph {i} about the quay.\n\n");
    }
    ws.write("sources/long.md", long);
    let s = Served::start(&ws);
    let page = s.get("/search?q=quay&lang=fr").status(200);
    assert_eq!(hits(&page.body).len(), 200);
    assert!(
        page.body
            .contains("More than 200 segments match: the first 200 are shown."),
        "{}",
        page.body
    );
}

#[test]
fn the_dashboard_and_the_workbench_lead_to_the_search() {
    let ws = Ws::translated();
    let s = Served::start(&ws);
    let dashboard = s.get("/").status(200).body;
    assert!(dashboard.contains("<form class=\"search wide\" method=\"get\" action=\"/search\""));
    let workbench = s.get("/article/harbour/fr").status(200).body;
    assert!(workbench.contains("href=\"/search\""));
}
