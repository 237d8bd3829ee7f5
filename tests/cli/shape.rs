//! Editions keep the article's shape: lists, tables and block quotes, in HTML, Markdown and
//! text, monolingual and bilingual.

use std::process::Command;

use scraper::{ElementRef, Html, Selector};

use crate::support::{Ws, tool};

/// An article with a bulleted list (one item nested), a list numbered from 3, a table with
/// aligned columns and an empty cell, and a block quote of two paragraphs.
const SHAPED: &str = "\
# Shapes

An opening paragraph.

- First point
- Second point
  - A nested point
- Third point

3. Third step
4. Fourth step

| Name | Votes |
|:-----|------:|
| Alice | Twelve |
| Bob | |

> A quoted sentence.
>
> A second quoted sentence.

A closing paragraph.
";

/// `SHAPED` as `sources/shape.md`, translated into French as `fr<n>`.
pub(crate) fn shaped() -> Ws {
    let ws = Ws::new();
    ws.write("sources/shape.md", SHAPED);
    for n in 1..=16 {
        ws.run(&[
            "set",
            "shape",
            &n.to_string(),
            "-l",
            "fr",
            "--text",
            &format!("fr{n}"),
        ])
        .success();
    }
    ws
}

fn sel(selector: &str) -> Selector {
    Selector::parse(selector).expect("selector")
}

fn children<'a>(element: ElementRef<'a>, name: &str) -> Vec<ElementRef<'a>> {
    element
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|c| c.value().name() == name)
        .collect()
}

fn own_text(element: ElementRef<'_>) -> String {
    element
        .children()
        .filter_map(|c| c.value().as_text().map(|t| t.trim().to_owned()))
        .collect()
}

fn export(ws: &Ws, args: &[&str]) -> String {
    let mut all = vec!["export", "shape", "-l", "fr"];
    all.extend_from_slice(args);
    ws.run(&all).success().stdout
}

#[test]
fn a_monolingual_html_edition_keeps_lists_tables_and_quotes() {
    let html = export(&shaped(), &[]);
    let doc = Html::parse_document(&html);
    let article = doc.select(&sel("article")).next().expect("article");

    let lists = children(article, "ul");
    assert_eq!(lists.len(), 1, "one list, not one per item:\n{html}");
    let items = children(lists[0], "li");
    assert_eq!(
        items.iter().map(|li| own_text(*li)).collect::<Vec<_>>(),
        ["fr3", "fr4", "fr6"]
    );
    let nested: Vec<_> = items[1].select(&sel("ul > li")).collect();
    assert_eq!(nested.len(), 1);
    assert_eq!(own_text(nested[0]), "fr5");

    let numbered = children(article, "ol");
    assert_eq!(numbered.len(), 1);
    assert_eq!(
        numbered[0].value().attr("start"),
        Some("3"),
        "numbering kept"
    );
    assert_eq!(children(numbered[0], "li").len(), 2);

    let table = article.select(&sel("table")).next().expect("a table");
    let head: Vec<String> = table
        .select(&sel("thead tr th"))
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(
        head,
        ["fr9", "fr10"],
        "header row kept, translated in place"
    );
    let rows: Vec<Vec<String>> = table
        .select(&sel("tbody tr"))
        .map(|r| r.select(&sel("td")).map(|c| c.text().collect()).collect())
        .collect();
    assert_eq!(rows, [vec!["fr11", "fr12"], vec!["fr13", ""]]);
    let votes = table.select(&sel("td")).nth(1).expect("cell");
    assert_eq!(votes.value().attr("class"), Some("al-r"), "alignment kept");
    assert_eq!(votes.value().attr("lang"), Some("fr"));

    let quotes = children(article, "blockquote");
    assert_eq!(quotes.len(), 1, "one quote for its two paragraphs");
    let paragraphs: Vec<String> = children(quotes[0], "p")
        .iter()
        .map(|p| p.text().collect())
        .collect();
    assert_eq!(paragraphs, ["fr14", "fr15"]);

    let numbers: Vec<&str> = doc
        .select(&sel("article [data-n]"))
        .map(|e| e.value().attr("data-n").expect("n"))
        .collect();
    let expected: Vec<String> = (1..=16).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected, "every segment once, in order");
}

