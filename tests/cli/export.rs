//! `bitext export`: documents parsed back to check structure, escaping, completeness and
//! language fallback.

use std::process::Command;

use scraper::{Html, Selector};

use crate::support::{ARTICLE, Ws, sample_copy, tool};

const SAMPLE: &str = "no-to-canadas-interference-in-peru";

fn sel(selector: &str) -> Selector {
    Selector::parse(selector).expect("selector")
}

/// The text of the first element matching `selector`, which must exist.
#[track_caller]
fn first_text(doc: &Html, selector: &str) -> String {
    doc.select(&sel(selector))
        .next()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text()
        .collect()
}

/// Runs bitext on a fresh copy of the sample workspace.
fn sample(args: &[&str]) -> (i32, String, String) {
    let run = sample_copy().run(args);
    (run.code, run.stdout, run.stderr)
}

/// Segment texts of the sample article, from `status`.
fn sample_segment_count() -> usize {
    let (_, stdout, _) = sample(&["status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    usize::try_from(json["articles"][0]["segments"].as_u64().expect("n")).expect("usize")
}

#[test]
fn the_sample_edition_exports_in_every_language_and_layout() {
    let segments = sample_segment_count();
    for (tag, target_lang, masthead) in [
        ("fr", "fr", "Volume 53, numéro 2 – février 2023"),
        ("es", "es", "Volumen 53, número 2 – febrero de 2023"),
        ("es-419", "es", "Año 53, n.º 2 – febrero de 2023"),
    ] {
        for bilingual in [false, true] {
            let mut args = vec!["export", "--edition", "53-2", "-l", tag];
            if bilingual {
                args.push("--bilingual");
            }
            let (code, stdout, stderr) = sample(&args);
            assert_eq!(code, 0, "{tag} {bilingual}: {stderr}");
            assert!(stderr.is_empty(), "{stderr}");
            let doc = Html::parse_document(&stdout);
            let html = doc.select(&sel("html")).next().expect("html");
            assert_eq!(html.value().attr("lang"), Some(tag));
            let masthead_text: String = first_text(&doc, ".masthead");
            assert!(masthead_text.contains(masthead), "{tag}: {masthead_text}");
            assert_eq!(doc.select(&sel("nav.toc li a")).count(), 1);
            let footer: String = first_text(&doc, "footer.published-in");
            assert!(footer.contains(&masthead[masthead.len() - 4..]), "{footer}");
            if bilingual {
                let rows: Vec<_> = doc.select(&sel("article .row")).collect();
                assert_eq!(rows.len(), segments, "{tag}");
                for (i, row) in rows.iter().enumerate() {
                    assert_eq!(
                        row.value().attr("data-n"),
                        Some((i + 1).to_string().as_str())
                    );
                    let sources: Vec<_> = row.select(&sel(".source")).collect();
                    let targets: Vec<_> = row.select(&sel(".target")).collect();
                    assert_eq!((sources.len(), targets.len()), (1, 1));
                    assert_eq!(sources[0].value().attr("lang"), Some("en"));
                    assert_eq!(targets[0].value().attr("lang"), Some(target_lang));
                }
                // Headings stay headings, in both columns.
                assert_eq!(rows[1].select(&sel(".source h1")).count(), 1);
                assert_eq!(rows[1].select(&sel(".target h1")).count(), 1);
            } else {
                let blocks: Vec<_> = doc.select(&sel("article [data-n]")).collect();
                assert_eq!(blocks.len(), segments, "{tag}");
                for (i, block) in blocks.iter().enumerate() {
                    assert_eq!(
                        block.value().attr("data-n"),
                        Some((i + 1).to_string().as_str())
                    );
                    assert_eq!(block.value().attr("lang"), Some(target_lang));
                }
                assert_eq!(blocks[1].value().name(), "h1");
                assert_eq!(
                    doc.select(&sel("[lang=en]")).count(),
                    0,
                    "no English in a complete monolingual export"
                );
            }
        }
    }
}

/// The masthead and the footer sentence of the sample edition, in each export language.
const FIXED_TEXTS: [(&str, &str, &str); 4] = [
    (
        "en",
        "Volume 53, Number 2 – February 2023",
        "This article was published in volume 53, number 2 (February 2023).",
    ),
    (
        "fr",
        "Volume 53, numéro 2 – février 2023",
        "Cet article a été publié dans le volume 53, numéro 2 (février 2023).",
    ),
    (
        "es",
        "Volumen 53, número 2 – febrero de 2023",
        "Este artículo se publicó en el volumen 53, número 2 (febrero de 2023).",
    ),
    (
        "es-419",
        "Año 53, n.º 2 – febrero de 2023",
        "Este artículo se publicó en el n.º 2 del año 53 (febrero de 2023).",
    ),
];

#[test]
fn mastheads_and_footers_read_as_sentences_in_every_language() {
    let ws = sample_copy();
    // An English edition needs English "translations": a workspace whose target is English.
    let en = Ws::new();
    en.write(
        "bitext.toml",
        "source = \"fr\"\ntargets = [\"en\"]\n\n[[edition]]\nid = \"53-2\"\nvolume = 53\n\
         number = 2\ndate = \"2023-02\"\narticles = [\"harbour\"]\n",
    );
    en.write("sources/harbour.md", ARTICLE);
    en.translate_all("harbour", "en");
    for (tag, masthead, footer) in FIXED_TEXTS {
        let ws = if tag == "en" { &en } else { &ws };
        for format in ["html", "md", "txt"] {
            let run = ws
                .run(&["export", "--edition", "53-2", "-l", tag, "--format", format])
                .success();
            let (shown_masthead, shown_footer) = if format == "html" {
                let doc = Html::parse_document(&run.stdout);
                (
                    first_text(&doc, ".masthead"),
                    first_text(&doc, "footer.published-in"),
                )
            } else {
                (run.stdout.clone(), run.stdout.clone())
            };
            assert!(
                shown_masthead.contains(masthead),
                "{tag} {format}: {shown_masthead}"
            );
            assert!(
                shown_footer.contains(footer),
                "{tag} {format}: {shown_footer}"
            );
        }
    }
}

#[test]
fn the_sample_exports_as_markdown_and_text() {
    let (code, md, _) = sample(&["export", SAMPLE, "-l", "fr", "--format", "md"]);
    assert_eq!(code, 0);
    assert!(
        md.contains("# Non à l'ingérence du Canada au Pérou"),
        "{md}"
    );
    // One article in Markdown is its page, as a site builds it: the source's structure, no
    // line of bitext's own.
    assert!(
        md.starts_with("*Sujets de préoccupation dans le monde*\n\n# Non à"),
        "{md}"
    );
    assert!(!md.contains("Traduit de"), "{md}");
    assert!(!md.contains("Cet article a été publié"), "{md}");
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("sources/{SAMPLE}.md")),
    )
    .expect("source");
    assert_eq!(
        md.split("\n\n").count(),
        source.split("\n\n").count(),
        "block for block"
    );
    // An edition in Markdown keeps its masthead and its chrome.
    let (code, edition, _) = sample(&["export", "--edition", "53-2", "-l", "fr", "--format", "md"]);
    assert_eq!(code, 0);
    assert!(edition.contains("*Traduit de l’anglais*"), "{edition}");
    let (code, txt, _) = sample(&[
        "export",
        SAMPLE,
        "-l",
        "es",
        "--format",
        "txt",
        "--bilingual",
    ]);
    assert_eq!(code, 0);
    assert!(
        txt.contains(
            "[en] Matters of Concern Around the World\n\n[es] Asuntos de interés en el mundo\n"
        ),
        "{txt}"
    );
    assert!(!txt.contains('*'), "markup is removed in text");
}

