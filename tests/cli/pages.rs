//! Translations kept as Markdown pages (`[layout] translations = "locale/{lang}"`): read
//! against their records, written back paragraph by paragraph, edited by hand, merged.

use crate::branches::{commit, git};
use crate::support::{Ws, tool};

const CONFIG: &str = "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n[layout]\nsources = \"locale/en\"\ntranslations = \"locale/{lang}\"\n";

const SOURCE: &str = "\
---
title: About the project
layout: page
---

# About

We are a small
team of volunteers.

```sh
npm install
```

We meet every Monday.

[home]: https://example.org
";

const PAGE_FR: &str = "\
---
title: À propos du projet
layout: page
---

# À propos

Nous sommes une petite
équipe de bénévoles.

```sh
npm install
```

Nous nous réunissons chaque lundi.

[home]: https://example.org
";

const PAGE: &str = "locale/fr/docs/about.md";

/// Replaces `from` by `to` in the English page.
#[track_caller]
fn edit(ws: &Ws, from: &str, to: &str) {
    let path = "locale/en/docs/about.md";
    let text = ws.read(path);
    assert!(text.contains(from), "{path} has no {from:?}");
    ws.write(path, text.replace(from, to));
}

/// A workspace whose English page has a French page made by hand, without a record.
fn site() -> Ws {
    let ws = Ws::new();
    ws.write("bitext.toml", CONFIG);
    ws.write("locale/en/docs/about.md", SOURCE);
    ws.write(PAGE, PAGE_FR);
    ws
}

/// `site()` with every French paragraph recorded as translated from today's English.
fn recorded() -> Ws {
    let ws = site();
    let texts = [
        "À propos du projet",
        "À propos",
        "Nous sommes une petite équipe de bénévoles.",
        "Nous nous réunissons chaque lundi.",
    ];
    ws.set_all("docs/about", "fr", &texts);
    ws
}

#[test]
fn a_page_without_a_record_is_read_as_drafts_and_check_fails() {
    let ws = site();
    assert_eq!(ws.states("docs/about", "fr"), ["draft"; 4]);
    assert_eq!(ws.states("docs/about", "es"), ["missing"; 4]);
    let check = ws.run(&["check", "-l", "fr"]);
    assert_eq!(check.code, 1);
    assert!(
        check
            .stdout
            .contains("locale/en/docs/about.md:2: fr: draft segment 1")
    );
    // Reading changed nothing.
    assert_eq!(ws.read(PAGE), PAGE_FR);
    assert!(!ws.path(".bitext").exists());
    // A sync records both languages, rewrites no page and makes none where nothing is
    // translated.
    ws.run(&["sync"]).success();
    assert_eq!(ws.read(PAGE), PAGE_FR);
    assert!(ws.path(".bitext/fr/docs/about.json").is_file());
    assert!(ws.path(".bitext/es/docs/about.json").is_file());
    assert!(!ws.path("locale/es").exists());
    assert_eq!(ws.states("docs/about", "fr"), ["draft"; 4]);
    let again = ws.run(&["sync"]).success();
    assert!(
        again
            .stdout
            .starts_with("0 files updated, 2 already in sync."),
        "{}",
        again.stdout
    );
    let before = ws.snapshot();
    ws.run(&["sync"]).success();
    assert_eq!(ws.snapshot(), before);
}