#[test]
fn a_bilingual_html_edition_shows_each_list_table_and_quote_twice_side_by_side() {
    let html = export(&shaped(), &["--bilingual"]);
    let doc = Html::parse_document(&html);
    let pairs: Vec<_> = doc.select(&sel("article > .pair")).collect();
    assert_eq!(
        pairs.len(),
        3,
        "the bulleted list, the numbered list, the quote"
    );
    for (pair, tag, count) in [
        (pairs[0], "ul", 3),
        (pairs[1], "ol", 2),
        (pairs[2], "blockquote", 2),
    ] {
        let sides = children(pair, tag);
        assert_eq!(sides.len(), 2, "{tag} twice");
        assert_eq!(sides[0].value().attr("lang"), Some("en"));
        assert_eq!(sides[1].value().attr("lang"), Some("fr"));
        let numbers = |side: ElementRef<'_>| -> Vec<String> {
            side.select(&sel("[data-n]"))
                .map(|e| e.value().attr("data-n").expect("n").to_owned())
                .collect()
        };
        assert_eq!(numbers(sides[0]), numbers(sides[1]), "{tag}: same segments");
        let rows = sides[0].children().filter_map(ElementRef::wrap).count();
        assert_eq!(rows, count, "{tag}: one grid row per item");
        assert_eq!(
            sides[0].value().attr("style"),
            Some(format!("--rows:{count}").as_str())
        );
    }
    assert_eq!(pairs[1].select(&sel("ol[start='3']")).count(), 2);
    assert_eq!(
        own_text(pairs[0].select(&sel("li")).next().expect("li")),
        "First point"
    );

    let table = doc
        .select(&sel("article table.bilingual"))
        .next()
        .expect("table");
    let rows: Vec<Vec<(String, String)>> = table
        .select(&sel("tr"))
        .map(|r| {
            r.select(&sel("th, td"))
                .map(|c| {
                    (
                        c.text().collect(),
                        c.value().attr("lang").unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .collect();
    let cell = |text: &str, lang: &str| (text.to_owned(), lang.to_owned());
    assert_eq!(
        rows,
        [
            vec![
                cell("Name", "en"),
                cell("Votes", "en"),
                cell("fr9", "fr"),
                cell("fr10", "fr")
            ],
            vec![
                cell("Alice", "en"),
                cell("Twelve", "en"),
                cell("fr11", "fr"),
                cell("fr12", "fr")
            ],
            vec![
                cell("Bob", "en"),
                cell("", ""),
                cell("fr13", "fr"),
                cell("", "")
            ],
        ],
        "source columns then translated columns, row by row"
    );
    assert_eq!(table.select(&sel("thead th")).count(), 4);
}

#[test]
fn markdown_and_text_editions_keep_the_shape() {
    let ws = shaped();
    // One article in Markdown is its page: the source's own markup, the table as written.
    let md = export(&ws, &["--format", "md"]);
    assert_eq!(
        md,
        "# fr1\n\nfr2\n\n- fr3\n- fr4\n  - fr5\n- fr6\n\n\
         3. fr7\n4. fr8\n\n| fr9 | fr10 |\n|:-----|------:|\n| fr11 | fr12 |\n| fr13 | |\n\n\
         > fr14\n>\n> fr15\n\nfr16\n"
    );
    let txt = export(&ws, &["--format", "txt"]);
    assert_eq!(
        txt,
        "Traduit de l’anglais\n\nfr1\n===\n\nfr2\n\n- fr3\n- fr4\n  - fr5\n- fr6\n\n\
         3. fr7\n4. fr8\n\nfr9  | fr10\n-----+-----\nfr11 | fr12\nfr13 |\n\n\
         > fr14\n>\n> fr15\n\nfr16\n"
    );
    let md = export(&ws, &["--format", "md", "--bilingual"]);
    for part in [
        "[en]\n\n- First point\n- Second point\n  - A nested point\n- Third point\n\n\
         [fr]\n\n- fr3\n- fr4\n  - fr5\n- fr6\n",
        "[en]\n\n3. Third step\n4. Fourth step\n\n[fr]\n\n3. fr7\n4. fr8\n",
        "| [en] Name | Votes | [fr] fr9 | fr10 |\n| :--- | ---: | :--- | ---: |\n\
         | Alice | Twelve | fr11 | fr12 |\n| Bob |  | fr13 |  |\n",
        "[en]\n\n> A quoted sentence.\n>\n> A second quoted sentence.\n\n[fr]\n\n> fr14\n>\n> fr15\n",
    ] {
        assert!(md.contains(part), "missing {part:?} in:\n{md}");
    }
    let txt = export(&ws, &["--format", "txt", "--bilingual"]);
    assert!(
        txt.contains(
            "[en] Name |  Votes | [fr] fr9 | fr10\n----------+--------+----------+-----\n\
             Alice     | Twelve | fr11     | fr12\nBob       |        | fr13     |\n"
        ),
        "{txt}"
    );
}

#[test]
fn an_untranslated_cell_or_item_is_marked_in_place() {
    let ws = shaped();
    ws.edit_source("shape", "| Alice |", "| Alicia |");
    ws.edit_source("shape", "- Third point", "- Third and last point");
    let run = ws.run(&[
        "export",
        "shape",
        "-l",
        "fr",
        "--allow-incomplete",
        "--format",
        "md",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("- fr4\n  - fr5\n- [pas encore traduit] Third and last point\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("| [pas encore traduit] Alicia | fr12 |"),
        "{}",
        run.stdout
    );
    let html = ws
        .run(&["export", "shape", "-l", "fr", "--allow-incomplete"])
        .stdout;
    let doc = Html::parse_document(&html);
    let cell = doc
        .select(&sel("tbody td.untranslated"))
        .next()
        .expect("marked cell");
    assert_eq!(cell.value().attr("lang"), Some("en"));
    assert_eq!(cell.select(&sel(".untranslated-note")).count(), 1);
    let item = doc
        .select(&sel("li.untranslated"))
        .next()
        .expect("marked item");
    assert_eq!(own_text(item), "Third and last point");
}

#[test]
fn shaped_html_passes_tidy() {
    let Some(tidy) = tool(&["tidy"]) else {
        return;
    };
    let ws = shaped();
    ws.edit_source("shape", "| Alice |", "| Alicia |");
    let dir = tempfile::tempdir().expect("temp");
    for bilingual in [false, true] {
        let mut args = vec!["export", "shape", "-l", "fr", "--allow-incomplete"];
        if bilingual {
            args.push("--bilingual");
        }
        let html = ws.run(&args).stdout;
        let path = dir.path().join("doc.html");
        std::fs::write(&path, html).expect("write");
        let output = Command::new(&tidy)
            .args(["-errors", "-quiet"])
            .arg(&path)
            .output()
            .expect("tidy");
        assert!(
            output.status.success(),
            "tidy found errors (bilingual: {bilingual}):\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// Lays `html` out in headless Chromium at `width` pixels and returns, for every segment shown
/// in a list, quote or table of a bilingual document, [source left, source top, target left,
/// target top] as measured by the browser.
fn measured_pairs(browser: &str, html: &str, width: u32) -> Vec<[f64; 4]> {
    let probe = "<script>window.addEventListener('load',()=>{const out=[];\
        for(const s of document.querySelectorAll('.pair>.source>[data-n],.pair>.source>div>[data-n],table.bilingual [lang=en][data-n]')){\
        const box=s.closest('.pair,table');\
        const t=[...box.querySelectorAll('[data-n=\"'+s.dataset.n+'\"]')].find(e=>e!==s&&e.getAttribute('lang')!=='en');\
        const a=s.getBoundingClientRect(),b=t.getBoundingClientRect();\
        out.push([a.left,a.top,b.left,b.top].join(','));}\
        const pre=document.createElement('pre');pre.id='boxes';pre.textContent=out.join(';');\
        document.body.appendChild(pre);});</script>";
    let page = html.replace("</body>", &format!("{probe}</body>"));
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("shape.html");
    std::fs::write(&path, page).expect("write");
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=2000",
            &format!("--window-size={width},4000"),
            &format!("--user-data-dir={}", dir.path().join("profile").display()),
            "--dump-dom",
        ])
        .arg(format!("file://{}", path.display()))
        .output()
        .expect("run browser");
    let dom = Html::parse_document(&String::from_utf8_lossy(&output.stdout));
    let boxes: String = dom
        .select(&sel("#boxes"))
        .next()
        .unwrap_or_else(|| {
            panic!(
                "no measurements; browser said: {}",
                String::from_utf8_lossy(&output.stderr)
            )
        })
        .text()
        .collect();
    boxes
        .split(';')
        .map(|row| {
            let v: Vec<f64> = row.split(',').map(|n| n.parse().expect("number")).collect();
            [v[0], v[1], v[2], v[3]]
        })
        .collect()
}

#[test]
fn browser_aligns_list_items_and_table_rows_side_by_side() {
    let Some(browser) = tool(&["chromium", "chromium-browser", "google-chrome"]) else {
        return;
    };
    let ws = Ws::new();
    // Long translations, so that unaligned rows would drift apart.
    ws.write("sources/shape.md", SHAPED);
    for n in 1..=16 {
        let text = format!(
            "fr{n} {}",
            "avec une traduction bien plus longue que l’original ".repeat(n % 3 * 2)
        );
        ws.run(&[
            "set",
            "shape",
            &n.to_string(),
            "-l",
            "fr",
            "--text",
            text.trim(),
        ])
        .success();
    }
    let html = export(&ws, &["--bilingual"]);
    let boxes = measured_pairs(&browser, &html, 1280);
    // Top-level items 3, 4, 6, 7, 8 (lists), cells 9-13 (table), paragraphs 14-15 (quote);
    // a nested item follows its parent's text on each side.
    assert_eq!(boxes.len(), 12, "{boxes:?}");
    for [source_left, source_top, target_left, target_top] in &boxes {
        assert!(
            (source_top - target_top).abs() < 2.0,
            "not row-aligned: {source_top} vs {target_top}"
        );
        assert!(
            target_left > source_left,
            "translation not to the right: {source_left} {target_left}"
        );
    }
}
