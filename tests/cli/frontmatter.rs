//! Front matter: `title` and `description` (or the keys `[layout] front_matter` names) are
//! segments of their own; exports show the title and a Markdown export keeps the front matter.

use crate::support::Ws;

const PAGE: &str = "\
---
title: Getting started
layout: docs
description: \"How to install: the short version\"
date: 2024-03-01
---

# Install

Run the installer and follow its steps.
";

/// The source text of every segment of `slug`, as `sync` writes them in the French file.
fn texts(ws: &Ws, slug: &str) -> Vec<String> {
    ws.run(&["sync", slug, "-l", "fr"]).success();
    ws.json(&format!("translations/fr/{slug}.json"))["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["source"].as_str().expect("source").to_owned())
        .collect()
}

fn ws_with_page() -> Ws {
    let ws = Ws::new();
    ws.write("sources/guide/start.md", PAGE);
    ws
}

#[test]
fn title_and_description_are_segments_before_the_body() {
    let ws = ws_with_page();
    assert_eq!(
        texts(&ws, "guide/start"),
        [
            "Getting started",
            "How to install: the short version",
            "Install",
            "Run the installer and follow its steps."
        ]
    );
    let segments = ws.segments("guide/start", "fr");
    assert_eq!(segments[0]["line"], 2);
    assert_eq!(segments[1]["line"], 4);
    // Untranslated, they fail the check like any paragraph.
    let check = ws.run(&["check", "-l", "fr"]);
    assert_eq!(check.code, 1);
    assert!(
        check
            .stdout
            .contains("sources/guide/start.md:2: fr: missing segment 1")
    );
    // An edit of the title makes that segment stale, and only it.
    ws.set_all(
        "guide/start",
        "fr",
        &[
            "Premiers pas",
            "Comment installer : la version courte",
            "Installation",
            "Lancez l’installateur et suivez ses étapes.",
        ],
    );
    ws.write(
        "sources/guide/start.md",
        PAGE.replace("title: Getting started", "title: Getting started fast"),
    );
    assert_eq!(
        ws.states("guide/start", "fr"),
        ["stale", "current", "current", "current"]
    );
    // Other keys are structure: changing them changes nothing.
    ws.write(
        "sources/guide/start.md",
        PAGE.replace("layout: docs", "layout: guide")
            .replace("2024-03-01", "2025-01-01"),
    );
    assert!(
        ws.states("guide/start", "fr")
            .iter()
            .all(|s| s == "current")
    );
}

#[test]
fn a_markdown_export_keeps_the_front_matter_with_its_fields_translated() {
    let ws = ws_with_page();
    ws.set_all(
        "guide/start",
        "fr",
        &[
            "Premiers pas",
            "Comment installer : la version \"courte\"",
            "Installation",
            "Lancez l’installateur et suivez ses étapes.",
        ],
    );
    let md = ws
        .run(&["export", "guide/start", "-l", "fr", "--format", "md"])
        .success()
        .stdout;
    assert_eq!(
        md,
        "---\ntitle: Premiers pas\nlayout: docs\ndescription: \"Comment installer : la version \\\"courte\\\"\"\ndate: 2024-03-01\n---\n\n# Installation\n\nLancez l’installateur et suivez ses étapes.\n"
    );
    // The page reads back to the same segments: as a source of its own, it has the
    // translations as its text.
    let other = Ws::new();
    other.write("sources/page.md", &md);
    assert_eq!(
        texts(&other, "page"),
        [
            "Premiers pas",
            "Comment installer : la version \"courte\"",
            "Installation",
            "Lancez l’installateur et suivez ses étapes."
        ]
    );
    // HTML names the article by its front matter's title, and does not show the fields as
    // paragraphs.
    let html = ws
        .run(&["export", "guide/start", "-l", "fr"])
        .success()
        .stdout;
    assert!(html.contains("<title>Premiers pas</title>"), "{html}");
    assert!(!html.contains("Comment installer"), "{html}");
}

#[test]
fn the_translated_keys_are_set_in_the_layout_table() {
    let ws = ws_with_page();
    ws.write(
        "sources/guide/start.md",
        PAGE.replace("date: 2024-03-01", "summary: >-\n  A short\n  summary."),
    );
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\n[layout]\nfront_matter = [\"title\", \"summary\"]\n",
    );
    assert_eq!(
        texts(&ws, "guide/start"),
        [
            "Getting started",
            "A short summary.",
            "Install",
            "Run the installer and follow its steps."
        ]
    );
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\n[layout]\nfront_matter = [\"a b\"]\n",
    );
    ws.run(&["status"]).error(&[
        "bitext.toml",
        "[layout] front_matter = \"a b\" is not valid",
    ]);
}
