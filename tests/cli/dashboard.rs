//! The dashboard of `bitext serve` on a workspace of many articles: a page of them at a time,
//! all of them or the unfinished ones, with the totals of the whole workspace.

use std::collections::{BTreeMap, BTreeSet};

use crate::serve::{Served, dashboard_rows_at, touched_during};
use crate::support::Ws;

/// Each article's percent translated in each language, from `bitext status --format json`.
fn status_percents(ws: &Ws) -> BTreeMap<String, Vec<f64>> {
    let status = ws.run(&["status", "--format", "json"]).success().json();
    status["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| {
            let langs = a["languages"]
                .as_array()
                .expect("languages")
                .iter()
                .map(|l| l["percent"].as_f64().expect("percent"))
                .collect();
            (a["article"].as_str().expect("article").to_owned(), langs)
        })
        .collect()
}

/// The `href` of each link of the dashboard's page navigation at `path`, with its text.
fn page_links(s: &Served, path: &str) -> Vec<(String, String)> {
    let page = s.get(path).status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let link = scraper::Selector::parse("section[aria-labelledby=h-articles] nav.pages a")
        .expect("selector");
    doc.select(&link)
        .map(|a| {
            (
                a.value().attr("href").expect("href").to_owned(),
                a.text().collect::<String>(),
            )
        })
        .collect()
}

#[test]
fn the_dashboard_lists_a_hundred_articles_a_page_and_the_pages_together_list_each_once() {
    let ws = Ws::generated(250, 7);
    let percents = status_percents(&ws);
    assert_eq!(percents.len(), 250);
    let s = Served::start(&ws);
    let first = dashboard_rows_at(&s, "/");
    assert_eq!(first.len(), 100, "{:?}", first.keys());
    // The summary still counts the whole workspace.
    let home = s.get("/").status(200).body;
    assert!(home.contains("250 articles"), "{home}");
    assert!(
        home.contains("Articles 1 to 100 of 250, page 1 of 3"),
        "{home}"
    );
    let links = page_links(&s, "/");
    assert!(
        links
            .iter()
            .any(|(href, _)| href == "/?show=all&page=3#h-articles"),
        "{links:?}"
    );
    let mut seen = BTreeSet::new();
    let mut last_of_previous = String::new();
    for page in 1..=3 {
        let rows = dashboard_rows_at(&s, &format!("/?show=all&page={page}"));
        assert_eq!(rows.len(), if page < 3 { 100 } else { 50 }, "page {page}");
        // In name order across pages.
        let first_here = rows.keys().next().expect("a row").clone();
        assert!(first_here > last_of_previous, "page {page}");
        last_of_previous = rows.keys().last().expect("a row").clone();
        for (slug, (segments, langs)) in rows {
            // Each row's counts agree with `status`.
            for (l, percent) in langs.iter().zip(&percents[&slug]) {
                let shown = 100.0 * f64::from(u32::try_from(l[0]).expect("count"))
                    / f64::from(u32::try_from(segments).expect("count"));
                assert!(
                    (shown - percent).abs() < 0.11,
                    "{slug}: {shown} vs {percent}"
                );
            }
            assert!(seen.insert(slug), "listed twice");
        }
    }
    assert_eq!(seen.len(), 250);
    // A page past the last shows the last.
    assert_eq!(
        dashboard_rows_at(&s, "/?page=99").keys().last(),
        Some(&last_of_previous)
    );
}

#[test]
fn the_unfinished_view_lists_exactly_the_articles_with_something_left_in_some_language() {
    let ws = Ws::generated(250, 11);
    let unfinished: BTreeSet<String> = status_percents(&ws)
        .into_iter()
        .filter(|(_, langs)| langs.iter().any(|p| *p < 100.0))
        .map(|(slug, _)| slug)
        .collect();
    assert!(
        (1..250).contains(&unfinished.len()),
        "{} unfinished",
        unfinished.len()
    );
    let s = Served::start(&ws);
    let mut listed = BTreeSet::new();
    for page in 1..=unfinished.len().div_ceil(100) {
        let rows = dashboard_rows_at(&s, &format!("/?show=unfinished&page={page}"));
        listed.extend(rows.into_keys());
    }
    assert_eq!(listed, unfinished);
    // The view's links keep it.
    if unfinished.len() > 100 {
        let links = page_links(&s, "/?show=unfinished");
        assert!(
            links
                .iter()
                .all(|(href, _)| href.starts_with("/?show=unfinished")),
            "{links:?}"
        );
    }
    // Once every article is finished, the view says so.
    let small = Ws::translated();
    small.translate_all("harbour", "es");
    let s = Served::start(&small);
    let page = s.get("/?show=unfinished").status(200).body;
    assert!(
        page.contains("Every article is translated in every language."),
        "{page}"
    );
    assert!(dashboard_rows_at(&s, "/?show=unfinished").is_empty());
}

