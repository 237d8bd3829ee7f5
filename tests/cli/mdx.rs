//! `.mdx` sources: ESM, expressions and JSX are structure; the Markdown prose, inside JSX
//! elements too, is segmented; exports keep the prose and say that the JSX was left out.

use scraper::{Html, Selector};

use crate::support::{Ws, tool};

const PAGE: &str = "\
---
title: Getting started
---
import Note from '@site/src/components/Note';
import {Tabs, Tab} from './tabs';

export const meta = {
  authors: ['ana'],
};

# Getting started

{/* TODO: add a screenshot */}

Welcome, {props.name}! This guide
shows the basics.

<Figure src=\"/img/cat.png\" alt=\"A sleeping cat\" />

<Note type=\"tip\" title=\"Before you start\">
Install the tool *first*.

- one
- two
</Note>

<section className=\"intro\">
  <h2>Why bitext</h2>
    Prose indented inside
    a section is text.
</section>

{items.map((i) => <Item key={i} />)}

Last paragraph.
";

/// (line, text) of every segment, from `status` and the translation file `set` writes.
fn segments(ws: &Ws, slug: &str) -> Vec<(u64, String)> {
    ws.translate_all(slug, "fr");
    let status = ws
        .run(&["status", slug, "-l", "fr", "--segments", "--format", "json"])
        .success()
        .json();
    let lines = status["articles"][0]["languages"][0]["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["line"].as_u64().expect("line"));
    let file = ws.json(&format!("translations/fr/{slug}.json"));
    let texts = file["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["source"].as_str().expect("source").to_owned());
    lines.zip(texts).collect()
}

#[test]
fn an_mdx_page_offers_its_prose_and_nothing_else() {
    let ws = Ws::new();
    ws.write("sources/start.mdx", PAGE);
    let status = ws.run(&["status", "--format", "json"]).success().json();
    assert_eq!(status["articles"][0]["source"], "sources/start.mdx");
    assert_eq!(
        segments(&ws, "start"),
        [
            // The front matter's title, then the page's heading.
            (2, "Getting started".to_owned()),
            (11, "Getting started".to_owned()),
            (
                15,
                "Welcome, {props.name}! This guide shows the basics.".to_owned()
            ),
            (21, "Install the tool *first*.".to_owned()),
            (23, "one".to_owned()),
            (24, "two".to_owned()),
            (28, "Why bitext".to_owned()),
            (29, "Prose indented inside a section is text.".to_owned()),
            (35, "Last paragraph.".to_owned()),
        ]
    );
}

#[test]
fn the_same_page_as_markdown_is_read_as_commonmark_as_before() {
    let ws = Ws::new();
    ws.write("sources/start.md", PAGE);
    let texts: Vec<String> = segments(&ws, "start").into_iter().map(|(_, t)| t).collect();
    assert!(
        texts.iter().any(|t| t.starts_with("import Note")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "{/* TODO: add a screenshot */}"));
    assert!(!texts.iter().any(|t| t == "Install the tool *first*."));
}

#[test]
fn jsx_attributes_are_structure_and_prose_inside_components_is_tracked() {
    let ws = Ws::new();
    ws.write("sources/start.mdx", PAGE);
    ws.translate_all("start", "fr");
    ws.write(
        "sources/start.mdx",
        PAGE.replace("A sleeping cat", "A cat asleep")
            .replace("Before you start", "First")
            .replace("'ana'", "'bea'"),
    );
    assert!(ws.states("start", "fr").iter().all(|s| s == "current"));
    ws.write("sources/start.mdx", PAGE.replace("*first*", "*first*!"));
    let states = ws.states("start", "fr");
    assert_eq!(states[3], "stale");
    assert_eq!(states.iter().filter(|s| *s == "current").count(), 8);
}

#[test]
fn articles_are_named_by_slug_or_by_mdx_path() {
    let ws = Ws::new();
    ws.write("sources/start.mdx", PAGE);
    ws.write("sources/other.md", "# Other\n");
    let status = ws
        .run(&["status", "sources/start.mdx", "--format", "json"])
        .success()
        .json();
    assert_eq!(status["articles"][0]["article"], "start");
    assert_eq!(status["articles"][0]["segments"], 9);
    let all = ws.run(&["status", "--format", "json"]).success().json();
    assert_eq!(all["articles"].as_array().expect("articles").len(), 2);
    ws.run(&[
        "set",
        "start",
        "9",
        "-l",
        "fr",
        "--text",
        "Dernier paragraphe.",
    ])
    .success();
    assert_eq!(
        ws.json("translations/fr/start.json")["units"][8]["source"],
        "Last paragraph."
    );
}

#[test]
fn an_article_with_both_md_and_mdx_sources_is_an_error_naming_both() {
    let ws = Ws::new();
    ws.write("sources/start.mdx", PAGE);
    ws.write("sources/start.md", "# Start\n");
    let before = ws.snapshot();
    for args in [
        &["status"][..],
        &["status", "start"],
        &["sync"],
        &["set", "start", "1", "-l", "fr", "--text", "Début"],
        &["export", "start", "-l", "fr", "--allow-incomplete"],
    ] {
        ws.run(args)
            .error(&["sources/start.md and sources/start.mdx both exist"]);
    }
    let fr = ws.run(&["--ui-lang", "fr", "status"]);
    assert!(
        fr.stderr
            .contains("deux sources, sources/start.md et sources/start.mdx\u{a0}:"),
        "{}",
        fr.stderr
    );
    assert_eq!(ws.snapshot(), before);
}

#[test]
fn html_exports_render_the_prose_and_say_the_jsx_is_left_out() {
    let ws = Ws::new();
    ws.write("sources/start.mdx", PAGE);
    ws.translate_all("start", "fr");
    let run = ws
        .run(&["export", "start", "-l", "fr", "--bilingual"])
        .success();
    let doc = Html::parse_document(&run.stdout);
    let sel = |s: &str| Selector::parse(s).expect("selector");
    let article = doc
        .select(&sel("article.from-mdx"))
        .next()
        .expect("article");
    let note: String = article
        .select(&sel("p.mdx-note"))
        .next()
        .expect("note")
        .text()
        .collect();
    assert_eq!(
        note,
        "Les composants interactifs de la page d’origine ne sont pas reproduits."
    );
    let mut numbers: Vec<&str> = article
        .select(&sel("[data-n]"))
        .filter_map(|e| e.value().attr("data-n"))
        .collect();
    numbers.sort_by_key(|n| n.parse::<usize>().expect("number"));
    numbers.dedup();
    // The front matter's title (segment 1) is the article's title, not a block.
    assert_eq!(numbers, ["2", "3", "4", "5", "6", "7", "8", "9"]);
    // Six blocks side by side, and the list of two items shown twice, item beside item.
    assert_eq!(article.select(&sel(".row")).count(), 6);
    assert_eq!(article.select(&sel(".pair > ul.source > li")).count(), 2);
    assert_eq!(article.select(&sel(".pair > ul.target > li")).count(), 2);
    let text: String = article.text().collect();
    assert!(text.contains("Prose indented inside a section is text."));
    for structure in [
        "import Note",
        "sleeping cat",
        "Before you start",
        "TODO",
        "items.map",
    ] {
        assert!(!run.stdout.contains(structure), "{structure} exported");
    }
    ws.translate_all("start", "es");
    let es = ws.run(&["export", "start", "-l", "es"]).success();
    let found: String = Html::parse_document(&es.stdout)
        .select(&sel("p.mdx-note"))
        .next()
        .expect("note")
        .text()
        .collect();
    assert_eq!(
        found,
        "Los componentes interactivos de la página original no se incluyen."
    );
    if let Some(tidy) = tool(&["tidy"]) {
        let path = ws.path("start.html");
        std::fs::write(&path, &run.stdout).expect("write");
        let out = std::process::Command::new(tidy)
            .args(["-errors", "-quiet"])
            .arg(&path)
            .output()
            .expect("tidy");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn markdown_exports_have_no_mdx_note() {
    let ws = Ws::new();
    ws.write("sources/plain.md", "# Plain\n\nText.\n");
    ws.translate_all("plain", "fr");
    let run = ws.run(&["export", "plain", "-l", "fr"]).success();
    assert!(!run.stdout.contains("class=\"mdx-note\""));
    assert!(!run.stdout.contains("class=\"from-mdx\""));
}