/// A workspace with an edition of one article, translated into French.
fn edition_ws() -> Ws {
    let ws = Ws::translated();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\", \"es-419\"]\n\n[[edition]]\nid = \"7-1\"\nvolume = 7\nnumber = 1\ndate = \"2024-11\"\narticles = [\"harbour\"]\n",
    );
    ws
}

#[test]
fn source_and_translation_text_is_escaped() {
    let ws = Ws::new();
    ws.write(
        "sources/xss.md",
        "# A <b>bold</b> claim\n\nA paragraph with <script>alert('x')</script> inside.\n",
    );
    ws.run(&[
        "set",
        "xss",
        "1",
        "-l",
        "fr",
        "--text",
        "Une <img src=x onerror=alert(1)> affirmation",
    ])
    .success();
    ws.run(&[
        "set",
        "xss",
        "2",
        "-l",
        "fr",
        "--text",
        "Un paragraphe avec <script>alert('y')</script> dedans.",
    ])
    .success();
    for bilingual in [false, true] {
        let mut args = vec!["export", "xss", "-l", "fr"];
        if bilingual {
            args.push("--bilingual");
        }
        let run = ws.run(&args).success();
        let doc = Html::parse_document(&run.stdout);
        assert_eq!(doc.select(&sel("script")).count(), 0, "{}", run.stdout);
        assert_eq!(doc.select(&sel("img")).count(), 0);
        assert_eq!(doc.select(&sel("b")).count(), 0);
        let text: String = first_text(&doc, "main");
        assert!(text.contains("<script>alert('y')</script>"), "{text}");
        if bilingual {
            assert!(text.contains("<script>alert('x')</script>"), "{text}");
        }
    }
}