#[test]
fn the_dashboard_pages_speak_the_interface_language() {
    let ws = Ws::generated(150, 3);
    let s = Served::start(&ws);
    let page = s.get("/?ui=fr").status(200).body;
    assert!(
        page.contains("Articles 1 à 100 sur 150, page 1 sur 2"),
        "{page}"
    );
    assert!(page.contains("Articles inachevés"), "{page}");
}

#[test]
fn a_dashboard_load_stamps_only_the_files_changed_since_the_last() {
    let Some(strace) = crate::support::tool(&["strace"]) else {
        return;
    };
    let ws = Ws::generated(200, 5);
    let s = Served::start_with(&ws, &[], &[("BITEXT_SERVE_POLL_MS", "3600000")]);
    let before = dashboard_rows_at(&s, "/?page=2");
    // Each workbench waits for its language's memory, which the warm-up builds from every
    // translation file: all read before the traced loads.
    for (i, lang) in ["fr", "es"].iter().enumerate() {
        let unfinished = before
            .iter()
            .find(|(_, (_, langs))| langs[i][1] + langs[i][2] > 0)
            .map(|(slug, _)| slug)
            .expect("an unfinished article");
        s.get(&format!("/article/{unfinished}/{lang}")).status(200);
    }
    let article_files = |paths: &[String]| -> Vec<String> {
        paths
            .iter()
            .filter(|p| p.starts_with("sources/") || p.starts_with("translations/"))
            .filter(|p| {
                std::path::Path::new(p)
                    .extension()
                    .is_some_and(|e| e == "md" || e == "json")
            })
            .cloned()
            .collect()
    };
    // Nothing changed: no file of any article is looked at.
    let touched = touched_during(&s, &ws, &strace, "", || {
        s.get("/?page=2").status(200);
    });
    let looked_at = article_files(&touched);
    assert!(
        looked_at.is_empty(),
        "{} article files looked at, the first {:#?}",
        looked_at.len(),
        &looked_at[..looked_at.len().min(8)]
    );
    // One translation changed by another process: only that article's files are stamped.
    let (slug, (_, counts)) = before
        .iter()
        .find(|(_, (_, langs))| langs[0][2] > 0)
        .expect("an article with a missing French segment");
    let n = 1 + ws
        .segments(slug, "fr")
        .iter()
        .position(|segment| segment["state"] == "missing")
        .expect("a missing segment");
    ws.run(&[
        "set",
        slug,
        &n.to_string(),
        "-l",
        "fr",
        "--text",
        "Une traduction de plus.",
    ])
    .success();
    let touched = touched_during(&s, &ws, &strace, "", || {
        s.get("/?page=2").status(200);
    });
    let others: Vec<String> = article_files(&touched)
        .into_iter()
        .filter(|p| {
            let stem = p
                .split_once('/')
                .map_or("", |(_, rest)| rest)
                .trim_start_matches("fr/")
                .trim_start_matches("es/");
            stem.rsplit_once('.').map(|(s, _)| s) != Some(slug.as_str())
        })
        .collect();
    assert!(
        others.is_empty(),
        "other articles' files were looked at: {others:#?}"
    );
    assert!(
        article_files(&touched)
            .iter()
            .any(|p| p == &format!("translations/fr/{slug}.json")),
        "{touched:#?}"
    );
    // And the row shows the change.
    let after = dashboard_rows_at(&s, "/?page=2");
    assert_eq!(after[slug].1[0][2], counts[0][2] - 1);
    assert_eq!(after[slug].1[0][0], counts[0][0] + 1);
}

#[test]
fn an_article_in_a_folder_made_while_serving_shows_and_so_do_its_later_edits() {
    let ws = Ws::translated();
    let s = Served::start(&ws);
    assert_eq!(
        dashboard_rows_at(&s, "/").keys().collect::<Vec<_>>(),
        ["harbour"]
    );
    // A folder the server did not watch yet, with an article in it.
    ws.write("sources/2025/spring.md", "# Spring\n\nThe ferry returns.\n");
    let rows = dashboard_rows_at(&s, "/");
    assert_eq!(rows["2025/spring"], (2, vec![[0, 0, 2, 0], [0, 0, 2, 0]]));
    // Edited in place inside it, then translated by another process: both are seen, so the
    // new folder is watched too.
    std::fs::OpenOptions::new()
        .append(true)
        .open(ws.path("sources/2025/spring.md"))
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"\nIt sails at dawn.\n"))
        .expect("append");
    assert_eq!(
        dashboard_rows_at(&s, "/")["2025/spring"],
        (3, vec![[0, 0, 3, 0], [0, 0, 3, 0]])
    );
    ws.run(&["set", "2025/spring", "1", "-l", "fr", "--text", "Printemps"])
        .success();
    assert_eq!(
        dashboard_rows_at(&s, "/")["2025/spring"],
        (3, vec![[1, 0, 2, 0], [0, 0, 3, 0]])
    );
    // The folder removed: the article goes.
    std::fs::remove_dir_all(ws.path("sources/2025")).expect("remove");
    assert_eq!(
        dashboard_rows_at(&s, "/").keys().collect::<Vec<_>>(),
        ["harbour"]
    );
}
