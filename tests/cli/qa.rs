//! `bitext qa`, and the quality findings of `accept` and `check`.

use crate::support::{Run, SAMPLE, Ws, sample_copy, strs};

/// The sample with "over 60 deaths" changed to "over 70 deaths" in the sixth paragraph.
fn seventy() -> Ws {
    let ws = sample_copy();
    ws.edit_source(SAMPLE, "over 60 deaths", "over 70 deaths");
    ws
}

const LOCATION: &str = "sources/no-to-canadas-interference-in-peru.md:14: fr: segment 6 (7542a2d8): numbers: the number 70 of the source is not in the translation [error]";

/// The sample with the repository's glossaries: no error and no warning.
#[test]
fn the_sample_and_its_glossaries_pass_qa_with_no_error_and_no_warning() {
    let ws = sample_copy();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in ["fr", "es"] {
        let rel = format!("glossary/{lang}.tsv");
        ws.write(&rel, std::fs::read(root.join(&rel)).expect("glossary"));
    }
    let run = ws.run(&["qa"]).success();
    assert!(
        run.stdout
            .starts_with("qa: 0 errors, 0 warnings in 62 translated segments."),
        "{}",
        run.stdout
    );
}

#[test]
fn the_sample_passes_qa_with_no_error() {
    let run = sample_copy().run(&["qa"]).success();
    assert!(run.stdout.contains("qa: 0 errors"), "{}", run.stdout);
}