#[test]
fn an_incomplete_edition_is_refused_and_nothing_is_written() {
    let ws = edition_ws();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend.", "next weekend!") + "\nTide tables are on page 4.\n",
    );
    let out = ws.path("out.html");
    let run = ws.run(&[
        "export",
        "--edition",
        "7-1",
        "-l",
        "fr",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains("sources/harbour.md:11: fr: stale segment 5 ("),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("sources/harbour.md:13: fr: missing segment 6 ("),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("export refused: 2 segments are not translated"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
    let run = ws.run(&["export", "--edition", "7-1", "-l", "fr"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
}

#[test]
fn allow_incomplete_marks_the_source_text_in_place() {
    let ws = edition_ws();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend.", "next weekend!"),
    );
    let run = ws.run(&[
        "export",
        "--edition",
        "7-1",
        "-l",
        "fr",
        "--allow-incomplete",
    ]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("1 segment was exported untranslated"),
        "{}",
        run.stderr
    );
    let doc = Html::parse_document(&run.stdout);
    let marked: Vec<_> = doc.select(&sel(".untranslated")).collect();
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0].value().attr("lang"), Some("en"));
    assert_eq!(marked[0].value().attr("data-n"), Some("5"));
    assert!(
        marked[0]
            .text()
            .collect::<String>()
            .ends_with("next weekend!")
    );
    let note: String = first_text(&doc, ".untranslated-note");
    assert_eq!(
        note,
        "Pas encore traduit\u{a0}: texte affiché dans la langue d’origine."
    );

    let bilingual = ws.run(&[
        "export",
        "--edition",
        "7-1",
        "-l",
        "fr",
        "--bilingual",
        "--allow-incomplete",
    ]);
    let doc = Html::parse_document(&bilingual.stdout);
    let cell = doc
        .select(&sel(".row[data-n=\"5\"] .target.untranslated"))
        .next()
        .expect("marked cell");
    assert_eq!(cell.value().attr("lang"), Some("en"));

    let md = ws.run(&[
        "export",
        "harbour",
        "-l",
        "fr",
        "--format",
        "md",
        "--allow-incomplete",
    ]);
    assert!(
        md.stdout
            .contains("[pas encore traduit] A festival with music"),
        "{}",
        md.stdout
    );
}

#[test]
fn regional_exports_fall_back_to_the_language() {
    let ws = edition_ws();
    ws.translate_all("harbour", "es");
    ws.run(&[
        "set",
        "harbour",
        "1",
        "-l",
        "es-419",
        "--text",
        "El concejo del puerto (es-419)",
    ])
    .success();
    let run = ws.run(&["export", "harbour", "-l", "es-419"]).success();
    let doc = Html::parse_document(&run.stdout);
    let html = doc.select(&sel("html")).next().expect("html");
    assert_eq!(html.value().attr("lang"), Some("es-419"));
    let blocks: Vec<_> = doc.select(&sel("[data-n]")).collect();
    assert_eq!(blocks[0].value().attr("lang"), Some("es-419"));
    assert_eq!(
        blocks[0].text().collect::<String>(),
        "El concejo del puerto (es-419)"
    );
    assert_eq!(blocks[1].value().attr("lang"), Some("es"));
    assert_eq!(
        blocks[1].text().collect::<String>(),
        "es translation of segment 2"
    );
    // A regional tag with no translations of its own still falls back.
    let mx = ws.run(&["export", "harbour", "-l", "es-MX"]).success();
    assert!(mx.stdout.contains("<html lang=\"es-MX\">"));
    // An unrelated language is an error naming the languages that exist.
    ws.run(&["export", "harbour", "-l", "de"])
        .error(&["no translations in de", "fr, es, es-419"]);
}

#[test]
fn several_articles_go_to_a_directory() {
    let ws = Ws::translated();
    ws.write("sources/second.md", "# Second\n\nAnother article.\n");
    ws.translate_all("second", "fr");
    ws.run(&["export", "harbour", "second", "-l", "fr"])
        .error(&["-o DIR"]);
    let dir = ws.path("out");
    let run = ws
        .run(&[
            "export",
            "harbour",
            "second",
            "-l",
            "fr",
            "--bilingual",
            "-o",
            dir.to_str().expect("utf-8"),
        ])
        .success();
    assert!(
        run.stderr.is_empty(),
        "no progress bar when stderr is not a terminal"
    );
    for name in ["harbour.en-fr.html", "second.en-fr.html"] {
        let text = std::fs::read_to_string(dir.join(name)).expect(name);
        assert!(text.starts_with("<!DOCTYPE html>"));
    }
    ws.run(&["export", "--edition", "nope", "-l", "fr"])
        .error(&["no edition \"nope\""]);
}

#[test]
fn exported_html_passes_tidy() {
    let Some(tidy) = tool(&["tidy"]) else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp");
    for args in [
        vec!["export", "--edition", "53-2", "-l", "fr", "--bilingual"],
        vec!["export", "--edition", "53-2", "-l", "es-419"],
    ] {
        let (code, html, _) = sample(&args);
        assert_eq!(code, 0);
        let path = dir.path().join("doc.html");
        std::fs::write(&path, html).expect("write");
        let output = Command::new(&tidy)
            .args(["-errors", "-quiet"])
            .arg(&path)
            .output()
            .expect("tidy");
        let report = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "tidy found errors in {args:?}:\n{report}"
        );
    }
}