#[test]
fn set_changes_only_the_lines_of_its_paragraph() {
    let Some(_) = tool(&["git"]) else {
        return;
    };
    let ws = recorded();
    assert_eq!(ws.states("docs/about", "fr"), ["current"; 4]);
    assert_eq!(ws.read(PAGE), PAGE_FR, "the translator's wrapping is kept");
    assert!(ws.path(".bitext/fr/docs/about.json").is_file());
    git(&ws, &["init", "-q", "-b", "main"]);
    commit(&ws, "recorded");
    edit(&ws, "every Monday", "every Tuesday");
    assert_eq!(ws.states("docs/about", "fr")[3], "stale");
    ws.run(&[
        "set",
        "docs/about",
        "4",
        "-l",
        "fr",
        "--text",
        "Nous nous réunissons chaque mardi.",
    ])
    .success();
    // Besides the English edit, one line of one page changed.
    let diff = git(&ws, &["diff", "--numstat", "--", "locale"]);
    assert_eq!(
        diff.trim(),
        format!("1\t1\tlocale/en/docs/about.md\n1\t1\t{PAGE}"),
        "{diff}"
    );
    let patch = git(&ws, &["diff", "-U0", "--", PAGE]);
    assert!(
        patch
            .contains("-Nous nous réunissons chaque lundi.\n+Nous nous réunissons chaque mardi.\n"),
        "{patch}"
    );
    // The page still parses, front matter first, with its other keys.
    let page = ws.read(PAGE);
    assert!(page.starts_with("---\ntitle: À propos du projet\nlayout: page\n---\n"));
    assert!(page.contains("```sh\nnpm install\n```"));
    assert_eq!(ws.states("docs/about", "fr"), ["current"; 4]);
    // Nothing else changes: a sync writes nothing, and the page is not rewritten.
    let before = ws.snapshot();
    ws.run(&["sync", "-l", "fr"]).success();
    assert_eq!(ws.snapshot(), before);
    assert_eq!(ws.read(PAGE), page);
}

#[test]
fn a_hand_edit_is_the_translation_current_only_if_its_source_did_not_change() {
    let ws = recorded();
    // The source unchanged: the edit is the translation, current.
    ws.write(PAGE, PAGE_FR.replace("chaque lundi", "tous les lundis"));
    assert_eq!(ws.states("docs/about", "fr"), ["current"; 4]);
    let seg = ws.segments("docs/about", "fr");
    assert_eq!(seg[3]["state"], "current");
    let export = ws
        .run(&["export", "docs/about", "-l", "fr", "--format", "txt"])
        .success();
    assert!(
        export
            .stdout
            .contains("Nous nous réunissons tous les lundis.")
    );

    // The source changed since the page was recorded: the edit stays stale until accepted.
    edit(&ws, "small", "tiny");
    ws.write(
        PAGE,
        PAGE_FR
            .replace("chaque lundi", "tous les lundis")
            .replace("petite\néquipe", "toute petite\néquipe"),
    );
    assert_eq!(
        ws.states("docs/about", "fr"),
        ["current", "current", "stale", "current"]
    );
    let diff = ws.run(&["diff", "docs/about", "-l", "fr"]).success();
    assert!(
        diff.stdout.contains("We are a [-small-]{+tiny+} team"),
        "{}",
        diff.stdout
    );
    assert!(
        diff.stdout
            .contains("Nous sommes une toute petite équipe de bénévoles.")
    );
    ws.run(&["accept", "docs/about", "3", "-l", "fr"]).success();
    assert_eq!(ws.states("docs/about", "fr"), ["current"; 4]);
    assert!(
        ws.read(PAGE).contains("toute petite\néquipe"),
        "accept keeps the page"
    );
}

#[test]
fn a_new_source_paragraph_shows_in_english_or_not_at_all() {
    let ws = recorded();
    edit(
        &ws,
        "We meet every Monday.",
        "We meet every Monday.\n\nNew here? Say hello.",
    );
    ws.run(&["sync", "-l", "fr"]).success();
    let page = ws.read(PAGE);
    assert!(
        page.contains("Nous nous réunissons chaque lundi.\n\nNew here? Say hello.\n"),
        "{page}"
    );
    assert_eq!(ws.states("docs/about", "fr")[4], "missing");

    let omit = recorded();
    omit.write("bitext.toml", format!("{CONFIG}untranslated = \"omit\"\n"));
    edit(
        &omit,
        "We meet every Monday.",
        "We meet every Monday.\n\nNew here? Say hello.",
    );
    omit.run(&["sync", "-l", "fr"]).success();
    assert!(!omit.read(PAGE).contains("New here"));
    assert_eq!(omit.states("docs/about", "fr")[4], "missing");
    omit.run(&[
        "set",
        "docs/about",
        "5",
        "-l",
        "fr",
        "--text",
        "Nouveau ? Dites bonjour.",
    ])
    .success();
    assert!(
        omit.read(PAGE)
            .contains("chaque lundi.\n\nNouveau ? Dites bonjour.\n")
    );
}