#[test]
fn qa_finds_the_changed_number_on_its_source_line_in_every_format() {
    let ws = seventy();
    let run = ws.run(&["qa", "-l", "fr"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.starts_with(&format!(
            "{LOCATION}\n    source: 70\n    translation: 60\n"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("numbers: Every number of the source"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("qa: 1 error, 0 warnings in 31 translated segments.\n"),
        "{}",
        run.stdout
    );

    let json = ws.run(&["qa", "--format", "json"]).json();
    assert_eq!(json["passed"], false);
    assert_eq!(json["totals"]["errors"], 2);
    let finding = &json["findings"][0];
    assert_eq!(finding["check"], "numbers");
    assert_eq!(finding["level"], "error");
    assert_eq!(finding["lang"], "fr");
    assert_eq!(finding["n"], 6);
    assert_eq!(finding["line"], 14);
    assert_eq!(finding["state"], "stale");
    assert_eq!(finding["source_part"], "70");
    assert_eq!(finding["target_part"], "60");

    let github = ws.run(&["qa", "--format", "github"]);
    assert_eq!(github.code, 1);
    assert!(github.stdout.starts_with(
        "::error file=sources/no-to-canadas-interference-in-peru.md,line=14,title=Quality error (fr)%3A numbers::"
    ), "{}", github.stdout);

    let junit = ws.run(&["qa", "--format", "junit"]);
    assert_eq!(junit.code, 1);
    let doc = roxmltree::Document::parse(&junit.stdout).expect("JUnit is XML");
    let failures: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 2);
    assert!(failures[0].text().unwrap_or("").contains("the number 70"));
}

#[test]
fn qa_speaks_french_and_spanish() {
    let ws = seventy();
    let fr = ws.run(&["--ui-lang", "fr", "qa", "-l", "fr"]);
    assert!(
        fr.stdout
            .contains("le nombre 70 de la source ne figure pas dans la traduction [erreur]"),
        "{}",
        fr.stdout
    );
    let es = ws.run(&["--ui-lang", "es", "qa", "-l", "es"]);
    assert!(
        es.stdout
            .contains("el número 70 del original no figura en la traducción [error]"),
        "{}",
        es.stdout
    );
}

#[test]
fn accept_refuses_the_sixty_seventy_case_then_force_accepts_it() {
    let ws = seventy();
    let before = ws.snapshot();
    let run = ws.run(&["accept", SAMPLE, "6", "-l", "fr"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.starts_with(LOCATION), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("not accepted: its translation has 1 error"),
        "{}",
        run.stdout
    );
    assert_eq!(ws.snapshot(), before, "a refused accept writes nothing");
    assert_eq!(ws.states(SAMPLE, "fr")[5], "stale");

    let run = ws
        .run(&["accept", SAMPLE, "6", "-l", "fr", "--force"])
        .success();
    assert!(
        run.stdout
            .contains("accepted despite 1 quality error (--force)"),
        "{}",
        run.stdout
    );
    assert_eq!(ws.states(SAMPLE, "fr")[5], "current");
}

#[test]
fn accept_without_error_findings_accepts_as_before() {
    let ws = sample_copy();
    ws.edit_source(
        SAMPLE,
        "over 60 deaths and many injuries",
        "over 60 deaths and numerous injuries",
    );
    let run = ws.run(&["accept", SAMPLE, "6", "-l", "fr"]).success();
    assert!(
        run.stdout.contains("accepted: its translation now counts"),
        "{}",
        run.stdout
    );
}

#[test]
fn check_fails_on_a_qa_error_in_every_format_and_no_qa_leaves_it_out() {
    let ws = seventy();
    ws.run(&["accept", SAMPLE, "6", "-l", "es", "--force"])
        .success();
    ws.run(&["accept", SAMPLE, "6", "-l", "fr", "--force"])
        .success();
    // Complete in both languages: only quality errors remain.
    let text = ws.run(&["check"]);
    assert_eq!(text.code, 1, "{}", text.stdout);
    assert!(text.stdout.contains(LOCATION), "{}", text.stdout);
    assert!(
        text.stdout
            .contains("0 stale, 0 missing, 0 draft. 2 quality errors"),
        "{}",
        text.stdout
    );

    let json = ws.run(&["check", "--format", "json"]);
    assert_eq!(json.code, 1);
    let json = json.json();
    assert_eq!(json["passed"], false);
    assert_eq!(json["totals"]["qa_errors"], 2);
    assert_eq!(json["qa"][0]["check"], "numbers");

    let github = ws.run(&["check", "--format", "github"]);
    assert_eq!(github.code, 1);
    assert!(github.stdout.contains("::error file=sources/no-to-canadas-interference-in-peru.md,line=14,title=Quality error (es)%3A numbers::"), "{}", github.stdout);

    let junit = ws.run(&["check", "--format", "junit"]);
    assert_eq!(junit.code, 1);
    let doc = roxmltree::Document::parse(&junit.stdout).expect("XML");
    let failures: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 2);
    assert_eq!(failures[0].attribute("type"), Some("qa"));

    for format in ["text", "json", "github", "junit"] {
        let run = ws.run(&["check", "--no-qa", "--format", format]);
        assert_eq!(run.code, 0, "{format}: {}", run.stdout);
    }
}

#[test]
fn levels_come_from_bitext_toml_per_check_and_per_language() {
    let ws = seventy();
    let config = ws.read("bitext.toml");
    ws.write(
        "bitext.toml",
        format!("{config}\n[qa]\nnumbers = \"warning\"\n"),
    );
    let run = ws.run(&["qa"]).success();
    assert!(
        run.stdout.contains("qa: 0 errors, 2 warnings"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("[warning]"));

    ws.write(
        "bitext.toml",
        format!("{config}\n[qa]\nnumbers = \"off\"\n[qa.es]\nnumbers = \"error\"\n"),
    );
    let run = ws.run(&["qa"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("qa: 1 error, 0 warnings"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(": es: segment 6"), "{}", run.stdout);
    assert!(!run.stdout.contains(": fr: segment 6"), "{}", run.stdout);
}

#[test]
fn an_unknown_check_or_level_in_bitext_toml_is_an_error() {
    let ws = sample_copy();
    let config = ws.read("bitext.toml");
    let line = config.lines().count() + 3;
    ws.write(
        "bitext.toml",
        format!("{config}\n[qa]\nnumber = \"error\"\n"),
    );
    ws.run(&["qa"]).error(&[
        &format!("bitext.toml:{line}:"),
        "unknown check \"number\"",
        "numbers, links",
    ]);
    ws.run(&["status"])
        .error(&["bitext.toml", "unknown check \"number\""]);
    ws.write(
        "bitext.toml",
        format!("{config}\n[qa]\nnumbers = \"fatal\"\n"),
    );
    ws.run(&["qa"])
        .error(&["bitext.toml", "unknown level \"fatal\""]);
}

#[test]
fn a_glossary_requires_and_forbids_terms() {
    let ws = sample_copy();
    // The sample as it was before its review.
    let file = format!("translations/fr/{SAMPLE}.json");
    let fr = ws.read(&file);
    ws.write(
        &file,
        fr.replace("l'État de droit", "l'état de droit")
            .replace("sanctions accablantes", "sanctions onéreuses"),
    );
    ws.write(
        "glossary/fr.tsv",
        "# terms\nrule of law\tÉtat de droit\n!\tsanctions onéreuses\tsanctions accablantes\n",
    );
    let run = ws.run(&["qa", "-l", "fr"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("glossary: the source has “rule of law”, the translation lacks the glossary's “État de droit” [error]"), "{}", run.stdout);
    assert!(run.stdout.contains("glossary: the translation uses “sanctions onéreuses”, which the glossary says to avoid: write “sanctions accablantes” [error]"), "{}", run.stdout);
}

#[test]
fn a_malformed_glossary_is_an_error_with_its_line() {
    let ws = sample_copy();
    ws.write(
        "glossary/es.tsv",
        "# glosario\nrule of law\tEstado de derecho\ncoup d'état golpe de Estado\n",
    );
    let before = ws.snapshot();
    ws.run(&["qa"])
        .error(&["glossary/es.tsv:3:", "invalid glossary entry", "a tab"]);
    ws.run(&["set", SAMPLE, "1", "-l", "es", "--text", "Hola"])
        .error(&["glossary/es.tsv:3:"]);
    assert_eq!(ws.snapshot(), before);
}

/// The `inconsistent` findings of `qa` over the whole workspace (whose entries it reads back
/// from a temporary file) are those of `qa` on each article alone (which holds the index of
/// the whole workspace in memory), across chunks of articles, both ways.
#[test]
fn inconsistencies_over_the_whole_workspace_are_those_found_article_by_article() {
    let ws = Ws::generated(70, 5);
    let last = ws.json("translations/fr/article-00068.json");
    let first = ws.json("translations/fr/article-00000.json");
    let source = last["units"][0]["source"].as_str().expect("source");
    ws.write(
        "sources/copy.md",
        format!("{source}\n\nA brand new paragraph about the harbour council and its budget.\n"),
    );
    ws.run(&[
        "set",
        "copy",
        "1",
        "-l",
        "fr",
        "--text",
        "Une tout autre traduction.",
    ])
    .success();
    let target = first["units"][0]["target"].as_str().expect("target");
    ws.run(&["set", "copy", "2", "-l", "fr", "--text", target])
        .success();
    let inconsistent = |args: &[&str]| -> Vec<(String, String, u64, String)> {
        let mut all = vec!["qa", "--format", "json"];
        all.extend_from_slice(args);
        let run = ws.run(&all);
        run.json()["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["check"] == "inconsistent")
            .map(|f| {
                (
                    f["article"].as_str().expect("article").to_owned(),
                    f["lang"].as_str().expect("lang").to_owned(),
                    f["n"].as_u64().expect("n"),
                    f["message"].as_str().expect("message").to_owned(),
                )
            })
            .collect()
    };
    let whole = inconsistent(&[]);
    assert!(
        whole.contains(&(
            "copy".to_owned(),
            "fr".to_owned(),
            1,
            "the same source text is translated differently in sources/article-00068.md segment 1"
                .to_owned()
        )),
        "{whole:#?}"
    );
    assert!(whole.contains(&(
        "copy".to_owned(),
        "fr".to_owned(),
        2,
        "the same translation is used for a different source text in sources/article-00000.md segment 1"
            .to_owned()
    )), "{whole:#?}");
    let mut articles: Vec<&str> = whole.iter().map(|f| f.0.as_str()).collect();
    articles.dedup();
    assert!(articles.len() > 3, "{articles:?}");
    for article in articles {
        let alone = inconsistent(&[article]);
        let expected: Vec<_> = whole.iter().filter(|f| f.0 == article).cloned().collect();
        assert_eq!(alone, expected, "{article}");
    }
}

/// `set`, `import` and `po import` hold only the part of the consistency index that concerns
/// what they record; they still find the same text translated differently in another article,
/// and the same translation used for another text, in both directions.
#[test]
fn recording_commands_find_inconsistencies_with_the_rest_of_the_workspace() {
    let ws = Ws::generated(40, 9);
    let last = ws.json("translations/fr/article-00038.json");
    let first = ws.json("translations/fr/article-00000.json");
    let source = last["units"][0]["source"].as_str().expect("source");
    let reused = first["units"][0]["target"].as_str().expect("target");
    ws.write(
        "sources/copy.md",
        format!("{source}\n\nA brand new paragraph about the harbour council and its budget.\n"),
    );
    let by_source = "inconsistent: the same source text is translated differently in sources/article-00038.md segment 1";
    let by_target = "inconsistent: the same translation is used for a different source text in sources/article-00000.md segment 1";
    let found = |run: &Run| {
        let all = format!("{}{}", run.stdout, run.stderr);
        (all.contains(by_source), all.contains(by_target))
    };

    let one = ws.run(&[
        "set",
        "copy",
        "1",
        "-l",
        "fr",
        "--text",
        "Une tout autre traduction.",
    ]);
    assert_eq!(found(&one), (true, false), "{one:?}");
    let two = ws.run(&["set", "copy", "2", "-l", "fr", "--text", reused]);
    assert_eq!(found(&two), (false, true), "{two:?}");

    // The same two translations, recorded again by importing the whole article…
    ws.run(&["set", "copy", "1", "-l", "es", "--text", "Otra cosa."])
        .success();
    std::fs::remove_file(ws.path("translations/fr/copy.json")).expect("remove");
    ws.write(
        "copy.fr.md",
        format!("Une tout autre traduction.\n\n{reused}\n"),
    );
    let import = ws.run(&["import", "copy", "copy.fr.md", "-l", "fr"]);
    assert_eq!(found(&import), (true, true), "{import:?}");
    assert_eq!(ws.states("copy", "fr"), strs(&["current", "current"]));

    // …and through a PO file.
    std::fs::remove_file(ws.path("translations/fr/copy.json")).expect("remove");
    ws.run(&["po", "export", "copy", "-l", "fr", "-o", "copy.po"])
        .success();
    let po = std::fs::read_to_string(ws.path("copy.po")).expect("po");
    // Translate both entries; the memory's suggestion for the first (a fuzzy entry) goes.
    let mut filled = String::new();
    let (mut n, mut in_entry, mut in_msgstr) = (0, false, false);
    for line in po.lines() {
        if line.starts_with("#, fuzzy") || line.starts_with("#| ") {
            continue;
        }
        if line.starts_with("msgctxt ") {
            in_entry = true;
        } else if line.starts_with("msgstr ") && in_entry {
            n += 1;
            let text = if n == 1 {
                "Une tout autre traduction."
            } else {
                reused
            };
            filled.push_str("msgstr ");
            filled.push_str(&serde_json::to_string(text).expect("json"));
            filled.push('\n');
            (in_entry, in_msgstr) = (false, true);
            continue;
        } else if !line.starts_with('"') {
            in_msgstr = false;
        } else if in_msgstr {
            continue;
        }
        filled.push_str(line);
        filled.push('\n');
    }
    assert_eq!(n, 2, "{po}");
    ws.write("copy.po", filled);
    let imported = ws.run(&["po", "import", "copy.po"]);
    assert_eq!(found(&imported), (true, true), "{imported:?}");
    assert_eq!(ws.states("copy", "fr"), strs(&["current", "current"]));
}

/// The `inconsistent` messages of `qa` on segment 1 of `article` in French.
fn inconsistent_at_one(ws: &Ws, article: &str) -> Vec<String> {
    inconsistent_at(ws, article, 1)
}

/// The `inconsistent` messages of `qa` on segment `n` of `article` in French.
fn inconsistent_at(ws: &Ws, article: &str, n: usize) -> Vec<String> {
    ws.run(&["qa", article, "-l", "fr", "--format", "json"])
        .json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["check"] == "inconsistent" && f["n"] == n)
        .map(|f| f["message"].as_str().expect("message").to_owned())
        .collect()
}

/// Asserts that `run` reported exactly the `inconsistent` findings `messages`.
#[track_caller]
fn said(run: &Run, messages: &[String]) {
    let all = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(
        all.matches("inconsistent: ").count(),
        messages.len(),
        "{all}"
    );
    for message in messages {
        assert!(
            all.contains(&format!("inconsistent: {message}")),
            "{message}: {all}"
        );
    }
}

/// Once the files have settled, `set`, `import` and `accept` take the other articles'
/// translations from the consistency index the command before them saved
/// (`.bitext-cache/consistency/`), reading only what changed since: their findings are still
/// those of `qa`, which reads every file, also after another article's translation was
/// edited in place.
#[test]
fn recording_commands_find_what_qa_finds_with_the_saved_consistency_index() {
    let ws = Ws::generated(30, 11);
    let config = ws.read("bitext.toml");
    ws.write(
        "bitext.toml",
        format!("{config}\n[qa]\ninconsistent = \"error\"\n"),
    );
    let other = "translations/fr/article-00028.json";
    let source = ws.json(other)["units"][0]["source"]
        .as_str()
        .expect("source")
        .to_owned();
    ws.write(
        "sources/copy.md",
        format!("{source}\n\nA brand new paragraph about the harbour council and its budget.\n"),
    );
    let elsewhere =
        "the same source text is translated differently in sources/article-00028.md segment 1";
    let settle = || std::thread::sleep(std::time::Duration::from_millis(2_200));
    let index = ws.path(".bitext-cache/consistency/fr.index");

    settle();
    let set = ws
        .run(&[
            "set",
            "copy",
            "1",
            "-l",
            "fr",
            "--text",
            "Une tout autre traduction.",
        ])
        .success();
    assert!(index.is_file(), "the first command saves the index");
    let found = inconsistent_at_one(&ws, "copy");
    assert_eq!(found, strs(&[elsewhere]));
    said(&set, &found);

    // The other article's translation edited in place (no rename): it agrees now.
    let mut file = ws.json(other);
    file["units"][0]["target"] = "Une tout autre traduction.".into();
    ws.write(other, serde_json::to_string_pretty(&file).expect("json"));
    let set = ws
        .run(&[
            "set",
            "copy",
            "1",
            "-l",
            "fr",
            "--text",
            "Une tout autre traduction.",
        ])
        .success();
    assert_eq!(inconsistent_at_one(&ws, "copy"), Vec::<String>::new());
    said(&set, &[]);

    // Settled again: the edited article is read once more and saved with the changes.
    settle();
    ws.write(
        "copy.fr.md",
        "Encore autre chose.\n\nUn tout nouveau paragraphe.\n",
    );
    let import = ws
        .run(&["import", "copy", "copy.fr.md", "-l", "fr", "--force"])
        .success();
    assert!(ws.path(".bitext-cache/consistency/fr.changes").is_file());
    let found = inconsistent_at_one(&ws, "copy");
    assert_eq!(found, strs(&[elsewhere]));
    said(&import, &found);

    // accept checks errors only: the consistency check is one here.
    settle();
    ws.run(&[
        "set",
        "copy",
        "1",
        "-l",
        "fr",
        "--draft",
        "--text",
        "Autre chose.",
    ])
    .success();
    let accept = ws.run(&["accept", "copy", "1", "-l", "fr"]);
    assert_eq!(accept.code, 1, "{accept:?}");
    said(&accept, &strs(&[elsewhere]));
    ws.run(&[
        "set",
        "copy",
        "1",
        "-l",
        "fr",
        "--draft",
        "--text",
        "Une tout autre traduction.",
    ])
    .success();
    // The heading's number is missing from both translations: the numbers check's error.
    let accept = ws
        .run(&["accept", "copy", "1", "-l", "fr", "--force"])
        .success();
    said(&accept, &[]);
}

/// A command about one article looks at the articles the saved index names for its texts
/// and at those bitext wrote since, not at every file: what bitext writes is seen by the next
/// command, a translation written outside bitext in an article the index does not name for
/// that text is seen once a workspace-wide `sync` (or `qa`) has brought the index up to date.
#[test]
fn recording_commands_see_what_bitext_wrote_and_after_sync_what_was_written_by_hand() {
    let ws = Ws::generated(30, 11);
    let shared = "The harbour council voted the new budget on a quiet Tuesday evening.";
    ws.write(
        "sources/copy.md",
        format!("A paragraph of its own about the fishing fleet.\n\n{shared}\n"),
    );
    let settle = || std::thread::sleep(std::time::Duration::from_millis(2_200));
    let set = |article: &str, n: &str, text: &str| {
        ws.run(&["set", article, n, "-l", "fr", "--text", text])
            .success()
    };
    let in_copy = "the same source text is translated differently in sources/copy.md segment 2";
    settle();
    set("copy", "2", "Le conseil a voté le budget.");

    // Written by bitext just before: seen at once.
    ws.write("sources/third.md", format!("{shared}\n"));
    let third = set("third", "1", "Le conseil du port a adopté le budget.");
    said(&third, &strs(&[in_copy]));
    let third = set("third", "1", "Le conseil a voté le budget.");
    said(&third, &[]);

    // Translated by hand in a new article's file: `qa` reads every file and sees it...
    ws.write("sources/hand.md", format!("{shared}\n"));
    ws.run(&["sync", "hand"]).success();
    let path = "translations/fr/hand.json";
    let mut file = ws.json(path);
    file["units"][0]["target"] = "Le budget a été voté par le conseil.".into();
    ws.write(path, serde_json::to_string_pretty(&file).expect("json"));
    settle();
    let in_hand = "the same source text is translated differently in sources/hand.md segment 1";
    assert_eq!(inconsistent_at(&ws, "copy", 2), strs(&[in_hand]));
    // ...a command about another article does not, until the workspace-wide `sync`.
    said(&set("copy", "2", "Le conseil a voté le budget."), &[]);
    ws.run(&["sync"]).success();
    said(
        &set("copy", "2", "Le conseil a voté le budget."),
        &strs(&[in_hand]),
    );
}

#[test]
fn set_finds_inconsistencies_within_the_article_it_changes() {
    let ws = Ws::translated();
    let file = ws.json("translations/fr/harbour.json");
    let third = file["units"][2]["target"]
        .as_str()
        .expect("target")
        .to_owned();
    let run = ws.run(&["set", "harbour", "2", "-l", "fr", "--text", &third]);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(
        all.contains(
            "inconsistent: the same translation is used for a different source text in \
             sources/harbour.md segment 3"
        ),
        "{run:?}"
    );
    // The segment's own former translation is not another translation of its text.
    let again = ws.run(&[
        "set",
        "harbour",
        "4",
        "-l",
        "fr",
        "--text",
        "Le maire a promis.",
    ]);
    let all = format!("{}{}", again.stdout, again.stderr);
    assert!(!all.contains("inconsistent"), "{again:?}");
}

#[test]
fn code_copied_verbatim_is_neither_numbers_missing_nor_untranslated() {
    let ws = Ws::new();
    ws.write(
        "sources/ping.md",
        "# ping\n\nSend packets to a host on the network.\n\n- Ping an address:\n\n`ping 192.168.0.1`\n\n- Ping version `13.5.2` of the service on port 8080:\n\n`ping -p 8080 {{host}}`\n",
    );
    ws.set_all(
        "ping",
        "fr",
        &[
            "# ping",
            "Send packets to a host on the network.",
            "Pinger une adresse\u{a0}:",
            "`ping 192.168.0.1`",
            "Pinger la version `13.5.2` du service sur le port 8080\u{a0}:",
            "`ping -p 8080 {{hôte}}`",
        ],
    );
    let report = ws.run(&["qa", "-l", "fr", "--format", "json"]).json();
    let findings: Vec<(u64, String)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["n"].as_u64().expect("n"),
                f["check"].as_str().expect("check").to_owned(),
            )
        })
        .collect();
    // The prose left in English is untranslated; code copied as it is, with its address,
    // version and port, is neither untranslated nor missing a number.
    assert_eq!(findings, [(2, "untranslated".to_owned())], "{report}");
    ws.run(&["accept", "ping", "4", "-l", "fr"]).success();
}

/// The Node.js guides refer to links defined at the bottom of the English page
/// (`[API reference][]`). A translated page that writes the link inline keeps it; one that
/// keeps the reference without the definition shows bracketed text, and loses it. A
/// translation file's references resolve against the source page's definitions, which an
/// export copies.
#[test]
fn reference_links_resolve_against_the_definitions_of_each_page() {
    const EN: &str = "# Guide\n\nThere are other options too, so consult the [API reference][].\n\n[API reference]: https://nodejs.org/api/http.html\n";
    let pages = Ws::new();
    pages.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n[layout]\nsources = \"locale/en\"\ntranslations = \"locale/{lang}\"\n",
    );
    pages.write("locale/en/guide.md", EN);
    pages.write(
        "locale/fr/guide.md",
        "# Guide\n\nIl existe d'autres options, voir la [référence de l'API](https://nodejs.org/api/http.html).\n",
    );
    pages.write(
        "locale/es/guide.md",
        "# Guía\n\nHay otras opciones, consulte la [referencia de la API][API reference].\n",
    );
    let report = pages.run(&["qa", "--format", "json"]).json();
    let found: Vec<(&str, &str, &str)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["lang"].as_str().expect("lang"),
                f["check"].as_str().expect("check"),
                f["source_part"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("es", "links", "https://nodejs.org/api/http.html"),
            ("es", "markup", "")
        ],
        "{report}"
    );

    let files = Ws::new();
    files.write("sources/guide.md", EN);
    files.write(
        "guide.fr.md",
        "# Guide\n\nIl existe d'autres options, voir la [référence de l'API][API reference].\n",
    );
    files
        .run(&["import", "guide", "-l", "fr", "guide.fr.md"])
        .success();
    let report = files.run(&["qa", "--format", "json"]).json();
    assert_eq!(report["findings"], serde_json::json!([]), "{report}");
}