/// Lays the bilingual sample out in headless Chromium at `width` pixels and returns, per row,
/// the source and target cells' boxes as measured by the browser.
fn rendered_boxes(browser: &str, width: u32) -> Vec<[f64; 4]> {
    let (code, html, _) = sample(&["export", "--edition", "53-2", "-l", "fr", "--bilingual"]);
    assert_eq!(code, 0);
    let probe = "<script>window.addEventListener('load',()=>{const out=[];\
        for(const row of document.querySelectorAll('.row')){\
        const s=row.querySelector('.source').getBoundingClientRect();\
        const t=row.querySelector('.target').getBoundingClientRect();\
        out.push([s.left,s.top,t.left,t.top,s.right,s.bottom].join(','));}\
        const pre=document.createElement('pre');pre.id='boxes';pre.textContent=out.join(';');\
        document.body.appendChild(pre);});</script>";
    let page = html.replace("</body>", &format!("{probe}</body>"));
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("bilingual.html");
    std::fs::write(&path, page).expect("write");
    let profile = dir.path().join("profile");
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
            &format!("--user-data-dir={}", profile.display()),
            "--dump-dom",
        ])
        .arg(format!("file://{}", path.display()))
        .output()
        .expect("run browser");
    let dom = String::from_utf8_lossy(&output.stdout);
    let doc = Html::parse_document(&dom);
    let boxes: String = doc
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
            // [source left, source top, target left, target top], plus source right/bottom checks.
            assert!(
                v[2] >= v[4] - 1.0 || v[3] >= v[5] - 1.0,
                "cells overlap: {v:?}"
            );
            [v[0], v[1], v[2], v[3]]
        })
        .collect()
}

