//! Editions for the region: an `es-419` edition of the sample, made of its `es` translations,
//! in Latin American conventions (masthead wording, number marks, quotation marks), with the
//! glossary's `es-419` terms checked on the text that goes out.

use scraper::{Html, Selector};

use crate::epub::{assert_clean, export_epub};
use crate::support::{SAMPLE, Ws, sample_copy};

fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    doc.select(&Selector::parse(selector).expect("selector"))
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

/// The edition's own text in each language: masthead, table of contents title, footer.
const CHROME: [(&str, &str); 3] = [
    (
        "Volumen 53, número 2 – febrero de 2023",
        "Año 53, n.º 2 – febrero de 2023",
    ),
    ("Índice", "Contenido"),
    (
        "Este artículo se publicó en el volumen 53, número 2 (febrero de 2023).",
        "Este artículo se publicó en el n.º 2 del año 53 (febrero de 2023).",
    ),
];

#[test]
fn the_es_419_edition_is_the_es_edition_but_for_its_own_text() {
    let ws = sample_copy();
    for format in ["md", "txt"] {
        let export = |lang: &str| {
            ws.run(&[
                "export",
                "--edition",
                "53-2",
                "-l",
                lang,
                "--format",
                format,
            ])
            .success()
            .stdout
        };
        let (es, es419) = (export("es"), export("es-419"));
        for (spain, latin_america) in CHROME {
            assert!(es.contains(spain), "{format} es lacks {spain}:\n{es}");
            assert!(!es.contains(latin_america), "{format} es: {latin_america}");
            assert!(es419.contains(latin_america), "{format}: {latin_america}");
            assert!(!es419.contains(spain), "{format} es-419: {spain}");
        }
        // Everything else, the articles' text first, is the same. (A text masthead is
        // underlined to its length.)
        let same = |text: &str, to_latin_america: bool| -> Vec<String> {
            let mut text = text.to_owned();
            if to_latin_america {
                for (spain, latin_america) in CHROME {
                    text = text.replace(spain, latin_america);
                }
            }
            text.lines()
                .filter(|l| l.is_empty() || l.chars().any(|c| c != '=' && c != '-'))
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(same(&es, true), same(&es419, false), "{format}");
    }
    let es = ws
        .run(&["export", "--edition", "53-2", "-l", "es"])
        .success()
        .stdout;
    let es419 = ws
        .run(&["export", "--edition", "53-2", "-l", "es-419"])
        .success()
        .stdout;
    assert_eq!(texts(&es419, ".masthead"), [CHROME[0].1]);
    assert_eq!(texts(&es419, "nav.toc h2"), [CHROME[1].1]);
    assert_eq!(texts(&es419, "footer.published-in"), [CHROME[2].1]);
    assert_eq!(texts(&es, ".masthead"), [CHROME[0].0]);
    let body = texts(&es, "article [data-n]");
    assert!(body.len() > 10);
    assert_eq!(texts(&es419, "article [data-n]"), body);
}

/// The sample with an edition whose volume and number need grouping, and a titled one whose
/// title holds a quotation.
fn numbered_and_titled() -> Ws {
    let ws = sample_copy();
    let toml = ws.read("bitext.toml");
    ws.write(
        "bitext.toml",
        format!(
            "{toml}\n[[edition]]\nid = \"big\"\nvolume = 1234\nnumber = 12345\n\
             date = \"2023-02\"\narticles = [\"{SAMPLE}\"]\n\n\
             [[edition]]\nid = \"special\"\ntitle = 'Perú: la \"injerencia\" de Canadá'\n\
             articles = [\"{SAMPLE}\"]\n"
        ),
    );
    ws
}

#[test]
fn numbers_and_quotation_marks_follow_the_export_language() {
    let ws = numbered_and_titled();
    for (lang, masthead, footer, quoted) in [
        (
            "es",
            "Volumen 1234, número 12.345 – febrero de 2023",
            "Este artículo se publicó en el volumen 1234, número 12.345 (febrero de 2023).",
            "Este artículo se publicó en «Perú: la “injerencia” de Canadá».",
        ),
        (
            "es-419",
            "Año 1,234, n.º 12,345 – febrero de 2023",
            "Este artículo se publicó en el n.º 12,345 del año 1,234 (febrero de 2023).",
            "Este artículo se publicó en “Perú: la ‘injerencia’ de Canadá”.",
        ),
        (
            "fr",
            "Volume 1\u{202f}234, numéro 12\u{202f}345 – février 2023",
            "Cet article a été publié dans le volume 1\u{202f}234, numéro 12\u{202f}345 \
             (février 2023).",
            "Cet article a été publié dans «\u{a0}Perú: la “injerencia” de Canadá\u{a0}».",
        ),
    ] {
        for format in ["html", "md", "txt"] {
            let big = ws
                .run(&["export", "--edition", "big", "-l", lang, "--format", format])
                .success()
                .stdout;
            assert!(big.contains(masthead), "{lang} {format}: {big}");
            assert!(big.contains(footer), "{lang} {format}: {big}");
            // Years are never grouped.
            for grouped in ["2,023", "2.023", "2\u{202f}023"] {
                assert!(!big.contains(grouped), "{lang} {format}");
            }
            let special = ws
                .run(&[
                    "export",
                    "--edition",
                    "special",
                    "-l",
                    lang,
                    "--format",
                    format,
                ])
                .success()
                .stdout;
            assert!(special.contains(quoted), "{lang} {format}: {special}");
        }
    }
    // The package of the Latin American edition shows the same, and passes EPUBCheck.
    let epub = export_epub(&ws, &["--edition", "big", "-l", "es-419"], "big.epub");
    let title = epub.text("EPUB/text/title.xhtml");
    assert!(
        title.contains("Año 1,234, n.º 12,345 – febrero de 2023"),
        "{title}"
    );
    export_epub(
        &ws,
        &["--edition", "special", "-l", "es-419"],
        "special.epub",
    );
    export_epub(
        &ws,
        &["--edition", "big", "-l", "es-419", "--bilingual"],
        "bi.epub",
    );
    assert_clean(
        &ws,
        &[
            "big.epub".to_owned(),
            "special.epub".to_owned(),
            "bi.epub".to_owned(),
        ],
    );
}

/// The sample with a Latin American glossary: Peruvian papers call members of Congress
/// "congresistas", where the `es` translation says "legisladores".
fn with_regional_glossary() -> Ws {
    let ws = sample_copy();
    ws.write(
        "glossary/es-419.tsv",
        "# Latin American Spanish\nlegislators\tcongresistas\n",
    );
    ws
}

const FINDING: &str = "es-419: segment 17 (2b77d161): glossary: the source has “legislators”, \
                       the translation lacks the glossary's “congresistas” [error]";

#[test]
fn an_es_419_glossary_term_refuses_the_es_419_edition_but_not_the_es_one() {
    let ws = with_regional_glossary();
    let out = ws.path("edition.html");
    let out = out.to_str().expect("utf-8");
    let before = ws.snapshot();
    let refused = ws.run(&["export", "--edition", "53-2", "-l", "es-419", "-o", out]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert_eq!(
        refused.stderr,
        format!(
            "sources/{SAMPLE}.md:103: {FINDING}\n    source: legislators\n\
             export refused: 1 glossary error in the text to export (see above); correct the \
             translation, or pass --allow-incomplete to export it as it is.\n"
        )
    );
    assert_eq!(ws.snapshot(), before, "a refused export writes nothing");
    // The es edition knows nothing of the es-419 terms.
    ws.run(&["export", "--edition", "53-2", "-l", "es", "-o", out])
        .success();
    // The editor may publish anyway, told what goes out.
    let kept = ws.run(&[
        "export",
        "--edition",
        "53-2",
        "-l",
        "es-419",
        "--format",
        "md",
        "--allow-incomplete",
    ]);
    assert_eq!(kept.code, 0, "{}", kept.stderr);
    assert!(kept.stderr.contains(FINDING), "{}", kept.stderr);
    assert!(
        kept.stderr
            .ends_with("1 glossary error was exported as it is.\n"),
        "{}",
        kept.stderr
    );
    assert!(kept.stdout.contains("legisladores"), "{}", kept.stdout);
    // In French and Spanish, the refusal is in the UI language.
    let fr = ws.run(&[
        "--ui-lang",
        "fr",
        "export",
        "--edition",
        "53-2",
        "-l",
        "es-419",
    ]);
    assert_eq!(fr.code, 1);
    assert!(
        fr.stderr
            .contains("export refusé\u{a0}: 1 erreur de glossaire"),
        "{}",
        fr.stderr
    );
    // A warning is printed, and the edition written.
    let toml = ws.read("bitext.toml");
    ws.write(
        "bitext.toml",
        format!("{toml}\n[qa.es-419]\nglossary = \"warning\"\n"),
    );
    let warned = ws.run(&["export", "--edition", "53-2", "-l", "es-419", "-o", out]);
    assert_eq!(warned.code, 0, "{}", warned.stderr);
    assert!(
        warned
            .stderr
            .contains(&FINDING.replace("[error]", "[warning]")),
        "{}",
        warned.stderr
    );
    assert!(
        std::fs::read_to_string(out)
            .expect("written")
            .contains("Año 53")
    );
}

#[test]
fn check_and_qa_report_the_es_419_terms_on_the_es_text() {
    let ws = with_regional_glossary();
    // Without -l, the variant that has a glossary of its own is checked with the targets.
    let check = ws.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stdout);
    assert!(check.stdout.contains(FINDING), "{}", check.stdout);
    let es = ws.run(&["check", "-l", "es"]);
    assert_eq!(es.code, 0, "{}", es.stdout);
    assert!(!es.stdout.contains("es-419"), "{}", es.stdout);
    // -l es-419: the es translations it is made of, and its terms.
    let check = ws.run(&["check", "-l", "es-419", "--format", "json"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let json = check.json();
    assert_eq!(json["results"][0]["lang"], "es");
    assert_eq!(json["totals"]["qa_errors"], 1);
    let junit = ws
        .run(&["check", "-l", "es-419", "--format", "junit"])
        .stdout;
    assert!(
        junit.contains("failures=\"1\"") && junit.contains("congresistas"),
        "{junit}"
    );
    let qa = ws.run(&["qa", "-l", "es-419", "--format", "json"]);
    assert_eq!(qa.code, 1, "{}", qa.stderr);
    let json = qa.json();
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{json}");
    assert_eq!(findings[0]["lang"], "es-419");
    assert_eq!(findings[0]["check"], "glossary");
    assert_eq!(findings[0]["n"], 17);
    assert_eq!(ws.run(&["qa", "-l", "es"]).code, 0);
    // Once the glossary's term is there, all pass.
    ws.write(
        "glossary/es-419.tsv",
        "legislators\tlegisladores|congresistas\n",
    );
    ws.run(&["check"]).success();
    ws.run(&["export", "--edition", "53-2", "-l", "es-419"])
        .success();
    // A malformed regional glossary is an error naming it, and the export writes nothing.
    ws.write("glossary/es-419.tsv", "legislators\n");
    let out = ws.path("e.html");
    ws.run(&[
        "export",
        "--edition",
        "53-2",
        "-l",
        "es-419",
        "-o",
        out.to_str().expect("utf-8"),
    ])
    .error(&["glossary/es-419.tsv:1"]);
    assert!(!out.exists());
}
