//! Untranslated text is never recorded as translated: bitext's own markers (every UI language,
//! every export format) and the source text sent back as it is, through `import`, `po import`
//! and `xliff import`.

use crate::support::{SAMPLE, Ws, sample_copy};

const HARBOUR: &str = "\
# The harbour council

The council met on Monday to discuss the budget for the coming year.

The tide tables are printed on page 4 of the weekly paper.
";

/// The harbour article with its title translated into French, the rest missing.
fn harbour() -> Ws {
    let ws = Ws::new();
    ws.write("sources/harbour.md", HARBOUR);
    ws.run(&[
        "set",
        "harbour",
        "1",
        "-l",
        "fr",
        "--text",
        "Le conseil du port",
    ])
    .success();
    ws
}

/// The sample with its seventh paragraph edited: stale in both languages.
fn sample_with_stale() -> Ws {
    let ws = sample_copy();
    ws.edit_source(
        SAMPLE,
        "At least 14 countries",
        "At least fourteen countries",
    );
    ws
}

fn states(ws: &Ws) -> serde_json::Value {
    ws.run(&["status", "--segments", "--format", "json"])
        .success()
        .json()
}

#[test]
fn an_incomplete_export_imported_back_records_nothing_in_any_language_and_format() {
    for (lang, format, marker) in [
        ("es", "md", "[aún sin traducir]"),
        ("es", "txt", "[aún sin traducir]"),
        ("fr", "md", "[pas encore traduit]"),
        ("fr", "txt", "[pas encore traduit]"),
    ] {
        let ws = sample_with_stale();
        let before = ws.snapshot();
        let file = format!("out.{format}");
        let export = ws.run(&[
            "export",
            SAMPLE,
            "-l",
            lang,
            "--allow-incomplete",
            "--format",
            format,
            "-o",
            &file,
        ]);
        assert_eq!(export.code, 0, "{}", export.stderr);
        assert!(
            ws.read(&file).contains(marker),
            "{lang} {format}: {}",
            ws.read(&file)
        );
        let run = ws.run(&["import", SAMPLE, "-l", lang, &file]).success();
        assert!(
            run.stdout.contains("untranslated, skipped"),
            "{lang} {format}: {}",
            run.stdout
        );
        assert!(
            run.stdout.contains(
                "sources/no-to-canadas-interference-in-peru.md: 1 segment came back untranslated and was not recorded as translated"
            ),
            "{}",
            run.stdout
        );
        assert_eq!(ws.states(SAMPLE, lang)[6], "stale");
        let mut after = ws.snapshot();
        after.remove(std::path::Path::new(file.as_str()));
        assert_eq!(after, before, "{lang} {format}: the import changed a file");
    }
}

#[test]
fn the_html_export_marks_are_recognised_too() {
    let ws = sample_with_stale();
    ws.run(&[
        "export",
        SAMPLE,
        "-l",
        "fr",
        "--allow-incomplete",
        "-o",
        "out.html",
    ]);
    assert!(ws.read("out.html").contains("class=\"untranslated\""));
    // A translator's tool that turned the HTML into one paragraph per block keeps the class.
    let html = ws.read("out.html").replace("\n<", "\n\n<");
    ws.write("out.txt", html);
    ws.run(&["import", SAMPLE, "-l", "fr", "out.txt"]);
    assert_eq!(ws.states(SAMPLE, "fr")[6], "stale");
}