#[test]
fn browser_shows_source_and_translation_side_by_side() {
    let Some(browser) = tool(&["chromium", "chromium-browser", "google-chrome"]) else {
        return;
    };
    let wide = rendered_boxes(&browser, 1280);
    assert_eq!(wide.len(), sample_segment_count());
    for [source_left, source_top, target_left, target_top] in &wide {
        assert!(
            (source_top - target_top).abs() < 2.0,
            "row not aligned: {source_top} vs {target_top}"
        );
        assert!(
            *target_left > source_left + 200.0,
            "target not to the right: {source_left} {target_left}"
        );
    }
    let narrow = rendered_boxes(&browser, 420);
    for [source_left, source_top, target_left, target_top] in &narrow {
        assert!(
            *target_top > *source_top,
            "columns should stack on a narrow screen"
        );
        assert!((target_left - source_left).abs() < 2.0);
    }
}

#[test]
fn an_edition_needs_only_an_id_and_may_have_a_title() {
    let ws = Ws::translated();
    ws.translate_all("harbour", "es");
    let toml = "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n\
        [[edition]]\nid = \"spring\"\ntitle = \"The spring guide\"\narticles = [\"harbour\"]\n\n\
        [[edition]]\nid = \"march\"\ndate = \"2024-03\"\narticles = [\"harbour\"]\n\n\
        [[edition]]\nid = \"vol-7\"\nvolume = 7\narticles = [\"harbour\"]\n\n\
        [[edition]]\nid = \"bare\"\narticles = [\"harbour\"]\n";
    ws.write("bitext.toml", toml);
    for (id, lang, masthead, footer) in [
        (
            "spring",
            "fr",
            "The spring guide",
            "Cet article a été publié dans «\u{a0}The spring guide\u{a0}».",
        ),
        (
            "march",
            "fr",
            "mars 2024",
            "Cet article a été publié dans mars 2024.",
        ),
        (
            "march",
            "es",
            "marzo de 2024",
            "Este artículo se publicó en marzo de 2024.",
        ),
        (
            "vol-7",
            "es",
            "Volumen 7",
            "Este artículo se publicó en Volumen 7.",
        ),
        ("bare", "fr", "bare", "Cet article a été publié dans bare."),
    ] {
        let run = ws
            .run(&["export", "--edition", id, "-l", lang, "--format", "html"])
            .success();
        let doc = Html::parse_document(&run.stdout);
        assert_eq!(
            first_text(&doc, ".masthead").trim(),
            masthead,
            "{id} {lang}"
        );
        assert!(
            first_text(&doc, "footer.published-in").contains(footer),
            "{id} {lang}: {}",
            run.stdout
        );
    }
    // A title of white space alone, or a date that is not YYYY-MM, is refused, naming the file.
    for bad in ["title = \" \"", "date = \"2024-13\""] {
        ws.write(
            "bitext.toml",
            format!(
                "source = \"en\"\ntargets = [\"fr\"]\n\n[[edition]]\nid = \"x\"\n{bad}\n\
                 articles = [\"harbour\"]\n"
            ),
        );
        ws.run(&["status"]).error(&["bitext.toml"]);
    }
}

#[test]
fn an_edition_lists_articles_by_pattern_in_name_order() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour-news.md",
        "# News from the harbour\n\nThe ferry runs again.\n",
    );
    ws.write(
        "sources/festival.md",
        "# The festival\n\nMusic on the quay.\n",
    );
    for (slug, texts) in [
        (
            "harbour-news",
            ["Nouvelles du port", "Le traversier reprend."],
        ),
        ("festival", ["Le festival", "De la musique sur le quai."]),
    ] {
        ws.set_all(slug, "fr", &texts);
    }
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\n\n[[edition]]\nid = \"port\"\n\
         articles = [\"festival\", \"harbour*\", \"festival\"]\n",
    );
    let run = ws
        .run(&["export", "--edition", "port", "-l", "fr", "--format", "md"])
        .success();
    let at = |text: &str| {
        run.stdout
            .find(text)
            .unwrap_or_else(|| panic!("{text} not in {}", run.stdout))
    };
    // festival first, as listed; then the articles the pattern matches, in name order;
    // festival once.
    assert!(
        at("Le festival") < at("fr translation of segment 1"),
        "{}",
        run.stdout
    );
    assert!(
        at("fr translation of segment 1") < at("Nouvelles du port"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("# Le festival").count(),
        1,
        "{}",
        run.stdout
    );
}