#[test]
fn a_language_folder_can_be_named_apart_from_its_tag() {
    let ws = Ws::new();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"pt-BR\"]\n[layout]\nsources = \"pages\"\ntranslations = \"pages.{lang}\"\n[layout.folders]\n\"pt-BR\" = \"pt_BR\"\n",
    );
    ws.write("pages/index.md", "# Welcome\n\nHello.\n");
    ws.run(&["set", "index", "2", "-l", "pt-BR", "--text", "Olá."])
        .success();
    assert_eq!(ws.read("pages.pt_BR/index.md"), "# Welcome\n\nOlá.\n");
    assert!(ws.path(".bitext/pt-BR/index.json").is_file());
    ws.write("pages.pt_BR/gone.md", "# x\n");
    ws.run(&["status"])
        .error(&["pages.pt_BR/gone.md", "pages/gone.md"]);
}

#[test]
fn a_bad_layout_is_refused_naming_the_file() {
    let ws = site();
    for (extra, shown) in [
        (
            "translations = \"locale/fr\"\n",
            "[layout] translations = \"locale/fr\" is not valid",
        ),
        (
            "untranslated = \"blank\"\n",
            "[layout] untranslated = \"blank\" is not valid",
        ),
        (
            "[layout.folders]\nde = \"de\"\n",
            "[layout] folders = \"de\" is not valid",
        ),
    ] {
        let config = CONFIG.replace("translations = \"locale/{lang}\"\n", "")
            + if extra.starts_with("translations") || extra.starts_with('[') {
                ""
            } else {
                "translations = \"locale/{lang}\"\n"
            }
            + extra;
        let config = if extra.starts_with('[') {
            config.replace(
                "[layout.folders]",
                "translations = \"locale/{lang}\"\n[layout.folders]",
            )
        } else {
            config
        };
        ws.write("bitext.toml", &config);
        ws.run(&["status"]).error(&["bitext.toml", shown]);
    }
    // Pages inside the sources would be read as articles.
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\n[layout]\nsources = \"content\"\ntranslations = \"content/{lang}\"\n",
    );
    ws.run(&["status"])
        .error(&["[layout] translations = \"content/fr\" is not valid"]);
}

#[test]
fn two_branches_translating_different_paragraphs_of_a_page_merge_cleanly() {
    let Some(_) = tool(&["git"]) else {
        return;
    };
    let ws = Ws::new();
    ws.write("bitext.toml", CONFIG);
    ws.write("locale/en/docs/about.md", SOURCE);
    ws.write(".gitattributes", ".bitext/**/*.json merge=bitext\n");
    // The page exists, its title translated.
    ws.run(&[
        "set",
        "docs/about",
        "1",
        "-l",
        "fr",
        "--text",
        "À propos du projet",
    ])
    .success();
    git(&ws, &["init", "-q", "-b", "main"]);
    let driver = format!("{} merge-driver %O %A %B %P", env!("CARGO_BIN_EXE_bitext"));
    git(&ws, &["config", "merge.bitext.driver", &driver]);
    commit(&ws, "base");
    git(&ws, &["checkout", "-q", "-b", "ana"]);
    ws.run(&[
        "set",
        "docs/about",
        "3",
        "-l",
        "fr",
        "--text",
        "Nous sommes une petite équipe.",
    ])
    .success();
    commit(&ws, "ana translates 3");
    git(&ws, &["checkout", "-q", "main"]);
    ws.run(&[
        "set",
        "docs/about",
        "4",
        "-l",
        "fr",
        "--text",
        "Nous nous réunissons le lundi.",
    ])
    .success();
    commit(&ws, "main translates 4");
    git(&ws, &["merge", "-q", "--no-edit", "ana"]);
    let page = ws.read(PAGE);
    assert!(!page.contains("<<<<<<<"), "{page}");
    assert!(
        page.contains("Nous sommes une petite équipe.\n\n```sh"),
        "{page}"
    );
    assert!(page.contains("Nous nous réunissons le lundi."), "{page}");
    assert_eq!(
        ws.states("docs/about", "fr"),
        ["current", "missing", "current", "current"]
    );
}