#[test]
fn the_source_text_sent_back_becomes_a_draft_with_a_finding() {
    let ws = harbour();
    ws.write(
        "back.md",
        "# Le conseil du port\n\nLe conseil s'est réuni lundi pour discuter du budget de l'année.\n\nThe tide tables are printed on page 4 of the weekly paper.\n",
    );
    let run = ws
        .run(&["import", "harbour", "-l", "fr", "back.md"])
        .success();
    assert!(run.stdout.contains("source text, draft"), "{}", run.stdout);
    assert!(
        run.stdout.contains("segment 3 (")
            && run
                .stdout
                .contains("untranslated: the translation is the source text"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("1 segment came back untranslated"),
        "{}",
        run.stdout
    );
    assert_eq!(ws.states("harbour", "fr"), ["current", "current", "draft"]);
}

#[test]
fn po_import_skips_the_marker_and_drafts_the_source_text() {
    let ws = harbour();
    let po = ws
        .run(&["po", "export", "harbour", "-l", "fr"])
        .success()
        .stdout;
    let po = po
        .replacen(
            "msgid \"The council met on Monday to discuss the budget for the coming year.\"\nmsgstr \"\"",
            "msgid \"The council met on Monday to discuss the budget for the coming year.\"\nmsgstr \"[pas encore traduit] The council met on Monday to discuss the budget for the coming year.\"",
            1,
        )
        .replacen(
            "msgid \"The tide tables are printed on page 4 of the weekly paper.\"\nmsgstr \"\"",
            "msgid \"The tide tables are printed on page 4 of the weekly paper.\"\nmsgstr \"The tide tables are printed on page 4 of the weekly paper.\"",
            1,
        );
    assert!(
        po.contains("[pas encore traduit]") && po.contains("msgstr \"The tide"),
        "{po}"
    );
    ws.write("h.po", po);
    let run = ws.run(&["po", "import", "h.po"]).success();
    assert!(
        run.stdout
            .contains("still holds bitext's “not yet translated” marker; skipped"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("is the source text, untranslated; recorded as a draft"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("h.po: 2 segments came back untranslated"),
        "{}",
        run.stdout
    );
    assert_eq!(ws.states("harbour", "fr"), ["current", "missing", "draft"]);
}

#[test]
fn xliff_import_skips_the_marker() {
    let ws = harbour();
    let xliff = ws
        .run(&["xliff", "export", "harbour", "-l", "fr"])
        .success()
        .stdout;
    let xliff = xliff.replacen(
        "<source>The council met on Monday to discuss the budget for the coming year.</source>",
        "<source>The council met on Monday to discuss the budget for the coming year.</source>\n        <target>[aún sin traducir] The council met on Monday to discuss the budget for the coming year.</target>",
        1,
    ).replacen("<segment state=\"initial\">", "<segment state=\"translated\">", 1);
    ws.write("h.xlf", xliff);
    let run = ws.run(&["xliff", "import", "h.xlf"]).success();
    assert!(run.stdout.contains("marker; skipped"), "{}", run.stdout);
    assert_eq!(
        ws.states("harbour", "fr"),
        ["current", "missing", "missing"]
    );
}

#[test]
fn set_reports_findings_and_records_anyway() {
    let ws = harbour();
    let run = ws
        .run(&[
            "set",
            "harbour",
            "3",
            "-l",
            "fr",
            "--text",
            "Les horaires des marées sont en page 5 du journal.",
        ])
        .success();
    assert!(
        run.stdout.contains("recorded as translated"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("numbers: the number 4 of the source is not in the translation [error]"),
        "{}",
        run.stdout
    );
    assert_eq!(ws.states("harbour", "fr")[2], "current");
}

/// For any workspace (generated, with stale and missing segments), exporting with
/// `--allow-incomplete` in every format and importing the result changes no state.
#[test]
fn export_allow_incomplete_then_import_changes_no_state() {
    for seed in [3, 11, 29] {
        let ws = Ws::generated_with(3, seed, 1.0);
        let before = states(&ws);
        let articles: Vec<String> = before["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .map(|a| a["article"].as_str().expect("slug").to_owned())
            .collect();
        for article in &articles {
            for lang in ["fr", "es"] {
                for format in ["md", "txt"] {
                    let file = format!("back.{format}");
                    ws.run(&[
                        "export",
                        article,
                        "-l",
                        lang,
                        "--allow-incomplete",
                        "--format",
                        format,
                        "-o",
                        &file,
                    ]);
                    ws.run(&["import", article, "-l", lang, &file]).success();
                }
                ws.run(&["po", "export", article, "-l", lang, "-o", "back.po"])
                    .success();
                ws.run(&["po", "import", "back.po"]).success();
                ws.run(&["xliff", "export", article, "-l", lang, "-o", "back.xlf"])
                    .success();
                ws.run(&["xliff", "import", "back.xlf"]).success();
            }
        }
        assert_eq!(states(&ws), before, "seed {seed}");
    }
}

/// A memory entry that is the source text itself (an English paragraph recorded as its own
/// translation elsewhere) or bitext's marker is never filled in as translated, even with
/// `--exact-as-translated`.
#[test]
fn pretranslate_never_records_the_source_text_as_translated() {
    for (copied, state) in [
        (
            "The tide tables are printed on page 4 of the weekly paper.",
            "draft",
        ),
        (
            "[pas encore traduit] The tide tables are printed on page 4 of the weekly paper.",
            "missing",
        ),
    ] {
        let ws = harbour();
        ws.run(&["set", "harbour", "3", "-l", "fr", "--text", copied])
            .success();
        ws.write(
            "sources/quay.md",
            "The tide tables are printed on page 4 of the weekly paper.\n",
        );
        let run = ws
            .run(&["pretranslate", "quay", "-l", "fr", "--exact-as-translated"])
            .success();
        assert_eq!(ws.states("quay", "fr"), [state], "{copied}: {}", run.stdout);
    }
}
